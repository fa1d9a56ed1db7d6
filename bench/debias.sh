#!/bin/sh
# Bias in logged feedback (issue 18): on generated worlds with the logging
# policy's popularity bias at 1 and 2 (seeded, true propensities written with
# truth=yes) and on the bundled sample world, how far the naive, IPS and
# SNIPS estimates of ndcg@10 and recall@20 from the sparse log's test rows
# are from the truth on the fully observed block, with the popularity
# model's propensities and (generated worlds) the true ones; Kendall's tau of
# each estimator's order of pop, itemknn, mf, als against the truth's; and
# mf trained with weighting=ips / snips beside unweighted mf, judged on the
# observed block.
#
# usage: bench/debias.sh [BUILD_DIR]      (default _build)
# Environment: CACHE folder for the worlds (default /tmp/reelscope-bench/debias);
# SEED the worlds' seed (default 7); USERS, VIDEOS their size (2000, 1500).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
rs=$build/reelscope
[ -x "$rs" ] || { echo "debias.sh: no reelscope in $build" >&2; exit 1; }
command -v python3 >/dev/null || { echo "debias.sh: python3 not found" >&2; exit 1; }
: "${CACHE:=/tmp/reelscope-bench/debias}" "${SEED:=7}" "${USERS:=2000}" "${VIDEOS:=1500}"
mkdir -p "$CACHE"
echo "# reelscope $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%d), load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# run WORLD_LOAD PROPENSITY_STEPS COLUMNS: one session, JSON lines to stdout
run() {
	load=$1 steps=$2 cols=$3
	script="$load; split random test=0.3 seed=1; $steps
train pop model=pop; train itemknn model=itemknn; train mf model=mf epochs=20 seed=1; train als model=als seed=1"
	for p in $cols; do
		script="$script
debias check pop itemknn mf als k=10 propensity=$p
debias check pop itemknn mf als metric=recall k=20 propensity=$p
train mfw_$p model=mf epochs=20 seed=1 weighting=ips propensity=$p
train mfs_$p model=mf epochs=20 seed=1 weighting=snips propensity=$p
debias check mf mfw_$p mfs_$p k=10 propensity=$p
debias check mf mfw_$p mfs_$p metric=recall k=20 propensity=$p"
	done
	printf '%s\n' "$script" | "$rs" --json --no-progress
}

report() {
	python3 "$top/bench/debias-report.py" "$1"
}

for bias in 1 2; do
	w=$CACHE/world-b$bias-s$SEED
	[ -f "$w/truth/propensity.csv" ] ||
		"$rs" --no-progress -c "generate $w users=$USERS videos=$VIDEOS creators=150 days=14 events=60 pop_bias=$bias observed_users=0.3 observed_videos=0.4 seed=$SEED truth=yes --clean --force" >/dev/null
	run "load $w" "propensity method=pop name=ppop; propensity method=truth name=ptrue" "ppop ptrue" |
		report "world pop_bias=$bias seed=$SEED"
done
# the bundled sample: dirty (cleaned first), no truth file, so pop propensities only
run "load $top/samples/world --skip-bad; clean dedup; clean outliers watch_ratio method=iqr action=cap; clean bots" \
	"propensity method=pop name=ppop" "ppop" | report "samples/world"
