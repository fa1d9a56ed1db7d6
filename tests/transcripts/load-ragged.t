# Rows with too few or too many fields fail at their line; the previous
# dataset stays.
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
> load data/bad/ragged-short.csv
error: data/bad/ragged-short.csv:3: expected 4 fields, found 3; --skip-bad skips such lines
> load data/bad/ragged-long.csv
error: data/bad/ragged-long.csv:4: expected 4 fields, found 5; --skip-bad skips such lines
> load data/bad/ml-100k/u.data
error: data/bad/ml-100k/u.data:2: expected 4 fields, found 3; --skip-bad skips such lines
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
