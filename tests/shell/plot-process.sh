#!/bin/sh
# The session's gnuplot process: one for every plot of a session, started
# again when it dies, gone when reelscope leaves; a gnuplot that stops
# reading gives an error, not a SIGPIPE death; one that hangs is given up
# after set gnuplot_timeout= seconds and killed; without gnuplot on PATH the
# built-in renderer draws and says why; text plots take COLUMNS/LINES;
# term=sixel writes a sixel image.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

real=$(command -v gnuplot) || fail "gnuplot is not installed (tools/install-deps.sh)"
cd "$SCRATCH" || exit 1
limit=${RS_PLOT_WAIT:-120}	# seconds any one wait may take
mkdir bin nobin stuck hung
# a gnuplot that logs its process id, then becomes the real one
cat > bin/gnuplot <<EOS
#!/bin/sh
echo \$\$ >> "$SCRATCH/pids"
exec "$real" "\$@"
EOS
# a gnuplot that stops reading at once and stays (until reelscope kills
# it, which it may do as soon as the input is closed: the id comes first)
cat > stuck/gnuplot <<EOS
#!/bin/sh
echo \$\$ >> "$SCRATCH/stub-pids"
exec 0<&-
exec sleep 300
EOS
# a gnuplot that stays and never reads nor answers: it looks hung
cat > hung/gnuplot <<EOS
#!/bin/sh
echo \$\$ >> "$SCRATCH/stub-pids"
exec sleep 300
EOS
chmod +x bin/gnuplot stuck/gnuplot hung/gnuplot
# a stub reelscope failed to stop must not outlive the test (its pid, if
# still a sleep of ours)
trap 'for p in $(cat "$SCRATCH/stub-pids" 2> /dev/null); do
	[ "$(ps -o comm= -p "$p" 2> /dev/null)" = sleep ] && kill -9 "$p"
done; rm -rf "$SCRATCH"' EXIT
trap 'exit 1' INT TERM
set -- $RS_RUN
rs=$(command -v "$1") || fail "cannot find $1"
shift
rsargs="$*"
load="load data/plot/views.csv items=data/plot/items.csv creator=author"

# none_left FILE WHAT: no process of FILE's ids runs. reelscope waits for
# its gnuplot before it exits, so no time is given.
none_left() {
	for p in $(cat "$1"); do
		kill -0 "$p" 2> /dev/null && fail "$2: gnuplot $p still runs after reelscope left"
	done
}

# several plots, one process; it is gone after the session
# shellcheck disable=SC2086
PATH="$SCRATCH/bin:$PATH" "$rs" $rsargs --no-progress -c "$load; plot hist watch_ratio size=60x16;
	plot hist duration size=60x16; plot hist watch_ratio to=a.svg" > one.out 2>&1 ||
	fail "plots failed: $(cat one.out)"
[ "$(wc -l < pids)" -eq 1 ] || fail "expected one gnuplot for three plots, started $(wc -l < pids)"
none_left pids "three plots"

# killed between two plots: the next plot starts a new one
rm -f pids
mkfifo cmds
# shellcheck disable=SC2086
PATH="$SCRATCH/bin:$PATH" "$rs" $rsargs --no-progress --echo < cmds > two.out 2>&1 &
rspid=$!
exec 3> cmds
echo "$load" >&3
echo "plot hist watch_ratio size=60x16" >&3
end=$(($(date +%s) + limit))
while ! grep -q '^bin_width' two.out 2>/dev/null; do
	[ "$(date +%s)" -lt "$end" ] || fail "the first plot did not come: $(cat two.out)"
	sleep 0.1
done
first=$(cat pids)
kill -9 "$first"
echo "plot hist duration size=60x16" >&3
echo "quit" >&3
exec 3>&-
wait $rspid || fail "the session failed after gnuplot died: $(cat two.out)"
[ "$(wc -l < pids)" -eq 2 ] || fail "gnuplot was not started again: $(cat pids)"
grep -q 'Distribution of duration (10 items)' two.out || fail "no second plot: $(cat two.out)"

# a gnuplot that stops reading: an error (exit 1), not a SIGPIPE death
# (141). The loss curve of 20,000 epochs makes a script of some 300 KB:
# more than a pipe holds (64 KiB), so reelscope writes after the stub
# closed its input, whatever runs first; and once more with a fresh one.
# shellcheck disable=SC2086
PATH="$SCRATCH/bin:$PATH" "$rs" $rsargs --no-progress -c "$load; split random test=0.2 seed=1;
	train m model=mf epochs=20000; plot loss size=60x16 script=loss.gp;
	set gnuplot=$SCRATCH/stuck/gnuplot; plot loss size=60x16" > stuck.out 2>&1
st=$?
[ "$(wc -c < loss.dat)" -gt 262144 ] ||
	fail "the loss data are $(wc -c < loss.dat) bytes: too few to fill a pipe"
[ $st -eq 1 ] || fail "a gnuplot that stops reading: exit status $st, expected 1: $(cat stuck.out)"
grep -q '^error: plot loss: .*/stuck/gnuplot stopped before finishing the plot$' stuck.out ||
	fail "no message for a gnuplot that stops reading: $(cat stuck.out)"
[ "$(wc -l < stub-pids)" -eq 2 ] || fail "expected two tries of a gnuplot that stops reading: $(cat stub-pids)"
none_left stub-pids "a gnuplot that stops reading"

