# stream on a log small enough to score by hand (tests/data/stream/tiny.csv;
# items a..e are indices 0..4, so pop's ties go to the earlier letter).
# Day 1 (2020-01-01) is the warm-up: u1 a, u2 a, u3 b, so pop counts a 2,
# b 1, c d e 0. k=2; a user's list leaves out what the model learned from
# the user, and only the window's other items are relevant.
# Window 2020-01-02 (u1 b c, u2 c, u3 a), every strategy on the warm-up model:
#   u1 [b c] hits both: recall 1, ndcg 1; u2 [b c], c at rank 2: ndcg
#   1/log2(3) = 0.6309; u3 [a c] hits a: ndcg 1. Mean ndcg 0.877, recall 1,
#   hit 1; coverage {a,b,c} 3/5; new items (first seen in this window or the
#   one before, never the warm-up) c: 3 of 6 slots = 0.5.
# Then incremental adds b, c, c, a (a 3, b 2, c 2) and retrain counts the
# same pairs; static keeps a 2, b 1.
# Window 2020-01-03 (u1 d, u2 b, u3 c d):
#   static: u1 [b c] misses d: 0; u2 [b c] hits b: 1; u3 (seen b) [a c]
#   hits c at rank 2 of 2 relevant: recall 0.5, ndcg 0.6309/1.6309 = 0.3869.
#   Means: recall 0.5, ndcg 0.4623, hit 0.6667.
#   incremental/retrain: u1 (seen a b c) [d e], u2 (seen a c) [b d],
#   u3 (seen a b) [c d]: all hit, every figure 1; coverage {b,c,d,e} 0.8;
#   new items c, d: 4 of 6 slots.
# Window 2020-01-04 (u1 e, u2 d e, u3 a):
#   static: u1 [b c] 0, u2 [b c] 0, u3 [a c] 1: 1/3 each.
#   incremental/retrain (a 3, b 3, c 3, d 2): u1 has only e left: [e] hits;
#   u2 [d e] hits both; u3 learned a already: not scored (scored 2).
# Overall (every scored window-user): static recall 5.5/9 = 0.6111, ndcg
# (2.6309 + 1.3869 + 1)/9 = 0.5575; incremental ndcg (2.6309 + 3 + 2)/8 =
# 0.9539; new items 6/18 and 10/15. Learning time (us/event) is filtered.
# filter: /^  \(20\|overall\)/s/ *[0-9][0-9.,e+-]*$/ (t)/
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
> load data/stream/tiny.csv
format: delimited text
log data/stream/tiny.csv: comma-separated, header row; user=user item=item value=(none) time=time
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/stream/tiny.csv
format        csv
interactions  15
users         3
items         5
creators      -
signal        binary (no value column: every row a positive)
> stream s model=pop update=static,incremental,retrain k=2
name             s
model            pop
params           window 0  half_life 0
window           1d
k                2
retrain every    1
from             2020-01-02 00:00:00
warm-up events   3
replayed events  12
empty windows    0
static:
  window      events  users  scored  recall@2  ndcg@2   hit@2  coverage  new_items  us/event
  2020-01-02       4      3       3         1   0.877       1       0.6        0.5 (t)
  2020-01-03       4      3       3       0.5  0.4623  0.6667       0.6        0.5 (t)
  2020-01-04       4      3       3    0.3333  0.3333  0.3333       0.6          0 (t)
  overall         12      -       9    0.6111  0.5575  0.6667       0.6     0.3333 (t)
incremental:
  window      events  users  scored  recall@2  ndcg@2  hit@2  coverage  new_items  us/event
  2020-01-02       4      3       3         1   0.877      1       0.6        0.5 (t)
  2020-01-03       4      3       3         1       1      1       0.8     0.6667 (t)
  2020-01-04       4      3       2         1       1      1       0.4          1 (t)
  overall         12      -       8         1  0.9539      1       0.6     0.6667 (t)
retrain:
  window      events  users  scored  recall@2  ndcg@2  hit@2  coverage  new_items  us/event
  2020-01-02       4      3       3         1   0.877      1       0.6        0.5 (t)
  2020-01-03       4      3       3         1       1      1       0.8     0.6667 (t)
  2020-01-04       4      3       2         1       1      1       0.4          1 (t)
  overall         12      -       8         1  0.9539      1       0.6     0.6667 (t)
