#!/bin/sh
# The man page documents every command: its generated COMMANDS section equals
# "reelscope --man-commands", every command of the table is in it, and the
# page renders without warnings.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

man=$TOP_SRCDIR/man/reelscope.1
[ -f "$man" ] || fail "no man page at $man"
[ -x "$REELSCOPE" ] || fail "no reelscope binary at $REELSCOPE"
status=0

# 1. The generated section matches the command table.
"$REELSCOPE" --man-commands > "$SCRATCH/want" || fail "reelscope --man-commands failed"
[ -s "$SCRATCH/want" ] || fail "reelscope --man-commands printed nothing"
RS_MAN_BEGIN='.\" BEGIN GENERATED COMMANDS' RS_MAN_END='.\" END GENERATED COMMANDS' \
awk '
	BEGIN { b = ENVIRON["RS_MAN_BEGIN"]; e = ENVIRON["RS_MAN_END"] }
	$0 == b { nb++; inside = 1; next }
	$0 == e { ne++; inside = 0; next }
	inside { print }
	END { if (nb != 1 || ne != 1) exit 1 }
' "$man" > "$SCRATCH/have" ||
	fail "$man needs exactly one line '.\\\" BEGIN GENERATED COMMANDS' and one '.\\\" END GENERATED COMMANDS'"
if ! diff -u "$SCRATCH/have" "$SCRATCH/want" > "$SCRATCH/diff"; then
	echo "FAIL: the COMMANDS section of man/reelscope.1 is out of date with the command table" >&2
	echo "      (run \"make update-man\" and commit man/reelscope.1); difference, man page -> table:" >&2
	cat "$SCRATCH/diff" >&2
	status=1
fi

# 2. Every command (and alias) of the table appears in the page. The names
# come from "help" in JSON, not from --man-commands, so a generator that
# skipped a command is caught too.
"$REELSCOPE" --json -c help > "$SCRATCH/help.json" || fail "reelscope --json -c help failed"
names=$(sed 's/"alias":"[^"]*"//g' "$SCRATCH/help.json" | grep -o '"name":"[^"]*"' |
	sed 's/^"name":"//; s/"$//')
set -f	# "?" is an alias: no pathname expansion of the names
[ -n "$names" ] || fail "no command names in the output of help: $(cat "$SCRATCH/help.json")"
for n in $names; do
	# each command has a ".B NAME" entry (".B NAME ARGS" when it has arguments)
	if ! grep -q -e "^\.B $n\$" -e "^\.B $n " "$man"; then
		echo "FAIL: command \"$n\" is not documented in man/reelscope.1 (run \"make update-man\")" >&2
		status=1
	fi
done
aliases=$(grep -o '"alias":"[^"]*"' "$SCRATCH/help.json" | sed 's/^"alias":"//; s/"$//')
for a in $aliases; do
	if ! grep -q -F "(alias: $a)" "$man"; then
		echo "FAIL: alias \"$a\" is not in man/reelscope.1 (run \"make update-man\")" >&2
		status=1
	fi
done

# 3. The page renders cleanly (all groff warnings on).
if command -v groff > /dev/null 2>&1; then
	groff -man -Tutf8 -ww -z "$man" > "$SCRATCH/groff" 2>&1
	if [ -s "$SCRATCH/groff" ]; then
		echo "FAIL: groff warns about man/reelscope.1:" >&2
		cat "$SCRATCH/groff" >&2
		status=1
	fi
fi
exit $status
