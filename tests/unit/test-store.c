/* Unit tests of the workspace file: exact round trips, truncated, flipped and re-checksummed hostile files, failed and interrupted writes. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "reelscope/reelscope.h"
#include "util/strtab.h"

#include "check.h"

static char tmp[256];

/* ---- building a workspace with every kind of part ---- */

static uint32_t
id(rs_ids *ids, const char *fmt, unsigned v)
{
	char b[64];
	int n = snprintf(b, sizeof b, fmt, v);

	return rs_ids_intern(ids, b, (size_t)n);
}

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 31;
	x *= 0x9e3779b97f4a7c15ULL;
	x ^= x >> 29;
	return x;
}

/* A column in a plain store, built directly: pushing values would need
 * more than 65536 distinct ones before a column leaves its dictionary. */
static rs_column *
plain_column(const char *name, enum rs_col_kind kind, enum rs_col_store store,
    size_t n, uint64_t seed)
{
	rs_column *c = rs_column_new(name, kind);

	rs_column_finish(c);	/* drops the dictionary index */
	free(c->v);
	free(c->dict);
	c->dict = NULL;
	c->ndict = 0;
	c->store = store;
	c->n = c->cap = n;
	c->v = malloc((n + 1) * 8);
	c->all_int = store == RS_STORE_I32;
	c->all_f32 = store != RS_STORE_F64;
	c->date_only = false;
	c->decimals = store == RS_STORE_DEC32 ? 2 : -1;
	c->scale = store == RS_STORE_DEC32 ? 2 : 0;
	for (size_t r = 0; r < n; r++) {
		uint64_t h = mix(seed + r);
		bool missing = r % 29 == 11;
		double x = 0;
		switch (store) {
		case RS_STORE_I32:
			((int32_t *)c->v)[r] = missing ? INT32_MIN : (int32_t)(1593907200 + r * 37);
			x = 1593907200.0 + (double)r * 37;
			break;
		case RS_STORE_DEC32:
			((int32_t *)c->v)[r] = missing ? INT32_MIN : (int32_t)(h % 100000);
			x = (double)(h % 100000) / 100;
			break;
		case RS_STORE_F32:
			((float *)c->v)[r] = missing ? NAN : (float)(h % 100000) * 0.25f;
			x = (double)(h % 100000) * 0.25;
			break;
		default:
			((double *)c->v)[r] = missing ? NAN : (double)(h % 100000) * 0.1 + 1e-9;
			x = (double)(h % 100000) * 0.1 + 1e-9;
			break;
		}
		c->nmissing += missing;
		if (!missing && fabs(x) > c->maxabs)
			c->maxabs = fabs(x);
	}
	return c;
}

/* A log of n rows over nu users and ni items; wide adds the columns in
 * plain stores (i32, dec32, f32, f64). */
static void
make_log(rs_log *log, size_t n, uint32_t nu, uint32_t ni, bool wide, uint64_t seed)
{
	static const char *const tags[] = { "funny", "美食", "", "game", "#旅行 vlog" };
	rs_column *rating = rs_column_new("rating", RS_COL_NUMBER);
	rs_column *time = rs_column_new("time", RS_COL_TIME);
	rs_column *d16 = rs_column_new("d16", RS_COL_NUMBER);
	rs_column *tag = rs_column_new("tag", RS_COL_TEXT);

	memset(log, 0, sizeof *log);
	log->n = n;
	log->user = malloc((n + 1) * sizeof *log->user);
	log->item = malloc((n + 1) * sizeof *log->item);
	for (size_t r = 0; r < n; r++) {
		uint64_t h = mix(seed + r);
		log->user[r] = (uint32_t)(h % nu);
		log->item[r] = (uint32_t)((h >> 20) % ni);
		if (r % 17 == 3)
			rs_column_push_missing(rating);
		else
			rs_column_push_number(rating, (double)(1 + h % 5), 0);
		rs_column_push_number(time, 1593907200.0 + (double)(r % 300) * 86400, 0);
		rs_column_push_number(d16, (double)(r % 1000) / 4, 2);
		rs_column_push_text(tag, tags[r % 5], strlen(tags[r % 5]));
	}
	log->cols.nrows = n;
	rs_table_add(&log->cols, rating);
	rs_table_add(&log->cols, time);
	rs_table_add(&log->cols, d16);
	rs_table_add(&log->cols, tag);
	if (wide) {
		rs_table_add(&log->cols, plain_column("stamp", RS_COL_TIME, RS_STORE_I32, n, seed));
		rs_table_add(&log->cols, plain_column("dec", RS_COL_NUMBER, RS_STORE_DEC32, n, seed + 1));
		rs_table_add(&log->cols, plain_column("f32", RS_COL_NUMBER, RS_STORE_F32, n, seed + 2));
		rs_table_add(&log->cols, plain_column("f64", RS_COL_NUMBER, RS_STORE_F64, n, seed + 3));
	}
	for (size_t j = 0; j < log->cols.ncols; j++)
		rs_column_finish(log->cols.cols[j]);
	log->value_col = 0;
	log->time_col = 1;
	log->source = strdup("big_matrix.csv");
	log->user_col = strdup("user_id");
	log->item_col = strdup("video_id");
}

