/* hybrid: a weighted blend of trained models, each normalized per user; keeps its own copy of every component. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/blob.h"
#include "reelscope/explain.h"
#include "reelscope/model.h"
#include "util/xmalloc.h"

static const rs_param_spec hybrid_params[] = {
	{ "models", RS_PARAM_STR, "", 0, 0, NULL,
	  "comma-separated names of trained models to blend (each is copied as it is now)" },
	{ "weights", RS_PARAM_STR, "equal", 0, 0, NULL,
	  "comma-separated weights, one per model, or equal" },
	{ "normalize", RS_PARAM_ENUM, "zscore", 0, 0, "rank|zscore|minmax|none",
	  "per user, over the items the user has not seen: rank (mid-rank percentile), zscore, minmax or none" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

struct hybrid_state {
	size_t n;
	rs_model **parts;	/* owned copies; a part's train may be the
				   hybrid's own (shared, not freed twice) */
	double *w;
	char *normalize;
};

static void
hybrid_state_free(rs_model *m, struct hybrid_state *st)
{
	if (st == NULL)
		return;
	for (size_t j = 0; j < st->n; j++) {
		if (st->parts[j] == NULL)
			continue;
		if (st->parts[j]->train == m->train)
			st->parts[j]->train = NULL;
		rs_model_free(st->parts[j]);
	}
	free(st->parts);
	free(st->w);
	free(st->normalize);
	free(st);
}

/* ---- normalization ---- */

static int
float_cmp(const void *pa, const void *pb)
{
	float a = *(const float *)pa, b = *(const float *)pb;

	return (a > b) - (a < b);
}

/* How many of s[0..n) (ascending) are below x, and how many equal it. */
static void
count_below(const float *s, size_t n, float x, size_t *below, size_t *equal)
{
	size_t lo = 0, hi = n, lo2;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	*below = lo;
	lo2 = lo;
	hi = n;
	while (lo2 < hi) {
		size_t mid = (lo2 + hi) / 2;
		if (s[mid] <= x)
			lo2 = mid + 1;
		else
			hi = mid;
	}
	*equal = lo2 - lo;
}

