# anonymize's bad input: one-line errors, the data unchanged.
# exit: 1
> anonymize
error: no dataset loaded (use load PATH or generate DIR --load first)
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
signal        binary (no value column: every row a positive)
> anonymize salt=a salt-file=data/fair/salt.txt
error: anonymize: give one of salt=, salt-file= and key=
> anonymize salt=
error: anonymize: salt= needs a value
> anonymize salt=***
error: anonymize: salt=*** is how history and echo hide a salt; type the salt itself (or use salt-file=FILE)
> anonymize salt-file=data/fair/nope.txt
error: anonymize: cannot read data/fair/nope.txt: No such file or directory
> anonymize salt-file=data/fair/empty-salt.txt
error: anonymize: data/fair/empty-salt.txt: the first line (the salt) is empty
> anonymize key=#1
error: anonymize: key=#1: no such key in this session (keys live only in the session that made them; run anonymize salt-file=FILE again)
> anonymize key=1
error: anonymize: key=1: no such key in this session (keys live only in the session that made them; run anonymize salt-file=FILE again)
> head 2
user  item
u1    i1
u1    i2
