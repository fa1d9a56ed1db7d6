# hybrid: a weighted blend of trained models, normalized per user over the
# items the user has not seen; explain shows each component's part. The
# components are copies: retraining or dropping one leaves the blend as it
# was.
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: s/\( 14\)  *[0-9][0-9.e+-]* /\1  (time) /
# filter: s/^\(name  .*pairs\)  *seconds  /\1  seconds  /
> load data/models/ratings.csv items=data/models/items.csv
format: delimited text
log data/models/ratings.csv: comma-separated, header row; user=user item=item value=rating time=(none)
items data/models/items.csv: 6 rows, id column item, 2 other columns
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/models/ratings.csv
format        csv
interactions  14
users         5
items         6
creators      -
signal        rating 1-5
> split files test=data/models/test.csv
format: delimited text
log data/models/test.csv: comma-separated, header row; user=user item=item value=rating time=(none)
kind        files
split       files test=data/models/test.csv
train       14
valid       0
test        4
test users  4
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  14
seconds         (time)
> train i model=itemknn binary=yes k=3
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            i
kind            itemknn
params          sim cosine  k 3  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  14
seconds         (time)
> train h model=hybrid models=p,i weights=0.7,0.3 normalize=minmax
name            h
kind            hybrid
params          models p,i  weights 0.7,0.3  normalize minmax
training pairs  14
seconds         (time)
> recommend user=alice k=3
model     h
user      alice
fallback  no
items:
  rank  item    score  creator  text
     1  m4    0.94495  -        Paris Nights
     2  m5    0.76667  -        Robot Love
     3  m6          0  -        Garden in Space
> explain user=alice item=m4
model     h
kind      hybrid
user      alice
item      m4
text      Paris Nights
score     0.94495
rank      1
seen      no
fallback  no
reasons:
  item  text        contribution
  m2    Star Quest       0.24495
rest      0.7
components:
  model  kind     weight    score  normalized  contribution
  p      pop         0.7        3           1           0.7
  i      itemknn     0.3  0.66667      0.8165       0.24495
> train r model=hybrid models=p,i normalize=rank
name            r
kind            hybrid
params          models p,i  weights equal  normalize rank
training pairs  14
seconds         (time)
> explain user=alice item=m5
model     r
kind      hybrid
user      alice
item      m5
text      Robot Love
score     0.66667
rank      2
seen      no
fallback  no
reasons:
  item  text           contribution
  m1    Space Wars          0.20412
  m3    Love in Paris       0.20412
rest      0.25842
components:
  model  kind     weight   score  normalized  contribution
  p      pop         0.5       2         0.5          0.25
  i      itemknn     0.5  0.8165     0.83333       0.41667
> models drop=i
dropped i
name  kind    params                                       pairs  seconds  epochs  best  metric  valid
p     pop     window=0 half_life=0                            14  (time)       0     0  -       -
h     hybrid  models=p,i weights=0.7,0.3 normalize=minmax     14  (time)       0     0  -       -
r     hybrid  models=p,i weights=equal normalize=rank         14  (time)       0     0  -       -
> recommend user=alice k=3 model=h
model     h
user      alice
fallback  no
items:
  rank  item    score  creator  text
     1  m4    0.94495  -        Paris Nights
     2  m5    0.76667  -        Robot Love
     3  m6          0  -        Garden in Space
> train z model=hybrid models=p,i
error: train: models: no trained model named i (models: p, h, r)
> train z model=hybrid models=p weights=1,2
error: train: 2 weights for 1 models
> train z model=hybrid
error: train: give the models to blend: models=A,B [weights=0.7,0.3]
