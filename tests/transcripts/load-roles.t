# Column roles: by position in a header-less file, guessed by position when
# the header names are unknown, and given by position or by name.
# exit: 1
> load data/good/noheader.csv
format: delimited text
log data/good/noheader.csv: comma-separated, no header; user=col1 item=col2 value=col3 time=col4
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/noheader.csv
format        csv
interactions  4
users         3
items         3
creators      -
signal        rating 1-5
> head 2
col1  col2  col3  col4
u1    i1       5  1000
u1    i2       3  1001
> load data/good/swapped.csv
format: delimited text
log data/good/swapped.csv: comma-separated, header row; user=movie item=viewer value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/swapped.csv
format        csv
interactions  4
users         3
items         3
creators      -
signal        binary (no value column: every row a positive)
> load data/good/swapped.csv user=2 item=1
format: delimited text
log data/good/swapped.csv: comma-separated, header row; user=viewer item=movie value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/swapped.csv
format        csv
interactions  4
users         3
items         3
creators      -
signal        binary (no value column: every row a positive)
> head 2
viewer  movie  stars
u1      m1         5
u1      m2         3
> load data/good/swapped.csv user=viewer item=movie value=stars
format: delimited text
log data/good/swapped.csv: comma-separated, header row; user=viewer item=movie value=stars time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/swapped.csv
format        csv
interactions  4
users         3
items         3
creators      -
signal        rating 1-5
> columns
table  name    type  role   missing
log    viewer  id    user         0
log    movie   id    item         0
log    stars   int   value        0
> load data/good/swapped.csv user=nosuch
error: data/good/swapped.csv has no column "nosuch" for user= (columns: movie, viewer, stars)
> load data/good/swapped.csv user=9
error: data/good/swapped.csv has no column "9" for user= (columns: movie, viewer, stars)
> load data/good/swapped.csv user=1 item=1
error: data/good/swapped.csv: user and item are the same column (movie)
> load data/good/swapped.csv user=viewer item=movie value=viewer
error: data/good/swapped.csv: value and time must be other columns than user and item
> head 1
viewer  movie  stars
u1      m1         5
