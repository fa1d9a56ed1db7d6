# fill: p4's row without a video_duration (i5) gets the median of all, or
# with by=item the other i5 rows' duration; the item table's duration of
# i5 and i9 comes from their creator's videos; text columns take the mode
# or a constant.
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
> clean fill video_duration
step            fill
column          video_duration
table           log
before          rows 57  users 6  items 8
after           rows 57  users 6  items 8
rows removed    0
values changed  1
changed:
  reason        rows
  median 25000     1
method          median
value           25000
> undo
undone: clean fill video_duration
steps left  0
rows now    57
> clean fill video_duration by=item
step            fill
column          video_duration
table           log
before          rows 57  users 6  items 8
after           rows 57  users 6  items 8
rows removed    0
values changed  1
changed:
  reason                    rows
  median of its item group     1
method          median
by              item
overall value   25000
groups          8
> head 30 columns=user,item,video_duration
user  item  video_duration
p1    i5             45000
p1    i8             25000
p1    i1             12000
p1    i1             12000
p1    i1             12000
p1    i6              8000
p1    i2             15000
p1    i5             45000
p1    i3             20000
p2    i6              8000
p2    i6              8000
p2    i4             30000
p2    i5             45000
p2    i5             45000
p2    i5             45000
p2    i5             45000
p2    i4             30000
p2    i5             45000
p3    i4             30000
p3    i2             15000
p3    i5             45000
p3    i8             25000
p3    i4             30000
p3    i8             25000
p3    i7             60000
p3    i4             30000
p4    i1             12000
p4    i4             30000
p4    i5             45000
p4    i6              8000
> clean fill genre method=mode
step            fill
column          genre
table           log
before          rows 57  users 6  items 8
after           rows 57  users 6  items 8
rows removed    0
values changed  1
changed:
  reason      rows
  mode dance     1
method          mode
value           dance
> undo
undone: clean fill genre method=mode
steps left  1
rows now    57
> clean fill genre value=unknown
step            fill
column          genre
table           log
before          rows 57  users 6  items 8
after           rows 57  users 6  items 8
rows removed    0
values changed  1
changed:
  reason            rows
  constant unknown     1
method          constant
value           unknown
> clean fill duration table=items by=creator
step            fill
column          duration
table           items
before          rows 57  users 6  items 8
after           rows 57  users 6  items 8
rows removed    0
values changed  2
changed:
  reason                       rows
  median of its creator group     2
method          median
by              creator
overall value   20000
groups          3
> head 9 table=items
item  author  duration  category
i5    c3         60000  food
i8    c2         25000  pets
i1    c1         12000  dance
i6    c1          8000  dance
i2    c1         15000  food
i3    c2         20000  dance
i4    c2         30000  pets
i7    c3         60000  travel
i9    c3         60000  -
> clean fill duration table=items method=mean
nothing to fill: the data is unchanged (the step is still recorded)
step            fill
column          duration
table           items
before          rows 57  users 6  items 8
after           rows 57  users 6  items 8
rows removed    0
values changed  0
method          mean
value           32222
