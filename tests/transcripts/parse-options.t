# Option errors are caught before any file is read: unknown options and flags
# with a suggestion, wrong value types, a missing or extra argument, a repeated
# or empty option. The previous dataset stays.
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
> load data/csv/tiny.csv formt=csv
error: load: unknown option formt (did you mean format?)
> load data/csv/tiny.csv --skip
error: load: unknown flag --skip (did you mean --skip-bad?)
> load data/csv/tiny.csv --skip_bad
error: load: unknown flag --skip_bad (did you mean --skip-bad?)
> load data/csv/tiny.csv header=maybe
error: load: header="maybe" must be yes or no
> load data/csv/tiny.csv format=xml
error: load: format="xml" must be one of auto, csv, movielens, kuairec
> load data/csv/tiny.csv delim=xx
error: load: delim must be one of , tab | ; :: (or comma, pipe, semicolon)
> load data/csv/tiny.csv encoding=ebcdic
error: load: encoding="ebcdic" must be one of utf-8, utf8, latin1, auto
> load data/csv/tiny.csv matrix=medium
error: load: matrix="medium" must be one of both, big, small
> load
error: load: missing argument; usage: load PATH [format=...] [user=COL item=COL value=COL time=COL] [items=PATH users=PATH creator=COL] ...
> load data/csv/tiny.csv data/good/pipe.psv
error: load: too many arguments; usage: load PATH [format=...] [user=COL item=COL value=COL time=COL] [items=PATH users=PATH creator=COL] ...
> load data/csv/tiny.csv header=yes header=no
error: load: header= given twice
> load data/csv/tiny.csv user=
error: load: user= needs a value
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
