# Implicit data is not ratings (issue 15, item 4). A generated play-count log
# (generate plays=yes: Last.fm-like counts per user-video pair) loads as
# signal counts; each kind reads it in its own form and says how: als as
# confidence 1 + alpha*log(1 + plays), itemknn (mode=auto: implicit), pop and
# bpr as binary positives, mf as log(1 + plays) with no rmse. After kcore and
# a user split, itemknn, als and bpr with their defaults beat pop's ndcg@10.
# signal= overrides what load decided; a kind it does not know is refused.
# exit: 1
# Fit times vary: the filters blank them and even out the history columns.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
# Figures of BLAS-trained models (als) follow the kernel and thread count in
# their last digits: reals compare within 1e-3 (tests/numcmp.py).
# tolerance: 1e-3
> generate w users=300 videos=400 creators=30 seed=2 plays=yes
wrote w (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)
path                 w
seed                 2
sparse log rows      19,747
observed block rows  7,172
users                300
bots                 3
videos               400
creators             30
observed users       60
observed videos      120
dirt                 duplicates 104  bot rows 1,082  outliers 31  no duration 36  no category 10  bad times 20  malformed 3
> load w/plays.csv
format: delimited text
log w/plays.csv: comma-separated, header row; user=user_id item=video_id value=plays time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          w/plays.csv
format        csv
interactions  14,189
users         300
items         398
creators      -
signal        counts (plays), median 9, max 14,422
> describe
interactions    14,189
users           300
items           398
creators        -
signal          counts (plays), median 9, max 14,422
density         11.9%
catalog users   300
catalog items   398
per user        min 6  25% 19  median 34  75% 60  90% 91.2  99% 200  max 200
per item        min 1  25% 17  median 30.5  75% 47.75  90% 71.3  99% 127.1  max 149
top items hold  1%: 3.85%  10%: 26.3%  20%: 44%
columns:
  table  name   type  missing  distinct  min    max   mean
  log    plays  int         0       475    1  14422  36.88
> clean kcore k=5
step               kcore
before             rows 14,189  users 300  items 398
after              rows 14,133  users 300  items 380
rows removed       56
removed:
  reason                                                                     rows
  rows of users with fewer than 5 rows or items with fewer than 5 (1 round)    56
min rows per user  5
min rows per item  5
rounds             1
users dropped      0
items dropped      18
> split user test=0.2 valid=0.1 seed=1
kind        user
split       user test=0.2 valid=0.1 seed=1
train       10,151
valid       1,157
test        2,825
test users  300
> train pop model=pop
signal counts: pop trains on binary positives (every pair with plays)
name            pop
kind            pop
params          window 0  half_life 0
training pairs  10,151
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.1019  (time)
> train ik model=itemknn
signal counts: itemknn trains on binary positives (every pair with plays)
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            ik
kind            itemknn
params          sim cosine  k 40  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  10,151
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.1772  (time)
> train als model=als
signal counts: als reads confidence 1 + 5*log(1 + plays) (binary=yes: 1 + 5 for every pair)
name            als
kind            als
params          factors 64  epochs 10  reg 50  reg_exp 0  alpha 5  solver cholesky  cg_steps 3  init 0.01
training pairs  10,151
seconds         (time)
epochs          10
best epoch      7
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  12.7384  0.15  (time)
  2  5.52501  0.2232  (time)
  3  5.39198  0.2434  (time)
  4  5.3726  0.2462  (time)
  5  5.36663  0.2457  (time)
  6  5.36416  0.2495  (time)
  7  5.36297  0.2495  (time)
  8  5.36235  0.2493  (time)
  9  5.36199  0.2489  (time)
  10  5.36178  0.2491  (time)
> train bpr model=bpr
signal counts: bpr trains on binary positives (every pair with plays)
name            bpr
kind            bpr
params          factors 64  epochs 60  lr 0.1  decay 0.95  reg 0.03  reg_bias 0.01  sampling uniform  pop_exp 0.75  init 0.1
training pairs  10,151
seconds         (time)
epochs          30
best epoch      27
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  0.59909  0.09575  (time)
  2  0.527361  0.09537  (time)
  3  0.495107  0.1092  (time)
  4  0.454017  0.1191  (time)
  5  0.416787  0.1349  (time)
  6  0.373757  0.1438  (time)
  7  0.346055  0.1501  (time)
  8  0.31975  0.1666  (time)
  9  0.302392  0.1695  (time)
  10  0.278608  0.172  (time)
  11  0.270012  0.1741  (time)
  12  0.258301  0.1745  (time)
  13  0.247433  0.1896  (time)
  14  0.24162  0.192  (time)
  15  0.236627  0.1979  (time)
  16  0.229365  0.1997  (time)
  17  0.225427  0.1978  (time)
  18  0.220325  0.2121  (time)
  19  0.214443  0.2157  (time)
  20  0.210524  0.2154  (time)
  21  0.213174  0.2195  (time)
  22  0.207327  0.2137  (time)
  23  0.201823  0.2213  (time)
  24  0.205686  0.2193  (time)
  25  0.201254  0.2219  (time)
  26  0.199339  0.2201  (time)
  27  0.200079  0.2246  (time)
  28  0.197946  0.2182  (time)
  29  0.19825  0.2173  (time)
  30  0.194545  0.2213  (time)
> train mf model=mf epochs=3
signal counts: mf reads log(1 + plays) and ranks by it; not a prediction of plays, so no rmse (binary=no fits the raw counts)
name            mf
kind            mf
params          factors 128  epochs 3  lr 0.045  decay 0.93  reg 0.065  reg_bias 0.05  reg_exp 1  init 0.001  clip yes
training pairs  10,151
seconds         (time)
epochs          3
best epoch      1
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  1.12698  0.04303  (time)
  2  1.03959  0.02802  (time)
  3  1.02683  0.02835  (time)
> compare metrics=ndcg@10,recall@10
signal counts: random trains on binary positives (every pair with plays)
baseline random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  ndcg@10          recall@10
  als    0.3443 ±0.025 *  0.3024 ±0.024 *
  bpr    0.2927 ±0.025    0.2448 ±0.022
  ik     0.2509 ±0.023    0.2169 ±0.022
  pop    0.1478 ±0.018    0.131 ±0.015
  mf     0.0669 ±0.013    0.05613 ±0.012
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  mf  does not beat pop on ndcg@10: 0.0669 vs 0.1478, p = 2.83e-16
> eval mf
mf (mf):
  model                      mf
  kind                       mf
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      300
  users with relevant items  300
  auc                        0.5806
  ranking:
     k  precision   recall    ndcg     map     mrr     hit
    10    0.05533  0.05613  0.0669  0.0283  0.1392  0.3767
  beyond accuracy:
     k  item_coverage  novelty  popularity
    10        0.06053    8.065       43.85
  seconds                    (time)
> load w/plays.csv signal=rating
format: delimited text
log w/plays.csv: comma-separated, header row; user=user_id item=video_id value=plays time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          w/plays.csv
format        csv
interactions  14,189
users         300
items         398
creators      -
signal        rating 1-14,422, given
> load w/plays.csv signal=loud
error: load: signal="loud" must be one of rating, counts, binary, ratio, values
