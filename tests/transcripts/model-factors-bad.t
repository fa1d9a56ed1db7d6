# Bad parameters of the factor models: each fails with one message naming the
# parameter and its range or choices, and no model is added.
# exit: 1
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
> split user test=0.2 valid=0.1
kind        user
split       user test=0.2 valid=0.1 seed=1
train       15,285
valid       1,739
test        4,264
test users  404
> train x model=mf factor=8
error: train: model mf has no parameter factor (parameters: factors, epochs, lr, decay, reg, reg_bias, reg_exp, init, clip)
> train x model=mf factors=0
error: train: factors=0 is out of range (1 to 4096)
> train x model=als factors=-3
error: train: factors=-3 is out of range (1 to 4096)
> train x model=bpr factors=2.5
error: train: factors=2.5 is not a whole number
> train x model=als reg=-1
error: train: reg=-1 is out of range (0 to 1e+09)
> train x model=svdpp reg_implicit=-0.5
error: train: reg_implicit=-0.5 is out of range (0 to 1e+06)
> train x model=mf reg_bias=-0.01
error: train: reg_bias=-0.01 is out of range (0 to 1e+06)
> train x model=bpr lr=0
error: train: lr=0 is out of range (1e-06 to 1000)
> train x model=mf lr=-0.1
error: train: lr=-0.1 is out of range (1e-06 to 1000)
> train x model=svdpp decay=1.5
error: train: decay=1.5 is out of range (0.01 to 1)
> train x model=als alpha=-1
error: train: alpha=-1 is out of range (0 to 1e+09)
> train x model=als solver=qr
error: train: solver=qr must be one of cholesky|cg
> train x model=als cg_steps=0
error: train: cg_steps=0 is out of range (1 to 100)
> train x model=bpr sampling=popular
error: train: sampling=popular must be one of uniform|pop
> train x model=als metric=rmse
error: train: metric=rmse needs a rating model (userknn, itemknn, mf, fedmf, svdpp); als ranks items
> train x model=bpr epochs=0
error: train: epochs=0 is out of range (1 to 100,000)
> models
no models yet (train NAME model=KIND; models --kinds lists the kinds)
