/* Unit tests of rs_dataset_load on small files written to a temporary folder. */
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
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "reelscope/reelscope.h"

#include "check.h"

static char tmp[256];		/* the temporary folder of this run */
static char *paths[256];	/* every path handed out, freed at the end */
static size_t npaths;

/* tmp/name (kept until the end of the run). */
static const char *
P(const char *name)
{
	char *p;
	size_t n = strlen(tmp) + strlen(name) + 2;

	p = malloc(n);
	snprintf(p, n, "%s/%s", tmp, name);
	if (npaths < sizeof paths / sizeof paths[0])
		paths[npaths++] = p;
	return p;
}

/* Write len bytes to tmp/name; returns the path. */
static const char *
write_bytes(const char *name, const char *data, size_t len)
{
	const char *path = P(name);
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
		exit(99);
	}
	return path;
}

static const char *
write_file(const char *name, const char *text)
{
	return write_bytes(name, text, strlen(text));
}

static const char *
write_gz(const char *name, const char *text)
{
	const char *path = P(name);
	gzFile g = gzopen(path, "wb");

	if (g == NULL || gzwrite(g, text, (unsigned)strlen(text)) !=
	    (int)strlen(text) || gzclose(g) != Z_OK) {
		fprintf(stderr, "cannot write %s\n", path);
		exit(99);
	}
	return path;
}

static void
make_dir(const char *name)
{
	if (mkdir(P(name), 0700) != 0) {
		fprintf(stderr, "cannot create %s/%s: %s\n", tmp, name,
		    strerror(errno));
		exit(99);
	}
}

/* A formatted string in a rotating static buffer (for expected messages). */
static const char *
S(const char *fmt, ...)
{
	static char bufs[8][1200];
	static int k;
	char *b = bufs[k++ % 8];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b, sizeof bufs[0], fmt, ap);
	va_end(ap);
	return b;
}

/* Load with default options. */
static rs_dataset *
load(const char *path, rs_error *err)
{
	rs_error_clear(err);
	return rs_dataset_load(path, NULL, NULL, err);
}

static rs_dataset *
load_opts(const char *path, const rs_load_opts *o, rs_error *err)
{
	rs_error_clear(err);
	return rs_dataset_load(path, o, NULL, err);
}

/* The log column named name, or NULL. */
static const rs_column *
logcol(const rs_dataset *ds, const char *name)
{
	int j = rs_table_find(&ds->log.cols, name);

	return j < 0 ? NULL : ds->log.cols.cols[j];
}

static const rs_column *
tblcol(const rs_table *t, const char *name)
{
	int j = rs_table_find(t, name);

	return j < 0 ? NULL : t->cols[j];
}

/* Index of the id, or UINT32_MAX. */
static uint32_t
id_of(const rs_ids *ids, const char *s)
{
	int64_t i = rs_ids_find(ids, s, strlen(s));

	return i < 0 ? UINT32_MAX : (uint32_t)i;
}

/* Value of column c for the item/user with external id s. */
static double
by_id(const rs_column *c, const rs_ids *ids, const char *s)
{
	uint32_t i = id_of(ids, s);

	return c == NULL || i == UINT32_MAX || i >= c->n ? -999 :
	    rs_column_get(c, i);
}

static const char *
text_by_id(const rs_column *c, const rs_ids *ids, const char *s)
{
	uint32_t i = id_of(ids, s);
	const char *t;

	if (c == NULL || i == UINT32_MAX || i >= c->n)
		return "(no such row)";
	t = rs_column_text(c, i);
	return t ? t : "(not text)";
}

static bool
has_note(const rs_dataset *ds, const char *note)
{
	for (size_t i = 0; i < ds->nnotes; i++)
		if (strcmp(ds->notes[i], note) == 0)
			return true;
	fprintf(stderr, "missing note: \"%s\"; notes are:\n", note);
	for (size_t i = 0; i < ds->nnotes; i++)
		fprintf(stderr, "  \"%s\"\n", ds->notes[i]);
	return false;
}

/* Load must fail with this code and exact message. */
static void
expect_error(const char *path, const rs_load_opts *o, int code,
    const char *msg, int line)
{
	rs_error err;
	rs_dataset *ds = load_opts(path, o, &err);

	check_count += 3;
	if (ds != NULL) {
		check_failures++;
		fprintf(stderr, "%s:%d: loading %s succeeded, expected \"%s\"\n",
		    __FILE__, line, path, msg);
		rs_dataset_free(ds);
	}
	if (err.code != code) {
		check_failures++;
		fprintf(stderr, "%s:%d: error code %d, expected %d\n", __FILE__,
		    line, err.code, code);
	}
	if (strcmp(err.msg, msg) != 0) {
		check_failures++;
		fprintf(stderr, "%s:%d: error \"%s\",\n%*sexpected \"%s\"\n",
		    __FILE__, line, err.msg, (int)strlen(__FILE__) + 12, "", msg);
	}
}
#define EXPECT_ERROR(path, opts, code, msg) \
	expect_error(path, opts, code, msg, __LINE__)

static void
test_ids(void)
{
	rs_ids *ids = rs_ids_new(), *c;
	char buf[32];
	int bad = 0;

	CHECK(rs_ids_intern(ids, "10", 2) == 0);
	CHECK(rs_ids_intern(ids, "7", 1) == 1);
	CHECK(rs_ids_intern(ids, "abc", 3) == 2);
	CHECK(rs_ids_intern(ids, "007", 3) == 3);	/* not the same as 7 */
	CHECK(rs_ids_intern(ids, "10", 2) == 0);
	CHECK(rs_ids_intern(ids, "7", 1) == 1);
	CHECK(rs_ids_intern(ids, "-7", 2) == 4);
	CHECK(rs_ids_count(ids) == 5);
	CHECK(rs_ids_find(ids, "7", 1) == 1);
	CHECK(rs_ids_find(ids, "007", 3) == 3);
	CHECK(rs_ids_find(ids, "abc", 3) == 2);
	CHECK(rs_ids_find(ids, "8", 1) == -1);
	CHECK(rs_ids_find(ids, "xyz", 3) == -1);
	CHECK(rs_ids_find(ids, "100", 3) == -1);
	CHECK_STR(rs_ids_name(ids, 3), "007");
	CHECK_STR(rs_ids_name(ids, 0), "10");
	CHECK_STR(rs_ids_name(ids, 4), "-7");

	/* a large id first goes by its string; once the ids are dense enough
	 * to map it directly, it must still be the same id */
	CHECK(rs_ids_intern(ids, "5000000", 7) == 5);
	CHECK(rs_ids_intern(ids, "999999999", 9) == 6);
	for (int v = 0; v < 640000; v++) {
		uint32_t want;
		snprintf(buf, sizeof buf, "%d", v);
		want = v == 10 ? 0 : v == 7 ? 1 : (uint32_t)(7 + v - (v > 7) - (v > 10));
		if (rs_ids_intern(ids, buf, strlen(buf)) != want)
			bad++;
	}
	CHECK(bad == 0);
	CHECK(rs_ids_count(ids) == 7 + 640000 - 2);
	CHECK(rs_ids_intern(ids, "5000000", 7) == 5);
	CHECK(rs_ids_find(ids, "5000000", 7) == 5);
	CHECK(rs_ids_find(ids, "999999999", 9) == 6);
	CHECK(rs_ids_find(ids, "639999", 6) == 7 + 639999 - 2);
	CHECK(rs_ids_find(ids, "640000", 6) == -1);
	CHECK(rs_ids_count(ids) == 7 + 640000 - 2);

	/* a copy is independent */
	c = rs_ids_copy(ids);
	CHECK(rs_ids_count(c) == rs_ids_count(ids));
	CHECK(rs_ids_find(c, "abc", 3) == 2);
	CHECK(rs_ids_find(c, "5000000", 7) == 5);
	CHECK(rs_ids_intern(c, "new", 3) == rs_ids_count(ids));
	CHECK(rs_ids_find(ids, "new", 3) == -1);
	CHECK(rs_ids_intern(c, "640001", 6) == rs_ids_count(ids) + 1);
	CHECK(rs_ids_find(ids, "640001", 6) == -1);
	rs_ids_free(c);
	rs_ids_free(ids);
	rs_ids_free(NULL);
	/* copying empty ids hands NULL to memcpy in strtab_copy (UBSan) */
	ids = rs_ids_new();
	c = rs_ids_copy(ids);
	CHECK(rs_ids_count(c) == 0);
	CHECK(rs_ids_intern(c, "a", 1) == 0);
	rs_ids_free(c);
	rs_ids_free(ids);
}

