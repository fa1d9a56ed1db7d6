/* Implicit ALS (Hu, Koren, Volinsky 2008): confidence 1 + alpha*|w|, exact solves (Cholesky) or conjugate gradient. */
#include "config.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"
#include "util/lapack.h"
#include "util/xmalloc.h"

#define PURPOSE_X 0x58
#define PURPOSE_Y 0x59

static const rs_param_spec als_params[] = {
	{ "factors", RS_PARAM_INT, "64", 1, 4096, NULL, "latent factors per user and item" },
	{ "epochs", RS_PARAM_INT, "10", 1, 100000, NULL,
	  "iterations: users then items solved once each (train epochs= overrides)" },
	{ "reg", RS_PARAM_NUM, "50", 0, 1e9, NULL, "L2 regularization (lambda)" },
	{ "reg_exp", RS_PARAM_NUM, "0", 0, 2, NULL,
	  "frequency-scaled regularization: a row's lambda is reg * (its total confidence / "
	  "the other side's count)^reg_exp (0: the same lambda for every row)" },
	{ "alpha", RS_PARAM_NUM, "5", 0, 1e9, NULL,
	  "confidence of an interaction with signal w: 1 + alpha*|w| (preference 1 when w > 0, else 0)" },
	{ "solver", RS_PARAM_ENUM, "cholesky", 0, -1, "cholesky|cg",
	  "cholesky: exact solve of each row's normal equations (LAPACK); cg: conjugate "
	  "gradient warm-started from the last iteration" },
	{ "cg_steps", RS_PARAM_INT, "3", 1, 100, NULL, "solver=cg: steps per row and iteration" },
	{ "init", RS_PARAM_NUM, "0.01", 0, 10, NULL, "standard deviation of the initial factors" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

/* The model's settings, read once per call. */
struct als_opts {
	float reg, reg_exp, alpha;
	bool cg;
	int cg_steps;
};

static struct als_opts
read_opts(const rs_model *m)
{
	struct als_opts o;

	o.reg = (float)rs_model_param_num(m, "reg");
	o.reg_exp = (float)rs_model_param_num(m, "reg_exp");
	o.alpha = (float)rs_model_param_num(m, "alpha");
	o.cg = strcmp(rs_model_param(m, "solver"), "cg") == 0;
	o.cg_steps = (int)rs_model_param_num(m, "cg_steps");
	return o;
}

/* One side of the problem: rows to solve (users or items), each with its
 * entries over the other side's factors Y. */
struct als_side {
	uint32_t nrows, nother, k;
	const uint64_t *ptr;
	const uint32_t *idx;
	const float *val;
	float *X;		/* the rows' factors (solved in place) */
	const float *Y;		/* the other side's factors */
	const float *G;		/* Y^T Y, full k x k */
};

static inline float
confidence(const struct als_opts *o, float w)
{
	return 1.0f + o->alpha * fabsf(w);
}

/* lambda of a row: reg, or scaled by the row's confidence mass */
static inline float
row_lambda(const struct als_opts *o, const struct als_side *sd, uint32_t r)
{
	double mass = sd->nother;

	if (o->reg_exp == 0)
		return o->reg;
	for (uint64_t q = sd->ptr[r]; q < sd->ptr[r + 1]; q++)
		mass += confidence(o, sd->val[q]) - 1.0f;
	return (float)(o->reg * pow(mass / (sd->nother ? sd->nother : 1), o->reg_exp));
}

/* G = Y^T Y (n x k), both triangles (BLAS level 3). */
static void
gram(const float *Y, uint32_t n, uint32_t k, float *G)
{
	cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, (int)k, (int)n, 1.0f, Y,
	    (int)k, 0.0f, G, (int)k);
	for (uint32_t a = 0; a < k; a++)
		for (uint32_t b = 0; b < a; b++)
			G[(size_t)a * k + b] = G[(size_t)b * k + a];
}

/* A = G + lambda I + sum_j (c_j - 1) y_j y_j^T (upper triangle, row-major,
 * which LAPACK reads as the lower triangle) and rhs = sum_j c_j p_j y_j.
 * buf holds n x k. */
static inline void
normal_equations(const struct als_opts *o, const struct als_side *sd,
    uint32_t r, float lambda, float *A, float *rhs, float *buf)
{
	const uint32_t k = sd->k;
	uint64_t a = sd->ptr[r], n = sd->ptr[r + 1] - a;

	memcpy(A, sd->G, (size_t)k * k * sizeof *A);
	for (uint32_t f = 0; f < k; f++)
		A[(size_t)f * k + f] += lambda;
	memset(rhs, 0, k * sizeof *rhs);
	for (uint64_t j = 0; j < n; j++) {
		const float *y = sd->Y + (size_t)sd->idx[a + j] * k;
		float w = sd->val[a + j], c = confidence(o, w), sc = sqrtf(c - 1.0f);
		float cp = w > 0 ? c : 0.0f;
		float *row = buf + j * k;
		#pragma omp simd
		for (uint32_t f = 0; f < k; f++) {
			row[f] = sc * y[f];
			rhs[f] += cp * y[f];
		}
	}
	cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, (int)k, (int)n, 1.0f, buf,
	    (int)k, 1.0f, A, (int)k);
}

