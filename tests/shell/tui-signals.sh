#!/bin/sh
# The terminal is given back on every way out of the dashboard: SIGTERM and
# SIGHUP (clean: the session ends), a second SIGTERM at once, a fatal signal
# (SIGSEGV), SIGTERM while training is watched, and Ctrl-C (back to the
# REPL); Ctrl-Z is ignored. After each, the dashboard is gone from the screen and the terminal
# is in its normal mode (canonical input and echo).
. "$TOP_SRCDIR/tests/shell/tui-common.sh"

setup='load data/kuairec-mini; split user test=0.2 valid=0.2 seed=1'

# opened WHAT: start reelscope --tui and wait for the dashboard
opened() {
	tm kill-session -t rs > /dev/null 2>&1
	start "NO_COLOR=1" --tui -c "$setup"
	wait_for '^┌─ Dataset ─' "$1: the dashboard opens"
}
# restored WHAT: the dashboard is no longer on the screen
restored() {
	wait_gone '┌─ Dataset ─' "$1: the screen is given back"
}

for sig in TERM HUP; do
	opened "SIG$sig" || continue
	kill -"$sig" "$(pid)"
	wait_exit any "SIG$sig"
	[ "$(cat "$exitfile")" -lt 128 ] || bad "SIG$sig: died of a signal ($(cat "$exitfile")) instead of ending cleanly"
	restored "SIG$sig"
done

# two at once: the second may end it on the spot; the terminal comes back
opened "two SIGTERMs" && {
	p=$(pid)
	kill -TERM "$p"
	kill -TERM "$p" 2> /dev/null
	wait_exit any "two SIGTERMs"
	restored "two SIGTERMs"
}

# a fatal signal: the terminal first, then the usual death (or the
# sanitizer's report)
opened "SIGSEGV" && {
	kill -SEGV "$(pid)"
	wait_exit any "SIGSEGV"
	[ "$(cat "$exitfile")" != 0 ] || bad "SIGSEGV: exit status 0"
	restored "SIGSEGV"
}

# SIGTERM while training is watched: training stops, the session ends
tm kill-session -t rs
start "NO_COLOR=1" -i -c "$setup"
wait_for '^reelscope>$' "the prompt" && {
	keys "train w model=bpr epochs=100000 patience=0 --watch" Enter
	wait_for '^│ w \(bpr\)  epoch [0-9]+/100000 ' "the watched training"
	kill -TERM "$(pid)"
	wait_exit any "SIGTERM while watching"
	[ "$(cat "$exitfile")" -lt 128 ] || bad "SIGTERM while watching: died of a signal"
	wait_gone '^│ w \(bpr\)' "SIGTERM while watching: the screen is given back"
}

# Ctrl-Z is ignored in the dashboard (a stopped reelscope would leave the
# terminal in curses' mode); Ctrl-C leaves the dashboard for the REPL
opened "Ctrl-C" && {
	keys C-z '?'
	wait_for '─ Keys ─' "after Ctrl-Z the dashboard still answers"
	keys q
	wait_gone '─ Keys ─' "q closes the keys"
	keys C-c
	wait_for '^reelscope>$' "Ctrl-C: the REPL prompt"
	restored "Ctrl-C"
	quit_repl
	wait_exit 0 "quit after Ctrl-C"
}
exit $status