/* A CSV with a header: roles from the column names. */
static void
test_csv_header(void)
{
	const char *p = write_file("basic.csv",
	    "user,item,rating,timestamp\n"
	    "u1,i1,5,1000\n"
	    "u1,i2,3,1001\n"
	    "u2,i1,4.5,1002\n"
	    "u3,i3,,1003\n");
	rs_error err;
	rs_dataset *ds = load(p, &err);
	const rs_column *r, *t;
	char where = 0;

	CHECK(ds != NULL);
	if (ds == NULL) {
		fprintf(stderr, "  %s\n", err.msg);
		return;
	}
	CHECK_STR(ds->format, "csv");
	CHECK_STR(ds->source, p);
	CHECK(ds->log.n == 4);
	CHECK(rs_ids_count(ds->users) == 3);
	CHECK(rs_ids_count(ds->items) == 3);
	CHECK_STR(rs_ids_name(ds->users, 0), "u1");
	CHECK_STR(rs_ids_name(ds->users, 2), "u3");
	CHECK_STR(rs_ids_name(ds->items, 1), "i2");
	CHECK(ds->log.user[0] == 0 && ds->log.user[1] == 0 &&
	    ds->log.user[2] == 1 && ds->log.user[3] == 2);
	CHECK(ds->log.item[0] == 0 && ds->log.item[1] == 1 &&
	    ds->log.item[2] == 0 && ds->log.item[3] == 2);
	CHECK_STR(ds->log.user_col, "user");
	CHECK_STR(ds->log.item_col, "item");
	CHECK_STR(ds->log.source, p);
	CHECK(ds->log.cols.ncols == 2);
	CHECK(ds->log.cols.nrows == 4);
	CHECK(ds->log.value_col >= 0 && ds->log.time_col >= 0);
	if (ds->log.value_col < 0 || ds->log.time_col < 0)
		goto out;
	r = ds->log.cols.cols[ds->log.value_col];
	t = ds->log.cols.cols[ds->log.time_col];
	CHECK_STR(r->name, "rating");
	CHECK_STR(t->name, "timestamp");
	CHECK(r->kind == RS_COL_NUMBER && t->kind == RS_COL_NUMBER);
	CHECK(rs_column_get(r, 0) == 5.0);
	CHECK(rs_column_get(r, 1) == 3.0);
	CHECK(rs_column_get(r, 2) == 4.5);
	CHECK(rs_column_is_missing(r, 3));
	CHECK(r->nmissing == 1);
	CHECK(rs_column_get(t, 0) == 1000.0 && rs_column_get(t, 3) == 1003.0);
	CHECK(rs_dataset_column(ds, "rating", &where) == r && where == 'l');
	CHECK(rs_dataset_column(ds, "nosuch", &where) == NULL);
	CHECK(ds->observed == NULL);
	CHECK(ds->item_creator == NULL);
	CHECK(ds->creator_from == NULL);
	CHECK(ds->item_tbl.ncols == 0 && ds->user_tbl.ncols == 0);
	CHECK(rs_ids_count(ds->creators) == 0);
	CHECK(has_note(ds, "format: delimited text"));
	CHECK(has_note(ds, S("log %s: comma-separated, header row; user=user "
	    "item=item value=rating time=timestamp", p)));
	{
		/* rows by user: the log is grouped (u1 u1 u2 u3), so no row list */
		const rs_index *bu = rs_log_by_user(&ds->log, 3), *bi;
		CHECK(bu->nkeys == 3 && bu->rows == NULL);
		CHECK(bu->ptr[0] == 0 && bu->ptr[1] == 2 && bu->ptr[2] == 3 &&
		    bu->ptr[3] == 4);
		CHECK(rs_log_by_user(&ds->log, 3) == bu);	/* cached */
		/* rows by item: i1 i2 i1 i3 -> i1 {0, 2}, i2 {1}, i3 {3} */
		bi = rs_log_by_item(&ds->log, 3);
		CHECK(bi->nkeys == 3 && bi->rows != NULL);
		CHECK(bi->ptr[1] == 2 && bi->ptr[2] == 3 && bi->ptr[3] == 4);
		CHECK(bi->rows != NULL && bi->rows[0] == 0 && bi->rows[1] == 2 &&
		    bi->rows[2] == 1 && bi->rows[3] == 3);
		/* more keys than seen: the extra keys have no rows */
		bi = rs_log_by_item(&ds->log, 5);
		CHECK(bi->nkeys == 5 && bi->ptr[4] == 4 && bi->ptr[5] == 4);
		rs_log_drop_indexes(&ds->log);
		CHECK(ds->log.by_user == NULL && ds->log.by_item == NULL);
	}
out:
	rs_dataset_free(ds);
}

/* A headerless TSV: roles by position. */
static void
test_tsv_headerless(void)
{
	const char *p = write_file("plain.tsv",
	    "1\t10\t4\t881250949\n"
	    "1\t20\t3\t881250950\n"
	    "2\t10\t5\t881250951\n");
	rs_error err;
	rs_load_opts o;
	rs_dataset *ds = load(p, &err);

	CHECK(ds != NULL);
	if (ds == NULL) {
		fprintf(stderr, "  %s\n", err.msg);
		return;
	}
	CHECK(ds->log.n == 3);
	CHECK_STR(ds->log.user_col, "col1");
	CHECK_STR(ds->log.item_col, "col2");
	CHECK(rs_ids_count(ds->users) == 2 && rs_ids_count(ds->items) == 2);
	CHECK_STR(rs_ids_name(ds->items, 1), "20");
	CHECK(ds->log.value_col >= 0 && ds->log.time_col >= 0);
	CHECK(logcol(ds, "col3") != NULL && rs_column_get(logcol(ds, "col3"), 2) == 5.0);
	CHECK(logcol(ds, "col4") != NULL &&
	    rs_column_get(logcol(ds, "col4"), 1) == 881250950.0);
	CHECK(has_note(ds, S("log %s: tab-separated, no header; user=col1 "
	    "item=col2 value=col3 time=col4", p)));
	rs_dataset_free(ds);

	/* roles by position, swapped; no time */
	rs_load_opts_init(&o);
	o.header = 0;
	o.user = "2";
	o.item = "1";
	o.value = "3";
	o.time = "none";
	ds = load_opts(p, &o, &err);
	CHECK(ds != NULL);
	if (ds == NULL) {
		fprintf(stderr, "  %s\n", err.msg);
		return;
	}
	CHECK_STR(ds->log.user_col, "col2");
	CHECK_STR(rs_ids_name(ds->users, 0), "10");
	CHECK_STR(rs_ids_name(ds->users, 1), "20");
	CHECK_STR(rs_ids_name(ds->items, 1), "2");
	CHECK(ds->log.user[2] == 0 && ds->log.item[2] == 1);
	CHECK(ds->log.time_col == -1);
	CHECK(ds->log.cols.ncols == 2);	/* col3 and col4 are still kept */
	CHECK(has_note(ds, S("log %s: tab-separated, no header; user=col2 "
	    "item=col1 value=col3 time=(none)", p)));
	rs_dataset_free(ds);
}

