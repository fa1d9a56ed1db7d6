/* Helpers the cleaning steps share: column lookup, selection quantiles, reasons, rebuilt columns. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"
#include "util/text.h"
#include "util/xmalloc.h"


const char *
clean_table_name(char where)
{
	return where == 'i' ? "items" : where == 'u' ? "users" : "log";
}

/* The nearest column name of the tables searched, within two edits. */
static const char *
nearest(const rs_table *const *tabs, size_t ntabs, const char *name)
{
	const char *best = NULL;
	size_t bestd = 3;

	for (size_t t = 0; t < ntabs; t++)
		for (size_t j = 0; j < tabs[t]->ncols; j++) {
			size_t d = util_edit_distance(name, tabs[t]->cols[j]->name);
			if (d < bestd) {
				bestd = d;
				best = tabs[t]->cols[j]->name;
			}
		}
	return best;
}

const rs_column *
clean_column(const rs_dataset *ds, const char *name, const char *table,
    char *where, int *index, rs_error *err)
{
	const rs_table *tabs[3];
	const char names[3] = { 'l', 'i', 'u' };
	char letters[3];
	size_t ntabs = 0;
	const char *near;

	if (name == NULL || *name == '\0') {
		rs_error_set(err, RS_EINVAL, "no column given");
		return NULL;
	}
	for (int t = 0; t < 3; t++) {
		const rs_table *tab = t == 0 ? &ds->log.cols : t == 1 ?
		    &ds->item_tbl : &ds->user_tbl;
		if (table != NULL && strcmp(table, clean_table_name(names[t])) != 0)
			continue;
		letters[ntabs] = names[t];
		tabs[ntabs++] = tab;
	}
	if (ntabs == 0) {
		rs_error_set(err, RS_EINVAL,
		    "table=%s: no such table (log, items or users)", table);
		return NULL;
	}
	for (size_t t = 0; t < ntabs; t++) {
		int j = rs_table_find(tabs[t], name);
		if (j >= 0) {
			if (where)
				*where = letters[t];
			if (index)
				*index = j;
			return tabs[t]->cols[j];
		}
	}
	if ((ds->log.user_col && strcmp(name, ds->log.user_col) == 0) ||
	    (ds->log.item_col && strcmp(name, ds->log.item_col) == 0)) {
		rs_error_set(err, RS_EINVAL, "%s is the %s id column, not a column of values",
		    name, strcmp(name, ds->log.user_col ? ds->log.user_col : "") == 0 ?
		    "user" : "item");
		return NULL;
	}
	near = nearest(tabs, ntabs, name);
	if (near != NULL)
		rs_error_set(err, RS_EINVAL,
		    "no column \"%s\"%s%s (did you mean %s? \"columns\" lists them)",
		    name, table ? " in the table " : "", table ? table : "", near);
	else
		rs_error_set(err, RS_EINVAL,
		    "no column \"%s\"%s%s (\"columns\" lists them)", name,
		    table ? " in the table " : "", table ? table : "");
	return NULL;
}

int
clean_need_number(const rs_column *c, const char *why, rs_error *err)
{
	if (c->kind != RS_COL_TEXT)
		return 0;
	rs_error_set(err, RS_EINVAL, "%s is a text column; %s needs numbers",
	    c->name, why);
	return -1;
}

const rs_column *
clean_time_column(const rs_dataset *ds, const char *why, rs_error *err)
{
	if (ds->log.time_col < 0) {
		rs_error_set(err, RS_EINVAL,
		    "the log has no time column; %s needs one (load ... time=COLUMN)",
		    why);
		return NULL;
	}
	return ds->log.cols.cols[ds->log.time_col];
}