/* The dataset as loaded. */
static rs_dataset *
make_base(size_t n, uint32_t nu, uint32_t ni, bool wide)
{
	rs_dataset *ds = rs_dataset_new();
	rs_column *title = rs_column_new("title", RS_COL_TEXT);
	rs_column *code = rs_column_new("code", RS_COL_NUMBER);
	rs_column *age = rs_column_new("age", RS_COL_NUMBER);

	ds->source = strdup("samples/world");
	ds->format = strdup("kuairec");
	for (uint32_t u = 0; u < nu; u++)
		id(ds->users, u == 1 ? "用户%u" : "%u", u);
	for (uint32_t i = 0; i < ni; i++)
		id(ds->items, "v%u", i);
	for (uint32_t c = 0; c < 20; c++)
		id(ds->creators, "creator %u", c);
	make_log(&ds->log, n, nu, ni, wide, 1);
	ds->observed = calloc(1, sizeof *ds->observed);
	make_log(ds->observed, n / 10 + 3, nu, ni, false, 99);
	for (uint32_t i = 0; i < ni; i++) {
		char t[64];
		int k = snprintf(t, sizeof t, "video %u 火锅", i % 40);
		rs_column_push_text(title, t, i % 9 == 0 ? 0 : (size_t)k);
		rs_column_push_number(code, (double)i * 3, 0);
	}
	for (uint32_t u = 0; u < nu; u++)
		rs_column_push_number(age, (double)(18 + u % 50), 0);
	ds->item_tbl.nrows = ni;
	rs_table_add(&ds->item_tbl, title);
	rs_table_add(&ds->item_tbl, code);
	ds->user_tbl.nrows = nu;
	rs_table_add(&ds->user_tbl, age);
	ds->item_creator = malloc(ni * sizeof *ds->item_creator);
	for (uint32_t i = 0; i < ni; i++)
		ds->item_creator[i] = i % 23 == 0 ? RS_NONE : i % 20;
	ds->creator_from = strdup("author_id");
	rs_dataset_note(ds, "format: KuaiRec 2.0 folder %s", ds->source);
	rs_dataset_note(ds, "a note with \"quotes\" and 中文");
	ds->dirt = calloc(1, sizeof *ds->dirt);
	ds->dirt->n = 4;
	ds->dirt->kind = malloc(4);
	ds->dirt->user = malloc(4 * sizeof(uint32_t));
	ds->dirt->item = malloc(4 * sizeof(uint32_t));
	ds->dirt->time = malloc(4 * sizeof(double));
	for (int k = 0; k < 4; k++) {
		ds->dirt->kind[k] = (uint8_t)k;
		ds->dirt->user[k] = k == 3 ? RS_NONE : (uint32_t)k;
		ds->dirt->item[k] = (uint32_t)k * 2;
		ds->dirt->time[k] = k == 2 ? NAN : 1593907200.0 + k;
	}
	ds->dirt->nbots = 2;
	ds->dirt->bots = malloc(2 * sizeof(uint32_t));
	ds->dirt->bots[0] = nu - 1;
	ds->dirt->bots[1] = nu - 2;
	return ds;
}

/* The current state: rows dropped (a cleaning step), one column changed
 * in place (a fill), a split with parts and a heldout log, a new item. */
