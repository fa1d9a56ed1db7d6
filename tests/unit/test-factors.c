/* Unit tests of the factor models (mf, svdpp, als, bpr) on small data with known answers. */
#include "config.h"

#include <cblas.h>
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/reelscope.h"
#include "reelscope/model.h"
#include "model/factor.h"
#include "modelfix.h"

#include "check.h"

/* ---- small training matrices ---- */

struct trip {
	uint32_t u, i;
	float v;
};

static int
cmp_trip(const void *a, const void *b)
{
	const struct trip *x = a, *y = b;

	if (x->u != y->u)
		return x->u < y->u ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* A training matrix from (user, item, value) triples (no repeats). */
static rs_imat *
imat_from(uint32_t nu, uint32_t ni, const struct trip *tr, size_t n,
    bool explicit_values)
{
	rs_imat *m = calloc(1, sizeof *m);
	struct trip *t = malloc((n ? n : 1) * sizeof *t);
	uint64_t *fill;
	double sum = 0;

	memcpy(t, tr, n * sizeof *t);
	qsort(t, n, sizeof *t, cmp_trip);
	m->nusers = nu;
	m->nitems = ni;
	m->nnz = n;
	m->uptr = calloc(nu + 1, sizeof *m->uptr);
	m->uidx = malloc((n ? n : 1) * sizeof *m->uidx);
	m->uval = malloc((n ? n : 1) * sizeof *m->uval);
	m->utime = malloc((n ? n : 1) * sizeof *m->utime);
	m->iptr = calloc(ni + 1, sizeof *m->iptr);
	m->iidx = malloc((n ? n : 1) * sizeof *m->iidx);
	m->ival = malloc((n ? n : 1) * sizeof *m->ival);
	for (size_t k = 0; k < n; k++) {
		m->uptr[t[k].u + 1]++;
		m->iptr[t[k].i + 1]++;
		m->uidx[k] = t[k].i;
		m->uval[k] = t[k].v;
		m->utime[k] = NAN;
		sum += t[k].v;
	}
	for (uint32_t u = 0; u < nu; u++)
		m->uptr[u + 1] += m->uptr[u];
	for (uint32_t i = 0; i < ni; i++)
		m->iptr[i + 1] += m->iptr[i];
	fill = malloc((ni + 1) * sizeof *fill);
	memcpy(fill, m->iptr, (ni + 1) * sizeof *fill);
	for (size_t k = 0; k < n; k++) {
		uint64_t p = fill[t[k].i]++;
		m->iidx[p] = t[k].u;
		m->ival[p] = t[k].v;
	}
	free(fill);
	free(t);
	m->mean = n ? sum / (double)n : 0;
	m->explicit_values = explicit_values;
	return m;
}

static uint64_t lcg_state;

static double
lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(lcg_state >> 11) * 0x1.0p-53;
}

/* Ratings 1..5 from a rank-2 taste model plus noise, density ~40%. */
static rs_imat *
ratings(uint32_t nu, uint32_t ni, uint64_t seed)
{
	struct trip *t = malloc((size_t)nu * ni * sizeof *t);
	size_t n = 0;
	rs_imat *m;

	lcg_state = seed;
	for (uint32_t u = 0; u < nu; u++)
		for (uint32_t i = 0; i < ni; i++) {
			double a = sin(u * 0.7) * cos(i * 0.3) + 0.5 * cos(u * 1.3 + i * 0.9);
			double r = 3 + 1.5 * a + (lcg() - 0.5);
			if (lcg() > 0.4)
				continue;
			t[n].u = u;
			t[n].i = i;
			t[n].v = (float)fmin(5, fmax(1, round(r)));
			n++;
		}
	m = imat_from(nu, ni, t, n, true);
	free(t);
	return m;
}

/* Implicit positives: users like items of their group (3 groups) with
 * probability 0.6, other items with 0.05; weights in [1, 3). */
