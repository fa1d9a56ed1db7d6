# Regression (was a bug): an unterminated quote is not reported. libcsv is initialised
# with CSV_STRICT_FINI alone, which does nothing without CSV_STRICT, so the
# open field swallows the rest of the file: in the middle of a row the error
# is a misleading field count; in the last column the load SUCCEEDS with one
# row where there are three. Expected output below.
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
> load data/bad/unterminated-quote.csv
error: data/bad/unterminated-quote.csv:3: quoted field opened here is never closed
> load data/bad/unterminated-quote-last.csv
error: data/bad/unterminated-quote-last.csv:2: quoted field opened here is never closed
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
