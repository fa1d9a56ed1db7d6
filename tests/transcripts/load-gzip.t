# .gz input is read transparently.
> load data/good/tiny.csv.gz
format: delimited text
log data/good/tiny.csv.gz: comma-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/tiny.csv.gz
format        csv
interactions  4
users         3
items         3
creators      -
signal        rating 1-5
> head
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
u2    i1         4       1002
u3    i3         1       1003
