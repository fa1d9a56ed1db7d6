/* Unit tests of rs_describe_dataset and rs_quantile_sorted against hand-computed figures. */
#include "config.h"

#define _GNU_SOURCE 1
#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reelscope/reelscope.h"

#include "check.h"

#define TOL 1e-12

static char tmp[256];

/* Write text to tmp/name; returns the path (static, one at a time). */
static const char *
write_file(const char *name, const char *text)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmp, name);
	f = fopen(path, "wb");
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
		exit(99);
	}
	return path;
}

/* The summary of column name in table, or NULL. */
static const rs_col_summary *
summary(const rs_describe *d, const char *table, const char *name)
{
	for (size_t i = 0; i < d->ncols; i++)
		if (strcmp(d->cols[i].table, table) == 0 &&
		    strcmp(d->cols[i].name, name) == 0)
			return &d->cols[i];
	fprintf(stderr, "no summary for %s.%s\n", table, name);
	return NULL;
}

/* Check the seven activity quantiles against want. */
static void
check_quantiles(const double *q, const double *want, int line)
{
	for (int j = 0; j < RS_NQUANT; j++) {
		check_count++;
		if (!(fabs(q[j] - want[j]) <= TOL)) {
			check_failures++;
			fprintf(stderr, "%s:%d: quantile %g = %.17g, expected %.17g\n",
			    __FILE__, line, rs_quant_levels[j], q[j], want[j]);
		}
	}
}

/* Check one column summary: type, counts and min/max/mean (NaN for text). */
static void
check_col(const rs_describe *d, const char *table, const char *name,
    const char *type, size_t rows, size_t missing, size_t distinct, double min,
    double max, double mean, int is_time, int line)
{
	const rs_col_summary *s = summary(d, table, name);
	int failed = check_failures;

	CHECK(s != NULL);
	if (s == NULL)
		return;
	CHECK_STR(s->type, type);
	CHECK(s->rows == rows);
	CHECK(s->missing == missing);
	CHECK(s->distinct == distinct);
	CHECK_NEAR(s->min, min, TOL);
	CHECK_NEAR(s->max, max, TOL);
	CHECK_NEAR(s->mean, mean, TOL * fabs(isnan(mean) ? 1 : mean + 1));
	CHECK(s->is_time == is_time);
	if (check_failures != failed)
		fprintf(stderr, "  (%s.%s checked at line %d: rows %zu missing %zu "
		    "distinct %zu is_time %d)\n", table, name, line, s->rows,
		    s->missing, s->distinct, s->is_time);
}
#define CHECK_COL(d, table, name, type, rows, missing, distinct, min, max, \
    mean, is_time) check_col(d, table, name, type, rows, missing, distinct, \
    min, max, mean, is_time, __LINE__)

static void
test_quantile_sorted(void)
{
	static const double one[] = { 7 };
	static const double four[] = { 1, 2, 3, 4 };
	static const double two[] = { 10, 20 };
	static const double skew[] = { 0, 0, 0, 100 };
	static const double neg[] = { -5, 5 };
	static const double five[] = { 1, 1, 2, 3, 5 };

	/* numpy's linear method: h = (n-1) q, v[floor h] + frac(h) * gap */
	CHECK(isnan(rs_quantile_sorted(one, 0, 0.5)));
	CHECK(rs_quantile_sorted(one, 1, 0) == 7);
	CHECK(rs_quantile_sorted(one, 1, 0.5) == 7);
	CHECK(rs_quantile_sorted(one, 1, 1) == 7);
	CHECK(rs_quantile_sorted(four, 4, 0) == 1);
	CHECK(rs_quantile_sorted(four, 4, 1) == 4);
	CHECK_NEAR(rs_quantile_sorted(four, 4, 0.5), 2.5, TOL);	/* h 1.5 */
	CHECK_NEAR(rs_quantile_sorted(four, 4, 0.25), 1.75, TOL);	/* h 0.75 */
	CHECK_NEAR(rs_quantile_sorted(four, 4, 0.9), 3.7, TOL);	/* h 2.7 */
	CHECK_NEAR(rs_quantile_sorted(two, 2, 0.99), 19.9, TOL);	/* h 0.99 */
	CHECK_NEAR(rs_quantile_sorted(skew, 4, 0.99), 97, TOL);	/* h 2.97 */
	CHECK_NEAR(rs_quantile_sorted(skew, 4, 0.5), 0, TOL);	/* h 1.5 */
	CHECK_NEAR(rs_quantile_sorted(neg, 2, 0.5), 0, TOL);
	CHECK_NEAR(rs_quantile_sorted(five, 5, 0.75), 3, TOL);	/* h 3 exactly */
	CHECK_NEAR(rs_quantile_sorted(five, 5, 0.9), 4.2, TOL);	/* h 3.6: 3 + .6*2 */
	CHECK_NEAR(rs_quantile_sorted(five, 5, 0.99), 4.92, TOL);	/* h 3.96 */
	CHECK(rs_quant_levels[0] == 0 && rs_quant_levels[2] == 0.5 &&
	    rs_quant_levels[6] == 1);
}

