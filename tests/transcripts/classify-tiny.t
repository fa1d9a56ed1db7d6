# classify on the hand-made catalog: food or sport from caption and title;
# then --fill gives v7 (noodles, dumplings) a category, v8 has no text and stays
# missing; undo takes the fill back. Six labelled items share few words, so the
# held-out figures say little; a two-class text column works as a target too.
> load data/features/log.csv items=data/features/items.csv creator=creator
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
> classify target=category text=caption,title test=0.5 seed=3
target             category
text               caption,title
classes            2
terms              43
labelled items     all 6  train 3  test 3  without text 0
missing target     all 2  without text 1
held-out accuracy  33.3%
majority class     sport
majority baseline  33.3%
held-out items by class:
  class  labelled  test  correct  recall  precision  mistaken for
  food          3     2        0      0%  -          sport (2)
  sport         3     1        1    100%  33.3%      -
> classify target=video_type text=caption test=0.5
target             video_type
text               caption
classes            2
terms              31
labelled items     all 8  train 4  test 4  without text 1
missing target     all 0  without text 0
held-out accuracy  50%
majority class     NORMAL
majority baseline  50%
held-out items by class:
  class   labelled  test  correct  recall  precision  mistaken for
  NORMAL         6     2        2    100%        50%  -
  AD             2     2        0      0%          -  NORMAL (2)
> classify target=category text=caption,title test=0 --fill
1 item without category has no caption,title text and stays missing
target             category
text               caption,title
classes            2
terms              43
labelled items     all 6  train 6  test 0  without text 0
missing target     all 2  without text 1
held-out accuracy  -
majority class     food
majority baseline  -
filled             1
filled by class:
  class  items
  food       1
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
> pipeline
source  load data/features/log.csv items=data/features/items.csv creator=creator
steps:
  #  command                                                    rows before  after  users  items  summary
  1  classify target=category text=caption,title test=0 --fill            9      9      3      7  filled 1 missing category from caption,title (naive Bayes)
> undo
undone: classify target=category text=caption,title test=0 --fill
steps left  0
rows now    9
> head table=items columns=category
category
food
food
food
sport
sport
sport
-
-
> classify target=category text=caption,title test=0 --fill
1 item without category has no caption,title text and stays missing
target             category
text               caption,title
classes            2
terms              43
labelled items     all 6  train 6  test 0  without text 0
missing target     all 2  without text 1
held-out accuracy  -
majority class     food
majority baseline  -
filled             1
filled by class:
  class  items
  food       1
> classify target=category text=caption,title test=0 --fill
nothing to fill: the item without category has no caption,title text
target             category
text               caption,title
classes            2
terms              43
labelled items     all 7  train 7  test 0  without text 0
missing target     all 1  without text 1
held-out accuracy  -
majority class     food
majority baseline  -
filled             0
> pipeline
source  load data/features/log.csv items=data/features/items.csv creator=creator
steps:
  #  command                                                    rows before  after  users  items  summary
  1  classify target=category text=caption,title test=0 --fill            9      9      3      7  filled 1 missing category from caption,title (naive Bayes)
