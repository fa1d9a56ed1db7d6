# An empty file, a header without rows and a file of blank lines are refused;
# the previous dataset stays.
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
> load data/bad/empty.csv
error: data/bad/empty.csv: empty file
> load data/bad/header-only.csv
error: data/bad/header-only.csv: no data rows (only a header)
> load data/bad/only-blank.csv
error: data/bad/only-blank.csv: no rows (only blank lines)
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