/*
 * The tiny dataset: 12 interactions of 5 users on 5 items.
 *   user counts  u1 5, u2 3, u3 2, u4 1, u5 1      sorted 1 1 2 3 5
 *   item counts  i1 4 (u1 u2 u3 u5), i2 3, i3 3, i4 1, i5 1   sorted 1 1 3 3 4
 * Quantiles of 5 sorted values: h = 4q.
 *   users: q0 1; q.25 h1 -> 1; q.5 h2 -> 2; q.75 h3 -> 3;
 *          q.9 h3.6 -> 3 + .6 (5-3) = 4.2; q.99 h3.96 -> 3 + .96 * 2 = 4.92; max 5
 *   items: 1; 1; 3; 3; q.9 -> 3 + .6 (4-3) = 3.6; q.99 -> 3.96; 4
 * density 12 / (5 * 5) = 0.48.
 * top shares: m = 5 interacted items, k = ceil(f m) at least 1:
 *   1%: ceil(.05) = 1, 10%: ceil(.5) = 1, 20%: ceil(1) = 1 -> i1's 4 of 12.
 * rating: 11 present values 5 4 3 2.5 4 5 1 3 2 4 5, sum 38.5, mean 3.5;
 *   distinct 5 4 3 2.5 1 2 = 6.
 * timestamp: 1600000000 + 60 k for k = 0..11, mean 1600000000 + 60 * 5.5.
 * items.csv adds i6 (catalog 6 items); creators c1 c2 c3 have interacted
 * items, c4 only i6, i5 has none: 3 of a catalog of 4.
 * users.csv adds u6 (catalog 6 users); u4 and u5 are not in it.
 *   age: u1 25, u2 -, u3 40, u4 -, u5 -, u6 31: 3 missing, mean 96 / 3 = 32.
 *   signup: 2020-01-01 (1577836800), 2020-01-03 (+2 days), u6 2020-01-02;
 *   mean 1577923200 (the middle day), 3 missing.
 */
