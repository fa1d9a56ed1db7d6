# The whole story on the bundled sample: two models audited side by side, one
# re-ranked with each method, and the trade-off table of one method.
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
> rerank ease method=mmr as ease-mmr
name        ease-mmr
model       ease
method      mmr
params      lambda=0.5
k           10
candidates  100
lists       404
before      ndcg 0.1562  recall 0.1205  gini 0.9566  creator_coverage 0.4625  aplt 0
after       ndcg 0.1294  recall 0.08956  gini 0.8227  creator_coverage 0.675  aplt 0
> rerank ease method=xquad as ease-xquad
name        ease-xquad
model       ease
method      xquad
params      lambda=0.5
k           10
candidates  100
lists       404
before      ndcg 0.1562  recall 0.1205  gini 0.9566  creator_coverage 0.4625  aplt 0
after       ndcg 0.1562  recall 0.1205  gini 0.9557  creator_coverage 0.5125  aplt 0.001485
> rerank ease method=calibrated as ease-cal
name        ease-cal
model       ease
method      calibrated
params      lambda=0.5
k           10
candidates  100
lists       404
before      ndcg 0.1562  recall 0.1205  gini 0.9566  creator_coverage 0.4625  aplt 0
after       ndcg 0.1497  recall 0.1185  gini 0.9338  creator_coverage 0.5875  aplt 0.0002475
> rerank ease method=fair as ease-fair
name        ease-fair
model       ease
method      fair
params      p=0.5 alpha=0.1
k           10
candidates  100
lists       404
before      ndcg 0.1562  recall 0.1205  gini 0.9566  creator_coverage 0.4625  aplt 0
after       ndcg 0.1437  recall 0.1066  gini 0.9132  creator_coverage 0.65  aplt 0.00198
> rerank ease method=maximin as ease-maximin
name        ease-maximin
model       ease
method      maximin
params      alpha=1
k           10
candidates  100
lists       404
before      ndcg 0.1562  recall 0.1205  gini 0.9566  creator_coverage 0.4625  aplt 0
after       ndcg 0.1272  recall 0.08528  gini 0.5963  creator_coverage 0.9125  aplt 0.01485
> audit ease ease-mmr ease-xquad ease-cal ease-fair ease-maximin top=2 k=10
45 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
side by side:
  model           gini  gini_n1  entropy  coverage   items    arp       aplt  pop_rsp    ndcg
  ease          0.9566   0.9687    2.029    0.4625  0.1481  89.09          0        1  0.1562
  ease-mmr      0.8227   0.8331    4.205     0.675  0.2346  70.27          0        1  0.1294
  ease-xquad    0.9557   0.9678    2.041    0.5125  0.1531  89.02   0.001485   0.9973  0.1562
  ease-cal      0.9338   0.9456    2.554    0.5875  0.1669   86.9  0.0002475   0.9996  0.1497
  ease-fair     0.9132   0.9247    2.972      0.65  0.1882  79.59    0.00198   0.9964  0.1437
  ease-maximin  0.5963   0.6039    4.796    0.9125   0.345  60.15    0.01485   0.9732  0.1272
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
  creators (2 of 80, by exposure):
    creator  videos  interactions    merit  exposure   share  share/merit  slots  maximin  group  decile
    35           32        0.1318   0.1349     1,066  0.5807        4.306  2,272  yes      head        1
    20           11       0.04464  0.04535     337.1  0.1836        4.049    665  yes      head        1
