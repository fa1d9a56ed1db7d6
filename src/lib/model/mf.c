/* Rating models: biased matrix factorization (mf) by stratified SGD, and SVD++ (svdpp) with its implicit term. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"
#include "util/xmalloc.h"

#define PURPOSE_P 0x50	/* random streams: initial P, Q, Y, epoch order */
#define PURPOSE_Q 0x51
#define PURPOSE_Y 0x59
#define PURPOSE_ORDER 0x4f52440000000000ULL

static const rs_param_spec mf_params[] = {
	{ "factors", RS_PARAM_INT, "128", 1, 4096, NULL, "latent factors per user and item" },
	{ "epochs", RS_PARAM_INT, "40", 1, 100000, NULL,
	  "SGD passes over the ratings (train epochs= overrides)" },
	{ "lr", RS_PARAM_NUM, "0.045", 1e-6, 1000, NULL, "SGD learning rate of the first epoch" },
	{ "decay", RS_PARAM_NUM, "0.93", 0.01, 1, NULL,
	  "learning-rate schedule: epoch e uses lr * decay^(e-1)" },
	{ "reg", RS_PARAM_NUM, "0.065", 0, 1e6, NULL, "L2 regularization of the factors" },
	{ "reg_bias", RS_PARAM_NUM, "0.05", 0, 1e6, NULL, "L2 regularization of the user and item biases" },
	{ "reg_exp", RS_PARAM_NUM, "1", 0, 2, NULL,
	  "a user's (item's) factor penalty grows as its rating count^reg_exp: 1 is plain "
	  "per-rating L2, 0.5 the weighted trace norm, 0 the same for everyone" },
	{ "init", RS_PARAM_NUM, "0.001", 0, 10, NULL, "standard deviation of the initial factors" },
	{ "clip", RS_PARAM_ENUM, "yes", 0, -1, "yes|no",
	  "clip predictions to the range of the training values" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const rs_param_spec svdpp_params[] = {
	{ "factors", RS_PARAM_INT, "64", 1, 4096, NULL, "latent factors per user and item" },
	{ "epochs", RS_PARAM_INT, "40", 1, 100000, NULL,
	  "SGD passes over the ratings (train epochs= overrides)" },
	{ "lr", RS_PARAM_NUM, "0.045", 1e-6, 1000, NULL, "SGD learning rate of the first epoch" },
	{ "decay", RS_PARAM_NUM, "0.93", 0.01, 1, NULL,
	  "learning-rate schedule: epoch e uses lr * decay^(e-1)" },
	{ "reg", RS_PARAM_NUM, "0.065", 0, 1e6, NULL, "L2 regularization of the factors" },
	{ "reg_bias", RS_PARAM_NUM, "0.05", 0, 1e6, NULL, "L2 regularization of the user and item biases" },
	{ "reg_implicit", RS_PARAM_NUM, "0.05", 0, 1e6, NULL,
	  "L2 regularization of the implicit item factors y" },
	{ "init", RS_PARAM_NUM, "0.001", 0, 10, NULL, "standard deviation of the initial factors" },
	{ "clip", RS_PARAM_ENUM, "yes", 0, -1, "yes|no",
	  "clip predictions to the range of the training values" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

/* New state: biases zero, mean and value range from the training rows. */
static int
rating_begin(rs_model *m, const rs_train_ctx *ctx, enum fac_type type,
    rs_error *err)
{
	const rs_imat *t = ctx->train;
	uint32_t k = (uint32_t)rs_model_param_num(m, "factors");
	double init = rs_model_param_num(m, "init");
	fac_state *s;

	(void)err;
	s = fac_new(type, k, t->nusers, t->nitems);
	s->mu = (float)t->mean;
	s->lo = INFINITY;
	s->hi = -INFINITY;
	for (size_t q = 0; q < t->nnz; q++) {
		if (t->uval[q] < s->lo)
			s->lo = t->uval[q];
		if (t->uval[q] > s->hi)
			s->hi = t->uval[q];
	}
	/* users and items without ratings keep zero factors */
	fac_init_normal(s->P, t->nusers, k, init, ctx->seed, PURPOSE_P, t->uptr);
	fac_init_normal(s->Q, t->nitems, k, init, ctx->seed, PURPOSE_Q, t->iptr);
	if (s->Y != NULL)
		fac_init_normal(s->Y, t->nitems, k, init, ctx->seed, PURPOSE_Y, t->iptr);
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

static int
mf_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	return rating_begin(m, ctx, FAC_MF, err);
}

static int
svdpp_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	return rating_begin(m, ctx, FAC_SVDPP, err);
}

/* The learning rates and regularization of one epoch. */
struct sgd_rates {
	float lr, lr_bias, reg, reg_bias, reg_y;
};

static struct sgd_rates
epoch_rates(const rs_model *m, uint32_t epoch)
{
	struct sgd_rates r;
	double lr = rs_model_param_num(m, "lr") *
	    pow(rs_model_param_num(m, "decay"), (double)epoch - 1);

	r.lr = r.lr_bias = (float)lr;
	r.reg = (float)rs_model_param_num(m, "reg");
	r.reg_bias = (float)rs_model_param_num(m, "reg_bias");
	r.reg_y = (float)rs_model_param_num(m, "reg_implicit");
	return r;
}

/* ---- mf: one SGD pass, stratum by stratum ---- */

struct mf_pass {
	fac_state *s;
	const rs_imat *t;
	struct sgd_rates r;
	float *ureg, *ireg;	/* per-rating factor penalty of each user, item */
	float emax;		/* errors clipped to +-emax (fac_error_bound) */
};

/* reg * (n / mean n)^(reg_exp - 1) for each row of ptr: applied once per
 * rating, the penalty of a row with n ratings grows as n^reg_exp */
static float *
row_penalties(const uint64_t *ptr, uint32_t n, float reg, double e)
{
	float *w = xmalloc((n ? n : 1) * sizeof *w);
	uint32_t rows = 0;
	double mean;

	for (uint32_t r = 0; r < n; r++)
		rows += ptr[r + 1] > ptr[r];
	mean = rows ? (double)ptr[n] / rows : 1;
	for (uint32_t r = 0; r < n; r++) {
		double c = (double)(ptr[r + 1] - ptr[r]);
		w[r] = c > 0 ? (float)(reg * pow(c / mean, e - 1)) : reg;
	}
	return w;
}

/* SGD over one stratum's ratings; returns their squared error (measured
 * before each update). */
FAC_HOT static double
mf_stratum(void *vctx, const fac_strata *st, uint32_t ub, uint32_t ib,
    rnd_gen *rng)
{
	const struct mf_pass *c = vctx;
	fac_state *s = c->s;
	const uint32_t k = s->k, B = FAC_BLOCKS;
	const float lr = c->r.lr, lrb = c->r.lr_bias, regb = c->r.reg_bias, mu = s->mu;
	double sse = 0;

	(void)rng;
	for (uint64_t e = st->start[ub * B + ib]; e < st->start[ub * B + ib + 1]; e++) {
		uint32_t u = st->ent[e].u, i = st->ent[e].i;
		float *restrict p = s->P + (size_t)u * k;
		float *restrict qi = s->Q + (size_t)i * k;
		float err = st->ent[e].v - (mu + s->bu[u] + s->bi[i] + fac_dot(p, qi, k));
		float regu = c->ureg[u], regi = c->ireg[i];
		/* weighting=: the pair's loss counts w times (w = 1 otherwise) */
		sse += (double)st->ent[e].w * err * err;
		err = err > c->emax ? c->emax : err < -c->emax ? -c->emax : err;
		err *= st->ent[e].w;
		s->bu[u] += lrb * (err - regb * s->bu[u]);
		s->bi[i] += lrb * (err - regb * s->bi[i]);
		#pragma omp simd
		for (uint32_t f = 0; f < k; f++) {
			float pf = p[f], qf = qi[f];
			p[f] = pf + lr * (err * qf - regu * pf);
			qi[f] = qf + lr * (err * pf - regi * qf);
		}
	}
	return sse;
}

static int
mf_epoch(rs_model *m, const rs_train_ctx *ctx, uint32_t epoch, double *loss,
    rs_error *err)
{
	struct mf_pass c;
	fac_strata st;
	double sse;

	(void)err;
	c.s = m->state;
	c.t = ctx->train;
	c.r = epoch_rates(m, epoch);
	c.emax = fac_error_bound(c.t);
	c.ureg = row_penalties(c.t->uptr, c.t->nusers, c.r.reg, rs_model_param_num(m, "reg_exp"));
	c.ireg = row_penalties(c.t->iptr, c.t->nitems, c.r.reg, rs_model_param_num(m, "reg_exp"));
	fac_strata_build(&st, ctx->train, ctx->seed, epoch);
	sse = fac_strata_run(&st, mf_stratum, &c, ctx->seed, epoch);
	fac_strata_free(&st);
	free(c.ureg);
	free(c.ireg);
	*loss = ctx->train->nnz ? sqrt(sse / (double)ctx->train->nnz) : 0;
	return 0;
}

/* ---- svdpp: users in random order, one thread ----
 * The implicit sum z = |N(u)|^-1/2 sum y_j is computed once per user and
 * the y_j receive the user's accumulated gradient after the user's ratings
 * (the usual O(nnz k) form of the update); every y_j update touches many
 * items, so strata cannot separate them and the pass is sequential. */

/* z = |N(u)|^-1/2 sum over u's training items of y_j, into z */
static void
implicit_sum(const fac_state *s, const rs_imat *t, uint32_t u, float *z)
{
	uint64_t a = t->uptr[u], b = t->uptr[u + 1];
	float norm = b > a ? 1.0f / sqrtf((float)(b - a)) : 0;

	memset(z, 0, s->k * sizeof *z);
	for (uint64_t q = a; q < b; q++) {
		const float *y = s->Y + (size_t)t->uidx[q] * s->k;
		#pragma omp simd
		for (uint32_t f = 0; f < s->k; f++)
			z[f] += y[f];
	}
	for (uint32_t f = 0; f < s->k; f++)
		z[f] *= norm;
}

FAC_HOT static int
svdpp_epoch(rs_model *m, const rs_train_ctx *ctx, uint32_t epoch, double *loss,
    rs_error *err)
{
	fac_state *s = m->state;
	const rs_imat *t = ctx->train;
	const uint32_t k = s->k;
	struct sgd_rates r = epoch_rates(m, epoch);
	uint32_t *order = xmalloc((t->nusers ? t->nusers : 1) * sizeof *order);
	uint64_t *rows = NULL;
	size_t cap = 0;
	float *z = xmalloc(k * sizeof *z), *acc = xmalloc(k * sizeof *acc);
	float *pz = xmalloc(k * sizeof *pz);	/* p_u + z */
	rnd_gen g = rnd_stream(ctx->seed, PURPOSE_ORDER | epoch, 0);
	double sse = 0;
	const float emax = fac_error_bound(t);

	(void)err;
	for (uint32_t u = 0; u < t->nusers; u++)
		order[u] = u;
	for (uint32_t u = t->nusers; u > 1; u--) {
		uint32_t j = rnd_below(&g, u), tmp = order[u - 1];
		order[u - 1] = order[j];
		order[j] = tmp;
	}
	for (uint32_t o = 0; o < t->nusers; o++) {
		uint32_t u = order[o];
		uint64_t a = t->uptr[u], n = t->uptr[u + 1] - a;
		float *restrict p = s->P + (size_t)u * k;
		float norm, shrink;
		if (n == 0)
			continue;
		if (n > cap) {
			cap = n;
			rows = xreallocarray(rows, cap, sizeof *rows);
		}
		for (uint64_t j = 0; j < n; j++)
			rows[j] = a + j;
		for (uint64_t j = n; j > 1; j--) {
			uint64_t x = rnd_below(&g, (uint32_t)j), tmp = rows[j - 1];
			rows[j - 1] = rows[x];
			rows[x] = tmp;
		}
		implicit_sum(s, t, u, z);
		for (uint32_t f = 0; f < k; f++)
			pz[f] = p[f] + z[f];
		memset(acc, 0, k * sizeof *acc);
		for (uint64_t j = 0; j < n; j++) {
			uint64_t q = rows[j];
			uint32_t i = t->uidx[q];
			float *restrict qi = s->Q + (size_t)i * k, e;
			e = t->uval[q] - (s->mu + s->bu[u] + s->bi[i] + fac_dot(qi, pz, k));
			sse += (double)e * e;
			e = e > emax ? emax : e < -emax ? -emax : e;
			s->bu[u] += r.lr_bias * (e - r.reg_bias * s->bu[u]);
			s->bi[i] += r.lr_bias * (e - r.reg_bias * s->bi[i]);
			#pragma omp simd
			for (uint32_t f = 0; f < k; f++) {
				float pf = p[f], qf = qi[f];
				p[f] = pf + r.lr * (e * qf - r.reg * pf);
				qi[f] = qf + r.lr * (e * pz[f] - r.reg * qf);
				acc[f] += e * qf;
				pz[f] = p[f] + z[f];
			}
		}
		/* the user's summed gradient for each y_j; the regularization
		 * the per-rating updates would apply n times */
		norm = 1.0f / sqrtf((float)n);
		shrink = r.lr * r.reg_y * (float)n;
		if (shrink > 0.5f)
			shrink = 0.5f;
		for (uint64_t q = a; q < a + n; q++) {
			float *restrict y = s->Y + (size_t)t->uidx[q] * k;
			#pragma omp simd
			for (uint32_t f = 0; f < k; f++)
				y[f] += r.lr * norm * acc[f] - shrink * y[f];
		}
	}
	free(order);
	free(rows);
	free(z);
	free(acc);
	free(pz);
	*loss = t->nnz ? sqrt(sse / (double)t->nnz) : 0;
	return 0;
}

/* ---- scoring ---- */

static void
rating_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const fac_state *s = m->state;
	const uint32_t k = s->k;
	bool clip = strcmp(rs_model_param(m, "clip"), "yes") == 0;
	float *rows = xcalloc(nu ? nu * k : 1, sizeof *rows);

	for (size_t j = 0; j < nu; j++) {
		if (users[j] >= s->nusers)
			continue;
		if (s->Y != NULL && m->train != NULL && users[j] < m->train->nusers) {
			implicit_sum(s, m->train, users[j], rows + j * k);
			for (uint32_t f = 0; f < k; f++)
				rows[j * k + f] += s->P[(size_t)users[j] * k + f];
		} else
			memcpy(rows + j * k, s->P + (size_t)users[j] * k, k * sizeof *rows);
	}
	fac_score_dot(s, rows, nu, out);
	for (size_t j = 0; j < nu; j++) {
		float base = s->mu + (users[j] < s->nusers ? s->bu[users[j]] : 0);
		float *o = out + j * s->nitems;
		for (uint32_t i = 0; i < s->nitems; i++) {
			float v = o[i] + base;
			if (clip)
				v = v < s->lo ? s->lo : v > s->hi ? s->hi : v;
			o[i] = v;
		}
	}
	free(rows);
}

/* ---- explanations ----
 * mf: each past item j weighs in by the cosine of its factors with the
 * item's, times how much the user's rating of j exceeded what the biases
 * predict (r - mu - b_u - b_j). svdpp: the implicit term is a sum over past
 * items, so each j's share |N(u)|^-1/2 q_i . y_j is exact. */
static size_t
mf_explain(const rs_model *m, uint32_t user, uint32_t item, rs_reason *out,
    size_t max)
{
	const fac_state *s = m->state;
	const rs_imat *t = m->train;
	float *w;
	size_t n;

	if (s == NULL || t == NULL || user >= t->nusers || user >= s->nusers)
		return 0;
	w = xmalloc((t->uptr[user + 1] - t->uptr[user] + 1) * sizeof *w);
	for (uint64_t q = t->uptr[user]; q < t->uptr[user + 1]; q++)
		w[q - t->uptr[user]] = t->uval[q] -
		    (s->mu + s->bu[user] + s->bi[t->uidx[q]]);
	n = fac_explain_cosine(m, user, item, w, out, max);
	free(w);
	return n;
}

static size_t
svdpp_explain(const rs_model *m, uint32_t user, uint32_t item, rs_reason *out,
    size_t max)
{
	const fac_state *s = m->state;
	const rs_imat *t = m->train;
	uint64_t a, b;
	rs_reason *r;
	size_t n;
	float norm;

	if (s == NULL || t == NULL || user >= t->nusers || item >= s->nitems)
		return 0;
	a = t->uptr[user];
	b = t->uptr[user + 1];
	if (a == b)
		return 0;
	norm = 1.0f / sqrtf((float)(b - a));
	r = xmalloc((b - a) * sizeof *r);
	for (uint64_t q = a; q < b; q++) {
		r[q - a].id = t->uidx[q];
		r[q - a].is_user = false;
		r[q - a].weight = norm * fac_dot(s->Q + (size_t)item * s->k,
		    s->Y + (size_t)t->uidx[q] * s->k, s->k);
	}
	n = fac_reasons_top(r, b - a, max);
	memcpy(out, r, n * sizeof *r);
	free(r);
	return n;
}

/* ---- learning from new events (rs_model_update) ----
 * One SGD step per event, in the events' order, with the model's lr (the
 * first epoch's rate: a new event has not been seen by the decayed epochs)
 * and its reg, reg_bias and reg_exp penalties, exactly the update of a
 * training epoch; mu and the clipping range stay as trained. Users and
 * items new to the model start from zero factors and biases (so an event
 * between a new user and a new item moves only the biases). */

/* The reg_exp penalty of a row with c entries when rows with entries have
 * mean entries on average (row_penalties for one row). */
static float
row_penalty(uint64_t c, double mean, float reg, double e)
{
	return c > 0 ? (float)(reg * pow((double)c / mean, e - 1)) : reg;
}

static double
mean_row(const uint64_t *ptr, uint32_t n)
{
	uint32_t rows = 0;

	for (uint32_t r = 0; r < n; r++)
		rows += ptr[r + 1] > ptr[r];
	return rows ? (double)ptr[n] / rows : 1;
}

static int
mf_update(rs_model *m, const rs_event *ev, size_t n, rs_error *err)
{
	fac_state *s = m->state;
	const rs_imat *t = m->train;
	struct sgd_rates r = epoch_rates(m, 1);
	double e = rs_model_param_num(m, "reg_exp");
	double umean = mean_row(t->uptr, t->nusers), imean = mean_row(t->iptr, t->nitems);
	const uint32_t k = s->k;

	(void)err;
	fac_grow(s, t->nusers, t->nitems);
	for (size_t j = 0; j < n; j++) {
		uint32_t u = ev[j].user, i = ev[j].item;
		float *restrict p = s->P + (size_t)u * k;
		float *restrict qi = s->Q + (size_t)i * k;
		float regu = row_penalty(t->uptr[u + 1] - t->uptr[u], umean, r.reg, e);
		float regi = row_penalty(t->iptr[i + 1] - t->iptr[i], imean, r.reg, e);
		float err_ = ev[j].value - (s->mu + s->bu[u] + s->bi[i] + fac_dot(p, qi, k));
		s->bu[u] += r.lr_bias * (err_ - r.reg_bias * s->bu[u]);
		s->bi[i] += r.lr_bias * (err_ - r.reg_bias * s->bi[i]);
		for (uint32_t f = 0; f < k; f++) {
			float pf = p[f], qf = qi[f];
			p[f] = pf + r.lr * (err_ * qf - regu * pf);
			qi[f] = qf + r.lr * (err_ * pf - regi * qf);
		}
	}
	return 0;
}

static int
mf_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	return fac_load_type(m, FAC_MF, buf, len, err);
}

static int
svdpp_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	return fac_load_type(m, FAC_SVDPP, buf, len, err);
}

