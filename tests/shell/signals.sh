#!/bin/sh
# Signals: Ctrl-C (SIGINT) during load, train, tune, eval and tradeoff stops that work and
# the session goes on (batch with --keep-going, and the REPL through tmux);
# SIGTERM ends a session cleanly; output into a closed pipe ends quietly;
# workspace files are created 0600 (the history file: repl-tmux.sh).
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

status=0
bad() {
	echo "FAIL: $*" >&2
	status=1
}
limit=${RS_SIGNAL_WAIT:-120}	# seconds any one wait may take; a busy machine under ASan is slow
cr=$(printf '\r')
esc=$(printf '\033')

# No step waits a fixed time: a signal is sent once the work it is meant to
# stop has shown its progress bar (so the command has begun and cleared the
# flag of any earlier Ctrl-C), and every wait polls with the bound above.
# The work is sized to run a second or more after its first progress report,
# and to end on its own within the bound should the signal come late.

# wait_line FILE ERE: poll until a line of FILE matches (or time runs out)
wait_line() {
	end=$(($(date +%s) + limit))
	while ! grep -E -q -- "$2" "$1" 2> /dev/null; do
		[ "$(date +%s)" -ge "$end" ] && return 1
		sleep 0.05
	done
}

# gone PID: the process has ended (a zombie not yet waited for counts)
gone() {
	case $(ps -o stat= -p "$1" 2> /dev/null) in
	'' | Z*) return 0 ;;
	esac
	return 1
}

# wait_gone PID WHAT: poll until PID ends; past the bound, kill it and fail
wait_gone() {
	end=$(($(date +%s) + limit))
	while ! gone "$1"; do
		if [ "$(date +%s)" -ge "$end" ]; then
			bad "$2: still running ${limit}s after the signal"
			kill -9 "$1" 2> /dev/null
			return 1
		fi
		sleep 0.05
	done
}

# batch_signal SIG ERE BEFORE COMMAND AFTER: run the lines of BEFORE, then
# COMMAND with progress bars on (they go to the output, which is a file),
# then the lines of AFTER, in a batch session; send SIG once a line of the
# output matches ERE (COMMAND's progress bar). Leaves the output, bars
# taken out, in $SCRATCH/out and the status in $st.
batch_signal() {
	sig=$1 ere=$2
	{
		printf '%s\n' "$3" "set progress=yes" "$4" "set progress=no"
		[ -n "$5" ] && printf '%s\n' "$5"
	} > "$SCRATCH/cmds"
	# emptied here, not by the background job's redirection, which may come
	# after the first look: the last session's bars would match at once
	: > "$SCRATCH/out.raw"
	(cd "$SCRATCH" && exec $RS_RUN --echo --keep-going --no-progress < "$SCRATCH/cmds" \
		> "$SCRATCH/out.raw" 2>&1) &
	pid=$!
	if wait_line "$SCRATCH/out.raw" "$ere"; then
		kill -"$sig" "$pid" 2> /dev/null
		wait_gone "$pid" "SIG$sig during $4"
	else
		bad "SIG$sig: /$ere/ never showed: $(tail -c 300 "$SCRATCH/out.raw")"
		kill -9 "$pid"
	fi
	wait "$pid"
	st=$?
	# a bar is redrawn after a carriage return and erased with ESC [ K:
	# what follows the last carriage return of a line is what stays
	sed -e "s/^.*$cr//" -e "s/$esc\\[K//g" "$SCRATCH/out.raw" > "$SCRATCH/out"
	if grep -q "Sanitizer\|runtime error:" "$SCRATCH/out" || [ "$st" -gt 1 ]; then
		bad "SIG$sig during $4: status $st: $(grep -m3 'ERROR\|runtime error' "$SCRATCH/out")"
		return 1
	fi
	return 0
}

# the describe of a session that only loaded tiny.csv
(cd "$SCRATCH" && $RS_RUN --echo --no-progress -c "load data/csv/tiny.csv; describe" \
	> "$SCRATCH/base.out" 2>&1) || fail "cannot describe tiny.csv"
sed -n '/^> describe$/,$p' "$SCRATCH/base.out" > "$SCRATCH/base"

# ---- SIGINT during load: the previous dataset stays ----
# 6 M rows (2 M written three times): the load reports progress from its
# first megabyte and runs for about a second after it
awk 'BEGIN { for (i = 0; i < 2000000; i++)
	printf "u%d,i%d,%d\n", i % 5000, (i * 7) % 3000, i % 5 + 1 }' > "$SCRATCH/rows"
{ echo "user,item,rating"; cat "$SCRATCH/rows" "$SCRATCH/rows" "$SCRATCH/rows"; } > "$SCRATCH/big.csv"
rm -f "$SCRATCH/rows"
if batch_signal INT 'load big\.csv \[' "load data/csv/tiny.csv" "load big.csv" "describe"; then
	grep -q '^error: .*interrupted' "$SCRATCH/out" ||
		bad "Ctrl-C during load: no 'interrupted' error: $(grep -m2 '^error\|^warn' "$SCRATCH/out")"
	sed -n '/^> describe$/,$p' "$SCRATCH/out" | cmp -s - "$SCRATCH/base" ||
		bad "Ctrl-C during load: describe afterwards differs from the dataset before"
