# Bad input to the neighbourhood and closed-form models and to similar and
# explain: each fails with one message and changes nothing.
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: s/\( 14\)  *[0-9][0-9.e+-]* /\1  (time) /
# filter: s/^\(name  .*pairs\)  *seconds  /\1  seconds  /
> explain user=alice item=m1
error: no dataset loaded (use load PATH or generate DIR --load first)
> load data/models/ratings.csv items=data/models/items.csv
format: delimited text
log data/models/ratings.csv: comma-separated, header row; user=user item=item value=rating time=(none)
items data/models/items.csv: 6 rows, id column item, 2 other columns
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/models/ratings.csv
format        csv
interactions  14
users         5
items         6
creators      -
signal        rating 1-5
> train i model=itemknn
error: train: no split yet; run split first (e.g. split user test=0.2 valid=0.1)
> split files test=data/models/test.csv
format: delimited text
log data/models/test.csv: comma-separated, header row; user=user item=item value=rating time=(none)
kind        files
split       files test=data/models/test.csv
train       14
valid       0
test        4
test users  4
> explain user=alice item=m1
error: explain: no model trained yet (train NAME model=KIND first)
> similar item=m1
error: similar: no model trained yet (train NAME model=KIND first)
> train i model=itemknn kk=3
error: train: model itemknn has no parameter kk (parameters: sim, k, shrink, min_support, mode, keep, reg_item, reg_user, baseline_epochs, clip)
> train i model=itemknn k=0
error: train: k=0 is out of range (1 to 1e+06)
> train i model=userknn k=-2
error: train: k=-2 is out of range (1 to 1e+06)
> train i model=itemknn shrink=-1
error: train: shrink=-1 is out of range (0 to 1e+12)
> train i model=itemknn sim=dice
error: train: sim=dice must be one of cosine|adjusted|pearson|pearson_baseline|jaccard
> train i model=itemknn binary=yes sim=pearson
error: train: sim=pearson compares rating values, and binary training values have none (use cosine or jaccard, or train with binary=no)
> train i model=itemknn binary=yes sim=pearson_baseline
error: train: sim=pearson_baseline needs rating mode (rating values with binary=no, or mode=rating)
> train e model=ease lambda=-1
error: train: lambda=-1 is out of range (0 to 1e+12)
> train e model=ease lambda=abc
error: train: lambda=abc is not a number
> train e model=ease max_items=3
error: train: 5 items have interactions: an items x items matrix of them takes 0.0 GB; the limit is max_items=3 (drop rare items first, e.g. clean kcore, or raise max_items)
> train c model=content
error: train: the content model needs item features: run features first
> train h model=hybrid models=nope
error: train: models: no trained model named nope (none trained yet)
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  14
seconds         (time)
> similar item=m1
error: similar: none of the trained models has item similarities; train an itemknn, ease or content model
> similar item=m1 model=p
error: similar: model p (pop) has no item similarities; use an itemknn, ease or content model
> similar item=m1 model=q
error: similar: no model named q (models: p)
> train i model=itemknn binary=yes
itemknn: implicit mode (sum of similarities over each row's k nearest neighbours)
name            i
kind            itemknn
params          sim cosine  k 40  shrink 0  min_support 1  mode auto  keep 0  reg_item 10  reg_user 15  baseline_epochs 10  clip yes
training pairs  14
seconds         (time)
> similar item=zz
error: similar: no item zz in the data
> similar
error: similar: which item? give item=ID
> explain user=zz item=m1
error: explain: no user zz in the data
> explain user=alice item=zz
error: explain: no item zz in the data
> explain user=alice
error: explain: give user=ID and item=ID
> models
name  kind     params                                                                                                       pairs  seconds  epochs  best  metric  valid
p     pop      window=0 half_life=0                                                                                            14  (time)       0     0  -       -
i     itemknn  sim=cosine k=40 shrink=0 min_support=1 mode=auto keep=0 reg_item=10 reg_user=15 baseline_epochs=10 clip=yes     14  (time)       0     0  -       -
> train "a=b" model=pop
error: train: that model name cannot be used: it holds a comma or '=' (names are listed as model=a,b)
> train a,b model=pop
error: train: that model name cannot be used: it holds a comma or '=' (names are listed as model=a,b)
> train "x\ny" model=pop
error: train: that model name cannot be used: it holds a control character
> train "x,y" model=pop
error: train: that model name cannot be used: it holds a comma or '=' (names are listed as model=a,b)
> tune model=pop window=0,1 name=x,y
error: tune: name=: that model name cannot be used: it holds a comma or '=' (names are listed as model=a,b)
> models
name  kind     params                                                                                                       pairs  seconds  epochs  best  metric  valid
p     pop      window=0 half_life=0                                                                                            14  (time)       0     0  -       -
i     itemknn  sim=cosine k=40 shrink=0 min_support=1 mode=auto keep=0 reg_item=10 reg_user=15 baseline_epochs=10 clip=yes     14  (time)       0     0  -       -
