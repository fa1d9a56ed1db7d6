# compare, significance and tune refuse what they cannot do, naming why.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
# the kinds after the first two are the table's (models --kinds): a new kind
# does not change this test
# filter: s/(models: pop, random, [^)]*)/(models: pop, random, ...)/
> compare
error: no dataset loaded (use load PATH or generate DIR --load first)
> load data/eval/train.csv
format: delimited text
log data/eval/train.csv: comma-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/eval/train.csv
format        csv
interactions  8
users         3
items         5
creators      -
signal        rating 2-5
> split files test=data/eval/test.csv --allow-overlap
format: delimited text
log data/eval/test.csv: comma-separated, header row; user=user item=item value=rating time=(none)
kind        files
split       files test=data/eval/test.csv
train       8
valid       0
test        5
test users  3
warning: --allow-overlap: 1 of 5 held-out rows are also in the training log (same user and item): eval cannot rank them (seen items) and rmse/mae include them
> compare
error: compare: no model trained yet (train NAME model=KIND, or import recs FILE as NAME)
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  8
seconds         (time)
> train rnd model=random
name            rnd
kind            random
params          seed 1
training pairs  8
seconds         (time)
> compare metrics=ndcg
error: compare: metrics=ndcg: ndcg needs a cutoff from 1 to 100000 (ndcg@K) (metrics: rmse, mae, precision@K, recall@K, ndcg@K, map@K, mrr@K, hit@K, auc, item_coverage@K, creator_coverage@K, novelty@K, diversity@K, popularity@K, watch_ratio@K, completion@K, effective@K, dwell@K, like@K)
> compare metrics=ndcg@10,bogus
error: compare: metrics=ndcg@10,bogus: bogus is not a metric (metrics: rmse, mae, precision@K, recall@K, ndcg@K, map@K, mrr@K, hit@K, auc, item_coverage@K, creator_coverage@K, novelty@K, diversity@K, popularity@K, watch_ratio@K, completion@K, effective@K, dwell@K, like@K)
> compare metrics=auc@5
error: compare: metrics=auc@5: auc@5 takes no cutoff (auc) (metrics: rmse, mae, precision@K, recall@K, ndcg@K, map@K, mrr@K, hit@K, auc, item_coverage@K, creator_coverage@K, novelty@K, diversity@K, popularity@K, watch_ratio@K, completion@K, effective@K, dwell@K, like@K)
> compare pop nope
error: compare: no model named nope (models: pop, rnd)
> compare k=1,2,3,4,5,6,7,8 metrics=hit@9
error: compare: more than 8 different cutoffs
> significance pop
error: significance: missing argument; usage: significance A B [metric=ndcg@10] [sampled=N] [relevant=COL>=T]
> significance pop pop
error: significance: model pop is named twice
> significance pop rnd metric=nDCG@10
error: significance: metric=nDCG@10 is not a metric (metrics: rmse, mae, precision@K, recall@K, ndcg@K, map@K, mrr@K, hit@K, auc, item_coverage@K, creator_coverage@K, novelty@K, diversity@K, popularity@K, watch_ratio@K, completion@K, effective@K, dwell@K, like@K)
> significance pop rnd metric=item_coverage@10
error: significance: item_coverage@10 is one number for all users; a paired test needs a value per user
> significance pop rnd metric=rmse
error: significance: pop has no rmse (it does not predict values)
> split files test=data/eval/test-one.csv
format: delimited text
log data/eval/test-one.csv: comma-separated, header row; user=user item=item value=rating time=(none)
kind        files
split       files test=data/eval/test-one.csv
train       8
valid       0
test        1
test users  1
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  8
seconds         (time)
> train rnd model=random
name            rnd
kind            random
params          seed 1
training pairs  8
seconds         (time)
> significance pop rnd metric=ndcg@2
error: significance: a paired test needs at least 2 users with values for both models (found 1)
> tune
error: tune: which model? give model=KIND and PARAM=v1,v2,... (models --kinds lists kinds and parameters)
> tune model=nope
error: tune: unknown model nope (models: pop, random, ...)
> tune model=pop
error: tune: nothing to search: give the parameters to try, e.g. PARAM=v1,v2,v3 (models --kinds lists pop's)
> tune model=pop windwo=1,2
error: tune: model pop has no parameter windwo (parameters: window, half_life)
> tune model=pop window=1,-2
error: tune: window=-2 is out of range (0 to 36500)
> tune model=pop window=0,1 metric=rmse
error: tune: metric=rmse needs a model that predicts values; pop ranks items
> tune model=pop window=0,1 metric=popularity@10
error: tune: metric=popularity@10 has no better direction to tune for
> tune model=pop window=0,1 trials=3
error: tune: trials= goes with search=random (grid search tries every point)
> tune model=pop window=0,1 search=random
error: tune: search=random needs trials=N (N >= 1)
> tune model=imported file=a,b
error: tune: imported lists are not trained, so there is nothing to tune
> tune model=pop window=0,1
error: tune: no validation rows to evaluate on (split ... valid=0.1 keeps a validation part)