static void
test_other_delims(void)
{
	const char *pipe = write_file("pipe.txt",
	    "user|item|rating\na|x|1\nb|y|2\nb|x|3\n");
	const char *semi = write_file("semi.txt",
	    "user;item;score\na;x;2\n");
	const char *col = write_file("log.dat",
	    "1::10::5::978300760\n1::20::3::978302109\n2::10::4::978301968\n");
	const char *col3 = write_file("titles.dat",
	    "1::10::Star Wars: Episode IV\n2::20::Alien\n");
	rs_error err;
	rs_dataset *ds;

	ds = load(pipe, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 3);
		CHECK(rs_ids_count(ds->users) == 2 && rs_ids_count(ds->items) == 2);
		CHECK(ds->log.item[2] == 0);
		CHECK(rs_column_get(logcol(ds, "rating"), 2) == 3.0);
		CHECK(has_note(ds, S("log %s: '|'-separated, header row; user=user "
		    "item=item value=rating time=(none)", pipe)));
		rs_dataset_free(ds);
	}
	ds = load(semi, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 1);
		CHECK(rs_column_get(logcol(ds, "score"), 0) == 2.0);
		CHECK(has_note(ds, S("log %s: ';'-separated, header row; user=user "
		    "item=item value=score time=(none)", semi)));
		rs_dataset_free(ds);
	}
	ds = load(col, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 3);
		CHECK_STR(rs_ids_name(ds->items, 1), "20");
		CHECK(rs_column_get(logcol(ds, "col3"), 1) == 3.0);
		CHECK(rs_column_get(logcol(ds, "col4"), 2) == 978301968.0);
		CHECK(has_note(ds, S("log %s: '::'-separated, no header; user=col1 "
		    "item=col2 value=col3 time=col4", col)));
		rs_dataset_free(ds);
	}
	/* a single ':' inside a field is data */
	ds = load(col3, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 2);
		CHECK_STR(rs_column_text(logcol(ds, "col3"), 0),
		    "Star Wars: Episode IV");
		CHECK_STR(rs_column_text(logcol(ds, "col3"), 1), "Alien");
		rs_dataset_free(ds);
	}
}

static void
test_quotes_crlf_bom(void)
{
	const char *q = write_file("quoted.csv",
	    "user,item,title,rating\n"
	    "u1,i1,\"Hello, world\",5\n"
	    "u2,i2,\"She said \"\"hi\"\"\",4\n"
	    "u3,i3,\"line one\nline two\",3\n"
	    "u4,i4,plain,2\n");
	const char *crlf = write_file("crlf.csv",
	    "user,item,tag,rating\r\n"
	    "u1,i1,foo,5\r\n"
	    "u2,i2,\"x\r\ny\",4\r\n"
	    "u3,i3,a\rb,3\r\n");
	const char *bom = write_file("bom.csv",
	    "\xef\xbb\xbfuser,item,rating\nu1,i1,5\n");
	const char *bom2 = write_file("bom-crlf.csv",
	    "\xef\xbb\xbfuser,item\r\nu1,i1\r\nu2,i2");
	rs_error err;
	rs_dataset *ds;
	const rs_column *c;

	ds = load(q, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 4);
		c = logcol(ds, "title");
		CHECK(c != NULL && c->kind == RS_COL_TEXT);
		if (c != NULL) {
			CHECK_STR(rs_column_text(c, 0), "Hello, world");
			CHECK_STR(rs_column_text(c, 1), "She said \"hi\"");
			CHECK_STR(rs_column_text(c, 2), "line one\nline two");
			CHECK_STR(rs_column_text(c, 3), "plain");
		}
		c = logcol(ds, "rating");
		CHECK(c != NULL && rs_column_get(c, 2) == 3.0 &&
		    rs_column_get(c, 3) == 2.0);
		CHECK_STR(rs_ids_name(ds->users, 3), "u4");
		rs_dataset_free(ds);
	}
	ds = load(crlf, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 3);
		c = logcol(ds, "tag");
		CHECK(c != NULL);
		if (c != NULL) {
			CHECK_STR(rs_column_text(c, 0), "foo");
			CHECK_STR(rs_column_text(c, 1), "x\ny");
			CHECK_STR(rs_column_text(c, 2), "a\rb");	/* a lone CR is data */
		}
		c = logcol(ds, "rating");
		CHECK(c != NULL && rs_column_get(c, 0) == 5.0 &&
		    rs_column_get(c, 2) == 3.0);
		CHECK(ds->log.value_col >= 0);
		rs_dataset_free(ds);
	}
	ds = load(bom, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK_STR(ds->log.user_col, "user");
		CHECK(ds->log.value_col >= 0);
		CHECK_STR(rs_ids_name(ds->users, 0), "u1");
		rs_dataset_free(ds);
	}
	/* BOM, CRLF and no newline after the last row */
	ds = load(bom2, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 2);
		CHECK_STR(ds->log.user_col, "user");
		CHECK_STR(rs_ids_name(ds->items, 1), "i2");
		rs_dataset_free(ds);
	}
	/* a multi-line row counts its lines: the bad row starts on line 4 */
	EXPECT_ERROR(write_file("quoted-bad.csv",
	    "user,item,title,rating\nu1,i1,\"a\nb\",5\nu2,i2,x,abc\n"), NULL,
	    RS_EPARSE, S("%s/quoted-bad.csv:4: column 4 (rating): \"abc\" is not a number",
	    tmp));
}

/* Line ends, blank lines, padding and header names. */
static void
test_layout(void)
{
	const char *cr = write_file("cr.csv", "user,item,rating\ru1,i1,5\ru2,i2,4\r");
	const char *blank = write_file("blank.csv",
	    "user,item,rating\nu1,i1,1\n\n   \nu2,i2,2\n\n");
	const char *dup = write_file("dup.csv", "user,item,x,x,\nu1,i1,1,2,3\n");
	const char *pad = write_file("pad.csv", " u1 , i1 ,5\nu2,i2,4\n");
	const char *qtab = write_file("qtab.tsv",
	    "user\titem\ttitle\nu1\ti1\t\"a\tb\"\n");
	rs_error err;
	rs_dataset *ds;

	/* classic Mac line ends */
	ds = load(cr, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 2);
		CHECK_STR(rs_ids_name(ds->items, 1), "i2");
		CHECK(rs_column_get(logcol(ds, "rating"), 1) == 4.0);
		rs_dataset_free(ds);
	}
	/* blank lines and lines of spaces are not rows */
	ds = load(blank, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 2);
		CHECK(rs_column_get(logcol(ds, "rating"), 1) == 2.0);
		rs_dataset_free(ds);
	}
	/* repeated and empty header names are made unique */
	ds = load(dup, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.cols.ncols == 3);
		CHECK(rs_column_get(logcol(ds, "x"), 0) == 1.0);
		CHECK(logcol(ds, "x_4") != NULL &&
		    rs_column_get(logcol(ds, "x_4"), 0) == 2.0);
		CHECK(logcol(ds, "col5") != NULL &&
		    rs_column_get(logcol(ds, "col5"), 0) == 3.0);
		rs_dataset_free(ds);
	}
	/* spaces around unquoted fields are padding */
	ds = load(pad, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK_STR(rs_ids_name(ds->users, 0), "u1");
		CHECK_STR(rs_ids_name(ds->items, 0), "i1");
		CHECK(rs_column_get(logcol(ds, "col3"), 0) == 5.0);
		rs_dataset_free(ds);
	}
	/* a quoted tab in a TSV */
	ds = load(qtab, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK_STR(rs_column_text(logcol(ds, "title"), 0), "a\tb");
		rs_dataset_free(ds);
	}
	EXPECT_ERROR(write_file("only-blank.csv", "\n\n\n"), NULL, RS_EPARSE,
	    S("%s/only-blank.csv: no rows (only blank lines)", tmp));
}

