# tradeoff's bad input: one-line errors.
# exit: 1
> tradeoff cands method=mmr
error: no dataset loaded (use load PATH or generate DIR --load first)
> load data/fair/train.csv items=data/fair/items.csv creator=creator
format: delimited text
log data/fair/train.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
items data/fair/items.csv: 6 rows, id column item, 2 other columns
path          data/fair/train.csv
format        csv
interactions  6
users         3
items         6
creators      4
signal        binary (no value column: every row a positive)
> split files test=data/fair/test.csv
format: delimited text
log data/fair/test.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
kind        files
split       files test=data/fair/test.csv
train       6
valid       0
test        4
test users  3
> import recs data/fair/cands.csv as cands
name                           cands
file                           data/fair/cands.csv
order                          rank
rows                           12
entries                        12
users with a list              3
longest list                   4
unknown users                  0
unknown items                  0
listed items seen in training  0
> tradeoff cands
error: tradeoff: give method=mmr|xquad|calibrated|fair|maximin
> tradeoff nope method=mmr
error: tradeoff: no model named nope (models: cands)
> tradeoff cands method=mmr k=2 candidates=4 lambda=1:0:0.1
error: tradeoff: lambda=1:0:0.1: expected FROM:TO:STEP with FROM <= TO and STEP > 0
> tradeoff cands method=mmr k=2 candidates=4 lambda=0:1
error: tradeoff: lambda=0:1: expected FROM:TO:STEP (e.g. 0:1:0.1) or a list of numbers (0.1,0.5)
> tradeoff cands method=mmr k=2 candidates=4 lambda=0,x
error: tradeoff: lambda=0,x: expected FROM:TO:STEP (e.g. 0:1:0.1) or a list of numbers (0.1,0.5)
> tradeoff cands method=mmr k=2 candidates=4 lambda=0:2:0.5
error: tradeoff: lambda=1.5: lambda must lie between 0 and 1
> tradeoff cands method=mmr k=2 candidates=4 p=0.5
error: tradeoff: method=mmr sweeps lambda=, not p=
> tradeoff cands method=fair k=2 candidates=4 lambda=0.5
error: tradeoff: method=fair sweeps p=, not lambda=
> tradeoff cands method=fair k=2 candidates=4 alpha=2
error: tradeoff: alpha=2: method=fair takes a significance strictly between 0 and 1
> tradeoff cands method=mmr k=2 candidates=4 alpha=1
error: tradeoff: method=mmr sweeps lambda=, not alpha=
> tradeoff cands method=mmr k=2 candidates=4 lambda=0:1000:0.1
error: tradeoff: lambda=0:1000:0.1: 10001 values; at most 1000
> tradeoff cands method=mmr k=5
error: tradeoff: k=5 is longer than the lists of cands (at most 4 items): give k=4 or less
