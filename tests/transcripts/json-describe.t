# --json: describe gives the documented fields (users, items, creators,
# interactions, density, ...), still for the first dataset after a failed load.
# args: --json
# exit: 1
> set json=no
json        no
progress    no
keep_going  yes
> load data/good/pipe.psv
format: delimited text
log data/good/pipe.psv: '|'-separated, header row; user=user item=item value=rating time=(none)
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/good/pipe.psv
format        csv
interactions  3
users         2
items         2
creators      -
signal        rating 3-5
> set json=yes
{"command":"set","ok":true,"json":true,"progress":false,"keep_going":true}
> load data/bad/ragged-short.csv
{"command":"load","ok":false,"error":"data/bad/ragged-short.csv:3: expected 4 fields, found 3; --skip-bad skips such lines"}
> describe
{"command":"describe","ok":true,"interactions":3,"users":2,"items":2,"creators":null,"signal":{"kind":"rating","column":"rating","min":3,"max":5,"median":4,"given":false},"pairs":3,"density":0.75,"catalog_users":2,"catalog_items":2,"user_activity":{"min":1,"q25":1.25,"median":1.5,"q75":1.75,"q90":1.8999999999999999,"q99":1.99,"max":2},"item_activity":{"min":1,"q25":1.25,"median":1.5,"q75":1.75,"q90":1.8999999999999999,"q99":1.99,"max":2},"top_share":{"top1":0.66666666666666663,"top10":0.66666666666666663,"top20":0.66666666666666663},"columns":[{"table":"log","name":"rating","type":"int","missing":0,"distinct":3,"min":3,"max":5,"mean":4}]}