static rs_dataset *
make_current(const rs_dataset *base)
{
	uint8_t *keep = malloc(base->log.n + 1);
	rs_dataset *cur;
	uint32_t ni;
	int j;

	for (size_t r = 0; r < base->log.n; r++)
		keep[r] = r % 7 != 0;
	cur = rs_dataset_select(base, keep);
	free(keep);
	cur->log.part = malloc(cur->log.n + 1);
	for (size_t r = 0; r < cur->log.n; r++)
		cur->log.part[r] = (uint8_t)(r % 5 == 0 ? 2 : r % 5 == 1 ? 1 : 0);
	cur->split_kind = RS_SPLIT_FILES;
	cur->split_desc = strdup("files test=u1.test");
	if ((j = rs_table_find(&cur->log.cols, "f64")) >= 0) {
		double *v = cur->log.cols.cols[j]->v;
		for (size_t r = 0; r < cur->log.n; r++)
			v[r] = v[r] * 2;	/* maxabs kept: the meta still matches */
	}
	cur->heldout = calloc(1, sizeof *cur->heldout);
	make_log(cur->heldout, 40, rs_ids_count(cur->users), rs_ids_count(cur->items),
	    false, 7);
	/* split files met an unknown item: ids, tables and creators grow */
	ni = rs_ids_count(cur->items);
	id(cur->items, "new item %u", 1);
	for (size_t k = 0; k < cur->item_tbl.ncols; k++)
		rs_column_push_missing(cur->item_tbl.cols[k]);
	cur->item_tbl.nrows = ni + 1;
	cur->item_creator = realloc(cur->item_creator, (ni + 1) * sizeof *cur->item_creator);
	cur->item_creator[ni] = RS_NONE;
	return cur;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Train one model of kind k on the current data, or NULL when the kind
 * cannot train on it (or cannot be saved). */
static rs_model *
make_model(const rs_model_kind *k, const rs_dataset *ds)
{
	rs_imat_opts io;
	rs_train_ctx ctx;
	rs_fit_opts fo;
	rs_error err;
	rs_model *m;
	char name[64];

	if (k->save == NULL || k->load == NULL || (k->fit == NULL && k->epoch == NULL))
		return NULL;
	snprintf(name, sizeof name, "m-%s", k->name);
	if ((m = rs_model_new(k->name, name, NULL, NULL, 0, &err)) == NULL)
		return NULL;
	rs_imat_opts_init(&io);
	io.binary = !k->explicit_values && !k->uses_weights;
	m->train = rs_imat_build(ds, &ds->log, &io, &err);
	memset(&ctx, 0, sizeof ctx);
	ctx.ds = ds;
	ctx.train = m->train;
	ctx.seed = 3;
	rs_fit_opts_init(&fo);
	fo.epochs = 2;
	{
		double t = now();
		int rc = m->train == NULL ? -1 : rs_model_fit(m, &ctx, &fo, &err);
		if (getenv("TEST_STORE_VERBOSE"))
			printf("  trained %s in %.2fs\n", k->name, now() - t);
		if (rc >= 0)
			return m;
	}
	{
		printf("  (kind %s not trained here: %s)\n", k->name, err.msg);
		rs_model_free(m);
		return NULL;
	}
}

/* Record the step that command does. */
static void
add_step(rs_workspace *ws, const char *command, const char *summary,
    const rs_dataset *before)
{
	rs_step_op op;

	CHECK(rs_step_op_parse(command, &op, NULL) == 0);
	rs_workspace_add_step(ws, &op, summary, before);
	CHECK_STR(rs_workspace_step(ws, rs_workspace_nsteps(ws) - 1)->command, command);
	rs_step_op_free(&op);
}

/* models: 0 none, 1 pop and random, 2 every kind that trains here */
static rs_workspace *
make_workspace(size_t n, uint32_t nu, uint32_t ni, bool wide, bool split, int models)
{
	rs_workspace *ws = rs_workspace_new();
	rs_dataset *base = make_base(n, nu, ni, wide);

	/* split or not, the two forms a source takes: one load, or the script
	 * an anonymize leaves (with a command the engine keeps as text) */
	rs_workspace_set_base(ws, base, split ?
	    "load \"samples/a world\" --skip-bad; clean dedup; anonymize key=#1; lo x" :
	    "load samples/world --skip-bad");
	if (split) {
		rs_workspace_set_data(ws, make_current(base));
		add_step(ws, "clean dedup", "dropped 1/7 of the rows", base);
		add_step(ws, "split files test=\"u1 test\" --x", "files", base);
	}
	for (size_t i = 0; models > 0 && rs_model_kinds[i] != NULL; i++) {
		rs_model *m;
		if (models == 1 && strcmp(rs_model_kinds[i]->name, "pop") != 0 &&
		    strcmp(rs_model_kinds[i]->name, "random") != 0)
			continue;
		m = make_model(rs_model_kinds[i], rs_workspace_data(ws));
		if (m != NULL)
			rs_workspace_add_model(ws, m);
	}
	if (models > 0 && split) {
		/* evaluation results of every model */
		rs_eval_opts eo;
		rs_error err;
		rs_eval_ctx *ec;
		rs_eval_opts_init(&eo);
		rs_eval_parse_ks(&eo, "3,5");
		ec = rs_eval_prepare(rs_workspace_data(ws), &eo, &err);
		if (ec == NULL)
			printf("  (no evaluation: %s)\n", err.msg);
		for (size_t i = 0; ec != NULL && i < rs_workspace_nmodels(ws); i++) {
			rs_eval_result *r = rs_eval_run(ec, rs_workspace_model_at(ws, i), &err);
			if (r != NULL)
				rs_workspace_add_result(ws, r);
			else
				printf("  (model %s not evaluated: %s)\n", rs_workspace_model_at(ws, i)->name, err.msg);
		}
		rs_eval_ctx_free(ec);
	}
	return ws;
}

/* ---- comparing every value ---- */

static bool
same_bits(const void *a, const void *b, size_t n)
{
	return n == 0 || (a != NULL && b != NULL && memcmp(a, b, n) == 0);
}

static bool
same_str(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static const size_t esize[] = { 1, 2, 4, 4, 4, 8, 4 };

static void
check_column(const rs_column *a, const rs_column *b)
{
	bool ok = strcmp(a->name, b->name) == 0 && a->kind == b->kind &&
	    a->store == b->store && a->n == b->n && a->nmissing == b->nmissing &&
	    a->all_int == b->all_int && a->all_f32 == b->all_f32 &&
	    a->date_only == b->date_only && a->decimals == b->decimals &&
	    a->scale == b->scale && same_bits(&a->maxabs, &b->maxabs, 8) &&
	    a->ndict == b->ndict && same_bits(a->dict, b->dict, a->ndict * 8) &&
	    same_bits(a->v, b->v, a->n * esize[a->store]);

	if (ok && (a->strs != NULL || b->strs != NULL))
		ok = a->strs != NULL && b->strs != NULL && a->strs->n == b->strs->n &&
		    a->strs->len == b->strs->len &&
		    same_bits(a->strs->buf, b->strs->buf, a->strs->len);
	check_count++;
	if (!ok) {
		check_failures++;
		fprintf(stderr, "column %s differs after the round trip\n", a->name);
	}
}

static void
check_table(const rs_table *a, const rs_table *b)
{
	CHECK(a->nrows == b->nrows);
	CHECK(a->ncols == b->ncols);
	for (size_t j = 0; j < a->ncols && j < b->ncols; j++)
		check_column(a->cols[j], b->cols[j]);
}

static void
check_log(const rs_log *a, const rs_log *b)
{
	CHECK((a == NULL) == (b == NULL));
	if (a == NULL || b == NULL)
		return;
	CHECK(a->n == b->n);
	if (a->n != b->n)
		return;
	CHECK(same_bits(a->user, b->user, a->n * 4));
	CHECK(same_bits(a->item, b->item, a->n * 4));
	CHECK((a->part == NULL) == (b->part == NULL));
	if (a->part != NULL && b->part != NULL)
		CHECK(same_bits(a->part, b->part, a->n));
	CHECK(a->value_col == b->value_col && a->time_col == b->time_col);
	CHECK(same_str(a->source, b->source) && same_str(a->user_col, b->user_col) &&
	    same_str(a->item_col, b->item_col));
	check_table(&a->cols, &b->cols);
}

static void
check_ids(const rs_ids *a, const rs_ids *b)
{
	uint32_t n = rs_ids_count(a);

	CHECK(n == rs_ids_count(b));
	for (uint32_t i = 0; i < n && i < rs_ids_count(b); i++)
		if (strcmp(rs_ids_name(a, i), rs_ids_name(b, i)) != 0) {
			CHECK_STR(rs_ids_name(b, i), rs_ids_name(a, i));
			break;
		}
	/* lookups work on the rebuilt table */
	if (n > 0) {
		const char *last = rs_ids_name(a, n - 1);
		CHECK(rs_ids_find(b, last, strlen(last)) == (int64_t)n - 1);
	}
}

static void
check_dataset(const rs_dataset *a, const rs_dataset *b)
{
	CHECK(same_str(a->source, b->source) && same_str(a->format, b->format));
	CHECK(same_str(a->creator_from, b->creator_from));
	CHECK(a->split_kind == b->split_kind && same_str(a->split_desc, b->split_desc));
	check_ids(a->users, b->users);
	check_ids(a->items, b->items);
	check_ids(a->creators, b->creators);
	check_log(&a->log, &b->log);
	check_log(a->observed, b->observed);
	check_log(a->heldout, b->heldout);
	check_log(a->heldout_valid, b->heldout_valid);
	check_table(&a->item_tbl, &b->item_tbl);
	check_table(&a->user_tbl, &b->user_tbl);
	CHECK((a->item_creator == NULL) == (b->item_creator == NULL));
	if (a->item_creator && b->item_creator)
		CHECK(same_bits(a->item_creator, b->item_creator,
		    rs_ids_count(a->items) * sizeof *a->item_creator));
	CHECK(a->nnotes == b->nnotes);
	for (size_t i = 0; i < a->nnotes && i < b->nnotes; i++)
		CHECK_STR(b->notes[i], a->notes[i]);
	CHECK((a->dirt == NULL) == (b->dirt == NULL));
	if (a->dirt && b->dirt) {
		const rs_dirt *x = a->dirt, *y = b->dirt;
		CHECK(x->n == y->n && x->nbots == y->nbots);
		CHECK(same_bits(x->kind, y->kind, x->n) && same_bits(x->user, y->user, x->n * 4) &&
		    same_bits(x->item, y->item, x->n * 4) && same_bits(x->time, y->time, x->n * 8) &&
		    same_bits(x->bots, y->bots, x->nbots * 4));
	}
}

static void
check_imat(const rs_imat *a, const rs_imat *b)
{
	CHECK((a == NULL) == (b == NULL));
	if (a == NULL || b == NULL)
		return;
	CHECK(a->nusers == b->nusers && a->nitems == b->nitems && a->nnz == b->nnz);
	if (a->nusers != b->nusers || a->nitems != b->nitems || a->nnz != b->nnz)
		return;
	CHECK(same_bits(&a->mean, &b->mean, 8) && a->explicit_values == b->explicit_values);
	CHECK(same_bits(a->uptr, b->uptr, ((size_t)a->nusers + 1) * 8));
	CHECK(same_bits(a->iptr, b->iptr, ((size_t)a->nitems + 1) * 8));
	CHECK(same_bits(a->uidx, b->uidx, a->nnz * 4) && same_bits(a->uval, b->uval, a->nnz * 4) &&
	    same_bits(a->utime, b->utime, a->nnz * 8));
	CHECK(same_bits(a->iidx, b->iidx, a->nnz * 4) && same_bits(a->ival, b->ival, a->nnz * 4));
}

static void
check_model(const rs_model *a, const rs_model *b)
{
	float *x, *y;
	bool scores_ok = true;

	CHECK_STR(b->name, a->name);
	CHECK(a->kind == b->kind);
	CHECK(a->nparams == b->nparams);
	for (size_t i = 0; i < a->nparams && i < b->nparams; i++) {
		CHECK_STR(b->keys[i], a->keys[i]);
		CHECK_STR(b->values[i], a->values[i]);
	}
	CHECK(a->nusers == b->nusers && a->nitems == b->nitems);
	CHECK((a->popularity == NULL) == (b->popularity == NULL));
	if (a->popularity && b->popularity)
		CHECK(same_bits(a->popularity, b->popularity, a->nitems * 4));
	CHECK(a->nepochs == b->nepochs && a->best_epoch == b->best_epoch);
	if (a->nepochs == b->nepochs)
		CHECK(same_bits(a->history, b->history, a->nepochs * sizeof *a->history));
	CHECK(same_str(a->valid_metric, b->valid_metric));
	CHECK(same_bits(&a->fit_seconds, &b->fit_seconds, 8));
	CHECK(a->interrupted == b->interrupted);
	check_imat(a->train, b->train);
	/* the learned state: every user's scores, bit for bit */
	x = malloc((a->nitems + 1) * sizeof *x);
	y = malloc((a->nitems + 1) * sizeof *y);
	for (uint32_t u = 0; u < a->nusers && scores_ok; u++) {
		rs_model_score_user(a, u, x);
		rs_model_score_user(b, u, y);
		scores_ok = same_bits(x, y, a->nitems * sizeof *x);
	}
	check_count++;
	if (!scores_ok) {
		check_failures++;
		fprintf(stderr, "model %s scores differ after the round trip\n", a->name);
	}
	free(x);
	free(y);
}

static void
check_result(const rs_eval_result *a, const rs_eval_result *b)
{
	size_t nu = a->nusers, nm = a->nmetrics;

	CHECK_STR(b->model, a->model);
	CHECK_STR(b->kind, a->kind);
	CHECK(same_str(a->protocol, b->protocol) && same_str(a->relevance, b->relevance) &&
	    same_str(a->diversity_col, b->diversity_col));
	CHECK(a->sampled == b->sampled && a->observed == b->observed &&
	    a->short_video == b->short_video && a->biased == b->biased);
	CHECK(a->nks == b->nks && same_bits(a->ks, b->ks, sizeof a->ks));
	CHECK(a->nmetrics == b->nmetrics && a->nusers == b->nusers && a->kmax == b->kmax);
	if (a->nmetrics != b->nmetrics || a->nusers != b->nusers || a->kmax != b->kmax)
		return;
	for (size_t j = 0; j < nm; j++)
		CHECK_STR(b->names[j], a->names[j]);
	CHECK(same_bits(a->scope, b->scope, nm) && same_bits(a->sense, b->sense, nm) &&
	    same_bits(a->value, b->value, nm * 8) && same_bits(a->defined, b->defined, nm * 4));
	CHECK(same_bits(a->users, b->users, nu * 4) &&
	    same_bits(a->per_user, b->per_user, nu * nm * 8) &&
	    same_bits(a->sq_err, b->sq_err, nu * 8) && same_bits(a->abs_err, b->abs_err, nu * 8) &&
	    same_bits(a->npairs, b->npairs, nu * 4));
	CHECK(same_bits(a->lists, b->lists, nu * a->kmax * 4) &&
	    same_bits(a->list_scores, b->list_scores, nu * a->kmax * 4));
	CHECK(a->fallback_users == b->fallback_users && a->ranking_users == b->ranking_users &&
	    a->rated_pairs == b->rated_pairs && same_bits(&a->seconds, &b->seconds, 8) &&
	    same_bits(&a->cpu_seconds, &b->cpu_seconds, 8));
}

static void
check_workspace(const rs_workspace *a, const rs_workspace *b)
{
	CHECK(same_str(rs_workspace_source(a), rs_workspace_source(b)));
	CHECK((rs_workspace_source_record(a) == NULL) == (rs_workspace_source_record(b) == NULL));
	if (rs_workspace_source_record(a) != NULL && rs_workspace_source_record(b) != NULL) {
		const rs_source *x = rs_workspace_source_record(a), *y = rs_workspace_source_record(b);
		CHECK(x->ncmds == y->ncmds);
		for (size_t i = 0; i < x->ncmds && i < y->ncmds; i++) {
			CHECK(x->cmds[i].kind == y->cmds[i].kind);
			CHECK(x->cmds[i].op.kind == y->cmds[i].op.kind);
			CHECK(x->cmds[i].op.nparams == y->cmds[i].op.nparams);
		}
	}
	CHECK(rs_workspace_nsteps(a) == rs_workspace_nsteps(b));
	for (size_t i = 0; i < rs_workspace_nsteps(a) && i < rs_workspace_nsteps(b); i++) {
		const rs_step *x = rs_workspace_step(a, i), *y = rs_workspace_step(b, i);
		CHECK_STR(y->command, x->command);
		CHECK(x->op.kind == y->op.kind && x->op.nparams == y->op.nparams);
		for (size_t k = 0; k < x->op.nparams && k < y->op.nparams; k++) {
			CHECK(same_str(x->op.params[k].key, y->op.params[k].key));
			CHECK(same_str(x->op.params[k].value, y->op.params[k].value));
		}
		CHECK_STR(y->summary, x->summary);
		CHECK(x->rows_before == y->rows_before && x->rows_after == y->rows_after &&
		    x->users_before == y->users_before && x->users_after == y->users_after &&
		    x->items_before == y->items_before && x->items_after == y->items_after);
	}
	CHECK((rs_workspace_data(a) == rs_workspace_base(a)) == (rs_workspace_data(b) == rs_workspace_base(b)));
	check_dataset(rs_workspace_base(a), rs_workspace_base(b));
	if (rs_workspace_data(a) != rs_workspace_base(a))
		check_dataset(rs_workspace_data(a), rs_workspace_data(b));
	CHECK(rs_workspace_nmodels(a) == rs_workspace_nmodels(b));
	for (size_t i = 0; i < rs_workspace_nmodels(a) && i < rs_workspace_nmodels(b); i++)
		check_model(rs_workspace_model_at(a, i), rs_workspace_model_at(b, i));
	CHECK(rs_workspace_nresults(a) == rs_workspace_nresults(b));
	for (size_t i = 0; i < rs_workspace_nresults(a) && i < rs_workspace_nresults(b); i++)
		check_result(rs_workspace_result_at(a, i), rs_workspace_result_at(b, i));
}

/* ---- files ---- */

static char *
path_in(const char *name)
{
	static char p[4][512];
	static int k;

	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", tmp, name);
	return p[k];
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(99);
	}
	rewind(f);
	b = malloc((size_t)n + 1);
	if (fread(b, 1, (size_t)n, f) != (size_t)n)
		exit(99);
	fclose(f);
	*len = (size_t)n;
	return b;
}

static void
spill(const char *path, const void *b, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(b, 1, n, f) != n || fclose(f) != 0) {
		fprintf(stderr, "cannot write %s\n", path);
		exit(99);
	}
}

