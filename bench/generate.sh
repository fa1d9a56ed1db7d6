#!/bin/bash
# Generation benchmark: how fast `generate` writes a simulated world.
#
# For each world size and each OpenMP thread count it (a) runs generate once
# under /usr/bin/time -v (peak RSS, user and system CPU seconds) with --json
# (the rows written: sparse log + observed block), (b) times the whole command
# with hyperfine (the folder removed before each run, outside the timing),
# (c) checks that every thread count wrote the same bytes, then (d) prints
# rows per second of wall time and rows per CPU-second (user + system), the
# figure the issue's target "1 M interactions per second per core" is read
# against. Run with --help for the options; bench/README.md has recorded figures.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

# name -> generate parameters
world_args() {
	case $1 in
	tiny)    echo "users=500 videos=1000 creators=100 events=100" ;;
	small)   echo "users=2000 videos=3000 creators=300 events=400" ;;
	kuairec) echo "users=7176 videos=10728 creators=1500 events=1746" ;;
	*) return 1 ;;
	esac
}

usage() {
	cat <<EOF
usage: bench/generate.sh [options]

  --sizes LIST     comma-separated worlds (default: $default_sizes)
                     tiny      $(world_args tiny)
                     small     $(world_args small)  (about 1.2 M rows)
                     kuairec   $(world_args kuairec)
                               (KuaiRec's 7,176 users x 10,728 videos; about 13.4 M
                               sparse-log rows + 4.6 M observed rows, 1.5 GB of CSV)
  --world ARGS     an extra world with these generate parameters (named "custom")
  --threads LIST   OMP_NUM_THREADS values (default: 1,2)
  --compress       also time compress=yes (gzipped tables) at each size and thread count
  --cache DIR      where the worlds are written (default: \$RS_BENCH_CACHE/gen or
                   /tmp/reelscope-bench/gen); never inside the repository
  --out DIR        where raw results go (default: CACHE/results-DATE)
  --reelscope PATH reelscope binary (default: \$REELSCOPE, ./reelscope, then PATH)
  --runs N         hyperfine runs per command (default: 3 for kuairec, 5 otherwise)
  --keep           keep the generated worlds (default: removed at the end)
  -h, --help       this help
EOF
}

die() { echo "generate.sh: $*" >&2; exit 2; }
note() { echo "generate.sh: $*" >&2; }

default_sizes=small,kuairec
sizes=$default_sizes
custom=
threads=1,2
compress=0
cache=${RS_BENCH_CACHE:+$RS_BENCH_CACHE/gen}
cache=${cache:-/tmp/reelscope-bench/gen}
out=
rs=${REELSCOPE:-}
runs=
keep=0

while [ $# -gt 0 ]; do
	case $1 in
	--sizes|--world|--threads|--cache|--out|--reelscope|--runs)
		[ $# -ge 2 ] || die "$1 needs a value (see --help)"
		opt=${1#--}; val=$2; shift 2
		case $opt in
		sizes) sizes=$val ;; world) custom=$val ;; threads) threads=$val ;;
		cache) cache=$val ;; out) out=$val ;; reelscope) rs=$val ;; runs) runs=$val ;;
		esac ;;
	--sizes=*|--world=*|--threads=*|--cache=*|--out=*|--reelscope=*|--runs=*)
		opt=${1%%=*}; set -- "$opt" "${1#*=}" "${@:2}" ;;
	--compress) compress=1; shift ;;
	--keep) keep=1; shift ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; die "unknown argument: $1" ;;
	esac
done

