# A path that does not exist: one error naming it; the dataset loaded before stays.
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
> load data/bad/no-such-file.csv
error: cannot open data/bad/no-such-file.csv: No such file or directory
> load data/no-such-dir/ratings.csv
error: cannot open data/no-such-dir/ratings.csv: No such file or directory
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