/* Files in tmp whose name starts with prefix (temporary files left). */
static int
count_prefixed(const char *prefix)
{
	DIR *d = opendir(tmp);
	struct dirent *e;
	int n = 0;

	while (d != NULL && (e = readdir(d)) != NULL)
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			n++;
	if (d != NULL)
		closedir(d);
	return n;
}

static bool
has(const char *msg, const char *part)
{
	if (strstr(msg, part) != NULL)
		return true;
	fprintf(stderr, "message \"%s\" lacks \"%s\"\n", msg, part);
	return false;
}

/* ---- the tests ---- */

static void
test_round_trip(rs_workspace *ws, const char *name, uint32_t want_datasets)
{
	rs_store_info info, oinfo;
	rs_error err;
	rs_workspace *back;
	const char *p = path_in(name);
	struct stat st;

	CHECK(rs_store_save(ws, p, NULL, &info, NULL, &err) == 0);
	CHECK(info.datasets == want_datasets);
	CHECK(want_datasets < 2 || info.shared >= 5);
	CHECK(info.models == rs_workspace_nmodels(ws) && info.steps == rs_workspace_nsteps(ws));
	CHECK(info.results == rs_workspace_nresults(ws));
	CHECK(stat(p, &st) == 0 && (st.st_mode & 0777) == 0600);
	CHECK(st.st_size == (off_t)info.bytes);
	back = rs_store_open(p, &oinfo, NULL, &err);
	CHECK(back != NULL);
	if (back == NULL) {
		fprintf(stderr, "open: %s\n", err.msg);
		return;
	}
	CHECK(oinfo.bytes == info.bytes && oinfo.sections == info.sections);
	CHECK(oinfo.version == RS_STORE_VERSION && oinfo.datasets == want_datasets);
	check_workspace(ws, back);
	/* an opened workspace saves to the same bytes */
	{
		size_t n1, n2;
		unsigned char *a, *b;
		unlink(path_in("again.rsw"));	/* another workspace's, from a previous case */
		CHECK(rs_store_save(back, path_in("again.rsw"), NULL, NULL, NULL, &err) == 0);
		a = slurp(p, &n1);
		b = slurp(path_in("again.rsw"), &n2);
		CHECK(n1 == n2 && memcmp(a, b, n1) == 0);
		free(a);
		free(b);
	}
	/* the opened columns still grow */
	if (rs_workspace_data(back)->log.cols.ncols > 0) {
		rs_column *c = rs_workspace_data(back)->log.cols.cols[0];
		size_t n = c->n;
		rs_column_push_number(c, 4, 0);
		rs_column_push_missing(c);
		CHECK(c->n == n + 2 && rs_column_get(c, n) == 4);
	}
	rs_workspace_free(back);
}