void
clean_values(const rs_column *c, size_t start, size_t n, double *out)
{
	switch (c->store) {
	case RS_STORE_DICT8: {
		const uint8_t *v = (const uint8_t *)c->v + start;
		for (size_t i = 0; i < n; i++)
			out[i] = c->dict[v[i]];
		break;
	}
	case RS_STORE_DICT16: {
		const uint16_t *v = (const uint16_t *)c->v + start;
		for (size_t i = 0; i < n; i++)
			out[i] = c->dict[v[i]];
		break;
	}
	case RS_STORE_I32: {
		const int32_t *v = (const int32_t *)c->v + start;
		for (size_t i = 0; i < n; i++)
			out[i] = v[i] == INT32_MIN ? NAN : (double)v[i];
		break;
	}
	case RS_STORE_DEC32: {
		/* the same division as rs_column_get, so the same doubles */
		static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
			1e7, 1e8, 1e9 };
		const int32_t *v = (const int32_t *)c->v + start;
		double m = p10[c->scale];
		for (size_t i = 0; i < n; i++)
			out[i] = v[i] == INT32_MIN ? NAN : (double)v[i] / m;
		break;
	}
	case RS_STORE_F32: {
		const float *v = (const float *)c->v + start;
		for (size_t i = 0; i < n; i++)
			out[i] = v[i];
		break;
	}
	case RS_STORE_F64:
		memcpy(out, (const double *)c->v + start, n * sizeof *out);
		break;
	case RS_STORE_STR: {
		const uint32_t *v = (const uint32_t *)c->v + start;
		for (size_t i = 0; i < n; i++)
			out[i] = v[i] == 0 ? NAN : (double)v[i];
		break;
	}
	}
}

double *
clean_all_values(const rs_column *c)
{
	double *x = xmalloc((c->n ? c->n : 1) * sizeof *x);
	size_t block = 1 << 16;

	#pragma omp parallel for schedule(static)
	for (size_t b = 0; b < c->n; b += block)
		clean_values(c, b, c->n - b < block ? c->n - b : block, x + b);
	return x;
}

static void
swap(double *a, size_t i, size_t j)
{
	double t = a[i];

	a[i] = a[j];
	a[j] = t;
}

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

/* Move the k-th smallest of a[0..n) to a[k], smaller ones before it,
 * larger ones after (quickselect with a median-of-three pivot; sorts the
 * rest of the range when the partitions keep coming out lopsided). */
