/* Unit tests of the neighbourhood models: similarities, shrinkage, neighbour lists and scores against hand-computed figures. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/knn.h"
#include "reelscope/reelscope.h"

#include "check.h"
#include "modelfix.h"

#define TOL 1e-6
#define N NAN

/* Binary: u0 {i0,i1}, u1 {i0,i1,i2}, u2 {i1,i2}, u3 {i2,i3}. */
static const float binary4[] = {
	1, 1, N, N,
	1, 1, 1, N,
	N, 1, 1, N,
	N, N, 1, 1,
};

/* The items' rows (CSC) of t as knn_rows. */
static knn_rows
item_rows(const rs_imat *t)
{
	return (knn_rows){ t->nitems, t->iptr, t->iidx, t->ival };
}

static knn_rows
user_rows(const rs_imat *t)
{
	return (knn_rows){ t->nusers, t->uptr, t->uidx, t->uval };
}

static void
test_binary_similarities(void)
{
	rs_imat *t = fix_imat(4, 4, binary4, false);
	knn_rows r = item_rows(t);
	knn_opts o = { KNN_COSINE, 0, 1, 0 };

	/* cosine: |common| / sqrt(|a| |b|) on 0/1 columns */
	CHECK_NEAR(knn_pair(&r, &o, 0, 1), 2 / sqrt(6), TOL);
	CHECK_NEAR(knn_pair(&r, &o, 0, 2), 1 / sqrt(6), TOL);
	CHECK_NEAR(knn_pair(&r, &o, 1, 2), 2.0 / 3, TOL);
	CHECK_NEAR(knn_pair(&r, &o, 2, 3), 1 / sqrt(3), TOL);
	CHECK_NEAR(knn_pair(&r, &o, 0, 3), 0, 0);
	CHECK_NEAR(knn_pair(&r, &o, 1, 1), 0, 0);
	/* shrinkage n / (n + 1) */
	o.shrink = 1;
	CHECK_NEAR(knn_pair(&r, &o, 0, 1), 2 / sqrt(6) * 2 / 3, TOL);
	CHECK_NEAR(knn_pair(&r, &o, 0, 2), 1 / sqrt(6) / 2, TOL);
	CHECK_NEAR(knn_pair(&r, &o, 2, 3), 1 / sqrt(3) / 2, TOL);
	/* min_support: pairs with one common user drop out */
	o.shrink = 0;
	o.min_support = 2;
	CHECK_NEAR(knn_pair(&r, &o, 0, 2), 0, 0);
	CHECK_NEAR(knn_pair(&r, &o, 0, 1), 2 / sqrt(6), TOL);
	/* jaccard: |common| / |union| */
	o.sim = KNN_JACCARD;
	o.min_support = 1;
	CHECK_NEAR(knn_pair(&r, &o, 0, 1), 2.0 / 3, TOL);
	CHECK_NEAR(knn_pair(&r, &o, 0, 2), 1.0 / 4, TOL);
	CHECK_NEAR(knn_pair(&r, &o, 1, 2), 2.0 / 4, TOL);
	CHECK_NEAR(knn_pair(&r, &o, 2, 3), 1.0 / 3, TOL);
	o.shrink = 2;
	CHECK_NEAR(knn_pair(&r, &o, 1, 2), 0.5 * 2 / 4, TOL);
	/* user-user cosine */
	r = user_rows(t);
	o = (knn_opts){ KNN_COSINE, 0, 1, 0 };
	CHECK_NEAR(knn_pair(&r, &o, 0, 1), 2 / sqrt(6), TOL);
	CHECK_NEAR(knn_pair(&r, &o, 0, 2), 0.5, TOL);
	CHECK_NEAR(knn_pair(&r, &o, 1, 3), 1 / sqrt(6), TOL);
	rs_imat_free(t);
}

/* Ratings for the correlation measures. */
static const float ratings5[] = {
	5, 3, 4, N,
	3, 1, 2, 5,
	4, 3, 5, 1,
	N, 4, 1, 2,
	2, N, 3, 4,
};

