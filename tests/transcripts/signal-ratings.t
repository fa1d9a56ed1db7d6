# rmse and mae only for models that predict the value (issue 15, item 4):
# itemknn in its rating mode does, in mode=implicit its scores only rank, so
# eval and compare leave rmse out for it and say why once. Ratings load as
# signal rating 1-5 and change no default.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/models/ratings.csv
format: delimited text
log data/models/ratings.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/models/ratings.csv
format        csv
interactions  14
users         5
items         5
creators      -
signal        rating 1-5
> split random test=0.3 seed=1
kind        random
split       random test=0.3 valid=0 seed=1
train       11
valid       0
test        3
test users  3
> train r model=itemknn k=2
itemknn: rating mode (baseline + the k nearest neighbours' deviations)
name            r
kind            itemknn
params          sim cosine  k 2  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  11
seconds         (time)
> train i model=itemknn k=2 mode=implicit
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            i
kind            itemknn
params          sim cosine  k 2  shrink 0  min_support 1  mode implicit  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  11
seconds         (time)
> eval i
no rmse/mae for i: in mode=implicit its scores rank items, they are not predicted values
i (itemknn):
  model                      i
  kind                       itemknn
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  auc                        0.5278
  ranking:
     k  precision  recall    ndcg     map     mrr  hit
    10        0.1       1  0.6872  0.5833  0.5833    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    2.346       2.194
  seconds                    (time)
> compare r i metrics=rmse,ndcg@10
no rmse/mae for i: in mode=implicit its scores rank items, they are not predicted values
baselines pop and random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  rmse                    ndcg@10
  r      2.238 [1.241, 2.668] *  0.5642 ±0.29
  i      -                       0.6872 ±0.72 *
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  r  does not beat pop on ndcg@10: 0.5642 vs 0.5642, p = 1
  r  does not beat random on ndcg@10: 0.5642 vs 0.5205, p = 0.423
  i  does not beat pop on ndcg@10: 0.6872 vs 0.5642, p = 0.423
  i  does not beat random on ndcg@10: 0.6872 vs 0.5205, p = 0.263
