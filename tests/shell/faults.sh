#!/bin/sh
# Fault injection (tests/fault/libfault.so, an LD_PRELOAD hook):
#  - an allocation failing at the N-th call gives "out of memory" (or a
#    clean error) and exit status 1: never a signal, never a sanitizer report;
#  - a write failing at each write of a save, and a failing fsync, leave the
#    previous workspace file as it was and no temporary file behind;
#  - kill -9 at varying moments of a save leaves the old or the new file,
#    either of which opens.
# FAULT_ALL=1 tries every allocation instead of a sample (the long form).
# Prints "faults: P passed / T injection points".
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

hook=$(dirname "$REELSCOPE")/tests/fault/libfault.so
[ -f "$hook" ] || fail "$hook is not built (make check builds it)"
# under ASan the hook comes before the runtime: tell ASan that is fine
ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0
# one thread each, so that the N-th allocation is the same one every run
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
export ASAN_OPTIONS OPENBLAS_NUM_THREADS OMP_NUM_THREADS
mkdir "$SCRATCH/gen"
status=0
pass=0
total=0
bad() {
	echo "FAIL: $*" >&2
	status=1
}

# counts CMDS...: allocations and file writes of one run (into $na $nw)
counts() {
	(cd "$SCRATCH" && LD_PRELOAD=$hook FAULT_COUNT_FD=9 "$REELSCOPE" --no-progress "$@" \
		9> "$SCRATCH/count" > /dev/null 2>&1)
	na=$(cut -d' ' -f1 "$SCRATCH/count")
	nw=$(cut -d' ' -f2 "$SCRATCH/count")
	[ -n "$na" ] || fail "the fault hook does not count (LD_PRELOAD ignored?)"
}

# one allocation failure: $1 = N, then reelscope's arguments
alloc_point() {
	n=$1
	shift
	total=$((total + 1))
	(cd "$SCRATCH" && LD_PRELOAD=$hook FAULT_MALLOC_AT=$n "$REELSCOPE" --no-progress "$@" \
		> "$SCRATCH/out" 2> "$SCRATCH/err")
	st=$?
	if grep -q "Sanitizer\|runtime error:" "$SCRATCH/err" || [ "$st" -gt 1 ]; then
		bad "allocation $n of '$*': status $st: $(grep -m2 'ERROR\|runtime error\|rror' "$SCRATCH/err")"
		return
	fi
	if [ "$st" -eq 1 ] && ! grep -qi "out of memory\|^error: " "$SCRATCH/err"; then
		bad "allocation $n of '$*': status 1 without a message: $(head -c 200 "$SCRATCH/err")"
		return
	fi
	pass=$((pass + 1))
}

# ---- allocation failures ----
counts --version
base=$na
for work in "load data/eval/train.csv; describe; split random test=0.3 seed=1; train p model=pop; eval p; save gen/a.rsw --force" \
    "open gen/a.rsw; describe; load data/bad/truncated.csv.gz; load data/kuairec-mini; head 2"; do
	counts -c "$work"
	all=$na
	[ "$all" -gt $((base + 100)) ] || fail "'$work' made only $((all - base)) allocations: does it fail?"
	if [ -n "${FAULT_ALL:-}" ]; then
		step=1
	else
		step=$(( (all - base) / 40 + 1 ))
	fi
	n=$((base + 1))
	while [ "$n" -le "$all" ]; do
		alloc_point "$n" -c "$work"
		n=$((n + step))
	done
	echo "faults: '$work': every ${step}th of $((all - base)) allocations after startup"
done
echo "faults: allocation points: $pass passed / $total"
# out of memory ends the process at once (_exit), like kill -9: a save cut
# short that way leaves its hidden temporary file (the target is untouched)
left=$(ls -A "$SCRATCH/gen" | grep -c '\.tmp-')
[ "$left" -gt 0 ] && echo "faults: note: $left temporary files left by saves that ran out of memory"
rm -f "$SCRATCH"/gen/.*.tmp-*

# ---- write failures while saving ----
run_rs --no-progress -c "load data/csv/tiny.csv; save gen/old.rsw" > /dev/null 2>&1 ||
	fail "cannot save gen/old.rsw"
run_rs --no-progress -c "load data/kuairec-mini; split random test=0.2 seed=1; train p model=pop; save gen/new.rsw" \
	> /dev/null 2>&1 || fail "cannot save gen/new.rsw"
