# classify on the bundled world: categories from captions, held out 20%;
# the confusion matrix; text from two columns; a numeric target; --fill writes
# the 15 missing categories, and features built before are rebuilt with them.
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
> classify
target             first_level_category_name
text               caption
classes            16
terms              1,851
labelled items     all 785  train 628  test 157  without text 0
missing target     all 15  without text 0
held-out accuracy  97.5%
majority class     搞笑
majority baseline  5.73%
held-out items by class:
  class  labelled  test  correct  recall  precision  mistaken for
  游戏         87    22       22    100%      91.7%  -
  体育         78    17       17    100%       100%  -
  搞笑         76     9        8   88.9%      88.9%  美食 (1)
  音乐         67    15       15    100%       100%  -
  生活         63    13       13    100%       100%  -
  亲子         57    15       15    100%       100%  -
  美食         57    10       10    100%      90.9%  -
  汽车         56    12       12    100%       100%  -
  萌宠         45     7        7    100%       100%  -
  影视         42     9        8   88.9%       100%  搞笑 (1)
  知识         37     6        6    100%       100%  -
  科技         31     4        3     75%       100%  游戏 (1)
  舞蹈         28     7        7    100%       100%  -
  旅行         26     4        4    100%       100%  -
  时尚         22     3        3    100%       100%  -
  三农         13     4        3     75%       100%  游戏 (1)
> classify test=0.5 seed=7 --matrix
target             first_level_category_name
text               caption
classes            16
terms              1,851
labelled items     all 785  train 392  test 393  without text 0
missing target     all 15  without text 0
held-out accuracy  97.7%
majority class     游戏
majority baseline  9.92%
held-out items by class:
  class  labelled  test  correct  recall  precision  mistaken for
  游戏         87    39       39    100%      86.7%  -
  体育         78    40       40    100%       100%  -
  搞笑         76    44       43   97.7%       100%  游戏 (1)
  音乐         67    37       37    100%      97.4%  -
  生活         63    27       27    100%      93.1%  -
  亲子         57    30       29   96.7%       100%  生活 (1)
  美食         57    31       31    100%       100%  -
  汽车         56    30       29   96.7%       100%  游戏 (1)
  萌宠         45    22       21   95.5%       100%  音乐 (1)
  影视         42    22       22    100%       100%  -
  知识         37    16       16    100%       100%  -
  科技         31    12       12    100%       100%  -
  舞蹈         28    15       15    100%       100%  -
  旅行         26    13       12   92.3%       100%  游戏 (1)
  时尚         22    12       10   83.3%       100%  游戏 (1)
  三农         13     3        1   33.3%       100%  游戏 (2)
confusion (rows: true class, columns: predicted):
  true \ predicted  游戏  体育  搞笑  音乐  生活  亲子  美食  汽车  萌宠  影视  知识  科技  舞蹈  旅行  时尚  三农
  游戏                39     0     0     0     0     0     0     0     0     0     0     0     0     0     0     0
  体育                 0    40     0     0     0     0     0     0     0     0     0     0     0     0     0     0
  搞笑                 1     0    43     0     0     0     0     0     0     0     0     0     0     0     0     0
  音乐                 0     0     0    37     0     0     0     0     0     0     0     0     0     0     0     0
  生活                 0     0     0     0    27     0     0     0     0     0     0     0     0     0     0     0
  亲子                 0     0     0     0     1    29     0     0     0     0     0     0     0     0     0     0
  美食                 0     0     0     0     0     0    31     0     0     0     0     0     0     0     0     0
  汽车                 1     0     0     0     0     0     0    29     0     0     0     0     0     0     0     0
  萌宠                 0     0     0     1     0     0     0     0    21     0     0     0     0     0     0     0
  影视                 0     0     0     0     0     0     0     0     0    22     0     0     0     0     0     0
  知识                 0     0     0     0     0     0     0     0     0     0    16     0     0     0     0     0
  科技                 0     0     0     0     0     0     0     0     0     0     0    12     0     0     0     0
  舞蹈                 0     0     0     0     0     0     0     0     0     0     0     0    15     0     0     0
  旅行                 1     0     0     0     0     0     0     0     0     0     0     0     0    12     0     0
  时尚                 1     0     0     0     1     0     0     0     0     0     0     0     0     0    10     0
  三农                 2     0     0     0     0     0     0     0     0     0     0     0     0     0     0     1
> classify text=caption,manual_cover_text alpha=0.1
target             first_level_category_name
text               caption,manual_cover_text
classes            16
terms              1,977
labelled items     all 785  train 628  test 157  without text 0
missing target     all 15  without text 0
held-out accuracy  98.7%
majority class     搞笑
majority baseline  5.73%
held-out items by class:
  class  labelled  test  correct  recall  precision  mistaken for
  游戏         87    22       22    100%       100%  -
  体育         78    17       17    100%       100%  -
  搞笑         76     9        8   88.9%       100%  三农 (1)
  音乐         67    15       15    100%       100%  -
  生活         63    13       13    100%       100%  -
  亲子         57    15       15    100%       100%  -
  美食         57    10       10    100%       100%  -
  汽车         56    12       12    100%       100%  -
  萌宠         45     7        7    100%       100%  -
  影视         42     9        9    100%       100%  -
  知识         37     6        6    100%       100%  -
  科技         31     4        3     75%       100%  时尚 (1)
  舞蹈         28     7        7    100%       100%  -
  旅行         26     4        4    100%       100%  -
  时尚         22     3        3    100%        75%  -
  三农         13     4        4    100%        80%  -
