/* Fair re-ranking of each user's top-K candidates (MMR, xQuAD, calibrated, FA*IR, maximin) into an imported model. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/fair.h"
#include "reelscope/features.h"
#include "eval/eval-int.h"
#include "fair/fair-int.h"
#include "model/imported.h"
#include "util/xmalloc.h"

static const char *const method_names[] = { "mmr", "xquad", "calibrated", "fair",
	"maximin" };

const char *
rs_rerank_method_name(int method)
{
	return method >= 0 && method < 5 ? method_names[method] : "?";
}

int
rs_rerank_method_parse(const char *name)
{
	for (int i = 0; i < 5; i++)
		if (strcmp(name, method_names[i]) == 0)
			return i;
	return -1;
}

const char *
rs_rerank_sweep_param(int method)
{
	return method == RS_RERANK_FAIR ? "p" : method == RS_RERANK_MAXIMIN ? "alpha" :
	    "lambda";
}

void
rs_rerank_opts_init(rs_rerank_opts *o, int method)
{
	memset(o, 0, sizeof *o);
	o->method = method;
	o->k = 10;
	o->candidates = 100;
	o->lambda = 0.5;
	o->p = 0.5;
	o->alpha = method == RS_RERANK_MAXIMIN ? 1 : 0.1;
	o->head = 0.8;
}

const char *
rs_rerank_check(const rs_rerank_opts *o)
{
	if (o->method < 0 || o->method > RS_RERANK_MAXIMIN)
		return "unknown method (mmr, xquad, calibrated, fair, maximin)";
	if (o->k == 0)
		return "k must be at least 1";
	if (o->candidates < o->k)
		return "candidates must be at least k";
	if (!(o->lambda >= 0 && o->lambda <= 1))
		return "lambda must lie between 0 and 1";
	if (!(o->p >= 0 && o->p <= 1))
		return "p must lie between 0 and 1";
	if (o->method == RS_RERANK_FAIR && !(o->alpha > 0 && o->alpha < 1))
		return "alpha (significance) must lie strictly between 0 and 1";
	if (o->method == RS_RERANK_MAXIMIN && !(o->alpha >= 0 && o->alpha <= 1e6))
		return "alpha (quota factor) must be 0 or more";
	if (!(o->head > 0 && o->head < 1))
		return "head must lie strictly between 0 and 1";
	return NULL;
}

/* What every method needs about one user. */
struct cands {
	uint32_t n;
	const uint32_t *item;	/* candidates, best first */
	double *s;		/* min-max normalised scores */
	uint8_t *used;
};

/* Smallest t with BinomCDF(t; n, p) >= alpha (scipy's binom.ppf). */
static uint32_t
binom_quantile(uint32_t n, double p, double alpha)
{
	double cdf = 0;

	for (uint32_t t = 0; t <= n; t++) {
		/* pmf by logs: stable for any n */
		double lp = lgamma(n + 1.0) - lgamma(t + 1.0) - lgamma(n - t + 1.0);
		if (p <= 0)
			cdf += t == 0;
		else if (p >= 1)
			cdf += t == n;
		else
			cdf += exp(lp + t * log(p) + (n - t) * log1p(-p));
		if (cdf >= alpha - 1e-12)
			return t;
	}
	return n;
}

/* The better (earlier) of two candidate positions where both are valid. */
static int32_t
pick_best(const struct cands *c, double (*obj)(void *, uint32_t), void *ctx)
{
	int32_t best = -1;
	double bv = -INFINITY;

	for (uint32_t j = 0; j < c->n; j++) {
		double v;
		if (c->used[j])
			continue;
		v = obj(ctx, j);
		if (best < 0 || v > bv) {	/* ties keep the better rank */
			best = (int32_t)j;
			bv = v;
		}
	}
	return best;
}