static void
test_tiny(void)
{
	static const double user_q[RS_NQUANT] = { 1, 1, 2, 3, 4.2, 4.92, 5 };
	static const double item_q[RS_NQUANT] = { 1, 1, 3, 3, 3.6, 3.96, 4 };
	char log[512], items[512], users[512];
	rs_load_opts o;
	rs_error err;
	rs_dataset *ds;
	rs_describe d;

	snprintf(log, sizeof log, "%s", write_file("tiny.csv",
	    "user,item,rating,timestamp,device\n"
	    "u1,i1,5,1600000000,phone\n"
	    "u1,i2,4,1600000060,phone\n"
	    "u1,i3,3,1600000120,tv\n"
	    "u1,i4,,1600000180,\n"
	    "u1,i5,2.5,1600000240,phone\n"
	    "u2,i1,4,1600000300,tv\n"
	    "u2,i2,5,1600000360,tv\n"
	    "u2,i3,1,1600000420,\n"
	    "u3,i1,3,1600000480,phone\n"
	    "u3,i2,2,1600000540,tablet\n"
	    "u4,i3,4,1600000600,tv\n"
	    "u5,i1,5,1600000660,phone\n"));
	snprintf(items, sizeof items, "%s", write_file("tiny-items.csv",
	    "item,creator_id,duration\n"
	    "i1,c1,30\ni2,c1,45\ni3,c2,60\ni4,c3,15\ni5,,20\ni6,c4,90\n"));
	snprintf(users, sizeof users, "%s", write_file("tiny-users.csv",
	    "user,age,signup\n"
	    "u1,25,2020-01-01\nu2,,2020-01-03\nu3,40,\nu6,31,2020-01-02\n"));
	rs_load_opts_init(&o);
	o.items_path = items;
	o.users_path = users;
	ds = rs_dataset_load(log, &o, NULL, &err);
	CHECK(ds != NULL);
	if (ds == NULL) {
		fprintf(stderr, "  %s\n", err.msg);
		return;
	}
	CHECK(rs_describe_dataset(ds, &d, &err) == 0);
	CHECK(d.interactions == 12);
	CHECK(d.users == 5 && d.items == 5);
	CHECK(d.catalog_users == 6 && d.catalog_items == 6);
	CHECK(d.catalog_creators == 4);
	CHECK(d.creators == 3);
	CHECK(d.pairs == 12);
	CHECK_NEAR(d.density, 0.48, TOL);
	check_quantiles(d.user_q, user_q, __LINE__);
	check_quantiles(d.item_q, item_q, __LINE__);
	CHECK_NEAR(d.top1, 4.0 / 12.0, TOL);
	CHECK_NEAR(d.top10, 4.0 / 12.0, TOL);
	CHECK_NEAR(d.top20, 4.0 / 12.0, TOL);
	CHECK(d.observed_rows == 0 && d.observed_users == 0 && d.observed_items == 0);
	/* log: rating timestamp device; items: creator_id duration; users: age signup */
	CHECK(d.ncols == 7);
	if (d.ncols == 7) {
		CHECK_STR(d.cols[0].name, "rating");
		CHECK_STR(d.cols[2].name, "device");
		CHECK_STR(d.cols[3].table, "items");
		CHECK_STR(d.cols[6].name, "signup");
	}
	CHECK_COL(&d, "log", "rating", "float", 12, 1, 6, 1, 5, 3.5, 0);
	/* a numeric time column of Unix seconds is shown as times */
	CHECK_COL(&d, "log", "timestamp", "int", 12, 0, 12, 1600000000,
	    1600000660, 1600000330, 1);
	CHECK_COL(&d, "log", "device", "text", 12, 2, 3, NAN, NAN, NAN, 0);
	CHECK_COL(&d, "items", "creator_id", "text", 6, 1, 4, NAN, NAN, NAN, 0);
	/* 30 45 60 15 20 90: sum 260 */
	CHECK_COL(&d, "items", "duration", "int", 6, 0, 6, 15, 90, 260.0 / 6.0, 0);
	CHECK_COL(&d, "users", "age", "int", 6, 3, 3, 25, 40, 32, 0);
	CHECK_COL(&d, "users", "signup", "date", 6, 3, 3, 1577836800, 1578009600,
	    1577923200, 2);
	rs_describe_free(&d);
	CHECK(d.cols == NULL && d.ncols == 0);
	/* describing twice gives the same figures (indexes, caches) */
	CHECK(rs_describe_dataset(ds, &d, NULL) == 0);
	CHECK(d.interactions == 12 && d.users == 5 && d.creators == 3);
	check_quantiles(d.item_q, item_q, __LINE__);
	rs_describe_free(&d);
	rs_dataset_free(ds);
}

