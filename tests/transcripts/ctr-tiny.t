# lr and fm on 24 rows whose label is separable: like = 1 exactly on items a
# and c. lr with the item as its only feature must give a and c positive
# weights and b, d negative ones: every test row ranked right (auc 1) and a
# log loss far below the base rate's. Then each bad setup's one-line error,
# with nothing trained (eval x finds no model x). plot calibration draws the
# reliability diagram (here by the built-in renderer: no gnuplot).
# exit: 1
# tolerance: 1e-3
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
> load data/ctr/clicks.csv
format: delimited text
log data/ctr/clicks.csv: comma-separated, header row; user=user item=item value=(none) time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/ctr/clicks.csv
format        csv
interactions  24
users         6
items         4
creators      -
signal        binary (no value column: every row a positive)
> split random test=0.25 valid=0.25 seed=1
kind        random
split       random test=0.25 valid=0.25 seed=1
train       15
valid       3
test        6
test users  5
> train l model=lr target=like features=item epochs=3
lr: label like, base rate 0.3333 on 15 training rows (3 validation rows); features item; 2^18 buckets
name            l
kind            lr
params          target like  features item  bits 18  l2 1e-4  opt cd  rate 0.01  epochs 3
training pairs  15
seconds         (time)
epochs          3
best epoch      3
metric          logloss
history:
  epoch  loss  logloss  seconds
  1  0.105294  0.1012  (time)
  2  0.0356388  0.0413  (time)
  3  0.0164223  0.01614  (time)
> eval l
l (lr):
  model                                           l
  kind                                            lr
  target                                          like
  protocol                                        P(like) per row, test part
  rows                                            6
  positives                                       5
  base rate                                       0.8333
  auc                                             1
  log loss                                        0.01745
  log loss of the base rate                       0.4506
  gauc (0 of 5 users with both classes, by rows)  -
  ece (10 equal-width bins)                       0.0173
> train f model=fm target=ratio>=1.5 features=item,user,item*user epochs=2 k=2
fm: label ratio>=1.5, base rate 0.3333 on 15 training rows (3 validation rows); features item,user,item*user; 2^18 buckets
name            f
kind            fm
params          target ratio>=1.5  features item,user,item*user  bits 18  k 2  l2 0.03  opt adam  rate 0.001  init 0.01  epochs 2
training pairs  15
seconds         (time)
epochs          2
best epoch      2
metric          logloss
history:
  epoch  loss  logloss  seconds
  1  0.692822  0.6932  (time)
  2  0.68889  0.6925  (time)
> eval f part=valid
f (fm):
  model                                           f
  kind                                            fm
  target                                          ratio>=1.5
  protocol                                        P(ratio>=1.5) per row, valid part
  rows                                            3
  positives                                       2
  base rate                                       0.6667
  auc                                             1
  log loss                                        0.6925
  log loss of the base rate                       0.6365
  gauc (1 of 2 users with both classes, by rows)  1
  ece (10 equal-width bins)                       0.1693
> calibrate l
eval l now reports calibrated probabilities (its protocol line says so)
model   l
method  platt
a       0.2088
b       0.278
l (lr):
  model                                           l
  kind                                            lr
  target                                          like
  protocol                                        P(like) per row, valid part, calibrated (platt)
  rows                                            3
  positives                                       2
  base rate                                       0.6667
  auc                                             1
  log loss                                        0.3269
  log loss of the base rate                       0.6365
  gauc (1 of 2 users with both classes, by rows)  1
  ece (10 equal-width bins)                       0.2778
> eval l
l (lr):
  model                                           l
  kind                                            lr
  target                                          like
  protocol                                        P(like) per row, test part, calibrated (platt)
  rows                                            6
  positives                                       5
  base rate                                       0.8333
  auc                                             1
  log loss                                        0.3064
  log loss of the base rate                       0.4506
  gauc (0 of 5 users with both classes, by rows)  -
  ece (10 equal-width bins)                       0.2632
> set gnuplot=/nonexistent
json        no
progress    no
keep_going  yes
gnuplot     /nonexistent
> plot calibration l size=60x16
Reliability: observed rate against predicted probability (te
observed rate
  1|                                       **         ....|
   |                                    ***     ......    |
   |                                 *** .......          |
   |                              ***....                 |
0.5|                        ....**                        |
   |                 ....... ***                          |
   |          .......     ***                             |
   |    ......          ***                               |
  0|....              **                                  |
   +------------------------------------------------------+
    0                         0.5                        1
                 mean predicted probability
  . perfectly calibrated
  * l (calibrated)
model  rows     ece  calibrated
l         6  0.2632  yes
warning: gnuplot program /nonexistent not found: drew the plot with the built-in text renderer
> plot calibration nope
error: plot calibration: nope is not a model's name
> train x model=lr
error: train: which label? give target=COLUMN (a 0/1 log column such as is_like) or target=COLUMN>=T
> train x model=lr target=nope
error: train: target=nope: no such column in the log
> train x model=lr target=ratio
error: train: target=ratio is not a 0/1 column (it holds 2.6); give a threshold, e.g. target=ratio>=2.6
> train x model=lr target=zero
error: train: target=zero is 0 on every training row (15): nothing to learn
> train x model=lr target=like features=item,like
error: train: features: like is the target's column (a feature cannot be the label it predicts)
> train x model=lr target=like features=item,like_copy
error: train: features: like_copy equals the target on every training row (a leak); leave it out
> train x model=lr target=ratio>=1.5 features=ratio
error: train: features: ratio is the target's column (a feature cannot be the label it predicts)
> train x model=lr target=like features=item,wat
error: train: features: no feature or column wat (built in: user, item, creator, category, duration, hour; or a column of the log, items or users)
> train x model=lr target=like features=creator
error: train: features: creator needs the items' creators (load ... creator=COLUMN)
> train x model=lr target=like>=x
error: train: target=like>=x: the threshold after >= is not a number
> train x model=lr target=like metric=ndcg@10
error: train: metric=ndcg@10: lr validates by logloss on the validation rows
> calibrate nope
error: calibrate: no model named nope
> eval x
error: eval: no model named x (models: l, f)
> compare l
error: compare: none of these models ranks items: lr and fm predict a label per log row (eval shows their probabilities)
> recommend user=u1 model=f
error: recommend: model f (fm) predicts a label per log row, not a ranking of items (eval f shows its probabilities)
> tune model=lr target=like l2=0.001,0.01
error: tune: lr predicts a label per log row and tune compares rankings: train one model per setting and compare their log loss with eval
> rerank l method=mmr as r
error: rerank: model l (lr) predicts a label per log row, not a ranking of items
> tradeoff l method=mmr
error: tradeoff: model l (lr) predicts a label per log row, not a ranking of items
> plot scores model=l
error: plot scores: the model predicts a label per log row and ranks no items (plot calibration draws it)
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  15
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.7753  (time)
> train l2 model=lr target=like epochs=1
lr: label like, base rate 0.3333 on 15 training rows (3 validation rows); features user,item,hour; 2^18 buckets
name            l2
kind            lr
params          target like  features auto  bits 18  l2 1e-4  opt cd  rate 0.01  epochs 1
training pairs  15
seconds         (time)
epochs          1
best epoch      1
metric          logloss
history:
  epoch  loss  logloss  seconds
  1  0.0364088  0.3149  (time)
> recommend user=u2 k=2
model     p
user      u2
fallback  no
items:
  rank  item  score  creator  text
     1  d         4  -        
     2  c         3  -        
> recommend user=u1 model=p k=2
user u1 has seen every item the model knows: nothing left to recommend (--include-seen lists them again)
model     p
user      u1
fallback  no
