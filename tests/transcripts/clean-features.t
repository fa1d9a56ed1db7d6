# A cleaning step that changes an item column the features were built from
# rebuilds the features (as classify does): after filling the missing
# category of v7 and v8 with misc, a content model finds v8 among v7's
# nearest items (they share the category now); before, it did not.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/features/log.csv items=data/features/items.csv
format: delimited text
log data/features/log.csv: comma-separated, header row; user=user item=item value=watch_ratio time=(none)
items data/features/items.csv: 8 rows, id column item, 12 other columns
path          data/features/log.csv
format        csv
interactions  9
users         3
items         8
creators      3
signal        ratio (watch_ratio), median 1, max 2
> features
duration read as seconds (median 60)
text columns     caption,title
items            all 8  with text 7  with terms 3
terms            kept 4  of 43  rare 39  common 0
tokens           51
nonzeros         tfidf 9  per item 3  matrix 45
feature columns  all 19  text 4  duration 7  upload_age 1  angle 3  category 2  video_type 2
weighting        tf 1+ln(count), idf ln((1+n)/(1+df))+1, rows L2-normalized
top keywords per category:
  category  items  keywords
  food          3  noodles delicious dumplings 小吃
  sport         3  
> split random test=0.2 seed=1
kind        random
split       random test=0.2 valid=0 seed=1
train       8
valid       0
test        1
test users  1
> train c1 model=content
name            c1
kind            content
params          blocks 
training pairs  7
seconds         (time)
> similar item=v7 model=c1 k=3
model  c1
item   v7
text   夜市小吃
items:
  rank  item  similarity  creator  text
     1  v1       0.54728  c1       家常菜
     2  v5       0.49752  c3       扣篮集锦
     3  v2       0.46424  c1       红烧肉的做法
> clean fill category value=misc
item features rebuilt with the changed category
step            fill
column          category
table           items
before          rows 9  users 3  items 7
after           rows 9  users 3  items 7
rows removed    0
values changed  2
changed:
  reason         rows
  constant misc     2
method          constant
value           misc
> train c2 model=content
name            c2
kind            content
params          blocks 
training pairs  7
seconds         (time)
> similar item=v7 model=c2 k=3
model  c2
item   v7
text   夜市小吃
items:
  rank  item  similarity  creator  text
     1  v1        0.4895  c1       家常菜
     2  v8       0.44721  c2       
     3  v5       0.44499  c3       扣篮集锦
