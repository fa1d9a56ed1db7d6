#!/bin/sh
# The examples of README.md and man/reelscope.1 run, so that a renamed
# command or option breaks the build instead of the reader.
#
# Blocks: README.md's indented and fenced code blocks; the man page's
# .EX/.EE and .nf/.fi blocks (escapes such as \- and \(aq undone). Each block
# is one of:
#  - a REPL block: its first command line starts with a reelscope command
#    name (from "help"); the whole block runs as one script
#    (reelscope --echo FILE), in order, so later lines see what earlier ones
#    loaded, trained or wrote;
#  - a shell block: a line runs reelscope (reelscope, ./reelscope,
#    .../reelscope). Each line runs with sh (a quote left open joins the next
#    line); of commands joined by &&, || or ; only cd, mkdir and pipelines
#    that run reelscope are kept (the others install, configure or build);
#  - a transcript: lines starting with "$ " are commands and the lines after
#    one are its output. "$ cat FILE" with output writes FILE (the block shows
#    a file, then uses it); another command with output must print exactly
#    that output (its exit status is part of what is shown, not checked);
#    a command without output runs as a shell line;
#  - text: anything else (a layout, a syntax line, a build command). These
#    must be listed in KNOWN_TEXT below: a block the test does not recognize
#    fails, so an example whose command was renamed cannot be skipped
#    silently.
# A block fails when reelscope exits non-zero, prints an "error:" line (or
# "ok":false in JSON) where no output is shown, or a shown output differs.
#
# The examples run in a directory per document where the paths they name
# exist (PLACEHOLDERS below): data made from one generated world. Environment:
# DOC_EXAMPLES_README / DOC_EXAMPLES_MAN test other copies of the documents.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

readme=${DOC_EXAMPLES_README:-$TOP_SRCDIR/README.md}
manpage=${DOC_EXAMPLES_MAN:-$TOP_SRCDIR/man/reelscope.1}
[ -f "$readme" ] || fail "no README at $readme"
[ -f "$manpage" ] || fail "no man page at $manpage"
[ -x "$REELSCOPE" ] || fail "no reelscope binary at $REELSCOPE"

# ---- What is not run as written, and why ----

# Example command lines skipped (the whole line, # comment removed), with the
# reason after a tab.
SKIP_LINES='reelscope	interactive: on a terminal this is the REPL (tests/shell/repl-tmux.sh drives it)
reelscope --tui -c '\''load DIR'\''	needs a terminal (tests/shell/tui-*.sh drive the dashboard)'

# Literal rewrites applied to every block before it runs: FROM, TO, reason
# (tab-separated).
REWRITES='generate w users=7176 videos=10728 events=1746	generate w users=72 videos=108 events=18	a KuaiRec-sized world (13.8 M events) takes minutes: the same options at a hundredth of the size'

# Blocks that are not examples: the start of their first line, then the
# reason (tab-separated).
KNOWN_TEXT='./tools/install-deps.sh && autoreconf -fi && mkdir -p _check	builds and runs the test suite (not a reelscope invocation)
configure.ac, Makefile.am	the source layout
command [positional ...] [key=value ...] [--flag ...]	the syntax of a command line'

# Shell commands an example may pipe reelscope into or from.
PIPE_OK='cat printf tail head jq grep sed wc sort'

# ---- Placeholders ----
#
# The paths the examples name stand for the reader's own data. Each document's
# directory gets them, made from one small clean generated world (a few
# thousand rows: loads stay quick under sanitizers). Generated ids are 0..N-1,
# so this world's ids are also ids of the README's larger "w2":
#   ratings.csv            comma-separated with header: user,item,rating,timestamp
#   log.tsv                tab-separated, no header: item, user, time, value
#   plays.csv, videos.csv  (README) a log and an item table with author_id
#   log.csv, videos.csv    (man) a log and a Latin-1 item table with a channel column
#   events.tsv.gz          gzipped, no header: time, user, item
#   a.csv, b.csv           two logs
#   ml-100k/, u.data, u.item, u.user   MovieLens 100K's files and formats
#   KuaiRec 2.0/data, DIR  the generated world itself (KuaiRec 2.0 layout)
#   script.rs              a three-line script on ratings.csv
#   prod-top10.csv         top-10 lists "made elsewhere": the 10 most logged
#                          videos for each user of the observed block
#   samples                the bundled samples (the quick start reads ../samples)
#   _build/reelscope       the reelscope under test (the quick start runs it)

