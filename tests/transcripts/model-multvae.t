# multvae (Mult-VAE) on the bundled world: trains with a validation score per
# epoch, beats pop on the held-out test rows, recommends; save / open keeps
# the exact recommendations. (tests/unit/test-nn.c checks the gradients and
# a two-block world where each user's missing item of its block must come
# first.) Scores and losses follow the BLAS kernel and thread count.
# tolerance: 1e-2
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
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
> split user test=0.2 valid=0.1
kind        user
split       user test=0.2 valid=0.1 seed=1
train       15,285
valid       1,739
test        4,264
test users  404
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  15,184
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  -  0.07055  (time)
> train v model=multvae hidden=64 dim=16 epochs=10 batch=32 anneal_steps=100
name            v
kind            multvae
params          hidden 64  dim 16  epochs 10  batch 32  optimizer adam  lr 0.001  wd 0  dropout 0.5  anneal_cap 0.2  anneal_steps 100
training pairs  15,184
seconds         (time)
epochs          10
best epoch      7
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
  1  251.615  0.03966  (time)
  2  251.12  0.04733  (time)
  3  249.543  0.0589  (time)
  4  245.646  0.06421  (time)
  5  241.912  0.0625  (time)
  6  241.014  0.06758  (time)
  7  240.587  0.0711  (time)
  8  240.57  0.06846  (time)
  9  240.343  0.06989  (time)
  10  240.257  0.0701  (time)
> eval k=10
39 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
p (pop):
  model                      p
  kind                       pop
  protocol                   full ranking, test part
  relevance                  every held-out row
  diversity from             feat
  users                      404
  users with relevant items  404
  short-video metrics        logged items only (biased)
  auc                        0.747
  ranking:
     k  precision   recall    ndcg      map     mrr     hit
    10    0.09233  0.09299  0.1187  0.05497  0.2498  0.5347
  beyond accuracy:
     k  item_coverage  creator_coverage  novelty  diversity  popularity
    10        0.03899             0.075    7.423      0.879       90.78
  short video (logged items only: biased):
     k  watch_ratio  completion  effective   dwell    like
    10        1.388      0.5336     0.1921  63,804  0.2581
  seconds                    (time)
v (multvae):
  model                      v
  kind                       multvae
  protocol                   full ranking, test part
  relevance                  every held-out row
  diversity from             feat
  users                      404
  users with relevant items  404
  short-video metrics        logged items only (biased)
  auc                        0.7465
  ranking:
     k  precision   recall    ndcg      map     mrr     hit
    10    0.09455  0.09476  0.1222  0.05655  0.2619  0.5545
  beyond accuracy:
     k  item_coverage  creator_coverage  novelty  diversity  popularity
    10        0.03899            0.0875    7.438     0.9057       90.05
  short video (logged items only: biased):
     k  watch_ratio  completion  effective   dwell    like
    10        1.439       0.567     0.2173  58,602  0.2743
  seconds                    (time)
warning: short-video metrics come from the logged items of each list only (a sparse log): biased towards what the logging policy showed
> recommend user=0 k=3 model=v
model     v
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  197   1.8318  20       haul outfit style beauty ootd hairstyle today #Fashion
     2  691   1.6312  35       生活最后租房租房生活生活
     3  272   1.6155  35       好物推荐vlog日常收纳打扫
> save vae.rsw
path              vae.rsw
bytes             3,397,607
sections          144
datasets          2
shared with base  112
models            2
steps             1
results           2
seconds           (time)
> open vae.rsw
path      vae.rsw
bytes     3,397,607
sections  144
log rows  21,288
models    2
steps     1
results   2
seconds   (time)
> recommend user=0 k=3 model=v
model     v
user      0
fallback  no
items:
  rank  item   score  creator  text
     1  197   1.8318  20       haul outfit style beauty ootd hairstyle today #Fashion
     2  691   1.6312  35       生活最后租房租房生活生活
     3  272   1.6155  35       好物推荐vlog日常收纳打扫
