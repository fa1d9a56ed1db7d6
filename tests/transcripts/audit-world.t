# audit on the bundled sample: two models side by side, the per-creator top 3;
# group=new splits creators by first upload; items=yes needs no creators.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
# Figures of BLAS-trained models (als, ease, ...) follow the kernel and thread
# count in their last digits: reals compare within 1e-3 (tests/numcmp.py).
# tolerance: 1e-3
> load samples/world --skip-bad
format: KuaiRec 2.0 folder samples/world
log samples/world/big_matrix.csv.gz: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block samples/world/small_matrix.csv.gz: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items samples/world/item_daily_features.csv.gz: 5098 rows, id column video_id (repeated ids: kept the last row of each), 57 other columns
items samples/world/item_categories.csv.gz: 800 rows, id column video_id, 1 other column
items samples/world/kuairec_caption_category.csv.gz: 800 rows, id column video_id, 9 other columns
users samples/world/user_features.csv.gz: 404 rows, id column user_id, 30 other columns
users samples/world/social_network.csv.gz: 108 rows, id column user_id, 1 other column
ground truth: dirt.csv lists 200 injected dirty rows, manifest.json 4 bot users
path            samples/world
format          kuairec
interactions    21,288
users           404
items           800
creators        80
observed block  19,124
signal          ratio (watch_ratio), median 0.8832, max 291.1
warning: skipped 3 malformed rows of samples/world/big_matrix.csv.gz (first: samples/world/big_matrix.csv.gz:4705: expected 11 fields, found 3)
> split user test=0.2 seed=1
kind        user
split       user test=0.2 valid=0 seed=1
train       17,024
valid       0
test        4,264
test users  404
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  16,901
seconds         (time)
> train ease model=ease
name            ease
kind            ease
params          lambda 500  max_items 20000
training pairs  16,901
seconds         (time)
> audit pop ease top=3
45 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
side by side:
  model    gini  gini_n1  entropy  coverage    items    arp  aplt  pop_rsp    ndcg
  pop    0.9716   0.9839    1.549    0.0875  0.04642  99.82     0        1  0.1247
  ease   0.9566   0.9687    2.029    0.4625   0.1481  89.09     0        1  0.1562
pop (pop):
  model                   pop
  kind                    pop
  unit                    creator
  exposure                log
  k                       10
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   404
  gini (n)                0.9716
  gini (n-1)              0.9839
  entropy (bits)          1.549
  entropy max (log2 n)    6.322
  creator coverage        0.0875
  item coverage           0.04642
  ARP                     99.82
  APLT                    0
  ACLT                    0
  PopRSP                  1
  PopREO                  1
  head items              393
  maximin share (slots)   50
  min slots / share       0
  share with maximin met  0.0625
  equity of attention     1.422
  disparate treatment     1,396
  disparate exposure      5,237
  EE-D                    2.746
  EE-R                    0.1886
  EE-L                    4.154
  calibration KL (bits)   0.9848
  ndcg                    0.1247
  recall                  0.09463
  by popularity decile (1 = most popular):
    decile   exposure  interactions
         1     0.9896        0.3664
         2    0.01018        0.1426
         3          0        0.1138
         4          0       0.09457
         5          0       0.07542
         6  0.0001816       0.06573
         7          0       0.05334
         8          0         0.041
         9          0       0.03055
        10          0       0.01662
  groups:
    group  units   exposure   merit  interactions  mean_exposure  mean_merit
    head      41     0.9998  0.7977        0.8015        0.02439     0.01946
    tail      39  0.0001816  0.2023        0.1985      4.656e-06    0.005187
  creators (3 of 80, by exposure):
    creator  videos  interactions    merit  exposure   share  share/merit  slots  maximin  group  decile
    35           32        0.1318   0.1349     1,162  0.6328        4.693  2,382  yes      head        1
    20           11       0.04464  0.04535     331.5  0.1806        3.983    586  yes      head        1
    5            24       0.06526    0.066     215.6  0.1174        1.779    682  yes      head        1
