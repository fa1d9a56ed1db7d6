# Tab, '|' and '::' delimiters are detected; delim= overrides the guess, and
# a wrong delim= says the file has one column.
# exit: 1
> load data/good/ratings.tsv
format: delimited text
log data/good/ratings.tsv: tab-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/ratings.tsv
format        csv
interactions  5
users         3
items         3
creators      -
signal        rating 1-5
> head 2
user  item  rating  timestamp
u1    i1         5       1000
u1    i2         3       1001
> load data/good/pipe.psv
format: delimited text
log data/good/pipe.psv: '|'-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/pipe.psv
format        csv
interactions  3
users         2
items         2
creators      -
signal        rating 3-5
> head 2
user  item  rating
u1    i1         5
u1    i2         3
> load data/good/colons.txt
format: delimited text
log data/good/colons.txt: '::'-separated, no header; user=col1 item=col2 value=col3 time=col4
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/colons.txt
format        csv
interactions  3
users         2
items         2
creators      -
signal        rating 3-5
> head 2
col1  col2  col3       col4
1     10       5  978300760
1     20       3  978302109
> load data/good/ratings.tsv delim=tab
format: delimited text
log data/good/ratings.tsv: tab-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/ratings.tsv
format        csv
interactions  5
users         3
items         3
creators      -
signal        rating 1-5
> load data/good/pipe.psv delim=pipe
format: delimited text
log data/good/pipe.psv: '|'-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/pipe.psv
format        csv
interactions  3
users         2
items         2
creators      -
signal        rating 3-5
> load data/good/colons.txt delim=::
format: delimited text
log data/good/colons.txt: '::'-separated, no header; user=col1 item=col2 value=col3 time=col4
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/colons.txt
format        csv
interactions  3
users         2
items         2
creators      -
signal        rating 3-5
> load data/good/ratings.tsv delim=,
error: data/good/ratings.tsv: a log needs at least a user and an item column; found 1 column (is the delimiter right? give delim=)
> head 2
col1  col2  col3       col4
1     10       5  978300760
1     20       3  978302109
