# The auditor's case: the platform's log and its lists, no split. Every imported
# list counts, as given (u1's v1 is in its log and stays); the whole log stands
# for training; merit comes from the log's interactions.
# Hand computation (data/audit: log 7 rows, items v1 v2 -> c1, v3 -> c2, v4 -> c3;
# lists u1: v1 v3, u2: v1 v2, u3: v3 v1; k=2, log weights w1 = 1,
# w2 = 1/log2(3) = w):
#   E(c1) = 1 (u1 v1) + 1 (u2 v1) + w (u2 v2) + w (u3 v1) = 2 + 2w = 3.262
#   E(c2) = w (u1 v3) + 1 (u3 v3) = 1 + w = 1.631,   E(c3) = 0
#   shares 2/3, 1/3, 0;  Gini (n = 3, ascending 0, 1+w, 2+2w):
#   (-2*0 + 0*(1+w) + 2*(2+2w)) / (3 * (3+3w)) = 4/9 = 0.4444; n-1: 4/6 = 0.6667
#   entropy -(2/3 log2 2/3 + 1/3 log2 1/3) = 0.9183; creator coverage 2/3;
#   item coverage 3/4 (v1 v2 v3 of the 4 items in the log)
#   merit = log rows per creator: 4/7 = 0.5714, 2/7 = 0.2857, 1/7 = 0.1429;
#   share/merit c1 = (2/3)/(4/7) = 1.167, c2 = (1/3)/(2/7) = 1.167;
#   with relevant=rating>=4 (5 rows: c1 3, c2 1, c3 1): merit 0.6, 0.2, 0.2
#   maximin share floor(3 lists * 2 / 3) = 2 slots: c1 4, c2 2, c3 0.
# With a split the rule line says one list per user with held-out test rows;
# without one, a model trained here cannot be audited (its lists need ranking).
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# exit: 1
> load data/audit/log.csv items=data/audit/items.csv creator=creator
format: delimited text
log data/audit/log.csv: comma-separated, header row; user=user item=item value=rating time=timestamp
items data/audit/items.csv: 4 rows, id column item, 1 other column
path          data/audit/log.csv
format        csv
interactions  7
users         4
items         4
creators      3
signal        rating 2-5
> import recs data/audit/lists.csv as prod
4 listed items the user has training rows for: eval leaves seen items out, as for every model
name                           prod
file                           data/audit/lists.csv
order                          rank
rows                           6
entries                        6
users with a list              3
longest list                   2
unknown users                  0
unknown items                  0
listed items seen in training  4
> audit prod k=2 top=0
no split: every imported list is audited as given; merit is the log's interactions (no held-out part); ndcg, recall, PopREO and expected exposure need held-out relevance and are left out
prod (imported):
  model                   prod
  kind                    imported
  unit                    creator
  exposure                log
  k                       2
  lists audited           every imported list (no split)
  merit from              the log's interactions (no held-out part)
  lists                   3
  gini (n)                0.4444
  gini (n-1)              0.6667
  entropy (bits)          0.9183
  entropy max (log2 n)    1.585
  creator coverage        0.6667
  item coverage           0.75
  ARP                     2.333
  APLT                    0
  ACLT                    0
  PopRSP                  1
  PopREO                  -
  head items              3
  maximin share (slots)   2
  min slots / share       0
  share with maximin met  0.6667
  equity of attention     0.2857
  disparate treatment     -
  disparate exposure      -
  EE-D                    -
  EE-R                    -
  EE-L                    -
  calibration KL (bits)   0
  ndcg                    -
  recall                  -
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.6667        0.5714
         2         0             0
         3         0             0
         4    0.3333        0.2857
         5         0             0
         6         0             0
         7         0        0.1429
         8         0             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure   merit  interactions  mean_exposure  mean_merit
    head       2         1  0.8571        0.8571            0.5      0.4286
    tail       1         0  0.1429        0.1429              0      0.1429
  creators (3 of 3, by exposure):
    creator  videos  interactions   merit  exposure   share  share/merit  slots  maximin  group  decile
    c1            2        0.5714  0.5714     3.262  0.6667        1.167      4  yes      head        1
    c2            1        0.2857  0.2857     1.631  0.3333        1.167      2  yes      head        4
    c3            1        0.1429  0.1429         0       0            0      0  no       tail        7
