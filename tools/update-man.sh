#!/bin/sh
# Regenerate the command list of the man page from the command table: replace
# the lines between the BEGIN/END GENERATED COMMANDS markers of MANPAGE with
# the output of "REELSCOPE --man-commands". Used by "make update-man".
#
# usage: tools/update-man.sh REELSCOPE MANPAGE
set -eu

me=update-man
if [ $# -ne 2 ]; then
	echo "usage: $0 REELSCOPE MANPAGE" >&2
	exit 2
fi
rs=$1
man=$2
case $rs in */*) ;; *) rs=./$rs ;; esac

gen=$(mktemp "${TMPDIR:-/tmp}/update-man.XXXXXX")
new=$(mktemp "${TMPDIR:-/tmp}/update-man.XXXXXX")
trap 'rm -f "$gen" "$new"' EXIT
trap 'exit 1' INT TERM

if ! "$rs" --man-commands > "$gen"; then
	echo "$me: $rs --man-commands failed" >&2
	exit 1
fi
if [ ! -s "$gen" ]; then
	echo "$me: $rs --man-commands printed nothing" >&2
	exit 1
fi

# The markers hold a backslash, so they reach awk through the environment
# (awk -v would read "\"" as an escape).
RS_MAN_BEGIN='.\" BEGIN GENERATED COMMANDS' \
RS_MAN_END='.\" END GENERATED COMMANDS' \
awk -v gen="$gen" '
	BEGIN { b = ENVIRON["RS_MAN_BEGIN"]; e = ENVIRON["RS_MAN_END"] }
	$0 == b {
		nb++
		if (inside) { bad = "BEGIN marker inside the generated section"; exit }
		inside = 1
		print
		while ((r = (getline line < gen)) > 0)
			print line
		if (r < 0) { bad = "cannot read the generated text"; exit }
		close(gen)
		next
	}
	$0 == e {
		ne++
		if (!inside) { bad = "END marker before the BEGIN marker"; exit }
		inside = 0
		print
		next
	}
	!inside { print }
	END {
		if (bad == "" && (nb != 1 || ne != 1))
			bad = "expected one BEGIN and one END marker, found " nb + 0 " and " ne + 0
		if (bad != "") {
			print bad > "/dev/stderr"
			exit 1
		}
	}
' "$man" > "$new" || {
	echo "$me: $man: cannot update (markers: .\\\" BEGIN GENERATED COMMANDS / .\\\" END GENERATED COMMANDS)" >&2
	exit 1
}

if cmp -s "$new" "$man"; then
	echo "$me: $man is up to date"
else
	# write in place: keeps the file's mode and any links to it
	cat "$new" > "$man"
	echo "$me: updated the command list of $man"
fi
