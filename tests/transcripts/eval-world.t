# eval on the bundled world: trained on the sparse log, tested on the fully
# observed block, so the short-video metrics are exact; the block's items are
# the candidates and relevance defaults to watch_ratio >= 2 there.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/; s/^\( *[0-9][0-9]*  -  *[0-9.]*\)  *[0-9.e+-]*$/\1  (time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
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
> split observed valid=0.1
kind        observed
split       observed (test: the fully observed block)
train       19,134
valid       2,154
test        19,124
test users  80
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  18,981
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
      1  -     0.09177  (time)
> train rnd model=random
name            rnd
kind            random
params          seed 1
training pairs  18,981
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
      1  -      0.0154  (time)
> eval k=10,20
relevance: watch_ratio >= 2 (every pair of the fully observed block is held out; relevant=COL>=T changes it)
1269 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop (pop):
  model                      pop
  kind                       pop
  protocol                   ranking the observed block's items, test part
  relevance                  watch_ratio >= 2
  diversity from             feat
  users                      80
  users with relevant items  76
  short-video metrics        fully observed block
  auc                        0.681
  ranking:
     k  precision  recall     ndcg      map     mrr     hit
    10    0.03947  0.0888  0.05996  0.02636  0.0872  0.2895
    20    0.04211  0.1656  0.09005  0.03299  0.1039  0.5263
  beyond accuracy:
     k  item_coverage  creator_coverage  novelty  diversity  popularity
    10        0.03894            0.1625      7.8     0.9079       88.25
    20        0.06156             0.275    8.083     0.8957       73.35
  short video (fully observed block):
     k  watch_ratio  completion  effective    dwell     like
    10       0.7758      0.2537     0.0375  274,527  0.09875
    20       0.7933        0.25       0.04  581,235  0.09937
  seconds                    (time)
rnd (random):
  model                      rnd
  kind                       random
  protocol                   ranking the observed block's items, test part
  relevance                  watch_ratio >= 2
  diversity from             feat
  users                      80
  users with relevant items  76
  short-video metrics        fully observed block
  auc                        0.4978
  ranking:
     k  precision   recall     ndcg      map      mrr     hit
    10    0.02632  0.04548  0.03705  0.01324  0.07798  0.2632
    20      0.025  0.07639  0.04929  0.01493  0.08542  0.3816
  beyond accuracy:
     k  item_coverage  creator_coverage  novelty  diversity  popularity
    10         0.2864               0.9    10.18     0.9337       23.17
    20         0.3003             0.925    10.22     0.9318       23.15
  short video (fully observed block):
     k  watch_ratio  completion  effective    dwell     like
    10        0.635       0.155      0.025  284,870   0.0675
    20       0.6345      0.1569    0.02375  552,294  0.06875
  seconds                    (time)
> eval pop k=10 relevant=watch_ratio>=1 effective=1.5
1269 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop (pop):
  model                      pop
  kind                       pop
  protocol                   ranking the observed block's items, test part
  relevance                  watch_ratio >= 1
  diversity from             feat
  users                      80
  users with relevant items  80
  short-video metrics        fully observed block
  auc                        0.6385
  ranking:
     k  precision   recall    ndcg     map     mrr     hit
    10     0.2537  0.07047  0.2567  0.1291  0.4598  0.8875
  beyond accuracy:
     k  item_coverage  creator_coverage  novelty  diversity  popularity
    10        0.03894            0.1625      7.8     0.9079       88.25
  short video (fully observed block):
     k  watch_ratio  completion  effective    dwell     like
    10       0.7758      0.2537       0.09  274,527  0.09875
  seconds                    (time)
> eval pop k=10 part=valid
27 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
pop (pop):
  model                      pop
  kind                       pop
  protocol                   full ranking, validation part
  relevance                  every held-out row
  diversity from             feat
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
