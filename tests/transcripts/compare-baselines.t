# compare marks every model that does not beat the baselines pop and random
# on the first column (issue 15): beating takes a better mean over the users
# both have a value for and a paired t-test p < 0.05. Without a pop or random
# model in the workspace both are trained for the comparison and dropped.
#
# tests/data/baselines: the training log gives item D 5 rows (u1..u5, the
# five test users, have seen it), A 4, B 3, C 2, E..H 1, so pop's first
# unseen item for every test user is A. lists.csv ranks A first for u1 and
# B first for u2..u5. On hit@1 (1 when the first item is held out):
#
# lose.csv holds out A for u1..u5: pop hits 5 times, lists once.
#   d = lists - pop = (0, -1, -1, -1, -1), mean -0.8,
#   sd = sqrt((0.64 + 4 * 0.04) / 4) = sqrt(0.2), t = -0.8 / (sqrt(0.2) / sqrt(5)) = -4,
#   df = 4, two-sided p = I_x(df/2, 1/2) with x = df / (df + t^2) = 0.2,
#   which for df = 4 is 1 - (3/2) sqrt(0.8) + (1/2) 0.8^(3/2) = 0.01613:
#   "lists does not beat pop on hit@1: 0.2 vs 1, p = 0.0161".
# beat.csv holds out B for u1..u5: pop hits none, lists 4 times,
#   d = (0, 1, 1, 1, 1), t = 4, the same p = 0.0161 < 0.05: lists beats pop.
# random's figures come from its seeded scores (seed 1).
#
# exit: 1
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/baselines/train.csv
format: delimited text
log data/baselines/train.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/baselines/train.csv
format        csv
interactions  18
users         9
items         8
creators      -
signal        binary (no value column: every row a positive)
> split files test=data/baselines/lose.csv
format: delimited text
log data/baselines/lose.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
kind        files
split       files test=data/baselines/lose.csv
train       18
valid       0
test        5
test users  5
> import recs data/baselines/lists.csv as lists
name                           lists
file                           data/baselines/lists.csv
order                          rank
rows                           5
entries                        5
users with a list              5
longest list                   1
unknown users                  0
unknown items                  0
listed items seen in training  0
> compare metrics=hit@1,ndcg@10
baselines pop and random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  hit@1      ndcg@10
  lists  0.2 ±0.56  0.2 ±0.56
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  lists  does not beat pop on hit@1: 0.2 vs 1, p = 0.0161
  lists  does not beat random on hit@1: 0.2 vs 0.2, p = 1
> split files test=data/baselines/beat.csv
format: delimited text
log data/baselines/beat.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
kind        files
split       files test=data/baselines/beat.csv
train       18
valid       0
test        5
test users  5
> compare metrics=hit@1
baselines pop and random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  hit@1
  lists  0.8 ±0.56
baselines  on hit@1 (paired t-test, p < 0.05): lists beats pop and random
> compare metrics=hit@1 baselines=no
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  hit@1
  lists  0.8 ±0.56
> train pop model=pop
name            pop
kind            pop
params          window 0  half_life 0
training pairs  18
seconds         (time)
> compare lists pop metrics=hit@1
baseline random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  hit@1
  lists  0.8 ±0.56 *
  pop    0 ±0
baselines (paired t-test over users; beating one takes a better mean with p < 0.05):
  pop  does not beat random on hit@1: 0 vs 0, p = 1
> compare lists metrics=popularity@1,hit@1
baseline pop: model pop, evaluated for this comparison (not in the leaderboard)
baseline random trained for this comparison (not kept)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  popularity@1  hit@1
  lists  3.2 ±0.56     0.8 ±0.56
baselines  on hit@1 (paired t-test, p < 0.05): lists beats pop and random
> compare lists metrics=popularity@1,item_coverage@1
baseline pop: model pop, evaluated for this comparison (not in the leaderboard)
baseline random trained for this comparison (not kept)
baselines not checked: no column is a per-user metric with a better side (rmse, mae: pop and random predict no values; coverage: one number; popularity: no better side)
protocol   full ranking, test part
relevance  every held-out row
leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best):
  model  popularity@1  item_coverage@1
  lists  3.2 ±0.56     0.25
> compare pop metrics=hit@1 baselines=maybe
error: compare: baselines="maybe" must be yes or no
