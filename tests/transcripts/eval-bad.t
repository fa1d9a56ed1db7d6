# eval's bad input: each fails with one message and changes nothing (the
# results kept before stay); no data, no split, no model, bad cutoffs, unknown
# models and columns, a relevance rule that is not one, unwritable exports.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> eval
error: no dataset loaded (use load PATH or generate DIR --load first)
> load data/eval/train.csv
format: delimited text
log data/eval/train.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/eval/train.csv
format        csv
interactions  8
users         3
items         5
creators      -
signal        rating 2-5
> eval
error: eval: no model trained yet (train NAME model=KIND, or import recs FILE as NAME)
> import recs data/eval/recs.csv as ext
name                           ext
file                           data/eval/recs.csv
order                          rank
rows                           6
entries                        6
users with a list              3
longest list                   2
unknown users                  0
unknown items                  0
listed items seen in training  0
> eval
error: eval: no split yet: run split first (e.g. split user test=0.2 valid=0.1)
> train pop model=pop
error: train: no split yet; run split first (e.g. split user test=0.2 valid=0.1)
> split files test=data/eval/test.csv --allow-overlap
format: delimited text
log data/eval/test.csv: comma-separated, header row; user=user item=item value=rating time=(none)
kind        files
split       files test=data/eval/test.csv
train       8
valid       0
test        5
test users  3
warning: --allow-overlap: 1 of 5 held-out rows are also in the training log (same user and item): eval cannot rank them (seen items) and rmse/mae include them
> eval
1 held-out pair the user also has in training: not ranked (seen items are left out), so not counted as relevant
ext (imported):
  model                      ext
  kind                       imported
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  auc                        0.5
  ranking:
     k  precision  recall   ndcg     map     mrr  hit
    10        0.1  0.8333  0.748  0.6667  0.8333    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10            0.8    2.833       1.167
  seconds                    (time)
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  8
seconds         (time)
> eval k=0
error: eval: k=0: each cutoff must be from 1 to 100000
> eval k=-3
error: eval: k=-3: expected whole numbers separated by commas, e.g. k=10,20
> eval k=10,abc
error: eval: k=10,abc: expected whole numbers separated by commas, e.g. k=10,20
> eval k=1,2,3,4,5,6,7,8,9
error: eval: k=1,2,3,4,5,6,7,8,9: at most 8 cutoffs
> eval nope
error: eval: no model named nope (models: ext, pop)
> eval pop pop
error: eval: model pop is named twice
> eval pop relevant=rating
error: eval: relevant=rating: expected COLUMN>=THRESHOLD, e.g. relevant=watch_ratio>=2
> eval pop relevant=rating>=high
error: eval: relevant=rating>=high: the threshold after >= is not a number
> eval pop relevant=stars>=4
error: eval: relevant=stars: the held-out rows have no such column
> eval pop signal=stars
error: eval: signal=stars: the held-out rows have no such column
> eval pop diversity=genre
error: eval: diversity=genre: the item table has no such column
> eval pop sampled=0
error: eval: sampled=0 is out of range (1 to 100,000,000)
> eval pop effective=0
error: eval: effective=0 is out of range (0.01 to 1,000)
> eval pop sampled=ten
error: eval: sampled="ten" is not a whole number
> eval pop effective=lots
error: eval: effective="lots" is not a number
> eval pop part=train
error: eval: part="train" must be one of test, valid
> eval pop export=no-such-dir/users.csv
error: eval: no-such-dir/users.csv: No such file or directory
> train rnd model=random
name            rnd
kind            random
params          seed 1
training pairs  8
seconds         (time)
> eval export=all.csv
error: eval: export= and lists= write one model's values; name it (eval MODEL export=FILE)
> eval pop rnd lists=all.csv
error: eval: export= and lists= write one model's values; name it (eval MODEL export=FILE)
> eval pop k=2
1 held-out pair the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop (pop):
  model                      pop
  kind                       pop
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  auc                        0.6667
  ranking:
    k  precision  recall   ndcg     map     mrr  hit
    2        0.5  0.8333  0.748  0.6667  0.8333    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2            0.8    2.833       1.167
  seconds                    (time)
