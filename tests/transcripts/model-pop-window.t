# pop with a recent window (tests/data/eval/pop-window.csv, times in
# seconds, day = 86400): old has 4 rows in days 0-1 and one without a time,
# mid 3 rows at day 5, new 2 rows at days 9 and 10 (the latest row).
# window=0 counts every row: old 5, mid 3, new 2; window=6 days counts rows
# from day 4 on: mid 3, new 2, old 0; window=2: new 2; window=0.5 (12 hours
# before day 10): new 1. Users without history (zz) get the model's own
# counts, the window's, not the all-time ones. The test user u6 is new and
# watched new: hit@1 is 0, 0, 1 and auc 0, 0.5, 1 for all, w6 and w2 (new is
# ranked 3rd, 2nd, 1st of 3). Then bad windows.
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/eval/pop-window.csv
format: delimited text
log data/eval/pop-window.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/eval/pop-window.csv
format        csv
interactions  10
users         5
items         3
creators      -
signal        binary (no value column: every row a positive)
> split files test=data/eval/pop-window-test.csv
format: delimited text
log data/eval/pop-window-test.csv: comma-separated, header row; user=user item=item value=(none) time=time
kind             files
split            files test=data/eval/pop-window-test.csv
train            10
valid            0
test             1
test users       1
cold test users  1 (100%, no training row)
warning: 1 of 1 test users (100%) have no training row: every model can only rank them by popularity, which flatters pop (eval cold=exclude or cold=only evaluates them apart)
> train all model=pop
name            all
kind            pop
params          window 0  half_life 0
training pairs  10
seconds         (time)
> recommend user=zz k=3
user zz has no training history (an id not in the data): recommending the most popular items
model     all
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  old       5  -        
     2  mid       3  -        
     3  new       2  -        
> train w6 model=pop window=6
name            w6
kind            pop
params          window 6  half_life 0
training pairs  10
seconds         (time)
> recommend user=zz k=3
user zz has no training history (an id not in the data): recommending the most popular items
model     w6
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  mid       3  -        
     2  new       2  -        
     3  old       0  -        
> train w2 model=pop window=2
name            w2
kind            pop
params          window 2  half_life 0
training pairs  10
seconds         (time)
> recommend user=zz k=3
user zz has no training history (an id not in the data): recommending the most popular items
model     w2
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  new       2  -        
     2  old       0  -        
     3  mid       0  -        
> train w model=pop window=0.5
name            w
kind            pop
params          window 0.5  half_life 0
training pairs  10
seconds         (time)
> recommend user=u5 k=3 --include-seen
model     w
user      u5
fallback  no
items:
  rank  item  score  creator  text
     1  new       1  -        
     2  old       0  -        
     3  mid       0  -        
> recommend user=zz k=3
user zz has no training history (an id not in the data): recommending the most popular items
model     w
user      zz
fallback  yes
items:
  rank  item  score  creator  text
     1  new       1  -        
     2  old       0  -        
     3  mid       0  -        
> compare all w6 w2 k=1 metrics=hit@1,auc
baseline random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  hit@1  auc
  w2     1 *    1 *
  all    0      0
  w6     0      0.5
baselines  not tested on hit@1: 1 user with values (a paired test needs 2)
warning: 1 of 1 test users (100%) have no training row: every model ranks them by popularity, which flatters pop (cold=exclude or cold=only evaluates them apart)
> train bad model=pop window=-1
error: train: window=-1 is out of range (0 to 36500)
> train bad model=pop window=36501
error: train: window=36501 is out of range (0 to 36500)
