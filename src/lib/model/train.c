/* Training a model kind on the current split: the checks, the train and validation matrices, the fit. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/train.h"
#include "util/xmalloc.h"

void
rs_train_request_init(rs_train_request *r)
{
	memset(r, 0, sizeof *r);
	r->threshold = NAN;
	r->binary = -1;
	rs_fit_opts_init(&r->fit);
	r->seed = 1;
}

bool
rs_model_kind_binary(const rs_model_kind *k)
{
	return !k->explicit_values && !k->uses_weights;
}

/* The request's binary, with the kind's default filled in. */
static bool
request_binary(const rs_train_request *req, const rs_model_kind *k)
{
	return req->binary < 0 ? rs_model_kind_binary(k) : req->binary != 0;
}

/* How counts (plays) are read when the request leaves the values to the
 * kind (no signal=, no binary=): as log(1 + c) by the kinds that read
 * values as such (a confidence for als, a target for mf and svdpp), as
 * binary positives by the rest, knn included: its implicit mode sums
 * similarities, which counts would let a few heavy pairs dominate. */
enum counts_form { COUNTS_NONE, COUNTS_LOG, COUNTS_BINARY };

static enum counts_form
counts_form(const rs_dataset *ds, const rs_model_kind *k,
    const rs_train_request *req)
{
	if (ds->signal.kind != RS_SIGNAL_COUNTS || rs_signal_column(ds) == NULL ||
	    req->signal != NULL || req->binary >= 0)
		return COUNTS_NONE;
	if (k->uses_weights || (k->explicit_values && k->predicts_values == NULL))
		return COUNTS_LOG;
	return COUNTS_BINARY;
}

/* weighting=: t->uw from the log's propensity column (each training pair
 * takes the propensity of its rows), normalised as train.h says; -1 with
 * err when the column is missing or a training pair has no propensity in
 * (0, 1]. */
static int
train_weights(const rs_dataset *ds, const rs_train_request *req, rs_imat *t,
    rs_error *err)
{
	const char *name = req->propensity ? req->propensity : "propensity";
	int at = rs_table_find(&ds->log.cols, name);
	const rs_column *c;
	double sum = 0;

	if (at < 0) {
		rs_error_set(err, RS_ESTATE,
		    "weighting=: no propensities: the log has no column %s (run propensity method=pop or method=truth first)",
		    name);
		return -1;
	}
	c = ds->log.cols.cols[at];
	t->uw = xmalloc((t->nnz ? t->nnz : 1) * sizeof *t->uw);
	for (size_t q = 0; q < t->nnz; q++)
		t->uw[q] = NAN;
	for (size_t r = 0; r < ds->log.n; r++) {
		uint32_t u = ds->log.user[r], i = ds->log.item[r];
		const uint32_t *lo, *hit;
		size_t n;
		double p;
		if (ds->log.part != NULL && ds->log.part[r] != RS_TRAIN)
			continue;
		if (u >= t->nusers)
			continue;
		lo = t->uidx + t->uptr[u];
		n = (size_t)(t->uptr[u + 1] - t->uptr[u]);
		/* the entries of a user are sorted by item */
		while (n > 0) {
			size_t h = n / 2;
			if (lo[h] < i) {
				lo += h + 1;
				n -= h + 1;
			} else
				n = h;
		}
		hit = lo;
		if (hit == t->uidx + t->uptr[u + 1] || *hit != i)
			continue;	/* a row the signal or threshold left out */
		p = rs_column_get(c, r);
		if (!(p > 0 && p <= 1)) {
			rs_error_set(err, RS_EINVAL,
			    "weighting=: the propensity of user %s item %s is %g, not in (0, 1] (column %s)",
			    rs_ids_name(ds->users, u), rs_ids_name(ds->items, i), p, name);
			return -1;
		}
		t->uw[hit - t->uidx] = (float)(1 / p);
	}
	for (size_t q = 0; q < t->nnz; q++) {
		if (isnan(t->uw[q]))
			t->uw[q] = 1;	/* not reached: every entry has a row */
		sum += t->uw[q];
	}
	for (uint32_t u = 0; u < t->nusers; u++) {
		double us = 0, scale;
		uint64_t a = t->uptr[u], b = t->uptr[u + 1];
		for (uint64_t q = a; q < b; q++)
			us += t->uw[q];
		scale = req->weighting == RS_WEIGHT_SNIPS ? (double)(b - a) / us :
		    (double)t->nnz / sum;
		for (uint64_t q = a; q < b; q++)
			t->uw[q] = (float)(t->uw[q] * scale);
	}
	return 0;
}

