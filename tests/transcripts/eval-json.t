# eval --json: one object per model under "results", every metric under its
# name; undefined values are null. Same data as eval-tiny.t.
# args: --json
# filter: s/seconds":[-0-9.e+]*/seconds":T/g
> load data/eval/train.csv
{"command":"load","ok":true,"notes":["format: delimited text","log data/eval/train.csv: comma-separated, header row; user=user item=item value=rating time=(none)","no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])"],"path":"data/eval/train.csv","format":"csv","interactions":8,"users":3,"items":5,"creators":null,"bytes":1160,"seconds":T}
> split files test=data/eval/test.csv
{"command":"split","ok":true,"notes":["format: delimited text","log data/eval/test.csv: comma-separated, header row; user=user item=item value=rating time=(none)"],"kind":"files","split":"files test=data/eval/test.csv","train":8,"valid":0,"test":5,"test_users":3,"external":true}
> train pop model=pop
{"command":"train","ok":true,"name":"pop","kind":"pop","params":{"window":"0","half_life":"0"},"train_rows":8,"seconds":T,"history":[],"interrupted":false}
> train rnd model=random
{"command":"train","ok":true,"name":"rnd","kind":"random","params":{"seed":"1"},"train_rows":8,"seconds":T,"history":[],"interrupted":false}
> eval k=2
{"command":"eval","ok":true,"notes":["1 held-out pair the user also has in training: not ranked (seen items are left out), so not counted as relevant"],"prepare_seconds":T,"prepare_cpu_seconds":T,"results":[{"model":"pop","kind":"pop","protocol":"full ranking, test part","relevance":"every held-out row","diversity_column":null,"sampled":null,"users":3,"ranking_users":3,"fallback_users":0,"short_video":null,"precision@2":0.5,"recall@2":0.83333333333333337,"ndcg@2":0.74802564877897204,"map@2":0.66666666666666663,"mrr@2":0.83333333333333337,"hit@2":1,"auc":0.66666666666666663,"item_coverage@2":0.80000000000000004,"novelty@2":2.8333333333333335,"popularity@2":1.1666666666666667,"seconds":T,"cpu_seconds":T},{"model":"rnd","kind":"random","protocol":"full ranking, test part","relevance":"every held-out row","diversity_column":null,"sampled":null,"users":3,"ranking_users":3,"fallback_users":0,"short_video":null,"precision@2":0.5,"recall@2":0.83333333333333337,"ndcg@2":0.79561760241151391,"map@2":0.75,"mrr@2":0.83333333333333337,"hit@2":1,"auc":0.66666666666666663,"item_coverage@2":0.80000000000000004,"novelty@2":2.8333333333333335,"popularity@2":1.1666666666666667,"seconds":T,"cpu_seconds":T}]}
> eval pop k=2 relevant=rating>=4
{"command":"eval","ok":true,"notes":["1 held-out pair the user also has in training: not ranked (seen items are left out), so not counted as relevant"],"prepare_seconds":T,"prepare_cpu_seconds":T,"results":[{"model":"pop","kind":"pop","protocol":"full ranking, test part","relevance":"rating >= 4","diversity_column":null,"sampled":null,"users":3,"ranking_users":1,"fallback_users":0,"short_video":null,"precision@2":0.5,"recall@2":0.5,"ndcg@2":0.61314719276545837,"map@2":0.5,"mrr@2":1,"hit@2":1,"auc":0.5,"item_coverage@2":0.80000000000000004,"novelty@2":2.8333333333333335,"popularity@2":1.1666666666666667,"seconds":T,"cpu_seconds":T}]}
