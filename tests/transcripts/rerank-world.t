# The whole story on the bundled sample: two models audited side by side, one
# re-ranked with each method, and the trade-off table of one method.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
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
params          window 0
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
> audit ease ease-mmr ease-xquad ease-cal ease-fair ease-maximin top=0 k=10
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
  creators (80 of 80, by exposure):
    creator  videos  interactions      merit  exposure      share  share/merit  slots  maximin  group  decile
    35           32        0.1318     0.1349     1,066     0.5807        4.306  2,272  yes      head        1
    20           11       0.04464    0.04535     337.1     0.1836        4.049    665  yes      head        1
    5            24       0.06526      0.066     227.2     0.1238        1.875    563  yes      head        1
    73           14        0.0319    0.03015     54.02    0.02943        0.976    135  yes      head        1
    33           12       0.02074    0.02398     40.19     0.0219       0.9132     92  yes      head        2
    9            10       0.02449    0.02303     30.45    0.01659       0.7203     84  yes      head        1
    60            7      0.008635   0.009972     11.29   0.006148       0.6166     32  no       tail        6
    17            6       0.01721    0.01852     10.41    0.00567       0.3062     30  no       head        2
    55           10       0.01357    0.01282     7.312   0.003983       0.3107     20  no       head        3
    40           12       0.01398     0.0133     7.219   0.003933       0.2958     22  no       head        3
    43           10       0.01686    0.01733     6.491   0.003536        0.204     17  no       head        2
    22           19       0.02579    0.02137     5.299   0.002887       0.1351     14  no       head        1
    21           13       0.01774    0.01757      3.85   0.002097       0.1194     12  no       head        2
    28            4      0.007166   0.005223     3.368   0.001835       0.3512      9  no       tail        7
    7            13       0.01903    0.01828     2.846    0.00155      0.08481      8  no       head        2
    52            5      0.009457   0.008784     2.783   0.001516       0.1726      8  no       head        5
    79            9       0.01674    0.01662     2.632   0.001434      0.08629      8  no       head        2
    32           11       0.01698    0.01662     1.982    0.00108      0.06497      6  no       head        2
    76            8       0.01093   0.009497     1.536   0.000837      0.08814      5  no       head        4
    41            6       0.01439    0.01496     1.366  0.0007442      0.04976      4  no       head        3
    68            4       0.00699   0.005698     1.322  0.0007201       0.1264      4  no       tail        7
    25           11        0.0131   0.009972     1.289  0.0007023      0.07043      2  no       head        4
    38           11       0.01169    0.01258     1.264  0.0006886      0.05472      3  no       head        4
    0            11       0.01351    0.01306     1.262  0.0006874      0.05264      4  no       head        4
    4             8        0.0138     0.0133     1.235  0.0006731      0.05062      3  no       head        3
    49           11       0.00934   0.009497     1.021  0.0005561      0.05856      3  no       head        5
    2             8      0.008576   0.009259    0.7202  0.0003923      0.04237      2  no       tail        6
    44           17       0.02097    0.02137    0.7197  0.0003921      0.01835      2  no       head        1
    34           15       0.01357    0.01377    0.7023  0.0003826      0.02779      2  no       head        3
    39           11       0.01187    0.01211    0.6224  0.0003391        0.028      2  no       head        4
    72            4      0.006696   0.006648    0.3869  0.0002108       0.0317      1  no       tail        7
    6            14       0.02156    0.02042    0.3333  0.0001816     0.008894      1  no       head        1
    69           13       0.01457    0.01519    0.3333  0.0001816      0.01195      1  no       head        3
    15            9       0.00793   0.008784    0.3155  0.0001719      0.01956      1  no       tail        6
    31            9       0.01016    0.01045     0.301   0.000164       0.0157      1  no       head        5
    12            6      0.006696   0.005461     0.301   0.000164      0.03003      1  no       tail        7
    74            8      0.007812   0.006885     0.301   0.000164      0.02382      1  no       tail        6
    54           11      0.008282    0.00736         0          0            0      0  no       tail        6
    63           13      0.008987    0.01021         0          0            0      0  no       head        5
    23            5      0.005169   0.005461         0          0            0      0  no       tail        8
    30           16       0.01727    0.01614         0          0            0      0  no       head        2
    50           10       0.01457    0.01425         0          0            0      0  no       head        3
    57            7      0.005228   0.003799         0          0            0      0  no       tail        8
    11            5      0.002702   0.004986         0          0            0      0  no       tail       10
    58            9      0.004053   0.005698         0          0            0      0  no       tail        9
    71            7      0.004347   0.004986         0          0            0      0  no       tail        8
    26            8      0.004758   0.005935         0          0            0      0  no       tail        8
    16           16       0.01028    0.01401         0          0            0      0  no       head        4
    51            8      0.002643   0.001425         0          0            0      0  no       tail       10
    27            6      0.005287   0.005935         0          0            0      0  no       tail        8
    42            8      0.004993   0.006173         0          0            0      0  no       tail        8
    65           11       0.01263     0.0114         0          0            0      0  no       head        4
    78            9      0.003466   0.003799         0          0            0      0  no       tail        9
    61           13      0.008752   0.008784         0          0            0      0  no       head        6
    45           11      0.007108   0.008547         0          0            0      0  no       tail        7
    8            13      0.009398    0.01068         0          0            0      0  no       head        5
    62           12      0.006109    0.00641         0          0            0      0  no       tail        7
    10           11      0.009164   0.009972         0          0            0      0  no       head        5
    67            8      0.002937   0.002374         0          0            0      0  no       tail       10
    1             8      0.003818   0.002849         0          0            0      0  no       tail        9
    3            10      0.009105   0.007123         0          0            0      0  no       head        5
    53           11      0.004171   0.004274         0          0            0      0  no       tail        9
    14           11      0.006814   0.006173         0          0            0      0  no       tail        7
    19           12       0.01533    0.01638         0          0            0      0  no       head        3
    48            7      0.004112   0.003324         0          0            0      0  no       tail        9
    37            7      0.003583   0.004986         0          0            0      0  no       tail        9
    77            7       0.00235   0.003086         0          0            0      0  no       tail       10
    75           11      0.008341   0.007597         0          0            0      0  no       tail        6
    56            7       0.00981    0.01092         0          0            0      0  no       head        5
    13           10      0.007401   0.009259         0          0            0      0  no       tail        6
    36            8      0.005522   0.004036         0          0            0      0  no       tail        8
    64            8      0.005698   0.005935         0          0            0      0  no       tail        8
    24            5      0.005757    0.00641         0          0            0      0  no       tail        7
    46           15      0.003524   0.004511         0          0            0      0  no       tail        9
    47            6      0.003818   0.004274         0          0            0      0  no       tail        9
    59           10       0.01057   0.007123         0          0            0      0  no       head        4
    70            5      0.002585   0.001187         0          0            0      0  no       tail       10
    18            3     0.0005874  0.0002374         0          0            0      0  no       tail       10
    29            8      0.001645   0.002374         0          0            0      0  no       tail       10
    66            8      0.001175  0.0009497         0          0            0      0  no       tail       10
