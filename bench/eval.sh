#!/bin/bash
# Evaluation benchmark: the numpy cross-check of every metric on MovieLens fold
# u1, then eval's time on that fold and at KuaiRec scale (7,176 users x 10,728
# videos, full ranking of every unseen item for every test user), for pop (scores
# are a copy), ease on ml-100k (a dense item-item product) and als (64 factors:
# a BLAS sgemm per block of users). Times are eval's own, from --json, best and
# median of several runs inside one process: "prepare" (held-out truth, seen
# items, popularity, categories; once per eval command) and each model's
# "seconds" (scoring, top-k, every metric). Run with --help for the options;
# bench/README.md has recorded figures.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

rs=${REELSCOPE:-$repo/reelscope}
ml=${ML100K:-}
cache=${RS_BENCH_CACHE:-/tmp/reelscope-bench}/eval
threads=1,2
runs=5
kuairec=yes
check=yes
world="users=7176 videos=10728 creators=1500 events=1746"

usage() {
	cat <<EOF
usage: bench/eval.sh [options]

  --reelscope PATH  the binary (default: \$REELSCOPE or $repo/reelscope)
  --ml DIR          MovieLens 100K folder with u1.base, u1.test (default: \$ML100K;
                    its licence keeps it out of the repository); never copied
  --cache DIR       where the KuaiRec-scale world and workspaces go (default:
                    \$RS_BENCH_CACHE/eval or /tmp/reelscope-bench/eval); not
                    inside the repository
  --threads LIST    OMP_NUM_THREADS values (default: $threads)
  --runs N          evaluations per model and thread count (default: $runs)
  --no-kuairec      skip the KuaiRec-scale world (1.5 GB of CSV, ~1 min to make)
  --no-check        skip the numpy cross-check
EOF
}

while [ $# -gt 0 ]; do
	case $1 in
	--reelscope) rs=$2; shift 2 ;;
	--ml) ml=$2; shift 2 ;;
	--cache) cache=$2; shift 2 ;;
	--threads) threads=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	--no-kuairec) kuairec=no; shift ;;
	--no-check) check=no; shift ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done

[ -x "$rs" ] || { echo "eval.sh: no reelscope binary at $rs (give --reelscope)" >&2; exit 2; }
[ -f "$ml/u1.base" ] || { echo "eval.sh: no u1.base in '$ml' (give --ml DIR or set ML100K: MovieLens 100K, https://grouplens.org/datasets/movielens/100k/)" >&2; exit 2; }
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
case $cache/ in "$repo"/*) echo "eval.sh: the cache must be outside the repository" >&2; exit 2 ;; esac

machine() {
	echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# run_evals THREADS SETUP MODELS K: reelscope --json with the setup commands
# then `runs` eval commands; prints wall and CPU seconds (best, median) of the
# prepare step and of each model, with ndcg@10, auc and the users evaluated.
# OMP_WAIT_POLICY=passive: idle threads sleep instead of spinning, so CPU time
# is work done (on a loaded machine spinning also steals the cores back).
run_evals() {
	local t=$1 setup=$2 models=$3 k=$4 cmds
	cmds=$setup
	for _ in $(seq "$runs"); do
		cmds="$cmds; eval $models k=$k"
	done
	OMP_WAIT_POLICY=passive OMP_NUM_THREADS=$t "$rs" --json --no-progress -c "$cmds" > "$cache/run.jsonl"
	/usr/bin/python3 - "$models" "$cache/run.jsonl" <<'EOF'
import json, statistics, sys
models = sys.argv[1].split()
prep, pcpu = [], []
secs, cpu, last = {m: [] for m in models}, {m: [] for m in models}, {}
for line in open(sys.argv[2]):
    o = json.loads(line)
    if not o.get("ok"):
        sys.exit("eval.sh: %s failed: %s" % (o.get("command"), o.get("error")))
    if o["command"] != "eval":
        continue
    prep.append(o["prepare_seconds"])
    pcpu.append(o["prepare_cpu_seconds"])
    for r in o["results"]:
        secs[r["model"]].append(r["seconds"])
        cpu[r["model"]].append(r["cpu_seconds"])
        last[r["model"]] = r
def fmt(v):
    return "%7.3f %7.3f" % (min(v), statistics.median(v))
print("  %-10s %15s %15s" % ("", "wall best  med", "cpu best  med"))
print("  %-10s %s %s" % ("prepare", fmt(prep), fmt(pcpu)))
for m in models:
    r = last[m]
    print("  %-10s %s %s   ndcg@10 %.4f  auc %.4f  users %d" % (m, fmt(secs[m]), fmt(cpu[m]), r["ndcg@10"], r["auc"], r["users"]))
EOF
}

echo "reelscope: $rs ($(cd "$repo" && git describe --always --dirty 2>/dev/null || echo unknown))"
machine

if [ $check = yes ]; then
	echo
	echo "== numpy cross-check, MovieLens 100K fold u1"
	/usr/bin/python3 "$here/eval-check.py" "$rs" "$ml" "$cache/check" ease=ease knn=itemknn
fi

echo
echo "== MovieLens 100K fold u1: best / median seconds of $runs evals (k=10,20)"
ml_setup="load $ml/u1.base; split files test=$ml/u1.test; train pop model=pop; train ease model=ease; train als model=als factors=64 epochs=15"
for t in ${threads//,/ }; do
	echo "OMP_NUM_THREADS=$t"
	run_evals "$t" "$ml_setup" "pop ease als" 10,20
done
machine

[ $kuairec = yes ] || exit 0

# The KuaiRec-scale world and two workspaces (a per-user split, the observed
# block), made once; with save/open the runs skip the 12.5 M-row load.
echo
if [ ! -f "$cache/kuairec/big_matrix.csv" ]; then
	echo "generating $world into $cache/kuairec"
	"$rs" --no-progress -c "generate $cache/kuairec $world --force" > /dev/null
fi
have_save=no
"$rs" -c "help save" > /dev/null 2>&1 && have_save=yes
for split in user observed; do
	case $split in
	user) cmd="split user test=0.2 seed=1" ;;
	observed) cmd="split observed" ;;
	esac
	setup="load $cache/kuairec --skip-bad; $cmd; train pop model=pop; train als model=als factors=64 epochs=3"
	if [ $have_save = yes ]; then
		if [ ! -f "$cache/kuairec-$split.rsw" ]; then
			echo "building $cache/kuairec-$split.rsw"
			"$rs" --no-progress -c "$setup; save $cache/kuairec-$split.rsw --force" > /dev/null
		fi
		setup="open $cache/kuairec-$split.rsw"
	fi
	echo "== KuaiRec scale, $cmd: best / median seconds of $runs evals (k=10,20)"
	for t in ${threads//,/ }; do
		echo "OMP_NUM_THREADS=$t"
		run_evals "$t" "$setup" "pop als" 10,20
	done
	machine
done
