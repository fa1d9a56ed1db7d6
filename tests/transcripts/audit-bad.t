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
signal        binary (no value column: every row a positive)
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
signal        binary (no value column: every row a positive)
> audit
error: audit: every model was made for a previous dataset (set aside): train one (or import its lists) on this data
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
> audit
error: audit: k=10 is longer than the lists of recs (at most 2 items): give k=2 or less
> audit k=2
no split: every imported list is audited as given; merit is the log's interactions (no held-out part); ndcg, recall, PopREO and expected exposure need held-out relevance and are left out
recs (imported):
  model                   recs
  kind                    imported
  unit                    creator
  exposure                log
  k                       2
  lists audited           every imported list (no split)
  merit from              the log's interactions (no held-out part)
  lists                   3
  gini (n)                0.3631
  gini (n-1)              0.4842
  entropy (bits)          1.576
  entropy max (log2 n)    2
  creator coverage        1
  item coverage           0.75
  ARP                     0.5
  APLT                    0.6667
  ACLT                    1.333
  PopRSP                  0
  PopREO                  -
  head items              3
  maximin share (slots)   1
  min slots / share       1
  share with maximin met  1
  equity of attention     1.226
  disparate treatment     14.39
  disparate exposure      2.877
  EE-D                    -
  EE-R                    -
  EE-L                    -
  calibration KL (bits)   2.543
  ndcg                    -
  recall                  -
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1     0.129        0.6667
         2         0             0
         3     0.129        0.1667
         4         0             0
         5         0             0
         6     0.129        0.1667
         7         0             0
         8    0.6131             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure   merit  interactions  mean_exposure  mean_merit
    head       2    0.2579  0.8333        0.8333          0.129      0.4167
    tail       2    0.7421  0.1667        0.1667          0.371     0.08333
  creators (4 of 4, by exposure):
    creator  videos  interactions   merit  exposure   share  share/merit  slots  maximin  group  decile
    D             2             0       0         3  0.6131  -                3  yes      tail        8
    A             2        0.6667  0.6667    0.6309   0.129  0.1934           1  yes      head        1
    B             1        0.1667  0.1667    0.6309   0.129  0.7737           1  yes      head        3
    C             1        0.1667  0.1667    0.6309   0.129  0.7737           1  yes      tail        6
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
