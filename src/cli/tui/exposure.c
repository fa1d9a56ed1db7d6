/* Dashboard panel: creator exposure of the best model's recommendations (top and bottom creators, Lorenz curve, Gini). */
#include "config.h"

#define RS_TUI_INTERNAL
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/tui/tui.h"
#include "reelscope/fair.h"
#include "util/xmalloc.h"

/* The last audit, kept across openings of the dashboard while the model and
 * the data it was made from are the same (an audit ranks every test user's
 * list, as eval does). Owned here; reachable until exit. */
static struct {
	rs_audit *a;
	const rs_model *m;
	const rs_dataset *ds;
	char name[128];
	double fit_seconds;
	size_t nepochs, rows;
	uint32_t k;
} cache;

static bool
cache_fits(const rs_model *m, const rs_dataset *ds, uint32_t k)
{
	return cache.a != NULL && cache.m == m && cache.ds == ds &&
	    strcmp(cache.name, m->name) == 0 && cache.fit_seconds == m->fit_seconds &&
	    cache.nepochs == m->nepochs && cache.rows == ds->log.n && cache.k == k;
}

/* The cutoff: the model's evaluation's first one, else 10. */
static uint32_t
audit_k(const struct tui *t, const rs_model *m)
{
	const rs_eval_result *r = rs_workspace_result(t->src.ws, m->name);

	return r != NULL && r->nks > 0 ? r->ks[0] : 10;
}

void
tui_exposure_prepare(struct tui *t)
{
	rs_dataset *ds = rs_workspace_data(t->src.ws);
	const rs_model *m = tui_best_model(t);
	rs_audit_opts o;
	const char *why;
	rs_error err;
	rs_audit *a;
	uint32_t k;

	t->audit = NULL;
	t->audit_free = NULL;
	if (ds == NULL) {
		snprintf(t->audit_msg, sizeof t->audit_msg, "no dataset loaded");
		return;
	}
	if (m == NULL) {
		snprintf(t->audit_msg, sizeof t->audit_msg,
		    "no model to audit yet (train, eval: the best model is audited)");
		return;
	}
	k = audit_k(t, m);
	if (cache_fits(m, ds, k)) {
		t->audit = cache.a;
		return;
	}
	if (t->live.on) {
		snprintf(t->audit_msg, sizeof t->audit_msg,
		    "audit after training (open the dashboard again)");
		return;
	}
	rs_audit_opts_init(&o);
	o.k = k;
	if ((why = rs_audit_check(ds, &o)) != NULL) {
		snprintf(t->audit_msg, sizeof t->audit_msg, "audit not available: %s", why);
		return;
	}
	a = rs_audit_run(ds, m, &o, &err);
	if (a == NULL) {
		snprintf(t->audit_msg, sizeof t->audit_msg, "audit not available: %.170s",
		    err.msg);
		return;
	}
	rs_audit_free(cache.a);
	cache.a = a;
	cache.m = m;
	cache.ds = ds;
	snprintf(cache.name, sizeof cache.name, "%s", m->name);
	cache.fit_seconds = m->fit_seconds;
	cache.nepochs = m->nepochs;
	cache.rows = ds->log.n;
	cache.k = k;
	t->audit = a;
}

static const char *
unit_name(const struct tui *t, const rs_audit *a, uint32_t i)
{
	const rs_dataset *ds = rs_workspace_data(t->src.ws);
	const rs_ids *ids = strcmp(a->unit, "item") == 0 ? ds->items : ds->creators;

	return i < rs_ids_count(ids) ? rs_ids_name(ids, i) : "?";
}

static const rs_audit *sort_a;

