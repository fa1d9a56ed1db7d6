# Regression (was a bug): the message for a truncated .gz shows zlib's internal name
# for the descriptor, "<fd:3>", which means nothing to the user and changes
# with the number of open files:
#   error: data/bad/truncated.csv.gz: truncated or corrupt gzip data (<fd:3>: unexpected end of file)
# Expected (the line reached would help too):
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
> load data/bad/truncated.csv.gz
error: data/bad/truncated.csv.gz: truncated or corrupt gzip data (unexpected end of file)
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
