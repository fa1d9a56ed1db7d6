/* The plots of the workspace that need no fairness audit: loss curves, score distributions, the long tail, column histograms. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/check.h"
#include "cli/plot/plot.h"
#include "cli/report.h"
#include "util/xmalloc.h"

/* Test users whose scores are drawn at most (spread evenly over them). */
#define SCORE_USERS 300
/* Points kept on a long-tail curve. */
#define TAIL_POINTS 400

bool
plot_models_fit(const rs_dataset *ds, rs_model **ms, size_t n, const char *cmd,
    rs_error *error)
{
	char msg[sizeof error->msg];

	for (size_t j = 0; j < n; j++)
		if (!model_fits_data(ms[j], ds, cmd, msg, sizeof msg)) {
			rs_error_set(error, RS_EINVAL, "%s", msg);
			return false;
		}
	return true;
}

/* ---- loss ---- */

struct plot_spec *
plot_build_loss(rs_model **ms, size_t n, struct rnode *root, rs_error *error)
{
	struct plot_spec *p = plot_spec_new("Training loss and validation per epoch",
	    "epoch", "training loss");
	struct rnode *arr = rn_flags(rn_arr(root, "models"), RF_TABLE);
	const char *metric = NULL;
	bool same = true;

	for (size_t j = 0; j < n; j++) {
		const rs_model *m = ms[j];
		double *x, *y, *v;
		bool valid = false;
		struct rnode *row;

		if (m->nepochs == 0 || m->kind->epoch == NULL) {
			plot_spec_free(p);
			rs_error_set(error, RS_EINVAL, "plot loss: model %s (%s) has no training history: only models trained epoch by epoch have one",
			    m->name, m->kind->name);
			return NULL;
		}
		x = xmalloc(m->nepochs * sizeof *x);
		y = xmalloc(m->nepochs * sizeof *y);
		v = xmalloc(m->nepochs * sizeof *v);
		for (size_t e = 0; e < m->nepochs; e++) {
			x[e] = m->history[e].epoch;
			y[e] = m->history[e].loss;
			v[e] = m->history[e].valid;
			valid |= isfinite(v[e]);
		}
		char *t = xasprintf("%s loss", m->name);
		plot_add(p, t, PS_LINESPOINTS, x, y, m->nepochs);
		free(t);
		if (valid) {
			const char *vm = m->valid_metric ? m->valid_metric : "validation";
			t = xasprintf("%s %s", m->name, vm);
			plot_add(p, t, PS_LINESPOINTS, x, v, m->nepochs)->axis = 2;
			free(t);
			if (metric != NULL && strcmp(metric, vm) != 0)
				same = false;
			metric = vm;
		}
		row = rn_obj(arr, NULL);
		rn_str(row, "model", m->name);
		rn_int(row, "epochs", (int64_t)m->nepochs);
		rn_int(row, "best_epoch", (int64_t)m->best_epoch);
		rn_num(row, "last_loss", y[m->nepochs - 1]);
		if (valid)
			rn_label(rn_str(row, "metric", m->valid_metric ? m->valid_metric :
			    "validation"), "metric");
		else
			rn_null(row, "metric");
		free(x);
		free(y);
		free(v);
	}
	if (metric != NULL) {
		free(p->y2label);
		p->y2label = xasprintf("validation %s", same ? metric : "metric");
	}
	return p;
}

/* ---- histograms ---- */

/* Counts of v[0..n) in bins equal bins over [lo, hi] (hi in the last);
 * as shares in percent when percent. Adds the series; returns the bin
 * width. */
