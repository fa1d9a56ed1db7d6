# results shows the kept evaluation results again without evaluating: the
# figures are eval-tiny.t's hand-computed ones (precision@2 1/2, recall@2
# 5/6, ndcg@2 0.748, map@2 2/3, mrr@2 5/6, auc 2/3), the same after save and
# open; a model never evaluated, an unknown name and a session without
# results are errors; a new split forgets every result, and a model trained
# before it is evaluated with a warning until it is trained again.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> results
error: results: no evaluation results kept (eval MODEL keeps one; they go when the data or split changes)
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
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  8
seconds         (time)
> train rnd model=random seed=1
name            rnd
kind            random
params          seed 1
training pairs  8
seconds         (time)
> results
error: results: no evaluation results kept (eval MODEL keeps one; they go when the data or split changes)
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
> results
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
> results rnd
error: results: no result for rnd (evaluate it with eval)
> results zz
error: results: no result for zz (no model of that name)
> save r.rsw
path              r.rsw
bytes             3,217
sections          28
datasets          2
shared with base  5
models            2
steps             1
results           1
seconds           (time)
> open r.rsw
step 1 (split files test=data/eval/test.csv --allow-overlap) reads data/eval/test.csv again if undo replays it
path      r.rsw
bytes     3,217
sections  28
log rows  8
models    2
steps     1
results   1
seconds   (time)
> results pop
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
> split random test=0.3 seed=1
kind        random
split       random test=0.3 valid=0 seed=1
train       7
valid       0
test        1
test users  1
> results
error: results: no evaluation results kept (eval MODEL keeps one; they go when the data or split changes)
> eval pop k=2
pop (pop):
  model                      pop
  kind                       pop
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      1
  users with relevant items  1
  auc                        1
  ranking:
    k  precision  recall  ndcg  map  mrr  hit
    2        0.5       1     1    1    1    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2            0.4    2.307         1.5
  seconds                    (time)
warning: model pop was trained before the data or the split last changed: its held-out rows may be rows it trained on (train it again)
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  7
seconds         (time)
> eval pop k=2
pop (pop):
  model                      pop
  kind                       pop
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      1
  users with relevant items  1
  auc                        1
  ranking:
    k  precision  recall  ndcg  map  mrr  hit
    2        0.5       1     1    1    1    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2            0.4    2.307         1.5
  seconds                    (time)
