#!/bin/sh
# Issue 4's bar for the cleaning steps: on a generated world with dirt, each
# step finds at least 95% of the dirt of its kind (recall) and at least 95%
# of what it flags is that dirt (precision), in the order a person cleans.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

run_rs --json --no-progress -c "generate w users=1500 videos=3000 creators=300 events=60 seed=11; load w --skip-bad;
	clean dedup; clean invalid; clean bots;
	clean outliers watch_ratio method=z scale=log side=upper;
	clean fill video_duration by=video_id" > "$SCRATCH/out" 2>&1 ||
	fail "reelscope failed: $(cat "$SCRATCH/out")"

# One line per step: step kinds dirty flagged found recall precision.
sed -n 's/.*"step":"\([a-z]*\)".*"truth":{"kinds":"\([^"]*\)","unit":"[a-z]*","dirty":\([0-9]*\),"flagged":\([0-9]*\),"found":\([0-9]*\),"recall":\([^,]*\),"precision":\([^}]*\)}.*/\1 \2 \3 \4 \5 \6 \7/p' \
	"$SCRATCH/out" > "$SCRATCH/truth"
[ "$(wc -l < "$SCRATCH/truth")" -eq 5 ] ||
	fail "expected the ground truth of 5 steps, got: $(cat "$SCRATCH/truth")"
status=0
while read -r step kinds dirty flagged found recall precision; do
	echo "$step ($kinds): $found of $dirty found, $flagged flagged; recall $recall, precision $precision"
	if [ "$dirty" -lt 10 ]; then
		echo "FAIL: $step: only $dirty dirty units in the world, too few to judge" >&2
		status=1
	fi
	if ! awk -v r="$recall" -v p="$precision" 'BEGIN { exit !(r >= 0.95 && p >= 0.95) }'; then
		echo "FAIL: $step: recall $recall or precision $precision under 0.95" >&2
		status=1
	fi
done < "$SCRATCH/truth"
exit $status
