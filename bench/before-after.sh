#!/bin/sh
# Two builds of reelscope side by side in one run (issue 22's constraint:
# a restructuring keeps the bench figures within 5%). For each workload the
# same REPL script runs under both binaries, interleaved by hyperfine, and the
# ratio after/before of the mean wall time is printed with its spread.
#
# usage: bench/before-after.sh BEFORE_BUILD AFTER_BUILD [ML100K_DIR]
#   BEFORE_BUILD, AFTER_BUILD  configured and built trees (each has ./reelscope)
#   ML100K_DIR                 MovieLens 100K (u1.base, u1.test); default $ML100K
# Environment: IR=1 counts the instructions each build executes instead
# (valgrind --tool=callgrind, one run each, OMP/OpenBLAS at one thread): a
# figure a busy machine cannot blur, for telling a code change from noise.
# RUNS hyperfine runs per command (default 5); OUT a folder for the
# hyperfine JSON (default: a temporary folder, removed). On a busy machine,
# OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 keeps spinning BLAS threads from
# swamping the difference between the builds.
# To build a commit:  git worktree add /tmp/before COMMIT && cd /tmp/before &&
#   autoreconf -fi && mkdir _b && cd _b && ../configure && make -j2
set -eu
[ $# -ge 2 ] || { echo "usage: bench/before-after.sh BEFORE_BUILD AFTER_BUILD [ML100K_DIR]" >&2; exit 2; }
before_dir=$1 after_dir=$2
before=$1/reelscope after=$2/reelscope data=${3:-${ML100K:-}}
[ -x "$before" ] && [ -x "$after" ] || { echo "before-after.sh: no reelscope in $1 or $2" >&2; exit 1; }
[ -f "$data/u1.base" ] || { echo "before-after.sh: no u1.base in '$data' (give ML100K_DIR or set ML100K)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "before-after.sh: hyperfine not found (tools/install-deps.sh --bench)" >&2; exit 1; }
: "${RUNS:=5}"
out=${OUT:-$(mktemp -d)}
[ -n "${OUT:-}" ] || trap 'rm -rf "$out"' EXIT
mkdir -p "$out"

u1="load $data/u1.base; split files test=$data/u1.test"
# name|script: the models of models.sh and factors.sh, and eval.sh's full ranking
set -- \
    "load|load $data/u.data" \
    "ease|$u1; train m model=ease lambda=500" \
    "itemknn|$u1; train m model=itemknn binary=yes sim=cosine k=100" \
    "itemknn-rating|$u1; train m model=itemknn sim=pearson_baseline shrink=100 k=40" \
    "userknn|$u1; train m model=userknn binary=yes sim=cosine k=50" \
    "als|$u1; train m model=als" \
    "bpr|$u1; train m model=bpr" \
    "mf|$u1; train m model=mf" \
    "eval|$u1; train m model=pop; eval m k=10; eval m k=100"

echo "# machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs"
echo "# before: $before_dir ($(git -C "$before_dir" rev-parse --short HEAD 2>/dev/null || echo ?))   after: $after_dir ($(git -C "$after_dir" rev-parse --short HEAD 2>/dev/null || echo ?))   runs: $RUNS"
echo "# OMP_NUM_THREADS=${OMP_NUM_THREADS:-(all)} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-(all)}"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${IR:-}" ]; then
	command -v valgrind >/dev/null || { echo "before-after.sh: IR=1 needs valgrind" >&2; exit 1; }
	printf '%-16s %15s %15s %8s\n' workload before_instr after_instr ratio
	for w in "$@"; do
		name=${w%%|*} script=${w#*|}
		for b in before after; do
			eval "bin=\$$b"
			OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 valgrind --tool=callgrind \
			    --callgrind-out-file="$out/$name.$b.cg" "$bin" --no-progress -c "$script" \
			    > /dev/null 2> "$out/$name.$b.log" ||
				{ echo "before-after.sh: $b failed on $name" >&2; exit 1; }
			eval "ir_$b=\$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' \"\$out/\$name.\$b.log\")"
		done
		# shellcheck disable=SC2154
		printf '%-16s %15s %15s %8.4f\n' "$name" "$ir_before" "$ir_after" \
		    "$(echo "$ir_after / $ir_before" | bc -l)"
	done
	exit 0
fi
printf '%-16s %10s %10s %8s\n' workload before_s after_s ratio
for w in "$@"; do
	name=${w%%|*} script=${w#*|}
	hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$out/$name.json" \
	    -n before "$before --no-progress -c '$script'" \
	    -n after "$after --no-progress -c '$script'" >/dev/null 2>&1 ||
		{ echo "before-after.sh: hyperfine failed on $name" >&2; exit 1; }
	python3 - "$out/$name.json" "$name" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
b, a = r["before"], r["after"]
print("%-16s %6.3f±%.3f %6.3f±%.3f %8.3f" % (sys.argv[2], b["mean"], b["stddev"] or 0,
      a["mean"], a["stddev"] or 0, a["mean"] / b["mean"]))
PY
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
