# Regression (was a bug): when --skip-bad skips every data row, load says
# "no data rows (only a header)", which is false: the file has 3 data rows,
# all malformed. Expected: say they were all skipped, and name the first.
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
> load data/bad/all-bad.csv --skip-bad
error: data/bad/all-bad.csv: no data rows left: all 3 rows are malformed (first: data/bad/all-bad.csv:2: column 3 (rating): "x" is not a number)
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
