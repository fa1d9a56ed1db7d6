# A line longer than the 64 MiB limit (a 65 MiB line, gzip-compressed to
# 66 KB) is refused at its line without reading it whole.
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
> load data/bad/long-line.csv.gz
error: data/bad/long-line.csv.gz:3: line longer than 64 MiB; not a delimited text file?
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
