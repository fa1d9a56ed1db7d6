# save over a workspace file: this workspace's own earlier save is replaced
# (after a change too); a file another workspace saved (here
# tests/data/store/other-workspace.rsw, opened, then saved over mine.rsw)
# asks for --force, and once forced the file is that workspace's. A
# workspace is known by the id stored in its file (section WSID), made when
# reelscope starts and kept by open.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
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
> save mine.rsw
path              mine.rsw
bytes             1,053
sections          13
datasets          1
shared with base  0
models            0
steps             0
results           0
seconds           (time)
> clean dedup
nothing to remove: the data is unchanged (the step is still recorded)
step          dedup
before        rows 4  users 3  items 3
after         rows 4  users 3  items 3
rows removed  0
mode          event
> save mine.rsw
path              mine.rsw
bytes             1,535
sections          20
datasets          2
shared with base  4
models            0
steps             1
results           0
seconds           (time)
> open data/store/other-workspace.rsw
path      data/store/other-workspace.rsw
bytes     1,053
sections  13
log rows  4
models    0
steps     0
results   0
seconds   (time)
> save mine.rsw
error: save: mine.rsw holds another workspace (not saved from this one); give --force to replace it; the file is unchanged
> save mine.rsw --force
path              mine.rsw
bytes             1,053
sections          13
datasets          1
shared with base  0
models            0
steps             0
results           0
seconds           (time)
> save mine.rsw
path              mine.rsw
bytes             1,053
sections          13
datasets          1
shared with base  0
models            0
steps             0
results           0
seconds           (time)
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
> save mine.rsw
path              mine.rsw
bytes             1,053
sections          13
datasets          1
shared with base  0
models            0
steps             0
results           0
seconds           (time)
