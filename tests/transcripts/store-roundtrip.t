# save / open from the front end: a workspace saved after load, clean,
# split, features, train (six kinds) and eval is opened after the session was
# changed completely (another dataset, another model); the pipeline, the
# models with their parameters, the recommend lists, similar, explain and
# the evaluation figures are what they were before the save, and undo still
# steps back through the opened pipeline. tests/shell/store-fresh.sh does the
# same across two processes. A model kept from other data (load keeps the
# models) is refused by recommend rather than read out of bounds.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
# filter: s/"seconds":[0-9.e+-]*/"seconds":(time)/g
# Figures of BLAS-trained models (als, ease, ...) follow the kernel and thread
# count in their last digits: reals compare within 1e-3 (tests/numcmp.py).
# tolerance: 1e-3
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
> clean dedup
step           dedup
before         rows 21,288  users 404  items 797
after          rows 21,206  users 404  items 797
rows removed   82
removed:
  reason                                      rows
  exact copy of an earlier row                  44
  same user, item and time as an earlier row    38
mode           event
injected dirt  kinds duplicate,repeat  unit rows  dirty 82  flagged 82  found 82  recall 100%  precision 100%
> clean outliers watch_ratio method=z scale=log side=upper
step           outliers
column         watch_ratio
table          log
before         rows 21,206  users 404  items 797
after          rows 21,165  users 404  items 797
rows removed   41
removed:
  reason                     rows
  watch_ratio above 12.7148    41
rule           z=3.5 (median/MAD) on log(watch_ratio), drop
values judged  21,158
not judged     48
stats of log   median -0.1248  mad 0.5141
fences         lower -  upper 12.7148
values beyond  below 0  above 41
injected dirt  kinds outlier  unit rows  dirty 41  flagged 41  found 41  recall 100%  precision 100%
> split user test=0.2 valid=0.1 seed=7
kind        user
split       user test=0.2 valid=0.1 seed=7
train       15,248
valid       1,676
test        4,241
test users  404
> features
video_duration read as milliseconds (median 37823)
text columns     caption,manual_cover_text,topic_tag,video_tag_name
items            all 800  with text 800  with terms 800
terms            kept 824  of 1,982  rare 1,158  common 0
tokens           7,634
nonzeros         tfidf 5,728  per item 7.16  matrix 10,708
feature columns  all 869  text 824  duration 7  upload_age 1  angle 3  category 16  feat 16  video_type 2
weighting        tf 1+ln(count), idf ln((1+n)/(1+df))+1, rows L2-normalized
top keywords per category:
  category  items  keywords
  游戏         87  游戏 #游戏 开黑 操作 主播 五杀 上分 电竞
  体育         78  体育 #体育 champion #sports 比赛 运动 training 篮球
  搞笑         76  搞笑 #搞笑 整蛊 模仿 日常 反转 哈哈 表情
  音乐         67  音乐 #音乐 好听 唱会 演唱 旋律 吉他 民谣
  生活         63  生活 #生活 家居 治愈 打扫 记录 vlog 好物
  亲子         57  亲子 #亲子 儿歌 辅食 成长 家庭 爸爸 育儿
  美食         57  美食 cooking #美食 baking 餐厅 recipe delicious noodles
  汽车         56  汽车 #汽车 车评 保养 改装 越野 新能 能源
  萌宠         45  萌宠 #pets puppy 橘猫 猫咪 cute 撒娇 可爱
  影视         42  影视 #影视 edit 综艺 解说 trailer #film tv
  知识         37  知识 #知识 讲解 科普 干货 学习 职场 考试
  科技         31  科技 #科技 评测 参数 相机 数码 电脑 科普
  舞蹈         28  舞蹈 舞者 #dance 舞台 freestyle 编舞 tutorial #舞蹈
  旅行         26  旅行 #旅行 trip camping island #travel citywalk 夜景
  时尚         22  时尚 outfit beauty style lipstick hairstyle #fashion lookbook
  三农         13  三农 rural garden livestock #rural fields farm orchard
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  15,184
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.06746  (time)
> train k model=itemknn binary=yes k=20 sim=jaccard shrink=5
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            k
kind            itemknn
params          sim jaccard  k 20  shrink 5  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  15,184
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.06321  (time)
> train a model=als factors=8 epochs=4 seed=3
name            a
kind            als
params          factors 8  epochs 4  reg 50  reg_exp 0  alpha 5  solver cholesky  cg_steps 3  init 0.01
training pairs  15,184
seconds         (time)
epochs          4
best epoch      4
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  6.90449  0.04133  (time)
  2  4.8313  0.06733  (time)
  3  4.58501  0.07301  (time)
  4  4.53271  0.08192  (time)
