# rerank on the hand-worked candidates of tests/unit/test-fair.c (test_rerank):
#   u1 i3(B) i5(D) i6(D) i4(C); u2 i2(A) i4(C) i5(D) i6(D); u3 i2(A) i3(B) i5(D) i6(D)
# head creators A B (tail C D). mmr lambda 0 at k 3: u1 i3 i5 i4; fair p .9
# alpha .2 puts tail creators first: u1 i5 i6, u2 i4 i5, u3 i5 i6; maximin (quota
# 1): u1 i3 i5, u2 i2 i4, u3 i2 i5. The new models are evaluated and audited
# like any other, and their lists exported.
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
> rerank cands method=mmr lambda=0 k=3 candidates=4 as mmr
name        mmr
model       cands
method      mmr
params      lambda=0
k           3
candidates  4
lists       3
before      ndcg 0.6022  recall 0.8333  gini 0.1904  creator_coverage 1  aplt 0.5556
after       ndcg 0.6022  recall 0.8333  gini 0.102  creator_coverage 1  aplt 0.5556
> rerank cands method=fair p=0.9 alpha=0.2 k=2 candidates=4 as fair
name        fair
model       cands
method      fair
params      p=0.9 alpha=0.2
k           2
candidates  4
lists       3
before      ndcg 0.3333  recall 0.3333  gini 0.261  creator_coverage 1  aplt 0.3333
after       ndcg 0.5436  recall 0.6667  gini 0.6478  creator_coverage 0.5  aplt 1
> rerank cands method=maximin k=2 candidates=4 as maximin
name        maximin
model       cands
method      maximin
params      alpha=1
k           2
candidates  4
lists       3
before      ndcg 0.3333  recall 0.3333  gini 0.261  creator_coverage 1  aplt 0.3333
after       ndcg 0.4623  recall 0.5  gini 0.2232  creator_coverage 1  aplt 0.5
> rerank cands method=xquad k=2 candidates=4 as xquad
name        xquad
model       cands
method      xquad
params      lambda=0.5
k           2
candidates  4
lists       3
before      ndcg 0.3333  recall 0.3333  gini 0.261  creator_coverage 1  aplt 0.3333
after       ndcg 0.4623  recall 0.5  gini 0.2232  creator_coverage 1  aplt 0.5
> rerank cands method=calibrated lambda=1 k=2 candidates=4 as cal
name        cal
model       cands
method      calibrated
params      lambda=1
k           2
candidates  4
lists       3
before      ndcg 0.3333  recall 0.3333  gini 0.261  creator_coverage 1  aplt 0.3333
after       ndcg 0.4623  recall 0.5  gini 0.2232  creator_coverage 1  aplt 0.5
> models
name     kind      params                                                          pairs  seconds  epochs  best  metric  valid
cands    imported  file=data/fair/cands.csv                                            6        0       0     0  -       -
mmr      imported  file=rerank cands method=mmr lambda=0 k=3 candidates=4              6        0       0     0  -       -
fair     imported  file=rerank cands method=fair p=0.9 alpha=0.2 k=2 candidates=4      6        0       0     0  -       -
maximin  imported  file=rerank cands method=maximin alpha=1 k=2 candidates=4           6        0       0     0  -       -
xquad    imported  file=rerank cands method=xquad lambda=0.5 k=2 candidates=4          6        0       0     0  -       -
cal      imported  file=rerank cands method=calibrated lambda=1 k=2 candidates=4       6        0       0     0  -       -
> eval fair k=2 lists=fair.csv
top-k lists written to fair.csv
fair (imported):
  model                      fair
  kind                       imported
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  auc                        0.6111
  ranking:
    k  precision  recall    ndcg  map  mrr     hit
    2        0.5  0.6667  0.5436  0.5  0.5  0.6667
  beyond accuracy:
    k  item_coverage  creator_coverage  novelty  popularity
    2           0.25               0.5    2.585      0.1667
  seconds                    (time)
