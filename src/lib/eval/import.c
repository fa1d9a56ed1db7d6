/* Reading top-k lists produced elsewhere (user, item, rank and/or score) into an imported model. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/eval.h"
#include "reelscope/split.h"
#include "eval/eval-int.h"
#include "io/io.h"
#include "model/imported.h"
#include "util/xmalloc.h"

void
rs_import_opts_init(rs_import_opts *o)
{
	memset(o, 0, sizeof *o);
	o->header = -1;
}

/* The column named by the user, or the first of the usual names; -1 when
 * none, -2 (error set) when a named column is missing. */
static int
pick(const rs_log *log, const char *named, const char *const *usual,
    const char *what, const char *path, rs_error *err)
{
	int j;

	if (named != NULL) {
		if ((j = rs_table_find(&log->cols, named)) < 0) {
			rs_error_set(err, RS_EINVAL, "%s: %s=%s: no such column", path, what,
			    named);
			return -2;
		}
		return j;
	}
	for (int k = 0; usual[k] != NULL; k++)
		if ((j = rs_table_find(&log->cols, usual[k])) >= 0)
			return j;
	return -1;
}

struct entry {
	uint32_t item;
	double key;		/* rank (ascending) or -score */
	size_t row;
};

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

/* What the phases of one import share, so each phase is a helper and
 * rs_import_recs frees it all in one place. */
struct import_run {
	const rs_dataset *ds;
	const char *path;
	rs_import_report *rep;
	rs_dataset *tmp;	/* the file's ids: copies of the data's, plus unknown ones */
	rs_log log;
	size_t *line;		/* each data row's line in the file */
	const rs_column *rc, *sc;	/* the rank column, or else the score column */
	uint32_t nu, ni;
	uint64_t *cnt;		/* known rows per user, then their offsets */
	struct entry *ent;
	uint8_t *useen, *iseen;
};

/* Read with copies of the data's ids so unknown ids get new indices and can
 * be counted rather than rejected. */
static int
import_read(struct import_run *r, const rs_import_opts *o, const rs_hooks *hooks,
    rs_error *err)
{
	struct file_spec fs;
	struct log_roles roles;
	rs_hooks quiet;

	rs_ids_free(r->tmp->users);
	rs_ids_free(r->tmp->items);
	r->tmp->users = rs_ids_copy(r->ds->users);
	r->tmp->items = rs_ids_copy(r->ds->items);
	memset(&fs, 0, sizeof fs);
	fs.path = r->path;
	fs.display = r->path;
	fs.delim = o->delim;
	fs.header = o->header;
	fs.enc = ENC_UTF8;
	fs.no_skip_hint = true;	/* import recs has no --skip-bad */
	fs.lines = &r->line;
	memset(&roles, 0, sizeof roles);
	roles.user = o->user;
	roles.item = o->item;
	/* progress only: the loader's notes describe a log, not lists */
	if (hooks != NULL) {
		quiet = *hooks;
		quiet.note = NULL;
	}
	return io_load_log(r->tmp, &r->log, &fs, &roles, "recs", hooks ? &quiet : NULL,
	    err);
}

/* A named column wins; otherwise the usual names, then the positions of a
 * file without header, so lists from most tools import without options. */
static int
import_columns(struct import_run *r, const rs_import_opts *o, rs_error *err)
{
	static const char *const rank_names[] = { "rank", "position", "pos", NULL };
	static const char *const score_names[] = { "score", "prediction", "pred",
		"rating", "value", NULL };
	static const char *const anon_rank[] = { "col3", NULL };
	static const char *const anon_score[] = { "col4", NULL };
	const char *path = r->path;
	int jr, js;

	jr = pick(&r->log, o->rank, rank_names, "rank", path, err);
	js = pick(&r->log, o->score, score_names, "score", path, err);
	if (jr == -2 || js == -2)
		return -1;
	if (jr < 0 && js < 0 && o->rank == NULL && o->score == NULL) {
		/* a file without header: user, item, rank[, score] */
		jr = pick(&r->log, NULL, anon_rank, "rank", path, err);
		js = pick(&r->log, NULL, anon_score, "score", path, err);
	}
	if (jr < 0 && js < 0) {
		rs_error_set(err, RS_EPARSE,
		    "%s: no rank or score column (name one rank, position, score or prediction, or give rank=COL / score=COL)",
		    path);
		return -1;
	}
	r->rc = jr >= 0 ? r->log.cols.cols[jr] : NULL;
	r->sc = jr < 0 ? r->log.cols.cols[js] : NULL;
	if ((r->rc ? r->rc : r->sc)->kind == RS_COL_TEXT) {
		rs_error_set(err, RS_EPARSE, "%s: column %s holds text, not %s", path,
		    (r->rc ? r->rc : r->sc)->name, r->rc ? "ranks" : "scores");
		return -1;
	}
	return 0;
}

/* Bad ranks and scores stop the import with their line; unknown users and
 * items only count, so lists made on a wider catalogue still import. */
