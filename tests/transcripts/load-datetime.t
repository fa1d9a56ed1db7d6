# A time column that holds an impossible date (month 13), or a text column
# forced to be the time, fails at its line and column.
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
> load data/bad/bad-datetime.csv
error: data/bad/bad-datetime.csv:4: column 4 (time): "2020-13-05 10:00:00" is not a date-time (YYYY-MM-DD[ HH:MM:SS])
> load data/good/quoted.csv time=comment
error: data/good/quoted.csv:2: column 4 (comment): "great, really" is not a date-time (YYYY-MM-DD[ HH:MM:SS])
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
