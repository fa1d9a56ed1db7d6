#!/bin/sh
# List C functions longer than a limit (default 120 lines, from the line that
# names the function to its closing brace) whose comment block directly
# above does not give a reason with the word "long:" (e.g.
# "/* ... long: one pass over the batch keeps the forward and backward steps
# together */"). Prints "LINES FILE:LINE NAME" and exits 1 when any is found.
# A function starts at a line in column 0 that has "name(" and does not end
# in ";"; it ends at the next "}" in column 0 (the project's style).
# Usage: tools/long-functions.sh [LIMIT] [DIR...]   (default: src)
set -eu
limit=${1:-120}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- src
find "$@" -name '*.c' | sort | xargs awk -v limit="$limit" '
FNR == 1 { incomment = 0; reason = 0; infn = 0 }
!infn && /^\/\*/ { incomment = 1; reason = 0 }
!infn && incomment && /long:/ { reason = 1 }
!infn && incomment && /\*\// { incomment = 0; next }
!infn && /^[A-Za-z_][A-Za-z0-9_ \t*]*\(/ && !/;[ \t]*$/ && !/^#/ {
	name = $0; sub(/\(.*/, "", name); sub(/.*[ \t*]/, "", name)
	start = FNR; infn = 1; why = reason; next
}
infn && /^}/ {
	if (FNR - start > limit && !why) {
		printf "%4d %s:%d %s\n", FNR - start, FILENAME, start, name
		bad = 1
	}
	infn = 0; reason = 0
}
!infn && !incomment && /^[^ \t\/]/ && !/^(static|const|struct|enum|unsigned|void|int|bool|double|float|size_t|uint|char|rs_|#)/ { reason = 0 }
END { exit bad }
'
