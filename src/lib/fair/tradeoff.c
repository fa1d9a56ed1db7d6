/* The accuracy/exposure trade-off of a re-ranker: one re-ranking per parameter value, measured like eval and audit. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reelscope/fair.h"
#include "util/xmalloc.h"

#define MAX_VALUES 1000

double *
rs_tradeoff_parse_values(const char *spec, size_t *n, rs_error *err)
{
	double *v = NULL;
	char *end;

	*n = 0;
	if (strchr(spec, ':') != NULL) {
		double a, b, step, cnt;
		a = strtod(spec, &end);
		if (end == spec || *end != ':')
			goto bad;
		b = strtod(end + 1, &end);
		if (*end != ':')
			goto bad;
		step = strtod(end + 1, &end);
		if (*end != '\0' || !isfinite(a) || !isfinite(b) || !isfinite(step))
			goto bad;
		if (!(step > 0) || b < a) {
			rs_error_set(err, RS_EINVAL,
			    "%s: expected FROM:TO:STEP with FROM <= TO and STEP > 0", spec);
			return NULL;
		}
		cnt = floor((b - a) / step + 1e-3) + 1;
		if (cnt > MAX_VALUES) {
			rs_error_set(err, RS_EINVAL, "%s: %.0f values; at most %d", spec, cnt,
			    MAX_VALUES);
			return NULL;
		}
		*n = (size_t)cnt;
		v = xmalloc(*n * sizeof *v);
		for (size_t i = 0; i < *n; i++)	/* round away float noise: 0.3, not 0.30000000000000004 */
			v[i] = round((a + (double)i * step) * 1e12) / 1e12;
		return v;
	}
	v = xmalloc(MAX_VALUES * sizeof *v);
	for (const char *p = spec;;) {
		double x = strtod(p, &end);
		if (end == p || !isfinite(x) || (*end != ',' && *end != '\0')) {
			free(v);
			goto bad;
		}
		if (*n == MAX_VALUES) {
			free(v);
			rs_error_set(err, RS_EINVAL, "%s: at most %d values", spec, MAX_VALUES);
			return NULL;
		}
		v[(*n)++] = x;
		if (*end == '\0')
			break;
		p = end + 1;
	}
	return v;
bad:
	rs_error_set(err, RS_EINVAL,
	    "%s: expected FROM:TO:STEP (e.g. 0:1:0.1) or a list of numbers (0.1,0.5)", spec);
	*n = 0;
	return NULL;
}

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Evaluate and audit m's lists under ck: one row. */
static int
measure(const rs_eval_ctx *ck, const rs_model *m, const rs_audit_opts *ao,
    double value, rs_tradeoff_row *row, rs_error *err)
{
	rs_eval_result *r = rs_eval_run(ck, m, err);
	rs_audit *a;

	if (r == NULL)
		return -1;
	a = rs_audit_lists(ck, r, ao, err);
	rs_eval_result_free(r);
	if (a == NULL)
		return -1;
	row->value = value;
	row->ndcg = a->ndcg;
	row->recall = a->recall;
	row->gini = a->gini;
	row->creator_coverage = a->creator_coverage;
	row->aplt = a->aplt;
	rs_audit_free(a);
	return 0;
}

static void
set_param(rs_rerank_opts *o, double v)
{
	if (o->method == RS_RERANK_FAIR)
		o->p = v;
	else if (o->method == RS_RERANK_MAXIMIN)
		o->alpha = v;
	else
		o->lambda = v;
}

rs_tradeoff *
rs_tradeoff_run(const rs_dataset *ds, const rs_model *m, const rs_rerank_opts *ro,
    const double *values, size_t nvalues, const rs_audit_opts *ao_in, rs_error *err)
{
	rs_audit_opts ao = *ao_in;
	rs_eval_opts ec = ao_in->eval, ek = ao_in->eval;
	rs_eval_ctx *cc = NULL, *ck = NULL;
	rs_eval_result *cand = NULL;
	rs_tradeoff *t = NULL;
	const char *why;
	double t0 = now();

	ao.k = ro->k;
	ao.dp = 0;
	if ((why = rs_rerank_check(ro)) != NULL || (why = rs_audit_check(ds, &ao)) != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", why);
		return NULL;
	}
	for (size_t i = 0; i < nvalues; i++) {
		rs_rerank_opts x = *ro;
		set_param(&x, values[i]);
		if ((why = rs_rerank_check(&x)) != NULL) {
			rs_error_set(err, RS_EINVAL, "%s=%g: %s", rs_rerank_sweep_param(ro->method),
			    values[i], why);
			return NULL;
		}
	}
	ec.ks[0] = ro->candidates;
	ec.nks = 1;
	ec.sampled = 0;
	ek.ks[0] = ro->k;
	ek.nks = 1;
	ek.sampled = 0;
	if ((cc = rs_eval_prepare(ds, &ec, err)) == NULL ||
	    (ck = rs_eval_prepare(ds, &ek, err)) == NULL ||
	    (cand = rs_eval_run(cc, m, err)) == NULL)
		goto done;
	t = xcalloc(1, sizeof *t);
	t->model = xstrdup(m->name);
	t->method = xstrdup(rs_rerank_method_name(ro->method));
	t->param = xstrdup(rs_rerank_sweep_param(ro->method));
	t->k = ro->k;
	t->candidates = ro->candidates;
	t->rows = xcalloc(nvalues ? nvalues : 1, sizeof *t->rows);
	if (measure(ck, m, &ao, NAN, &t->base, err) != 0)
		goto fail;
	for (size_t i = 0; i < nvalues; i++) {
		rs_rerank_opts x = *ro;
		rs_model *mv;
		int rc;
		set_param(&x, values[i]);
		if ((mv = rs_rerank_lists(cc, cand, &x, "tradeoff", NULL, err)) == NULL)
			goto fail;
		rc = measure(ck, mv, &ao, values[i], &t->rows[i], err);
		rs_model_free(mv);
		if (rc != 0)
			goto fail;
		t->nrows++;
		if (rs_hooks_progress(ao.eval.hooks, "tradeoff", (double)i + 1, (double)nvalues)) {
			rs_error_set(err, RS_ECANCEL, "tradeoff: interrupted");
			goto fail;
		}
	}
	t->seconds = now() - t0;
	goto done;
fail:
	rs_tradeoff_free(t);
	t = NULL;
done:
	rs_eval_result_free(cand);
	rs_eval_ctx_free(cc);
	rs_eval_ctx_free(ck);
	return t;
}

void
rs_tradeoff_free(rs_tradeoff *t)
{
	if (t == NULL)
		return;
	free(t->model);
	free(t->method);
	free(t->param);
	free(t->rows);
	free(t);
}
