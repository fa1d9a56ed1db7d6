# A workspace file with typed steps but its source kept only as the command
# text (written before the source was saved as commands: no SRC section)
# still opens and prints the same script; saved again, the source is stored
# as commands too (SRC, one section more) and reads back the same
# (tests/data/store/workspace-ops.rsw: load data/features/log.csv
# items=... creator=creator, clean dedup, anonymize salt=..., split random
# test=0.3 seed=3, train p model=pop).
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> open data/store/workspace-ops.rsw
path      data/store/workspace-ops.rsw
bytes     4,394
sections  33
log rows  9
models    1
steps     1
results   0
seconds   (time)
> pipeline
source  load data/features/log.csv items=data/features/items.csv creator=creator; clean dedup; anonymize key=#1
steps:
  #  command                       rows before  after  users  items  summary
  1  split random test=0.3 seed=3            9      9      3      7  random test=0.3 valid=0 seed=3
> history
load data/features/log.csv items=data/features/items.csv creator=creator; clean dedup; anonymize key=#1
split random test=0.3 seed=3
> save again.rsw
path              again.rsw
bytes             4,649
sections          35
datasets          2
shared with base  17
models            1
steps             1
results           0
seconds           (time)
> open again.rsw
path      again.rsw
bytes     4,649
sections  35
log rows  9
models    1
steps     1
results   0
seconds   (time)
> history
load data/features/log.csv items=data/features/items.csv creator=creator; clean dedup; anonymize key=#1
split random test=0.3 seed=3
> undo
undone: split random test=0.3 seed=3
steps left  0
rows now    9
> history
load data/features/log.csv items=data/features/items.csv creator=creator; clean dedup; anonymize key=#1
