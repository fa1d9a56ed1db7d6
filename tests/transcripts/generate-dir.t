# The folder generate writes: created when missing; refused, untouched, when it
# already holds files unless --force (then replaced); refused when it is a
# regular file, cannot be created (under a regular file, in /proc, under a
# missing parent), or is not given. A failed generate writes nothing: `load`
# afterwards shows the world that was there, or no folder at all.
# exit: 1
> generate w2 users=40 videos=80 creators=8 days=3 events=15 --clean
wrote w2 (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)
path                 w2
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
> generate w2 users=40 videos=80 creators=8 days=3 events=15 seed=2
error: generate: w2 already holds files; give --force to replace them; nothing written
> load w2
format: KuaiRec 2.0 folder w2
log w2/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w2/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w2/item_daily_features.csv: 234 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w2/item_categories.csv: 80 rows, id column video_id, 1 other column
items w2/kuairec_caption_category.csv: 80 rows, id column video_id, 9 other columns
users w2/user_features.csv: 40 rows, id column user_id, 30 other columns
users w2/social_network.csv: 13 rows, id column user_id, 1 other column
path            w2
format          kuairec
interactions    547
users           40
items           80
creators        8
observed block  192
signal          ratio (watch_ratio), median 0.7344, max 8
> generate w2 users=30 videos=60 creators=6 days=2 events=10 seed=2 --clean --force
wrote w2 (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)
path                 w2
seed                 2
sparse log rows      284
observed block rows  108
users                30
bots                 0
videos               60
creators             6
observed users       6
observed videos      18
dirt                 duplicates 0  bot rows 0  outliers 0  no duration 0  no category 0  bad times 0  malformed 0
> load w2
format: KuaiRec 2.0 folder w2
log w2/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w2/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w2/item_daily_features.csv: 92 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w2/item_categories.csv: 60 rows, id column video_id, 1 other column
items w2/kuairec_caption_category.csv: 60 rows, id column video_id, 9 other columns
users w2/user_features.csv: 30 rows, id column user_id, 30 other columns
users w2/social_network.csv: 10 rows, id column user_id, 1 other column
path            w2
format          kuairec
interactions    284
users           30
items           60
creators        6
observed block  108
signal          ratio (watch_ratio), median 1.053, max 8
> generate w2 users=0 --force
error: generate: users=0 is out of range (1 to 10,000,000)
> load w2
format: KuaiRec 2.0 folder w2
log w2/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w2/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w2/item_daily_features.csv: 92 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w2/item_categories.csv: 60 rows, id column video_id, 1 other column
items w2/kuairec_caption_category.csv: 60 rows, id column video_id, 9 other columns
users w2/user_features.csv: 30 rows, id column user_id, 30 other columns
users w2/social_network.csv: 10 rows, id column user_id, 1 other column
path            w2
format          kuairec
interactions    284
users           30
items           60
creators        6
observed block  108
signal          ratio (watch_ratio), median 1.053, max 8
> generate w2 videos=5 creators=6 --force
error: generate: creators cannot outnumber videos (every creator posts at least one); nothing written
> load w2
format: KuaiRec 2.0 folder w2
log w2/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block w2/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items w2/item_daily_features.csv: 92 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items w2/item_categories.csv: 60 rows, id column video_id, 1 other column
items w2/kuairec_caption_category.csv: 60 rows, id column video_id, 9 other columns
users w2/user_features.csv: 30 rows, id column user_id, 30 other columns
users w2/social_network.csv: 10 rows, id column user_id, 1 other column
path            w2
format          kuairec
interactions    284
users           30
items           60
creators        6
observed block  108
signal          ratio (watch_ratio), median 1.053, max 8
> generate data/csv/tiny.csv users=40 videos=80 creators=8
error: generate: data/csv/tiny.csv exists and is not a folder; nothing written
> load data/csv/tiny.csv
format: delimited text
log data/csv/tiny.csv: comma-separated, header row; user=user item=item value=rating time=timestamp
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/csv/tiny.csv
format        csv
interactions  4
users         3
items         3
creators      -
signal        rating 1-5
> generate data/csv/tiny.csv/w users=40 videos=80 creators=8
error: generate: cannot create data/csv/tiny.csv/w: Not a directory; nothing written
> load data/csv/tiny.csv/w
error: cannot open data/csv/tiny.csv/w: Not a directory
> generate /proc/reelscope-test/w users=40 videos=80 creators=8
error: generate: cannot create /proc/reelscope-test/w: No such file or directory; nothing written
> load /proc/reelscope-test/w
error: cannot open /proc/reelscope-test/w: No such file or directory
> generate no-such-parent/w users=40 videos=80 creators=8
error: generate: cannot create no-such-parent/w: No such file or directory; nothing written
> load no-such-parent/w
error: cannot open no-such-parent/w: No such file or directory
> generate
error: generate: missing argument; usage: generate DIR [users=N videos=N creators=N days=N seed=N ...] [--clean] [--force] [--load]
> generate w3 w4 users=40 videos=80 creators=8
error: generate: too many arguments; usage: generate DIR [users=N videos=N creators=N days=N seed=N ...] [--clean] [--force] [--load]
> load w3
error: cannot open w3: No such file or directory
