/* Unit tests of content (profile cosine by hand) and hybrid (normalizations and blend arithmetic). */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/explain.h"
#include "reelscope/features.h"
#include "reelscope/reelscope.h"

#include "check.h"
#include "modelfix.h"

#define N NAN
#define TOL 1e-6

/* ---- content ---- */

/* Item features, columns text:a text:b category:c:
 * i0 (1,0,1), i1 (0,1,1), i2 (1,1,0), i3 none. */
static uint64_t fptr[] = { 0, 2, 4, 6, 6 };
static uint32_t fcol[] = { 0, 2, 1, 2, 0, 1 };
static float fval[] = { 1, 1, 1, 1, 1, 1 };
static char *fnames[] = { "text:a", "text:b", "category:c" };
static rs_feature_block fblocks[] = {
	{ RS_FB_TEXT, "text", "", 0, 2 },
	{ RS_FB_CATEGORY, "category", "category", 2, 1 },
};

static rs_features *
fix_features(void)
{
	rs_features *f = calloc(1, sizeof *f);

	f->nitems = 4;
	f->ncols = 3;
	f->x = (rs_csr){ 4, 3, fptr, fcol, fval };
	f->colnames = fnames;
	f->blocks = fblocks;
	f->nblocks = 2;
	return f;
}

/* u0: i0 = 2, i1 = 1. */
static const float values[] = {
	2, 1, N, N,
	N, N, 1, N,
};

