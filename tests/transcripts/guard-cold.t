# Cold test users (held-out rows, no training row) are stated by split and
# eval, warned about above 10% of the test users, and cold= evaluates them
# apart (issue 15). A temporal cut at 40% of tests/data/guard/log.csv's 12
# events leaves d/w (8), e/w e/y (9, 10) and f/x f/z (11, 12) as test rows: users e
# and f have no training row. A cut at 17% leaves only f/x f/z: every test
# user is cold, so cold=exclude has nobody left and says so (no division by
# zero, no empty table); cold=only evaluates them all.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
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
> split temporal test=0.4
kind             temporal
split            temporal test=0.4 valid=0
train            7
valid            0
test             5
test users       3
cold test users  2 (67%, no training row)
warning: 2 of 3 test users (67%) have no training row: every model can only rank them by popularity, which flatters pop (eval cold=exclude or cold=only evaluates them apart)
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  7
seconds         (time)
> eval p
p (pop):
  model                                             p
  kind                                              pop
  protocol                                          full ranking, test part
  relevance                                         every held-out row
  users                                             3
  users with relevant items                         3
  users scored by popularity (no training history)  2
  cold users                                        2 of 3 held-out users (67%, no training row)
  auc                                               0.3333
  ranking:
     k  precision  recall    ndcg     map     mrr  hit
    10     0.1667       1  0.6902  0.5556  0.6111    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    1.988       1.611
  seconds                                           (time)
warning: 2 of 3 test users (67%) have no training row: every model ranks them by popularity, which flatters pop (cold=exclude or cold=only evaluates them apart)
> eval p cold=include
cold=include: 2 of 3 test users (67%) have no training row, kept as asked
p (pop):
  model                                             p
  kind                                              pop
  protocol                                          full ranking, test part
  relevance                                         every held-out row
  users                                             3
  users with relevant items                         3
  users scored by popularity (no training history)  2
  cold users                                        2 of 3 held-out users (67%, no training row)
  auc                                               0.3333
  ranking:
     k  precision  recall    ndcg     map     mrr  hit
    10     0.1667       1  0.6902  0.5556  0.6111    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    1.988       1.611
  seconds                                           (time)
> eval p cold=exclude
cold=exclude: 2 test users without a training row left out, 1 evaluated
p (pop):
  model                      p
  kind                       pop
  protocol                   full ranking, test part, cold users excluded
  relevance                  every held-out row
  users                      1
  users with relevant items  1
  cold users                 2 of 3 held-out users (67%, no training row), left out
  auc                        0
  ranking:
     k  precision  recall  ndcg     map     mrr  hit
    10        0.1       1   0.5  0.3333  0.3333    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10         0.6667    2.141       1.333
  seconds                    (time)
> eval p cold=only
cold=only: the 2 test users without a training row, scored by popularity fallbacks
p (pop):
  model                                             p
  kind                                              pop
  protocol                                          full ranking, test part, cold users only
  relevance                                         every held-out row
  users                                             2
  users with relevant items                         2
  users scored by popularity (no training history)  2
  cold users                                        2 of 3 held-out users (67%, no training row), the only ones evaluated
  auc                                               0.5
  ranking:
     k  precision  recall    ndcg     map   mrr  hit
    10        0.2       1  0.7853  0.6667  0.75    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    1.911        1.75
  seconds                                           (time)
> eval p cold=sometimes
error: eval: cold="sometimes" must be one of include, exclude, only
> split files test=data/guard/cold.csv
format: delimited text
log data/guard/cold.csv: comma-separated, header row; user=user item=item value=(none) time=time
kind             files
split            files test=data/guard/cold.csv
train            12
valid            0
test             4
test users       4
cold test users  3 (75%, no training row)
warning: 3 of 4 test users (75%) have no training row: every model can only rank them by popularity, which flatters pop (eval cold=exclude or cold=only evaluates them apart)
> eval p cold=only
cold=only: the 3 test users without a training row, scored by popularity fallbacks
p (pop):
  model                                             p
  kind                                              pop
  protocol                                          full ranking, test part, cold users only
  relevance                                         every held-out row
  users                                             3
  users with relevant items                         3
  users scored by popularity (no training history)  3
  cold users                                        3 of 4 held-out users (75%, no training row), the only ones evaluated
  auc                                               0.5
  ranking:
     k  precision  recall    ndcg     map     mrr  hit
    10        0.1       1  0.6872  0.5833  0.5833    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    2.042           3
  seconds                                           (time)
warning: model p was trained before the data or the split last changed: its held-out rows may be rows it trained on (train it again)
> split temporal test=0.17
kind             temporal
split            temporal test=0.17 valid=0
train            10
valid            0
test             2
test users       1
cold test users  1 (100%, no training row)
warning: 1 of 1 test users (100%) have no training row: every model can only rank them by popularity, which flatters pop (eval cold=exclude or cold=only evaluates them apart)
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  10
seconds         (time)
> eval p cold=exclude
error: eval: cold=exclude: every test user (1) lacks training rows, so none is left to evaluate (cold=only evaluates them)
> compare cold=exclude
error: compare: cold=exclude: every test user (1) lacks training rows, so none is left to evaluate (cold=only evaluates them)
> eval p cold=only
cold=only: the 1 test user without a training row, scored by popularity fallbacks
p (pop):
  model                                             p
  kind                                              pop
  protocol                                          full ranking, test part, cold users only
  relevance                                         every held-out row
  users                                             1
  users with relevant items                         1
  users scored by popularity (no training history)  1
  cold users                                        1 of 1 held-out users (100%, no training row), the only ones evaluated
  auc                                               0.5
  ranking:
     k  precision  recall    ndcg     map  mrr  hit
    10        0.2       1  0.9197  0.8333    1    1
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10              1    2.029         2.5
  seconds                                           (time)
