# Regression (was a bug): binary files without a delimiter in their first line (a PNG
# header; 400 random bytes) are reported as "a log needs at least a user and
# an item column; found 1 column (is the delimiter right? give delim=)". The
# NUL check lives only in the line reader, which never runs because the
# sniffer fails first. Expected: the same "binary data, not text" error the
# reader gives (the PNG has its first NUL on line 3, byte 1; garbage.bin on
# line 5, byte 29).
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
> load data/bad/binary.png
error: data/bad/binary.png:3: NUL byte at byte 1 of the line; binary data, not text
> load data/bad/garbage.bin
error: data/bad/garbage.bin:5: NUL byte at byte 29 of the line; binary data, not text
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
