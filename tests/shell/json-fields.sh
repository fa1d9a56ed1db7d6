#!/bin/sh
# Every command's --json keys are the ones its help declares under "result
# fields", and the reverse: one session runs each command of the table (and
# the variants that bring out mode-only keys) on the sample world, and the
# top-level keys of each command's objects, over all its runs, must equal its
# declared fields ("help CMD" in JSON). A command of the table that no run
# brings out fails the test unless it is listed in no_json below, so a new
# command cannot be forgotten. The failure object (command, ok, error) is
# checked once, for each way a command can fail.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || fail "python3 is not installed (tools/install-deps.sh)"
# plot to= writes a file (bytes) only through gnuplot
command -v gnuplot >/dev/null 2>&1 || fail "gnuplot is not installed (tools/install-deps.sh)"
cd "$SCRATCH" || exit 1
mkdir out

# Commands that print no result object, one a line: name: why.
no_json='dashboard: full-screen panels that need a terminal; without one (as with --json in a batch) it can only fail'

# Each line runs once and must succeed. Variants are there for keys only some
# runs emit (comments say which); ids 17 and 100 are a user and an item of
# samples/world with training rows, neighbours and features to explain.
cat > script.rs <<'EOF'
generate w users=20 videos=40 creators=4 days=2 events=5
load samples/world --skip-bad
describe
head 2
columns
# clean: each step has its own keys; truth comes from samples/world/dirt.csv
clean dedup
clean invalid
clean window from=2020-07-05
clean outliers watch_ratio method=z action=cap
clean bots
clean fill video_duration by=video_id
clean kcore k=2
clean binarize watch_ratio min=1 keep=all
undo 8
features keywords=3
# --matrix: confusion; --fill: filled, fill_classes
classify --matrix
classify --fill
# user=: signal, events, categories, creators; item=: text, features
profile user=0
profile item=0
# half_life=: half_life, as_of
profile user=0 half_life=1
# valid=: train's metric (validation per epoch)
split user test=0.2 valid=0.1 seed=1
train pop model=pop
train rnd model=random
train m model=mf factors=4 epochs=2
train knn model=itemknn k=20
train u model=userknn k=20
train c model=content
train h model=hybrid models=knn,c weights=0.5,0.5
models
models --kinds
recommend user=17 k=3 model=knn
observe user=17 item=100 value=1 model=knn
train fa model=als factors=4 epochs=1
# probability models: eval's probability objects, calibrate, plot calibration
train ctr model=lr target=is_like epochs=2
eval ctr
calibrate ctr
plot calibration ctr
export fa factors=out/fa
similar item=100 k=3 model=knn
# reasons and rest (itemknn), neighbours (userknn), features (content),
# components (hybrid)
explain user=17 item=100 model=knn k=2
explain user=17 item=100 model=u k=2
explain user=17 item=100 model=c k=2
explain user=17 item=100 model=h k=2
eval pop k=10 lists=out/pop-lists.csv
# propensity and the estimators: eval's estimate object, debias
propensity method=pop
eval pop k=10 estimator=ips
debias check pop knn k=10
plot propensity
plot debias model=pop,knn
results pop
compare pop rnd
significance pop rnd
tune model=itemknn k=5,20 name=knn2
import recs out/pop-lists.csv as ext
tradeoff knn method=mmr k=5 candidates=20 lambda=0,1
rerank knn method=mmr k=5 candidates=20 as knn-mmr
audit pop knn k=5 top=2
# each plot kind has its keys; to= and script=: bytes, script, data
plot loss model=m
plot scores model=knn
plot lorenz k=5 model=pop
plot exposure k=5 model=pop
# stream: retrain_every with retrain; plot stream: stream, metric, strategies;
# plot trend: windows
stream st model=pop update=static,retrain window=1d
plot stream st
plot trend first_level_category_name
plot merit k=5 model=pop
plot longtail k=5 model=knn
plot tradeoff model=knn method=mmr values=0,1 k=5 candidates=20
plot hist watch_ratio bins=4 range=0:3 to=out/h.svg script=out/h.gp
pipeline
save out/ws.rsw
open out/ws.rsw
# to=: path
history to=out/script.rs
anonymize salt=x
# privacy: accountant, audit (needs held-out users: the tiny case), check
privacy accountant q=0.1 sigma=1 steps=10
load data/privacy/train.csv users=data/privacy/users.csv
split files test=data/privacy/test.csv
train pf model=fedmf factors=2 rounds=2 fraction=1 dp_epsilon=8 noise_seed=1
privacy audit pf
privacy check columns=age,gender,zip sensitive=occupation k=2
help
help eval
help glossary
echo hello class
set
# gnuplot is emitted when it is not the default (no plot runs after this)
set gnuplot=out/no-gnuplot
set gnuplot_timeout=30
quit
EOF
run_status=0
run_rs --json --no-progress < script.rs > out.jsonl 2> err.txt || run_status=$?