bin=$SCRATCH/bin
mkdir -p "$bin" "$SCRATCH/home"
HOME=$SCRATCH/home
export HOME
status_file=$SCRATCH/rs-status
# reelscope on PATH is the one under test; it records a failing exit status.
cat > "$bin/reelscope" <<EOF
#!/bin/sh
$RS_RUN "\$@"
st=\$?
[ "\$st" -eq 0 ] || echo "\$st" >> "$status_file"
exit "\$st"
EOF
chmod +x "$bin/reelscope"
# jq -e: a field that is not there (null) fails. Without jq, .KEY is looked
# up with grep.
realjq=$(command -v jq || true)
if [ -n "$realjq" ]; then
	printf '#!/bin/sh\nexec %s -e "$@"\n' "$realjq" > "$bin/jq"
else
	cat > "$bin/jq" <<'EOF'
#!/bin/sh
key=${1#.}
case $1:$key in
.*:*[!A-Za-z0-9_]*|*:) echo "jq is not installed, and \"$1\" is more than .KEY" >&2; exit 2 ;;
esac
v=$(sed -n "s/.*\"$key\":\([^,}]*\).*/\1/p" | tail -n 1)
[ -n "$v" ] && [ "$v" != null ] || exit 1
echo "$v"
EOF
fi
chmod +x "$bin/jq"
PATH=$bin:$PATH
export PATH

RUNTIME=$(command -v timeout > /dev/null 2>&1 && echo "timeout 600" || echo "")

world=$SCRATCH/world
run_rs -c "generate world users=100 videos=200 events=20 --clean" < /dev/null > /dev/null 2> "$SCRATCH/err" ||
	fail "cannot generate the placeholder world: $(head -c 300 "$SCRATCH/err")"
for f in big_matrix small_matrix item_daily_features; do
	[ -s "$world/$f.csv" ] || fail "the generated world has no $f.csv"
done

# Columns of big_matrix.csv: user_id,video_id,play_duration,video_duration,
# time,date,timestamp,watch_ratio,... (checked, so a change shows here).
head -n 1 "$world/big_matrix.csv" | grep -q '^user_id,video_id,play_duration,video_duration,time,date,timestamp,watch_ratio' ||
	fail "big_matrix.csv columns changed: $(head -n 1 "$world/big_matrix.csv")"

