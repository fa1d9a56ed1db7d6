# dedup drops the exact copy (p1, i1 at 1594014221) and the re-sent event
# with another play time (p2, i5 at 1594030122), keeping the first of each;
# mode=exact leaves the re-sent event. Running it again removes nothing.
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
> clean dedup mode=exact
step          dedup
before        rows 57  users 6  items 8
after         rows 56  users 6  items 8
rows removed  1
removed:
  reason                        rows
  exact copy of an earlier row     1
mode          exact
> clean dedup
step          dedup
before        rows 56  users 6  items 8
after         rows 55  users 6  items 8
rows removed  1
removed:
  reason                                      rows
  same user, item and time as an earlier row     1
mode          event
> clean dedup
nothing to remove: the data is unchanged (the step is still recorded)
step          dedup
before        rows 55  users 6  items 8
after         rows 55  users 6  items 8
rows removed  0
mode          event
> head 5
user  item  play_duration  video_duration  watch_ratio   timestamp  genre
p1    i5            19665           45000        0.437  1594005433  food
p1    i8            13900           25000        0.556  1594011177  pets
p1    i1            13488           12000        1.124  1594014221  dance
p1    i1             8520           12000         0.71  1594019091  dance
p1    i6             6688            8000        0.836  1594025987  dance
