/* Plots of creator exposure audits (fair.h): Lorenz curves, exposure by popularity decile, exposure against merit. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/plot/plot.h"
#include "cli/report.h"
#include "reelscope/fair.h"
#include "util/xmalloc.h"

/* Creators named on the merit plot: the farthest from y = x. */
#define MERIT_LABELS 5

/* The audits of ms at cutoff k, with the engine's defaults for the rest
 * (log position weights, the test part, every held-out row relevant).
 * NULL with the reason in *error. */
static rs_audit **
audit_all(rs_dataset *ds, const rs_hooks *hooks, rs_model **ms, size_t n,
    size_t k, const char *what, rs_error *error)
{
	rs_audit_opts o;
	rs_audit **as;
	const char *why;
	char cmd[64];

	rs_audit_opts_init(&o);
	o.k = (uint32_t)k;
	if ((why = rs_audit_check(ds, &o)) != NULL) {
		rs_error_set(error, RS_EINVAL, "plot %s: %s", what, why);
		return NULL;
	}
	snprintf(cmd, sizeof cmd, "plot %s", what);
	if (!plot_models_fit(ds, ms, n, cmd, error))
		return NULL;
	o.eval.hooks = hooks;
	as = xcalloc(n, sizeof *as);
	for (size_t j = 0; j < n; j++) {
		rs_error err;
		rs_error_clear(&err);
		if ((as[j] = rs_audit_run(ds, ms[j], &o, &err)) == NULL) {
			for (size_t i = 0; i < j; i++)
				rs_audit_free(as[i]);
			free(as);
			rs_error_set(error, RS_EINVAL, "plot %s: %s", what, err.msg);
			return NULL;
		}
	}
	return as;
}

static void
audits_free(rs_audit **as, size_t n)
{
	for (size_t j = 0; j < n; j++)
		rs_audit_free(as[j]);
	free(as);
}

/* The figures every audit plot reports per model. */
static struct rnode *
audit_row(struct rnode *arr, const rs_audit *a)
{
	struct rnode *row = rn_obj(arr, NULL);

	rn_str(row, "model", a->model);
	rn_int(row, "users", a->users);
	rn_int(row, a->unit != NULL && strcmp(a->unit, "item") == 0 ? "items" :
	    "creators", a->nunits);
	rn_num(row, "gini", a->gini);
	return row;
}

struct plot_spec *
plot_build_lorenz(rs_dataset *ds, const rs_hooks *hooks, rs_model **ms,
    size_t n, size_t k, struct rnode *root, rs_error *error)
{
	rs_audit **as = audit_all(ds, hooks, ms, n, k, "lorenz", error);
	struct plot_spec *p;
	struct strbuf title;
	struct rnode *arr;
	double diag[2] = { 0, 100 };

	if (as == NULL)
		return NULL;
	sb_init(&title);
	sb_puts(&title, "Lorenz curve of creator exposure, Gini:");
	for (size_t j = 0; j < n; j++)
		sb_printf(&title, "%s %s %.3f", j ? "," : "", as[j]->model, as[j]->gini);
	p = plot_spec_new(title.s, "creators, least exposed first (%)",
	    "cumulative exposure share (%)");
	sb_free(&title);
	p->xmin = p->ymin = 0;
	p->xmax = p->ymax = 100;
	plot_add(p, "equality", PS_REFERENCE, diag, diag, 2);
	rn_int(root, "k", (int64_t)k);
	arr = rn_flags(rn_arr(root, "models"), RF_TABLE);
	for (size_t j = 0; j < n; j++) {
		const rs_audit *a = as[j];
		double *x = xmalloc((a->nlorenz ? a->nlorenz : 1) * sizeof *x);
		double *y = xmalloc((a->nlorenz ? a->nlorenz : 1) * sizeof *y);
		for (size_t i = 0; i < a->nlorenz; i++) {
			x[i] = 100 * a->lorenz_x[i];
			y[i] = 100 * a->lorenz_y[i];
		}
		char *t = xasprintf("%s (Gini %.3f)", a->model, a->gini);
		plot_add(p, t, PS_LINES, x, y, a->nlorenz);
		free(t);
		free(x);
		free(y);
		audit_row(arr, a);
	}
	audits_free(as, n);
	return p;
}