static int
cmp_desc(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x < y) - (x > y);
}

/* Every 1 KB boundary and a few odd offsets: "truncated at byte N". The
 * copy is cut shorter and shorter in place (writing each prefix anew
 * would write gigabytes). */
static void
test_truncation(const char *name)
{
	size_t len, ncut = 0, cuts = 0;
	unsigned char *b = slurp(path_in(name), &len);
	const char *p = path_in("cut.rsw");
	size_t odd[] = { 1, 5, 7, 8, 12, 31, 33, 55, 56, 57, 100, 1023, 1025,
		len / 2 + 3, len - 25, len - 24, len - 23, len - 1 };
	size_t *at = malloc((len / 1024 + 32) * sizeof *at);

	for (size_t k = 1; k * 1024 < len; k++)
		at[ncut++] = k * 1024;
	for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++)
		at[ncut++] = odd[k];
	qsort(at, ncut, sizeof *at, cmp_desc);
	spill(p, b, len);
	for (size_t k = 0; k < ncut; k++) {
		rs_error err;
		rs_workspace *ws;
		char want[64];
		if (at[k] == 0 || at[k] >= len || (k > 0 && at[k] == at[k - 1]))
			continue;
		if (truncate(p, (off_t)at[k]) != 0) {
			perror("truncate");
			exit(99);
		}
		ws = rs_store_open(p, NULL, NULL, &err);
		CHECK(ws == NULL);
		rs_workspace_free(ws);
		snprintf(want, sizeof want, "truncated at byte %zu", at[k]);
		CHECK(has(err.msg, want));
		cuts++;
	}
	CHECK(cuts >= len / 1024);
	printf("  %zu truncations of a %zu-byte file refused\n", cuts, len);
	/* empty */
	spill(p, b, 0);
	{
		rs_error err;
		CHECK(rs_store_open(p, NULL, NULL, &err) == NULL);
		CHECK(has(err.msg, "not a reelscope workspace"));
	}
	free(at);
	free(b);
}

