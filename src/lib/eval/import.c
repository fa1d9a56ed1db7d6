/* Reading top-k lists produced elsewhere (user, item, rank and/or score) into an imported model. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/eval.h"
#include "reelscope/split.h"
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

rs_model *
rs_import_recs(const rs_dataset *ds, const char *path, const char *name,
    const rs_import_opts *o, rs_import_report *rep, const rs_hooks *hooks,
    rs_error *err)
{
	static const char *const rank_names[] = { "rank", "position", "pos", NULL };
	static const char *const score_names[] = { "score", "prediction", "pred",
		"rating", "value", NULL };
	static const char *const anon_rank[] = { "col3", NULL };
	static const char *const anon_score[] = { "col4", NULL };
	rs_dataset *tmp = rs_dataset_new();
	struct file_spec fs;
	struct log_roles roles;
	rs_log log;
	uint32_t nu = rs_ids_count(ds->users), ni = rs_ids_count(ds->items);
	int jr, js;
	const rs_column *rc = NULL, *sc = NULL;
	uint64_t *cnt = NULL;
	struct entry *ent = NULL;
	struct imported_lists *lists = NULL;
	uint8_t *useen = NULL, *iseen = NULL;
	rs_model *m = NULL;
	rs_imat *train = NULL;
	char *keys[] = { "file" };
	char *vals[] = { (char *)path };
	rs_hooks quiet;
	size_t *line = NULL;	/* each data row's line in the file */

	memset(rep, 0, sizeof *rep);
	memset(&log, 0, sizeof log);
	/* read with copies of the data's ids: unknown ids get new indices */
	rs_ids_free(tmp->users);
	rs_ids_free(tmp->items);
	tmp->users = rs_ids_copy(ds->users);
	tmp->items = rs_ids_copy(ds->items);
	memset(&fs, 0, sizeof fs);
	fs.path = path;
	fs.display = path;
	fs.delim = o->delim;
	fs.header = o->header;
	fs.enc = ENC_UTF8;
	fs.lines = &line;
	memset(&roles, 0, sizeof roles);
	roles.user = o->user;
	roles.item = o->item;
	/* progress only: the loader's notes describe a log, not lists */
	if (hooks != NULL) {
		quiet = *hooks;
		quiet.note = NULL;
	}
	if (load_log(tmp, &log, &fs, &roles, "recs", hooks ? &quiet : NULL, err) != 0)
		goto fail;
	jr = pick(&log, o->rank, rank_names, "rank", path, err);
	js = pick(&log, o->score, score_names, "score", path, err);
	if (jr == -2 || js == -2)
		goto fail;
	if (jr < 0 && js < 0 && o->rank == NULL && o->score == NULL) {
		/* a file without header: user, item, rank[, score] */
		jr = pick(&log, NULL, anon_rank, "rank", path, err);
		js = pick(&log, NULL, anon_score, "score", path, err);
	}
	if (jr < 0 && js < 0) {
		rs_error_set(err, RS_EPARSE,
		    "%s: no rank or score column (name one rank, position, score or prediction, or give rank=COL / score=COL)",
		    path);
		goto fail;
	}
	rc = jr >= 0 ? log.cols.cols[jr] : NULL;
	sc = jr < 0 ? log.cols.cols[js] : NULL;
	if ((rc ? rc : sc)->kind == RS_COL_TEXT) {
		rs_error_set(err, RS_EPARSE, "%s: column %s holds text, not %s", path,
		    (rc ? rc : sc)->name, rc ? "ranks" : "scores");
		goto fail;
	}
	rep->by_score = rc == NULL;
	rep->rows = log.n;
	/* check values and count known rows per user */
	cnt = xcalloc((size_t)nu + 1, sizeof *cnt);
	useen = xcalloc(rs_ids_count(tmp->users) + 1, 1);
	iseen = xcalloc(rs_ids_count(tmp->items) + 1, 1);
	for (size_t r = 0; r < log.n; r++) {
		uint32_t u = log.user[r], it = log.item[r];
		double v = rs_column_get(rc ? rc : sc, r);
		if (rc != NULL && (!(v >= 1) || v != floor(v) || v > 4e9)) {
			char shown[32];
			if (isnan(v))
				snprintf(shown, sizeof shown, "nothing");
			else
				snprintf(shown, sizeof shown, "%g", v);
			rs_error_set(err, RS_EPARSE,
			    "%s:%zu: rank must be a whole number from 1 (found %s)",
			    path, line[r], shown);
			goto fail;
		}
		if (rc == NULL && !isfinite(v)) {
			rs_error_set(err, RS_EPARSE, "%s:%zu: the score is missing or not finite",
			    path, line[r]);
			goto fail;
		}
		if (u >= nu) {
			rep->unknown_user_rows++;
			if (!useen[u]) {
				useen[u] = 1;
				if (rep->unknown_users++ == 0)
					snprintf(rep->unknown_user_example,
					    sizeof rep->unknown_user_example, "%s",
					    rs_ids_name(tmp->users, u));
			}
			continue;
		}
		if (it >= ni) {
			rep->unknown_item_rows++;
			if (!iseen[it]) {
				iseen[it] = 1;
				if (rep->unknown_items++ == 0)
					snprintf(rep->unknown_item_example,
					    sizeof rep->unknown_item_example, "%s",
					    rs_ids_name(tmp->items, it));
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
		    path, log.n, rep->unknown_users ? "user" : "item",
		    rep->unknown_users ? rep->unknown_user_example : rep->unknown_item_example);
		goto fail;
	}
	ent = xmalloc(cnt[nu] * sizeof *ent);
	{
		uint64_t *fill = xmalloc(((size_t)nu + 1) * sizeof *fill);
		memcpy(fill, cnt, ((size_t)nu + 1) * sizeof *fill);
		for (size_t r = 0; r < log.n; r++) {
			uint32_t u = log.user[r], it = log.item[r];
			struct entry *e;
			if (u >= nu || it >= ni)
				continue;
			e = &ent[fill[u]++];
			e->item = it;
			e->key = rc ? rs_column_get(rc, r) : -rs_column_get(sc, r);
			e->row = r;
		}
		free(fill);
	}
	/* the model's training matrix: what the split trains on */
	{
		rs_imat_opts io;
		rs_imat_opts_init(&io);
		io.signal = "none";
		io.binary = true;
		if ((train = rs_imat_build(ds, &ds->log, &io, err)) == NULL)
			goto fail;
	}
	lists = xcalloc(1, sizeof *lists);
	lists->nusers = nu;
	lists->ptr = xcalloc((size_t)nu + 1, sizeof *lists->ptr);
	lists->item = xmalloc(cnt[nu] * sizeof *lists->item);
	lists->score = xmalloc(cnt[nu] * sizeof *lists->score);
	memset(iseen, 0, rs_ids_count(tmp->items) + 1);
	{
		uint64_t o2 = 0;
		for (uint32_t u = 0; u < nu; u++) {
			struct entry *e = ent + cnt[u];
			size_t n = cnt[u + 1] - cnt[u], len = 0;
			lists->ptr[u] = o2;
			qsort(e, n, sizeof *e, cmp_entry);
			for (size_t j = 0; j < n; j++) {
				if (j > 0 && e[j].key == e[j - 1].key) {
					if (rc != NULL) {
						rs_error_set(err, RS_EPARSE,
						    "%s:%zu: user %s has rank %.0f twice (first on line %zu)",
						    path, line[e[j].row], rs_ids_name(ds->users, u),
						    e[j].key, line[e[j - 1].row]);
						goto fail;
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
	}
	m = rs_model_new(rs_kind_imported.name, name, keys, vals, 1, err);
	if (m == NULL)
		goto fail;
	m->nusers = nu;
	m->nitems = ni;
	m->train = train;
	train = NULL;
	m->popularity = xcalloc(ni ? ni : 1, sizeof *m->popularity);
	for (uint32_t i = 0; i < ni; i++)
		m->popularity[i] = (float)(m->train->iptr[i + 1] - m->train->iptr[i]);
	m->state = lists;
	lists = NULL;
fail:
	if (lists != NULL)
		imported_lists_free(lists);
	rs_imat_free(train);
	free(ent);
	free(cnt);
	free(useen);
	free(iseen);
	free(line);
	rs_log_clear(&log);
	rs_dataset_free(tmp);
	return m;
}
