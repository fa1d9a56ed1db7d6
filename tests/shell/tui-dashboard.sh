#!/bin/sh
# The dashboard in a real terminal (tmux, 80x24): reelscope --tui after -c
# commands shows every panel with the figures of a small KuaiRec-layout
# dataset (tests/data/kuairec-mini: load, describe and eval give the same); Tab, the arrows,
# Enter, ? and q work; q gives the REPL back with a working prompt; the
# dashboard command opens it again and a resize redraws it at the new size;
# without colours under NO_COLOR.
. "$TOP_SRCDIR/tests/shell/tui-common.sh"

setup='load data/kuairec-mini; split user test=0.2 valid=0.2 seed=1; train r model=random; train p model=pop; eval'
start "NO_COLOR=1" --tui -c "$setup"
wait_for '^┌─ Dataset ─' "the dashboard opens" || exit 1
wait_for '^│ interactions 48  users 6 ' "dataset figures"
has '^│ items 12  creators 4 ' "dataset items and creators"
has '^│ density 66\.7%  observed 12 ' "dataset density and observed block"
has '^│ split user test=0\.2 valid=0\.2 seed=1 ' "dataset split"
has '│ 0 load data/kuairec-mini +│$' "pipeline source"
has '│ 1 split user test=0\.2.* 48→48 │$' "pipeline step with its rows"
has '^│ p \(pop\)  fit [0-9.]+s ' "training panel: the last model"
has '│ model +ndcg@10 recall@10 │$' "leaderboard header"
has '│ p \(pop\) +0\.6183 +1\.0000 │$' "leaderboard: pop's ndcg@10 and recall@10 from eval"
has '│ r \(random\) +0\.6362 +1\.0000 │$' "leaderboard: the random model"
grep -A1 ' model  *ndcg@10' "$SCRATCH/screen" | grep -q 'r (random)' ||
	bad "leaderboard: random (best ndcg@10) is not first"
has '┌─ Creator exposure ─' "exposure panel"
# the audit ranks lists of 10 as eval did, more than these users have
has '^│ audit not available: k=10 is longer than the lists of r \(at most 9 items\): … │$' \
    "exposure: why there is no audit"
has '^Tab/arrows move  Enter detail  \? keys  q back to the REPL$' "key hints"
[ "$(screen | wc -l)" -eq 24 ] || bad "the screen is not 24 lines"

# no colour sequences under NO_COLOR (bold and reverse only)
tm capture-pane -e -p -t rs > "$SCRATCH/esc"
grep -q "$(printf '\033')\[\(3[0-7]\|4[0-7]\|38;\)" "$SCRATCH/esc" &&
	bad "NO_COLOR: the screen has colour sequences"
# the focus starts on the dataset panel (reverse title without colours)
grep -q "$(printf '\033')\[7m Dataset " "$SCRATCH/esc" || bad "the focus is not on Dataset"

# Tab moves the focus; Enter opens the focused panel's detail
keys Tab
end=$(($(date +%s) + limit))
until tm capture-pane -e -p -t rs | grep -q "$(printf '\033')\[7m Pipeline "; do
	[ "$(date +%s)" -ge "$end" ] && { bad "Tab: the focus did not move to Pipeline"; break; }
	nap
done
keys Enter
wait_for '─ Pipeline — detail ─' "Enter opens the pipeline detail"
has '│ 1  split user test=0\.2 valid=0\.2 seed=1 +│$' "pipeline detail: the step"
has '│      rows 48 → 48, users 6 → 6' "pipeline detail: its rows"
keys Escape
wait_for '^┌─ Dataset ─' "Esc closes the detail"
# the arrows move between panels by position: down from Pipeline is the
# leaderboard
keys Down Enter
wait_for '─ Leaderboard — detail ─' "Down then Enter: the leaderboard detail"
has '│ 1\. r \(random\) +│$' "leaderboard detail: the best first"
has '│    full ranking, test part; 6 users +│$' "leaderboard detail: the protocol"
# End scrolls to the last model's figures
keys End
wait_for '│    ndcg@10 +0\.6183 ' "End: pop's ndcg@10"
has '│    auc +0\.5597 ' "leaderboard detail: pop's auc"
keys q
wait_for '^┌─ Dataset ─' "q closes the detail first"
keys Left Enter
wait_for '─ Training — detail ─' "Left then Enter: the training detail"
has '│ model  p \(pop\)' "training detail names the model"
keys q '?'
wait_for '─ Keys ─' "? shows the keys"
has '│ Tab +next panel' "keys: Tab"
has '│ q +close the detail or help; else back to the REPL' "keys: q"
keys q
wait_gone '─ Keys ─' "q closes the keys"

# q leaves: the REPL's prompt works
keys q
wait_for '^reelscope>$' "q gives the REPL prompt back"
wait_gone '┌─ Dataset ─' "the screen is restored after q"
keys "describe columns=no" Enter
wait_for '^interactions +48$' "the REPL runs commands after the dashboard"

# the dashboard command; a resize redraws at the new size
keys C-l "dashboard" Enter
wait_for '^┌─ Dataset ─' "dashboard opens it again"
tm resize-window -t rs -x 100 -y 30
end=$(($(date +%s) + limit))
while :; do
	screen > "$SCRATCH/screen"
	last=$(sed -n 30p "$SCRATCH/screen")
	top=$(sed -n 1p "$SCRATCH/screen")
	[ "$(width "$top")" -eq 100 ] && case $last in Tab/arrows*) true ;; *) false ;; esac && break
	if [ "$(date +%s)" -ge "$end" ]; then
		bad "resize to 100x30: header not 100 wide or key hints not on line 30"
		break
	fi
	nap
done
has '^┌─ Dataset ─{38}┐┌─ Pipeline ─{37}┐$' "resize: two panels of 50 columns"
has '^│ interactions 48  users 6 ' "resize: the figures are drawn again"
# too small a terminal says so instead of drawing panels over each other
tm resize-window -t rs -x 30 -y 8
wait_for '^too small: 30x8, need 40x12$' "a tiny terminal is refused politely"
tm resize-window -t rs -x 80 -y 24
wait_for '^┌─ Dataset ─{28}┐┌─ Pipeline ─{27}┐$' "back to 80x24"
keys q
wait_for '^reelscope>' "q after the resize"
quit_repl
wait_exit 0 "quit"

# bad forms: an unknown terminal type, no terminal, an argument
tm kill-session -t rs
start "NO_COLOR=1 TERM=rs-no-such-term" -c dashboard
wait_exit 1 "an unknown terminal type"
wait_for '^error: dashboard: cannot use terminal type rs-no-such-term$' "an unknown terminal type is named"
run_rs -c dashboard < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err"
st=$?
[ "$st" = 1 ] || bad "dashboard without a terminal: exit status $st, expected 1"
[ "$(cat "$SCRATCH/err")" = "error: dashboard: needs a terminal (stdin and stdout are not both one)" ] ||
	bad "dashboard without a terminal: $(cat "$SCRATCH/err")"
run_rs -c 'dashboard x' < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err"
[ "$(cat "$SCRATCH/err")" = "error: dashboard: too many arguments; usage: dashboard" ] ||
	bad "dashboard x: $(cat "$SCRATCH/err")"
run_rs --tui -c describe < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err"
st=$?
[ "$st" = 2 ] || bad "--tui without a terminal: exit status $st, expected 2"
[ "$(cat "$SCRATCH/err")" = "reelscope: --tui needs a terminal" ] ||
	bad "--tui without a terminal: $(cat "$SCRATCH/err")"
[ -s "$SCRATCH/out" ] && bad "--tui without a terminal ran the commands"

exit $status
