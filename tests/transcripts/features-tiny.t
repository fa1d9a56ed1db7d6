# features on a hand-made catalog of eight videos: English and Chinese captions,
# hashtags, a missing category, an item without text; the TF-IDF block, the
# duration buckets (seconds here), upload age, shooting angle, category and
# video type; then the keywords of single items.
> load data/features/log.csv items=data/features/items.csv creator=creator
format: delimited text
log data/features/log.csv: comma-separated, header row; user=user item=item value=watch_ratio time=(none)
items data/features/items.csv: 8 rows, id column item, 12 other columns
path          data/features/log.csv
format        csv
interactions  9
users         3
items         8
creators      3
signal        ratio (watch_ratio), median 1, max 2
> features min_df=1 max_df=1 keywords=4
duration read as seconds (median 60)
text columns     caption,title
items            all 8  with text 7  with terms 7
terms            kept 43  of 43  rare 0  common 0
tokens           51
nonzeros         tfidf 48  per item 6.86  matrix 84
feature columns  all 58  text 43  duration 7  upload_age 1  angle 3  category 2  video_type 2
weighting        tf 1+ln(count), idf ln((1+n)/(1+df))+1, rows L2-normalized
top keywords per category:
  category  items  keywords
  food          3  noodles 烧肉 红烧 food
  sport         3  扣篮 morning running training
> profile item=v1
item  v1
text:
  caption  Spicy noodles recipe, so delicious! #food
  title    家常菜
top keywords:
  term       weight
  #food      0.4019
  recipe     0.4019
  spicy      0.4019
  家常       0.4019
  常菜       0.4019
  delicious  0.3336
  noodles    0.2851
features:
  column             value
  duration:30-60s        1
  upload_age             1
  angle:portrait         1
  category:food          1
  video_type:NORMAL      1
> profile item=v2 k=3
item  v2
text:
  caption  今天做红烧肉 #美食
  title    红烧肉的做法
top keywords:
  term   weight
  烧肉   0.5427
  红烧   0.5427
  #美食  0.3205
features:
  column             value
  duration:2-5min        1
  upload_age           0.8
  angle:portrait         1
  category:food          1
  video_type:NORMAL      1
> profile item=v8
item  v8
text:
  caption  -
  title    -
features:
  column          value
  duration:7-15s      1
  angle:portrait      1
  video_type:AD       1
> features text=title min_df=1 category=none duration=none upload=none onehot=none keywords=2
text columns     title
items            all 8  with text 7  with terms 7
terms            kept 15  of 15  rare 0  common 0
tokens           16
nonzeros         tfidf 16  per item 2.29  matrix 24
feature columns  all 18  text 15  angle 3
weighting        tf 1+ln(count), idf ln((1+n)/(1+df))+1, rows L2-normalized
> profile item=v2
item  v2
text:
  title  红烧肉的做法
top keywords:
  term  weight
  做法  0.5774
  烧肉  0.5774
  红烧  0.5774
features:
  column          value
  angle:portrait      1
> features text=caption max_df=0.4 stopwords=no
duration read as seconds (median 60)
text columns     caption
items            all 8  with text 7  with terms 5
terms            kept 4  of 36  rare 31  common 1
tokens           42
nonzeros         tfidf 8  per item 1.6  matrix 44
feature columns  all 19  text 4  duration 7  upload_age 1  angle 3  category 2  video_type 2
weighting        tf 1+ln(count), idf ln((1+n)/(1+df))+1, rows L2-normalized
top keywords per category:
  category  items  keywords
  food          3  delicious dumplings
  sport         3  and the
> pipeline
source  load data/features/log.csv items=data/features/items.csv creator=creator
steps:
  #  command                                                                                      rows before  after  users  items  summary
  1  features min_df=1 max_df=1 keywords=4                                                                  9      9      3      7  43 terms from caption,title, 58 feature columns
  2  features text=title min_df=1 category=none duration=none upload=none onehot=none keywords=2            9      9      3      7  15 terms from title, 18 feature columns
  3  features text=caption max_df=0.4 stopwords=no                                                          9      9      3      7  4 terms from caption, 19 feature columns
