#!/bin/sh
# The transcript runner's numeric comparison (tests/numcmp.py, "# tolerance:"):
# reals within the tolerance agree, beyond it they do not; integers, text,
# command lines and the count of numbers stay exact; table padding is free.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

cmp_py=$TOP_SRCDIR/tests/numcmp.py
command -v python3 > /dev/null 2>&1 || fail "python3 is not installed (tools/install-deps.sh)"
n=0
# case WANT GOT EXPECTED-STATUS [REL [ABS]]: one line each side
case_() {
	n=$((n + 1))
	printf '%s\n' "$1" > "$SCRATCH/want"
	printf '%s\n' "$2" > "$SCRATCH/got"
	python3 "$cmp_py" "${4:-1e-3}" "${5:-1e-6}" "$SCRATCH/want" "$SCRATCH/got" > "$SCRATCH/out"
	st=$?
	[ "$st" = "$3" ] || fail "case $n: '$1' vs '$2': status $st, expected $3: $(cat "$SCRATCH/out")"
}
case_ 'rest      0.088665' 'rest      0.088663' 0
case_ 'rest      0.088665' 'rest      0.088565' 1
case_ '     1  756    1.0511  20  skincare' '     1  756    1.0455  20  skincare' 1
case_ '     1  756    1.0511  20  skincare' '     1  756    1.0455  20  skincare' 0 3e-2
# the order of a list is its ids: exact whatever the tolerance
case_ '     1  756    1.0511  20  skincare' '     1  285    1.0511  20  skincare' 1 3e-2
# a count is exact
case_ 'bytes   3,447,971' 'bytes   3,447,972' 1 0.5
# padding follows the width of the numbers
case_ '     2  285   0.98632  35' '     2  285    0.9863  35' 0
# %g drops a fraction: a real still
case_ 'score  1' 'score  0.99998' 0
# text and command lines are exact
case_ 'ndcg@10  0.5' 'recall@10  0.5' 1
case_ '> train m factors=0.5' '> train m factors=0.5001' 1 0.1
# the count of numbers on a line
case_ 'a 0.5 0.5' 'a 0.5' 1
# near 0: the absolute floor
case_ 'x  1.2e-09' 'x  -3e-09' 0 1e-3 1e-6
case_ 'x  1.2e-09' 'x  -3e-09' 1 1e-3 1e-12
case_ 'x  nan' 'x  nan' 0
case_ 'x  inf' 'x  -inf' 1
# more lines on one side
printf 'a\nb\n' > "$SCRATCH/want"
printf 'a\n' > "$SCRATCH/got"
python3 "$cmp_py" 1e-3 1e-6 "$SCRATCH/want" "$SCRATCH/got" > /dev/null && fail "a missing line passed"

# the runner: a figure nudged within the tolerance passes, one beyond fails,
# and without "# tolerance:" any change fails
(cd "$SCRATCH" && $RS_RUN --echo --keep-going --no-progress -c "load data/csv/tiny.csv; describe") \
	> "$SCRATCH/actual" 2>&1 || fail "describe tiny.csv failed: $(cat "$SCRATCH/actual")"
line=$(grep -m1 -n -E '^[^>].* [0-9]+\.[0-9]+' "$SCRATCH/actual") || fail "describe shows no real"
no=${line%%:*}
real=$(echo "${line#*:}" | grep -o -E '[0-9]+\.[0-9]+' | head -n 1)
# transcript HEADER FACTOR: the output with that real multiplied by FACTOR
transcript() {
	{
		[ -n "$1" ] && echo "$1"
		awk -v no="$no" -v r="$real" -v f="$2" 'NR == no { i = index($0, r)
			$0 = substr($0, 1, i - 1) sprintf("%.6f", r * f) substr($0, i + length(r)) } { print }' \
			"$SCRATCH/actual"
	} > "$SCRATCH/t.t"
}
runner() { sh "$TOP_SRCDIR/tests/run-transcript.sh" "$SCRATCH/t.t" > "$SCRATCH/runner.out" 2>&1; }
transcript "# tolerance: 1e-2" 1.001
runner || fail "a real 0.1% off failed with a 1% tolerance: $(cat "$SCRATCH/runner.out")"
transcript "# tolerance: 1e-2" 1.05
runner && fail "a real 5% off passed with a 1% tolerance"
grep -q 'beyond the tolerance' "$SCRATCH/runner.out" || fail "no tolerance message: $(cat "$SCRATCH/runner.out")"
transcript "" 1.001
runner && fail "a real 0.1% off passed without a tolerance"
exit 0
