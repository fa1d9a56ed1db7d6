#!/usr/bin/env python3
"""Write a KuaiRec big_matrix.csv-shaped interaction log of N rows for load benchmarks.

Columns and formatting follow KuaiRec 2.0's big_matrix.csv: user_id, video_id,
play_duration (ms), video_duration (ms), time ("2020-07-05 00:08:23.438"),
date (20200705), timestamp (unix seconds with ms), watch_ratio.
Usage: make_interactions.py ROWS OUT.csv [USERS ITEMS]
"""
import random
import sys
import time


def main():
    rows = int(sys.argv[1])
    out = sys.argv[2]
    users = int(sys.argv[3]) if len(sys.argv) > 3 else 7176
    items = int(sys.argv[4]) if len(sys.argv) > 4 else 10728
    rng = random.Random(7)
    durations = [rng.randint(3000, 300000) for _ in range(items)]
    per_user = rows // users
    extra = rows - per_user * users
    t0 = 1593878400.0  # 2020-07-05 00:00 (UTC+8 midnight is not needed here)
    with open(out, "w", buffering=1 << 20) as f:
        f.write("user_id,video_id,play_duration,video_duration,time,date,timestamp,watch_ratio\n")
        for u in range(users):
            n = per_user + (1 if u < extra else 0)
            ts = t0 + rng.random() * 86400
            lines = []
            for _ in range(n):
                v = int(items * rng.random() ** 2)
                vd = durations[v]
                pd = int(vd * rng.lognormvariate(-0.3, 0.8))
                ts += rng.random() * 400
                ms = int(ts * 1000) / 1000.0
                tm = time.gmtime(ms)
                stamp = time.strftime("%Y-%m-%d %H:%M:%S", tm) + ".%03d" % int(round((ms % 1) * 1000) % 1000)
                date = time.strftime("%Y%m%d", tm)
                lines.append("%d,%d,%d,%d,%s,%s,%.3f,%.6f\n" % (u, v, pd, vd, stamp, date, ms, pd / vd))
            f.write("".join(lines))


if __name__ == "__main__":
    main()