static double
add_histogram(struct plot_spec *p, const char *title, enum plot_style st,
    const double *v, size_t n, double lo, double hi, int bins, bool percent)
{
	double w = hi > lo ? (hi - lo) / bins : 1, *x, *y;

	if (!(hi > lo))
		lo -= 0.5 * bins;	/* one value: bins of width 1 around it */
	x = xmalloc((size_t)bins * sizeof *x);
	y = xcalloc((size_t)bins, sizeof *y);
	for (int b = 0; b < bins; b++)
		x[b] = lo + (b + 0.5) * w;
	for (size_t i = 0; i < n; i++) {
		long b = (long)floor((v[i] - lo) / w);
		if (b >= bins)
			b = bins - 1;
		if (b < 0)
			b = 0;
		y[b] += 1;
	}
	if (percent && n > 0)
		for (int b = 0; b < bins; b++)
			y[b] = 100.0 * y[b] / (double)n;
	plot_add(p, title, st, x, y, (size_t)bins);
	free(x);
	free(y);
	return w;
}

struct plot_spec *
plot_build_hist(rs_dataset *ds, const char *column, int bins, double from,
    double to, struct rnode *root, rs_error *error)
{
	const rs_column *col;
	char where = 'l';
	double *v, lo = INFINITY, hi = -INFINITY, w;
	size_t n = 0, missing = 0, outside = 0;
	struct plot_spec *p;
	const char *unit;
	char *title;

	if (ds == NULL)
		return NULL;
	col = rs_dataset_column(ds, column, &where);
	if (col == NULL) {
		rs_error_set(error, RS_EINVAL, "plot hist: no column named %s (columns lists them)", column);
		return NULL;
	}
	if (col->kind != RS_COL_NUMBER) {
		rs_error_set(error, RS_EINVAL, "plot hist: column %s holds %s, not numbers", column,
		    col->kind == RS_COL_TEXT ? "text" : "times");
		return NULL;
	}
	v = xmalloc((col->n ? col->n : 1) * sizeof *v);
	for (size_t i = 0; i < col->n; i++) {
		double x = rs_column_get(col, i);
		if (!isfinite(x)) {
			missing++;
			continue;
		}
		if (x < from || x > to) {
			outside++;
			continue;
		}
		v[n++] = x;
		lo = x < lo ? x : lo;
		hi = x > hi ? x : hi;
	}
	if (n == 0) {
		free(v);
		if (outside > 0)
			rs_error_set(error, RS_EINVAL, "plot hist: no value of %s lies in range= (%zu outside, %zu missing)",
			    column, outside, missing);
		else
			rs_error_set(error, RS_EINVAL, "plot hist: column %s has no values (%zu missing)",
			    column, missing);
		return NULL;
	}
	/* given limits are the ends of the bins */
	if (isfinite(from))
		lo = from;
	if (isfinite(to))
		hi = to;
	unit = where == 'i' ? "items" : where == 'u' ? "users" : "rows";
	title = xasprintf("Distribution of %s (%zu %s)", column, n, unit);
	p = plot_spec_new(title, column, unit);
	free(title);
	w = add_histogram(p, column, PS_BOXES, v, n, lo, hi, bins, false);
	p->boxwidth = w;
	/* bars stand on zero, the highest clear of the frame; the bins, not
	 * the tics, set the ends, a little inside so that no bar hides in
	 * the frame */
	p->ymin = 0;
	{
		double most = 0;
		for (size_t b = 0; b < p->series[0].n; b++)
			most = fmax(most, p->series[0].y[b]);
		p->ymax = most * 1.08;
	}
	if (hi > lo) {
		p->xmin = lo - (hi - lo) * 0.02;
		p->xmax = hi + (hi - lo) * 0.02;
	}
	free(v);
	rn_str(root, "column", column);
	rn_str(root, "table", where == 'i' ? "items" : where == 'u' ? "users" : "log");
	rn_int(root, "values", (int64_t)n);
	rn_int(root, "missing", (int64_t)missing);
	if (isfinite(from) || isfinite(to))
		rn_int(root, "outside", (int64_t)outside);
	rn_num(root, "from", lo);
	rn_num(root, "to", hi);
	rn_int(root, "bins", bins);
	rn_num(root, "bin_width", w);
	return p;
}

