#!/bin/sh
# generate: what the simulator writes, checked against its own manifest and
# against the files' contents with awk (POSIX sh and awk; small worlds, a few
# seconds):
#  (a) same parameters and seed -> byte-identical files, also with 1, 2 and 3
#      OpenMP threads; another seed -> another big_matrix.csv;
#  (b) manifest.json's counts are what the files hold: rows, every kind of
#      dirt (dirt.csv by kind, and each listed line really is that dirt), bot
#      users, videos without categories;
#  (c) watch_ratio = play_duration / video_duration to 6 decimals on every row
#      with both, and time / date / timestamp agree (Beijing time);
#  (d) the observed block holds >= 99% of its users x videos pairs;
#  (e) popularity bias of the logging policy, model-free: the top 10% of
#      videos hold a far larger share of the sparse log than of the block;
#  (f) compress=yes writes .csv.gz that gunzip to the plain run's bytes, and
#      load reads the gzipped folder with the same counts;
#  (g) --force replaces an old world completely; a failed generate (a bad
#      parameter, a folder with files and no --force) leaves it untouched and
#      leaves no temporary folder behind;
#  (h) samples/world is byte for byte what the command in samples/README.md
#      generates.
# shellcheck source=tests/lib.sh
. "$TOP_SRCDIR/tests/lib.sh"

status=0
bad() {
	echo "FAIL: $*" >&2
	status=1
}

# A world with every kind of dirt at rates high enough to occur, bots included.
W="users=700 videos=1400 creators=140 days=7 events=40 dup=0.02 bots=0.02"
W="$W outliers=0.01 missing_duration=0.01 missing_category=0.05 bad_time=0.01 malformed=5"
USERS=700
EVENTS=40

