/* Dataset summary for `describe`: counts, density, activity quantiles, long tail, columns. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/describe.h"
#include "util/xmalloc.h"

const double rs_quant_levels[RS_NQUANT] = { 0, 0.25, 0.5, 0.75, 0.9, 0.99, 1 };

double
rs_quantile_sorted(const double *v, size_t n, double q)
{
	double h, lo;
	size_t i;

	if (n == 0)
		return NAN;
	h = (double)(n - 1) * q;
	lo = floor(h);
	i = (size_t)lo;
	if (i + 1 >= n)
		return v[n - 1];
	return v[i] + (h - lo) * (v[i + 1] - v[i]);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Counts per key of the keys that occur; returns how many occur. */
static uint32_t
activity(const uint32_t *key, size_t n, uint32_t nkeys, double *q,
    uint64_t **counts_out)
{
	uint64_t *cnt = xcalloc((size_t)nkeys + 1, sizeof *cnt);
	double *v;
	uint32_t m = 0;

	for (size_t r = 0; r < n; r++)
		cnt[key[r]]++;
	v = xmalloc(((size_t)nkeys + 1) * sizeof *v);
	for (uint32_t k = 0; k < nkeys; k++)
		if (cnt[k] > 0)
			v[m++] = (double)cnt[k];
	qsort(v, m, sizeof *v, cmp_double);
	for (int j = 0; j < RS_NQUANT; j++)
		q[j] = rs_quantile_sorted(v, m, rs_quant_levels[j]);
	free(v);
	if (counts_out)
		*counts_out = cnt;
	else
		free(cnt);
	return m;
}

static int
cmp_u64_desc(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x < y) - (x > y);
}

/* Share of all interactions held by the top fraction f of interacted items
 * (at least one item). */
static double
top_share(const uint64_t *sorted, uint32_t m, size_t total, double f)
{
	size_t k = (size_t)ceil(f * m), s = 0;

	if (k < 1)
		k = 1;
	if (k > m)
		k = m;
	for (size_t i = 0; i < k; i++)
		s += sorted[i];
	return total ? (double)s / (double)total : NAN;
}

static void
summarize(rs_col_summary *s, const rs_column *c, const char *table)
{
	double sum = 0;
	size_t cnt = 0;

	s->name = c->name;
	s->table = table;
	s->type = rs_column_type_name(c);
	s->rows = c->n;
	s->missing = c->nmissing;
	s->distinct = rs_column_distinct(c);
	s->min = s->max = s->mean = NAN;
	s->is_time = c->kind == RS_COL_TIME ? (c->date_only ? 2 : 1) : 0;
	if (c->kind == RS_COL_TEXT)
		return;
	for (size_t i = 0; i < c->n; i++) {
		double x = rs_column_get(c, i);
		if (isnan(x))
			continue;
		if (cnt == 0 || x < s->min)
			s->min = x;
		if (cnt == 0 || x > s->max)
			s->max = x;
		sum += x;
		cnt++;
	}
	if (cnt)
		s->mean = sum / (double)cnt;
}

int
rs_describe_dataset(rs_dataset *ds, rs_describe *d, rs_error *err)
{
	uint64_t *icnt = NULL;
	uint32_t nitems = rs_ids_count(ds->items);
	uint32_t nusers = rs_ids_count(ds->users);
	const rs_table *tabs[4];
	const char *tnames[4] = { "log", "items", "users", "observed" };
	size_t k = 0;

	(void)err;
	memset(d, 0, sizeof *d);
	d->interactions = ds->log.n;
	d->catalog_users = nusers;
	d->catalog_items = nitems;
	d->catalog_creators = rs_ids_count(ds->creators);
	d->users = activity(ds->log.user, ds->log.n, nusers, d->user_q, NULL);
	d->items = activity(ds->log.item, ds->log.n, nitems, d->item_q, &icnt);
	{
		/* distinct (user, item) pairs: a repeated event is one pair, so
		 * the density never passes 100% */
		const rs_index *ix = rs_log_by_user(&ds->log, nusers);
		uint32_t *stamp = xcalloc((size_t)nitems + 1, sizeof *stamp);
		for (uint32_t u = 0; u < nusers; u++)
			for (uint64_t q = ix->ptr[u]; q < ix->ptr[u + 1]; q++) {
				uint32_t it = ds->log.item[ix->rows ? ix->rows[q] : q];
				if (it < nitems && stamp[it] != u + 1) {
					stamp[it] = u + 1;
					d->pairs++;
				}
			}
		free(stamp);
	}
	d->density = d->users && d->items ?
	    (double)d->pairs / ((double)d->users * (double)d->items) : 0;
	if (ds->item_creator != NULL) {
		uint8_t *seen = xcalloc(d->catalog_creators + 1, 1);
		for (uint32_t i = 0; i < nitems; i++) {
			uint32_t c = ds->item_creator[i];
			if (icnt[i] > 0 && c != RS_NONE && !seen[c]) {
				seen[c] = 1;
				d->creators++;
			}
		}
		free(seen);
	}
	qsort(icnt, nitems, sizeof *icnt, cmp_u64_desc);
	d->top1 = top_share(icnt, d->items, ds->log.n, 0.01);
	d->top10 = top_share(icnt, d->items, ds->log.n, 0.10);
	d->top20 = top_share(icnt, d->items, ds->log.n, 0.20);
	free(icnt);
	if (ds->observed != NULL) {
		double q[RS_NQUANT];
		d->observed_rows = ds->observed->n;
		d->observed_users = activity(ds->observed->user, ds->observed->n,
		    nusers, q, NULL);
		d->observed_items = activity(ds->observed->item, ds->observed->n,
		    nitems, q, NULL);
		d->observed_density = (double)ds->observed->n /
		    ((double)d->observed_users * (double)d->observed_items);
	}
	tabs[0] = &ds->log.cols;
	tabs[1] = &ds->item_tbl;
	tabs[2] = &ds->user_tbl;
	tabs[3] = ds->observed ? &ds->observed->cols : NULL;
	for (int t = 0; t < 4; t++)
		if (tabs[t] != NULL)
			d->ncols += tabs[t]->ncols;
	d->cols = xcalloc(d->ncols + 1, sizeof *d->cols);
	{
		/* one task per column: distinct counts sort whole columns */
		const rs_column **cols = xmalloc((d->ncols + 1) * sizeof *cols);
		const char **tn = xmalloc((d->ncols + 1) * sizeof *tn);
		int *is_timecol = xcalloc(d->ncols + 1, sizeof *is_timecol);
		for (int t = 0; t < 4; t++) {
			const rs_log *lg = t == 0 ? &ds->log : t == 3 ? ds->observed : NULL;
			if (tabs[t] == NULL)
				continue;
			for (size_t j = 0; j < tabs[t]->ncols; j++) {
				cols[k] = tabs[t]->cols[j];
				tn[k] = tnames[t];
				is_timecol[k] = lg != NULL && (int)j == lg->time_col;
				k++;
			}
		}
		#pragma omp parallel for schedule(dynamic)
		for (size_t c = 0; c < d->ncols; c++) {
			rs_col_summary *cs = &d->cols[c];
			summarize(cs, cols[c], tn[c]);
			/* a numeric time column of Unix seconds reads better as dates */
			if (is_timecol[c] && !isnan(cs->min) && cs->min > 1e8 &&
			    cs->max < 1e11)
				cs->is_time = 1;
		}
		free(cols);
		free(tn);
		free(is_timecol);
	}
	return 0;
}

void
rs_describe_free(rs_describe *d)
{
	free(d->cols);
	memset(d, 0, sizeof *d);
}
