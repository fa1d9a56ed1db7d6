#!/bin/bash
# Whole-pipeline benchmark (issue 21, "one machine, whole pipeline"): on a
# generated KuaiRec-scale world, one reelscope process runs
#
#   load W --skip-bad; split observed; train a model=als; eval a k=10; audit a k=10
#
# under /usr/bin/time -v (wall, CPU, peak RSS of the whole run), and each
# phase's wall time, CPU time and peak RSS so far are taken as its --json line
# arrives (stdout made line-buffered with stdbuf; the process's
# /proc/PID/stat and VmHWM read at that moment), beside the "seconds" each
# command reports itself. Run with --help for the options; bench/README.md
# has recorded figures.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

default_world="users=7176 videos=10728 creators=1000 events=1740"
default_script="load WORLD --skip-bad; split observed; train a model=als; eval a k=10; audit a k=10"

usage() {
	cat <<EOF
usage: bench/pipeline.sh [options]

  --world-args ARGS  generate's arguments (default: "$default_world",
                     KuaiRec's users and videos, about 13 M log rows)
  --world DIR        use this already generated world instead
  --script CMDS      the commands, WORLD standing for the world's path
                     (default: "$default_script")
  --runs N           runs of the whole script (default: 1)
  --cache DIR        where the world is generated (default: \$RS_BENCH_CACHE or
                     /tmp/reelscope-bench, a pipeline/ folder in it); never inside the repository
  --out DIR          where raw results go (default: CACHE/pipeline/results-DATE)
  --reelscope PATH   reelscope binary (default: \$REELSCOPE, ./reelscope, then PATH)
  -h, --help         this help
EOF
}

die() { echo "pipeline.sh: $*" >&2; exit 2; }
note() { echo "pipeline.sh: $*" >&2; }

world_args=$default_world
world=
script=$default_script
runs=1
cache=${RS_BENCH_CACHE:-/tmp/reelscope-bench}
out=
rs=${REELSCOPE:-}

while [ $# -gt 0 ]; do
	case $1 in
	--world-args|--world|--script|--runs|--cache|--out|--reelscope)
		[ $# -ge 2 ] || die "$1 needs a value (see --help)"
		opt=${1#--}; val=$2; shift 2
		case $opt in
		world-args) world_args=$val ;; world) world=$val ;; script) script=$val ;;
		runs) runs=$val ;; cache) cache=$val ;; out) out=$val ;; reelscope) rs=$val ;;
		esac ;;
	--*=*)
		opt=${1%%=*}; set -- "$opt" "${1#*=}" "${@:2}" ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; die "unknown argument: $1" ;;
	esac
done

case $runs in ''|*[!0-9]*) die "--runs must be a whole number >= 1, not '$runs'" ;; esac
[ "$runs" -ge 1 ] || die "--runs must be a whole number >= 1"

if [ -z "$rs" ]; then
	if [ -x ./reelscope ]; then rs=./reelscope
	else rs=$(command -v reelscope || true)
	fi
fi
[ -n "$rs" ] || die "no reelscope binary: pass --reelscope PATH or run from a build dir"
[ -x "$rs" ] || die "reelscope binary '$rs' is not executable"
rs=$(cd "$(dirname "$rs")" && pwd)/$(basename "$rs")
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian: apt-get install time)"
command -v stdbuf >/dev/null || die "stdbuf not found (Debian: coreutils)"
command -v python3 >/dev/null || die "python3 not found"