/* Offsets of every section payload, from the file's own framing. */
struct span {
	size_t hdr, start, len;
};

static size_t
spans_of(const unsigned char *b, size_t len, struct span *out, size_t max)
{
	size_t pos = 32, n = 0;

	while (pos + 24 <= len - 24 && n < max) {
		uint64_t l = 0;
		for (int i = 0; i < 8; i++)
			l |= (uint64_t)b[pos + 8 + i] << (8 * i);
		out[n].hdr = pos;
		out[n].start = pos + 24;
		out[n].len = (size_t)l;
		n++;
		pos += 24 + (size_t)l;
	}
	return n;
}

static void
put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* Make the checksums right again after a change inside section s. */
static void
rechecksum(unsigned char *b, size_t len, const struct span *s)
{
	put32(b + s->hdr + 16, (uint32_t)crc32(0, b + s->start, (uInt)s->len));
	put32(b + s->hdr + 20, (uint32_t)crc32(0, b + s->hdr, 20));
	put32(b + len - 12, (uint32_t)crc32(0, b, (uInt)(len - 24)));
}

/* Use everything an opened workspace holds, so that a bad index the
 * checks missed shows (under the sanitizers) as a crash. */
static void
exercise(rs_workspace *ws)
{
	char buf[128];
	uint32_t items[8];
	float scores[8];

	if (rs_workspace_data(ws) != NULL) {
		rs_dataset *ds = rs_workspace_data(ws);
		const rs_table *tabs[] = { &ds->log.cols, &ds->item_tbl, &ds->user_tbl };
		for (int t = 0; t < 3; t++)
			for (size_t j = 0; j < tabs[t]->ncols; j++)
				for (size_t i = 0; i < tabs[t]->cols[j]->n; i++)
					rs_column_format(tabs[t]->cols[j], i, buf, sizeof buf);
		rs_log_by_user(&ds->log, rs_ids_count(ds->users));
		rs_log_by_item(&ds->log, rs_ids_count(ds->items));
		for (uint32_t i = 0; ds->item_creator && i < rs_ids_count(ds->items); i++)
			if (ds->item_creator[i] != RS_NONE)
				(void)rs_ids_name(ds->creators, ds->item_creator[i]);
	}
	for (size_t k = 0; k < rs_workspace_nmodels(ws); k++)
		for (uint32_t u = 0; u < 3 && u < rs_workspace_model_at(ws, k)->nusers + 1; u++)
			rs_model_recommend(rs_workspace_model_at(ws, k), u, 8, true, items, scores, NULL);
	for (size_t k = 0; k < rs_workspace_nresults(ws); k++) {
		const rs_eval_result *r = rs_workspace_result_at(ws, k);
		for (uint32_t e = 0; e < r->nusers; e++) {
			(void)rs_ids_name(rs_workspace_data(ws)->users, r->users[e]);
			for (uint32_t j = 0; j < r->kmax; j++)
				if (r->lists[(size_t)e * r->kmax + j] != RS_NONE)
					(void)rs_ids_name(rs_workspace_data(ws)->items, r->lists[(size_t)e * r->kmax + j]);
		}
	}
}

/* Step to the next offset to try: every byte of the first head and the
 * last tail bytes, about n offsets in between. */
static size_t
sampled(size_t at, size_t len, size_t head, size_t tail, size_t n)
{
	size_t stride = len / n;

	if (at < head || at + tail >= len || stride < 8)
		return 1;
	return stride - at % 7;	/* not in step with any record size */
}

/* Every single flipped byte is refused; every byte of every payload
 * changed with the checksums fixed up is refused or opens sound. */