# placeholders DIR: the common ones
placeholders() {
	d=$1
	mkdir -p "$d/ml-100k" "$d/KuaiRec 2.0" "$d/_build"
	ln -s "$world" "$d/KuaiRec 2.0/data"
	ln -s "$world" "$d/DIR"
	ln -s "$TOP_SRCDIR/samples" "$d/samples"
	ln -s "$bin/reelscope" "$d/_build/reelscope"
	printf '# a first look\nload ratings.csv\ndescribe columns=no\ncolumns\n' > "$d/script.rs"
	awk -F, 'NR == 1 { print "user,item,rating,timestamp"; next }
		{ print $1 "," $2 "," $8 "," int($7) }' "$world/big_matrix.csv" > "$d/ratings.csv"
	awk -F, 'NR > 1 { print $2 "\t" $1 "\t" int($7) "\t" $8 }' "$world/big_matrix.csv" > "$d/log.tsv"
	awk -F, 'NR > 1 && NR <= 2001 { print $7 "\t" $1 "\t" $2 }' "$world/big_matrix.csv" |
		gzip -c > "$d/events.tsv.gz"
	awk -F, 'NR == 1 || NR % 2 == 0 { print $1 "," $2 "," $8 }' "$world/big_matrix.csv" > "$d/a.csv"
	awk -F, 'NR == 1 || NR % 2 == 1 { print $1 "," $2 "," $8 }' "$world/big_matrix.csv" > "$d/b.csv"
	# MovieLens 100K: ratings 1..5, 19 genre flags, users
	awk -F, 'NR > 1 { r = int($8 * 2) + 1; if (r > 5) r = 5
		print $1 "\t" $2 "\t" r "\t" int($7) }' "$world/big_matrix.csv" > "$d/ml-100k/u.data"
	awk -F, 'NR > 1 && !seen[$1]++ { f = ""
		for (g = 0; g < 19; g++) f = f "|" (g == $1 % 19 ? 1 : 0)
		print $1 "|Video " $1 " (2020)|05-Jul-2020||http://example.org/" $1 f }' \
		"$world/item_daily_features.csv" > "$d/ml-100k/u.item"
	awk -F, 'NR > 1 && !seen[$1]++ { print $1 "|" 18 + $1 % 50 "|" ($1 % 2 ? "M" : "F") "|other|" 10000 + $1 }' \
		"$world/big_matrix.csv" > "$d/ml-100k/u.user"
	for f in u.data u.item u.user; do
		ln -s "ml-100k/$f" "$d/$f"
	done
}

mkdir -p "$SCRATCH/readme" "$SCRATCH/man"
placeholders "$SCRATCH/readme"
placeholders "$SCRATCH/man"
# README: a log and an item table with author_id (the last day's row per video)
cut -d, -f1,2,7,8 "$world/big_matrix.csv" > "$SCRATCH/readme/plays.csv"
{
	echo "video_id,author_id,video_duration"
	awk -F, 'NR > 1 { a[$1] = $3; dur[$1] = $8 }
		END { for (v in a) print v "," a[v] "," dur[v] }' "$world/item_daily_features.csv" |
		sort -t, -k1,1n
} > "$SCRATCH/readme/videos.csv"
# README: lists made elsewhere, for the users of the observed block
awk -F, 'FNR == 1 { next }
	FILENAME ~ /big_matrix/ { n[$2]++; next }
	!u[$1]++ { users[++nu] = $1 }
	END {
		for (k = 1; k <= 10; k++) {	# the 10 most logged videos, ties by id
			best = ""
			for (v in n)
				if (!(v in top) && (best == "" || n[v] > n[best] || (n[v] == n[best] && v + 0 < best + 0)))
					best = v
			top[best] = k
			order[k] = best
		}
		print "user_id,video_id,rank"
		for (i = 1; i <= nu; i++)
			for (k = 1; k <= 10; k++)
				print users[i] "," order[k] "," k
	}' "$world/big_matrix.csv" "$world/small_matrix.csv" > "$SCRATCH/readme/prod-top10.csv"
# man: a log and a Latin-1 item table whose creator column is "channel"
cut -d, -f1,2,7,8 "$world/big_matrix.csv" > "$SCRATCH/man/log.csv"
{
	echo "video_id,channel,title"
	awk -F, 'NR > 1 { a[$1] = $3 }
		END { for (v in a) printf "%s,ch%s,caf\351 %s\n", v, a[v], v }' "$world/item_daily_features.csv" |
		sort -t, -k1,1n
} > "$SCRATCH/man/videos.csv"

# ---- Extraction ----

# Command names and aliases, from help (as man-sync.sh reads them).
"$REELSCOPE" --json -c help > "$SCRATCH/help.json" 2>&1 || fail "reelscope --json -c help failed"
cmds=" $(grep -o '"name":"[^"]*"\|"alias":"[^"]*"' "$SCRATCH/help.json" |
	sed 's/^"[a-z]*":"//; s/"$//' | tr '\n' ' ') "
case $cmds in *" load "*" audit "*) ;; *) fail "no command names in help: $cmds" ;; esac

blocks=$SCRATCH/blocks
mkdir -p "$blocks"

