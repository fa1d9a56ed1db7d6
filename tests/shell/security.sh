#!/bin/sh
# Security: no shell anywhere in src (no system, popen, "sh -c", exec of a
# shell); a workspace file cannot make reelscope read or write a path found
# inside it: open reads only the file named, and a file whose pipeline holds
# a command other than the pipeline steps (load, save...) is refused.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

status=0
bad() {
	echo "FAIL: $*" >&2
	status=1
}

# ---- no shell ----
hits=$(grep -rnE '\b(system|popen|execl|execlp|execle|wordexp)[[:space:]]*\(|"/bin/sh"|"sh", *"-c"|"-c" *,' \
	"$TOP_SRCDIR/src" --include='*.c' --include='*.h' | grep -v '^\S*:[0-9]*: *\(/\*\|\*\)')
[ -z "$hits" ] || bad "a shell or command interpreter in src: $hits"

# ---- open reads only the file named ----
mkdir "$SCRATCH/gen"
printf 'user,item\nu1,i3\n' > "$SCRATCH/gen/secret-test.csv"
run_rs --no-progress -c "load data/csv/tiny.csv; split files test=gen/secret-test.csv; clean dedup; save gen/w.rsw" \
	> "$SCRATCH/out" 2>&1 || fail "cannot make the workspace: $(cat "$SCRATCH/out")"
if command -v strace > /dev/null 2>&1 && strace -f -o /dev/null true 2> /dev/null; then
	# LeakSanitizer cannot run under ptrace: no leak check in this run
	(cd "$SCRATCH" && ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 strace -f -e trace=open,openat,creat,rename,unlink,mkdir -o "$SCRATCH/trace" \
		"$REELSCOPE" --no-progress -c "open gen/w.rsw; describe" > "$SCRATCH/out" 2>&1) ||
		bad "open gen/w.rsw failed: $(cat "$SCRATCH/out")"
	# every path touched: system files, or the workspace named
	grep -v ' = -1 ENOENT\|resumed>\|+++\|---' "$SCRATCH/trace" |
		sed -n 's/.*open[a-z]*([^"]*"\([^"]*\)".*/\1/p; s/.*\(creat\|rename\|unlink\|mkdir\)("\([^"]*\)".*/\2/p' |
		grep -v '^/\(lib\|usr\|etc\|proc\|sys\|dev\)/\|^/lib64\|^gen/w\.rsw$' > "$SCRATCH/paths"
	[ -s "$SCRATCH/paths" ] && bad "open touched other paths: $(tr '\n' ' ' < "$SCRATCH/paths")"
else
	echo "strace not usable here: the path check is skipped"
fi
# with the split's file gone, open still works (it never reads it)
rm "$SCRATCH/gen/secret-test.csv"
run_rs --no-progress -c "open gen/w.rsw" > "$SCRATCH/out" 2>&1 ||
	bad "open needs a file named inside the workspace: $(cat "$SCRATCH/out")"

# ---- a pipeline step turned into load / save is refused ----
# Steps are saved as typed operations now; a file of 0.1.0 keeps them as
# command text, and that is where a crafted command could hide.
if command -v python3 > /dev/null 2>&1; then
	for evil in "load /x/y.z" "save gen/xr"; do
		# the same length as the step replaced: the strings keep their framing
		python3 - "$SCRATCH/data/store/workspace-v1.rsw" "$SCRATCH/gen/evil.rsw" "clean dedup" "$evil" <<'PY' ||
import struct, sys, zlib
src, dst, old, new = sys.argv[1], sys.argv[2], sys.argv[3].encode(), sys.argv[4].encode()
b = bytearray(open(src, 'rb').read())
assert len(old) == len(new) and b.count(old) >= 1
b = bytearray(bytes(b).replace(old, new))
# the checksums, as src/lib/store/format.h lays them out
pos, end, n = 32, len(b) - 24, 0
while pos + 24 <= end:
    plen = struct.unpack_from('<Q', b, pos + 8)[0]
    struct.pack_into('<I', b, pos + 16, zlib.crc32(bytes(b[pos + 24:pos + 24 + plen])))
    struct.pack_into('<I', b, pos + 20, zlib.crc32(bytes(b[pos:pos + 20])))
    pos += 24 + plen
    n += 1
struct.pack_into('<I', b, end + 12, zlib.crc32(bytes(b[:end])))
open(dst, 'wb').write(b)
PY
		fail "cannot craft the workspace"
		run_rs --no-progress -c "open gen/evil.rsw" > "$SCRATCH/out" 2>&1
		st=$?
		[ "$st" -eq 1 ] || bad "a workspace with the step '$evil' opened (status $st)"
		grep -q "^error: open: gen/evil.rsw: .*$evil" "$SCRATCH/out" ||
			bad "no error naming the step '$evil': $(cat "$SCRATCH/out")"
		[ -e "$SCRATCH/gen/xr" ] && bad "opening a workspace wrote gen/xr"
	done
else
	echo "python3 not found: the crafted-step check is skipped"
fi
exit $status
