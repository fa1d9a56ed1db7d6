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
observed block  19,124
signal          ratio (watch_ratio), median 0.8832, max 291.1
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
params          factors 8  epochs 6  lr 0.01  decay 0.93  reg 0.05  reg_bias 0.05  reg_exp 1  init 0.1  clip yes
training pairs  14,243
seconds         (time)
epochs          6
best epoch      6
metric          rmse
history:
  epoch  loss  rmse  seconds
  1  0.592983  0.5644  (time)
  2  0.557245  0.5557  (time)
  3  0.544579  0.5515  (time)
  4  0.537116  0.5497  (time)
  5  0.532278  0.5487  (time)
  6  0.528746  0.5479  (time)
> train s model=svdpp factors=8 epochs=6 lr=0.01 init=0.1
name            s
kind            svdpp
params          factors 8  epochs 6  lr 0.01  decay 0.93  reg 0.065  reg_bias 0.05  reg_implicit 0.05  init 0.1  clip yes
training pairs  14,243
seconds         (time)
epochs          6
best epoch      6
metric          rmse
history:
  epoch  loss  rmse  seconds
  1  0.593146  0.5647  (time)
  2  0.556937  0.5552  (time)
  3  0.544263  0.5516  (time)
  4  0.536895  0.5495  (time)
  5  0.53205  0.5483  (time)
  6  0.528499  0.5482  (time)
> recommend user=0 k=3 model=m
model     m
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  197   1.4362  20       haul outfit style beauty ootd hairstyle today #Fashion
     2  781   1.3611  20       parody meme comedy comedy #Comedy
     3  263   1.2768  20       lol parody new #Comedy
> explain user=0 item=612 k=3 model=m
model     m
kind      mf
user      0
item      612
text      dessert dessert dessert baking cooking tasty
score     0.7475
rank      -
seen      yes
fallback  no
reasons:
  item  text                                    contribution
  297   workout workout team time goal #Sports      -0.67596
  506   日常一下沙雕日常哈哈名场面第一次             0.47579
  394   车评保养越野跑车新能源 #汽车                -0.47214
rest      1.4198
> explain user=0 item=612 k=3 model=s
model     s
kind      svdpp
user      0
item      612
text      dessert dessert dessert baking cooking tasty
score     0.73067
rank      -
seen      yes
fallback  no
reasons:
  item  text                                       contribution
  200   lookbook today try trend outfit #skincare     0.0024533
  312   油耗真的新能源 #汽车                          -0.001013
  251   车评试驾提车 #汽车 #真的                    -0.00081236
rest      0.73005
> similar item=612 k=3 model=s
model  s
item   612
text   dessert dessert dessert baking cooking tasty
items:
  rank  item  similarity  creator  text
     1  756      0.91144  20       skincare with ootd lookbook new the time
     2  735      0.89884  75       冠军 champion with 足球 比赛 篮球 fitness #体育
     3  251      0.87842  7        车评试驾提车 #汽车 #真的
> recommend user=0 k=3 model=s
model     s
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  197   1.4355  20       haul outfit style beauty ootd hairstyle today #Fashion
     2  781   1.3583  20       parody meme comedy comedy #Comedy
     3  263   1.2575  20       lol parody new #Comedy
