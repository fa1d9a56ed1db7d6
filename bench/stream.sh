#!/bin/bash
# Stream benchmark (issue 17): the prequential replay's speed and what the
# update strategies are worth.
#
#   1. speed: a KuaiRec-sized generated world (bench/generate.sh's kuairec
#      parameters; about 13 M sparse-log rows once clean invalid drops the
#      impossible times) replayed in daily windows with incremental pop, then
#      with incremental itemknn (its update hook comes with the update-hooks
#      branch: until then that run fails and says so). Target: the replay
#      (stream's own seconds) under 60 s on 2 cores.
#   2. a drifting generated world (drift=0.05: each user's taste moves a
#      twentieth of the way per day) and 3. MovieLens 100K by timestamp
#      (weekly windows): static, incremental and retrain side by side on
#      prequential ndcg@10, with the learning cost per event.
#
# Prints one line per run: world, model, strategy, windows, events, scored
# window-users, ndcg@10, recall@10, hit@10, coverage, new-item exposure,
# learning microseconds per event, and the replay's wall seconds.
#
# usage: bench/stream.sh [--reelscope PATH] [--cache DIR] [--ml100k PATH]
#                        [--skip speed,drift,ml]
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
rs=$repo/_build/reelscope
cache=${RS_BENCH_CACHE:-/tmp/reelscope-bench}/stream
ml=${ML100K:-/work/shared/datasets/ml-100k/u.data}
skip=

while [ $# -gt 0 ]; do
	case $1 in
	--reelscope) rs=$2; shift 2 ;;
	--cache) cache=$2; shift 2 ;;
	--ml100k) ml=$2; shift 2 ;;
	--skip) skip=$2; shift 2 ;;
	-h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "bench/stream.sh: unknown option $1 (--help)" >&2; exit 2 ;;
	esac
done
command -v python3 >/dev/null || { echo "bench/stream.sh: needs python3" >&2; exit 2; }
mkdir -p "$cache"
echo "# $(date -u '+%F %T') reelscope $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')," \
	"$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Run reelscope on a script (--json) and print a line per strategy of each
# stream result in it.
report() {
	local world=$1 script=$2 out
	out=$cache/$world.json
	if ! "$rs" --json --no-progress --keep-going -c "$script" > "$out" 2>&1; then
		:	# a failing run (e.g. no update hook yet) is reported below
	fi
	WORLD=$world python3 - "$out" <<'PY'
import json, os, sys
for line in open(sys.argv[1]):
    try:
        d = json.loads(line)
    except ValueError:
        continue
    if d.get("command") != "stream":
        continue
    if not d.get("ok"):
        print(f"{os.environ['WORLD']:8} FAILED: {d.get('error')}")
        continue
    for upd, s in d["prequential"].items():
        f = lambda k: "-" if s.get(k) is None else f"{s[k]:.4f}"
        print(f"{os.environ['WORLD']:8} {d['name']:10} {d['model']:8} {upd:11} "
              f"{len(d['windows']):4} {d['events']:>10,} {s['scored']:>8,} "
              f"{f('ndcg@10')} {f('recall@10')} {f('hit@10')} {f('coverage')} "
              f"{f('new_exposure')} {s['update_us']:9.3f} {d['seconds']:8.2f}")
PY
}

echo "# world    name       model    strategy     win     events   scored ndcg@10 recall  hit    cover  new    us/event  seconds"

if [[ ,$skip, != *,speed,* ]]; then
	w=$cache/kuairec
	if [ ! -f "$w/manifest.json" ]; then
		"$rs" --no-progress -c "generate $w users=7176 videos=10728 creators=1500 events=1746 --force" > /dev/null
	fi
	report kuairec "load $w --skip-bad; clean invalid;
		stream pop model=pop window=1d update=incremental;
		stream knn model=itemknn window=1d update=incremental"
fi

if [[ ,$skip, != *,drift,* ]]; then
	w=$cache/drift
	if [ ! -f "$w/manifest.json" ]; then
		"$rs" --no-progress -c "generate $w users=2000 videos=3000 creators=300 events=150 days=30 drift=0.05 truth=yes seed=7 --clean --force" > /dev/null
	fi
	report drift "load $w;
		stream pop model=pop window=1d update=static,incremental,retrain;
		stream pop-hl3 model=pop half_life=3 window=1d update=incremental;
		stream knn model=itemknn window=1d update=static,retrain;
		stream knn-inc model=itemknn window=1d update=incremental;
		stream ease model=ease window=1d update=static,retrain"
fi

if [[ ,$skip, != *,ml,* ]]; then
	if [ -f "$ml" ]; then
		report ml100k "load $ml;
			stream pop model=pop window=7d update=static,incremental,retrain;
			stream pop-hl14 model=pop half_life=14 window=7d update=incremental;
			stream knn model=itemknn window=7d update=static,retrain;
			stream knn-inc model=itemknn window=7d update=incremental;
			stream ease model=ease window=7d update=static,retrain"
	else
		echo "ml100k   skipped: no $ml (--ml100k PATH)"
	fi
fi
