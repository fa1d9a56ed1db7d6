# Regression (was a bug): with --echo, a line that fails to parse (unterminated quote)
# is not echoed, so the error appears under the PREVIOUS command's output and
# a transcript cannot express the case at all (the driver takes the commands
# from the "> " lines it expects back). Actual:
#   error: unterminated double quote starting at column 6
# with no "> load ..." line before it; in --json the object has "command":"".
# Expected: the line is echoed, then the error.
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
> load "data/csv/tiny.csv
error: unterminated double quote starting at column 6
> load 'data/csv/tiny.csv
error: unterminated single quote starting at column 6
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
