# audit's bad input: one-line errors, nothing changed.
# exit: 1
> audit
error: no dataset loaded (use load PATH or generate DIR --load first)
> load data/fair/train.csv
format: delimited text
log data/fair/train.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/fair/train.csv
format        csv
interactions  6
users         3
items         4
creators      -
> split files test=data/fair/test.csv
format: delimited text
log data/fair/test.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
kind        files
split       files test=data/fair/test.csv
train       6
valid       0
test        4
test users  3
> import recs data/fair/recs.csv as recs
name                           recs
file                           data/fair/recs.csv
order                          rank
rows                           6
entries                        6
users with a list              3
longest list                   2
unknown users                  0
unknown items                  0
listed items seen in training  0
> audit k=2
error: audit: the data has no creator column: map one when loading (load PATH creator=COLUMN), or audit items instead (items=yes)
> load data/fair/train.csv items=data/fair/items.csv creator=creator
format: delimited text
log data/fair/train.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
items data/fair/items.csv: 6 rows, id column item, 2 other columns
path          data/fair/train.csv
format        csv
interactions  6
users         3
items         6
creators      4
> audit
error: audit: no split yet: run split first (e.g. split user test=0.2 valid=0.1)
> import recs data/fair/recs.csv as recs
name                           recs
file                           data/fair/recs.csv
order                          rank
rows                           6
entries                        6
users with a list              3
longest list                   2
unknown users                  0
unknown items                  0
listed items seen in training  0
> audit k=2
error: audit: no split yet: run split first (e.g. split user test=0.2 valid=0.1)
> split files test=data/fair/test.csv
format: delimited text
log data/fair/test.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
kind        files
split       files test=data/fair/test.csv
train       6
valid       0
test        4
test users  3
> import recs data/fair/recs.csv as recs
name                           recs
file                           data/fair/recs.csv
order                          rank
rows                           6
entries                        6
users with a list              3
longest list                   2
unknown users                  0
unknown items                  0
listed items seen in training  0
> audit nope
error: audit: no model named nope (models: recs)
> audit recs recs
error: audit: model recs is named twice
> audit k=3
error: audit: k=3 is longer than the lists of recs (at most 2 items): give k=2 or less
> audit k=2 group=nope
error: audit: group=nope: no such item column (give popularity, new, or a column of the item table)
> audit k=2 dp=0
error: audit: dp=0: epsilon must be a positive number (e.g. dp=1)
> audit k=2 dp=-0.5
error: audit: dp=-0.5: epsilon must be a positive number (e.g. dp=1)
> audit k=2 dp=abc
error: audit: dp="abc" is not a number
> audit k=2 exposure=dcg
error: audit: exposure="dcg" must be one of log, uniform, rbp, cascade
> audit k=2 gamma=1
error: audit: gamma (patience) must lie strictly between 0 and 1
> audit k=2 export=/nonexistent/dir/a.csv
error: audit: cannot write /nonexistent/dir/a.csv: No such file or directory
> models
name  kind      params                   pairs  seconds  epochs  best  metric  valid
recs  imported  file=data/fair/recs.csv      6        0       0     0  -       -
