# itemknn and userknn on a tiny rating log (tests/data/models): implicit mode
# with binary=yes (sums of neighbour similarities), rating mode on the
# ratings (baseline + neighbours' deviations), similar and explain.
# Fit times vary: the filter blanks them.
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
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
> train i model=itemknn binary=yes k=3
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            i
kind            itemknn
params          sim cosine  k 3  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  14
seconds         (time)
> recommend user=alice
model     i
user      alice
fallback  no
items:
  rank  item    score  creator  text
     1  m5     0.8165  -        Robot Love
     2  m4    0.66667  -        Paris Nights
     3  m6          0  -        Garden in Space
> similar item=m1
model  i
item   m1
text   Space Wars
items:
  rank  item  similarity  creator  text
     1  m2       0.66667  -        Star Quest
     2  m3       0.66667  -        Love in Paris
     3  m5       0.40825  -        Robot Love
> explain user=alice item=m4
model     i
kind      itemknn
user      alice
item      m4
text      Paris Nights
score     0.66667
rank      2
seen      no
fallback  no
reasons:
  item  text        contribution
  m2    Star Quest       0.66667
rest      0
> explain user=alice item=m1
model     i
kind      itemknn
user      alice
item      m1
text      Space Wars
score     1.3333
rank      -
seen      yes
fallback  no
reasons:
  item  text           contribution
  m2    Star Quest          0.66667
  m3    Love in Paris       0.66667
rest      0
> train kb model=itemknn sim=pearson_baseline shrink=1 k=2
itemknn: rating mode (baseline + the k nearest neighbours' deviations)
name            kb
kind            itemknn
params          sim pearson_baseline  k 2  shrink 1  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  14
seconds         (time)
> recommend user=alice k=3
model     kb
user      alice
fallback  no
items:
  rank  item   score  creator  text
     1  m5     4.814  -        Robot Love
     2  m6    3.6516  -        Garden in Space
     3  m4    1.2197  -        Paris Nights
> explain user=alice item=m5
model     kb
kind      itemknn
user      alice
item      m5
text      Robot Love
score     4.814
rank      1
seen      no
fallback  no
reasons:
  item  text        contribution
  m1    Space Wars        1.1215
rest      3.6925
> train u model=userknn binary=yes k=2
userknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            u
kind            userknn
params          sim cosine  k 2  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  14
seconds         (time)
> recommend user=alice k=3
model     u
user      alice
fallback  no
items:
  rank  item   score  creator  text
     1  m4    1.3333  -        Paris Nights
     2  m5         0  -        Robot Love
     3  m6         0  -        Garden in Space
> explain user=alice item=m4
model     u
kind      userknn
user      alice
item      m4
text      Paris Nights
score     1.3333
rank      1
seen      no
fallback  no
neighbours:
  user   contribution
  bob         0.66667
  carol       0.66667
rest      0
> train ub model=userknn sim=cosine
userknn: rating mode (baseline + the k nearest neighbours' deviations)
name            ub
kind            userknn
params          sim cosine  k 40  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  14
seconds         (time)
> explain user=erin item=m1
model     ub
kind      userknn
user      erin
item      m1
text      Space Wars
score     4.7198
rank      1
seen      no
fallback  no
neighbours:
  user  contribution
  dave       0.65757
  bob       0.030074
rest      4.0321
> similar item=m2
model  kb
item   m2
text   Star Quest
items:
  rank  item  similarity  creator  text
     1  m1       0.21803  -        Space Wars
