# tune: a grid on the validation part, the best kept as a named model that
# eval then scores on the test part; a random search tries a sample of the
# grid (seeded).
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/; s/^\(  *[0-9][0-9]*  .*[^ ]\)  *[0-9][0-9.e+-]*$/\1  (time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
# filter: /^trials:$/,/^[^ ]/s/  *seconds$/  seconds/
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
> split user test=0.2 valid=0.1 seed=2
kind        user
split       user test=0.2 valid=0.1 seed=2
train       15,275
valid       1,749
test        4,264
test users  404
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  15,162
seconds         (time)
metric          ndcg@10
history:
  epoch  loss  ndcg@10  seconds
      1  -     0.07179  (time)
> tune model=ease lambda=10,100,1000
20 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
kept the best as model ease-tuned (eval ease-tuned scores it on the test part)
kind         ease
metric       ndcg@10
search       grid
grid points  3
trials:
  trial  lambda   ndcg@10  best  seconds
      1  10      0.051891  (time)
      2  100     0.069476  (time)
      3  1000    0.076807  *  (time)
best:
  name     ease-tuned
  params   lambda 1000  max_items 20000
  ndcg@10  0.076807
> tune model=itemknn k=5,20,80 sim=cosine,jaccard binary=yes search=random trials=3 seed=4 name=knn
20 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
kept the best as model knn (eval knn scores it on the test part)
kind         itemknn
metric       ndcg@10
search       random
grid points  6
trials:
  trial  k   sim       ndcg@10  best  seconds
      1  5   jaccard  0.062278  (time)
      2  20  jaccard  0.064721  *  (time)
      3  80  cosine   0.063871  (time)
best:
  name     knn
  params   sim jaccard  k 20  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
  ndcg@10  0.064721
> compare ease-tuned knn pop k=10
31 held-out pairs the user also has in training: not ranked (seen items are left out), so not counted as relevant
baseline random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model       precision@10    recall@10        ndcg@10          map@10            mrr@10          hit@10           auc
  ease-tuned  0.104 ±0.012 *  0.1068 ±0.014 *  0.1379 ±0.016 *  0.06759 ±0.011 *  0.292 ±0.037 *  0.5817 ±0.048 *  0.74 ±0.011 *
  pop         0.09307 ±0.012  0.09652 ±0.014   0.1249 ±0.016    0.06136 ±0.01     0.2644 ±0.035   0.5198 ±0.049    0.7336 ±0.012
  knn         0.09208 ±0.012  0.09033 ±0.012   0.115 ±0.015     0.05298 ±0.0089   0.238 ±0.032    0.5297 ±0.049    0.6467 ±0.012
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  knn  does not beat pop on precision@10: 0.09208 vs 0.09307, p = 0.802
warning: short-video metrics come from the logged items of each list only (a sparse log): biased towards what the logging policy showed