int
rs_train_set_build(const rs_dataset *ds, const rs_model_kind *k,
    const rs_train_request *req, rs_train_set *set, rs_error *err)
{
	rs_imat_opts io;

	memset(set, 0, sizeof *set);
	rs_imat_opts_init(&io);
	io.signal = req->signal;
	io.threshold = req->threshold;
	io.binary = request_binary(req, k) ||
	    counts_form(ds, k, req) == COUNTS_BINARY;
	io.log1p = counts_form(ds, k, req) == COUNTS_LOG;
	if ((set->train = rs_imat_build(ds, &ds->log, &io, err)) == NULL)
		return -1;
	if (set->train->nnz == 0) {
		rs_train_set_free(set);
		rs_error_set(err, RS_ESTATE, "no training rows (check the split and signal/threshold)");
		return -1;
	}
	if (req->weighting != RS_WEIGHT_NONE && train_weights(ds, req, set->train, err) != 0) {
		rs_train_set_free(set);
		return -1;
	}
	/* validation rows read from a file are all validation; otherwise the
	 * log's rows of the validation part. Failing to build them only means
	 * training without validation. */
	io.part = RS_VALID;
	if (ds->heldout_valid != NULL) {
		io.part = -1;
		set->valid = rs_imat_build(ds, ds->heldout_valid, &io, NULL);
	} else
		set->valid = rs_imat_build(ds, &ds->log, &io, NULL);
	if (set->valid != NULL && set->valid->nnz == 0) {
		rs_imat_free(set->valid);
		set->valid = NULL;
	}
	return 0;
}

void
rs_train_set_free(rs_train_set *set)
{
	rs_imat_free(set->train);
	rs_imat_free(set->valid);
	set->train = set->valid = NULL;
}

/* Whether m names a validation metric training can follow. */
static bool
valid_metric_name(const char *m)
{
	const char *at = strchr(m, '@');

	if (strcmp(m, "rmse") == 0)
		return true;
	if (at == NULL || atoi(at + 1) <= 0)
		return false;
	return strncmp(m, "ndcg@", 5) == 0 || strncmp(m, "recall@", 7) == 0 ||
	    strncmp(m, "hit@", 4) == 0;
}

/* The kinds that predict values, "a, b, c", from the table. */
static void
rating_kinds(char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; rs_model_kinds[i] != NULL && len < size; i++)
		if (rs_model_kinds[i]->explicit_values)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
			    len ? ", " : "", rs_model_kinds[i]->name);
}

/* What can be told before any work: the kind, the split, the metric. */
static const rs_model_kind *
check_request(const rs_train_env *env, const rs_train_request *req,
    bool need_split, rs_error *err)
{
	const rs_model_kind *k = rs_model_kind_find(req->kind ? req->kind : "");
	const char *metric = req->fit.metric;
	char kinds[256];

	if (k == NULL) {
		/* rs_model_new says it best: the unknown name and the kinds */
		rs_model_new(req->kind ? req->kind : "", "x", NULL, NULL, 0, err);
		return NULL;
	}
	if (need_split && env->ds->split_kind == RS_SPLIT_NONE) {
		rs_error_set(err, RS_ESTATE,
		    "no split yet; run split first (e.g. split user test=0.2 valid=0.1)");
		return NULL;
	}
	if (metric != NULL && k->validate != NULL) {
		rs_error_set(err, RS_EINVAL, "metric=%s: %s validates by %s on the validation rows",
		    metric, k->name, k->valid_name);
		return NULL;
	}
	if (metric != NULL && !valid_metric_name(metric)) {
		rs_error_set(err, RS_EINVAL, "metric=%s must be ndcg@K, recall@K, hit@K or rmse",
		    metric);
		return NULL;
	}
	if (metric != NULL && strcmp(metric, "rmse") == 0 && !k->explicit_values) {
		rating_kinds(kinds, sizeof kinds);
		rs_error_set(err, RS_EINVAL, "metric=rmse needs a rating model (%s); %s ranks items",
		    kinds, k->name);
		return NULL;
	}
	return k;
}

/* A new model of the request's kind; epochs= shows in the kind's own
 * epochs parameter (its default otherwise), which tells what was asked. */
