/* Tuning: grid or random search over a model kind's parameters, each point trained and scored on the validation part. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reelscope/eval.h"
#include "reelscope/split.h"
#include "util/clock.h"
#include "util/random.h"
#include "util/xmalloc.h"

#define MAX_GRID 100000

static size_t
grid_size(const rs_tune_opts *o)
{
	size_t g = 1;

	for (size_t p = 0; p < o->nparams; p++) {
		if (o->params[p].nvalues == 0 || g > SIZE_MAX / o->params[p].nvalues / 2)
			return SIZE_MAX;
		g *= o->params[p].nvalues;
	}
	return g;
}

static const char *
default_metric(const rs_model_kind *k)
{
	return k->explicit_values ? "rmse" : "ndcg@10";
}

/* The parameters of one point: fixed ones, then the chosen values (the
 * arrays are the caller's to free, the strings stay o's). */
static size_t
point_params(const rs_tune_opts *o, const size_t *choice, char ***keys, char ***vals)
{
	size_t n = o->nfixed + o->nparams;

	*keys = xcalloc(n + 1, sizeof **keys);
	*vals = xcalloc(n + 1, sizeof **vals);
	for (size_t i = 0; i < o->nfixed; i++) {
		(*keys)[i] = o->fixed_keys[i];
		(*vals)[i] = o->fixed_values[i];
	}
	for (size_t p = 0; p < o->nparams; p++) {
		(*keys)[o->nfixed + p] = (char *)o->params[p].name;
		(*vals)[o->nfixed + p] = o->params[p].values[choice[p]];
	}
	return n;
}

/* A model for one point, to check its parameters. */
static rs_model *
model_at(const rs_tune_opts *o, const size_t *choice, const char *name,
    rs_error *err)
{
	char **keys, **vals;
	size_t n = point_params(o, choice, &keys, &vals);
	rs_model *m = rs_model_new(o->kind, name, keys, vals, n, err);

	free(keys);
	free(vals);
	return m;
}

/* Train the model of one point on the shared set. */
static rs_model *
train_point(const rs_tune_opts *o, const size_t *choice, const rs_train_request *base,
    const rs_train_env *env, const rs_train_set *set, rs_error *err)
{
	rs_train_request req = *base;
	char **keys, **vals;
	rs_trained t;

	req.nparams = point_params(o, choice, &keys, &vals);
	req.keys = keys;
	req.values = vals;
	req.kind = o->kind;
	req.name = o->name;
	req.fit = o->fit;
	req.seed = o->seed;
	req.started = NULL;
	rs_model_train(env, &req, set, &t, err);
	free(keys);
	free(vals);
	return t.model;
}

int
rs_tune_check(const rs_tune_opts *o, rs_error *err)
{
	const rs_model_kind *k = rs_model_kind_find(o->kind ? o->kind : "");
	const char *metric;
	size_t g;

	if (k == NULL) {
		rs_model_new(o->kind ? o->kind : "", "x", NULL, NULL, 0, err);
		return -1;
	}
	if (k->fit == NULL && k->epoch == NULL) {
		rs_error_set(err, RS_EINVAL, "model %s cannot be trained", k->name);
		return -1;
	}
	if (k->imported) {
		rs_error_set(err, RS_EINVAL,
		    "imported lists are not trained, so there is nothing to tune");
		return -1;
	}
	if (k->validate != NULL) {
		/* tune scores rankings; these kinds rank nothing */
		rs_error_set(err, RS_EINVAL,
		    "%s predicts a label per log row and tune compares rankings: train one model per setting and compare their log loss with eval",
		    k->name);
		return -1;
	}
	if (o->nparams == 0) {
		rs_error_set(err, RS_EINVAL,
		    "nothing to search: give the parameters to try, e.g. PARAM=v1,v2,v3 (models --kinds lists %s's)",
		    k->name);
		return -1;
	}
	/* every value of every parameter, checked by the kind's specs */
	for (size_t p = 0; p < o->nparams; p++) {
		size_t *choice = xcalloc(o->nparams, sizeof *choice);
		for (size_t v = 0; v < o->params[p].nvalues; v++) {
			rs_model *m;
			choice[p] = v;
			if ((m = model_at(o, choice, "x", err)) == NULL) {
				free(choice);
				return -1;
			}
			rs_model_free(m);
		}
		free(choice);
		for (size_t q = 0; q < p; q++)
			if (strcmp(o->params[q].name, o->params[p].name) == 0) {
				rs_error_set(err, RS_EINVAL, "%s is given twice", o->params[p].name);
				return -1;
			}
	}
	metric = o->metric ? o->metric : default_metric(k);
	{
		const char *why = rs_eval_metric_check(metric);
		if (why != NULL) {
			rs_error_set(err, RS_EINVAL, "metric=%s %s (metrics: %s)", metric, why,
			    rs_eval_metric_families());
			return -1;
		}
	}
	if ((strcmp(metric, "rmse") == 0 || strcmp(metric, "mae") == 0) &&
	    !k->explicit_values) {
		rs_error_set(err, RS_EINVAL, "metric=%s needs a model that predicts values; %s ranks items",
		    metric, k->name);
		return -1;
	}
	if (rs_eval_metric_sense(metric) == RS_NEUTRAL) {
		rs_error_set(err, RS_EINVAL, "metric=%s has no better direction to tune for", metric);
		return -1;
	}
	g = grid_size(o);
	if (g == SIZE_MAX || (!o->random && g > MAX_GRID)) {
		rs_error_set(err, RS_EINVAL,
		    "the grid has %s points; search=random trials=N tries a sample of it",
		    g == SIZE_MAX ? "too many" : "more than 100000");
		return -1;
	}
	if (o->random && o->trials == 0) {
		rs_error_set(err, RS_EINVAL, "search=random needs trials=N (N >= 1)");
		return -1;
	}
	return 0;
}