fi
rm -f "$SCRATCH/big.csv"

# 40,000 users ranking 20,000 items: eval takes seconds, a tradeoff value
# about half a second, an epoch of mf a sixth of a second (without
# sanitizers)
awk 'BEGIN { print "user,item,rating,creator"; for (i = 0; i < 600000; i++) {
	it = (i * 7919 + int(i / 40000) * 1237) % 20000
	printf "u%d,i%d,%d,c%d\n", i % 40000, it, i % 5 + 1, it % 500 } }' > "$SCRATCH/wide.csv"
wide="load wide.csv creator=creator
split random test=0.2 seed=1"

# ---- SIGINT during train: training stops, keeps its best epoch, the
# session goes on ----
if batch_signal INT 'train m \[' "$wide" "train m model=mf epochs=100" "describe"; then
	epochs=$(sed -n 's/^epochs *//p' "$SCRATCH/out" | tr -d ,)
	{ [ -n "$epochs" ] && [ "$epochs" -lt 100 ]; } ||
		bad "Ctrl-C during train: epochs run: '$epochs', expected fewer than 100"
	grep -q '^top items hold' "$SCRATCH/out" || bad "Ctrl-C during train: describe did not run afterwards"
fi

# ---- SIGINT during tune ----
# a trial of 20,000 epochs takes seconds (patience=0: no early stop)
if batch_signal INT 'train mf-tuned \[' "load data/kuairec-mini
split random test=0.2 valid=0.2 seed=1" \
	"tune model=mf factors=2,4,8,16,32,64 epochs=20000 patience=0" "describe"; then
	grep -q '^top items hold' "$SCRATCH/out" || bad "Ctrl-C during tune: describe did not run afterwards"
fi

# ---- SIGINT during eval and tradeoff: the work stops between batches of
# users (eval) or between values (tradeoff), nothing is kept, the session
# goes on ----
if batch_signal INT 'eval p \[' "$wide
train p model=pop" "eval p" "describe"; then
	grep -Eq '^error: eval: interrupted \(p: [0-9]+ of [0-9]+ users ranked\)$' "$SCRATCH/out" ||
		bad "Ctrl-C during eval: no 'interrupted' error: $(grep -m2 '^error' "$SCRATCH/out")"
	grep -q '^users with relevant items' "$SCRATCH/out" && bad "Ctrl-C during eval: results were printed"
	grep -q '^top items hold' "$SCRATCH/out" || bad "Ctrl-C during eval: describe did not run afterwards"
fi
# tradeoff first ranks with the model as it is ("eval p"), then each value
if batch_signal INT 'eval p \[' "$wide
train p model=pop" "tradeoff p method=mmr lambda=0:1:0.01 candidates=200" "describe"; then
	grep -Eq '^error: tradeoff: interrupted( after [0-9]+ of 101 values| \(p: [0-9]+ of [0-9]+ users ranked\))$' "$SCRATCH/out" ||
		bad "Ctrl-C during tradeoff: no 'interrupted' error: $(grep -m2 '^error' "$SCRATCH/out")"
	grep -q '^rows:' "$SCRATCH/out" && bad "Ctrl-C during tradeoff: a table was printed"
	grep -q '^top items hold' "$SCRATCH/out" || bad "Ctrl-C during tradeoff: describe did not run afterwards"
fi

# ---- SIGTERM: stop the work, end the session, no more commands ----
if batch_signal TERM 'train m \[' "$wide" "train m model=mf epochs=100" "describe"; then
	grep -q '^top items hold' "$SCRATCH/out" && bad "SIGTERM: the session went on to describe"
	grep -q '^> set progress=no' "$SCRATCH/out" && bad "SIGTERM: the session read another command"
fi

# ---- SIGTERM while waiting for input ----
# its input is a fifo this shell holds open without writing: after the
# first command's output it can only be waiting in read
mkfifo "$SCRATCH/in"
: > "$SCRATCH/out"	# not the last session's set output
(cd "$SCRATCH" && exec $RS_RUN --echo --no-progress < "$SCRATCH/in" > "$SCRATCH/out" 2>&1) &
pid=$!
exec 3> "$SCRATCH/in"
echo "set" >&3
# "keep_going" is the last line of set's output; the process then sleeps
# in read (S), not running (R)
if wait_line "$SCRATCH/out" '^keep_going'; then
	end=$(($(date +%s) + limit))
	until case $(ps -o stat= -p "$pid" 2> /dev/null) in S*) true ;; *) false ;; esac; do
		[ "$(date +%s)" -ge "$end" ] && break
		sleep 0.05
	done
