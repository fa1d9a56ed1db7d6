#!/bin/sh
# Command-line behaviour of reelscope: options, the batch modes (script, -f,
# -c, stdin), --keep-going, --echo, --json and the exit status (0 ok,
# 1 a command failed, 2 usage).
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

status=0
bad() {
	echo "FAIL: $*" >&2
	status=1
}

# rs ARGS...: run reelscope in the scratch directory with stdin from
# /dev/null; sets $st and leaves the output in $SCRATCH/out and $SCRATCH/err.
rs() {
	run_rs "$@" < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err"
	st=$?
}
# rs_in INPUT ARGS...: the same with INPUT (a string) on stdin, a pipe.
rs_in() {
	input=$1
	shift
	printf '%s' "$input" | run_rs "$@" > "$SCRATCH/out" 2> "$SCRATCH/err"
	st=$?
}
# want_status N WHAT
want_status() {
	[ "$st" = "$1" ] || bad "$2: exit status $st, expected $1 (stderr: $(head -c 300 "$SCRATCH/err"))"
}
# out_has / err_has ERE WHAT: a line of stdout / stderr matches
out_has() {
	grep -E -q -- "$1" "$SCRATCH/out" || bad "$2: no line matching /$1/ on stdout: $(head -c 300 "$SCRATCH/out")"
}
err_has() {
	grep -E -q -- "$1" "$SCRATCH/err" || bad "$2: no line matching /$1/ on stderr: $(head -c 300 "$SCRATCH/err")"
}
out_lacks() {
	! grep -E -q -- "$1" "$SCRATCH/out" || bad "$2: stdout should not match /$1/"
}
out_empty() {
	[ ! -s "$SCRATCH/out" ] || bad "$1: stdout should be empty: $(head -c 300 "$SCRATCH/out")"
}
err_empty() {
	[ ! -s "$SCRATCH/err" ] || bad "$1: stderr should be empty: $(head -c 300 "$SCRATCH/err")"
}

tiny=data/csv/tiny.csv	# 4 interactions, 3 users, 3 items

# ---- --version, --help, usage errors ----
version=$(sed -n 's/^AC_INIT(\[reelscope\], *\[\([^]]*\)\].*/\1/p' "$TOP_SRCDIR/configure.ac")
[ -n "$version" ] || fail "cannot read the version from configure.ac"
rs --version
want_status 0 "--version"
[ "$(cat "$SCRATCH/out")" = "reelscope $version" ] ||
	bad "--version printed \"$(cat "$SCRATCH/out")\", expected \"reelscope $version\""
err_empty "--version"

rs --help
want_status 0 "--help"
out_has '^usage: reelscope ' "--help"
for opt in ' -c ' ' -f ' ' -i ' '--json' '--keep-going' '--echo' '--no-progress' '--version' '--help'; do
	grep -q -F -- "$opt" "$SCRATCH/out" || bad "--help does not mention $opt"
done
out_has 'Exit status: 0 .*1 .*2 ' "--help"
err_empty "--help"

rs --bogus
want_status 2 "unknown long option"
err_has '^reelscope: unknown option --bogus$' "unknown long option"
err_has '^usage: reelscope ' "unknown long option"
out_empty "unknown long option"

rs -x
want_status 2 "unknown short option"
err_has '^reelscope: unknown option -x$' "unknown short option"
out_empty "unknown short option"

rs -c
want_status 2 "-c without its argument"
err_has '^reelscope: -c needs an argument$' "-c without its argument"

rs -f
want_status 2 "-f without its argument"
err_has '^reelscope: -f needs an argument$' "-f without its argument"

# ---- -c ----
rs -c "load $tiny; describe columns=no"
want_status 0 "-c with two good commands"
out_has '^interactions +4$' "-c load; describe"
out_has '^density +44\.4%$' "-c load; describe"
err_empty "-c with two good commands"

rs -c "load $tiny; bogus; describe columns=no"
want_status 1 "-c with a failing command"
err_has '^error: unknown command: bogus' "-c with a failing command"
out_has '^interactions +4$' "-c: the command before the failure ran"
out_lacks '^density' "-c: the batch stops at the failure"

rs -c "load nothere.csv"
want_status 1 "-c load of a missing file"
err_has '^error: cannot open nothere\.csv: No such file or directory$' "-c load of a missing file"

