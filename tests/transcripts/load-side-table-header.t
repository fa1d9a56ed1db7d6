# Regression (was a bug): a side table whose header is all text with names the guesser
# does not know ("vid,author") is read as header-less: its header row becomes
# an item "vid", its columns col1/col2, and item_key=vid then says
# 'has no id column "vid" (columns: col1, col2)' although the first line
# plainly names vid. header= applies to the log only, so there is no way
# round it. Expected: a named item_key= (or creator=) found in the first row
# makes it a header (or header= reaches side tables).
# Also (minor): an empty id in an item table says "key id missing"; expected
# "item id missing".
# exit: 1
> load data/good/views.csv items=data/bad/videos-other-key.csv item_key=vid creator=author
format: delimited text
log data/good/views.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
items data/bad/videos-other-key.csv: 2 rows, id column vid, 1 other column
path          data/good/views.csv
format        csv
interactions  4
users         2
items         3
creators      2
signal        ratio (watch_ratio), median 1.25, max 2.5
> load data/good/views.csv items=data/bad/videos-no-id.csv
error: data/bad/videos-no-id.csv:4: column 1 (video_id): item id missing