> audit prod k=2 relevant=rating>=4 top=3
no split: every imported list is audited as given; merit is the log's rows with rating >= 4 (no held-out part); ndcg, recall, PopREO and expected exposure need held-out relevance and are left out
prod (imported):
  model                   prod
  kind                    imported
  unit                    creator
  exposure                log
  k                       2
  lists audited           every imported list (no split)
  merit from              the log's rows with rating >= 4 (no held-out part)
  lists                   3
  gini (n)                0.4444
  gini (n-1)              0.6667
  entropy (bits)          0.9183
  entropy max (log2 n)    1.585
  creator coverage        0.6667
  item coverage           0.75
  ARP                     2.333
  APLT                    0
  ACLT                    0
  PopRSP                  1
  PopREO                  -
  head items              3
  maximin share (slots)   2
  min slots / share       0
  share with maximin met  0.6667
  equity of attention     0.4
  disparate treatment     -
  disparate exposure      -
  EE-D                    -
  EE-R                    -
  EE-L                    -
  calibration KL (bits)   0
  ndcg                    -
  recall                  -
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.6667        0.5714
         2         0             0
         3         0             0
         4    0.3333        0.2857
         5         0             0
         6         0             0
         7         0        0.1429
         8         0             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       2         1    0.8        0.8571            0.5         0.4
    tail       1         0    0.2        0.1429              0         0.2
  creators (3 of 3, by exposure):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    c1            2        0.5714    0.6     3.262  0.6667        1.111      4  yes      head        1
    c2            1        0.2857    0.2     1.631  0.3333        1.667      2  yes      head        4
    c3            1        0.1429    0.2         0       0            0      0  no       tail        7
> plot lorenz model=prod k=2 term=text size=60x14
      Lorenz curve of creator exposure, Gini: prod 0.444
               y: cumulative exposure share (%)
  100 +-------------------------------------------------+
   80 |-+       +         +         +    *******######+-|
   60 |-+                      ********** ######      +-|
   40 |-+            **********    #######            +-|
   20 |-+  **********     +######## +         +       +-|
    0 +-------------------------------------------------+
      0         20        40        60        80       100
               creators, least exposed first (%)
               equality *******   prod (Gini 0.444) #######
k  2
models:
  model  users  creators    gini
  prod       3         3  0.4444
> plot exposure model=prod k=2 term=text size=60x14
            Exposure by creator popularity decile
                        y: share (%)
  70 +--------------------------------------------------+
  60 |**# #  +         +         +         +         ++-|
  40 |*+# #          **###                            +-|
  20 |*+# #  +       * # #       +  ***    +         ++-|
   0 +--------------------------------------------------+
             2         4         6         8         10
        creator popularity decile (1 = most popular)
                 training interactions *******
                         prod exposure #######
k  2
deciles:
  decile  interactions   prod
       1         57.1%  66.7%
       2            0%     0%
       3            0%     0%
       4         28.6%  33.3%
       5            0%     0%
       6            0%     0%
       7         14.3%     0%
       8            0%     0%
       9            0%     0%
      10            0%     0%
models:
  model  users  creators    gini
  prod       3         3  0.4444
> split user test=0.5 seed=1
kind        user
split       user test=0.5 valid=0 seed=1
train       4
valid       0
test        3
test users  2
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  4
seconds         (time)
> audit prod k=2 top=0
prod (imported):
  model                   prod
  kind                    imported
  unit                    creator
  exposure                log
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   2
  gini (n)                0.4133
  gini (n-1)              0.6199
  entropy (bits)          0.9581
  entropy max (log2 n)    1.585
  creator coverage        0.6667
  item coverage           0.6667
  ARP                     1
  APLT                    0.25
  ACLT                    0.5
  PopRSP                  0
  PopREO                  1
  head items              3
  maximin share (slots)   1
  min slots / share       0
  share with maximin met  0.6667
  equity of attention     0.09352
  disparate treatment     -
  disparate exposure      -
  EE-D                    1.32
  EE-R                    1.11
  EE-L                    0.57
  calibration KL (bits)   0
  ndcg                    0.8066
  recall                  0.75
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.6199           0.5
         2         0             0
         3         0             0
         4    0.3801          0.25
         5         0             0
         6         0             0
         7         0          0.25
         8         0             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       3         1      1             1         0.3333      0.3333
    tail       0         0      0             0              0           0
  creators (3 of 3, by exposure):
    creator  videos  interactions   merit  exposure   share  share/merit  slots  maximin  group  decile
    c1            2           0.5  0.6667     1.631  0.6199       0.9299      2  yes      head        1
    c2            1          0.25  0.3333         1  0.3801         1.14      1  yes      head        4
    c3            1          0.25       0         0       0            -      0  no       head        7
> undo
undone: split user test=0.5 seed=1
steps left  0
rows now    7
> audit p k=2
error: audit: no split yet: without one only imported lists can be audited (import recs FILE as NAME), and p is trained here; split first (e.g. split user test=0.2)
