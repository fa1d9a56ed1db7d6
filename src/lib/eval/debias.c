/* The check of the estimators against the truth: models evaluated on the fully observed block, and the same lists estimated from the log. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/bias.h"
#include "reelscope/eval.h"
#include "util/xmalloc.h"

void
rs_debias_opts_init(rs_debias_opts *o)
{
	memset(o, 0, sizeof *o);
	o->k = 10;
	o->ndcg = true;
	o->relevant_min = NAN;
	o->effective = 2.0;
}

void
rs_debias_result_free(rs_debias_result *r)
{
	for (size_t i = 0; i < r->nrows; i++)
		free(r->rows[i].model);
	free(r->rows);
	r->rows = NULL;
	r->nrows = 0;
}

/* One model: the truth from its block evaluation, the estimates from the
 * same lists. */
static int
debias_model(const rs_dataset *ds, const rs_eval_ctx *ctx, const rs_model *m,
    const rs_debias_opts *o, const rs_estimate_opts *eo, rs_debias_row *row,
    rs_error *err)
{
	rs_eval_result *r = rs_eval_run(ctx, m, err);
	rs_estimate est;
	int j;
	char name[32];

	if (r == NULL)
		return -1;
	snprintf(name, sizeof name, "%s@%u", o->ndcg ? "ndcg" : "recall", o->k);
	j = rs_eval_metric_index(r, name);
	row->model = xstrdup(m->name);
	row->truth = j >= 0 ? r->value[j] : NAN;
	row->truth_users = j >= 0 ? r->defined[j] : 0;
	if (rs_estimate_run(ds, r, eo, &est, err) != 0) {
		rs_eval_result_free(r);
		return -1;
	}
	for (int e = 0; e < RS_EST_COUNT; e++) {
		row->est[e] = o->ndcg ? est.ndcg[e] : est.recall[e];
		row->error[e] = fabs(row->est[e].mean - row->truth);
	}
	row->pairs = est.pairs;
	row->mean_weight = est.mean_weight;
	rs_eval_result_free(r);
	return 0;
}

int
rs_debias_check(const rs_dataset *ds, rs_model *const *models, size_t n,
    const rs_debias_opts *o, rs_debias_result *out, rs_error *err)
{
	rs_dataset view;
	rs_eval_opts eopts;
	rs_estimate_opts eo;
	rs_eval_ctx *ctx;
	double *t, *v;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (ds->observed == NULL) {
		rs_error_set(err, RS_ESTATE,
		    "this dataset has no fully observed block to check against (a KuaiRec folder with small_matrix.csv, or generate)");
		return -1;
	}
	if (ds->split_kind == RS_SPLIT_NONE || ds->split_kind == RS_SPLIT_OBSERVED ||
	    ds->split_kind == RS_SPLIT_FILES) {
		rs_error_set(err, RS_ESTATE,
		    "the estimators read the log's test rows: split the log (e.g. split random test=0.2), not split observed or files; the block stays the truth");
		return -1;
	}
	if (rs_table_find(&ds->log.cols, o->propensity ? o->propensity : "propensity") < 0) {
		rs_error_set(err, RS_ESTATE,
		    "no propensities: the log has no column %s (run propensity method=pop or method=truth first)",
		    o->propensity ? o->propensity : "propensity");
		return -1;
	}
	if (ds->log.value_col < 0 && o->relevant == NULL) {
		rs_error_set(err, RS_ESTATE, "the log has no value column: give relevant=COL>=T");
		return -1;
	}
	rs_estimate_opts_init(&eo);
	eo.k = o->k;
	eo.propensity = o->propensity;
	eo.in_block = true;
	eo.relevant = o->relevant ? o->relevant :
	    ds->log.cols.cols[ds->log.value_col]->name;
	eo.relevant_min = isnan(o->relevant_min) ? o->effective : o->relevant_min;
	eo.relevant_strict = o->relevant ? o->relevant_strict : false;
	rs_eval_opts_init(&eopts);
	eopts.ks[0] = o->k;
	eopts.nks = 1;
	eopts.effective = o->effective;
	eopts.relevant = o->relevant;
	eopts.relevant_min = o->relevant_min;
	eopts.relevant_strict = o->relevant_strict;
	eopts.hooks = o->hooks;
	/* the truth: the same data, tested on the block (training rows are
	 * the log's train part either way) */
	view = *ds;
	view.split_kind = RS_SPLIT_OBSERVED;
	if ((ctx = rs_eval_prepare(&view, &eopts, err)) == NULL)
		return -1;
	snprintf(out->metric, sizeof out->metric, "%s@%u", o->ndcg ? "ndcg" : "recall", o->k);
	out->rows = xcalloc(n + 1, sizeof *out->rows);
	for (size_t i = 0; i < n && rc == 0; i++) {
		rc = debias_model(ds, ctx, models[i], o, &eo, &out->rows[i], err);
		if (rc == 0)
			out->nrows++;
	}
	rs_eval_ctx_free(ctx);
	if (rc != 0) {
		out->nrows = n;	/* the failed row's name too (rows are zeroed) */
		rs_debias_result_free(out);
		return -1;
	}
	t = xmalloc((n + 1) * sizeof *t);
	v = xmalloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		t[i] = out->rows[i].truth;
	for (int e = 0; e < RS_EST_COUNT; e++) {
		for (size_t i = 0; i < n; i++)
			v[i] = out->rows[i].est[e].mean;
		out->tau[e] = rs_kendall_tau(t, v, n);
	}
	free(t);
	free(v);
	return 0;
}