# gen DIR ARGS...: generate in the scratch directory; must succeed.
gen() {
	d=$1
	shift
	run_rs -c "generate $d $*" < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err" ||
		fail "generate $d $* failed: $(head -c 300 "$SCRATCH/err")"
}
# gen_threads N DIR ARGS...: the same with OMP_NUM_THREADS=N.
gen_threads() {
	n=$1
	shift
	(OMP_NUM_THREADS=$n && export OMP_NUM_THREADS && gen "$@") || exit 1
}
# files DIR: the regular files under DIR, relative, sorted.
files() {
	(cd "$SCRATCH/$1" && find . -type f | LC_ALL=C sort)
}
# same_tree A B WHAT: the same file names and the same bytes in each.
same_tree() {
	files "$1" > "$SCRATCH/list-a"
	files "$2" > "$SCRATCH/list-b"
	if ! cmp -s "$SCRATCH/list-a" "$SCRATCH/list-b"; then
		bad "$3: $1 and $2 hold different files: $(diff "$SCRATCH/list-a" "$SCRATCH/list-b" | head -5)"
		return
	fi
	[ -s "$SCRATCH/list-a" ] || bad "$3: $1 is empty"
	while read -r f; do
		cmp -s "$SCRATCH/$1/$f" "$SCRATCH/$2/$f" ||
			bad "$3: $1/$f and $2/$f differ"
	done < "$SCRATCH/list-a"
}
# mf DIR SECTION KEY: a number from DIR/manifest.json ("" for the top level).
mf() {
	awk -v sec="$2" -v key="$3" '
		/^  "[a-z_]*": \{/ { s = $1; gsub(/[":]/, "", s); next }
		/^  \}/ { s = ""; next }
		{
			k = $1; gsub(/[":]/, "", k)
			if (s == sec && k == key) {
				v = $2; sub(/,$/, "", v); print v; found = 1; exit
			}
		}
		END { if (!found) print "missing" }
	' "$SCRATCH/$1/manifest.json"
}
# commas N: N as reelscope prints it (1,234,567).
commas() {
	printf '%s\n' "$1" | awk '{ s = $1; o = ""
		while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) }
		print s o }'
}
# data_lines FILE: lines after the header.
data_lines() {
	awk 'END { print NR - 1 }' "$1"
}

# ---- (a) same seed, same bytes; thread counts; another seed ----
gen a1 "$W"
cp "$SCRATCH/out" "$SCRATCH/a1.out"
gen a2 "$W"
same_tree a1 a2 "two runs, one seed"
gen_threads 1 t1 "$W" truth=yes
gen_threads 2 t2 "$W" truth=yes
gen_threads 3 t3 "$W" truth=yes
same_tree t1 t2 "OMP_NUM_THREADS=1 vs 2"
same_tree t1 t3 "OMP_NUM_THREADS=1 vs 3"
gen s2 "$W" seed=2
cmp -s "$SCRATCH/a1/big_matrix.csv" "$SCRATCH/s2/big_matrix.csv" &&
	bad "seed=1 and seed=2 wrote the same big_matrix.csv"
cmp -s "$SCRATCH/a1/small_matrix.csv" "$SCRATCH/s2/small_matrix.csv" &&
	bad "seed=1 and seed=2 wrote the same small_matrix.csv"

# ---- (b) the manifest's counts are what the files hold ----
A=$SCRATCH/a1
# (the d_ values are also read through eval, by name, below)
# shellcheck disable=SC2034
{
c_big_rows=$(mf a1 counts big_rows)
c_small_rows=$(mf a1 counts small_rows)
c_users=$(mf a1 counts users)
c_bots=$(mf a1 counts bots)
c_videos=$(mf a1 counts videos)
c_creators=$(mf a1 counts creators)
c_small_users=$(mf a1 counts small_users)
c_small_videos=$(mf a1 counts small_videos)
d_duplicates=$(mf a1 dirt duplicates)
d_bot_users=$(mf a1 dirt bot_users)
d_bot_rows=$(mf a1 dirt bot_rows)
d_outliers=$(mf a1 dirt outliers)
d_missing_durations=$(mf a1 dirt missing_durations)
d_missing_categories=$(mf a1 dirt missing_categories)
d_bad_times=$(mf a1 dirt bad_times)
d_malformed=$(mf a1 dirt malformed)
}
{
	[ "$c_users" = "$USERS" ] || bad "manifest users $c_users, expected $USERS"
	[ "$c_videos" = 1400 ] || bad "manifest videos $c_videos, expected 1400"
	[ "$c_creators" = 140 ] || bad "manifest creators $c_creators, expected 140"
	[ "$c_bots" = "$d_bot_users" ] || bad "manifest counts.bots $c_bots but dirt.bot_users $d_bot_users"
	[ "$(mf a1 '' seed)" = 1 ] || bad "manifest seed $(mf a1 '' seed), expected 1"
	for k in duplicates bot_rows outliers missing_durations missing_categories bad_times malformed; do
		v=
		eval "v=\$d_$k"
		[ "$v" -gt 0 ] 2>/dev/null || bad "manifest dirt.$k is '$v': this world should have some"
	done
}
# The big matrix: malformed lines are those without the 11 fields.
awk -F, 'NR > 1 && NF != 11 { m++ } NR > 1 && NF == 11 { r++ }
	END { print r + 0, m + 0 }' "$A/big_matrix.csv" > "$SCRATCH/bigcount"
read -r big_ok big_bad < "$SCRATCH/bigcount"
[ "$big_ok" = "$c_big_rows" ] ||
	bad "big_matrix.csv has $big_ok well-formed data lines, manifest big_rows $c_big_rows"
[ "$big_bad" = "$d_malformed" ] ||
	bad "big_matrix.csv has $big_bad malformed lines, manifest malformed $d_malformed"
[ "$(data_lines "$A/small_matrix.csv")" = "$c_small_rows" ] ||
	bad "small_matrix.csv has $(data_lines "$A/small_matrix.csv") data lines, manifest small_rows $c_small_rows"
# generate's own report says the same as its manifest (a1 was run twice: the
# report in $SCRATCH/a1.out is the second run's)
for k in "sparse log rows:$c_big_rows" "observed block rows:$c_small_rows" "bots:$c_bots"; do
	grep -q "^${k%%:*}  *$(commas "${k#*:}")\$" "$SCRATCH/a1.out" ||
		bad "generate's report does not show ${k%%:*} $(commas "${k#*:}"): $(head -5 "$SCRATCH/a1.out")"
done

# dirt.csv by kind, against the manifest
awk -F, 'NR > 1 { n[$1]++; all++ }
	END {
		print "duplicates", n["duplicate"] + n["repeat"]
		print "outliers", n["outlier"] + 0
		print "missing_durations", n["missing_duration"] + 0
		print "bad_times", n["bad_time"] + 0
		print "malformed", n["malformed"] + 0
		print "total", all + 0
		for (k in n)
			if (k !~ /^(duplicate|repeat|outlier|missing_duration|bad_time|malformed)$/)
				print "unknown", k
	}' "$A/dirt.csv" > "$SCRATCH/dirtcount"
total=0
for k in duplicates outliers missing_durations bad_times malformed; do
	got=$(awk -v k="$k" '$1 == k { print $2 }' "$SCRATCH/dirtcount")
	eval "want=\$d_$k"
	[ "$got" = "$want" ] || bad "dirt.csv has $got $k rows, manifest $want"
	total=$((total + want))
done
got=$(awk '$1 == "total" { print $2 }' "$SCRATCH/dirtcount")
[ "$got" = "$total" ] || bad "dirt.csv has $got rows, the manifest's dirt adds up to $total"
! grep -q '^unknown' "$SCRATCH/dirtcount" ||
	bad "dirt.csv has kinds the manifest does not count: $(grep '^unknown' "$SCRATCH/dirtcount")"

# Each line dirt.csv names really is that dirt; rows outside the logged period,
# without a duration, or with a ratio above 8 are all listed (a duplicate
# copies the row before it, dirt included).
start_ms=1593878400000	# 2020-07-05 00:00 Beijing time (16:00 UTC the day before)
end_ms=$((start_ms + 7 * 86400000))
awk -F, -v start="$start_ms" -v end="$end_ms" -v users="$USERS" '
	FNR == NR { if (FNR > 1) { kind[$2] = kind[$2] " " $1; uid[$2] = $3; vid[$2] = $4 } next }
	function err(msg) { if (errs++ < 10) print "line " FNR ": " msg; }
	FNR == 1 { next }
	{
		k = kind[FNR]
		if (k != "" && ($1 != uid[FNR] || $2 != vid[FNR]))
			err("dirt.csv names user " uid[FNR] " video " vid[FNR] ", the line holds " $1 "," $2)
		if (k ~ /malformed/) {
			if (NF == 11) err("listed malformed, has 11 fields")
			prev = ""; next
		}
		if (NF != 11) { err("malformed but not listed"); next }
		dup = (k ~ /duplicate|repeat/)
		if (k ~ /duplicate/ && $0 != prev) err("listed duplicate, differs from the line before")
		if (k ~ /repeat/) {
			split(prev, p, ",")
			if (p[1] != $1 || p[2] != $2 || p[5] != $5 || p[3] == $3)
				err("listed repeat, not the line before with another play_duration")
		}
		t = $7; gsub(/\./, "", t); ms = t + 0
		out = (ms < start || ms >= end)
		if (k ~ /bad_time/ && !out) err("listed bad_time, time " $7 " is in the period")
		if (out && k !~ /bad_time/ && !(dup && pout)) err("time " $7 " outside the period, not listed")
		if (k ~ /missing_duration/ && ($4 != "" || $8 != "")) err("listed missing_duration, has " $4)
		if ($4 == "" && k !~ /missing_duration/ && !(dup && pnodur)) err("no duration, not listed")
		if (k ~ /outlier/ && $8 != "" && $8 + 0 < 19.99) err("listed outlier, watch_ratio " $8)
		if ($8 != "" && $8 + 0 > 8.000001 && k !~ /outlier/ && !dup) err("watch_ratio " $8 " not listed as outlier")
		if ($1 + 0 >= users && k ~ /outlier/) err("a bot row listed as outlier")
		prev = $0; pout = out; pnodur = ($4 == "")
	}
	END { if (errs) print errs " problems" }
' "$A/dirt.csv" "$A/big_matrix.csv" > "$SCRATCH/dirtcheck"
[ ! -s "$SCRATCH/dirtcheck" ] || bad "dirt.csv and big_matrix.csv disagree: $(cat "$SCRATCH/dirtcheck")"

# Bots: bot_user_ids are the users after the real ones, each with only very
# short views (watch ratio < 0.09; a re-sent duplicate may be longer) and
# very many of them (>= 5 x events);
# bot_rows counts their rows (their duplicated events not included).
sed -n 's/^ *"bot_user_ids": \[\(.*\)\],*$/\1/p' "$A/manifest.json" | tr -d ' ' | tr ',' '\n' |
	sed '/^$/d' > "$SCRATCH/bots"
[ "$(awk 'END { print NR }' "$SCRATCH/bots")" = "$c_bots" ] ||
	bad "bot_user_ids lists $(awk 'END { print NR }' "$SCRATCH/bots") users, manifest bots $c_bots"
awk -v users="$USERS" -v nb="$c_bots" 'NR != $1 - users + 1 || $1 >= users + nb { print "bot id " $1 " out of order" }' \
	"$SCRATCH/bots" > "$SCRATCH/botorder"
[ ! -s "$SCRATCH/botorder" ] || bad "bot_user_ids are not users $USERS.. : $(head -3 "$SCRATCH/botorder")"
awk -F, -v min=$((5 * EVENTS)) -v want_rows="$d_bot_rows" '
	FILENAME ~ /bots$/ { bot[$1] = 1; next }
	FILENAME ~ /dirt.csv$/ { if ($1 == "duplicate" || $1 == "repeat") dupl[$2] = 1; next }
	FNR == 1 || NF != 11 { next }
	{
		n[$1]++
		if (FNR in dupl)
			next	# a re-sent event may have a longer play time
		if ($8 != "" && $8 + 0 >= 0.09) long[$1] = 1
		if ($1 in bot) botrows++
	}
	END {
		for (u in n) {
			short = !(u in long) && n[u] >= min
			if ((u in bot) && !short) print "bot " u ": " n[u] " rows, long views " (u in long)
			if (!(u in bot) && short) print "user " u " looks like a bot (" n[u] " short views) but is not listed"
		}
		for (u in bot) if (!(u in n)) print "bot " u " has no rows"
		if (botrows + 0 != want_rows + 0) print "bot rows " botrows + 0 ", manifest bot_rows " want_rows
	}
' "$SCRATCH/bots" "$A/dirt.csv" "$A/big_matrix.csv" > "$SCRATCH/botcheck"
[ ! -s "$SCRATCH/botcheck" ] || bad "bots: $(head -5 "$SCRATCH/botcheck")"
# truth/users.csv flags the same users as bots (run t1 had truth=yes)
awk -F, 'NR > 1 && $2 == 1 { print $1 }' "$SCRATCH/t1/truth/users.csv" > "$SCRATCH/truthbots"
cmp -s "$SCRATCH/bots" "$SCRATCH/truthbots" || bad "truth/users.csv's is_bot users differ from bot_user_ids"
# truth/propensity.csv (truth=yes only) holds each distinct (user, video)
# pair of big_matrix.csv once, with a propensity in (0, 1]
[ ! -e "$A/truth/propensity.csv" ] || bad "truth=no wrote truth/propensity.csv"
awk -F, 'NR > 1 && NF > 3 { print $1 "," $2 }' "$SCRATCH/t1/big_matrix.csv" | sort -u > "$SCRATCH/logpairs"
awk -F, 'NR > 1 { print $1 "," $2 }' "$SCRATCH/t1/truth/propensity.csv" | sort > "$SCRATCH/proppairs"
cmp -s "$SCRATCH/logpairs" "$SCRATCH/proppairs" ||
	bad "truth/propensity.csv's pairs differ from big_matrix.csv's ($(wc -l < "$SCRATCH/proppairs") vs $(wc -l < "$SCRATCH/logpairs"))"
[ "$(head -1 "$SCRATCH/t1/truth/propensity.csv")" = "user_id,video_id,propensity" ] ||
	bad "truth/propensity.csv's header is $(head -1 "$SCRATCH/t1/truth/propensity.csv")"
awk -F, 'NR > 1 && !($3 > 0 && $3 <= 1) { print; exit }' "$SCRATCH/t1/truth/propensity.csv" > "$SCRATCH/propbad"
[ ! -s "$SCRATCH/propbad" ] || bad "truth/propensity.csv has a propensity outside (0, 1]: $(cat "$SCRATCH/propbad")"

# Side tables: one category row per video, the withheld ones empty; one
# caption row per video; one user_features row per user and bot.
awk -F, 'NR > 1 { n++; if ($2 == "") e++ } END { print n + 0, e + 0 }' "$A/item_categories.csv" > "$SCRATCH/cats"
read -r ncat nempty < "$SCRATCH/cats"
[ "$ncat" = "$c_videos" ] || bad "item_categories.csv has $ncat rows, $c_videos videos"
[ "$nempty" = "$d_missing_categories" ] ||
	bad "item_categories.csv has $nempty videos without categories, manifest missing_categories $d_missing_categories"
[ "$(awk -F, 'NR > 1 && $1 ~ /^[0-9]+$/ { n++ } END { print n + 0 }' "$A/kuairec_caption_category.csv")" = "$c_videos" ] ||
	bad "kuairec_caption_category.csv does not hold one row per video"
[ "$(data_lines "$A/user_features.csv")" = $((c_users + c_bots)) ] ||
	bad "user_features.csv has $(data_lines "$A/user_features.csv") rows, users + bots = $((c_users + c_bots))"

# ---- (c) watch_ratio, and the three time columns ----
for f in big_matrix small_matrix; do
	awk -F, '
		function err(msg) { if (errs++ < 5) print FILENAME ":" FNR ": " msg; }
		# days since 1970-01-01 -> "YYYY-MM-DD" (the civil-from-days algorithm)
		function civil(z,   era, doe, yoe, doy, mp, d, m, y) {
			z += 719468
			era = int((z >= 0 ? z : z - 146096) / 146097)
			doe = z - era * 146097
			yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
			doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
			mp = int((5 * doy + 2) / 153)
			d = doy - int((153 * mp + 2) / 5) + 1
			m = mp < 10 ? mp + 3 : mp - 9
			y = yoe + era * 400 + (m <= 2)
			return sprintf("%04d-%02d-%02d", y, m, d)
		}
		FNR == 1 || NF != 11 { next }
		{
			if ($3 != "" && $4 != "") {
				if ($8 !~ /^[0-9]+\.[0-9][0-9][0-9][0-9][0-9][0-9]$/)
					err("watch_ratio " $8 " is not written with 6 decimals")
				d = $8 - $3 / $4
				if (d < 0) d = -d
				if (d > 5.0001e-7)
					err("watch_ratio " $8 ", play/duration " $3 "/" $4 " = " sprintf("%.9f", $3 / $4))
				n++
			}
			t = $7
			if (t !~ /^-?[0-9]+\.[0-9][0-9][0-9]$/) { err("timestamp " t); next }
			neg = sub(/^-/, "", t)
			split(t, p, ".")
			ms = (p[1] * 1000 + p[2]) * (neg ? -1 : 1) + 8 * 3600000
			day = int(ms / 86400000)
			if (day * 86400000 > ms) day--
			tod = ms - day * 86400000
			want = civil(day) sprintf(" %02d:%02d:%02d.%03d", int(tod / 3600000),
			    int(tod / 60000) % 60, int(tod / 1000) % 60, tod % 1000)
			if ($5 != want) err("time " $5 ", timestamp " $7 " is " want " in Beijing")
			dd = substr(want, 1, 4) substr(want, 6, 2) substr(want, 9, 2)
			if ($6 != dd) err("date " $6 ", time " $5)
		}
		END { if (n == 0) print FILENAME ": no row with both durations"; if (errs) print errs " problems" }
	' "$A/$f.csv"
done > "$SCRATCH/ratio"
[ ! -s "$SCRATCH/ratio" ] || bad "watch_ratio / time columns: $(head -12 "$SCRATCH/ratio")"

# ---- (d) the observed block is (almost) fully observed ----
awk -F, -v nu="$c_small_users" -v nv="$c_small_videos" '
	NR == 1 { next }
	{ pair[$1 "," $2]++; u[$1] = 1; v[$2] = 1 }
	END {
		for (p in pair) { np++; if (pair[p] > 1) dups++ }
		for (x in u) nus++
		for (x in v) nvs++
		printf "%d %d %d %d %.4f\n", np, dups + 0, nus, nvs, np / (nu * nv)
	}' "$A/small_matrix.csv" > "$SCRATCH/block"
read -r np ndup nus nvs fill < "$SCRATCH/block"
echo "observed block: $np of $c_small_users x $c_small_videos pairs ($fill)"
[ "$ndup" = 0 ] || bad "small_matrix.csv repeats $ndup user-video pairs"
[ "$nus" = "$c_small_users" ] || bad "small_matrix.csv has $nus users, manifest small_users $c_small_users"
[ "$nvs" = "$c_small_videos" ] || bad "small_matrix.csv has $nvs videos, manifest small_videos $c_small_videos"
awk -v f="$fill" 'BEGIN { exit !(f >= 0.99) }' ||
	bad "the observed block holds $np of $c_small_users x $c_small_videos pairs ($fill < 0.99)"

# ---- (e) popularity bias, model-free ----
# Over the observed block's videos: rank them by their rows in the sparse log
# (real users, well-formed lines); the top 10% of them hold share_log of those
# rows, and share_block of the block's rows. A logging policy without
# popularity bias would give about the same share; the block (every video
# shown to every user) gives about 10%.
awk -F, -v users="$USERS" '
	FILENAME ~ /small_matrix/ { if (FNR > 1) { blk[$2]++; nblk++ } next }
	FNR == 1 || NF != 11 || $1 + 0 >= users { next }
	($2 in blk) { lg[$2]++; nlog++ }
	END {
		for (v in blk) { nv++; c[nv] = lg[v] + 0; id[nv] = v }
		# sort by log count, descending (insertion sort: a few hundred videos)
		for (i = 2; i <= nv; i++) {
			x = c[i]; y = id[i]
			for (j = i - 1; j >= 1 && c[j] < x; j--) { c[j + 1] = c[j]; id[j + 1] = id[j] }
			c[j + 1] = x; id[j + 1] = y
		}
		top = int(nv / 10 + 0.5)
		for (i = 1; i <= top; i++) { sl += c[i]; sb += blk[id[i]] }
		printf "%d %d %.4f %.4f\n", top, nv, sl / nlog, sb / nblk
	}' "$A/small_matrix.csv" "$A/big_matrix.csv" > "$SCRATCH/pop"
read -r top nv share_log share_block < "$SCRATCH/pop"
echo "popularity bias: the top $top of the block's $nv videos hold $share_log of their sparse-log rows, $share_block of the block's rows"
awk -v a="$share_log" -v b="$share_block" 'BEGIN { exit !(b > 0 && a >= 2 * b) }' ||
	bad "no popularity bias: top-10% share $share_log in the sparse log, $share_block in the block (want >= 2x)"
# The same over all videos: the sparse log's top 10% against the block's own
# top 10% (each ranked by its own counts).
for f in big_matrix small_matrix; do
	awk -F, -v users="$USERS" '
		FNR == 1 || NF != 11 || $1 + 0 >= users { next }
		{ n[$2]++; all++ }
		END { for (v in n) print n[v], all }' "$A/$f.csv" | LC_ALL=C sort -rn |
		awk '{ c[NR] = $1; all = $2 } END { top = int(NR / 10 + 0.5); for (i = 1; i <= top; i++) s += c[i]; printf "%.4f\n", s / all }'
done > "$SCRATCH/pop2"
share_log2=$(sed -n 1p "$SCRATCH/pop2")
share_block2=$(sed -n 2p "$SCRATCH/pop2")
echo "popularity bias: each file's own top 10% of videos hold $share_log2 of the sparse log, $share_block2 of the block"
awk -v a="$share_log2" -v b="$share_block2" 'BEGIN { exit !(b > 0 && a >= 2 * b) }' ||
	bad "no popularity bias: own top-10% share $share_log2 in the sparse log, $share_block2 in the block (want >= 2x)"

# ---- (f) compress=yes ----
gen z "$W" compress=yes
for f in big_matrix small_matrix item_categories item_daily_features kuairec_caption_category \
    user_features social_network; do
	if [ ! -f "$SCRATCH/z/$f.csv.gz" ]; then
		bad "compress=yes wrote no $f.csv.gz"
		continue
	fi
	[ ! -e "$SCRATCH/z/$f.csv" ] || bad "compress=yes also wrote a plain $f.csv"
	gzip -dc "$SCRATCH/z/$f.csv.gz" > "$SCRATCH/unz" || bad "$f.csv.gz does not gunzip"
	cmp -s "$SCRATCH/unz" "$A/$f.csv" || bad "$f.csv.gz does not gunzip to the plain run's $f.csv"
done
cmp -s "$SCRATCH/z/dirt.csv" "$A/dirt.csv" || bad "compress=yes changed dirt.csv"
diff "$A/manifest.json" "$SCRATCH/z/manifest.json" | grep '^[<>]' | grep -v '"compress": ' > "$SCRATCH/mdiff"
[ ! -s "$SCRATCH/mdiff" ] || bad "compress=yes changed the manifest beyond \"compress\": $(cat "$SCRATCH/mdiff")"
gen_threads 2 z2 "$W" compress=yes
same_tree z z2 "compress=yes, 1 and 2 threads"
# load reads both folders with the same counts
for d in a1 z; do
	run_rs -c "load $d --skip-bad" < /dev/null > "$SCRATCH/load-$d" 2> "$SCRATCH/load-$d.err" ||
		bad "load $d --skip-bad failed: $(head -c 300 "$SCRATCH/load-$d.err")"
	grep -E '^(interactions|users|items|creators|observed block)  +[0-9,]+$' \
		"$SCRATCH/load-$d" > "$SCRATCH/load-$d.counts"
done
cmp -s "$SCRATCH/load-a1.counts" "$SCRATCH/load-z.counts" ||
	bad "load reads the gzipped world differently: $(diff "$SCRATCH/load-a1.counts" "$SCRATCH/load-z.counts")"
want=$(commas "$c_big_rows")
grep -q "^interactions *$want\$" "$SCRATCH/load-z.counts" ||
	bad "load z: interactions are not big_rows $want: $(cat "$SCRATCH/load-z.counts")"
want=$(commas "$c_small_rows")
grep -q "^observed block *$want\$" "$SCRATCH/load-z.counts" ||
	bad "load z: observed block is not small_rows $want: $(cat "$SCRATCH/load-z.counts")"

# ---- (g) --force, and failures that leave the folder alone ----
S="users=40 videos=80 creators=8 days=3 events=15"
gen g "$S" seed=5
echo stray > "$SCRATCH/g/stray.txt"
mkdir "$SCRATCH/g/sub" && echo x > "$SCRATCH/g/sub/old.csv"
(cd "$SCRATCH/g" && find . -type f -exec cksum {} + | LC_ALL=C sort) > "$SCRATCH/g.before"
# without --force: refused, untouched
run_rs -c "generate g $S seed=6" < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err" &&
	bad "generate into a folder with files and no --force succeeded"
grep -q 'already holds files' "$SCRATCH/err" || bad "no 'already holds files' error: $(cat "$SCRATCH/err")"
# a bad parameter with --force: refused, untouched
for p in users=0 dup=-1 seed=abc "videos=5 creators=6" start=2020-02-30x; do
	run_rs -c "generate g $S $p --force" < /dev/null > "$SCRATCH/out" 2> "$SCRATCH/err" &&
		bad "generate g $p --force succeeded"
	[ -s "$SCRATCH/err" ] || bad "generate g $p --force: no error message"
done
(cd "$SCRATCH/g" && find . -type f -exec cksum {} + | LC_ALL=C sort) > "$SCRATCH/g.after"
cmp -s "$SCRATCH/g.before" "$SCRATCH/g.after" ||
	bad "a failed generate changed g: $(diff "$SCRATCH/g.before" "$SCRATCH/g.after" | head -5)"
# with --force: replaced completely
gen g "$S" seed=6 --force
gen g6 "$S" seed=6
same_tree g g6 "generate --force over an old world"
if [ -e "$SCRATCH/g/stray.txt" ] || [ -e "$SCRATCH/g/sub" ]; then
	bad "--force left the old folder's files"
fi
# an empty folder is fine without --force
mkdir "$SCRATCH/empty"
gen empty "$S" seed=6
same_tree empty g6 "generate into an empty folder"
# ---- (h) the bundled sample is what its documented command makes ----
cmd=$(sed -n "s|.*reelscope -c 'generate samples/world \(.*\) --force'.*|\1|p" "$TOP_SRCDIR/samples/README.md")
if [ -z "$cmd" ] || [ ! -d "$TOP_SRCDIR/samples/world" ]; then
	bad "samples/README.md gives no 'generate samples/world ... --force' command, or samples/world is missing"
else
	gen sample-world "$cmd"
	same_tree sample-world samples/world "samples/world against its command in samples/README.md"
fi

# no temporary or old folders left anywhere in the scratch directory
left=
for f in "$SCRATCH"/*.tmp-* "$SCRATCH"/*.old-* "$SCRATCH"/.*.tmp-* "$SCRATCH"/.*.old-*; do
	[ -e "$f" ] && left="$left ${f##*/}"
done
[ -z "$left" ] || bad "temporary folders left behind:$left"

exit $status