static rs_imat *
positives(uint32_t nu, uint32_t ni, uint64_t seed, bool weighted)
{
	struct trip *t = malloc((size_t)nu * ni * sizeof *t);
	size_t n = 0;
	rs_imat *m;

	lcg_state = seed;
	for (uint32_t u = 0; u < nu; u++)
		for (uint32_t i = 0; i < ni; i++) {
			double p = u % 3 == i % 3 ? 0.6 : 0.05, w = 1 + 2 * lcg();
			if (lcg() >= p)
				continue;
			t[n].u = u;
			t[n].i = i;
			t[n].v = weighted ? (float)w : 1.0f;
			n++;
		}
	m = imat_from(nu, ni, t, n, false);
	free(t);
	return m;
}

/* ---- training ---- */

static rs_model *progress_model;
static void (*progress_check)(const rs_model *m, uint32_t epoch);

static int
on_progress(void *ctx, const char *task, double done, double total)
{
	(void)ctx;
	(void)task;
	(void)total;
	if (progress_check != NULL)
		progress_check(progress_model, (uint32_t)done);
	return 0;
}

/* A model of kind trained on t (which it takes) with "k=v k=v" params;
 * *rc gets rs_model_fit's result, err its message. */
static rs_model *
train_rc(const char *kind, rs_imat *t, const char *params, uint64_t seed,
    uint32_t epochs, int *rc, rs_error *err)
{
	char buf[512], *keys[32], *vals[32], *save = NULL;
	size_t n = 0;
	rs_model *m;
	rs_train_ctx ctx;
	rs_fit_opts fo;
	rs_hooks h = { on_progress, NULL, NULL };

	snprintf(buf, sizeof buf, "%s", params);
	for (char *w = strtok_r(buf, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save)) {
		keys[n] = w;
		vals[n] = strchr(w, '=') + 1;
		vals[n][-1] = '\0';
		n++;
	}
	m = rs_model_new(kind, kind, keys, vals, n, err);
	if (m == NULL) {
		fprintf(stderr, "rs_model_new %s: %s\n", kind, err->msg);
		exit(99);
	}
	memset(&ctx, 0, sizeof ctx);
	ctx.train = t;
	ctx.seed = seed;
	ctx.hooks = &h;
	rs_fit_opts_init(&fo);
	fo.epochs = epochs;
	fo.patience = 0;
	m->train = t;
	progress_model = m;
	*rc = rs_model_fit(m, &ctx, &fo, err);
	progress_check = NULL;
	return m;
}

static rs_model *
train(const char *kind, rs_imat *t, const char *params, uint64_t seed,
    uint32_t epochs)
{
	rs_error err;
	int rc;
	rs_model *m = train_rc(kind, t, params, seed, epochs, &rc, &err);

	if (rc != 0) {
		fprintf(stderr, "fit %s: %s\n", kind, err.msg);
		check_failures++;
	}
	return m;
}

static const fac_state *
state(const rs_model *m)
{
	return m->state;
}

/* Whether two models hold bit-identical parameters. */
static bool
same_state(const rs_model *a, const rs_model *b)
{
	const fac_state *x = a->state, *y = b->state;
	size_t pu = (size_t)x->nusers * x->k, qi = (size_t)x->nitems * x->k;

	if (x->k != y->k || x->nusers != y->nusers || x->nitems != y->nitems)
		return false;
	return memcmp(x->P, y->P, pu * sizeof(float)) == 0 &&
	    memcmp(x->Q, y->Q, qi * sizeof(float)) == 0 &&
	    (x->bu == NULL || memcmp(x->bu, y->bu, x->nusers * sizeof(float)) == 0) &&
	    (x->bi == NULL || memcmp(x->bi, y->bi, x->nitems * sizeof(float)) == 0) &&
	    (x->Y == NULL || memcmp(x->Y, y->Y, qi * sizeof(float)) == 0);
}

/* RMSE of a rating model on its training rows. */
static double
train_rmse(const rs_model *m)
{
	const rs_imat *t = m->train;
	float *x = malloc(t->nitems * sizeof *x);
	double se = 0;

	for (uint32_t u = 0; u < t->nusers; u++) {
		rs_model_score_user(m, u, x);
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++)
			se += (x[t->uidx[q]] - t->uval[q]) * (x[t->uidx[q]] - t->uval[q]);
	}
	free(x);
	return sqrt(se / (double)t->nnz);
}

static void
set_threads(int n)
{
	omp_set_num_threads(n);
	openblas_set_num_threads(n);
}