void
rs_blend_normalize(const char *kind, float *x, size_t n, const uint8_t *skip)
{
	double lo = INFINITY, hi = -INFINITY, sum = 0, sq = 0, mean, sd;
	size_t nc = 0;

	/* statistics over the candidates; NaN (no score) counts as the lowest */
	for (size_t i = 0; i < n; i++)
		if ((skip == NULL || !skip[i]) && !isnan(x[i])) {
			if (x[i] < lo)
				lo = x[i];
			if (x[i] > hi)
				hi = x[i];
			sum += x[i];
			nc++;
		}
	if (nc == 0) {
		for (size_t i = 0; i < n; i++)
			x[i] = 0;
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (isnan(x[i]))
			x[i] = (float)lo;
	if (strcmp(kind, "none") == 0)
		return;
	if (strcmp(kind, "minmax") == 0) {
		for (size_t i = 0; i < n; i++)
			x[i] = hi > lo ? (float)((x[i] - lo) / (hi - lo)) : 0;
		return;
	}
	if (strcmp(kind, "zscore") == 0) {
		mean = sum / (double)nc;
		for (size_t i = 0; i < n; i++)
			if (skip == NULL || !skip[i])
				sq += (x[i] - mean) * (x[i] - mean);
		sd = sqrt(sq / (double)nc);
		for (size_t i = 0; i < n; i++)
			x[i] = sd > 0 ? (float)((x[i] - mean) / sd) : 0;
		return;
	}
	/* rank: the share of candidates below, ties counting half */
	{
		float *s = xmalloc(nc * sizeof *s);
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (skip == NULL || !skip[i])
				s[k++] = x[i];
		qsort(s, nc, sizeof *s, float_cmp);
		for (size_t i = 0; i < n; i++) {
			size_t below, equal;
			count_below(s, nc, x[i], &below, &equal);
			x[i] = (float)((below + 0.5 * equal) / (double)nc);
		}
		free(s);
	}
}

/* ---- fit ---- */

/* A copy of a trained model through its kind's save and load. Its training
 * matrix is shared (the hybrid's own) when the contents are the same. */
static rs_model *
copy_model(const rs_model *src, rs_imat *shared, rs_error *err)
{
	rs_model *c;
	void *buf = NULL;
	size_t len = 0;
	int rc;

	if (src->kind->save == NULL || src->kind->load == NULL || src->state == NULL) {
		rs_error_set(err, RS_EINVAL, "model %s (%s) cannot be blended: its kind cannot copy its state",
		    src->name, src->kind->name);
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->name = xstrdup(src->name);
	c->kind = src->kind;
	c->nparams = src->nparams;
	c->keys = xcalloc(src->nparams + 1, sizeof *c->keys);
	c->values = xcalloc(src->nparams + 1, sizeof *c->values);
	for (size_t i = 0; i < src->nparams; i++) {
		c->keys[i] = xstrdup(src->keys[i]);
		c->values[i] = xstrdup(src->values[i]);
	}
	c->nusers = src->nusers;
	c->nitems = src->nitems;
	if (src->popularity != NULL) {
		c->popularity = xmalloc((src->nitems ? src->nitems : 1) * sizeof *c->popularity);
		memcpy(c->popularity, src->popularity, src->nitems * sizeof *c->popularity);
	}
	if (src->train != NULL)
		c->train = shared != NULL && model_imat_same(src->train, shared) ?
		    shared : model_imat_copy(src->train);
	c->fit_seconds = src->fit_seconds;
	if (src->kind->save(src, &buf, &len) != 0) {
		rs_error_set(err, RS_EINVAL, "model %s: its state could not be copied", src->name);
		rc = -1;
	} else
		rc = c->kind->load(c, buf, len, err);
	free(buf);
	if (rc != 0) {
		if (c->train == shared)
			c->train = NULL;
		rs_model_free(c);
		return NULL;
	}
	return c;
}

/* The next comma-separated field of *p into buf; false at the end. */
static bool
next_field(const char **p, char *buf, size_t size)
{
	const char *s = *p, *comma;
	size_t n;

	if (s == NULL || *s == '\0')
		return false;
	comma = strchr(s, ',');
	n = comma ? (size_t)(comma - s) : strlen(s);
	snprintf(buf, size, "%.*s", (int)n, s);
	*p = comma ? comma + 1 : s + n;
	return true;
}

static int
hybrid_fit(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const char *names = rs_model_param(m, "models"), *weights = rs_model_param(m, "weights");
	struct hybrid_state *st = xcalloc(1, sizeof *st);
	char field[256];
	const char *p;
	size_t nw = 0;

	st->normalize = xstrdup(rs_model_param(m, "normalize"));
	for (p = names; next_field(&p, field, sizeof field);)
		st->n++;
	if (st->n == 0) {
		rs_error_set(err, RS_EINVAL, "give the models to blend: models=A,B [weights=0.7,0.3]");
		hybrid_state_free(m, st);
		return -1;
	}
	st->parts = xcalloc(st->n, sizeof *st->parts);
	st->w = xcalloc(st->n, sizeof *st->w);
	if (strcmp(weights, "equal") == 0)
		weights = "";
	for (p = weights; next_field(&p, field, sizeof field); nw++) {
		char *end;
		double w = strtod(field, &end);
		if (field[0] == '\0' || *end != '\0' || !isfinite(w)) {
			rs_error_set(err, RS_EINVAL, "weights: %s is not a number", field);
			hybrid_state_free(m, st);
			return -1;
		}
		if (nw < st->n)
			st->w[nw] = w;
	}
	if (nw == 0)
		for (size_t j = 0; j < st->n; j++)
			st->w[j] = 1.0 / (double)st->n;
	else if (nw != st->n) {
		rs_error_set(err, RS_EINVAL, "%zu weights for %zu models", nw, st->n);
		hybrid_state_free(m, st);
		return -1;
	}
	p = names;
	for (size_t j = 0; j < st->n; j++) {
		const rs_model *src = NULL;
		next_field(&p, field, sizeof field);
		for (size_t k = 0; k < ctx->nmodels; k++)
			if (strcmp(ctx->models[k]->name, field) == 0)
				src = ctx->models[k];
		for (size_t k = 0; k < j; k++)
			if (strcmp(st->parts[k]->name, field) == 0) {
				rs_error_set(err, RS_EINVAL, "models: %s is named twice", field);
				hybrid_state_free(m, st);
				return -1;
			}
		if (src == NULL) {
			char list[512] = "";
			for (size_t k = 0; k < ctx->nmodels; k++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
				    k ? ", " : "", ctx->models[k]->name);
			rs_error_set(err, RS_EINVAL, "models: no trained model named %s (%s%s)",
			    field, list[0] ? "models: " : "none trained yet", list);
			hybrid_state_free(m, st);
			return -1;
		}
		if (src->nusers != ctx->train->nusers || src->nitems != ctx->train->nitems) {
			rs_error_set(err, RS_EINVAL,
			    "model %s was trained on other data (%u users x %u items; now %u x %u): train it again",
			    src->name, src->nusers, src->nitems, ctx->train->nusers,
			    ctx->train->nitems);
			hybrid_state_free(m, st);
			return -1;
		}
		if ((st->parts[j] = copy_model(src, m->train, err)) == NULL) {
			hybrid_state_free(m, st);
			return -1;
		}
	}
	m->state = st;
	return 0;
}

/* ---- scoring ---- */

/* The user's seen items (in the hybrid's training rows) into skip. */
static void
mark_seen(const rs_model *m, uint32_t u, uint8_t *skip, uint8_t v)
{
	const rs_imat *t = m->train;

	if (t == NULL || u >= t->nusers)
		return;
	for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++)
		skip[t->uidx[q]] = v;
}

static void
hybrid_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct hybrid_state *st = m->state;

	#pragma omp parallel if (nu > 1 && (size_t)nu * m->nitems > 20000)
	{
		float *x = xmalloc((m->nitems ? m->nitems : 1) * sizeof *x);
		uint8_t *skip = xcalloc(m->nitems ? m->nitems : 1, 1);
		#pragma omp for schedule(dynamic, 4)
		for (size_t j = 0; j < nu; j++) {
			float *o = out + j * m->nitems;
			memset(o, 0, m->nitems * sizeof *o);
			mark_seen(m, users[j], skip, 1);
			for (size_t c = 0; c < st->n; c++) {
				rs_model_score_user(st->parts[c], users[j], x);
				rs_blend_normalize(st->normalize, x, m->nitems, skip);
				for (uint32_t i = 0; i < m->nitems; i++)
					o[i] += (float)(st->w[c] * x[i]);
			}
			mark_seen(m, users[j], skip, 0);
		}
		free(x);
		free(skip);
	}
}