static int
by_share(const void *x, const void *y)
{
	uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;
	double a = sort_a->exposure_share[i], b = sort_a->exposure_share[j];

	if (a != b)
		return a > b ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* Units by exposure share, largest first (ties by lower index). */
static uint32_t *
ranked(const rs_audit *a)
{
	uint32_t *idx = xcalloc(a->nunits ? a->nunits : 1, sizeof *idx);

	for (uint32_t i = 0; i < a->nunits; i++)
		idx[i] = i;
	sort_a = a;
	qsort(idx, a->nunits, sizeof *idx, by_share);
	return idx;
}

static void
bar_row(struct tui *t, WINDOW *w, int y, int x, int wd, const rs_audit *a,
    uint32_t rank, uint32_t u, double top)
{
	char pct[16], rk[16];
	int rw, pw, namew, barw;

	/* ranks right-aligned to the widest, so the names line up */
	snprintf(rk, sizeof rk, "%*u ", snprintf(NULL, 0, "%u", a->nunits), rank);
	snprintf(pct, sizeof pct, " %5.1f%%", a->exposure_share[u] * 100);
	rw = tui_width(rk);
	pw = tui_width(pct);
	namew = (wd - rw - pw) * 2 / 5;
	if (namew > 18)
		namew = 18;
	barw = wd - rw - namew - 1 - pw;
	wattron(w, tui_attr(t, TC_DIM));
	tui_printf(w, y, x, rw, "%*s", rw, rk);
	wattroff(w, tui_attr(t, TC_DIM));
	tui_put(w, y, x + rw, unit_name(t, a, u), namew);
	if (barw > 0)
		tui_bar(t, w, y, x + rw + namew + 1, barw,
		    top > 0 ? a->exposure_share[u] / top : 0);
	tui_put(w, y, x + wd - pw, pct, pw);
}

static void
exposure_draw(struct tui *t, WINDOW *w, int h, int wd)
{
	const rs_audit *a = t->audit;
	int cw = wd - 4, rows = h - 3, lw, bw;
	uint32_t *idx, ntop, nbottom;
	double top;

	if (a == NULL) {
		wattron(w, tui_attr(t, TC_DIM));
		tui_put(w, 1, 2, t->audit_msg, cw);
		wattroff(w, tui_attr(t, TC_DIM));
		return;
	}
	tui_printf(w, 1, 2, cw, "%s (%s)  Gini %.4f  %u %ss  k=%u  coverage %.0f%%",
	    a->model, a->kind, a->gini, a->nunits, a->unit, a->k,
	    a->creator_coverage * 100);
	if (rows <= 0 || a->nunits == 0)
		return;
	/* bars on the left, the Lorenz curve on the right */
	lw = cw / 3 > 40 ? 40 : cw / 3;
	if (lw < 10)
		lw = 0;
	bw = lw ? cw - lw - 2 : cw;
	idx = ranked(a);
	top = a->exposure_share[idx[0]];
	ntop = a->nunits <= (uint32_t)rows ? a->nunits : (uint32_t)(rows + 1) / 2;
	nbottom = a->nunits <= (uint32_t)rows ? 0 : (uint32_t)rows - ntop;
	for (uint32_t r = 0; r < ntop; r++)
		bar_row(t, w, 2 + (int)r, 2, bw, a, r + 1, idx[r], top);
	for (uint32_t r = 0; r < nbottom; r++) {
		uint32_t rank = a->nunits - nbottom + r;
		bar_row(t, w, 2 + (int)(ntop + r), 2, bw, a, rank + 1, idx[rank], top);
	}
	free(idx);
	if (lw && a->nlorenz > 1) {
		const double diag[2] = { 0, 1 };
		const double *xs[2] = { diag, a->lorenz_x };
		const double *ys[2] = { diag, a->lorenz_y };
		size_t n[2] = { 2, a->nlorenz };
		tui_plot(t, w, 2, 2 + cw - lw, rows, lw, xs, ys, n, 2, NULL);
	}
}

static void
exposure_detail(struct tui *t, struct tui_lines *out)
{
	const rs_audit *a = t->audit;
	uint32_t *idx;

	if (a == NULL) {
		tui_lines_add(out, "%s", t->audit_msg);
		return;
	}
	tui_lines_add(out, "model        %s (%s)", a->model, a->kind);
	tui_lines_add(out, "protocol     %s", a->protocol ? a->protocol : "");
	tui_lines_add(out, "exposure     %s weights, k=%u, %u lists", a->exposure_model, a->k, a->users);
	tui_lines_add(out, "Gini         %.4f (n), %.4f (n-1) over %u %ss", a->gini, a->gini_n1,
	    a->nunits, a->unit);
	tui_lines_add(out, "entropy      %.3f bits of %.3f", a->entropy, a->entropy_max);
	tui_lines_add(out, "coverage     %.1f%% of creators, %.1f%% of items",
	    a->creator_coverage * 100, a->item_coverage * 100);
	tui_lines_add(out, "%s", "");
	tui_lines_add(out, "Lorenz curve: exposure share held by the least exposed %ss",
	    a->unit);
	if (a->nlorenz > 1) {
		const double diag[2] = { 0, 1 };
		const double *xs[2] = { diag, a->lorenz_x };
		const double *ys[2] = { diag, a->lorenz_y };
		size_t n[2] = { 2, a->nlorenz };
		tui_plot(t, NULL, 0, 0, 10, 40, xs, ys, n, 2, out);
	}
	tui_lines_add(out, "%s", "");
	tui_lines_add(out, "popularity decile  exposure  interactions");
	for (int d = 0; d < RS_AUDIT_DECILES; d++)
		tui_lines_add(out, "%17d  %7.1f%%  %11.1f%%", d + 1, a->decile_exposure[d] * 100,
		    a->decile_interactions[d] * 100);
	tui_lines_add(out, "%s", "");
	tui_lines_add(out, "%5s  %8s  %8s  %6s  %s", "rank", "exposure", "merit", "videos", a->unit);
	idx = ranked(a);
	for (uint32_t r = 0; r < a->nunits; r++) {
		uint32_t u = idx[r];
		tui_lines_add(out, "%5u  %7.2f%%  %7.2f%%  %6u  %s", r + 1, a->exposure_share[u] * 100,
		    a->merit_share ? a->merit_share[u] * 100 : NAN, a->videos ? a->videos[u] : 0,
		    unit_name(t, a, u));
	}
	free(idx);
}

const struct tui_panel tui_panel_exposure = {
	.title = "Creator exposure", .draw = exposure_draw, .detail = exposure_detail
};
