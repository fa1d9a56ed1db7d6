#!/usr/bin/env python3
"""Recompute reelscope's exposure audit of MovieLens fold u1 independently with numpy.

usage: bench/fair-check.py REELSCOPE ML100K_DIR WORKDIR

reelscope loads u1.base (u.item makes the catalogue 1,682 items), splits with
u1.test, trains pop and ease (lambda=500), writes each test user's top-10 list
(eval lists=) and audits both with items as units, uniform weights, k=10
(audit --json). This script then:

1. builds the same lists itself: items indexed in order of first appearance in
   u1.base, then u.item (the loader's order, so ties break the same way: lower
   index first); every rating of u1.base is a positive; pop scores = training
   rows per item; EASE (Steck 2019) in float64: G = X'X + 500 I, P = G^-1,
   B = -P / diag(P), diag(B) = 0, scores = X B; each test user ranks every item
   it has no training row for; top 10;
2. counts how often each of the 1,682 items is listed and computes the Gini
   sum_i (2i - n - 1) x_i / (n sum x) over items sorted ascending (and the
   n - 1 normalisation, Shannon entropy in bits, item coverage = listed items
   with training rows / items with training rows);
3. compares with reelscope's audit: the figures from numpy's own lists
   (pop must agree to 1e-12; ease's float32 scores may swap near-ties, so its
   lists are compared and the Gini difference reported), and the same figures
   recomputed from reelscope's exported lists (must agree to 1e-12 for both).

The issue quotes MostPopular 0.9905 and EASE lambda=500 0.9451. Exits 1 on a
mismatch.
"""
import csv
import json
import os
import subprocess
import sys

import numpy as np

K = 10
LAMBDA = 500.0
TOL = 1e-12


def read_ml(path):
    with open(path) as f:
        return [tuple(line.split("\t")[:2]) for line in f]


def gini(x, n1=False):
    s = np.sort(np.asarray(x, dtype=np.float64))
    n = len(s)
    i = np.arange(1, n + 1)
    tot = s.sum()
    if n < 2 or tot <= 0:
        return 0.0
    return float(((2 * i - n - 1) * s).sum() / ((n - 1 if n1 else n) * tot))


def entropy(x):
    p = np.asarray(x, dtype=np.float64)
    p = p[p > 0] / p.sum()
    return float(-(p * np.log2(p)).sum())


def top_k(scores, seen):
    """Indices of the K best unseen items, ties by lower index (stable sort)."""
    s = scores.copy()
    s[seen] = -np.inf
    order = np.argsort(-s, kind="stable")
    return order[:K]


def figures(lists, nitems, pop):
    counts = np.zeros(nitems)
    for lst in lists.values():
        for i in lst:
            counts[i] += 1
    listed = counts > 0
    trained = pop > 0
    return {
        "gini": gini(counts),
        "gini_n1": gini(counts, True),
        "entropy": entropy(counts),
        "item_coverage": float((listed & trained).sum() / trained.sum()),
    }


def main():
    rs, ml, work = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(work, exist_ok=True)
    base, test = read_ml(ml + "/u1.base"), read_ml(ml + "/u1.test")
    with open(ml + "/u.item", encoding="latin-1") as f:
        catalogue = [line.split("|")[0] for line in f]
    iid, uid = {}, {}
    for _u, i in base:
        iid.setdefault(i, len(iid))
    for i in catalogue:
        iid.setdefault(i, len(iid))
    for u, _i in base + test:
        uid.setdefault(u, len(uid))
    ni, nu = len(iid), len(uid)
    X = np.zeros((nu, ni))
    for u, i in base:
        X[uid[u], iid[i]] = 1.0
    pop = X.sum(axis=0)
    test_users = sorted({uid[u] for u, _i in test})

    # reelscope: lists and audit
    cmds = (f"load {ml}/u1.base; split files test={ml}/u1.test; "
            f"train pop model=pop; train ease model=ease lambda={LAMBDA:g}; "
            f"eval pop k={K} lists={work}/pop.csv; eval ease k={K} lists={work}/ease.csv; "
            f"audit pop ease k={K} items=yes exposure=uniform")
    out = subprocess.run([rs, "--json", "--no-progress", "-c", cmds], check=True,
                         capture_output=True, text=True).stdout
    audit = [json.loads(line) for line in out.splitlines()][-1]
    rsfig = {a["model"]: a for a in audit["audits"]}

    # numpy's own lists
    own = {}
    own["pop"] = {u: top_k(pop, X[u] > 0) for u in test_users}
    G = X.T @ X + LAMBDA * np.eye(ni)
    P = np.linalg.inv(G)
    B = -P / np.diag(P)
    np.fill_diagonal(B, 0.0)
    S = X @ B
    own["ease"] = {u: top_k(S[u], X[u] > 0) for u in test_users}

    # reelscope's exported lists
    exported = {}
    for m in ("pop", "ease"):
        lists = {}
        with open(f"{work}/{m}.csv") as f:
            for row in csv.DictReader(f):
                lists.setdefault(uid[row["user"]], []).append((int(row["rank"]), iid[row["item"]]))
        exported[m] = {u: [i for _r, i in sorted(v)] for u, v in lists.items()}

    bad = False
    print(f"MovieLens u1: {len(test_users)} test users, {ni} items, top-{K}, uniform exposure, items as units")
    print(f"{'model':6} {'figure':14} {'reelscope':>12} {'numpy lists':>12} {'rs lists':>12}")
    for m in ("pop", "ease"):
        mine, theirs = figures(own[m], ni, pop), figures(exported[m], ni, pop)
        same = sum(list(own[m][u]) == exported[m].get(u, []) for u in test_users)
        for key in ("gini", "gini_n1", "entropy", "item_coverage"):
            r = rsfig[m][key]
            print(f"{m:6} {key:14} {r:12.6f} {mine[key]:12.6f} {theirs[key]:12.6f}")
            if abs(r - theirs[key]) > TOL:
                bad = True
                print(f"  MISMATCH: {m} {key} differs from the numpy figure over reelscope's lists")
            if m == "pop" and abs(r - mine[key]) > TOL:
                bad = True
                print(f"  MISMATCH: {m} {key} differs from numpy's own lists")
        print(f"{m:6} identical lists: {same} of {len(test_users)} users; "
              f"|gini - numpy's own| = {abs(rsfig[m]['gini'] - mine['gini']):.2e}")
        if m == "pop" and same != len(test_users):
            bad = True
    quoted = {"pop": 0.9905, "ease": 0.9451}
    for m, q in quoted.items():
        ok = round(rsfig[m]["gini"], 4) == q
        print(f"issue's figure {m}: {q} {'matches' if ok else 'DIFFERS: ' + format(rsfig[m]['gini'], '.6f')}")
        bad |= not ok
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
