/* Unit tests of the cleaning steps on tiny logs, against figures worked out by hand. */
#include "config.h"

#include "loadfix.h"
#include "util/text.h"

#define TOL 1e-9

/* Load a CSV written to tmp/name (optionally with an item table). */
static rs_dataset *
csv(const char *name, const char *text, const char *items, const char *creator)
{
	rs_load_opts o;
	rs_error err;
	rs_dataset *ds;

	rs_load_opts_init(&o);
	if (items != NULL) {
		o.items_path = write_file(S("items-%s", name), items);
		o.creator = creator;
	}
	ds = load_opts(write_file(name, text), &o, &err);
	if (ds == NULL) {
		fprintf(stderr, "cannot load %s: %s\n", name, err.msg);
		exit(99);
	}
	return ds;
}

/* Run a step that must succeed. */
static rs_dataset *
run(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res, int line)
{
	rs_error err;
	rs_dataset *out = rs_clean_run(ds, p, res, NULL, &err);

	check_count++;
	if (out == NULL) {
		check_failures++;
		fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, line,
		    rs_clean_step_name(p->step), err.msg);
		exit(1);
	}
	return out;
}
#define RUN(ds, p, res) run(ds, p, res, __LINE__)

/* Run a step that must fail with this message. */
static void
fails(rs_dataset *ds, const rs_clean_params *p, const char *msg, int line)
{
	rs_error err;
	rs_clean_result res;
	rs_dataset *out = rs_clean_run(ds, p, &res, NULL, &err);

	check_count += 2;
	if (out != NULL) {
		check_failures++;
		fprintf(stderr, "%s:%d: %s succeeded, expected \"%s\"\n", __FILE__,
		    line, rs_clean_step_name(p->step), msg);
		rs_dataset_free(out);
	} else if (strcmp(err.msg, msg) != 0) {
		check_failures++;
		fprintf(stderr, "%s:%d: error \"%s\",\n%*sexpected \"%s\"\n",
		    __FILE__, line, err.msg, (int)strlen(__FILE__) + 12, "", msg);
	}
	rs_clean_result_free(&res);
}
#define FAILS(ds, p, msg) fails(ds, p, msg, __LINE__)

/* Value of column name at row r of the log. */
static double
at(const rs_dataset *ds, const char *name, size_t r)
{
	const rs_column *c = logcol(ds, name);

	return c == NULL || r >= c->n ? -999 : rs_column_get(c, r);
}

static size_t
reason_rows(const rs_clean_result *res, const char *what)
{
	for (size_t i = 0; i < res->nreasons; i++)
		if (strcmp(res->reasons[i].what, what) == 0)
			return res->reasons[i].rows;
	fprintf(stderr, "no reason \"%s\"; reasons are:\n", what);
	for (size_t i = 0; i < res->nreasons; i++)
		fprintf(stderr, "  \"%s\" %zu\n", res->reasons[i].what,
		    res->reasons[i].rows);
	return (size_t)-1;
}

/* Ground truth for a tiny log: entries of (kind, user, item, time). */
static void
add_dirt(rs_dataset *ds, int kind, const char *user, const char *item,
    double t)
{
	rs_dirt *d = ds->dirt;

	if (d == NULL)
		d = ds->dirt = calloc(1, sizeof *d);
	d->kind = realloc(d->kind, d->n + 1);
	d->user = realloc(d->user, (d->n + 1) * sizeof *d->user);
	d->item = realloc(d->item, (d->n + 1) * sizeof *d->item);
	d->time = realloc(d->time, (d->n + 1) * sizeof *d->time);
	d->kind[d->n] = (uint8_t)kind;
	d->user[d->n] = id_of(ds->users, user);
	d->item[d->n] = id_of(ds->items, item);
	d->time[d->n++] = t;
}

static const char dup_log[] =
    "user,item,rating,timestamp\n"
    "u1,i2,3,200\n"
    "u1,i1,5,100\n"
    "u1,i1,4,100\n"	/* same event sent again with another rating */
    "u1,i1,5,100\n"	/* an exact copy of the row two above */
    "u2,i1,2,100\n"
    "u2,i2,2,300\n"
    "u2,i2,2,301\n"	/* another time: a real re-watch */
    "u3,i3,1,50\n";

