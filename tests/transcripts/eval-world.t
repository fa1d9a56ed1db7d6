# eval on the bundled world: trained on the sparse log, tested on the fully
# observed block, so the short-video metrics are exact; the block's items are
# the candidates and relevance defaults to watch_ratio >= 2 there.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/; s/^\( *[0-9][0-9]*  -  *[0-9.]*\)  *[0-9.e+-]*$/\1  (time)/
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
observed block  19,107
warning: skipped 3 malformed rows of samples/world/big_matrix.csv.gz (first: samples/world/big_matrix.csv.gz:4705: expected 11 fields, found 3)
> split observed valid=0.1
kind        observed
split       observed (test: the fully observed block)
train       19,134
valid       2,154
test        19,107
test users  80
> train pop model=pop
name            pop
kind            pop
params          window 0
training pairs  18,981
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10   seconds
      1  -     0.09171  (time)
> train rnd model=random
name            rnd
kind            random
params          seed 1
training pairs  18,981
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10   seconds
      1  -     0.01502  (time)
> eval k=10,20
relevance: watch_ratio >= 2 (every pair of the fully observed block is held out; relevant=COL>=T changes it)
1273 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop (pop):
  model                      pop
  kind                       pop
  protocol                   ranking the observed block's items, test part
  relevance                  watch_ratio >= 2
  users                      80
  users with relevant items  74
  short-video metrics        fully observed block
  auc                        0.6843
  ranking:
     k  precision   recall     ndcg      map     mrr     hit
    10    0.04865  0.09788  0.07196  0.02958  0.1283  0.3784
    20     0.0473   0.1695   0.1002  0.03575  0.1387  0.5405
  beyond accuracy:
     k  item_coverage  creator_coverage  novelty  diversity  popularity
    10        0.03894            0.1625    7.802     0.9072       88.08
    20        0.06156             0.275    8.086     0.8964       73.18
  short video (fully observed block):
     k  watch_ratio  completion  effective    dwell    like
    10       0.7866      0.2387      0.045  277,275    0.09
    20       0.7942       0.245    0.04375  579,916  0.1031
  seconds                    (time)
rnd (random):
  model                      rnd
  kind                       random
  protocol                   ranking the observed block's items, test part
  relevance                  watch_ratio >= 2
  users                      80
  users with relevant items  74
  short-video metrics        fully observed block
  auc                        0.5094
  ranking:
     k  precision   recall     ndcg      map      mrr     hit
    10    0.02432  0.04805  0.03428  0.01216  0.07019  0.2297
    20    0.02635  0.08308  0.04958   0.0145  0.07958  0.3784
  beyond accuracy:
     k  item_coverage  creator_coverage  novelty  diversity  popularity
    10         0.2864               0.9    10.18     0.9327       23.07
    20         0.3003             0.925    10.21     0.9314       23.19
  short video (fully observed block):
     k  watch_ratio  completion  effective    dwell     like
    10       0.6043      0.1262     0.0225  260,329  0.05875
    20       0.6252      0.1437    0.02438  538,896  0.05562
  seconds                    (time)
> eval pop k=10 relevant=watch_ratio>=1 effective=1.5
1273 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop (pop):
  model                      pop
  kind                       pop
  protocol                   ranking the observed block's items, test part
  relevance                  watch_ratio >= 1
  users                      80
  users with relevant items  80
  short-video metrics        fully observed block
  auc                        0.6324
  ranking:
     k  precision   recall   ndcg     map     mrr    hit
    10     0.2387  0.06912  0.257  0.1267  0.5208  0.975
  beyond accuracy:
     k  item_coverage  creator_coverage  novelty  diversity  popularity
    10        0.03894            0.1625    7.802     0.9072       88.08
  short video (fully observed block):
     k  watch_ratio  completion  effective    dwell  like
    10       0.7866      0.2387     0.1037  277,275  0.09
  seconds                    (time)
> eval pop k=10 part=valid
27 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop (pop):
  model                      pop
  kind                       pop
  protocol                   full ranking, validation part
  relevance                  every held-out row
  users                      371
  users with relevant items  371
  short-video metrics        logged items only (biased)
  auc                        0.7604
  ranking:
     k  precision   recall     ndcg      map    mrr     hit
    10    0.05633  0.09867  0.09188  0.04646  0.174  0.3935
  beyond accuracy:
     k  item_coverage  creator_coverage  novelty  diversity  popularity
    10        0.05779             0.125    7.447     0.8557       111.7
  short video (logged items only: biased):
     k  watch_ratio  completion  effective   dwell    like
    10        1.437      0.5497     0.1826  49,064  0.2466
  seconds                    (time)
warning: short-video metrics come from the logged items of each list only (a sparse log): biased towards what the logging policy showed