# a unique prefix and an alias name the command; an ambiguous prefix fails
rs -c "load $tiny; desc columns=no; exit; bogus"
want_status 0 "-c with a prefix and quit's alias"
out_has '^density +44\.4%$' "desc runs describe"
[ ! -s "$SCRATCH/err" ] || bad "-c: quit (exit) should end the batch before bogus: $(cat "$SCRATCH/err")"
rs -c "h"
want_status 1 "ambiguous prefix"
err_has '^error: ambiguous command: h, could be: .*head.*help' "ambiguous prefix"

# ---- --keep-going ----
rs --keep-going -c "bogus; load $tiny; describe columns=no"
want_status 1 "--keep-going after a failure"
err_has '^error: unknown command: bogus' "--keep-going"
out_has '^density +44\.4%$' "--keep-going: the commands after the failure ran"

rs_in "bogus
load $tiny
describe columns=no
" --keep-going
want_status 1 "--keep-going with commands on stdin"
out_has '^density +44\.4%$' "--keep-going on stdin: the commands after the failure ran"

# ---- scripts: as an argument, with -f, and missing ----
cat > "$SCRATCH/good.rs" <<EOF
# a script: comments, blank lines, quotes and ';'

load "$tiny"   # the fixture
describe columns=no; head 1
EOF
rs good.rs
want_status 0 "script as an argument"
out_has '^interactions +4$' "script as an argument"
out_has '^u1 +i1 +5 +1000$' "script as an argument: head 1"
err_empty "script as an argument"
cp "$SCRATCH/out" "$SCRATCH/out.arg"
rs -f good.rs
want_status 0 "script with -f"
cmp -s "$SCRATCH/out" "$SCRATCH/out.arg" || bad "-f FILE and FILE give different output"
rs --no-progress -f "$SCRATCH/good.rs"
want_status 0 "script with -f and an absolute path, --no-progress"
cmp -s "$SCRATCH/out" "$SCRATCH/out.arg" || bad "-f with an absolute path gives different output"

cat > "$SCRATCH/fails.rs" <<EOF
load $tiny
load nothere.csv
describe columns=no
EOF
rs fails.rs
want_status 1 "script with a failing command"
err_has '^error: cannot open nothere\.csv' "script with a failing command"
out_lacks '^density' "script: stops at the failure"
rs --keep-going fails.rs
want_status 1 "script with a failing command and --keep-going"
out_has '^interactions +4$' "script --keep-going: the failed load kept the dataset"
out_has '^density +44\.4%$' "script --keep-going: went on"

rs nothere.rs
want_status 2 "missing script as an argument"
err_has 'cannot open script nothere\.rs' "missing script as an argument"
out_empty "missing script as an argument"
rs -f nothere.rs
want_status 2 "missing script with -f"
err_has 'cannot open script nothere\.rs' "missing script with -f"

rs good.rs good.rs
want_status 2 "two scripts"
err_has '^reelscope: give one script at most$' "two scripts"
out_empty "two scripts"

rs -c "load $tiny" -f good.rs
want_status 2 "-c with -f"
err_has '^reelscope: give either -c or a script, not both$' "-c with -f"
out_empty "-c with -f: nothing runs"
rs -c "load $tiny" good.rs
want_status 2 "-c with a script argument"
err_has 'not both' "-c with a script argument"
out_empty "-c with a script argument: nothing runs"

# ---- commands on stdin when it is not a terminal ----
rs_in "load $tiny
describe columns=no
"
want_status 0 "commands on stdin (a pipe)"
out_has '^interactions +4$' "commands on stdin"
out_has '^density +44\.4%$' "commands on stdin"
err_empty "commands on stdin"

rs_in "head 1; bogus
describe
"
want_status 1 "commands on stdin, the first fails"
err_has '^error: no dataset loaded' "commands on stdin, the first fails"
[ "$(grep -c '^error:' "$SCRATCH/err")" = 1 ] ||
	bad "stdin: the batch should stop at the first failure: $(cat "$SCRATCH/err")"

rs_in "load $tiny
quit
bogus
"
want_status 0 "quit on stdin ends the batch"
err_empty "quit on stdin ends the batch"

rs_in "load $tiny; head 1
" -f -
want_status 0 "-f - reads stdin"
out_has '^u1 +i1 +5 +1000$' "-f - reads stdin"

# with -c, stdin is not read even when it is not a terminal
if ! run_rs -c "load $tiny" < "$SCRATCH/fails.rs" > "$SCRATCH/out" 2>&1; then
	bad "-c with a script on stdin: $(cat "$SCRATCH/out")"
