# audit on the hand-worked world of tests/unit/test-fair.c (derivations there).
# Creators A (i1 i2), B (i3), C (i4), D (i5 i6); training rows i1 3, i2-i4 1.
# Lists (k=2): u1 [i5 i3], u2 [i5 i4], u3 [i5 i2]. Uniform exposure A 1, B 1,
# C 1, D 3: gini (-3-1+1+9)/(4*6) = 0.25, n-1: 6/18; entropy 0.5 log2 6 + 0.5
# = 1.792; merit B 1/4, D 3/4; equity of attention 2/3; head items i1-i3,
# ARP 0.5, APLT 2/3, ACLT 4/3, PopRSP 0 (2/4 vs 4/8), PopREO 0.2 (1/1 vs 2/3);
# head creators A B: disparate treatment (4/3)/(8/9) = 1.5; EE-D 1.64, EE-R 1.06.
# Log weights: rank 2 weighs 1/log2 3 = 0.6309. "same" lists i5 i6 (both D)
# for everyone: creator coverage 1/4, gini 3/4 (n-1: 1), entropy 0; as items
# (n = 6, N = 2): gini 4/6, n-1: 4/5, share listed 2/6.
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
> audit k=2 exposure=uniform
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
  creators (4 of 4, by exposure):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    D             2             0   0.75         3     0.5       0.6667      3  yes      tail        8
    A             2        0.6667      0         1  0.1667            -      1  yes      head        1
    B             1        0.1667   0.25         1  0.1667       0.6667      1  yes      head        3
    C             1        0.1667      0         1  0.1667            -      1  yes      tail        6
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
  creators (4 of 4, by exposure):
    creator  videos  interactions  merit  exposure  share  share/merit  slots  maximin  group  decile
    D             2             0   0.75         6      1        1.333      6  yes      tail        8
    A             2        0.6667      0         0      0            -      0  no       head        1
    B             1        0.1667   0.25         0      0            0      0  no       head        3
    C             1        0.1667      0         0      0            -      0  no       tail        6
> audit recs k=2 top=2 sort=merit
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
  creators (2 of 4, by merit):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    D             2             0   0.75         3  0.6131       0.8175      3  yes      tail        8
    B             1        0.1667   0.25    0.6309   0.129       0.5158      1  yes      head        3
> audit same k=2 exposure=uniform items=yes top=3
same (imported):
  model                   same
  kind                    imported
  unit                    item
  exposure                uniform
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   3
  gini (n)                0.6667
  gini (n-1)              0.8
  entropy (bits)          1
  entropy max (log2 n)    2.585
  item share listed       0.3333
  item coverage           0
  ARP                     0
  APLT                    1
  ACLT                    2
  PopRSP                  1
  PopREO                  1
  head items              3
  maximin share (slots)   1
  min slots / share       0
  share with maximin met  0.3333
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
         1         0           0.5
         2         0        0.1667
         3         0             0
         4         0        0.1667
         5         0             0
         6         0        0.1667
         7       0.5             0
         8         0             0
         9       0.5             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       3         0   0.25        0.8333              0     0.08333
    tail       3         1   0.75        0.1667         0.3333        0.25
  items (3 of 6, by exposure):
    item  videos  interactions  merit  exposure  share  share/merit  slots  maximin  group  decile
    i5         1             0    0.5         3    0.5            1      3  yes      tail        7
    i6         1             0   0.25         3    0.5            2      3  yes      tail        9
    i1         1           0.5      0         0      0            -      0  no       head        1
> audit recs k=2 exposure=uniform group=tier sort=name top=0
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
  disparate treatment     -
  disparate exposure      1.667
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
    big        1    0.1667      0        0.6667         0.1667           0
    small      3    0.8333      1        0.3333         0.2778      0.3333
  creators (4 of 4, by name):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    A             2        0.6667      0         1  0.1667  -                1  yes      big         1
    B             1        0.1667   0.25         1  0.1667  0.6667           1  yes      small       3
    C             1        0.1667      0         1  0.1667  -                1  yes      small       6
    D             2             0   0.75         3     0.5  0.6667           3  yes      small       8
> audit recs k=2 exposure=rbp per-user=normalized top=1
recs (imported):
  model                   recs
  kind                    imported
  unit                    creator
  exposure                rbp gamma=0.8, per user normalised
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   3
  gini (n)                0.3056
  gini (n-1)              0.4074
  entropy (bits)          1.696
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
  equity of attention     0.5926
  disparate treatment     1.263
  disparate exposure      2.375
  EE-D                    1.64
  EE-R                    1.06
  EE-L                    0.8689
  calibration KL (bits)   2.543
  ndcg                    0.748
  recall                  0.8333
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.1481        0.6667
         2         0             0
         3    0.1481        0.1667
         4         0             0
         5         0             0
         6    0.1481        0.1667
         7         0             0
         8    0.5556             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       2    0.2963   0.25        0.8333         0.1481       0.125
    tail       2    0.7037   0.75        0.1667         0.3519       0.375
  creators (1 of 4, by exposure):
    creator  videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    D             2             0   0.75     1.667  0.5556       0.7407      3  yes      tail        8
> audit recs k=2 exposure=cascade stop=0.5 top=4
recs (imported):
  model                   recs
  kind                    imported
  unit                    creator
  exposure                cascade gamma=0.8 stop=0.5
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   3
  gini (n)                0.4457
  gini (n-1)              0.5942
  entropy (bits)          1.454
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
  equity of attention     0.3478
  disparate treatment     1.059
  disparate exposure      2.833
  EE-D                    1.64
  EE-R                    1.06
  EE-L                    0.8689
  calibration KL (bits)   2.543
  ndcg                    0.748
  recall                  0.8333
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1   0.08696        0.6667
         2         0             0
         3    0.1739        0.1667
         4         0             0
         5         0             0
         6   0.08696        0.1667
         7         0             0
         8    0.6522             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       2    0.2609   0.25        0.8333         0.1304       0.125
    tail       2    0.7391   0.75        0.1667         0.3696       0.375
  creators (4 of 4, by exposure):
    creator  videos  interactions  merit  exposure    share  share/merit  slots  maximin  group  decile
    D             2             0   0.75         3   0.6522       0.8696      3  yes      tail        8
    B             1        0.1667   0.25       0.8   0.1739       0.6957      1  yes      head        3
    A             2        0.6667      0       0.4  0.08696            -      1  yes      head        1
    C             1        0.1667      0       0.4  0.08696            -      1  yes      tail        6