struct user_ctx {
	const struct cands *c;
	const rs_rerank_opts *o;
	const uint32_t *creator;	/* per item, RS_NONE unknown */
	const uint8_t *ihead, *chead;
	uint32_t *cstamp;		/* creators in S: == stamp */
	uint32_t stamp;
	double pg[2];			/* P(g|u) or p */
	double q[2], nq;		/* calibrated: counts of S */
	uint8_t covered[2];
	/* mmr by features: per candidate, the largest cosine with S so far */
	double *msim;
	const rs_csr *x;		/* the feature rows */
	const float *norm;		/* their L2 norms */
	float *dense;			/* x->ncols scratch, all 0 between uses */
};

static double
obj_mmr(void *x, uint32_t j)
{
	struct user_ctx *u = x;
	uint32_t cr = u->creator[u->c->item[j]];
	double sim = u->msim != NULL ? u->msim[j] :
	    cr != RS_NONE && u->cstamp[cr] == u->stamp ? 1 : 0;

	return u->o->lambda * u->c->s[j] - (1 - u->o->lambda) * sim;
}

/* Item it joined S: raise every unused candidate's largest cosine. Items
 * without a feature row (or an empty one) are like nothing. */
static void
mmr_add(struct user_ctx *u, uint32_t it)
{
	const struct cands *c = u->c;
	const rs_csr *x = u->x;

	if (it >= x->nrows || u->norm[it] == 0)
		return;
	for (uint64_t q = x->ptr[it]; q < x->ptr[it + 1]; q++)
		u->dense[x->col[q]] = x->val[q];
	for (uint32_t j = 0; j < c->n; j++) {
		uint32_t other = c->item[j];
		double dot = 0, cosv;
		if (c->used[j] || other >= x->nrows || u->norm[other] == 0)
			continue;
		for (uint64_t q = x->ptr[other]; q < x->ptr[other + 1]; q++)
			dot += (double)u->dense[x->col[q]] * x->val[q];
		cosv = dot / ((double)u->norm[it] * u->norm[other]);
		if (cosv > u->msim[j])
			u->msim[j] = cosv;
	}
	for (uint64_t q = x->ptr[it]; q < x->ptr[it + 1]; q++)
		u->dense[x->col[q]] = 0;
}

static double
obj_xquad(void *x, uint32_t j)
{
	struct user_ctx *u = x;
	int g = u->ihead[u->c->item[j]] ? 0 : 1;

	return (1 - u->o->lambda) * u->c->s[j] +
	    u->o->lambda * u->pg[g] * (u->covered[g] ? 0 : 1);
}

static double
obj_calibrated(void *x, uint32_t j)
{
	struct user_ctx *u = x;
	uint32_t cr = u->creator[u->c->item[j]];
	double q[2] = { u->q[0], u->q[1] }, nq = u->nq;

	if (cr != RS_NONE) {
		q[u->chead[cr] ? 0 : 1] += 1;
		nq += 1;
	}
	if (nq > 0) {
		q[0] /= nq;
		q[1] /= nq;
	}
	return (1 - u->o->lambda) * u->c->s[j] - u->o->lambda * fair_kl_bits(u->pg, q, 2, 0.01);
}