fi

# ---- --echo ----
rs --echo -c "load $tiny;describe columns=no   # comment"
want_status 0 "--echo"
[ "$(head -n 1 "$SCRATCH/out")" = "> load $tiny" ] || bad "--echo: first line is \"$(head -n 1 "$SCRATCH/out")\""
out_has '^> describe columns=no$' "--echo"
rs --echo -c "anonymize salt='my secret'; load $tiny"
grep -q 'secret' "$SCRATCH/out" "$SCRATCH/err" && bad "--echo showed a salt: $(cat "$SCRATCH/out")"
out_has '^> anonymize salt=\*\*\*$' "--echo of a salt"

# ---- --json: one object per command, one per line ----
rs --json --keep-going -c "load $tiny; describe columns=no; bogus; desc; help load; head 1"
want_status 1 "--json with a failing command"
err_empty "--json: errors go into the objects"
[ "$(wc -l < "$SCRATCH/out" | tr -d ' ')" = 6 ] || bad "--json: expected 6 lines, got: $(cat "$SCRATCH/out")"
if command -v python3 > /dev/null 2>&1; then
	python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' < "$SCRATCH/out" ||
		bad "--json output is not one JSON object per line"
	# the common keys first, then the command's fields
	python3 -c '
import json, sys
for line in sys.stdin:
    o = json.loads(line)
    assert isinstance(o, dict), line
    keys = list(o)
    assert keys[:2] == ["command", "ok"], keys
    assert isinstance(o["ok"], bool), line
    assert ("error" in o) == (not o["ok"]), line
    if not o["ok"]:
        assert keys[2] == "error" and isinstance(o["error"], str), line
    for k in ("notes", "warnings"):
        if k in o:
            assert isinstance(o[k], list) and o[k] and all(isinstance(x, str) for x in o[k]), line
    fields = ["%s=%s" % (k, json.dumps(o[k])) for k in
              ("path", "format", "interactions", "users", "items", "creators", "catalog_items", "table")
              if k in o]
    if "density" in o:
        fields.append("density=%.4f" % o["density"])
    if "top_share" in o:
        fields.append("top10=%.2f" % o["top_share"]["top10"])
    if "rows" in o:
        # numbers compare by value (1000 and 1e+03 are the same number)
        rows = [{k: (int(v) if isinstance(v, float) and v.is_integer() else v)
                 for k, v in r.items()} for r in o["rows"]]
        fields.append("rows=" + json.dumps(rows, sort_keys=True))
    if "notes" in o:
        fields.append("notes-log=%s" % any(n.startswith("log data/csv/tiny.csv: comma-separated, header row;")
                                           for n in o["notes"]))
    if o["command"] == "help":
        names = [x["name"] for x in o["options"]]
        fields.append("name=" + o["name"])
        fields.append("encoding,skip-bad=%s" % ("encoding" in names and "skip-bad" in names))
    print(o["command"], json.dumps(o["ok"]), *fields)
' < "$SCRATCH/out" > "$SCRATCH/summary" 2> "$SCRATCH/pyerr" ||
		bad "--json objects have the wrong shape: $(tail -n 3 "$SCRATCH/pyerr")"
	cat > "$SCRATCH/expected" <<EOF
load true path="$tiny" format="csv" interactions=4 users=3 items=3 creators=null notes-log=True
describe true interactions=4 users=3 items=3 creators=null catalog_items=3 density=0.4444 top10=0.50
bogus false
describe true interactions=4 users=3 items=3 creators=null catalog_items=3 density=0.4444 top10=0.50
help true name=load encoding,skip-bad=True
head true table="log" rows=[{"item": "i1", "rating": 5, "timestamp": 1000, "user": "u1"}]
EOF
	diff -u "$SCRATCH/expected" "$SCRATCH/summary" > "$SCRATCH/diff" ||
		bad "--json results differ from the expected values:
$(cat "$SCRATCH/diff")"
	grep -q '"error":"unknown command: bogus' "$SCRATCH/out" || bad "--json: the failed command's error is missing"
else
	echo "python3 not found: JSON validation skipped" >&2
fi

# ---- exit status 1 when stdout cannot be written ----
if [ -w /dev/full ]; then
	run_rs -c help > /dev/full 2> /dev/null
	st=$?
	want_status 1 "-c help > /dev/full (a write error)"
fi

exit $status