/* ---- explanations ---- */

extern const rs_model_kind rs_kind_hybrid;

static size_t
hybrid_blend_parts(const rs_model *m, uint32_t user, uint32_t item,
    rs_blend_part *out, size_t max)
{
	const struct hybrid_state *st;
	float *x;
	uint8_t *skip;
	size_t n = 0;

	if (m == NULL || m->kind != &rs_kind_hybrid || m->state == NULL ||
	    item >= m->nitems)
		return 0;
	st = m->state;
	x = xmalloc((m->nitems ? m->nitems : 1) * sizeof *x);
	skip = xcalloc(m->nitems ? m->nitems : 1, 1);
	mark_seen(m, user, skip, 1);
	for (size_t c = 0; c < st->n && n < max; c++) {
		rs_blend_part *bp = &out[n++];
		rs_model_score_user(st->parts[c], user, x);
		bp->model = st->parts[c];
		bp->weight = st->w[c];
		bp->raw = x[item];
		rs_blend_normalize(st->normalize, x, m->nitems, skip);
		bp->normalized = x[item];
		bp->contribution = st->w[c] * x[item];
	}
	free(x);
	free(skip);
	return n;
}

/* The components' reasons, each scaled by the blend weight and (zscore,
 * minmax) the normalization's slope for this user; the same item or user
 * from several components adds up. Under rank normalization the slope is
 * not constant and the weight alone scales. */
