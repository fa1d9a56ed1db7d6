# compare --json: the baselines object (metric, test, alpha, where each
# baseline came from) and each leaderboard row's checks, on the data of
# compare-baselines.t: lists against pop on lose.csv, d = (0, -1, -1, -1, -1)
# over 5 users, t = -4, df = 4, p = 1 - (3/2) sqrt(0.8) + (1/2) 0.8^(3/2)
# = 0.016130; then pop kept in the workspace and compared, random trained;
# baselines=no gives null.
# args: --json
# tolerance: 1e-9
# filter: s/"seconds":[0-9.e+-]*/"seconds":(time)/
# filter: s/"cpu_seconds":[0-9.e+-]*/"cpu_seconds":(time)/
> load data/baselines/train.csv
{"command":"load","ok":true,"notes":["format: delimited text","log data/baselines/train.csv: comma-separated, header row; user=user item=item value=(none) time=(none)","no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])"],"path":"data/baselines/train.csv","format":"csv","interactions":18,"users":9,"items":8,"creators":null,"signal":{"kind":"binary","column":null,"min":1,"max":1,"median":1,"given":false},"bytes":1220,"seconds":(time)}
> split files test=data/baselines/lose.csv
{"command":"split","ok":true,"notes":["format: delimited text","log data/baselines/lose.csv: comma-separated, header row; user=user item=item value=(none) time=(none)"],"kind":"files","split":"files test=data/baselines/lose.csv","train":18,"valid":0,"test":5,"test_users":5,"external":true,"cold_test_users":0,"cold_share":0,"overlap":0,"overlap_valid":0}
> import recs data/baselines/lists.csv as lists
{"command":"import","ok":true,"name":"lists","file":"data/baselines/lists.csv","order":"rank","rows":5,"entries":5,"users":5,"longest":1,"unknown_users":0,"unknown_user_rows":0,"unknown_items":0,"unknown_item_rows":0,"duplicate_items":0,"tied_scores":0,"seen_in_training":0}
> compare metrics=hit@1
{"command":"compare","ok":true,"notes":["baselines pop and random trained for this comparison (not kept)"],"protocol":"full ranking, test part","relevance":"every held-out row","sampled":null,"metrics":["hit@1"],"leaderboard":[{"model":"lists","kind":"imported","users":5,"hit@1":{"mean":0.20000000000000001,"low":-0.3552890210396073,"high":0.75528902103960727,"users":5,"best":false},"baselines":{"pop":{"model":"pop","mean":0.20000000000000001,"baseline_mean":1,"users":5,"p":0.016130089900092539,"beats":false},"random":{"model":"random","mean":0.20000000000000001,"baseline_mean":0.20000000000000001,"users":5,"p":1,"beats":false}}}],"baselines":{"metric":"hit@1","test":"paired t-test","alpha":0.050000000000000003,"pop":{"model":"pop","source":"trained"},"random":{"model":"random","source":"trained"}}}
> train pop model=pop
{"command":"train","ok":true,"name":"pop","kind":"pop","params":{"window":"0","half_life":"0"},"train_rows":18,"seconds":(time),"history":[],"interrupted":false}
> compare lists pop metrics=hit@1
{"command":"compare","ok":true,"notes":["baseline random trained for this comparison (not kept)"],"protocol":"full ranking, test part","relevance":"every held-out row","sampled":null,"metrics":["hit@1"],"leaderboard":[{"model":"pop","kind":"pop","users":5,"hit@1":{"mean":1,"low":1,"high":1,"users":5,"best":true},"baselines":{"pop":null,"random":{"model":"random","mean":1,"baseline_mean":0.20000000000000001,"users":5,"p":0.016130089900092518,"beats":true}}},{"model":"lists","kind":"imported","users":5,"hit@1":{"mean":0.20000000000000001,"low":-0.3552890210396073,"high":0.75528902103960727,"users":5,"best":false},"baselines":{"pop":{"model":"pop","mean":0.20000000000000001,"baseline_mean":1,"users":5,"p":0.016130089900092539,"beats":false},"random":{"model":"random","mean":0.20000000000000001,"baseline_mean":0.20000000000000001,"users":5,"p":1,"beats":false}}}],"baselines":{"metric":"hit@1","test":"paired t-test","alpha":0.050000000000000003,"pop":{"model":"pop","source":"compared"},"random":{"model":"random","source":"trained"}}}
> compare metrics=hit@1 baselines=no
{"command":"compare","ok":true,"protocol":"full ranking, test part","relevance":"every held-out row","sampled":null,"metrics":["hit@1"],"leaderboard":[{"model":"pop","kind":"pop","users":5,"hit@1":{"mean":1,"low":1,"high":1,"users":5,"best":true},"baselines":null},{"model":"lists","kind":"imported","users":5,"hit@1":{"mean":0.20000000000000001,"low":-0.3552890210396073,"high":0.75528902103960727,"users":5,"best":false},"baselines":null}],"baselines":null}
