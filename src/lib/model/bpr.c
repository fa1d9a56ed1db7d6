/* BPR-MF (Rendle et al. 2009): pairwise ranking by SGD with uniform or popularity-aware negative sampling. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"
#include "util/xmalloc.h"

#define PURPOSE_P 0x50
#define PURPOSE_Q 0x51

static const rs_param_spec bpr_params[] = {
	{ "factors", RS_PARAM_INT, "64", 1, 4096, NULL, "latent factors per user and item" },
	{ "epochs", RS_PARAM_INT, "60", 1, 100000, NULL,
	  "SGD passes: one sampled negative per training pair each (train epochs= overrides)" },
	{ "lr", RS_PARAM_NUM, "0.1", 1e-6, 1000, NULL, "SGD learning rate of the first epoch" },
	{ "decay", RS_PARAM_NUM, "0.95", 0.01, 1, NULL,
	  "learning-rate schedule: epoch e uses lr * decay^(e-1)" },
	{ "reg", RS_PARAM_NUM, "0.03", 0, 1e6, NULL, "L2 regularization of the factors" },
	{ "reg_bias", RS_PARAM_NUM, "0.01", 0, 1e6, NULL, "L2 regularization of the item biases" },
	{ "sampling", RS_PARAM_ENUM, "uniform", 0, -1, "uniform|pop",
	  "negatives: uniform over items, or pop: in proportion to popularity^pop_exp" },
	{ "pop_exp", RS_PARAM_NUM, "0.75", 0, 2, NULL, "sampling=pop: exponent of item popularity" },
	{ "init", RS_PARAM_NUM, "0.1", 0, 10, NULL, "standard deviation of the initial factors" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static int
bpr_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	uint32_t k = (uint32_t)rs_model_param_num(m, "factors");
	double init = rs_model_param_num(m, "init");
	fac_state *s;

	(void)err;
	s = fac_new(FAC_BPR, k, t->nusers, t->nitems);
	/* items without positives start at zero and only ever act as negatives */
	fac_init_normal(s->P, t->nusers, k, init, ctx->seed, PURPOSE_P, t->uptr);
	fac_init_normal(s->Q, t->nitems, k, init, ctx->seed, PURPOSE_Q, t->iptr);
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

struct bpr_pass {
	fac_state *s;
	const rs_imat *t;
	float lr, reg, reg_bias;
	const double *cum;	/* sampling=pop: cumulative weights of the items
				   in strata order (st->items), or NULL */
	uint64_t *samples;	/* per stratum: updates made */
};

