# features on the bundled simulated world: KuaiRec's columns (caption,
# manual_cover_text with its UNKNOWN placeholder, topic_tag, video_tag_name),
# durations in milliseconds, the feat tag lists, categories in Chinese.
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
> features text=caption min_df=3 max_df=0.2 max_terms=200 keywords=5 tags=none onehot=video_type,upload_type
video_duration read as milliseconds (median 37823)
text columns     caption
items            all 800  with text 800  with terms 768
terms            kept 200  of 1,851  rare 1,419  common 0  over max_terms 232
tokens           6,037
nonzeros         tfidf 2,926  per item 3.81  matrix 7,673
feature columns  all 233  text 200  duration 7  upload_age 1  angle 3  category 16  video_type 2  upload_type 4
weighting        tf 1+ln(count), idf ln((1+n)/(1+df))+1, rows L2-normalized
top keywords per category:
  category  items  keywords
  游戏         87  #游戏 开黑 操作 主播 上分
  体育         78  #体育 比赛 champion #sports 运动
  搞笑         76  #搞笑 搞笑 整蛊 模仿 反转
  音乐         67  #音乐 好听 旋律 唱会 演唱
  生活         63  #生活 家居 治愈 打扫 生活
  亲子         57  #亲子 辅食 儿歌 家庭 育儿
  美食         57  #美食 cooking 餐厅 baking 家常
  汽车         56  #汽车 车评 保养 改装 汽车
  萌宠         45  #pets 撒娇 rescue #萌宠 可爱
  影视         42  #影视 解说 综艺 演员 review
  知识         37  #知识 知识 讲解 科普 学习
  科技         31  #科技 评测 数码 科技 参数
  舞蹈         28  舞者 #dance 舞台 推荐 best
  旅行         26  #旅行 #travel camping citywalk 自驾
  时尚         22  outfit style 推荐 time new
  三农         13  new best time 最后 try
> profile item=0
item  0
text:
  caption  fashion first makeup first lookbook style outfit
top keywords:
  term    weight
  first   0.6689
  style   0.5362
  outfit  0.5149
features:
  column                    value
  duration:15-30s               1
  upload_age               0.7273
  angle:portrait                1
  category:时尚                 1
  video_type:NORMAL             1
  upload_type:ShortImport       1
> pipeline
source  load samples/world --skip-bad
steps:
  #  command                                                                                                     rows before   after  users  items  summary
  1  features                                                                                                         21,288  21,288    404    797  824 terms from caption,manual_cover_text,topic_tag,video_tag_name, 869 feature columns
  2  features text=caption min_df=3 max_df=0.2 max_terms=200 keywords=5 tags=none onehot=video_type,upload_type       21,288  21,288    404    797  200 terms from caption, 233 feature columns