/* ---- ALS ---- */

static double als_alpha, als_reg, als_last_objective;
static int als_increases;

/* The ALS objective, computed pair by pair over every user and item. */
static double
als_objective_brute(const rs_model *m)
{
	const fac_state *s = m->state;
	const rs_imat *t = m->train;
	double total = 0;

	for (uint32_t u = 0; u < t->nusers; u++)
		for (uint32_t i = 0; i < t->nitems; i++) {
			float w = rs_imat_get(t, u, i);
			double c = isnan(w) ? 1 : 1 + als_alpha * fabs(w), p = !isnan(w) && w > 0;
			double sc = 0;
			for (uint32_t f = 0; f < s->k; f++)
				sc += (double)s->P[(size_t)u * s->k + f] * s->Q[(size_t)i * s->k + f];
			total += c * (p - sc) * (p - sc);
		}
	for (uint32_t u = 0; u < t->nusers; u++)
		for (uint32_t f = 0; f < s->k; f++)
			total += als_reg * s->P[(size_t)u * s->k + f] * s->P[(size_t)u * s->k + f];
	for (uint32_t i = 0; i < t->nitems; i++)
		for (uint32_t f = 0; f < s->k; f++)
			total += als_reg * s->Q[(size_t)i * s->k + f] * s->Q[(size_t)i * s->k + f];
	return total;
}

static void
check_als_epoch(const rs_model *m, uint32_t epoch)
{
	double obj = als_objective_brute(m);

	/* the model's loss is the same objective per training pair */
	CHECK_NEAR(m->history[epoch - 1].loss, obj / (double)m->train->nnz,
	    1e-4 * obj / (double)m->train->nnz);
	if (epoch > 1 && obj > als_last_objective * (1 + 1e-6)) {
		als_increases++;
		fprintf(stderr, "ALS objective rose at epoch %u: %.9g -> %.9g\n", epoch,
		    als_last_objective, obj);
	}
	als_last_objective = obj;
}

static void
test_als_objective(void)
{
	rs_model *m;

	/* exact solves minimize each half-step, so the objective never rises */
	als_alpha = 2;
	als_reg = 0.5;
	als_increases = 0;
	progress_check = check_als_epoch;
	m = train("als", positives(30, 40, 3, true),
	    "factors=5 reg=0.5 alpha=2 solver=cholesky init=0.1", 1, 12);
	CHECK(m->nepochs == 12);
	CHECK(als_increases == 0);
	CHECK(m->history[11].loss < m->history[0].loss);
	rs_model_free(m);
}

/* A block preference matrix: users of group g (u % 3) like exactly the
 * items of group g, with confidences that vary. */
static rs_imat *
blocks(void)
{
	struct trip t[24 * 18];
	size_t n = 0;

	for (uint32_t u = 0; u < 24; u++)
		for (uint32_t i = 0; i < 18; i++)
			if (u % 3 == i % 3) {
				t[n].u = u;
				t[n].i = i;
				t[n].v = 1 + (u + i) % 3;
				n++;
			}
	return imat_from(24, 18, t, n, false);
}

/* The block matrix has rank 3: ALS with 3 factors and almost no
 * regularization reproduces it, whatever the confidences. */
static void
test_als_low_rank(void)
{
	const char *solvers[] = { "solver=cholesky", "solver=cg cg_steps=3" };

	for (int s = 0; s < 2; s++) {
		char params[128];
		rs_model *m;
		float x[18], worst = 0;
		snprintf(params, sizeof params, "factors=3 reg=1e-6 alpha=4 init=0.5 %s", solvers[s]);
		m = train("als", blocks(), params, 5, 30);
		for (uint32_t u = 0; u < 24; u++) {
			rs_model_score_user(m, u, x);
			for (uint32_t i = 0; i < 18; i++)
				worst = fmaxf(worst, fabsf(x[i] - (u % 3 == i % 3)));
		}
		CHECK(worst < 1e-3);
		if (worst >= 1e-3)
			fprintf(stderr, "ALS %s: largest error %g\n", solvers[s], worst);
		rs_model_free(m);
	}
}

