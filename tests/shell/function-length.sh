#!/bin/sh
# No function of the project over 120 lines unless the comment above it says
# why with "long:" (tools/long-functions.sh lists the others).
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

out=$(cd "$TOP_SRCDIR" && sh tools/long-functions.sh 120 src) ||
	fail "functions over 120 lines without a 'long:' reason:
$out"
# the checker itself must see a long function: one made here
{
	echo "static int"
	echo "f(void)"
	echo "{"
	i=0
	while [ $i -lt 130 ]; do echo "	x();"; i=$((i + 1)); done
	echo "}"
} > "$SCRATCH/long.c"
sh "$TOP_SRCDIR/tools/long-functions.sh" 120 "$SCRATCH" > "$SCRATCH/found" && fail "tools/long-functions.sh missed a 131-line function"
grep -q ' f$' "$SCRATCH/found" || fail "tools/long-functions.sh did not name f: $(cat "$SCRATCH/found")"
echo "function-length: every function within 120 lines or says why"