ease-mmr (imported):
  model                   ease-mmr
  kind                    imported
  unit                    creator
  exposure                log
  k                       10
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
  creators (80 of 80, by exposure):
    creator  videos  interactions      merit  exposure      share  share/merit  slots  maximin  group  decile
    35           32        0.1318     0.1349     346.9      0.189        1.401    404  yes      head        1
    20           11       0.04464    0.04535     263.3     0.1435        3.163    395  yes      head        1
    5            24       0.06526      0.066       202       0.11        1.667    399  yes      head        1
    73           14        0.0319    0.03015     136.2    0.07421        2.461    330  yes      head        1
    9            10       0.02449    0.02303       114    0.06208        2.696    291  yes      head        1
    33           12       0.02074    0.02398     92.11    0.05018        2.093    224  yes      head        2
    17            6       0.01721    0.01852     58.71    0.03199        1.727    163  yes      head        2
    22           19       0.02579    0.02137     56.37    0.03071        1.437    164  yes      head        1
    60            7      0.008635   0.009972     52.17    0.02842         2.85    143  yes      tail        6
    21           13       0.01774    0.01757     46.44     0.0253         1.44    137  yes      head        2
    55           10       0.01357    0.01282     44.56    0.02428        1.894    126  yes      head        3
    43           10       0.01686    0.01733     42.13    0.02295        1.324    124  yes      head        2
    7            13       0.01903    0.01828     41.08    0.02238        1.224    122  yes      head        2
    52            5      0.009457   0.008784     37.85    0.02062        2.348    112  yes      head        5
    40           12       0.01398     0.0133     36.09    0.01966        1.479     99  yes      head        3
    76            8       0.01093   0.009497     26.35    0.01435        1.511     78  yes      head        4
    32           11       0.01698    0.01662     25.33     0.0138       0.8302     77  yes      head        2
    41            6       0.01439    0.01496     23.03    0.01255        0.839     71  yes      head        3
    79            9       0.01674    0.01662     22.41    0.01221       0.7346     68  yes      head        2
    68            4       0.00699   0.005698     20.66    0.01126        1.975     62  yes      tail        7
    28            4      0.007166   0.005223     17.38    0.00947        1.813     50  yes      tail        7
    4             8        0.0138     0.0133     14.43   0.007863       0.5914     43  no       head        3
    6            14       0.02156    0.02042     14.25   0.007763       0.3802     44  no       head        1
    44           17       0.02097    0.02137     9.677   0.005272       0.2467     30  no       head        1
    72            4      0.006696   0.006648      9.13   0.004974       0.7482     28  no       tail        7
    0            11       0.01351    0.01306      8.42   0.004587       0.3513     26  no       head        4
    39           11       0.01187    0.01211     7.196    0.00392       0.3238     22  no       head        4
    30           16       0.01727    0.01614     5.595   0.003048       0.1888     18  no       head        2
    38           11       0.01169    0.01258     5.018   0.002733       0.2172     14  no       head        4
    59           10       0.01057   0.007123     4.731   0.002577       0.3619     15  no       head        4
    25           11        0.0131   0.009972     4.657   0.002537       0.2544     13  no       head        4
    19           12       0.01533    0.01638     4.465   0.002433       0.1485     14  no       head        3
    56            7       0.00981    0.01092      4.42   0.002408       0.2205     14  no       head        5
    2             8      0.008576   0.009259     4.186    0.00228       0.2463     13  no       tail        6
    15            9       0.00793   0.008784     3.888   0.002118       0.2411     12  no       tail        6
    31            9       0.01016    0.01045     3.799    0.00207       0.1981     12  no       head        5
    10           11      0.009164   0.009972     3.762    0.00205       0.2056     12  no       head        5
    54           11      0.008282    0.00736     3.622   0.001973       0.2681     11  no       tail        6
    65           11       0.01263     0.0114      3.21   0.001749       0.1534     10  no       head        4
    34           15       0.01357    0.01377         3   0.001634       0.1187      9  no       head        3
    49           11       0.00934   0.009497     2.072   0.001129       0.1189      6  no       head        5
    23            5      0.005169   0.005461     1.988   0.001083       0.1984      6  no       tail        8
    50           10       0.01457    0.01425     1.785  0.0009723      0.06825      6  no       head        3
    74            8      0.007812   0.006885     1.644  0.0008954       0.1301      5  no       tail        6
    36            8      0.005522   0.004036     1.207  0.0006573       0.1629      4  no       tail        8
    69           13       0.01457    0.01519    0.6572  0.0003581      0.02356      2  no       head        3
    75           11      0.008341   0.007597    0.6344  0.0003456      0.04549      2  no       tail        6
    3            10      0.009105   0.007123    0.6309  0.0003437      0.04826      2  no       head        5
    42            8      0.004993   0.006173    0.6045  0.0003293      0.05335      2  no       tail        8
    61           13      0.008752   0.008784    0.5901  0.0003215       0.0366      2  no       head        6
    63           13      0.008987    0.01021    0.3562  0.0001941      0.01901      1  no       head        5
    12            6      0.006696   0.005461    0.3562  0.0001941      0.03554      1  no       tail        7
    24            5      0.005757    0.00641    0.3155  0.0001719      0.02681      1  no       tail        7
    13           10      0.007401   0.009259    0.2891  0.0001575      0.01701      1  no       tail        6
    57            7      0.005228   0.003799         0          0            0      0  no       tail        8
    11            5      0.002702   0.004986         0          0            0      0  no       tail       10
    58            9      0.004053   0.005698         0          0            0      0  no       tail        9
    71            7      0.004347   0.004986         0          0            0      0  no       tail        8
    26            8      0.004758   0.005935         0          0            0      0  no       tail        8
    16           16       0.01028    0.01401         0          0            0      0  no       head        4
    51            8      0.002643   0.001425         0          0            0      0  no       tail       10
    27            6      0.005287   0.005935         0          0            0      0  no       tail        8
    78            9      0.003466   0.003799         0          0            0      0  no       tail        9
    45           11      0.007108   0.008547         0          0            0      0  no       tail        7
    8            13      0.009398    0.01068         0          0            0      0  no       head        5
    62           12      0.006109    0.00641         0          0            0      0  no       tail        7
    67            8      0.002937   0.002374         0          0            0      0  no       tail       10
    1             8      0.003818   0.002849         0          0            0      0  no       tail        9
    53           11      0.004171   0.004274         0          0            0      0  no       tail        9
    14           11      0.006814   0.006173         0          0            0      0  no       tail        7
    48            7      0.004112   0.003324         0          0            0      0  no       tail        9
    37            7      0.003583   0.004986         0          0            0      0  no       tail        9
    77            7       0.00235   0.003086         0          0            0      0  no       tail       10
    64            8      0.005698   0.005935         0          0            0      0  no       tail        8
    46           15      0.003524   0.004511         0          0            0      0  no       tail        9
    47            6      0.003818   0.004274         0          0            0      0  no       tail        9
    70            5      0.002585   0.001187         0          0            0      0  no       tail       10
    18            3     0.0005874  0.0002374         0          0            0      0  no       tail       10
    29            8      0.001645   0.002374         0          0            0      0  no       tail       10
    66            8      0.001175  0.0009497         0          0            0      0  no       tail       10