/* y_i . x where x minimizes user u's part of the ALS objective against the
 * model's item factors, pair by pair in double precision (Gaussian
 * elimination; k <= 8). */
static double
resolved_score(const rs_model *m, uint32_t u, uint32_t item, double alpha,
    double reg)
{
	const fac_state *s = m->state;
	const uint32_t k = s->k;
	double A[8][9] = { { 0 } }, x[8], score = 0;

	for (uint32_t i = 0; i < s->nitems; i++) {
		float w = rs_imat_get(m->train, u, i);
		double c = isnan(w) ? 1 : 1 + alpha * fabs(w), p = !isnan(w) && w > 0;
		const float *y = s->Q + (size_t)i * k;
		for (uint32_t a = 0; a < k; a++) {
			for (uint32_t b = 0; b < k; b++)
				A[a][b] += c * y[a] * y[b];
			A[a][k] += c * p * y[a];
		}
	}
	for (uint32_t a = 0; a < k; a++)
		A[a][a] += reg;
	for (uint32_t a = 0; a < k; a++)
		for (uint32_t r = a + 1; r < k; r++) {
			double f = A[r][a] / A[a][a];
			for (uint32_t b = a; b <= k; b++)
				A[r][b] -= f * A[a][b];
		}
	for (uint32_t a = k; a-- > 0;) {
		x[a] = A[a][k];
		for (uint32_t b = a + 1; b < k; b++)
			x[a] -= A[a][b] * x[b];
		x[a] /= A[a][a];
	}
	for (uint32_t a = 0; a < k; a++)
		score += x[a] * s->Q[(size_t)item * k + a];
	return score;
}

/* explain: the shares of the user's items add up to the score of the user
 * re-solved against the final item factors (close to the model's own score
 * near ALS's fixed point); similar: items of the same group. */
static void
test_als_explain_similar(void)
{
	rs_model *m = train("als", blocks(), "factors=3 reg=0.1 alpha=2", 2, 30);
	const rs_imat *t = m->train;
	rs_reason r[32];
	uint32_t sim[5];
	float simv[5], x[18];
	size_t n;
	double sum = 0;

	n = m->kind->explain(m, 4, 7, r, 32);	/* user and item of group 1 */
	CHECK(n == t->uptr[5] - t->uptr[4]);
	for (size_t j = 0; j < n; j++) {
		sum += r[j].weight;
		CHECK(r[j].id % 3 == 1 && !r[j].is_user);
	}
	for (size_t j = 1; j < n; j++)
		CHECK(fabs(r[j].weight) <= fabs(r[j - 1].weight));
	CHECK_NEAR(sum, resolved_score(m, 4, 7, 2, 0.1), 1e-5);
	rs_model_score_user(m, 4, x);
	CHECK_NEAR(sum, x[7], 1e-2);	/* near ALS's fixed point */
	CHECK(m->kind->explain(m, 4, 7, r, 2) == 2);
	n = m->kind->similar(m, 3, sim, simv, 5);
	CHECK(n == 5);
	for (size_t j = 0; j < n; j++) {
		CHECK(sim[j] != 3);
		CHECK(sim[j] % 3 == 0);		/* same group */
		CHECK(simv[j] <= 1.0001f && simv[j] > 0.99f);
	}
	rs_model_free(m);
}

/* ---- MF ---- */

