#!/bin/sh
# Training watched live: train ... --watch shows the dashboard while the
# model trains; the epoch counter advances from capture to capture; q stops
# training and keeps the best epoch; Ctrl-C does the same; without a
# terminal --watch says so and trains anyway.
. "$TOP_SRCDIR/tests/shell/tui-common.sh"

# epoch: the epoch the training panel shows now (empty when none)
epoch() {
	screen | sed -n 's/^│ w[0-9]* (bpr)  epoch \([0-9]*\)\/100000 .*/\1/p' | head -n 1
}
# advancing WHAT: two captures show a later epoch in the second
advancing() {
	end=$(($(date +%s) + limit))
	first=
	while :; do
		e=$(epoch)
		if [ -n "$e" ] && [ -z "$first" ]; then
			first=$e
		elif [ -n "$e" ] && [ "$e" -gt "$first" ]; then
			return 0
		fi
		if [ "$(date +%s)" -ge "$end" ]; then
			bad "$1: the epoch did not advance (first seen: ${first:-none})"
			return 1
		fi
		nap
	done
}

start "NO_COLOR=1" -i -c 'load data/kuairec-mini; split user test=0.2 valid=0.2 seed=1'
wait_for '^reelscope>$' "the prompt" || exit 1
keys "train w model=bpr epochs=100000 patience=0 --watch" Enter
wait_for '^│ w \(bpr\)  epoch [0-9]+/100000 ' "the training panel shows the live model" || exit 1
advancing "live training"
has '^│ elapsed [0-9]+:[0-9]{2}  ETA [0-9]+:[0-9]{2}' "elapsed time and ETA"
has '^│ loss .* 0\.[0-9]+ +│' "the loss so far"
has '^│ ndcg@10 .* 0\.[0-9]+ +│' "the validation metric so far"
has '^│ interactions 48  users 6 ' "the other panels stay up"
has '^training w: q or Ctrl-C stops and keeps the best epoch' "the live key hint"
# Tab and Enter work while it trains; q closes the detail, then stops
keys Enter
wait_for '─ Training — detail ─' "Enter opens the training detail while training"
wait_for '│  epoch +loss +ndcg@10 +seconds' "the epoch table"
keys q
wait_gone '─ Training — detail ─' "q closes the detail, training goes on"
advancing "training after the detail"
keys q
wait_for '^warning: interrupted: kept epoch [0-9]+, the best so far$' "q stops training, keeping the best epoch"
wait_for '^reelscope>$' "the prompt after a stopped training"
has '^interrupted +yes$' "the result says it was interrupted"
keys C-l "models" Enter
wait_for '^w +bpr ' "the stopped model is kept"

# Ctrl-C stops it the same way
keys C-l "train w2 model=bpr epochs=100000 patience=0 --watch" Enter
wait_for '^│ w2 \(bpr\)  epoch [0-9]+/100000 ' "the second live training" || exit 1
keys C-c
wait_for '^warning: interrupted: kept epoch [0-9]+, the best so far$' "Ctrl-C stops training, keeping the best epoch"
wait_for '^reelscope>$' "the prompt after Ctrl-C"
quit_repl
wait_exit 0 "quit"

# without a terminal: a note, and the model trains
run_rs -c 'load data/kuairec-mini; split user test=0.2 valid=0.2 seed=1; train p model=pop --watch' \
    < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err" || bad "--watch in a pipe failed: $(cat "$SCRATCH/err")"
grep -q '^--watch: needs a terminal (stdin and stdout are not both one); training without it$' \
    "$SCRATCH/err" "$SCRATCH/out" || bad "--watch in a pipe: no note ($(cat "$SCRATCH/err"))"
grep -q '^name  *p$' "$SCRATCH/out" || bad "--watch in a pipe: the model was not trained"
exit $status
