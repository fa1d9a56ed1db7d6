/* Category popularity over time: the share of each window's events per value of an item (or log) column. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stream/stream-int.h"
#include "util/strtab.h"
#include "util/xmalloc.h"

void
rs_trend_free(rs_trend *t)
{
	free(t->column);
	free(t->start);
	free(t->events);
	for (size_t v = 0; v < t->nvalues; v++)
		free(t->values[v]);
	free(t->values);
	free(t->total);
	free(t->share);
	memset(t, 0, sizeof *t);
}

/* The column's value of log row r as text ("" when missing). */
static const char *
value_text(const rs_dataset *ds, const rs_column *c, char where, size_t r,
    char *buf, size_t size)
{
	size_t i = where == 'i' ? ds->log.item[r] : r;
	double x;

	if (i >= c->n)
		return "";
	if (c->kind == RS_COL_TEXT) {
		const char *s = rs_column_text(c, i);
		return s != NULL ? s : "";
	}
	x = rs_column_get(c, i);
	if (isnan(x))
		return "";
	snprintf(buf, size, "%.15g", x);
	return buf;
}

/* Order of values: more events first, then by text. */
static const uint64_t *sort_total;
static char **sort_names;

static int
cmp_value(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	if (sort_total[x] != sort_total[y])
		return sort_total[x] > sort_total[y] ? -1 : 1;
	return strcmp(sort_names[x], sort_names[y]);
}

/* The column to count by, or NULL with err. */
static const rs_column *
trend_column(const rs_dataset *ds, const char *column, char *where,
    rs_error *err)
{
	const rs_column *c = rs_dataset_column(ds, column, where);

	if (c == NULL) {
		rs_error_set(err, RS_EINVAL, "trend: no column named %s (columns lists them)",
		    column);
		return NULL;
	}
	if (*where == 'u') {
		rs_error_set(err, RS_EINVAL,
		    "trend: %s is a user column; trend counts events by a column of the items (or of the log)",
		    column);
		return NULL;
	}
	return c;
}

/* The first window's start (aligned to its length) and the number of
 * windows the log's timed rows span. */
static int
trend_span(const rs_column *tc, size_t n, double len, const char *window,
    double *start, size_t *nw, rs_error *err)
{
	double t0 = INFINITY, t1 = -INFINITY;

	for (size_t r = 0; r < n; r++) {
		double t = rs_column_get(tc, r);
		if (isfinite(t)) {
			t0 = t < t0 ? t : t0;
			t1 = t > t1 ? t : t1;
		}
	}
	if (!(t1 >= t0)) {
		rs_error_set(err, RS_ESTATE, "trend: no row of the log has a time");
		return -1;
	}
	t0 = floor(t0 / len) * len;
	*nw = (size_t)floor((t1 - t0) / len) + 1;
	if (*nw > 100000) {
		rs_error_set(err, RS_EINVAL,
		    "trend: window=%s makes %zu windows over the log; give a longer one",
		    window ? window : "1d", *nw);
		return -1;
	}
	*start = t0;
	return 0;
}

/* Count each timed row in its window under its value's slot (the values
 * drawn in order, then "(other)", then "(missing)" when a row has none),
 * and the totals of those last two. */
static void
trend_count(const rs_column *tc, size_t n, const uint32_t *code,
    const uint32_t *order, uint32_t nv, uint32_t nshow, uint32_t other,
    double t0, double len, rs_trend *out)
{
	/* where each code goes among the values drawn */
	uint32_t *slot = xmalloc(((size_t)nv + 1) * sizeof *slot);
	uint32_t missing = (uint32_t)out->nvalues;
	size_t nw = out->nwindows;
	bool any_missing = false;

	for (uint32_t j = 0; j < nv; j++)
		slot[order[j]] = j < nshow ? j : other;
	for (size_t r = 0; r < n; r++)
		any_missing |= code[r] == UINT32_MAX && isfinite(rs_column_get(tc, r));
	if (any_missing)
		out->values[out->nvalues++] = xstrdup("(missing)");
	out->start = xmalloc(nw * sizeof *out->start);
	out->events = xcalloc(nw, sizeof *out->events);
	out->share = xcalloc(nw * out->nvalues, sizeof *out->share);
	for (size_t w = 0; w < nw; w++)
		out->start[w] = t0 + (double)w * len;
	for (size_t r = 0; r < n; r++) {
		double t = rs_column_get(tc, r);
		size_t w;
		uint32_t j;
		if (!isfinite(t)) {
			out->untimed++;
			continue;
		}
		w = (size_t)floor((t - t0) / len);
		w = w < nw ? w : nw - 1;
		j = code[r] == UINT32_MAX ? missing : slot[code[r]];
		out->events[w]++;
		out->share[w * out->nvalues + j] += 1;
		if (other != UINT32_MAX && j == other)
			out->total[other]++;
		if (j == missing)
			out->total[missing]++;
	}
	free(slot);
}

