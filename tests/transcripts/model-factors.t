# The implicit factor models on the bundled world, a few epochs each: als
# (confidence 1 + alpha*watch_ratio, exact and conjugate-gradient solves) and
# bpr (uniform and popularity sampling) train with a validation score per
# epoch, recommend, explain (als: the user's items through (Y'C_uY + reg I)^-1;
# bpr: factor cosine with the user's items) and answer similar (cosine of item
# factors). A user without history gets the popular items.
# Fit times vary: the filters blank them and even out the history columns.
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
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
> split user test=0.2 valid=0.1
kind        user
split       user test=0.2 valid=0.1 seed=1
train       15,285
valid       1,739
test        4,264
test users  404
> train a model=als factors=8 epochs=3 reg=1 alpha=5
name            a
kind            als
params          factors 8  epochs 3  reg 1  reg_exp 0  alpha 5  solver cholesky  cg_steps 3  init 0.01
training pairs  15,184
seconds         (time)
epochs          3
best epoch      3
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  6.02042  0.03019  (time)
  2  3.40864  0.05344  (time)
  3  3.17394  0.06294  (time)
warning: watch_ratio has extreme values (max 291.1, 99% at most 6.551) that weigh on als; clean outliers watch_ratio before training takes them out
> recommend user=0 k=5
model     a
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  362   1.4841  35       家居分享太周末租房
     2  696   1.4529  35       推荐一下第一次 #亲子
     3  4     1.4006  4        patch esports gameplay #Gaming
     4  516   1.2785  6        今天游戏版本吃鸡太最后游戏 #游戏 #上分
     5  494     1.27  10       一下日常笑死整蛊反转段子搞笑 #搞笑
> explain user=0 item=612 k=3
model     a
kind      als
user      0
item      612
text      dessert dessert dessert baking cooking tasty
score     0.46166
rank      -
seen      yes
fallback  no
reasons:
  item  text                              contribution
  506   日常一下沙雕日常哈哈名场面第一次       0.01789
  256   最后早教儿歌育儿爸爸 #亲子            0.016474
  658   推荐萌宠猫咪橘猫                      0.015163
rest      0.41213
> similar item=612 k=3
model  a
item   612
text   dessert dessert dessert baking cooking tasty
items:
  rank  item  similarity  creator  text
     1  623      0.90777  22       breakfast 真的 了 #美食 #家常菜
     2  82       0.90767  22       time 麻辣 new 推荐 noodles 家常菜 #美食 #烘焙
     3  457      0.87194  64       rescue first kitten time
> train b model=bpr factors=8 epochs=3
name            b
kind            bpr
params          factors 8  epochs 3  lr 0.1  decay 0.95  reg 0.03  reg_bias 0.01  sampling uniform  pop_exp 0.75  init 0.1
training pairs  15,184
seconds         (time)
epochs          3
best epoch      3
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  0.604318  0.06075  (time)
  2  0.542605  0.06385  (time)
  3  0.526937  0.06672  (time)
> recommend user=0 k=5
model     b
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  197   2.1502  20       haul outfit style beauty ootd hairstyle today #Fashion
     2  593   1.9334  35       生活周末家居治愈收纳生活 #生活
     3  362   1.7527  35       家居分享太周末租房
     4  454   1.7227  35       治愈打扫独居 #生活
     5  756   1.6892  20       skincare with ootd lookbook new the time
> explain user=0 item=20 k=3
model     b
kind      bpr
user      0
item      20
text      lipstick my time new fashion fashion
score     1.2002
rank      -
seen      yes
fallback  no
reasons:
  item  text                                         contribution
  626   toys family try kids mom nursery #Parenting       0.85623
  426   first home daily #cleaning                        0.79182
  459   演唱会太太吉他歌手 #音乐                          0.78842
rest      -1.2363
> similar item=20 k=3
model  b
item   20
text   lipstick my time new fashion fashion
items:
  rank  item  similarity  creator  text
     1  783      0.87103  52       最后麻辣火锅麻辣今天餐厅
     2  626      0.85623  58       toys family try kids mom nursery #Parenting
     3  16       0.81761  16       旅行夜景海边露营日落旅行我们 #旅行
> train c model=bpr factors=8 epochs=3 sampling=pop
name            c
kind            bpr
params          factors 8  epochs 3  lr 0.1  decay 0.95  reg 0.03  reg_bias 0.01  sampling pop  pop_exp 0.75  init 0.1
training pairs  15,184
seconds         (time)
epochs          3
best epoch      3
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  0.691865  0.06078  (time)
  2  0.683038  0.06217  (time)
  3  0.676715  0.0662  (time)
> recommend user=0 k=3
model     c
user      0
fallback  no
items:
  rank  item    score  creator  text
     1  197   0.91427  20       haul outfit style beauty ootd hairstyle today #Fashion
     2  362   0.86396  35       家居分享太周末租房
     3  413   0.83387  20       style lipstick outfit hairstyle outfit fashion
> train d model=als factors=8 epochs=3 reg=1 alpha=5 solver=cg signal=none
name            d
kind            als
params          factors 8  epochs 3  reg 1  reg_exp 0  alpha 5  solver cg  cg_steps 3  init 0.01
training pairs  15,214
seconds         (time)
epochs          3
best epoch      3
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  4.3192  0.02529  (time)
  2  3.04522  0.0535  (time)
  3  2.95977  0.05984  (time)
> recommend user=0 k=3
model     d
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  421    1.268  5        表情笑死真的整蛊
     2  720   1.2039  5        整蛊今天搞笑爆笑 #搞笑
     3  759   1.2031  31       吉他翻唱翻唱 #音乐
> recommend user=nobody k=3
user nobody has no training history (an id not in the data): recommending the most popular items
model     d
user      nobody
fallback  yes
items:
  rank  item  score  creator  text
     1  126     132  35       民谣演唱会民谣
     2  242     116  20       makeup makeup with style lookbook trend #Fashion
     3  389     105  35       游戏电竞我们最后五杀分享 #游戏
