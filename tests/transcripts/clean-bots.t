# bots: b1 views a video every 2 seconds where people's median gaps are
# hours; the robust rule on log(1 + gap), a fixed min_gap and a count rule
# all flag it (and only it).
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
> clean bots
step                      bots
before                    rows 57  users 6  items 8
after                     rows 42  users 5  items 8
rows removed              15
removed:
  reason                                         rows
  rows of 1 user with a median gap under 2138 s    15
rule                      median gap robust z on log(1 + gap); burst max(50, 20 x 90th percentile)
users judged              6
typical gap (s)           4,694
gap limit (s)             2,138
burst window (s)          1
typical burst (90th pct)  2
burst limit               50
users flagged             1
flagged users:
  user  events  median gap (s)  burst
  b1        15               2      1
> undo
undone: clean bots
steps left  0
rows now    57
> clean bots min_gap=60
step             bots
before           rows 57  users 6  items 8
after            rows 42  users 5  items 8
rows removed     15
removed:
  reason                                       rows
  rows of 1 user with a median gap under 60 s    15
rule             median gap threshold
users judged     6
typical gap (s)  4,694
gap limit (s)    60
users flagged    1
flagged users:
  user  events  median gap (s)
  b1        15               2
> undo
undone: clean bots min_gap=60
steps left  0
rows now    57
> clean bots rule=count max_events=14
step           bots
before         rows 57  users 6  items 8
after          rows 42  users 5  items 8
rows removed   15
removed:
  reason                              rows
  rows of 1 user with over 14 events    15
rule           events threshold
users judged   6
event limit    14
users flagged  1
flagged users:
  user  events  median gap (s)
  b1        15  -
