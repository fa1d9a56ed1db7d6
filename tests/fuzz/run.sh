#!/bin/sh
# Run libFuzzer targets: run.sh SECONDS TARGET... (make fuzz). Each target
# starts from a copy of tests/fuzz/corpus/TARGET plus what earlier runs kept
# in fuzz-work/TARGET; crashes land in fuzz-work/TARGET-crash-*. Prints one
# line per target: executions, seconds, crashes. Run from the build dir.
# FUZZ_RUNS=N stops each target after N executions instead (SECONDS is then
# only a ceiling). OpenMP gets one thread: its idle workers spinning between
# inputs cost more than the targets themselves.
set -u
secs=$1
shift
limit="-max_total_time=$secs"
[ -n "${FUZZ_RUNS:-}" ] && limit="-runs=$FUZZ_RUNS -max_total_time=$secs"
OMP_NUM_THREADS=1
export OMP_NUM_THREADS
here=$(cd "$(dirname "$0")" && pwd)
bad=0
for t in "$@"; do
	bin=tests/fuzz/fuzz-$t
	if ! "$bin" -help=1 2>&1 | grep -q libFuzzer; then
		echo "fuzz: $bin is not a libFuzzer program: configure with --enable-fuzz CC=clang" >&2
		exit 2
	fi
	mkdir -p "fuzz-work/$t"
	cp -n "$here/corpus/$t"/* "fuzz-work/$t/" 2>/dev/null
	dict=
	[ -f "$here/$t.dict" ] && dict="-dict=$here/$t.dict"
	start=$(date +%s)
	# shellcheck disable=SC2086
	"$bin" $limit -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="fuzz-work/$t-" $dict ${FUZZ_FLAGS:-} "fuzz-work/$t" \
		> "fuzz-work/$t.log" 2>&1
	rc=$?
	took=$(( $(date +%s) - start ))
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz-work/$t.log")
	crashes=$(ls "fuzz-work/$t"-crash-* "fuzz-work/$t"-leak-* "fuzz-work/$t"-timeout-* 2>/dev/null | wc -l)
	echo "fuzz-$t: ${runs:-?} executions in ${took}s, status $rc, $crashes crash/leak/timeout files"
	if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
		tail -40 "fuzz-work/$t.log" >&2
		bad=1
	fi
done
exit $bad
