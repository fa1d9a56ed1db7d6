# Shared setup for the shell-driven tests: paths, a scratch directory, helpers.
# Sourced by tests/run-transcript.sh and tests/shell/*.sh.

: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
case $TOP_SRCDIR in */tests) TOP_SRCDIR=${TOP_SRCDIR%/tests} ;; esac
: "${REELSCOPE:=$TOP_SRCDIR/reelscope}"
export REELSCOPE TOP_SRCDIR
export LC_ALL=C.UTF-8
export REELSCOPE_HISTORY=
export NO_COLOR=1

# REELSCOPE_VALGRIND=1 runs every reelscope under valgrind memcheck.
if [ -n "${REELSCOPE_VALGRIND:-}" ]; then
	RS_RUN="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite $REELSCOPE"
else
	RS_RUN=$REELSCOPE
fi

# A scratch directory removed on exit, with the fixtures and samples linked in.
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/reelscope-test.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT INT TERM
ln -s "$TOP_SRCDIR/tests/data" "$SCRATCH/data"
ln -s "$TOP_SRCDIR/samples" "$SCRATCH/samples"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run_rs ARGS...: reelscope in the scratch directory.
run_rs() {
	(cd "$SCRATCH" && $RS_RUN "$@")
}
