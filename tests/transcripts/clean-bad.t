# Bad input to clean: each fails with one message naming what is wrong, and
# nothing changes (the pipeline stays empty, describe shows the same rows).
# A log without a time column: steps that need times say so; dedup can
# only tell exact copies.
# exit: 1
> clean dedup
error: no dataset loaded (use load PATH or generate DIR --load first)
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
> clean
error: clean: missing argument; usage: clean STEP [COLUMN] [options] [--force]   (STEP: dedup, invalid, outliers, bots, fill, kcore, binarize, window)
> clean wash
error: clean: unknown step "wash" (steps: dedup, invalid, outliers, bots, fill, kcore, binarize, window)
> clean outlier watch_ratio
error: clean: unknown step "outlier" (did you mean outliers? steps: dedup, invalid, outliers, bots, fill, kcore, binarize, window)
> clean dedup k=3
error: clean dedup: k= does not apply to dedup (its options: mode=; flag --force)
> clean dedup watch_ratio
error: clean dedup takes no column; usage: clean dedup [mode=event|exact]
> clean outliers
error: clean outliers needs a column; usage: clean outliers COLUMN [method=iqr|z] [k=1.5] [z=3.5] [action=drop|cap] [scale=linear|log] [side=both|upper|lower] [table=...]
> clean fill
error: clean fill needs a column; usage: clean fill COLUMN [method=median|mean|mode|constant] [value=V] [by=GROUP] [table=...]
> clean outliers nope
error: clean outliers: no column "nope" ("columns" lists them); nothing changed
> clean outliers watch_rato
error: clean outliers: no column "watch_rato" (did you mean watch_ratio? "columns" lists them); nothing changed
> clean outliers genre
error: clean outliers: genre is a text column; the outlier rule needs numbers; nothing changed
> clean outliers user
error: clean outliers: user is the user id column, not a column of values; nothing changed
> clean outliers watch_ratio k=abc
error: clean: k="abc" is not a number
> clean outliers watch_ratio k=0
error: clean outliers: k=0 must be above 0
> clean outliers watch_ratio method=mean
error: clean outliers: method=mean must be one of iqr, z
> clean outliers watch_ratio method=z k=2
error: clean outliers: k= goes with method=iqr; method=z takes z=
> clean outliers watch_ratio table=users
error: clean outliers: no column "watch_ratio" in the table users ("columns" lists them); nothing changed
> clean outliers watch_ratio scale=log2
error: clean: scale="log2" must be one of linear, log
> clean bots min_gap=10 rule=count
error: clean bots: min_gap= goes with rule=gap or rule=all
> clean bots z=0
error: clean: z=0 is out of range (0.01 to 1,000)
> clean fill genre method=median
error: clean fill: genre is a text column; method=median (method=mode or constant work on text) needs numbers; nothing changed
> clean fill video_duration value=abc
error: clean fill: value=abc is not a number (video_duration holds numbers); nothing changed
> clean fill video_duration method=mean value=3
error: clean fill: value= goes with method=constant; usage: clean fill COLUMN [method=median|mean|mode|constant] [value=V] [by=GROUP] [table=...]
> clean fill video_duration by=nope
error: clean fill: by=: no column "nope" ("columns" lists them); nothing changed
> clean fill video_duration by=creator method=constant value=1
error: clean fill: by= does not go with method=constant; usage: clean fill COLUMN [method=median|mean|mode|constant] [value=V] [by=GROUP] [table=...]
> clean kcore k=2.5
error: clean kcore: k=2.5 must be a whole number from 0
> clean kcore k=-1
error: clean kcore: k=-1 must be a whole number from 0
> clean binarize
error: clean binarize: give exactly one test: min=T (value >= T) or equals=V; usage: clean binarize [COLUMN] min=T|equals=V [weight=yes] [keep=positive|all]
> clean binarize min=1 equals=1
error: clean binarize: give exactly one test: min=T (value >= T) or equals=V; usage: clean binarize [COLUMN] min=T|equals=V [weight=yes] [keep=positive|all]
> clean binarize min=abc
error: clean: min="abc" is not a number
> clean binarize duration min=1
error: clean binarize: duration is a column of the items table; binarize works on the log's signals; nothing changed
> clean window
error: clean window: give from=, to= or both; usage: clean window [from=T] [to=T]
> clean window from=yesterday
error: clean window: from=yesterday is not a date (YYYY-MM-DD), a date-time (YYYY-MM-DD HH:MM:SS) or unix seconds
> clean window from=2020-07-07 to=2020-07-06
error: clean window: the window is empty: from= must come before to=; usage: clean window [from=T] [to=T]
> clean invalid from=2020-07-06 window=off
error: clean invalid: from= and to= need the time check (window=off turns it off); usage: clean invalid [from=T] [to=T] [window=auto|off] [positive=COLS] [nonnegative=COLS] [required=COLS] [range=COL:MIN:MAX ...]
> clean invalid positive=nope
error: clean invalid: positive=: no column "nope" in the log ("columns" lists them); nothing changed
> clean invalid nonnegative=genre
error: clean invalid: nonnegative=: genre is a text column; a range check needs numbers; nothing changed
> pipeline
no steps yet: the data is as loaded (clean, features and split add steps)
source  load data/clean/log.csv items=data/clean/items.csv creator=author
> describe columns=no
interactions      57
users             6
items             8
creators          3
signal            ratio (watch_ratio), median 0.802, max 150
distinct pairs    33
density           68.8%
catalog users     6
catalog items     9
catalog creators  3
per user          min 8  25% 8  median 8.5  75% 9  90% 12  99% 14.7  max 15
per item          min 3  25% 5.75  median 7  75% 8.5  90% 10.3  99% 10.93  max 11
top items hold    1%: 19.3%  10%: 19.3%  20%: 36.8%
> load data/clean/notime.csv
format: delimited text
log data/clean/notime.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/clean/notime.csv
format        csv
interactions  4
users         2
items         2
creators      -
signal        rating 3-5
> clean bots
error: clean bots: the log has no time column, so the gaps between events and their bursts are unknown: use rule=count, or load ... time=COLUMN; nothing changed
> clean window from=2020-01-01
error: clean window: the log has no time column; a time window needs one (load ... time=COLUMN); nothing changed
> clean invalid from=2020-01-01
error: clean invalid: the log has no time column; a window (from=, to=) needs one (load ... time=COLUMN); nothing changed
> clean dedup
step          dedup
before        rows 4  users 2  items 2
after         rows 3  users 2  items 2
rows removed  1
removed:
  reason                        rows
  exact copy of an earlier row     1
mode          exact
warning: the log has no time column: only exact copies are removed
