# tune's default metric follows what the model predicts: itemknn is a
# rating kind, but with binary=yes (its implicit mode, sums of similarities)
# it ranks, so it is tuned on ndcg@10, not rmse; on watch_ratio values
# (rating mode) rmse. The same rule as train's validation metric.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^trials:$/,/^[^ ]/s/  *[0-9][0-9.e+-]*$/  (time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
# filter: /^trials:$/,/^[^ ]/s/  *seconds$/  seconds/
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
> split user test=0.2 valid=0.1 seed=7
kind        user
split       user test=0.2 valid=0.1 seed=7
train       15,330
valid       1,694
test        4,264
test users  404
> tune model=itemknn binary=yes k=10,40 name=kt
15 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
kept the best as model kt (eval kt scores it on the test part)
kind         itemknn
metric       ndcg@10
search       grid
grid points  2
trials:
  trial  k    ndcg@10  best  seconds
      1  10  0.072251  (time)
      2  40  0.087213  *  (time)
best:
  name     kt
  params   sim cosine  k 40  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
  ndcg@10  0.087213
> tune model=itemknn k=10,40 name=kr
15 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
itemknn: rating mode (baseline + the k nearest neighbours' deviations)
itemknn: rating mode (baseline + the k nearest neighbours' deviations)
kept the best as model kr (eval kr scores it on the test part)
kind         itemknn
metric       rmse
search       grid
grid points  2
trials:
  trial  k     rmse  best  seconds
      1  10  5.2499  (time)
      2  40  5.1908  *  (time)
best:
  name    kr
  params  sim cosine  k 40  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
  rmse    5.1908
> train v model=itemknn binary=yes k=40
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            v
kind            itemknn
params          sim cosine  k 40  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  15,232
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.08691  (time)