void
rs_tune_result_free(rs_tune_result *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->ntrials; i++) {
		free(r->trials[i].choice);
		free(r->trials[i].error);
	}
	free(r->trials);
	free(r->metric);
	free(r);
}

/* The points to try, as grid indices: every one, or a seeded sample. */
static size_t *
points(const rs_tune_opts *o, size_t g, size_t *n)
{
	size_t *idx;

	if (!o->random || o->trials >= g) {
		idx = xmalloc(g * sizeof *idx);
		for (size_t i = 0; i < g; i++)
			idx[i] = i;
		*n = g;
		return idx;
	}
	/* distinct indices: Floyd's sampling, then in grid order */
	{
		uint64_t s = o->seed ^ 0x7e11e5ULL;
		size_t t = o->trials, k = 0;
		idx = xmalloc(t * sizeof *idx);
		for (size_t j = g - t; j < g; j++) {
			size_t v = (size_t)(rnd_splitmix(&s) % (uint64_t)(j + 1));
			bool dup = false;
			for (size_t q = 0; q < k && !dup; q++)
				dup = idx[q] == v;
			idx[k++] = dup ? j : v;
		}
		for (size_t a = 1; a < t; a++)
			for (size_t b = a; b > 0 && idx[b - 1] > idx[b]; b--) {
				size_t x = idx[b];
				idx[b] = idx[b - 1];
				idx[b - 1] = x;
			}
		*n = t;
		return idx;
	}
}

rs_tune_result *
rs_tune_run(const rs_tune_opts *o, const rs_train_request *base,
    const rs_train_env *env, const rs_eval_ctx *ev, rs_model **best,
    rs_error *err)
{
	const rs_model_kind *k;
	rs_tune_result *res;
	rs_train_set set;
	rs_imat *train;
	size_t g, npts, *pts;
	rs_model *keep = NULL;
	bool lower;

	*best = NULL;
	if (rs_tune_check(o, err) != 0)
		return NULL;
	k = rs_model_kind_find(o->kind);
	if (rs_train_set_build(env->ds, k, base, &set, err) != 0)
		return NULL;
	train = set.train;
	res = xcalloc(1, sizeof *res);
	/* a rating kind on 0/1 data (binary=yes: knn's implicit mode) ranks */
	res->metric = xstrdup(o->metric ? o->metric :
	    train->explicit_values ? default_metric(k) : "ndcg@10");
	lower = res->lower_better = rs_eval_metric_sense(res->metric) == RS_LOWER;
	g = grid_size(o);
	res->grid = g;
	pts = points(o, g, &npts);
	res->trials = xcalloc(npts, sizeof *res->trials);
	for (size_t t = 0; t < npts; t++) {
		rs_tune_trial *tr = &res->trials[res->ntrials++];
		size_t rest = pts[t];
		rs_model *m;
		rs_error e;
		rs_eval_result *er;
		double t0 = wall_seconds();
		int j;

		tr->score = NAN;
		tr->choice = xcalloc(o->nparams, sizeof *tr->choice);
		/* mixed radix: the last parameter changes fastest */
		for (size_t p = o->nparams; p-- > 0;) {
			tr->choice[p] = rest % o->params[p].nvalues;
			rest /= o->params[p].nvalues;
		}
		/* the training matrix is shared by every trial; given to the best */
		m = train_point(o, tr->choice, base, env, &set, &e);
		if (m == NULL || m->interrupted) {
			tr->error = xstrdup(m != NULL ? "interrupted" : e.msg);
			res->interrupted = m != NULL || e.code == RS_ECANCEL;
			if (m != NULL) {
				m->train = NULL;
				rs_model_free(m);
			}
			if (res->interrupted)
				break;
			continue;
		}
		er = rs_eval_run(ev, m, &e);
		if (er == NULL) {
			tr->error = xstrdup(e.msg);
			res->interrupted = e.code == RS_ECANCEL;
			m->train = NULL;
			rs_model_free(m);
			if (res->interrupted)
				break;
			continue;
		}
		j = rs_eval_metric_index(er, res->metric);
		if (j < 0)
			tr->error = xasprintf("the evaluation has no %s (is its cutoff in k=?)",
			    res->metric);
		else
			tr->score = er->value[j];
		rs_eval_result_free(er);
		tr->seconds = wall_seconds() - t0;
		if (!isnan(tr->score) && (keep == NULL || (lower ?
		    tr->score < res->trials[res->best].score :
		    tr->score > res->trials[res->best].score))) {
			if (keep != NULL) {
				keep->train = NULL;
				rs_model_free(keep);
			}
			keep = m;
			res->best = res->ntrials - 1;
		} else {
			m->train = NULL;
			rs_model_free(m);
		}
		if (rs_hooks_progress(base->hooks, "tune", (double)t + 1, (double)npts)) {
			res->interrupted = true;
			break;
		}
	}
	free(pts);
	rs_imat_free(set.valid);
	if (keep == NULL) {
		rs_error_set(err, RS_EINVAL, "no trial finished%s%s",
		    res->ntrials && res->trials[0].error ? ": " : "",
		    res->ntrials && res->trials[0].error ? res->trials[0].error : "");
		rs_imat_free(train);
		rs_tune_result_free(res);
		return NULL;
	}
	*best = keep;	/* keeps train */
	return res;
}
