# clean bots' burst rule. data/csv/bots-burst.csv.gz (make-bots-burst.py beside
# it): 60 ordinary users rating in sessions, heavy1 (2,700 ratings over a year),
# fast1 (128 ratings in one second, MovieLens latest-small's real maximum, and
# 300 more), and bot1..bot3, each rating 3,000 movies within the same second.
# The gap rule misses the bots (people's median gap is 0 s here too), the count
# rule takes heavy1 with them; the burst rule (default with gap) takes the three
# bots only: limit max(50, 20 x the 90th percentile of bursts, 8) = 160.
# exit: 1
> load data/csv/bots-burst.csv.gz
format: delimited text
log data/csv/bots-burst.csv.gz: comma-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/csv/bots-burst.csv.gz
format        csv
interactions  18,449
users         65
items         3,000
creators      -
signal        rating 1-5
> clean bots rule=gap
nothing to remove: the data is unchanged (the step is still recorded)
step             bots
before           rows 18,449  users 65  items 3,000
after            rows 18,449  users 65  items 3,000
rows removed     0
rule             median gap robust z on log(1 + gap)
users judged     65
typical gap (s)  0
gap limit (s)    -
users flagged    0
> undo
undone: clean bots rule=gap
steps left  0
rows now    18,449
> clean bots
step                      bots
before                    rows 18,449  users 65  items 3,000
after                     rows 9,449  users 62  items 2,970
rows removed              9,000
removed:
  reason                                            rows
  rows of 3 users with over 160 events within 1 s  9,000
rule                      median gap robust z on log(1 + gap); burst max(50, 20 x 90th percentile)
users judged              65
typical gap (s)           0
gap limit (s)             -
burst window (s)          1
typical burst (90th pct)  8
burst limit               160
users flagged             3
flagged users:
  user  events  median gap (s)  burst
  bot1   3,000               0  3,000
  bot2   3,000               0  3,000
  bot3   3,000               0  3,000
> undo
undone: clean bots
steps left  0
rows now    18,449
> clean bots rule=burst max_burst=100
step                      bots
before                    rows 18,449  users 65  items 3,000
after                     rows 9,021  users 61  items 2,967
rows removed              9,428
removed:
  reason                                            rows
  rows of 4 users with over 100 events within 1 s  9,428
rule                      burst threshold
users judged              65
burst window (s)          1
typical burst (90th pct)  8
burst limit               100
users flagged             4
flagged users:
  user   events  median gap (s)  burst
  bot1    3,000  -               3,000
  bot2    3,000  -               3,000
  bot3    3,000  -               3,000
  fast1     428  -                 128
> undo
undone: clean bots rule=burst max_burst=100
steps left  0
rows now    18,449
> clean bots burst_window=3600
step                      bots
before                    rows 18,449  users 65  items 3,000
after                     rows 9,449  users 62  items 2,970
rows removed              9,000
removed:
  reason                                                rows
  rows of 3 users with over 1580 events within 3600 s  9,000
rule                      burst max(50, 20 x 90th percentile)
users judged              65
burst window (s)          3,600
typical burst (90th pct)  79
burst limit               1,580
users flagged             3
flagged users:
  user  events  median gap (s)  burst
  bot1   3,000  -               3,000
  bot2   3,000  -               3,000
  bot3   3,000  -               3,000
> undo
undone: clean bots burst_window=3600
steps left  0
rows now    18,449
> clean bots rule=gap max_burst=10
error: clean bots: max_burst= goes with rule=burst or rule=all
> clean bots rule=often
error: clean: rule="often" must be one of gap, count, burst, all, both
> clean bots max_burst=0
error: clean: max_burst=0 is out of range (1 to 1,000,000,000,000)