/* Files of many batches: line numbers, skipped rows and stopping. */
static void
test_big_file(void)
{
	size_t cap = 20000 * 24, n = 0;
	char *text = malloc(cap);
	const char *p;
	rs_load_opts o;
	rs_error err;
	rs_dataset *ds;

	n += (size_t)snprintf(text + n, cap - n, "user,item,rating\n");
	for (int line = 2; line <= 20000; line++)
		n += (size_t)snprintf(text + n, cap - n, line == 15000 ?
		    "u%d,i%d,abc\n" : "u%d,i%d,%d\n", line % 97, line % 13, line % 5);
	p = write_file("late.csv", text);
	free(text);
	EXPECT_ERROR(p, NULL, RS_EPARSE,
	    S("%s:15000: column 3 (rating): \"abc\" is not a number", p));
	rs_load_opts_init(&o);
	o.skip_bad = 1;
	ds = load_opts(p, &o, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		const rs_column *r = logcol(ds, "rating");
		CHECK(ds->log.n == 19998);
		/* row k (0-based) is line k + 2 up to the bad line, k + 3 after */
		CHECK(rs_column_get(r, 14997) == 14999 % 5);
		CHECK(rs_column_get(r, 14998) == 15001 % 5);
		CHECK_STR(rs_ids_name(ds->users, ds->log.user[19997]),
		    S("u%d", 20000 % 97));
		CHECK(has_note(ds, S("warning: skipped 1 malformed row of %s (first: "
		    "%s:15000: column 3 (rating): \"abc\" is not a number)", p, p)));
		rs_dataset_free(ds);
	}
}

static void
test_gzip(void)
{
	const char *gz = write_gz("log.csv.gz",
	    "user,item,rating\nu1,i1,5\nu2,i1,3\nu2,i2,4\n");
	rs_error err;
	rs_dataset *ds = load(gz, &err);

	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 3);
		CHECK(rs_ids_count(ds->users) == 2);
		CHECK(ds->log.item[1] == 0 && ds->log.item[2] == 1);
		CHECK(rs_column_get(logcol(ds, "rating"), 2) == 4.0);
		CHECK_STR(ds->format, "csv");
		rs_dataset_free(ds);
	}
	{
		/* cut the stream short: an error, never a silently short log */
		char big[20000];
		FILE *f;
		size_t n = 0, cut;
		struct stat st;
		const char *full;
		char *data;
		for (int i = 0; n + 40 < sizeof big; i++)
			n += (size_t)snprintf(big + n, sizeof big - n,
			    i ? "u%d,i%d,%d\n" : "user,item,rating\n", i, i * 7 % 101, i % 5);
		full = write_gz("cut.csv.gz", big);
		CHECK(stat(full, &st) == 0);
		cut = (size_t)st.st_size / 2;
		data = malloc(cut);
		f = fopen(full, "rb");
		CHECK(f != NULL && fread(data, 1, cut, f) == cut);
		if (f != NULL)
			fclose(f);
		full = write_bytes("cut.csv.gz", data, cut);
		free(data);
		EXPECT_ERROR(full, NULL, RS_EIO, S("%s: truncated or corrupt gzip "
		    "data (unexpected end of file)", full));
	}
}

/* Item and user side tables joined by id; creators from the item table. */
static void
test_side_tables(void)
{
	const char *log = write_file("side-log.csv",
	    "user,item,rating\nu1,v1,5\nu1,v2,3\nu2,v1,4\nu2,v5,1\n");
	const char *items = write_file("side-items.csv",
	    "item,author,duration\nv1,a1,30\nv2,a2,45\nv3,a1,60\nv4,,15\n");
	const char *users = write_file("side-users.csv",
	    "user,age\nu1,30\nu9,50\n");
	const char *items2 = write_file("side-items2.csv",
	    "item_id,author_id\nv1,7\nv2,8\nv3,7\n");
	const char *clog = write_file("creator-log.csv",
	    "user,item,creator_id\nu1,v1,c1\nu2,v1,c2\nu2,v2,c3\n");
	rs_load_opts o;
	rs_error err;
	rs_dataset *ds;
	const rs_column *c;
	char where = 0;

	rs_load_opts_init(&o);
	o.items_path = items;
	o.users_path = users;
	o.creator = "author";
	ds = load_opts(log, &o, &err);
	CHECK(ds != NULL);
	if (ds == NULL) {
		fprintf(stderr, "  %s\n", err.msg);
		return;
	}
	/* v1 v2 v5 from the log, then v3 v4 only in the item table */
	CHECK(rs_ids_count(ds->items) == 5);
	CHECK_STR(rs_ids_name(ds->items, 2), "v5");
	CHECK_STR(rs_ids_name(ds->items, 3), "v3");
	CHECK_STR(rs_ids_name(ds->items, 4), "v4");
	CHECK(ds->log.n == 4);
	CHECK(ds->item_tbl.nrows == 5);
	CHECK(ds->item_tbl.ncols == 2);
	c = tblcol(&ds->item_tbl, "duration");
	CHECK(c != NULL && c->n == 5);
	CHECK(by_id(c, ds->items, "v1") == 30.0);
	CHECK(by_id(c, ds->items, "v2") == 45.0);
	CHECK(isnan(by_id(c, ds->items, "v5")));	/* not in the table */
	CHECK(by_id(c, ds->items, "v3") == 60.0);
	CHECK(by_id(c, ds->items, "v4") == 15.0);
	c = tblcol(&ds->item_tbl, "author");
	CHECK(c != NULL && c->kind == RS_COL_TEXT);
	CHECK_STR(text_by_id(c, ds->items, "v3"), "a1");
	CHECK_STR(text_by_id(c, ds->items, "v4"), "");
	CHECK_STR(text_by_id(c, ds->items, "v5"), "");
	/* creators */
	CHECK_STR(ds->creator_from, "author");
	CHECK(rs_ids_count(ds->creators) == 2);
	CHECK(ds->item_creator != NULL);
	if (ds->item_creator != NULL) {
		CHECK_STR(rs_ids_name(ds->creators, ds->item_creator[0]), "a1");
		CHECK_STR(rs_ids_name(ds->creators, ds->item_creator[1]), "a2");
		CHECK(ds->item_creator[2] == RS_NONE);	/* v5 */
		CHECK(ds->item_creator[3] == ds->item_creator[0]);	/* v3: a1 */
		CHECK(ds->item_creator[4] == RS_NONE);	/* v4: empty */
	}
	/* users: u1 u2 from the log, u9 only in the table */
	CHECK(rs_ids_count(ds->users) == 3);
	CHECK(ds->user_tbl.nrows == 3);
	c = tblcol(&ds->user_tbl, "age");
	CHECK(by_id(c, ds->users, "u1") == 30.0);
	CHECK(isnan(by_id(c, ds->users, "u2")));
	CHECK(by_id(c, ds->users, "u9") == 50.0);
	CHECK(rs_dataset_column(ds, "duration", &where) != NULL && where == 'i');
	CHECK(rs_dataset_column(ds, "age", &where) != NULL && where == 'u');
	CHECK(has_note(ds, S("items %s: 4 rows, id column item, 2 other columns",
	    items)));
	CHECK(has_note(ds, S("users %s: 2 rows, id column user, 1 other column",
	    users)));
	rs_dataset_free(ds);

	/* the usual creator column name is found without creator= */
	rs_load_opts_init(&o);
	o.items_path = items2;
	ds = load_opts(log, &o, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK_STR(ds->creator_from, "author_id");
		CHECK(rs_ids_count(ds->creators) == 2);
		CHECK(ds->item_creator != NULL);
		if (ds->item_creator != NULL) {
			uint32_t v1 = id_of(ds->items, "v1"), v2 = id_of(ds->items, "v2"),
			    v3 = id_of(ds->items, "v3"), v5 = id_of(ds->items, "v5");
			CHECK_STR(rs_ids_name(ds->creators, ds->item_creator[v1]), "7");
			CHECK_STR(rs_ids_name(ds->creators, ds->item_creator[v2]), "8");
			CHECK_STR(rs_ids_name(ds->creators, ds->item_creator[v3]), "7");
			CHECK(ds->item_creator[v5] == RS_NONE);
		}
		rs_dataset_free(ds);
	}

	/* creators from a log column: the first creator of an item wins */
	ds = load(clog, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK_STR(ds->creator_from, "creator_id");
		CHECK(rs_ids_count(ds->creators) == 3);
		CHECK(ds->item_creator != NULL);
		if (ds->item_creator != NULL) {
			CHECK_STR(rs_ids_name(ds->creators, ds->item_creator[0]), "c1");
			CHECK_STR(rs_ids_name(ds->creators, ds->item_creator[1]), "c3");
		}
		CHECK(has_note(ds, "warning: 1 rows give an item another creator "
		    "than its first; kept the first"));
		rs_dataset_free(ds);
	}

	/* a creator column that exists nowhere */
	rs_load_opts_init(&o);
	o.items_path = items;
	o.creator = "nosuch";
	EXPECT_ERROR(log, &o, RS_EINVAL, S("creator=nosuch: no such column in %s or %s",
	    log, items));
	rs_load_opts_init(&o);
	o.creator = "nosuch";
	EXPECT_ERROR(log, &o, RS_EINVAL, S("creator=nosuch: no such column in %s "
	    "(give items=FILE for an item table)", log));
	/* an error in a side table names that file */
	rs_load_opts_init(&o);
	o.items_path = write_file("side-items-bad.csv",
	    "item,author,duration\nv1,a1,30\nv2,a2\n");
	EXPECT_ERROR(log, &o, RS_EPARSE, S("%s:3: expected 3 fields, found 2",
	    o.items_path));
	rs_load_opts_init(&o);
	o.items_path = write_file("side-items-noid.csv",
	    "item,duration\nv1,30\n,45\n");
	EXPECT_ERROR(log, &o, RS_EPARSE, S("%s:3: column 1 (item): item id missing",
	    o.items_path));
}

