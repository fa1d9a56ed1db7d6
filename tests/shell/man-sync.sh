#!/bin/sh
# The man page documents every command and model kind: its generated COMMANDS
# section equals "reelscope --man-commands", its MODEL KINDS list equals
# "reelscope --man-kinds" and README.md's equals "reelscope --markdown-kinds",
# every command and kind is in them, and the page renders without warnings.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

man=$TOP_SRCDIR/man/reelscope.1
readme=$TOP_SRCDIR/README.md
[ -f "$man" ] || fail "no man page at $man"
[ -f "$readme" ] || fail "no README at $readme"
[ -x "$REELSCOPE" ] || fail "no reelscope binary at $REELSCOPE"
status=0

# section FILE BEGIN END: the lines between the marker lines of FILE (fails
# unless there is exactly one of each).
section() {
	RS_MAN_BEGIN=$2 RS_MAN_END=$3 awk '
		BEGIN { b = ENVIRON["RS_MAN_BEGIN"]; e = ENVIRON["RS_MAN_END"] }
		$0 == b { nb++; inside = 1; next }
		$0 == e { ne++; inside = 0; next }
		inside { print }
		END { if (nb != 1 || ne != 1) exit 1 }
	' "$1"
}

# same FILE OPTION BEGIN END WHAT TABLE: the generated section of FILE equals
# the output of "reelscope OPTION".
same() {
	"$REELSCOPE" "$2" > "$SCRATCH/want" || fail "reelscope $2 failed"
	[ -s "$SCRATCH/want" ] || fail "reelscope $2 printed nothing"
	section "$1" "$3" "$4" > "$SCRATCH/have" ||
		fail "$1 needs exactly one line '$3' and one '$4'"
	if ! diff -u "$SCRATCH/have" "$SCRATCH/want" > "$SCRATCH/diff"; then
		echo "FAIL: the $5 of $1 is out of date with the $6" >&2
		echo "      (run \"make update-man\" and commit it); difference, document -> table:" >&2
		cat "$SCRATCH/diff" >&2
		status=1
	fi
}

# 1. The generated sections match the command and kind tables.
same "$man" --man-commands '.\" BEGIN GENERATED COMMANDS' '.\" END GENERATED COMMANDS' \
	"COMMANDS section" "command table"
same "$man" --man-kinds '.\" BEGIN GENERATED KINDS' '.\" END GENERATED KINDS' \
	"MODEL KINDS list" "kind table"
same "$readme" --markdown-kinds '<!-- BEGIN GENERATED KINDS -->' '<!-- END GENERATED KINDS -->' \
	"model kind list" "kind table"

# Every kind of the table, from "models --kinds" in JSON rather than the
# generators, is in both lists.
"$REELSCOPE" --json -c "models --kinds" > "$SCRATCH/kinds.json" ||
	fail "reelscope --json -c 'models --kinds' failed"
kinds=$(sed 's/"params":\[[^]]*\]//g' "$SCRATCH/kinds.json" | grep -o '"name":"[^"]*"' |
	sed 's/^"name":"//; s/"$//')
[ -n "$kinds" ] || fail "no kind names in the output of models --kinds: $(cat "$SCRATCH/kinds.json")"
for k in $kinds; do
	section "$man" '.\" BEGIN GENERATED KINDS' '.\" END GENERATED KINDS' | grep -q "^\.B $k\$" ||
		{ echo "FAIL: model kind \"$k\" is not in the MODEL KINDS of man/reelscope.1 (run \"make update-man\")" >&2; status=1; }
	section "$readme" '<!-- BEGIN GENERATED KINDS -->' '<!-- END GENERATED KINDS -->' |
		grep -q "^- \`$k\`: " ||
		{ echo "FAIL: model kind \"$k\" is not in the kind list of README.md (run \"make update-man\")" >&2; status=1; }
done

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
