#!/bin/bash
# Load benchmark: reelscope `load` against R data.table::fread and
# pandas.read_csv on the same interaction files, side by side in one run.
#
# For each size it (a) generates a KuaiRec big_matrix.csv-shaped CSV with
# make_interactions.py, or reuses it from the cache dir (ml-100k's u.data is used
# in place when present), (b) times both whole commands side by side with
# hyperfine, (c) measures peak RSS of one run of each with /usr/bin/time -v, the
# bytes reelscope's dataset holds (its --json "bytes"), fread's object.size and
# pandas' DataFrame memory_usage(deep=True), and the in-process load time of
# each (reelscope's "seconds", fread and read_csv timed around the call), then
# (d) prints tables with ratios. fread runs with as many threads as reelscope's
# loader (2: a tokenizer thread and the storing thread; --fread-threads).
# Run with --help for the options; bench/README.md has recorded figures.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

usage() {
	cat <<EOF
usage: bench/load.sh [options]

  --sizes LIST     comma-separated data sets (default: $default_sizes)
                     ml-100k   MovieLens 100K u.data (skipped, with a message, when absent)
                     kuairec   12,530,806 rows, the row count of KuaiRec's big_matrix.csv
                     N, Nk, Nm generated rows, e.g. 100k, 1m, 12.5m, 250000
  --cache DIR      where generated CSVs are kept (default: \$RS_BENCH_CACHE or
                   /tmp/reelscope-bench); never inside the repository
  --out DIR        where raw results go (default: CACHE/results-DATE)
  --reelscope PATH reelscope binary (default: \$REELSCOPE, ./reelscope, then PATH)
  --python PATH    python with pandas (default: /usr/bin/python3, Debian's python3-pandas)
  --rscript PATH   Rscript with data.table (default: /usr/bin/Rscript, Debian's r-cran-data.table)
  --fread-threads N  setDTthreads(N) for fread (default: 2, the threads of reelscope's loader)
  --ml100k DIR     MovieLens 100K directory (default: \$ML100K; without it
                   the ml-100k size is skipped)
  --runs N         hyperfine runs per command (default: 10 up to 2 M rows, 3 above)
  --warmup N       hyperfine warm-up runs (default: 1; also puts the file in the page cache)
  --jobs N         generator processes (default: all CPUs)
  -h, --help       this help
EOF
}

die() { echo "load.sh: $*" >&2; exit 2; }
note() { echo "load.sh: $*" >&2; }

default_sizes=ml-100k,100k,1m,kuairec
sizes=$default_sizes
cache=${RS_BENCH_CACHE:-/tmp/reelscope-bench}
out=
rs=${REELSCOPE:-}
py=/usr/bin/python3
rscript=/usr/bin/Rscript
fthreads=2
ml100k=${ML100K:-}
runs=
warmup=1
jobs=$(nproc 2>/dev/null || echo 1)

while [ $# -gt 0 ]; do
	case $1 in
	--sizes|--cache|--out|--reelscope|--python|--rscript|--fread-threads|--ml100k|--runs|--warmup|--jobs)
		[ $# -ge 2 ] || die "$1 needs a value (see --help)"
		opt=${1#--}; val=$2; shift 2
		case $opt in
		sizes) sizes=$val ;; cache) cache=$val ;; out) out=$val ;;
		reelscope) rs=$val ;; python) py=$val ;; ml100k) ml100k=$val ;;
		rscript) rscript=$val ;; fread-threads) fthreads=$val ;;
		runs) runs=$val ;; warmup) warmup=$val ;; jobs) jobs=$val ;;
		esac ;;
	--sizes=*|--cache=*|--out=*|--reelscope=*|--python=*|--rscript=*|--fread-threads=*|--ml100k=*|--runs=*|--warmup=*|--jobs=*)
		opt=${1%%=*}; set -- "$opt" "${1#*=}" "${@:2}" ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; die "unknown argument: $1" ;;
	esac
done

isnum() { case $1 in ''|*[!0-9]*) return 1 ;; esac; }
[ -z "$runs" ] || { isnum "$runs" && [ "$runs" -ge 1 ]; } || die "--runs must be a whole number >= 1, not '$runs'"
isnum "$warmup" || die "--warmup must be a whole number, not '$warmup'"
{ isnum "$jobs" && [ "$jobs" -ge 1 ]; } || die "--jobs must be a whole number >= 1, not '$jobs'"
{ isnum "$fthreads" && [ "$fthreads" -ge 1 ]; } || die "--fread-threads must be a whole number >= 1, not '$fthreads'"

