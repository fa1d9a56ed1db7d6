# A log of clicks without values: rating models need binary=yes (every row
# a positive), which puts the neighbourhood models in implicit mode.
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# Figures of BLAS-trained models (als, ease, ...) follow the kernel and thread
# count in their last digits: reals compare within 1e-3 (tests/numcmp.py).
# tolerance: 1e-3
> load data/models/clicks.csv
format: delimited text
log data/models/clicks.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/models/clicks.csv
format        csv
interactions  14
users         5
items         5
creators      -
signal        binary (no value column: every row a positive)
> split random test=0.2 seed=3
kind        random
split       random test=0.2 valid=0 seed=3
train       12
valid       0
test        2
test users  2
> train i model=itemknn
error: train: model itemknn predicts values but the log has none; give signal=COLUMN (or binary=yes: every row a positive)
> train i model=itemknn binary=yes k=2
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            i
kind            itemknn
params          sim cosine  k 2  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  12
seconds         (time)
> train u model=userknn binary=yes k=2 mode=rating
userknn: rating mode (baseline + the k nearest neighbours' deviations)
name            u
kind            userknn
params          sim cosine  k 2  shrink 0  min_support 1  mode rating  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  12
seconds         (time)
warning: rating mode on binary values: every deviation is about 0, so predictions stay near 1
> train e model=ease
name            e
kind            ease
params          lambda 500  max_items 20000
training pairs  12
seconds         (time)
> recommend user=alice k=2
model     e
user      alice
fallback  no
items:
  rank  item      score  creator  text
     1  m4    0.0059367  -        
     2  m5    0.0019684  -        