static size_t
hybrid_explain(const rs_model *m, uint32_t user, uint32_t item, rs_reason *out,
    size_t max)
{
	const struct hybrid_state *st = m->state;
	size_t cap = 64, n = 0;
	rs_reason *all = xmalloc(st->n * cap * sizeof *all);
	float *x = xmalloc((m->nitems ? m->nitems : 1) * sizeof *x);
	uint8_t *skip = xcalloc(m->nitems ? m->nitems : 1, 1);

	mark_seen(m, user, skip, 1);
	for (size_t c = 0; c < st->n; c++) {
		const rs_model *p = st->parts[c];
		double slope = 1;
		size_t got;
		if (p->kind->explain == NULL)
			continue;
		if (strcmp(st->normalize, "zscore") == 0 ||
		    strcmp(st->normalize, "minmax") == 0) {
			/* the slope of the affine map for this user: 1 / sd or
			   1 / (max - min) over the candidates */
			double lo = INFINITY, hi = -INFINITY, s1 = 0, s2 = 0;
			size_t k = 0;
			rs_model_score_user(p, user, x);
			for (uint32_t i = 0; i < m->nitems; i++)
				if (!skip[i] && !isnan(x[i])) {
					lo = fmin(lo, x[i]);
					hi = fmax(hi, x[i]);
					s1 += x[i];
					k++;
				}
			for (uint32_t i = 0; k > 0 && i < m->nitems; i++)
				if (!skip[i] && !isnan(x[i]))
					s2 += (x[i] - s1 / k) * (x[i] - s1 / k);
			if (strcmp(st->normalize, "minmax") == 0)
				slope = hi > lo ? 1 / (hi - lo) : 0;
			else
				slope = k > 0 && s2 > 0 ? 1 / sqrt(s2 / k) : 0;
		}
		got = p->kind->explain(p, user, item, all + n, cap);
		for (size_t r = n; r < n + got; r++)
			all[r].weight *= st->w[c] * slope;
		n += got;
	}
	free(x);
	free(skip);
	/* merge repeats */
	qsort(all, n, sizeof *all, rs_reason_cmp);
	for (size_t a = 0; a < n; a++)
		for (size_t b = a + 1; b < n; b++)
			if (all[b].id == all[a].id && all[b].is_user == all[a].is_user &&
			    all[b].weight != 0) {
				all[a].weight += all[b].weight;
				all[b].weight = 0;
			}
	qsort(all, n, sizeof *all, rs_reason_cmp);
	while (n > 0 && all[n - 1].weight == 0)
		n--;
	if (n > max)
		n = max;
	memcpy(out, all, n * sizeof *all);
	free(all);
	return n;
}

/* ---- save / load ---- */

#define HYBRID_MAGIC 0x31425948u	/* "HYB1" */

enum { TRAIN_NONE, TRAIN_SHARED, TRAIN_OWN };

static int
hybrid_save(const rs_model *m, void **buf, size_t *len)
{
	const struct hybrid_state *st = m->state;
	blob b = { 0 };

	blob_u32(&b, HYBRID_MAGIC);
	blob_str(&b, st->normalize);
	blob_u64(&b, st->n);
	for (size_t c = 0; c < st->n; c++) {
		const rs_model *p = st->parts[c];
		void *pb = NULL;
		size_t plen = 0;
		blob_f64(&b, st->w[c]);
		blob_str(&b, p->name);
		blob_str(&b, p->kind->name);
		blob_u64(&b, p->nparams);
		for (size_t i = 0; i < p->nparams; i++) {
			blob_str(&b, p->keys[i]);
			blob_str(&b, p->values[i]);
		}
		blob_u32(&b, p->nusers);
		blob_u32(&b, p->nitems);
		blob_u32(&b, p->popularity != NULL);
		if (p->popularity != NULL)
			blob_put(&b, p->popularity, p->nitems * sizeof *p->popularity);
		if (p->train == NULL)
			blob_u32(&b, TRAIN_NONE);
		else if (p->train == m->train)
			blob_u32(&b, TRAIN_SHARED);
		else {
			blob_u32(&b, TRAIN_OWN);
			blob_imat(&b, p->train);
		}
		if (p->kind->save(p, &pb, &plen) != 0) {
			free(b.buf);
			return -1;
		}
		blob_u64(&b, plen);
		blob_put(&b, pb, plen);
		free(pb);
	}
	blob_take(&b, buf, len);
	return 0;
}

