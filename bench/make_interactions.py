#!/usr/bin/env python3
"""Write a KuaiRec big_matrix.csv-shaped interaction log of N rows for load benchmarks.

Columns and formatting follow KuaiRec 2.0's big_matrix.csv, because the text
is what a loader pays for:
  user_id, video_id          small integers (7,176 users x 10,728 videos by default)
  play_duration (ms)         integer, lognormal around the video's length
  video_duration (ms)        integer, fixed per video
  time                       Beijing time (UTC+8), "2020-07-05 00:08:23.438"; the
                             fraction is written like the timestamp's, trailing
                             zeros dropped (".5", ".32"), as in the real file
  date                       20200705 (Beijing date of `time`), 62 days from
                             2020-07-05 to 2020-09-04 like the real log
  timestamp                  unix seconds as Python writes a float: 1593878903.438
  watch_ratio                play_duration / video_duration at full double
                             precision (1.2733965215790926), as pandas wrote it

Every user gets a seeded generator of its own, so the bytes depend only on the
arguments and the seed, never on --jobs; the rows are produced by --jobs worker
processes (default: all CPUs) and written in user order.

Usage: make_interactions.py [--seed S] [--jobs J] ROWS OUT.csv [USERS ITEMS]
(OUT.csv may be "-" for standard output).
"""
import argparse
import multiprocessing
import os
import random
import sys

T0 = 1593878400          # 2020-07-04 16:00 UTC = 2020-07-05 00:00 Beijing time
DAYS = 62                # the real log covers 2020-07-05 .. 2020-09-04
BEIJING = 8 * 3600
HEADER = "user_id,video_id,play_duration,video_duration,time,date,timestamp,watch_ratio\n"

# Filled once per process by setup(): lookup tables that turn formatting
# into string concatenation.
_cfg = {}


def setup(rows, users, items, seed):
    """Build the per-process tables (video lengths, clock and fraction strings)."""
    import datetime

    rng = random.Random(seed)
    _cfg["rows"], _cfg["users"], _cfg["items"], _cfg["seed"] = rows, users, items, seed
    _cfg["vdur"] = [rng.randint(3000, 300000) for _ in range(items)]
    _cfg["hms"] = ["%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60) for s in range(86400)]
    # fraction of a second as Python's float repr writes it: .438 .5 .32 .0
    _cfg["frac"] = [("%03d" % f).rstrip("0") or "0" for f in range(1000)]
    base = datetime.date(2020, 7, 5) - datetime.timedelta(days=1)
    # day index (Beijing days since 2020-07-04) -> ("2020-07-05 ", "20200705")
    _cfg["days"] = [((base + datetime.timedelta(days=d)).strftime("%Y-%m-%d "),
                     (base + datetime.timedelta(days=d)).strftime("%Y%m%d"))
                    for d in range(DAYS + 2)]


def user_rows(u):
    """Rows of user u, in that user's time order, as one string."""
    rows, users, items, seed = _cfg["rows"], _cfg["users"], _cfg["items"], _cfg["seed"]
    vdur, hms, frac, days = _cfg["vdur"], _cfg["hms"], _cfg["frac"], _cfg["days"]
    n = rows // users + (1 if u < rows % users else 0)
    if n == 0:
        return ""
    rng = random.Random(seed * 1000003 + u + 1)
    rand, lognorm = rng.random, rng.lognormvariate
    # the user's events: uniform over the 62 days, in time order
    span = DAYS * 86400 * 1000
    times = sorted([int(rand() * span) for _ in range(n)])
    out = []
    append = out.append
    prefix = "%d," % u
    for ms in times:
        v = int(items * rand() ** 2)
        vd = vdur[v]
        pd = int(vd * lognorm(-0.3, 0.8))
        sec = T0 + ms // 1000
        fr = frac[ms % 1000]
        local = ms // 1000 + 86400  # seconds since 2020-07-04 00:00 Beijing
        day = days[local // 86400]
        append("%s%d,%d,%d,%s%s.%s,%s,%d.%s,%r\n" % (
            prefix, v, pd, vd, day[0], hms[local % 86400], fr, day[1], sec, fr, pd / vd))
    return "".join(out)


def user_block(bounds):
    return "".join(user_rows(u) for u in range(*bounds))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("users", type=int, nargs="?", default=7176)
    ap.add_argument("items", type=int, nargs="?", default=10728)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    if a.rows < 0 or a.users < 1 or a.items < 1 or a.jobs < 1:
        ap.error("ROWS must be >= 0, USERS, ITEMS and --jobs >= 1")

    blocks = [(u, min(u + 32, a.users)) for u in range(0, a.users, 32)]
    f = sys.stdout if a.out == "-" else open(a.out, "w", buffering=1 << 20)
    try:
        f.write(HEADER)
        if a.jobs == 1:
            setup(a.rows, a.users, a.items, a.seed)
            for b in blocks:
                f.write(user_block(b))
        else:
            with multiprocessing.Pool(a.jobs, setup,
                                      (a.rows, a.users, a.items, a.seed)) as pool:
                for text in pool.imap(user_block, blocks):
                    f.write(text)
    finally:
        if f is not sys.stdout:
            f.close()


if __name__ == "__main__":
    main()