/* Build a u.item line: id, title, the 19 genre flags as a string of 0/1. */
static void
add_uitem(char *buf, size_t size, int id, const char *title, const char *flags)
{
	size_t n = strlen(buf);

	n += (size_t)snprintf(buf + n, size - n, "%d|%s|01-Jan-1995||http://us.imdb.com/M/title-exact?%d",
	    id, title, id);
	for (int k = 0; k < 19; k++)
		n += (size_t)snprintf(buf + n, size - n, "|%c", flags[k]);
	snprintf(buf + n, size - n, "\n");
}

static void
test_movielens_100k(void)
{
	char uitem[4096] = "";
	const char *data;
	rs_error err;
	rs_dataset *ds;
	const rs_column *g, *t;

	make_dir("ml");
	data = write_file("ml/u.data",
	    "1\t1\t5\t874965758\n"
	    "1\t2\t3\t876893171\n"
	    "2\t1\t4\t888550871\n"
	    "3\t3\t1\t889237455\n");
	/*                 unknown Action ... (the 19 flags of u.item) */
	add_uitem(uitem, sizeof uitem, 1, "Toy Story (1995)", "0100010000000000000");
	add_uitem(uitem, sizeof uitem, 2, "Caf\xe9 \"Noir\" (1996)", "0000000010000000000");
	add_uitem(uitem, sizeof uitem, 3, "Nothing (1997)", "0000000000000000000");
	add_uitem(uitem, sizeof uitem, 4, "Only Here (1998)", "1000000000000000001");
	write_file("ml/u.item", uitem);
	write_file("ml/u.user",
	    "1|24|M|technician|85711\n2|53|F|other|94043\n3|23|M|writer|32067\n");
	ds = load(data, &err);
	CHECK(ds != NULL);
	if (ds == NULL) {
		fprintf(stderr, "  %s\n", err.msg);
		return;
	}
	CHECK_STR(ds->format, "movielens-100k");
	CHECK(ds->log.n == 4);
	CHECK_STR(ds->log.user_col, "user_id");
	CHECK_STR(ds->log.item_col, "item_id");
	CHECK(ds->log.value_col >= 0 &&
	    strcmp(ds->log.cols.cols[ds->log.value_col]->name, "rating") == 0);
	CHECK(ds->log.time_col >= 0 &&
	    strcmp(ds->log.cols.cols[ds->log.time_col]->name, "timestamp") == 0);
	CHECK(rs_column_get(logcol(ds, "timestamp"), 3) == 889237455.0);
	/* item 4 is only in u.item */
	CHECK(rs_ids_count(ds->items) == 4);
	CHECK(ds->item_tbl.nrows == 4);
	/* the 19 flags became one genres column */
	CHECK(tblcol(&ds->item_tbl, "Action") == NULL);
	CHECK(tblcol(&ds->item_tbl, "unknown") == NULL);
	CHECK(ds->item_tbl.ncols == 5);
	g = tblcol(&ds->item_tbl, "genres");
	CHECK(g != NULL && g->kind == RS_COL_TEXT);
	CHECK_STR(text_by_id(g, ds->items, "1"), "Action|Comedy");
	CHECK_STR(text_by_id(g, ds->items, "2"), "Drama");
	CHECK_STR(text_by_id(g, ds->items, "3"), "");
	CHECK_STR(text_by_id(g, ds->items, "4"), "unknown|Western");
	CHECK(g != NULL && g->nmissing == 1);
	/* Latin-1 title in UTF-8; quotes are ordinary characters */
	t = tblcol(&ds->item_tbl, "title");
	CHECK_STR(text_by_id(t, ds->items, "2"), "Caf\xc3\xa9 \"Noir\" (1996)");
	CHECK_STR(text_by_id(t, ds->items, "4"), "Only Here (1998)");
	CHECK_STR(text_by_id(tblcol(&ds->item_tbl, "imdb_url"), ds->items, "3"),
	    "http://us.imdb.com/M/title-exact?3");
	/* u.user */
	CHECK(rs_ids_count(ds->users) == 3);
	CHECK(by_id(tblcol(&ds->user_tbl, "age"), ds->users, "2") == 53.0);
	CHECK_STR(text_by_id(tblcol(&ds->user_tbl, "occupation"), ds->users, "3"),
	    "writer");
	CHECK_STR(text_by_id(tblcol(&ds->user_tbl, "gender"), ds->users, "1"), "M");
	CHECK(has_note(ds, "format: MovieLens 100K (u.data), from the file name"));
	rs_dataset_free(ds);
}

