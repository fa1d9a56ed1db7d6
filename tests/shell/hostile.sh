#!/bin/sh
# The hostile-input corpus (tests/hostile/EXPECT) plus inputs made here at
# test time (too big for git, or made by save): each must fail with a clear
# error naming the file (and line/column where they apply), exit status 1 in
# batch, and leave the session as it was (describe after the failure prints
# what a session that never tried prints); or load, where EXPECT says so.
# Prints "hostile: P passed / T" (and the known defects) at the end.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

ln -s "$TOP_SRCDIR/tests/hostile" "$SCRATCH/hostile"
mkdir "$SCRATCH/gen"
status=0
pass=0
total=0
known=0
tab=$(printf '\t')

bad() {
	echo "FAIL: $*" >&2
	status=1
}

# session SETUP CMD: a batch session "load tiny; SETUP; CMD; describe" with
# --echo; output (stdout and stderr) in $SCRATCH/out, status in $st.
session() {
	{
		echo "load data/csv/tiny.csv"
		[ -n "$1" ] && printf '%s\n' "$1" | tr ';' '\n'
		[ -n "$2" ] && printf '%s\n' "$2"
		echo "describe"
	} > "$SCRATCH/cmds"
	run_rs --echo --keep-going --no-progress < "$SCRATCH/cmds" > "$SCRATCH/out" 2>&1
	st=$?
}

# describe's part of the last session's output
describe_part() {
	sed -n '/^> describe$/,$p' "$SCRATCH/out"
}

# check NAME SETUP CMD STATUS TEXT
check() {
	name=$1 setup=$2 cmd=$3 want=$4 text=$5
	total=$((total + 1))
	key="$setup|"
	if [ ! -f "$SCRATCH/base-$(echo "$key" | cksum | cut -d' ' -f1)" ]; then
		session "$setup" ""
		describe_part > "$SCRATCH/base-$(echo "$key" | cksum | cut -d' ' -f1)"
	fi
	base="$SCRATCH/base-$(echo "$key" | cksum | cut -d' ' -f1)"
	session "$setup" "$cmd"
	if grep -q "AddressSanitizer\|runtime error:\|Segmentation\|Aborted\|core dumped" "$SCRATCH/out" ||
	    [ "$st" -gt 1 ]; then
		bad "$name: crashed (status $st): $(grep -m3 'ERROR\|error' "$SCRATCH/out")"
		return
	fi
	case $want in
	known)
		known=$((known + 1))
		printf "known: %s: %s\n" "$name" "$text"
		return ;;
	0)
		if [ "$st" -ne 0 ]; then
			bad "$name: status $st, expected a successful load: $(grep -m1 '^error' "$SCRATCH/out")"
			return
		fi
		grep -qF -- "$text" "$SCRATCH/out" ||
			{ bad "$name: no line \"$text\" in the output"; return; } ;;
	1)
		[ "$st" -eq 1 ] || { bad "$name: status $st, expected 1"; return; }
		grep -q '^error: ' "$SCRATCH/out" || { bad "$name: no error line"; return; }
		[ "$(grep -c '^error: ' "$SCRATCH/out")" -eq 1 ] ||
			{ bad "$name: more than one error line"; return; }
		grep -qF -- "$text" "$SCRATCH/out" ||
			{ bad "$name: error is \"$(grep -m1 '^error' "$SCRATCH/out")\", expected \"$text\""; return; }
		describe_part | cmp -s - "$base" ||
			{ bad "$name: the session changed after the failure"; describe_part | diff "$base" - | head >&2; return; } ;;
	esac
	pass=$((pass + 1))
}

# ---- the committed corpus ----
while IFS="$tab" read -r file cmd want text; do
	case $file in ''|'#'*) continue ;; esac
	setup=
	case $cmd in *'; '*) setup=${cmd%; *}; cmd=${cmd##*; } ;; esac
	# shellcheck disable=SC2059
	check "$file ($cmd)" "$setup" "$(printf "$cmd" "hostile/$file")" "$want" "$text"
done < "$TOP_SRCDIR/tests/hostile/EXPECT"
ncommitted=$total

# ---- made at test time ----
g=gen
awk 'BEGIN { printf "user,item,rating\nu1,i1,"; for (i = 0; i < 300000; i++) printf "9"; print "" }' \
	> "$SCRATCH/gen/huge-number-field.csv"
check "huge-number-field.csv" "" "load $g/huge-number-field.csv" 1 \
	'huge-number-field.csv:2: column 3 (rating): "99999999'
awk 'BEGIN { printf "user,item,rating\nu"; for (i = 0; i < 1000000; i++) printf "x"; print ",i1,1" }' \
	> "$SCRATCH/gen/huge-id.csv"
check "huge-id.csv (1 MB id)" "" "load $g/huge-id.csv" 0 "interactions  1"
awk 'BEGIN { printf "user,item,rating\n\"u"; for (i = 0; i < 200000; i++) printf "\"\""; print "\",i1,1" }' \
	> "$SCRATCH/gen/deep-quotes.csv"
check "deep-quotes.csv (200000 doubled quotes)" "" "load $g/deep-quotes.csv" 0 "interactions  1"
awk 'BEGIN { printf "user,item"; for (i = 3; i <= 1000000; i++) printf ",c%d", i; print "";
	printf "u1,i1"; for (i = 3; i <= 1000000; i++) printf ",%d", i % 10; print "" }' \
	> "$SCRATCH/gen/million-columns.csv"
