#!/bin/sh
# plot to= and script= with the real gnuplot: PNG, SVG and PDF files with the
# right header, SVGs holding their titles as text, scripts that redraw the
# plot from anywhere; data, model and column names and output paths made of
# gnuplot syntax never run anything; bad outputs write nothing.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

command -v gnuplot >/dev/null 2>&1 || fail "gnuplot is not installed (tools/install-deps.sh)"
cd "$SCRATCH" || exit 1
mkdir out sub elsewhere elsewhere/sub x.png

# model names and a column name that try to break out of a gnuplot string
m1="'; system('touch pwned'); '"
m2='"; system("touch pwned"); "'
setup="load data/plot/views.csv items=data/plot/items.csv creator=author;
split files test=data/plot/test.csv;
train \"$m1\" model=bpr factors=2 epochs=3 seed=2;
train '$m2' model=als factors=2 epochs=2;
train \"x system('touch pwned')\" model=pop"

run_rs --no-progress -c "$setup;
plot loss to=out/loss.png;
plot loss to=out/loss.svg;
plot loss to=out/loss.pdf;
plot hist \"$m1\" to=out/col.svg;
plot merit k=2 to=out/merit.svg model=\"x system('touch pwned')\";
plot lorenz k=2 to=out/lorenz.svg;
plot exposure k=2 to=out/exposure.png;
plot scores to=out/scores.svg model='$m2';
plot longtail to=out/tail.svg k=2;
plot tradeoff method=maximin values=0,1 k=2 candidates=5 to=out/trade.svg model=\"$m1\";
plot hist watch_ratio to=\"out/q'\\\"\\\`touch pwned\\\`@x.svg\";
plot hist watch_ratio to=\"|touch pwned.svg\";
plot hist watch_ratio bins=5 to=sub/h.png script=sub/h.gp;
plot hist duration bins=4 size=60x16 script=sub/text.gp" > run.out 2>&1 ||
	fail "plotting failed: $(cat run.out)"

# nothing ran: no file named pwned anywhere under the scratch directory
found=$(find . -name pwned)
[ -z "$found" ] || fail "a plot ran a command: $found"

header() { od -An -c -N "$2" "$1" | tr -d ' \n'; }
for f in out/loss.png out/exposure.png sub/h.png; do
	[ -s "$f" ] || fail "$f is missing or empty"
	[ "$(header "$f" 8)" = '211PNG\r\n032\n' ] || fail "$f is not a PNG: $(header "$f" 8)"
done
[ "$(head -c 5 out/loss.pdf)" = "%PDF-" ] || fail "out/loss.pdf is not a PDF"
for f in out/loss.svg out/col.svg out/merit.svg out/lorenz.svg out/scores.svg \
    out/tail.svg out/trade.svg "out/q'\"\`touch pwned\`@x.svg" "|touch pwned.svg"; do
	[ -s "$f" ] || fail "$f is missing or empty"
	grep -q '<svg' "$f" || fail "$f has no svg root element"
	tail -c 200 "$f" | grep -q '</svg>' || fail "$f is not complete"
done

# the titles and keys are in the SVGs as text, exactly as in the data
svg_has() {
	grep -qF "$2" "$1" || fail "$1 does not show: $2"
}
svg_has out/loss.svg "<text>Training loss and validation per epoch</text>"
svg_has out/loss.svg "<text>$m1 loss</text>"
svg_has out/loss.svg "<text>$m2 loss</text>"
svg_has out/loss.svg "<text>epoch</text>"
svg_has out/col.svg "<text>Distribution of $m1 (10 items)</text>"
svg_has out/scores.svg "<text>Predicted scores: held-out positives vs other items</text>"
svg_has out/scores.svg "<text>$m2 held-out positives</text>"
svg_has out/lorenz.svg "<text>equality</text>"
svg_has out/tail.svg "<text>data (training rows)</text>"
svg_has out/trade.svg "<text>Accuracy against exposure inequality: maximin re-ranking, alpha swept</text>"
svg_has out/trade.svg "<text>$m1 + maximin</text>"
svg_has out/trade.svg "<text>alpha=1</text>"
# a newline in a name is drawn as a space
svg_has out/merit.svg "<text>x system('touch pwned')</text>"
svg_has out/merit.svg "<text>Creator exposure against merit</text>"
# the Gini in the Lorenz title is the audit's (JSON below)
gini=$(run_rs --json --no-progress -c "$setup; plot lorenz k=2 to=out/l2.svg model=\"$m1\"" |
	sed -n 's/.*"command":"plot".*"gini":\([0-9.]*\).*/\1/p')
[ -n "$gini" ] || fail "no Gini in the JSON"
g3=$(printf '%.3f' "$gini")
svg_has out/l2.svg "<text>Lorenz curve of creator exposure, Gini: $m1 $g3</text>"
svg_has out/l2.svg "<text>$m1 (Gini $g3)</text>"
# creator names of the data label the merit plot's points
grep -qF '`touch pwned`' out/merit.svg || grep -qF '@pwned' out/merit.svg ||
	grep -qF 'alice' out/merit.svg || fail "out/merit.svg names no creator"

# no temporary file is left behind
left=$(find . -name '.*.tmp-*')
[ -z "$left" ] || fail "temporary files left: $left"

# the saved scripts redraw the plot from their data file, from any folder
[ -s sub/h.gp ] && [ -s sub/h.dat ] || fail "script= did not save sub/h.gp and sub/h.dat"
grep -q '^# index 0: watch_ratio' sub/h.dat || fail "sub/h.dat: $(head -3 sub/h.dat)"
(cd elsewhere && gnuplot ../sub/h.gp) 2> gp.err || fail "gnuplot sub/h.gp failed: $(cat gp.err)"
[ "$(header elsewhere/sub/h.png 8)" = '211PNG\r\n032\n' ] ||
	fail "the script did not write elsewhere/sub/h.png"
# an inline plot's script draws on whatever terminal it is given
(cd elsewhere && gnuplot -e 'set terminal dumb size 60,16' ../sub/text.gp) > redraw.txt 2> gp.err ||
	fail "gnuplot sub/text.gp failed: $(cat gp.err)"
grep -q 'Distribution of duration (10 items)' redraw.txt || fail "redraw: $(cat redraw.txt)"

# bad outputs: one error line each, nothing written
for bad in "to=x.png" "to=nowhere/a.png" "to=a.gif" "script=nowhere/a.gp" "script=a.txt"; do
	if run_rs --no-progress -c "load data/plot/views.csv; plot hist watch_ratio $bad" > bad.out 2>&1; then
		fail "plot ... $bad succeeded"
	fi
	[ "$(grep -c '^error: ' bad.out)" -eq 1 ] || fail "$bad: $(cat bad.out)"
done
[ -z "$(find . -newer bad.out -name '*.png' -o -newer bad.out -name '*.gp' -o -newer bad.out -name '*.gif')" ] ||
	fail "a bad output wrote a file"
rmdir x.png || fail "x.png is no longer an empty folder"
# an existing file is replaced whole
printf 'old' > out/old.svg
run_rs --no-progress -c "load data/plot/views.csv; plot hist watch_ratio to=out/old.svg" > /dev/null 2>&1 ||
	fail "replacing out/old.svg failed"
grep -q '<svg' out/old.svg || fail "out/old.svg was not replaced"
exit 0
