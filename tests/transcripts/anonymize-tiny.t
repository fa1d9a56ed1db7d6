# anonymize with a salt file: ids become "u"/"c" + 16 hex digits of BLAKE2b-128
# keyed with BLAKE2b-256(salt), over "user:ID" / "creator:ID". Checked with
# Python: k = hashlib.blake2b(b"pepper-42", digest_size=32).digest();
# "u" + hashlib.blake2b(b"user:u1", key=k, digest_size=16).hexdigest()[:16].
# The salt shows nowhere (history and pipeline keep key=#1), the model still
# evaluates (indices are kept), and the same salt gives the same ids.
# filter: s/^\( *seconds *\)[0-9.e+-]*$/\1(time)/
> load data/fair/train.csv items=data/fair/items.csv creator=creator
format: delimited text
log data/fair/train.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
items data/fair/items.csv: 6 rows, id column item, 2 other columns
path          data/fair/train.csv
format        csv
interactions  6
users         3
items         6
creators      4
signal        binary (no value column: every row a positive)
> split files test=data/fair/test.csv
format: delimited text
log data/fair/test.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
kind        files
split       files test=data/fair/test.csv
train       6
valid       0
test        4
test users  3
> import recs data/fair/recs.csv as recs
name                           recs
file                           data/fair/recs.csv
order                          rank
rows                           6
entries                        6
users with a list              3
longest list                   2
unknown users                  0
unknown items                  0
listed items seen in training  0
> anonymize salt-file=data/fair/salt.txt
the anonymised data starts a new pipeline: undo cannot go back to the raw ids
users         3
creators      4
friend lists  no
key           salt-file
recorded as   anonymize key=#1
> head 6 table=items
item  creator            tier
i1    cfb1c6be3f05f691b  big
i2    cfb1c6be3f05f691b  big
i3    c317661611e9ceb2a  small
i4    c613d6579d32522da  small
i5    c36a0407270955ca0  -
i6    c36a0407270955ca0  small
> audit k=2 exposure=uniform top=4
recs (imported):
  model                   recs
  kind                    imported
  unit                    creator
  exposure                uniform
  k                       2
  lists audited           one per user with held-out test rows
  merit from              relevant held-out pairs (every held-out row)
  lists                   3
  gini (n)                0.25
  gini (n-1)              0.3333
  entropy (bits)          1.792
  entropy max (log2 n)    2
  creator coverage        1
  item coverage           0.75
  ARP                     0.5
  APLT                    0.6667
  ACLT                    1.333
  PopRSP                  0
  PopREO                  0.2
  head items              3
  maximin share (slots)   1
  min slots / share       1
  share with maximin met  1
  equity of attention     0.6667
  disparate treatment     1.5
  disparate exposure      2
  EE-D                    1.64
  EE-R                    1.06
  EE-L                    0.8689
  calibration KL (bits)   2.543
  ndcg                    0.748
  recall                  0.8333
  by popularity decile (1 = most popular):
    decile  exposure  interactions
         1    0.1667        0.6667
         2         0             0
         3    0.1667        0.1667
         4         0             0
         5         0             0
         6    0.1667        0.1667
         7         0             0
         8       0.5             0
         9         0             0
        10         0             0
  groups:
    group  units  exposure  merit  interactions  mean_exposure  mean_merit
    head       2    0.3333   0.25        0.8333         0.1667       0.125
    tail       2    0.6667   0.75        0.1667         0.3333       0.375
  creators (4 of 4, by exposure):
    creator            videos  interactions  merit  exposure   share  share/merit  slots  maximin  group  decile
    c36a0407270955ca0       2             0   0.75         3     0.5       0.6667      3  yes      tail        8
    cfb1c6be3f05f691b       2        0.6667      0         1  0.1667            -      1  yes      head        1
    c317661611e9ceb2a       1        0.1667   0.25         1  0.1667       0.6667      1  yes      head        3
    c613d6579d32522da       1        0.1667      0         1  0.1667            -      1  yes      tail        6
> history
load data/fair/train.csv items=data/fair/items.csv creator=creator; split files test=data/fair/test.csv; anonymize key=#1
> pipeline
no steps yet: the data is as loaded (clean, features and split add steps)
source  load data/fair/train.csv items=data/fair/items.csv creator=creator; split files test=data/fair/test.csv; anonymize key=#1
> eval recs k=2 lists=anon.csv
top-k lists written to anon.csv
recs (imported):
  model                      recs
  kind                       imported
  protocol                   full ranking, test part
  relevance                  every held-out row
  users                      3
  users with relevant items  3
  auc                        0.7639
  ranking:
    k  precision  recall   ndcg     map     mrr  hit
    2        0.5  0.8333  0.748  0.6667  0.8333    1
  beyond accuracy:
    k  item_coverage  creator_coverage  novelty  popularity
    2           0.75                 1    2.585         0.5
  seconds                    (time)
> load data/fair/train.csv items=data/fair/items.csv creator=creator
format: delimited text
log data/fair/train.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
items data/fair/items.csv: 6 rows, id column item, 2 other columns
path          data/fair/train.csv
format        csv
interactions  6
users         3
items         6
creators      4
signal        binary (no value column: every row a positive)
> anonymize salt=pepper-42
users         3
creators      4
friend lists  no
key           salt
recorded as   anonymize key=#2
> head 3
user               item
ufb84cf68f43299ca  i1
ufb84cf68f43299ca  i2
u81976118bcd308dc  i1