struct plot_spec *
plot_build_exposure(rs_dataset *ds, const rs_hooks *hooks, rs_model **ms,
    size_t n, size_t k, struct rnode *root, rs_error *error)
{
	rs_audit **as = audit_all(ds, hooks, ms, n, k, "exposure", error);
	struct plot_spec *p;
	struct rnode *arr, *dec;
	size_t nbars = n + 1;
	double w = 0.8 / (double)nbars, x[RS_AUDIT_DECILES], y[RS_AUDIT_DECILES];

	if (as == NULL)
		return NULL;
	p = plot_spec_new("Exposure by creator popularity decile",
	    "creator popularity decile (1 = most popular)", "share (%)");
	p->boxwidth = w;
	p->xmin = 0.5;
	p->xmax = RS_AUDIT_DECILES + 0.5;
	/* side by side in each decile: the data's interactions, then each
	 * model's exposure */
	for (size_t b = 0; b < nbars; b++) {
		double off = ((double)b - (double)(nbars - 1) / 2) * w;
		for (int d = 0; d < RS_AUDIT_DECILES; d++) {
			x[d] = d + 1 + off;
			y[d] = 100 * (b == 0 ? as[0]->decile_interactions[d] :
			    as[b - 1]->decile_exposure[d]);
		}
		char *t = b == 0 ? xstrdup("training interactions") :
		    xasprintf("%s exposure", as[b - 1]->model);
		plot_add(p, t, PS_BOXES, x, y, RS_AUDIT_DECILES);
		free(t);
	}
	rn_int(root, "k", (int64_t)k);
	dec = rn_flags(rn_arr(root, "deciles"), RF_TABLE);
	for (int d = 0; d < RS_AUDIT_DECILES; d++) {
		struct rnode *row = rn_obj(dec, NULL);
		rn_int(row, "decile", d + 1);
		rn_flags(rn_num(row, "interactions", as[0]->decile_interactions[d]),
		    RF_PERCENT);
		for (size_t j = 0; j < n; j++)
			rn_label(rn_flags(rn_num(row, as[j]->model, as[j]->decile_exposure[d]),
			    RF_PERCENT), as[j]->model);
	}
	arr = rn_flags(rn_arr(root, "models"), RF_TABLE);
	for (size_t j = 0; j < n; j++)
		audit_row(arr, as[j]);
	audits_free(as, n);
	return p;
}

struct plot_spec *
plot_build_merit(rs_dataset *ds, const rs_hooks *hooks, rs_model **ms,
    size_t n, size_t k, struct rnode *root, rs_error *error)
{
	rs_audit **as = audit_all(ds, hooks, ms, n, k, "merit", error);
	struct plot_spec *p;
	struct rnode *arr;
	double top = 0, line[2] = { 0, 0 };

	if (as == NULL)
		return NULL;
	p = plot_spec_new("Creator exposure against merit",
	    "merit share: relevant held-out interactions (%)",
	    "exposure share (%)");
	for (size_t j = 0; j < n; j++)
		for (uint32_t c = 0; c < as[j]->nunits; c++) {
			if (isfinite(as[j]->merit_share[c]))
				top = fmax(top, 100 * as[j]->merit_share[c]);
			if (isfinite(as[j]->exposure_share[c]))
				top = fmax(top, 100 * as[j]->exposure_share[c]);
		}
	line[1] = top > 0 ? top : 1;
	plot_add(p, "exposure = merit", PS_REFERENCE, line, line, 2);
	rn_int(root, "k", (int64_t)k);
	arr = rn_flags(rn_arr(root, "models"), RF_TABLE);
	for (size_t j = 0; j < n; j++) {
		const rs_audit *a = as[j];
		double *x = xmalloc((a->nunits ? a->nunits : 1) * sizeof *x);
		double *y = xmalloc((a->nunits ? a->nunits : 1) * sizeof *y);
		for (uint32_t c = 0; c < a->nunits; c++) {
			x[c] = 100 * a->merit_share[c];
			y[c] = 100 * a->exposure_share[c];
		}
		char *t = xasprintf("%s", a->model);
		plot_add(p, t, PS_POINTS, x, y, a->nunits);
		free(t);
		rn_num(audit_row(arr, a), "equity_of_attention", a->equity_of_attention);
		if (j == 0 && ds != NULL) {
			/* name the creators farthest from their merit (first model) */
			bool *used = xcalloc(a->nunits ? a->nunits : 1, sizeof *used);
			for (int l = 0; l < MERIT_LABELS; l++) {
				double best = 0;
				uint32_t at = UINT32_MAX;
				for (uint32_t c = 0; c < a->nunits; c++) {
					double d = fabs(y[c] - x[c]);
					if (!used[c] && isfinite(d) && d > best) {
						best = d;
						at = c;
					}
				}
				if (at == UINT32_MAX)
					break;
				used[at] = true;
				const rs_ids *ids = a->unit != NULL && strcmp(a->unit, "item") == 0 ?
				    ds->items : ds->creators;
				if (ids != NULL && at < rs_ids_count(ids))
					plot_label_add(p, rs_ids_name(ids, at), x[at], y[at]);
			}
			free(used);
		}
		free(x);
		free(y);
	}
	audits_free(as, n);
	return p;
}

