#!/usr/bin/env python3
"""Recompute reelscope's evaluation of MovieLens fold u1 independently with numpy.

usage: bench/eval-check.py REELSCOPE ML100K_DIR WORKDIR [MODEL=KIND ...]

reelscope loads u1.base, splits with u1.test, trains pop and random (plus any
MODEL=KIND given, e.g. knn=itemknn) and exports, per model, each test user's
top-10 list (eval lists=) and per-user metric values (eval export=). This script
then, for pop and random, recomputes the scores itself (pop: training rows per
item; random: the same seeded hash), ranks every item the user has no training
row for (ties by lower item index; indices in order of first appearance in
u1.base, then u.item), and checks the lists; for every model it recomputes every
per-user metric from the lists and the test file:

  precision@k = hits/k; recall@k = hits/|R|; ndcg@k binary gains, IDCG over
  min(|R|,k); map@k = sum of precision at each hit / min(|R|,k); mrr@k; hit@k;
  auc over every (relevant, unseen non-relevant) pair, ties 1/2 (pop, random);
  novelty@k = mean -log2(max(pop,1)/sum pop); popularity@k = mean pop;
  item_coverage@k = distinct listed items with pop>0 / items with pop>0;
  diversity@k = mean over the list's pairs of 1 - Jaccard of the u.item genre
  sets; rmse and mae (rating models) pooled over every test pair, from each
  user's exported rmse/mae and number of test rows.

R = the user's u1.test items (u1.test never repeats a training pair). Then
`significance pop rnd` (and the first extra model against pop) is recomputed from
the per-user ndcg@10 values: paired t (p by Simpson integration of the Student t
density) and Wilcoxon signed-rank (zeros dropped, average ranks, continuity and
tie corrections, normal p). Prints the largest absolute difference per figure and
exits 1 if any exceeds 1e-9 (p-values: 1e-7 relative).
"""
import csv
import json
import math
import os
import subprocess
import sys

import numpy as np

K = 10
TOL = 1e-9


def read_ml(path):
    rows = []
    with open(path) as f:
        for line in f:
            u, i, r, t = line.split("\t")
            rows.append((u, i, float(r)))
    return rows


def first_order(seq):
    seen, out = set(), []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def random_scores(seed, user, nitems):
    """reelscope's random kind: a splitmix-style hash of (seed, user, item)."""
    m = np.uint64(0xFFFFFFFFFFFFFFFF)
    i = np.arange(nitems, dtype=np.uint64)
    with np.errstate(over="ignore"):
        key = (np.uint64(user) << np.uint64(32)) | i
        z = (np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15)) ^ (key * np.uint64(0xBF58476D1CE4E5B9))
        z &= m
        z ^= z >> np.uint64(31)
        z = z * np.uint64(0x94D049BB133111EB)
        z ^= z >> np.uint64(29)
    return ((z >> np.uint64(40)).astype(np.float64) * 2.0 ** -24).astype(np.float32)


def topk(scores, seen, k):
    """Best k by score, ties by lower index, skipping seen items."""
    s = scores.astype(np.float64).copy()
    s[seen] = -np.inf
    cand = np.flatnonzero(~seen)
    order = np.lexsort((cand, -s[cand]))
    return cand[order[:k]]


def auc(scores, seen, rel):
    cand = ~seen
    pos = np.sort(scores[cand & rel].astype(np.float64))
    neg = scores[cand & ~rel].astype(np.float64)
    if len(pos) == 0 or len(neg) == 0:
        return np.nan
    neg = np.sort(neg)
    below = np.searchsorted(neg, pos, side="left")
    equal = np.searchsorted(neg, pos, side="right") - below
    return (below.sum() + 0.5 * equal.sum()) / (len(pos) * len(neg))


def list_metrics(lst, relset, k):
    hits, dcg, ap, rr = 0, 0.0, 0.0, 0.0
    for r, it in enumerate(lst[:k]):
        if it in relset:
            hits += 1
            dcg += 1 / np.log2(r + 2)
            ap += hits / (r + 1)
            if rr == 0:
                rr = 1 / (r + 1)
    ideal = min(len(relset), k)
    idcg = sum(1 / np.log2(r + 2) for r in range(ideal))
    return {
        "precision": hits / k, "recall": hits / len(relset), "ndcg": dcg / idcg,
        "map": ap / ideal, "mrr": rr, "hit": float(hits > 0),
    }


def tpdf(x, df):
    return math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi) * \
        (1 + x * x / df) ** (-(df + 1) / 2)


