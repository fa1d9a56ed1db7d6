# outliers: p3's replay at watch_ratio 150 is the one value far off; the
# IQR rule on x, and the robust z rule on log x above the median, both
# find it alone. cap keeps the row and lowers the value to the fence; an
# item table column drops the rows of its flagged items.
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
> clean outliers watch_ratio
step           outliers
column         watch_ratio
table          log
before         rows 57  users 6  items 8
after          rows 56  users 6  items 8
rows removed   1
removed:
  reason                     rows
  watch_ratio above 3.78688     1
rule           iqr k=1.5 on watch_ratio, drop
values judged  56
not judged     1
stats          q1 0.03  q3 1.533
fences         lower -2.22413  upper 3.78688
values beyond  below 0  above 1
> undo
undone: clean outliers watch_ratio
steps left  0
rows now    57
> clean outliers watch_ratio method=z scale=log side=upper
step           outliers
column         watch_ratio
table          log
before         rows 57  users 6  items 8
after          rows 56  users 6  items 8
rows removed   1
removed:
  reason                     rows
  watch_ratio above 65.8159     1
rule           z=3.5 (median/MAD) on log(watch_ratio), drop
values judged  55
not judged     2
stats of log   median -0.2206  mad 0.8494
fences         lower -  upper 65.8159
values beyond  below 0  above 1
> undo
undone: clean outliers watch_ratio method=z scale=log side=upper
steps left  0
rows now    57
> clean outliers watch_ratio k=3 action=cap side=upper
step            outliers
column          watch_ratio
table           log
before          rows 57  users 6  items 8
after           rows 57  users 6  items 8
rows removed    0
values changed  1
changed:
  reason                                  rows
  watch_ratio above 6.041: lowered to it     1
rule            iqr k=3 on watch_ratio, cap
values judged   56
not judged      1
stats           q1 0.03  q3 1.533
fences          lower -  upper 6.041
values beyond   below 0  above 1
> head 40 columns=user,item,watch_ratio
user  item  watch_ratio
p1    i5          0.437
p1    i8          0.556
p1    i1          1.124
p1    i1          1.124
p1    i1           0.71
p1    i6          0.836
p1    i2          0.802
p1    i5          2.041
p1    i3          0.913
p2    i6          0.399
p2    i6          1.745
p2    i4          0.609
p2    i5          0.405
p2    i5         0.4206
p2    i5          0.217
p2    i5          2.151
p2    i4          1.152
p2    i5          1.191
p3    i4          0.902
p3    i2          0.307
p3    i5          1.393
p3    i8          1.812
p3    i4          6.041
p3    i8          0.836
p3    i7          1.918
p3    i4           2.28
p4    i1          1.829
p4    i4          0.481
p4    i5              -
p4    i6          1.804
p4    i6          0.242
p4    i6          2.422
p4    i7          2.181
p4    i2          0.875
p5    i8          0.872
p5    i7          1.577
p5    i6          1.518
p5    i1          1.246
p5    i6          2.494
p5    i2              0
> undo
undone: clean outliers watch_ratio k=3 action=cap side=upper
steps left  0
rows now    57
> clean outliers duration table=items method=z z=1
step           outliers
column         duration
table          items
before         rows 57  users 6  items 8
after          rows 41  users 6  items 6
rows removed   16
removed:
  reason                                      rows
  duration below 8139.2: the rows of 1 item     10
  duration above 31860.8: the rows of 1 item     6
rule           z=1 (median/MAD) on duration, drop
values judged  7
not judged     2
stats          median 20,000  mad 8,000
fences         lower 8,139.2  upper 31,860.8
values beyond  below 1  above 1
