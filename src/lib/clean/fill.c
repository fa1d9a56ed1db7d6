/* clean fill: missing values of one column from the mean, median or mode (overall or per group), or a constant. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"
#include "util/strtab.h"
#include "util/text.h"
#include "util/xmalloc.h"

#define NO_GROUP UINT32_MAX

/* What the groups of by= are. */
enum group_kind { G_ITEM, G_USER, G_CREATOR, G_COLUMN };

struct grouping {
	enum group_kind kind;
	const rs_column *col;	/* G_COLUMN: the column whose values group */
	char col_table;		/* its table: 'l', 'i' or 'u' */
};

/* Dense ids for 64-bit keys (open addressing). */
struct keymap {
	uint64_t *keys;
	uint32_t *ids;		/* id + 1, 0 = empty slot */
	size_t cap;
	uint32_t n;
};

static uint32_t
keymap_id(struct keymap *m, uint64_t key)
{
	size_t j;

	if (2 * ((size_t)m->n + 1) > m->cap) {
		struct keymap g = { 0 };
		g.cap = m->cap ? 2 * m->cap : 1024;
		g.keys = xmalloc(g.cap * sizeof *g.keys);
		g.ids = xcalloc(g.cap, sizeof *g.ids);
		for (size_t i = 0; i < m->cap; i++)
			if (m->ids[i]) {
				size_t s = (size_t)((m->keys[i] * 0x9e3779b97f4a7c15ULL) >> 17) & (g.cap - 1);
				while (g.ids[s])
					s = (s + 1) & (g.cap - 1);
				g.keys[s] = m->keys[i];
				g.ids[s] = m->ids[i];
			}
		g.n = m->n;
		free(m->keys);
		free(m->ids);
		*m = g;
	}
	j = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 17) & (m->cap - 1);
	while (m->ids[j] && m->keys[j] != key)
		j = (j + 1) & (m->cap - 1);
	if (!m->ids[j]) {
		m->keys[j] = key;
		m->ids[j] = ++m->n;
	}
	return m->ids[j] - 1;
}

/* Decide what by= names for a column of table where. */
static int
resolve_by(const rs_dataset *ds, char where, const rs_column *target,
    const char *by, struct grouping *g, rs_error *err)
{
	const rs_log *log = &ds->log;
	bool is_item = strcmp(by, "item") == 0 || (log->item_col && strcmp(by, log->item_col) == 0);
	bool is_user = strcmp(by, "user") == 0 || (log->user_col && strcmp(by, log->user_col) == 0);
	bool is_creator = strcmp(by, "creator") == 0 ||
	    (ds->creator_from && strcmp(by, ds->creator_from) == 0);
	char bw;
	int j;

	if (is_creator && ds->item_creator != NULL && where != 'u') {
		g->kind = G_CREATOR;
		return 0;
	}
	if (is_creator && strcmp(by, "creator") == 0) {
		rs_error_set(err, RS_EINVAL, where == 'u' ?
		    "by=creator groups items, not users" :
		    "by=creator: the dataset has no creators (load ... creator=COLUMN)");
		return -1;
	}
	if (where == 'l' && is_item) {
		g->kind = G_ITEM;
		return 0;
	}
	if (where == 'l' && is_user) {
		g->kind = G_USER;
		return 0;
	}
	if (is_item || is_user) {
		rs_error_set(err, RS_EINVAL,
		    "by=%s: every row of the %s table is its own group; group by creator or another column",
		    by, clean_table_name(where));
		return -1;
	}
	g->kind = G_COLUMN;
	if (where == 'l')
		g->col = clean_column(ds, by, NULL, &bw, &j, err);
	else
		g->col = clean_column(ds, by, clean_table_name(where), &bw, &j, err);
	if (g->col == NULL) {
		if (err != NULL) {
			char msg[sizeof err->msg];
			snprintf(msg, sizeof msg, "%s", err->msg);
			rs_error_set(err, RS_EINVAL, "by=: %.900s", msg);
		}
		return -1;
	}
	if (g->col == target) {
		rs_error_set(err, RS_EINVAL, "by=%s is the column being filled", by);
		return -1;
	}
	g->col_table = bw;
	return 0;
}