# The fields each command declares.
run_rs --json -c help > help.jsonl || fail "help failed: $(cat help.jsonl)"
helps=$(python3 -c '
import json, sys
print("; ".join("help " + c["name"] for c in json.loads(sys.stdin.readline())["commands"]))
' < help.jsonl) || fail "no command list in the output of help: $(cat help.jsonl)"
run_rs --json -c "$helps" > declared.jsonl || fail "help CMD failed: $(cat declared.jsonl)"

# Failures: an unknown command, a bad call, a failing handler, a line that
# does not parse; each prints the failure object.
cat > errors.rs <<'EOF'
lod
load
load data/bad/no-such-file.csv
head "unterminated
EOF
err_status=0
run_rs --json --keep-going < errors.rs > errors.jsonl 2>&1 || err_status=$?

status=0
python3 - "$no_json" <<'EOF' || status=1
import json, sys

ENVELOPE = {"command", "ok", "notes", "warnings"}
problems = []

def no_dups(pairs):
    keys = [k for k, _ in pairs]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise ValueError("keys given twice: " + ", ".join(dup))
    return dict(pairs)

def objects(path):
    out = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        try:
            out.append(json.loads(line, object_pairs_hook=no_dups))
        except ValueError as e:
            problems.append("%s:%d: not one JSON object (%s): %s" % (path, n, e, line.strip()))
    return out

no_json = {}
for line in sys.argv[1].splitlines():
    name, why = line.split(":", 1)
    no_json[name.strip()] = why.strip()

table = [c["name"] for c in objects("help.jsonl")[0]["commands"]]
declared = {}
for d in objects("declared.jsonl"):
    keys = [f["key"] for f in d["fields"]]
    declared[d["name"]] = set(keys)
    if len(keys) != len(set(keys)):
        problems.append("%s declares a field twice: %s" % (d["name"], keys))
    clash = sorted(set(keys) & (ENVELOPE | {"error"}))
    if clash:
        problems.append("%s declares %s, keys every object already has" % (d["name"], clash))

emitted = {}
for d in objects("out.jsonl"):
    if list(d)[:2] != ["command", "ok"]:
        problems.append("an object does not start with command, ok: %.200s" % json.dumps(d))
        continue
    if d["ok"] is not True:
        problems.append("scripted command %s failed: %s" % (d["command"], d.get("error")))
        continue
    for k in ("notes", "warnings"):
        if k in d and not (isinstance(d[k], list) and all(isinstance(x, str) for x in d[k])):
            problems.append("%s: %s is not a list of strings" % (d["command"], k))
    emitted.setdefault(d["command"], set()).update(set(d) - ENVELOPE)

# the failure object, the same whatever failed
errors = objects("errors.jsonl")
nfail = len(open("errors.rs", encoding="utf-8").read().splitlines())
if len(errors) != nfail:
    problems.append("%d failing commands printed %d objects" % (nfail, len(errors)))
for d in errors:
    if list(d) != ["command", "ok", "error"] or d["ok"] is not False or \
            not isinstance(d["error"], str) or not d["error"]:
        problems.append("a failure object is not {command, ok: false, error}: %.200s" % json.dumps(d))

def finish():
    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    sys.exit(1 if problems else 0)

if any(p.startswith("scripted command") for p in problems):
    # the batch stops at its first failure: the rest of it did not run
    problems.append("the script stopped there; fix that command first")
    finish()
for c in table:
    if c in no_json:
        if c in emitted:
            problems.append("%s is listed as printing no JSON, but the script ran it" % c)
        if declared.get(c):
            problems.append("%s is listed as printing no JSON, but declares fields %s"
                            % (c, sorted(declared[c])))
        continue
    if c not in emitted:
        problems.append("%s: no run in the script (add one that succeeds, or list it in no_json with why)" % c)
        continue
    extra = sorted(emitted[c] - declared.get(c, set()))
    missing = sorted(declared.get(c, set()) - emitted[c])
    if extra:
        problems.append("%s emits keys its help does not declare: %s" % (c, " ".join(extra)))
    if missing:
        problems.append("%s declares keys no run emitted (fix the declaration, or add a run that emits them): %s"
                        % (c, " ".join(missing)))
for c in sorted(set(no_json) - set(table)):
    problems.append("no_json lists %s, which is not a command" % c)
for c in sorted(set(emitted) - set(table)):
    problems.append("objects name %s, which is not in the command table" % c)

finish()
EOF
if [ "$run_status" -ne 0 ]; then
	echo "FAIL: the script exited with status $run_status" >&2
	cat err.txt >&2
	status=1
fi
if [ "$err_status" -ne 1 ]; then
	echo "FAIL: the failing commands exited with status $err_status, not 1" >&2
	status=1
fi
exit $status
