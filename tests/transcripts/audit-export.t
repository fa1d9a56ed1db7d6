# audit export=: the per-creator rows of every model as CSV (read back with load),
# and the whole audit as JSON.
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
> import recs data/fair/same.csv as same
name                           same
file                           data/fair/same.csv
order                          rank
rows                           6
entries                        6
users with a list              3
longest list                   2
unknown users                  0
unknown items                  0
listed items seen in training  0
> audit k=2 exposure=uniform top=1 export=audit.csv
audit written to audit.csv
side by side:
  model  gini  gini_n1  entropy  coverage  items  arp    aplt  pop_rsp    ndcg
  recs   0.25   0.3333    1.792         1   0.75  0.5  0.6667        0   0.748
  same   0.75        1        0      0.25      0    0       1        1  0.6667
recs (imported):
  model                   recs
  kind                    imported
  unit                    creator
  exposure                uniform
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   3
  gini (n)                0.25
  gini (n-1)              0.3333
  entropy (bits)          1.792
  entropy max (log2 n)    2
  creator coverage        1
  item coverage           0.75
  ARP                     0.5
  APLT                    0.6667
  ACLT                    1.333
  PopRSP                  0
  PopREO                  0.2
  head items              3
  maximin share (slots)   1
  min slots / share       1
  share with maximin met  1
  equity of attention     0.6667
  disparate treatment     1.5
  disparate exposure      2
  EE-D                    1.64
  EE-R                    1.06
  EE-L                    0.8689
  calibration KL (bits)   2.543
  ndcg                    0.748
  recall                  0.8333
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.1667        0.6667
         2         0             0
         3    0.1667        0.1667
         4         0             0
         5         0             0
         6    0.1667        0.1667
         7         0             0
         8       0.5             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       2    0.3333   0.25        0.8333         0.1667       0.125
    tail       2    0.6667   0.75        0.1667         0.3333       0.375
  creators (1 of 4, by exposure):
    creator  videos  interactions  merit  exposure  share  share/merit  slots  maximin  group  decile
    D             2             0   0.75         3    0.5       0.6667      3  yes      tail        8
same (imported):
  model                   same
  kind                    imported
  unit                    creator
  exposure                uniform
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   3
  gini (n)                0.75
  gini (n-1)              1
  entropy (bits)          0
  entropy max (log2 n)    2
  creator coverage        0.25
  item coverage           0
  ARP                     0
  APLT                    1
  ACLT                    2
  PopRSP                  1
  PopREO                  1
  head items              3
  maximin share (slots)   1
  min slots / share       0
  share with maximin met  0.25
  equity of attention     0.5
  disparate treatment     -
  disparate exposure      -
  EE-D                    1.64
  EE-R                    1.104
  EE-L                    0.78
  calibration KL (bits)   5.371
  ndcg                    0.6667
  recall                  0.6667
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1         0        0.6667
         2         0             0
         3         0        0.1667
         4         0             0
         5         0             0
         6         0        0.1667
         7         0             0
         8         1             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       2         0   0.25        0.8333              0       0.125
    tail       2         1   0.75        0.1667            0.5       0.375
  creators (1 of 4, by exposure):
    creator  videos  interactions  merit  exposure  share  share/merit  slots  maximin  group  decile
    D             2             0   0.75         6      1        1.333      6  yes      tail        8
> audit recs k=2 top=1 export=audit.json
audit written to audit.json
recs (imported):
  model                   recs
  kind                    imported
  unit                    creator
  exposure                log
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   3
  gini (n)                0.3631
  gini (n-1)              0.4842
  entropy (bits)          1.576
  entropy max (log2 n)    2
  creator coverage        1
  item coverage           0.75
  ARP                     0.5
  APLT                    0.6667
  ACLT                    1.333
  PopRSP                  0
  PopREO                  0.2
  head items              3
  maximin share (slots)   1
  min slots / share       1
  share with maximin met  1
  equity of attention     0.5158
  disparate treatment     1.043
  disparate exposure      2.877
  EE-D                    1.64
  EE-R                    1.06
  EE-L                    0.8689
  calibration KL (bits)   2.543
  ndcg                    0.748
  recall                  0.8333
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1     0.129        0.6667
         2         0             0
         3     0.129        0.1667
         4         0             0
         5         0             0
         6     0.129        0.1667
         7         0             0
         8    0.6131             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       2    0.2579   0.25        0.8333          0.129       0.125
    tail       2    0.7421   0.75        0.1667          0.371       0.375
  creators (1 of 4, by exposure):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    D             2             0   0.75         3  0.6131       0.8175      3  yes      tail        8
> load audit.csv user=model item=creator
format: delimited text
log audit.csv: comma-separated, header row; user=model item=creator value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          audit.csv
format        csv
interactions  8
users         2
items         4
creators      -
signal        binary (no value column: every row a positive)
> head 8
model  creator  videos    interaction_share  merit_share  exposure       exposure_share               ratio  slots  maximin_met  group  decile
recs   D             2                    0         0.75         3                  0.5  0.6666666666666666      3  yes          tail        8
recs   A             2   0.6666666666666666            0         1  0.16666666666666666                   -      1  yes          head        1
recs   B             1  0.16666666666666666         0.25         1  0.16666666666666666  0.6666666666666666      1  yes          head        3
recs   C             1  0.16666666666666666            0         1  0.16666666666666666                   -      1  yes          tail        6
same   D             2                    0         0.75         6                    1  1.3333333333333333      6  yes          tail        8
same   A             2   0.6666666666666666            0         0                    0                   -      0  no           head        1
same   B             1  0.16666666666666666         0.25         0                    0                   0      0  no           head        3
same   C             1  0.16666666666666666            0         0                    0                   -      0  no           tail        6