ease-xquad (imported):
  model                   ease-xquad
  kind                    imported
  unit                    creator
  exposure                log
  k                       10
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
  creators (80 of 80, by exposure):
    creator  videos  interactions      merit  exposure      share  share/merit  slots  maximin  group  decile
    35           32        0.1318     0.1349     1,065       0.58        4.301  2,269  yes      head        1
    20           11       0.04464    0.04535       337     0.1836        4.049    665  yes      head        1
    5            24       0.06526      0.066     226.5     0.1234         1.87    561  yes      head        1
    73           14        0.0319    0.03015        54    0.02942       0.9758    135  yes      head        1
    33           12       0.02074    0.02398     40.19     0.0219       0.9132     92  yes      head        2
    9            10       0.02449    0.02303      30.4    0.01656       0.7192     84  yes      head        1
    60            7      0.008635   0.009972     11.29   0.006148       0.6166     32  no       tail        6
    17            6       0.01721    0.01852     10.41    0.00567       0.3062     30  no       head        2
    55           10       0.01357    0.01282     7.743   0.004218        0.329     21  no       head        3
    40           12       0.01398     0.0133     7.219   0.003933       0.2958     22  no       head        3
    43           10       0.01686    0.01733     6.491   0.003536        0.204     17  no       head        2
    22           19       0.02579    0.02137     5.299   0.002887       0.1351     14  no       head        1
    21           13       0.01774    0.01757      3.85   0.002097       0.1194     12  no       head        2
    28            4      0.007166   0.005223     3.368   0.001835       0.3512      9  no       tail        7
    7            13       0.01903    0.01828     2.846    0.00155      0.08481      8  no       head        2
    52            5      0.009457   0.008784     2.783   0.001516       0.1726      8  no       head        5
    79            9       0.01674    0.01662     2.618   0.001426      0.08582      8  no       head        2
    32           11       0.01698    0.01662     1.693  0.0009223      0.05549      5  no       head        2
    76            8       0.01093   0.009497     1.524  0.0008305      0.08745      5  no       head        4
    41            6       0.01439    0.01496     1.366  0.0007442      0.04976      4  no       head        3
    68            4       0.00699   0.005698      1.31  0.0007136       0.1252      4  no       tail        7
    25           11        0.0131   0.009972     1.289  0.0007023      0.07043      2  no       head        4
    38           11       0.01169    0.01258     1.264  0.0006886      0.05472      3  no       head        4
    0            11       0.01351    0.01306     1.262  0.0006874      0.05264      4  no       head        4
    4             8        0.0138     0.0133     1.235  0.0006731      0.05062      3  no       head        3
    49           11       0.00934   0.009497    0.9769  0.0005322      0.05604      3  no       head        5
    30           16       0.01727    0.01614    0.7317  0.0003986      0.02469      2  no       head        2
    2             8      0.008576   0.009259    0.7202  0.0003923      0.04237      2  no       tail        6
    44           17       0.02097    0.02137    0.7197  0.0003921      0.01835      2  no       head        1
    34           15       0.01357    0.01377    0.7023  0.0003826      0.02779      2  no       head        3
    62           12      0.006109    0.00641    0.6309  0.0003437      0.05362      1  no       tail        7
    39           11       0.01187    0.01211    0.6224  0.0003391        0.028      2  no       head        4
    72            4      0.006696   0.006648    0.3869  0.0002108       0.0317      1  no       tail        7
    6            14       0.02156    0.02042    0.3333  0.0001816     0.008894      1  no       head        1
    69           13       0.01457    0.01519    0.3333  0.0001816      0.01195      1  no       head        3
    8            13      0.009398    0.01068    0.3155  0.0001719      0.01609      1  no       head        5
    15            9       0.00793   0.008784    0.3155  0.0001719      0.01956      1  no       tail        6
    31            9       0.01016    0.01045     0.301   0.000164       0.0157      1  no       head        5
    12            6      0.006696   0.005461     0.301   0.000164      0.03003      1  no       tail        7
    74            8      0.007812   0.006885     0.301   0.000164      0.02382      1  no       tail        6
    48            7      0.004112   0.003324     0.301   0.000164      0.04934      1  no       tail        9
    54           11      0.008282    0.00736         0          0            0      0  no       tail        6
    63           13      0.008987    0.01021         0          0            0      0  no       head        5
    23            5      0.005169   0.005461         0          0            0      0  no       tail        8
    50           10       0.01457    0.01425         0          0            0      0  no       head        3
    57            7      0.005228   0.003799         0          0            0      0  no       tail        8
    11            5      0.002702   0.004986         0          0            0      0  no       tail       10
    58            9      0.004053   0.005698         0          0            0      0  no       tail        9
    71            7      0.004347   0.004986         0          0            0      0  no       tail        8
    26            8      0.004758   0.005935         0          0            0      0  no       tail        8
    16           16       0.01028    0.01401         0          0            0      0  no       head        4
    51            8      0.002643   0.001425         0          0            0      0  no       tail       10
    27            6      0.005287   0.005935         0          0            0      0  no       tail        8
    42            8      0.004993   0.006173         0          0            0      0  no       tail        8
    65           11       0.01263     0.0114         0          0            0      0  no       head        4
    78            9      0.003466   0.003799         0          0            0      0  no       tail        9
    61           13      0.008752   0.008784         0          0            0      0  no       head        6
    45           11      0.007108   0.008547         0          0            0      0  no       tail        7
    10           11      0.009164   0.009972         0          0            0      0  no       head        5
    67            8      0.002937   0.002374         0          0            0      0  no       tail       10
    1             8      0.003818   0.002849         0          0            0      0  no       tail        9
    3            10      0.009105   0.007123         0          0            0      0  no       head        5
    53           11      0.004171   0.004274         0          0            0      0  no       tail        9
    14           11      0.006814   0.006173         0          0            0      0  no       tail        7
    19           12       0.01533    0.01638         0          0            0      0  no       head        3
    37            7      0.003583   0.004986         0          0            0      0  no       tail        9
    77            7       0.00235   0.003086         0          0            0      0  no       tail       10
    75           11      0.008341   0.007597         0          0            0      0  no       tail        6
    56            7       0.00981    0.01092         0          0            0      0  no       head        5
    13           10      0.007401   0.009259         0          0            0      0  no       tail        6
    36            8      0.005522   0.004036         0          0            0      0  no       tail        8
    64            8      0.005698   0.005935         0          0            0      0  no       tail        8
    24            5      0.005757    0.00641         0          0            0      0  no       tail        7
    46           15      0.003524   0.004511         0          0            0      0  no       tail        9
    47            6      0.003818   0.004274         0          0            0      0  no       tail        9
    59           10       0.01057   0.007123         0          0            0      0  no       head        4
    70            5      0.002585   0.001187         0          0            0      0  no       tail       10
    18            3     0.0005874  0.0002374         0          0            0      0  no       tail       10
    29            8      0.001645   0.002374         0          0            0      0  no       tail       10
    66            8      0.001175  0.0009497         0          0            0      0  no       tail       10
