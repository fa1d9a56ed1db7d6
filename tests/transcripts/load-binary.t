# Binary data (a NUL byte inside a line) is refused as not text, naming the
# line and the byte; the previous dataset stays.
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
> load data/bad/nul-in-row.csv
error: data/bad/nul-in-row.csv:3: NUL byte at byte 4 of the line; binary data, not text
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