/* One rating, known parameters: one epoch is one SGD step, by hand. */
static void
test_mf_one_step(void)
{
	struct trip t[1] = { { 0, 0, 4.0f } };
	rs_imat *tm = imat_from(1, 1, t, 1, true);
	const char *params = "factors=2 lr=0.1 reg=0.05 reg_bias=0.02 decay=0.5";
	rs_error err;
	int rc;
	rs_model *m = train_rc("mf", tm, params, 1, 1, &rc, &err);
	fac_state *s = m->state;
	rs_train_ctx ctx;
	double loss;
	float p0 = 0.1f, p1 = 0.2f, q0 = 0.3f, q1 = -0.1f, bu = 0.5f, bi = -0.2f, mu = 3.5f;
	float lr = 0.1f * 0.5f;		/* epoch 2: lr * decay */
	float e, wp0, wp1, wq0, wq1, wbu, wbi;

	CHECK(rc == 0);
	s->P[0] = p0;
	s->P[1] = p1;
	s->Q[0] = q0;
	s->Q[1] = q1;
	s->bu[0] = bu;
	s->bi[0] = bi;
	s->mu = mu;
	memset(&ctx, 0, sizeof ctx);
	ctx.train = tm;
	ctx.seed = 1;
	CHECK(m->kind->epoch(m, &ctx, 2, &loss, &err) == 0);
	e = 4.0f - (mu + bu + bi + (p0 * q0 + p1 * q1));
	wbu = bu + lr * (e - 0.02f * bu);
	wbi = bi + lr * (e - 0.02f * bi);
	wp0 = p0 + lr * (e * q0 - 0.05f * p0);
	wp1 = p1 + lr * (e * q1 - 0.05f * p1);
	wq0 = q0 + lr * (e * p0 - 0.05f * q0);
	wq1 = q1 + lr * (e * p1 - 0.05f * q1);
	CHECK_NEAR(loss, fabs(e), 1e-6);
	CHECK_NEAR(s->bu[0], wbu, 1e-6);
	CHECK_NEAR(s->bi[0], wbi, 1e-6);
	CHECK_NEAR(s->P[0], wp0, 1e-6);
	CHECK_NEAR(s->P[1], wp1, 1e-6);
	CHECK_NEAR(s->Q[0], wq0, 1e-6);
	CHECK_NEAR(s->Q[1], wq1, 1e-6);
	/* and the prediction, clipped to the training range [4, 4] */
	{
		float x;
		rs_model_score_user(m, 0, &x);
		CHECK(x == 4.0f);
	}
	rs_model_free(m);
}

static void
test_mf_training_rmse(void)
{
	const char *kinds[] = { "mf", "svdpp" };

	for (int k = 0; k < 2; k++) {
		rs_model *m1 = train(kinds[k], ratings(40, 30, 11),
		    "factors=8 lr=0.02 decay=1 reg=0.02 reg_bias=0.01 init=0.1 clip=no", 3, 1);
		rs_model *m30 = train(kinds[k], ratings(40, 30, 11),
		    "factors=8 lr=0.02 decay=1 reg=0.02 reg_bias=0.01 init=0.1 clip=no", 3, 30);
		double r1 = train_rmse(m1), r30 = train_rmse(m30), base = 0;
		const rs_imat *t = m1->train;
		for (size_t q = 0; q < t->nnz; q++)
			base += (t->uval[q] - t->mean) * (t->uval[q] - t->mean);
		base = sqrt(base / (double)t->nnz);
		CHECK(r30 < r1);
		CHECK(r30 < 0.8 * base);	/* well below predicting the mean */
		/* the per-epoch loss (RMSE during the pass) falls too */
		CHECK(m30->history[29].loss < m30->history[0].loss);
		if (!(r30 < 0.8 * base))
			fprintf(stderr, "%s: training RMSE %g after 1, %g after 30, mean-only %g\n",
			    kinds[k], r1, r30, base);
		rs_model_free(m1);
		rs_model_free(m30);
	}
}

/* svdpp's explanation is exact: the shares are the implicit term. */
static void
test_svdpp_explain(void)
{
	rs_model *m = train("svdpp", ratings(20, 15, 5), "factors=4", 1, 10);
	const fac_state *s = state(m);
	const rs_imat *t = m->train;
	rs_reason r[32];
	size_t n = m->kind->explain(m, 2, 7, r, 32);
	double sum = 0, want = 0;
	uint64_t a = t->uptr[2], b = t->uptr[3];

	CHECK(n == b - a);
	for (size_t j = 0; j < n; j++)
		sum += r[j].weight;
	for (uint64_t q = a; q < b; q++)
		for (uint32_t f = 0; f < s->k; f++)
			want += s->Q[7 * s->k + f] * s->Y[(size_t)t->uidx[q] * s->k + f];
	want /= sqrt((double)(b - a));
	CHECK_NEAR(sum, want, 1e-5);
	rs_model_free(m);
}

/* ---- BPR ---- */

static double bpr_last;
static int bpr_increases;

