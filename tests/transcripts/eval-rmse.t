# Rating models also get rmse and mae over every held-out pair (the score at
# the pair is the prediction); compare gives them a bootstrap interval over
# users and ranks them lower-is-better; significance tests each user's own rmse.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/eval/train.csv
format: delimited text
log data/eval/train.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/eval/train.csv
format        csv
interactions  8
users         3
items         5
creators      -
signal        rating 2-5
> split files test=data/eval/test.csv --allow-overlap
format: delimited text
log data/eval/test.csv: comma-separated, header row; user=user item=item value=rating time=(none)
kind        files
split       files test=data/eval/test.csv
train       8
valid       0
test        5
test users  3
warning: --allow-overlap: 1 of 5 held-out rows are also in the training log (same user and item): eval cannot rank them (seen items) and rmse/mae include them
> train knn model=userknn
userknn: rating mode (baseline + the k nearest neighbours' deviations)
name            knn
kind            userknn
params          sim cosine  k 40  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  8
seconds         (time)
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  8
seconds         (time)
> eval knn k=2
1 held-out pair the user also has in training: not ranked (seen items are left out), so not counted as relevant
knn (userknn):
  model                      knn
  kind                       userknn
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  rated pairs                5
  rmse                       1.6832
  mae                        1.451
  auc                        0.6667
  ranking:
    k  precision  recall   ndcg     map     mrr  hit
    2     0.6667       1  0.877  0.8333  0.8333    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2            0.8    2.833       1.167
  seconds                    (time)
> compare k=2 metrics=rmse,mae,ndcg@2
1 held-out pair the user also has in training: not ranked (seen items are left out), so not counted as relevant
baseline random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  rmse                     mae                      ndcg@2
  knn    1.683 [0.5323, 2.437] *  1.451 [0.5323, 2.361] *  0.877 ±0.53 *
  pop    -                        -                        0.748 ±0.54
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  knn  does not beat pop on ndcg@2: 0.877 vs 0.748, p = 0.423
  knn  does not beat random on ndcg@2: 0.877 vs 0.7956, p = 0.803
  pop  does not beat random on ndcg@2: 0.748 vs 0.7956, p = 0.81
> significance knn pop metric=ndcg@2
1 held-out pair the user also has in training: not ranked (seen items are left out), so not counted as relevant
no significant difference on ndcg@2 at 5%
metric                    ndcg@2
a                         knn
b                         pop
protocol                  full ranking, test part
paired users              3
knn                       0.87698
pop                       0.74803
difference (knn - pop)    0.129
95% CI from               -0.4259
95% CI to                 0.6838
paired t                  1
df                        2
p (t-test)                0.423
effect size d_z           0.577
wilcoxon pairs            1
zero differences dropped  2
W+                        1
W-                        0
z                         0
p (wilcoxon)              1
rank-biserial r           1
