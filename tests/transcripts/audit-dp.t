# audit dp=: Laplace noise on exposure, scale = (sum of the k weights)/epsilon:
# uniform weights, k 2: sensitivity 2, epsilon 0.5 gives scale 4; log weights:
# 1 + 1/log2 3 = 1.631. seed= makes the noise reproducible (the unit test
# checks the draws); everything else is withheld (null).
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
> import recs data/fair/recs.csv as recs
name                           recs
file                           data/fair/recs.csv
order                          rank
rows                           6
entries                        6
users with a list              3
longest list                   2
unknown users                  0
unknown items                  0
listed items seen in training  0
> audit k=2 exposure=uniform dp=0.5 seed=3
dp: exposure counts carry Laplace noise of scale 4 (sensitivity 2: the most one user's list adds, epsilon 0.5); merit, popularity, coverage and bias figures are withheld
recs (imported):
  model                          recs
  kind                           imported
  unit                           creator
  exposure                       uniform
  k                              2
  lists audited                  one per user with held-out test rows
  merit from                     relevant held-out pairs (every held-out row)
  lists                          3
  dp epsilon                     0.5
  sensitivity (one user's list)  2
  Laplace scale                  4
  gini (n)                       0.5504
  gini (n-1)                     0.7339
  entropy (bits)                 0.9705
  entropy max (log2 n)           2
  creators (4 of 4, by exposure):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    B             1  -             -         3.047  0.6008  -            -      -        -      -
    C             1  -             -         2.024  0.3992  -            -      -        -      -
    A             2  -             -             0       0  -            -      -        -      -
    D             2  -             -             0       0  -            -      -        -      -
> audit k=2 dp=2 seed=3 top=1
dp: exposure counts carry Laplace noise of scale 0.8155 (sensitivity 1.631: the most one user's list adds, epsilon 2); merit, popularity, coverage and bias figures are withheld
recs (imported):
  model                          recs
  kind                           imported
  unit                           creator
  exposure                       log
  k                              2
  lists audited                  one per user with held-out test rows
  merit from                     relevant held-out pairs (every held-out row)
  lists                          3
  dp epsilon                     2
  sensitivity (one user's list)  1.631
  Laplace scale                  0.8155
  gini (n)                       0.3389
  gini (n-1)                     0.4518
  entropy (bits)                 1.55
  entropy max (log2 n)           2
  creators (1 of 4, by exposure):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    D             2  -             -         1.429  0.4309  -            -      -        -      -
