# kcore: users and items with too few rows go, round after round.
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
> clean kcore k=3
nothing to remove: the data is unchanged (the step is still recorded)
step               kcore
before             rows 57  users 6  items 8
after              rows 57  users 6  items 8
rows removed       0
min rows per user  3
min rows per item  3
rounds             0
users dropped      0
items dropped      0
> undo
undone: clean kcore k=3
steps left  0
rows now    57
> clean kcore users=9 items=1
step               kcore
before             rows 57  users 6  items 8
after              rows 33  users 3  items 8
rows removed       24
removed:
  reason                                                                     rows
  rows of users with fewer than 9 rows or items with fewer than 1 (1 round)    24
min rows per user  9
min rows per item  1
rounds             1
users dropped      3
items dropped      0
> undo
undone: clean kcore users=9 items=1
steps left  0
rows now    57
> clean kcore k=8
error: clean kcore: this would remove every row (57); nothing changed (repeat with --force to do it anyway)
