# stream's bad inputs: one-line messages, said before any work, nothing kept
# (stream s afterwards finds no result). window=100 puts every row in the
# warm-up; ease has no update hook; pop's own window= parameter cannot be
# given (stream's window= takes it).
# exit: 1
> stream s model=pop
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
> stream s model=pop
error: stream: the log has no time column to replay it by (load ... time=COLUMN)
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
> stream s
error: stream: which model? give model=KIND (help train lists the kinds)
> stream s model=nope
error: stream: unknown model nope (models: pop, random, userknn, itemknn, ease, content, hybrid, mf, fedmf, svdpp, als, bpr, ncf, gru4rec, twotower, caser, multvae, lr, fm, imported)
> stream s model=ease update=incremental
error: stream: model ease cannot learn from new events (update=incremental): use update=static or update=retrain
> stream s model=ease update=static,incremental
error: stream: model ease cannot learn from new events (update=incremental): use update=static or update=retrain
> stream s model=pop window=2x
error: stream: window=2x: give hours or days (1h, 6h, 1d, 7d) or a number of events (10000)
> stream s model=pop window=0
error: stream: window=0: give hours or days (1h, 6h, 1d, 7d) or a number of events (10000)
> stream s model=pop window=1.5d
error: stream: window=1.5d: give hours or days (1h, 6h, 1d, 7d) or a number of events (10000)
> stream s model=pop window=-1
error: stream: window=-1: give hours or days (1h, 6h, 1d, 7d) or a number of events (10000)
> stream s model=pop window=100
error: stream: window=100: the first window (the warm-up) holds every event; nothing is left to replay (give a shorter window= or from=)
> stream s model=pop update=static,fast
error: stream: update=static,fast: fast is not a strategy (static, incremental, retrain)
> stream s model=pop update=retrain,retrain
error: stream: update=retrain,retrain names retrain twice
> stream s model=pop update=
error: stream: update= needs a value
> stream s model=pop from=2019-01-01
error: stream: from=2019-01-01: no event before it to train the first model on (the log starts at 2020-01-01 09:00:00)
> stream s model=pop from=2030-01-01
error: stream: from=2030-01-01: no event at or after it (the log ends at 2020-01-04 12:00:00)
> stream s model=pop from=1.5
error: stream: from=1.5: give a date-time (2020-07-10, 2020-07-10 12:00) or a share of the events between 0 and 1 (0.5)
> stream s model=pop from=yesterday
error: stream: from=yesterday: give a date-time (2020-07-10, 2020-07-10 12:00) or a share of the events between 0 and 1 (0.5)
> stream s model=pop half_life=-1
error: stream: half_life=-1 is out of range (0 to 36500)
> stream s model=pop bogus=1
error: stream: model pop has no parameter bogus (parameters: window, half_life)
> stream s model=pop window=1d window=2d
error: stream: window= given twice
> stream s model=pop k=0
error: stream: k=0 is out of range (1 to 1,000)
> stream s model=pop retrain_every=0
error: stream: retrain_every=0 is out of range (1 to 100,000)
> stream a,b model=pop
error: stream: that name cannot be used: it holds a comma or '=' (names are listed as model=a,b)
> stream s
error: stream: which model? give model=KIND (help train lists the kinds)
> stream s model=fm target=x
error: stream: model fm ranks no items (it predicts a label per log row): a stream replays rankers
> stream s model=imported
error: stream: model imported ranks no items (lists made elsewhere): a stream replays rankers