static void
test_rating_similarities(void)
{
	rs_imat *t = fix_imat(5, 4, ratings5, true);
	knn_rows r = item_rows(t);
	knn_opts o = { KNN_PEARSON, 0, 1, 0 };
	float *cv;

	/* i0, i1 share u0..u2: x = (5,3,4), y = (3,1,3); means 4 and 7/3;
	   dx = (1,-1,0), dy = (2/3,-4/3,2/3): sum dxdy 2, sum dx^2 2,
	   sum dy^2 8/3: 2 / sqrt(16/3) = sqrt(3)/2 */
	CHECK_NEAR(knn_pair(&r, &o, 0, 1), sqrt(3) / 2, TOL);
	o.shrink = 3;	/* n = 3: halved */
	CHECK_NEAR(knn_pair(&r, &o, 0, 1), sqrt(3) / 4, TOL);
	o.shrink = 0;
	/* i2, i3 share u1, u2, u3, u4: x = (2,5,1,3), y = (5,1,2,4); means
	   11/4 and 3; dx = (-.75,2.25,-1.75,.25), dy = (2,-2,-1,1):
	   sum dxdy = -1.5-4.5+1.75+.25 = -4 (negative: no neighbour) */
	CHECK_NEAR(knn_pair(&r, &o, 2, 3), 0, 0);
	/* i0, i2 share u0, u1, u2, u4: x = (5,3,4,2), y = (4,2,5,3); means
	   3.5 and 3.5; dx = (1.5,-.5,.5,-1.5), dy = (.5,-1.5,1.5,-.5):
	   sum dxdy = .75+.75+.75+.75 = 3, sum dx^2 = 5, sum dy^2 = 5: 0.6 */
	CHECK_NEAR(knn_pair(&r, &o, 0, 2), 0.6, TOL);
	/* adjusted cosine: values centred by the user's mean over all the
	   user's ratings: u0 4, u1 11/4, u2 13/4, u3 7/3, u4 3.
	   i0 vs i2 over u0, u1, u2, u4: a = (1, 1/4, 3/4, -1),
	   b = (0, -3/4, 7/4, 0): ab = -3/16 + 21/16 = 18/16; the norms over
	   the same users: a^2 = 1 + 1/16 + 9/16 + 1 = 42/16, b^2 = 58/16 */
	{
		float *rv = malloc(t->nnz * sizeof *rv);
		double mean[5] = { 4, 11.0 / 4, 13.0 / 4, 7.0 / 3, 3 };
		knn_rows ra;
		cv = malloc(t->nnz * sizeof *cv);
		for (uint32_t i = 0; i < t->nitems; i++)
			for (uint64_t q = t->iptr[i]; q < t->iptr[i + 1]; q++)
				rv[q] = (float)(t->ival[q] - mean[t->iidx[q]]);
		ra = (knn_rows){ t->nitems, t->iptr, t->iidx, rv };
		o.sim = KNN_ADJUSTED;
		CHECK_NEAR(knn_pair(&ra, &o, 0, 2), (18.0 / 16) / sqrt(42.0 / 16 * 58.0 / 16), 1e-6);
		free(rv);
		free(cv);
	}
	rs_imat_free(t);
}

/* The sparse walk agrees with the pairwise formula for every pair and
 * every measure; lists are strongest first, truncated at keep. */
static void
test_walk_matches_pairs(void)
{
	rs_imat *t = fix_imat(5, 4, ratings5, true);
	knn_rows rows = item_rows(t), cols = user_rows(t);
	int sims[] = { KNN_COSINE, KNN_ADJUSTED, KNN_PEARSON, KNN_PEARSON_BASELINE, KNN_JACCARD };

	for (size_t s = 0; s < sizeof sims / sizeof *sims; s++)
		for (uint32_t keep = 0; keep < 3; keep++) {
			knn_opts o = { (enum knn_sim)sims[s], 1.5, 1, keep };
			knn_nbrs nb;
			rs_error err;
			CHECK(knn_neighbours(&rows, &cols, &o, &nb, NULL, "t", &err) == 0);
			for (uint32_t a = 0; a < 4; a++) {
				uint32_t want = 0;
				for (uint32_t b = 0; b < 4; b++)
					want += knn_pair(&rows, &o, a, b) > 0;
				if (keep && want > keep)
					want = keep;
				CHECK(nb.ptr[a + 1] - nb.ptr[a] == want);
				for (uint64_t p = nb.ptr[a]; p < nb.ptr[a + 1]; p++) {
					CHECK_NEAR(nb.sim[p], knn_pair(&rows, &o, a, nb.idx[p]), 1e-6);
					if (p > nb.ptr[a])
						CHECK(nb.sim[p - 1] >= nb.sim[p]);
				}
			}
			knn_nbrs_free(&nb);
		}
	rs_imat_free(t);
}