/* Cholesky of A in place (LAPACK lower = our upper); adds a small ridge
 * when A is not positive definite (lambda 0 and too few rows). */
static bool
cholesky(float *A, uint32_t k)
{
	int n = (int)k, info = 0;
	float *copy = NULL;

	for (int attempt = 0; attempt < 2; attempt++) {
		if (attempt == 1) {
			double tr = 0;
			memcpy(A, copy, (size_t)k * k * sizeof *A);
			for (uint32_t f = 0; f < k; f++)
				tr += A[(size_t)f * k + f];
			for (uint32_t f = 0; f < k; f++)
				A[(size_t)f * k + f] += (float)(1e-6 * tr / k + 1e-12);
		} else {
			copy = xmalloc((size_t)k * k * sizeof *copy);
			memcpy(copy, A, (size_t)k * k * sizeof *copy);
		}
		spotrf_("L", &n, A, &n, &info, 1);
		if (info == 0)
			break;
	}
	free(copy);
	return info == 0;
}

static void
cholesky_solve(const float *A, uint32_t k, float *b)
{
	int n = (int)k, one = 1, info = 0;

	spotrs_("L", &n, &one, A, &n, b, &n, &info, 1);
}

/* G v + lambda v (G full, row-major) */
static inline void
gram_apply(const struct als_side *sd, float lambda, const float *v, float *out)
{
	for (uint32_t a = 0; a < sd->k; a++)
		out[a] = fac_dot(sd->G + (size_t)a * sd->k, v, sd->k) + lambda * v[a];
}

/* out = (G + lambda I + sum_j (c_j - 1) y_j y_j^T) v, without forming it */
static inline void
cg_apply(const struct als_opts *o, const struct als_side *sd, uint32_t r,
    float lambda, const float *v, float *out)
{
	const uint32_t k = sd->k;

	gram_apply(sd, lambda, v, out);
	for (uint64_t q = sd->ptr[r]; q < sd->ptr[r + 1]; q++) {
		const float *y = sd->Y + (size_t)sd->idx[q] * k;
		float t = (confidence(o, sd->val[q]) - 1.0f) * fac_dot(y, v, k);
		#pragma omp simd
		for (uint32_t f = 0; f < k; f++)
			out[f] += t * y[f];
	}
}

/* cg_steps of conjugate gradient on row r, from its current factors (as
 * implicit's solver does); scratch holds 3k floats */
