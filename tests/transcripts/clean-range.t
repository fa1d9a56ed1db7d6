# clean invalid range=COL:MIN:MAX: declared ranges, repeatable; a missing value
# is not out of range; bad forms fail in one line and change nothing.
# exit: 1
> load data/csv/ranges.csv
format: delimited text
log data/csv/ranges.csv: comma-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/csv/ranges.csv
format        csv
interactions  6
users         3
items         3
creators      -
signal        rating 0-7
> clean invalid range=rating:0.5:5 window=off
step          invalid
before        rows 6  users 3  items 3
after         rows 4  users 3  items 3
rows removed  2
removed:
  reason                   rows
  rating outside [0.5, 5]     2
range rules   0.5 <= rating <= 5
> history
load data/csv/ranges.csv
clean invalid range=rating:0.5:5 window=off
> undo
undone: clean invalid range=rating:0.5:5 window=off
steps left  0
rows now    6
> clean invalid range=rating:0.5:5 range=rating:1:4 window=off
step          invalid
before        rows 6  users 3  items 3
after         rows 2  users 2  items 1
rows removed  4
removed:
  reason                   rows
  rating outside [0.5, 5]     2
  rating outside [1, 4]       4
range rules   0.5 <= rating <= 5, 1 <= rating <= 4
> undo
undone: clean invalid range=rating:0.5:5 range=rating:1:4 window=off
steps left  0
rows now    6
> clean invalid range=rating:5:0.5
error: clean invalid: range=rating:5:0.5: MIN 5 is above MAX 0.5; nothing changed
> clean invalid range=foo:0:1
error: clean invalid: range=foo:0:1: no column "foo" in the log ("columns" lists them); nothing changed
> clean invalid range=title:0:1
error: clean invalid: range=title:0:1: title is a text column; a range check needs numbers; nothing changed
> clean invalid range=rating:a:5
error: clean invalid: range=rating:a:5: MIN "a" is not a number; nothing changed
> clean invalid range=rating:0:x
error: clean invalid: range=rating:0:x: MAX "x" is not a number; nothing changed
> clean invalid range=rating
error: clean invalid: range=rating: expected COLUMN:MIN:MAX (e.g. range=rating:0.5:5); nothing changed
> clean invalid range=
error: clean: range= needs a value
> clean window range=rating:1:2
error: clean window: range= does not apply to window (its options: from=, to=; flag --force)
> pipeline
no steps yet: the data is as loaded (clean, features and split add steps)
source  load data/csv/ranges.csv