/* mean -ln sigma(x_ui - x_uj) over every (u, i positive, j not) */
static double
bpr_objective(const rs_model *m)
{
	const rs_imat *t = m->train;
	float *x = malloc(t->nitems * sizeof *x);
	double total = 0;
	size_t n = 0;

	for (uint32_t u = 0; u < t->nusers; u++) {
		rs_model_score_user(m, u, x);
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++)
			for (uint32_t j = 0; j < t->nitems; j++) {
				if (!isnan(rs_imat_get(t, u, j)))
					continue;
				total += log1p(exp(-(double)(x[t->uidx[q]] - x[j])));
				n++;
			}
	}
	free(x);
	return total / (double)n;
}

static void
check_bpr_epoch(const rs_model *m, uint32_t epoch)
{
	double obj = bpr_objective(m);

	if (epoch > 1 && obj >= bpr_last) {
		bpr_increases++;
		fprintf(stderr, "BPR objective rose at epoch %u: %.9g -> %.9g\n", epoch,
		    bpr_last, obj);
	}
	bpr_last = obj;
}

static void
test_bpr_loss(void)
{
	const char *sampling[] = { "sampling=uniform", "sampling=pop" };

	for (int s = 0; s < 2; s++) {
		char params[128];
		rs_model *m;
		snprintf(params, sizeof params, "factors=6 lr=0.05 reg=0.001 %s", sampling[s]);
		bpr_increases = 0;
		progress_check = check_bpr_epoch;
		m = train("bpr", positives(40, 36, 4, false), params, 1, 25);
		CHECK(bpr_increases == 0);
		CHECK(m->history[24].loss < m->history[0].loss);
		CHECK(bpr_last < 0.5);	/* from ln 2 = 0.69 at random */
		rs_model_free(m);
	}
}

/* ---- every kind: determinism, save/load, bad values ---- */

static const char *const all_kinds[] = { "mf", "svdpp", "als", "bpr" };

static rs_imat *
data_sized(const char *kind, uint32_t nu, uint32_t ni)
{
	return strcmp(kind, "mf") == 0 || strcmp(kind, "svdpp") == 0 ?
	    ratings(nu, ni, 21) : positives(nu, ni, 21, strcmp(kind, "als") == 0);
}

static rs_imat *
data_for(const char *kind)
{
	return data_sized(kind, 50, 40);
}

/* Large enough (25-50 K pairs) that the parallel regions really run
 * parallel (small work runs on one thread: FAC_PARALLEL_MIN). */
static void
test_determinism(void)
{
	for (int k = 0; k < 4; k++) {
		const char *kind = all_kinds[k];
		rs_model *a, *b, *c, *d;
		set_threads(2);
		a = train(kind, data_sized(kind, 400, 300), "factors=8", 7, 3);
		b = train(kind, data_sized(kind, 400, 300), "factors=8", 7, 3);
		d = train(kind, data_sized(kind, 400, 300), "factors=8", 8, 3);
		set_threads(1);
		c = train(kind, data_sized(kind, 400, 300), "factors=8", 7, 3);
		set_threads(2);
		CHECK(same_state(a, b));	/* same seed, same threads */
		CHECK(same_state(a, c));	/* one thread or two */
		CHECK(!same_state(a, d));	/* another seed */
		if (!same_state(a, c))
			fprintf(stderr, "%s differs between 1 and 2 threads\n", kind);
		rs_model_free(a);
		rs_model_free(b);
		rs_model_free(c);
		rs_model_free(d);
	}
	{
		/* ALS with conjugate gradient too */
		rs_model *a, *c;
		set_threads(2);
		a = train("als", data_sized("als", 400, 300), "factors=8 solver=cg", 7, 3);
		set_threads(1);
		c = train("als", data_sized("als", 400, 300), "factors=8 solver=cg", 7, 3);
		set_threads(2);
		CHECK(same_state(a, c));
		rs_model_free(a);
		rs_model_free(c);
	}
}