static void
test_damage(const char *name)
{
	size_t len, nspans, flips = 0, refused = 0, opened = 0;
	unsigned char *b = slurp(path_in(name), &len), *c = malloc(len);
	struct span *sp = malloc(4096 * sizeof *sp);
	static const unsigned char deltas[] = { 0xff, 0x01 };
	/* TEST_STORE_LONG=1: every byte, every change (minutes) */
	bool all = getenv("TEST_STORE_LONG") != NULL;

	double t0 = now();

	nspans = spans_of(b, len, sp, 4096);
	CHECK(nspans > 5);
	for (size_t at = 0; at < len; at += all ? 1 : sampled(at, len, 2048, 512, 2000)) {
		rs_error err;
		rs_workspace *ws;
		memcpy(c, b, len);
		c[at] ^= 0x5a;
		ws = rs_store_open_mem(c, len, "flip", NULL, NULL, &err);
		flips++;
		check_count++;
		if (ws != NULL || (strstr(err.msg, "corrupt") == NULL &&
		    strstr(err.msg, "not a reelscope workspace") == NULL &&
		    strstr(err.msg, "newer") == NULL)) {
			check_failures++;
			fprintf(stderr, "flipped byte %zu: %s\n", at, ws ? "opened" : err.msg);
		}
		rs_workspace_free(ws);
	}
	printf("  %zu flips in %.2fs, %zu sections\n", flips, now() - t0, nspans);
	for (size_t s = 0; s < nspans; s++)
		for (size_t i = 0; i < sp[s].len; i += all ? 1 : sampled(i, sp[s].len, 24, 24, 16))
			for (size_t d = 0; d < sizeof deltas; d++) {
				rs_error err;
				rs_workspace *ws;
				memcpy(c, b, len);
				c[sp[s].start + i] ^= deltas[d];
				rechecksum(c, len, &sp[s]);
				ws = rs_store_open_mem(c, len, "mutant", NULL, NULL, &err);
				if (ws != NULL) {
					exercise(ws);
					rs_workspace_free(ws);
					opened++;
				} else {
					check_count++;
					if (strstr(err.msg, "mutant") == NULL) {
						check_failures++;
						fprintf(stderr, "mutant message: %s\n", err.msg);
					}
					refused++;
				}
			}
	printf("  %zu flipped bytes refused; %zu re-checksummed mutants: %zu refused, %zu opened sound\n",
	    flips, refused + opened, refused, opened);
	free(sp);
	free(c);
	free(b);
}

static void
test_bad_files(rs_workspace *ws)
{
	rs_error err;
	size_t len;
	unsigned char *b;
	const char *p = path_in("ws.rsw"), *q = path_in("bad.rsw");

	CHECK(rs_store_save(ws, p, NULL, NULL, NULL, &err) == 0);
	b = slurp(p, &len);
	/* a CSV */
	spill(q, "user,item,rating\n1,2,5\n", 23);
	CHECK(rs_store_open(q, NULL, NULL, &err) == NULL);
	CHECK(has(err.msg, "not a reelscope workspace (it is a text file"));
	CHECK(rs_store_probe(q, &err) == 0 && rs_store_probe(p, &err) == 1);
	/* a newer format, its header checksum right */
	unsigned char head[32];
	memcpy(head, b, 32);
	b[8] = 2;
	put32(b + 12, (uint32_t)crc32(crc32(0, b, 12), b + 16, 16));
	spill(q, b, len);
	CHECK(rs_store_open(q, NULL, NULL, &err) == NULL);
	CHECK(has(err.msg, "newer reelscope (workspace format 2"));
	/* the same byte damaged */
	b[8] = 1;
	b[9] = 1;
	spill(q, b, len);
	CHECK(rs_store_open(q, NULL, NULL, &err) == NULL);
	CHECK(has(err.msg, "corrupt: file header checksum mismatch"));
	memcpy(b, head, 32);
	/* bytes appended */
	{
		unsigned char *l = malloc(len + 3);
		memcpy(l, b, len);
		memcpy(l + len, "abc", 3);
		spill(q, l, len + 3);
		free(l);
		CHECK(rs_store_open(q, NULL, NULL, &err) == NULL);
		CHECK(has(err.msg, "3 bytes after the end"));
	}
	/* a payload byte: that section's checksum */
	b[32 + 24 + 2] ^= 1;
	spill(q, b, len);
	CHECK(rs_store_open(q, NULL, NULL, &err) == NULL);
	CHECK(has(err.msg, "corrupt: section 1 (WSPC) checksum mismatch"));
	/* a folder, a missing file */
	CHECK(rs_store_open(tmp, NULL, NULL, &err) == NULL && has(err.msg, "is a folder"));
	CHECK(rs_store_open(path_in("nope.rsw"), NULL, NULL, &err) == NULL &&
	    has(err.msg, "No such file"));
	free(b);
}

/* A kind that cannot save, and a kind the reader does not have. */
static int
fake_save(const rs_model *m, void **buf, size_t *len)
{
	(void)m;
	*buf = malloc(1);
	*len = 0;
	return 0;
}

static void
test_kinds(rs_workspace *ws)
{
	rs_model_kind nosave = *rs_model_kinds[0], alien = *rs_model_kinds[0];
	rs_model *m = calloc(1, sizeof *m);
	rs_error err;
	const char *p = path_in("kinds.rsw");
	struct stat st;

	nosave.name = "nosave";
	nosave.save = NULL;
	m->name = strdup("lazy");
	m->kind = &nosave;
	m->state = malloc(4);
	m->popularity = calloc(1, sizeof *m->popularity);
	nosave.free_state = NULL;
	rs_workspace_add_model(ws, m);
	unlink(p);
	CHECK(rs_store_save(ws, p, NULL, NULL, NULL, &err) != 0);
	CHECK(has(err.msg, "model lazy cannot be saved: kind nosave has no save"));
	CHECK(stat(p, &st) != 0);
	alien.name = "alien";
	alien.save = fake_save;
	m->kind = &alien;
	CHECK(rs_store_save(ws, p, NULL, NULL, NULL, &err) == 0);
	CHECK(rs_store_open(p, NULL, NULL, &err) == NULL);
	CHECK(has(err.msg, "model lazy is of kind alien, which this reelscope does not have"));
	free(m->state);
	m->state = NULL;
	m->kind = rs_model_kinds[0];
	rs_workspace_drop_model(ws, "lazy");
}

