# profile: the interest vector of a user (keywords, categories, creators, by
# the log's value column or another signal) and its bad input: before features,
# unknown users and items, a signal that is not a numeric log column.
# exit: 1
> profile user=u1
error: no dataset loaded (use load PATH or generate DIR --load first)
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
> profile user=u1
error: profile: no item features yet; run features first (profile reads the keyword vectors and categories it builds)
> features min_df=1 max_df=1
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
  food          3  noodles 烧肉 红烧 food street tour #food recipe
  sport         3  扣篮 morning running training workout 健身 #篮球 球训
> profile user=u1
user    u1
signal  watch_ratio
events  all 4  used 4  weight 3.6
top keywords:
  term       weight
  noodles    0.8131
  #food      0.6028
  recipe     0.6028
  spicy      0.6028
  家常       0.6028
  常菜       0.6028
  food       0.5431
  street     0.5431
  tour       0.5431
  delicious  0.5004
top categories:
  category  weight  share
  food         3.5  97.2%
  sport        0.1  2.78%
top creators:
  creator  weight  share
  c1          2.3  63.9%
  c2          1.3  36.1%
> profile user=u1 signal=is_like k=3
user    u1
signal  is_like
events  all 4  used 4  weight 2
top keywords:
  term     weight
  noodles  0.6063
  food     0.4526
  street   0.4526
top categories:
  category  weight  share
  food           2   100%
top creators:
  creator  weight  share
  c1            1    50%
  c2            1    50%
> profile user=u2 signal=count k=2
user    u2
signal  count
events  all 4  used 4  weight 4
top keywords:
  term     weight
  扣篮     0.5686
  morning  0.4472
top categories:
  category  weight  share
  sport          3    75%
  food           1    25%
top creators:
  creator  weight  share
  c3            2    50%
  c1            1    25%
> profile user=u3
user    u3
signal  watch_ratio
events  all 1  used 1  weight 1
top keywords:
  term       weight
  market     0.3901
  night      0.3901
  夜市       0.3901
  市小       0.3901
  delicious  0.3238
  dumplings  0.3238
  小吃       0.3238
  noodles    0.2768
top creators:
  creator  weight  share
  c1            1   100%
> profile user=nobody
error: profile: unknown user "nobody" (3 users, with ids such as u1, u2, u3)
> profile item=v99
error: profile: unknown item "v99" (8 items, with ids such as v1, v2, v3)
> profile
error: profile: give user=ID or item=ID (one of them)
> profile user=u1 item=v1
error: profile: give user=ID or item=ID (one of them)
> profile item=v1 signal=count
error: profile: signal= weighs a user's interactions; an item profile has none
> profile user=u1 signal=caption
error: profile: signal=caption: caption is not a column of the log (the weights come from the user's log rows)
> profile user=u1 signal=nope
error: profile: signal=nope: no log column nope (a numeric log column such as watch_ratio, or count)
> profile user=u1 signal=duration
error: profile: signal=duration: duration is not a column of the log (the weights come from the user's log rows)
> profile user=u1 k=0
error: profile: k=0 is out of range (1 to 1,000)
