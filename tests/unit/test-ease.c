/* Unit tests of ease: B against a hand-computed inverse, both Gram paths against an independent double-precision inverse. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/reelscope.h"

#include "check.h"
#include "modelfix.h"

#define N NAN

/* u0 {i0,i1}, u1 {i0}, u2 {i1,i2}, u3 {i0,i1,i2}; i3 has no interactions.
 * With lambda 1: G = [[4,2,1],[2,4,2],[1,2,3]], det 24, and
 * P = G^-1 = [[8,-4,0],[-4,11,-6],[0,-6,12]] / 24, so B[j][i] = -P[j][i] /
 * P[i][i]: B01 = 4/11, B02 = 0, B10 = 1/2, B12 = 1/2, B20 = 0, B21 = 6/11. */
static const float x4[] = {
	1, 1, N, N,
	1, N, N, N,
	N, 1, 1, N,
	1, 1, 1, N,
};

static void
test_hand_inverse(void)
{
	rs_imat *t = fix_imat(4, 4, x4, false);
	rs_error err;
	rs_model *m = fix_train("ease", "lambda=1", t, NULL, 0, NULL, &err), *c;
	float x[4];
	uint32_t items[4];
	float s[4];
	rs_reason rs[4];
	size_t n;

	CHECK(m != NULL);
	rs_model_score_user(m, 1, x);	/* u1 = {i0}: row B0 */
	CHECK_NEAR(x[0], 0, 1e-6);
	CHECK_NEAR(x[1], 4.0 / 11, 1e-6);
	CHECK_NEAR(x[2], 0, 1e-6);
	CHECK_NEAR(x[3], 0, 0);
	rs_model_score_user(m, 2, x);	/* u2 = {i1, i2}: B1 + B2 */
	CHECK_NEAR(x[0], 0.5, 1e-6);
	CHECK_NEAR(x[1], 6.0 / 11, 1e-6);
	CHECK_NEAR(x[2], 0.5, 1e-6);
	/* explain: u2's items by B[j][i0]; i2's is 0 (or a rounding's worth) */
	n = m->kind->explain(m, 2, 0, rs, 4);
	CHECK(n >= 1 && rs[0].id == 1);
	CHECK_NEAR(rs[0].weight, 0.5, 1e-6);
	CHECK(n == 1 || fabs(rs[1].weight) < 1e-6);
	/* similar: row B1 = (1/2, 0, 1/2), ties by lower index */
	n = m->kind->similar(m, 1, items, s, 4);
	CHECK(n == 2 && items[0] == 0 && items[1] == 2);
	CHECK_NEAR(s[0], 0.5, 1e-6);
	n = m->kind->similar(m, 3, items, s, 4);	/* no interactions */
	CHECK(n == 0);
	c = fix_roundtrip(m, &err);
	CHECK(c != NULL && fix_same_scores(m, c));
	rs_model_free(c);
	rs_model_free(m);
	rs_imat_free(t);
}

/* Double-precision Gauss-Jordan inverse of the n x n a (in place). */
static void
invert(double *a, size_t n)
{
	double *b = calloc(n * n, sizeof *b);

	for (size_t i = 0; i < n; i++)
		b[i * n + i] = 1;
	for (size_t c = 0; c < n; c++) {
		double p = a[c * n + c];
		for (size_t j = 0; j < n; j++) {
			a[c * n + j] /= p;
			b[c * n + j] /= p;
		}
		for (size_t r = 0; r < n; r++) {
			double f = a[r * n + c];
			if (r == c || f == 0)
				continue;
			for (size_t j = 0; j < n; j++) {
				a[r * n + j] -= f * a[c * n + j];
				b[r * n + j] -= f * b[c * n + j];
			}
		}
	}
	memcpy(a, b, n * n * sizeof *a);
	free(b);
}

/* Scores of a random matrix against B from a double inverse; density
 * decides whether the Gram matrix comes from the sparse walk or ssyrk. */
static void
check_random(uint32_t nu, uint32_t ni, double density, const char *what)
{
	float *d = malloc((size_t)nu * ni * sizeof *d), *x = malloc(ni * sizeof *x);
	double *g = calloc((size_t)ni * ni, sizeof *g), worst = 0, lambda = 3;
	uint64_t z = 7;
	rs_imat *t;
	rs_model *m;
	rs_error err;

	for (size_t q = 0; q < (size_t)nu * ni; q++) {
		z = z * 6364136223846793005ULL + 1442695040888963407ULL;
		d[q] = (double)(z >> 11) / 9007199254740992.0 < density ?
		    (float)(1 + (z >> 60) % 3) : N;
	}
	/* every item gets an interaction: B covers all of them */
	for (uint32_t i = 0; i < ni; i++)
		d[(size_t)(i % nu) * ni + i] = 1;
	t = fix_imat(nu, ni, d, true);
	for (uint32_t u = 0; u < nu; u++)
		for (uint32_t a = 0; a < ni; a++)
			for (uint32_t b = 0; b < ni; b++)
				if (!isnan(d[(size_t)u * ni + a]) && !isnan(d[(size_t)u * ni + b]))
					g[(size_t)a * ni + b] += (double)d[(size_t)u * ni + a] *
					    d[(size_t)u * ni + b];
	for (uint32_t a = 0; a < ni; a++)
		g[(size_t)a * ni + a] += lambda;
	invert(g, ni);
	m = fix_train("ease", "lambda=3", t, NULL, 0, NULL, &err);
	CHECK(m != NULL);
	for (uint32_t u = 0; m != NULL && u < nu; u++) {
		if (t->uptr[u + 1] == t->uptr[u])
			continue;	/* no history: popularity stands in */
		rs_model_score_user(m, u, x);
		for (uint32_t i = 0; i < ni; i++) {
			double want = 0;
			for (uint32_t j = 0; j < ni; j++)
				if (!isnan(d[(size_t)u * ni + j]) && j != i)
					want += d[(size_t)u * ni + j] * -g[(size_t)j * ni + i] /
					    g[(size_t)i * ni + i];
			if (fabs(x[i] - want) > worst)
				worst = fabs(x[i] - want);
		}
	}
	if (worst > 1e-4)
		fprintf(stderr, "%s: worst score error %g\n", what, worst);
	CHECK(worst <= 1e-4);
	rs_model_free(m);
	rs_imat_free(t);
	free(g);
	free(d);
	free(x);
}

static void
test_bad_params(void)
{
	rs_imat *t = fix_imat(4, 4, x4, false);
	rs_error err;

	CHECK(fix_train("ease", "lambda=-1", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "lambda=-1 is out of range (0 to 1e+12)");
	CHECK(fix_train("ease", "max_items=2", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "3 items have interactions: an items x items matrix of them takes 0.0 GB; the limit is max_items=2 (drop rare items first, e.g. clean kcore, or raise max_items)");
	rs_imat_free(t);
	{
		/* i0 and i1 have the same column: X'X is singular without
		   regularization */
		static const float same[] = { 1, 1, N, 1, 1, 1, N, N, 1 };
		t = fix_imat(3, 3, same, false);
		CHECK(fix_train("ease", "lambda=0", t, NULL, 0, NULL, &err) == NULL);
		CHECK_STR(err.msg, "the Gram matrix is singular (an item's column is 0 or repeats another); use lambda > 0");
		rs_imat_free(t);
	}
}

int
main(void)
{
	test_hand_inverse();
	check_random(400, 30, 0.05, "sparse walk");	/* few pairs per user */
	check_random(40, 30, 0.6, "ssyrk");		/* dense */
	test_bad_params();
	return check_done("test-ease");
}