/*
 * A long tail: user k (1..200) rates items k..200, so item j has j
 * interactions and user k has 201 - k. 20100 rows, 200 users, 200 items.
 * Both count lists are 1..200: h = 199 q.
 *   q.25 h 49.75 -> 50 + .75 = 50.75; q.5 h 99.5 -> 100.5; q.75 h 149.25 ->
 *   150.25; q.9 h 179.1 -> 180.1; q.99 h 197.01 -> 198.01.
 * density 20100 / (200 * 200) = 0.5025.
 * top 1% = 2 items: 200 + 199 = 399; top 10% = 20 items: 181..200 = 3810;
 * top 20% = 40 items: 161..200 = 7220; each over 20100.
 */
static void
test_long_tail(void)
{
	static const double q[RS_NQUANT] = { 1, 50.75, 100.5, 150.25, 180.1,
		198.01, 200 };
	size_t cap = 20100 * 16 + 64, n = 0;
	char *text = malloc(cap);
	rs_error err;
	rs_dataset *ds;
	rs_describe d;

	n += (size_t)snprintf(text + n, cap - n, "user,item\n");
	for (int k = 1; k <= 200; k++)
		for (int j = k; j <= 200; j++)
			n += (size_t)snprintf(text + n, cap - n, "u%d,i%d\n", k, j);
	ds = rs_dataset_load(write_file("tail.csv", text), NULL, NULL, &err);
	free(text);
	CHECK(ds != NULL);
	if (ds == NULL) {
		fprintf(stderr, "  %s\n", err.msg);
		return;
	}
	CHECK(rs_describe_dataset(ds, &d, &err) == 0);
	CHECK(d.interactions == 20100);
	CHECK(d.users == 200 && d.items == 200);
	CHECK_NEAR(d.density, 0.5025, TOL);
	check_quantiles(d.user_q, q, __LINE__);
	check_quantiles(d.item_q, q, __LINE__);
	CHECK_NEAR(d.top1, 399.0 / 20100.0, TOL);
	CHECK_NEAR(d.top10, 3810.0 / 20100.0, TOL);
	CHECK_NEAR(d.top20, 7220.0 / 20100.0, TOL);
	CHECK(d.creators == 0 && d.catalog_creators == 0);
	CHECK(d.ncols == 0);
	rs_describe_free(&d);
	rs_dataset_free(ds);
}

/*
 * A KuaiRec folder with only the two matrices.
 *   big: (0,10) (0,11) (1,10) (2,12): user counts 2 1 1, item counts 2 1 1,
 *   sorted 1 1 2 for both: h = 2q: q.25 h.5 -> 1; q.5 -> 1; q.75 h1.5 -> 1.5;
 *   q.9 h1.8 -> 1.8; q.99 h1.98 -> 1.98; max 2.
 *   density 4 / (3 * 3); m = 3 items, k = 1 for every share: 2 of 4.
 *   small: (0,10) (1,11) (1,10): 2 users x 2 items, 3 of 4 cells.
 *   observed watch_ratio 0.5 2.0 0.25: mean 2.75 / 3.
 */
