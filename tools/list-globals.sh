#!/bin/sh
# Count the engine's global symbols by directory: rs_ (the API, exported by
# libreelscope.so), prefixed with their module (src/lib/DIR -> DIR_), or
# neither (the names still to rename or make static; issue 22).
# Usage: tools/list-globals.sh [BUILDDIR] [-v]   (-v lists the unprefixed names)
# Reads the PIC objects libtool left in BUILDDIR/src/lib/*/.libs (make first).
set -eu
build=${1:-.}
verbose=${2:-}
find "$build/src/lib" -path '*/.libs/*.o' | sort | while read -r o; do
	d=$(dirname "$(dirname "$o")")
	nm --defined-only -g "$o" | awk -v d="${d#"$build"/src/lib/}" '$2 ~ /[A-Z]/ { print d, $3 }'
done | awk -v verbose="$verbose" '
{
	m = $1; sub(/.*\//, "", m)
	c = $2 ~ /^rs_/ ? "rs_" : index($2, m "_") == 1 ? "module" : "neither"
	n[$1, c]++; t[c]++; dirs[$1] = 1
	if (c == "neither") names[$1] = names[$1] " " $2
}
END {
	printf "%-10s %5s %7s %8s\n", "directory", "rs_", "module", "neither"
	for (d in dirs)
		printf "%-10s %5d %7d %8d\n", d, n[d, "rs_"], n[d, "module"], n[d, "neither"] | "sort"
	close("sort")
	printf "%-10s %5d %7d %8d\n", "total", t["rs_"], t["module"], t["neither"]
	if (verbose == "-v")
		for (d in names)
			print d ":" names[d]
}'