int
rs_stream_trend(const rs_dataset *ds, const char *column, const char *window,
    size_t top, rs_trend *out, rs_error *err)
{
	const rs_log *log = &ds->log;
	const rs_column *c, *tc;
	char where = 'l', buf[64];
	double len, t0;
	uint64_t evs, *cnt;
	uint32_t *code, *order, nv, nshow, other;
	struct rs_strtab *tab;
	size_t nw;

	memset(out, 0, sizeof *out);
	if (top == 0)
		top = 8;
	if ((c = trend_column(ds, column, &where, err)) == NULL)
		return -1;
	if (stream_parse_window(window, &len, &evs, err) != 0)
		return -1;
	if (len == 0) {
		rs_error_set(err, RS_EINVAL, "trend: window=%s: give hours or days (1h, 6h, 1d, 7d)",
		    window);
		return -1;
	}
	if (log->time_col < 0) {
		rs_error_set(err, RS_ESTATE, "trend: the log has no time column (load ... time=COLUMN)");
		return -1;
	}
	tc = log->cols.cols[log->time_col];
	if (trend_span(tc, log->n, len, window, &t0, &nw, err) != 0)
		return -1;
	/* each row's value as a code, counted over the whole log */
	tab = util_strtab_new();
	code = xmalloc((log->n ? log->n : 1) * sizeof *code);
	for (size_t r = 0; r < log->n; r++) {
		const char *s = value_text(ds, c, where, r, buf, sizeof buf);
		code[r] = *s ? util_strtab_intern(tab, s, strlen(s), NULL) : UINT32_MAX;
	}
	nv = tab->n;
	cnt = xcalloc((size_t)nv + 1, sizeof *cnt);
	out->untimed = 0;
	for (size_t r = 0; r < log->n; r++)
		if (isfinite(rs_column_get(tc, r)) && code[r] != UINT32_MAX)
			cnt[code[r]]++;
	order = xmalloc(((size_t)nv + 1) * sizeof *order);
	sort_names = xmalloc(((size_t)nv + 1) * sizeof *sort_names);
	for (uint32_t v = 0; v < nv; v++) {
		order[v] = v;
		sort_names[v] = (char *)util_strtab_get(tab, v);
	}
	sort_total = cnt;
	qsort(order, nv, sizeof *order, cmp_value);
	nshow = nv < top ? nv : (uint32_t)top;
	other = nv > nshow ? nshow : UINT32_MAX;
	out->column = xstrdup(column);
	out->nwindows = nw;
	out->nvalues = nshow + (other != UINT32_MAX);
	out->values = xcalloc(out->nvalues + 2, sizeof *out->values);
	out->total = xcalloc(out->nvalues + 2, sizeof *out->total);
	for (uint32_t j = 0; j < nshow; j++) {
		out->values[j] = xstrdup(sort_names[order[j]]);
		out->total[j] = cnt[order[j]];
	}
	if (other != UINT32_MAX)
		out->values[other] = xstrdup("(other)");
	trend_count(tc, log->n, code, order, nv, nshow, other, t0, len, out);
	for (size_t w = 0; w < nw; w++)
		for (size_t j = 0; j < out->nvalues; j++)
			if (out->events[w] > 0)
				out->share[w * out->nvalues + j] /= (double)out->events[w];
	free(order);
	free(sort_names);
	sort_names = NULL;
	free(cnt);
	free(code);
	util_strtab_free(tab);
	return 0;
}
