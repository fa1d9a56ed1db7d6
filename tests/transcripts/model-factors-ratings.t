# The rating models on the bundled world's watch ratios (outliers capped
# first): mf and svdpp train with validation RMSE per epoch, recommend,
# explain (mf: factor cosine times how far each of the user's ratings sits
# above its biases; svdpp: each past item's exact share of the implicit term)
# and answer similar.
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
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
observed block  19,107
warning: skipped 3 malformed rows of samples/world/big_matrix.csv.gz (first: samples/world/big_matrix.csv.gz:4705: expected 11 fields, found 3)
> clean outliers watch_ratio
step           outliers
column         watch_ratio
table          log
before         rows 21,288  users 404  items 797
after          rows 19,918  users 404  items 797
rows removed   1,370
removed:
  reason                      rows
  watch_ratio above 2.90655  1,370
rule           iqr k=1.5 on watch_ratio, drop
values judged  21,240
not judged     48
stats          q1 0.5283  q3 1.48
fences         lower -0.898604  upper 2.90655
values beyond  below 0  above 1,370
injected dirt  kinds outlier  unit rows  dirty 41  flagged 1,370  found 41  recall 100%  precision 2.99%
> split user test=0.2 valid=0.1
kind        user
split       user test=0.2 valid=0.1 seed=1
train       14,333
valid       1,606
test        3,979
test users  404
> train m model=mf factors=8 epochs=6 lr=0.01 init=0.1 reg=0.05
name            m
kind            mf
params          factors 8  epochs 6  lr 0.01  decay 0.95  reg 0.05  reg_bias 0.01  reg_exp 1  init 0.1  clip yes
training pairs  14,243
seconds         (time)
epochs          6
best epoch      6
metric          rmse
history:
  epoch  loss  rmse  seconds
  1  0.59262  0.5639  (time)
  2  0.556675  0.5552  (time)
  3  0.543821  0.551  (time)
  4  0.536214  0.5492  (time)
  5  0.531272  0.5482  (time)
  6  0.527663  0.5475  (time)
> train s model=svdpp factors=8 epochs=6 lr=0.01 init=0.1
name            s
kind            svdpp
params          factors 8  epochs 6  lr 0.01  decay 0.95  reg 0.05  reg_bias 0.01  reg_implicit 0.05  init 0.1  clip yes
training pairs  14,243
seconds         (time)
epochs          6
best epoch      6
metric          rmse
history:
  epoch  loss  rmse  seconds
  1  0.592784  0.5642  (time)
  2  0.556395  0.5547  (time)
  3  0.543509  0.5511  (time)
  4  0.535952  0.549  (time)
  5  0.530948  0.5479  (time)
  6  0.527293  0.5478  (time)
> recommend user=0 k=3 model=m
model     m
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  197   1.4519  20       haul outfit style beauty ootd hairstyle today #Fashion
     2  781   1.3765  20       parody meme comedy comedy #Comedy
     3  263   1.2862  20       lol parody new #Comedy
> explain user=0 item=612 k=3 model=m
model     m
kind      mf
user      0
item      612
text      dessert dessert dessert baking cooking tasty
score     0.73666
rank      -
seen      yes
fallback  no
reasons:
  item  text                                    contribution
  297   workout workout team time goal #Sports      -0.67487
  506   日常一下沙雕日常哈哈名场面第一次             0.47432
  394   车评保养越野跑车新能源 #汽车                -0.47164
rest      1.4088
> explain user=0 item=612 k=3 model=s
model     s
kind      svdpp
user      0
item      612
text      dessert dessert dessert baking cooking tasty
score     0.71902
rank      -
seen      yes
fallback  no
reasons:
  item  text                                       contribution
  200   lookbook today try trend outfit #skincare     0.0023352
  312   油耗真的新能源 #汽车                        -0.00098598
  251   车评试驾提车 #汽车 #真的                    -0.00075936
rest      0.71843
> similar item=612 k=3 model=s
model  s
item   612
text   dessert dessert dessert baking cooking tasty
items:
  rank  item  similarity  creator  text
     1  756      0.91256  20       skincare with ootd lookbook new the time
     2  735      0.89927  75       冠军 champion with 足球 比赛 篮球 fitness #体育
     3  251      0.87865  7        车评试驾提车 #汽车 #真的
> recommend user=0 k=3 model=s
model     s
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  197   1.4525  20       haul outfit style beauty ootd hairstyle today #Fashion
     2  781    1.371  20       parody meme comedy comedy #Comedy
     3  263   1.2693  20       lol parody new #Comedy
