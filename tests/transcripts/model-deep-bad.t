# Bad input to the deep models: out-of-range sizes and learning rates,
# malformed layer lists, an unknown optimizer, twotower without item
# features, sequence models on a log without times; nothing is kept.
# exit: 1
> load data/models/clicks.csv
format: delimited text
log data/models/clicks.csv: comma-separated, header row; user=user item=item value=(none) time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/models/clicks.csv
format        csv
interactions  14
users         5
items         5
creators      -
signal        binary (no value column: every row a positive)
> split random test=0.2 seed=3
kind        random
split       random test=0.2 valid=0 seed=3
train       12
valid       0
test        2
test users  2
> train n model=ncf lr=0
error: train: lr=0 is out of range (1e-09 to 10)
> train n model=ncf lr=-0.1
error: train: lr=-0.1 is out of range (1e-09 to 10)
> train n model=ncf factors=0
error: train: factors=0 is out of range (1 to 4096)
> train n model=ncf layers=64,0,8
error: train: layers=64,0,8: layer sizes must be whole numbers from 1 to 65536, comma-separated
> train n model=ncf layers=64,,8
error: train: layers=64,,8: layer sizes must be whole numbers from 1 to 65536, comma-separated
> train n model=ncf layers=15,8
error: train: layers=15,8: the first size is the MLP input, user and item halves, so it must be even
> train n model=ncf layers=abc
error: train: layers=abc: layer sizes must be whole numbers from 1 to 65536, comma-separated
> train n model=ncf optimizer=rmsprop
error: train: optimizer=rmsprop must be one of adam|sgd
> train n model=ncf dropout=1
error: train: dropout=1 is out of range (0 to 0.95)
> train g model=gru4rec hidden=0
error: train: hidden=0 is out of range (1 to 4096)
> train g model=gru4rec maxlen=0
error: train: maxlen=0 is out of range (1 to 1000)
> train g model=gru4rec loss=hinge
error: train: loss=hinge must be one of ce|bprmax
> train g model=gru4rec
error: train: model gru4rec orders each user's history by time, but the log has no time column (timestamp); load ... time=COLUMN
> train c model=caser maxlen=17
error: train: maxlen=17 is out of range (1 to 16)
> train c model=caser
error: train: model caser orders each user's history by time, but the log has no time column (timestamp); load ... time=COLUMN
> train t model=twotower dim=0
error: train: dim=0 is out of range (1 to 4096)
> train t model=twotower
error: train: the twotower model's item tower reads item features: run features first
> models
no models yet (train NAME model=KIND; models --kinds lists the kinds)
