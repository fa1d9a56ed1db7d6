# items= and users= tables join by id; creator= names a column of the item
# table. A missing side file, an unknown id column or creator column, and a
# malformed side table fail the whole load and keep the previous dataset.
# exit: 1
> load data/good/views.csv items=data/good/videos.csv creator=author_id
format: delimited text
log data/good/views.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
items data/good/videos.csv: 4 rows, id column video_id, 2 other columns
path          data/good/views.csv
format        csv
interactions  4
users         2
items         4
creators      3
signal        ratio (watch_ratio), median 1.25, max 2.5
> columns
table  name         type   role     missing
log    user_id      id     user           0
log    video_id     id     item           0
log    watch_ratio  float  value          0
log    zip          text                  0
log    day          date                  0
items  author_id    text   creator        0
items  duration     float                 0
> load data/good/views.csv users=data/good/viewers.csv
format: delimited text
log data/good/views.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
users data/good/viewers.csv: 2 rows, id column user_id, 2 other columns
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/views.csv
format        csv
interactions  4
users         2
items         3
creators      -
signal        ratio (watch_ratio), median 1.25, max 2.5
> columns
table  name         type   role   missing
log    user_id      id     user         0
log    video_id     id     item         0
log    watch_ratio  float  value        0
log    zip          text                0
log    day          date                0
users  age          int                 0
users  country      text                0
> load data/good/views.csv items=data/good/nosuch.csv
error: cannot open data/good/nosuch.csv: No such file or directory
> load data/good/views.csv items=data/good/videos.csv item_key=nosuch
error: data/good/videos.csv has no id column "nosuch" (columns: video_id, author_id, duration)
> load data/good/views.csv users=data/good/viewers.csv user_key=nosuch
error: data/good/viewers.csv has no id column "nosuch" (columns: user_id, age, country)
> load data/good/views.csv items=data/good/videos.csv creator=nosuch
error: creator=nosuch: no such column in data/good/views.csv or data/good/videos.csv
> load data/good/views.csv creator=nosuch
error: creator=nosuch: no such column in data/good/views.csv (give items=FILE for an item table)
> load data/good/views.csv items=data/bad/ragged-long.csv
error: data/bad/ragged-long.csv:4: expected 4 fields, found 5; --skip-bad skips such lines
> columns
table  name         type   role   missing
log    user_id      id     user         0
log    video_id     id     item         0
log    watch_ratio  float  value        0
log    zip          text                0
log    day          date                0
users  age          int                 0
users  country      text                0