/* Re-rank one user's candidates (all methods but maximin) into out. */
static uint32_t
rerank_user(struct user_ctx *u, const uint32_t *mtable, uint32_t *out)
{
	const struct cands *c = u->c;
	const rs_rerank_opts *o = u->o;
	uint32_t k = o->k < c->n ? o->k : c->n, len = 0, tp = 0;

	for (uint32_t pos = 0; pos < k; pos++) {
		int32_t j = -1;
		switch (o->method) {
		case RS_RERANK_MMR:
			j = pick_best(c, obj_mmr, u);
			break;
		case RS_RERANK_XQUAD:
			j = pick_best(c, obj_xquad, u);
			break;
		case RS_RERANK_CALIBRATED:
			j = pick_best(c, obj_calibrated, u);
			break;
		case RS_RERANK_FAIR: {
			/* the best protected (tail creator) and the best other */
			int32_t bp = -1, bn = -1;
			for (uint32_t q = 0; q < c->n && (bp < 0 || bn < 0); q++) {
				uint32_t cr;
				if (c->used[q])
					continue;
				cr = u->creator[c->item[q]];
				if (cr != RS_NONE && !u->chead[cr]) {
					if (bp < 0)
						bp = (int32_t)q;
				} else if (bn < 0)
					bn = (int32_t)q;
			}
			if (tp < mtable[pos + 1] && bp >= 0)
				j = bp;
			else if (bp >= 0 && (bn < 0 || bp < bn))
				j = bp;
			else
				j = bn;
			if (j == bp)
				tp++;
			break;
		}
		default:
			break;
		}
		if (j < 0)
			break;
		c->used[j] = 1;
		out[len++] = c->item[j];
		if (u->msim != NULL)
			mmr_add(u, c->item[j]);
		{
			uint32_t cr = u->creator[c->item[j]];
			if (cr != RS_NONE) {
				u->cstamp[cr] = u->stamp;
				u->q[u->chead[cr] ? 0 : 1] += 1;
				u->nq += 1;
			}
			u->covered[u->ihead[c->item[j]] ? 0 : 1] = 1;
		}
	}
	return len;
}

/* Candidates of evaluated user e: the first K of r's list, scores scaled. */
static void
load_cands(const rs_eval_result *r, uint32_t e, uint32_t K, struct cands *c)
{
	const uint32_t *l = r->lists + (size_t)e * r->kmax;
	const float *sc = r->list_scores + (size_t)e * r->kmax;
	double lo = INFINITY, hi = -INFINITY;

	c->n = 0;
	while (c->n < K && c->n < r->kmax && l[c->n] != RS_NONE)
		c->n++;
	c->item = l;
	for (uint32_t j = 0; j < c->n; j++) {
		double v = sc[j];
		if (isfinite(v)) {
			lo = fmin(lo, v);
			hi = fmax(hi, v);
		}
	}
	for (uint32_t j = 0; j < c->n; j++) {
		double v = sc[j];
		c->s[j] = !isfinite(v) ? 0 : hi > lo ? (v - lo) / (hi - lo) : 1;
		c->used[j] = 0;
	}
}

/* FairRec-style quotas over all users, then fill by score; lists by score. */
static void
maximin_all(const rs_eval_ctx *ctx, const rs_eval_result *r, const rs_rerank_opts *o,
    const uint32_t *creator, uint32_t **lists, uint32_t *lens)
{
	uint32_t K = o->candidates, nu = r->nusers, ncr = ctx->ncreators;
	uint32_t ell = ncr ? (uint32_t)(((uint64_t)nu * o->k) / ncr) : 0;
	uint32_t quota = (uint32_t)floor(o->alpha * ell + 1e-9);
	uint32_t *count = xcalloc(ncr ? ncr : 1, sizeof *count);
	uint8_t *chosen = xcalloc((size_t)nu * K + 1, 1);
	uint32_t *n = xcalloc(nu ? nu : 1, sizeof *n);

	for (uint32_t e = 0; e < nu; e++) {
		const uint32_t *l = r->lists + (size_t)e * r->kmax;
		while (n[e] < K && n[e] < r->kmax && l[n[e]] != RS_NONE)
			n[e]++;
		lens[e] = 0;
	}
	for (uint32_t round = 0; round < o->k && quota > 0; round++) {
		bool added = false;
		for (uint32_t t = 0; t < nu; t++) {
			uint32_t e = round % 2 == 0 ? t : nu - 1 - t;
			const uint32_t *l = r->lists + (size_t)e * r->kmax;
			if (lens[e] >= o->k)
				continue;
			for (uint32_t j = 0; j < n[e]; j++) {
				uint32_t cr = creator[l[j]];
				if (chosen[(size_t)e * K + j] || cr == RS_NONE || count[cr] >= quota)
					continue;
				chosen[(size_t)e * K + j] = 1;
				count[cr]++;
				lens[e]++;
				added = true;
				break;
			}
		}
		if (!added)
			break;
	}
	for (uint32_t e = 0; e < nu; e++) {
		const uint32_t *l = r->lists + (size_t)e * r->kmax;
		uint32_t len = 0;
		for (uint32_t j = 0; j < n[e] && lens[e] < o->k; j++)
			if (!chosen[(size_t)e * K + j]) {
				chosen[(size_t)e * K + j] = 1;
				lens[e]++;
			}
		for (uint32_t j = 0; j < n[e]; j++)
			if (chosen[(size_t)e * K + j])
				lists[e][len++] = l[j];
		lens[e] = len;
	}
	free(count);
	free(chosen);
	free(n);
}

