#!/bin/sh
# Mult-VAE beside ease and ncf on MovieLens 100K fold u1, implicit protocol
# (bench/models-bench, as models.sh and deep.sh: every base rating a
# positive, each of the 459 test users ranks every item without a base row,
# NDCG@10 with binary gains), in one run so the three figures share the
# machine's load.
#
# usage: bench/multvae.sh [BUILD_DIR] [ML100K_DIR] [MULTVAE PARAM=VALUE ...]
# ML100K_DIR: the MovieLens 100K folder (default: $ML100K; its licence keeps
# it out of the repository).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
data=${2:-${ML100K:-}}
[ $# -ge 2 ] && shift 2 || shift $#

[ -f "$build/Makefile" ] || { echo "multvae.sh: $build is not a configured build tree" >&2; exit 1; }
[ -f "$data/u1.base" ] || { echo "multvae.sh: no u1.base in '$data' (give ML100K_DIR or set ML100K: MovieLens 100K, https://grouplens.org/datasets/movielens/100k/)" >&2; exit 1; }
make -s -C "$build" bench/models-bench >/dev/null
mb=$build/bench/models-bench

echo "## load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
"$mb" "$data" 1 ease lambda=500
"$mb" "$data" 1 ncf
"$mb" "$data" 1 multvae "$@"
echo "## load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
