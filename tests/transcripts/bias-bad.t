# Bad input to propensity, eval estimator= and debias: each fails with one
# line and changes nothing. Propensities of 0 (a truth file, a loaded
# column), a logged pair missing from the truth file, no truth file, no
# propensities, no log test part, no observed block, unknown method, eta and
# clip out of range.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/bias/zero/log.csv
format: delimited text
log data/bias/zero/log.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bias/zero/log.csv
format        csv
interactions  10
users         5
items         5
creators      -
signal        binary (no value column: every row a positive)
> propensity method=truth
error: propensity: data/bias/zero/truth/propensity.csv:3: propensity 0 is not in (0, 1] (a logged pair was shown with some chance); nothing changed
> load data/bias/missing/log.csv
format: delimited text
log data/bias/missing/log.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bias/missing/log.csv
format        csv
interactions  10
users         5
items         5
creators      -
signal        binary (no value column: every row a positive)
> propensity method=truth
error: propensity: no true propensity for user u2 video i5 in data/bias/missing/truth/propensity.csv; nothing changed
> propensity method=magic
error: propensity: method="magic" must be one of pop, truth
> propensity
error: propensity: give method=pop or method=truth
> propensity method=pop eta=-1
error: propensity: eta=-1 is out of range (0 to 5)
> propensity method=pop eta=6
error: propensity: eta=6 is out of range (0 to 5)
> propensity method=pop clip=1
error: propensity: clip=1 must be from 0 to below 1
> propensity method=pop clip=-0.1
error: propensity: clip=-0.1 must be from 0 to below 1
> propensity method=pop name=time
error: propensity: time is the log's value or time column; give another name=; nothing changed
> pipeline
no steps yet: the data is as loaded (clean, features and split add steps)
source  load data/bias/missing/log.csv
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
> eval k=2 estimator=ips
error: eval: estimator=ips: no propensities: the log has no column propensity (run propensity method=pop or method=truth first)
> eval k=2 estimator=ips propensity=nope
error: eval: estimator=ips: no propensities: the log has no column nope (run propensity method=pop or method=truth first)
> eval k=2 estimator=magic
error: eval: estimator="magic" must be one of naive, ips, snips
> debias check
error: debias: this dataset has no fully observed block to check against (a KuaiRec folder with small_matrix.csv, or generate)
> load data/bias/log0.csv
format: delimited text
log data/bias/log0.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bias/log0.csv
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
> eval k=2 estimator=snips
error: eval: estimator=snips: the propensity of user u2 item i5 is 0, not in (0, 1] (propensity column propensity)
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
> propensity method=truth
error: propensity: no true propensities: samples/world/truth/propensity.csv cannot be read (a world generated with truth=yes has it); nothing changed
> propensity method=pop
column         propensity
method         pop
eta            0.5
clip           0.01
rows           21,288
min            0.07538
q10            0.2718
median         0.4707
q90            0.7424
max            1
clipped        0
clipped share  0%
ess            17,892.7
ess share      84.1%
> split observed
kind        observed
split       observed (test: the fully observed block)
train       21,288
valid       0
test        19,124
test users  80
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  21,101
seconds         (time)
> eval estimator=ips
error: eval: estimator=ips: the estimators read the log's test rows: split the log first (e.g. split random test=0.2); split observed and split files test outside the log
> debias check
error: debias: the estimators read the log's test rows: split the log (e.g. split random test=0.2), not split observed or files; the block stays the truth
> split random test=0.2
kind        random
split       random test=0.2 valid=0 seed=1
train       17,182
valid       0
test        4,106
test users  395
> debias check propensity=nope
error: debias: no propensities: the log has no column nope (run propensity method=pop or method=truth first)