const rs_model_kind rs_kind_mf = {
	.name = "mf",
	.help = "biased matrix factorization for ratings: mu + b_u + b_i + p_u.q_i fit by SGD "
	    "(L2 on factors and biases, decaying learning rate); parallel by DSGD strata, "
	    "the same result for any thread count; defaults chosen on MovieLens 100K",
	.params = mf_params,
	.explicit_values = true,
	.begin = mf_begin,
	.epoch = mf_epoch,
	.snapshot = fac_snapshot,
	.restore = fac_restore,
	.free_snapshot = fac_free_snapshot,
	.score = rating_score,
	.explain = mf_explain,
	.similar = fac_similar,
	.save = fac_save,
	.load = mf_load,
	.free_state = fac_free_state,
	.update = mf_update,
};

const rs_model_kind rs_kind_svdpp = {
	.name = "svdpp",
	.help = "SVD++ for ratings: mf plus an implicit term |N(u)|^-1/2 sum of y_j over the "
	    "items the user rated; SGD on one thread; defaults chosen on MovieLens 100K",
	.params = svdpp_params,
	.explicit_values = true,
	.begin = svdpp_begin,
	.epoch = svdpp_epoch,
	.snapshot = fac_snapshot,
	.restore = fac_restore,
	.free_snapshot = fac_free_snapshot,
	.score = rating_score,
	.explain = svdpp_explain,
	.similar = fac_similar,
	.save = fac_save,
	.load = svdpp_load,
	.free_state = fac_free_state,
};
