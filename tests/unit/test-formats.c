/* Unit tests of the dataset presets and joins: side tables with creators, MovieLens 100K/1M/latest, the KuaiRec folder. */
#include "config.h"

#include "loadfix.h"

#define KR_HEADER "user_id,video_id,play_duration,video_duration,time,date,timestamp,watch_ratio\n"

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
	EXPECT_ERROR(log, &o, RS_EPARSE, S("%s:3: expected 3 fields, found 2; --skip-bad skips such lines",
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
	write_file("basic.csv", "user,item\n1,2\n");
	o.format = "kuairec";
	EXPECT_ERROR(P("basic.csv"), &o, RS_EINVAL, S("format=kuairec reads a folder "
	    "(with big_matrix.csv or small_matrix.csv), not the file %s/basic.csv", tmp));
}

int
main(void)
{
	if (fixture_begin("test-formats") != 0)
		return 99;
	test_side_tables();
	test_movielens_100k();
	test_movielens_other();
	test_kuairec();
	fixture_end();
	return check_done("test-formats");
}
