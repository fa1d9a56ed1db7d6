#!/bin/sh
# Tab completion on a real terminal (tmux): each argument completes from
# what it is — model kinds after model= in train, kind parameters once
# model=KIND is typed and their enum values, trained models where a model
# is named, clean steps, split kinds, plot kinds, columns where a column
# goes, help topics, file names for paths. Polls the screen, no sleeps.
# shellcheck source=tests/shell/tui-common.sh
. "$TOP_SRCDIR/tests/shell/tui-common.sh"

# prompt ERE WHAT: the prompt line reads ERE after "reelscope> " (the
# screen has no trailing blanks: an empty line is "reelscope>")
prompt() {
	if [ -z "$1" ]; then
		wait_for "^reelscope>\$" "$2"
	else
		wait_for "^reelscope> $1\$" "$2"
	fi
}
# tab TYPED EXPECTED: type TYPED, press Tab, expect the line to read EXPECTED
# (an ERE after the prompt), then empty the line
tab() {
	keys -l "$1"
	keys Tab
	prompt "$2" "Tab after \"$1\""
	keys C-u
	prompt "" "C-u after \"$1\""
}
# tabtab TYPED ERE WHAT: type TYPED, press Tab twice, expect a listed line
# matching ERE, then empty the line
tabtab() {
	keys -l "$1"
	keys Tab Tab
	wait_for "$2" "$3"
	keys C-u
	prompt "" "C-u after \"$1\""
}

start "" -i -c 'generate w users=40 videos=80 creators=8 days=3 events=12 --clean --load; split random; train pop1 model=pop'
prompt "" "the prompt after the setup"

# the kinds after model= in train (not the 100 column names), and tune
tab "train x model=mu" "train x model=multvae ?"
tabtab "train x model=m" "model=mf +model=multvae" "train x model=m lists mf and multvae"
grep -q "model=watch_ratio" "$SCRATCH/screen" && bad "train model= offers column names"
tab "tune model=ea" "tune model=ease ?"
# the kind's parameters once model=KIND is typed, and an enum's values
tab "train x model=als fa" "train x model=als factors="
tab "train x model=als solver=ch" "train x model=als solver=cholesky ?"
tab "tune model=ease la" "tune model=ease lambda="
# trained models where a model is named
tab "recommend model=po" "recommend model=pop1 ?"
tab "eval po" "eval pop1 ?"
tab "significance pop1 po" "significance pop1 pop1 ?"
tab "models drop=" "models drop=pop1 ?"
# clean steps, then the column of outliers
tab "clean outl" "clean outliers ?"
tab "clean outliers watch_r" "clean outliers watch_ratio ?"
tabtab "clean " "(^| )dedup( |$)" "clean lists its steps"
grep -q "binarize" "$SCRATCH/screen" || bad "clean lists no binarize"
# split kinds, plot kinds and plot hist's column
tab "split leave" "split leave-last ?"
tab "plot hi" "plot hist ?"
tab "plot hist watch_r" "plot hist watch_ratio ?"
# help topics, and file names for paths
tab "help gloss" "help glossary ?"
tab "load w/manif" "load w/manifest.json ?"
tab "import recs w/dir" "import recs w/dirt.csv ?"

# quit asks about the unsaved model and step; y leaves
keys -l quit
keys Enter
wait_for "not saved; quit anyway\\? \\(y/N\\)" "quit asks"
keys -l y
keys Enter
wait_exit 0 "quit after y"
exit $status
