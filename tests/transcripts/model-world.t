# The neighbourhood, closed-form, content and hybrid models on the bundled
# simulated world: watch_ratio values make itemknn a rating (KNNBaseline)
# model unless binary=yes; content reaches videos nobody watched in
# training; a hybrid blends ease and content.
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
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
> split user test=0.2 seed=7
kind        user
split       user test=0.2 valid=0 seed=7
train       17,024
valid       0
test        4,264
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
> train i model=itemknn binary=yes k=50
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            i
kind            itemknn
params          sim cosine  k 50  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  16,904
seconds         (time)
> train kb model=itemknn sim=pearson_baseline shrink=100
itemknn: rating mode (baseline + the k nearest neighbours' deviations)
name            kb
kind            itemknn
params          sim pearson_baseline  k 40  shrink 100  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  16,904
seconds         (time)
warning: watch_ratio has extreme values (max 291.1, 99% at most 6.551) that weigh on itemknn; clean outliers watch_ratio before training takes them out
> train u model=userknn binary=yes sim=jaccard k=30
userknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            u
kind            userknn
params          sim jaccard  k 30  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  16,904
seconds         (time)
> train e model=ease lambda=50
name            e
kind            ease
params          lambda 50  max_items 20000
training pairs  16,904
seconds         (time)
> train c model=content
name            c
kind            content
params          blocks 
training pairs  16,904
seconds         (time)
warning: watch_ratio has extreme values (max 291.1, 99% at most 6.551) that weigh on content; clean outliers watch_ratio before training takes them out
> train h model=hybrid models=e,c weights=0.8,0.2 normalize=zscore
name            h
kind            hybrid
params          models e,c  weights 0.8,0.2  normalize zscore
training pairs  16,904
seconds         (time)
> recommend user=17 k=5 model=i
model     i
user      17
fallback  no
items:
  rank  item   score  creator  text
     1  391   4.9533  35       租房独居日常好物一下家居了 #生活
     2  126   4.5945  35       民谣演唱会民谣
     3  454   3.6479  35       治愈打扫独居 #生活
     4  696   3.4484  35       推荐一下第一次 #亲子
     5  560   3.2956  35       独居我们分享独居记录打扫好物
> recommend user=17 k=5 model=kb
model     kb
user      17
fallback  no
items:
  rank  item   score  creator  text
     1  588   17.026  45       打扫了生活第一次打扫打扫第一次
     2  325   14.677  63       进球教练教练篮球 #体育
     3  211   11.741  24       最后王者太分享王者 #游戏
     4  507   10.845  28       上分吃鸡游戏上分王者分享
     5  661   9.3775  54       street tasty recipe first noodles baking first #Food
> recommend user=17 k=5 model=u
model     u
user      17
fallback  no
items:
  rank  item   score  creator  text
     1  391   1.4868  35       租房独居日常好物一下家居了 #生活
     2  593   1.3226  35       生活周末家居治愈收纳生活 #生活
     3  126   1.1501  35       民谣演唱会民谣
     4  99    1.0132  35       妈妈今天玩具成长家庭萌娃
     5  690    1.012  5        第一次相机相机相机
> recommend user=17 k=5 model=e
model     e
user      17
fallback  no
items:
  rank  item    score  creator  text
     1  126   0.29517  35       民谣演唱会民谣
     2  391   0.24773  35       租房独居日常好物一下家居了 #生活
     3  593   0.24091  35       生活周末家居治愈收纳生活 #生活
     4  690   0.22854  5        第一次相机相机相机
     5  737   0.18331  35       打扫好物家居好物推荐日常打扫 #生活
> recommend user=17 k=5 model=c
model     c
user      17
fallback  no
items:
  rank  item    score  creator  text
     1  523    0.8532  45       分享一下vlog周末第一次 #生活
     2  684   0.85205  35       家居今天生活治愈 #生活 #生活
     3  737   0.84768  35       打扫好物家居好物推荐日常打扫 #生活
     4  466   0.83725  45       治愈周末收纳日常记录推荐
     5  675    0.8324  3        cleaning time try today #Daily life
> recommend user=17 k=5
model     h
user      17
fallback  no
items:
  rank  item   score  creator  text
     1  126   4.9558  35       民谣演唱会民谣
     2  391   4.8887  35       租房独居日常好物一下家居了 #生活
     3  593   4.6754  35       生活周末家居治愈收纳生活 #生活
     4  690   3.8632  5        第一次相机相机相机
     5  737    3.738  35       打扫好物家居好物推荐日常打扫 #生活
> similar item=100 k=5 model=i
model  i
item   100
text   表情搞笑表情笑死模仿搞笑 #搞笑
items:
  rank  item  similarity  creator  text
     1  239      0.42527  5        日常日常哈哈爆笑 #搞笑 #沙雕
     2  574      0.39638  5        反转表情模仿一下
     3  16       0.38837  16       旅行夜景海边露营日落旅行我们 #旅行
     4  520      0.37424  55       笑死模仿爆笑 #模仿
     5  540      0.35825  13       玩具 萌娃 分享 family #亲子
> similar item=100 k=5 model=e
model  e
item   100
text   表情搞笑表情笑死模仿搞笑 #搞笑
items:
  rank  item  similarity  creator  text
     1  239     0.075018  5        日常日常哈哈爆笑 #搞笑 #沙雕
     2  705     0.056045  35       日常收纳家居打扫 #生活
     3  574      0.05588  5        反转表情模仿一下
     4  414     0.048574  5        整蛊反转太段子名场面笑死
     5  540     0.048336  13       玩具 萌娃 分享 family #亲子
> similar item=100 k=5 model=c
model  c
item   100
text   表情搞笑表情笑死模仿搞笑 #搞笑
items:
  rank  item  similarity  creator  text
     1  775      0.89263  62       搞笑表情沙雕我们整蛊哈哈日常 #搞笑 #整蛊
     2  48       0.84613  48       反转爆笑分享搞笑真的了 #搞笑 #推荐
     3  239      0.79319  5        日常日常哈哈爆笑 #搞笑 #沙雕
     4  357      0.76335  62       模仿表情最后 #搞笑
     5  55        0.7548  55       模仿最后表情
> explain user=17 item=100 model=kb k=3
model     kb
kind      itemknn
user      17
item      100
text      表情搞笑表情笑死模仿搞笑 #搞笑
score     1.6972
rank      372
seen      no
fallback  no
reasons:
  item  text                                      contribution
  84    收纳vlog分享治愈vlog日常推荐 #生活 #收纳       0.18762
  176   太推荐收纳打扫 #生活                           0.12516
  272   好物推荐vlog日常收纳打扫                      0.075472
rest      1.309
> explain user=17 item=100 model=u k=3
model     u
kind      userknn
user      17
item      100
text      表情搞笑表情笑死模仿搞笑 #搞笑
score     0.50745
rank      35
seen      no
fallback  no
neighbours:
  user  contribution
  69          0.1194
  169        0.10448
  354       0.097222
rest      0.18634
> explain user=17 item=100 model=c k=3
model     c
kind      content
user      17
item      100
text      表情搞笑表情笑死模仿搞笑 #搞笑
score     0.53889
rank      144
seen      no
fallback  no
reasons:
  item  text                                               contribution
  786   routine declutter home time life home #Daily life      0.064033
  160   租房收纳vlog我们治愈生活了                             0.054533
  272   好物推荐vlog日常收纳打扫                               0.048128
rest      0.3722
shared features:
  feature            contribution
  video_type:NORMAL       0.23667
  angle:landscape         0.13757
  duration:30-60s         0.12129
> explain user=17 item=100 k=3
model     h
kind      hybrid
user      17
item      100
text      表情搞笑表情笑死模仿搞笑 #搞笑
score     0.63712
rank      132
seen      no
fallback  no
reasons:
  item  text                        contribution
  176   太推荐收纳打扫 #生活             0.53453
  160   租房收纳vlog我们治愈生活了       0.41718
  736   打扫好物家居                    -0.40326
rest      0.088665
components:
  model  kind     weight     score  normalized  contribution
  e      ease        0.8  0.047567     0.64009       0.51207
  c      content     0.2   0.53889     0.62525       0.12505