# Markdown: fenced blocks and indented blocks (4 spaces or a tab after a
# blank line). Writes DIR/NNN.where (FILE:LINE) and DIR/NNN.text.
extract_md() {
	awk -v dir="$2" -v name="$3" '
	function flush(   i, f) {
		if (n > 0) {
			f = sprintf("%s/%03d", dir, ++nb)
			print name ":" where > (f ".where")
			for (i = 1; i <= n; i++)
				print buf[i] > (f ".text")
			close(f ".where")
			close(f ".text")
		}
		n = 0
		pend = 0
	}
	fence != "" {
		if (index($0, fence) == 1 || $0 ~ "^ +" fence) {
			flush()
			fence = ""
		} else
			buf[++n] = $0
		next
	}
	/^ ? ? ?(```|~~~)/ {
		flush()
		fence = substr($0, match($0, /(```|~~~)/), 3)
		where = NR + 1
		next
	}
	/^(    |\t)/ && (blank || n > 0) {
		if (n == 0)
			where = NR
		for (; pend > 0; pend--)
			buf[++n] = ""
		sub(/^(    |\t)/, "")
		buf[++n] = $0
		blank = 0
		next
	}
	/^[ \t]*$/ {
		if (n > 0)
			pend++
		blank = 1
		next
	}
	{ flush(); blank = 0 }
	END { flush() }
	' "$1"
}

# man: .EX/.EE and .nf/.fi blocks, troff escapes undone.
extract_man() {
	awk -v dir="$2" -v name="$3" '
	function unescape(s,   out, c, d, nm) {
		out = ""
		while (s != "") {
			c = substr(s, 1, 1)
			if (c != "\\") {
				out = out c
				s = substr(s, 2)
				continue
			}
			d = substr(s, 2, 1)
			if (d == "(") {
				nm = substr(s, 3, 2)
				s = substr(s, 5)
				if (nm == "aq") out = out "\047"
				else if (nm == "dq") out = out "\""
				else if (nm == "ti") out = out "~"
				else if (nm == "ha") out = out "^"
				else if (nm == "em") out = out "--"
				else bad = bad " \\(" nm
			} else if (d == "f") {
				s = substr(s, substr(s, 3, 1) == "(" ? 6 : 4)
			} else if (d == "-" || d == "\\" || d == "e") {
				out = out (d == "-" ? "-" : "\\")
				s = substr(s, 3)
			} else if (d == "&" || d == ")") {
				s = substr(s, 3)
			} else if (d == "\"") {
				s = ""
			} else {
				bad = bad " \\" d
				out = out c d
				s = substr(s, 3)
			}
		}
		return out
	}
	/^\.(EX|nf)([ \t]|$)/ { inb = 1; n = 0; where = NR + 1; next }
	/^\.(EE|fi)([ \t]|$)/ {
		if (inb && n > 0) {
			f = sprintf("%s/%03d", dir, ++nb)
			print name ":" where > (f ".where")
			for (i = 1; i <= n; i++)
				print buf[i] > (f ".text")
			close(f ".where")
			close(f ".text")
		}
		inb = 0
		next
	}
	inb && /^\.\\"/ { next }
	inb && /^[.\047]/ { bad = bad " request " $0; next }
	inb { buf[++n] = unescape($0) }
	END {
		if (bad != "") {
			print "unknown troff in an example block:" bad > "/dev/stderr"
			exit 1
		}
	}
	' "$1"
}

