# observe: events folded into trained models without retraining, on the five
# users of data/models/ratings.csv. itemknn (rating mode) learns alice's m4 at
# once: recommend leaves it out (seen) and ranks by the updated lists; a new
# user (zoe) and a new item (brandnew) join the data and the model; a file of
# events names its bad lines; every bad form is one line and changes nothing
# (newbie2 of the refused events-range.csv is still unknown afterwards);
# events-order.csv has one event earlier than the one before (a warning);
# read again with order=strict its first event is earlier than the latest the
# model learned, so it is refused. save / open keep what the model learned
# and the grown ids (describe: 7 catalog users and items). The latency
# varies: the filter blanks it.
# exit: 1
# filter: s/^\(µs per event *\)[0-9.e+-]*$/\1(time)/
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# tolerance: 1e-3
> load data/models/ratings.csv
format: delimited text
log data/models/ratings.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/models/ratings.csv
format        csv
interactions  14
users         5
items         5
creators      -
signal        rating 1-5
> split random test=0.2 seed=3
kind        random
split       random test=0.2 valid=0 seed=3
train       12
valid       0
test        2
test users  2
> train ik model=itemknn k=10
itemknn: rating mode (baseline + the k nearest neighbours' deviations)
name            ik
kind            itemknn
params          sim cosine  k 10  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  12
seconds         (time)
> recommend user=alice k=3
model     ik
user      alice
fallback  no
items:
  rank  item   score  creator  text
     1  m4    2.5478  -        
     2  m5    1.2875  -        
> observe user=alice item=m4 value=2
model         ik
events        1
new users     0
new items     0
out of order  0
µs per event  (time)
> recommend user=alice k=3
model     ik
user      alice
fallback  no
items:
  rank  item   score  creator  text
     1  m5    1.8849  -        
> observe user=zoe item=m1 value=4 time=2024-01-02
model         ik
events        1
new users     1
new items     0
out of order  0
µs per event  (time)
> recommend user=zoe k=3
model     ik
user      zoe
fallback  no
items:
  rank  item   score  creator  text
     1  m2    3.9848  -        
     2  m5    3.7971  -        
     3  m4    3.7021  -        
> observe user=zoe item=brandnew value=5 time=2024-01-03
model         ik
events        1
new users     0
new items     1
out of order  0
µs per event  (time)
> recommend user=zoe k=3 --include-seen
model     ik
user      zoe
fallback  no
items:
  rank  item       score  creator  text
     1  m1             5  -        
     2  m2        3.9848  -        
     3  brandnew  3.9648  -        
> observe data/models/events.csv
model         ik
events        3
new users     1
new items     1
out of order  0
µs per event  (time)
> recommend user=newbie k=3 --include-seen
model     ik
user      newbie
fallback  no
items:
  rank  item  score  creator  text
     1  m1        5  -        
     2  m2        5  -        
     3  m5        5  -        
> observe data/models/events-order.csv
model         ik
events        3
new users     0
new items     0
out of order  1
µs per event  (time)
warning: 1 event out of time order (the first: event 2, line 3); folded in as given (order=strict refuses them)
> observe data/models/events-order.csv order=strict
error: observe: data/models/events-order.csv:2: event 1 is out of time order (1800000000 before 1800000500) and order=strict refuses it; nothing learned
> observe data/models/events-range.csv
error: observe: data/models/events-range.csv:3: value=7 is outside the signal's range (1 to 5, what model ik trained on); nothing learned
> recommend user=newbie2 k=1
user newbie2 has no training history (an id not in the data): recommending the most popular items
model     ik
user      newbie2
fallback  yes
items:
  rank  item  score  creator  text
     1  m3        4  -        
> observe data/models/events-badcol.csv
error: observe: data/models/events-badcol.csv:1:3: unknown column "score" (expected user, item, value, time or the log's own names); nothing learned
> observe data/models/events-fields.csv
error: observe: data/models/events-fields.csv:3: 2 fields, the header has 3; nothing learned
> observe data/models/events-nouser.csv
error: observe: data/models/events-nouser.csv:1: the header names no user column; nothing learned
> observe data/models/events-nan.csv
error: observe: data/models/events-nan.csv:2:3: "abc" is not a number (value); nothing learned
> observe data/models/no-such-file.csv
error: observe: data/models/no-such-file.csv: No such file or directory; nothing learned
> observe user=alice item=m1 value=9
error: observe: value=9 is outside the signal's range (1 to 5, what model ik trained on); nothing learned
> observe user=alice item=m1
error: observe: model ik learned values from 1 to 5: give the event's value; nothing learned
> observe user=alice
error: observe: which event? give user=ID item=ID, or a FILE of events
> observe user=alice item=m1 value=3 time=yesterday
error: observe: time=yesterday is not a time (seconds since 1970 or a date)
> observe data/models/events.csv user=alice
error: observe: give a FILE of events or user= item= [value=] [time=], not both
> observe user=alice item=m1 value=3 model=nope
error: observe: no model named nope (models: ik)
> train e model=ease lambda=1
name            e
kind            ease
params          lambda 1  max_items 20000
training pairs  12
seconds         (time)
> observe user=alice item=m1 value=3
error: observe: model e (ease) cannot learn from new events: retrain it; nothing learned
> observe user=alice item=m1 value=3 model=ik order=sometimes
error: observe: order="sometimes" must be one of warn, strict
> recommend user=zoe k=3 --include-seen model=ik
model     ik
user      zoe
fallback  no
items:
  rank  item       score  creator  text
     1  m1             5  -        
     2  m2         3.992  -        
     3  brandnew  3.9648  -        
> save obs.rsw
path              obs.rsw
bytes             3,432
sections          25
datasets          2
shared with base  4
models            2
steps             1
results           0
seconds           (time)
> open obs.rsw
path      obs.rsw
bytes     3,432
sections  25
log rows  14
models    2
steps     1
results   0
seconds   (time)
> recommend user=zoe k=3 --include-seen model=ik
model     ik
user      zoe
fallback  no
items:
  rank  item       score  creator  text
     1  m1             5  -        
     2  m2         3.992  -        
     3  brandnew  3.9648  -        
> describe
interactions    14
users           5
items           5
creators        -
signal          rating 1-5
density         56%
catalog users   7
catalog items   7
per user        min 2  25% 3  median 3  75% 3  90% 3  99% 3  max 3
per item        min 2  25% 3  median 3  75% 3  90% 3  99% 3  max 3
top items hold  1%: 21.4%  10%: 21.4%  20%: 21.4%
columns:
  table  name    type  missing  distinct  min  max   mean
  log    rating  int         0         4    1    5  3.714
