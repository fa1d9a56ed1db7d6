#!/bin/bash
# Signal benchmark (issue 15, item 4): on a play-count log, do the kinds'
# defaults beat popularity once they read counts as counts?
#
# Generates a world with plays=yes (plays.csv: heavy-tailed plays per
# user-video pair, Last.fm-like), then in one session: load (signal counts),
# clean kcore k=5, split user test=0.2 valid=0.1 seed=1, and trains pop,
# itemknn, als and bpr with their defaults beside the old readings of the
# same data (signal=plays names the column, so the values are the raw plays:
# itemknn's rating mode, als with confidence 1 + alpha*plays), then compare
# ndcg@10 and recall@10 on the test part. Prints the load average first.
#
# usage: bench/signal.sh [--build DIR] [--cache DIR] [--world "generate args"]
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
build=$repo/_build
cache=${RS_BENCH_CACHE:-/tmp/reelscope-bench}/signal
world="users=10000 videos=20000 creators=2000 events=60 pop_bias=2 seed=7"

while [ $# -gt 0 ]; do
	case $1 in
	--build) build=$2; shift 2 ;;
	--cache) cache=$2; shift 2 ;;
	--world) world=$2; shift 2 ;;
	-h|--help) sed -n 2,14p "$0"; exit 0 ;;
	*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
case $cache in "$repo"/*) echo "the cache must be outside the repository" >&2; exit 2 ;; esac
rs=$build/reelscope
mkdir -p "$cache"
w=$cache/$(echo "$world" | tr ' =' '_-')
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "reelscope $(git -C "$repo" rev-parse --short HEAD), world: $world"
[ -f "$w/plays.csv" ] || "$rs" -c "generate $w $world plays=yes --force" > /dev/null
/usr/bin/time -f "wall %e s, peak %M KB" "$rs" -c "
load $w/plays.csv
clean kcore k=5
split user test=0.2 valid=0.1 seed=1
train pop model=pop
train itemknn model=itemknn
train als model=als
train bpr model=bpr
train itemknn_raw model=itemknn signal=plays
train als_raw model=als signal=plays
compare metrics=ndcg@10,recall@10" 2>&1 |
    grep -E '^(signal|interactions|after|train |test |epochs|best epoch|  [a-z_]+  +[0-9]|leaderboard|  model|wall|itemknn:)'
