#!/bin/sh
# quit and Ctrl-D on a real terminal (tmux) with models or pipeline steps
# not saved since the last change: asked once ("... not saved; quit
# anyway? (y/N)"), n goes back to the prompt and a second quit leaves;
# after save nothing is asked; batch mode (-c, a script, stdin not a
# terminal) never asks. Polls the screen, no sleeps.
# shellcheck source=tests/shell/tui-common.sh
. "$TOP_SRCDIR/tests/shell/tui-common.sh"

# setup DIR: a small world in DIR, split, one model
setup() {
	echo "generate $1 users=30 videos=60 creators=6 days=3 events=10 --clean --load; split random; train p model=pop"
}
# prompt ERE WHAT: the prompt line reads ERE after "reelscope> " (the
# screen has no trailing blanks: an empty line is "reelscope>")
prompt() {
	if [ -z "$1" ]; then
		wait_for "^reelscope>\$" "$2"
	else
		wait_for "^reelscope> $1\$" "$2"
	fi
}
line() {
	keys -l "$1"
	keys Enter
}

# ---- one model and one step unsaved: n stays, the second quit leaves ----
start "" -i -c "$(setup w1)"
prompt "" "the prompt after the setup"
line quit
wait_for "^1 model and 1 step not saved; quit anyway\\? \\(y/N\\) ?$" "quit asks"
line n
prompt "" "n goes back to the prompt"
line 'describe columns=no'
wait_for "^interactions " "the session goes on after n"
line quit
wait_exit 0 "the second quit"
tm kill-session -t rs

# ---- after save nothing is asked; a later change is ----
start "" -i -c "$(setup w2); save s.rsw"
prompt "" "the prompt after save"
line quit
wait_exit 0 "quit after save"
grep -q "not saved" "$SCRATCH/screen" && bad "quit asked after save"
[ -s "$SCRATCH/s.rsw" ] || bad "the setup did not save s.rsw"
tm kill-session -t rs

start "" -i -c "open s.rsw; clean dedup"
prompt "" "the prompt after open and clean"
keys C-d
wait_for "^1 step not saved; quit anyway\\? \\(y/N\\) ?$" "Ctrl-D asks after a step"
line y
wait_exit 0 "Ctrl-D then y"
tm kill-session -t rs

# ---- batch never asks ----
out=$(run_rs -c "$(setup w3); quit" < /dev/null 2>&1) || fail "batch quit failed: $out"
printf '%s\n' "$out" | grep -q "not saved" && fail "batch quit asked: $out"
out=$(printf '%s\n' "$(setup w4)" quit | run_rs 2>&1) || fail "stdin quit failed: $out"
printf '%s\n' "$out" | grep -q "not saved" && fail "stdin quit asked: $out"
exit $status
