# import recs: unknown users and items are counted and reported, never dropped
# silently; a rank used twice, a file without rank or score, text ranks and
# files naming nothing known are errors; the workspace keeps what it had.
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> import recs data/eval/recs.csv as ext
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
> import recs data/eval/no-such.csv as ext
error: import: cannot open data/eval/no-such.csv: No such file or directory
> import lists data/eval/recs.csv as ext
error: import: can import recs (import recs FILE as NAME), not lists
> import recs data/eval/recs.csv to ext
error: import: usage: import recs FILE as NAME
> import recs data/eval/recs-dup.csv as ext
error: import: data/eval/recs-dup.csv:4: user u1 has rank 2 twice (first on line 3)
> import recs data/eval/recs-none.csv as ext
error: import: data/eval/recs-none.csv: none of the 1 rows names a user and an item of the loaded data (first unknown: user x)
> import recs data/eval/recs-none.csv as ext user=who item=what
error: import: data/eval/recs-none.csv: none of the 1 rows names a user and an item of the loaded data (first unknown: user x)
> import recs data/eval/recs-text.csv as ext
error: import: data/eval/recs-text.csv: column rank holds text, not ranks
> import recs data/eval/recs-zero.csv as ext
error: import: data/eval/recs-zero.csv:3: rank must be a whole number from 1 (found 0)
> import recs data/eval/recs.csv as ext rank=place
error: import: data/eval/recs.csv: rank=place: no such column
> models
no models yet (train NAME model=KIND; models --kinds lists the kinds)
> import recs data/eval/recs-unknown.csv as ext
1 listed item the user has training rows for: eval leaves seen items out, as for every model
name                           ext
file                           data/eval/recs-unknown.csv
order                          rank
rows                           6
entries                        3
users with a list              2
longest list                   2
unknown users                  1
unknown items                  1
listed items seen in training  1
warning: 1 user id is not in the loaded data (first: u9): 2 rows skipped
warning: 1 item id is not in the loaded data (first: zz): 1 row skipped
> import recs data/eval/recs-score.csv as scored
name                           scored
file                           data/eval/recs-score.csv
order                          score
rows                           5
entries                        4
users with a list              2
longest list                   3
unknown users                  0
unknown items                  0
items listed twice             1
tied scores                    1
listed items seen in training  0
warning: 1 item listed twice for the same user: kept the better rank
warning: 1 tied score: ordered by position in the file
> import recs data/eval/recs-noheader.tsv as plain
name                           plain
file                           data/eval/recs-noheader.tsv
order                          rank
rows                           2
entries                        2
users with a list              2
longest list                   1
unknown users                  0
unknown items                  0
listed items seen in training  0
> models
name    kind      params                            pairs  seconds  epochs  best  metric  valid
ext     imported  file=data/eval/recs-unknown.csv       8        0       0     0  -       -
scored  imported  file=data/eval/recs-score.csv         8        0       0     0  -       -
plain   imported  file=data/eval/recs-noheader.tsv      8        0       0     0  -       -
> eval ext
error: eval: no split yet: run split first (e.g. split user test=0.2 valid=0.1)
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
> eval ext scored plain k=3
1 held-out pair the user also has in training: not ranked (seen items are left out), so not counted as relevant
ext (imported):
  model                      ext
  kind                       imported
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  auc                        0.75
  ranking:
    k  precision  recall    ndcg  map     mrr     hit
    3     0.2222     0.5  0.5377  0.5  0.6667  0.6667
  beyond accuracy:
    k  item_coverage  novelty  popularity
    3            0.4      2.5         1.5
  seconds                    (time)
scored (imported):
  model                      scored
  kind                       imported
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  auc                        0.6667
  ranking:
    k  precision  recall    ndcg     map     mrr     hit
    3     0.3333  0.6667  0.6399  0.6111  0.6667  0.6667
  beyond accuracy:
    k  item_coverage  novelty  popularity
    3            0.8      2.5         1.5
  seconds                    (time)
plain (imported):
  model                      plain
  kind                       imported
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  auc                        0.75
  ranking:
    k  precision  recall    ndcg  map     mrr     hit
    3     0.2222     0.5  0.5377  0.5  0.6667  0.6667
  beyond accuracy:
    k  item_coverage  novelty  popularity
    3            0.4      2.5         1.5
  seconds                    (time)
> train ext model=imported
error: train: ext: imported lists are read with import recs FILE as NAME, not trained
> import recs data/eval/recs.csv as "my,recs"
error: import: that model name cannot be used: it holds a comma or '=' (names are listed as model=a,b)
