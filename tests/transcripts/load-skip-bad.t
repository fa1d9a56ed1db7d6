# --skip-bad loads the good rows, counts the skipped ones and names the first.
# Without it, a generated world fails on its injected broken lines, and the error says how to load past them.
# exit: 1
> load data/bad/ragged-long.csv --skip-bad
format: delimited text
log data/bad/ragged-long.csv: comma-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bad/ragged-long.csv
format        csv
interactions  3
users         2
items         3
creators      -
signal        rating 1-5
warning: skipped 1 malformed row of data/bad/ragged-long.csv (first: data/bad/ragged-long.csv:4: expected 4 fields, found 5)
> head
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
u3    i3         1       1003
> load data/bad/mixed-bad.csv --skip-bad
format: delimited text
log data/bad/mixed-bad.csv: comma-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bad/mixed-bad.csv
format        csv
interactions  2
users         2
items         2
creators      -
signal        rating 2-5
warning: skipped 3 malformed rows of data/bad/mixed-bad.csv (first: data/bad/mixed-bad.csv:3: expected 4 fields, found 3)
> head
user  item  rating  timestamp
u1    i1         5       1000
u3    i3         2       1004
> load samples/world
error: samples/world/big_matrix.csv.gz:4705: expected 11 fields, found 3; --skip-bad skips such lines