else
	bad "SIGTERM at input: the first command did not run: $(cat "$SCRATCH/out")"
fi
kill -TERM "$pid" 2> /dev/null
wait_gone "$pid" "SIGTERM at input"
wait "$pid"
st=$?
exec 3>&-
[ "$st" -lt 128 ] || [ "$st" -eq 143 ] || bad "SIGTERM at input: status $st"
grep -q "Sanitizer" "$SCRATCH/out" && bad "SIGTERM at input: $(cat "$SCRATCH/out")"

# ---- a closed pipe: quiet ----
(cd "$SCRATCH" && $RS_RUN --no-progress -c "load data/kuairec-mini; describe; columns; head 100; describe" \
	2> "$SCRATCH/err" | head -1 > /dev/null)
[ -s "$SCRATCH/err" ] && ! grep -q '^format\|^log\|^no creator' "$SCRATCH/err" &&
	bad "output into a closed pipe is not quiet: $(head -c 300 "$SCRATCH/err")"
grep -q "Sanitizer\|runtime error" "$SCRATCH/err" && bad "closed pipe: $(cat "$SCRATCH/err")"

# ---- workspace files are 0600, whatever the umask ----
(cd "$SCRATCH" && umask 000 && $RS_RUN --no-progress -c "load data/csv/tiny.csv; save w.rsw" > /dev/null 2>&1) ||
	bad "save w.rsw failed"
mode=$(ls -l "$SCRATCH/w.rsw" | cut -c1-10)
[ "$mode" = "-rw-------" ] || bad "workspace file mode is $mode, expected -rw-------"

# ---- the REPL: Ctrl-C during train keeps the session ----
if command -v tmux > /dev/null 2>&1; then
	# its own server, the socket in the scratch directory: not a name from
	# $$ another test's server may hold
	tm() { tmux -S "$SCRATCH/tmux.sock" -f /dev/null "$@"; }
	trap 'tm kill-server > /dev/null 2>&1; rm -rf "$SCRATCH"' EXIT
	exitfile=$SCRATCH/exit-status
	# the pane stays after reelscope for the last screen; kill-server ends it
	tm new-session -d -s rs -x 100 -y 30 -c "$SCRATCH" \
		"trap '' INT; $RS_RUN; echo \$? > '$exitfile'; sleep 60"
	screen() { tm capture-pane -p -J -t rs 2> /dev/null > "$SCRATCH/screen"; }
	wait_screen() {
		end=$(($(date +%s) + limit))
		while screen; ! grep -E -q -- "$1" "$SCRATCH/screen"; do
			if [ "$(date +%s)" -ge "$end" ]; then
				bad "REPL: $2: no /$1/ on the screen"
				cat "$SCRATCH/screen" >&2
				return 1
			fi
			sleep 0.1
		done
	}
	wait_screen '^reelscope> ' "prompt" &&
	tm send-keys -t rs "load wide.csv creator=creator; split random test=0.2 seed=1" Enter &&
	wait_screen '^test users' "split" &&
	tm send-keys -t rs "train m model=mf epochs=100" Enter &&
	# the progress bar on the screen: training has begun
	wait_screen 'train m \[' "training's progress bar" &&
	tm send-keys -t rs C-c &&
	wait_screen '^interrupted +yes' "train stopped by Ctrl-C" &&
	cp "$SCRATCH/screen" "$SCRATCH/screen-train" &&
	tm send-keys -t rs C-l && tm clear-history -t rs &&
	tm send-keys -t rs "describe" Enter &&
	wait_screen '^top items hold' "describe after Ctrl-C" &&
	tm send-keys -t rs "quit" Enter &&
	# the model is not saved: quit asks once
	wait_screen 'not saved; quit anyway' "quit asks about the unsaved model" &&
	tm send-keys -t rs y Enter
	end=$(($(date +%s) + limit))
	while [ ! -s "$exitfile" ] && [ "$(date +%s)" -lt "$end" ]; do sleep 0.1; done
	[ "$(cat "$exitfile" 2> /dev/null)" = 0 ] || bad "REPL: exit status $(cat "$exitfile" 2> /dev/null)"
	screen
	grep -q "Sanitizer\|runtime error" "$SCRATCH/screen" && bad "REPL: sanitizer report"
	epochs=$(sed -n 's/.*interrupted: kept epoch \([0-9]*\).*/\1/p' "$SCRATCH/screen-train" 2> /dev/null | tail -1)
	{ [ -n "$epochs" ] && [ "$epochs" -lt 100 ]; } || bad "REPL: epochs run '$epochs'"
else
	echo "tmux not found: the REPL part is skipped"
fi
exit $status
