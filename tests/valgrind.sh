#!/bin/sh
# make check-valgrind: the unit tests and a few transcripts under valgrind
# memcheck; any error or definite leak fails. Usage (from the build dir):
#   valgrind.sh UNIT-TEST... -- TRANSCRIPT...
# OpenMP and OpenBLAS keep thread pools alive to the end ("possibly lost"
# blocks, not counted) and valgrind.supp holds what else they leave.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
supp=$here/valgrind.supp
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=$supp"
command -v valgrind > /dev/null 2>&1 || { echo "check-valgrind: valgrind not found (Debian package valgrind)" >&2; exit 1; }
# one thread each: fewer pools, and the runs are slow enough as they are
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 LC_ALL=C.UTF-8 REELSCOPE_HISTORY=
export OMP_NUM_THREADS OPENBLAS_NUM_THREADS LC_ALL REELSCOPE_HISTORY
if nm ./reelscope 2> /dev/null | grep -q __asan_init; then
	echo "check-valgrind: this build uses ASan; valgrind needs a build without sanitizers" >&2
	exit 1
fi
pass=0
fail=0
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	$vg "./$1" > "$1.vg.log" 2>&1
	st=$?
	if [ "$st" -eq 0 ]; then
		pass=$((pass + 1))
		echo "PASS: $1 (valgrind)"
	elif [ "$st" -ne 99 ] && ! grep -q '^==[0-9]*==' "$1.vg.log"; then
		# checks that fail only under valgrind: it computes long double
		# with 64 bits, not 80 (test-text's exact strtod comparisons)
		pass=$((pass + 1))
		echo "PASS: $1 (valgrind: no memory error; $(grep -c 'check failed' "$1.vg.log") checks differ under valgrind's 64-bit long double)"
	else
		fail=$((fail + 1))
		echo "FAIL: $1 (valgrind): see $1.vg.log"
		tail -30 "$1.vg.log"
	fi
	shift
done
[ $# -gt 0 ] && shift
for t in "$@"; do
	log=$(basename "$t").vg.log
	if REELSCOPE_VALGRIND=1 REELSCOPE=$(pwd)/reelscope TOP_SRCDIR=$top \
	    VALGRIND_OPTS="--suppressions=$supp" sh "$top/tests/run-transcript.sh" "$top/$t" > "$log" 2>&1; then
		pass=$((pass + 1))
		echo "PASS: $t (valgrind)"
	else
		fail=$((fail + 1))
		echo "FAIL: $t (valgrind): see $log"
		tail -30 "$log"
	fi
done
echo "check-valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
