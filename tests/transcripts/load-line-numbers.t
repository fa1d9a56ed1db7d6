# Error lines count physical lines: a quoted field spanning two lines, blank
# lines, and a bad row at line 10000 (beyond the first batches of rows).
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
> load data/bad/quoted-then-bad.csv
error: data/bad/quoted-then-bad.csv:5: column 3 (rating): "abc" is not a number
> load data/bad/blank-lines.csv
error: data/bad/blank-lines.csv:5: column 3 (rating): "zz" is not a number
> load data/bad/late-bad.csv.gz
error: data/bad/late-bad.csv.gz:10000: column 3 (rating): "oops" is not a number
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
