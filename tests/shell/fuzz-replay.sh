#!/bin/sh
# Every seed corpus file and every hostile file through every fuzz target
# (tests/fuzz), under whatever sanitizers the build has; with --enable-fuzz,
# also a short libFuzzer run per target (FUZZ_CHECK_SECONDS, default 10).
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

bin=$(dirname "$REELSCOPE")/tests/fuzz
fz=$TOP_SRCDIR/tests/fuzz
status=0
# hostile files that are made at test time (too big to keep in git)
mkdir "$SCRATCH/gen"
awk 'BEGIN { printf "user,item,rating\nu1,i1,"; for (i = 0; i < 300000; i++) printf "9"; print "" }' \
	> "$SCRATCH/gen/huge-field.csv"
awk 'BEGIN { printf "user,item,rating\n\"u"; for (i = 0; i < 20000; i++) printf "\"\""; print "\",i1,1" }' \
	> "$SCRATCH/gen/deep-quotes.csv"
for t in load parse store import gpquote; do
	[ -x "$bin/fuzz-$t" ] || fail "$bin/fuzz-$t is not built (make check builds it)"
	# libFuzzer programs take files too; -runs=0 would fuzz a folder, so
	# files are named one by one
	set -- "$fz/corpus/$t"/* "$TOP_SRCDIR"/tests/hostile/*.* "$SCRATCH"/gen/*
	if ! "$bin/fuzz-$t" "$@" > "$SCRATCH/$t.log" 2>&1; then
		echo "FAIL: fuzz-$t crashed on one of its $# inputs:" >&2
		tail -30 "$SCRATCH/$t.log" >&2
		status=1
	else
		echo "fuzz-$t: $# inputs replayed"
	fi
done
if [ "${RS_FUZZ:-no}" = yes ]; then
	cd "$(dirname "$REELSCOPE")" || exit 1
	for t in load parse store import gpquote; do
		mkdir -p "$SCRATCH/c-$t"
		cp "$fz/corpus/$t"/* "$SCRATCH/c-$t/"
		if ! "$bin/fuzz-$t" -max_total_time="${FUZZ_CHECK_SECONDS:-10}" -timeout=10 \
		    -artifact_prefix="$SCRATCH/$t-" "$SCRATCH/c-$t" > "$SCRATCH/$t.fz" 2>&1; then
			echo "FAIL: fuzz-$t found a crash in a short run:" >&2
			tail -40 "$SCRATCH/$t.fz" >&2
			ls "$SCRATCH/$t"-* >&2
			status=1
		else
			echo "fuzz-$t: $(grep -c . "$SCRATCH/$t.fz") log lines, no crash in ${FUZZ_CHECK_SECONDS:-10}s"
		fi
	done
fi
exit $status