mkdir -p "$blocks/readme" "$blocks/man"
extract_md "$readme" "$blocks/readme" README.md
extract_man "$manpage" "$blocks/man" man/reelscope.1 || fail "cannot read the examples of $manpage"
ls "$blocks/readme"/*.text > /dev/null 2>&1 || fail "no code block found in $readme"
ls "$blocks/man"/*.text > /dev/null 2>&1 || fail "no example block found in $manpage"

# rewrite FILE WHERE: the literal rewrites, in place, each one said.
rewrite() {
	printf '%s\n' "$REWRITES" | awk -F'\t' -v file="$1" -v where="$2" '
	NF >= 2 { from[++n] = $1; to[n] = $2; why[n] = $3 }
	END {
		while ((getline line < file) > 0) {
			for (i = 1; i <= n; i++) {
				rest = line
				line = ""
				while ((p = index(rest, from[i])) > 0) {
					line = line substr(rest, 1, p - 1) to[i]
					rest = substr(rest, p + length(from[i]))
					printf "%s: rewritten: %s -> %s (%s)\n", where, from[i], to[i], why[i]
				}
				line = line rest
			}
			out = out line "\n"
		}
		close(file)
		printf "%s", out > file
	}'
}

# Shell lines of a file, as logical lines (a quote left open or a trailing
# backslash joins the next line), "# comments" removed. For each logical
# line L (1, 2, ...) writes OUT.L.full (the line), OUT.L.run (what runs:
# the kept commands joined with &&) and OUT.L.dropped (what is left out).
shell_lines() {
	awk -v out="$2" -v pipeok=" $PIPE_OK " '
	function first_word(s) {
		sub(/^[ \t]+/, "", s)
		sub(/[ \t].*$/, "", s)
		return s
	}
	function is_rs(w) { return w == "reelscope" || w ~ /\/reelscope$/ }
	# decide on the pipeline p (text between && / || / ;)
	function pipeline(p,   i, np, parts, w, rs, other) {
		if (p ~ /^[ \t]*$/)
			return
		np = split(p, parts, "\001")
		rs = 0
		other = ""
		for (i = 1; i <= np; i++) {
			w = first_word(parts[i])
			if (is_rs(w))
				rs = 1
			else if (index(pipeok, " " w " ") == 0)
				other = other " " w
		}
		gsub(/\001/, "|", p)
		sub(/^[ \t]+/, "", p)
		sub(/[ \t]+$/, "", p)
		w = first_word(p)
		if (np == 1 && (w == "cd" || w == "mkdir"))
			keep = keep (keep == "" ? "" : " && ") p
		else if (rs && other == "")
			keep = keep (keep == "" ? "" : " && ") p
		else if (rs)
			unknown = unknown other
		else
			drop = drop (drop == "" ? "" : " ; ") p
	}
	function finish(   f) {
		if (line ~ /^[ \t]*$/) {
			line = ""
			return
		}
		pipeline(cur)
		nl++
		f = out "." nl
		sub(/[ \t]+$/, "", full)
		printf "%s\n", full > (f ".full")
		printf "%s\n", keep > (f ".run")
		printf "%s\n", drop > (f ".dropped")
		printf "%s\n", unknown > (f ".unknown")
		close(f ".full"); close(f ".run"); close(f ".dropped"); close(f ".unknown")
		line = full = cur = keep = drop = unknown = ""
	}
	{
		s = $0
		if (line != "")
			line = line "\n"
		line = line s
		i = 1
		while (i <= length(s)) {
			c = substr(s, i, 1)
			if (q != "") {
				if (c == q)
					q = ""
				else if (q == "\"" && c == "\\") {
					full = full c
					cur = cur c
					i++
					c = substr(s, i, 1)
				}
				full = full c
				cur = cur c
				i++
				continue
			}
			if (c == "\047" || c == "\"") {
				q = c
			} else if (c == "\\") {
				if (i == length(s)) {	# continuation
					i++
					cont = 1
					continue
				}
				full = full c
				cur = cur c
				i++
				c = substr(s, i, 1)
			} else if (c == "#" && (i == 1 || substr(s, i - 1, 1) ~ /[ \t]/)) {
				break
			} else if (c == "&" && substr(s, i + 1, 1) == "&" || c == "|" && substr(s, i + 1, 1) == "|") {
				full = full c c
				pipeline(cur)
				cur = ""
				i += 2
				continue
			} else if (c == ";") {
				full = full c
				pipeline(cur)
				cur = ""
				i++
				continue
			} else if (c == "|") {
				full = full c
				cur = cur "\001"
				i++
				continue
			}
			full = full c
			cur = cur c
			i++
		}
		if (q != "") {		# inside a quote: the newline is part of it
			full = full "\n"
			cur = cur "\n"
			next
		}
		if (cont) {
			cont = 0
			next
		}
		finish()
	}
	END {
		if (q != "")
			print "a quote is left open" > "/dev/stderr"
		finish()
	}
	' "$1"
}

# ---- Running ----

failures=0
ran=0
skipped=0
# block_fail WHERE TEXTFILE WHAT [DETAILS-FILE...]
block_fail() {
	where=$1
	text=$2
	what=$3
	shift 3
	failures=$((failures + 1))
	{
		echo "FAIL: $where: $what"
		echo "  the block:"
		awk '{ printf "  | %s\n", $0 }' "$text"
		for f in "$@"; do
			[ -s "$f" ] || continue
			echo "  ${f##*/}:"
			tail -n 25 "$f" | awk '{ printf "  > %s\n", $0 }'
		done
	} >&2
}