/* One component back from the bytes; NULL with err. */
static rs_model *
load_part(rs_model *m, blob_reader *r, double *w, rs_error *err)
{
	rs_model *p = xcalloc(1, sizeof *p);
	char *kind;
	uint64_t np, plen;
	uint32_t mode;
	const rs_model_kind *k;
	bool ok;

	*w = blob_get_f64(r);
	p->name = blob_get_str(r);
	kind = blob_get_str(r);
	np = blob_get_u64(r);
	k = kind != NULL ? rs_model_kind_find(kind) : NULL;
	ok = r->ok && p->name != NULL && k != NULL && np <= r->left / 8;
	free(kind);
	if (ok) {
		p->kind = k;
		p->keys = xcalloc(np + 1, sizeof *p->keys);
		p->values = xcalloc(np + 1, sizeof *p->values);
		for (; ok && p->nparams < np; p->nparams++) {
			p->keys[p->nparams] = blob_get_str(r);
			p->values[p->nparams] = blob_get_str(r);
			ok = p->keys[p->nparams] != NULL && p->values[p->nparams] != NULL;
		}
		p->nusers = blob_get_u32(r);
		p->nitems = blob_get_u32(r);
		ok = ok && r->ok && p->nusers == m->nusers && p->nitems == m->nitems;
	}
	if (ok && blob_get_u32(r) != 0)
		p->popularity = blob_get_array(r, p->nitems, sizeof *p->popularity);
	mode = blob_get_u32(r);
	ok = ok && r->ok;
	if (ok && mode == TRAIN_SHARED)
		ok = (p->train = m->train) != NULL;
	else if (ok && mode == TRAIN_OWN)
		ok = (p->train = blob_get_imat(r)) != NULL && p->train->nusers == p->nusers &&
		    p->train->nitems == p->nitems;
	else if (mode != TRAIN_NONE)
		ok = false;
	plen = blob_get_u64(r);
	ok = ok && r->ok && plen <= r->left;
	if (ok) {
		ok = p->kind->load(p, r->p, (size_t)plen, err) == 0;
		r->p += plen;
		r->left -= plen;
		if (!ok) {
			char msg[sizeof err->msg];
			snprintf(msg, sizeof msg, "%s", err->msg);
			rs_error_set(err, RS_EPARSE, "model %s: component %s: %s", m->name,
			    p->name, msg);
		}
	} else
		rs_error_set(err, RS_EPARSE, "model %s: the saved hybrid state is damaged",
		    m->name);
	if (!ok) {
		if (p->train == m->train)
			p->train = NULL;
		rs_model_free(p);
		return NULL;
	}
	return p;
}

static int
hybrid_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	struct hybrid_state *st = xcalloc(1, sizeof *st);
	blob_reader r;
	uint64_t n;
	bool ok;

	blob_reader_init(&r, buf, len);
	ok = blob_get_u32(&r) == HYBRID_MAGIC;
	st->normalize = blob_get_str(&r);
	n = blob_get_u64(&r);
	ok = ok && r.ok && st->normalize != NULL && n > 0 && n <= r.left / 8 &&
	    (strcmp(st->normalize, "rank") == 0 || strcmp(st->normalize, "zscore") == 0 ||
	    strcmp(st->normalize, "minmax") == 0 || strcmp(st->normalize, "none") == 0);
	if (!ok) {
		hybrid_state_free(m, st);
		rs_error_set(err, RS_EPARSE, "model %s: the saved hybrid state is damaged",
		    m->name);
		return -1;
	}
	st->parts = xcalloc(n, sizeof *st->parts);
	st->w = xcalloc(n, sizeof *st->w);
	for (st->n = 0; st->n < n; st->n++)
		if ((st->parts[st->n] = load_part(m, &r, &st->w[st->n], err)) == NULL) {
			hybrid_state_free(m, st);
			return -1;
		}
	if (r.left != 0) {
		hybrid_state_free(m, st);
		rs_error_set(err, RS_EPARSE, "model %s: the saved hybrid state is damaged",
		    m->name);
		return -1;
	}
	m->state = st;
	return 0;
}

static void
hybrid_free_state(rs_model *m)
{
	hybrid_state_free(m, m->state);
	m->state = NULL;
}

const rs_model_kind rs_kind_hybrid = {
	.name = "hybrid",
	.help = "a weighted blend of trained models (models=A,B weights=0.7,0.3): each one's "
	    "scores normalized per user (rank, zscore, minmax or none), then summed; the "
	    "components are copied as they are at training",
	.params = hybrid_params,
	.fit = hybrid_fit,
	.score = hybrid_score,
	.explain = hybrid_explain,
	.blend_parts = hybrid_blend_parts,
	.save = hybrid_save,
	.load = hybrid_load,
	.free_state = hybrid_free_state,
};