struct plot_spec *
plot_build_tradeoff(rs_dataset *ds, const rs_hooks *hooks, rs_model **ms,
    size_t n, const char *method, const char *values, size_t k,
    size_t candidates, struct rnode *root, rs_error *error)
{
	struct plot_spec *p;
	rs_rerank_opts ro;
	rs_audit_opts ao;
	struct rnode *arr;
	const char *why, *param;
	double *vals;
	size_t nv;
	rs_error err;
	char *title, *ylab;

	rs_rerank_opts_init(&ro, rs_rerank_method_parse(method));
	ro.k = (uint32_t)k;
	ro.candidates = (uint32_t)candidates;
	if (candidates < k) {
		rs_error_set(error, RS_EINVAL, "plot tradeoff: candidates=%zu is fewer than k=%zu", candidates, k);
		return NULL;
	}
	if ((why = rs_rerank_check(&ro)) != NULL) {
		rs_error_set(error, RS_EINVAL, "plot tradeoff: %s", why);
		return NULL;
	}
	param = rs_rerank_sweep_param(ro.method);
	if (values == NULL)	/* the tradeoff command's defaults */
		values = ro.method == RS_RERANK_MAXIMIN ? "0:2:0.2" : "0:1:0.1";
	rs_error_clear(&err);
	if ((vals = rs_tradeoff_parse_values(values, &nv, &err)) == NULL) {
		rs_error_set(error, RS_EINVAL, "plot tradeoff: values=%s: %s", values, err.msg);
		return NULL;
	}
	if (!plot_models_fit(ds, ms, n, "plot tradeoff", error)) {
		free(vals);
		return NULL;
	}
	rs_audit_opts_init(&ao);
	ao.k = (uint32_t)k;
	ao.head = ro.head;
	ao.items = ds->item_creator == NULL;
	ao.eval.hooks = hooks;
	title = xasprintf("Accuracy against exposure inequality: %s re-ranking, %s swept",
	    method, param);
	ylab = xasprintf("ndcg@%zu", k);
	p = plot_spec_new(title, ao.items ? "Gini of item exposure" :
	    "Gini of creator exposure", ylab);
	free(title);
	free(ylab);
	rn_str(root, "method", method);
	rn_str(root, "param", param);
	rn_int(root, "k", (int64_t)k);
	rn_int(root, "candidates", (int64_t)candidates);
	arr = rn_flags(rn_arr(root, "rows"), RF_TABLE);
	for (size_t j = 0; j < n; j++) {
		rs_tradeoff *t = rs_tradeoff_run(ds, ms[j], &ro, vals, nv, &ao, &err);
		double *x, *y;
		char *name;

		if (t == NULL) {
			free(vals);
			plot_spec_free(p);
			rs_error_set(error, RS_EINVAL, "plot tradeoff: %s", err.msg);
			return NULL;
		}
		x = xmalloc((t->nrows + 1) * sizeof *x);
		y = xmalloc((t->nrows + 1) * sizeof *y);
		for (size_t i = 0; i < t->nrows; i++) {
			x[i] = t->rows[i].gini;
			y[i] = t->rows[i].ndcg;
		}
		name = xasprintf("%s + %s", t->model, t->method);
		plot_add(p, name, PS_LINESPOINTS, x, y, t->nrows);
		free(name);
		name = xasprintf("%s as it ranks", t->model);
		plot_add(p, name, PS_POINTS, &t->base.gini, &t->base.ndcg, 1);
		free(name);
		/* the ends of the sweep, named by their value */
		for (size_t i = 0; i < t->nrows; i += t->nrows > 1 ? t->nrows - 1 : 1) {
			char lab[64];
			snprintf(lab, sizeof lab, "%s=%g", param, t->rows[i].value);
			plot_label_add(p, lab, x[i], y[i]);
		}
		for (size_t i = 0; i <= t->nrows; i++) {
			const rs_tradeoff_row *row = i == 0 ? &t->base : &t->rows[i - 1];
			struct rnode *o = rn_obj(arr, NULL);
			rn_str(o, "model", t->model);
			if (i == 0)
				rn_null(o, "value");
			else
				rn_prec(rn_num(o, "value", row->value), 6);
			rn_num(o, "ndcg", row->ndcg);
			rn_num(o, "gini", row->gini);
			rn_num(o, "creator_coverage", row->creator_coverage);
		}
		free(x);
		free(y);
		rs_tradeoff_free(t);
	}
	free(vals);
	return p;
}
