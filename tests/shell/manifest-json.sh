#!/bin/sh
# manifest.json is read as JSON, not as text: the bot users of a world still
# load when the manifest is written with other spacing and key order (one
# line, sorted keys, tabs, an id as a string), and a malformed manifest means
# no bots rather than an error.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

w=$SCRATCH/world
cp -R "$TOP_SRCDIR/samples/world" "$w"
chmod -R u+w "$w"

bots() {
	run_rs -c "load $w --skip-bad" 2>&1 |
		sed -n 's/.*manifest\.json \([0-9]*\) bot users.*/\1/p'
}

n=$(bots)
[ "$n" = 4 ] || fail "the sample world's manifest gives '$n' bot users, expected 4"

# one line, keys sorted, no spaces; the first id written as a string
python3 - "$w/manifest.json" <<'PY' || fail "python3 could not rewrite the manifest"
import json, sys
p = sys.argv[1]
m = json.load(open(p))
m["bot_user_ids"][0] = str(m["bot_user_ids"][0])
open(p, "w").write(json.dumps(m, sort_keys=True, separators=(",", ":")))
PY
n=$(bots)
[ "$n" = 4 ] || fail "a one-line manifest with sorted keys gives '$n' bot users, expected 4"

# tabs and newlines inside the array, the ids first
python3 - "$w/manifest.json" <<'PY' || fail "python3 could not rewrite the manifest"
import json, sys
p = sys.argv[1]
m = json.load(open(p))
ids = m.pop("bot_user_ids")
body = json.dumps(m, indent="\t")[1:]
open(p, "w").write('{ "bot_user_ids" :\n\t[\n\t\t' + ",\n\t\t".join(json.dumps(i) for i in ids) +
    "\n\t] ,\n" + body + "\n")
PY
n=$(bots)
[ "$n" = 4 ] || fail "a manifest with tabs and the ids first gives '$n' bot users, expected 4"

# malformed: the log loads, with the dirty rows and no bots
printf '{"bot_user_ids": [400, 401' > "$w/manifest.json"
out=$(run_rs -c "load $w --skip-bad" 2>&1) || fail "load failed on a malformed manifest: $out"
echo "$out" | grep -q "manifest.json 0 bot users" ||
	fail "a malformed manifest should give no bots: $out"
echo "manifest-json: ok"
