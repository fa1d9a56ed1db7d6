# invalid: the default rules (durations > 0, ratios >= 0) and the window
# decided from the data drop p5's zero play time and the stamps 0 and
# 2100-01-01; explicit rules and windows replace the defaults.
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
> clean invalid window=off positive=none nonnegative=none
nothing to remove: the data is unchanged (the step is still recorded)
step          invalid
before        rows 57  users 6  items 8
after         rows 57  users 6  items 8
rows removed  0
range rules   none
> undo
undone: clean invalid window=off positive=none nonnegative=none
steps left  0
rows now    57
> clean invalid
the window was decided from the data: the 5th..95th percentile span of timestamp, widened by itself (at least a day) on each side
step          invalid
before        rows 57  users 6  items 8
after         rows 54  users 6  items 8
rows removed  3
removed:
  reason                                         rows
  timestamp before 2020-07-05 03:47:05.800          1
  timestamp at or after 2020-07-07 14:15:59.800     1
  play_duration <= 0                                1
range rules   play_duration > 0, video_duration > 0, watch_ratio >= 0
time window:
  column            timestamp
  from              2020-07-05 03:47:05.800
  until (excluded)  2020-07-07 14:15:59.800
> undo
undone: clean invalid
steps left  0
rows now    57
> clean invalid from=2020-07-06 to=2020-07-06 positive=play_duration nonnegative=none required=genre,video_duration
step          invalid
before        rows 57  users 6  items 8
after         rows 52  users 6  items 8
rows removed  5
removed:
  reason                                     rows
  timestamp before 2020-07-06 00:00:00          1
  timestamp at or after 2020-07-07 00:00:00     1
  play_duration <= 0                            1
  genre missing                                 1
  video_duration missing                        1
range rules   play_duration > 0, genre present, video_duration present
time window:
  column            timestamp
  from              2020-07-06 00:00:00
  until (excluded)  2020-07-07 00:00:00
