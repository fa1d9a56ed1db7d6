# A step that would remove every row fails, in batch as in the REPL, and
# says to repeat it with --force; with --force it runs, and a later step on
# the empty log works. (The window before 2000 keeps one row: the one the
# fixture stamped 0, 1970-01-01.)
# exit: 1
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
> clean kcore k=20
error: clean kcore: this would remove every row (57); nothing changed (repeat with --force to do it anyway)
> clean window to=2000-01-01
step          window
before        rows 57  users 6  items 8
after         rows 1  users 1  items 1
rows removed  56
removed:
  reason                                     rows
  timestamp at or after 2000-01-02 00:00:00    56
time window:
  column            timestamp
  from              -
  until (excluded)  2000-01-02 00:00:00
> clean binarize min=1000
error: clean binarize: this would remove every row (1); nothing changed (repeat with --force to do it anyway)
> clean kcore k=20 --force
step               kcore
before             rows 1  users 1  items 1
after              rows 0  users 0  items 0
rows removed       1
removed:
  reason                                                                       rows
  rows of users with fewer than 20 rows or items with fewer than 20 (1 round)     1
min rows per user  20
min rows per item  20
rounds             1
users dropped      1
items dropped      1
> clean dedup
nothing to remove: the data is unchanged (the step is still recorded)
step          dedup
before        rows 0  users 0  items 0
after         rows 0  users 0  items 0
rows removed  0
mode          event
> pipeline
source  load data/clean/log.csv items=data/clean/items.csv creator=author
steps:
  #  command                     rows before  after  users  items  summary
  1  clean window to=2000-01-01           57      1      1      1  kept the window: 0 before, 56 after, 0 without a time
  2  clean kcore k=20 --force              1      0      0      0  20-core of users, 20-core of items: dropped 1 user and 1 item in 1 round
  3  clean dedup                           0      0      0      0  removed 0 exact copies and 0 repeated events