static void
test_save_load(void)
{
	for (int k = 0; k < 4; k++) {
		const char *kind = all_kinds[k];
		rs_model *a = train(kind, data_for(kind), "factors=6", 3, 4), *b;
		void *buf;
		size_t len;
		rs_error err;
		float xa[40], xb[40];
		char *keys[] = { (char *)"factors" }, *vals[] = { (char *)"6" };

		CHECK(a->kind->save(a, &buf, &len) == 0);
		b = rs_model_new(kind, "copy", keys, vals, 1, &err);
		b->nusers = a->nusers;
		b->nitems = a->nitems;
		b->train = data_for(kind);
		CHECK(b->kind->load(b, buf, len, &err) == 0);
		CHECK(same_state(a, b));
		rs_model_score_user(a, 5, xa);
		rs_model_score_user(b, 5, xb);
		CHECK(memcmp(xa, xb, sizeof xa) == 0);
		/* a byte short, another kind's bytes, another size: refused */
		CHECK(b->kind->load(b, buf, len - 1, &err) == -1);
		CHECK(strstr(err.msg, "bytes") != NULL);
		((char *)buf)[8] = (char)(k == 0 ? FAC_BPR : FAC_MF);	/* type field */
		CHECK(b->kind->load(b, buf, len, &err) == -1);
		CHECK(strstr(err.msg, "saved factors are") != NULL);
		((char *)buf)[8] = (char)state(a)->type;
		b->nitems++;
		CHECK(b->kind->load(b, buf, len, &err) == -1);
		b->nitems--;
		CHECK(same_state(a, b));	/* failed loads kept the state */
		free(buf);
		rs_model_free(a);
		rs_model_free(b);
	}
}

/* After epoch 2 the learning rate becomes huge (the hook edits the
 * parameter, which mf reads every epoch): epoch 3 overflows. */
static void
raise_lr(const rs_model *cm, uint32_t epoch)
{
	rs_model *m = progress_model;

	(void)cm;
	if (epoch != 2)
		return;
	for (size_t j = 0; j < m->nparams; j++)
		if (strcmp(m->keys[j], "lr") == 0) {
			free(m->values[j]);
			m->values[j] = strdup("1000");
		}
}

/* A huge learning rate: the loss overflows; training stops, keeps the last
 * finite epoch, and says where it broke. */
static void
test_nan_loss(void)
{
	const char *params = "factors=8 lr=0.02 decay=1 init=0.1";
	rs_error err;
	int rc;
	rs_model *m, *ref;

	progress_check = raise_lr;
	m = train_rc("mf", ratings(40, 30, 11), params, 1, 10, &rc, &err);
	CHECK(rc == 1);
	CHECK_STR(err.msg, "training loss became NaN at epoch 3; kept the weights of "
	    "epoch 2 (try a smaller learning rate)");
	CHECK(m->nepochs == 2 && m->best_epoch == 2);
	CHECK(isfinite(m->history[0].loss) && isfinite(m->history[1].loss));
	/* the kept weights are those of a run of two epochs */
	ref = train("mf", ratings(40, 30, 11), params, 1, 2);
	CHECK(same_state(m, ref));
	rs_model_free(ref);
	rs_model_free(m);
	/* broken in the first epoch: nothing to keep */
	m = train_rc("mf", ratings(40, 30, 11), "factors=8 lr=1000 init=1", 1, 5, &rc, &err);
	CHECK(rc == -1);
	CHECK(strstr(err.msg, "at epoch 1; no good epoch to keep") != NULL);
	rs_model_free(m);
}

static void
test_bad_params(void)
{
	rs_error err;
	char *k1[] = { (char *)"factors" }, *v0[] = { (char *)"0" };
	char *k2[] = { (char *)"reg" }, *vneg[] = { (char *)"-0.1" };
	char *k3[] = { (char *)"lr" }, *vz[] = { (char *)"0" };
	char *k4[] = { (char *)"alpha" };
	char *k5[] = { (char *)"bogus" }, *v1[] = { (char *)"1" };

	CHECK(rs_model_new("mf", "x", k1, v0, 1, &err) == NULL);
	CHECK_STR(err.msg, "factors=0 is out of range (1 to 4096)");
	CHECK(rs_model_new("als", "x", k2, vneg, 1, &err) == NULL);
	CHECK_STR(err.msg, "reg=-0.1 is out of range (0 to 1e+09)");
	CHECK(rs_model_new("bpr", "x", k3, vz, 1, &err) == NULL);
	CHECK_STR(err.msg, "lr=0 is out of range (1e-06 to 1000)");
	CHECK(rs_model_new("als", "x", k4, vneg, 1, &err) == NULL);
	CHECK(rs_model_new("svdpp", "x", k5, v1, 1, &err) == NULL);
	CHECK(strncmp(err.msg, "model svdpp has no parameter bogus", 34) == 0);
}