> train m model=mf factors=4 epochs=5 seed=3
name            m
kind            mf
params          factors 4  epochs 5  lr 0.045  decay 0.93  reg 0.065  reg_bias 0.05  reg_exp 1  init 0.001  clip yes
training pairs  15,184
seconds         (time)
epochs          5
best epoch      3
metric          rmse
history:
  epoch  loss  rmse  seconds
  1  0.961935  0.8878  (time)
  2  0.900232  0.8801  (time)
  3  0.890392  0.874  (time)
  4  0.88529  0.8804  (time)
  5  0.882137  0.8747  (time)
> train e model=ease lambda=50
name            e
kind            ease
params          lambda 50  max_items 20000
training pairs  15,184
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.0704  (time)
> train c model=content
name            c
kind            content
params          blocks 
training pairs  15,184
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.03043  (time)
> compare k=10 metrics=ndcg@10,precision@10,auc,rmse
23 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
baseline random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  ndcg@10          precision@10     auc              rmse
  a      0.1344 ±0.015 *  0.1032 ±0.012 *  0.7627 ±0.011 *  -
  e      0.1299 ±0.015    0.102 ±0.013     0.6879 ±0.012    -
  p      0.1216 ±0.015    0.09455 ±0.012   0.7465 ±0.011    -
  k      0.1213 ±0.014    0.09777 ±0.011   0.6761 ±0.012    -
  c      0.0495 ±0.0095   0.03985 ±0.007   0.6173 ±0.014    -
  m      0.02982 ±0.0071  0.02574 ±0.0057  0.5535 ±0.014    0.9562 [0.8833, 1.027] *
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  e  does not beat p on ndcg@10: 0.1299 vs 0.1216, p = 0.213
  k  does not beat p on ndcg@10: 0.1213 vs 0.1216, p = 0.955
  c  does not beat p on ndcg@10: 0.0495 vs 0.1216, p = 2.16e-15
  m  does not beat p on ndcg@10: 0.02982 vs 0.1216, p = 1.87e-29
warning: short-video metrics come from the logged items of each list only (a sparse log): biased towards what the logging policy showed
> recommend user=0 k=5 model=k
model     k
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  389   5.2266  35       游戏电竞我们最后五杀分享 #游戏
     2  176   5.0606  35       太推荐收纳打扫 #生活
     3  454   4.0602  35       治愈打扫独居 #生活
     4  239   4.0174  5        日常日常哈哈爆笑 #搞笑 #沙雕
     5  756   3.0778  20       skincare with ootd lookbook new the time
> recommend user=0 k=5 model=a
model     a
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  346   1.1434  73       挑战挑战挑战推荐 #舞蹈
     2  691   1.1276  35       生活最后租房租房生活生活
     3  197   1.0917  20       haul outfit style beauty ootd hairstyle today #Fashion
     4  389   1.0728  35       游戏电竞我们最后五杀分享 #游戏
     5  176   1.0586  35       太推荐收纳打扫 #生活
> recommend user=0 k=5 model=c
model     c
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  728   0.69494  3        this first freestyle this ballet
     2  265   0.69091  33       hiphop cover choreo choreo
     3  794    0.6807  39       第一次比赛运动健身
     4  185   0.67507  38       time highlights goal score #Sports
     5  674   0.67491  19       扣篮足球了运动足球太
> similar item=588 k=3 model=e
model  e
item   588
text   打扫了生活第一次打扫打扫第一次
items:
  rank  item  similarity  creator  text
     1  786     0.053895  0        routine declutter home time life home #Daily life
     2  121     0.042557  49       baby nursery toys toys baby #Parenting
     3  431     0.038257  33       moves hiphop routine freestyle my #Dance
> explain user=0 item=443 model=a
model     a
kind      als
user      0
item      443
text      旋律最后现场 #音乐 #旋律
score     0.86098
rank      22
seen      no
fallback  no
reasons:
  item  text                                                    contribution
  486   choreo moves new #Dance                                     0.046649
  608   fitness the time #Sports                                    0.034427
  40    training dunk training champion the coach #Sports #new      0.028297
  264   评测充电科普                                                0.025984
  246   说唱翻唱了翻唱旋律现场                                       0.02483
  126   民谣演唱会民谣                                              0.023389
  28    跳舞街舞舞台挑战真的舞台 #卡点                              0.022446
  438   甜品 餐厅 with noodles 烧烤 做饭                            0.021557
  242   makeup makeup with style lookbook trend #Fashion             0.02088
  0     fashion first makeup first lookbook style outfit            0.020748