static void
test_content(void)
{
	rs_features *f = fix_features();
	rs_imat *t = fix_imat(2, 4, values, true);
	rs_error err;
	rs_model *m, *c;
	float x[4];
	uint32_t items[4];
	float s[4];
	rs_reason rs[4];
	rs_feature_reason fr[4];
	size_t n;
	double r7 = sqrt(7);

	CHECK(fix_train("content", NULL, t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "the content model needs item features: run features first");
	m = fix_train("content", NULL, t, NULL, 0, f, &err);
	CHECK(m != NULL);
	/* unit rows i0 = (1,0,1)/r2 ...; p = 2 i0 + i1 = (2, 1, 3)/r2, |p| =
	   r7; score(i) = p . i / |p| */
	rs_model_score_user(m, 0, x);
	CHECK_NEAR(x[0], 2.5 / r7, TOL);
	CHECK_NEAR(x[1], 2.0 / r7, TOL);
	CHECK_NEAR(x[2], 1.5 / r7, TOL);
	CHECK_NEAR(x[3], 0, 0);
	/* the features behind (u0, i2): a gives 1/r7, b 0.5/r7 */
	n = rs_model_explain_features(m, 0, 2, fr, 4);
	CHECK(n == 2);
	CHECK_STR(fr[0].name, "text:a");
	CHECK_NEAR(fr[0].weight, 1 / r7, TOL);
	CHECK_STR(fr[1].name, "text:b");
	CHECK_NEAR(fr[1].weight, 0.5 / r7, TOL);
	/* the items behind it: value * cos(j, i2) / |p| */
	n = m->kind->explain(m, 0, 2, rs, 4);
	CHECK(n == 2 && rs[0].id == 0 && rs[1].id == 1);
	CHECK_NEAR(rs[0].weight, 1 / r7, TOL);
	CHECK_NEAR(rs[1].weight, 0.5 / r7, TOL);
	/* similar: cos(i0, i1) = cos(i0, i2) = 1/2; i3 has no features */
	n = m->kind->similar(m, 0, items, s, 4);
	CHECK(n == 2 && items[0] == 1 && items[1] == 2);
	CHECK_NEAR(s[0], 0.5, TOL);
	CHECK(m->kind->similar(m, 3, items, s, 4) == 0);
	c = fix_roundtrip(m, &err);
	CHECK(c != NULL && fix_same_scores(m, c));
	rs_model_free(c);
	rs_model_free(m);
	/* only the category block: every item with it scores 1 */
	m = fix_train("content", "blocks=category", t, NULL, 0, f, &err);
	CHECK(m != NULL);
	rs_model_score_user(m, 0, x);
	CHECK_NEAR(x[0], 1, TOL);
	CHECK_NEAR(x[2], 0, 0);
	rs_model_free(m);
	CHECK(fix_train("content", "blocks=text,genre", t, NULL, 0, f, &err) == NULL);
	CHECK_STR(err.msg, "blocks: the features have no block genre (blocks: text, category)");
	rs_imat_free(t);
	free(f);
}

/* ---- hybrid ---- */

static void
check_vec(const float *x, const double *want, size_t n, int line)
{
	for (size_t i = 0; i < n; i++) {
		check_count++;
		if (!(fabs(x[i] - want[i]) <= TOL)) {
			check_failures++;
			fprintf(stderr, "%s:%d: x[%zu] = %.9g, expected %.9g\n", __FILE__,
			    line, i, x[i], want[i]);
		}
	}
}

static void
test_normalize(void)
{
	float x[4];
	uint8_t skip[4] = { 1, 0, 0, 0 };
	double sd = sqrt(5.0 / 4);

	memcpy(x, (float[]){ 1, 2, 3, 4 }, sizeof x);
	rs_blend_normalize("zscore", x, 4, NULL);
	check_vec(x, (double[]){ -1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd }, 4, __LINE__);
	memcpy(x, (float[]){ 1, 2, 3, 4 }, sizeof x);
	rs_blend_normalize("minmax", x, 4, NULL);
	check_vec(x, (double[]){ 0, 1.0 / 3, 2.0 / 3, 1 }, 4, __LINE__);
	/* rank: (below + half the equal) / n */
	memcpy(x, (float[]){ 1, 2, 3, 4 }, sizeof x);
	rs_blend_normalize("rank", x, 4, NULL);
	check_vec(x, (double[]){ 0.125, 0.375, 0.625, 0.875 }, 4, __LINE__);
	memcpy(x, (float[]){ 1, 2, 2, 5 }, sizeof x);
	rs_blend_normalize("rank", x, 4, NULL);
	check_vec(x, (double[]){ 0.125, 0.5, 0.5, 0.875 }, 4, __LINE__);
	/* statistics over the unseen items only; seen ones mapped alike */
	memcpy(x, (float[]){ 10, 1, 2, 3 }, sizeof x);
	rs_blend_normalize("minmax", x, 4, skip);
	check_vec(x, (double[]){ 4.5, 0, 0.5, 1 }, 4, __LINE__);
	memcpy(x, (float[]){ 10, 1, 2, 3 }, sizeof x);
	rs_blend_normalize("rank", x, 4, skip);
	check_vec(x, (double[]){ 1, 1.0 / 6, 0.5, 5.0 / 6 }, 4, __LINE__);
	/* NaN (no score) is the lowest score */
	memcpy(x, (float[]){ N, 1, 3, 2 }, sizeof x);
	rs_blend_normalize("minmax", x, 4, NULL);
	check_vec(x, (double[]){ 0, 0, 1, 0.5 }, 4, __LINE__);
	memcpy(x, (float[]){ 1, 2, 3, 4 }, sizeof x);
	rs_blend_normalize("none", x, 4, NULL);
	check_vec(x, (double[]){ 1, 2, 3, 4 }, 4, __LINE__);
}

static const float binary4[] = {
	1, 1, N, N,
	1, 1, 1, N,
	N, 1, 1, N,
	N, N, 1, 1,
};

static void
test_hybrid(void)
{
	rs_imat *t = fix_imat(4, 4, binary4, false);
	rs_error err;
	rs_model *parts[2], *h, *c;
	float a[4], b[4], x[4];
	rs_blend_part bp[4];
	uint8_t seen[4] = { 1, 1, 0, 0 };
	size_t n;

	parts[0] = fix_train("pop", NULL, t, NULL, 0, NULL, &err);
	parts[1] = fix_train("itemknn", "k=40", t, NULL, 0, NULL, &err);
	CHECK(parts[0] != NULL && parts[1] != NULL);
	/* none: 0.7 pop + 0.3 itemknn exactly */
	h = fix_train("hybrid", "models=pop,itemknn weights=0.7,0.3 normalize=none", t,
	    parts, 2, NULL, &err);
	CHECK(h != NULL);
	rs_model_score_user(parts[0], 0, a);
	rs_model_score_user(parts[1], 0, b);
	rs_model_score_user(h, 0, x);
	for (int i = 0; i < 4; i++)
		CHECK_NEAR(x[i], 0.7 * a[i] + 0.3 * b[i], 1e-5);
	n = rs_model_blend_parts(h, 0, 2, bp, 4);
	CHECK(n == 2 && strcmp(bp[0].model->name, "pop") == 0);
	CHECK_NEAR(bp[0].raw, a[2], TOL);
	CHECK_NEAR(bp[1].contribution, 0.3 * b[2], 1e-6);
	c = fix_roundtrip(h, &err);
	CHECK(c != NULL && fix_same_scores(h, c));
	rs_model_free(c);
	rs_model_free(h);
	/* minmax with equal weights over u0's unseen items i2, i3:
	   pop (3, 1) -> (1, 0); itemknn u0 = sims to i0 and i1 */
	h = fix_train("hybrid", "models=pop,itemknn normalize=minmax", t, parts, 2,
	    NULL, &err);
	CHECK(h != NULL);
	rs_model_score_user(h, 0, x);
	rs_blend_normalize("minmax", a, 4, seen);
	rs_blend_normalize("minmax", b, 4, seen);
	for (int i = 0; i < 4; i++)
		CHECK_NEAR(x[i], 0.5 * a[i] + 0.5 * b[i], 1e-5);
	CHECK_NEAR(x[2], 1, 1e-6);
	CHECK_NEAR(x[3], 0, 1e-6);
	rs_model_free(h);
	/* the components are copies: dropping the originals changes nothing */
	h = fix_train("hybrid", "models=itemknn", t, parts, 2, NULL, &err);
	rs_model_score_user(h, 3, a);
	rs_model_free(parts[1]);
	parts[1] = NULL;
	rs_model_score_user(h, 3, b);
	CHECK(memcmp(a, b, sizeof a) == 0);
	rs_model_free(h);
	/* bad input */
	CHECK(fix_train("hybrid", "models=pop,als", t, parts, 1, NULL, &err) == NULL);
	CHECK_STR(err.msg, "models: no trained model named als (models: pop)");
	CHECK(fix_train("hybrid", NULL, t, parts, 1, NULL, &err) == NULL);
	CHECK_STR(err.msg, "give the models to blend: models=A,B [weights=0.7,0.3]");
	CHECK(fix_train("hybrid", "models=pop weights=1,2", t, parts, 1, NULL, &err) == NULL);
	CHECK_STR(err.msg, "2 weights for 1 models");
	CHECK(fix_train("hybrid", "models=pop weights=x", t, parts, 1, NULL, &err) == NULL);
	CHECK_STR(err.msg, "weights: x is not a number");
	CHECK(fix_train("hybrid", "models=pop,pop", t, parts, 1, NULL, &err) == NULL);
	CHECK_STR(err.msg, "models: pop is named twice");
	CHECK(fix_train("hybrid", "models=pop normalize=softmax", t, parts, 1, NULL, &err) == NULL);
	CHECK_STR(err.msg, "normalize=softmax must be one of rank|zscore|minmax|none");
	rs_model_free(parts[0]);
	rs_imat_free(t);
}

int
main(void)
{
	test_content();
	test_normalize();
	test_hybrid();
	return check_done("test-blend");
}