isnum() { case $1 in ''|*[!0-9]*) return 1 ;; esac; }
[ -z "$runs" ] || { isnum "$runs" && [ "$runs" -ge 1 ]; } || die "--runs must be a whole number >= 1, not '$runs'"
IFS=, read -r -a tlist <<< "$threads"
[ ${#tlist[@]} -gt 0 ] || die "--threads is empty"
for t in "${tlist[@]}"; do
	{ isnum "$t" && [ "$t" -ge 1 ]; } || die "--threads takes whole numbers >= 1, not '$t'"
done
IFS=, read -r -a slist <<< "$sizes"
for s in "${slist[@]}"; do
	world_args "$s" > /dev/null || die "unknown size '$s' (tiny, small, kuairec; --world ARGS for others)"
done
if [ -n "$custom" ]; then
	case $custom in *[!A-Za-z0-9_=.\ -]*) die "--world takes generate parameters (name=value ...), not '$custom'" ;; esac
	slist+=(custom)
fi
[ ${#slist[@]} -gt 0 ] || die "--sizes is empty"

# --- tools ---------------------------------------------------------------------
if [ -z "$rs" ]; then
	if [ -x ./reelscope ]; then rs=./reelscope
	else rs=$(command -v reelscope || true)
	fi
fi
[ -n "$rs" ] || die "no reelscope binary: build one (mkdir _build-bench && cd _build-bench && ../configure && make reelscope) and pass --reelscope PATH or run from that build dir"
[ -x "$rs" ] || die "reelscope binary '$rs' is not executable"
rs=$(cd "$(dirname "$rs")" && pwd)/$(basename "$rs")
command -v hyperfine >/dev/null || die "hyperfine not found (Debian: apt-get install hyperfine)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian: apt-get install time)"
command -v python3 >/dev/null || die "python3 not found (it reads the JSON results)"

# --- cache and result dirs ---------------------------------------------------
cache=$(realpath -m -- "$cache")
inrepo() {
	case $1/ in "$repo"/*|"$(cd "$repo" && pwd -P)"/*) return 0 ;; esac
	return 1
}
inrepo "$cache" && die "cache dir '$cache' is inside the repository; generated worlds must live elsewhere (--cache DIR)"
mkdir -p "$cache" || die "cannot create cache dir '$cache'"
cache=$(cd "$cache" && pwd -P)
inrepo "$cache" && die "cache dir '$cache' is inside the repository; generated worlds must live elsewhere (--cache DIR)"
plain() { case $1 in *[!A-Za-z0-9._/+-]*) return 1 ;; esac; }
plain "$cache" || die "cache path '$cache' has characters other than letters, digits and ._/+-; pick another --cache"
[ -n "$out" ] || out=$cache/results-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out" || die "cannot create result dir '$out'"
out=$(cd "$out" && pwd -P)

# --- machine -----------------------------------------------------------------
machine() {
	echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "cpu:         $(nproc) CPUs, model name: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sort -u | paste -sd';')"
	echo "             $(sed -n 's/^cpu MHz[[:space:]]*: //p' /proc/cpuinfo | head -1) MHz, cache $(sed -n 's/^cache size[[:space:]]*: //p' /proc/cpuinfo | head -1), virtualization: $(systemd-detect-virt 2>/dev/null || echo unknown)"
	echo "memory:      $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	echo "disk:        $cache on $(df -P "$cache" | awk 'NR == 2 {print $1}') ($(stat -f -c %T "$cache"))"
	echo "os:          $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
	echo "compiler:    $(${CC:-cc} --version 2>/dev/null | head -1)"
	echo "reelscope:   $("$rs" --version 2>&1 | head -1) ($rs)"
	local mk; mk=$(dirname "$rs")/Makefile
	[ -f "$mk" ] && echo "  CFLAGS:    $(sed -n 's/^CFLAGS = //p' "$mk") $(sed -n 's/^OPENMP_CFLAGS = //p' "$mk")"
	echo "hyperfine:   $(hyperfine --version)"
	if command -v dpkg-query >/dev/null; then
		echo "libraries:   $(dpkg-query -W -f '${Package} ${Version}\n' zlib1g libgomp1 2>/dev/null | paste -sd';' | sed 's/;/; /g')"
	fi
}
machine | tee "$out/machine.txt"
echo

# Other work on the machine while a set ran: busy CPU seconds of the whole
# machine (/proc/stat) minus the CPU seconds of this script's children (bash
# `times`), over the wall time. Sets $snap; not to be called in a subshell.
cpu_snapshot() {
	times > "$out/.times"
	snap=$(awk -v hz="$(getconf CLK_TCK)" -v now="$(date +%s.%N)" '
	function secs(s,  a) { split(s, a, /[ms]/); return a[1] * 60 + a[2] }
	FILENAME != "/proc/stat" && FNR == 2 { kids = secs($1) + secs($2) }
	FILENAME == "/proc/stat" && /^cpu / { busy = ($2 + $3 + $4 + $7 + $8 + $9) / hz }
	END { print now, busy, kids }' "$out/.times" /proc/stat)
	rm -f "$out/.times"
}
others_cpus() {
	echo "$1 $2" | awk '{ o = ($5 - $2) - ($6 - $3); if (o < 0) o = 0; printf "%.2f\n", o / ($4 - $1) }'
}
ended() {
	local sig; sig=$(sed -n 's/^[[:space:]]*Command terminated by signal //p' "$1")
	[ -z "$sig" ] || { echo "killed by signal $sig"; return; }
	echo "exit status $(sed -n 's/^[[:space:]]*Exit status: //p' "$1")"
}

# --- per world, variant and thread count -----------------------------------------
variants=(plain)
[ "$compress" = 0 ] || variants+=(gz)
: > "$out/sets.tsv"
for name in "${slist[@]}"; do
	if [ "$name" = custom ]; then args=$custom; else args=$(world_args "$name"); fi
	r=$runs
	[ -n "$r" ] || { [ "$name" = kuairec ] && r=3 || r=5; }
	for var in "${variants[@]}"; do
		vargs=$args
		[ "$var" = plain ] || vargs="$args compress=yes"
		first=
		for t in "${tlist[@]}"; do
			id=$name-$var-t$t
			dir=$cache/$id
			# room for two copies of the world (one per thread count is kept for the byte comparison)
			have=$(df -Pm "$cache" | awk 'NR == 2 {print $4}')
			[ "$have" -ge 4000 ] || [ "$name" != kuairec ] || die "$cache has $have MB free; a KuaiRec-sized world needs about 1.6 GB, two of them 3.2 GB (--cache DIR)"
			cmd="$rs -c 'generate $dir $vargs'"
			echo "== $id: OMP_NUM_THREADS=$t $cmd"
			cpu_snapshot; snap0=$snap
			rm -rf "$dir"
			OMP_NUM_THREADS=$t /usr/bin/time -v -o "$out/$id.time" "$rs" --json --no-progress \
			    -c "generate $dir $vargs" > "$out/$id.json" 2> "$out/$id.err" ||
				die "generate failed ($(ended "$out/$id.time")): $(cat "$out/$id.err" "$out/$id.json")"
			du -sb "$dir" | cut -f1 > "$out/$id.bytes"
			# the same bytes whatever the thread count
			if [ -z "$first" ]; then
				first=$dir
				same=first
			elif diff -r -q "$first" "$dir" > "$out/$id.diff" 2>&1; then
				same=yes
			else
				same=NO
				note "$id: the files differ from $(basename "$first")'s: $(head -3 "$out/$id.diff")"
			fi
			# whole command, the folder removed before each run (not timed)
			OMP_NUM_THREADS=$t hyperfine -N --warmup 0 --runs "$r" --prepare "rm -rf $dir" \
			    --export-json "$out/$id.hyperfine.json" -n "$id" "$cmd" ||
				die "hyperfine failed on $id"
			cpu_snapshot
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$name" "$var" "$t" "$r" "$same" \
			    "$(others_cpus "$snap0" "$snap")" >> "$out/sets.tsv"
			[ "$dir" = "$first" ] || [ "$keep" = 1 ] || rm -rf "$dir"
			echo
		done
		[ "$keep" = 1 ] || rm -rf "$first"
	done
done

# --- table ---------------------------------------------------------------------------
python3 - "$out" <<'EOF' | tee "$out/results.txt"
import json, os, re, sys

out = sys.argv[1]

def timev(name):
    text = open(os.path.join(out, name)).read()
    get = lambda k: re.search(re.escape(k) + r": ([0-9.:]+)", text).group(1)
    return (int(get("Maximum resident set size (kbytes)")) / 1024,
            float(get("User time (seconds)")) + float(get("System time (seconds)")))

rows_out, notes = [], []
for line in open(os.path.join(out, "sets.tsv")):
    id_, name, var, t, runs, same, others = line.rstrip("\n").split("\t")
    j = [json.loads(l) for l in open(os.path.join(out, id_ + ".json")) if l.startswith("{")][0]
    rows = j["big_rows"] + j["small_rows"]
    hf = json.load(open(os.path.join(out, id_ + ".hyperfine.json")))["results"][0]
    cpu = hf["user"] + hf["system"]
    peak, tv_cpu = timev(id_ + ".time")
    mb = int(open(os.path.join(out, id_ + ".bytes")).read()) / 2**20
    per_cpu = rows / cpu
    rows_out.append((name + ("" if var == "plain" else " gz"), t, f"{j['big_rows']:,}", f"{j['small_rows']:,}",
                     f"{mb:,.0f}", f"{hf['mean']:.2f} ± {hf['stddev'] or 0:.2f}", f"{cpu:.2f}",
                     f"{rows / hf['mean'] / 1e6:.2f}", f"{per_cpu / 1e6:.2f}",
                     "yes" if per_cpu >= 1e6 else "NO", f"{mb / hf['mean']:.0f}",
                     f"{peak:.0f}", f"{j['seconds']:.2f}", same, runs, others))

def table(title, head, body):
    w = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    print(title)
    print("| " + " | ".join(h.ljust(w[i]) for i, h in enumerate(head)) + " |")
    print("|" + "|".join("-" * (x + 2) for x in w) + "|")
    for b in body:
        print("| " + " | ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(b)) + " |")
    print()

table("generate: hyperfine mean ± sd of wall seconds; cpu = user + system seconds (hyperfine mean);\n"
      "rows = sparse log + observed block; M rows/s = rows / wall; M rows/cpu-s = rows / cpu (per core);\n"
      "peak = max RSS (time -v); in-proc = generate's own \"seconds\"; same = bytes equal to the first thread count's",
      ("world", "threads", "sparse rows", "block rows", "MB", "wall s", "cpu s", "M rows/s",
       "M rows/cpu-s", ">= 1 M", "MB/s", "peak MB", "in-proc s", "same", "runs", "others"), rows_out)
if any(float(r[-1]) >= 0.2 for r in rows_out):
    notes.append("other processes kept the CPUs busy during some sets (column others, in CPUs)")
for n in notes:
    print("note: " + n)
print(f"raw results: {out}")
EOF
