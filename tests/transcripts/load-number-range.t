# 1e400 overflows a double: refused at its line and column.
# nan (like NA and null) is the missing-value token: the row loads with the
# rating missing.
# exit: 1
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
> load data/bad/huge-number.csv
error: data/bad/huge-number.csv:3: column 3 (rating): "1e400" is out of range (not a finite number)
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
> load data/bad/nan.csv
format: delimited text
log data/bad/nan.csv: comma-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bad/nan.csv
format        csv
interactions  3
users         2
items         2
creators      -
signal        rating 4-5
> head
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         -       1001
u2    i1         4       1002
> columns
table  name       type  role   missing
log    user       id    user         0
log    item       id    item         0
log    rating     int   value        1
log    timestamp  int   time         0
