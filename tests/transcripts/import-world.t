# import recs: lists written by eval lists= come back as a model of kind
# imported that evaluates like the model that made them; lists shorter than
# k count as such (precision divides by k).
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
> eval pop k=10 lists=pop-lists.csv export=pop-users.csv
relevance: watch_ratio >= 2 (every pair of the fully observed block is held out; relevant=COL>=T changes it)
1412 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
per-user values written to pop-users.csv
top-k lists written to pop-lists.csv
pop (pop):
  model                      pop
  kind                       pop
  protocol                   ranking the observed block's items, test part
  relevance                  watch_ratio >= 2
  diversity from             feat
  users                      80
  users with relevant items  72
  short-video metrics        fully observed block
  auc                        0.6693
  ranking:
     k  precision   recall     ndcg     map      mrr   hit
    10    0.03611  0.05564  0.04727  0.0211  0.07715  0.25
  beyond accuracy:
     k  item_coverage  creator_coverage  novelty  diversity  popularity
    10        0.04141            0.1625    7.797     0.9063       98.16
  short video (fully observed block):
     k  watch_ratio  completion  effective    dwell    like
    10       0.7586      0.2412     0.0325  264,665  0.0925
  seconds                    (time)
> import recs pop-lists.csv as ext
name                           ext
file                           pop-lists.csv
order                          rank
rows                           800
entries                        800
users with a list              80
longest list                   10
unknown users                  0
unknown items                  0
listed items seen in training  0
> compare pop ext k=10,20
relevance: watch_ratio >= 2 (every pair of the fully observed block is held out; relevant=COL>=T changes it)
1412 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
baseline random trained for this comparison (not kept)
protocol   ranking the observed block's items, test part
relevance  watch_ratio >= 2
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  precision@10      recall@10        ndcg@10           map@10           mrr@10            hit@10       precision@20      recall@20        ndcg@20           map@20           mrr@20            hit@20       auc
  pop    0.03611 ±0.017 *  0.05564 ±0.03 *  0.04727 ±0.026 *  0.0211 ±0.015 *  0.07715 ±0.046 *  0.25 ±0.1 *  0.04167 ±0.013 *  0.1423 ±0.051 *  0.08014 ±0.029 *  0.0283 ±0.017 *  0.09425 ±0.045 *  0.5 ±0.12 *  0.6693 ±0.035 *
  ext    0.03611 ±0.017 *  0.05564 ±0.03 *  0.04727 ±0.026 *  0.0211 ±0.015 *  0.07715 ±0.046 *  0.25 ±0.1 *  0.01806 ±0.0084   0.05564 ±0.03    0.04483 ±0.025    0.01972 ±0.015   0.07715 ±0.046    0.25 ±0.1    0.5056 ±0.015
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  pop  does not beat random on precision@10: 0.03611 vs 0.02639, p = 0.3
  ext  does not beat pop on precision@10: 0.03611 vs 0.03611, p = 1
  ext  does not beat random on precision@10: 0.03611 vs 0.02639, p = 0.3
> significance pop ext
relevance: watch_ratio >= 2 (every pair of the fully observed block is held out; relevant=COL>=T changes it)
1412 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
ndcg@10: no difference between pop and ext
metric                    ndcg@10
a                         pop
b                         ext
protocol                  ranking the observed block's items, test part
paired users              72
pop                       0.047267
ext                       0.047267
difference (pop - ext)    0
95% CI from               0
95% CI to                 0
paired t                  0
df                        71
p (t-test)                1
effect size d_z           0
wilcoxon pairs            0
zero differences dropped  72
W+                        0
W-                        0
z                         0
p (wilcoxon)              1
rank-biserial r           0
> recommend user=0 model=ext k=3
model     ext
user      0
fallback  no
items:
  rank  item  score  creator  text
     1  454      10  35       治愈打扫独居 #生活
     2  708       9  52       麻辣推荐早餐 #美食
     3  100       8  5        表情搞笑表情笑死模仿搞笑 #搞笑