/* The dense group of every row of the target table (NO_GROUP: none). */
static uint32_t *
group_rows(const rs_dataset *ds, char where, size_t nrows,
    const struct grouping *g, size_t *ngroups)
{
	uint32_t *grp = xmalloc((nrows ? nrows : 1) * sizeof *grp);
	struct keymap m = { 0 };
	uint32_t nitems = rs_ids_count(ds->items), nusers = rs_ids_count(ds->users);

	*ngroups = g->kind == G_ITEM ? nitems : g->kind == G_USER ? nusers :
	    g->kind == G_CREATOR ? rs_ids_count(ds->creators) : 0;
	for (size_t r = 0; r < nrows; r++) {
		uint32_t item = where == 'l' ? ds->log.item[r] : (uint32_t)r;
		uint32_t user = where == 'l' ? ds->log.user[r] : (uint32_t)r;
		size_t src;
		bool missing;
		uint64_t key;
		switch (g->kind) {
		case G_ITEM:
			grp[r] = item;
			break;
		case G_USER:
			grp[r] = user;
			break;
		case G_CREATOR:
			grp[r] = item < nitems ? ds->item_creator[item] : NO_GROUP;
			if (grp[r] == RS_NONE)
				grp[r] = NO_GROUP;
			break;
		case G_COLUMN:
			src = g->col_table == where ? r : g->col_table == 'i' ? item : user;
			grp[r] = NO_GROUP;
			if (src < g->col->n) {
				key = clean_value_key(g->col, src, &missing);
				if (!missing)
					grp[r] = keymap_id(&m, key);
			}
			break;
		}
	}
	if (g->kind == G_COLUMN)
		*ngroups = m.n;
	free(m.keys);
	free(m.ids);
	return grp;
}

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

/* The statistic of a[0..n) (reordered), NAN when n == 0. Modes tie to the
 * smallest value (for text, the value met first in the column). */
static double
statistic(enum rs_fill_method m, double *a, size_t n)
{
	double sum = 0, best;
	size_t bestn = 0;

	if (n == 0)
		return NAN;
	switch (m) {
	case RS_FILL_MEAN:
		for (size_t i = 0; i < n; i++)
			sum += a[i];
		return sum / (double)n;
	case RS_FILL_MEDIAN:
		return clean_median(a, n);
	case RS_FILL_MODE:
		qsort(a, n, sizeof *a, cmp_double);
		best = a[0];
		for (size_t i = 0; i < n;) {
			size_t j = i + 1;
			while (j < n && a[j] == a[i])
				j++;
			if (j - i > bestn) {
				bestn = j - i;
				best = a[i];
			}
			i = j;
		}
		return best;
	case RS_FILL_CONSTANT:
		break;
	}
	return NAN;
}

static void
value_text(const rs_column *c, double x, char *buf, size_t size)
{
	if (c->store == RS_STORE_STR)
		snprintf(buf, size, "%s", util_strtab_get(c->strs, (uint32_t)x));
	else if (c->kind == RS_COL_TIME)
		util_format_datetime(x, false, buf, size);
	else
		util_format_number(x, false, buf, size);
}

/* The constant of method=constant as a value of c. */
static int
constant_value(const rs_column *c, const char *text, double *x, int *decimals,
    rs_error *err)
{
	size_t len = strlen(text);

	if (c->kind == RS_COL_TEXT)
		return 0;
	if (c->kind == RS_COL_TIME && util_parse_datetime(text, len, x)) {
		*decimals = 3;
		return 0;
	}
	if (util_parse_number(text, len, x, decimals) == NUM_OK)
		return 0;
	rs_error_set(err, RS_EINVAL, "value=%s is not a number (%s holds %s)", text,
	    c->name, c->kind == RS_COL_TIME ? "times" : "numbers");
	return -1;
}

static const char *const fill_mnames[] = { "median", "mean", "mode", "constant" };

/* Each group's statistic (NAN for a group without values): present values
 * grouped by a counting sort, so every group's statistic takes time linear
 * in its size. */