/* MovieLens 1M (Latin-1 "::" files) and latest (CSV with a header). */
static void
test_movielens_other(void)
{
	rs_error err;
	rs_dataset *ds;
	const rs_column *c;

	make_dir("ml1m");
	write_file("ml1m/movies.dat",
	    "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"
	    "661::James and the Giant Peach (1996)::Animation|Children's|Musical\n"
	    "2::Caf\xe9 (1995)::Comedy\n");
	write_file("ml1m/users.dat", "1::F::1::10::48067\n2::M::56::16::70072\n");
	ds = load(write_file("ml1m/ratings.dat",
	    "1::1193::5::978300760\n1::661::3::978302109\n"
	    "2::1193::4::978298413\n2::2::1::978298414\n"), &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK_STR(ds->format, "movielens-1m");
		CHECK(ds->log.n == 4);
		CHECK(rs_ids_count(ds->items) == 3);
		c = tblcol(&ds->item_tbl, "title");
		CHECK_STR(text_by_id(c, ds->items, "2"), "Caf\xc3\xa9 (1995)");
		CHECK_STR(text_by_id(c, ds->items, "1193"),
		    "One Flew Over the Cuckoo's Nest (1975)");
		CHECK_STR(text_by_id(tblcol(&ds->item_tbl, "genres"), ds->items, "661"),
		    "Animation|Children's|Musical");
		CHECK(by_id(tblcol(&ds->user_tbl, "age"), ds->users, "2") == 56.0);
		CHECK_STR(text_by_id(tblcol(&ds->user_tbl, "gender"), ds->users, "1"),
		    "F");
		CHECK(has_note(ds, "format: MovieLens 1M/10M (ratings.dat), from the "
		    "file name"));
		rs_dataset_free(ds);
	}
	make_dir("mllatest");
	write_file("mllatest/movies.csv", "movieId,title,genres\n"
	    "1,Toy Story (1995),Adventure|Animation\n"
	    "3,\"Grumpier Old Men, The (1995)\",Comedy|Romance\n");
	ds = load(write_file("mllatest/ratings.csv",
	    "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n"
	    "1,3,4.5,964981247\n2,1,3.5,964982224\n"), &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK_STR(ds->format, "movielens-latest");
		CHECK(ds->log.n == 3);
		CHECK_STR(ds->log.user_col, "userId");
		CHECK_STR(text_by_id(tblcol(&ds->item_tbl, "title"), ds->items, "3"),
		    "Grumpier Old Men, The (1995)");
		CHECK(rs_column_get(logcol(ds, "rating"), 1) == 4.5);
		rs_dataset_free(ds);
	}
}

#define KR_HEADER "user_id,video_id,play_duration,video_duration,time,date,timestamp,watch_ratio\n"

/* A KuaiRec 2.0 folder: big and small matrices, item and user tables. */
static void
write_kuairec(const char *d)
{
	make_dir(d);
	write_file(S("%s/big_matrix.csv", d), KR_HEADER
	    "0,10,5000,10000,2020-07-05 00:08:23.438,20200705,1593907703.438,0.5\n"
	    "0,11,12000,8000,2020-07-05 01:00:00.000,20200705,1593910800.0,1.5\n"
	    "1,10,2500,10000,2020-07-06 10:00:00.000,20200706,1594029600.0,0.25\n"
	    "2,12,0,7000,2020-07-06 12:00:00.000,20200706,1594036800.0,0.0\n");
	write_file(S("%s/small_matrix.csv", d), KR_HEADER
	    "0,10,5000,10000,2020-07-05 00:08:23.438,20200705,1593907703.438,0.5\n"
	    "1,11,16000,8000,2020-07-05 02:00:00.000,20200705,1593914400.0,2.0\n"
	    "1,10,2500,10000,2020-07-06 10:00:00.000,20200706,1594029600.0,0.25\n");
	write_file(S("%s/item_daily_features.csv", d),
	    "video_id,date,author_id,video_type\n"
	    "10,20200705,100,NORMAL\n"
	    "11,20200705,101,AD\n"
	    "10,20200706,100,NORMAL\n"
	    "12,20200705,100,NORMAL\n"
	    "13,20200705,102,NORMAL\n");
	write_file(S("%s/item_categories.csv", d),
	    "video_id,feat\n10,[8]\n11,\"[27, 9]\"\n12,[1]\n13,[2]\n");
	write_file(S("%s/user_features.csv", d),
	    "user_id,user_active_degree,follow_user_num\n"
	    "0,high_active,5\n1,full_active,0\n2,middle_active,12\n3,UNKNOWN,1\n");
}

