# A folder that is not a KuaiRec download, a folder given with format=csv, and a
# file given with format=kuairec: each refused with a message saying what load
# expects; the previous dataset stays.
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
> load data/bad/not-kuairec
error: data/bad/not-kuairec is a folder without big_matrix.csv or small_matrix.csv (KuaiRec layout); give a file to load
> load data/bad/not-kuairec format=csv
error: data/bad/not-kuairec is a folder; only format=kuairec reads a folder
> load data/csv/tiny.csv format=kuairec
error: format=kuairec reads a folder (with big_matrix.csv or small_matrix.csv), not the file data/csv/tiny.csv
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