inrepo() {
	case $1/ in "$repo"/*|"$(cd "$repo" && pwd -P)"/*) return 0 ;; esac
	return 1
}
cache=$(realpath -m -- "$cache")/pipeline
inrepo "$cache" && die "cache dir '$cache' is inside the repository (--cache DIR)"
mkdir -p "$cache" || die "cannot create '$cache'"
[ -n "$out" ] || out=$cache/results-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out" || die "cannot create result dir '$out'"
out=$(cd "$out" && pwd -P)

{
	echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "cpu:         $(nproc) CPUs, model name: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sort -u | paste -sd';')"
	echo "memory:      $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	echo "os:          $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
	echo "reelscope:   $("$rs" --version 2>&1 | head -1) ($rs)"
	mk=$(dirname "$rs")/Makefile
	[ -f "$mk" ] && echo "  CFLAGS:    $(sed -n 's/^CFLAGS = //p' "$mk")"
	echo "threads:     OMP_NUM_THREADS=${OMP_NUM_THREADS:-(all)} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-(all)}"
	echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) (before)"
} | tee "$out/machine.txt"

# --- the world -----------------------------------------------------------------
if [ -z "$world" ]; then
	world=$cache/world-$(echo "$world_args" | tr ' =' '_-')
	if [ ! -s "$world/big_matrix.csv" ]; then
		note "generating $world ($world_args)..."
		/usr/bin/time -v -o "$out/generate.time" "$rs" --no-progress \
		    -c "generate $world $world_args --force" > "$out/generate.out" ||
		    die "generate failed; see $out/generate.out"
		note "generated in $(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/generate.time")," \
		    "peak $(( $(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$out/generate.time") / 1024 )) MB"
	fi
fi
[ -d "$world" ] || die "world '$world' is not a directory"
world=$(cd "$world" && pwd -P)
echo "world:       $world ($(( $(wc -l < "$world/big_matrix.csv") - 1 )) log rows, $(du -sm "$world" | cut -f1) MB)" | tee -a "$out/machine.txt"
cmds=${script//WORLD/$world}
echo "script:      $cmds" | tee -a "$out/machine.txt"
echo

# --- runs ------------------------------------------------------------------------
for i in $(seq "$runs"); do
	note "run $i of $runs (load average $(cut -d' ' -f1-3 /proc/loadavg))"
	python3 - "$out/run$i" "$rs" "$cmds" <<'EOF' || die "run $i failed; see $out/run$i.*"
# one run: timestamps, CPU time and VmHWM of the reelscope process as each
# --json line arrives
import json, os, subprocess, sys, time

base, rs, cmds = sys.argv[1:4]
hz = os.sysconf("SC_CLK_TCK")
load0 = open("/proc/loadavg").read().split()[:3]

def child_of(pid):
    for _ in range(2000):
        try:
            kids = open(f"/proc/{pid}/task/{pid}/children").read().split()
            if kids:
                return int(kids[0])
        except OSError:
            pass
        time.sleep(0.001)
    return None

def sample(pid):
    try:
        st = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        cpu = (int(st[11]) + int(st[12])) / hz
        hwm = rss = 0
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
            elif line.startswith("VmRSS:"):
                rss = int(line.split()[1])
        return cpu, hwm / 1024, rss / 1024
    except OSError:
        return None, None, None

t0 = time.time()
p = subprocess.Popen(["/usr/bin/time", "-v", "-o", base + ".time", "stdbuf", "-oL",
                      rs, "--json", "--no-progress", "-c", cmds],
                     stdout=subprocess.PIPE, stderr=open(base + ".err", "w"))
pid = child_of(p.pid)
phases = []
with open(base + ".jsonl", "w") as raw:
    for line in p.stdout:
        t = time.time()
        cpu, hwm, rss = sample(pid) if pid else (None, None, None)
        raw.write(line.decode())
        j = json.loads(line)
        phases.append({"command": j.get("command"), "ok": j.get("ok"), "end": t - t0,
                       "cpu": cpu, "hwm_mb": hwm, "rss_mb": rss, "json": j})
rc = p.wait()
t_end = time.time() - t0
load1 = open("/proc/loadavg").read().split()[:3]
json.dump({"rc": rc, "wall": t_end, "load_before": load0, "load_after": load1,
           "phases": phases}, open(base + ".json", "w"))
sys.exit(0 if rc == 0 and all(ph["ok"] for ph in phases) else 1)
EOF
done

# --- tables --------------------------------------------------------------------------
python3 - "$out" "$runs" <<'EOF' | tee "$out/results.txt"
import json, re, sys

out, runs = sys.argv[1], int(sys.argv[2])

def tv(path):
    text = open(path).read()
    g = lambda pat: re.search(pat, text).group(1)
    wall = g(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)").split(":")
    secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    return {"wall": secs, "user": float(g(r"User time \(seconds\): (\S+)")),
            "sys": float(g(r"System time \(seconds\): (\S+)")),
            "peak_mb": int(g(r"Maximum resident set size \(kbytes\): (\d+)")) / 1024}

def own_seconds(j):
    """what the command says it took, and how it is split"""
    c = j.get("command")
    if c in ("load", "train"):
        return j.get("seconds"), ""
    if c == "eval":
        prep = j.get("prepare_seconds", 0)
        rank = sum(r.get("seconds", 0) for r in j.get("results", []))
        return prep + rank, f"prepare {prep:.2f} + rank and measure {rank:.2f}"
    if c == "audit":
        a = j.get("audits", [])
        rank = sum(x.get("rank_seconds", 0) for x in a)
        meas = sum(x.get("seconds", 0) for x in a)
        return rank + meas, f"rank {rank:.2f} + measure {meas:.2f}"
    return None, "reports no seconds"

for i in range(1, runs + 1):
    r = json.load(open(f"{out}/run{i}.json"))
    t = tv(f"{out}/run{i}.time")
    print(f"run {i}: load average {' '.join(r['load_before'])} before, {' '.join(r['load_after'])} after")
    head = ("phase", "wall s", "cpu s", "own s", "peak MB so far", "RSS MB after", "detail")
    rows, prev_t, prev_c = [], 0.0, 0.0
    for ph in r["phases"]:
        j = ph["json"]
        own, detail = own_seconds(j)
        if ph["command"] == "load":
            detail = f"{j.get('interactions', 0):,} interactions, {j.get('bytes', 0) / 2**20:.0f} MB dataset"
        elif ph["command"] == "train":
            h = j.get("history", [])
            detail = f"{j.get('epochs')} epochs, {j.get('train_rows', 0):,} rows" + \
                (f", epoch median {sorted(e['seconds'] for e in h)[len(h) // 2]:.2f} s" if h else "")
        elif ph["command"] == "split":
            detail = f"train {j.get('train', 0):,}, test {j.get('test', 0):,}"
        cpu = ph["cpu"]
        rows.append((ph["command"], f"{ph['end'] - prev_t:.2f}",
                     f"{cpu - prev_c:.2f}" if cpu is not None else "-",
                     f"{own:.2f}" if own is not None else "-",
                     f"{ph['hwm_mb']:.0f}" if ph["hwm_mb"] else "-",
                     f"{ph['rss_mb']:.0f}" if ph["rss_mb"] else "-", detail))
        prev_t, prev_c = ph["end"], cpu if cpu is not None else prev_c
    rows.append(("exit (free, teardown)", f"{r['wall'] - prev_t:.2f}",
                 f"{t['user'] + t['sys'] - prev_c:.2f}", "-", "-", "-", ""))
    rows.append(("whole run (time -v)", f"{t['wall']:.2f}", f"{t['user'] + t['sys']:.2f}", "-",
                 f"{t['peak_mb']:.0f}", "-", f"user {t['user']:.2f} + sys {t['sys']:.2f}"))
    w = [max(len(h), *(len(x[k]) for x in rows)) for k, h in enumerate(head)]
    print("| " + " | ".join(h.ljust(w[k]) for k, h in enumerate(head)) + " |")
    print("|" + "|".join("-" * (x + 2) for x in w) + "|")
    for x in rows:
        print("| " + " | ".join(c.ljust(w[k]) if k in (0, 6) else c.rjust(w[k]) for k, c in enumerate(x)) + " |")
    print()
print("wall s: from the start of the process (or the previous line) to the command's --json line;")
print("cpu s: the process's user + system time over the same stretch; own s: what the command reports;")
print("peak MB so far: VmHWM when the line arrived. raw results: " + out)
EOF
