# A world round-trips: the interactions `load --skip-bad` reads equal
# generate's "sparse log rows" and the observed block's rows equal generate's
# "observed block rows". Only the malformed lines are skipped; duplicates, bot
# rows, outliers, rows without a video_duration and rows with impossible
# times all load (cleaning them is a later step). First the default dirt
# rates (547 and 191 rows), then every kind of dirt at higher rates.
> generate w users=40 videos=80 creators=8 days=3 events=15
wrote w (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)
path                 w
seed                 1
sparse log rows      547
observed block rows  192
users                40
bots                 0
videos               80
creators             8
observed users       8
observed videos      24
dirt                 duplicates 0  bot rows 0  outliers 1  no duration 2  no category 2  bad times 0  malformed 3
> load w --skip-bad
format: KuaiRec 2.0 folder w
log w/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w/item_daily_features.csv: 234 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w/item_categories.csv: 80 rows, id column video_id, 1 other column
items w/kuairec_caption_category.csv: 80 rows, id column video_id, 9 other columns
users w/user_features.csv: 40 rows, id column user_id, 30 other columns
users w/social_network.csv: 13 rows, id column user_id, 1 other column
ground truth: dirt.csv lists 6 injected dirty rows, manifest.json 0 bot users
path            w
format          kuairec
interactions    547
users           40
items           80
creators        8
observed block  192
signal          ratio (watch_ratio), median 0.7086, max 258.1
warning: skipped 3 malformed rows of w/big_matrix.csv (first: w/big_matrix.csv:68: expected 11 fields, found 3)
> describe columns=no
interactions      547
users             40
items             79
creators          8
signal            ratio (watch_ratio), median 0.7086, max 258.1
distinct pairs    546
density           17.3%
catalog users     40
catalog items     80
catalog creators  8
per user          min 3  25% 7  median 10  75% 18.5  90% 28.4  99% 38.22  max 39
per item          min 1  25% 3  median 6  75% 10  90% 13  99% 17.66  max 20
top items hold    1%: 3.66%  10%: 23%  20%: 39.9%
observed block    interactions 192  users 8  items 24  density 100%
> generate w7 users=60 videos=100 creators=10 days=3 events=20 dup=0.05 bots=0.05 outliers=0.02 bad_time=0.02 missing_duration=0.02 missing_category=0.05 malformed=2 seed=7
wrote w7 (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)
path                 w7
seed                 7
sparse log rows      1,787
observed block rows  359
users                60
bots                 3
videos               100
creators             10
observed users       12
observed videos      30
dirt                 duplicates 95  bot rows 394  outliers 25  no duration 47  no category 4  bad times 39  malformed 2
> load w7 --skip-bad
format: KuaiRec 2.0 folder w7
log w7/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w7/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w7/item_daily_features.csv: 295 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w7/item_categories.csv: 100 rows, id column video_id, 1 other column
items w7/kuairec_caption_category.csv: 100 rows, id column video_id, 9 other columns
users w7/user_features.csv: 63 rows, id column user_id, 30 other columns
users w7/social_network.csv: 17 rows, id column user_id, 1 other column
ground truth: dirt.csv lists 208 injected dirty rows, manifest.json 3 bot users
path            w7
format          kuairec
interactions    1,787
users           63
items           100
creators        10
observed block  359
signal          ratio (watch_ratio), median 0.6526, max 299.5
warning: skipped 2 malformed rows of w7/big_matrix.csv (first: w7/big_matrix.csv:537: expected 11 fields, found 3)
