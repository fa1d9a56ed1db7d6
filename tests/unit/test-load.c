/* Unit tests of rs_dataset_load: delimited text, quoting, layouts, gzip, hooks and every load error. */
#include "config.h"

#include "loadfix.h"

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
	/* copying empty ids hands NULL to memcpy in util_strtab_copy (UBSan) */
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
	/* CR CR LF (a file converted twice): no CR is left in the last
	 * field, so the time column stays numeric */
	ds = load(write_file("crcrlf.csv",
	    "user,item,rating,timestamp\r\r\nu1,i1,5,1000\r\r\n"
	    "u2,i2,3,1001\r\r\n"), &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		CHECK(ds->log.time_col >= 0);
		c = logcol(ds, "timestamp");
		CHECK(c != NULL && c->kind == RS_COL_NUMBER &&
		    rs_column_get(c, 1) == 1001.0);
		rs_dataset_free(ds);
	}
	/* quoted spaces keep ids apart, and load warns that they print alike */
	ds = load(write_file("space-twins.csv",
	    "user,item\nu1,i1\n u1 ,i2\n\"u1 \",i3\n\" u1\",i1\nu2,\"i1\"\n"), &err);
	CHECK(ds != NULL);
	if (ds != NULL) {
		bool warned = false;
		CHECK(rs_ids_count(ds->users) == 4 && rs_ids_count(ds->items) == 3);
		for (size_t i = 0; i < ds->nnotes; i++)
			if (strstr(ds->notes[i], "warning: ") == ds->notes[i] &&
			    strstr(ds->notes[i], "space-twins.csv: 2 user ids differ from "
			    "another only by spaces kept in quotes (\"u1\" and \"u1 \"); "
			    "they are different users") != NULL)
				warned = true;
		CHECK(warned);
		for (size_t i = 0; i < ds->nnotes; i++)
			CHECK(strstr(ds->notes[i], "item id") == NULL);
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

/* Files of many batches: line numbers, skipped rows and stopping. A small
 * file is read in the caller's thread, one of 1 MiB or more by a parsing
 * thread feeding batches: wide gives every row a 64-byte note, so that the
 * same rows make a 1.6 MB file and the threaded path is the one tested. */
static void
big_file_case(bool wide)
{
	size_t cap = 20000 * 96, n = 0;
	char *text = malloc(cap);
	const char *p;
	rs_load_opts o;
	rs_error err;
	rs_dataset *ds;
	const char *note = wide ?
	    ",0123456789012345678901234567890123456789012345678901234567890123" : "";

	n += (size_t)snprintf(text + n, cap - n, "user,item,rating%s\n",
	    wide ? ",note" : "");
	for (int line = 2; line <= 20000; line++)
		n += line == 15000 ?
		    (size_t)snprintf(text + n, cap - n, "u%d,i%d,abc%s\n",
		    line % 97, line % 13, note) :
		    (size_t)snprintf(text + n, cap - n, "u%d,i%d,%d%s\n",
		    line % 97, line % 13, line % 5, note);
	CHECK(wide ? n > (1 << 20) : n < (1 << 20));
	p = write_file(wide ? "late-wide.csv" : "late.csv", text);
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
test_big_file(void)
{
	big_file_case(false);
	big_file_case(true);
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
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: expected 3 fields, found 2; --skip-bad skips such lines", p));
	p = write_file("ragged-long.csv", "user,item,rating\nu1,i1,5\nu2,i2,4,9\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: expected 3 fields, found 4; --skip-bad skips such lines", p));
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
	/* a time column with a bad word: read in the form of its first value,
	 * so the word's line is blamed, whichever form comes first */
	p = write_file("word-time.csv",
	    "user,item,timestamp\nu1,i1,1000\nu2,i2,yesterday\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: column 3 (timestamp): "
	    "\"yesterday\" is not a number", p));
	p = write_file("word-time2.csv",
	    "user,item,time\nu1,i1,2020-07-05\nu2,i2,1000\nu3,i3,soon\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE, S("%s:3: column 3 (time): \"1000\" is "
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
	    "row runs to line 3: an unbalanced quote?); --skip-bad skips such lines", p));

	/* a quote that never closes */
	p = write_file("unterminated.csv",
	    "user,item,title\nu1,i1,\"abc\nu2,i2,x\n");
	EXPECT_ERROR(p, NULL, RS_EPARSE,
	    S("%s:2: quoted field opened here is never closed", p));

	/* err may be NULL (error.h) */
	CHECK(load_without_err_survives(P("not-number.csv")));
	CHECK(load_without_err_survives(P("does-not-exist.csv")));
	/* io_reader_run copies the parser's error with *err = ...: a NULL err
	 * crashes on every parse-thread error (NUL byte, long line, gzip). */
	CHECK(load_without_err_survives(P("nul.csv")));
	CHECK(load_without_err_survives(P("unterminated.csv")));
}

int
main(void)
{
	if (fixture_begin("test-load") != 0)
		return 99;
	test_ids();
	test_csv_header();
	test_tsv_headerless();
	test_other_delims();
	test_quotes_crlf_bom();
	test_layout();
	test_big_file();
	test_gzip();
	test_hooks();
	test_errors();
	fixture_end();
	return check_done("test-load");
}
