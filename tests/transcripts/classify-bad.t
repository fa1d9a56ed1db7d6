# Bad input to classify: unknown or misplaced target and text columns, a
# target among the text columns, a target nobody has, one class only, a
# numeric target with fractions, test and alpha out of range or not numbers.
# Each fails and changes nothing.
# exit: 1
> classify
error: no dataset loaded (use load PATH or generate DIR --load first)
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
> classify
error: classify: target=first_level_category_name: no item column first_level_category_name (see columns); nothing changed
> classify target=categry
error: classify: target=categry: no item column categry (did you mean category?); nothing changed
> classify target=category text=capton
error: classify: text=capton: no item column capton (did you mean caption?); nothing changed
> classify target=category text=duration
error: classify: text=duration: duration is an int column; text= needs a text column; nothing changed
> classify target=category text=category
error: classify: text=category: the target category is among the text columns; it would predict itself; nothing changed
> classify target=nolabel
error: classify: target=nolabel: no item has a value to learn from (all 8 missing); nothing changed
> classify target=format
error: classify: target=format: every labelled item is in one class (short); there is nothing to tell apart; nothing changed
> classify target=score
error: classify: target=score: score holds fractions; categories are text or whole numbers; nothing changed
> classify target=watch_ratio
error: classify: target=watch_ratio: watch_ratio is a column of the log, not of the items; nothing changed
> classify target=category test=abc
error: classify: test="abc" is not a number
> classify target=category test=0.95
error: classify: test=0.95 is out of range (0 to 0.9)
> classify target=category test=-0.1
error: classify: test=-0.1 is out of range (0 to 0.9)
> classify target=category alpha=0
error: classify: alpha must be above 0; nothing changed
> classify target=category alpha=x
error: classify: alpha="x" is not a number
> classify target=category seed=1.5
error: classify: seed="1.5" is not a whole number
> classify target=category --fil
error: classify: unknown flag --fil (did you mean --fill?)
> pipeline
no steps yet: the data is as loaded (clean, features and split add steps)
source  load data/features/log.csv items=data/features/items.csv creator=creator
