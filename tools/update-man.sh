#!/bin/sh
# Regenerate the lists the documents take from the tables: in MANPAGE, the
# lines between the BEGIN/END GENERATED COMMANDS markers from
# "REELSCOPE --man-commands" (the command table) and those between the
# BEGIN/END GENERATED KINDS markers from "REELSCOPE --man-kinds" (the model
# kind table); in README (when given), the lines between its
# <!-- BEGIN GENERATED KINDS --> / <!-- END GENERATED KINDS --> markers from
# "REELSCOPE --markdown-kinds". Used by "make update-man".
#
# usage: tools/update-man.sh REELSCOPE MANPAGE [README]
set -eu

me=update-man
if [ $# -ne 2 ] && [ $# -ne 3 ]; then
	echo "usage: $0 REELSCOPE MANPAGE [README]" >&2
	exit 2
fi
rs=$1
man=$2
readme=${3:-}
case $rs in */*) ;; *) rs=./$rs ;; esac

gen=$(mktemp "${TMPDIR:-/tmp}/update-man.XXXXXX")
new=$(mktemp "${TMPDIR:-/tmp}/update-man.XXXXXX")
trap 'rm -f "$gen" "$new"' EXIT
trap 'exit 1' INT TERM

# fill FILE OPTION BEGIN END WHAT: replace the lines between the BEGIN and
# END marker lines of FILE by the output of "reelscope OPTION".
fill() {
	file=$1 opt=$2 begin=$3 end=$4 what=$5
	if ! "$rs" "$opt" > "$gen"; then
		echo "$me: $rs $opt failed" >&2
		exit 1
	fi
	if [ ! -s "$gen" ]; then
		echo "$me: $rs $opt printed nothing" >&2
		exit 1
	fi
	# The markers may hold a backslash, so they reach awk through the
	# environment (awk -v would read "\"" as an escape).
	RS_MAN_BEGIN=$begin RS_MAN_END=$end awk -v gen="$gen" '
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
	' "$file" > "$new" || {
		echo "$me: $file: cannot update (markers: $begin / $end)" >&2
		exit 1
	}
	if cmp -s "$new" "$file"; then
		echo "$me: $file: the $what is up to date"
	else
		# write in place: keeps the file's mode and any links to it
		cat "$new" > "$file"
		echo "$me: updated the $what of $file"
	fi
}

fill "$man" --man-commands '.\" BEGIN GENERATED COMMANDS' '.\" END GENERATED COMMANDS' \
	"command list"
fill "$man" --man-kinds '.\" BEGIN GENERATED KINDS' '.\" END GENERATED KINDS' \
	"model kind list"
if [ -n "$readme" ]; then
	fill "$readme" --markdown-kinds '<!-- BEGIN GENERATED KINDS -->' \
		'<!-- END GENERATED KINDS -->' "model kind list"
fi
