#!/bin/sh
# Wide characters and colours: a tiny world whose creators and folder have
# Chinese names (and a name too long for its column) keeps every panel's
# borders in place at 80x24 and at 60x20; the creator exposure panel shows
# the creators by exposure with their shares, the Gini and a Lorenz curve
# in braille, and its detail lists every name whole. Without NO_COLOR the
# screen has colours.
#
# The world is tests/data/fair (see tests/transcripts/audit-tiny.t) with the
# creators renamed. pop ranks i1 (3 rows) first, then i2-i4; each user's
# unseen items at k=2: u1 [i3 i4], u2 [i2 i4], u3 [i2 i3]. Log weights
# 1 and 1/log2 3 = 0.6309: A (i2) 2, B (i3) 1.6309, C (i4) 1.2619, D 0 of
# 4.8928: shares 40.9%, 33.3%, 25.8%, 0%; Gini (-1.2619 + 1.6309 + 3*2) /
# (4 * 4.8928) = 0.3254.
. "$TOP_SRCDIR/tests/shell/tui-common.sh"

mkdir "$SCRATCH/数据" || fail "cannot make the fixture folder"
cp "$TOP_SRCDIR/tests/data/fair/train.csv" "$TOP_SRCDIR/tests/data/fair/test.csv" "$SCRATCH/数据/"
cat > "$SCRATCH/数据/items.csv" <<'CSV'
item,creator,tier
i1,小明工作室,big
i2,小明工作室,big
i3,短视频达人的超长名字频道号,small
i4,C,small
i5,éclair,
i6,éclair,small
CSV

# boxes WIDTH WHAT: every line of a box has WIDTH columns and ends in a border
boxes() {
	screen > "$SCRATCH/screen"
	n=0
	while IFS= read -r line; do
		case $line in
		│*|┌*|└*)
			n=$((n + 1))
			wd=$(width "$line")
			[ "$wd" -eq "$1" ] || bad "$2: a line is $wd columns wide, not $1: $line"
			case $line in *│|*┐|*┘) ;; *) bad "$2: a line does not end in a border: $line" ;; esac
			;;
		esac
	done < "$SCRATCH/screen"
	[ "$n" -ge 10 ] || bad "$2: only $n box lines"
}

start "env -u NO_COLOR" --tui -c 'load 数据/train.csv items=数据/items.csv creator=creator; split files test=数据/test.csv; train p model=pop; eval k=2'
wait_for '^┌─ Creator exposure ─' "the dashboard opens" || exit 1
wait_for '^│ p \(pop\)  Gini 0\.3254  4 creators  k=2  coverage 75% +│$' "the audit's summary"
has '^│ 1 小明工作室 +█+ +40\.9% .*│$' "the most exposed creator"
has '^│ 2 短视频达人的超… +█+▊? +33\.3% .*│$' "a long wide name cut with a mark"
has '^│ 3 C +█+▌? +25\.8% .*│$' "the third creator"
has '^│ 4 éclair +0\.0% .*│$' "the creator never shown"
has '⣀' "the Lorenz curve in braille"
has '^reelscope dashboard — 数据/train\.csv +\? keys  q back$' "the header with a wide path"
has '│ 0 load 数据/train\.csv items=数据/it… │$' "a wide command cut in the pipeline"
boxes 80 "80x24"
# the pipeline panel starts where the dataset panel ends
line=$(grep '^│ 数据/train.csv' "$SCRATCH/screen")
prefix=${line%%││*}
[ "$(width "$prefix")" -eq 39 ] || bad "the dataset panel's right border is not at column 40: $line"

tm capture-pane -e -p -t rs > "$SCRATCH/esc"
grep -q "$(printf '\033')\[\(3[0-7]\|38;\)" "$SCRATCH/esc" || bad "no colours without NO_COLOR"

# the detail names every creator whole, ranked by exposure
keys BTab Enter
wait_for '─ Creator exposure — detail ─' "Shift-Tab then Enter: the exposure detail" || exit 1
has '^│ Gini +0\.3254 \(n\), 0\.4339 \(n-1\) over 4 creators' "detail: both Ginis"
keys End
wait_for '^│ +2 +33\.33% +25\.00% +1  短视频达人的超长名字频道号 +│$' "detail: the long name whole"
has '^│ +1 +40\.88% +0\.00% +2  小明工作室 +│$' "detail: the first creator"
has '^│ +4 +0\.00% +75\.00% +2  éclair +│$' "detail: the creator with the most merit and no exposure"
boxes 80 "the detail at 80x24"
keys Escape

# narrower: the borders stay in place
tm resize-window -t rs -x 60 -y 20
wait_for '^└─{58}┘$' "resize to 60x20" || exit 1
boxes 60 "60x20"
keys q
wait_for '^reelscope> $|^reelscope>$' "q gives the REPL back"
quit_repl
wait_exit 0 "quit"
exit $status