check "million-columns.csv (1 M columns)" "" "load $g/million-columns.csv" 1 \
	"million-columns.csv:1: 1000000 fields; at most 65536 columns are read"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf ","; print "" }' > "$SCRATCH/gen/million-empty-columns.csv"
check "million-empty-columns.csv" "" "load $g/million-empty-columns.csv" 1 \
	"million-empty-columns.csv:1: 1000001 fields; at most 65536 columns are read"
check "missing file" "" "load $g/no-such.csv" 1 "no-such.csv"
check "a folder" "" "load $g" 1 "gen"
check "unknown option" "" "load data/csv/tiny.csv colour=red" 1 "colour"
check "wrong type of option value" "" "load data/csv/tiny.csv header=maybe" 1 "header"
check "open a CSV" "" "open data/csv/tiny.csv" 1 "not a reelscope workspace"
if [ "$(id -u)" -ne 0 ]; then
	cp "$TOP_SRCDIR/tests/data/csv/tiny.csv" "$SCRATCH/gen/unreadable.csv"
	chmod 000 "$SCRATCH/gen/unreadable.csv"
	check "unreadable file" "" "load $g/unreadable.csv" 1 "unreadable.csv"
fi

# ---- a workspace file made by save, truncated at every 1 KB boundary and
# with flipped bytes; all opened in one session, each must fail ----
run_rs --no-progress -c "load data/kuairec-mini; split random test=0.2 seed=1; train p model=pop; train m model=mf epochs=1 factors=4; eval p; save gen/ws.rsw" \
	> "$SCRATCH/save.out" 2>&1 || fail "cannot save the workspace: $(cat "$SCRATCH/save.out")"
size=$(wc -c < "$SCRATCH/gen/ws.rsw")
: > "$SCRATCH/wscmds"
n=0
k=1024
while [ "$k" -lt "$size" ]; do
	head -c "$k" "$SCRATCH/gen/ws.rsw" > "$SCRATCH/gen/cut-$k.rsw"
	echo "open gen/cut-$k.rsw" >> "$SCRATCH/wscmds"
	n=$((n + 1))
	k=$((k + 1024))
done
head -c $((size - 1)) "$SCRATCH/gen/ws.rsw" > "$SCRATCH/gen/cut-last.rsw"
echo "open gen/cut-last.rsw" >> "$SCRATCH/wscmds"
n=$((n + 1))
k=5
while [ "$k" -lt "$size" ]; do
	cp "$SCRATCH/gen/ws.rsw" "$SCRATCH/gen/flip-$k.rsw"
	# xor one byte with 0x20: a changed letter, digit or length
	b=$(od -An -tu1 -j "$k" -N1 "$SCRATCH/gen/ws.rsw" | tr -d ' ')
	printf "$(printf '\\%03o' $((b ^ 32)))" |
		dd of="$SCRATCH/gen/flip-$k.rsw" bs=1 seek="$k" conv=notrunc 2>/dev/null
	echo "open gen/flip-$k.rsw" >> "$SCRATCH/wscmds"
	n=$((n + 1))
	k=$((k + 211))
done
session "" ""
describe_part > "$SCRATCH/base-ws"
{ echo "load data/csv/tiny.csv"; cat "$SCRATCH/wscmds"; echo describe; } > "$SCRATCH/cmds"
run_rs --echo --keep-going --no-progress < "$SCRATCH/cmds" > "$SCRATCH/out" 2>&1
st=$?
errors=$(grep -c '^error: open: gen/[a-z]*-[0-9a-z]*\.rsw: ' "$SCRATCH/out")
total=$((total + n))
if grep -q "AddressSanitizer\|runtime error:" "$SCRATCH/out" || [ "$st" -gt 1 ]; then
	bad "damaged workspaces: crashed (status $st)"
elif [ "$errors" -ne "$n" ]; then
	bad "damaged workspaces: $errors of $n opens failed with an error naming the file"
	grep -B1 -A3 '^> open' "$SCRATCH/out" | grep -v '^error' | head -20 >&2
elif ! describe_part | cmp -s - "$SCRATCH/base-ws"; then
	bad "damaged workspaces: the session changed"
else
	pass=$((pass + n))
fi
# and the whole file opens (the damage is what made them fail)
run_rs --no-progress -c "open gen/ws.rsw" > "$SCRATCH/out" 2>&1 || bad "the undamaged workspace does not open: $(cat "$SCRATCH/out")"

reused=$(cat "$TOP_SRCDIR"/tests/transcripts/load-*.t | grep -c '^> load data/bad/')
echo "hostile: $pass passed / $total ($ncommitted committed cases, $((total - ncommitted)) made here incl. $n damaged workspaces; $known known defects); $reused more bad-file loads in tests/transcripts/load-*.t"
exit $status
