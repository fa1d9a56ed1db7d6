#!/bin/sh
# Latency of learning from new events (issue 17): als fold-in of one user's
# 100 events at 64 factors (target <= 200 us) and itemknn per event (target
# <= 50 us), on MovieLens 100K and on a generated world.
#
# usage: bench/update.sh [BUILD_DIR]
#   BUILD_DIR   a configured build tree (default: _build); bench/update-bench
#               is built there on demand
# Environment: ML100K=DIR the MovieLens 100K folder (u.data; its licence keeps
# it out of the repository); WORLD=DIR a generated world to use (default: one
# written once to $CACHE/world with users=2000 videos=3000 creators=300
# events=400, ~0.8 M rows); CACHE (default /tmp/reelscope-bench/update);
# RUNS (default 3): each figure is printed for every run.
#
# What is timed (bench/update-bench.c): rs_model_update alone, wall clock
# and the thread's CPU time. als: 20 users with at least 100 rows lose all
# their rows from training (als factors=64 epochs=5 on the other users);
# each user's first 100 rows are then folded in, one call per user, so the
# user's history is those 100 events (the target's case); the first call
# also computes Q^T Q (kept for the next calls) and is shown apart
# (first_us); mean_us and median_us are over the 19 others. itemknn
# (implicit, K in $KS, default "40 100"; SIM in $SIMS, default "cosine
# jaccard"): 1000 held-out rows drawn at random, one call per event (the
# first also builds the kept counts: first_us apart; mean_us, median_us
# over the others), then on a fresh model the first event alone and the
# other 999 in one call (batch_us_per_event).
# BASELINE=DIR: a build tree of another revision with this driver built in
# it (bench/update-bench); every case is run with it too, right after, and
# its lines are prefixed "baseline".
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
: "${RUNS:=3}" "${CACHE:=/tmp/reelscope-bench/update}"
case $CACHE in "$top"/*) echo "update.sh: CACHE must be outside the repository" >&2; exit 1 ;; esac

make -C "$build" bench/update-bench >/dev/null
bin=$build/bench/update-bench
echo "# $(uname -srm), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# reelscope $(git -C "$top" rev-parse --short HEAD)"

# one case with this tree's driver, then with the baseline's
run() {
	"$bin" "$@"
	if [ -n "${BASELINE:-}" ]; then
		printf 'baseline '
		"$BASELINE/bench/update-bench" "$@"
	fi
}

# every case on one data set
cases() {
	run "$1" als 100
	for k in ${KS:-40 100}; do
		for sim in ${SIMS:-cosine jaccard}; do
			run "$1" itemknn 1000 "$k" "$sim"
		done
	done
}

if [ -n "${BASELINE:-}" ]; then
	[ -x "$BASELINE/bench/update-bench" ] ||
		{ echo "update.sh: BASELINE=$BASELINE has no bench/update-bench (make bench/update-bench there)" >&2; exit 1; }
	echo "# baseline: $BASELINE"
fi
if [ -n "${ML100K:-}" ] && [ -f "$ML100K/u.data" ]; then
	for r in $(seq "$RUNS"); do
		echo "ml-100k run $r"
		cases "$ML100K/u.data"
	done
else
	echo "update.sh: ML100K unset or without u.data: skipping MovieLens 100K" >&2
fi

world=${WORLD:-$CACHE/world}
if [ ! -d "$world" ]; then
	mkdir -p "$CACHE"
	"$build/reelscope" -c "generate $world users=2000 videos=3000 creators=300 events=400 seed=1" >/dev/null
fi
for r in $(seq "$RUNS"); do
	echo "world run $r"
	cases "$world"
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
