# observe on the factor models and export of their vectors, on data/models/
# ratings.csv: als folds in alice's new event (her vector solved again against
# the item factors) and a new item's vector; mf takes one SGD step per event;
# export writes the vectors (tests/shell/export-npy.sh reads the files back
# with numpy); bad forms of export are one line each.
# exit: 1
# filter: s/^\(µs per event *\)[0-9.e+-]*$/\1(time)/
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: s/^\( *[0-9]* *[0-9.e+-]* *- *\)[0-9.e+-]*$/\1(time)/
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
> train a model=als factors=2 epochs=3 reg=0.5
no validation rows: trained all 3 epochs (split ... valid=0.1 enables early stopping)
name            a
kind            als
params          factors 2  epochs 3  reg 0.5  reg_exp 0  alpha 5  solver cholesky  cg_steps 3  init 0.01
training pairs  12
seconds         (time)
epochs          3
best epoch      3
history:
  epoch      loss  valid   seconds
      1   4.54746  -      (time)
      2  0.958296  -      (time)
      3  0.888635  -      (time)
> recommend user=alice k=2
model     a
user      alice
fallback  no
items:
  rank  item     score  creator  text
     1  m4     0.91555  -        
     2  m5    -0.12321  -        
> observe user=alice item=m5 value=4
model         a
events        1
new users     0
new items     0
out of order  0
µs per event  (time)
> recommend user=alice k=2
model     a
user      alice
fallback  no
items:
  rank  item   score  creator  text
     1  m4    1.7053  -        
> observe user=bob item=fresh value=5
model         a
events        1
new users     0
new items     1
out of order  0
µs per event  (time)
> similar item=fresh k=2 model=a
model  a
item   fresh
text   
items:
  rank  item  similarity  creator  text
     1  m2       0.97733  -        
     2  m1        0.9771  -        
> export a factors=vec
model  a
files: vec.users.csv, vec.items.csv, vec.users.npy, vec.items.npy
users  5
items  6
> train m model=mf factors=2 epochs=2
no validation rows: trained all 2 epochs (split ... valid=0.1 enables early stopping)
name            m
kind            mf
params          factors 2  epochs 2  lr 0.045  decay 0.93  reg 0.065  reg_bias 0.05  reg_exp 1  init 0.001  clip yes
training pairs  12
seconds         (time)
epochs          2
best epoch      2
history:
  epoch     loss  valid   seconds
      1  1.32483  -      (time)
      2  1.25949  -      (time)
> observe user=newcomer item=m1 value=5 model=m
model         m
events        1
new users     1
new items     0
out of order  0
µs per event  (time)
> recommend user=newcomer k=2 model=m
model     m
user      newcomer
fallback  no
items:
  rank  item   score  creator  text
     1  m2    3.9372  -        
     2  m5    3.8415  -        
> export m factors=vecm
model  m
files: vecm.users.csv, vecm.items.csv, vecm.users.npy, vecm.items.npy
users  6
items  6
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  12
seconds         (time)
> export p factors=vecp
error: export: model p (pop) has no user and item vectors to export (factor models: als, mf, bpr, svdpp)
> export nope factors=x
error: export: no model named nope
> export a
error: export: what to export? give factors=PREFIX
> export a factors=no-such-dir/x
error: export: no-such-dir/x.users.csv: No such file or directory
