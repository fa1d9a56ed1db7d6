# CRLF line ends and a UTF-8 byte-order mark are not part of the data.
> load data/good/crlf.csv
format: delimited text
log data/good/crlf.csv: comma-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/crlf.csv
format        csv
interactions  3
users         2
items         2
creators      -
signal        rating 3-5
> head
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
u2    i1         4       1002
> columns
table  name       type  role   missing
log    user       id    user         0
log    item       id    item         0
log    rating     int   value        0
log    timestamp  int   time         0
> load data/good/bom.csv
format: delimited text
log data/good/bom.csv: comma-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/bom.csv
format        csv
interactions  3
users         2
items         2
creators      -
signal        rating 3-5
> columns
table  name       type  role   missing
log    user       id    user         0
log    item       id    item         0
log    rating     int   value        0
log    timestamp  int   time         0
> head 1
user  item  rating  timestamp
u1    i1         5       1000
