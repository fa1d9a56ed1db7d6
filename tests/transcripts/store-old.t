# A workspace file written by reelscope 0.1.0 (store format 1, pipeline
# steps kept as command text) still opens: its pipeline, history, models and
# undo are as they were when it was saved (tests/data/store/workspace-v1.rsw:
# load data/features/log.csv, clean dedup, features, classify --fill, split,
# train p model=pop). Saved again, it is written in the current form
# (steps as operations) and opens the same.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> open data/store/workspace-v1.rsw
path      data/store/workspace-v1.rsw
bytes     4,689
sections  34
log rows  9
models    1
steps     4
results   0
features  yes
seconds   (time)
> pipeline
source  load data/features/log.csv items=data/features/items.csv creator=creator
steps:
  #  command                                                    rows before  after  users  items  summary
  1  clean dedup                                                          9      9      3      7  removed 0 exact copies
  2  features keywords=2 max_terms=50                                     9      9      3      7  4 terms from caption,title, 19 feature columns
  3  classify target=category text=caption,title test=0 --fill            9      9      3      7  filled 1 missing category from caption,title (naive Bayes)
  4  split random test=0.3 seed=3                                         9      9      3      7  random test=0.3 valid=0 seed=3
> history
load data/features/log.csv items=data/features/items.csv creator=creator
clean dedup
features keywords=2 max_terms=50
classify target=category text=caption,title test=0 --fill
split random test=0.3 seed=3
> models
name  kind  params                pairs   seconds  epochs  best  metric  valid
p     pop   window=0 half_life=0      4  2.28e-06       0     0  -       -
> recommend user=1 k=2
user 1 has no training history (an id not in the data): recommending the most popular items
model     p
user      1
fallback  yes
items:
  rank  item  score  creator  text
     1  v4        2  c2       足球比赛
     2  v1        1  c1       家常菜
> undo
undone: split random test=0.3 seed=3
steps left  3
rows now    9
> pipeline
source  load data/features/log.csv items=data/features/items.csv creator=creator
steps:
  #  command                                                    rows before  after  users  items  summary
  1  clean dedup                                                          9      9      3      7  removed 0 exact copies
  2  features keywords=2 max_terms=50                                     9      9      3      7  4 terms from caption,title, 19 feature columns
  3  classify target=category text=caption,title test=0 --fill            9      9      3      7  filled 1 missing category from caption,title (naive Bayes)
> head table=items columns=category
category
food
food
food
sport
sport
sport
food
-
> undo 3
undone: clean dedup, features keywords=2 max_terms=50, classify target=category text=caption,title test=0 --fill
steps left  0
rows now    9
> history
load data/features/log.csv items=data/features/items.csv creator=creator
> open data/store/workspace-v1.rsw
path      data/store/workspace-v1.rsw
bytes     4,689
sections  34
log rows  9
models    1
steps     4
results   0
features  yes
seconds   (time)
> save upgraded.rsw
path              upgraded.rsw
bytes             4,945
sections          36
datasets          2
shared with base  16
models            1
steps             4
results           0
seconds           (time)
> open upgraded.rsw
path      upgraded.rsw
bytes     4,945
sections  36
log rows  9
models    1
steps     4
results   0
features  yes
seconds   (time)
> pipeline
source  load data/features/log.csv items=data/features/items.csv creator=creator
steps:
  #  command                                                    rows before  after  users  items  summary
  1  clean dedup                                                          9      9      3      7  removed 0 exact copies
  2  features keywords=2 max_terms=50                                     9      9      3      7  4 terms from caption,title, 19 feature columns
  3  classify target=category text=caption,title test=0 --fill            9      9      3      7  filled 1 missing category from caption,title (naive Bayes)
  4  split random test=0.3 seed=3                                         9      9      3      7  random test=0.3 valid=0 seed=3
> undo 2
undone: classify target=category text=caption,title test=0 --fill, split random test=0.3 seed=3
steps left  2
rows now    9
> history
load data/features/log.csv items=data/features/items.csv creator=creator
clean dedup
features keywords=2 max_terms=50