static void
test_dedup(void)
{
	rs_dataset *ds = csv("dup.csv", dup_log, NULL, NULL), *out;
	rs_clean_params p;
	rs_clean_result res;
	static const double want[] = { 3, 5, 2, 2, 2, 1 };

	rs_clean_params_init(&p, RS_CLEAN_DEDUP);
	out = RUN(ds, &p, &res);
	CHECK(res.rows_before == 8 && res.rows_after == 6 && res.removed == 2);
	CHECK(res.users_before == 3 && res.users_after == 3);
	CHECK(reason_rows(&res, "exact copy of an earlier row") == 1);
	CHECK(reason_rows(&res, "same user, item and time as an earlier row") == 1);
	CHECK(!res.evaluated);
	for (size_t r = 0; r < 6; r++)
		CHECK_NEAR(at(out, "rating", r), want[r], 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);

	p.exact_only = true;
	out = RUN(ds, &p, &res);
	CHECK(res.rows_after == 7);
	CHECK(reason_rows(&res, "exact copy of an earlier row") == 1);
	CHECK_NEAR(at(out, "rating", 2), 4, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);

	/* truth: one exact copy and one re-sent event injected; a clean row
	 * copied by the step's rule would count against precision */
	add_dirt(ds, RS_DIRT_DUPLICATE, "u1", "i1", 100);
	add_dirt(ds, RS_DIRT_REPEAT, "u1", "i1", 100);
	add_dirt(ds, RS_DIRT_MALFORMED, "u3", "i3", 50);
	p.exact_only = false;
	out = RUN(ds, &p, &res);
	CHECK(res.evaluated);
	CHECK_STR(res.dirt_kinds, "duplicate,repeat");
	CHECK(res.dirt_present == 2 && res.dirt_flagged == 2 && res.dirt_found == 2);
	CHECK_NEAR(res.recall, 1, 0);
	CHECK_NEAR(res.precision, 1, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* exact mode targets exact copies only: both later rows carry the
	 * key's duplicate mark, one of them is removed */
	p.exact_only = true;
	out = RUN(ds, &p, &res);
	CHECK_STR(res.dirt_kinds, "duplicate");
	CHECK(res.dirt_present == 2 && res.dirt_flagged == 1 && res.dirt_found == 1);
	CHECK_NEAR(res.recall, 0.5, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	rs_dataset_free(ds);
}

static void
test_kcore(void)
{
	rs_dataset *ds, *out;
	rs_clean_params p;
	rs_clean_result res;

	/* users u3, u4 and items i3, i4 have one row: one round drops them,
	 * and u1 and i1 keep two */
	ds = csv("kcore1.csv", "user,item,rating\n"
	    "u1,i1,1\nu1,i2,1\nu1,i3,1\nu2,i1,1\nu2,i2,1\nu3,i1,1\nu4,i4,1\n",
	    NULL, NULL);
	rs_clean_params_init(&p, RS_CLEAN_KCORE);
	p.user_k = p.item_k = 2;
	out = RUN(ds, &p, &res);
	CHECK(res.rows_after == 4 && res.rounds == 1);
	CHECK(res.users_removed == 2 && res.items_removed == 2);
	CHECK(res.users_after == 2 && res.items_after == 2);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* items need 3: i2, i3, i4 go; then u4 has no row left (a second
	 * round drops it); users need only 1 */
	p.user_k = 1;
	p.item_k = 3;
	out = RUN(ds, &p, &res);
	CHECK(res.rows_after == 3 && res.rounds == 2);
	CHECK(res.users_removed == 1 && res.items_removed == 3);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	rs_dataset_free(ds);

	/* a chain unravels from both ends, two by two: four rounds, nothing left */
	ds = csv("kcore2.csv", "user,item,rating\n"
	    "u1,i1,1\nu1,i2,1\nu2,i2,1\nu2,i3,1\nu3,i3,1\nu3,i4,1\nu4,i4,1\n",
	    NULL, NULL);
	p.user_k = p.item_k = 2;
	FAILS(ds, &p, "this would remove every row (7)");
	{
		rs_error err;
		CHECK(rs_clean_run(ds, &p, &res, NULL, &err) == NULL && res.needs_force);
	}
	p.force = true;
	out = RUN(ds, &p, &res);
	CHECK(res.rows_after == 0 && res.rounds == 4);
	CHECK(res.users_removed == 4 && res.items_removed == 4);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	rs_dataset_free(ds);
}

static void
test_outliers(void)
{
	rs_dataset *ds, *out;
	rs_clean_params p;
	rs_clean_result res;
	struct strbuf sb;

	sb_init(&sb);
	sb_puts(&sb, "user,item,x,timestamp\n");
	for (int i = 1; i <= 10; i++)
		sb_printf(&sb, "u1,i%d,%d,%d\n", i, i < 10 ? i : 100, i);
	ds = csv("out.csv", sb.s, NULL, NULL);
	sb_free(&sb);
	/* 1..9, 100: q1 = 3 + .25 (4 - 3) = 3.25, q3 = 7 + .75 (8 - 7) = 7.75,
	 * IQR 4.5, fences 3.25 - 6.75 = -3.5 and 7.75 + 6.75 = 14.5 */
	rs_clean_params_init(&p, RS_CLEAN_OUTLIERS);
	p.column = "x";
	out = RUN(ds, &p, &res);
	CHECK_NEAR(res.q1, 3.25, TOL);
	CHECK_NEAR(res.q3, 7.75, TOL);
	CHECK_NEAR(res.lower, -3.5, TOL);
	CHECK_NEAR(res.upper, 14.5, TOL);
	CHECK(res.below == 0 && res.above == 1 && res.rows_after == 9);
	CHECK(res.values == 10 && res.skipped == 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* cap: 100 becomes the fence, rounded down to the column's whole numbers */
	p.cap = true;
	out = RUN(ds, &p, &res);
	CHECK(res.rows_after == 10 && res.changed == 1);
	CHECK_NEAR(at(out, "x", 9), 14, 0);
	CHECK_NEAR(at(out, "x", 8), 9, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* z: median 5.5; deviations .5 .5 1.5 1.5 2.5 2.5 3.5 3.5 4.5 94.5,
	 * MAD 2.5; fences 5.5 -+ 3.5 * 1.4826 * 2.5 = 5.5 -+ 12.97275 */
	p.cap = false;
	p.method = RS_OUTLIER_Z;
	out = RUN(ds, &p, &res);
	CHECK_NEAR(res.median, 5.5, TOL);
	CHECK_NEAR(res.mad, 2.5, TOL);
	CHECK_NEAR(res.lower, 5.5 - 12.97275, 1e-9);
	CHECK_NEAR(res.upper, 5.5 + 12.97275, 1e-9);
	CHECK(res.above == 1);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* side=upper leaves the lower fence open */
	p.method = RS_OUTLIER_IQR;
	p.side = RS_SIDE_UPPER;
	out = RUN(ds, &p, &res);
	CHECK(isnan(res.lower));
	CHECK_NEAR(res.upper, 14.5, TOL);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	rs_dataset_free(ds);

	/* log scale on 1, 2, 4, 8, 16, 1024: logs are k ln 2 for k = 0 1 2 3 4
	 * 10; q1 = 1.25 ln 2, q3 = 3.75 ln 2, IQR 2.5 ln 2; the fences are
	 * 2^(1.25 - 3.75) and 2^(3.75 + 3.75) */
	ds = csv("log.csv", "user,item,x\nu1,i1,1\nu1,i2,2\nu1,i3,4\nu1,i4,8\n"
	    "u1,i5,16\nu1,i6,1024\nu1,i7,0\n", NULL, NULL);
	rs_clean_params_init(&p, RS_CLEAN_OUTLIERS);
	p.column = "x";
	p.log_scale = true;
	out = RUN(ds, &p, &res);
	CHECK_NEAR(res.q1, 1.25 * log(2), TOL);
	CHECK_NEAR(res.q3, 3.75 * log(2), TOL);
	CHECK_NEAR(res.lower, pow(2, -2.5), TOL);
	CHECK_NEAR(res.upper, pow(2, 7.5), 1e-9);
	CHECK(res.values == 6 && res.skipped == 1);	/* 0 is not judged */
	CHECK(res.above == 1 && res.rows_after == 6);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	rs_dataset_free(ds);

	/* an item table column: the rows of the flagged item go. Durations
	 * 10..14, 500: q1 11.25, q3 13.75, upper fence 17.5 */
	ds = csv("items-log.csv", "user,item,rating\nu1,i1,1\nu1,i6,1\nu2,i6,1\nu2,i2,1\n",
	    "item,author,duration\ni1,a,10\ni2,a,11\ni3,a,12\ni4,b,13\ni5,b,14\ni6,b,500\n",
	    "author");
	rs_clean_params_init(&p, RS_CLEAN_OUTLIERS);
	p.column = "duration";
	out = RUN(ds, &p, &res);
	CHECK(res.table == 'i' && res.items_flagged == 1);
	CHECK_NEAR(res.upper, 17.5, TOL);
	CHECK(res.rows_after == 2 && res.items_after == 2);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.column = "author";
	FAILS(ds, &p, "author is a text column; the outlier rule needs numbers");
	p.column = "item";
	FAILS(ds, &p, "item is the item id column, not a column of values");
	p.column = "duraton";
	FAILS(ds, &p, "no column \"duraton\" (did you mean duration? \"columns\" lists them)");
	p.column = "duration";
	p.table = "log";
	FAILS(ds, &p, "no column \"duration\" in the table log (\"columns\" lists them)");
	rs_dataset_free(ds);
}

static const char fill_log[] =
    "user,item,dur,genre,timestamp\n"
    "u1,i1,10,a,1\n"
    "u1,i2,,b,2\n"
    "u2,i1,30,b,3\n"
    "u2,i2,,,4\n"
    "u3,i3,40,b,5\n"
    "u3,i1,,a,6\n";

static void
test_fill(void)
{
	rs_dataset *ds = csv("fill.csv", fill_log,
	    "item,author,length\ni1,c1,100\ni2,c1,\ni3,c2,300\ni4,c2,\n", "author");
	rs_dataset *out;
	rs_clean_params p;
	rs_clean_result res;
	const rs_column *c;

	/* present: 10, 30, 40 */
	rs_clean_params_init(&p, RS_CLEAN_FILL);
	p.column = "dur";
	out = RUN(ds, &p, &res);
	CHECK(res.changed == 3 && res.rows_after == 6);
	CHECK_NEAR(res.fill_value, 30, 0);
	CHECK_NEAR(at(out, "dur", 1), 30, 0);
	CHECK_NEAR(at(out, "dur", 5), 30, 0);
	CHECK_NEAR(at(out, "dur", 0), 10, 0);
	CHECK(logcol(out, "dur")->nmissing == 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* mean 80 / 3 = 26.67, rounded to the column's whole numbers */
	p.fill = RS_FILL_MEAN;
	out = RUN(ds, &p, &res);
	CHECK_NEAR(res.fill_value, 27, 0);
	CHECK_NEAR(at(out, "dur", 3), 27, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* every value once: the mode ties to the smallest */
	p.fill = RS_FILL_MODE;
	out = RUN(ds, &p, &res);
	CHECK_NEAR(at(out, "dur", 1), 10, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.fill = RS_FILL_CONSTANT;
	p.value = "7.5";
	out = RUN(ds, &p, &res);
	CHECK_NEAR(at(out, "dur", 1), 7.5, 0);
	CHECK_NEAR(at(out, "dur", 2), 30, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.value = "abc";
	FAILS(ds, &p, "value=abc is not a number (dur holds numbers)");
	/* by item: i1 holds 10 and 30 (median 20); i2 has no value, so its
	 * two rows get the overall median 30 */
	rs_clean_params_init(&p, RS_CLEAN_FILL);
	p.column = "dur";
	p.by = "item";
	out = RUN(ds, &p, &res);
	CHECK(res.from_group == 1 && res.fallback == 2 && res.groups == 2);
	CHECK_NEAR(at(out, "dur", 5), 20, 0);
	CHECK_NEAR(at(out, "dur", 1), 30, 0);
	CHECK_NEAR(at(out, "dur", 3), 30, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* text: the mode of a, b, b, b, a is b; the constant as given */
	rs_clean_params_init(&p, RS_CLEAN_FILL);
	p.column = "genre";
	FAILS(ds, &p, "genre is a text column; method=median (method=mode or constant work on text) needs numbers");
	p.fill = RS_FILL_MODE;
	out = RUN(ds, &p, &res);
	c = logcol(out, "genre");
	CHECK_STR(rs_column_text(c, 3), "b");
	CHECK_STR(res.fill_text, "b");
	CHECK(c->nmissing == 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.fill = RS_FILL_CONSTANT;
	p.value = "zz";
	out = RUN(ds, &p, &res);
	CHECK_STR(rs_column_text(logcol(out, "genre"), 3), "zz");
	CHECK_STR(rs_column_text(logcol(out, "genre"), 2), "b");
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* an item column by creator: c1's videos have 100, c2's 300 */
	rs_clean_params_init(&p, RS_CLEAN_FILL);
	p.column = "length";
	p.by = "creator";
	out = RUN(ds, &p, &res);
	CHECK(res.table == 'i' && res.changed == 2 && res.from_group == 2);
	CHECK_NEAR(by_id(tblcol(&out->item_tbl, "length"), out->items, "i2"), 100, 0);
	CHECK_NEAR(by_id(tblcol(&out->item_tbl, "length"), out->items, "i4"), 300, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.by = "item";
	FAILS(ds, &p, "by=item: every row of the items table is its own group; group by creator or another column");
	p.by = "nope";
	FAILS(ds, &p, "by=: no column \"nope\" in the table items (\"columns\" lists them)");
	rs_dataset_free(ds);
}

static void
test_binarize(void)
{
	rs_dataset *ds = csv("bin.csv", "user,item,score,timestamp\n"
	    "u1,i1,0.5,1\nu1,i2,1,2\nu2,i1,2,3\nu2,i2,,4\n", NULL, NULL), *out;
	rs_clean_params p;
	rs_clean_result res;

	rs_clean_params_init(&p, RS_CLEAN_BINARIZE);
	p.column = "score";
	p.min = 1;
	out = RUN(ds, &p, &res);
	CHECK(res.positives == 2 && res.negatives == 1 && res.missing == 1);
	CHECK(res.rows_after == 2);
	CHECK_STR(res.value_column, "positive");
	CHECK_STR(out->log.cols.cols[out->log.value_col]->name, "positive");
	CHECK_NEAR(at(out, "positive", 0), 1, 0);
	CHECK_NEAR(at(out, "positive", 1), 1, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.weight = true;
	out = RUN(ds, &p, &res);
	CHECK_STR(res.value_column, "weight");
	CHECK_NEAR(at(out, "weight", 0), 1, 0);
	CHECK_NEAR(at(out, "weight", 1), 2, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.weight = false;
	p.keep_all = true;
	out = RUN(ds, &p, &res);
	CHECK(res.rows_after == 4);
	CHECK_NEAR(at(out, "positive", 0), 0, 0);
	CHECK_NEAR(at(out, "positive", 2), 1, 0);
	CHECK_NEAR(at(out, "positive", 3), 0, 0);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.keep_all = false;
	p.min = NAN;
	p.equals = 2;
	out = RUN(ds, &p, &res);
	CHECK(res.positives == 1 && res.rows_after == 1);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.min = 5;
	FAILS(ds, &p, "give exactly one test: min=T (value >= T) or equals=V");
	rs_dataset_free(ds);
}

static void
test_invalid_window(void)
{
	rs_dataset *ds = csv("inv.csv",
	    "user,item,play_duration,video_duration,watch_ratio,timestamp\n"
	    "u1,i1,10,20,0.5,1000\n"
	    "u1,i2,0,20,0,1001\n"	/* play_duration <= 0 */
	    "u2,i1,5,-3,1,1002\n"	/* video_duration <= 0 */
	    "u2,i3,5,10,-0.5,1003\n"	/* watch_ratio < 0 */
	    "NA,i1,5,10,0.5,1004\n"	/* a user id spelled as missing */
	    "u3,i1,5,10,0.5,1005\n", NULL, NULL), *out;
	rs_clean_params p;
	rs_clean_result res;
	struct strbuf sb;

	rs_clean_params_init(&p, RS_CLEAN_INVALID);
	p.from = 1000;
	p.to = 1005;		/* excluded */
	out = RUN(ds, &p, &res);
	CHECK(res.rows_after == 1 && res.removed == 5);
	CHECK(reason_rows(&res, "play_duration <= 0") == 1);
	CHECK(reason_rows(&res, "video_duration <= 0") == 1);
	CHECK(reason_rows(&res, "watch_ratio < 0") == 1);
	CHECK(reason_rows(&res, "user id missing (spelled NA, null...)") == 1);
	CHECK(reason_rows(&res, "timestamp at or after 1970-01-01 00:16:45") == 1);
	CHECK_STR(res.rules, "play_duration > 0, video_duration > 0, watch_ratio >= 0");
	CHECK(!res.from_auto && !res.to_auto);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* the rules as declared: only watch_ratio, no time check */
	rs_clean_params_init(&p, RS_CLEAN_INVALID);
	p.positive = "none";
	p.nonnegative = "watch_ratio";
	p.check_time = false;
	out = RUN(ds, &p, &res);
	CHECK(res.rows_after == 4);
	CHECK_STR(res.rules, "watch_ratio >= 0");
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.required = "nope";
	FAILS(ds, &p, "required=: no column \"nope\" in the log (\"columns\" lists them)");

	/* window keeps [from, to) */
	rs_clean_params_init(&p, RS_CLEAN_WINDOW);
	p.from = 1001.5;
	p.to = 1004;
	out = RUN(ds, &p, &res);
	CHECK(res.rows_after == 2);
	CHECK(reason_rows(&res, "timestamp before 1970-01-01 00:16:41.500") == 2);
	CHECK(reason_rows(&res, "timestamp at or after 1970-01-01 00:16:44") == 2);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	rs_dataset_free(ds);

	/* the automatic window: 100 events a minute apart from 1e9, and the
	 * stamps 0 and 2100-01-01. Sorted (h = 101 p), q05 = x5 + .05 (x6 - x5)
	 * = 1e9 + 4 * 60 + 3 and q95 = x95 + .95 (x96 - x95) = 1e9 + 94 * 60 +
	 * 57; the span is under a day, so a day is added on each side */
	sb_init(&sb);
	sb_puts(&sb, "user,item,rating,timestamp\nu0,i0,1,0\nu0,i1,1,4102444800\n");
	for (int i = 0; i < 100; i++)
		sb_printf(&sb, "u%d,i%d,1,%d\n", i % 7, i, 1000000000 + 60 * i);
	ds = csv("auto.csv", sb.s, NULL, NULL);
	sb_free(&sb);
	rs_clean_params_init(&p, RS_CLEAN_INVALID);
	add_dirt(ds, RS_DIRT_BAD_TIME, "u0", "i0", 0);
	add_dirt(ds, RS_DIRT_BAD_TIME, "u0", "i1", 4102444800.0);
	out = RUN(ds, &p, &res);
	CHECK(res.from_auto && res.to_auto);
	CHECK_NEAR(res.from, 1e9 + 243 - 86400, 1e-6);
	CHECK_NEAR(res.to, 1e9 + 5697 + 86400, 1e-6);
	CHECK(res.rows_after == 100);
	CHECK(res.dirt_present == 2 && res.dirt_found == 2 && res.dirt_flagged == 2);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	rs_dataset_free(ds);
}

static void
test_bots(void)
{
	rs_dataset *ds, *out;
	rs_clean_params p;
	rs_clean_result res;
	struct strbuf sb;

	/* 20 people, 10 events each, 600 + 60 k seconds apart; one bot with
	 * 30 events 2 s apart */
	sb_init(&sb);
	sb_puts(&sb, "user,item,rating,timestamp\n");
	for (int k = 0; k < 20; k++)
		for (int j = 0; j < 10; j++)
			sb_printf(&sb, "p%d,i%d,1,%d\n", k, j, 1000000 + j * (600 + 60 * k));
	for (int j = 0; j < 30; j++)
		sb_printf(&sb, "bot,i%d,1,%d\n", j, 2000000 + 2 * j);
	ds = csv("bots.csv", sb.s, NULL, NULL);
	sb_free(&sb);
	ds->dirt = calloc(1, sizeof *ds->dirt);
	ds->dirt->bots = malloc(sizeof *ds->dirt->bots);
	ds->dirt->bots[0] = id_of(ds->users, "bot");
	ds->dirt->nbots = 1;

	rs_clean_params_init(&p, RS_CLEAN_BOTS);
	out = RUN(ds, &p, &res);
	CHECK(res.nbots == 1 && res.bots[0].user == id_of(ds->users, "bot"));
	CHECK(res.bots[0].events == 30);
	CHECK_NEAR(res.bots[0].median_gap, 2, 0);
	/* median of the 21 median gaps 2, 600, 660, ..., 1740: the 11th */
	CHECK_NEAR(res.typical_gap, 1140, 0);
	CHECK(res.gap_limit > 2 && res.gap_limit < 600);
	CHECK(res.rows_after == 200 && res.users_after == 20);
	CHECK(res.evaluated && res.dirt_found == 1 && res.dirt_flagged == 1);
	CHECK(res.bot_rows_present == 30 && res.bot_rows_removed == 30);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.min_gap = 700;	/* p0 (600 s) and p1 (660 s) too */
	out = RUN(ds, &p, &res);
	CHECK(res.nbots == 3 && res.gap_limit == 700);
	CHECK_NEAR(res.precision, 1.0 / 3, TOL);
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	/* counts: log 10 twenty times and log 30: the MAD is 0, so the mean
	 * absolute deviation (log 3) / 21 times 1.2533 is the spread; the limit
	 * is floor(10 exp(3.5 * 1.2533 * log(3) / 21)) = 12 */
	rs_clean_params_init(&p, RS_CLEAN_BOTS);
	p.bots_rule = RS_BOTS_COUNT;
	out = RUN(ds, &p, &res);
	CHECK_NEAR(res.count_limit, floor(10 * exp(3.5 * 1.2533 * log(3) / 21)), 0);
	CHECK_NEAR(res.count_limit, 12, 0);
	CHECK(res.nbots == 1 && isnan(res.gap_limit));
	rs_dataset_free(out);
	rs_clean_result_free(&res);
	p.max_events = 9;
	FAILS(ds, &p, "this would remove every row (230)");
	rs_dataset_free(ds);
}

static void
test_params(void)
{
	rs_clean_params p;

	for (int s = 0; s < RS_CLEAN_NSTEPS; s++)
		CHECK(rs_clean_step_find(rs_clean_step_name(s)) == s);
	CHECK(rs_clean_step_find("dedu") == -1);
	rs_clean_params_init(&p, RS_CLEAN_WINDOW);
	CHECK_STR(rs_clean_params_check(&p), "give from=, to= or both");
	p.from = 10;
	p.to = 10;
	CHECK_STR(rs_clean_params_check(&p), "the window is empty: from= must come before to=");
	rs_clean_params_init(&p, RS_CLEAN_OUTLIERS);
	CHECK_STR(rs_clean_params_check(&p), "needs a column");
	rs_clean_params_init(&p, RS_CLEAN_FILL);
	p.column = "x";
	p.value = "1";
	CHECK_STR(rs_clean_params_check(&p), "value= goes with method=constant");
	rs_clean_params_init(&p, RS_CLEAN_KCORE);
	p.user_k = p.item_k = 0;
	CHECK_STR(rs_clean_params_check(&p), "a minimum of 0 for both users and items keeps everything");
	rs_clean_params_init(&p, RS_CLEAN_BOTS);
	p.min_events = 1;
	CHECK_STR(rs_clean_params_check(&p), "min_events must be at least 2 (a gap needs two events)");
}

int
main(void)
{
	if (fixture_begin("clean") != 0)
		return 99;
	test_params();
	test_dedup();
	test_kcore();
	test_outliers();
	test_fill();
	test_binarize();
	test_invalid_window();
	test_bots();
	fixture_end();
	return check_done("test-clean");
}
