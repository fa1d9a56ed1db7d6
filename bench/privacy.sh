#!/bin/sh
# Privacy (issue 20): federated MF beside central mf on MovieLens 100K fold u1
# (RMSE), fedmf's RMSE as the privacy budget epsilon falls (delta 1e-5), and
# the membership attack's AUC and advantage (privacy audit) as epsilon falls,
# on a split that holds out whole users (the attack needs non-members).
#
# usage: bench/privacy.sh [BUILD] [ML100K_DIR]
#   BUILD       a built tree with ./reelscope (default _build)
#   ML100K_DIR  MovieLens 100K (u.data, u1.base, u1.test); default $ML100K
# Environment: FEDMF the fedmf parameters (default below), EPS the epsilons,
# CACHE a folder for the user-holdout files (default /tmp/reelscope-bench/privacy,
# never inside the repository).
set -eu
build=${1:-_build}
data=${2:-${ML100K:-}}
rs=$build/reelscope
[ -x "$rs" ] || { echo "privacy.sh: no reelscope in $build" >&2; exit 1; }
[ -f "$data/u1.base" ] || { echo "privacy.sh: no u1.base in '$data' (give ML100K_DIR or set ML100K)" >&2; exit 1; }
: "${FEDMF:=factors=16 rounds=300 fraction=0.1 lr=0.05 server_lr=0.1 reg=0.08 patience=0}"
: "${EPS:=16 8 4 2 1}"
: "${CACHE:=/tmp/reelscope-bench/privacy}"
mkdir -p "$CACHE"
echo "machine: $(uname -m), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); reelscope $(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "fedmf: $FEDMF"

# rmse NAME-and-params...: train on u1 and print the model's test RMSE
rmse() {
	"$rs" -c "load $data/u1.base; split files test=$data/u1.test; train m $*; eval m" 2>/dev/null |
	    awk '$1 == "rmse" { print $2 }'
}

echo
echo "== RMSE on u1 (u1.base -> u1.test)"
printf '%-28s %s\n' model rmse
printf '%-28s %s\n' "mf (central, defaults)" "$(rmse model=mf)"
printf '%-28s %s\n' "fedmf, no dp" "$(rmse model=fedmf $FEDMF)"
for e in $EPS; do
	printf '%-28s %s\n' "fedmf, epsilon $e" "$(rmse model=fedmf $FEDMF dp_epsilon=$e)"
done

# whole users held out: every fifth user id's rows are the test part
awk -F'\t' -v OFS=, 'BEGIN { print "user,item,rating" > "'"$CACHE"'/train.csv"; print "user,item,rating" > "'"$CACHE"'/test.csv" }
    { print $1, $2, $3 > ($1 % 5 == 0 ? "'"$CACHE"'/test.csv" : "'"$CACHE"'/train.csv") }' "$data/u.data"

audit() {
	"$rs" -c "load $CACHE/train.csv; split files test=$CACHE/test.csv; train m $*; privacy audit m" 2>/dev/null |
	    awk '$1 == "auc" { a = $2 } $1 == "advantage" { v = $2 } $1 == "members" { m = $2 } $1 == "non-members" { n = $2 }
	        END { printf "%s %s  (%s members, %s held out)", a, v, m, n }'
}

echo
echo "== membership attack (privacy audit): every fifth user held out whole"
printf '%-28s %s\n' model "auc advantage"
printf '%-28s %s\n' "mf (central, defaults)" "$(audit model=mf)"
printf '%-28s %s\n' "fedmf, no dp" "$(audit model=fedmf $FEDMF)"
for e in $EPS; do
	printf '%-28s %s\n' "fedmf, epsilon $e" "$(audit model=fedmf $FEDMF dp_epsilon=$e)"
done
