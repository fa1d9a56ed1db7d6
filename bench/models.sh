#!/bin/sh
# Benchmark of the neighbourhood and closed-form models on MovieLens 100K
# (issue 5 targets): implicit top-10 on fold u1 for ease, itemknn and userknn,
# and rating RMSE over the five canonical folds for the KNNBaseline forms.
#
# usage: bench/models.sh [BUILD_DIR] [ML100K_DIR]
#   BUILD_DIR   a configured build tree (default: _build); bench/models-bench
#               is built there on demand
#   ML100K_DIR  the MovieLens 100K folder with u1.base .. u5.test (default:
#               $ML100K; its licence keeps it out of the repository)
# Environment: REPEAT fits per measurement, the best time kept (default 5);
# KUAI=DIR also trains each model once on a KuaiRec-layout folder (e.g. a
# world from bench/generate.sh) and reports fit time and peak memory.
#
# Definitions (bench/models-bench.c): every base rating is a positive for the
# ranking models (binary=yes); each test user ranks every item without a base
# row, ties by lower item index; NDCG@10 with binary relevance (the user's
# test items), DCG = sum 1/log2(rank+1), IDCG over min(|test|, 10); P@10 =
# hits/10; RMSE over every test row of the fold. fit_s = seconds of
# rs_model_fit, wall clock, best of REPEAT; cpu_s = CPU seconds of all the
# process's threads during that fit (OpenBLAS threads spin while they wait,
# which counts), best of REPEAT.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
data=${2:-${ML100K:-}}
: "${REPEAT:=5}"
export REPEAT

[ -f "$data/u1.base" ] || { echo "models.sh: no u1.base in '$data' (give ML100K_DIR or set ML100K: MovieLens 100K, https://grouplens.org/datasets/movielens/100k/)" >&2; exit 1; }
[ -f "$build/Makefile" ] || { echo "models.sh: $build is not a configured build tree" >&2; exit 1; }
make -s -C "$build" bench/models-bench >/dev/null
mb=$build/bench/models-bench

echo "# machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs"
echo "# commit: $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# OMP_NUM_THREADS=${OMP_NUM_THREADS:-(all)} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-(all)} REPEAT=$REPEAT"

field() {	# field NAME JSON
	printf '%s\n' "$2" | sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" | tr -d '"'
}

echo
echo "## implicit top-10, fold u1 (459 test users)"
printf '%-44s %8s %8s %8s %8s %8s\n' model fit_s cpu_s ndcg@10 p@10 recall@10
for m in \
    "ease lambda=500" \
    "itemknn binary=yes sim=cosine k=100" \
    "itemknn binary=yes sim=jaccard k=100" \
    "userknn binary=yes sim=cosine k=50" \
    "pop"; do
	# shellcheck disable=SC2086
	j=$("$mb" "$data" 1 $m)
	printf '%-44s %8s %8s %8s %8s %8s\n' "$m" "$(field fit "$j")" "$(field fit_cpu "$j")" \
	    "$(field ndcg10 "$j")" \
	    "$(field p10 "$j")" "$(field recall10 "$j")"
done

echo
echo "## reference: EASE in numpy (float64, bench/ease-ref.py), same fold, best of $REPEAT fits"
# shellcheck disable=SC2086
j=$("$mb" "$data" 1 ease lambda=500)
ref=$(/usr/bin/python3 "$top/bench/ease-ref.py" "$data" 500 "$REPEAT")
echo "$ref"
rf=$(printf '%s\n' "$ref" | sed -n 's/.* fit \([0-9.]*\) s cpu \([0-9.]*\) s.*/\1 \2/p')
printf 'numpy / reelscope: fit wall %.1fx, fit cpu %.1fx (reelscope ease: fit %s s, cpu %s s)\n' \
    "$(echo "${rf% *} / $(field fit "$j")" | bc -l)" "$(echo "${rf#* } / $(field fit_cpu "$j")" | bc -l)" \
    "$(field fit "$j")" "$(field fit_cpu "$j")"

echo
echo "## ratings: RMSE per fold and mean (u1..u5)"
printf '%-58s %7s %7s %7s %7s %7s %7s %8s\n' model u1 u2 u3 u4 u5 mean fit_s
for m in \
    "itemknn sim=pearson_baseline shrink=100 k=40" \
    "userknn sim=pearson_baseline shrink=100 k=40" \
    "itemknn sim=pearson shrink=100 k=40" \
    "userknn sim=cosine k=40"; do
	line=$(printf '%-58s' "$m")
	sum=0
	fit=0
	for f in 1 2 3 4 5; do
		# shellcheck disable=SC2086
		j=$(REPEAT=1 "$mb" "$data" $f $m)
		r=$(field rmse "$j")
		line="$line $(printf '%7s' "$r")"
		sum=$(echo "$sum + $r" | bc -l)
		fit=$(echo "$fit + $(field fit "$j")" | bc -l)
	done
	printf '%s %7.4f %8.3f\n' "$line" "$(echo "$sum / 5" | bc -l)" "$(echo "$fit / 5" | bc -l)"
done
echo
echo "## cross-check: the same fold through reelscope's own eval (independent metric code)"
rs=$build/reelscope
for m in "ease" "itemknn binary=yes sim=cosine k=100" "itemknn sim=pearson_baseline shrink=100 k=40"; do
	j=$("$rs" --json --no-progress -c "load $data/u1.base; split files test=$data/u1.test; train m model=$m; eval m k=10" 2>/dev/null | tail -1)
	printf '%-44s ndcg@10 %s  precision@10 %s  rmse %s\n' "$m" \
	    "$(printf '%s' "$j" | sed -n 's/.*"ndcg@10":\([0-9.]*\).*/\1/p' | cut -c1-6)" \
	    "$(printf '%s' "$j" | sed -n 's/.*"precision@10":\([0-9.]*\).*/\1/p' | cut -c1-6)" \
	    "$(printf '%s' "$j" | sed -n 's/.*"rmse":\([0-9.]*\).*/\1/p' | cut -c1-6)"
done
if [ -n "${KUAI:-}" ]; then
	echo
	echo "## KuaiRec scale: $KUAI (big matrix, split user test=0.2 seed=1, binary positives)"
	printf '%-40s %9s %10s\n' model fit_s peak_MB
	for m in "itemknn binary=yes k=100" "userknn binary=yes k=100" "ease" \
	    "itemknn sim=pearson_baseline shrink=100"; do
		/usr/bin/time -f '%M' -o "$build/models-bench.rss" "$rs" --json --no-progress \
		    -c "load $KUAI --skip-bad matrix=big; split user test=0.2 seed=1; train m model=$m" \
		    > "$build/models-bench.out" 2>/dev/null || true
		printf '%-40s %9s %10s\n' "$m" \
		    "$(sed -n 's/.*"command":"train".*"seconds":\([0-9.e+-]*\).*/\1/p' "$build/models-bench.out")" \
		    "$(( $(tail -1 "$build/models-bench.rss") / 1024 ))"
	done
	rm -f "$build/models-bench.rss" "$build/models-bench.out"
fi
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
