#!/bin/sh
# save / open across processes: a workspace saved by one reelscope is opened by
# a fresh one, which must show the same pipeline, models, recommend lists,
# similar and explain output, the same evaluation (every metric, and the
# per-user values written by eval export=, byte for byte) as the session that
# saved it. Then damaged copies made here (truncated at half, to 10 bytes and
# to nothing; one byte flipped in the middle, in the magic and in the last
# byte) are each refused by open with one error line, and the session that
# tried goes on unchanged. Small data, a few seconds.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

status=0
bad() {
	echo "FAIL: $*" >&2
	status=1
}

# The figures every session shows; times left out.
SHOW="pipeline; models; recommend user=0 k=10 model=a; recommend user=5 k=10 model=k;
recommend user=nobody k=5 model=a; similar item=588 k=5 model=k; explain user=0 item=443 model=a;
eval a k=5,10 export=EXPORT; compare k=10 metrics=ndcg@10,recall@10,auc"
untimed() {
	sed 's/"[a-z_]*seconds":[0-9.e+-]*/"seconds":0/g; s/ written to [a-z]*\.csv/ written/; s/"path":"[^"]*"/"path":""/g; s/"file":"[^"]*"/"file":""/g'
}

run_rs --json --no-progress -c "load samples/world --skip-bad; clean dedup;
split user test=0.2 valid=0.1 seed=7; train p model=pop;
train a model=als factors=8 epochs=3 seed=2; train k model=itemknn binary=yes k=20;
$(echo "$SHOW" | sed 's/EXPORT/before.csv/'); save ws.rsw" > "$SCRATCH/a.jsonl" 2> "$SCRATCH/a.err" ||
	fail "the saving session failed: $(grep -v "\"ok\":true" "$SCRATCH/a.jsonl" | head -c 300) $(head -c 300 "$SCRATCH/a.err")"
run_rs --json --no-progress -c "open ws.rsw; $(echo "$SHOW" | sed 's/EXPORT/after.csv/')" \
	> "$SCRATCH/b.jsonl" 2> "$SCRATCH/b.err" ||
	fail "the opening session failed: $(head -c 300 "$SCRATCH/b.err")"

# the saving session's SHOW results: the 9 lines before save's
n=$(echo "$SHOW" | tr ';' '\n' | grep -c .)
[ "$n" -eq 9 ] || fail "SHOW has $n commands, expected 9"
tail -n $((n + 1)) "$SCRATCH/a.jsonl" | head -n "$n" | untimed > "$SCRATCH/a.show"
tail -n "$n" "$SCRATCH/b.jsonl" | untimed > "$SCRATCH/b.show"
grep -q '"command":"open","ok":true' "$SCRATCH/b.jsonl" || bad "open did not succeed"
grep -q '"command":"explain","ok":true' "$SCRATCH/b.show" || bad "explain did not run after open"
grep -q '"ndcg@10":0\.[0-9]' "$SCRATCH/b.show" || bad "no ndcg@10 figure after open"
grep -q '"fallback":true' "$SCRATCH/b.show" || bad "the unknown user did not fall back"
if ! cmp -s "$SCRATCH/a.show" "$SCRATCH/b.show"; then
	bad "the opened workspace shows other figures than the saved one:"
	diff "$SCRATCH/a.show" "$SCRATCH/b.show" | head -20 >&2
fi
[ -s "$SCRATCH/before.csv" ] || bad "eval export= wrote nothing"
cmp -s "$SCRATCH/before.csv" "$SCRATCH/after.csv" ||
	bad "per-user metric values differ after open: $(diff "$SCRATCH/before.csv" "$SCRATCH/after.csv" | head -4)"

# Damaged copies of ws.rsw.
size=$(wc -c < "$SCRATCH/ws.rsw")
# flip FILE OFFSET: xor the byte at OFFSET with 0xff.
flip() {
	cp "$SCRATCH/ws.rsw" "$SCRATCH/$1"
	b=$(od -An -tu1 -j "$2" -N1 "$SCRATCH/ws.rsw" | tr -d ' ')
	# shellcheck disable=SC2059
	printf "\\$(printf '%03o' $((b ^ 255)))" |
		dd of="$SCRATCH/$1" bs=1 seek="$2" conv=notrunc 2> /dev/null
	cmp -s "$SCRATCH/ws.rsw" "$SCRATCH/$1" && fail "flip $1 $2 changed nothing"
}
head -c $((size / 2)) "$SCRATCH/ws.rsw" > "$SCRATCH/half.rsw"
head -c 10 "$SCRATCH/ws.rsw" > "$SCRATCH/ten.rsw"
: > "$SCRATCH/empty.rsw"
flip middle.rsw $((size / 2))
flip magic.rsw 1
flip last.rsw $((size - 1))

# check FILE PATTERN: open FILE in a session with other data fails with one
# error line matching PATTERN (grep -E), and the session is unchanged.
check() {
	run_rs --no-progress --keep-going -c "load data/models/ratings.csv;
	split random test=0.3 seed=1; train p model=pop; open $1; pipeline; models;
	recommend user=alice k=2" > "$SCRATCH/out" 2>&1
	grep '^error' "$SCRATCH/out" > "$SCRATCH/errs"
	if [ "$(wc -l < "$SCRATCH/errs")" -ne 1 ]; then
		bad "open $1: expected one error line, got: $(cat "$SCRATCH/errs")"
		return
	fi
	grep -Eq "^error: open: $2; the session is unchanged\$" "$SCRATCH/errs" ||
		bad "open $1: unexpected error: $(cat "$SCRATCH/errs")"
	grep -q '^source  load data/models/ratings.csv$' "$SCRATCH/out" &&
		grep -q '^  1  split random test=0.3 seed=1 ' "$SCRATCH/out" &&
		grep -q '^p  *pop ' "$SCRATCH/out" && grep -q '^user  *alice$' "$SCRATCH/out" ||
		bad "open $1 changed the session: $(cat "$SCRATCH/out")"
}
check half.rsw "half\.rsw: truncated at byte $((size / 2)) \(the workspace is $size bytes\)"
check ten.rsw "ten\.rsw: truncated at byte 10 \(a workspace header alone is 32 bytes\)"
check empty.rsw "empty\.rsw: not a reelscope workspace \(the file is empty\)"
check middle.rsw "middle\.rsw: corrupt: .*checksum mismatch"
check magic.rsw "magic\.rsw: not a reelscope workspace"
check last.rsw "last\.rsw: corrupt: .*"
exit $status
