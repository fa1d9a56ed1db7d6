# train weighting=ips|snips: mf's squared error of each training pair times
# 1/propensity, scaled to mean 1 overall (ips) or per user (snips); the
# losses (the weighted root mean squared error) differ from the unweighted run's. Bad input: no propensities, a
# kind without weights; nothing is trained. Figures depend on BLAS sums.
# exit: 1
# tolerance: 1e-3
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^> /{/^> /!d}
> generate w users=200 videos=200 creators=20 days=5 events=30 pop_bias=2 truth=yes --clean
wrote w (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)
path                 w
seed                 1
sparse log rows      6,161
observed block rows  2,391
users                200
bots                 0
videos               200
creators             20
observed users       40
observed videos      60
dirt                 duplicates 0  bot rows 0  outliers 0  no duration 0  no category 0  bad times 0  malformed 0
> load w
format: KuaiRec 2.0 folder w
log w/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w/item_daily_features.csv: 964 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w/item_categories.csv: 200 rows, id column video_id, 1 other column
items w/kuairec_caption_category.csv: 200 rows, id column video_id, 9 other columns
users w/user_features.csv: 200 rows, id column user_id, 30 other columns
users w/social_network.csv: 63 rows, id column user_id, 1 other column
path            w
format          kuairec
interactions    6,161
users           200
items           200
creators        20
observed block  2,391
signal          ratio (watch_ratio), median 0.9082, max 8
> split random test=0.3 seed=2
kind        random
split       random test=0.3 valid=0 seed=2
train       4,317
valid       0
test        1,844
test users  197
> train mf0 model=mf epochs=3 weighting=ips
error: train: weighting=: no propensities: the log has no column propensity (run propensity method=pop or method=truth first)
> train pw model=pop weighting=ips
error: train: weighting= weights mf's squared loss by inverse propensities; pop trains unweighted
> propensity method=truth
column         propensity
method         truth
clip           0.01
rows           6,161
min            0.01
q10            0.0847
median         0.4988
q90            0.9832
max            1
clipped        129
clipped share  2.09%
ess            903.849
ess share      14.7%
> train pw model=pop weighting=ips
error: train: weighting= weights mf's squared loss by inverse propensities; pop trains unweighted
> train mf model=mf epochs=3 seed=1
no validation rows: trained all 3 epochs (split ... valid=0.1 enables early stopping)
name            mf
kind            mf
params          factors 128  epochs 3  lr 0.045  decay 0.93  reg 0.065  reg_bias 0.05  reg_exp 1  init 0.001  clip yes
training pairs  3,718
seconds         (time)
epochs          3
best epoch      3
> train mfi model=mf epochs=3 seed=1 weighting=ips
no validation rows: trained all 3 epochs (split ... valid=0.1 enables early stopping)
each training pair's squared error weighted by ips 1/p from the column propensity
name            mfi
kind            mf
params          factors 128  epochs 3  lr 0.045  decay 0.93  reg 0.065  reg_bias 0.05  reg_exp 1  init 0.001  clip yes
training pairs  3,718
seconds         (time)
epochs          3
best epoch      3
> train mfs model=mf epochs=3 seed=1 weighting=snips
no validation rows: trained all 3 epochs (split ... valid=0.1 enables early stopping)
each training pair's squared error weighted by snips 1/p from the column propensity
name            mfs
kind            mf
params          factors 128  epochs 3  lr 0.045  decay 0.93  reg 0.065  reg_bias 0.05  reg_exp 1  init 0.001  clip yes
training pairs  3,718
seconds         (time)
epochs          3
best epoch      3
