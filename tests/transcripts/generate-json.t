# --json: generate's object carries the counts and the dirt, plus "bytes" and
# "seconds" (both masked here: seconds is wall time, and bytes is 0 at the
# time of writing, a bug); a bad parameter gives ok:false and the error, and
# so does a folder that already holds files.
# args: --json
# exit: 1
# filter: s/"bytes":[0-9]*/"bytes":X/
# filter: s/"seconds":[0-9.e+-]*/"seconds":X/
> generate w users=40 videos=80 creators=8 days=3 events=15
{"command":"generate","ok":true,"notes":["wrote w (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)"],"path":"w","seed":1,"big_rows":547,"small_rows":192,"users":40,"bots":0,"videos":80,"creators":8,"small_users":8,"small_videos":24,"dirt":{"duplicates":0,"bot_rows":0,"outliers":1,"missing_durations":2,"missing_categories":2,"bad_times":0,"malformed":3},"bytes":X,"seconds":X}
> generate w6 users=0
{"command":"generate","ok":false,"error":"generate: users=0 is out of range (1 to 10,000,000)"}
> generate w users=40 videos=80 creators=8 days=3 events=15
{"command":"generate","ok":false,"error":"generate: w already holds files; give --force to replace them; nothing written"}
