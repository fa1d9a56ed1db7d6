# types= overrides the guessed column kinds; a bad spec names what is wrong.
# exit: 1
> load data/good/views.csv
format: delimited text
log data/good/views.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
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
> load data/good/views.csv types=zip:number,day:text
format: delimited text
log data/good/views.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
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
log    zip          int                 0
log    day          text                0
> head 2
user_id  video_id  watch_ratio   zip  day
u1       v1                0.5  1234  2020-07-05
u1       v2               1.25  2139  2020-07-06
> load data/good/views.csv types=zip:bogus
error: types: kind "bogus" of zip must be number, time or text
> load data/good/views.csv types=nosuch:text
error: types: data/good/views.csv has no column nosuch (columns: user_id, video_id, watch_ratio, zip, day)
> load data/good/views.csv types=zip
error: types: "zip" is not NAME:KIND (KIND is number, time or text)
> columns
table  name         type   role   missing
log    user_id      id     user         0
log    video_id     id     item         0
log    watch_ratio  float  value        0
log    zip          int                 0
log    day          text                0