> classify target=first_level_category_id test=0.1
target             first_level_category_id
text               caption
classes            16
terms              1,851
labelled items     all 785  train 706  test 79  without text 0
missing target     all 15  without text 0
held-out accuracy  97.5%
majority class     6
majority baseline  17.7%
held-out items by class:
  class  labelled  test  correct  recall  precision  mistaken for
  6            87    14       14    100%      93.3%  -
  2            78     8        8    100%       100%  -
  5            76     6        5   83.3%       100%  1 (1)
  4            67    12       12    100%       100%  -
  14           63     5        5    100%       100%  -
  1            57     7        7    100%      87.5%  -
  13           57     7        7    100%       100%  -
  10           56     4        4    100%       100%  -
  7            45     2        2    100%       100%  -
  15           42     2        2    100%       100%  -
  12           37     4        4    100%       100%  -
  9            31     2        1     50%       100%  6 (1)
  11           28     2        2    100%       100%  -
  3            26     1        1    100%       100%  -
  8            22     2        2    100%       100%  -
  16           13     1        1    100%       100%  -
> features keywords=3
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
  游戏         87  游戏 #游戏 开黑
  体育         78  体育 #体育 champion
  搞笑         76  搞笑 #搞笑 整蛊
  音乐         67  音乐 #音乐 好听
  生活         63  生活 #生活 家居
  亲子         57  亲子 #亲子 儿歌
  美食         57  美食 cooking #美食
  汽车         56  汽车 #汽车 车评
  萌宠         45  萌宠 #pets puppy
  影视         42  影视 #影视 edit
  知识         37  知识 #知识 讲解
  科技         31  科技 #科技 评测
  舞蹈         28  舞蹈 舞者 #dance
  旅行         26  旅行 #旅行 trip
  时尚         22  时尚 outfit beauty
  三农         13  三农 rural garden
> classify --fill
item features rebuilt with the filled first_level_category_name
target             first_level_category_name
text               caption
classes            16
terms              1,851
labelled items     all 785  train 628  test 157  without text 0
missing target     all 15  without text 0
held-out accuracy  97.5%
majority class     搞笑
majority baseline  5.73%
held-out items by class:
  class  labelled  test  correct  recall  precision  mistaken for
  游戏         87    22       22    100%      91.7%  -
  体育         78    17       17    100%       100%  -
  搞笑         76     9        8   88.9%      88.9%  美食 (1)
  音乐         67    15       15    100%       100%  -
  生活         63    13       13    100%       100%  -
  亲子         57    15       15    100%       100%  -
  美食         57    10       10    100%      90.9%  -
  汽车         56    12       12    100%       100%  -
  萌宠         45     7        7    100%       100%  -
  影视         42     9        8   88.9%       100%  搞笑 (1)
  知识         37     6        6    100%       100%  -
  科技         31     4        3     75%       100%  游戏 (1)
  舞蹈         28     7        7    100%       100%  -
  旅行         26     4        4    100%       100%  -
  时尚         22     3        3    100%       100%  -
  三农         13     4        3     75%       100%  游戏 (1)
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
> pipeline
source  load samples/world --skip-bad
steps:
  #  command              rows before   after  users  items  summary
  1  features keywords=3       21,288  21,288    404    797  824 terms from caption,manual_cover_text,topic_tag,video_tag_name, 869 feature columns
  2  classify --fill           21,288  21,288    404    797  filled 15 missing first_level_category_name from caption (naive Bayes)
> classify
target             first_level_category_name
text               caption
classes            16
terms              1,851
labelled items     all 800  train 640  test 160  without text 0
missing target     all 0  without text 0
held-out accuracy  99.4%
majority class     游戏
majority baseline  5.62%
held-out items by class:
  class  labelled  test  correct  recall  precision  mistaken for
  游戏         88     9        9    100%        90%  -
  体育         79    15       15    100%       100%  -
  搞笑         77    20       20    100%       100%  -
  音乐         68    16       16    100%       100%  -
  生活         64    16       16    100%       100%  -
  亲子         58    11       11    100%       100%  -
  美食         57    11       11    100%       100%  -
  汽车         56    19       19    100%       100%  -
  萌宠         46     7        6   85.7%       100%  游戏 (1)
  影视         45     6        6    100%       100%  -
  知识         37     9        9    100%       100%  -
  科技         31     1        1    100%       100%  -
  舞蹈         30    10       10    100%       100%  -
  旅行         27     3        3    100%       100%  -
  时尚         24     4        4    100%       100%  -
  三农         13     3        3    100%       100%  -
