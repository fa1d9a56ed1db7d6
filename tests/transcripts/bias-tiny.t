# Unbiased estimates worked out by hand. data/bias/log.csv: u3-u5 train
# (times 1-6), u1 and u2 test (times 7-10, split temporal test=0.4), with a
# propensity column as loaded. pop ranks i1 (3 rows), i2 (2), i3 (1), i4, i5,
# so at k=2 both users get [i1 i2]. u1: i2 hit at rank 2 (p 0.5, w 2), i4
# missed (w 4); u2: i1 hit at rank 1 (w 1), i5 missed (p 0.125, w 8).
# W = (2+4+1+8)/4 = 3.75; IDCG_2 = 1 + 1/log2(3) = 1.63093 for 2 or more items.
#   naive  recall u1 1/2, u2 1/2 -> 0.5;   ndcg u1 0.63093/1.63093 = 0.38685,
#          u2 1/1.63093 = 0.61315 -> 0.5 (eval's own figures)
#   ips    recall u1 2/(2 x 3.75) = 0.26667, u2 1/7.5 = 0.13333 -> 0.2,
#          interval 0.2 +- 1.96 x 0.094281/sqrt(2) = [0.06933, 0.3307];
#          ndcg u1 (2 x 0.63093)/IDCG_2(7.5) = 0.77370, u2 1/1.63093 -> 0.6934
#   snips  recall u1 2/6 = 0.33333, u2 1/9 = 0.11111 -> 0.2222,
#          interval [0.004444, 0.44]; ndcg as ips (both users' Σw >= 2)
# Then the step: method=truth reads data/bias/truth/propensity.csv (u5's i3
# has 0.005, clipped to 0.01): w = 1 1 1.25 2 1 100 2 4 1 8, Σw = 121.25,
# Σw² = 10093.5625, ESS = 121.25²/10093.5625 = 1.45653. method=pop eta=1:
# rows of i1 4, i2 3, i3-i5 1 -> p 1, 0.75, 0.25; the test pairs' weights
# 4/3, 4 (u1), 1, 4 (u2): W = 2.583, snips recall u1 (4/3)/(16/3) = 0.25,
# u2 1/5 -> 0.225. The truth file agrees with the loaded column on the test
# pairs, so ips gives the same figures after it. undo takes the step back;
# save and open keep the other step and its column (the last eval gives the
# first ips figures again).
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/bias/log.csv
format: delimited text
log data/bias/log.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bias/log.csv
format        csv
interactions  10
users         5
items         5
creators      -
signal        binary (no value column: every row a positive)
> split temporal test=0.4
kind             temporal
split            temporal test=0.4 valid=0
train            6
valid            0
test             4
test users       2
cold test users  2 (100%, no training row)
warning: 2 of 2 test users (100%) have no training row: every model can only rank them by popularity, which flatters pop (eval cold=exclude or cold=only evaluates them apart)
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  6
seconds         (time)
> eval k=2 estimator=naive
pop (pop):
  model                                             pop
  kind                                              pop
  protocol                                          full ranking, test part
  relevance                                         every held-out row
  users                                             2
  users with relevant items                         2
  users scored by popularity (no training history)  2
  cold users                                        2 of 2 held-out users (100%, no training row)
  auc                                               0.5
  ranking:
    k  precision  recall  ndcg    map   mrr  hit
    2        0.5     0.5   0.5  0.375  0.75    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2         0.6667    1.292         2.5
  seconds                                           (time)
  naive estimate:
    estimator     naive
    propensity    propensity
    logged pairs  4
    users         2
    mean weight   3.75
    recall@2      0.5  [0.5, 0.5]
    ndcg@2        0.5  [0.2782, 0.7218]
warning: 2 of 2 test users (100%) have no training row: every model ranks them by popularity, which flatters pop (cold=exclude or cold=only evaluates them apart)
> eval pop k=2 estimator=ips
pop (pop):
  model                                             pop
  kind                                              pop
  protocol                                          full ranking, test part
  relevance                                         every held-out row
  users                                             2
  users with relevant items                         2
  users scored by popularity (no training history)  2
  cold users                                        2 of 2 held-out users (100%, no training row)
  auc                                               0.5
  ranking:
    k  precision  recall  ndcg    map   mrr  hit
    2        0.5     0.5   0.5  0.375  0.75    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2         0.6667    1.292         2.5
  seconds                                           (time)
  ips estimate:
    estimator     ips
    propensity    propensity
    logged pairs  4
    users         2
    mean weight   3.75
    recall@2      0.2  [0.06933, 0.3307]
    ndcg@2        0.6934  [0.5361, 0.8508]