ease (ease):
  model                   ease
  kind                    ease
  unit                    creator
  exposure                log
  k                       10
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   404
  gini (n)                0.9566
  gini (n-1)              0.9687
  entropy (bits)          2.029
  entropy max (log2 n)    6.322
  creator coverage        0.4625
  item coverage           0.1481
  ARP                     89.09
  APLT                    0
  ACLT                    0
  PopRSP                  1
  PopREO                  1
  head items              393
  maximin share (slots)   50
  min slots / share       0
  share with maximin met  0.075
  equity of attention     1.284
  disparate treatment     25.61
  disparate exposure      96.05
  EE-D                    2.746
  EE-R                    0.2312
  EE-L                    4.069
  calibration KL (bits)   0.8571
  ndcg                    0.1562
  recall                  0.1205
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.9375        0.3664
         2   0.03726        0.1426
         3  0.009898        0.1138
         4  0.003254       0.09457
         5  0.002236       0.07542
         6  0.006877       0.06573
         7  0.002929       0.05334
         8         0         0.041
         9         0       0.03055
        10         0       0.01662
  groups:
    group  units  exposure   merit  interactions  mean_exposure  mean_merit
    head      41    0.9902  0.7977        0.8015        0.02415     0.01946
    tail      39  0.009806  0.2023        0.1985      0.0002514    0.005187
  creators (3 of 80, by exposure):
    creator  videos  interactions    merit  exposure   share  share/merit  slots  maximin  group  decile
    35           32        0.1318   0.1349     1,066  0.5807        4.306  2,272  yes      head        1
    20           11       0.04464  0.04535     337.1  0.1836        4.049    665  yes      head        1
    5            24       0.06526    0.066     227.2  0.1238        1.875    563  yes      head        1
> audit ease group=new top=5 k=5 exposure=rbp
45 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
ease (ease):
  model                   ease
  kind                    ease
  unit                    creator
  exposure                rbp gamma=0.8
  k                       5
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   404
  gini (n)                0.9653
  gini (n-1)              0.9776
  entropy (bits)          1.789
  entropy max (log2 n)    6.322
  creator coverage        0.3375
  item coverage           0.09661
  ARP                     99.5
  APLT                    0
  ACLT                    0
  PopRSP                  1
  PopREO                  1
  head items              393
  maximin share (slots)   25
  min slots / share       0
  share with maximin met  0.075
  equity of attention     1.345
  disparate treatment     1.608
  disparate exposure      1.098
  EE-D                    2.48
  EE-R                    0.1576
  EE-L                    3.573
  calibration KL (bits)   0.9477
  ndcg                    0.158
  recall                  0.07054
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.9589        0.3664
         2   0.02882        0.1426
         3  0.004341        0.1138
         4  0.001585       0.09457
         5  0.001225       0.07542
         6   0.00344       0.06573
         7  0.001645       0.05334
         8         0         0.041
         9         0       0.03055
        10         0       0.01662
  groups:
    group        units  exposure   merit  interactions  mean_exposure  mean_merit
    established     64    0.7847  0.8542        0.8476        0.01226     0.01335
    new             16    0.2153  0.1458        0.1524        0.01346    0.009111
  creators (5 of 80, by exposure):
    creator  videos  interactions    merit  exposure    share  share/merit  slots  maximin  group        decile
    35           32        0.1318   0.1349     820.2   0.6039        4.478  1,203  yes      established       1
    20           11       0.04464  0.04535     285.9   0.2105        4.643    399  yes      new               1
    5            24       0.06526    0.066     141.9   0.1045        1.583    232  yes      established       1
    73           14        0.0319  0.03015     35.22  0.02593       0.8601     60  yes      established       1
    33           12       0.02074  0.02398     30.29   0.0223         0.93     47  yes      established       2
> audit pop items=yes k=5 top=3
45 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop (pop):
  model                   pop
  kind                    pop
  unit                    item
  exposure                log
  k                       5
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   404
  gini (n)                0.9916
  gini (n-1)              0.9929
  entropy (bits)          3.137
  entropy max (log2 n)    9.644
  item share listed       0.0275
  item coverage           0.0276
  ARP                     113.5
  APLT                    0
  ACLT                    0
  PopRSP                  1
  PopREO                  1
  head items              393
  maximin share (slots)   2
  min slots / share       0
  share with maximin met  0.0225
  equity of attention     1.832
  disparate treatment     -
  disparate exposure      -
  EE-D                    2.48
  EE-R                    0.1304
  EE-L                    3.627
  calibration KL (bits)   0.9539
  ndcg                    0.1282
  recall                  0.0573
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1         1        0.3104
         2         0        0.1777
         3         0        0.1333
         4         0        0.1041
         5         0       0.08106
         6         0       0.06432
         7         0       0.05157
         8         0       0.03877
         9         0       0.02714
        10         0       0.01163
  groups:
    group  units  exposure   merit  interactions  mean_exposure  mean_merit
    head     393         1  0.7811        0.8004       0.002545    0.001988
    tail     407         0  0.2189        0.1996              0   0.0005378
  items (3 of 800, by exposure):
    item  videos  interactions     merit  exposure   share  share/merit  slots  maximin  group  decile
    126        1      0.008752   0.00641       256  0.2149        33.53    256  yes      head        1
    242        1      0.007812  0.009022     202.1  0.1697        18.81    273  yes      head        1
    389        1       0.00699  0.005698     173.7  0.1458         25.6    287  yes      head        1