static int
import_count(struct import_run *r, rs_error *err)
{
	const rs_column *rc = r->rc, *sc = r->sc;
	rs_import_report *rep = r->rep;
	uint32_t nu = r->nu, ni = r->ni;
	uint64_t *cnt;

	cnt = r->cnt = xcalloc((size_t)nu + 1, sizeof *cnt);
	r->useen = xcalloc(rs_ids_count(r->tmp->users) + 1, 1);
	r->iseen = xcalloc(rs_ids_count(r->tmp->items) + 1, 1);
	for (size_t row = 0; row < r->log.n; row++) {
		uint32_t u = r->log.user[row], it = r->log.item[row];
		double v = rs_column_get(rc ? rc : sc, row);
		if (rc != NULL && (!(v >= 1) || v != floor(v) || v > 4e9)) {
			char shown[32];
			if (isnan(v))
				snprintf(shown, sizeof shown, "nothing");
			else
				snprintf(shown, sizeof shown, "%g", v);
			rs_error_set(err, RS_EPARSE,
			    "%s:%zu: rank must be a whole number from 1 (found %s)",
			    r->path, r->line[row], shown);
			return -1;
		}
		if (rc == NULL && !isfinite(v)) {
			rs_error_set(err, RS_EPARSE, "%s:%zu: the score is missing or not finite",
			    r->path, r->line[row]);
			return -1;
		}
		if (u >= nu) {
			rep->unknown_user_rows++;
			if (!r->useen[u]) {
				r->useen[u] = 1;
				if (rep->unknown_users++ == 0)
					snprintf(rep->unknown_user_example,
					    sizeof rep->unknown_user_example, "%s",
					    rs_ids_name(r->tmp->users, u));
			}
			continue;
		}
		if (it >= ni) {
			rep->unknown_item_rows++;
			if (!r->iseen[it]) {
				r->iseen[it] = 1;
				if (rep->unknown_items++ == 0)
					snprintf(rep->unknown_item_example,
					    sizeof rep->unknown_item_example, "%s",
					    rs_ids_name(r->tmp->items, it));
			}
			continue;
		}
		cnt[u + 1]++;
	}
	for (uint32_t u = 0; u < nu; u++)
		cnt[u + 1] += cnt[u];
	if (cnt[nu] == 0) {
		rs_error_set(err, RS_EINVAL,
		    "%s: none of the %zu rows names a user and an item of the loaded data (first unknown: %s %s)",
		    r->path, r->log.n, rep->unknown_users ? "user" : "item",
		    rep->unknown_users ? rep->unknown_user_example : rep->unknown_item_example);
		return -1;
	}
	return 0;
}

/* Group the known rows by user (counting sort on cnt) so each user's list
 * can be sorted on its own. */
static void
import_gather(struct import_run *r)
{
	uint32_t nu = r->nu;
	uint64_t *fill = xmalloc(((size_t)nu + 1) * sizeof *fill);

	r->ent = xmalloc(r->cnt[nu] * sizeof *r->ent);
	memcpy(fill, r->cnt, ((size_t)nu + 1) * sizeof *fill);
	for (size_t row = 0; row < r->log.n; row++) {
		uint32_t u = r->log.user[row], it = r->log.item[row];
		struct entry *e;
		if (u >= nu || it >= r->ni)
			continue;
		e = &r->ent[fill[u]++];
		e->item = it;
		e->key = r->rc ? rs_column_get(r->rc, row) : -rs_column_get(r->sc, row);
		e->row = row;
	}
	free(fill);
}

/* Sort each user's rows into a list; a repeated rank is an error, tied
 * scores and repeated items are only counted (the better rank is kept).
 * NULL with err set on a repeated rank. */
static struct imported_lists *
import_lists(struct import_run *r, const rs_imat *train, rs_error *err)
{
	rs_import_report *rep = r->rep;
	uint32_t nu = r->nu;
	uint64_t *cnt = r->cnt, o2 = 0;
	uint8_t *iseen = r->iseen;
	struct imported_lists *lists = xcalloc(1, sizeof *lists);

	lists->nusers = nu;
	lists->ptr = xcalloc((size_t)nu + 1, sizeof *lists->ptr);
	lists->item = xmalloc(cnt[nu] * sizeof *lists->item);
	lists->score = xmalloc(cnt[nu] * sizeof *lists->score);
	memset(iseen, 0, rs_ids_count(r->tmp->items) + 1);
	for (uint32_t u = 0; u < nu; u++) {
		struct entry *e = r->ent + cnt[u];
		size_t n = cnt[u + 1] - cnt[u], len = 0;
		lists->ptr[u] = o2;
		qsort(e, n, sizeof *e, cmp_entry);
		for (size_t j = 0; j < n; j++) {
			if (j > 0 && e[j].key == e[j - 1].key) {
				if (r->rc != NULL) {
					rs_error_set(err, RS_EPARSE,
					    "%s:%zu: user %s has rank %.0f twice (first on line %zu)",
					    r->path, r->line[e[j].row], rs_ids_name(r->ds->users, u),
					    e[j].key, r->line[e[j - 1].row]);
					model_imported_lists_free(lists);
					return NULL;
				}
				rep->tied_scores++;
			}
			if (iseen[e[j].item]) {
				rep->duplicate_items++;	/* keep the better rank */
				continue;
			}
			iseen[e[j].item] = 1;
			lists->item[o2 + len++] = e[j].item;
			if (!isnan(rs_imat_get(train, u, e[j].item)))
				rep->seen_in_training++;
		}
		for (size_t j = 0; j < len; j++) {
			lists->score[o2 + j] = (float)(len - j);
			iseen[lists->item[o2 + j]] = 0;
		}
		if (len > 0)
			rep->users++;
		if (len > rep->longest)
			rep->longest = (uint32_t)len;
		o2 += len;
	}
	lists->ptr[nu] = o2;
	rep->kept = o2;
	return lists;
}

