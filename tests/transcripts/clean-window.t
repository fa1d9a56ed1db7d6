# window: from= is kept, to= excluded, and a date alone as to= keeps that
# whole day; date-times and unix seconds work too.
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
> clean window from=2020-07-06 to=2020-07-06
step          window
before        rows 57  users 6  items 8
after         rows 55  users 6  items 8
rows removed  2
removed:
  reason                                     rows
  timestamp before 2020-07-06 00:00:00          1
  timestamp at or after 2020-07-07 00:00:00     1
time window:
  column            timestamp
  from              2020-07-06 00:00:00
  until (excluded)  2020-07-07 00:00:00
> undo
undone: clean window from=2020-07-06 to=2020-07-06
steps left  0
rows now    57
> clean window from="2020-07-06 03:00:00"
step          window
before        rows 57  users 6  items 8
after         rows 56  users 6  items 8
rows removed  1
removed:
  reason                                rows
  timestamp before 2020-07-06 03:00:00     1
time window:
  column            timestamp
  from              2020-07-06 03:00:00
  until (excluded)  -
> undo
undone: clean window from="2020-07-06 03:00:00"
steps left  0
rows now    57
> clean window to=1594020000
step          window
before        rows 57  users 6  items 8
after         rows 17  users 5  items 7
rows removed  40
removed:
  reason                                     rows
  timestamp at or after 2020-07-06 07:20:00    40
time window:
  column            timestamp
  from              -
  until (excluded)  2020-07-06 07:20:00
