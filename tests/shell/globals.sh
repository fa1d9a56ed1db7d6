#!/bin/sh
# Every global symbol of the engine is rs_ (the public API) or carries the
# prefix of its module (its directory under src/lib, in the table below);
# everything else is static. Reads the objects of the build (nm), so a new
# unprefixed function or a new directory missing from the table fails here.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

: "${RS_BUILDDIR:?set by make check}"
command -v nm >/dev/null || fail "nm not found (binutils)"

# directory  allowed prefixes (besides rs_)
cat > "$SCRATCH/prefixes" <<'TABLE'
clean      clean_
data       data_
eval       eval_
fair       fair_
feature    feat_
io         io_
model      model_ fac_ knn_ blob_
model/nn   nn_ deep_
sim        sim_
stats      stats_
store      st_
stream     stream_
util       util_ sb_
workspace  ws_
TABLE
# the allocation wrappers keep tmux's names (util/xmalloc.h)
exempt=' xmalloc xcalloc xrealloc xreallocarray xstrdup xstrndup xasprintf '

find "$RS_BUILDDIR/src/lib" -path '*/.libs/*.o' | sort > "$SCRATCH/objects"
while read -r o; do
	dir=$(dirname "$(dirname "$o")")
	dir=${dir#"$RS_BUILDDIR"/src/lib/}
	base=$(basename "$o" .o)
	base=${base#*_la-}
	# objects of sources that no longer exist (a moved file in an old build tree)
	[ -f "$TOP_SRCDIR/src/lib/$dir/$base.c" ] || continue
	prefixes=$(awk -v d="$dir" '$1 == d { $1 = ""; print }' "$SCRATCH/prefixes")
	[ -n "$prefixes" ] || fail "src/lib/$dir has no prefix in tests/shell/globals.sh's table: add the module's prefix"
	nm --defined-only -g "$o" | awk '$2 ~ /^[A-Z]$/ { print $3 }' | while read -r sym; do
		# rs_, and the sanitizers' own symbols (ASan's __odr_asan.NAME
		# marks each global it instruments)
		case $sym in rs_* | __odr_asan* | __asan* | __ubsan* | __sanitizer*) continue ;; esac
		case $exempt in *" $sym "*) continue ;; esac
		ok=0
		for p in $prefixes; do
			case $sym in "$p"*) ok=1 ;; esac
		done
		[ $ok = 1 ] || echo "src/lib/$dir/$base.c: global '$sym' has neither rs_ nor the module's prefix ($prefixes): rename it or make it static"
	done
done < "$SCRATCH/objects" > "$SCRATCH/bad"
[ -s "$SCRATCH/bad" ] && { cat "$SCRATCH/bad" >&2; fail "$(wc -l < "$SCRATCH/bad") unprefixed globals"; }
# guard against a build layout this test no longer understands
[ "$(grep -c . "$SCRATCH/objects")" -gt 50 ] || fail "found only $(grep -c . "$SCRATCH/objects") objects under $RS_BUILDDIR/src/lib/*/.libs"
echo "globals: every engine global is rs_ or module-prefixed"
