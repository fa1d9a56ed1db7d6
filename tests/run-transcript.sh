#!/bin/sh
# Run one transcript test: the .t file holds the commands ("> CMD" lines) and the
# exact output expected after each, stdout and stderr together. Header lines
# before the first command: "# args: FLAGS" adds reelscope flags, "# exit: N"
# sets the expected exit status (default 0); "# tolerance: REL [abs=ABS]"
# compares the numbers written with a fraction or an exponent within a
# relative tolerance REL and an absolute floor ABS (default REL/1000), for
# transcripts whose figures depend on floating-point summation order (BLAS
# kernels, thread counts, training trajectories): see tests/numcmp.py. Other
# "#" lines are comments.
# The commands run in a scratch directory where data/ and samples/ are the
# fixtures, so tests may write files there.
set -u
t=$1
case $t in /*) ;; *) t=$(pwd)/$t ;; esac
. "$(dirname "$0")/lib.sh"

args=$(sed -n '/^> /q; s/^# args: //p' "$t")
want_status=$(sed -n '/^> /q; s/^# exit: //p' "$t")
: "${want_status:=0}"
sed -n '/^> /,$p' "$t" > "$SCRATCH/expected"
sed -n 's/^> //p' "$SCRATCH/expected" > "$SCRATCH/commands"
# --echo shows a salt= value as *** (secrets stay out of logs), so the
# expected command lines are compared in that form; after a bless, put the
# salt back into the "> " line by hand
sed -E "/^> /s/(^> |[ ;])salt=[^ ;]+/\1salt=***/g" "$SCRATCH/expected" > "$SCRATCH/expected.r" &&
	mv "$SCRATCH/expected.r" "$SCRATCH/expected"

# shellcheck disable=SC2086
(cd "$SCRATCH" && $RS_RUN --echo --keep-going --no-progress $args \
	< "$SCRATCH/commands" > "$SCRATCH/actual" 2>&1)
status=$?
sed -n '/^> /q; s/^# filter: //p' "$t" > "$SCRATCH/filters"
if [ -s "$SCRATCH/filters" ]; then
	sed -f "$SCRATCH/filters" "$SCRATCH/actual" > "$SCRATCH/actual.f" &&
		mv "$SCRATCH/actual.f" "$SCRATCH/actual"
fi
tolerance=$(sed -n '/^> /q; s/^# tolerance: *//p' "$t" | tail -n 1)
ok=0
if ! diff -u "$SCRATCH/expected" "$SCRATCH/actual" > "$SCRATCH/diff"; then
	if [ -n "$tolerance" ]; then
		rel=${tolerance%% *}
		abs=$(echo "$tolerance" | sed -n 's/.*abs=\([^ ]*\).*/\1/p')
		: "${abs:=$(awk -v r="$rel" 'BEGIN { printf "%g", r / 1000 }')}"
		if ! python3 "$(dirname "$0")/numcmp.py" "$rel" "$abs" \
			"$SCRATCH/expected" "$SCRATCH/actual" > "$SCRATCH/numcmp"; then
			echo "output differs from $t beyond the tolerance $rel (floor $abs):"
			cat "$SCRATCH/numcmp" "$SCRATCH/diff"
			ok=1
		fi
	else
		echo "output differs from $t:"
		cat "$SCRATCH/diff"
		ok=1
	fi
fi
if [ "$status" != "$want_status" ]; then
	echo "exit status $status, expected $want_status"
	ok=1
fi
# REELSCOPE_BLESS=1 rewrites the expected output (review the diff!)
if [ $ok -ne 0 ] && [ -n "${REELSCOPE_BLESS:-}" ]; then
	{ sed -n '/^> /q; p' "$t"; cat "$SCRATCH/actual"; } > "$t.new" && mv "$t.new" "$t"
	echo "blessed $t"
fi
exit $ok
