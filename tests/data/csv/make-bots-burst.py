#!/usr/bin/env python3
# Writes bots-burst.csv.gz (tests/transcripts/clean-bots-burst.t): a
# MovieLens-like log (user,item,rating,timestamp) with 60 ordinary users who
# rate in sessions (1-8 ratings in a second, then seconds to minutes apart),
# two heavy people who must not be flagged -- heavy1 rates 2,700 movies over
# a year, fast1 rates 128 in one second (the real maximum of MovieLens
# latest-small) and 300 more -- and three bots that each rate 3,000 movies
# within the same second.
import gzip, random

rng = random.Random(15)
rows = []
ITEMS = 3000
T0 = 1500000000

def session_user(name, n, start):
    t = start
    items = rng.sample(range(1, ITEMS + 1), n)
    k = 0
    while k < n:
        burst = min(rng.randint(1, 8), n - k)
        for _ in range(burst):
            rows.append((name, items[k], rng.choice([1, 2, 3, 3.5, 4, 4.5, 5]), t))
            k += 1
        t += rng.choice([2, 5, 10, 30, 60, 120, 600, 3600, 86400])
    return t

for u in range(1, 61):
    session_user("u%d" % u, rng.randint(20, 200), T0 + rng.randint(0, 10**7))
session_user("heavy1", 2700, T0)
t = T0 + 5 * 10**6
items = rng.sample(range(1, ITEMS + 1), 428)
for k in range(128):
    rows.append(("fast1", items[k], 4, t))
k = 128
t += 60
while k < 428:
    rows.append(("fast1", items[k], 3, t))
    k += 1
    t += rng.choice([3, 20, 90, 3600])
for b in range(1, 4):
    t = T0 + b * 10**6 + 17
    for i in range(1, ITEMS + 1):
        rows.append(("bot%d" % b, i, 5, t))
rows.sort(key=lambda r: (r[3], r[0], r[1]))
with gzip.GzipFile("bots-burst.csv.gz", "wb", mtime=0) as f:
    f.write(b"user,item,rating,timestamp\n")
    for r in rows:
        f.write(("%s,i%d,%s,%d\n" % r).encode())
