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
# What is timed (bench/update-bench.c): rs_model_update alone, wall clock.
# als: 100 held-out events of each of 20 users with more than 100 rows, one
# call per user, against als factors=64 epochs=5 trained on the other rows;
# the first call also computes Q^T Q (kept for the next calls) and is shown
# apart (first_us); mean_us and median_us are over the 19 others. itemknn
# (implicit, k=40): 1000 held-out rows drawn at random, one call per event
# (mean_us, median_us), then all 1000 in one call on a fresh model
# (batch_us_per_event).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
: "${RUNS:=3}" "${CACHE:=/tmp/reelscope-bench/update}"
case $CACHE in "$top"/*) echo "update.sh: CACHE must be outside the repository" >&2; exit 1 ;; esac

make -C "$build" bench/update-bench >/dev/null
bin=$build/bench/update-bench
echo "# $(uname -srm), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# reelscope $(git -C "$top" rev-parse --short HEAD)"

if [ -n "${ML100K:-}" ] && [ -f "$ML100K/u.data" ]; then
	for r in $(seq "$RUNS"); do
		echo "ml-100k run $r"
		"$bin" "$ML100K/u.data" als 100
		"$bin" "$ML100K/u.data" itemknn 1000
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
	"$bin" "$world" als 100
	"$bin" "$world" itemknn 1000
done
