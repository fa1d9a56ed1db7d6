# A word where the value column needs a number names file, line, column and
# the text; a column forced to be the value is checked the same way.
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
> load data/bad/not-number.csv
error: data/bad/not-number.csv:4: column 3 (rating): "abc" is not a number
> load data/good/quoted.csv value=comment
error: data/good/quoted.csv:2: column 4 (comment): "great, really" is not a number
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