/* whether j is one of u's training items (binary search of u's row) */
static bool
is_positive(const rs_imat *t, uint32_t u, uint32_t j)
{
	uint64_t lo = t->uptr[u], hi = t->uptr[u + 1];

	while (lo < hi) {
		uint64_t mid = (lo + hi) / 2;
		if (t->uidx[mid] < j)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->uptr[u + 1] && t->uidx[lo] == j;
}

/* A negative from item block ib (the stratum's items). */
static uint32_t
draw_item(const struct bpr_pass *c, const fac_strata *st, uint32_t ib,
    rnd_gen *rng)
{
	uint32_t a = st->istart[ib], b = st->istart[ib + 1];

	if (c->cum == NULL)
		return st->items[a + rnd_below(rng, b - a)];
	{
		double lo_w = a ? c->cum[a - 1] : 0, x = lo_w + rnd_uniform(rng) * (c->cum[b - 1] - lo_w);
		uint32_t lo = a, hi = b - 1;
		while (lo < hi) {	/* first position with cum > x */
			uint32_t mid = lo + (hi - lo) / 2;
			if (c->cum[mid] > x)
				hi = mid;
			else
				lo = mid + 1;
		}
		return st->items[lo];
	}
}

static inline double
softplus(double x)
{
	return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}

/* SGD on one stratum: for each positive (u, i), a negative j from the same
 * item block; returns the summed -ln sigma(x_uij) before the updates. */
FAC_HOT static double
bpr_stratum(void *vctx, const fac_strata *st, uint32_t ub, uint32_t ib,
    rnd_gen *rng)
{
	const struct bpr_pass *c = vctx;
	fac_state *s = c->s;
	const uint32_t k = s->k, B = FAC_BLOCKS;
	const float lr = c->lr, reg = c->reg, regb = c->reg_bias;
	double loss = 0;
	uint64_t done = 0;

	if (st->istart[ib + 1] == st->istart[ib] ||
	    (c->cum != NULL && !(c->cum[st->istart[ib + 1] - 1] >
	    (st->istart[ib] ? c->cum[st->istart[ib] - 1] : 0)))) {
		c->samples[ub * B + ib] = 0;
		return 0;
	}
	for (uint64_t e = st->start[ub * B + ib]; e < st->start[ub * B + ib + 1]; e++) {
		uint32_t u = st->ent[e].u, i = st->ent[e].i, j = 0;
		float *restrict p, *restrict qi, *restrict qj, x, z;
		int tries;
		for (tries = 0; tries < 16; tries++) {
			j = draw_item(c, st, ib, rng);
			if (!is_positive(c->t, u, j))
				break;
		}
		if (tries == 16)
			continue;	/* the user has nearly every item of the block */
		p = s->P + (size_t)u * k;
		qi = s->Q + (size_t)i * k;
		qj = s->Q + (size_t)j * k;
		x = s->bi[i] - s->bi[j] + fac_dot(p, qi, k) - fac_dot(p, qj, k);
		loss += softplus(-(double)x);
		done++;
		z = 1.0f / (1.0f + expf(x));	/* sigma(-x): the gradient scale */
		s->bi[i] += lr * (z - regb * s->bi[i]);
		s->bi[j] += lr * (-z - regb * s->bi[j]);
		#pragma omp simd
		for (uint32_t f = 0; f < k; f++) {
			float pf = p[f], qif = qi[f], qjf = qj[f];
			p[f] = pf + lr * (z * (qif - qjf) - reg * pf);
			qi[f] = qif + lr * (z * pf - reg * qif);
			qj[f] = qjf + lr * (-z * pf - reg * qjf);
		}
	}
	c->samples[ub * B + ib] = done;
	return loss;
}

static int
bpr_epoch(rs_model *m, const rs_train_ctx *ctx, uint32_t epoch, double *loss,
    rs_error *err)
{
	const rs_imat *t = ctx->train;
	struct bpr_pass c;
	fac_strata st;
	double sum, *cum = NULL;
	uint64_t samples[FAC_BLOCKS * FAC_BLOCKS], n = 0;

	(void)err;
	c.s = m->state;
	c.t = t;
	c.lr = (float)(rs_model_param_num(m, "lr") *
	    pow(rs_model_param_num(m, "decay"), (double)epoch - 1));
	c.reg = (float)rs_model_param_num(m, "reg");
	c.reg_bias = (float)rs_model_param_num(m, "reg_bias");
	c.samples = samples;
	fac_strata_build(&st, t, ctx->seed, epoch);
	if (strcmp(rs_model_param(m, "sampling"), "pop") == 0) {
		/* cumulative popularity^pop_exp per item block, in block order */
		double e = rs_model_param_num(m, "pop_exp");
		cum = xmalloc((t->nitems ? t->nitems : 1) * sizeof *cum);
		for (uint32_t b = 0; b < FAC_BLOCKS; b++) {
			double run = st.istart[b] ? cum[st.istart[b] - 1] : 0;
			for (uint32_t j = st.istart[b]; j < st.istart[b + 1]; j++) {
				uint32_t it = st.items[j];
				run += pow((double)(t->iptr[it + 1] - t->iptr[it]), e);
				cum[j] = run;
			}
		}
	}
	c.cum = cum;
	sum = fac_strata_run(&st, bpr_stratum, &c, ctx->seed, epoch);
	fac_strata_free(&st);
	free(cum);
	for (size_t b = 0; b < FAC_BLOCKS * FAC_BLOCKS; b++)
		n += samples[b];
	*loss = n ? sum / (double)n : 0;
	return 0;
}

/* Item-item cosine of the factors, each past item weighted by its
 * training value (1 for positives). */
static size_t
bpr_explain(const rs_model *m, uint32_t user, uint32_t item, rs_reason *out,
    size_t max)
{
	const rs_imat *t = m->train;

	if (t == NULL || user >= t->nusers)
		return 0;
	return fac_explain_cosine(m, user, item, t->uval + t->uptr[user], out, max);
}

static int
bpr_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	return fac_load_type(m, FAC_BPR, buf, len, err);
}

const rs_model_kind rs_kind_bpr = {
	.name = "bpr",
	.help = "BPR-MF: item bias + p_u.q_i trained to rank each positive above a sampled "
	    "negative (uniform, or popularity-aware with sampling=pop); parallel by DSGD "
	    "strata, negatives drawn from the positive's item block; defaults chosen on MovieLens 100K",
	.params = bpr_params,
	/* the item biases reach popularity's ranking in the first pass; on
	 * a sparse log (a dozen rows a user) the factors need some ten
	 * more before the validation score passes it, and patience=3 used to
	 * stop at epoch 4 keeping epoch 1 */
	.warm_up = true,
	.begin = bpr_begin,
	.epoch = bpr_epoch,
	.snapshot = fac_snapshot,
	.restore = fac_restore,
	.free_snapshot = fac_free_snapshot,
	.score = fac_score_users,
	.explain = bpr_explain,
	.similar = fac_similar,
	.save = fac_save,
	.load = bpr_load,
	.free_state = fac_free_state,
};
