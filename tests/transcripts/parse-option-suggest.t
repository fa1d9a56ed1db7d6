# Regression (was a bug): "load x.csv delimiter=," gets no suggestion: near_opt only
# accepts an edit distance below 3 and delimiter is 4 edits from delim. The
# message lists every option instead (useful, but the flag --skip-bad is
# missing from that list). Expected: a suggestion when the typed name starts
# with an option's name or the other way round, as for --skip.
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
> load data/csv/tiny.csv delimiter=,
error: load: unknown option delimiter (did you mean delim?)
> load data/csv/tiny.csv --skip
error: load: unknown flag --skip (did you mean --skip-bad?)
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
