# Bad input to features: no data, unknown and misplaced columns, a non-text
# column for text=, thresholds that are not numbers or out of range, cuts that
# leave no term. Each fails with a message and changes nothing.
# exit: 1
> features
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
> features text=capton
error: features: text=capton: no item column capton (did you mean caption?); nothing changed
> features text=duration
error: features: text=duration: duration is an int column; text= needs a text column; nothing changed
> features text=watch_ratio
error: features: text=watch_ratio: watch_ratio is a column of the log, not of the items; nothing changed
> features text=caption,,title
error: features: text=caption,,title: an empty column name in the list; nothing changed
> features text=caption,caption
error: features: text=caption,caption: caption is named twice; nothing changed
> features text=user
error: features: text=user: user is a column of the log, not of the items; nothing changed
> features min_df=abc
error: features: min_df="abc" is not a whole number
> features min_df=0
error: features: min_df=0 is out of range (1 to 1,000,000,000)
> features max_df=half
error: features: max_df="half" is not a number
> features max_df=1.5
error: features: max_df=1.5 is out of range (0 to 1)
> features max_df=0
error: features: max_df must be a share of the items, above 0 and at most 1; nothing changed
> features max_terms=-1
error: features: max_terms=-1 is out of range (0 to 100,000,000)
> features keywords=0
error: features: keywords=0 is out of range (1 to 100)
> features category=nope
error: features: category=nope: no item column nope (see columns); nothing changed
> features duration=caption
error: features: duration=caption: caption is a text column; duration= needs a numeric column; nothing changed
> features upload=caption
error: features: upload=caption: caption is a text column; upload= needs a time or numeric column; nothing changed
> features onehot=video_type,capton
error: features: onehot=capton: no item column capton (did you mean caption?); nothing changed
> features tags=duration
error: features: tags=duration: duration is an int column; tags= needs a text column; nothing changed
> features min_df=50
error: features: no terms left: 43 distinct terms in 7 items with text, each in fewer than min_df=50 items or more than max_df=0.5 of them (lower min_df= or raise max_df=); nothing changed
> features text=nolabel
error: features: text=nolabel: nolabel is an int column; text= needs a text column; nothing changed
> features bogus=1
error: features: unknown option bogus (options: text, min_df, max_df, max_terms, keywords, stopwords, category, duration, upload, tags, onehot)
> pipeline
no steps yet: the data is as loaded (clean, features and split add steps)
source  load data/features/log.csv items=data/features/items.csv creator=creator
> profile user=u1
error: profile: no item features yet; run features first (profile reads the keyword vectors and categories it builds)