ease-cal (imported):
  model                   ease-cal
  kind                    imported
  unit                    creator
  exposure                log
  k                       10
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
  creators (80 of 80, by exposure):
    creator  videos  interactions      merit  exposure      share  share/merit  slots  maximin  group  decile
    35           32        0.1318     0.1349     957.2     0.5214        3.867  2,103  yes      head        1
    20           11       0.04464    0.04535     304.8     0.1661        3.662    616  yes      head        1
    5            24       0.06526      0.066     196.5      0.107        1.622    499  yes      head        1
    60            7      0.008635   0.009972     81.18    0.04423        4.435    146  yes      tail        6
    73           14        0.0319    0.03015     45.64    0.02486       0.8246    117  yes      head        1
    68            4       0.00699   0.005698     40.09    0.02184        3.833     73  yes      tail        7
    33           12       0.02074    0.02398     36.34    0.01979       0.8255     88  yes      head        2
    28            4      0.007166   0.005223     27.93    0.01522        2.913     50  yes      tail        7
    9            10       0.02449    0.02303      24.6     0.0134       0.5819     71  yes      head        1
    72            4      0.006696   0.006648     20.86    0.01136        1.709     38  no       tail        7
    15            9       0.00793   0.008784     12.74   0.006941       0.7902     24  no       tail        6
    54           11      0.008282    0.00736     8.734   0.004758       0.6465     16  no       tail        6
    17            6       0.01721    0.01852     7.622   0.004152       0.2242     22  no       head        2
    23            5      0.005169   0.005461     7.567   0.004123        0.755     14  no       tail        8
    55           10       0.01357    0.01282      6.42   0.003498       0.2728     18  no       head        3
    40           12       0.01398     0.0133      6.31   0.003438       0.2586     20  no       head        3
    74            8      0.007812   0.006885     5.672    0.00309       0.4488     10  no       tail        6
    22           19       0.02579    0.02137     4.749   0.002587       0.1211     13  no       head        1
    43           10       0.01686    0.01733     4.332    0.00236       0.1362     12  no       head        2
    2             8      0.008576   0.009259      4.33   0.002359       0.2548      9  no       tail        6
    75           11      0.008341   0.007597     3.788   0.002063       0.2716      7  no       tail        6
    24            5      0.005757    0.00641     2.694   0.001468       0.2289      5  no       tail        7
    7            13       0.01903    0.01828     2.354   0.001283      0.07016      7  no       head        2
    21           13       0.01774    0.01757      2.28   0.001242      0.07069      7  no       head        2
    52            5      0.009457   0.008784     2.088   0.001138       0.1295      6  no       head        5
    79            9       0.01674    0.01662       1.9   0.001035      0.06228      6  no       head        2
    32           11       0.01698    0.01662     1.884   0.001026      0.06176      6  no       head        2
    41            6       0.01439    0.01496     1.292  0.0007041      0.04707      4  no       head        3
    25           11        0.0131   0.009972     1.289  0.0007023      0.07043      2  no       head        4
    42            8      0.004993   0.006173     1.262  0.0006874       0.1114      2  no       tail        8
    38           11       0.01169    0.01258      1.22  0.0006647      0.05283      3  no       head        4
    76            8       0.01093   0.009497     1.212  0.0006605      0.06956      4  no       head        4
    12            6      0.006696   0.005461    0.9643  0.0005253       0.0962      2  no       tail        7
    36            8      0.005522   0.004036    0.9464  0.0005156       0.1277      2  no       tail        8
    4             8        0.0138     0.0133     0.932  0.0005077      0.03819      2  no       head        3
    0            11       0.01351    0.01306    0.9031   0.000492      0.03768      3  no       head        4
    44           17       0.02097    0.02137    0.7197  0.0003921      0.01835      2  no       head        1
    34           15       0.01357    0.01377    0.6453  0.0003515      0.02553      2  no       head        3
    26            8      0.004758   0.005935    0.6309  0.0003437      0.05791      1  no       tail        8
    62           12      0.006109    0.00641    0.6309  0.0003437      0.05362      1  no       tail        7
    57            7      0.005228   0.003799    0.4307  0.0002346      0.06176      1  no       tail        8
    49           11       0.00934   0.009497    0.3869  0.0002108      0.02219      1  no       head        5
    69           13       0.01457    0.01519    0.3333  0.0001816      0.01195      1  no       head        3
    6            14       0.02156    0.02042    0.3155  0.0001719     0.008417      1  no       head        1
    39           11       0.01187    0.01211    0.3155  0.0001719      0.01419      1  no       head        4
    31            9       0.01016    0.01045    0.2891  0.0001575      0.01507      1  no       head        5
    64            8      0.005698   0.005935    0.2891  0.0001575      0.02653      1  no       tail        8
    63           13      0.008987    0.01021         0          0            0      0  no       head        5
    30           16       0.01727    0.01614         0          0            0      0  no       head        2
    50           10       0.01457    0.01425         0          0            0      0  no       head        3
    11            5      0.002702   0.004986         0          0            0      0  no       tail       10
    58            9      0.004053   0.005698         0          0            0      0  no       tail        9
    71            7      0.004347   0.004986         0          0            0      0  no       tail        8
    16           16       0.01028    0.01401         0          0            0      0  no       head        4
    51            8      0.002643   0.001425         0          0            0      0  no       tail       10
    27            6      0.005287   0.005935         0          0            0      0  no       tail        8
    65           11       0.01263     0.0114         0          0            0      0  no       head        4
    78            9      0.003466   0.003799         0          0            0      0  no       tail        9
    61           13      0.008752   0.008784         0          0            0      0  no       head        6
    45           11      0.007108   0.008547         0          0            0      0  no       tail        7
    8            13      0.009398    0.01068         0          0            0      0  no       head        5
    10           11      0.009164   0.009972         0          0            0      0  no       head        5
    67            8      0.002937   0.002374         0          0            0      0  no       tail       10
    1             8      0.003818   0.002849         0          0            0      0  no       tail        9
    3            10      0.009105   0.007123         0          0            0      0  no       head        5
    53           11      0.004171   0.004274         0          0            0      0  no       tail        9
    14           11      0.006814   0.006173         0          0            0      0  no       tail        7
    19           12       0.01533    0.01638         0          0            0      0  no       head        3
    48            7      0.004112   0.003324         0          0            0      0  no       tail        9
    37            7      0.003583   0.004986         0          0            0      0  no       tail        9
    77            7       0.00235   0.003086         0          0            0      0  no       tail       10
    56            7       0.00981    0.01092         0          0            0      0  no       head        5
    13           10      0.007401   0.009259         0          0            0      0  no       tail        6
    46           15      0.003524   0.004511         0          0            0      0  no       tail        9
    47            6      0.003818   0.004274         0          0            0      0  no       tail        9
    59           10       0.01057   0.007123         0          0            0      0  no       head        4
    70            5      0.002585   0.001187         0          0            0      0  no       tail       10
    18            3     0.0005874  0.0002374         0          0            0      0  no       tail       10
    29            8      0.001645   0.002374         0          0            0      0  no       tail       10
    66            8      0.001175  0.0009497         0          0            0      0  no       tail       10