warning: 2 of 2 test users (100%) have no training row: every model ranks them by popularity, which flatters pop (cold=exclude or cold=only evaluates them apart)
> eval pop k=2 estimator=snips
pop (pop):
  model                                             pop
  kind                                              pop
  protocol                                          full ranking, test part
  relevance                                         every held-out row
  users                                             2
  users with relevant items                         2
  users scored by popularity (no training history)  2
  cold users                                        2 of 2 held-out users (100%, no training row)
  auc                                               0.5
  ranking:
    k  precision  recall  ndcg    map   mrr  hit
    2        0.5     0.5   0.5  0.375  0.75    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2         0.6667    1.292         2.5
  seconds                                           (time)
  snips estimate:
    estimator     snips
    propensity    propensity
    logged pairs  4
    users         2
    mean weight   3.75
    recall@2      0.2222  [0.004444, 0.44]
    ndcg@2        0.6934  [0.5361, 0.8508]
warning: 2 of 2 test users (100%) have no training row: every model ranks them by popularity, which flatters pop (cold=exclude or cold=only evaluates them apart)
> propensity method=truth clip=0.01
column         propensity
method         truth
clip           0.01
rows           10
min            0.01
q10            0.01
median         0.5
q90            1
max            1
clipped        1
clipped share  10%
ess            1.45653
ess share      14.6%
> eval pop k=2 estimator=ips
pop (pop):
  model                                             pop
  kind                                              pop
  protocol                                          full ranking, test part
  relevance                                         every held-out row
  users                                             2
  users with relevant items                         2
  users scored by popularity (no training history)  2
  cold users                                        2 of 2 held-out users (100%, no training row)
  auc                                               0.5
  ranking:
    k  precision  recall  ndcg    map   mrr  hit
    2        0.5     0.5   0.5  0.375  0.75    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2         0.6667    1.292         2.5
  seconds                                           (time)
  ips estimate:
    estimator     ips
    propensity    propensity
    logged pairs  4
    users         2
    mean weight   3.75
    recall@2      0.2  [0.06933, 0.3307]
    ndcg@2        0.6934  [0.5361, 0.8508]
warning: 2 of 2 test users (100%) have no training row: every model ranks them by popularity, which flatters pop (cold=exclude or cold=only evaluates them apart)
> propensity method=pop eta=1 name=pp
column         pp
method         pop
eta            1
clip           0.01
rows           10
min            0.25
q10            0.25
median         0.75
q90            1
max            1
clipped        0
clipped share  0%
ess            6.97674
ess share      69.8%
> eval pop k=2 estimator=snips propensity=pp
pop (pop):
  model                                             pop
  kind                                              pop
  protocol                                          full ranking, test part
  relevance                                         every held-out row
  users                                             2
  users with relevant items                         2
  users scored by popularity (no training history)  2
  cold users                                        2 of 2 held-out users (100%, no training row)
  auc                                               0.5
  ranking:
    k  precision  recall  ndcg    map   mrr  hit
    2        0.5     0.5   0.5  0.375  0.75    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2         0.6667    1.292         2.5
  seconds                                           (time)
  snips estimate:
    estimator     snips
    propensity    pp
    logged pairs  4
    users         2
    mean weight   2.583
    recall@2      0.225  [0.176, 0.274]
    ndcg@2        0.5645  [0.4691, 0.6599]
warning: 2 of 2 test users (100%) have no training row: every model ranks them by popularity, which flatters pop (cold=exclude or cold=only evaluates them apart)
> pipeline
source  load data/bias/log.csv
steps:
  #  command                              rows before  after  users  items  summary
  1  split temporal test=0.4                       10     10      5      5  temporal test=0.4 valid=0
  2  propensity method=truth clip=0.01             10     10      5      5  propensity method=truth: 10 rows, 1 clipped, ESS 1
  3  propensity method=pop eta=1 name=pp           10     10      5      5  pp method=pop: 10 rows, 0 clipped, ESS 7
> undo
undone: propensity method=pop eta=1 name=pp
steps left  2
rows now    10
> columns
table  name        type   role  missing
log    user        id     user        0
log    item        id     item        0
log    time        int    time        0
log    propensity  float              0
> save out.rsw
path              out.rsw
bytes             2,414
sections          24
datasets          2
shared with base  4
models            1
steps             2
results           0
seconds           (time)
> open out.rsw
path      out.rsw
bytes     2,414
sections  24
log rows  10
models    1
steps     2
results   0
seconds   (time)
> eval pop k=2 estimator=ips
pop (pop):
  model                                             pop
  kind                                              pop
  protocol                                          full ranking, test part
  relevance                                         every held-out row
  users                                             2
  users with relevant items                         2
  users scored by popularity (no training history)  2
  cold users                                        2 of 2 held-out users (100%, no training row)
  auc                                               0.5
  ranking:
    k  precision  recall  ndcg    map   mrr  hit
    2        0.5     0.5   0.5  0.375  0.75    1
  beyond accuracy:
    k  item_coverage  novelty  popularity
    2         0.6667    1.292         2.5
  seconds                                           (time)
  ips estimate:
    estimator     ips
    propensity    propensity
    logged pairs  4
    users         2
    mean weight   3.75
    recall@2      0.2  [0.06933, 0.3307]
    ndcg@2        0.6934  [0.5361, 0.8508]
warning: 2 of 2 test users (100%) have no training row: every model ranks them by popularity, which flatters pop (cold=exclude or cold=only evaluates them apart)
