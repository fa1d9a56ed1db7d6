#!/bin/sh
# lr and fm (issue 19): lr against LIBLINEAR (train -s 0, L2-regularised
# logistic regression, Debian package liblinear-tools) on the same hashed
# features, target: test log loss within 0.001; fm against lr on is_like
# (auc, log loss); lr's and fm's training time on ~1 M rows x 20 features.
#
# usage: bench/ctr.sh [BUILD_DIR]
#   BUILD_DIR   a configured build tree (default: _build); bench/ctr-bench is
#               built there on demand
# Environment: WORLD=DIR a generated world (default: one written once to
# $CACHE/world, users=2500 videos=3000 creators=300 events=400 seed=1,
# ~1.07 M log rows, 0.86 M in the training part); CACHE (default
# /tmp/reelscope-bench/ctr); L2 (default 1e-4).
#
# Every run splits random test=0.2 seed=1 (fm vs lr: valid=0.1 as well, for
# early stopping on validation log loss). lr's objective is
#   sum_r logloss_r + (l2 * n / 2) ||w||^2   (the bias unpenalised)
# so LIBLINEAR's C = 1 / (l2 * n) with -B 1 (its bias is penalised: a small
# difference), -e 0.0001. The LIBLINEAR files are bench/ctr-bench's
# hashed one-hot rows (bucket + 1 : count), so both fit the same design.
# The 20 features: the 6 built-ins (user, item, creator, category,
# duration, hour) and 14 user-table columns.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
: "${CACHE:=/tmp/reelscope-bench/ctr}" "${L2:=1e-4}"
case $CACHE in "$top"/*) echo "ctr.sh: CACHE must be outside the repository" >&2; exit 1 ;; esac
command -v liblinear-train >/dev/null || { echo "ctr.sh: liblinear-train missing (tools/install-deps.sh --bench)" >&2; exit 1; }

make -C "$build" reelscope bench/ctr-bench >/dev/null
bin=$build/bench/ctr-bench
mkdir -p "$CACHE"
if [ -z "${WORLD:-}" ]; then
	WORLD=$CACHE/world
	[ -f "$WORLD/manifest.json" ] ||
		"$build/reelscope" -c "generate $WORLD users=2500 videos=3000 creators=300 events=400 seed=1 --force" >/dev/null
fi
echo "# $(uname -srm), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# reelscope $(git -C "$top" rev-parse --short HEAD), $(liblinear-train 2>&1 | head -1 | sed 's/^Usage.*//')liblinear $(dpkg-query -W -f='${Version}' liblinear-tools 2>/dev/null)"

f20=user,item,creator,category,duration,hour,user_active_degree,is_lowactive_period,is_live_streamer,is_video_author,follow_user_num_range,fans_user_num_range,friend_user_num_range,register_days_range,onehot_feat0,onehot_feat1,onehot_feat2,onehot_feat3,onehot_feat4,onehot_feat5

# test log loss of LIBLINEAR's probabilities (predict -b 1) against labels
logloss() {
	python3 - "$1" "$2" <<'PY'
import math, sys
labels = [int(l.split(None, 1)[0]) for l in open(sys.argv[1])]
out = open(sys.argv[2]).read().split("\n")
cols = out[0].split()[1:]
i1 = cols.index("1")
ll = 0.0
for y, line in zip(labels, out[1:]):
    p = min(max(float(line.split()[1 + i1]), 1e-15), 1 - 1e-15)
    ll -= math.log(p) if y == 1 else math.log(1 - p)
print("%.5f" % (ll / len(labels)))
PY
}

# lr against LIBLINEAR on target $1 with features $2 (epochs = cd sweeps)
versus() {
	line=$("$bin" "$WORLD" lr "$CACHE/ll" target="$1" features="$2" l2="$L2" epochs=100)
	echo "reelscope $line"
	n=$(echo "$line" | sed 's/.* rows=\([0-9]*\) .*/\1/')
	c=$(python3 -c "print(1 / ($L2 * $n))")
	t0=$(date +%s.%N)
	liblinear-train -q -s 0 -c "$c" -B 1 -e 0.0001 "$CACHE/ll.train.svm" "$CACHE/ll.model"
	t1=$(date +%s.%N)
	liblinear-predict -q -b 1 "$CACHE/ll.test.svm" "$CACHE/ll.model" "$CACHE/ll.out" >/dev/null
	ours=$(echo "$line" | sed 's/.* logloss=\([0-9.]*\) .*/\1/')
	theirs=$(logloss "$CACHE/ll.test.svm" "$CACHE/ll.out")
	echo "liblinear target=$1 C=$c train_seconds=$(python3 -c "print(round($t1 - $t0, 3))") logloss=$theirs difference=$(python3 -c "print('%.5f' % abs($ours - $theirs))") (target <= 0.001)"
}

echo "## lr against LIBLINEAR (test log loss)"
versus is_like ""
versus "watch_ratio>=2" ""
versus is_like "$f20"

echo "## fm against lr on is_like (valid=0.1, early stopping on validation log loss)"
VALID=1 "$bin" "$WORLD" lr - target=is_like
VALID=1 "$bin" "$WORLD" fm - target=is_like
VALID=1 "$bin" "$WORLD" fm - target=is_like "features=user,item,creator,category,duration,hour,user*category"

echo "## training time, 20 features"
"$bin" "$WORLD" lr - target=is_like features="$f20" epochs=10
"$bin" "$WORLD" lr - target=is_like features="$f20" epochs=10 opt=adam
"$bin" "$WORLD" fm - target=is_like features="$f20" epochs=5
