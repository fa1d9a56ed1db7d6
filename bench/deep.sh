#!/bin/sh
# Benchmark of the deep models (issue 9 targets):
#  1. ncf NDCG@10 on MovieLens 100K fold u1, implicit protocol (bench/models-bench,
#     the same protocol as bench/models.sh: every base rating a positive, rank
#     every unseen item, 459 test users);
#  2. next-video HitRate@10 under a leave-last-one split on a generated world:
#     gru4rec and caser against pop and itemknn (bench/deep-eval seq);
#  3. twotower on cold-start videos: a fifth of the observed block's videos (the
#     block holds every video of this world) lose all training rows; each block
#     user's 3 cold videos of highest watch ratio are relevant; HitRate@50 among
#     the cold videos against the random ranking's exact expectation, content
#     as the reference (bench/deep-eval cold);
#  4. seconds of one ncf epoch over about 1 M interactions (a generated world,
#     every log row a positive, no validation).
#
# usage: bench/deep.sh [BUILD_DIR] [ML100K_DIR]
# ML100K_DIR: the MovieLens 100K folder (default: $ML100K; its licence keeps it
# out of the repository).
# Environment: CACHE=DIR where the generated worlds live (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/reelscope-bench; generated once, outside the
# repository); SKIP="ml seq cold speed" leaves parts out.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
data=${2:-${ML100K:-}}
cache=${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reelscope-bench}
skip=${SKIP:-}

[ -f "$build/Makefile" ] || { echo "deep.sh: $build is not a configured build tree" >&2; exit 1; }
make -s -C "$build" bench/models-bench bench/deep-eval reelscope >/dev/null
mb=$build/bench/models-bench
de=$build/bench/deep-eval
rs=$build/reelscope
mkdir -p "$cache"

echo "# machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs"
echo "# commit: $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "# OMP_NUM_THREADS=${OMP_NUM_THREADS:-(all)} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-(all)}"
load() { echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

world() {	# world NAME GENERATE-ARGS: generate once into the cache
	if [ ! -f "$cache/$1/manifest.json" ]; then
		rm -rf "${cache:?}/$1"
		(cd "$cache" && "$rs" -c "generate $1 $2" >/dev/null)
	fi
	echo "$cache/$1"
}

case " $skip " in *" ml "*) ;; *)
	[ -f "$data/u1.base" ] || { echo "deep.sh: no u1.base in '$data' (give ML100K_DIR or set ML100K: MovieLens 100K, https://grouplens.org/datasets/movielens/100k/)" >&2; exit 1; }
	echo "## ncf on MovieLens 100K u1 (implicit; target NDCG@10 >= 0.45)"
	load
	"$mb" "$data" 1 ncf
	echo
	load
esac

w=$(world w1k "users=1000 videos=1000 creators=100 events=60")
case " $skip " in *" seq "*) ;; *)
	echo "## next video, leave-last-one, world $w (target: gru4rec above pop and itemknn)"
	for k in pop itemknn gru4rec caser; do
		load
		"$de" seq "$w" $k
	done
esac

case " $skip " in *" cold "*) ;; *)
	w=$(world wcold "users=1000 videos=2000 creators=200 events=60 observed_users=0.1 observed_videos=1")
	echo "## cold-start videos, observed block, world $w (target: twotower HitRate@50 well above random)"
	for k in content twotower; do
		load
		"$de" cold "$w" $k
	done
esac

case " $skip " in *" speed "*) ;; *)
	w=$(world w1m "users=10000 videos=5000 creators=500 events=100")
	echo "## one ncf epoch over the log of $w (target < 30 s on 2 cores)"
	load
	"$de" seq "$w" ncf epochs=1
	load
esac
