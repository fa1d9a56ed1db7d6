# eval on three users whose figures are worked out by hand (tests/unit/test-eval.c
# has the derivation): pop scores i1 3, i2 2, i3-i5 1, ties by item index.
# u1 gets [i3 i4] (relevant i3 i5), u2 [i2 i4] (relevant i2), u3 [i3 i5]
# (relevant i5; its i1 was seen in training): precision@2 1/2, recall@2 5/6,
# ndcg@2 0.748, map@2 2/3, mrr@2 5/6, auc 2/3, item_coverage@2 4/5.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
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
> eval pop k=1,2
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
    k  precision  recall    ndcg     map     mrr     hit
    1     0.6667     0.5  0.6667  0.6667  0.6667  0.6667
    2        0.5  0.8333   0.748  0.6667  0.8333       1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    1            0.4    2.667       1.333
    2            0.8    2.833       1.167
  seconds                    (time)
> eval pop k=2 sampled=1
1 held-out pair the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop (pop):
  model                      pop
  kind                       pop
  protocol                   sampled candidates, test part (sampled metrics are inflated)
  relevance                  every held-out row
  sampled                    1
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
warning: sampled candidates (1 negative per user) inflate every ranking metric; compare only with the same protocol
