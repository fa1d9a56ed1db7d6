# Invalid UTF-8 in a text or id column or in the header fails with the place
# and a hint; encoding=latin1 reads the same file, encoding=auto reads only
# the invalid fields as Latin-1.
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
> load data/bad/latin1.csv
error: data/bad/latin1.csv:2: column 3 (title): invalid UTF-8 at byte 4 (give encoding=latin1 for a Latin-1 file)
> head 1
user  item  rating  timestamp
u1    i1         5       1000
> load data/bad/latin1.csv encoding=latin1
format: delimited text
log data/bad/latin1.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bad/latin1.csv
format        csv
interactions  2
users         2
items         2
creators      -
signal        binary (no value column: every row a positive)
> head
user  item  title
u1    i1    café
u2    i2    naïve
> load data/bad/bad-utf8-id.csv
error: data/bad/bad-utf8-id.csv:3: column 1 (user): invalid UTF-8 at byte 1 (give encoding=latin1 for a Latin-1 file)
> load data/bad/bad-utf8-id.csv encoding=auto
format: delimited text
log data/bad/bad-utf8-id.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bad/bad-utf8-id.csv
format        csv
interactions  2
users         2
items         2
creators      -
signal        binary (no value column: every row a positive)
> head
user  item  title
u1    i1    ok
ÿþu2  i2    fine
> load data/bad/bad-utf8-header.csv
error: data/bad/bad-utf8-header.csv:1: column 3: invalid UTF-8 in the header
> load data/bad/bad-utf8-header.csv encoding=latin1
format: delimited text
log data/bad/bad-utf8-header.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bad/bad-utf8-header.csv
format        csv
interactions  1
users         1
items         1
creators      -
signal        binary (no value column: every row a positive)
> columns
table  name   type  role  missing
log    user   id    user        0
log    item   id    item        0
log    tétle  text              0
