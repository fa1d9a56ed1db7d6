# Cleaning steps are pipeline steps: pipeline lists them as typed with
# their effect, history prints the script that rebuilds the data, and undo
# replays the kept steps from the loaded data, so that the data after
# "clean X; undo" is the data before it (describe shows the same figures).
> load data/clean/log.csv items=data/clean/items.csv creator=author
format: delimited text
log data/clean/log.csv: comma-separated, header row; user=user item=item value=watch_ratio time=timestamp
items data/clean/items.csv: 9 rows, id column item, 3 other columns
path          data/clean/log.csv
format        csv
interactions  57
users         6
items         9
creators      3
signal        ratio (watch_ratio), median 0.802, max 150
> clean dedup
step          dedup
before        rows 57  users 6  items 8
after         rows 55  users 6  items 8
rows removed  2
removed:
  reason                                      rows
  exact copy of an earlier row                   1
  same user, item and time as an earlier row     1
mode          event
> clean invalid
the window was decided from the data: the 5th..95th percentile span of timestamp, widened by itself (at least a day) on each side
step          invalid
before        rows 55  users 6  items 8
after         rows 52  users 6  items 8
rows removed  3
removed:
  reason                                         rows
  timestamp before 2020-07-05 03:46:15.200          1
  timestamp at or after 2020-07-07 14:23:42.700     1
  play_duration <= 0                                1
range rules   play_duration > 0, video_duration > 0, watch_ratio >= 0
time window:
  column            timestamp
  from              2020-07-05 03:46:15.200
  until (excluded)  2020-07-07 14:23:42.700
> clean bots
step                      bots
before                    rows 52  users 6  items 8
after                     rows 37  users 5  items 8
rows removed              15
removed:
  reason                                         rows
  rows of 1 user with a median gap under 2533 s    15
rule                      median gap robust z on log(1 + gap); burst max(50, 20 x 90th percentile)
users judged              6
typical gap (s)           4,909
gap limit (s)             2,533
burst window (s)          1
typical burst (90th pct)  1
burst limit               50
users flagged             1
flagged users:
  user  events  median gap (s)  burst
  b1        15               2      1
> describe
interactions      37
users             5
items             8
creators          3
signal            ratio (watch_ratio), median 1.152, max 150
distinct pairs    22
density           55%
catalog users     6
catalog items     9
catalog creators  3
per user          min 7  25% 7  median 7  75% 8  90% 8  99% 8  max 8
per item          min 1  25% 2.75  median 4.5  75% 6.5  90% 8  99% 8  max 8
top items hold    1%: 21.6%  10%: 21.6%  20%: 43.2%
columns:
  table  name            type   missing  distinct                  min                  max     mean
  log    play_duration   int          0        37                 1936              4500000  154,595
  log    video_duration  int          1         8                 8000                60000   26,361
  log    watch_ratio     float        1        35                0.217                  150    5.346
  log    timestamp       float        0        37  2020-07-06 03:17:13  2020-07-06 17:21:09        -
  log    genre           text         1         4                    -                    -        -
  items  author          text         0         3                    -                    -        -
  items  duration        int          2         7                 8000                60000   24,286
  items  category        text         1         4                    -                    -        -
> clean outliers watch_ratio method=z scale=log side=upper
step           outliers
column         watch_ratio
table          log
before         rows 37  users 5  items 8
after          rows 36  users 5  items 8
rows removed   1
removed:
  reason                     rows
  watch_ratio above 13.2542     1
rule           z=3.5 (median/MAD) on log(watch_ratio), drop
values judged  36
not judged     1
stats of log   median 0.1292  mad 0.4731
fences         lower -  upper 13.2542
values beyond  below 0  above 1
> clean fill video_duration by=item
step            fill
column          video_duration
table           log
before          rows 36  users 5  items 8
after           rows 36  users 5  items 8
rows removed    0
values changed  1
changed:
  reason                    rows
  median of its item group     1
method          median
by              item
overall value   25000
groups          8
> pipeline
source  load data/clean/log.csv items=data/clean/items.csv creator=author
steps:
  #  command                                                   rows before  after  users  items  summary
  1  clean dedup                                                        57     55      6      8  removed 1 exact copy and 1 repeated event
  2  clean invalid                                                      55     52      6      8  removed 3 rows breaking 5 rules
  3  clean bots                                                         52     37      5      8  removed 1 user flagged as a bot
  4  clean outliers watch_ratio method=z scale=log side=upper           37     36      5      8  dropped 1 row with watch_ratio above 13.2542
  5  clean fill video_duration by=item                                  36     36      5      8  filled 1 missing value of video_duration (median by item)
> history
load data/clean/log.csv items=data/clean/items.csv creator=author
clean dedup
clean invalid
clean bots
clean outliers watch_ratio method=z scale=log side=upper
clean fill video_duration by=item
> undo 2
undone: clean outliers watch_ratio method=z scale=log side=upper, clean fill video_duration by=item
steps left  3
rows now    37
> describe
interactions      37
users             5
items             8
creators          3
signal            ratio (watch_ratio), median 1.152, max 150
distinct pairs    22
density           55%
catalog users     6
catalog items     9
catalog creators  3
per user          min 7  25% 7  median 7  75% 8  90% 8  99% 8  max 8
per item          min 1  25% 2.75  median 4.5  75% 6.5  90% 8  99% 8  max 8
top items hold    1%: 21.6%  10%: 21.6%  20%: 43.2%
columns:
  table  name            type   missing  distinct                  min                  max     mean
  log    play_duration   int          0        37                 1936              4500000  154,595
  log    video_duration  int          1         8                 8000                60000   26,361
  log    watch_ratio     float        1        35                0.217                  150    5.346
  log    timestamp       float        0        37  2020-07-06 03:17:13  2020-07-06 17:21:09        -
  log    genre           text         1         4                    -                    -        -
  items  author          text         0         3                    -                    -        -
  items  duration        int          2         7                 8000                60000   24,286
  items  category        text         1         4                    -                    -        -
> pipeline
source  load data/clean/log.csv items=data/clean/items.csv creator=author
steps:
  #  command        rows before  after  users  items  summary
  1  clean dedup             57     55      6      8  removed 1 exact copy and 1 repeated event
  2  clean invalid           55     52      6      8  removed 3 rows breaking 5 rules
  3  clean bots              52     37      5      8  removed 1 user flagged as a bot
> undo 3
undone: clean dedup, clean invalid, clean bots
steps left  0
rows now    57
> pipeline
no steps yet: the data is as loaded (clean, features and split add steps)
source  load data/clean/log.csv items=data/clean/items.csv creator=author
