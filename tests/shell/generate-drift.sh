#!/bin/sh
# generate drift=RATE (issue 17): drift=0 writes the very bytes a world
# without the option has, and with drift each user's events move from the
# favourite category truth/drift.csv names (from_category) to the one it
# names (to_category): over the first days the from category holds a larger
# share of those events than the to category, over the last days a smaller.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || fail "python3 is not installed (tools/install-deps.sh)"
cd "$SCRATCH" || exit 1
run_rs --no-progress -c "generate a users=80 videos=160 days=6 events=20 seed=3 truth=yes;
	generate b users=80 videos=160 days=6 events=20 seed=3 truth=yes drift=0;
	generate c users=300 videos=600 days=20 events=80 seed=5 truth=yes drift=0.1 --clean" \
	> out 2>&1 || fail "generate failed: $(cat out)"
diff -r a b > diff.out || fail "drift=0 changed the world: $(head -20 diff.out)"
[ -f a/truth/drift.csv ] && fail "a world without drift has truth/drift.csv"
head -1 c/truth/drift.csv | grep -qx 'user_id,from_category,to_category,rate,gap,full_day' ||
	fail "truth/drift.csv header: $(head -1 c/truth/drift.csv)"
[ "$(wc -l < c/truth/drift.csv)" -eq 301 ] || fail "truth/drift.csv: not one row per user"
grep -q '"drift": 0.1,' c/manifest.json || fail "manifest.json does not record drift"
python3 - <<'PY' > shares || fail "checking the drift failed: $(cat shares)"
import csv
move = {r['user_id']: (r['from_category'], r['to_category'])
        for r in csv.DictReader(open('c/truth/drift.csv'))}
cat = {r['video_id']: r['category'] for r in csv.DictReader(open('c/truth/videos.csv'))}
start = min(float(r['timestamp']) for r in csv.DictReader(open('c/big_matrix.csv')))
n = {'early': [0, 0, 0], 'late': [0, 0, 0]}
for r in csv.DictReader(open('c/big_matrix.csv')):
    f, t = move[r['user_id']]
    day = (float(r['timestamp']) - start) / 86400
    part = 'early' if day < 5 else 'late' if day >= 12 else None
    if part:
        c = cat[r['video_id']]
        n[part][0] += 1
        n[part][1] += c == f
        n[part][2] += c == t
for part in ('early', 'late'):
    a, f, t = n[part]
    print(part, a, f / a, t / a)
PY
echo "events, share of the from category, share of the to category:"
cat shares
awk '$1 == "early" { ef = $3; et = $4 } $1 == "late" { lf = $3; lt = $4 }
	END { exit !(ef > 2 * et && lt > 2 * lf) }' shares ||
	fail "the shares did not move from the from category to the to category"
exit 0
