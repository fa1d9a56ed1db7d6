# The estimators checked against the truth on a generated world (pop_bias 2,
# its true propensities written with truth=yes): the log split at random, its
# test rows inside the observed block scored by naive, IPS and SNIPS with the
# popularity model's propensities and the true ones. Figures depend on mf's
# BLAS sums, hence the tolerance.
# tolerance: 1e-3
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^> /{/^> /!d}
> generate w users=300 videos=300 creators=30 days=5 events=40 pop_bias=2 observed_users=0.5 observed_videos=0.5 truth=yes --clean
wrote w (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)
path                 w
seed                 1
sparse log rows      12,839
observed block rows  22,410
users                300
bots                 0
videos               300
creators             30
observed users       150
observed videos      150
dirt                 duplicates 0  bot rows 0  outliers 0  no duration 0  no category 0  bad times 0  malformed 0
> load w
format: KuaiRec 2.0 folder w
log w/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w/item_daily_features.csv: 1438 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w/item_categories.csv: 300 rows, id column video_id, 1 other column
items w/kuairec_caption_category.csv: 300 rows, id column video_id, 9 other columns
users w/user_features.csv: 300 rows, id column user_id, 30 other columns
users w/social_network.csv: 97 rows, id column user_id, 1 other column
path            w
format          kuairec
interactions    12,839
users           300
items           300
creators        30
observed block  22,410
signal          ratio (watch_ratio), median 0.8979, max 8
> split random test=0.3 seed=2
kind        random
split       random test=0.3 valid=0 seed=2
train       9,015
valid       0
test        3,824
test users  300
> propensity method=pop
column         propensity
method         pop
eta            0.5
clip           0.01
rows           12,839
min            0.03388
q10            0.1553
median         0.566
q90            0.7244
max            1
clipped        0
clipped share  0%
ess            6,441.29
ess share      50.2%
> propensity method=truth name=ptrue clip=0.001
column         ptrue
method         truth
clip           0.001
rows           12,839
min            0.001
q10            0.04046
median         0.5582
q90            0.9993
max            1
clipped        36
clipped share  0.28%
ess            600.835
ess share      4.68%
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  7,245
seconds         (time)
> train iknn model=itemknn
itemknn: rating mode (baseline + the k nearest neighbours' deviations)
name            iknn
kind            itemknn
params          sim cosine  k 40  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  7,245
seconds         (time)
> train mf model=mf epochs=10 seed=1
no validation rows: trained all 10 epochs (split ... valid=0.1 enables early stopping)
name            mf
kind            mf
params          factors 128  epochs 10  lr 0.045  decay 0.93  reg 0.065  reg_bias 0.05  reg_exp 1  init 0.001  clip yes
training pairs  7,245
seconds         (time)
epochs          10
best epoch      10
> debias check k=10
metric                ndcg@10
propensity            propensity
models:
  model    truth   naive   error     ips    error   snips     error  users  pairs
  pop    0.09892  0.3626  0.2637  0.2814   0.1825  0.4287    0.3298     61     94
  iknn    0.3289  0.1993  0.1296  0.3662  0.03731  0.3392   0.01026     61     94
  mf      0.2914   0.162  0.1294  0.3101  0.01861  0.2841  0.007378     61     94
Kendall tau vs truth  naive -0.3333  ips 1  snips -0.3333
> debias pop iknn mf propensity=ptrue metric=recall k=20
metric                recall@20
propensity            ptrue
models:
  model   truth   naive    error     ips     error   snips    error  users  pairs
  pop    0.3444  0.6967   0.3524  0.3477  0.003323  0.6684   0.3241     61     94
  iknn   0.5073  0.4126  0.09478  0.4003     0.107  0.4327  0.07466     61     94
  mf     0.4661   0.377  0.08906  0.3738   0.09227  0.3892  0.07695     61     94
Kendall tau vs truth  naive -0.3333  ips 1  snips -0.3333