/* The options, the data and the lists must agree before anything is
 * allocated, so each refusal names what is missing. */
static int
rerank_check_lists(const rs_eval_ctx *ctx, const rs_eval_result *r,
    const rs_rerank_opts *o, rs_error *err)
{
	const char *why = rs_rerank_check(o);
	uint32_t longest = 0;

	if (why != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", why);
		return -1;
	}
	if (o->method != RS_RERANK_XQUAD &&
	    !(o->method == RS_RERANK_MMR && o->sim_features != NULL) &&
	    (ctx->item_creator == NULL || ctx->ncreators == 0)) {
		rs_error_set(err, RS_EINVAL,
		    "method=%s needs creators: map a creator column when loading (load PATH creator=COLUMN), or use method=xquad (item popularity)",
		    rs_rerank_method_name(o->method));
		return -1;
	}
	if (r->kmax < o->candidates) {
		rs_error_set(err, RS_EINVAL, "the lists of %s hold %u candidates, not %u",
		    r->model, r->kmax, o->candidates);
		return -1;
	}
	for (uint32_t e = 0; e < r->nusers; e++) {
		const uint32_t *l = r->lists + (size_t)e * r->kmax;
		uint32_t n = 0;
		while (n < r->kmax && l[n] != RS_NONE)
			n++;
		if (n > longest)
			longest = n;
	}
	if (r->nusers > 0 && longest < o->k) {
		rs_error_set(err, RS_EINVAL,
		    "k=%u is longer than the lists of %s (at most %u item%s): give k=%u or less",
		    o->k, r->model, longest, longest == 1 ? "" : "s", longest ? longest : 1);
		return -1;
	}
	return 0;
}

/* The user's history: items by head/tail (xQuAD), creators by head/tail
 * (calibrated); none: even. The shares the re-ranker aims at. */
static void
history_shares(const rs_eval_ctx *ctx, const rs_rerank_opts *o, uint32_t uid,
    const struct user_ctx *u, double pg[2])
{
	double h[2] = { 0, 0 }, nh = 0;

	for (uint64_t q = ctx->sptr[uid]; q < ctx->sptr[uid + 1]; q++) {
		uint32_t it = ctx->sidx[q];
		if (o->method == RS_RERANK_XQUAD) {
			h[u->ihead[it] ? 0 : 1] += 1;
			nh += 1;
		} else if (u->creator[it] != RS_NONE) {
			h[u->chead[u->creator[it]] ? 0 : 1] += 1;
			nh += 1;
		}
	}
	pg[0] = nh > 0 ? h[0] / nh : 0.5;
	pg[1] = nh > 0 ? h[1] / nh : 0.5;
}

/* Every method but maximin re-ranks each user on their own; base carries
 * what all users share (creators, head flags), the MMR feature rows get
 * their norms once here. */
