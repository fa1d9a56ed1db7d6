# significance: paired t-test and Wilcoxon signed-rank test over the users
# where both models have a value; p-values from the t distribution and the
# normal approximation.
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
> significance pop rnd
relevance: watch_ratio >= 2 (every pair of the fully observed block is held out; relevant=COL>=T changes it)
1412 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
no significant difference on ndcg@10 at 5%
metric                    ndcg@10
a                         pop
b                         rnd
protocol                  ranking the observed block's items, test part
paired users              72
pop                       0.047267
rnd                       0.038437
difference (pop - rnd)    0.00883
95% CI from               -0.02064
95% CI to                 0.0383
paired t                  0.5975
df                        71
p (t-test)                0.552
effect size d_z           0.0704
wilcoxon pairs            31
zero differences dropped  41
W+                        264
W-                        232
z                         0.3038
p (wilcoxon)              0.761
rank-biserial r           0.0645
> significance rnd pop metric=watch_ratio@10
relevance: watch_ratio >= 2 (every pair of the fully observed block is held out; relevant=COL>=T changes it)
1412 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop is better on watch_ratio@10; both tests reject equality at 5%
metric                    watch_ratio@10
a                         rnd
b                         pop
protocol                  ranking the observed block's items, test part
paired users              80
rnd                       0.63072
pop                       0.75863
difference (rnd - pop)    -0.1279
95% CI from               -0.1763
95% CI to                 -0.07951
paired t                  -5.261
df                        79
p (t-test)                1.20e-06
effect size d_z           -0.588
wilcoxon pairs            80
zero differences dropped  0
W+                        684
W-                        2,556
z                         -4.487
p (wilcoxon)              7.23e-06
rank-biserial r           -0.578
> significance pop rnd metric=auc
relevance: watch_ratio >= 2 (every pair of the fully observed block is held out; relevant=COL>=T changes it)
1412 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop is better on auc; both tests reject equality at 5%
metric                    auc
a                         pop
b                         rnd
protocol                  ranking the observed block's items, test part
paired users              72
pop                       0.6693
rnd                       0.4999
difference (pop - rnd)    0.1694
95% CI from               0.1188
95% CI to                 0.22
paired t                  6.678
df                        71
p (t-test)                4.56e-09
effect size d_z           0.787
wilcoxon pairs            72
zero differences dropped  0
W+                        2,290
W-                        338
z                         5.474
p (wilcoxon)              4.39e-08
rank-biserial r           0.743