seconds          (time)
> stream e model=pop window=4 update=incremental k=2
name             e
model            pop
params           window 0  half_life 0
window           4
k                2
from             2020-01-02 10:00:00
warm-up events   4
replayed events  11
empty windows    0
incremental:
  window                                      events  users  scored  recall@2  ndcg@2  hit@2  coverage  new_items  us/event
  2020-01-02 10:00:00 .. 2020-01-03 09:00:00       4      3       3         1   0.877      1       0.8     0.6667 (t)
  2020-01-03 10:00:00 .. 2020-01-04 09:00:00       4      3       3         1       1      1       0.8        0.8 (t)
  2020-01-04 10:00:00 .. 2020-01-04 12:00:00       3      2       1         1       1      1       0.4        0.5 (t)
  overall                                         11      -       7         1  0.9473      1    0.6667     0.6923 (t)
seconds          (time)
> stream h model=pop window=6h update=static k=2 from=2020-01-03
name             h
model            pop
params           window 0  half_life 0
window           6h
k                2
from             2020-01-03 06:00:00
warm-up events   7
replayed events  8
empty windows    3
static:
  window                                      events  users  scored  recall@2  ndcg@2  hit@2  coverage  new_items  us/event
  2020-01-03 06:00:00 .. 2020-01-03 12:00:00       3      3       3         1       1      1       0.8        0.5 (t)
  2020-01-03 12:00:00 .. 2020-01-03 18:00:00       1      1       1         1  0.6309      1       0.4        0.5 (t)
  2020-01-04 06:00:00 .. 2020-01-04 12:00:00       3      2       2      0.75  0.5089      1       0.6       0.25 (t)
  2020-01-04 12:00:00 .. 2020-01-04 18:00:00       1      1       0         -       -      -         0          - (t)
  overall                                          8      -       6    0.9167  0.7748      1       0.6     0.4167 (t)
seconds          (time)
> stream f model=pop from=0.5 update=retrain retrain_every=2 k=2
name             f
model            pop
params           window 0  half_life 0
window           1d
k                2
retrain every    2
from             2020-01-03 09:00:00
warm-up events   7
replayed events  8
empty windows    0
retrain:
  window               events  users  scored  recall@2  ndcg@2  hit@2  coverage  new_items  us/event
  2020-01-03 09:00:00       4      3       3         1       1      1       0.8        0.5 (t)
  2020-01-04 09:00:00       4      3       2      0.75  0.5089      1       0.6       0.75 (t)
  overall                   8      -       5       0.9  0.8036      1       0.7        0.6 (t)
seconds          (time)
> stream s
name             s
model            pop
params           window 0  half_life 0
window           1d
k                2
retrain every    1
from             2020-01-02 00:00:00
warm-up events   3
replayed events  12
empty windows    0
static:
  window      events  users  scored  recall@2  ndcg@2   hit@2  coverage  new_items  us/event
  2020-01-02       4      3       3         1   0.877       1       0.6        0.5 (t)
  2020-01-03       4      3       3       0.5  0.4623  0.6667       0.6        0.5 (t)
  2020-01-04       4      3       3    0.3333  0.3333  0.3333       0.6          0 (t)
  overall         12      -       9    0.6111  0.5575  0.6667       0.6     0.3333 (t)
incremental:
  window      events  users  scored  recall@2  ndcg@2  hit@2  coverage  new_items  us/event
  2020-01-02       4      3       3         1   0.877      1       0.6        0.5 (t)
  2020-01-03       4      3       3         1       1      1       0.8     0.6667 (t)
  2020-01-04       4      3       2         1       1      1       0.4          1 (t)
  overall         12      -       8         1  0.9539      1       0.6     0.6667 (t)
retrain:
  window      events  users  scored  recall@2  ndcg@2  hit@2  coverage  new_items  us/event
  2020-01-02       4      3       3         1   0.877      1       0.6        0.5 (t)
  2020-01-03       4      3       3         1       1      1       0.8     0.6667 (t)
  2020-01-04       4      3       2         1       1      1       0.4          1 (t)
  overall         12      -       8         1  0.9539      1       0.6     0.6667 (t)
seconds          (time)