# --- tools -------------------------------------------------------------------
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
[ -x "$py" ] || die "python '$py' not found"
"$py" -c 'import pandas' 2>/dev/null || die "$py cannot import pandas (Debian: apt-get install python3-pandas)"
[ -x "$rscript" ] || die "Rscript '$rscript' not found (Debian: apt-get install r-cran-data.table)"
"$rscript" -e 'library(data.table)' >/dev/null 2>&1 || die "$rscript cannot load data.table (Debian: apt-get install r-cran-data.table)"

# --- cache and result dirs ---------------------------------------------------
cache=$(realpath -m -- "$cache")
inrepo() {
	case $1/ in "$repo"/*|"$(cd "$repo" && pwd -P)"/*) return 0 ;; esac
	return 1
}
inrepo "$cache" && die "cache dir '$cache' is inside the repository; generated data must live elsewhere (--cache DIR)"
mkdir -p "$cache" || die "cannot create cache dir '$cache'"
cache=$(cd "$cache" && pwd -P)
inrepo "$cache" && die "cache dir '$cache' is inside the repository; generated data must live elsewhere (--cache DIR)"
[ -n "$out" ] || out=$cache/results-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out" || die "cannot create result dir '$out'"
out=$(cd "$out" && pwd -P)
# paths go inside reelscope and python command strings: keep them plain
plain() { case $1 in *[!A-Za-z0-9._/+-]*) return 1 ;; esac; }
plain "$cache" || die "cache path '$cache' has characters other than letters, digits and ._/+-; pick another --cache"

# --- machine -----------------------------------------------------------------
machine() {
	echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "cpu:         $(nproc) CPUs, model name: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sort -u | paste -sd';')"
	echo "             $(sed -n 's/^cpu MHz[[:space:]]*: //p' /proc/cpuinfo | head -1) MHz, cache $(sed -n 's/^cache size[[:space:]]*: //p' /proc/cpuinfo | head -1), virtualization: $(systemd-detect-virt 2>/dev/null || echo unknown)"
	echo "memory:      $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	echo "os:          $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
	echo "compiler:    $(${CC:-cc} --version 2>/dev/null | head -1)"
	echo "reelscope:   $("$rs" --version 2>&1 | head -1) ($rs)"
	local mk; mk=$(dirname "$rs")/Makefile
	[ -f "$mk" ] && echo "  CFLAGS:    $(sed -n 's/^CFLAGS = //p' "$mk")"
	echo "python:      $("$py" -c 'import sys, pandas, numpy; print(sys.version.split()[0], "pandas", pandas.__version__, "numpy", numpy.__version__)')"
	echo "R:           $("$rscript" -e 'cat(R.version.string, "data.table", as.character(packageVersion("data.table")), "\n")' 2>/dev/null) ($rscript), fread threads $fthreads"
	echo "hyperfine:   $(hyperfine --version)"
	if command -v dpkg-query >/dev/null; then
		echo "libraries:   $(dpkg-query -W -f '${Package} ${Version}\n' libcsv3 zlib1g libopenblas0-pthread libncursesw6 libreadline8 2>/dev/null | paste -sd';' | sed 's/;/; /g')"
	fi
}
machine | tee "$out/machine.txt"
echo

# --- data sets -----------------------------------------------------------------
# rows for a size token (kuairec, N, Nk, Nm with decimals), or nothing when invalid
rows_of() {
	case $1 in
	kuairec) echo 12530806 ;;
	*) awk -v s="$1" 'BEGIN {
		if (s !~ /^[0-9]+(\.[0-9]+)?[kKmM]?$/) exit
		m = 1; u = substr(s, length(s))
		if (u == "k" || u == "K") { m = 1e3; s = substr(s, 1, length(s) - 1) }
		else if (u == "m" || u == "M") { m = 1e6; s = substr(s, 1, length(s) - 1) }
		n = s * m; if (n >= 1 && n == int(n)) printf "%d\n", n }' ;;
	esac
}

gen=$here/make_interactions.py
[ -f "$gen" ] || die "$gen is missing"
genver=$(cksum < "$gen" | cut -d' ' -f1)

# make (or reuse) the generated CSV of $1 rows; prints its path
generated() {
	local n=$1 f=$cache/kuairec-$1-g$genver.csv
	if [ ! -s "$f" ]; then
		local need=$(( n * 95 / 1024 / 1024 + 16 ))
		local have; have=$(df -Pm "$cache" | awk 'NR == 2 {print $4}')
		[ "$have" -ge "$need" ] || die "$cache has $have MB free; the $n-row CSV needs about $need MB (--cache DIR)"
		note "generating $n rows into $f ($jobs jobs)..."
		local t0=$SECONDS
		"$py" "$gen" --jobs "$jobs" "$n" "$f.tmp.$$" || { rm -f "$f.tmp.$$"; die "make_interactions.py failed for $n rows"; }
		mv "$f.tmp.$$" "$f"
		note "generated in $((SECONDS - t0)) s"
	fi
	echo "$f"
}

# Other work on the machine: the loader runs two threads, so on a 2-CPU machine
# anything else running slows it more than single-threaded pandas. A snapshot
# is: wall clock, busy CPU seconds of the whole machine (/proc/stat), CPU
# seconds of this script's finished children (bash `times`).
# Sets $snap; not to be called in a subshell, which has its own `times`.
cpu_snapshot() {
	times > "$out/.times"
	snap=$(awk -v hz="$(getconf CLK_TCK)" -v now="$(date +%s.%N)" '
	function secs(s,  a) { split(s, a, /[ms]/); return a[1] * 60 + a[2] }
	FILENAME != "/proc/stat" && FNR == 2 { kids = secs($1) + secs($2) }
	FILENAME == "/proc/stat" && /^cpu / { busy = ($2 + $3 + $4 + $7 + $8 + $9) / hz }
	END { print now, busy, kids }' "$out/.times" /proc/stat)
	rm -f "$out/.times"
}
# average CPUs used by other processes between two snapshots
others_cpus() {
	echo "$1 $2" | awk '{ o = ($5 - $2) - ($6 - $3); if (o < 0) o = 0; printf "%.2f\n", o / ($4 - $1) }'
}

# --- per data set --------------------------------------------------------------
# how a command run under time -v ended
ended() {
	local sig; sig=$(sed -n 's/^[[:space:]]*Command terminated by signal //p' "$1")
	[ -z "$sig" ] || { echo "killed by signal $sig"; return; }
	echo "exit status $(sed -n 's/^[[:space:]]*Exit status: //p' "$1")"
}

: > "$out/sets.tsv"
failed=0
IFS=, read -r -a toks <<< "$sizes"
[ ${#toks[@]} -gt 0 ] || die "--sizes is empty"
for tok in "${toks[@]}"; do
	case $tok in
	ml-100k|ml100k)
		name=ml-100k
		file=$ml100k/u.data
		if [ ! -r "$file" ]; then
			note "ml-100k: $file not found; skipped (--ml100k DIR to point at MovieLens 100K)"
			printf '%s\tmissing\t%s\n' "$name" "$file" >> "$out/sets.tsv"
			continue
		fi
		plain "$file" || die "ml-100k path '$file' has characters other than letters, digits and ._/+-"
		# the log alone, as pandas reads it: plain TSV without header (a bare
		# `load u.data` would also join u.item and u.user)
		rsopt=" format=csv delim=tab header=no"
		pdopt=", sep='\\t', header=None"
		fropt=", sep='\\t', header=FALSE"
		;;
	*)
		n=$(rows_of "$tok")
		[ -n "$n" ] || die "bad size '$tok' (ml-100k, kuairec, N, Nk or Nm)"
		name=$tok
		file=$(generated "$n")
		rsopt=
		pdopt=
		fropt=
		;;
	esac
	rows=$(( $(wc -l < "$file") ))
	[ "$name" = ml-100k ] || rows=$((rows - 1))
	r=$runs
	[ -n "$r" ] || { [ "$rows" -le 2000000 ] && r=10 || r=3; }
	k=$r; [ "$k" -le 5 ] || k=5
	rscmd="$rs -c 'load $file$rsopt'"
	pdread="pd.read_csv('$file'$pdopt)"
	pdcmd="$py -c \"import pandas as pd; $pdread\""
	frread="fread('$file'$fropt)"
	frpre="suppressMessages(library(data.table)); setDTthreads($fthreads)"
	frcmd="$rscript -e \"$frpre; invisible($frread)\""
	cpu_snapshot; snap0=$snap
	echo "== $name: $file ($rows rows, $(( $(stat -c %s "$file") / 1048576 )) MB)"
	echo "   reelscope: $rscmd"
	echo "   fread:     $frcmd"
	echo "   pandas:    $pdcmd"

	# peak memory and dataset size: one run of each
	status=ok
	/usr/bin/time -v -o "$out/$name.rs.time" "$rs" --json -c "load $file$rsopt" \
	    > "$out/$name.rs.json" 2> "$out/$name.rs.err" || status="reelscope failed: $(ended "$out/$name.rs.time")"
	if [ "$status" != ok ]; then
		note "$name: $status"; sed 's/^/    /' "$out/$name.rs.json" "$out/$name.rs.err" >&2
		printf '%s\tfailed\t%s\t%s\n' "$name" "$file" "$status" >> "$out/sets.tsv"
		failed=1
		continue
	fi
	/usr/bin/time -v -o "$out/$name.pd.time" "$py" -c "import json, pandas as pd
df = $pdread
print(json.dumps({'rows': len(df), 'columns': df.shape[1], 'bytes': int(df.memory_usage(deep=True).sum())}))" \
	    > "$out/$name.pd.json" 2> "$out/$name.pd.err" || die "pandas failed on $file ($(ended "$out/$name.pd.time")); see $out/$name.pd.err"
	/usr/bin/time -v -o "$out/$name.fr.time" "$rscript" -e "$frpre; dt <- $frread
cat(sprintf('{\"rows\": %d, \"columns\": %d, \"bytes\": %.0f, \"threads\": %d, \"types\": \"%s\"}\n', nrow(dt), ncol(dt), as.numeric(object.size(dt)), getDTthreads(), paste(sapply(dt, function(c) class(c)[1]), collapse=' ')))" \
	    > "$out/$name.fr.json" 2> "$out/$name.fr.err" || die "fread failed on $file ($(ended "$out/$name.fr.time")); see $out/$name.fr.err"

	# in-process load time, best of k, without process start and imports
	"$rs" --json -c "$(for i in $(seq "$k"); do printf 'load %s%s;' "$file" "$rsopt"; done)" \
	    > "$out/$name.rs.inproc.json" 2>/dev/null || die "reelscope failed on repeated loads of $file"
	"$py" -c "import json, time, pandas as pd
t = []
for i in range($k):
    t0 = time.perf_counter(); $pdread; t.append(time.perf_counter() - t0)
print(json.dumps({'seconds': t}))" > "$out/$name.pd.inproc.json" || die "pandas failed on repeated reads of $file"
	"$rscript" -e "$frpre; t <- sapply(seq_len($k), function(i) system.time($frread)[['elapsed']])
cat(sprintf('{\"seconds\": [%s]}\n', paste(sprintf('%.4f', t), collapse=', ')))" \
	    > "$out/$name.fr.inproc.json" || die "fread failed on repeated reads of $file"

	# whole commands side by side
	hyperfine -N --warmup "$warmup" --runs "$r" --export-json "$out/$name.hyperfine.json" \
	    -n reelscope "$rscmd" -n fread "$frcmd" -n pandas "$pdcmd" || die "hyperfine failed on $file"
	cpu_snapshot
	printf '%s\tok\t%s\t%s\t%s\t%s\n' "$name" "$file" "$rows" "$r" \
	    "$(others_cpus "$snap0" "$snap")" >> "$out/sets.tsv"
	echo
done

# --- tables --------------------------------------------------------------------------
"$py" - "$out" <<'EOF' | tee "$out/results.txt"
import json, os, re, sys

out = sys.argv[1]

def load(name):
    with open(os.path.join(out, name)) as f:
        return json.load(f)

def jsonl(name):
    with open(os.path.join(out, name)) as f:
        return [json.loads(l) for l in f if l.startswith("{")]

def peak_mb(name):
    text = open(os.path.join(out, name)).read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024

speed, vsfr, mem, notes = [], [], [], []
for line in open(os.path.join(out, "sets.tsv")):
    f = line.rstrip("\n").split("\t")
    name, state, path = f[0], f[1], f[2]
    if state == "missing":
        notes.append(f"{name}: not run, {path} not found")
        continue
    if state == "failed":
        notes.append(f"{name}: {f[3]} on {path}")
        continue
    rows, runs, others = int(f[3]), int(f[4]), f[5]
    mb = os.path.getsize(path) / 2**20
    hf = {r["command"]: r for r in load(f"{name}.hyperfine.json")["results"]}
    r, p, fr = hf["reelscope"], hf["pandas"], hf["fread"]
    ratio = p["mean"] / r["mean"]
    rs_in = min(j["seconds"] for j in jsonl(f"{name}.rs.inproc.json") if j.get("ok"))
    pd_in = min(load(f"{name}.pd.inproc.json")["seconds"])
    fr_in = min(load(f"{name}.fr.inproc.json")["seconds"])
    rcpu, fcpu = r["user"] + r["system"], fr["user"] + fr["system"]
    vsfr.append((name, f"{rows:,}", f"{r['mean']:.3f} ± {r['stddev']:.3f}",
                 f"{fr['mean']:.3f} ± {fr['stddev']:.3f}", f"{fr['mean'] / r['mean']:.2f}x",
                 f"{rcpu:.2f}", f"{fcpu:.2f}", f"{fcpu / rcpu:.2f}x",
                 "yes" if fr["mean"] >= r["mean"] and fcpu >= rcpu else "NO",
                 f"{rs_in:.3f}", f"{fr_in:.3f}", f"{fr_in / rs_in:.2f}x"))
    speed.append((name, f"{rows:,}", f"{mb:.0f}", f"{r['mean']:.3f} ± {r['stddev']:.3f}",
                  f"{p['mean']:.3f} ± {p['stddev']:.3f}", f"{ratio:.1f}x",
                  "yes" if ratio >= 3 else "NO",
                  f"{r['user'] + r['system']:.2f}", f"{p['user'] + p['system']:.2f}",
                  str(runs), others,
                  f"{rs_in:.3f}", f"{pd_in:.3f}", f"{pd_in / rs_in:.1f}x"))
    rj = jsonl(f"{name}.rs.json")[0]
    pj = load(f"{name}.pd.json")
    fj = load(f"{name}.fr.json")
    if rj["interactions"] != rows or pj["rows"] != rows or fj["rows"] != rows:
        notes.append(f"{name}: ROW COUNTS DIFFER: file {rows}, reelscope {rj['interactions']}, "
                     f"pandas {pj['rows']}, fread {fj['rows']}")
    notes.append(f"{name}: fread column types: {fj['types']} ({fj['threads']} threads)")
    rr, pr = peak_mb(f"{name}.rs.time"), peak_mb(f"{name}.pd.time")
    fm = peak_mb(f"{name}.fr.time")
    bpi = rj["bytes"] / rj["interactions"]
    mem.append((name, f"{rows:,}", f"{rr:.0f}", f"{fm:.0f}", f"{pr:.0f}", f"{fm / rr:.1f}x",
                f"{pr / rr:.1f}x", f"{bpi:.1f}", "yes" if bpi < 40 else "NO",
                f"{fj['bytes'] / fj['rows']:.1f}", f"{pj['bytes'] / pj['rows']:.1f}",
                f"{rr * 2**20 / rows:.1f}"))

def table(title, head, body):
    w = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    print(title)
    print("| " + " | ".join(h.ljust(w[i]) for i, h in enumerate(head)) + " |")
    print("|" + "|".join("-" * (x + 2) for x in w) + "|")
    for b in body:
        print("| " + " | ".join(c.ljust(w[0]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(b)) + " |")
    print()

if speed:
    table("Load time (hyperfine, whole commands, mean ± sd of wall seconds; cpu = user + system;\n"
          "others = CPUs busy with other processes, on average, while this set ran; in-process = best single load inside the process)",
          ("data", "rows", "MB", "reelscope s", "pandas s", "pandas/reelscope", ">= 3x",
           "rs cpu s", "pd cpu s", "runs", "others", "in-proc rs s", "in-proc pd s", "in-proc ratio"), speed)
    table("Against fread (same hyperfine run; fread/rs > 1 means reelscope is faster; "
          "'>= fread' needs both wall and CPU)",
          ("data", "rows", "reelscope s", "fread s", "fread/rs wall", "rs cpu s", "fread cpu s",
           "fread/rs cpu", ">= fread", "in-proc rs s", "in-proc fread s", "in-proc ratio"), vsfr)
    table("Memory (peak RSS from /usr/bin/time -v; dataset bytes from reelscope --json, "
          "fread's object.size, DataFrame bytes from memory_usage(deep=True))",
          ("data", "rows", "rs peak MB", "fread peak MB", "pandas peak MB", "fread/rs", "pandas/rs",
           "rs B/interaction", "< 40 B", "fread B/row", "pandas B/row", "rs peak B/row"), mem)
if any(float(row[10]) >= 0.2 for row in speed):
    notes.append("other processes kept the CPUs busy during some sets (column others): "
                 "reelscope's 2-thread loader suffers more from that than pandas")
for n in notes:
    print("note: " + n)
print(f"raw results: {out}")
EOF
[ "$failed" = 0 ] || { note "reelscope failed on some data sets (see the notes above)"; exit 1; }
