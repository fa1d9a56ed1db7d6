# privacy's and fedmf's bad input: one-line errors, nothing changed (no
# model is kept, models lists none).
# exit: 1
> privacy accountant q=0 sigma=1 steps=10
error: privacy accountant: q=0 must be in (0, 1]
> privacy accountant q=1.5 sigma=1 steps=10
error: privacy accountant: q=1.5 must be in (0, 1]
> privacy accountant q=0.1 sigma=0 steps=10
error: privacy accountant: sigma=0 must be above 0
> privacy accountant q=0.1 sigma=1 steps=10 delta=0
error: privacy accountant: delta=0 must be between 0 and 1 (both excluded)
> privacy accountant q=0.1 sigma=1 steps=10 delta=1
error: privacy accountant: delta=1 must be between 0 and 1 (both excluded)
> privacy accountant q=0.1 epsilon=0 steps=10
error: privacy accountant: epsilon=0 must be above 0
> privacy accountant q=0.1 epsilon=-2 steps=10
error: privacy accountant: epsilon=-2 must be above 0
> privacy accountant q=0.1 epsilon=0.01 steps=10
error: privacy accountant: epsilon 0.01 is out of reach: with orders up to 256 no noise gets below log(1/delta)/255 = 0.04515
> privacy accountant q=0.1 steps=10
error: privacy accountant: give q=, steps= and one of sigma= and epsilon=
> privacy accountant q=0.1 sigma=1 epsilon=1 steps=10
error: privacy accountant: give q=, steps= and one of sigma= and epsilon=
> privacy nonsense
error: privacy: unknown nonsense (privacy accountant, privacy audit MODEL, privacy check columns=...)
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
> train f model=fedmf dp_epsilon=0
error: train: dp_epsilon=0 must be above 0 (leave it out for no noise)
> train f model=fedmf dp_epsilon=-1
error: train: dp_epsilon=-1 must be above 0 (leave it out for no noise)
> train f model=fedmf dp_epsilon=abc
error: train: dp_epsilon=abc is not a number (or none)
> train f model=fedmf dp_epsilon=1 dp_delta=0
error: train: dp_delta=0 must be between 0 and 1 (both excluded)
> train f model=fedmf dp_epsilon=1 dp_delta=1
error: train: dp_delta=1 must be between 0 and 1 (both excluded)
> train f model=fedmf dp_epsilon=1 clip=0
error: train: clip=0 must be above 0
> train f model=fedmf fraction=0
error: train: fraction=0 must be in (0, 1]
> train f model=fedmf fraction=1.5
error: train: fraction=1.5 is out of range (0 to 1)
> models
no models yet (train NAME model=KIND; models --kinds lists the kinds)
> privacy check columns=age,nope
error: privacy check: no column nope in the user table (columns: age, gender, zip, occupation)
> privacy check columns=age sensitive=salary
error: privacy check: no column salary in the user table (columns: age, gender, zip, occupation)
> privacy check
error: privacy check: which columns? give columns=A,B,... (quasi-identifiers of the user table)
> privacy audit
error: privacy audit: which model? privacy audit MODEL
> privacy audit nope
error: privacy audit: no model named nope
> load data/fair/train.csv
format: delimited text
log data/fair/train.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/fair/train.csv
format        csv
interactions  6
users         3
items         4
creators      -
signal        binary (no value column: every row a positive)
> privacy check columns=age
error: privacy check: the data has no user table (load ... users=FILE)
