# --json: a failed command prints one object with ok:false and the error
# text (no other fields); failed loads leave the dataset as it was. The good
# load runs with json off: its JSON object holds the wall time ("seconds"),
# which no transcript can match.
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
> load data/bad/not-number.csv
{"command":"load","ok":false,"error":"data/bad/not-number.csv:4: column 3 (rating): \"abc\" is not a number"}
> load data/bad/no-such-file.csv
{"command":"load","ok":false,"error":"cannot open data/bad/no-such-file.csv: No such file or directory"}
> load data/good/pipe.psv delim=xx
{"command":"load","ok":false,"error":"load: delim must be one of , tab | ; :: (or comma, pipe, semicolon)"}
> load data/good/pipe.psv formt=csv
{"command":"load","ok":false,"error":"load: unknown option formt (did you mean format?)"}
> load
{"command":"load","ok":false,"error":"load: missing argument; usage: load PATH [format=...] [user=COL item=COL value=COL time=COL] [items=PATH users=PATH creator=COL] ..."}
> lod
{"command":"lod","ok":false,"error":"unknown command: lod (did you mean load? \"help\" lists commands)"}
> he
{"command":"he","ok":false,"error":"ambiguous command: he, could be: head, help"}
> head 2
{"command":"head","ok":true,"table":"log","rows":[{"user":"u1","item":"i1","rating":5},{"user":"u1","item":"i2","rating":3}]}
