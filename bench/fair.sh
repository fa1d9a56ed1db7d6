#!/bin/bash
# Exposure audit benchmark: the numpy cross-check of the item Gini on MovieLens
# fold u1 (bench/fair-check.py), then audit's time at KuaiRec scale (7,176 users
# x 10,728 videos x 1,500 creators; lists of 100 for every test user) and a
# tradeoff sweep of 11 values there. Times come from --json: audit's
# "rank_seconds" (eval's engine ranking the lists) and "seconds" (measuring
# them: exposure, Gini, merit, bias, groups, deciles) with its "cpu_seconds",
# tradeoff's "seconds" and "cpu_seconds"
# (one ranking of the candidates, then per value a re-ranking, an eval and an
# audit), and each command's wall time. Run with --help for the options;
# bench/README.md has recorded figures.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

rs=${REELSCOPE:-$repo/reelscope}
ml=${ML100K:-}
cache=${RS_BENCH_CACHE:-/tmp/reelscope-bench}/fair
world_dir=
runs=3
kuairec=yes
check=yes
world="users=7176 videos=10728 creators=1500 events=1746"

usage() {
	cat <<EOF
usage: bench/fair.sh [options]

  --reelscope PATH  the binary (default: \$REELSCOPE or $repo/reelscope)
  --ml DIR          MovieLens 100K folder (default: \$ML100K; its
                    licence keeps it out of the repository); never copied
  --cache DIR       where the world, workspace and lists go (default:
                    \$RS_BENCH_CACHE/fair or /tmp/reelscope-bench/fair); not
                    inside the repository
  --world DIR       an already generated KuaiRec-scale world to use instead of
                    generating one ($world)
  --runs N          repetitions of each timed command (default: $runs)
  --no-kuairec      skip the KuaiRec-scale part
  --no-check        skip the numpy cross-check
EOF
}

while [ $# -gt 0 ]; do
	case $1 in
	--reelscope) rs=$2; shift 2 ;;
	--ml) ml=$2; shift 2 ;;
	--cache) cache=$2; shift 2 ;;
	--world) world_dir=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	--no-kuairec) kuairec=no; shift ;;
	--no-check) check=no; shift ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done

[ -x "$rs" ] || { echo "fair.sh: no reelscope binary at $rs (give --reelscope)" >&2; exit 2; }
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
case $cache/ in "$repo"/*) echo "fair.sh: the cache must be outside the repository" >&2; exit 2 ;; esac

machine() {
	echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "reelscope: $rs ($(cd "$repo" && git describe --always --dirty 2>/dev/null || echo unknown))"
machine

if [ $check = yes ]; then
	[ -f "$ml/u1.base" ] || { echo "fair.sh: no u1.base in '$ml' (give --ml DIR or set ML100K: MovieLens 100K, https://grouplens.org/datasets/movielens/100k/; or --no-check)" >&2; exit 2; }
	echo
	echo "== numpy cross-check on MovieLens u1 (bench/fair-check.py)"
	/usr/bin/python3 "$here/fair-check.py" "$rs" "$ml" "$cache/check"
fi

[ $kuairec = yes ] || exit 0

# timed RUNS COMMANDS: run reelscope --json RUNS times; print the best and
# median of each JSON field named in FIELDS (model-wise for audits) and of the
# wall time
timed() {
	local label=$1 cmds=$2
	: > "$cache/run.jsonl"
	for _ in $(seq "$runs"); do
		local t0 t1
		t0=$(date +%s.%N)
		"$rs" --json --no-progress -c "$cmds" >> "$cache/run.jsonl"
		t1=$(date +%s.%N)
		echo "{\"command\":\"wall\",\"seconds\":$(echo "$t1 - $t0" | bc)}" >> "$cache/run.jsonl"
	done
	/usr/bin/python3 - "$label" "$cache/run.jsonl" <<'EOF'
import json, statistics, sys
label, path = sys.argv[1], sys.argv[2]
rows = {}
for line in open(path):
    o = json.loads(line)
    if o["command"] == "audit":
        for a in o["audits"]:
            rows.setdefault(f"audit {a['model']} k={a['k']}: rank", []).append(a["rank_seconds"])
            rows.setdefault(f"audit {a['model']} k={a['k']}: measure", []).append(a["seconds"])
            rows.setdefault(f"audit {a['model']} k={a['k']}: measure CPU", []).append(a["cpu_seconds"])
            rows.setdefault(f"audit {a['model']} k={a['k']}: gini", []).append(a["gini"])
    elif o["command"] == "tradeoff":
        rows.setdefault(f"tradeoff {o['model']} {o['method']} ({len(o['rows'])} values)", []).append(o["seconds"])
        rows.setdefault(f"tradeoff {o['model']} {o['method']} CPU", []).append(o["cpu_seconds"])
    elif o["command"] == "wall":
        rows.setdefault("wall (open + all commands)", []).append(o["seconds"])
print(f"-- {label}")
for k, v in rows.items():
    if k.endswith("gini"):
        print(f"  {k:48} {v[0]:.4f}")
    else:
        print(f"  {k:48} best {min(v):8.3f} s   median {statistics.median(v):8.3f} s")
EOF
}

echo
if [ -n "$world_dir" ]; then
	world_path=$world_dir
else
	world_path=$cache/kuairec
	if [ ! -f "$world_path/big_matrix.csv" ]; then
		echo "generating $world into $world_path"
		"$rs" --no-progress -c "generate $world_path $world --force" > /dev/null
	fi
fi
ws=$cache/kuairec-user.rsw
if [ ! -f "$ws" ]; then
	echo "building $ws (load, split user, train pop and als)"
	"$rs" --no-progress -c "load $world_path --skip-bad; split user test=0.2 seed=1; train pop model=pop; train als model=als factors=64 epochs=3; save $ws --force" > /dev/null
fi
echo "== KuaiRec scale ($world): best / median of $runs runs"
timed "audit of top-100 lists, every test user, creators as units" "open $ws; audit pop als k=100"
timed "audit of top-10 lists" "open $ws; audit pop als k=10"
timed "tradeoff mmr, lambda 0:1:0.1 (11 values), k=10 of 100 candidates" "open $ws; tradeoff als method=mmr lambda=0:1:0.1"
timed "tradeoff maximin, alpha 0:2:0.2 (11 values), k=10 of 100 candidates" "open $ws; tradeoff als method=maximin alpha=0:2:0.2"
machine