/* similar by cosine, on factors set by hand */
static void
test_similar_by_hand(void)
{
	rs_model *m = train("bpr", positives(6, 4, 1, false), "factors=2", 1, 1);
	fac_state *s = m->state;
	const float q[4][2] = { { 1, 0 }, { 0.8f, 0.6f }, { 0, 1 }, { -1, 0.1f } };
	uint32_t out[4];
	float sc[4];
	size_t n;

	memcpy(s->Q, q, sizeof q);
	for (uint32_t i = 0; i < 4; i++)
		m->popularity[i] = 1;
	n = m->kind->similar(m, 0, out, sc, 4);
	CHECK(n == 3);
	CHECK(out[0] == 1 && out[1] == 2 && out[2] == 3);
	CHECK_NEAR(sc[0], 0.8, 1e-6);
	CHECK_NEAR(sc[1], 0.0, 1e-6);
	CHECK_NEAR(sc[2], -1 / sqrt(1.01), 1e-6);
	m->popularity[1] = 0;	/* never trained: left out */
	n = m->kind->similar(m, 0, out, sc, 4);
	CHECK(n == 2 && out[0] == 2);
	rs_model_free(m);
}

/* Validation during training counts as relevant only the held-out items
 * the user did not see in training, as eval does (those are never ranked).
 * pop on 4 users x 5 items, popularity 4 3 2 1 0; held out: u2 {0} (seen:
 * no relevant item, the user does not count), u3 {0 (seen), 2}. u3's
 * ranking without item 0 is 1 2 3 4: its one relevant item at rank 2. */
static void
test_validation_skips_seen(void)
{
	const float N = NAN;
	const float train[] = {
		1, 1, 1, 1, N,
		1, 1, 1, N, N,
		1, 1, N, N, N,
		1, N, N, N, N,
	};
	const float held[] = {
		N, N, N, N, N,
		N, N, N, N, N,
		1, N, N, N, N,
		1, N, 1, N, N,
	};
	static const char *const metrics[] = { "ndcg@10", "recall@10", "hit@1" };
	/* ndcg: 1/log2(3) over an ideal 1 (was 1/log2(3) / (1 + 1/log2(3)),
	 * averaged with u2's 0) */
	const double want[] = { 1 / log2(3.0), 1, 0 };
	rs_imat *t = fix_imat(4, 5, train, false);
	rs_imat *v = fix_imat(4, 5, held, false);

	for (size_t k = 0; k < 3; k++) {
		rs_error err;
		rs_model *m = rs_model_new("pop", "p", NULL, NULL, 0, &err);
		rs_train_ctx ctx;
		rs_fit_opts fo;
		CHECK(m != NULL);
		if (m == NULL)
			continue;
		memset(&ctx, 0, sizeof ctx);
		m->train = model_imat_copy(t);
		ctx.train = m->train;
		ctx.valid = v;
		ctx.seed = 1;
		rs_fit_opts_init(&fo);
		fo.metric = metrics[k];
		CHECK(rs_model_fit(m, &ctx, &fo, &err) == 0);
		CHECK(m->nepochs == 1);
		if (m->nepochs == 1)
			CHECK_NEAR(m->history[0].valid, want[k], 1e-12);
		rs_model_free(m);
	}
	rs_imat_free(t);
	rs_imat_free(v);
}

int
main(void)
{
	set_threads(2);
	test_als_objective();
	test_als_low_rank();
	test_als_explain_similar();
	test_mf_one_step();
	test_mf_training_rmse();
	test_svdpp_explain();
	test_bpr_loss();
	test_determinism();
	test_save_load();
	test_nan_loss();
	test_bad_params();
	test_similar_by_hand();
	test_validation_skips_seen();
	return check_done("test-factors");
}
