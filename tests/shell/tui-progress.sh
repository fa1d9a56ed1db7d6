#!/bin/sh
# Progress bars: on a terminal a long operation shows "task [###...] N%
# time rate ETA" on stderr and clears it when done (clean too); with --json, or with
# stderr in a pipe, nothing of the kind is written.
. "$TOP_SRCDIR/tests/shell/tui-common.sh"

setup='load data/kuairec-mini; split user test=0.2 valid=0.2 seed=1'
bar='train w \[#*\.*\] +[0-9]+%  [0-9.]+s  [0-9.]+ (epochs/s|s/epoch)  ETA [0-9]+(:[0-9]{2})+'

# on a terminal: the bar with its rate and ETA, cut to 80 columns
gate=1 start "" -i -c "$setup"
tm pipe-pane -t rs -o "cat >> $(q "$SCRATCH/raw")"
touch "$SCRATCH/go"
wait_for '^reelscope>$' "the prompt" || exit 1
# a short step still says what runs (the raw output keeps what was erased)
keys "clean dedup" Enter
wait_for '^rows removed +0$' "clean dedup ran"
keys C-l
wait_gone '^rows removed' "the screen is cleared"
keys "train w model=bpr epochs=100000 patience=0" Enter
wait_for "^$bar\$" "a progress bar with rate and ETA while training" || exit 1
line=$(grep -E "^$bar\$" "$SCRATCH/screen" | head -n 1)
[ "$(width "$line")" -le 79 ] || bad "the bar is wider than the terminal: $line"
keys C-c
wait_for '^warning: interrupted: kept epoch [0-9]+, the best so far$' "Ctrl-C stops training"
wait_gone "$bar" "the bar is cleared when training ends"
quit_repl
wait_exit 0 "quit"
grep -q "$(printf '\r')train w \[" "$SCRATCH/raw" || bad "the terminal got no progress line"
grep -q "$(printf '\r')clean dedup \[" "$SCRATCH/raw" || bad "clean drew no progress line"

# --json on a terminal: no bar
tm kill-session -t rs
rm -f "$SCRATCH/go" "$SCRATCH/raw"
gate=1 start "" --json -c "$setup; train w model=bpr epochs=4 patience=0"
tm pipe-pane -t rs -o "cat >> $(q "$SCRATCH/raw")"
touch "$SCRATCH/go"
wait_exit 0 "--json run"
grep -q '"command":"train"' "$SCRATCH/raw" || bad "--json: no train result on the terminal"
grep -q 'train w \[\|ETA' "$SCRATCH/raw" && bad "--json: a progress bar was drawn"

# stderr in a pipe: no bar
run_rs -c "$setup; train w model=bpr epochs=4 patience=0" < /dev/null > "$SCRATCH/out" 2>&1 ||
	bad "batch training failed: $(tail -n 3 "$SCRATCH/out")"
grep -q "$(printf '\r')\|train w \[\|ETA" "$SCRATCH/out" && bad "a pipe got a progress bar"
grep -q '^best epoch' "$SCRATCH/out" || bad "the batch run did not train"
exit $status
