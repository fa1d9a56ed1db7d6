# split files refuses held-out rows that are also rows of the training log
# (issue 15). tests/data/guard/log.csv has 12 events with times;
# copies.csv repeats two of them exactly (a/y at 2, b/z at 4) beside two new
# ones; repeats.csv has pairs of the log at later times (new events, not
# copies); notime.csv has no time column, so a pair of the log counts; ml/
# is a MovieLens-shaped miniature: u.data holds every row of u1.test, and
# u1.base is the rest. --allow-overlap accepts the copies with a warning.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/guard/log.csv
format: delimited text
log data/guard/log.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/guard/log.csv
format        csv
interactions  12
users         6
items         4
creators      -
signal        binary (no value column: every row a positive)
> split files test=data/guard/copies.csv
error: split files: 2 of 4 held-out rows (50%) are also in the training log (same user, item and time): a model would be tested on rows it trained on; load a training log without them instead, or give --allow-overlap
> split files test=data/guard/repeats.csv
format: delimited text
log data/guard/repeats.csv: comma-separated, header row; user=user item=item value=(none) time=time
kind        files
split       files test=data/guard/repeats.csv
train       12
valid       0
test        3
test users  3
> split files test=data/guard/notime.csv
error: split files: 1 of 2 held-out rows (50%) are also in the training log (same user and item; without a time column a copy cannot be told from a repeat): a model would be tested on rows it trained on; load a training log without them instead, or give --allow-overlap
> split files test=data/guard/copies.csv --allow-overlap
format: delimited text
log data/guard/copies.csv: comma-separated, header row; user=user item=item value=(none) time=time
kind        files
split       files test=data/guard/copies.csv
train       12
valid       0
test        4
test users  3
warning: --allow-overlap: 2 of 4 held-out rows are also in the training log (same user, item and time): eval cannot rank them (seen items) and rmse/mae include them
> split files test=data/guard/repeats.csv valid=data/guard/notime.csv
error: split files: 1 of 2 validation rows (50%) are also in the training log (same user and item; without a time column a copy cannot be told from a repeat): a model would be tested on rows it trained on; load a training log without them instead, or give --allow-overlap
> history
load data/guard/log.csv
split files test=data/guard/repeats.csv
split files test=data/guard/copies.csv --allow-overlap
> split random --allow-overlap
error: split random: --allow-overlap applies to split files only
> load data/guard/ml/u.data
format: MovieLens 100K (u.data), from the file name
log data/guard/ml/u.data: tab-separated, no header; user=user_id item=item_id value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/guard/ml/u.data
format        movielens-100k
interactions  6
users         3
items         3
creators      -
signal        rating 1-5
> split files test=data/guard/ml/u1.test
error: split files: 3 of 3 held-out rows (100%) are also in the training log (same user, item and time): a model would be tested on rows it trained on; load the training part (u1.base) instead, or give --allow-overlap
> load data/guard/ml/u1.base
format: MovieLens 100K (u.data), from the file name
log data/guard/ml/u1.base: tab-separated, no header; user=user_id item=item_id value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/guard/ml/u1.base
format        movielens-100k
interactions  3
users         3
items         2
creators      -
signal        rating 2-5
> split files test=data/guard/ml/u1.test
format: MovieLens 100K (u.data)
log data/guard/ml/u1.test: tab-separated, no header; user=user_id item=item_id value=rating time=timestamp
kind        files
split       files test=data/guard/ml/u1.test
train       3
valid       0
test        3
test users  3
