/* The accuracy/exposure trade-off of a re-ranker: one re-ranking per parameter value, measured like eval and audit. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reelscope/fair.h"
#include "eval/eval-int.h"
#include "fair/fair-int.h"
#include "util/clock.h"
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

/* One row from an audit. */
static void
row_of(const rs_audit *a, double value, rs_tradeoff_row *row)
{
	row->value = value;
	row->ndcg = a->ndcg;
	row->recall = a->recall;
	row->gini = a->gini;
	row->creator_coverage = a->creator_coverage;
	row->aplt = a->aplt;
}

/*
 * Lists (out[e]: lens[e] items of evaluated user e) as an evaluation under ck,
 * without scoring every item again: the lists are the ranking. ndcg@k and
 * recall@k per user by eval's own kernel (rs_rank_metrics_at), averaged over
 * users with relevant items, as rs_eval_run does.
 */
static rs_eval_result *
lists_result(const rs_eval_ctx *ck, uint32_t *const *out, const uint32_t *lens,
    uint32_t k, uint8_t *rel, const char *model)
{
	rs_eval_result *r = xcalloc(1, sizeof *r);
	uint8_t *rel_at = xmalloc((size_t)k + 1);
	double sn = 0, sr = 0;
	uint32_t nn = 0;
	char name[64];

	r->model = xstrdup(model);
	r->kind = xstrdup(rs_kind_imported.name);
	r->protocol = xstrdup("re-ranked lists");
	r->nks = 1;
	r->ks[0] = k;
	r->kmax = k;
	r->nusers = ck->neval;
	r->users = xmalloc((ck->neval ? ck->neval : 1) * sizeof *r->users);
	memcpy(r->users, ck->users, ck->neval * sizeof *r->users);
	r->lists = xmalloc(((size_t)ck->neval * k + 1) * sizeof *r->lists);
	r->list_scores = xmalloc(((size_t)ck->neval * k + 1) * sizeof *r->list_scores);
	for (uint32_t e = 0; e < ck->neval; e++) {
		uint32_t n = 0, nrel = 0;
		rs_rank_metrics rm;
		for (uint64_t q = ck->tptr[e]; q < ck->tptr[e + 1]; q++)
			if (ck->trel[q]) {
				rel[ck->titem[q]] = 1;
				nrel++;
			}
		for (; n < lens[e] && n < k; n++) {
			r->lists[(size_t)e * k + n] = out[e][n];
			r->list_scores[(size_t)e * k + n] = (float)(lens[e] - n);
			rel_at[n] = rel[out[e][n]];
		}
		for (uint32_t j = n; j < k; j++) {
			r->lists[(size_t)e * k + j] = RS_NONE;
			r->list_scores[(size_t)e * k + j] = NAN;
		}
		if (nrel > 0) {
			rs_rank_metrics_at(rel_at, n, k, nrel, &rm);
			sn += rm.ndcg;
			sr += rm.recall;
			nn++;
		}
		for (uint64_t q = ck->tptr[e]; q < ck->tptr[e + 1]; q++)
			rel[ck->titem[q]] = 0;
	}
	r->nmetrics = 2;
	r->names = xmalloc(2 * sizeof *r->names);
	snprintf(name, sizeof name, "ndcg@%u", k);
	r->names[0] = xstrdup(name);
	snprintf(name, sizeof name, "recall@%u", k);
	r->names[1] = xstrdup(name);
	r->value = xmalloc(2 * sizeof *r->value);
	r->value[0] = nn ? sn / nn : NAN;
	r->value[1] = nn ? sr / nn : NAN;
	free(rel_at);
	return r;
}

/* One row of the table: lists (lens[e] items of user e) measured as an
 * evaluation and audited under cc. */
static int
measure_lists(const rs_eval_ctx *cc, uint32_t *const *out, const uint32_t *lens,
    uint32_t k, uint8_t *rel, const char *model, const rs_audit_opts *ao,
    double value, rs_tradeoff_row *row, rs_error *err)
{
	rs_eval_result *lr = lists_result(cc, out, lens, k, rel, model);
	rs_audit *a;

	a = rs_audit_lists(cc, lr, ao, err);
	rs_eval_result_free(lr);
	if (a == NULL)
		return -1;
	row_of(a, value, row);
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
	rs_eval_opts ec = ao_in->eval;
	rs_eval_ctx *cc = NULL;
	rs_eval_result *cand = NULL;
	rs_tradeoff *t = NULL;
	const char *why;
	uint8_t *rel = NULL;
	double t0 = wall_seconds(), c0 = cpu_seconds();

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
	if ((cc = rs_eval_prepare(ds, &ec, err)) == NULL ||
	    (cand = rs_eval_run(cc, m, err)) == NULL)
		goto done;
	t = xcalloc(1, sizeof *t);
	t->model = xstrdup(m->name);
	t->method = xstrdup(rs_rerank_method_name(ro->method));
	t->param = xstrdup(rs_rerank_sweep_param(ro->method));
	t->k = ro->k;
	t->candidates = ro->candidates;
	t->rows = xcalloc(nvalues ? nvalues : 1, sizeof *t->rows);
	rel = xcalloc(cc->nitems ? cc->nitems : 1, 1);
	/* the model itself: the first k of its candidates are its top k */
	{
		uint32_t **out = xmalloc((cand->nusers ? cand->nusers : 1) * sizeof *out);
		uint32_t *lens = xcalloc(cand->nusers ? cand->nusers : 1, sizeof *lens);
		int rc;
		for (uint32_t e = 0; e < cand->nusers; e++) {
			out[e] = cand->lists + (size_t)e * cand->kmax;
			while (lens[e] < ro->k && out[e][lens[e]] != RS_NONE)
				lens[e]++;
		}
		rc = measure_lists(cc, out, lens, ro->k, rel, m->name, &ao, NAN,
		    &t->base, err);
		free(out);
		free(lens);
		if (rc != 0)
			goto fail;
	}
	for (size_t i = 0; i < nvalues; i++) {
		rs_rerank_opts x = *ro;
		uint32_t **out, *lens;
		int rc;
		set_param(&x, values[i]);
		if (fair_rerank_core(cc, cand, &x, &out, &lens, err) != 0)
			goto fail;
		rc = measure_lists(cc, out, lens, ro->k, rel, "re-ranked", &ao,
		    values[i], &t->rows[i], err);
		for (uint32_t e = 0; e < cand->nusers; e++)
			free(out[e]);
		free(out);
		free(lens);
		if (rc != 0)
			goto fail;
		t->nrows++;
		if (rs_hooks_progress(ao.eval.hooks, "tradeoff", (double)i + 1, (double)nvalues)) {
			rs_error_set(err, RS_ECANCEL,
			    "interrupted after %zu of %zu values", i + 1,
			    (size_t)nvalues);
			goto fail;
		}
	}
	t->seconds = wall_seconds() - t0;
	t->cpu_seconds = cpu_seconds() - c0;
	goto done;
fail:
	rs_tradeoff_free(t);
	t = NULL;
done:
	free(rel);
	rs_eval_result_free(cand);
	rs_eval_ctx_free(cc);
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
