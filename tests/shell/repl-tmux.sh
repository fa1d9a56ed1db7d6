#!/bin/sh
# The interactive REPL on a real terminal (tmux): prompt, help, commands,
# Tab completion of command and option names, Ctrl-C at the prompt, errors
# that keep the session alive, quit and Ctrl-D, and the history file.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

command -v tmux > /dev/null 2>&1 || { echo "tmux not found: skipped"; exit 77; }

# a server of its own, its socket in the scratch directory: a name made
# from $$ can be another test's (machines running several suites reuse
# process ids within minutes, and a server can outlive its test)
tm() {
	tmux -S "$SCRATCH/tmux.sock" -f /dev/null "$@"
}
trap 'tm kill-server > /dev/null 2>&1; rm -rf "$SCRATCH"' EXIT
trap 'exit 1' INT TERM

# seconds to wait for the screen; valgrind is much slower
limit=${RS_TMUX_WAIT:-10}
[ -n "${REELSCOPE_VALGRIND:-}" ] && limit=$((limit * 6))
hist=$SCRATCH/history
export REELSCOPE_HISTORY="$hist"	# lib.sh turns history off; this test wants it

# The pane runs a shell that ignores SIGINT (so Ctrl-C reaches only
# reelscope, which installs its own handler) and writes reelscope's exit
# status to a file: tmux 3.3 sometimes marks a pane dead without its status
# when the pty closes before the process is reaped.
q() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}
run="$(q "$REELSCOPE")"
[ -n "${REELSCOPE_VALGRIND:-}" ] &&
	run="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite $(q "$REELSCOPE")"
exitfile=$SCRATCH/exit-status
cmd="trap '' INT; $run; echo \$? > $(q "$exitfile")"

status=0
bad() {
	echo "FAIL: $*" >&2
	echo "--- screen:" >&2
	screen >&2
	echo "---" >&2
	status=1
}

# screen: the visible pane, wrapped lines joined, without trailing blanks
# (-J keeps the spaces readline wrote over erased text) and blank last lines
screen() {
	tm capture-pane -p -J -t rs 2> /dev/null | sed -e 's/[[:space:]]*$//' |
	    sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}
nap() {
	sleep 0.05 2> /dev/null || sleep 1
}
# wait_for ERE WHAT: poll until a line of the screen matches
wait_for() {
	end=$(($(date +%s) + limit))
	while :; do
		screen > "$SCRATCH/screen"
		grep -E -q -- "$1" "$SCRATCH/screen" && return 0
		if [ "$(date +%s)" -ge "$end" ]; then
			bad "$2: no line matching /$1/ within ${limit}s"
			return 1
		fi
		nap
	done
}
# last_line_is TEXT WHAT: poll until the last non-blank line is TEXT
last_line_is() {
	end=$(($(date +%s) + limit))
	while :; do
		[ "$(screen | tail -n 1)" = "$1" ] && return 0
		if [ "$(date +%s)" -ge "$end" ]; then
			bad "$2: last line is \"$(screen | tail -n 1)\", expected \"$1\""
			return 1
		fi
		nap
	done
}
# clear_screen: readline's clear-screen (C-l) and no scrollback, then wait for a
# screen holding only the prompt, so that each step sees only its own output
clear_screen() {
	tm send-keys -t rs C-l
	tm clear-history -t rs
	end=$(($(date +%s) + limit))
	while [ "$(screen)" != "reelscope>" ]; do
		if [ "$(date +%s)" -ge "$end" ]; then
			bad "C-l: the screen did not clear to a prompt"
			return 1
		fi
		nap
	done
}
# keys TEXT: literal keys, no Enter
keys() {
	tm send-keys -t rs -l -- "$1"
}
enter() {
	tm send-keys -t rs Enter
}
# wait_exit WHAT: wait until reelscope has exited; check status 0 (read from
# the file the pane's shell writes, not from tmux)
wait_exit() {
	end=$(($(date +%s) + limit))
	while [ ! -s "$exitfile" ]; do
		if [ "$(date +%s)" -ge "$end" ]; then
			bad "$1: reelscope did not exit"
			return 1
		fi
		nap
	done
	code=$(cat "$exitfile")
	case $code in
	0) ;;
	*) bad "$1: reelscope exited with status $code" ;;
	esac
}
start() {
	rm -f "$exitfile"
	# exit-empty off: session 2 starts after kill-session, which would
	# otherwise end the server while the next client connects to it
	# ("server exited unexpectedly")
	tm new-session -d -s rs -x 100 -y 70 -c "$SCRATCH" "$cmd" \; \
	    set-option -g remain-on-exit on \; set-option -s exit-empty off ||
		fail "cannot start tmux"
	wait_for '^reelscope> $|^reelscope>$' "the prompt" || exit 1
}