static inline void
cg_row(const struct als_opts *o, const struct als_side *sd, uint32_t r,
    float lambda, float *scratch)
{
	const uint32_t k = sd->k;
	float *x = sd->X + (size_t)r * k, *res = scratch, *p = scratch + k,
	    *Ap = scratch + 2 * k;
	float rs_old, rs_new;

	/* res = rhs - A x = sum_j (c_j p_j - (c_j - 1) y_j.x) y_j - G x - lambda x,
	 * in one pass over the row */
	gram_apply(sd, lambda, x, res);
	for (uint32_t f = 0; f < k; f++)
		res[f] = -res[f];
	for (uint64_t q = sd->ptr[r]; q < sd->ptr[r + 1]; q++) {
		const float *y = sd->Y + (size_t)sd->idx[q] * k;
		float w = sd->val[q], c = confidence(o, w);
		float t = (w > 0 ? c : 0.0f) - (c - 1.0f) * fac_dot(y, x, k);
		#pragma omp simd
		for (uint32_t f = 0; f < k; f++)
			res[f] += t * y[f];
	}
	memcpy(p, res, k * sizeof *p);
	rs_old = fac_dot(res, res, k);
	for (int it = 0; it < o->cg_steps && rs_old > 1e-20f; it++) {
		float pAp, step;
		cg_apply(o, sd, r, lambda, p, Ap);
		pAp = fac_dot(p, Ap, k);
		if (!(pAp > 0))
			break;
		step = rs_old / pAp;
		for (uint32_t f = 0; f < k; f++) {
			x[f] += step * p[f];
			res[f] -= step * Ap[f];
		}
		rs_new = fac_dot(res, res, k);
		for (uint32_t f = 0; f < k; f++)
			p[f] = res[f] + rs_new / rs_old * p[f];
		rs_old = rs_new;
	}
}

/* One row: nothing known (zero), conjugate gradient, or the exact solve.
 * A holds k x k, buf the row's gathered factors (or the CG scratch). */
FAC_HOT static void
solve_row(const struct als_opts *o, const struct als_side *sd, uint32_t r,
    float *A, float *buf)
{
	const uint32_t k = sd->k;
	float *x = sd->X + (size_t)r * k;
	float lambda;

	if (sd->ptr[r + 1] == sd->ptr[r]) {
		memset(x, 0, k * sizeof *x);
		return;
	}
	lambda = row_lambda(o, sd, r);
	if (o->cg) {
		cg_row(o, sd, r, lambda, buf);
		return;
	}
	normal_equations(o, sd, r, lambda, A, x, buf);
	if (cholesky(A, k))
		cholesky_solve(A, k, x);
	else
		memset(x, 0, k * sizeof *x);
}

/* Solve every row of one side, in parallel over rows (each row alone in
 * its thread, so the result does not depend on the thread count). */
static void
solve_side(const struct als_opts *o, const struct als_side *sd)
{
	const uint32_t k = sd->k;
	uint64_t maxn = 0;
	int saved;

	for (uint32_t r = 0; r < sd->nrows; r++)
		if (sd->ptr[r + 1] - sd->ptr[r] > maxn)
			maxn = sd->ptr[r + 1] - sd->ptr[r];
	saved = fac_blas_serial_begin();
	#pragma omp parallel if (sd->ptr[sd->nrows] * k + (uint64_t)sd->nrows * k * k >= FAC_PARALLEL_MIN)
	{
		float *A = xmalloc((size_t)k * k * sizeof *A);
		float *buf = xmalloc((o->cg ? 3 : (maxn ? maxn : 1)) * k * sizeof *buf);
		#pragma omp for schedule(dynamic, 8)
		for (uint32_t r = 0; r < sd->nrows; r++)
			solve_row(o, sd, r, A, buf);
		free(A);
		free(buf);
	}
	fac_blas_serial_end(saved);
}

/* The two sides of the training matrix over state s. */
static void
sides(const fac_state *s, const rs_imat *t, struct als_side *us,
    struct als_side *is, float *G)
{
	us->nrows = t->nusers;
	us->nother = t->nitems;
	us->k = s->k;
	us->ptr = t->uptr;
	us->idx = t->uidx;
	us->val = t->uval;
	us->X = s->P;
	us->Y = s->Q;
	us->G = G;
	is->nrows = t->nitems;
	is->nother = t->nusers;
	is->k = s->k;
	is->ptr = t->iptr;
	is->idx = t->iidx;
	is->val = t->ival;
	is->X = s->Q;
	is->Y = s->P;
	is->G = G;
}