ease-mmr (imported):
  model                   ease-mmr
  kind                    imported
  unit                    creator
  exposure                log
  k                       10
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   404
  gini (n)                0.8227
  gini (n-1)              0.8331
  entropy (bits)          4.205
  entropy max (log2 n)    6.322
  creator coverage        0.675
  item coverage           0.2346
  ARP                     70.27
  APLT                    0
  ACLT                    0
  PopRSP                  1
  PopREO                  1
  head items              393
  maximin share (slots)   50
  min slots / share       0
  share with maximin met  0.2625
  equity of attention     0.8172
  disparate treatment     3.688
  disparate exposure      13.84
  EE-D                    2.746
  EE-R                    0.2024
  EE-L                    4.127
  calibration KL (bits)   0.4205
  ndcg                    0.1294
  recall                  0.08956
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.6225        0.3664
         2    0.1819        0.1426
         3   0.06975        0.1138
         4   0.03246       0.09457
         5   0.02882       0.07542
         6   0.03651       0.06573
         7   0.02607       0.05334
         8   0.00207         0.041
         9         0       0.03055
        10         0       0.01662
  groups:
    group  units  exposure   merit  interactions  mean_exposure  mean_merit
    head      41    0.9357  0.7977        0.8015        0.02282     0.01946
    tail      39   0.06433  0.2023        0.1985       0.001649    0.005187
  creators (2 of 80, by exposure):
    creator  videos  interactions    merit  exposure   share  share/merit  slots  maximin  group  decile
    35           32        0.1318   0.1349     346.9   0.189        1.401    404  yes      head        1
    20           11       0.04464  0.04535     263.3  0.1435        3.163    395  yes      head        1
ease-xquad (imported):
  model                   ease-xquad
  kind                    imported
  unit                    creator
  exposure                log
  k                       10
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   404
  gini (n)                0.9557
  gini (n-1)              0.9678
  entropy (bits)          2.041
  entropy max (log2 n)    6.322
  creator coverage        0.5125
  item coverage           0.1531
  ARP                     89.02
  APLT                    0.001485
  ACLT                    0.01485
  PopRSP                  0.9973
  PopREO                  1
  head items              393
  maximin share (slots)   50
  min slots / share       0
  share with maximin met  0.075
  equity of attention     1.282
  disparate treatment     24.35
  disparate exposure      91.34
  EE-D                    2.746
  EE-R                    0.2312
  EE-L                    4.069
  calibration KL (bits)   0.8537
  ndcg                    0.1562
  recall                  0.1205
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.9364        0.3664
         2    0.0375        0.1426
         3   0.01013        0.1138
         4  0.003248       0.09457
         5  0.002384       0.07542
         6  0.006877       0.06573
         7  0.003267       0.05334
         8         0         0.041
         9  0.000164       0.03055
        10         0       0.01662
  groups:
    group  units  exposure   merit  interactions  mean_exposure  mean_merit
    head      41    0.9897  0.7977        0.8015        0.02414     0.01946
    tail      39   0.01031  0.2023        0.1985      0.0002643    0.005187
  creators (2 of 80, by exposure):
    creator  videos  interactions    merit  exposure   share  share/merit  slots  maximin  group  decile
    35           32        0.1318   0.1349     1,065    0.58        4.301  2,269  yes      head        1
    20           11       0.04464  0.04535       337  0.1836        4.049    665  yes      head        1
ease-cal (imported):
  model                   ease-cal
  kind                    imported
  unit                    creator
  exposure                log
  k                       10
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   404
  gini (n)                0.9338
  gini (n-1)              0.9456
  entropy (bits)          2.554
  entropy max (log2 n)    6.322
  creator coverage        0.5875
  item coverage           0.1669
  ARP                     86.9
  APLT                    0.0002475
  ACLT                    0.002475
  PopRSP                  0.9996
  PopREO                  1
  head items              393
  maximin share (slots)   50
  min slots / share       0
  share with maximin met  0.1125
  equity of attention     1.227
  disparate treatment     1.855
  disparate exposure      6.959
  EE-D                    2.746
  EE-R                    0.2181
  EE-L                    4.095
  calibration KL (bits)   0.07214
  ndcg                    0.1497
  recall                  0.1185
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1     0.836        0.3664
         2   0.03089        0.1426
         3   0.00868        0.1138
         4  0.002691       0.09457
         5  0.001506       0.07542
         6   0.06344       0.06573
         7   0.05076       0.05334
         8  0.006061         0.041
         9         0       0.03055
        10         0       0.01662
  groups:
    group  units  exposure   merit  interactions  mean_exposure  mean_merit
    head      41    0.8797  0.7977        0.8015        0.02146     0.01946
    tail      39    0.1203  0.2023        0.1985       0.003084    0.005187
  creators (2 of 80, by exposure):
    creator  videos  interactions    merit  exposure   share  share/merit  slots  maximin  group  decile
    35           32        0.1318   0.1349     957.2  0.5214        3.867  2,103  yes      head        1
    20           11       0.04464  0.04535     304.8  0.1661        3.662    616  yes      head        1
