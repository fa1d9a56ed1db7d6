# Regression (was a bug): a file with old-Mac line ends (CR only, as some spreadsheet
# exports write) loads SILENTLY as one interaction, user "user", item "item",
# with fields like "rating\ru1": the reader treats a CR inside a line as data.
# Expected: CR line ends read like LF, or a clear refusal. (Here: read.)
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
> load data/bad/cr-only.csv
format: delimited text
log data/bad/cr-only.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bad/cr-only.csv
format        csv
interactions  2
users         2
items         2
creators      -
signal        rating 3-5