ease-fair (imported):
  model                   ease-fair
  kind                    imported
  unit                    creator
  exposure                log
  k                       10
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
  creators (80 of 80, by exposure):
    creator  videos  interactions      merit  exposure      share  share/merit  slots  maximin  group  decile
    35           32        0.1318     0.1349     849.2     0.4626        3.431  1,675  yes      head        1
    20           11       0.04464    0.04535       283     0.1542          3.4    516  yes      head        1
    5            24       0.06526      0.066     156.5    0.08528        1.292    360  yes      head        1
    60            7      0.008635   0.009972     91.07    0.04962        4.976    232  yes      tail        6
    68            4       0.00699   0.005698     85.53     0.0466        8.178    241  yes      tail        7
    28            4      0.007166   0.005223     51.06    0.02782        5.326    144  yes      tail        7
    72            4      0.006696   0.006648     47.75    0.02601        3.913    137  yes      tail        7
    73           14        0.0319    0.03015     37.02    0.02017        0.669     86  yes      head        1
    33           12       0.02074    0.02398     31.73    0.01728       0.7208     69  yes      head        2
    15            9       0.00793   0.008784     29.17    0.01589        1.809     84  yes      tail        6
    54           11      0.008282    0.00736     26.52    0.01445        1.963     78  yes      tail        6
    2             8      0.008576   0.009259     17.95   0.009779        1.056     53  yes      tail        6
    9            10       0.02449    0.02303     16.86   0.009183       0.3988     43  no       head        1
    23            5      0.005169   0.005461     16.07   0.008756        1.604     45  no       tail        8
    74            8      0.007812   0.006885     14.42   0.007858        1.141     42  no       tail        6
    75           11      0.008341   0.007597     12.03   0.006556        0.863     36  no       tail        6
    24            5      0.005757    0.00641        10   0.005449         0.85     30  no       tail        7
    42            8      0.004993   0.006173     6.538   0.003562        0.577     20  no       tail        8
    36            8      0.005522   0.004036       5.7   0.003105       0.7694     17  no       tail        8
    17            6       0.01721    0.01852     4.806   0.002618       0.1414     13  no       head        2
    57            7      0.005228   0.003799     4.205   0.002291        0.603     13  no       tail        8
    22           19       0.02579    0.02137     3.769   0.002053       0.0961     10  no       head        1
    55           10       0.01357    0.01282     3.691   0.002011       0.1568      9  no       head        3
    43           10       0.01686    0.01733     3.624   0.001974       0.1139      8  no       head        2
    40           12       0.01398     0.0133     2.944   0.001604       0.1206      9  no       head        3
    12            6      0.006696   0.005461     2.635   0.001435       0.2629      8  no       tail        7
    13           10      0.007401   0.009259     1.871   0.001019       0.1101      6  no       tail        6
    21           13       0.01774    0.01757      1.84   0.001002      0.05706      6  no       head        2
    45           11      0.007108   0.008547      1.57  0.0008552       0.1001      5  no       tail        7
    7            13       0.01903    0.01828     1.525  0.0008305      0.04543      4  no       head        2
    26            8      0.004758   0.005935     1.334  0.0007266       0.1224      4  no       tail        8
    27            6      0.005287   0.005935     1.301  0.0007088       0.1194      4  no       tail        8
    48            7      0.004112   0.003324     1.204   0.000656       0.1974      4  no       tail        9
    52            5      0.009457   0.008784     1.202   0.000655      0.07456      3  no       head        5
    38           11       0.01169    0.01258     1.176  0.0006406      0.05091      3  no       head        4
    25           11        0.0131   0.009972         1  0.0005448      0.05463      1  no       head        4
    32           11       0.01698    0.01662    0.9607  0.0005234      0.03149      3  no       head        2
    79            9       0.01674    0.01662    0.7891  0.0004299      0.02587      2  no       head        2
    62           12      0.006109    0.00641     0.764  0.0004162      0.06493      2  no       tail        7
    41            6       0.01439    0.01496    0.6759  0.0003682      0.02462      2  no       head        3
    64            8      0.005698   0.005935    0.6667  0.0003632      0.06119      2  no       tail        8
    4             8        0.0138     0.0133    0.6309  0.0003437      0.02585      1  no       head        3
    44           17       0.02097    0.02137    0.3869  0.0002108     0.009863      1  no       head        1
    49           11       0.00934   0.009497    0.3869  0.0002108      0.02219      1  no       head        5
    34           15       0.01357    0.01377    0.3562  0.0001941      0.01409      1  no       head        3
    0            11       0.01351    0.01306    0.3155  0.0001719      0.01316      1  no       head        4
    76            8       0.01093   0.009497    0.3155  0.0001719       0.0181      1  no       head        4
    69           13       0.01457    0.01519    0.3155  0.0001719      0.01131      1  no       head        3
    14           11      0.006814   0.006173     0.301   0.000164      0.02657      1  no       tail        7
    47            6      0.003818   0.004274     0.301   0.000164      0.03837      1  no       tail        9
    6            14       0.02156    0.02042    0.2891  0.0001575     0.007713      1  no       head        1
    39           11       0.01187    0.01211    0.2891  0.0001575      0.01301      1  no       head        4
    63           13      0.008987    0.01021         0          0            0      0  no       head        5
    30           16       0.01727    0.01614         0          0            0      0  no       head        2
    50           10       0.01457    0.01425         0          0            0      0  no       head        3
    31            9       0.01016    0.01045         0          0            0      0  no       head        5
    11            5      0.002702   0.004986         0          0            0      0  no       tail       10
    58            9      0.004053   0.005698         0          0            0      0  no       tail        9
    71            7      0.004347   0.004986         0          0            0      0  no       tail        8
    16           16       0.01028    0.01401         0          0            0      0  no       head        4
    51            8      0.002643   0.001425         0          0            0      0  no       tail       10
    65           11       0.01263     0.0114         0          0            0      0  no       head        4
    78            9      0.003466   0.003799         0          0            0      0  no       tail        9
    61           13      0.008752   0.008784         0          0            0      0  no       head        6
    8            13      0.009398    0.01068         0          0            0      0  no       head        5
    10           11      0.009164   0.009972         0          0            0      0  no       head        5
    67            8      0.002937   0.002374         0          0            0      0  no       tail       10
    1             8      0.003818   0.002849         0          0            0      0  no       tail        9
    3            10      0.009105   0.007123         0          0            0      0  no       head        5
    53           11      0.004171   0.004274         0          0            0      0  no       tail        9
    19           12       0.01533    0.01638         0          0            0      0  no       head        3
    37            7      0.003583   0.004986         0          0            0      0  no       tail        9
    77            7       0.00235   0.003086         0          0            0      0  no       tail       10
    56            7       0.00981    0.01092         0          0            0      0  no       head        5
    46           15      0.003524   0.004511         0          0            0      0  no       tail        9
    59           10       0.01057   0.007123         0          0            0      0  no       head        4
    70            5      0.002585   0.001187         0          0            0      0  no       tail       10
    18            3     0.0005874  0.0002374         0          0            0      0  no       tail       10
    29            8      0.001645   0.002374         0          0            0      0  no       tail       10
    66            8      0.001175  0.0009497         0          0            0      0  no       tail       10
