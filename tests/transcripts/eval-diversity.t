# diversity@k reads category names whole: "A|B" splits at bars, a list
# "['a', 'b']" at commas, and nothing else, so Children's, Film-Noir and
# Sci Fi are one category each (tests/data/eval/genre-items.csv). The new
# user t gets pop's list i1 i2 i3 i4 (10 training rows: 4, 3, 2, 1):
#   k=2: 1 - |{Comedy}| / |{Children's, Comedy}| = 0.5
#   k=4: pairs (i1,i2) 0.5, (i3,i4) 1 - 1/2 = 0.5, the other four 1 -> 5/6
# novelty@2 = mean(-log2 0.4, -log2 0.3) = 1.529; popularity@4 = 2.5.
# A column that is not there is an error.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/eval/genre-train.csv items=data/eval/genre-items.csv
format: delimited text
log data/eval/genre-train.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
items data/eval/genre-items.csv: 4 rows, id column item, 1 other column
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/eval/genre-train.csv
format        csv
interactions  10
users         4
items         4
creators      -
signal        binary (no value column: every row a positive)
> split files test=data/eval/genre-test.csv
format: delimited text
log data/eval/genre-test.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
kind             files
split            files test=data/eval/genre-test.csv
train            10
valid            0
test             1
test users       1
cold test users  1 (100%, no training row)
warning: 1 of 1 test users (100%) have no training row: every model can only rank them by popularity, which flatters pop (eval cold=exclude or cold=only evaluates them apart)
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  10
seconds         (time)
> eval k=2,4
p (pop):
  model                                             p
  kind                                              pop
  protocol                                          full ranking, test part
  relevance                                         every held-out row
  diversity from                                    genres
  users                                             1
  users with relevant items                         1
  users scored by popularity (no training history)  1
  cold users                                        1 of 1 held-out users (100%, no training row)
  auc                                               1
  ranking:
    k  precision  recall  ndcg  map  mrr  hit
    2        0.5       1     1    1    1    1
    4       0.25       1     1    1    1    1
  beyond accuracy:
    k  item_coverage  novelty  diversity  popularity
    2            0.5    1.529        0.5         3.5
    4              1    2.176     0.8333         2.5
  seconds                                           (time)
warning: 1 of 1 test users (100%) have no training row: every model ranks them by popularity, which flatters pop (cold=exclude or cold=only evaluates them apart)
> eval k=4 diversity=nosuch
error: eval: diversity=nosuch: the item table has no such column