static double *
group_statistics(const rs_column *c, const double *x, const uint32_t *grp,
    size_t ngroups, enum rs_fill_method fill, rs_clean_result *res)
{
	size_t *ptr = xcalloc(ngroups + 2, sizeof *ptr), *fillp;
	double *vals, *gstat;

	for (size_t r = 0; r < c->n; r++)
		if (grp[r] != NO_GROUP && !isnan(x[r]))
			ptr[grp[r] + 1]++;
	for (size_t q = 0; q < ngroups; q++)
		ptr[q + 1] += ptr[q];
	fillp = xmalloc((ngroups + 1) * sizeof *fillp);
	memcpy(fillp, ptr, (ngroups + 1) * sizeof *fillp);
	vals = xmalloc((ptr[ngroups] + 1) * sizeof *vals);
	for (size_t r = 0; r < c->n; r++)
		if (grp[r] != NO_GROUP && !isnan(x[r]))
			vals[fillp[grp[r]]++] = x[r];
	gstat = xmalloc((ngroups + 1) * sizeof *gstat);
	for (size_t q = 0; q < ngroups; q++) {
		gstat[q] = statistic(fill, vals + ptr[q], ptr[q + 1] - ptr[q]);
		res->groups += ptr[q + 1] > ptr[q];
	}
	free(vals);
	free(fillp);
	free(ptr);
	return gstat;
}

/* One fill: the column's values once (NAN = missing), the groups, the
 * statistics, then the rows to change and their new values. */
struct fill_run {
	rs_dataset *ds;
	const rs_clean_params *p;
	const rs_column *c;
	char where;
	double *x;
	size_t nmiss, npresent;
	uint32_t *grp;		/* NULL without by= */
	double *gstat;
	double overall;
	int decimals;
	size_t *rows;		/* the missing rows, and what they get */
	double *vals;
	size_t k;
};

/* The overall statistic, and with by= the groups' own; an error when there
 * is nothing to compute it from. */
static int
fill_statistics(struct fill_run *f, struct grouping *g, rs_clean_result *res,
    rs_error *err)
{
	const rs_clean_params *p = f->p;
	const rs_column *c = f->c;
	double *all;
	size_t ngroups = 0;

	if (p->fill == RS_FILL_CONSTANT)
		return constant_value(c, p->value, &f->overall, &f->decimals, err);
	all = xmalloc((f->npresent + 1) * sizeof *all);
	for (size_t r = 0, m = 0; r < c->n; r++)
		if (!isnan(f->x[r]))
			all[m++] = f->x[r];
	if (p->by != NULL) {
		f->grp = group_rows(f->ds, f->where, c->n, g, &ngroups);
		f->gstat = group_statistics(c, f->x, f->grp, ngroups, p->fill, res);
	}
	f->overall = statistic(p->fill, all, f->npresent);
	free(all);
	if (f->nmiss > 0 && f->npresent == 0) {
		rs_error_set(err, RS_EINVAL, "%s has no values to compute a %s from",
		    c->name, fill_mnames[p->fill]);
		return -1;
	}
	return 0;
}

/* The missing values and what they get: their group's statistic when it
 * has one, else the overall one (counted as a fallback with by=). */
static void
fill_targets(struct fill_run *f, rs_clean_result *res)
{
	const rs_column *c = f->c;

	f->rows = xmalloc((f->nmiss + 1) * sizeof *f->rows);
	f->vals = xmalloc((f->nmiss + 1) * sizeof *f->vals);
	for (size_t r = 0; r < c->n; r++) {
		double v = f->overall;
		if (!isnan(f->x[r]))
			continue;
		if (f->grp != NULL && f->grp[r] != NO_GROUP && !isnan(f->gstat[f->grp[r]])) {
			v = f->gstat[f->grp[r]];
			if (c->store != RS_STORE_STR)
				v = clean_round(c, v, 0);
			res->from_group++;
		} else if (f->grp != NULL)
			res->fallback++;
		f->rows[f->k] = r;
		f->vals[f->k++] = v;
	}
	res->changed = f->k;
}

/* A copy of the data with the column replaced (text columns by string,
 * numbers with the statistic's decimals). */
