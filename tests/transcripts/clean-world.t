# On the bundled simulated world every step reports how its flagged rows
# (or users) match the dirt generate injected: each finds all of its kind
# and nothing else, in the order a person would clean.
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
> clean invalid
the window was decided from the data: the 5th..95th percentile span of timestamp, widened by itself (at least a day) on each side
step           invalid
before         rows 21,206  users 404  items 797
after          rows 21,180  users 404  items 797
rows removed   26
removed:
  reason                                         rows
  timestamp before 2020-06-28 17:49:20.060         18
  timestamp at or after 2020-07-17 20:30:53.365     8
range rules    play_duration > 0, video_duration > 0, watch_ratio >= 0
time window:
  column            timestamp
  from              2020-06-28 17:49:20.060
  until (excluded)  2020-07-17 20:30:53.365
injected dirt  kinds bad_time  unit rows  dirty 26  flagged 26  found 26  recall 100%  precision 100%
> clean bots
step                      bots
before                    rows 21,180  users 404  items 797
after                     rows 19,844  users 400  items 795
rows removed              1,336
removed:
  reason                                            rows
  rows of 4 users with a median gap under 591.2 s  1,336
rule                      median gap robust z on log(1 + gap); burst max(50, 20 x 90th percentile)
users judged              404
typical gap (s)           10,099
gap limit (s)             591.2
burst window (s)          1
typical burst (90th pct)  1
burst limit               50
users flagged             4
flagged users:
  user  events  median gap (s)  burst
  403      388           2.664      1
  401      340           2.526      1
  402      320           2.599      1
  400      288            2.56      1
injected dirt             kinds bot  unit users  dirty 4  flagged 4  found 4  recall 100%  precision 100%
> clean outliers watch_ratio method=z scale=log side=upper
step           outliers
column         watch_ratio
table          log
before         rows 19,844  users 400  items 795
after          rows 19,803  users 400  items 795
rows removed   41
removed:
  reason                     rows
  watch_ratio above 11.0836    41
rule           z=3.5 (median/MAD) on log(watch_ratio), drop
values judged  19,801
not judged     43
stats of log   median -0.06463  mad 0.476
fences         lower -  upper 11.0836
values beyond  below 0  above 41
injected dirt  kinds outlier  unit rows  dirty 41  flagged 41  found 41  recall 100%  precision 100%
> clean fill video_duration by=video_id
step            fill
column          video_duration
table           log
before          rows 19,803  users 400  items 795
after           rows 19,803  users 400  items 795
rows removed    0
values changed  43
changed:
  reason                        rows
  median of its video_id group    43
method          median
by              video_id
overall value   35045
groups          795
injected dirt   kinds missing_duration  unit rows  dirty 43  flagged 43  found 43  recall 100%  precision 100%
> clean kcore k=5
step               kcore
before             rows 19,803  users 400  items 795
after              rows 19,587  users 398  items 724
rows removed       216
removed:
  reason                                                                     rows
  rows of users with fewer than 5 rows or items with fewer than 5 (1 round)   216
min rows per user  5
min rows per item  5
rounds             1
users dropped      2
items dropped      71
> clean binarize min=2 weight=yes
step           binarize
column         watch_ratio
table          log
before         rows 19,587  users 398  items 724
after          rows 3,029  users 371  items 535
rows removed   16,558
removed:
  reason                             rows
  watch_ratio < 2: not a positive  16,516
  watch_ratio missing                  42
positive when  watch_ratio >= 2
positives      3,029
negatives      16,516
no value       42
value column   weight
> pipeline
source  load samples/world --skip-bad
steps:
  #  command                                                   rows before   after  users  items  summary
  1  clean dedup                                                    21,288  21,206    404    797  removed 44 exact copies and 38 repeated events
  2  clean invalid                                                  21,206  21,180    404    797  removed 26 rows breaking 5 rules
  3  clean bots                                                     21,180  19,844    400    795  removed 4 users flagged as bots
  4  clean outliers watch_ratio method=z scale=log side=upper       19,844  19,803    400    795  dropped 41 rows with watch_ratio above 11.0836
  5  clean fill video_duration by=video_id                          19,803  19,803    400    795  filled 43 missing values of video_duration (median by video_id)
  6  clean kcore k=5                                                19,803  19,587    398    724  5-core of users, 5-core of items: dropped 2 users and 71 items in 1 round
  7  clean binarize min=2 weight=yes                                19,587   3,029    371    535  3029 positives (watch_ratio >= 2); value column weight