def t_two_sided(t, df, n=400000):
    """2 P(T > |t|) = 2 ∫_|t|^∞ pdf(x) dx, with x = |t|/u (dx = |t|/u² du, u in
    (0, 1]) so the tail is a finite integral of positive terms (no 1 - ...
    cancellation for tiny p); Simpson's rule on n intervals."""
    t = abs(t)
    if t == 0:
        return 1.0
    u = np.linspace(0, 1, n + 1)[1:]
    x = t / u
    logc = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    f = np.exp(logc - (df + 1) / 2 * np.log1p(x * x / df)) * t / (u * u)
    ys = np.concatenate(([0.0], f))
    h = 1 / n
    integral = h / 3 * (ys[0] + ys[-1] + 4 * ys[1:-1:2].sum() + 2 * ys[2:-1:2].sum())
    return 2 * integral


def paired(a, b, work, k):
    """Paired t-test and Wilcoxon signed-rank on per-user ndcg@k, from the exports."""
    def load(name):
        with open(f"{work}/{name}-users.csv") as f:
            return {r["user"]: r[f"ndcg@{k}"] for r in csv.DictReader(f)}
    va, vb = load(a), load(b)
    d = np.array([float(va[u]) - float(vb[u]) for u in va if va[u] != "" and vb[u] != ""])
    n = len(d)
    mean, sd = d.mean(), d.std(ddof=1)
    t = mean / (sd / math.sqrt(n))
    nz = d[d != 0]
    absd = np.abs(nz)
    order = np.argsort(absd, kind="stable")
    ranks = np.empty(len(nz))
    sa = absd[order]
    i = 0
    ties = 0.0
    while i < len(sa):
        j = i
        while j + 1 < len(sa) and sa[j + 1] == sa[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j + 2) / 2
        c = j - i + 1
        ties += c ** 3 - c
        i = j + 1
    wp = ranks[nz > 0].sum()
    m = len(nz)
    mu = m * (m + 1) / 4
    var = m * (m + 1) * (2 * m + 1) / 24 - ties / 48
    dev = wp - mu
    dev = 0 if abs(dev) <= 0.5 else dev - math.copysign(0.5, dev)
    z = dev / math.sqrt(var)
    return {"users": n, "difference": mean, "t": t, "p_t": t_two_sided(t, n - 1),
            "cohen_dz": mean / sd, "w_plus": wp, "z": z,
            "p_wilcoxon": math.erfc(abs(z) / math.sqrt(2))}


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    rs, ml, work = sys.argv[1], sys.argv[2], sys.argv[3]
    extra = [a.split("=", 1) for a in sys.argv[4:]]
    os.makedirs(work, exist_ok=True)
    models = [("pop", "pop"), ("rnd", "random")] + [tuple(e) for e in extra]
    script = [f"load {ml}/u1.base", f"split files test={ml}/u1.test"]
    for name, kind in models:
        script.append(f"train {name} model={kind}")
    for name, _ in models:
        script.append(f"eval {name} k={K} export={work}/{name}-users.csv lists={work}/{name}-lists.csv")
    pairs = [("pop", "rnd")] + ([(models[2][0], "pop")] if len(models) > 2 else [])
    for a, b in pairs:
        script.append(f"significance {a} {b} metric=ndcg@{K}")
    out = subprocess.run([rs, "--no-progress", "--json", "-c", "; ".join(script)],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    summary, tests = {}, {}
    for line in out.splitlines():
        obj = json.loads(line)
        if obj.get("command") == "eval":
            for res in obj["results"]:
                summary[res["model"]] = res
        if obj.get("command") == "significance":
            tests[(obj["a"], obj["b"])] = obj

    base, test = read_ml(f"{ml}/u1.base"), read_ml(f"{ml}/u1.test")
    with open(f"{ml}/u.item", encoding="latin-1") as f:
        ulines = [line.rstrip("\n").split("|") for line in f]
    catalog = [x[0] for x in ulines]
    # genre sets: the 19 flags after the IMDb URL, "unknown" included
    genres_of = {x[0]: frozenset(g for g, flag in enumerate(x[5:24]) if flag == "1")
                 for x in ulines}
    with open(f"{ml}/u.user") as f:
        people = [line.split("|")[0] for line in f]
    items = first_order([i for _, i, _ in base] + catalog)
    users = first_order([u for u, _, _ in base] + people)
    iidx = {x: n for n, x in enumerate(items)}
    uidx = {x: n for n, x in enumerate(users)}
    ni = len(items)
    pop = np.zeros(ni)
    seen = {}
    for u, i, _ in base:
        pop[iidx[i]] += 1
        seen.setdefault(u, set()).add(iidx[i])
    rel = {}
    for u, i, _ in test:
        rel.setdefault(u, set()).add(iidx[i])
    popsum = pop.sum()
    genre = [genres_of.get(x, frozenset()) for x in items]
    ntest = {}
    for u, _, _ in test:
        ntest[u] = ntest.get(u, 0) + 1

    def diversity(lst):
        """mean over the list's pairs of 1 - Jaccard of the genre sets"""
        d = [1 - len(genre[a] & genre[b]) / len(genre[a] | genre[b])
             for n, a in enumerate(lst) for b in lst[n + 1:] if genre[a] | genre[b]]
        return np.mean(d) if d else np.nan

    worst = {}
    ok = True
    for name, kind in models:
        with open(f"{work}/{name}-lists.csv") as f:
            rows = list(csv.DictReader(f))
        lists = {}
        for r in rows:
            lists.setdefault(r["user"], []).append((int(r["rank"]), iidx[r["item"]]))
        lists = {u: [i for _, i in sorted(v)] for u, v in lists.items()}
        with open(f"{work}/{name}-users.csv") as f:
            exported = {r["user"]: r for r in csv.DictReader(f)}
        diff = {}
        list_mismatch = 0
        covered = set()
        for u in sorted(rel, key=lambda x: uidx[x]):
            mask = np.zeros(ni, dtype=bool)
            mask[list(seen.get(u, ()))] = True
            relmask = np.zeros(ni, dtype=bool)
            relmask[list(rel[u])] = True
            want = {}
            if kind in ("pop", "random"):
                scores = pop.astype(np.float32) if kind == "pop" else random_scores(1, uidx[u], ni)
                mine = list(topk(scores, mask, K))
                if mine != lists.get(u, []):
                    list_mismatch += 1
                want["auc"] = auc(scores, mask, relmask)
            lst = lists.get(u, [])
            covered.update(i for i in lst if pop[i] > 0)
            for m, v in list_metrics(lst, rel[u], K).items():
                want[f"{m}@{K}"] = v
            if lst:
                want[f"novelty@{K}"] = np.mean([-np.log2(max(pop[i], 1) / popsum) for i in lst])
                want[f"popularity@{K}"] = np.mean([pop[i] for i in lst])
            if len(lst) > 1 and f"diversity@{K}" in exported[u]:
                want[f"diversity@{K}"] = diversity(lst)
            got = exported[u]
            for m, v in want.items():
                g = float(got[m]) if got[m] != "" else np.nan
                d = 0.0 if (np.isnan(g) and np.isnan(v)) else abs(g - v)
                diff[m] = max(diff.get(m, 0.0), d)
        cov = len(covered) / np.count_nonzero(pop)
        diff[f"item_coverage@{K}"] = abs(cov - summary[name][f"item_coverage@{K}"])
        for m in ("precision", "recall", "ndcg", "map", "mrr", "hit"):
            key = f"{m}@{K}"
            mean = np.mean([float(exported[u][key]) for u in rel])
            diff[f"{key} (mean)"] = abs(mean - summary[name][key])
        if summary[name].get("rmse") is not None:
            # rmse and mae pool every test pair: from each user's own values
            # and test rows
            n = np.array([ntest[u] for u in rel], dtype=float)
            r = np.array([float(exported[u]["rmse"]) for u in rel])
            a = np.array([float(exported[u]["mae"]) for u in rel])
            diff["rmse (pooled)"] = abs(np.sqrt((n * r * r).sum() / n.sum()) - summary[name]["rmse"])
            diff["mae (pooled)"] = abs((n * a).sum() / n.sum() - summary[name]["mae"])
        worst[name] = (diff, list_mismatch, cov)
        if list_mismatch or any(v is not None and v > TOL for v in diff.values()):
            ok = False
    print(f"MovieLens 100K fold u1: {len(rel)} test users, {ni} items, k={K}")
    for name, kind in models:
        diff, mism, cov = worst[name]
        print(f"{name} ({kind}): top-{K} lists differing from numpy: "
              f"{mism if kind in ('pop', 'random') else 'not recomputed (scores not reproducible here)'}")
        for m, v in diff.items():
            if v is not None:
                print(f"  {m:16s} max |reelscope - numpy| = {v:.3g}")
        print(f"  ndcg@{K} = {summary[name][f'ndcg@{K}']:.6f}, precision@{K} = "
              f"{summary[name][f'precision@{K}']:.6f}, item_coverage@{K} = {cov:.6f}")
    for (a, b), got in tests.items():
        want = paired(a, b, work, K)
        print(f"significance {a} {b} (ndcg@{K}, {got['users']} paired users):")
        for key, v in want.items():
            g = got[key]
            d = abs(g - v)
            tol = 1e-7 * max(abs(v), 1e-300) if key.startswith("p_") else TOL
            print(f"  {key:14s} reelscope {g:<24.17g} numpy {v:<24.17g} |diff| {d:.3g}")
            if d > tol:
                ok = False
    print("agreement: all within 1e-9" if ok else "DISAGREEMENT")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
