# tradeoff on the hand-worked candidates: mmr at lambda 1 is the model itself
# (first line); fair p sweeps 0, 0.9 (alpha .2: tail creators only, see
# rerank-tiny.t); maximin's alpha 0 is the model, 1 the quota of one slot.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
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
> tradeoff cands method=mmr k=2 candidates=4 lambda=0:1:0.25 exposure=uniform
model              cands
method             mmr
param              lambda
k                  2
candidates         4
model as it ranks  ndcg 0.3333  recall 0.3333  gini 0.1667  creator_coverage 1  aplt 0.3333
rows:
  value    ndcg  recall    gini  creator_coverage    aplt
      0  0.3333  0.3333  0.1667                 1  0.3333
   0.25  0.3333  0.3333  0.1667                 1  0.3333
    0.5  0.3333  0.3333  0.1667                 1  0.3333
   0.75  0.3333  0.3333  0.1667                 1  0.3333
      1  0.3333  0.3333  0.1667                 1  0.3333
seconds            (time)
> tradeoff cands method=fair k=2 candidates=4 p=0,0.9 alpha=0.2
model              cands
method             fair
param              p
k                  2
candidates         4
model as it ranks  ndcg 0.3333  recall 0.3333  gini 0.261  creator_coverage 1  aplt 0.3333
rows:
  value    ndcg  recall    gini  creator_coverage    aplt
      0  0.3333  0.3333   0.261                 1  0.3333
    0.9  0.5436  0.6667  0.6478               0.5       1
seconds            (time)
> tradeoff cands method=maximin k=2 candidates=4 alpha=0,1
model              cands
method             maximin
param              alpha
k                  2
candidates         4
model as it ranks  ndcg 0.3333  recall 0.3333  gini 0.261  creator_coverage 1  aplt 0.3333
rows:
  value    ndcg  recall    gini  creator_coverage    aplt
      0  0.3333  0.3333   0.261                 1  0.3333
      1  0.4623     0.5  0.2232                 1     0.5
seconds            (time)
