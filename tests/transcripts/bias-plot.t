# plot propensity and plot debias, drawn by the built-in text renderer (set
# gnuplot= names a program that is not there) so the expected text does not
# depend on a gnuplot version. The propensities of data/bias/log.csv as
# loaded: 1 (6 rows), 0.5, 0.25, 1, 0.125. plot debias on a world (true
# propensities, two models); the plots' bad input: no propensities, no
# observed block, a metric that is not ndcg@K or recall@K.
# exit: 1
# tolerance: 1e-3
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> set gnuplot=/nonexistent/gnuplot
json        no
progress    no
keep_going  yes
gnuplot     /nonexistent/gnuplot
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
> plot propensity size=60x16
            Distribution of propensity (10 rows)
rows
7.56|                                                     |
    |                                                  *  |
    |                                                  *  |
    |                                                  *  |
    |                                                  *  |
3.36|                                                  *  |
    |                                                  *  |
    |                                                  *  |
    |       *       *           **                     *  |
   0|       *       *           **                     *  |
    +-----------------------------------------------------+
   -0.02                      0.5                     1.02
                         propensity
  * propensity
column     propensity
table      log
values     10
missing    0
outside    0
from       0
to         1
bins       20
bin_width  0.05
warning: gnuplot program /nonexistent/gnuplot not found: drew the plot with the built-in text renderer
> plot propensity propensity=nope
error: plot propensity: no propensities: the log has no column nope (run propensity method=pop or method=truth first)
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
> plot debias
error: plot debias: this dataset has no fully observed block to check against (a KuaiRec folder with small_matrix.csv, or generate)
> generate w users=200 videos=200 creators=20 days=5 events=30 pop_bias=2 observed_users=0.5 observed_videos=0.5 truth=yes --clean --load
wrote w (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)
format: KuaiRec 2.0 folder w
log w/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w/item_daily_features.csv: 964 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w/item_categories.csv: 200 rows, id column video_id, 1 other column
items w/kuairec_caption_category.csv: 200 rows, id column video_id, 9 other columns
users w/user_features.csv: 200 rows, id column user_id, 30 other columns
users w/social_network.csv: 63 rows, id column user_id, 1 other column
loaded w: 6161 interactions
path                 w
seed                 1
sparse log rows      6,161
observed block rows  9,960
users                200
bots                 0
videos               200
creators             20
observed users       100
observed videos      100
dirt                 duplicates 0  bot rows 0  outliers 0  no duration 0  no category 0  bad times 0  malformed 0
> split random test=0.3 seed=2
kind        random
split       random test=0.3 valid=0 seed=2
train       4,317
valid       0
test        1,844
test users  197
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  3,718
seconds         (time)
> train ik model=itemknn
itemknn: rating mode (baseline + the k nearest neighbours' deviations)
name            ik
kind            itemknn
params          sim cosine  k 40  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  3,718
seconds         (time)
> plot debias size=70x20
error: plot debias: no propensities: the log has no column propensity (run propensity method=pop or method=truth first)
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
> plot debias metric=hit@3
error: plot debias: metric=hit@3: give ndcg@K or recall@K
> plot debias metric=recall@20 size=70x20
 recall@20: the observed block's truth and the estimates from the log
recall@20
 1.002|                                                             |
      |                                            xx               |
      |               ++++                   xxxxxx                 |
      |               oooooooooo++    xxxxxxx                       |
      |                        xooooooooo++                         |
0.5011|                 xxxxxxx       ***oooooooooo** ik            |
      |               xxpop***********             oo               |
      |                                                             |
      |                                                             |
      |                                                             |
     0|                                                             |
      +-------------------------------------------------------------+
      0.5                           1.5                          2.5
                                model
  * truth (observed block)
  + naive
  x ips
  o snips
models:
  model   truth   naive     ips   snips
  pop    0.4017   0.798  0.4216  0.7505
  ik     0.4944  0.4293  0.8715  0.4323
metric                recall@20
Kendall tau vs truth  naive -1  ips 1  snips -1
warning: gnuplot program /nonexistent/gnuplot not found: drew the plot with the built-in text renderer