rs_model *
rs_import_recs(const rs_dataset *ds, const char *path, const char *name,
    const rs_import_opts *o, rs_import_report *rep, const rs_hooks *hooks,
    rs_error *err)
{
	struct import_run r;
	struct imported_lists *lists = NULL;
	rs_model *m = NULL;
	rs_imat *train = NULL;
	rs_imat_opts io;
	char *keys[] = { "file" };
	char *vals[] = { (char *)path };

	memset(rep, 0, sizeof *rep);
	memset(&r, 0, sizeof r);
	r.ds = ds;
	r.path = path;
	r.rep = rep;
	r.tmp = rs_dataset_new();
	r.nu = rs_ids_count(ds->users);
	r.ni = rs_ids_count(ds->items);
	if (import_read(&r, o, hooks, err) != 0 || import_columns(&r, o, err) != 0)
		goto fail;
	rep->by_score = r.rc == NULL;
	rep->rows = r.log.n;
	if (import_count(&r, err) != 0)
		goto fail;
	import_gather(&r);
	/* the model's training matrix: what the split trains on */
	rs_imat_opts_init(&io);
	io.signal = "none";
	io.binary = true;
	if ((train = rs_imat_build(ds, &ds->log, &io, err)) == NULL)
		goto fail;
	if ((lists = import_lists(&r, train, err)) == NULL)
		goto fail;
	m = rs_model_new(rs_kind_imported.name, name, keys, vals, 1, err);
	if (m == NULL)
		goto fail;
	m->nusers = r.nu;
	m->nitems = r.ni;
	m->train = train;
	train = NULL;
	m->popularity = xcalloc(r.ni ? r.ni : 1, sizeof *m->popularity);
	for (uint32_t i = 0; i < r.ni; i++)
		m->popularity[i] = (float)(m->train->iptr[i + 1] - m->train->iptr[i]);
	m->state = lists;
	lists = NULL;
fail:
	if (lists != NULL)
		model_imported_lists_free(lists);
	rs_imat_free(train);
	free(r.ent);
	free(r.cnt);
	free(r.useen);
	free(r.iseen);
	free(r.line);
	rs_log_clear(&r.log);
	rs_dataset_free(r.tmp);
	return m;
}

uint32_t *
eval_imported_users(const rs_model *m, uint32_t nusers, uint32_t *n)
{
	const struct imported_lists *s = m->state;
	uint32_t *users, k = 0;

	*n = 0;
	if (!m->kind->imported || s == NULL)
		return NULL;
	users = xmalloc(((size_t)s->nusers + 1) * sizeof *users);
	for (uint32_t u = 0; u < s->nusers && u < nusers; u++)
		if (s->ptr[u + 1] > s->ptr[u])
			users[k++] = u;
	*n = k;
	return users;
}

rs_eval_result *
eval_imported_result(const rs_eval_ctx *c, const rs_model *m, uint32_t kmax)
{
	const struct imported_lists *s = m->state;
	rs_eval_result *r = xcalloc(1, sizeof *r);
	size_t cells = (size_t)c->neval * kmax;

	r->model = xstrdup(m->name);
	r->kind = xstrdup(m->kind->name);
	r->protocol = xstrdup("imported lists as given, no split");
	r->relevance = xstrdup(c->relevance_text);
	r->kmax = kmax;
	r->nusers = c->neval;
	r->users = xmalloc((c->neval ? c->neval : 1) * sizeof *r->users);
	r->lists = xmalloc((cells ? cells : 1) * sizeof *r->lists);
	r->list_scores = xmalloc((cells ? cells : 1) * sizeof *r->list_scores);
	for (uint32_t e = 0; e < c->neval; e++) {
		uint32_t u = c->users[e], j = 0;
		r->users[e] = u;
		if (s != NULL && u < s->nusers)
			for (uint64_t q = s->ptr[u]; q < s->ptr[u + 1] && j < kmax; q++) {
				if (s->item[q] >= c->nitems)
					continue;
				r->lists[(size_t)e * kmax + j] = s->item[q];
				r->list_scores[(size_t)e * kmax + j++] = s->score[q];
			}
		for (; j < kmax; j++) {
			r->lists[(size_t)e * kmax + j] = RS_NONE;
			r->list_scores[(size_t)e * kmax + j] = NAN;
		}
	}
	return r;
}