# skip_reason LINE: the reason LINE is skipped, or nothing
skip_reason() {
	RS_LINE=$1 && export RS_LINE &&
		printf '%s\n' "$SKIP_LINES" | awk -F'\t' '$1 == ENVIRON["RS_LINE"] { print $2; exit }'
}

# run_shell WHERE TEXTFILE DIR LINEFILE-PREFIX N [EXPECTED-OUTPUT-FILE]:
# one logical shell line. Returns 0, or 1 after reporting.
run_shell() {
	where=$1 text=$2 dir=$3 pre=$4.$5 want=${6:-}
	full=$(cat "$pre.full")
	reason=$(skip_reason "$full")
	if [ -n "$reason" ]; then
		echo "  skip: $full ($reason)"
		skipped=$((skipped + 1))
		return 0
	fi
	if [ -s "$pre.unknown" ] && [ -n "$(tr -d ' \n' < "$pre.unknown")" ]; then
		block_fail "$where" "$text" "\"$full\" pipes reelscope through$(cat "$pre.unknown"), which the test does not run: add it to PIPE_OK or the line to SKIP_LINES"
		return 1
	fi
	cmd=$(cat "$pre.run")
	if [ -z "$cmd" ]; then
		echo "  skip: $full (no reelscope in it)"
		skipped=$((skipped + 1))
		return 0
	fi
	[ -n "$(tr -d ' \n' < "$pre.dropped")" ] && echo "  left out: $(cat "$pre.dropped")"
	echo "  run: $cmd"
	: > "$status_file"
	(cd "$dir" && $RUNTIME sh -c "$cmd" < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err")
	st=$?
	ran=$((ran + 1))
	if [ -n "$want" ]; then
		if ! diff -u "$want" "$SCRATCH/out" > "$SCRATCH/diff"; then
			block_fail "$where" "$text" "\"$cmd\" does not print the output the block shows (diff: shown -> actual)" "$SCRATCH/diff" "$SCRATCH/err"
			return 1
		fi
		return 0
	fi
	if [ "$st" -ne 0 ] || [ -s "$status_file" ]; then
		block_fail "$where" "$text" "\"$cmd\" failed (exit status $st; reelscope: $(tr '\n' ' ' < "$status_file"))" "$SCRATCH/err" "$SCRATCH/out"
		return 1
	fi
	if grep -q -e '^error:' -e '"ok":false' "$SCRATCH/err" "$SCRATCH/out"; then
		block_fail "$where" "$text" "\"$cmd\" reported an error" "$SCRATCH/err" "$SCRATCH/out"
		return 1
	fi
	return 0
}

# run_block WHERE TEXTFILE DIR
run_block() {
	where=$1 text=$2 dir=$3
	first=$(grep -v -e '^[[:space:]]*$' -e '^[[:space:]]*#' "$text" | head -n 1)
	# text that is not an example
	known=$(printf '%s\n' "$KNOWN_TEXT" | while IFS='	' read -r start why; do
		case $first in "$start"*) echo "$why"; break ;; esac
	done)
	if [ -n "$known" ]; then
		echo "$where: not an example: $known"
		return 0
	fi
	# a transcript
	if grep -q '^\$ ' "$text"; then
		echo "$where: transcript"
		rm -f "$SCRATCH/t".*
		awk -v pre="$SCRATCH/t" '
			/^\$ / { n++; print substr($0, 3) > (pre "." n ".cmd"); close(pre "." n ".cmd")
				printf "" > (pre "." n ".want"); close(pre "." n ".want"); next }
			n > 0 { print >> (pre "." n ".want"); close(pre "." n ".want") }
			END { print n + 0 > (pre ".count") }' "$text"
		n=$(cat "$SCRATCH/t.count")
		i=1
		while [ "$i" -le "$n" ]; do
			c=$(cat "$SCRATCH/t.$i.cmd")
			case $c in
			"cat "*)
				f=${c#cat }
				case $f in *[\ \|\;\&\<\>]*|"") block_fail "$where" "$text" "cannot tell the file of \"$c\""; return ;; esac
				if [ -s "$SCRATCH/t.$i.want" ]; then
					echo "  writes $f (the block shows it)"
					cp "$SCRATCH/t.$i.want" "$dir/$f"
					i=$((i + 1))
					continue
				fi ;;
			esac
			rm -f "$SCRATCH/tl".*
			shell_lines "$SCRATCH/t.$i.cmd" "$SCRATCH/tl" 2> "$SCRATCH/err" ||
				{ block_fail "$where" "$text" "cannot read \"$c\"" "$SCRATCH/err"; return; }
			if [ -s "$SCRATCH/t.$i.want" ]; then
				run_shell "$where" "$text" "$dir" "$SCRATCH/tl" 1 "$SCRATCH/t.$i.want" || return
			else
				run_shell "$where" "$text" "$dir" "$SCRATCH/tl" 1 || return
			fi
			rm -f "$SCRATCH/tl".*
			i=$((i + 1))
		done
		rm -f "$SCRATCH/t".*
		return 0
	fi
	# a shell block
	if grep -q -E '(^|[|;&(][[:space:]]*)([^[:space:]|;&]*/)?reelscope([[:space:]]|$)' "$text"; then
		echo "$where: shell"
		rm -f "$SCRATCH/sl".*
		shell_lines "$text" "$SCRATCH/sl" 2> "$SCRATCH/err" ||
			{ block_fail "$where" "$text" "cannot split the block into shell lines" "$SCRATCH/err"; return; }
		i=1
		while [ -f "$SCRATCH/sl.$i.full" ]; do
			run_shell "$where" "$text" "$dir" "$SCRATCH/sl" "$i" || return
			i=$((i + 1))
		done
		return 0
	fi
	# a REPL block
	w=$(printf '%s\n' "$first" | awk '{ print $1 }')
	case $cmds in
	*" $w "*)
		echo "$where: commands"
		cp "$text" "$dir/example.rs"
		: > "$status_file"
		(cd "$dir" && $RUNTIME reelscope --echo example.rs < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err")
		st=$?
		ran=$((ran + 1))
		if [ "$st" -ne 0 ]; then
			block_fail "$where" "$text" "the commands failed (exit status $st)" "$SCRATCH/err" "$SCRATCH/out"
		elif grep -q '^error:' "$SCRATCH/err" "$SCRATCH/out"; then
			block_fail "$where" "$text" "the commands reported an error" "$SCRATCH/err" "$SCRATCH/out"
		fi
		rm -f "$dir/example.rs"
		return 0 ;;
	esac
	block_fail "$where" "$text" "neither a reelscope example nor listed in KNOWN_TEXT (a renamed command?)"
}

for doc in readme man; do
	for t in "$blocks/$doc"/*.text; do
		where=$(cat "${t%.text}.where")
		rewrite "$t" "$where"
		run_block "$where" "$t" "$SCRATCH/$doc"
	done
done

echo "doc-examples: $ran run, $skipped lines skipped, $failures failed"
[ "$failures" -eq 0 ]