/* ---- score distributions ---- */

struct heldout {
	uint32_t *users;	/* test users, ascending */
	size_t nusers;
	uint64_t *ptr;		/* items of users[j]: items[ptr[j] .. ptr[j+1]) */
	uint32_t *items;
};

static void
heldout_free(struct heldout *h)
{
	free(h->users);
	free(h->ptr);
	free(h->items);
}

/* The held-out (user, item) rows of the split, grouped by user. */
static bool
heldout_build(const rs_dataset *ds, struct heldout *h)
{
	const rs_log *tl;
	bool all;
	uint32_t nu = rs_ids_count(ds->users);
	uint64_t *count, total = 0;

	memset(h, 0, sizeof *h);
	if (!rs_split_test(ds, &tl, &all) || tl == NULL)
		return false;
	count = xcalloc((size_t)nu + 1, sizeof *count);
	for (size_t r = 0; r < tl->n; r++)
		if ((all || (tl->part != NULL && tl->part[r] == RS_TEST)) &&
		    tl->user[r] < nu) {
			count[tl->user[r]]++;
			total++;
		}
	h->users = xmalloc(((size_t)nu + 1) * sizeof *h->users);
	h->ptr = xmalloc(((size_t)nu + 2) * sizeof *h->ptr);
	h->items = xmalloc((total ? total : 1) * sizeof *h->items);
	h->ptr[0] = 0;
	for (uint32_t u = 0; u < nu; u++)
		if (count[u] > 0) {
			h->users[h->nusers] = u;
			h->ptr[h->nusers + 1] = h->ptr[h->nusers] + count[u];
			count[u] = h->ptr[h->nusers];	/* now: where u's items go */
			h->nusers++;
		}
	for (size_t r = 0; r < tl->n; r++)
		if ((all || (tl->part != NULL && tl->part[r] == RS_TEST)) &&
		    tl->user[r] < nu)
			h->items[count[tl->user[r]]++] = tl->item[r];
	free(count);
	return true;
}