/* User u's observed terms c (p - s)^2 - s^2 and its regularization. */
FAC_HOT static double
objective_user(const struct als_opts *o, const fac_state *s, const rs_imat *t,
    const struct als_side *us, uint32_t u)
{
	const uint32_t k = s->k;
	const float *x = s->P + (size_t)u * k;
	double sum = 0;

	for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
		double sc = fac_dot(x, s->Q + (size_t)t->uidx[q] * k, k);
		double w = t->uval[q], c = confidence(o, (float)w), p = w > 0;
		sum += c * (p - sc) * (p - sc) - sc * sc;
	}
	if (t->uptr[u + 1] > t->uptr[u])
		sum += row_lambda(o, us, u) * (double)fac_dot(x, x, k);
	return sum;
}

/* The objective sum_{u,i} c_ui (p_ui - x_u.y_i)^2 + sum_u lambda_u |x_u|^2
 * + sum_i lambda_i |y_i|^2 over every (user, item) pair: the pairs without
 * interactions through trace(X^T X Y^T Y), the others one by one. */
static double
objective(const struct als_opts *o, const fac_state *s, const rs_imat *t)
{
	const uint32_t k = s->k;
	float *GX = xmalloc((size_t)k * k * sizeof *GX), *GY = xmalloc((size_t)k * k * sizeof *GY);
	double *part = xcalloc(t->nusers + (size_t)t->nitems + 1, sizeof *part), total = 0;
	struct als_side us, is;

	gram(s->P, s->nusers, k, GX);
	gram(s->Q, s->nitems, k, GY);
	for (size_t f = 0; f < (size_t)k * k; f++)
		total += (double)GX[f] * GY[f];
	sides(s, t, &us, &is, GY);
	#pragma omp parallel for schedule(dynamic, 64) if (t->nnz * k >= FAC_PARALLEL_MIN)
	for (uint32_t u = 0; u < t->nusers; u++)
		part[u] = objective_user(o, s, t, &us, u);
	#pragma omp parallel for schedule(dynamic, 64) if ((uint64_t)t->nitems * k >= FAC_PARALLEL_MIN)
	for (uint32_t i = 0; i < t->nitems; i++) {
		const float *y = s->Q + (size_t)i * k;
		part[t->nusers + (size_t)i] = t->iptr[i + 1] > t->iptr[i] ?
		    row_lambda(o, &is, i) * (double)fac_dot(y, y, k) : 0;
	}
	for (size_t j = 0; j < t->nusers + (size_t)t->nitems; j++)
		total += part[j];
	free(GX);
	free(GY);
	free(part);
	return total;
}

static int
als_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	uint32_t k = (uint32_t)rs_model_param_num(m, "factors");
	double init = rs_model_param_num(m, "init");
	fac_state *s;

	(void)err;
	s = fac_new(FAC_ALS, k, t->nusers, t->nitems);
	fac_init_normal(s->P, t->nusers, k, init, ctx->seed, PURPOSE_X, t->uptr);
	fac_init_normal(s->Q, t->nitems, k, init, ctx->seed, PURPOSE_Y, t->iptr);
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

/* One iteration: every user given the items, then every item given the
 * users; the loss is the objective per training pair. */
static int
als_epoch(rs_model *m, const rs_train_ctx *ctx, uint32_t epoch, double *loss,
    rs_error *err)
{
	fac_state *s = m->state;
	const rs_imat *t = ctx->train;
	struct als_opts o = read_opts(m);
	float *G = xmalloc((size_t)s->k * s->k * sizeof *G);
	struct als_side us, is;

	(void)epoch;
	(void)err;
	fac_drop_grams(s);
	sides(s, t, &us, &is, G);
	gram(s->Q, s->nitems, s->k, G);
	solve_side(&o, &us);
	gram(s->P, s->nusers, s->k, G);
	solve_side(&o, &is);
	free(G);
	*loss = objective(&o, s, t) / (double)(t->nnz ? t->nnz : 1);
	return 0;
}