ease-fair (imported):
  model                   ease-fair
  kind                    imported
  unit                    creator
  exposure                log
  k                       10
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   404
  gini (n)                0.9132
  gini (n-1)              0.9247
  entropy (bits)          2.972
  entropy max (log2 n)    6.322
  creator coverage        0.65
  item coverage           0.1882
  ARP                     79.59
  APLT                    0.00198
  ACLT                    0.0198
  PopRSP                  0.9964
  PopREO                  1
  head items              393
  maximin share (slots)   50
  min slots / share       0
  share with maximin met  0.15
  equity of attention     1.195
  disparate treatment     1.206
  disparate exposure      3.109
  EE-D                    2.746
  EE-R                    0.212
  EE-L                    4.108
  calibration KL (bits)   0.09227
  ndcg                    0.1437
  recall                  0.1066
  by popularity decile (1 = most popular):
    decile   exposure  interactions
         1     0.7338        0.3664
         2    0.02466        0.1426
         3   0.004692        0.1138
         4   0.001687       0.09457
         5  0.0008658       0.07542
         6     0.1052       0.06573
         7     0.1087       0.05334
         8    0.01951         0.041
         9    0.00082       0.03055
        10          0       0.01662
  groups:
    group  units  exposure   merit  interactions  mean_exposure  mean_merit
    head      41    0.7657  0.7977        0.8015        0.01868     0.01946
    tail      39    0.2343  0.2023        0.1985       0.006006    0.005187
  creators (2 of 80, by exposure):
    creator  videos  interactions    merit  exposure   share  share/merit  slots  maximin  group  decile
    35           32        0.1318   0.1349     849.2  0.4626        3.431  1,675  yes      head        1
    20           11       0.04464  0.04535       283  0.1542          3.4    516  yes      head        1
ease-maximin (imported):
  model                   ease-maximin
  kind                    imported
  unit                    creator
  exposure                log
  k                       10
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   404
  gini (n)                0.5963
  gini (n-1)              0.6039
  entropy (bits)          4.796
  entropy max (log2 n)    6.322
  creator coverage        0.9125
  item coverage           0.345
  ARP                     60.15
  APLT                    0.01485
  ACLT                    0.1485
  PopRSP                  0.9732
  PopREO                  1
  head items              393
  maximin share (slots)   50
  min slots / share       0
  share with maximin met  0.6875
  equity of attention     0.5275
  disparate treatment     1.263
  disparate exposure      4.737
  EE-D                    2.746
  EE-R                    0.1992
  EE-L                    4.133
  calibration KL (bits)   0.1586
  ndcg                    0.1272
  recall                  0.08528
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.5122        0.3664
         2    0.0943        0.1426
         3   0.07869        0.1138
         4   0.07134       0.09457
         5   0.06792       0.07542
         6    0.0684       0.06573
         7   0.05898       0.05334
         8   0.03948         0.041
         9  0.005342       0.03055
        10  0.003363       0.01662
  groups:
    group  units  exposure   merit  interactions  mean_exposure  mean_merit
    head      41    0.8328  0.7977        0.8015        0.02031     0.01946
    tail      39    0.1672  0.2023        0.1985       0.004288    0.005187
  creators (2 of 80, by exposure):
    creator  videos  interactions    merit  exposure   share  share/merit  slots  maximin  group  decile
    35           32        0.1318   0.1349     529.6  0.2885        2.139    762  yes      head        1
    20           11       0.04464  0.04535     205.7  0.1121        2.471    294  yes      head        1
> tradeoff ease method=maximin alpha=0:1:0.25
model              ease
method             maximin
param              alpha
k                  10
candidates         100
model as it ranks  ndcg 0.1562  recall 0.1205  gini 0.9566  creator_coverage 0.4625  aplt 0
rows:
  value    ndcg   recall    gini  creator_coverage     aplt
      0  0.1562   0.1205  0.9566            0.4625        0
   0.25  0.1531    0.117   0.862            0.9125  0.01139
    0.5  0.1475   0.1076  0.7703            0.9125   0.0146
   0.75  0.1376  0.09517  0.6892            0.9125  0.01535
      1  0.1272  0.08528  0.5963            0.9125  0.01485
seconds            (time)
