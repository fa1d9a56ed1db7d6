# plot tradeoff: ndcg@k against the Gini of creator exposure while a
# re-ranker's parameter is swept, one curve per model with the model as it
# ranks beside it and the sweep's ends named. The figures are the tradeoff
# command's: the same sweep printed by tradeoff matches the plot's rows.
# Bad input: values that are not a sweep, fewer candidates than k, an
# unknown method, no split.
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
> load data/plot/views.csv items=data/plot/items.csv creator=author
format: delimited text
log data/plot/views.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
items data/plot/items.csv: 10 rows, id column video_id, 5 other columns
path          data/plot/views.csv
format        csv
interactions  49
users         8
items         10
creators      8
signal        ratio (watch_ratio), median 0.97, max 1.95
> plot tradeoff
error: plot tradeoff: no model trained yet (train NAME model=KIND first)
> split files test=data/plot/test.csv
format: delimited text
log data/plot/test.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
kind        files
split       files test=data/plot/test.csv
train       49
valid       0
test        10
test users  8
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  49
seconds         (time)
> train r model=random seed=4
name            r
kind            random
params          seed 1
training pairs  49
seconds         (time)
> plot tradeoff model=p,r method=maximin values=0,1,2 k=2 candidates=5 size=72x22
   Accuracy against exposure inequality: maximin re-ranking, alpha swept
                                 y: ndcg@2
  0.72 +------------------------------------------------------------+
   0.7 |-+    +      +     +      + ****G****G=2pha=0 +      +    +-|
  0.68 |-+                 *************                          +-|
       |          ************                                      |
  0.66 |-+   G*****                       G$$$$Galpha=2           +-|
  0.64 |-+                                  $$$                   +-|
  0.62 |-+                                     $$$                +-|
   0.6 |-+                                        $$$             +-|
  0.58 |-+                                           $$           +-|
       |                                               $$$          |
  0.56 |-+                                                $$$     +-|
  0.54 |-+    +      +     +      +      +      +     +      $Galpha|0
  0.52 +------------------------------------------------------------+
      0.2    0.25   0.3   0.35   0.4    0.45   0.5   0.55   0.6    0.65
                         Gini of creator exposure
                  p + maximin ***G***     r + maximin $$$G$$$
                p as it ranks    G      r as it ranks    G
method      maximin
param       alpha
k           2
candidates  5
rows:
  model  value    ndcg    gini  creator_coverage
  p      -      0.7016  0.4779              0.75
  p      0      0.7016  0.4779              0.75
  p      1      0.6555  0.2409             0.875
  p      2      0.7016  0.4416              0.75
  r      -      0.5305  0.6029             0.625
  r      0      0.5305  0.6029             0.625
  r      1      0.6577  0.4578             0.875
  r      2      0.6577  0.4941              0.75
> tradeoff p method=maximin alpha=0,1,2 k=2 candidates=5
model              p
method             maximin
param              alpha
k                  2
candidates         5
model as it ranks  ndcg 0.7016  recall 0.6875  gini 0.4779  creator_coverage 0.75  aplt 0.5
rows:
  value    ndcg  recall    gini  creator_coverage    aplt
      0  0.7016  0.6875  0.4779              0.75     0.5
      1  0.6555  0.6875  0.2409             0.875  0.6875
      2  0.7016  0.6875  0.4416              0.75  0.5625
seconds            (time)
> tradeoff r method=maximin alpha=0,1,2 k=2 candidates=5
model              r
method             maximin
param              alpha
k                  2
candidates         5
model as it ranks  ndcg 0.5305  recall 0.5625  gini 0.6029  creator_coverage 0.625  aplt 0.875
rows:
  value    ndcg  recall    gini  creator_coverage    aplt
      0  0.5305  0.5625  0.6029             0.625   0.875
      1  0.6577    0.75  0.4578             0.875  0.6875
      2  0.6577    0.75  0.4941              0.75    0.75
seconds            (time)
> plot tradeoff values=x k=2 candidates=5
error: plot tradeoff: values=x: x: expected FROM:TO:STEP (e.g. 0:1:0.1) or a list of numbers (0.1,0.5)
> plot tradeoff k=5 candidates=2
error: plot tradeoff: candidates=2 is fewer than k=5
> plot tradeoff method=best
error: plot: method="best" must be one of mmr, xquad, calibrated, fair, maximin
> undo
undone: split files test=data/plot/test.csv
steps left  0
rows now    49
> plot tradeoff model=p k=2 candidates=5
error: plot tradeoff: no split yet: run split first (e.g. split user test=0.2 valid=0.1)
