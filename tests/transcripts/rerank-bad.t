# rerank's bad input: one-line errors, no model added.
# exit: 1
> rerank x method=mmr as y
error: no dataset loaded (use load PATH or generate DIR --load first)
> load data/fair/train.csv
format: delimited text
log data/fair/train.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/fair/train.csv
format        csv
interactions  6
users         3
items         4
creators      -
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
> rerank cands method=mmr k=2 candidates=4 as y
error: rerank: method=mmr needs creators: map a creator column when loading (load PATH creator=COLUMN), or use method=xquad (item popularity)
> rerank cands method=xquad k=2 candidates=4 as xq
name        xq
model       cands
method      xquad
params      lambda=0.5
k           2
candidates  4
lists       3
before      ndcg 0.3333  recall 0.3333  gini 0.5073  creator_coverage 0.6667  aplt 0.3333
after       ndcg 0.4623  recall 0.5  gini 0.4822  creator_coverage 0.6667  aplt 0.5
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
> rerank cands method=mmr k=2 candidates=4 as y
error: rerank: no split yet: run split first (e.g. split user test=0.2 valid=0.1)
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
> rerank nope method=mmr as y
error: rerank: no model named nope (models: xq, cands)
> rerank cands as y
error: rerank: give method=mmr|xquad|calibrated|fair|maximin
> rerank cands method=sort as y
error: rerank: method="sort" must be one of mmr, xquad, calibrated, fair, maximin
> rerank cands method=mmr k=2 candidates=4 to y
error: rerank: usage: rerank MODEL method=... as NAME
> rerank cands method=mmr lambda=2 as y
error: rerank: lambda=2 is out of range (0 to 1)
> rerank cands method=mmr k=5 candidates=4 as y
error: rerank: candidates=4 is fewer than k=5
> rerank cands method=fair alpha=1 k=2 candidates=4 as y
error: rerank: alpha=1: method=fair takes a significance strictly between 0 and 1
> rerank cands method=mmr k=5 candidates=5 as y
error: rerank: k=5 is longer than the lists of cands (at most 4 items): give k=4 or less
> models
name   kind      params                                                      pairs  seconds  epochs  best  metric  valid
xq     imported  file=rerank cands method=xquad lambda=0.5 k=2 candidates=4      6        0       0     0  -       -
cands  imported  file=data/fair/cands.csv                                        6        0       0     0  -       -
> rerank cands method=mmr as a,b
error: rerank: that model name cannot be used: it holds a comma or '=' (names are listed as model=a,b)