/* As implicit's ALS explain: the user's factors are W_u sum_j c_j p_j y_j
 * with W_u = (Y^T C_u Y + lambda I)^-1, so the score of item i splits into
 * one share per past item, c_j p_j y_i^T W_u y_j. The shares add up to the
 * score of the user re-solved against the final item factors (which can
 * differ slightly from the stored user factors, solved one half-step
 * earlier). */
static size_t
als_explain(const rs_model *m, uint32_t user, uint32_t item, rs_reason *out,
    size_t max)
{
	const fac_state *s = m->state;
	const rs_imat *t = m->train;
	struct als_opts o = read_opts(m);
	struct als_side us, is;
	float *G, *A, *v, *buf;
	rs_reason *r;
	uint64_t a, n;
	size_t got = 0;

	if (s == NULL || t == NULL || user >= t->nusers || user >= s->nusers ||
	    item >= s->nitems)
		return 0;
	a = t->uptr[user];
	n = t->uptr[user + 1] - a;
	if (n == 0)
		return 0;
	G = xmalloc((size_t)s->k * s->k * sizeof *G);
	A = xmalloc((size_t)s->k * s->k * sizeof *A);
	v = xmalloc(s->k * sizeof *v);
	buf = xmalloc(n * s->k * sizeof *buf);
	sides(s, t, &us, &is, G);
	gram(s->Q, s->nitems, s->k, G);
	normal_equations(&o, &us, user, row_lambda(&o, &us, user), A, v, buf);
	if (cholesky(A, s->k)) {
		memcpy(v, s->Q + (size_t)item * s->k, s->k * sizeof *v);
		cholesky_solve(A, s->k, v);	/* v = W_u y_i */
		r = xmalloc(n * sizeof *r);
		for (uint64_t j = 0; j < n; j++) {
			float w = t->uval[a + j];
			r[j].id = t->uidx[a + j];
			r[j].is_user = false;
			r[j].weight = (w > 0 ? confidence(&o, w) : 0) *
			    fac_dot(v, s->Q + (size_t)t->uidx[a + j] * s->k, s->k);
		}
		got = fac_reasons_top(r, n, max);
		memcpy(out, r, got * sizeof *r);
		free(r);
	}
	free(G);
	free(A);
	free(v);
	free(buf);
	return got;
}

/* ---- learning from new events (rs_model_update) ----
 * Fold-in as in Hu, Koren and Volinsky's section 4: every user with new
 * events gets its row solved again against the item factors held fixed,
 * with the same normal equations (and solver) as a training half-step
 * (Y^T C_u Y + lambda_u I) x_u = Y^T C_u p_u over the user's whole row of
 * the training matrix, new events included; so folding in a user's full
 * history gives exactly the row one more user half-step would. Then each
 * item new to the model is solved against the user factors the same way
 * (an item the model already had keeps its factors until retraining: the
 * usual fold-in moves only the side that learned something new). Q^T Q
 * and P^T P are kept between calls and moved by rank-one corrections, so
 * a fold-in costs O(n k^2 + k^3) for a user with n events, not a pass over
 * every item. */

/* G += sign * x x^T (full k x k) */
static void
gram_rank1(float *G, const float *x, uint32_t k, float sign)
{
	cblas_ssyr(CblasRowMajor, CblasUpper, (int)k, sign, x, 1, G, (int)k);
	for (uint32_t a = 0; a < k; a++)
		for (uint32_t b = 0; b < a; b++)
			G[(size_t)a * k + b] = G[(size_t)b * k + a];
}

/* Solve the rows rows[0..n) of one side (their factors move; the kept
 * Gram matrix of that side, when there is one, follows). */
