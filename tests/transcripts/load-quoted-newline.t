# Regression (was a bug): head prints a field's embedded newline (and CR) raw, which
# breaks the table: the row "u2 i1 4 two\nlines" spans two lines and the
# second starts at column 0. Expected: control characters shown escaped.
> load data/good/quoted.csv
format: delimited text
log data/good/quoted.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/quoted.csv
format        csv
interactions  4
users         3
items         3
creators      -
signal        rating 1-5
> head
user  item  rating  comment
u1    i1         5  great, really
u1    i2         3  she said "meh"
u2    i1         4  two\nlines
u3    i3         1  plain
