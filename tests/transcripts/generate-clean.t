# --clean: a world without dirt (no duplicates, bots, outliers, missing values,
# bad times or malformed lines) loads without --skip-bad, with the counts
# generate printed; --load loads it right away.
> generate w users=40 videos=80 creators=8 days=3 events=15 --clean
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
dirt                 duplicates 0  bot rows 0  outliers 0  no duration 0  no category 0  bad times 0  malformed 0
> load w
format: KuaiRec 2.0 folder w
log w/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w/item_daily_features.csv: 234 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w/item_categories.csv: 80 rows, id column video_id, 1 other column
items w/kuairec_caption_category.csv: 80 rows, id column video_id, 9 other columns
users w/user_features.csv: 40 rows, id column user_id, 30 other columns
users w/social_network.csv: 13 rows, id column user_id, 1 other column
path            w
format          kuairec
interactions    547
users           40
items           80
creators        8
observed block  192
signal          ratio (watch_ratio), median 0.7344, max 8
> describe columns=no
interactions      547
users             40
items             79
creators          8
signal            ratio (watch_ratio), median 0.7344, max 8
distinct pairs    546
density           17.3%
catalog users     40
catalog items     80
catalog creators  8
per user          min 3  25% 7  median 10  75% 18.5  90% 28.4  99% 38.22  max 39
per item          min 1  25% 3  median 6  75% 10  90% 13  99% 17.66  max 20
top items hold    1%: 3.66%  10%: 23%  20%: 39.9%
observed block    interactions 192  users 8  items 24  density 100%
> generate w5 users=30 videos=50 creators=5 days=2 events=8 seed=8 --clean --load
wrote w5 (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)
format: KuaiRec 2.0 folder w5
log w5/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w5/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w5/item_daily_features.csv: 100 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w5/item_categories.csv: 50 rows, id column video_id, 1 other column
items w5/kuairec_caption_category.csv: 50 rows, id column video_id, 9 other columns
users w5/user_features.csv: 30 rows, id column user_id, 30 other columns
users w5/social_network.csv: 8 rows, id column user_id, 1 other column
loaded w5: 207 interactions
path                 w5
seed                 8
sparse log rows      207
observed block rows  90
users                30
bots                 0
videos               50
creators             5
observed users       6
observed videos      15
dirt                 duplicates 0  bot rows 0  outliers 0  no duration 0  no category 0  bad times 0  malformed 0
> describe columns=no
interactions      207
users             30
items             47
creators          5
signal            ratio (watch_ratio), median 0.925, max 6.689
distinct pairs    206
density           14.6%
catalog users     30
catalog items     50
catalog creators  5
per user          min 1  25% 3.25  median 6  75% 8.75  90% 12  99% 23.81  max 27
per item          min 1  25% 2  median 4  75% 6  90% 8  99% 12.16  max 14
top items hold    1%: 6.76%  10%: 24.2%  20%: 42.5%
observed block    interactions 90  users 6  items 15  density 100%
