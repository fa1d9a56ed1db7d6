# PENDING (minor): "inf" is called "not a number" while "1e400" is "out of
# range (not a finite number)"; both are infinities to a user. Expected: the
# same wording for both.
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
> load data/bad/inf.csv
error: data/bad/inf.csv:4: column 3 (rating): "inf" is out of range (not a finite number)
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