static int
cand_ref_cmp(const void *pa, const void *pb)
{
	const knn_cand *a = pa, *b = pb;

	if (a->s != b->s)
		return a->s > b->s ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* Partial selection gives the first k of a full sort, ties by index. */
static void
test_select(void)
{
	uint64_t z = 42;
	knn_cand a[300], ref[300];
	int bad = 0;

	for (size_t n = 0; n < 300; n += 7)
		for (size_t k = 0; k <= n + 2; k += 3) {
			size_t got;
			for (size_t j = 0; j < n; j++) {
				z = z * 6364136223846793005ULL + 1442695040888963407ULL;
				a[j].s = (float)((z >> 33) % 17);	/* many ties */
				a[j].i = (uint32_t)j;
			}
			memcpy(ref, a, n * sizeof *a);
			qsort(ref, n, sizeof *ref, cand_ref_cmp);
			got = knn_select(a, n, k);
			if (got != (k < n ? k : n) || memcmp(a, ref, got * sizeof *a) != 0)
				bad++;
		}
	CHECK(bad == 0);
}

static void
test_itemknn_implicit(void)
{
	rs_imat *t = fix_imat(4, 4, binary4, false);
	rs_error err;
	rs_model *m = fix_train("itemknn", "k=40", t, NULL, 0, NULL, &err), *m1, *c;
	float x[4];
	uint32_t items[4];
	float sims[4];
	rs_reason rs[4];
	size_t n;

	CHECK(m != NULL);
	/* u3 has i2, i3: each item gets the similarities to them */
	rs_model_score_user(m, 3, x);
	CHECK_NEAR(x[0], 1 / sqrt(6), TOL);
	CHECK_NEAR(x[1], 2.0 / 3, TOL);
	CHECK_NEAR(x[2], 1 / sqrt(3), TOL);
	CHECK_NEAR(x[3], 1 / sqrt(3), TOL);
	n = m->kind->similar(m, 1, items, sims, 4);
	CHECK(n == 2 && items[0] == 0 && items[1] == 2);
	CHECK_NEAR(sims[0], 2 / sqrt(6), TOL);
	/* u1 = {i0, i1, i2}: i3's score comes from i2 alone */
	n = m->kind->explain(m, 1, 3, rs, 4);
	CHECK(n == 1 && rs[0].id == 2 && !rs[0].is_user);
	CHECK_NEAR(rs[0].weight, 1 / sqrt(3), TOL);
	/* recommend excludes what u0 saw: i2 (from i0 and i1) before i3 */
	n = rs_model_recommend(m, 0, 4, true, items, sims, NULL);
	CHECK(n == 2 && items[0] == 2 && items[1] == 3);
	CHECK_NEAR(sims[0], 1 / sqrt(6) + 2.0 / 3, TOL);
	/* k=1: each item keeps its nearest; u3's i2 passes 2/3 to i1 only,
	   i3 passes 1/sqrt(3) to i2 */
	m1 = fix_train("itemknn", "k=1", t, NULL, 0, NULL, &err);
	rs_model_score_user(m1, 3, x);
	CHECK_NEAR(x[0], 0, 0);
	CHECK_NEAR(x[1], 2.0 / 3, TOL);
	CHECK_NEAR(x[2], 1 / sqrt(3), TOL);
	CHECK_NEAR(x[3], 0, 0);
	c = fix_roundtrip(m1, &err);
	CHECK(c != NULL && fix_same_scores(m1, c));
	rs_model_free(c);
	rs_model_free(m1);
	rs_model_free(m);
	rs_imat_free(t);
}

static void
test_userknn_implicit(void)
{
	rs_imat *t = fix_imat(4, 4, binary4, false);
	rs_error err;
	rs_model *m = fix_train("userknn", "k=2", t, NULL, 0, NULL, &err), *c;
	float x[4];
	rs_reason rs[4];
	size_t n;

	CHECK(m != NULL);
	/* u0's two nearest: u1 (2/sqrt 6), u2 (1/2) */
	rs_model_score_user(m, 0, x);
	CHECK_NEAR(x[0], 2 / sqrt(6), TOL);
	CHECK_NEAR(x[1], 2 / sqrt(6) + 0.5, TOL);
	CHECK_NEAR(x[2], 2 / sqrt(6) + 0.5, TOL);
	CHECK_NEAR(x[3], 0, 0);
	n = m->kind->explain(m, 0, 2, rs, 4);
	CHECK(n == 2 && rs[0].id == 1 && rs[0].is_user && rs[1].id == 2);
	CHECK_NEAR(rs[1].weight, 0.5, TOL);
	CHECK(m->kind->similar == NULL);
	c = fix_roundtrip(m, &err);
	CHECK(c != NULL && fix_same_scores(m, c));
	rs_model_free(c);
	rs_model_free(m);
	rs_imat_free(t);
}

/* u0: i0=4 i1=2; u1: i0=5 i1=3 i2=4; u2: i1=1 i2=2. */
static const float small3[] = {
	4, 2, N,
	5, 3, 4,
	N, 1, 2,
};

static void
test_knn_baseline(void)
{
	rs_imat *t = fix_imat(3, 3, small3, true);
	rs_error err;
	const char *p = "sim=cosine k=2 reg_item=1 reg_user=1 baseline_epochs=1";
	rs_model *m = fix_train("itemknn", p, t, NULL, 0, NULL, &err), *m1, *mu, *c;
	/* mean 3; one pass, items first: b_i = (1+2)/3, (-1+0-2)/4, (1-1)/3;
	   then b_u0 = (0 + -0.25)/3, b_u1 = (1 + .75 + 1)/4, b_u2 = (-1.25-1)/3 */
	double bi[3] = { 1, -0.75, 0 }, bu[3] = { -1.0 / 12, 0.6875, -0.75 };
	/* (u0, i2): neighbours i0 (cos 20/sqrt(20*41)) and i1 (14/sqrt(20*14)),
	   deviations 4 - (3 + bu0 + bi0) and 2 - (3 + bu0 + bi1) */
	double s0 = 20 / sqrt(20.0 * 41), s1 = 14 / sqrt(20.0 * 14);
	double d0 = 4 - (3 + bu[0] + bi[0]), d1 = 2 - (3 + bu[0] + bi[1]);
	double base = 3 + bu[0] + bi[2];
	float x[3];
	rs_reason rs[3];
	size_t n;

	CHECK(m != NULL);
	rs_model_score_user(m, 0, x);
	CHECK_NEAR(x[2], base + (s0 * d0 + s1 * d1) / (s0 + s1), 1e-5);
	/* the reasons add up to the score minus the baseline */
	n = m->kind->explain(m, 0, 2, rs, 3);
	CHECK(n == 2 && rs[0].id == 1 && rs[1].id == 0);
	CHECK_NEAR(rs[0].weight + rs[1].weight, x[2] - base, 1e-5);
	/* k=1: the nearest rated item (i1) alone */
	m1 = fix_train("itemknn", "sim=cosine k=1 reg_item=1 reg_user=1 baseline_epochs=1",
	    t, NULL, 0, NULL, &err);
	rs_model_score_user(m1, 0, x);
	CHECK_NEAR(x[2], base + d1, 1e-5);
	/* an item nobody the user rated is similar to: the baseline */
	/* user-based (u2, i0): u2's neighbours who rated i0: u1 (cos of
	   (3,1)·... over i1, i2: u2 = (i1 1, i2 2), u1 = (5, 3, 4): dot 3 + 8 =
	   11, norms sqrt(5) sqrt(50)); u0 (dot 2, norms sqrt(5) sqrt(20)) */
	mu = fix_train("userknn", p, t, NULL, 0, NULL, &err);
	rs_model_score_user(mu, 2, x);
	{
		double su1 = 11 / sqrt(5.0 * 50), su0 = 2 / sqrt(5.0 * 20);
		double e1 = 5 - (3 + bu[1] + bi[0]), e0 = 4 - (3 + bu[0] + bi[0]);
		CHECK_NEAR(x[0], 3 + bu[2] + bi[0] + (su1 * e1 + su0 * e0) / (su1 + su0), 1e-5);
	}
	c = fix_roundtrip(m, &err);
	CHECK(c != NULL && fix_same_scores(m, c));
	rs_model_free(c);
	c = fix_roundtrip(mu, &err);
	CHECK(c != NULL && fix_same_scores(mu, c));
	rs_model_free(c);
	rs_model_free(mu);
	rs_model_free(m1);
	rs_model_free(m);
	rs_imat_free(t);
}

static void
test_bad_params(void)
{
	rs_imat *t = fix_imat(4, 4, binary4, false);
	rs_error err;

	CHECK(fix_train("itemknn", "k=0", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "k=0 is out of range (1 to 1e+06)");
	CHECK(fix_train("itemknn", "shrink=-1", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "shrink=-1 is out of range (0 to 1e+12)");
	CHECK(fix_train("userknn", "sim=dice", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "sim=dice must be one of cosine|adjusted|pearson|pearson_baseline|jaccard");
	CHECK(fix_train("itemknn", "sim=pearson", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "sim=pearson compares rating values, and binary training values have none (use cosine or jaccard, or train with binary=no)");
	CHECK(fix_train("itemknn", "sim=pearson_baseline", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "sim=pearson_baseline needs rating mode (rating values with binary=no, or mode=rating)");
	rs_imat_free(t);
}

int
main(void)
{
	test_binary_similarities();
	test_rating_similarities();
	test_walk_matches_pairs();
	test_select();
	test_itemknn_implicit();
	test_userknn_implicit();
	test_knn_baseline();
	test_bad_params();
	return check_done("test-knn");
}
