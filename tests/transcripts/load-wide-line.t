# Regression (was a bug): lines longer than the sniffer's 512 KiB window but well under
# the 64 MiB line limit. A 600 KiB FIRST line gives "no rows (only blank
# lines)"; a 600 KiB second line (after a header) leaves the sniffer no data
# row, so the text column defaults to number and load fails with
# ":2: column 3 (caption): "xxx..." is not a number". A 65 MiB first line also
# says "no rows (only blank lines)" instead of the line-length error.
# Expected: the two files load (2 rows each); the 65 MiB line is refused as
# too long at line 1.
# exit: 1
> load data/bad/wide-first-line.csv.gz
format: delimited text
log data/bad/wide-first-line.csv.gz: comma-separated, no header; user=col1 item=col2 value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bad/wide-first-line.csv.gz
format        csv
interactions  2
users         2
items         2
creators      -
signal        binary (no value column: every row a positive)
> load data/bad/wide-second-line.csv.gz
format: delimited text
log data/bad/wide-second-line.csv.gz: comma-separated, header row; user=user item=item value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/bad/wide-second-line.csv.gz
format        csv
interactions  2
users         2
items         2
creators      -
signal        binary (no value column: every row a positive)
> load data/bad/long-first-line.csv.gz
error: data/bad/long-first-line.csv.gz:1: line longer than 64 MiB; not a delimited text file?
