# Shared by the tests/shell/tui-*.sh tests (sourced, not run): reelscope in a
# tmux pane of 80x24, keys, screen captures polled with a timeout, the exit
# status and the terminal's mode after exit read from files the pane's shell
# writes.
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

# seconds to wait for the screen (sanitizers and valgrind are slower)
limit=${RS_TMUX_WAIT:-15}
[ -n "${REELSCOPE_VALGRIND:-}" ] && limit=$((limit * 6))

q() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}
exitfile=$SCRATCH/exit-status
sttyfile=$SCRATCH/stty-after
pidfile=$SCRATCH/pid

status=0
bad() {
	echo "FAIL: $*" >&2
	echo "--- screen:" >&2
	screen >&2
	echo "---" >&2
	status=1
}

# screen: the visible pane without trailing blanks
screen() {
	tm capture-pane -p -t rs 2> /dev/null | sed -e 's/[[:space:]]*$//'
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
# wait_gone ERE WHAT: poll until no line of the screen matches
wait_gone() {
	end=$(($(date +%s) + limit))
	while :; do
		screen > "$SCRATCH/screen"
		grep -E -q -- "$1" "$SCRATCH/screen" || return 0
		if [ "$(date +%s)" -ge "$end" ]; then
			bad "$2: a line still matches /$1/ after ${limit}s"
			return 1
		fi
		nap
	done
}
# has ERE WHAT: the last screen read, or one read until the time limit, has
# a matching line. curses sends a frame in pieces, top row first: the line
# a wait_for saw can be on the screen before the rows below it are.
has() {
	grep -E -q -- "$1" "$SCRATCH/screen" || wait_for "$1" "$2"
}
keys() {
	tm send-keys -t rs "$@"
}
# start ENV ARGS: reelscope ARGS in a new 80x24 pane (ENV: assignments
# for its environment, e.g. "NO_COLOR=1", or ""). The pane's shell records
# the pid, the exit status and "stty -a" after reelscope ends.
start() {
	env_=$1
	shift
	args=
	for a in "$@"; do
		args="$args $(q "$a")"
	done
	run="$(q "$REELSCOPE")"
	[ -n "${REELSCOPE_VALGRIND:-}" ] &&
		run="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite $run"
	rm -f "$exitfile" "$sttyfile" "$pidfile"
	# with gate=1 it waits for $SCRATCH/go (so pipe-pane sees every byte)
	{
		echo '#!/bin/sh'
		[ "${gate:-}" = 1 ] && echo "while [ ! -e $(q "$SCRATCH/go") ]; do sleep 0.05 2> /dev/null || sleep 1; done"
		echo "echo \$\$ > $(q "$pidfile")"
		echo "exec $run$args"
	} > "$SCRATCH/run.sh"
	cmd="trap '' INT; $env_ sh $(q "$SCRATCH/run.sh"); echo \$? > $(q "$exitfile"); stty -a > $(q "$sttyfile"); sleep 600"
	# exit-empty off: the server stays when a test kills the session to
	# start another, or the next client can meet it on its way out
	# ("server exited unexpectedly")
	tm new-session -d -s rs -x 80 -y 24 -c "$SCRATCH" "$cmd" \; \
	    set-option -s exit-empty off ||
		fail "cannot start tmux"
}
# wait_exit CODE WHAT: reelscope ended with status CODE ("any": any) and
# left the terminal in its normal mode (canonical input, echo)
wait_exit() {
	end=$(($(date +%s) + limit))
	while [ ! -s "$sttyfile" ]; do
		if [ "$(date +%s)" -ge "$end" ]; then
			bad "$2: reelscope did not exit"
			return 1
		fi
		nap
	done
	code=$(cat "$exitfile")
	[ "$1" = any ] || [ "$code" = "$1" ] || bad "$2: exit status $code, expected $1"
	grep -E -q '(^| )icanon( |$)' "$sttyfile" || bad "$2: terminal left without icanon: $(cat "$sttyfile")"
	grep -E -q '(^| )echo( |$)' "$sttyfile" || bad "$2: terminal left without echo"
}
# quit_repl: quit at the REPL's prompt, answering y when it asks about
# models or steps not saved (then wait_exit as usual)
quit_repl() {
	keys quit Enter
	end=$(($(date +%s) + limit))
	while [ ! -s "$sttyfile" ] && [ "$(date +%s)" -lt "$end" ]; do
		if screen | grep -q 'not saved; quit anyway? (y/N)'; then
			keys y Enter
			return 0
		fi
		nap
	done
}
# pid: reelscope's process id (once it started)
pid() {
	end=$(($(date +%s) + limit))
	while [ ! -s "$pidfile" ]; do
		[ "$(date +%s)" -ge "$end" ] && fail "reelscope did not start"
		nap
	done
	cat "$pidfile"
}
# width TEXT: columns TEXT takes on the screen (wide characters count 2)
width() {
	printf '%s\n' "$1" | wc -L | tr -d ' '
}
