#!/bin/sh
# tests/transcripts.am lists exactly the tests/transcripts/*.t files, so that
# "make check" runs every transcript and "make dist" ships them.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

am=$TOP_SRCDIR/tests/transcripts.am
[ -f "$am" ] || fail "no $am (run tools/list-transcripts.sh)"

# The files on disk, as paths from the top of the tree.
(cd "$TOP_SRCDIR" && for f in tests/transcripts/*.t; do
	[ -e "$f" ] && echo "$f"
done) | LC_ALL=C sort > "$SCRATCH/on-disk"

# The words of the TRANSCRIPTS variable (continued lines included).
awk '
	/^TRANSCRIPTS[ \t]*=/ { on = 1; sub(/^TRANSCRIPTS[ \t]*=/, "") }
	on {
		more = sub(/\\[ \t]*$/, "")
		n = split($0, w, /[ \t]+/)
		for (i = 1; i <= n; i++)
			if (w[i] != "")
				print w[i]
		if (!more)
			on = 0
	}
' "$am" > "$SCRATCH/listed-raw"
LC_ALL=C sort "$SCRATCH/listed-raw" > "$SCRATCH/listed"

status=0
dups=$(LC_ALL=C uniq -d "$SCRATCH/listed")
if [ -n "$dups" ]; then
	echo "FAIL: tests/transcripts.am lists some transcripts twice:" >&2
	echo "$dups" | sed 's/^/  /' >&2
	status=1
fi
LC_ALL=C sort -u "$SCRATCH/listed" > "$SCRATCH/listed-u"
missing=$(LC_ALL=C comm -23 "$SCRATCH/on-disk" "$SCRATCH/listed-u")
extra=$(LC_ALL=C comm -13 "$SCRATCH/on-disk" "$SCRATCH/listed-u")
if [ -n "$missing" ]; then
	echo "FAIL: transcripts not in tests/transcripts.am (make check would not run them):" >&2
	echo "$missing" | sed 's/^/  /' >&2
	status=1
fi
if [ -n "$extra" ]; then
	echo "FAIL: tests/transcripts.am lists files that are not tests/transcripts/*.t:" >&2
	echo "$extra" | sed 's/^/  /' >&2
	status=1
fi
if [ $status -ne 0 ]; then
	echo "run tools/list-transcripts.sh and commit tests/transcripts.am" >&2
fi
exit $status
