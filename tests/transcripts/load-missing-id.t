# An empty user or item id fails at its line and column.
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
> load data/bad/no-user.csv
error: data/bad/no-user.csv:3: column 1 (user): user id missing
> load data/bad/no-item.csv
error: data/bad/no-item.csv:4: column 2 (item): item id missing
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