static rs_model *
new_model(const rs_train_request *req, rs_error *err)
{
	rs_model *m = rs_model_new(req->kind, req->name, req->keys, req->values,
	    req->nparams, err);
	char n[32];

	if (m == NULL || req->fit.epochs == 0)
		return m;
	snprintf(n, sizeof n, "%u", req->fit.epochs);
	for (size_t i = 0; i < m->nparams; i++)
		if (strcmp(m->keys[i], "epochs") == 0) {
			free(m->values[i]);
			m->values[i] = xstrdup(n);
		}
	return m;
}

/* One line on how the model reads the signal, when the signal changed its
 * defaults (counts), and one on extreme values in a column it reads. */
static void
signal_notes(const rs_dataset *ds, const rs_model_kind *k, const rs_model *m,
    const rs_train_request *req)
{
	const char *col = rs_signal_column(ds), *alpha = rs_model_param(m, "alpha");
	enum counts_form form = counts_form(ds, k, req);
	bool reads_values = req->signal == NULL && col != NULL &&
	    !request_binary(req, k) && form == COUNTS_NONE;

	if (form != COUNTS_NONE) {
		if (form == COUNTS_LOG && k->uses_weights && alpha != NULL)
			rs_hooks_note(req->hooks, RS_NOTE_INFO,
			    "signal counts: %s reads confidence 1 + %s*log(1 + %s) (binary=yes: 1 + %s for every pair)",
			    k->name, alpha, col, alpha);
		else if (form == COUNTS_LOG)
			rs_hooks_note(req->hooks, RS_NOTE_INFO,
			    "signal counts: %s reads log(1 + %s) and ranks by it; not a prediction of %s, so no rmse (binary=no fits the raw counts)",
			    k->name, col, col);
		else
			rs_hooks_note(req->hooks, RS_NOTE_INFO,
			    "signal counts: %s trains on binary positives (every pair with %s)",
			    k->name, col);
	}
	if (reads_values && ds->signal.extreme)
		rs_hooks_note(req->hooks, RS_NOTE_WARN,
		    "%s has extreme values (max %.4g, 99%% at most %.4g) that weigh on %s; clean outliers %s before training takes them out",
		    col, ds->signal.max, ds->signal.q99, k->name, col);
}

int
rs_model_train(const rs_train_env *env, const rs_train_request *req,
    const rs_train_set *shared, rs_trained *out, rs_error *err)
{
	const rs_model_kind *k;
	rs_train_set own = { NULL, NULL };
	const rs_train_set *set = shared;
	rs_train_ctx ctx;
	rs_model *m;
	int rc;

	out->model = NULL;
	out->validated = false;
	if ((k = check_request(env, req, shared == NULL, err)) == NULL)
		return -1;
	if (req->weighting != RS_WEIGHT_NONE && strcmp(k->name, "mf") != 0) {
		rs_error_set(err, RS_EINVAL,
		    "weighting= weights mf's squared loss by inverse propensities; %s trains unweighted",
		    k->name);
		return -1;
	}
	if ((m = new_model(req, err)) == NULL)
		return -1;
	if (shared == NULL) {
		if (k->explicit_values && env->ds->log.value_col < 0 &&
		    req->signal == NULL && !request_binary(req, k)) {
			rs_model_free(m);
			rs_error_set(err, RS_EINVAL,
			    "model %s predicts values but the log has none; give signal=COLUMN (or binary=yes: every row a positive)",
			    k->name);
			return -1;
		}
		if (rs_train_set_build(env->ds, k, req, &own, err) != 0) {
			rs_model_free(m);
			return -1;
		}
		set = &own;
	}
	memset(&ctx, 0, sizeof ctx);
	ctx.ds = env->ds;
	ctx.train = set->train;
	ctx.valid = set->valid;
	ctx.features = env->features;
	ctx.models = env->models;
	ctx.nmodels = env->nmodels;
	ctx.hooks = req->hooks;
	ctx.seed = req->seed;
	if (shared == NULL)
		signal_notes(env->ds, k, m, req);
	m->train = set->train;	/* the model keeps what it was trained on */
	if (req->started != NULL)
		req->started(req->started_arg, m);
	rc = rs_model_fit(m, &ctx, &req->fit, err);
	if (shared == NULL)
		rs_imat_free(own.valid);	/* the training matrix is m's */
	if (rc < 0) {
		if (shared != NULL)
			m->train = NULL;
		rs_model_free(m);
		return -1;
	}
	out->model = m;
	out->validated = set->valid != NULL;
	return rc;
}
