# Bad forms of save and open: each is one error line and changes nothing —
# nothing to save, no argument, an existing file that is not a workspace
# without --force (it still reads as the recommendation lists it was), a
# folder, a missing parent folder; open of a missing file, a data file, a
# folder, an extra argument. The session after them is the one before
# (models, pipeline). Truncated and byte-flipped workspaces are made at test
# time by tests/shell/store-fresh.sh.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
# filter: s/^\(p  *pop  *window=0  *half_life=0  *11  *\)[0-9.e+-]*/\1(time)/
# filter: /^\(name  *kind  *params\|p  *pop  *window\|imp  *imported\)/s/  */ /g
> save early.rsw
error: save: nothing to save yet (load or generate data first)
> open early.rsw
error: open: cannot open early.rsw: No such file or directory; the session is unchanged
> open
error: open: missing argument; usage: open FILE
> save
error: save: missing argument; usage: save FILE [--force]
> load data/models/ratings.csv
format: delimited text
log data/models/ratings.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/models/ratings.csv
format        csv
interactions  14
users         5
items         5
creators      -
signal        rating 1-5
> split random test=0.3 seed=1
kind        random
split       random test=0.3 valid=0 seed=1
train       11
valid       0
test        3
test users  3
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  11
seconds         (time)
> eval lists=recs.csv
top-k lists written to recs.csv
p (pop):
  model                      p
  kind                       pop
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  auc                        0.3611
  ranking:
     k  precision  recall    ndcg     map     mrr  hit
    10        0.1       1  0.5642  0.4167  0.4167    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    2.346       2.194
  seconds                    (time)
> save recs.csv
error: save: recs.csv exists and is not a reelscope workspace; give --force to replace it; the file is unchanged
> import recs recs.csv as imp
name                           imp
file                           recs.csv
order                          rank
rows                           10
entries                        10
users with a list              3
longest list                   4
unknown users                  0
unknown items                  0
listed items seen in training  0
> save samples
error: save: samples is a folder; give a file name; the file is unchanged
> save nodir/ws.rsw
error: save: cannot save nodir/ws.rsw: cannot create a file in its folder: No such file or directory; nothing written
> open nothere.rsw
error: open: cannot open nothere.rsw: No such file or directory; the session is unchanged
> open data/models/ratings.csv
error: open: data/models/ratings.csv: not a reelscope workspace (it is a text file; load reads data files); the session is unchanged
> open samples
error: open: samples is a folder, not a workspace file; the session is unchanged
> open recs.csv extra
error: open: too many arguments; usage: open FILE
> models
name kind params pairs seconds epochs best metric valid
p pop window=0 half_life=0 11 (time) 0 0 - -
imp imported file=recs.csv 11 0 0 0 - -
> pipeline
source  load data/models/ratings.csv
steps:
  #  command                       rows before  after  users  items  summary
  1  split random test=0.3 seed=1           14     14      5      5  random test=0.3 valid=0 seed=1
> save ws.rsw
path              ws.rsw
bytes             3,445
sections          26
datasets          2
shared with base  5
models            2
steps             1
results           1
seconds           (time)
> save ws.rsw
path              ws.rsw
bytes             3,445
sections          26
datasets          2
shared with base  5
models            2
steps             1
results           1
seconds           (time)
> save recs.csv --force
path              recs.csv
bytes             3,445
sections          26
datasets          2
shared with base  5
models            2
steps             1
results           1
seconds           (time)
> open recs.csv
path      recs.csv
bytes     3,445
sections  26
log rows  14
models    2
steps     1
results   1
seconds   (time)
> models
name kind params pairs seconds epochs best metric valid
p pop window=0 half_life=0 11 (time) 0 0 - -
imp imported file=recs.csv 11 0 0 0 - -
