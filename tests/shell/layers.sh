#!/bin/sh
# The #include graph of src/cli and src/lib points one way, as
# docs/architecture.md lists the layers: each file may include headers of
# its own layer and of the layers it names, never above. Fails naming each
# offending file and include.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

cd "$TOP_SRCDIR" || fail "no source tree at $TOP_SRCDIR"

# The layer of a front-end file (empty: none, which is an error too, so a
# new file gets placed in docs/architecture.md and here).
cli_layer() {
	case $1 in
	src/cli/main.c | src/cli/repl.c | src/cli/complete.[ch]) echo top ;;
	src/cli/cmd.c | src/cli/cmd.h) echo dispatcher ;;
	src/cli/cmd/* | src/cli/cli.h | src/cli/evalcli.[ch] | src/cli/ctrcli.[ch] | src/cli/items.c) echo commands ;;
	src/cli/call.[ch]) echo call ;;
	src/cli/session.[ch]) echo session ;;
	src/cli/plot/*) echo plot ;;
	src/cli/tui/*) echo tui ;;
	src/cli/report.[ch] | src/cli/parse.[ch] | src/cli/check.[ch]) echo base ;;
	esac
}

# The front-end layers a layer may include (besides its own).
cli_allowed() {
	case $1 in
	top) echo "dispatcher commands call session plot tui base" ;;
	dispatcher) echo "commands call session plot tui base" ;;
	commands) echo "call session plot tui base" ;;
	call) echo "session base" ;;
	session) echo "tui base" ;;
	plot) echo "base" ;;
	tui) echo "" ;;
	base) echo "" ;;
	esac
}

# The rank of an engine directory: a file may include ranks at or below
# its own. clean, feature, io, sim and stats share one level.
lib_rank() {
	case $1 in
	workspace) echo 9 ;;
	store) echo 8 ;;
	stream) echo 7 ;;
	fair) echo 6 ;;
	eval) echo 5 ;;
	model) echo 4 ;;
	clean | feature | io | sim | stats) echo 3 ;;
	data) echo 2 ;;
	util) echo 1 ;;
	esac
}

# The engine directory that owns a public header (where what it declares is
# implemented); reelscope.h, the umbrella, belongs to none.
pub_owner() {
	case $1 in
	workspace.h) echo workspace ;;
	store.h) echo store ;;
	stream.h) echo stream ;;
	fair.h | privacy.h) echo fair ;;
	eval.h | split.h | bias.h) echo eval ;;
	model.h | explain.h | train.h | ctr.h) echo model ;;
	classify.h | features.h) echo feature ;;
	clean.h) echo clean ;;
	load.h | observe.h) echo io ;;
	sim.h) echo sim ;;
	describe.h | dp.h) echo stats ;;
	dataset.h | column.h) echo data ;;
	error.h | util.h) echo util ;;
	esac
}

# Where #include "inc" in file leads, as the compiler finds it (the file's
# folder, then -I include, -I src/lib, -I src); empty when nowhere (config.h).
resolve() {
	dir=${1%/*}
	for cand in "$dir/$2" "include/$2" "src/lib/$2" "src/$2"; do
		if [ -f "$cand" ]; then
			echo "$cand" | sed -e 's|/\./|/|g' -e 's|[^/]*/\.\./||g'
			return
		fi
	done
}

bad=0
complain() {
	echo "FAIL: $1: #include \"$2\": $3" >&2
	bad=1
}

for f in $(find src/cli src/lib -name '*.[ch]' | LC_ALL=C sort); do
	from=$(cli_layer "$f")
	case $f in
	src/cli/*)
		[ -n "$from" ] || { echo "FAIL: $f: in no front-end layer (docs/architecture.md, tests/shell/layers.sh)" >&2; bad=1; continue; } ;;
	src/lib/*)
		d=${f#src/lib/}
		d=${d%%/*}
		lrank=$(lib_rank "$d") ;;
	esac
	for inc in $(sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$f"); do
		to=$(resolve "$f" "$inc")
		[ -n "$to" ] || continue
		case $f in
		src/cli/*)
			case $to in
			include/reelscope/* | src/lib/util/*) continue ;;
			src/lib/*) complain "$f" "$inc" "the front end uses the engine through include/reelscope/ (and src/lib/util/) only"; continue ;;
			esac
			tl=$(cli_layer "$to")
			[ "$tl" = "$from" ] && continue
			case " $(cli_allowed "$from") " in
			*" $tl "*) ;;
			*) complain "$f" "$inc" "$from may not include $tl (${to})" ;;
			esac
			;;
		src/lib/*)
			case $to in
			src/cli/*) complain "$f" "$inc" "the engine never includes the front end"; continue ;;
			include/reelscope/*) td=$(pub_owner "${to#include/reelscope/}") ;;
			src/lib/*) td=${to#src/lib/}; td=${td%%/*} ;;
			*) continue ;;
			esac
			[ -n "$td" ] || continue
			trank=$(lib_rank "$td")
			[ -n "$lrank" ] && [ -n "$trank" ] || continue
			if [ "$trank" -gt "$lrank" ]; then
				complain "$f" "$inc" "$d is below $td"
			fi
			;;
		esac
	done
done
exit $bad
