# ease on the tiny rating log as implicit positives: with lambda=1 the
# Gram matrix over m1..m5 is small enough to check by hand; m6 has no
# interactions and scores 0. explain lists the user's items by B[j][item],
# similar an item's row of B.
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# Figures of BLAS-trained models (als, ease, ...) follow the kernel and thread
# count in their last digits: reals compare within 1e-3 (tests/numcmp.py).
# tolerance: 1e-3
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
> train e model=ease lambda=1
name            e
kind            ease
params          lambda 1  max_items 20000
training pairs  14
seconds         (time)
> recommend user=alice
model     e
user      alice
fallback  no
items:
  rank  item     score  creator  text
     1  m4         0.4  -        Paris Nights
     2  m5    0.083333  -        Robot Love
     3  m6           0  -        Garden in Space
> explain user=alice item=m5
model     e
kind      ease
user      alice
item      m5
text      Robot Love
score     0.083333
rank      2
seen      no
fallback  no
reasons:
  item  text           contribution
  m2    Star Quest         -0.41667
  m1    Space Wars             0.25
  m3    Love in Paris          0.25
rest      0
> similar item=m3 k=3
model  e
item   m3
text   Love in Paris
items:
  rank  item  similarity  creator  text
     1  m2       0.32143  -        Star Quest
     2  m5          0.25  -        Robot Love
     3  m1        0.2381  -        Space Wars
> recommend user=zoe k=2
user zoe has no training history (an id not in the data): recommending the most popular items
model     e
user      zoe
fallback  yes
items:
  rank  item  score  creator  text
     1  m1        3  -        Space Wars
     2  m2        3  -        Star Quest
> explain user=zoe item=m1
error: explain: no user zoe in the data
