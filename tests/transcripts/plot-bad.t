# plot's bad input: each is one error line and writes nothing: no data, no
# model, unknown plot, unknown model, a model without a training history,
# scores without a split, hist without a column or with an unknown, text or
# empty column, a column given to another plot, output files with another
# extension, in a missing folder, onto a folder, with a control character,
# to= with term=, bad sizes, ranges and cutoffs, scripts not named .gp.
# (tests/shell/plot-files.sh checks that no file appears.)
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
> plot loss
error: no dataset loaded (use load PATH or generate DIR --load first)
> plot hist watch_ratio
error: no dataset loaded (use load PATH or generate DIR --load first)
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
> plot loss
error: plot loss: no model trained yet (train NAME model=KIND first)
> plot scores
error: plot scores: no model trained yet (train NAME model=KIND first)
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
> undo
undone: split files test=data/plot/test.csv
steps left  0
rows now    49
> plot scores
error: plot scores: no split: the held-out rows are the positives (split first, e.g. split user test=0.2)
> split files test=data/plot/test.csv
format: delimited text
log data/plot/test.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
kind        files
split       files test=data/plot/test.csv
train       49
valid       0
test        10
test users  8
> plot lorenz
error: plot lorenz: k=10 is longer than the lists of p (at most 5 items): give k=5 or less
> plot histogram watch_ratio
error: plot: unknown plot histogram (loss, scores, lorenz, exposure, merit, longtail, tradeoff, hist COLUMN, stream NAME, trend COLUMN, propensity, debias, calibration NAME)
> plot loss
error: plot loss: no model has a training history (only models trained epoch by epoch have one: mf, als, bpr)
> plot loss model=p
error: plot loss: model p (pop) has no training history: only models trained epoch by epoch have one
> plot scores model=p,q
error: plot scores: no model named q (models: p)
> plot hist
error: plot hist: which column? usage: plot hist COLUMN
> plot hist nope
error: plot hist: no column named nope (columns lists them)
> plot hist tag
error: plot hist: column tag holds text, not numbers
> plot loss watch_ratio
error: plot loss: takes no column (only plot hist COLUMN does)
> plot hist watch_ratio range=5:9
error: plot hist: no value of watch_ratio lies in range= (49 outside, 0 missing)
> plot hist watch_ratio range=3:1
error: plot hist: range=3:1 is empty (LO above HI)
> plot hist watch_ratio range=x
error: plot hist: range=x is not LO:HI (e.g. range=0:5 or range=:10)
> plot hist watch_ratio bins=0
error: plot: bins=0 is out of range (1 to 1,000)
> plot hist watch_ratio to=out.jpg
error: plot: to=out.jpg: the name must end in .png, .svg or .pdf
> plot hist watch_ratio to=out
error: plot: to=out: the name must end in .png, .svg or .pdf
> plot hist watch_ratio to=no-such-folder/out.png
error: plot: to=no-such-folder/out.png: folder no-such-folder does not exist
> plot hist watch_ratio to=data/
error: plot: to=data/: the name must end in .png, .svg or .pdf
> plot hist watch_ratio to="a\nb.png"
error: plot: to= has a control character in its name
> plot hist watch_ratio to=out.png term=text
error: plot: give to=FILE or term=text, not both
> plot hist watch_ratio term=png
error: plot: term="png" must be one of text, sixel
> plot hist watch_ratio size=10x5
error: plot: size=10x5 is out of range (characters: 30x10 to 500x200)
> plot hist watch_ratio size=big
error: plot: size=big is not WIDTHxHEIGHT (e.g. size=100x30)
> plot hist watch_ratio to=out.png size=20x20
error: plot: size=20x20 is out of range (pixels: 100x100 to 10000x10000)
> plot hist watch_ratio script=out.txt
error: plot: script=out.txt: the name must end in .gp
> plot hist watch_ratio script=no-such-folder/out.gp
error: plot: script=no-such-folder/out.gp: folder no-such-folder does not exist
> plot hist watch_ratio k=0
error: plot: k=0 is out of range (1 to 1,000)
