# Plots drawn in characters by gnuplot's dumb terminal at a fixed size:
# loss curves (two iterative models overlaid, validation on the right
# axis), histograms of a log column and of an item-table column, score
# distributions of held-out positives against the other unseen items, and
# the long tail of the data against a popularity model's top-2 lists.
# Data: 49 training rows (views.csv, every row training under split files),
# 10 held-out rows (test.csv) over 8 users and 10 items. The figures:
# hist: 49 watch ratios from 0.14 to 1.95 (bins of 0.181); 10 item
# durations from 8 to 60 (bins of 13).
# scores (pop): 10 positives; others = 8 users x 10 items - 49 seen - 10
# held out = 21; pop scores are training counts: v2 and v3 (8 each) are
# seen by every user, so the range is v8's 0 to v1's 7.
# longtail: the top 2 of 10 items (v2, v3) hold 16 of 49 rows (32.65%);
# pop's top-2 unseen lists (ties by first appearance): u1 v5 v10, u2 v9 v7,
# u3 v1 v10, u4 v6 v9, u5 v4 v9, u6 v6 v5, u7 v4 v9, u8 v5 v7: 7 items
# (70%), none of them v2 or v3 (0%).
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
# Figures of BLAS-trained models (als, ease, ...) follow the kernel and thread
# count in their last digits: reals compare within 1e-3 (tests/numcmp.py).
# tolerance: 1e-3
> load data/plot/views.csv items=data/plot/items.csv creator=author
format: delimited text
log data/plot/views.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
items data/plot/items.csv: 10 rows, id column video_id, 5 other columns
path          data/plot/views.csv
format        csv
interactions  49
users         8
items         10
creators      8
signal        ratio (watch_ratio), median 0.97, max 1.95
> split files test=data/plot/test.csv
format: delimited text
log data/plot/test.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
kind        files
split       files test=data/plot/test.csv
train       49
valid       0
test        10
test users  8
> train a model=als factors=2 epochs=3
no validation rows: trained all 3 epochs (split ... valid=0.1 enables early stopping)
name            a
kind            als
params          factors 2  epochs 3  reg 50  reg_exp 0  alpha 5  solver cholesky  cg_steps 3  init 0.01
training pairs  49
seconds         (time)
epochs          3
best epoch      3
history:
  epoch  loss  valid  seconds
  1  5.65413  -  (time)
  2  5.65409  -  (time)
  3  5.65408  -  (time)
> train b model=bpr factors=2 epochs=4 seed=2
no validation rows: trained all 4 epochs (split ... valid=0.1 enables early stopping)
name            b
kind            bpr
params          factors 2  epochs 4  lr 0.1  decay 0.95  reg 0.03  reg_bias 0.01  sampling uniform  pop_exp 0.75  init 0.1
training pairs  49
seconds         (time)
epochs          4
best epoch      4
history:
  epoch  loss  valid  seconds
  1  0.695111  -  (time)
  2  0.573438  -  (time)
  3  0.593696  -  (time)
  4  0.715388  -  (time)
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  49
seconds         (time)
> plot loss size=64x20
             Training loss and validation per epoch
                        y: training loss
  6 +-------------------------------------------------------+
    |******************G*****************G         +        |
  5 |-+                                                   +-|
    |                                                       |
  4 |-+                                                   +-|
  3 |-+                                                   +-|
    |                                                       |
  2 |-+                                                   +-|
    |                                                       |
  1 |-+                                                   +-|
    |##################G#################G##################|
  0 +-------------------------------------------------------+
    1       1.5        2       2.5       3        3.5       4
                              epoch
                  a loss ***G***   b loss ###G###
model  epochs  best_epoch  last_loss  metric
a           3           3      5.654  -
b           4           4     0.7154  -
> plot hist watch_ratio size=60x16 bins=10
            Distribution of watch_ratio (49 rows)
                           y: rows
    +---------------------------------------------------+
  7 |****** +  ******  + ******   +     +    +     +  +-|
  5 |*+   ******    *    *    ***********             +-|
  4 |*+   *    *    ******    *    *    *             +-|
  3 |*+   *    *    *    *    *    *    ****************|
  2 |*+   *    *    *    *    *    *    *    *    *   +*|
  1 |*++  * +  *  + *  + *   +*   +*    *    *    *+  +*|
  0 +---------------------------------------------------+
      0.2  0.4   0.6  0.8    1   1.2   1.4  1.6   1.8
                         watch_ratio
                      watch_ratio *******
column     watch_ratio
table      log
values     49
missing    0
from       0.14
to         1.95
bins       10
bin_width  0.181
> plot hist duration size=60x16 bins=4
             Distribution of duration (10 items)
                          y: items
    +---------------------------------------------------+
  5 |**************       +         +        +        ++|
  4 |*+           *                                   +-|
  3 |*+           *************                       +-|
  2 |*+           *           *                       +-|
    |*            *           *                         |
  1 |*++         +*       +   **************************|
  0 +---------------------------------------------------+
       10        20       30        40       50        60
                          duration
                       duration *******
column     duration
table      items
values     10
missing    0
from       8
to         60
bins       4
bin_width  13
> plot scores size=64x18 model=p
       Predicted scores: held-out positives vs other items
                y: share of the group's items (%)
  30 +------------------------------------------------------+
  25 |#+    ##       +       +      +       **      +     +-|
     |#     ##                              **              |
  20 |#+    ##              ###             **      **    +-|
  15 |#+    ##              # #             ##      **    +-|
  10 |#+    ##              #*#             ##      ##    +*|
     |#     ##              # #             ##      ##     *|
   5 |#+    ##       +      #+#     +       ##      ##    +*|
   0 +------------------------------------------------------+
     0       1       2       3      4       5       6       7
                              score
                    p held-out positives *******
                           p other items #######
users       8
test_users  8
models:
  model  positives  others  min  max
  p             10      21    0    7
> plot longtail size=64x18 model=p k=2
          Long tail: share held by the most popular items
                      y: cumulative share (%)
  100 +-----------------------------------------------------+
      |          +          +  #####***********  +          |
   80 |-+                ######*****                      +-|
   60 |-+           #####******                           +-|
      |         ####*****                                   |
   40 |-+    ###****                                      +-|
   20 |-+ ###***                                          +-|
      | ##***    +          +         +          +          |
    0 +-----------------------------------------------------+
      0          20         40        60         80        100
                   items, most popular first (%)
                    data (training rows) *******
                                 p top-2 #######
items             10
k                 2
data_top20_share  32.7%
models:
  model  users  items_recommended  coverage  top20_share
  p          8                  7       70%           0%