> import recs fair.csv as again
name                           again
file                           fair.csv
order                          rank
rows                           6
entries                        6
users with a list              3
longest list                   2
unknown users                  0
unknown items                  0
listed items seen in training  0
> audit fair again maximin k=2 exposure=uniform top=2
side by side:
  model      gini  gini_n1  entropy  coverage  items     arp  aplt  pop_rsp    ndcg
  fair     0.6667   0.8889     0.65       0.5   0.25  0.1667     1        1  0.5436
  again    0.6667   0.8889     0.65       0.5   0.25  0.1667     1        1  0.5436
  maximin  0.1667   0.2222    1.918         1   0.75  0.6667   0.5   0.3333  0.4623
fair (imported):
  model                   fair
  kind                    imported
  unit                    creator
  exposure                uniform
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   3
  gini (n)                0.6667
  gini (n-1)              0.8889
  entropy (bits)          0.65
  entropy max (log2 n)    2
  creator coverage        0.5
  item coverage           0.25
  ARP                     0.1667
  APLT                    1
  ACLT                    2
  PopRSP                  1
  PopREO                  1
  head items              3
  maximin share (slots)   1
  min slots / share       0
  share with maximin met  0.5
  equity of attention     0.5
  disparate treatment     -
  disparate exposure      -
  EE-D                    1.64
  EE-R                    1.056
  EE-L                    0.8778
  calibration KL (bits)   5.371
  ndcg                    0.5436
  recall                  0.6667
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1         0        0.6667
         2         0             0
         3         0        0.1667
         4         0             0
         5         0             0
         6    0.1667        0.1667
         7         0             0
         8    0.8333             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       2         0   0.25        0.8333              0       0.125
    tail       2         1   0.75        0.1667            0.5       0.375
  creators (2 of 4, by exposure):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    D             2             0   0.75         5  0.8333        1.111      5  yes      tail        8
    C             1        0.1667      0         1  0.1667            -      1  yes      tail        6
again (imported):
  model                   again
  kind                    imported
  unit                    creator
  exposure                uniform
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   3
  gini (n)                0.6667
  gini (n-1)              0.8889
  entropy (bits)          0.65
  entropy max (log2 n)    2
  creator coverage        0.5
  item coverage           0.25
  ARP                     0.1667
  APLT                    1
  ACLT                    2
  PopRSP                  1
  PopREO                  1
  head items              3
  maximin share (slots)   1
  min slots / share       0
  share with maximin met  0.5
  equity of attention     0.5
  disparate treatment     -
  disparate exposure      -
  EE-D                    1.64
  EE-R                    1.056
  EE-L                    0.8778
  calibration KL (bits)   5.371
  ndcg                    0.5436
  recall                  0.6667
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1         0        0.6667
         2         0             0
         3         0        0.1667
         4         0             0
         5         0             0
         6    0.1667        0.1667
         7         0             0
         8    0.8333             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       2         0   0.25        0.8333              0       0.125
    tail       2         1   0.75        0.1667            0.5       0.375
  creators (2 of 4, by exposure):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    D             2             0   0.75         5  0.8333        1.111      5  yes      tail        8
    C             1        0.1667      0         1  0.1667            -      1  yes      tail        6
maximin (imported):
  model                   maximin
  kind                    imported
  unit                    creator
  exposure                uniform
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   3
  gini (n)                0.1667
  gini (n-1)              0.2222
  entropy (bits)          1.918
  entropy max (log2 n)    2
  creator coverage        1
  item coverage           0.75
  ARP                     0.6667
  APLT                    0.5
  ACLT                    1
  PopRSP                  0.3333
  PopREO                  0.5
  head items              3
  maximin share (slots)   1
  min slots / share       1
  share with maximin met  1
  equity of attention     1
  disparate treatment     3
  disparate exposure      1
  EE-D                    1.64
  EE-R                    0.8044
  EE-L                    1.38
  calibration KL (bits)   0.6571
  ndcg                    0.4623
  recall                  0.5
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.3333        0.6667
         2         0             0
         3    0.1667        0.1667
         4         0             0
         5         0             0
         6    0.1667        0.1667
         7         0             0
         8    0.3333             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       2       0.5   0.25        0.8333           0.25       0.125
    tail       2       0.5   0.75        0.1667           0.25       0.375
  creators (2 of 4, by exposure):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    A             2        0.6667      0         2  0.3333  -                2  yes      head        1
    D             2             0   0.75         2  0.3333  0.4444           2  yes      tail        8