static void
rerank_each_user(const rs_eval_ctx *ctx, const rs_eval_result *r,
    const rs_rerank_opts *o, const struct user_ctx *base,
    const uint32_t *mtable, uint32_t **out, uint32_t *lens)
{
	uint32_t ncr = ctx->ncreators;
	uint32_t *cstamp = xcalloc(ncr ? ncr : 1, sizeof *cstamp);
	const rs_csr *fx = o->method == RS_RERANK_MMR && o->sim_features ?
	    &o->sim_features->x : NULL;
	double *msim = NULL;
	float *norm = NULL, *dense = NULL;
	struct cands c;

	c.s = xmalloc(((size_t)o->candidates + 1) * sizeof *c.s);
	c.used = xmalloc((size_t)o->candidates + 1);
	if (fx != NULL) {
		msim = xmalloc(((size_t)o->candidates + 1) * sizeof *msim);
		norm = xcalloc((size_t)fx->nrows + 1, sizeof *norm);
		dense = xcalloc((size_t)fx->ncols + 1, sizeof *dense);
		for (uint32_t i = 0; i < fx->nrows; i++) {
			double ss = 0;
			for (uint64_t q = fx->ptr[i]; q < fx->ptr[i + 1]; q++)
				ss += (double)fx->val[q] * fx->val[q];
			norm[i] = (float)sqrt(ss);
		}
	}
	for (uint32_t e = 0; e < r->nusers; e++) {
		struct user_ctx u = *base;
		u.c = &c;
		u.cstamp = cstamp;
		u.stamp = e + 1;
		load_cands(r, e, o->candidates, &c);
		if (fx != NULL) {
			u.msim = msim;
			u.x = fx;
			u.norm = norm;
			u.dense = dense;
			for (uint32_t j = 0; j < c.n; j++)
				msim[j] = 0;
		}
		history_shares(ctx, o, ctx->users[e], &u, u.pg);
		lens[e] = rerank_user(&u, mtable, out[e]);
	}
	free(cstamp);
	free(c.s);
	free(c.used);
	free(msim);
	free(norm);
	free(dense);
}

int
fair_rerank_core(const rs_eval_ctx *ctx, const rs_eval_result *r,
    const rs_rerank_opts *o, uint32_t ***outp, uint32_t **lensp, rs_error *err)
{
	uint32_t ni = ctx->nitems, ncr = ctx->ncreators;
	uint32_t *creator, **out, *lens, *mtable;
	uint8_t *ihead, *chead;
	double *cpop;
	struct user_ctx base;

	if (rerank_check_lists(ctx, r, o, err) != 0)
		return -1;
	creator = xmalloc((ni ? ni : 1) * sizeof *creator);
	for (uint32_t i = 0; i < ni; i++)
		creator[i] = fair_unit(ctx, false, i);
	ihead = fair_head(ctx->pop, ni, o->head);
	cpop = xcalloc(ncr ? ncr : 1, sizeof *cpop);
	for (uint32_t i = 0; i < ni; i++)
		if (creator[i] != RS_NONE)
			cpop[creator[i]] += ctx->pop[i];
	chead = fair_head(cpop, ncr, o->head);
	mtable = xcalloc((size_t)o->k + 1, sizeof *mtable);
	if (o->method == RS_RERANK_FAIR)
		for (uint32_t i = 1; i <= o->k; i++)
			mtable[i] = binom_quantile(i, o->p, o->alpha);
	out = xmalloc((r->nusers ? r->nusers : 1) * sizeof *out);
	lens = xcalloc(r->nusers ? r->nusers : 1, sizeof *lens);
	for (uint32_t e = 0; e < r->nusers; e++)
		out[e] = xmalloc((size_t)o->k * sizeof **out);
	if (o->method == RS_RERANK_MAXIMIN)
		maximin_all(ctx, r, o, creator, out, lens);
	else {
		memset(&base, 0, sizeof base);
		base.o = o;
		base.creator = creator;
		base.ihead = ihead;
		base.chead = chead;
		rerank_each_user(ctx, r, o, &base, mtable, out, lens);
	}
	free(mtable);
	free(creator);
	free(ihead);
	free(chead);
	free(cpop);
	*outp = out;
	*lensp = lens;
	return 0;
}

