#!/bin/sh
# The class in the box (samples/class/*.rs): every chapter runs on its own
# generated world, ends with status 0, says what it is about and its key
# point, and shows the output its lesson is about.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

# expect CHAPTER ERE...: the chapter's output has a line matching each ERE
expect() {
	f=$1
	shift
	out=$SCRATCH/$f.out
	(cd "$SCRATCH" && $RS_RUN --no-progress "$TOP_SRCDIR/samples/class/$f.rs") > "$out" 2>&1 ||
		fail "$f ended with status $?: $(tail -n 5 "$out")"
	n=${f%%-*}
	grep -E -q "^Chapter ${n#0}: " "$out" || fail "$f: no \"Chapter ${n#0}:\" line"
	grep -E -q "^Key point: " "$out" || fail "$f: no key point"
	grep -q '^error' "$out" && fail "$f printed an error: $(grep '^error' "$out")"
	for re in "$@"; do
		grep -E -q -- "$re" "$out" || fail "$f: no line matching /$re/"
	done
}

expect 01-data '^interactions ' '^dirt ' 'watch_ratio'
expect 02-cleaning '^injected dirt .*recall' '^step +bots' '^clean dedup'
expect 03-content 'held-out accuracy' 'keywords'
expect 04-profile '^half-life \(days\) +2' 'keywords'
expect 05-neighbours '^name +iknn' '^name +als' 'ndcg@10'
expect 06-deep '^name +ncf' '^name +gru' '^name +vae' 'ndcg@10'
expect 07-evaluation 'sampled metrics are inflated' 'cold users +[0-9]' '^p \(t-test\)'
expect 08-diversity 'item_coverage +creator_coverage +novelty +diversity' 'als-mmr'
expect 09-fairness 'gini' 'als-fair' 'aplt|APLT'
expect 10-privacy '^dp: exposure counts carry Laplace noise' '^reasons:'
[ "$(find "$TOP_SRCDIR/samples/class" -name '*.rs' | wc -l)" -eq 10 ] ||
	fail "samples/class has not 10 chapters (a new one needs its line here)"
exit 0