static void
push(double **v, size_t *n, size_t *cap, double x)
{
	if (*n == *cap) {
		*cap = util_grow_capacity(*cap, *n + 1);
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = x;
}

struct plot_spec *
plot_build_scores(rs_dataset *ds, rs_model **ms, size_t n, struct rnode *root,
    rs_error *error)
{
	struct heldout h;
	struct plot_spec *p;
	struct rnode *arr;
	size_t nsel;

	if (ds == NULL)
		return NULL;
	if (!heldout_build(ds, &h)) {
		rs_error_set(error, RS_EINVAL, "plot scores: no split: the held-out rows are the positives (split first, e.g. split user test=0.2)");
		return NULL;
	}
	if (h.nusers == 0) {
		heldout_free(&h);
		rs_error_set(error, RS_EINVAL, "plot scores: the split holds no test rows");
		return NULL;
	}
	if (!plot_models_fit(ds, ms, n, "plot scores", error)) {
		heldout_free(&h);
		return NULL;
	}
	nsel = h.nusers < SCORE_USERS ? h.nusers : SCORE_USERS;
	p = plot_spec_new("Predicted scores: held-out positives vs other items",
	    "score", "share of the group's items (%)");
	rn_int(root, "users", (int64_t)nsel);
	rn_int(root, "test_users", (int64_t)h.nusers);
	arr = rn_flags(rn_arr(root, "models"), RF_TABLE);
	for (size_t j = 0; j < n; j++) {
		const rs_model *m = ms[j];
		float *sc = xmalloc((m->nitems ? m->nitems : 1) * sizeof *sc);
		uint8_t *mark = xmalloc(m->nitems ? m->nitems : 1);
		double *pos = NULL, *oth = NULL, lo = INFINITY, hi = -INFINITY;
		size_t npos = 0, cpos = 0, noth = 0, coth = 0;
		struct rnode *row;

		for (size_t q = 0; q < nsel; q++) {
			size_t at = q * h.nusers / nsel;
			uint32_t u = h.users[at];
			rs_model_score_user(m, u, sc);
			memset(mark, 0, m->nitems);
			if (m->train != NULL && u < m->train->nusers)
				for (uint64_t e = m->train->uptr[u]; e < m->train->uptr[u + 1]; e++)
					mark[m->train->uidx[e]] = 2;	/* seen: neither group */
			for (uint64_t e = h.ptr[at]; e < h.ptr[at + 1]; e++)
				if (h.items[e] < m->nitems)
					mark[h.items[e]] = 1;
			for (uint32_t i = 0; i < m->nitems; i++) {
				double x = sc[i];
				if (!isfinite(x) || mark[i] == 2)
					continue;
				if (mark[i] == 1)
					push(&pos, &npos, &cpos, x);
				else
					push(&oth, &noth, &coth, x);
				lo = x < lo ? x : lo;
				hi = x > hi ? x : hi;
			}
		}
		free(sc);
		free(mark);
		if (npos == 0) {
			free(pos);
			free(oth);
			heldout_free(&h);
			plot_spec_free(p);
			rs_error_set(error, RS_EINVAL, "plot scores: model %s gives no score to any held-out item",
			    m->name);
			return NULL;
		}
		char *t = xasprintf("%s held-out positives", m->name);
		add_histogram(p, t, PS_STEPS, pos, npos, lo, hi, 40, true);
		free(t);
		t = xasprintf("%s other items", m->name);
		add_histogram(p, t, PS_STEPS, oth, noth, lo, hi, 40, true);
		free(t);
		row = rn_obj(arr, NULL);
		rn_str(row, "model", m->name);
		rn_int(row, "positives", (int64_t)npos);
		rn_int(row, "others", (int64_t)noth);
		rn_num(row, "min", lo);
		rn_num(row, "max", hi);
		free(pos);
		free(oth);
	}
	heldout_free(&h);
	return p;
}

/* ---- the long tail ---- */

static int
cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* The cumulative share (%) held by the most popular items against the
 * share (%) of items, most popular first. */
static void
add_tail(struct plot_spec *p, const char *title, const double *count,
    size_t nitems)
{
	double *c = xmalloc((nitems ? nitems : 1) * sizeof *c), total = 0, cum = 0;
	double *x = xmalloc((TAIL_POINTS + 2) * sizeof *x);
	double *y = xmalloc((TAIL_POINTS + 2) * sizeof *y);
	size_t np = 0, step = nitems / TAIL_POINTS + 1;

	memcpy(c, count, nitems * sizeof *c);
	qsort(c, nitems, sizeof *c, cmp_desc);
	for (size_t i = 0; i < nitems; i++)
		total += c[i];
	x[np] = 0;
	y[np++] = 0;
	for (size_t i = 0; i < nitems; i++) {
		cum += c[i];
		if ((i + 1) % step == 0 || i + 1 == nitems) {
			x[np] = 100.0 * (double)(i + 1) / (double)nitems;
			y[np++] = total > 0 ? 100.0 * cum / total : 0;
		}
	}
	plot_add(p, title, PS_LINES, x, y, np);
	free(c);
	free(x);
	free(y);
}

/* The share (%) of count that falls on the items in top. */
static double
share_on(const double *count, const uint8_t *top, size_t nitems)
{
	double on = 0, all = 0;

	for (size_t i = 0; i < nitems; i++) {
		all += count[i];
		on += top[i] ? count[i] : 0;
	}
	return all > 0 ? 100.0 * on / all : NAN;
}

struct plot_spec *
plot_build_longtail(rs_dataset *ds, rs_model **ms, size_t n, size_t k,
    struct rnode *root, rs_error *error)
{
	size_t nitems, ntop;
	double *data, *order;
	uint8_t *top;
	struct plot_spec *p;
	struct rnode *arr;

	if (ds == NULL)
		return NULL;
	if (!plot_models_fit(ds, ms, n, "plot longtail", error))
		return NULL;
	nitems = rs_ids_count(ds->items);
	if (nitems == 0 || ds->log.n == 0) {
		rs_error_set(error, RS_EINVAL, "plot longtail: the log has no rows");
		return NULL;
	}
	/* the data: training rows when there is a split, else every row */
	data = xcalloc(nitems, sizeof *data);
	for (size_t r = 0; r < ds->log.n; r++)
		if ((ds->log.part == NULL || ds->log.part[r] == RS_TRAIN) &&
		    ds->log.item[r] < nitems)
			data[ds->log.item[r]] += 1;
	/* the 20% most popular items in the data, for the figures */
	ntop = (nitems + 4) / 5;
	order = xmalloc(nitems * sizeof *order);
	memcpy(order, data, nitems * sizeof *order);
	qsort(order, nitems, sizeof *order, cmp_desc);
	top = xcalloc(nitems, 1);
	{
		double cut = order[ntop - 1];
		size_t taken = 0;
		/* ties at the cut: lower indices first, so exactly ntop items */
		for (size_t i = 0; i < nitems && taken < ntop; i++)
			if (data[i] > cut) {
				top[i] = 1;
				taken++;
			}
		for (size_t i = 0; i < nitems && taken < ntop; i++)
			if (data[i] == cut) {
				top[i] = 1;
				taken++;
			}
	}
	free(order);
	p = plot_spec_new("Long tail: share held by the most popular items",
	    "items, most popular first (%)", "cumulative share (%)");
	add_tail(p, ds->log.part != NULL ? "data (training rows)" : "data",
	    data, nitems);
	rn_int(root, "items", (int64_t)nitems);
	rn_int(root, "k", (int64_t)k);
	rn_flags(rn_num(root, "data_top20_share", share_on(data, top, nitems) / 100),
	    RF_PERCENT);
	arr = rn_flags(rn_arr(root, "models"), RF_TABLE);
	for (size_t j = 0; j < n; j++) {
		const rs_model *m = ms[j];
		double *rec = xcalloc(nitems, sizeof *rec);
		uint32_t *items = xmalloc(k * sizeof *items);
		size_t users = 0, covered = 0;
		struct rnode *row;

		for (uint32_t u = 0; m->train != NULL && u < m->train->nusers; u++) {
			size_t got;
			if (m->train->uptr[u + 1] == m->train->uptr[u])
				continue;	/* no history: popularity would stand in */
			got = rs_model_recommend(m, u, k, true, items, NULL, NULL);
			for (size_t q = 0; q < got; q++)
				if (items[q] < nitems)
					rec[items[q]] += 1;
			users++;
		}
		if (users == 0) {
			free(rec);
			free(items);
			free(data);
			free(top);
			plot_spec_free(p);
			rs_error_set(error, RS_EINVAL, "plot longtail: model %s has no user with training history to recommend to",
			    m->name);
			return NULL;
		}
		for (size_t i = 0; i < nitems; i++)
			covered += rec[i] > 0;
		char *t = xasprintf("%s top-%zu", m->name, k);
		add_tail(p, t, rec, nitems);
		free(t);
		row = rn_obj(arr, NULL);
		rn_str(row, "model", m->name);
		rn_int(row, "users", (int64_t)users);
		rn_int(row, "items_recommended", (int64_t)covered);
		rn_flags(rn_num(row, "coverage", (double)covered / (double)nitems),
		    RF_PERCENT);
		rn_flags(rn_num(row, "top20_share", share_on(rec, top, nitems) / 100),
		    RF_PERCENT);
		free(rec);
		free(items);
	}
	free(data);
	free(top);
	return p;
}
