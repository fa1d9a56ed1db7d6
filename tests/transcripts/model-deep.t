# The deep models on the bundled world, two epochs each with small layers:
# ncf (NeuMF), gru4rec and caser (time-ordered histories), twotower (item
# tower over the features step's content features). Each trains with a
# validation score per epoch, recommends, explains (cosine of item vectors
# with the user's items) and answers similar; save / open keeps the exact
# scores (the recommendations after open equal those before).
# Fit times vary: the filters blank them and even out the history columns.
# Scores and losses follow the BLAS kernel and thread count (twotower's
# scores move by about 1% between kernels): compared within 3%, with items
# whose scores differ by more than that so no order can flip.
# tolerance: 3e-2
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
> split user test=0.2 valid=0.1
kind        user
split       user test=0.2 valid=0.1 seed=1
train       15,285
valid       1,739
test        4,264
test users  404
> train n model=ncf factors=8 layers=16,8 epochs=2 batch=128
name            n
kind            ncf
params          factors 8  layers 16,8  negatives 4  epochs 2  batch 128  optimizer adam  lr 0.002  wd 0  dropout 0  init 0.01
training pairs  15,184
seconds         (time)
epochs          2
best epoch      2
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  3.29675  0.06598  (time)
  2  2.80616  0.06766  (time)
> recommend user=0 k=3 model=n
model     n
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  285    0.7511  35       一下家居独居租房治愈我们 #生活
     2  197   0.53563  20       haul outfit style beauty ootd hairstyle today #Fashion
     3  454   0.45925  35       治愈打扫独居 #生活
> explain user=0 item=197 model=n
model     n
kind      ncf
user      0
item      197
text      haul outfit style beauty ootd hairstyle today #Fashion
score     0.53563
rank      2
seen      no
fallback  no
reasons:
  item  text                                              contribution
  486   choreo moves new #Dance                                0.91436
  242   makeup makeup with style lookbook trend #Fashion       0.89505
  250   搞笑一下整蛊整蛊笑死 #搞笑                             0.76577
  412   actor series anime review scene #Film & TV            -0.72591
  35    周末收纳治愈vlog周末 #生活 #推荐                       0.71122
  574   反转表情模仿一下                                       0.70145
  346   挑战挑战挑战推荐 #舞蹈                                 0.66289
  155   舞者编舞编舞舞者古典舞                                 0.61668
  169   我们搞笑模仿哈哈                                       0.56427
  684   家居今天生活治愈 #生活 #生活                           0.56401
rest      -5.1342
> similar item=197 k=3 model=n
model  n
item   197
text   haul outfit style beauty ootd hairstyle today #Fashion
items:
  rank  item  similarity  creator  text
     1  486      0.91436  33       choreo moves new #Dance
     2  593      0.90673  35       生活周末家居治愈收纳生活 #生活
     3  242      0.89505  20       makeup makeup with style lookbook trend #Fashion
> train g model=gru4rec embed=8 hidden=8 negatives=16 epochs=2 loss=bprmax
name            g
kind            gru4rec
params          embed 8  hidden 8  maxlen 20  loss bprmax  negatives 16  bpreg 1  epochs 2  batch 64  optimizer adam  lr 0.002  wd 0  init 0.05
training pairs  15,184
seconds         (time)
epochs          2
best epoch      2
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  11.0236  0.05239  (time)
  2  10.9054  0.05532  (time)
> recommend user=0 k=3 model=g
model     g
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  264   0.11642  79       评测充电科普
     2  756   0.10739  20       skincare with ootd lookbook new the time
     3  197   0.10575  20       haul outfit style beauty ootd hairstyle today #Fashion
> train c model=caser dim=8 maxlen=3 hfilters=4 vfilters=2 epochs=2
name            c
kind            caser
params          dim 8  maxlen 3  hfilters 4  vfilters 2  negatives 3  epochs 2  batch 256  optimizer adam  lr 0.001  wd 0  init 0.05
training pairs  15,184
seconds         (time)
epochs          2
best epoch      2
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  2.74855  0.05953  (time)
  2  2.56706  0.06385  (time)
> recommend user=0 k=3 model=c
model     c
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  272   0.41073  35       好物推荐vlog日常收纳打扫
     2  197     0.321  20       haul outfit style beauty ootd hairstyle today #Fashion
     3  691   0.28444  35       生活最后租房租房生活生活
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
> train t model=twotower hidden=16 dim=8 epochs=2
name            t
kind            twotower
params          hidden 16  dim 8  profile 64  negatives 64  epochs 2  batch 256  optimizer adam  lr 0.001  wd 0  init 0.05
training pairs  15,184
seconds         (time)
epochs          2
best epoch      2
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  4.05383  0.04641  (time)
  2  3.92719  0.06168  (time)
> recommend user=0 k=3 model=t
model     t
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  756    1.0455  20       skincare with ootd lookbook new the time
     2  285   0.98072  35       一下家居独居租房治愈我们 #生活
     3  272    0.9241  35       好物推荐vlog日常收纳打扫
> similar item=333 k=3 model=t
model  t
item   333
text   分享读书技巧
items:
  rank  item  similarity  creator  text
     1  739       0.9807  35       历史推荐知识科普
     2  501      0.96654  17       读书考试学习今天
     3  389      0.92263  35       游戏电竞我们最后五杀分享 #游戏
> save deep.rsw
path              deep.rsw
bytes             3,448,122
sections          148
datasets          2
shared with base  114
models            4
steps             2
results           0
seconds           (time)
> open deep.rsw
path      deep.rsw
bytes     3,448,122
sections  148
log rows  21,288
models    4
steps     2
results   0
features  yes
seconds   (time)
> recommend user=0 k=3 model=n
model     n
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  285    0.7511  35       一下家居独居租房治愈我们 #生活
     2  197   0.53563  20       haul outfit style beauty ootd hairstyle today #Fashion
     3  454   0.45925  35       治愈打扫独居 #生活
> recommend user=0 k=3 model=g
model     g
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  264   0.11642  79       评测充电科普
     2  756   0.10739  20       skincare with ootd lookbook new the time
     3  197   0.10575  20       haul outfit style beauty ootd hairstyle today #Fashion
> recommend user=0 k=3 model=c
model     c
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  272   0.41073  35       好物推荐vlog日常收纳打扫
     2  197     0.321  20       haul outfit style beauty ootd hairstyle today #Fashion
     3  691   0.28444  35       生活最后租房租房生活生活
> recommend user=0 k=3 model=t
model     t
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  756    1.0455  20       skincare with ootd lookbook new the time
     2  285   0.98072  35       一下家居独居租房治愈我们 #生活
     3  272    0.9241  35       好物推荐vlog日常收纳打扫
