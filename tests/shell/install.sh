#!/bin/sh
# The engine as an installed library: make install into a DESTDIR puts
# libreelscope's shared library, its public headers and reelscope.pc in
# place; docs/example.c builds against them with pkg-config alone (no source
# tree on the include path) and runs; the shared library exports only rs_
# names (nm -D), the API, with every internal symbol hidden.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

: "${RS_BUILDDIR:?set by make check}" "${RS_MAKE:=make}" "${RS_CC:=cc}"
dest=$SCRATCH/dest
# a make of its own (not the jobserver of the make check running this)
MAKEFLAGS='' MFLAGS='' $RS_MAKE -C "$RS_BUILDDIR" install DESTDIR="$dest" \
	> "$SCRATCH/install.log" 2>&1 || {
	cat "$SCRATCH/install.log"
	fail "make install DESTDIR=$dest failed"
}

pc=$(find "$dest" -name reelscope.pc | head -n 1)
lib=$(find "$dest" -name 'libreelscope.so.*.*' | head -n 1)
[ -n "$pc" ] || fail "make install put no reelscope.pc under $dest"
[ -n "$lib" ] || fail "make install put no libreelscope.so under $dest"
header=$(find "$dest" -path '*/include/reelscope/reelscope.h' | head -n 1)
[ -n "$header" ] || fail "make install put no include/reelscope/reelscope.h under $dest"
for h in "$TOP_SRCDIR"/include/reelscope/*.h; do
	[ -f "$(dirname "$header")/$(basename "$h")" ] ||
		fail "public header $(basename "$h") is not installed"
done

# pkg-config finds the installed files through the sysroot (the .pc names
# the configured prefix, not the DESTDIR)
flags=$(PKG_CONFIG_PATH=$(dirname "$pc") PKG_CONFIG_SYSROOT_DIR=$dest \
	pkg-config --cflags --libs reelscope) || fail "pkg-config does not know reelscope"
case $flags in
*"$dest"*-lreelscope*) ;;
*) fail "pkg-config gives '$flags', not the installed library" ;;
esac
# RS_SAN_CFLAGS: a library built with sanitizers needs them in its programs
# shellcheck disable=SC2086
$RS_CC -std=c11 -Wall -Wextra -Werror ${RS_SAN_CFLAGS:-} -o "$SCRATCH/example" \
	"$TOP_SRCDIR/docs/example.c" $flags > "$SCRATCH/cc.log" 2>&1 || {
	cat "$SCRATCH/cc.log"
	fail "docs/example.c does not build against the installed library"
}
LD_LIBRARY_PATH=$(dirname "$lib") ldd "$SCRATCH/example" | grep -q "$dest.*libreelscope" ||
	fail "the example is not linked to the installed libreelscope"
out=$(LD_LIBRARY_PATH=$(dirname "$lib") "$SCRATCH/example" \
	"$TOP_SRCDIR/samples/world/small_matrix.csv.gz" 2>&1) ||
	fail "the example failed: $out"
echo "$out" | grep -Eq '^itemknn ndcg@10 = 0\.[0-9]{4} over [1-9][0-9]* users$' ||
	fail "the example printed: $out"

# only rs_ names are exported
nm -D --defined-only "$lib" | awk '{ print $NF }' | sort > "$SCRATCH/exports"
[ -s "$SCRATCH/exports" ] || fail "nm -D lists no symbols in $lib"
if grep -v '^rs_' "$SCRATCH/exports" > "$SCRATCH/unprefixed"; then
	echo "libreelscope exports $(wc -l < "$SCRATCH/unprefixed") symbols without the rs_ prefix:"
	head -n 50 "$SCRATCH/unprefixed"
	fail "the shared library exports names outside the rs_ API"
fi
echo "install: ok ($(wc -l < "$SCRATCH/exports") rs_ symbols exported; $out)"
