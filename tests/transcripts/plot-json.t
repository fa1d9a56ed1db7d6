# plot with --json: a text plot's lines travel in "notes", the figures as
# fields (the text output hides plot, output and renderer for an inline
# plot; JSON keeps them); a file's size is left out by the filter, as it
# depends on the fonts; a failure is one object with the message.
# args: --json
# exit: 1
# filter: s/"bytes":[0-9]*/"bytes":N/
# filter: s/"seconds":[0-9.e+-]*/"seconds":T/
> load data/plot/views.csv items=data/plot/items.csv creator=author
{"command":"load","ok":true,"notes":["format: delimited text","log data/plot/views.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)","items data/plot/items.csv: 10 rows, id column video_id, 5 other columns"],"path":"data/plot/views.csv","format":"csv","interactions":49,"users":8,"items":10,"creators":8,"signal":{"kind":"ratio","column":"watch_ratio","min":0.14000000000000001,"max":1.95,"median":0.96999999999999997,"given":false},"bytes":N,"seconds":T}
> plot hist duration bins=2 size=40x14
{"command":"plot","ok":true,"notes":["   Distribution of duration (10 items)","                y: items","  8 +-------------------------------+","  7 |*+     +     + *   +    +    ++|","  6 |*+             *             +-|","  4 |*+             *             +-|","  2 |*+     +     + ****************|","  0 +-------------------------------+","      10    20    30    40   50    60","                duration","             duration *******"],"plot":"hist","column":"duration","table":"items","values":10,"missing":0,"from":8,"to":60,"bins":2,"bin_width":26,"renderer":"gnuplot","output":"text"}
> plot hist duration bins=2 to=dur.svg
{"command":"plot","ok":true,"plot":"hist","column":"duration","table":"items","values":10,"missing":0,"from":8,"to":60,"bins":2,"bin_width":26,"renderer":"gnuplot","output":"dur.svg","bytes":N}
> plot hist author
{"command":"plot","ok":false,"error":"plot hist: column author holds text, not numbers"}
