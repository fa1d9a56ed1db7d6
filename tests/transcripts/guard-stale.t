# Models of a previous dataset are set aside, not failures (issue 15): after
# another load, models lists them as stale, eval and compare skip them with a
# note and evaluate the others, eval of only stale models says so, save
# refuses until they are dropped, and loading the first data again does not
# bring them back.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
# filter: s/^\([a-z]  *[a-z]*  *\([a-z_]*=[0-9]* *\)*[0-9][0-9]*\)  *[0-9.e+-]*  /\1  (time)  /
> load data/guard/log.csv
format: delimited text
log data/guard/log.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/guard/log.csv
format        csv
interactions  12
users         6
items         4
creators      -
signal        binary (no value column: every row a positive)
> split random test=0.3
kind        random
split       random test=0.3 valid=0 seed=1
train       10
valid       0
test        2
test users  2
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  10
seconds         (time)
> load data/guard/ml/u1.base
format: MovieLens 100K (u.data), from the file name
log data/guard/ml/u1.base: tab-separated, no header; user=user_id item=item_id value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/guard/ml/u1.base
format        movielens-100k
interactions  3
users         3
items         2
creators      -
signal        rating 2-5
> split files test=data/guard/ml/u1.test
format: MovieLens 100K (u.data)
log data/guard/ml/u1.test: tab-separated, no header; user=user_id item=item_id value=rating time=timestamp
kind        files
split       files test=data/guard/ml/u1.test
train       3
valid       0
test        3
test users  3
> train q model=pop
name            q
kind            pop
params          window 0  half_life 0
training pairs  3
seconds         (time)
> models
stale (trained on a previous dataset, set aside: eval, compare and audit skip them; loading that data again does not bring them back): p
name  kind  params                pairs   seconds  epochs  best  metric  valid
p     pop   window=0 half_life=0     10  (time)       0     0  -       -
q     pop   window=0 half_life=0      3  (time)       0     0  -       -
> eval k=2
model p skipped: trained on a previous dataset (set aside; train it again on this data)
q (pop):
  model                      q
  kind                       pop
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  auc                        0.3333
  ranking:
    k  precision  recall   ndcg     map     mrr  hit
    2        0.5       1  0.754  0.6667  0.6667    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2              1    1.418      0.6667
  seconds                    (time)
> eval p
error: eval: the model named was made for a previous dataset (set aside): train it again (or import its lists) on this data
> save stale.rsw
error: save: model p was trained on a previous dataset (set aside): open would take it for a model of this data; drop it first (models drop=p); nothing written
> load data/guard/log.csv
format: delimited text
log data/guard/log.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/guard/log.csv
format        csv
interactions  12
users         6
items         4
creators      -
signal        binary (no value column: every row a positive)
> models
stale (trained on a previous dataset, set aside: eval, compare and audit skip them; loading that data again does not bring them back): p, q
name  kind  params                pairs   seconds  epochs  best  metric  valid
p     pop   window=0 half_life=0     10  (time)       0     0  -       -
q     pop   window=0 half_life=0      3  (time)       0     0  -       -
> models drop=p
dropped p
stale (trained on a previous dataset, set aside: eval, compare and audit skip them; loading that data again does not bring them back): q
name  kind  params                pairs   seconds  epochs  best  metric  valid
q     pop   window=0 half_life=0      3  (time)       0     0  -       -
