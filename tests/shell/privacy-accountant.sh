#!/bin/sh
# privacy accountant against an independent computation: the RDP of the
# subsampled Gaussian mechanism (Mironov, Talwar, Zhang 2019, integer
# orders) written again in Python from the formula with math.lgamma and
# log-sum-exp, converted to epsilon over orders 2..256; both must agree to
# 3 decimals. Also q=1 against the plain Gaussian a/(2 sigma^2) by hand,
# and epsilon= (the sigma search) landing on its target.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

command -v python3 >/dev/null || fail "python3 not found"

cat > "$SCRATCH/rdp.py" <<'PY'
import math, sys

def rdp(q, s, a):
    terms = []
    for k in range(a + 1):
        if q == 1 and k < a:
            continue
        t = math.lgamma(a + 1) - math.lgamma(k + 1) - math.lgamma(a - k + 1)
        if k < a:
            t += (a - k) * math.log1p(-q)
        t += k * math.log(q) + (k * k - k) / (2 * s * s)
        terms.append(t)
    m = max(terms)
    return (m + math.log(sum(math.exp(t - m) for t in terms))) / (a - 1)

q, s, T, d = (float(x) for x in sys.argv[1:5])
best = min((T * rdp(q, s, a) + math.log(1 / d) / (a - 1), a) for a in range(2, 257))
print("%.3f %d" % best)
PY

# q sigma steps delta
for setting in "0.01 1.1 1000 1e-5" "0.1 1.0 30 1e-5" "0.05 2.0 100 1e-6" \
    "0.2 0.8 10 1e-3" "0.001 0.6 10000 1e-5" "0.5 5 50 1e-5" "1 2 1 1e-5"; do
	set -- $setting
	want=$(python3 "$SCRATCH/rdp.py" "$@")
	got=$(run_rs --json -c "privacy accountant q=$1 sigma=$2 steps=$3 delta=$4" |
	    python3 -c 'import json,sys; r=json.loads(sys.stdin.readline()); print("%.3f %d" % (r["epsilon"], r["order"]))') ||
		fail "privacy accountant q=$1 sigma=$2 steps=$3 delta=$4 failed"
	[ "$got" = "$want" ] || fail "q=$1 sigma=$2 steps=$3 delta=$4: reelscope says $got, Python $want"
done

# q=1 is the plain Gaussian: RDP(a) = a/(2 sigma^2); sigma 2, one step,
# delta 1e-5: a/8 + log(1e5)/(a-1) is smallest at a = 11:
# 11/8 + 11.512925/10 = 2.526293
got=$(run_rs -c "privacy accountant q=1 sigma=2 steps=1 delta=1e-5" | awk '$1 == "epsilon" || $1 == "order" { printf "%s ", $2 }')
[ "$got" = "2.52629 11 " ] || fail "q=1 sigma=2: $got, by hand 2.52629 11"

# epsilon= finds sigma whose epsilon is at most the target, and barely
got=$(run_rs --json -c "privacy accountant q=0.1 steps=30 epsilon=1" |
    python3 -c 'import json,sys; r=json.loads(sys.stdin.readline()); print(r["sigma"], r["epsilon"])')
set -- $got
want=$(python3 "$SCRATCH/rdp.py" 0.1 "$1" 30 1e-5)
case $want in 1.000\ * | 0.999\ *) ;; *) fail "epsilon=1 gave sigma $1, whose epsilon is $want" ;; esac
exit 0
