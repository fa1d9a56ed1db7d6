# Sampled metrics are marked wherever they are shown (issue 15): eval's
# protocol and sampled lines, results warns when the kept results mix sampled
# and full-ranking ones, compare's leaderboard title and its sampled key.
# compare evaluates every model under one protocol, so it cannot mix them.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/guard/log.csv
format: delimited text
log data/guard/log.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/guard/log.csv
format        csv
interactions  12
users         6
items         4
creators      -
signal        binary (no value column: every row a positive)
> split random test=0.3
kind        random
split       random test=0.3 valid=0 seed=1
train       10
valid       0
test        2
test users  2
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  10
seconds         (time)
> train r model=random
name            r
kind            random
params          seed 1
training pairs  10
seconds         (time)
> eval p
p (pop):
  model                      p
  kind                       pop
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      2
  users with relevant items  2
  auc                        0.125
  ranking:
     k  precision  recall    ndcg     map     mrr  hit
    10        0.1       1  0.5655  0.4167  0.4167    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    2.029         2.5
  seconds                    (time)
> eval r sampled=2
r (random):
  model                      r
  kind                       random
  protocol                   sampled candidates, test part (sampled metrics are inflated)
  relevance                  every held-out row
  sampled                    2
  users                      2
  users with relevant items  2
  auc                        0.5
  ranking:
     k  precision  recall    ndcg  map  mrr  hit
    10        0.1       1  0.6309  0.5  0.5    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    2.029         2.5
  seconds                    (time)
warning: sampled candidates (2 negatives per user) inflate every ranking metric; compare only with the same protocol
> results
p (pop):
  model                      p
  kind                       pop
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      2
  users with relevant items  2
  auc                        0.125
  ranking:
     k  precision  recall    ndcg     map     mrr  hit
    10        0.1       1  0.5655  0.4167  0.4167    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    2.029         2.5
  seconds                    (time)
r (random):
  model                      r
  kind                       random
  protocol                   sampled candidates, test part (sampled metrics are inflated)
  relevance                  every held-out row
  sampled                    2
  users                      2
  users with relevant items  2
  auc                        0.5
  ranking:
     k  precision  recall    ndcg  map  mrr  hit
    10        0.1       1  0.6309  0.5  0.5    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    2.029         2.5
  seconds                    (time)
warning: 1 of these results rank sampled candidates (inflated) and 1 every unseen item: their figures are not comparable (compare evaluates all under one protocol)
> compare sampled=2
protocol           sampled candidates, test part (sampled metrics are inflated)
relevance          every held-out row
sampled negatives  2
leaderboard, SAMPLED candidates: inflated (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  precision@10  recall@10  ndcg@10       map@10       mrr@10       hit@10  auc
  p      0.1 ±0 *      1 ±0 *     0.5655 ±0.83  0.4167 ±1.1  0.4167 ±1.1  1 ±0 *  0.125 ±1.6
  r      0.1 ±0 *      1 ±0 *     0.6309 ±0 *   0.5 ±0 *     0.5 ±0 *     1 ±0 *  0.5 ±0 *
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  p  does not beat r on precision@10: 0.1 vs 0.1, p = 1
warning: sampled candidates (2 negatives per user) inflate every ranking metric; compare only with the same protocol