# ---- session 1 ----
start
grep -q 'type help for commands' "$SCRATCH/screen" || bad "no banner before the first prompt"

# help lists the commands
keys help
enter
wait_for '^quit ' "help lists quit"
grep -E -q '^load +.*load an interaction log' "$SCRATCH/screen" || bad "help does not list load"
grep -E -q '^describe +.*summarize the dataset' "$SCRATCH/screen" || bad "help does not list describe"

# load, then describe
clear_screen
keys "load data/csv/tiny.csv"
enter
wait_for '^creators ' "load finished"
grep -E -q '^interactions +4$' "$SCRATCH/screen" || bad "load: interactions 4"
clear_screen
keys describe
enter
wait_for '^top items hold' "describe finished"
grep -E -q '^interactions +4$' "$SCRATCH/screen" || bad "describe: interactions 4"
grep -E -q '^density +44\.4%$' "$SCRATCH/screen" || bad "describe: density 44.4%"

# Tab completes a command name, then Enter runs it
clear_screen
keys desc
tm send-keys -t rs Tab
wait_for '^reelscope> describe ?$' "Tab completes desc to describe"
enter
wait_for '^top items hold' "the completed describe ran"
grep -q '^error:' "$SCRATCH/screen" && bad "the completed describe failed"

# Tab completes an option name (with its "="); Ctrl-C drops the line
clear_screen
keys "load data/csv/tiny.csv enc"
tm send-keys -t rs Tab
wait_for '^reelscope> load data/csv/tiny\.csv encoding=$' "Tab completes enc to encoding="
tm send-keys -t rs C-c
last_line_is "reelscope>" "Ctrl-C gives a fresh prompt"
# the session survived and the dropped line is gone: columns runs alone
keys columns
enter
wait_for '^log +timestamp +int +time +0$' "columns after Ctrl-C"
grep -q '^error:' "$SCRATCH/screen" && bad "the command after Ctrl-C failed (was the line dropped?)"

# errors keep the REPL alive; a failed load keeps the dataset
clear_screen
keys "bogus"
enter
wait_for '^error: unknown command: bogus' "an unknown command is reported"
keys "load nothere.csv"
enter
wait_for '^error: cannot open nothere\.csv' "a failed load is reported"
keys "head 1"
enter
wait_for '^u1 +i1 +5 +1000$' "head after the errors shows the first dataset"
last_line_is "reelscope>" "prompt after head"

# a salt typed inline is kept out of the history file
clear_screen
keys 'anonymize salt="top secret"'
enter
last_line_is "reelscope>" "prompt after anonymize"

# quit leaves with status 0
keys quit
enter
wait_exit "quit"

# ---- the history file ----
if [ ! -f "$hist" ]; then
	bad "no history file $hist"
else
	# shellcheck disable=SC2012 # one known file; ls shows the mode portably
	mode=$(ls -l "$hist" | cut -c1-10)
	[ "$mode" = "-rw-------" ] || bad "history file mode is $mode, expected -rw-------"
	for c in help "load data/csv/tiny.csv" describe columns bogus "load nothere.csv" "head 1" quit; do
		grep -E -q "^$c ?\$" "$hist" || bad "history file lacks \"$c\": $(cat "$hist")"
	done
	grep -q 'anonymize salt=\*\*\*$' "$hist" || bad "history file lacks the redacted anonymize: $(cat "$hist")"
	grep -q 'top secret' "$hist" && bad "the salt reached the history file: $(cat "$hist")"
	grep -q 'encoding=' "$hist" && bad "the line dropped by Ctrl-C is in the history: $(cat "$hist")"
fi

# ---- session 2: the history is read back; Ctrl-D leaves ----
tm kill-session -t rs
start
tm send-keys -t rs Up
wait_for '^reelscope> quit$' "Up recalls the last command of the previous session"
tm send-keys -t rs C-u
last_line_is "reelscope>" "C-u empties the line"
tm send-keys -t rs C-d
wait_exit "Ctrl-D"

exit $status
