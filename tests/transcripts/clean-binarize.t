# binarize: watch_ratio >= 1 marks a positive; the rest go (keep=positive)
# or stay as 0 (keep=all); weight=yes keeps the ratio as the confidence.
# exit: 1
> load data/clean/log.csv items=data/clean/items.csv creator=author
format: delimited text
log data/clean/log.csv: comma-separated, header row; user=user item=item value=watch_ratio time=timestamp
items data/clean/items.csv: 9 rows, id column item, 3 other columns
path          data/clean/log.csv
format        csv
interactions  57
users         6
items         9
creators      3
signal        ratio (watch_ratio), median 0.802, max 150
> clean binarize min=1
step           binarize
column         watch_ratio
table          log
before         rows 57  users 6  items 8
after          rows 21  users 5  items 6
rows removed   36
removed:
  reason                           rows
  watch_ratio < 1: not a positive    35
  watch_ratio missing                 1
positive when  watch_ratio >= 1
positives      21
negatives      35
no value       1
value column   positive
> columns
table  name            type   role     missing
log    user            id     user           0
log    item            id     item           0
log    play_duration   int                   0
log    video_duration  int                   0
log    watch_ratio     float                 0
log    timestamp       float  time           0
log    genre           text                  1
log    positive        int    value          0
items  author          text   creator        0
items  duration        int                   2
items  category        text                  1
> undo
undone: clean binarize min=1
steps left  0
rows now    57
> clean binarize watch_ratio min=1 keep=all weight=yes
step           binarize
column         watch_ratio
table          log
before         rows 57  users 6  items 8
after          rows 57  users 6  items 8
rows removed   0
positive when  watch_ratio >= 1
positives      21
negatives      35
no value       1
value column   weight
> head 3 columns=user,item,watch_ratio,positive,weight
user  item  watch_ratio  positive  weight
p1    i5          0.437         0   0.437
p1    i8          0.556         0   0.556
p1    i1          1.124         1   1.124
> undo
undone: clean binarize watch_ratio min=1 keep=all weight=yes
steps left  0
rows now    57
> clean binarize genre equals=1
error: clean binarize: genre is a text column; binarize needs numbers; nothing changed