cp "$SCRATCH/gen/old.rsw" "$SCRATCH/gen/target.rsw"
counts -c "open gen/new.rsw; save gen/target.rsw --force"
cp "$SCRATCH/gen/old.rsw" "$SCRATCH/gen/target.rsw"
writes=$nw
[ "$writes" -ge 1 ] || fail "a save made no writes the hook could see"
# write_point ENV...: one failing save of new.rsw over target.rsw
write_point() {
	total=$((total + 1))
	(cd "$SCRATCH" && env LD_PRELOAD="$hook" "$@" "$REELSCOPE" --no-progress \
		-c "open gen/new.rsw; save gen/target.rsw --force" > "$SCRATCH/out" 2> "$SCRATCH/err")
	st=$?
	if [ "$st" -ne 1 ]; then
		bad "save with $*: status $st, expected 1: $(head -c 200 "$SCRATCH/err")"
	elif ! grep -q "^error: .*gen/target.rsw" "$SCRATCH/err"; then
		bad "save with $*: no error naming the file: $(head -c 200 "$SCRATCH/err")"
	elif ! cmp -s "$SCRATCH/gen/target.rsw" "$SCRATCH/gen/old.rsw"; then
		bad "save with $*: the previous workspace file changed"
		cp "$SCRATCH/gen/old.rsw" "$SCRATCH/gen/target.rsw"
	elif [ "$(ls -A "$SCRATCH/gen" | grep -c tmp)" -ne 0 ]; then
		bad "save with $*: a temporary file was left: $(ls -A "$SCRATCH/gen")"
		rm -f "$SCRATCH"/gen/.*tmp*
	else
		pass=$((pass + 1))
	fi
}
k=1
while [ "$k" -le "$writes" ]; do
	write_point FAULT_WRITE_AT="$k"
	k=$((k + 1))
done
write_point FAULT_FSYNC=1
echo "faults: $pass passed / $total after $writes write points and a failing fsync"

# ---- kill -9 during save ----
# two different workspaces saved alternately over one path; after each kill
# the path must hold one of them, whole (same bytes as a clean save).
# The delays only spread the kills over the run: the check holds whenever
# the kill lands (before the save, during it or after), so no outcome
# depends on the machine's speed; the write points above cover each write.
run_rs --no-progress -c "open gen/old.rsw; save gen/ref-old.rsw" > /dev/null 2>&1
run_rs --no-progress -c "open gen/new.rsw; save gen/ref-new.rsw" > /dev/null 2>&1
cp "$SCRATCH/gen/ref-old.rsw" "$SCRATCH/gen/k.rsw"
kills=0
for d in 0 0.01 0.02 0.03 0.05 0.07 0.1 0.13 0.17 0.2 0.25 0.3 0.4 0.5; do
	for src in new old; do
		(cd "$SCRATCH" && exec "$REELSCOPE" --no-progress -c "open gen/$src.rsw; save gen/k.rsw --force" \
			> /dev/null 2>&1) &
		pid=$!
		sleep "$d"
		kill -9 "$pid" 2> /dev/null
		wait "$pid" 2> /dev/null
		total=$((total + 1))
		kills=$((kills + 1))
		if cmp -s "$SCRATCH/gen/k.rsw" "$SCRATCH/gen/ref-old.rsw" ||
		    cmp -s "$SCRATCH/gen/k.rsw" "$SCRATCH/gen/ref-new.rsw"; then
			if run_rs --no-progress -c "open gen/k.rsw" > /dev/null 2>&1; then
				pass=$((pass + 1))
			else
				bad "kill -9 after ${d}s: gen/k.rsw does not open"
			fi
		else
			bad "kill -9 after ${d}s: gen/k.rsw is neither the old nor the new workspace"
		fi
	done
done
# the temporary files of killed saves are swept by the next save of the
# same target; one whose process lives (this shell: a save still running)
# and other names are kept
sh -c 'exit 0' &
dead=$!
wait "$dead"
: > "$SCRATCH/gen/.k.rsw.tmp-$dead-Ab3dEf"
: > "$SCRATCH/gen/.k.rsw.tmp-$$-Xy9zWq"
: > "$SCRATCH/gen/.k.rsw.tmp-notapid"
: > "$SCRATCH/gen/.other.rsw.tmp-$dead-Ab3dEf"
left=$(ls -A "$SCRATCH/gen" | grep -c '^\.k\.rsw\.tmp-[0-9]*-')
total=$((total + 1))
if run_rs --no-progress -c "open gen/old.rsw; save gen/k.rsw --force" > /dev/null 2>&1 &&
    [ "$(ls -A "$SCRATCH/gen" | grep '^\.k\.rsw\.tmp-[0-9]*-' | tr '\n' ' ')" = ".k.rsw.tmp-$$-Xy9zWq " ] &&
    [ -e "$SCRATCH/gen/.k.rsw.tmp-notapid" ] && [ -e "$SCRATCH/gen/.other.rsw.tmp-$dead-Ab3dEf" ]; then
	pass=$((pass + 1))
	echo "faults: the next save removed $((left - 1)) stale temporary files (kill -9 left $((left - 2))), kept a live one"
else
	bad "stale temporary files after a new save: $(ls -A "$SCRATCH/gen" | grep 'tmp-' | tr '\n' ' ')"
fi
rm -f "$SCRATCH"/gen/.*.tmp-*
echo "faults: $pass passed / $total injection points ($kills kill -9 during open+save)"
exit $status