ease-maximin (imported):
  model                   ease-maximin
  kind                    imported
  unit                    creator
  exposure                log
  k                       10
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
  creators (80 of 80, by exposure):
    creator  videos  interactions      merit  exposure      share  share/merit  slots  maximin  group  decile
    35           32        0.1318     0.1349     529.6     0.2885        2.139    762  yes      head        1
    20           11       0.04464    0.04535     205.7     0.1121        2.471    294  yes      head        1
    5            24       0.06526      0.066     85.82    0.04676       0.7084    144  yes      head        1
    73           14        0.0319    0.03015     34.82    0.01897       0.6291     67  yes      head        1
    33           12       0.02074    0.02398     34.48    0.01878       0.7833     65  yes      head        2
    9            10       0.02449    0.02303     27.65    0.01506        0.654     55  yes      head        1
    43           10       0.01686    0.01733     21.36    0.01163       0.6713     50  yes      head        2
    17            6       0.01721    0.01852     21.12    0.01151       0.6214     50  yes      head        2
    55           10       0.01357    0.01282     21.12     0.0115       0.8973     50  yes      head        3
    22           19       0.02579    0.02137     20.97    0.01143       0.5347     50  yes      head        1
    40           12       0.01398     0.0133     20.96    0.01142       0.8589     50  yes      head        3
    60            7      0.008635   0.009972     20.84    0.01135        1.138     50  yes      tail        6
    21           13       0.01774    0.01757     20.49    0.01116       0.6354     50  yes      head        2
    7            13       0.01903    0.01828     20.02    0.01091       0.5967     50  yes      head        2
    76            8       0.01093   0.009497     19.35    0.01054         1.11     50  yes      head        4
    52            5      0.009457   0.008784     19.35    0.01054          1.2     50  yes      head        5
    79            9       0.01674    0.01662     19.26    0.01049       0.6315     50  yes      head        2
    32           11       0.01698    0.01662      19.1    0.01041       0.6262     50  yes      head        2
    28            4      0.007166   0.005223     19.02    0.01036        1.983     50  yes      tail        7
    41            6       0.01439    0.01496     18.99    0.01035       0.6917     50  yes      head        3
    68            4       0.00699   0.005698     18.88    0.01029        1.806     50  yes      tail        7
    4             8        0.0138     0.0133     18.43    0.01004        0.755     50  yes      head        3
    6            14       0.02156    0.02042     18.33   0.009987       0.4892     50  yes      head        1
    0            11       0.01351    0.01306     18.11   0.009869       0.7558     50  yes      head        4
    72            4      0.006696   0.006648      17.7   0.009644        1.451     50  yes      tail        7
    44           17       0.02097    0.02137     17.35   0.009449       0.4422     50  yes      head        1
    30           16       0.01727    0.01614     17.25     0.0094       0.5822     50  yes      head        2
    39           11       0.01187    0.01211     17.15   0.009342       0.7715     50  yes      head        4
    25           11        0.0131   0.009972     17.07     0.0093       0.9327     50  yes      head        4
    19           12       0.01533    0.01638     16.92   0.009218       0.5627     50  yes      head        3
    15            9       0.00793   0.008784     16.89   0.009204        1.048     50  yes      tail        6
    65           11       0.01263     0.0114     16.84   0.009175       0.8051     50  yes      head        4
    38           11       0.01169    0.01258     16.79   0.009146       0.7268     50  yes      head        4
    31            9       0.01016    0.01045     16.77   0.009133       0.8743     50  yes      head        5
    56            7       0.00981    0.01092     16.61   0.009049       0.8285     50  yes      head        5
    2             8      0.008576   0.009259     16.61   0.009046        0.977     50  yes      tail        6
    34           15       0.01357    0.01377     16.56   0.009022       0.6552     50  yes      head        3
    49           11       0.00934   0.009497     16.45   0.008964       0.9439     50  yes      head        5
    59           10       0.01057   0.007123     16.45   0.008959        1.258     50  yes      head        4
    10           11      0.009164   0.009972     16.41   0.008942       0.8968     50  yes      head        5
    54           11      0.008282    0.00736     16.29   0.008876        1.206     50  yes      tail        6
    74            8      0.007812   0.006885     16.22   0.008836        1.283     50  yes      tail        6
    50           10       0.01457    0.01425     16.01   0.008724       0.6124     50  yes      head        3
    23            5      0.005169   0.005461     15.94   0.008682         1.59     50  yes      tail        8
    3            10      0.009105   0.007123     15.51   0.008451        1.187     50  yes      head        5
    69           13       0.01457    0.01519     15.45   0.008418        0.554     50  yes      head        3
    36            8      0.005522   0.004036     15.45   0.008415        2.085     50  yes      tail        8
    75           11      0.008341   0.007597     15.32   0.008346        1.098     50  yes      tail        6
    61           13      0.008752   0.008784     15.29   0.008331       0.9484     50  yes      head        6
    24            5      0.005757    0.00641     15.19   0.008274        1.291     50  yes      tail        7
    12            6      0.006696   0.005461     15.13   0.008243         1.51     50  yes      tail        7
    42            8      0.004993   0.006173     15.11   0.008231        1.333     50  yes      tail        8
    57            7      0.005228   0.003799     14.93   0.008134        2.141     50  yes      tail        8
    8            13      0.009398    0.01068     14.86   0.008095       0.7577     50  yes      head        5
    45           11      0.007108   0.008547     14.77   0.008047       0.9415     50  yes      tail        7
    16           16       0.01028    0.01401     9.186   0.005005       0.3573     31  no       head        4
    63           13      0.008987    0.01021     8.705   0.004742       0.4645     29  no       head        5
    13           10      0.007401   0.009259     8.095    0.00441       0.4763     27  no       tail        6
    48            7      0.004112   0.003324     6.192   0.003374        1.015     21  no       tail        9
    62           12      0.006109    0.00641     5.156   0.002809       0.4382     17  no       tail        7
    11            5      0.002702   0.004986     5.005   0.002727       0.5469     17  no       tail       10
    27            6      0.005287   0.005935     4.174   0.002274       0.3831     14  no       tail        8
    26            8      0.004758   0.005935     3.604   0.001964       0.3308     12  no       tail        8
    64            8      0.005698   0.005935     2.982   0.001624       0.2737     10  no       tail        8
    14           11      0.006814   0.006173     2.419   0.001318       0.2135      8  no       tail        7
    47            6      0.003818   0.004274     1.522  0.0008292        0.194      5  no       tail        9
    58            9      0.004053   0.005698    0.8792  0.0004789      0.08406      3  no       tail        9
    51            8      0.002643   0.001425    0.8672  0.0004724       0.3316      3  no       tail       10
    78            9      0.003466   0.003799    0.6224  0.0003391      0.08926      2  no       tail        9
    37            7      0.003583   0.004986     0.301   0.000164      0.03289      1  no       tail        9
    70            5      0.002585   0.001187     0.301   0.000164       0.1381      1  no       tail       10
    71            7      0.004347   0.004986    0.2891  0.0001575      0.03159      1  no       tail        8
    46           15      0.003524   0.004511    0.2891  0.0001575      0.03491      1  no       tail        9
    67            8      0.002937   0.002374         0          0            0      0  no       tail       10
    1             8      0.003818   0.002849         0          0            0      0  no       tail        9
    53           11      0.004171   0.004274         0          0            0      0  no       tail        9
    77            7       0.00235   0.003086         0          0            0      0  no       tail       10
    18            3     0.0005874  0.0002374         0          0            0      0  no       tail       10
    29            8      0.001645   0.002374         0          0            0      0  no       tail       10
    66            8      0.001175  0.0009497         0          0            0      0  no       tail       10
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
