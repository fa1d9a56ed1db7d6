#!/usr/bin/env python3
"""The reference EASE (Steck 2019) in numpy, beside reelscope's ease in models.sh.

usage: bench/ease-ref.py ML100K_DIR [LAMBDA] [REPEAT]

Fits EASE on u1.base (every rating a positive) the way the paper's code does:
G = X'X + lambda*I (float64), P = inv(G), B = -P / diag(P), diag(B) = 0; scores
X B. Items are indexed in order of first appearance in u1.base and then in
u1.test, as reelscope's loader does, so ties (rare with float scores) break the
same way: lower index first. NDCG@10 and P@10 over the test users exactly as
models-bench.c defines them. Prints one line: the best fit wall seconds and the
CPU seconds of that fit (every thread; numpy's BLAS is OpenBLAS through Debian's
alternatives) over REPEAT fits, then ndcg@10 and p@10.
"""
import sys
import time

import numpy as np


def read(path):
    rows = []
    with open(path) as f:
        for line in f:
            u, i, _r, _t = line.split("\t")
            rows.append((u, i))
    return rows


def main():
    d = sys.argv[1]
    lam = float(sys.argv[2]) if len(sys.argv) > 2 else 500.0
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    base, test = read(d + "/u1.base"), read(d + "/u1.test")
    uid, iid = {}, {}
    for u, i in base + test:
        uid.setdefault(u, len(uid))
        iid.setdefault(i, len(iid))
    X = np.zeros((len(uid), len(iid)))
    for u, i in base:
        X[uid[u], iid[i]] = 1.0
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        G = X.T @ X
        G[np.diag_indices_from(G)] += lam
        P = np.linalg.inv(G)
        B = P / (-np.diag(P))
        B[np.diag_indices_from(B)] = 0.0
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    S = X @ B
    S[X > 0] = -np.inf
    truth = {}
    for u, i in test:
        truth.setdefault(uid[u], set()).add(iid[i])
    ndcg = prec = 0.0
    disc = 1.0 / np.log2(np.arange(2, 12))
    for u, rel in truth.items():
        top = np.argsort(-S[u], kind="stable")[:10]
        hits = np.array([t in rel for t in top], dtype=float)
        ndcg += (hits * disc).sum() / disc[: min(len(rel), 10)].sum()
        prec += hits.sum() / 10
    n = len(truth)
    print("numpy ease lambda=%g: fit %.4f s cpu %.4f s ndcg@10 %.4f p@10 %.4f users %d"
          % (lam, best, best_cpu, ndcg / n, prec / n, n))


main()
