# Command names: a unique prefix runs the command, an unknown name gets a
# suggestion when one is near, an ambiguous prefix lists the candidates.
# Quotes keep a space in a path.
# exit: 1
> lod data/csv/tiny.csv
error: unknown command: lod (did you mean load? "help" lists commands)
> xyzzy
error: unknown command: xyzzy ("help" lists commands)
> he
error: ambiguous command: he, could be: head, help
> lo data/csv/tiny.csv
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
> hea 1
user  item  rating  timestamp
u1    i1         5       1000
> load "data/good/two words.csv"
format: delimited text
log data/good/two words.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/two words.csv
format        csv
interactions  2
users         2
items         2
creators      -
signal        rating 4-5
> head 1
user  item  rating
u1    i1         5
> descibe
error: unknown command: descibe (did you mean describe? "help" lists commands)
