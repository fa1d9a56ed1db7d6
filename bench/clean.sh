#!/bin/bash
# Cleaning benchmark: every `clean` step on a KuaiRec-sized generated world.
#
# Generates the world once (into a cache outside the repository), then runs
# one reelscope session with --json: load, then the cleaning steps in the
# order a person would run them, each on the output of the one before. For
# each step it reports the rows before and after, the
# step's own wall time and CPU time (the "seconds" and "cpu_seconds" fields:
# the engine step plus building the new dataset, not the printing), and
# recall and precision against the dirt generate injected. Machine, load
# and commands go into the results file. Run with --help for the options;
# bench/README.md has recorded figures.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

default_world="users=7176 videos=10728 creators=1500 events=1746"
# the steps, one per line, run in this order in one session
steps='clean dedup
clean invalid
clean bots
clean outliers watch_ratio method=z scale=log side=upper
clean fill video_duration by=video_id
clean kcore k=10
clean window from=2020-07-06 to=2020-07-15
clean binarize min=2 weight=yes'

usage() {
	cat <<EOF
usage: bench/clean.sh [options]

  --world ARGS     generate parameters (default: $default_world,
                   KuaiRec's users and videos: about 13.4 M sparse-log rows)
  --threads N      OMP_NUM_THREADS for the session (default: 2)
  --cache DIR      where the world is written (default: \$RS_BENCH_CACHE/clean or
                   /tmp/reelscope-bench/clean); never inside the repository
  --reelscope PATH reelscope binary (default: \$REELSCOPE, ./reelscope, then PATH)
  --keep           keep the generated world (default: removed at the end)
  -h, --help       this help
EOF
}

die() { echo "clean.sh: $*" >&2; exit 2; }
note() { echo "clean.sh: $*" >&2; }

world=$default_world
threads=2
cache=${RS_BENCH_CACHE:+$RS_BENCH_CACHE/clean}
cache=${cache:-/tmp/reelscope-bench/clean}
rs=${REELSCOPE:-}
keep=0
while [ $# -gt 0 ]; do
	case $1 in
	--world) world=$2; shift 2 ;;
	--threads) threads=$2; shift 2 ;;
	--cache) cache=$2; shift 2 ;;
	--reelscope) rs=$2; shift 2 ;;
	--keep) keep=1; shift ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
if [ -z "$rs" ]; then
	if [ -x ./reelscope ]; then rs=./reelscope; else rs=$(command -v reelscope || true); fi
fi
[ -n "$rs" ] && [ -x "$rs" ] || die "no reelscope binary (build it, or give --reelscope PATH)"
rs=$(cd "$(dirname "$rs")" && pwd)/$(basename "$rs")
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
case $cache/ in "$repo"/*) die "the cache $cache is inside the repository; use --cache DIR" ;; esac

dir=$cache/world
out=$cache/results-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
if [ ! -f "$dir/manifest.json" ]; then
	note "generating $dir ($world)"
	# shellcheck disable=SC2086
	"$rs" --no-progress -c "generate $dir $world --force" > "$out/generate.txt"
fi

script=$out/session.rs
{
	echo "load $dir --skip-bad"
	echo "$steps"
} > "$script"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
note "running $(wc -l < "$script") commands with OMP_NUM_THREADS=$threads"
OMP_NUM_THREADS=$threads /usr/bin/time -v "$rs" --json --no-progress -f "$script" \
	> "$out/session.jsonl" 2> "$out/time.txt" || die "the session failed; see $out"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
	echo "# reelscope clean benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
	echo "reelscope: $rs ($(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo '?')), OMP_NUM_THREADS=$threads"
	echo "world: generate $world"
	echo "load average before: $load_before; after: $load_after"
	echo "peak RSS of the session: $(awk -F': ' '/Maximum resident/ { printf "%.2f GB", $2 / 1048576 }' "$out/time.txt")"
	echo
	python3 - "$out/session.jsonl" "$script" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
cmds = [l.strip() for l in open(sys.argv[2]) if l.strip()]
print("| command | rows before | rows after | wall s | CPU s | dirt kinds | dirty | recall | precision |")
print("|---|---:|---:|---:|---:|---|---:|---:|---:|")
for cmd, r in zip(cmds, rows):
    if not r.get("ok"):
        print(f"| `{cmd}` | failed: {r.get('error')} |||||||")
        continue
    if r["command"] == "load":
        print(f"| `{cmd}` | | {r['interactions']:,} | {r['seconds']:.2f} | | | | | |")
        continue
    t = r.get("truth") or {}
    pct = lambda x: "-" if x is None else f"{100 * x:.2f}%"
    print(f"| `{cmd}` | {r['before']['rows']:,} | {r['after']['rows']:,} | "
          f"{r['seconds']:.2f} | {r['cpu_seconds']:.2f} | {t.get('kinds', '')} | "
          f"{t.get('dirty', '')} | {pct(t.get('recall'))} | {pct(t.get('precision'))} |")
EOF
} | tee "$out/results.md"
echo "wall time of the whole session: $(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$out/time.txt")" | tee -a "$out/results.md"
note "results in $out"
if [ "$keep" = 0 ]; then
	rm -rf "$dir"
fi
