# eval --json: one object per model under "results", every metric under its
# name; undefined values are null. Same data as eval-tiny.t.
# args: --json
# filter: s/seconds":[-0-9.e+]*/seconds":T/g
> load data/eval/train.csv
{"command":"load","ok":true,"notes":["format: delimited text","log data/eval/train.csv: comma-separated, header row; user=user item=item value=rating time=(none)","no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])"],"path":"data/eval/train.csv","format":"csv","interactions":8,"users":3,"items":5,"creators":null,"bytes":1160,"seconds":T}
> split files test=data/eval/test.csv
{"command":"split","ok":false,"error":"split files: 1 of 5 held-out rows (20%) are also in the training log (same user and item; without a time column a copy cannot be told from a repeat): a model would be tested on rows it trained on; load a training log without them instead, or give --allow-overlap"}
> train pop model=pop
{"command":"train","ok":false,"error":"train: no split yet; run split first (e.g. split user test=0.2 valid=0.1)"}
> train rnd model=random
{"command":"train","ok":false,"error":"train: no split yet; run split first (e.g. split user test=0.2 valid=0.1)"}
> eval k=2
{"command":"eval","ok":false,"error":"eval: no model trained yet (train NAME model=KIND, or import recs FILE as NAME)"}
> eval pop k=2 relevant=rating>=4
{"command":"eval","ok":false,"error":"eval: no model trained yet (train NAME model=KIND, or import recs FILE as NAME)"}
