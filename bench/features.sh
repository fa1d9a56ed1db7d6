#!/bin/bash
# Features benchmark: TF-IDF over the captions of a generated world of N videos
# (issue 4: under a second for 100 K captions), the full item feature build, and
# naive Bayes classification, timed inside one reelscope process.
#
# It generates the world once into the cache dir (never inside the repository),
# loads it once, then runs each command --runs times and reports the best and
# median wall time and CPU time (all threads) from the commands' --json
# "seconds" and "cpu_seconds", next to the machine's load. Run with --help for
# the options; bench/README.md has recorded figures.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

usage() {
	cat <<EOF
usage: bench/features.sh [options]

  --videos N       videos of the generated world (default: 100000)
  --cache DIR      where the world is kept (default: \$RS_BENCH_CACHE or
                   /tmp/reelscope-bench); never inside the repository
  --runs N         runs of each command (default: 7)
  --threads N      OMP_NUM_THREADS for reelscope (default: unset, all CPUs)
  --reelscope PATH reelscope binary (default: \$REELSCOPE, ./reelscope, then PATH)
  -h, --help       this help
EOF
}

die() { echo "features.sh: $*" >&2; exit 2; }

videos=100000
cache=${RS_BENCH_CACHE:-/tmp/reelscope-bench}
runs=7
threads=
rs=${REELSCOPE:-}

while [ $# -gt 0 ]; do
	case $1 in
	--videos|--cache|--runs|--threads|--reelscope)
		[ $# -ge 2 ] || die "$1 needs a value (see --help)"
		opt=${1#--}; val=$2; shift 2
		case $opt in
		videos) videos=$val ;; cache) cache=$val ;; runs) runs=$val ;;
		threads) threads=$val ;; reelscope) rs=$val ;;
		esac ;;
	--videos=*|--cache=*|--runs=*|--threads=*|--reelscope=*)
		opt=${1%%=*}; set -- "$opt" "${1#*=}" "${@:2}" ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; die "unknown argument: $1" ;;
	esac
done

isnum() { case $1 in ''|*[!0-9]*) return 1 ;; esac; }
{ isnum "$videos" && [ "$videos" -ge 1000 ]; } || die "--videos must be a whole number >= 1000, not '$videos'"
{ isnum "$runs" && [ "$runs" -ge 1 ]; } || die "--runs must be a whole number >= 1, not '$runs'"
[ -z "$threads" ] || { isnum "$threads" && [ "$threads" -ge 1 ]; } || die "--threads must be a whole number >= 1"

if [ -z "$rs" ]; then
	if [ -x ./reelscope ]; then rs=./reelscope
	else rs=$(command -v reelscope || true)
	fi
fi
[ -n "$rs" ] && [ -x "$rs" ] || die "no reelscope binary (build it, or give --reelscope PATH)"
command -v python3 > /dev/null || die "python3 is needed to read the JSON results"

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
case $cache/ in "$repo"/*) die "the cache dir $cache is inside the repository; use another" ;; esac

world=$cache/features-world-$videos
if [ ! -f "$world/manifest.json" ]; then
	echo "features.sh: generating $world (once)" >&2
	# a small observed block: only the sparse log and the item tables matter here
	"$rs" -c "generate '$world' videos=$videos users=2000 creators=$((videos / 20)) seed=7 observed_users=0.02 observed_videos=0.02 --force" > /dev/null
fi

script=$cache/features-bench.rs
{
	echo "load '$world' --skip-bad matrix=big"
	for _ in $(seq "$runs"); do echo "features text=caption"; done
	for _ in $(seq "$runs"); do echo "features"; done
	for _ in $(seq "$runs"); do echo "classify"; done
} > "$script"

out=$cache/features-bench.jsonl
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
before=$(loadavg)
if [ -n "$threads" ]; then
	OMP_NUM_THREADS=$threads "$rs" --json --no-progress "$script" > "$out"
else
	"$rs" --json --no-progress "$script" > "$out"
fi
after=$(loadavg)

python3 - "$out" "$videos" "$runs" "$(nproc)" "$before" "$after" "${threads:-all}" <<'EOF'
import json, statistics, sys

path, videos, runs, cpus, before, after, threads = sys.argv[1:]
rows = [json.loads(l) for l in open(path)]
for r in rows:
    if not r.get("ok"):
        sys.exit("features.sh: a command failed: %s" % r.get("error"))
feats = [r for r in rows if r["command"] == "features"]
runs = int(runs)
caption, full = feats[:runs], feats[runs:]
cls = [r for r in rows if r["command"] == "classify"]

def line(name, rs, cpu=True):
    w = sorted(r["seconds"] for r in rs)
    c = sorted(r.get("cpu_seconds", float("nan")) for r in rs)
    print("| %-34s | %7.3f | %7.3f | %s |" % (name, w[0], statistics.median(w),
          "%7.3f" % statistics.median(c) if cpu else "      -"))

f = caption[0]
print("world: %s videos, %d items with text, %d tokens, %d terms kept (text=caption)"
      % (videos, f["items"]["with_text"], f["tokens"], f["terms"]["kept"]))
g = full[0]
print("full build: %d feature columns, %d nonzeros; classify: accuracy %.4f, baseline %.4f"
      % (g["columns"]["all"], g["nonzeros"]["matrix"], cls[0]["accuracy"], cls[0]["baseline"]))
print("machine: %s CPUs, threads %s, load average before %s, after %s" % (cpus, threads, before, after))
print()
print("| %-34s | %7s | %7s | %7s |" % ("command (%d runs)" % runs, "best s", "median", "CPU s"))
print("|%s|%s|%s|%s|" % ("-" * 36, "-" * 9, "-" * 9, "-" * 9))
line("features text=caption (TF-IDF)", caption)
line("features (every block)", full)
line("classify (train 80%, predict 20%)", cls, cpu=False)
EOF