static void
test_kuairec(void)
{
	const char *dir = P("kuai");
	rs_error err;
	rs_load_opts o;
	rs_dataset *ds;
	const rs_column *c;
	char buf[64];

	write_kuairec("kuai");
	ds = load(dir, &err);
	CHECK(ds != NULL);
	if (ds == NULL) {
		fprintf(stderr, "  %s\n", err.msg);
		return;
	}
	CHECK_STR(ds->format, "kuairec");
	CHECK(ds->log.n == 4);
	CHECK_STR(ds->log.user_col, "user_id");
	CHECK_STR(ds->log.item_col, "video_id");
	CHECK(ds->log.cols.ncols == 6);
	CHECK(ds->log.value_col >= 0 &&
	    strcmp(ds->log.cols.cols[ds->log.value_col]->name, "watch_ratio") == 0);
	CHECK(ds->log.time_col >= 0 &&
	    strcmp(ds->log.cols.cols[ds->log.time_col]->name, "timestamp") == 0);
	c = logcol(ds, "timestamp");
	CHECK(c != NULL && rs_column_get(c, 0) == 1593907703.438);
	c = logcol(ds, "time");
	CHECK(c != NULL && c->kind == RS_COL_TIME);
	if (c != NULL) {
		CHECK(rs_column_get(c, 0) == 1593907703.438);
		CHECK(rs_column_get(c, 3) == 1594036800.0);
		rs_column_format(c, 0, buf, sizeof buf);
		CHECK_STR(buf, "2020-07-05 00:08:23.438");
		rs_column_format(c, 1, buf, sizeof buf);
		CHECK_STR(buf, "2020-07-05 01:00:00");
	}
	c = logcol(ds, "watch_ratio");
	CHECK(c != NULL && rs_column_get(c, 0) == 0.5 &&
	    rs_column_get(c, 2) == 0.25 && rs_column_get(c, 3) == 0.0);
	CHECK(rs_column_get(logcol(ds, "date"), 2) == 20200706.0);
	/* the fully observed block */
	CHECK(ds->observed != NULL);
	if (ds->observed != NULL) {
		CHECK(ds->observed->n == 3);
		CHECK(ds->observed->user[1] == id_of(ds->users, "1"));
		CHECK(ds->observed->item[1] == id_of(ds->items, "11"));
		CHECK(ds->observed->value_col >= 0);
		c = logcol(ds, "watch_ratio");
		CHECK(rs_column_get(ds->observed->cols.cols[ds->observed->value_col], 1)
		    == 2.0);
	}
	/* users 0 1 2 in the log, 3 only in user_features */
	CHECK(rs_ids_count(ds->users) == 4);
	CHECK(rs_ids_count(ds->items) == 4);	/* 10 11 12, and 13 */
	CHECK_STR(rs_ids_name(ds->items, 3), "13");
	/* items: the last daily row of each video wins */
	CHECK(ds->item_tbl.nrows == 4);
	CHECK(ds->item_tbl.ncols == 4);
	CHECK(by_id(tblcol(&ds->item_tbl, "date"), ds->items, "10") == 20200706.0);
	CHECK(by_id(tblcol(&ds->item_tbl, "author_id"), ds->items, "13") == 102.0);
	CHECK_STR(text_by_id(tblcol(&ds->item_tbl, "video_type"), ds->items, "11"),
	    "AD");
	CHECK_STR(text_by_id(tblcol(&ds->item_tbl, "feat"), ds->items, "11"),
	    "[27, 9]");
	CHECK_STR(text_by_id(tblcol(&ds->user_tbl, "user_active_degree"), ds->users,
	    "3"), "UNKNOWN");
	CHECK(by_id(tblcol(&ds->user_tbl, "follow_user_num"), ds->users, "2") == 12.0);
	/* creators from author_id */
	CHECK_STR(ds->creator_from, "author_id");
	CHECK(rs_ids_count(ds->creators) == 3);
	CHECK(ds->item_creator != NULL);
	if (ds->item_creator != NULL) {
		CHECK_STR(rs_ids_name(ds->creators,
		    ds->item_creator[id_of(ds->items, "10")]), "100");
		CHECK_STR(rs_ids_name(ds->creators,
		    ds->item_creator[id_of(ds->items, "11")]), "101");
		CHECK(ds->item_creator[id_of(ds->items, "12")] ==
		    ds->item_creator[id_of(ds->items, "10")]);
		CHECK_STR(rs_ids_name(ds->creators,
		    ds->item_creator[id_of(ds->items, "13")]), "102");
	}
	CHECK(has_note(ds, S("format: KuaiRec 2.0 folder %s", dir)));
	CHECK(has_note(ds, S("log %s/big_matrix.csv: comma-separated, header row; "
	    "user=user_id item=video_id value=watch_ratio time=timestamp", dir)));
	CHECK(has_note(ds, S("observed block %s/small_matrix.csv: comma-separated, "
	    "header row; user=user_id item=video_id value=watch_ratio time=timestamp",
	    dir)));
	CHECK(has_note(ds, S("items %s/item_daily_features.csv: 5 rows, id column "
	    "video_id (repeated ids: kept the last row of each), 3 other columns", dir)));
	CHECK(has_note(ds, S("items %s/item_categories.csv: 4 rows, id column "
	    "video_id, 1 other column", dir)));
	CHECK(has_note(ds, S("users %s/user_features.csv: 4 rows, id column "
	    "user_id, 2 other columns", dir)));
	rs_dataset_free(ds);

	/* matrix=small: the small matrix is the log, no observed block */
	rs_load_opts_init(&o);
	o.matrix = "small";
	ds = load_opts(dir, &o, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 3);
		CHECK(ds->observed == NULL);
		rs_dataset_free(ds);
	}
	o.matrix = "big";
	ds = load_opts(dir, &o, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 4);
		CHECK(ds->observed == NULL);
		rs_dataset_free(ds);
	}

	/* the download's own layout: the folder holds data/ */
	make_dir("kuai2");
	write_kuairec("kuai2/data");
	ds = load(P("kuai2"), &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 4);
		CHECK(ds->observed != NULL && ds->observed->n == 3);
		CHECK(has_note(ds, S("format: KuaiRec 2.0 folder %s/kuai2/data", tmp)));
		rs_dataset_free(ds);
	}

	/* folders that are not KuaiRec */
	make_dir("empty-dir");
	EXPECT_ERROR(P("empty-dir"), NULL, RS_EIO, S("%s/empty-dir is a folder "
	    "without big_matrix.csv or small_matrix.csv (KuaiRec layout); give a "
	    "file to load", tmp));
	rs_load_opts_init(&o);
	o.format = "csv";
	EXPECT_ERROR(dir, &o, RS_EINVAL, S("%s is a folder; only format=kuairec "
	    "reads a folder", dir));
	rs_load_opts_init(&o);
	o.format = "kuairec";
	EXPECT_ERROR(P("basic.csv"), &o, RS_EINVAL, S("format=kuairec reads a folder "
	    "(with big_matrix.csv or small_matrix.csv), not the file %s/basic.csv", tmp));
}

/* Progress hook: remembers the last call; can ask to stop. */
struct progress_log {
	int calls;
	char task[512];
	double done, total;
	int stop;
	int notes;
};

static int
on_progress(void *ctx, const char *task, double done, double total)
{
	struct progress_log *pl = ctx;

	pl->calls++;
	snprintf(pl->task, sizeof pl->task, "%s", task);
	pl->done = done;
	pl->total = total;
	return pl->stop;
}

static void
on_note(void *ctx, int level, const char *msg)
{
	struct progress_log *pl = ctx;

	(void)level;
	(void)msg;
	pl->notes++;
}

static void
test_hooks(void)
{
	const char *p = P("basic.csv");
	struct progress_log pl = { 0 };
	rs_hooks h = { on_progress, on_note, &pl };
	rs_error err;
	rs_dataset *ds;

	ds = rs_dataset_load(p, NULL, &h, &err);
	CHECK(ds != NULL);
	CHECK(pl.calls >= 1);
	CHECK_STR(pl.task, S("load %s", p));
	CHECK(pl.done == 1.0 && pl.total == 1.0);
	/* load.h: "Progress and decisions go through hooks; what load decided
	 * is also kept in ds->notes" -- but no note ever reaches hooks->note. */
	CHECK(ds != NULL && pl.notes == (int)ds->nnotes);
	rs_dataset_free(ds);

	/* asking to stop: nothing is loaded */
	memset(&pl, 0, sizeof pl);
	pl.stop = 1;
	rs_error_clear(&err);
	ds = rs_dataset_load(p, NULL, &h, &err);
	CHECK(ds == NULL);
	CHECK(err.code == RS_ECANCEL);
	CHECK_STR(err.msg, S("interrupted while reading %s", p));
	rs_dataset_free(ds);

	/* stopping a file of many batches after its first */
	memset(&pl, 0, sizeof pl);
	pl.stop = 1;
	p = P("late.csv");
	rs_error_clear(&err);
	ds = rs_dataset_load(p, NULL, &h, &err);
	CHECK(ds == NULL);
	CHECK(pl.calls == 1);
	CHECK(err.code == RS_ECANCEL);
	CHECK_STR(err.msg, S("interrupted while reading %s", p));
}

/* Run a load with err == NULL in a child: it must return NULL, not crash. */
static int
load_without_err_survives(const char *path)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		rs_dataset *ds = rs_dataset_load(path, NULL, NULL, NULL);
		_exit(ds == NULL ? 0 : 1);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void