static int
cancel_progress(void *ctx, const char *task, double done, double total)
{
	(void)ctx;
	(void)total;
	return strcmp(task, "save") == 0 && done > 100000;
}

/* Failed writes leave the previous file as it was, and no temporary file. */
static void
test_failed_writes(rs_workspace *small, rs_workspace *big)
{
	rs_error err;
	const char *p = path_in("keep.rsw");
	size_t n0, n1;
	unsigned char *before, *after;
	struct rlimit rl, low;
	rs_hooks h = { cancel_progress, NULL, NULL };
	rs_store_opts o;

	CHECK(rs_store_save(small, p, NULL, NULL, NULL, &err) == 0);
	before = slurp(p, &n0);
	/* big is another workspace: forced over small's file */
	rs_store_opts_init(&o);
	o.force = true;
	/* a full disk: the file size limit stops writes with EFBIG */
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &rl);
	low = rl;
	low.rlim_cur = 64 * 1024;
	CHECK(setrlimit(RLIMIT_FSIZE, &low) == 0);
	CHECK(rs_store_save(big, p, &o, NULL, NULL, &err) != 0);
	setrlimit(RLIMIT_FSIZE, &rl);
	CHECK(has(err.msg, "cannot write"));
	after = slurp(p, &n1);
	CHECK(n0 == n1 && memcmp(before, after, n0) == 0);
	free(after);
	CHECK(count_prefixed(".keep.rsw.tmp-") == 0);
	/* Ctrl-C while writing */
	CHECK(rs_store_save(big, p, &o, NULL, &h, &err) != 0);
	CHECK(err.code == RS_ECANCEL);
	after = slurp(p, &n1);
	CHECK(n0 == n1 && memcmp(before, after, n0) == 0);
	free(after);
	CHECK(count_prefixed(".keep.rsw.tmp-") == 0);
	/* a folder where the folder should be a file's */
	spill(path_in("plain"), "x", 1);
	CHECK(rs_store_save(small, path_in("plain/ws.rsw"), NULL, NULL, NULL, &err) != 0);
	CHECK(has(err.msg, "Not a directory"));
	CHECK(rs_store_save(small, tmp, NULL, NULL, NULL, &err) != 0);
	CHECK(has(err.msg, "is a folder"));
	/* another kind of file: only with force */
	spill(path_in("notes.txt"), "my notes\n", 9);
	CHECK(rs_store_save(small, path_in("notes.txt"), NULL, NULL, NULL, &err) != 0);
	CHECK(has(err.msg, "exists and is not a reelscope workspace"));
	after = slurp(path_in("notes.txt"), &n1);
	CHECK(n1 == 9 && memcmp(after, "my notes\n", 9) == 0);
	free(after);
	rs_store_opts_init(&o);
	o.force = true;
	CHECK(rs_store_save(small, path_in("notes.txt"), &o, NULL, NULL, &err) == 0);
	CHECK(rs_store_probe(path_in("notes.txt"), &err) == 1);
	/* not a regular file, even with force */
	CHECK(rs_store_save(small, "/dev/null", &o, NULL, NULL, &err) != 0);
	CHECK(has(err.msg, "not a regular file"));
	if (geteuid() != 0) {
		/* a folder without write permission (root ignores it) */
		const char *d = path_in("ro");
		mkdir(d, 0500);
		CHECK(rs_store_save(small, path_in("ro/ws.rsw"), NULL, NULL, NULL, &err) != 0);
		CHECK(has(err.msg, "Permission denied"));
		rmdir(d);
	}
	free(before);
}

static void
rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[768];

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (unlink(p) != 0)
			rm_tree(p);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

#define STEP(call) do { double t_ = now(); call; \
	printf("  %-40s %.2fs\n", #call, now() - t_); } while (0)

int
main(void)
{
	rs_workspace *big, *small, *plain;

	snprintf(tmp, sizeof tmp, "%s/rs-store-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	double t0 = now();

	setvbuf(stdout, NULL, _IOLBF, 0);
	big = make_workspace(20000, 60, 300, true, true, 1);
	{
		/* the wide log reaches every storage */
		const rs_table *t = &rs_workspace_base(big)->log.cols;
		const char *names[] = { "rating", "stamp", "d16", "tag", "dec", "f32", "f64" };
		const enum rs_col_store want[] = { RS_STORE_DICT8, RS_STORE_I32,
			RS_STORE_DICT16, RS_STORE_STR, RS_STORE_DEC32, RS_STORE_F32, RS_STORE_F64 };
		for (int k = 0; k < 7; k++)
			CHECK(t->cols[rs_table_find(t, names[k])]->store == want[k]);
		CHECK(rs_workspace_nmodels(big) >= 2);
		CHECK(rs_workspace_nresults(big) == rs_workspace_nmodels(big));
	}
	small = make_workspace(120, 8, 20, false, true, 2);
	plain = make_workspace(500, 20, 50, false, false, 0);
	printf("  built the workspaces in %.2fs\n", now() - t0);
	STEP(test_round_trip(big, "big.rsw", 2));
	STEP(test_round_trip(small, "small.rsw", 2));
	STEP(test_round_trip(plain, "plain.rsw", 1));
	STEP(test_truncation("big.rsw"));
	{
		size_t n;
		free(slurp(path_in("small.rsw"), &n));
		printf("  small.rsw: %zu bytes\n", n);
	}
	STEP(test_damage("small.rsw"));
	STEP(test_bad_files(small));
	STEP(test_kinds(plain));
	STEP(test_failed_writes(small, big));
	rs_workspace_free(big);
	rs_workspace_free(small);
	rs_workspace_free(plain);
	rm_tree(tmp);
	return check_done("test-store");
}
