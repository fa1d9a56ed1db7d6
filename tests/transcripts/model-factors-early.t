# Early stopping with the factor models: on the raw watch ratios (replay
# outliers of 10x and more) mf's validation RMSE gets worse after the first
# epoch, so with patience=2 training stops two epochs later and keeps epoch 1;
# als stops when ndcg@10 stalls. Without validation rows every epoch runs and
# the last is kept. A learning rate that makes the loss overflow stops
# training: with an epoch to fall back on it is a warning, without one an error.
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
# Figures of BLAS-trained models (als, ease, ...) follow the kernel and thread
# count in their last digits: reals compare within 1e-3 (tests/numcmp.py).
# tolerance: 1e-3
> load samples/world --skip-bad
format: KuaiRec 2.0 folder samples/world
log samples/world/big_matrix.csv.gz: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block samples/world/small_matrix.csv.gz: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items samples/world/item_daily_features.csv.gz: 5098 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items samples/world/item_categories.csv.gz: 800 rows, id column video_id, 1 other column
items samples/world/kuairec_caption_category.csv.gz: 800 rows, id column video_id, 9 other columns
users samples/world/user_features.csv.gz: 404 rows, id column user_id, 30 other columns
users samples/world/social_network.csv.gz: 108 rows, id column user_id, 1 other column
ground truth: dirt.csv lists 200 injected dirty rows, manifest.json 4 bot users
path            samples/world
format          kuairec
interactions    21,288
users           404
items           800
creators        80
observed block  19,124
signal          ratio (watch_ratio), median 0.8832, max 291.1
warning: skipped 3 malformed rows of samples/world/big_matrix.csv.gz (first: samples/world/big_matrix.csv.gz:4705: expected 11 fields, found 3)
> split user test=0.2 valid=0.1
kind        user
split       user test=0.2 valid=0.1 seed=1
train       15,285
valid       1,739
test        4,264
test users  404
> train m model=mf factors=8 epochs=30 patience=2 lr=0.005 init=0.1 reg=0.05
name            m
kind            mf
params          factors 8  epochs 30  lr 0.005  decay 0.93  reg 0.05  reg_bias 0.05  reg_exp 1  init 0.1  clip yes
training pairs  15,184
seconds         (time)
epochs          7
best epoch      5
metric          rmse
history:
  epoch  loss  rmse  seconds
  1  8.43817  9.771  (time)
  2  8.42112  9.769  (time)
  3  8.41036  9.769  (time)
  4  8.40337  9.768  (time)
  5  8.39688  9.768  (time)
  6  8.39145  9.768  (time)
  7  8.38679  9.768  (time)
warning: watch_ratio has extreme values (max 291.1, 99% at most 6.551) that weigh on mf; clean outliers watch_ratio before training takes them out
> train a model=als factors=8 epochs=30 patience=1 reg=1 alpha=5 metric=recall@20
name            a
kind            als
params          factors 8  epochs 30  reg 1  reg_exp 0  alpha 5  solver cholesky  cg_steps 3  init 0.01
training pairs  15,184
seconds         (time)
epochs          7
best epoch      6
metric          recall@20
history:
  epoch  loss  recall@20  seconds
  1  6.02042  0.06585  (time)
  2  3.40864  0.1192  (time)
  3  3.17394  0.1322  (time)
  4  3.07186  0.142  (time)
  5  3.00904  0.1489  (time)
  6  2.96625  0.163  (time)
  7  2.93566  0.1588  (time)
warning: watch_ratio has extreme values (max 291.1, 99% at most 6.551) that weigh on als; clean outliers watch_ratio before training takes them out
> clean outliers watch_ratio
step           outliers
column         watch_ratio
table          log
before         rows 21,288  users 404  items 797
after          rows 19,918  users 404  items 797
rows removed   1,370
removed:
  reason                      rows
  watch_ratio above 2.90655  1,370
rule           iqr k=1.5 on watch_ratio, drop
values judged  21,240
not judged     48
stats          q1 0.5283  q3 1.48
fences         lower -0.898604  upper 2.90655
values beyond  below 0  above 1,370
injected dirt  kinds outlier  unit rows  dirty 41  flagged 1,370  found 41  recall 100%  precision 2.99%
> split user test=0.2 valid=0.1
kind        user
split       user test=0.2 valid=0.1 seed=1
train       14,333
valid       1,606
test        3,979
test users  404
> train big model=mf factors=8 epochs=8 lr=0.5 decay=1
name            big
kind            mf
params          factors 8  epochs 8  lr 0.5  decay 1  reg 0.065  reg_bias 0.05  reg_exp 1  init 0.001  clip yes
training pairs  14,243
seconds         (time)
epochs          4
best epoch      2
metric          rmse
history:
  epoch  loss  rmse  seconds
  1  0.745367  0.7452  (time)
  2  0.740018  0.7375  (time)
  3  0.738012  0.7429  (time)
  4  0.753926  0.7881  (time)
warning: training loss became NaN at epoch 5; kept the weights of epoch 2 (try a smaller learning rate)
> train huge model=mf factors=8 epochs=8 lr=0.8 decay=1
error: train: training loss became NaN at epoch 1; no good epoch to keep (try a smaller learning rate)
> split user test=0.2
kind        user
split       user test=0.2 valid=0 seed=1
train       15,939
valid       0
test        3,979
test users  404
> train b model=bpr factors=8 epochs=2 patience=1
no validation rows: trained all 2 epochs (split ... valid=0.1 enables early stopping)
name            b
kind            bpr
params          factors 8  epochs 2  lr 0.1  decay 0.95  reg 0.03  reg_bias 0.01  sampling uniform  pop_exp 0.75  init 0.1
training pairs  15,831
seconds         (time)
epochs          2
best epoch      2
history:
  epoch  loss  valid  seconds
  1  0.601903  -  (time)
  2  0.543503  -  (time)
