# Regression: (1) the JSON object of a successful load holds "seconds" (wall
# time) and "bytes", so no transcript can match it exactly; the driver needs
# a way to mask them (or the program a test mode). (2) bug: JSON numbers that
# are whole are printed in exponent form when that is shorter: 1000 becomes
# 1e+03 (json_number in src/cli/report.c tries %.1g first), e.g. in describe
# "min":1e+03 and in head "timestamp":1e+03 while 1003 prints as 1003.
# Python's json reads 1e+03 as the float 1000.0. Expected below (seconds and
# bytes shown as X).
# args: --json
# filter: s/"bytes":[0-9]*/"bytes":X/
# filter: s/"seconds":[0-9.e-]*/"seconds":X/
> load data/csv/tiny.csv
{"command":"load","ok":true,"notes":["format: delimited text","log data/csv/tiny.csv: comma-separated, header row; user=user item=item value=rating time=timestamp","no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])"],"path":"data/csv/tiny.csv","format":"csv","interactions":4,"users":3,"items":3,"creators":null,"signal":{"kind":"rating","column":"rating","min":1,"max":5,"median":4,"given":false},"bytes":X,"seconds":X}
> head 1
{"command":"head","ok":true,"table":"log","rows":[{"user":"u1","item":"i1","rating":5,"timestamp":1000}]}