rs_model *
rs_rerank_lists(const rs_eval_ctx *ctx, const rs_eval_result *r,
    const rs_rerank_opts *o, const char *name, const char *source, rs_error *err)
{
	const rs_dataset *ds = ctx->ds;
	uint32_t ni = ctx->nitems, nu = rs_ids_count(ds->users);
	uint32_t **out, *lens;
	struct imported_lists *lists;
	rs_model *m;
	rs_imat *train;
	char *keys[1] = { (char *)"file" }, *vals[1];

	if (fair_rerank_core(ctx, r, o, &out, &lens, err) != 0)
		return NULL;
	/* the new model's lists, by user index */
	lists = xcalloc(1, sizeof *lists);
	lists->nusers = nu;
	lists->ptr = xcalloc((size_t)nu + 1, sizeof *lists->ptr);
	{
		uint32_t *len_of = xcalloc(nu ? nu : 1, sizeof *len_of);
		uint32_t **list_of = xcalloc(nu ? nu : 1, sizeof *list_of);
		uint64_t off = 0;
		for (uint32_t e = 0; e < r->nusers; e++)
			if (r->users[e] < nu) {
				len_of[r->users[e]] = lens[e];
				list_of[r->users[e]] = out[e];
			}
		for (uint32_t u = 0; u < nu; u++)
			off += len_of[u];
		lists->item = xmalloc((off ? off : 1) * sizeof *lists->item);
		lists->score = xmalloc((off ? off : 1) * sizeof *lists->score);
		off = 0;
		for (uint32_t u = 0; u < nu; u++) {
			lists->ptr[u] = off;
			for (uint32_t j = 0; j < len_of[u]; j++) {
				lists->item[off + j] = list_of[u][j];
				lists->score[off + j] = (float)(len_of[u] - j);
			}
			off += len_of[u];
		}
		lists->ptr[nu] = off;
		free(len_of);
		free(list_of);
	}
	for (uint32_t e = 0; e < r->nusers; e++)
		free(out[e]);
	free(out);
	free(lens);
	vals[0] = (char *)(source ? source : "");
	{
		rs_imat_opts io;
		rs_imat_opts_init(&io);
		io.signal = "none";
		io.binary = true;
		if ((train = rs_imat_build(ds, &ds->log, &io, err)) == NULL) {
			model_imported_lists_free(lists);
			return NULL;
		}
	}
	if ((m = rs_model_new(rs_kind_imported.name, name, keys, vals, 1, err)) == NULL) {
		model_imported_lists_free(lists);
		rs_imat_free(train);
		return NULL;
	}
	m->nusers = nu;
	m->nitems = ni;
	m->train = train;
	m->popularity = xcalloc(ni ? ni : 1, sizeof *m->popularity);
	for (uint32_t i = 0; i < ni; i++)
		m->popularity[i] = (float)(train->iptr[i + 1] - train->iptr[i]);
	m->state = lists;
	return m;
}

rs_model *
rs_rerank_run(const rs_dataset *ds, const rs_model *m, const rs_rerank_opts *o,
    const rs_eval_opts *ev, const char *name, rs_error *err)
{
	rs_eval_opts eo = *ev;
	const char *why = rs_rerank_check(o);
	rs_eval_ctx *c;
	rs_eval_result *r;
	rs_model *out;
	char *src;

	if (why != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", why);
		return NULL;
	}
	eo.ks[0] = o->candidates;
	eo.nks = 1;
	eo.sampled = 0;
	if ((c = rs_eval_prepare(ds, &eo, err)) == NULL)
		return NULL;
	if ((r = rs_eval_run(c, m, err)) == NULL) {
		rs_eval_ctx_free(c);
		return NULL;
	}
	src = xasprintf("rerank %s method=%s", m->name, rs_rerank_method_name(o->method));
	out = rs_rerank_lists(c, r, o, name, src, err);
	free(src);
	rs_eval_result_free(r);
	rs_eval_ctx_free(c);
	return out;
}
