# features and classify --fill are pipeline steps: undo replays the steps
# kept (the features come back with the data they were built on), and running
# the same steps again gives the same data. Undoing the features step too
# leaves profile without features.
# exit: 1
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
> features keywords=2 max_terms=50
video_duration read as milliseconds (median 37823)
text columns     caption,manual_cover_text,topic_tag,video_tag_name
items            all 800  with text 800  with terms 795
terms            kept 50  of 1,982  rare 1,158  common 0  over max_terms 774
tokens           7,634
nonzeros         tfidf 1,981  per item 2.49  matrix 6,961
feature columns  all 95  text 50  duration 7  upload_age 1  angle 3  category 16  feat 16  video_type 2
weighting        tf 1+ln(count), idf ln((1+n)/(1+df))+1, rows L2-normalized
top keywords per category:
  category  items  keywords
  游戏         87  游戏 #游戏
  体育         78  体育 #体育
  搞笑         76  搞笑 #搞笑
  音乐         67  音乐 #音乐
  生活         63  生活 #生活
  亲子         57  亲子 #亲子
  美食         57  美食 first
  汽车         56  汽车 #汽车
  萌宠         45  萌宠 first
  影视         42  影视 名场
  知识         37  知识 科普
  科技         31  科技 科普
  舞蹈         28  舞蹈 推荐
  旅行         26  旅行 first
  时尚         22  时尚 new
  三农         13  new best
> profile user=17 k=3
user    17
signal  watch_ratio
events  all 25  used 25  weight 32.67
top keywords:
  term   weight
  生活       13
  #生活   3.887
  家居    3.649
top categories:
  category  weight  share
  生活       19.11  58.5%
  游戏       3.985  12.2%
  时尚       2.304  7.05%
top creators:
  creator  weight  share
  35        17.39  53.2%
  4         2.835  8.68%
  0         2.485  7.61%
> classify test=0 --fill
item features rebuilt with the filled first_level_category_name
target             first_level_category_name
text               caption
classes            16
terms              1,851
labelled items     all 785  train 785  test 0  without text 0
missing target     all 15  without text 0
held-out accuracy  -
majority class     游戏
majority baseline  -
filled             15
filled by class:
  class  items
  游戏       1
  体育       1
  搞笑       1
  音乐       1
  生活       1
  亲子       1
  萌宠       1
  影视       3
  舞蹈       2
  旅行       1
  时尚       2
> profile user=17 k=3
user    17
signal  watch_ratio
events  all 25  used 25  weight 32.67
top keywords:
  term   weight
  生活       13
  #生活   3.887
  家居    3.649
top categories:
  category  weight  share
  生活       20.89  63.9%
  游戏       3.985  12.2%
  时尚       2.304  7.05%
top creators:
  creator  weight  share
  35        17.39  53.2%
  4         2.835  8.68%
  0         2.485  7.61%
> pipeline
source  load samples/world --skip-bad
steps:
  #  command                           rows before   after  users  items  summary
  1  features keywords=2 max_terms=50       21,288  21,288    404    797  50 terms from caption,manual_cover_text,topic_tag,video_tag_name, 95 feature columns
  2  classify test=0 --fill                 21,288  21,288    404    797  filled 15 missing first_level_category_name from caption (naive Bayes)
> history
load samples/world --skip-bad
features keywords=2 max_terms=50
classify test=0 --fill
> undo
undone: classify test=0 --fill
steps left  1
rows now    21,288
> pipeline
source  load samples/world --skip-bad
steps:
  #  command                           rows before   after  users  items  summary
  1  features keywords=2 max_terms=50       21,288  21,288    404    797  50 terms from caption,manual_cover_text,topic_tag,video_tag_name, 95 feature columns
> profile user=17 k=3
user    17
signal  watch_ratio
events  all 25  used 25  weight 32.67
top keywords:
  term   weight
  生活       13
  #生活   3.887
  家居    3.649
top categories:
  category  weight  share
  生活       19.11  58.5%
  游戏       3.985  12.2%
  时尚       2.304  7.05%
top creators:
  creator  weight  share
  35        17.39  53.2%
  4         2.835  8.68%
  0         2.485  7.61%
> classify test=0 --fill
item features rebuilt with the filled first_level_category_name
target             first_level_category_name
text               caption
classes            16
terms              1,851
labelled items     all 785  train 785  test 0  without text 0
missing target     all 15  without text 0
held-out accuracy  -
majority class     游戏
majority baseline  -
filled             15
filled by class:
  class  items
  游戏       1
  体育       1
  搞笑       1
  音乐       1
  生活       1
  亲子       1
  萌宠       1
  影视       3
  舞蹈       2
  旅行       1
  时尚       2
> profile user=17 k=3
user    17
signal  watch_ratio
events  all 25  used 25  weight 32.67
top keywords:
  term   weight
  生活       13
  #生活   3.887
  家居    3.649
top categories:
  category  weight  share
  生活       20.89  63.9%
  游戏       3.985  12.2%
  时尚       2.304  7.05%
top creators:
  creator  weight  share
  35        17.39  53.2%
  4         2.835  8.68%
  0         2.485  7.61%
> undo 2
undone: features keywords=2 max_terms=50, classify test=0 --fill
steps left  0
rows now    21,288
> profile user=17 k=3
error: profile: no item features yet; run features first (profile reads the keyword vectors and categories it builds)
> pipeline
no steps yet: the data is as loaded (clean, features and split add steps)
source  load samples/world --skip-bad
