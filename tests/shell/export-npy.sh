#!/bin/sh
# export factors= writes .npy files numpy reads back, equal to the CSV rows
# with their ids, and the vectors observe folded in are the ones written:
# alice's row changes after observing her new event, bob's does not. Without
# numpy (python3-numpy, tools/install-deps.sh) the numpy part is skipped with
# a message and the CSV checks still run.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || fail "python3 is not installed (tools/install-deps.sh)"
run_rs -c 'load data/models/ratings.csv; split random test=0.2 seed=3
train a model=als factors=3 epochs=3 reg=0.5; export a factors=before
observe user=alice item=m5 value=4; observe user=zoe item=fresh value=2; export a factors=after' \
	> "$SCRATCH/out" 2>&1 || { cat "$SCRATCH/out" >&2; fail "reelscope failed"; }
for f in before after; do
	for p in users items; do
		[ -s "$SCRATCH/$f.$p.csv" ] && [ -s "$SCRATCH/$f.$p.npy" ] ||
			fail "$f.$p.csv or .npy missing"
	done
done
head -n 1 "$SCRATCH/after.users.csv" | grep -qx 'id,f0,f1,f2' || fail "users.csv header"
grep -q '^zoe,' "$SCRATCH/after.users.csv" || fail "the new user zoe is not in after.users.csv"
grep -q '^fresh,' "$SCRATCH/after.items.csv" || fail "the new item fresh is not in after.items.csv"
if ! python3 -c 'import numpy' 2>/dev/null; then
	echo "numpy is not installed (python3-numpy): skipping the .npy checks" >&2
	exit 0
fi
cd "$SCRATCH" && python3 - <<'PY' || fail "the .npy files do not match"
import csv, numpy as np
def rows(path):
    with open(path) as f:
        r = list(csv.reader(f))
    return [x[0] for x in r[1:]], np.array([[float(v) for v in x[1:]] for x in r[1:]], dtype=np.float32)
for f in ("before", "after"):
    for p in ("users", "items"):
        a = np.load(f"{f}.{p}.npy")
        ids, c = rows(f"{f}.{p}.csv")
        assert a.dtype == np.dtype("<f4") and a.flags["C_CONTIGUOUS"], (f, p, a.dtype)
        assert a.shape == c.shape, (f, p, a.shape, c.shape)
        assert np.allclose(a, c, rtol=1e-6, atol=1e-9), (f, p)
ub, ua = np.load("before.users.npy"), np.load("after.users.npy")
ib, ia = np.load("before.items.npy"), np.load("after.items.npy")
assert ua.shape == (ub.shape[0] + 1, 3) and ia.shape == (ib.shape[0] + 1, 3)
ids, _ = rows("after.users.csv")
al, bo = ids.index("alice"), ids.index("bob")
assert not np.allclose(ua[al], ub[al]), "alice's vector did not move"
assert np.array_equal(ua[bo], ub[bo]), "bob's vector moved"
assert np.array_equal(ia[:ib.shape[0]], ib), "known items moved"
assert np.abs(ia[-1]).sum() > 0, "the new item has no vector"
PY