static void
fold_rows(const struct als_opts *o, const struct als_side *sd,
    const uint32_t *rows, size_t n, float *keep)
{
	const uint32_t k = sd->k;
	uint64_t maxn = 0;
	float *A, *buf, *old = xmalloc(k * sizeof *old);

	for (size_t j = 0; j < n; j++)
		if (sd->ptr[rows[j] + 1] - sd->ptr[rows[j]] > maxn)
			maxn = sd->ptr[rows[j] + 1] - sd->ptr[rows[j]];
	A = xmalloc((size_t)k * k * sizeof *A);
	buf = xmalloc((o->cg ? 3 : (maxn ? maxn : 1)) * k * sizeof *buf);
	for (size_t j = 0; j < n; j++) {
		float *x = sd->X + (size_t)rows[j] * k;
		memcpy(old, x, k * sizeof *old);
		solve_row(o, sd, rows[j], A, buf);
		if (keep != NULL) {
			gram_rank1(keep, old, k, -1.0f);
			gram_rank1(keep, x, k, 1.0f);
		}
	}
	free(A);
	free(buf);
	free(old);
}

/* The distinct values of x[0..n) (sorted), at or past from when from is
 * given; returns how many. */
static size_t
distinct(uint32_t *x, size_t n, uint32_t from)
{
	size_t w = 0;

	for (size_t j = 0; j < n; j++)
		if (x[j] >= from)
			x[w++] = x[j];
	n = w;
	w = 0;
	for (size_t j = 1; j < n; j++)	/* insertion sort: n is small */
		for (size_t q = j; q > 0 && x[q - 1] > x[q]; q--) {
			uint32_t t = x[q];
			x[q] = x[q - 1];
			x[q - 1] = t;
		}
	for (size_t j = 0; j < n; j++)
		if (w == 0 || x[w - 1] != x[j])
			x[w++] = x[j];
	return w;
}

static int
als_update(rs_model *m, const rs_event *ev, size_t n, rs_error *err)
{
	fac_state *s = m->state;
	const rs_imat *t = m->train;
	struct als_opts o = read_opts(m);
	uint32_t old_items = s->nitems, *users, *items;
	size_t nu, ni;
	struct als_side us, is;
	int saved;

	(void)err;
	fac_grow(s, t->nusers, t->nitems);
	users = xmalloc((n ? n : 1) * sizeof *users);
	items = xmalloc((n ? n : 1) * sizeof *items);
	for (size_t j = 0; j < n; j++) {
		users[j] = ev[j].user;
		items[j] = ev[j].item;
	}
	nu = distinct(users, n, 0);
	ni = distinct(items, n, old_items);
	if (s->gram_q == NULL) {
		/* new item rows are zero: they add nothing to Q^T Q */
		s->gram_q = xmalloc((size_t)s->k * s->k * sizeof *s->gram_q);
		gram(s->Q, s->nitems, s->k, s->gram_q);
	}
	saved = fac_blas_serial_begin();
	sides(s, t, &us, &is, s->gram_q);
	fold_rows(&o, &us, users, nu, s->gram_p);
	if (ni > 0) {
		if (s->gram_p == NULL) {
			s->gram_p = xmalloc((size_t)s->k * s->k * sizeof *s->gram_p);
			gram(s->P, s->nusers, s->k, s->gram_p);
		}
		sides(s, t, &us, &is, s->gram_p);
		fold_rows(&o, &is, items, ni, s->gram_q);
	}
	fac_blas_serial_end(saved);
	free(users);
	free(items);
	return 0;
}

static int
als_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	return fac_load_type(m, FAC_ALS, buf, len, err);
}

const rs_model_kind rs_kind_als = {
	.name = "als",
	.help = "implicit ALS (Hu, Koren, Volinsky): weighted least squares over every "
	    "user-item pair with confidence 1 + alpha*|w| for the signal w; Gram matrices by "
	    "BLAS level 3, exact Cholesky solves or conjugate gradient, parallel over users "
	    "and items; defaults chosen on MovieLens 100K",
	.params = als_params,
	.uses_weights = true,
	.begin = als_begin,
	.epoch = als_epoch,
	.snapshot = fac_snapshot,
	.restore = fac_restore,
	.free_snapshot = fac_free_snapshot,
	.score = fac_score_users,
	.explain = als_explain,
	.similar = fac_similar,
	.save = fac_save,
	.load = als_load,
	.free_state = fac_free_state,
	.update = als_update,
};