rest      0.59178
> set json=yes
{"command":"set","ok":true,"json":true,"progress":false,"keep_going":true}
> models
{"command":"models","ok":true,"models":[{"name":"p","kind":"pop","params":"window=0 half_life=0","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":false},{"name":"k","kind":"itemknn","params":"sim=jaccard k=20 shrink=5 min_support=1 mode=auto keep=0 reg_item=10 reg_user=15 baseline_epochs=10 clip=yes","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":false},{"name":"a","kind":"als","params":"factors=8 epochs=4 reg=50 reg_exp=0 alpha=5 solver=cholesky cg_steps=3 init=0.01","train_rows":15184,"seconds":(time),"epochs":4,"best_epoch":4,"metric":"ndcg@10","valid":0.081918060339382578,"stale":false},{"name":"m","kind":"mf","params":"factors=4 epochs=5 lr=0.045 decay=0.93 reg=0.065 reg_bias=0.05 reg_exp=1 init=0.001 clip=yes","train_rows":15184,"seconds":(time),"epochs":5,"best_epoch":3,"metric":"rmse","valid":0.87404895433659857,"stale":false},{"name":"e","kind":"ease","params":"lambda=50 max_items=20000","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":false},{"name":"c","kind":"content","params":"blocks=","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":false}]}
> set json=no
json        no
progress    no
keep_going  yes
> save ws.rsw
path              ws.rsw
bytes             6,455,121
sections          160
datasets          2
shared with base  115
models            6
steps             4
results           6
seconds           (time)
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
> train x model=pop
name            x
kind            pop
params          window 0  half_life 0
training pairs  11
seconds         (time)
> set json=yes
{"command":"set","ok":true,"json":true,"progress":false,"keep_going":true}
> models
{"command":"models","ok":true,"notes":["stale (trained on a previous dataset, set aside: eval, compare and audit skip them; loading that data again does not bring them back): p, k, a, m, e, c"],"models":[{"name":"p","kind":"pop","params":"window=0 half_life=0","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":true},{"name":"k","kind":"itemknn","params":"sim=jaccard k=20 shrink=5 min_support=1 mode=auto keep=0 reg_item=10 reg_user=15 baseline_epochs=10 clip=yes","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":true},{"name":"a","kind":"als","params":"factors=8 epochs=4 reg=50 reg_exp=0 alpha=5 solver=cholesky cg_steps=3 init=0.01","train_rows":15184,"seconds":(time),"epochs":4,"best_epoch":4,"metric":"ndcg@10","valid":0.081918060339382578,"stale":true},{"name":"m","kind":"mf","params":"factors=4 epochs=5 lr=0.045 decay=0.93 reg=0.065 reg_bias=0.05 reg_exp=1 init=0.001 clip=yes","train_rows":15184,"seconds":(time),"epochs":5,"best_epoch":3,"metric":"rmse","valid":0.87404895433659857,"stale":true},{"name":"e","kind":"ease","params":"lambda=50 max_items=20000","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":true},{"name":"c","kind":"content","params":"blocks=","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":true},{"name":"x","kind":"pop","params":"window=0 half_life=0","train_rows":11,"seconds":(time),"epochs":0,"best_epoch":0,"metric":null,"valid":null,"stale":false}]}
> set json=no
json        no
progress    no
keep_going  yes
> recommend user=alice model=k
error: recommend: model k was trained on other data (404 users x 800 items; now 5 x 5): train it again
> open ws.rsw
path      ws.rsw
bytes     6,455,121
sections  160
log rows  21,165
models    6
steps     4
results   6
features  yes
seconds   (time)
> pipeline
source  load samples/world --skip-bad
steps:
  #  command                                                   rows before   after  users  items  summary
  1  clean dedup                                                    21,288  21,206    404    797  removed 44 exact copies and 38 repeated events
  2  clean outliers watch_ratio method=z scale=log side=upper       21,206  21,165    404    797  dropped 41 rows with watch_ratio above 12.7148
  3  split user test=0.2 valid=0.1 seed=7                           21,165  21,165    404    797  user test=0.2 valid=0.1 seed=7
  4  features                                                       21,165  21,165    404    797  824 terms from caption,manual_cover_text,topic_tag,video_tag_name, 869 feature columns