test_errors(void)
{
	rs_load_opts o;
	rs_error err;
	rs_dataset *ds;
	const char *p;

	p = write_file("ragged-short.csv", "user,item,rating\nu1,i1,5\nu2,i2\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: expected 3 fields, found 2", p));
	p = write_file("ragged-long.csv", "user,item,rating\nu1,i1,5\nu2,i2,4,9\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: expected 3 fields, found 4", p));
	p = write_file("not-number.csv", "user,item,rating\nu1,i1,5\nu2,i2,abc\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE,
	    S("%s:3: column 3 (rating): \"abc\" is not a number", p));
	p = write_file("huge.csv", "user,item,rating\nu1,i1,5\nu2,i2,1e400\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: column 3 (rating): \"1e400\" is "
	    "out of range (not a finite number)", p));
	p = write_file("inf.csv", "user,item,rating\nu1,i1,5\nu2,i2,inf\n");
	/* "inf" is a number that is not finite (text.h), so out of range */
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: column 3 (rating): \"inf\" is "
	    "out of range (not a finite number)", p));
	p = write_file("no-user.csv", "user,item,rating\nu1,i1,5\n,i2,4\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: column 1 (user): user id missing", p));
	p = write_file("no-item.csv", "user,item,rating\nu1,i1,5\nu2,,4\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: column 2 (item): item id missing", p));
	p = write_file("empty.csv", "");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s: empty file", p));
	p = write_file("header-only.csv", "user,item,rating\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s: no data rows (only a header)", p));
	p = write_file("one-column.csv", "abc\n1\n2\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s: a log needs at least a user and an "
	    "item column; found 1 column (is the delimiter right? give delim=)", p));
	p = write_file("bad-time.csv",
	    "user,item,time\nu1,i1,2020-07-05\nu2,i2,2020-02-30\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: column 3 (time): \"2020-02-30\" is "
	    "not a date-time (YYYY-MM-DD[ HH:MM:SS])", p));
	p = write_file("bad-utf8.csv", "user,item\nu1,i1\nu\xff,i2\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: column 1 (user): invalid UTF-8 at "
	    "byte 2 (give encoding=latin1 for a Latin-1 file)", p));
	/* the same file read as Latin-1 */
	rs_load_opts_init(&o);
	o.encoding = "latin1";
	ds = load_opts(p, &o, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK_STR(rs_ids_name(ds->users, 1), "u\xc3\xbf");
		rs_dataset_free(ds);
	}
	p = write_file("bad-header.csv", "us\xff" "er,item\nu1,i1\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE,
	    S("%s:1: column 1: invalid UTF-8 in the header", p));
	p = write_bytes("nul.csv", "user,item\nu1,i\0x\n", 17);
	EXPECT_ERROR(p, NULL, RS_EPARSE,
	    S("%s:2: NUL byte at byte 5 of the line; binary data, not text", p));
	p = P("does-not-exist.csv");
	EXPECT_ERROR(p, NULL, RS_EIO, S("cannot open %s: No such file or directory", p));

	/* options are checked before any I/O */
	rs_load_opts_init(&o);
	o.delim = "x";
	EXPECT_ERROR(p, &o, RS_EINVAL,
	    "delim must be one of , tab | ; :: (or comma, pipe, semicolon)");
	rs_load_opts_init(&o);
	o.format = "parquet";
	EXPECT_ERROR(p, &o, RS_EINVAL, "format must be auto, csv, movielens or kuairec");
	rs_load_opts_init(&o);
	o.encoding = "ebcdic";
	EXPECT_ERROR(p, &o, RS_EINVAL, "encoding must be utf-8, latin1 or auto");
	CHECK(rs_load_opts_check(&o) != NULL);
	rs_load_opts_init(&o);
	CHECK(rs_load_opts_check(&o) == NULL);
	CHECK(o.header == -1);
	/* a role naming a column that is not there */
	rs_load_opts_init(&o);
	o.user = "nosuch";
	p = P("basic.csv");
	EXPECT_ERROR(p, &o, RS_EINVAL, S("%s has no column \"nosuch\" for user= "
	    "(columns: user, item, rating, timestamp)", p));
	rs_load_opts_init(&o);
	o.user = "item";
	EXPECT_ERROR(p, &o, RS_EINVAL,
	    S("%s: user and item are the same column (item)", p));

	/* skipping malformed rows: counted and reported in a note */
	p = write_file("mixed.csv",
	    "user,item,rating\nu1,i1,5\nu2,i2,abc\nu3,i3\nu4,i4,4\n");
	rs_load_opts_init(&o);
	o.skip_bad = 1;
	ds = load_opts(p, &o, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.n == 2);
		CHECK_STR(rs_ids_name(ds->users, 1), "u4");
		CHECK(rs_column_get(logcol(ds, "rating"), 1) == 4.0);
		CHECK(has_note(ds, S("warning: skipped 2 malformed rows of %s (first: "
		    "%s:3: column 3 (rating): \"abc\" is not a number)", p, p)));
		rs_dataset_free(ds);
	}

	/* type overrides */
	p = write_file("codes.csv", "user,item,code\nu1,i1,12\nu2,i2,13\n");
	rs_load_opts_init(&o);
	o.types = "code:text";
	ds = load_opts(p, &o, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(logcol(ds, "code")->kind == RS_COL_TEXT);
		CHECK_STR(rs_column_text(logcol(ds, "code"), 1), "13");
		rs_dataset_free(ds);
	}
	o.types = "code:blob";
	EXPECT_ERROR(p, &o, RS_EINVAL,
	    "types: kind \"blob\" of code must be number, time or text");
	o.types = "nosuch:text";
	EXPECT_ERROR(p, &o, RS_EINVAL,
	    S("types: %s has no column nosuch (columns: user, item, code)", p));

	/* ids with leading zeros are their own ids */
	p = write_file("zeros.csv", "user,item\n1,01\n1,1\n2,001\n");
	ds = load(p, &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(rs_ids_count(ds->items) == 3);
		CHECK(id_of(ds->items, "01") == 0 && id_of(ds->items, "1") == 1 &&
		    id_of(ds->items, "001") == 2);
		rs_dataset_free(ds);
	}

	/* a line past max_line */
	{
		size_t n = 3u << 20;
		char *big = malloc(n + 64);
		strcpy(big, "user,item,tag\nu1,i1,");
		memset(big + strlen(big), 'x', n);
		strcpy(big + 20 + n, "\n");
		p = write_file("long-line.csv", big);
		free(big);
		rs_load_opts_init(&o);
		o.max_line = (size_t)1 << 20;
		EXPECT_ERROR(p, &o, RS_EPARSE,
		    S("%s:2: line longer than 1 MiB; not a delimited text file?", p));
	}

	/* a stray quote swallows a line break: the message says where the row ends */
	p = write_file("stray-quote.csv",
	    "user,item,title\nu1,i1,\"abc\nu2,i2,x\",extra\nu3,i3,y\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:2: expected 3 fields, found 4 (the "
	    "row runs to line 3: an unbalanced quote?)", p));

	/* a quote that never closes */
	p = write_file("unterminated.csv",
	    "user,item,title\nu1,i1,\"abc\nu2,i2,x\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE,
	    S("%s:2: quoted field opened here is never closed", p));

	/* err may be NULL (error.h) */
	CHECK(load_without_err_survives(P("not-number.csv")));
	CHECK(load_without_err_survives(P("does-not-exist.csv")));
	/* reader_run copies the parser's error with *err = ...: a NULL err
	 * crashes on every parse-thread error (NUL byte, long line, gzip). */
	CHECK(load_without_err_survives(P("nul.csv")));
	CHECK(load_without_err_survives(P("unterminated.csv")));
}

/* Remove the temporary folder. */
static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int
main(void)
{
	const char *base = getenv("TMPDIR");

	snprintf(tmp, sizeof tmp, "%s/rs-test-load-XXXXXX",
	    base != NULL && *base != '\0' ? base : "/tmp");
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_ids();
	test_csv_header();
	test_tsv_headerless();
	test_other_delims();
	test_quotes_crlf_bom();
	test_layout();
	test_big_file();
	test_gzip();
	test_side_tables();
	test_movielens_100k();
	test_movielens_other();
	test_kuairec();
	test_hooks();
	test_errors();
	nftw(tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	for (size_t i = 0; i < npaths; i++)
		free(paths[i]);
	return check_done("test-load");
}
