# privacy on a hand-sized case. The accountant at q=1 is the plain
# Gaussian: sigma 2, one step, delta 1e-5: a/8 + log(1e5)/(a-1), smallest
# at a = 11: 1.375 + 1.15129 = 2.52629. fedmf trains with seeded noise
# (noise_seed: reproducible, so the transcript is exact; the note says the
# noise can be removed by whoever knows the seed), each round: every client
# (fraction=1), 4 items x (2 factors + 1 bias) x 4 bytes = 48 bytes each way
# per client (240 for the 5 clients), epsilon spent so far rising to the
# target 8 at round 4.
# privacy audit: 5 members (u1 u2 u3 u5 u6), 2 held-out users (u4, u7 have
# test rows only). privacy check by hand on users.csv: (age, gender, zip)
# classes {u1,u4,u7: 24 M 85711} and four singletons (u2, u3, u5, u6): k 1,
# 4 users below k=2; occupation within the 3-user class: student, student,
# writer: 2 values, singletons 1: l 1, 4 classes below l 2. Dropping age
# leaves M 85711 (u1 u3 u4 u6 u7) and F 94043 (u2 u5): k 2; dropping gender
# or zip leaves singletons (53, 23, 33, 42), so age goes.
# tolerance: 1e-4
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds  */  epoch  \1  \2  seconds  /
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*  */  \1  \2  \3  (time)  /
> privacy accountant q=1 sigma=2 steps=1
q        1
sigma    2
steps    1
delta    1.000e-05
epsilon  2.52629
order    11
> load data/privacy/train.csv users=data/privacy/users.csv
format: delimited text
log data/privacy/train.csv: comma-separated, header row; user=user item=item value=rating time=(none)
users data/privacy/users.csv: 7 rows, id column user, 4 other columns
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/privacy/train.csv
format        csv
interactions  12
users         7
items         4
creators      -
signal        rating 1-5
> split files test=data/privacy/test.csv
format: delimited text
log data/privacy/test.csv: comma-separated, header row; user=user item=item value=rating time=(none)
kind             files
split            files test=data/privacy/test.csv
train            12
valid            0
test             5
test users       3
cold test users  2 (67%, no training row)
warning: 2 of 3 test users (67%) have no training row: every model can only rank them by popularity, which flatters pop (eval cold=exclude or cold=only evaluates them apart)
> train f model=fedmf factors=2 rounds=4 fraction=1 dp_epsilon=8 clip=0.5 noise_seed=3 patience=0
fedmf: user-level dp: noise multiplier sigma 1.386 (noise std 0.6932 on every coordinate of the sum) for epsilon 8, delta 1e-5 over 4 rounds at fraction 1; spent after 4 rounds: epsilon 8; 0 updates clipped to norm 0.5; the noise comes from noise_seed: reproducible, so whoever knows the seed can remove it
no validation rows: trained all 4 epochs (split ... valid=0.1 enables early stopping)
name            f
kind            fedmf
params          rounds 4  local_epochs 1  fraction 1  factors 2  lr 0.05  server_lr 0.1  reg 0.08  init 0.1  dp_epsilon 8  dp_delta 1e-5  clip 0.5  noise_seed 3
training pairs  12
seconds         (time)
epochs          4
best epoch      4
history:
  epoch  loss  valid  seconds  clients  bytes_up  bytes_down  epsilon
  1  1.2616  -  (time)  5       240         240    3.726
  2  1.22689  -  (time)  5       240         240    5.424
  3  1.18127  -  (time)  5       240         240     6.78
  4  1.16051  -  (time)  5       240         240        8
> train g model=fedmf factors=2 rounds=4 fraction=1 patience=0
fedmf: no differential privacy (dp_epsilon=none): updates are summed unclipped, without noise
no validation rows: trained all 4 epochs (split ... valid=0.1 enables early stopping)
name            g
kind            fedmf
params          rounds 4  local_epochs 1  fraction 1  factors 2  lr 0.05  server_lr 0.1  reg 0.08  init 0.1  dp_epsilon none  dp_delta 1e-5  clip 0.5  noise_seed 0
training pairs  12
seconds         (time)
epochs          4
best epoch      4
history:
  epoch  loss  valid  seconds  clients  bytes_up  bytes_down  epsilon
  1  1.252  -  (time)  5       240         240  -
  2  1.2465  -  (time)  5       240         240  -
  3  1.24147  -  (time)  5       240         240  -
  4  1.23668  -  (time)  5       240         240  -
> privacy audit g
model            g
members          5
non-members      2
member loss      1.319
non-member loss  0.9925
auc              0.5
advantage        0.4
threshold        0.9058
> privacy check columns=age,gender,zip sensitive=occupation k=2
to reach k=2: drop columns greedily, each time the one whose removal gives the largest smallest class (ties: fewer users below k, then the earlier column); generalising values (zip prefixes, age bands) would keep more
columns             age,gender,zip
users               7
classes             5
k-anonymity         1
users below k       4
sensitive           occupation
l-diversity         1
classes with l < 2  4
drop:
  column  k  classes
  age     2        2
reached             yes
> privacy check columns=gender,zip k=2
columns        gender,zip
users          7
classes        2
k-anonymity    2
users below k  0
reached        yes
