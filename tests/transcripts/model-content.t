# content: needs the features step; cosine between the user's profile
# (rating-weighted feature rows of the user's items) and each item's
# features. m6 has no interactions but shares "space" with m1, so content
# reaches it (cold start); explain names the shared features.
# exit: 1
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
> train c model=content
error: train: the content model needs item features: run features first
> features text=title category=genre duration=none upload=none tags=none onehot=none min_df=1
text columns     title
items            all 6  with text 6  with terms 6
terms            kept 9  of 9  rare 0  common 0
tokens           12
nonzeros         tfidf 12  per item 2  matrix 18
feature columns  all 12  text 9  category 3
weighting        tf 1+ln(count), idf ln((1+n)/(1+df))+1, rows L2-normalized
top keywords per category:
  category  items  keywords
  scifi         3  robot wars quest star love space
  romance       2  paris nights love
  drama         1  garden space
> train c model=content
name            c
kind            content
params          blocks 
training pairs  14
seconds         (time)
> recommend user=alice
model     c
user      alice
fallback  no
items:
  rank  item     score  creator  text
     1  m5     0.59997  -        Robot Love
     2  m6     0.12766  -        Garden in Space
     3  m4    0.091971  -        Paris Nights
> explain user=alice item=m6
model     c
kind      content
user      alice
item      m6
text      Garden in Space
score     0.12766
rank      2
seen      no
fallback  no
reasons:
  item  text        contribution
  m1    Space Wars       0.12766
rest      0
shared features:
  feature     contribution
  text:space       0.12766
> similar item=m1 k=3
model  c
item   m1
text   Space Wars
items:
  rank  item  similarity  creator  text
     1  m2           0.5  -        Star Quest
     2  m5           0.5  -        Robot Love
     3  m6       0.20103  -        Garden in Space
> train c2 model=content blocks=category
name            c2
kind            content
params          blocks category
training pairs  14
seconds         (time)
> recommend user=alice k=3
model     c2
user      alice
fallback  no
items:
  rank  item    score  creator  text
     1  m5    0.99388  -        Robot Love
     2  m4    0.11043  -        Paris Nights
     3  m6          0  -        Garden in Space
> train c3 model=content blocks=category,genre
error: train: blocks: the features have no block genre (blocks: text, category)