> set json=yes
{"command":"set","ok":true,"json":true,"progress":false,"keep_going":true}
> models
{"command":"models","ok":true,"models":[{"name":"p","kind":"pop","params":"window=0 half_life=0","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":false},{"name":"k","kind":"itemknn","params":"sim=jaccard k=20 shrink=5 min_support=1 mode=auto keep=0 reg_item=10 reg_user=15 baseline_epochs=10 clip=yes","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":false},{"name":"a","kind":"als","params":"factors=8 epochs=4 reg=50 reg_exp=0 alpha=5 solver=cholesky cg_steps=3 init=0.01","train_rows":15184,"seconds":(time),"epochs":4,"best_epoch":4,"metric":"ndcg@10","valid":0.081918060339382578,"stale":false},{"name":"m","kind":"mf","params":"factors=4 epochs=5 lr=0.045 decay=0.93 reg=0.065 reg_bias=0.05 reg_exp=1 init=0.001 clip=yes","train_rows":15184,"seconds":(time),"epochs":5,"best_epoch":3,"metric":"rmse","valid":0.87404895433659857,"stale":false},{"name":"e","kind":"ease","params":"lambda=50 max_items=20000","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":false},{"name":"c","kind":"content","params":"blocks=","train_rows":15184,"seconds":(time),"epochs":1,"best_epoch":0,"metric":null,"valid":null,"stale":false}]}
> set json=no
json        no
progress    no
keep_going  yes
> compare k=10 metrics=ndcg@10,precision@10,auc,rmse
23 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
baseline random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  ndcg@10          precision@10     auc              rmse
  a      0.1344 ±0.015 *  0.1032 ±0.012 *  0.7627 ±0.011 *  -
  e      0.1299 ±0.015    0.102 ±0.013     0.6879 ±0.012    -
  p      0.1216 ±0.015    0.09455 ±0.012   0.7465 ±0.011    -
  k      0.1213 ±0.014    0.09777 ±0.011   0.6761 ±0.012    -
  c      0.0495 ±0.0095   0.03985 ±0.007   0.6173 ±0.014    -
  m      0.02982 ±0.0071  0.02574 ±0.0057  0.5535 ±0.014    0.9562 [0.8833, 1.027] *
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  e  does not beat p on ndcg@10: 0.1299 vs 0.1216, p = 0.213
  k  does not beat p on ndcg@10: 0.1213 vs 0.1216, p = 0.955
  c  does not beat p on ndcg@10: 0.0495 vs 0.1216, p = 2.16e-15
  m  does not beat p on ndcg@10: 0.02982 vs 0.1216, p = 1.87e-29
warning: short-video metrics come from the logged items of each list only (a sparse log): biased towards what the logging policy showed
> recommend user=0 k=5 model=k
model     k
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  389   5.2266  35       游戏电竞我们最后五杀分享 #游戏
     2  176   5.0606  35       太推荐收纳打扫 #生活
     3  454   4.0602  35       治愈打扫独居 #生活
     4  239   4.0174  5        日常日常哈哈爆笑 #搞笑 #沙雕
     5  756   3.0778  20       skincare with ootd lookbook new the time
> recommend user=0 k=5 model=a
model     a
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  346   1.1434  73       挑战挑战挑战推荐 #舞蹈
     2  691   1.1276  35       生活最后租房租房生活生活
     3  197   1.0917  20       haul outfit style beauty ootd hairstyle today #Fashion
     4  389   1.0728  35       游戏电竞我们最后五杀分享 #游戏
     5  176   1.0586  35       太推荐收纳打扫 #生活
> recommend user=0 k=5 model=c
model     c
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  728   0.69494  3        this first freestyle this ballet
     2  265   0.69091  33       hiphop cover choreo choreo
     3  794    0.6807  39       第一次比赛运动健身
     4  185   0.67507  38       time highlights goal score #Sports
     5  674   0.67491  19       扣篮足球了运动足球太
> similar item=588 k=3 model=e
model  e
item   588
text   打扫了生活第一次打扫打扫第一次
items:
  rank  item  similarity  creator  text
     1  786     0.053895  0        routine declutter home time life home #Daily life
     2  121     0.042557  49       baby nursery toys toys baby #Parenting
     3  431     0.038257  33       moves hiphop routine freestyle my #Dance
> explain user=0 item=443 model=a
model     a
kind      als
user      0
item      443
text      旋律最后现场 #音乐 #旋律
score     0.86098
rank      22
seen      no
fallback  no
reasons:
  item  text                                                    contribution
  486   choreo moves new #Dance                                     0.046649
  608   fitness the time #Sports                                    0.034427
  40    training dunk training champion the coach #Sports #new      0.028297
  264   评测充电科普                                                0.025984
  246   说唱翻唱了翻唱旋律现场                                       0.02483
  126   民谣演唱会民谣                                              0.023389
  28    跳舞街舞舞台挑战真的舞台 #卡点                              0.022446
  438   甜品 餐厅 with noodles 烧烤 做饭                            0.021557
  242   makeup makeup with style lookbook trend #Fashion             0.02088
  0     fashion first makeup first lookbook style outfit            0.020748
rest      0.59178
> undo
undone: features
steps left  3
rows now    21,165
> pipeline
source  load samples/world --skip-bad
steps:
  #  command                                                   rows before   after  users  items  summary
  1  clean dedup                                                    21,288  21,206    404    797  removed 44 exact copies and 38 repeated events
  2  clean outliers watch_ratio method=z scale=log side=upper       21,206  21,165    404    797  dropped 41 rows with watch_ratio above 12.7148
  3  split user test=0.2 valid=0.1 seed=7                           21,165  21,165    404    797  user test=0.2 valid=0.1 seed=7
