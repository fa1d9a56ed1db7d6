/* Fixtures for the model tests: small training matrices written as dense tables, models trained on them. */
#ifndef RS_MODELFIX_H
#define RS_MODELFIX_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/blob.h"
#include "reelscope/model.h"

/* A training matrix from a dense nu x ni table (NAN: no entry). */
static inline rs_imat *
fix_imat(uint32_t nu, uint32_t ni, const float *dense, bool explicit_values)
{
	rs_imat *m = calloc(1, sizeof *m);
	size_t nnz = 0, k = 0;
	double sum = 0;

	for (size_t q = 0; q < (size_t)nu * ni; q++)
		nnz += !isnan(dense[q]);
	m->nusers = nu;
	m->nitems = ni;
	m->nnz = nnz;
	m->explicit_values = explicit_values;
	m->uptr = calloc(nu + 1, sizeof *m->uptr);
	m->uidx = malloc((nnz + 1) * sizeof *m->uidx);
	m->uval = malloc((nnz + 1) * sizeof *m->uval);
	m->utime = malloc((nnz + 1) * sizeof *m->utime);
	m->iptr = calloc(ni + 1, sizeof *m->iptr);
	m->iidx = malloc((nnz + 1) * sizeof *m->iidx);
	m->ival = malloc((nnz + 1) * sizeof *m->ival);
	for (uint32_t u = 0; u < nu; u++) {
		for (uint32_t i = 0; i < ni; i++)
			if (!isnan(dense[(size_t)u * ni + i])) {
				m->uidx[k] = i;
				m->uval[k] = dense[(size_t)u * ni + i];
				m->utime[k] = NAN;
				sum += m->uval[k++];
			}
		m->uptr[u + 1] = k;
	}
	m->mean = nnz ? sum / nnz : 0;
	k = 0;
	for (uint32_t i = 0; i < ni; i++) {
		for (uint32_t u = 0; u < nu; u++)
			if (!isnan(dense[(size_t)u * ni + i])) {
				m->iidx[k] = u;
				m->ival[k++] = dense[(size_t)u * ni + i];
			}
		m->iptr[i + 1] = k;
	}
	return m;
}

/* Train kind with params ("k=2 sim=cosine") on a copy of t; NULL with err
 * on failure. The model owns its copy. */
static inline rs_model *
fix_train(const char *kind, const char *params, const rs_imat *t,
    rs_model *const *models, size_t nmodels, const void *features,
    rs_error *err)
{
	char *keys[32], *vals[32], buf[1024], *save = NULL;
	size_t n = 0;
	rs_model *m;
	rs_train_ctx ctx;
	rs_fit_opts fo;

	snprintf(buf, sizeof buf, "%s", params ? params : "");
	for (char *w = strtok_r(buf, " ", &save); w != NULL && n < 32;
	    w = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(w, '=');
		*eq = '\0';
		keys[n] = w;
		vals[n++] = eq + 1;
	}
	if ((m = rs_model_new(kind, kind, keys, vals, n, err)) == NULL)
		return NULL;
	memset(&ctx, 0, sizeof ctx);
	m->train = model_imat_copy(t);
	ctx.train = m->train;
	ctx.models = models;
	ctx.nmodels = nmodels;
	ctx.features = features;
	ctx.seed = 1;
	rs_fit_opts_init(&fo);
	if (rs_model_fit(m, &ctx, &fo, err) != 0) {
		rs_model_free(m);
		return NULL;
	}
	return m;
}

/* A copy of m through its kind's save and load (the store's round trip). */
static inline rs_model *
fix_roundtrip(const rs_model *m, rs_error *err)
{
	rs_model *c = calloc(1, sizeof *c);
	void *buf;
	size_t len;

	c->name = strdup(m->name);
	c->kind = m->kind;
	c->keys = calloc(1, sizeof *c->keys);
	c->values = calloc(1, sizeof *c->values);
	c->nusers = m->nusers;
	c->nitems = m->nitems;
	c->popularity = malloc((m->nitems + 1) * sizeof *c->popularity);
	memcpy(c->popularity, m->popularity, m->nitems * sizeof *c->popularity);
	c->train = model_imat_copy(m->train);
	if (m->kind->save(m, &buf, &len) != 0 ||
	    m->kind->load(c, buf, len, err) != 0) {
		free(buf);
		rs_model_free(c);
		return NULL;
	}
	free(buf);
	return c;
}

/* Whether two models score every user the same. */
static inline bool
fix_same_scores(const rs_model *a, const rs_model *b)
{
	float *x = malloc((a->nitems + 1) * sizeof *x), *y = malloc((a->nitems + 1) * sizeof *y);
	bool same = a->nitems == b->nitems;

	for (uint32_t u = 0; same && u < a->nusers; u++) {
		rs_model_score_user(a, u, x);
		rs_model_score_user(b, u, y);
		same = memcmp(x, y, a->nitems * sizeof *x) == 0;
	}
	free(x);
	free(y);
	return same;
}

#endif
