# Every split kind on 12 hand-made events (tests/data/eval/events.csv: users
# a, b, c with 4, 3 and 5 rows at known times). A pop model trained after
# each split scores items by training rows, and recommend for an unknown
# user (zz, popularity fallback) lists those counts, so the rows each split
# keeps for training can be read off and checked by hand:
#   leave-last k=1: test a/v4 b/v5 c/v1 -> v1 2 v2 2 v3 2 v4 1 v5 1 v6 1
#   leave-last k=1 valid=0.5: also a/v3 b/v3 c/v6 for validation
#                    -> v1 2 v2 2 v4 1 v5 1, v3 v6 0
#   temporal test=0.25: the 3 latest (520, 420, 400: c/v1 c/v6 a/v4), 2 users
#                    -> v1 2 v2 2 v3 2 v5 2 v4 1 v6 0
#   temporal test=0.25 valid=0.2: round(0.2*9)=2 next latest (350 b/v5,
#                    320 c/v5) validation -> v5 0
#   user test=0.5: round(0.5*n) per user: 2 + 2 + 3 = 7 test, 5 train
#   kfold k=3: folds of 4 rows each; over folds 1..3 every row is test once,
#                    so each item's training counts sum to twice its rows
#                    (v1 3 rows -> 6; v2..v5 2 rows -> 4; v6 -> 2)
# then the bad forms, each one error with the data unchanged.
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
> load data/eval/events.csv
format: delimited text
log data/eval/events.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/eval/events.csv
format        csv
interactions  12
users         3
items         6
creators      -
signal        binary (no value column: every row a positive)
> split leave-last k=1
kind        leave-last
split       leave-last k=1
train       9
valid       0
test        3
test users  3
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  9
seconds         (time)
> recommend user=zz k=6
user zz has no training history (an id not in the data): recommending the most popular items
model     p
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  v1        2  -        
     2  v2        2  -        
     3  v3        2  -        
     4  v4        1  -        
     5  v5        1  -        
     6  v6        1  -        
> undo
undone: split leave-last k=1
steps left  0
rows now    12
> split leave-last k=1 valid=0.5
kind        leave-last
split       leave-last k=1 with validation
train       6
valid       3
test        3
test users  3
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  6
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.4769  (time)
> recommend user=zz k=6
user zz has no training history (an id not in the data): recommending the most popular items
model     p
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  v1        2  -        
     2  v2        2  -        
     3  v4        1  -        
     4  v5        1  -        
     5  v3        0  -        
     6  v6        0  -        
> undo
undone: split leave-last k=1 valid=0.5
steps left  0
rows now    12
> split temporal test=0.25
kind        temporal
split       temporal test=0.25 valid=0
train       9
valid       0
test        3
test users  2
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  9
seconds         (time)
> recommend user=zz k=6
user zz has no training history (an id not in the data): recommending the most popular items
model     p
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  v1        2  -        
     2  v2        2  -        
     3  v3        2  -        
     4  v5        2  -        
     5  v4        1  -        
     6  v6        0  -        
> undo
undone: split temporal test=0.25
steps left  0
rows now    12
> split temporal test=0.25 valid=0.2
kind        temporal
split       temporal test=0.25 valid=0.2
train       7
valid       2
test        3
test users  2
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  7
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.5  (time)
> recommend user=zz k=6
user zz has no training history (an id not in the data): recommending the most popular items
model     p
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  v1        2  -        
     2  v2        2  -        
     3  v3        2  -        
     4  v4        1  -        
     5  v5        0  -        
     6  v6        0  -        
> undo
undone: split temporal test=0.25 valid=0.2
steps left  0
rows now    12
> split user test=0.5 seed=3
kind        user
split       user test=0.5 valid=0 seed=3
train       5
valid       0
test        7
test users  3
> undo
undone: split user test=0.5 seed=3
steps left  0
rows now    12
> split kfold k=3 fold=1 seed=5
kind        kfold
split       kfold k=3 fold=1 seed=5
train       8
valid       0
test        4
test users  3
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  8
seconds         (time)
> recommend user=zz k=6
user zz has no training history (an id not in the data): recommending the most popular items
model     p
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  v1        3  -        
     2  v2        1  -        
     3  v3        1  -        
     4  v4        1  -        
     5  v5        1  -        
     6  v6        1  -        
> undo
undone: split kfold k=3 fold=1 seed=5
steps left  0
rows now    12
> split kfold k=3 fold=2 seed=5
kind        kfold
split       kfold k=3 fold=2 seed=5
train       8
valid       0
test        4
test users  2
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  8
seconds         (time)
> recommend user=zz k=6
user zz has no training history (an id not in the data): recommending the most popular items
model     p
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  v1        2  -        
     2  v3        2  -        
     3  v2        1  -        
     4  v4        1  -        
     5  v5        1  -        
     6  v6        1  -        
> undo
undone: split kfold k=3 fold=2 seed=5
steps left  0
rows now    12
> split kfold k=3 fold=3 seed=5
kind        kfold
split       kfold k=3 fold=3 seed=5
train       8
valid       0
test        4
test users  3
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  8
seconds         (time)
> recommend user=zz k=6
user zz has no training history (an id not in the data): recommending the most popular items
model     p
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  v2        2  -        
     2  v4        2  -        
     3  v5        2  -        
     4  v1        1  -        
     5  v3        1  -        
     6  v6        0  -        
> undo
undone: split kfold k=3 fold=3 seed=5
steps left  0
rows now    12
> split random test=0.25 seed=2
kind             random
split            random test=0.25 valid=0 seed=2
train            8
valid            0
test             4
test users       2
cold test users  1 (50%, no training row)
warning: 1 of 2 test users (50%) have no training row: every model can only rank them by popularity, which flatters pop (eval cold=exclude or cold=only evaluates them apart)
> undo
undone: split random test=0.25 seed=2
steps left  0
rows now    12
> split leave-last k=0
error: split: k=0 is out of range (1 to 1,000)
> split kfold k=1
error: split kfold: k must be from 2 to 100 folds
> split kfold k=3 fold=4
error: split kfold: fold must be from 1 to k
> split temporal test=1.5
error: split: test=1.5 must be a share from 0 to below 1
> split leave-last valid=2
error: split: valid=2 must be a share from 0 to below 1
> split user fold=2
error: split user: fold= applies to kfold only
> split sideways
error: split: unknown kind sideways (random, user, temporal, leave-last, kfold, observed, files)
> split observed
error: split observed: this dataset has no fully observed block (a KuaiRec folder with small_matrix.csv, or generate)
> split files
error: split files: give test=PATH, the file of held-out rows (e.g. u1.test)
> pipeline
no steps yet: the data is as loaded (clean, features and split add steps)
source  load data/eval/events.csv