static void
select_kth(double *a, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;
	int budget = 64;

	while (hi > lo) {
		size_t mid = lo + (hi - lo) / 2, i, j;
		double pivot;
		if (budget-- == 0) {
			qsort(a + lo, hi - lo + 1, sizeof *a, cmp_double);
			return;
		}
		if (a[mid] < a[lo])
			swap(a, mid, lo);
		if (a[hi] < a[lo])
			swap(a, hi, lo);
		if (a[hi] < a[mid])
			swap(a, hi, mid);
		pivot = a[mid];
		i = lo;
		j = hi;
		while (i <= j) {
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i <= j) {
				swap(a, i, j);
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		/* now a[lo..j] <= pivot <= a[i..hi], and j < i */
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

double
clean_quantile(double *a, size_t n, double p)
{
	double h, x, y;
	size_t lo;

	if (n == 0)
		return NAN;
	h = (double)(n - 1) * p;
	lo = (size_t)floor(h);
	if (lo >= n - 1) {
		select_kth(a, n, n - 1);
		return a[n - 1];
	}
	select_kth(a, n, lo);
	x = a[lo];
	if (h == (double)lo)
		return x;
	/* the next order statistic: the smallest of what lies above */
	y = a[lo + 1];
	for (size_t i = lo + 2; i < n; i++)
		if (a[i] < y)
			y = a[i];
	return x + (h - (double)lo) * (y - x);
}

double
clean_median(double *a, size_t n)
{
	return clean_quantile(a, n, 0.5);
}

void
clean_reason(rs_clean_result *r, size_t rows, const char *fmt, ...)
{
	char what[sizeof r->reasons[0].what];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	for (size_t i = 0; i < r->nreasons; i++)
		if (strcmp(r->reasons[i].what, what) == 0) {
			r->reasons[i].rows += rows;
			return;
		}
	if (r->nreasons == RS_CLEAN_MAX_REASONS)
		return;
	memcpy(r->reasons[r->nreasons].what, what, sizeof what);
	r->reasons[r->nreasons++].rows = rows;
}

void
clean_summary(rs_clean_result *r, const char *fmt, ...)
{
	size_t len = strlen(r->summary);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->summary + len, sizeof r->summary - len, fmt, ap);
	va_end(ap);
}

void
clean_fence_text(const char *name, double lower, double upper, char *buf,
    size_t size)
{
	if (isinf(lower) && isinf(upper))
		snprintf(buf, size, "%s (no fence)", name);
	else if (isinf(lower))
		snprintf(buf, size, "%s above %.6g", name, upper);
	else if (isinf(upper))
		snprintf(buf, size, "%s below %.6g", name, lower);
	else
		snprintf(buf, size, "%s outside [%.6g, %.6g]", name, lower, upper);
}

void
clean_counts_after(const rs_dataset *out, rs_clean_result *res)
{
	res->rows_after = out->log.n;
	res->users_after = rs_log_count_users(&out->log, rs_ids_count(out->users));
	res->items_after = rs_log_count_items(&out->log, rs_ids_count(out->items));
	res->removed = res->rows_before - res->rows_after;
}

rs_dataset *
clean_keep(rs_dataset *ds, const uint8_t *keep, const rs_clean_params *p,
    rs_clean_result *res, rs_error *err)
{
	size_t kept = 0;
	rs_dataset *out;

	for (size_t r = 0; r < ds->log.n; r++)
		kept += keep[r] != 0;
	if (kept == 0 && ds->log.n > 0 && !p->force) {
		res->needs_force = true;
		rs_error_set(err, RS_EINVAL, "this would remove every row (%zu)",
		    ds->log.n);
		return NULL;
	}
	out = rs_dataset_select(ds, keep);
	clean_counts_after(out, res);
	return out;
}

rs_column *
clean_column_replace(const rs_column *c, const size_t *rows,
    const double *vals, size_t k, int decimals)
{
	rs_column *r = rs_column_new(c->name, c->kind);
	size_t next = 0;

	for (size_t i = 0; i < c->n; i++) {
		if (next < k && rows[next] == i)
			rs_column_push_number(r, vals[next++], decimals);
		else
			rs_column_push_number(r, rs_column_get(c, i), c->decimals);
	}
	if (c->kind == RS_COL_TIME)
		r->date_only = r->date_only && c->date_only;
	rs_column_finish(r);
	return r;
}

rs_column *
clean_column_replace_text(const rs_column *c, const size_t *rows,
    const char *const *texts, size_t k)
{
	rs_column *r = rs_column_new(c->name, RS_COL_TEXT);
	size_t next = 0;

	for (size_t i = 0; i < c->n; i++) {
		const char *s;
		if (next < k && rows[next] == i) {
			rs_column_push_text(r, texts[next], strlen(texts[next]));
			next++;
			continue;
		}
		s = rs_column_text(c, i);
		rs_column_push_text(r, s, strlen(s));
	}
	rs_column_finish(r);
	return r;
}

uint64_t
clean_value_key(const rs_column *c, size_t r, bool *missing)
{
	double x;
	uint64_t b;

	if (c->store == RS_STORE_STR) {
		uint32_t code = ((const uint32_t *)c->v)[r];
		*missing = code == 0;
		return code;
	}
	x = rs_column_get(c, r);
	*missing = isnan(x);
	if (x == 0)
		x = 0;		/* -0 and 0 are one value */
	memcpy(&b, &x, sizeof b);
	return b;
}

void
clean_table_set(rs_table *t, int j, rs_column *col)
{
	rs_column_free(t->cols[j]);
	t->cols[j] = col;
}

double
clean_round(const rs_column *c, double x, int dir)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
		1e8, 1e9 };
	double m, y;

	if (c->decimals < 0 || c->decimals > 9 || !isfinite(x))
		return x;
	m = p10[c->decimals];
	y = x * m;
	y = dir < 0 ? ceil(y - 1e-9) : dir > 0 ? floor(y + 1e-9) : round(y);
	return y / m;
}

int
clean_id_missing(const rs_ids *ids, uint32_t i)
{
	const char *s = rs_ids_name(ids, i);

	return util_is_missing_token(s, strlen(s));
}