# a gnuplot that reads nothing and says nothing: given up after
# gnuplot_timeout seconds, and killed
: > stub-pids
# shellcheck disable=SC2086
PATH="$SCRATCH/hung:$PATH" "$rs" $rsargs --no-progress -c "$load; set gnuplot_timeout=2;
	plot hist watch_ratio size=60x16" > hung.out 2>&1
st=$?
[ $st -eq 1 ] || fail "a hung gnuplot: exit status $st, expected 1: $(cat hung.out)"
grep -q '^gnuplot_timeout  *2$' hung.out || fail "set does not show gnuplot_timeout: $(cat hung.out)"
grep -q '^error: plot hist: gnuplot did not finish the plot within 2 seconds (set gnuplot_timeout=SECONDS gives it longer)$' hung.out ||
	fail "no message for a hung gnuplot: $(cat hung.out)"
# (none logged if it was killed before its shell ran: one at most)
[ "$(wc -l < stub-pids)" -le 1 ] || fail "a hung gnuplot was started again: $(cat stub-pids)"
none_left stub-pids "a hung gnuplot"

# no gnuplot on PATH: the message and the built-in rendering
# shellcheck disable=SC2086
PATH="$SCRATCH/nobin" "$rs" $rsargs --no-progress -c "$load; plot hist duration bins=4 size=50x14" > none.out 2>&1 ||
	fail "a text plot without gnuplot failed: $(cat none.out)"
grep -q '^warning: gnuplot not found on PATH (install gnuplot-nox, or set gnuplot=PATH): drew the plot with the built-in text renderer$' none.out ||
	fail "no message without gnuplot: $(cat none.out)"
grep -q '^ *Distribution of duration (10 items)$' none.out || fail "no built-in plot: $(cat none.out)"
# bins of 13 from 8: 5, 3, 1 and 1 durations; the bottom row has the 4
# bars, the row at 2.314 (of 0 to 5.4 over 8 rows) the first two
grep -q '^    0|  \*\*\*\*\*\*\*\*\* \*\*\*\*\*\*\*\*\* \*\*\*\*\*\*\*\* \*\*\*\*\*\*\*\*\*  |$' none.out ||
	fail "the built-in plot lacks its 4 bars: $(cat none.out)"
grep -q '^2.314|  \*\*\*\*\*\*\*\*\* \*\*\*\*\*\*\*\*\*  *|$' none.out ||
	fail "the built-in plot's bars have the wrong heights: $(cat none.out)"

# the text plot takes the width from COLUMNS (and LINES)
widest() { awk '{ if (length($0) > w) w = length($0) } END { print w }' "$1"; }
COLUMNS=50 LINES=16 run_rs --no-progress -c "$load; plot hist duration" > narrow.out 2>&1 ||
	fail "plot failed: $(cat narrow.out)"
COLUMNS=120 LINES=30 run_rs --no-progress -c "$load; plot hist duration" > wide.out 2>&1 ||
	fail "plot failed: $(cat wide.out)"
sed -n '/Distribution/,/^column/p' narrow.out > narrow.plot
sed -n '/Distribution/,/^column/p' wide.out > wide.plot
wn=$(widest narrow.plot)
ww=$(widest wide.plot)
[ "$wn" -le 50 ] && [ "$wn" -ge 45 ] || fail "COLUMNS=50 gave lines of $wn characters"
[ "$ww" -le 120 ] && [ "$ww" -ge 110 ] || fail "COLUMNS=120 gave lines of $ww characters"
[ "$(wc -l < wide.plot)" -gt "$(wc -l < narrow.plot)" ] || fail "LINES did not make the plot taller"

# on a terminal (a pty from script(1)): its size from the terminal itself,
# colours unless NO_COLOR is set
if command -v script >/dev/null 2>&1; then
	esc=$(printf '\033')
	# shellcheck disable=SC2086
	script -qc "stty cols 70 rows 20; env -u COLUMNS -u LINES -u NO_COLOR $rs $rsargs --no-progress -c '$load; plot hist duration'" /dev/null |
		tr -d '\r' > pty.out
	grep -q "${esc}\[" pty.out || fail "no colours on a terminal: $(cat -v pty.out)"
	sed "s/${esc}\[[0-9;]*m//g" pty.out | sed -n '/Distribution/,/^column/p' > pty.plot
	wp=$(widest pty.plot)
	[ "$wp" -le 70 ] && [ "$wp" -ge 60 ] || fail "a 70-column terminal gave lines of $wp characters"
	[ "$(wc -l < pty.plot)" -le 20 ] || fail "a 20-row terminal gave $(wc -l < pty.plot) lines"
	# shellcheck disable=SC2086
	script -qc "stty cols 70 rows 20; env -u COLUMNS -u LINES NO_COLOR=1 $rs $rsargs --no-progress -c '$load; plot hist duration'" /dev/null |
		tr -d '\r' > pty-nc.out
	sed -n '/Distribution/,/^column/p' pty-nc.out | grep -q "${esc}" &&
		fail "colours with NO_COLOR=1: $(cat -v pty-nc.out)"
fi

# term=sixel: a DCS sixel sequence on the output
run_rs --no-progress -c "$load; plot hist duration term=sixel size=200x150" > sixel.out 2>&1 ||
	fail "term=sixel failed: $(cat sixel.out)"
esc=$(printf '\033')
grep -q "${esc}P" sixel.out || fail "no sixel sequence in the output"
grep -q "${esc}\\\\" sixel.out || fail "the sixel sequence is not closed"
exit 0
