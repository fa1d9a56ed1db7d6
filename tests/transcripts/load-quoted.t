# Quoted fields may hold the delimiter, doubled quotes and newlines.
> load data/good/quoted.csv
format: delimited text
log data/good/quoted.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/quoted.csv
format        csv
interactions  4
users         3
items         3
creators      -
signal        rating 1-5
> head 2
user  item  rating  comment
u1    i1         5  great, really
u1    i2         3  she said "meh"
> columns
table  name     type  role   missing
log    user     id    user         0
log    item     id    item         0
log    rating   int   value        0
log    comment  text               0