static rs_dataset *
fill_apply(const struct fill_run *f, int j)
{
	const rs_column *c = f->c;
	rs_dataset *out = rs_dataset_copy(f->ds);
	rs_table *tab = f->where == 'l' ? &out->log.cols : f->where == 'i' ?
	    &out->item_tbl : &out->user_tbl;

	if (c->store == RS_STORE_STR) {
		const char **texts = xmalloc((f->k + 1) * sizeof *texts);
		for (size_t i = 0; i < f->k; i++)
			texts[i] = f->p->fill == RS_FILL_CONSTANT ? f->p->value :
			    util_strtab_get(c->strs, (uint32_t)f->vals[i]);
		clean_table_set(tab, j, clean_column_replace_text(c, f->rows, texts, f->k));
		free(texts);
	} else
		clean_table_set(tab, j, clean_column_replace(c, f->rows, f->vals, f->k,
		    f->decimals));
	return out;
}

/* The reasons and summary the report shows, and the filled log rows
 * checked against the injected missing durations. */
static void
fill_report(const struct fill_run *f, rs_clean_result *res)
{
	const rs_clean_params *p = f->p;
	size_t k = f->k;

	if (f->grp != NULL) {
		if (res->from_group)
			clean_reason(res, res->from_group, "%s of its %s group",
			    fill_mnames[p->fill], p->by);
		if (res->fallback)
			clean_reason(res, res->fallback, "overall %s %s (no %s group values)",
			    fill_mnames[p->fill], res->fill_text, p->by);
	} else if (k)
		clean_reason(res, k, "%s %s", p->fill == RS_FILL_CONSTANT ? "constant" :
		    fill_mnames[p->fill], res->fill_text);
	clean_summary(res, "filled %zu missing value%s of %s (%s%s%s)", k, clean_s(k),
	    f->c->name, fill_mnames[p->fill], p->by ? " by " : "", p->by ? p->by : "");
	if (f->where == 'l') {
		uint8_t *flag = xcalloc(f->c->n + 1, 1);
		for (size_t i = 0; i < k; i++)
			flag[f->rows[i]] = 1;
		clean_truth_rows(f->ds, flag, DIRT_BIT(RS_DIRT_MISSING_DURATION), res);
		free(flag);
	}
}

rs_dataset *
clean_fill(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, rs_error *err)
{
	struct fill_run f;
	int j;
	struct grouping g = { G_ITEM, NULL, 0 };
	rs_dataset *out = NULL;

	(void)hooks;
	memset(&f, 0, sizeof f);
	f.ds = ds;
	f.p = p;
	f.overall = NAN;
	if ((f.c = clean_column(ds, p->column, p->table, &f.where, &j, err)) == NULL)
		return NULL;
	snprintf(res->column, sizeof res->column, "%s", f.c->name);
	res->table = f.where;
	if ((p->fill == RS_FILL_MEAN || p->fill == RS_FILL_MEDIAN) &&
	    clean_need_number(f.c, p->fill == RS_FILL_MEAN ? "method=mean" :
	    "method=median (method=mode or constant work on text)", err) != 0)
		return NULL;
	if (p->by != NULL && resolve_by(ds, f.where, f.c, p->by, &g, err) != 0)
		return NULL;
	f.decimals = f.c->decimals;
	/* every value once: numbers, or text as string codes; NAN = missing */
	f.x = clean_all_values(f.c);
	for (size_t r = 0; r < f.c->n; r++) {
		if (isnan(f.x[r]))
			f.nmiss++;
		else
			f.npresent++;
	}
	if (fill_statistics(&f, &g, res, err) != 0)
		goto out;
	if (f.c->store != RS_STORE_STR && p->fill != RS_FILL_CONSTANT)
		f.overall = clean_round(f.c, f.overall, 0);
	res->fill_value = f.c->store == RS_STORE_STR ? NAN : f.overall;
	if (p->fill == RS_FILL_CONSTANT && f.c->store == RS_STORE_STR)
		snprintf(res->fill_text, sizeof res->fill_text, "%s", p->value);
	else if (!isnan(f.overall))
		value_text(f.c, f.overall, res->fill_text, sizeof res->fill_text);
	fill_targets(&f, res);
	out = fill_apply(&f, j);
	clean_counts_after(out, res);
	fill_report(&f, res);
out:
	free(f.x);
	free(f.rows);
	free(f.vals);
	free(f.grp);
	free(f.gstat);
	return out;
}
