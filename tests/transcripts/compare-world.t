# compare: a leaderboard over users with 95% confidence intervals (t over
# per-user values), the best of each column marked, rows best first; then a
# chosen set of columns, whose cutoffs are evaluated as needed.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load samples/world --skip-bad
format: KuaiRec 2.0 folder samples/world
log samples/world/big_matrix.csv.gz: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block samples/world/small_matrix.csv.gz: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items samples/world/item_daily_features.csv.gz: 5098 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items samples/world/item_categories.csv.gz: 800 rows, id column video_id, 1 other column
items samples/world/kuairec_caption_category.csv.gz: 800 rows, id column video_id, 9 other columns
users samples/world/user_features.csv.gz: 404 rows, id column user_id, 30 other columns
users samples/world/social_network.csv.gz: 108 rows, id column user_id, 1 other column
ground truth: dirt.csv lists 200 injected dirty rows, manifest.json 4 bot users
path            samples/world
format          kuairec
interactions    21,288
users           404
items           800
creators        80
observed block  19,124
signal          ratio (watch_ratio), median 0.8832, max 291.1
warning: skipped 3 malformed rows of samples/world/big_matrix.csv.gz (first: samples/world/big_matrix.csv.gz:4705: expected 11 fields, found 3)
> split observed
kind        observed
split       observed (test: the fully observed block)
train       21,288
valid       0
test        19,124
test users  80
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  21,101
seconds         (time)
> train rnd model=random
name            rnd
kind            random
params          seed 1
training pairs  21,101
seconds         (time)
> compare
relevance: watch_ratio >= 2 (every pair of the fully observed block is held out; relevant=COL>=T changes it)
1412 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
protocol   ranking the observed block's items, test part
relevance  watch_ratio >= 2
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  precision@10      recall@10        ndcg@10           map@10           mrr@10            hit@10         auc
  pop    0.03611 ±0.017 *  0.05564 ±0.03 *  0.04727 ±0.026 *  0.0211 ±0.015 *  0.07715 ±0.046    0.25 ±0.1      0.6693 ±0.035 *
  rnd    0.02639 ±0.01     0.04716 ±0.022   0.03844 ±0.017    0.01397 ±0.0074  0.08076 ±0.041 *  0.2639 ±0.1 *  0.4999 ±0.036
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  pop  does not beat rnd on precision@10: 0.03611 vs 0.02639, p = 0.3
> compare rnd pop metrics=ndcg@5,recall@20,watch_ratio@10,effective@10,popularity@10,item_coverage@10
relevance: watch_ratio >= 2 (every pair of the fully observed block is held out; relevant=COL>=T changes it)
1412 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
protocol   ranking the observed block's items, test part
relevance  watch_ratio >= 2
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  ndcg@5            recall@20        watch_ratio@10   effective@10     popularity@10  item_coverage@10
  pop    0.03564 ±0.028 *  0.1423 ±0.051 *  0.7586 ±0.052 *  0.0325 ±0.015 *  98.16 ±2.4     0.04141
  rnd    0.0355 ±0.019     0.07913 ±0.028   0.6307 ±0.031    0.02375 ±0.0095  25.51 ±1.3     0.2873 *
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  pop  does not beat rnd on ndcg@5: 0.03564 vs 0.0355, p = 0.993
