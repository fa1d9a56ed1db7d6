# Loading a small CSV with a header and describing it.
> load data/csv/tiny.csv
format: delimited text
log data/csv/tiny.csv: comma-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/csv/tiny.csv
format        csv
interactions  4
users         3
items         3
creators      -
signal        rating 1-5
> describe
interactions    4
users           3
items           3
creators        -
signal          rating 1-5
density         44.4%
catalog users   3
catalog items   3
per user        min 1  25% 1  median 1  75% 1.5  90% 1.8  99% 1.98  max 2
per item        min 1  25% 1  median 1  75% 1.5  90% 1.8  99% 1.98  max 2
top items hold  1%: 50%  10%: 50%  20%: 50%
columns:
  table  name       type  missing  distinct   min   max   mean
  log    rating     int         0         4     1     5   3.25
  log    timestamp  int         0         4  1000  1003  1,002
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