static void
test_observed(void)
{
	static const double q[RS_NQUANT] = { 1, 1, 1, 1.5, 1.8, 1.98, 2 };
	char dir[512];
	rs_error err;
	rs_dataset *ds;
	rs_describe d;
	const rs_col_summary *s;

	snprintf(dir, sizeof dir, "%s/kuai", tmp);
	if (mkdir(dir, 0700) != 0) {
		perror(dir);
		exit(99);
	}
	write_file("kuai/big_matrix.csv",
	    "user_id,video_id,time,date,timestamp,watch_ratio\n"
	    "0,10,2020-07-05 00:08:23.438,20200705,1593907703.438,0.5\n"
	    "0,11,2020-07-05 01:00:00.000,20200705,1593910800.0,1.5\n"
	    "1,10,2020-07-06 10:00:00.000,20200706,1594029600.0,0.25\n"
	    "2,12,2020-07-06 12:00:00.000,20200706,1594036800.0,0.0\n");
	write_file("kuai/small_matrix.csv",
	    "user_id,video_id,time,date,timestamp,watch_ratio\n"
	    "0,10,2020-07-05 00:08:23.438,20200705,1593907703.438,0.5\n"
	    "1,11,2020-07-05 02:00:00.000,20200705,1593914400.0,2.0\n"
	    "1,10,2020-07-06 10:00:00.000,20200706,1594029600.0,0.25\n");
	ds = rs_dataset_load(dir, NULL, NULL, &err);
	CHECK(ds != NULL);
	if (ds == NULL) {
		fprintf(stderr, "  %s\n", err.msg);
		return;
	}
	CHECK(rs_describe_dataset(ds, &d, &err) == 0);
	CHECK(d.interactions == 4);
	CHECK(d.users == 3 && d.items == 3);
	CHECK(d.catalog_users == 3 && d.catalog_items == 3);
	CHECK(d.creators == 0);
	CHECK_NEAR(d.density, 4.0 / 9.0, TOL);
	check_quantiles(d.user_q, q, __LINE__);
	check_quantiles(d.item_q, q, __LINE__);
	CHECK_NEAR(d.top1, 0.5, TOL);
	CHECK_NEAR(d.top10, 0.5, TOL);
	CHECK_NEAR(d.top20, 0.5, TOL);
	CHECK(d.observed_rows == 3);
	CHECK(d.observed_users == 2 && d.observed_items == 2);
	CHECK_NEAR(d.observed_density, 0.75, TOL);
	/* four columns in each of the log and the observed block */
	CHECK(d.ncols == 8);
	CHECK_COL(&d, "log", "time", "time", 4, 0, 4, 1593907703.438, 1594036800,
	    (1593907703.438 + 1593910800 + 1594029600 + 1594036800) / 4, 1);
	CHECK_COL(&d, "log", "date", "int", 4, 0, 2, 20200705, 20200706,
	    20200705.5, 0);
	CHECK_COL(&d, "log", "timestamp", "float", 4, 0, 4, 1593907703.438,
	    1594036800, (1593907703.438 + 1593910800 + 1594029600 + 1594036800) / 4,
	    1);
	CHECK_COL(&d, "log", "watch_ratio", "float", 4, 0, 4, 0, 1.5, 0.5625, 0);
	CHECK_COL(&d, "observed", "watch_ratio", "float", 3, 0, 3, 0.25, 2,
	    2.75 / 3, 0);
	CHECK_COL(&d, "observed", "timestamp", "float", 3, 0, 3, 1593907703.438,
	    1594029600, (1593907703.438 + 1593914400 + 1594029600) / 3, 1);
	s = summary(&d, "observed", "date");
	CHECK(s != NULL && s->is_time == 0);
	rs_describe_free(&d);
	rs_dataset_free(ds);
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/*
 * Repeated events: u1 watches i1 three times (not in a row: the log is not
 * grouped by user), u2 watches i1 once. 4 interactions, 2 distinct pairs,
 * 2 users x 1 item: density 2 / 2 = 100%, not 4 / 2 = 200%.
 */
static void
test_repeats(void)
{
	rs_error err;
	rs_dataset *ds;
	rs_describe d;
	const char *path = write_file("repeats.csv",
	    "user,item,timestamp\n"
	    "u1,i1,1600000000\n"
	    "u2,i1,1600000010\n"
	    "u1,i1,1600000020\n"
	    "u1,i1,1600000030\n");

	ds = rs_dataset_load(path, NULL, NULL, &err);
	CHECK(ds != NULL);
	if (ds == NULL) {
		fprintf(stderr, "  %s\n", err.msg);
		return;
	}
	CHECK(rs_describe_dataset(ds, &d, &err) == 0);
	CHECK(d.interactions == 4);
	CHECK(d.pairs == 2);
	CHECK(d.users == 2 && d.items == 1);
	CHECK_NEAR(d.density, 1.0, TOL);
	rs_describe_free(&d);
	rs_dataset_free(ds);
}

int
main(void)
{
	const char *base = getenv("TMPDIR");

	snprintf(tmp, sizeof tmp, "%s/rs-test-describe-XXXXXX",
	    base != NULL && *base != '\0' ? base : "/tmp");
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_quantile_sorted();
	test_tiny();
	test_long_tail();
	test_observed();
	test_repeats();
	nftw(tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return check_done("test-describe");
}
