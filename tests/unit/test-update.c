/* Unit tests of learning from new events (rs_model_update): the grown training matrix, als fold-in, mf SGD, itemknn against retraining (complete and truncated lists), all or nothing. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/model.h"
#include "model/factor.h"
#include "model/knn.h"
#include "modelfix.h"

#include "check.h"

#define NU 6
#define NI 5
#define X NAN

/* Six users by five items; user 5's row is what the tests fold in. */
static const float full[NU * NI] = {
	5, 3, X, 1, X,
	4, X, X, 1, 2,
	1, 1, X, 5, X,
	1, X, 4, 4, X,
	X, 1, 5, 4, 3,
	2, X, 4, X, 5,
};

/* full without user 5's row (and with user 5 still counted) */
static rs_imat *
without_last(const float *d, bool explicit_values)
{
	float t[NU * NI];

	memcpy(t, d, sizeof t);
	for (int i = 0; i < NI; i++)
		t[(NU - 1) * NI + i] = NAN;
	return fix_imat(NU, NI, t, explicit_values);
}

/* user 5's row as events, in item order */
static size_t
last_events(const float *d, rs_event *ev)
{
	size_t n = 0;

	for (uint32_t i = 0; i < NI; i++)
		if (!isnan(d[(NU - 1) * NI + i]))
			ev[n++] = (rs_event){ NU - 1, i, d[(NU - 1) * NI + i], NAN };
	return n;
}

/* Solve A x = b (k x k, doubles) by Gaussian elimination with pivoting. */
static void
solve(double *A, double *b, int k)
{
	for (int c = 0; c < k; c++) {
		int p = c;
		for (int r = c + 1; r < k; r++)
			if (fabs(A[r * k + c]) > fabs(A[p * k + c]))
				p = r;
		for (int j = 0; j < k; j++) {
			double t = A[c * k + j];
			A[c * k + j] = A[p * k + j];
			A[p * k + j] = t;
		}
		double t = b[c];
		b[c] = b[p];
		b[p] = t;
		for (int r = c + 1; r < k; r++) {
			double f = A[r * k + c] / A[c * k + c];
			for (int j = c; j < k; j++)
				A[r * k + j] -= f * A[c * k + j];
			b[r] -= f * b[c];
		}
	}
	for (int c = k - 1; c >= 0; c--) {
		for (int j = c + 1; j < k; j++)
			b[c] -= A[c * k + j] * b[j];
		b[c] /= A[c * k + c];
	}
}

/* The matrix after the update holds exactly the rows of full. */
static void
check_matrix(const rs_model *m, const float *d)
{
	for (uint32_t u = 0; u < NU; u++)
		for (uint32_t i = 0; i < NI; i++) {
			float want = d[u * NI + i], got = rs_imat_get(m->train, u, i);
			CHECK(isnan(want) ? isnan(got) : got == want);
		}
	rs_imat *ref = fix_imat(NU, NI, d, true);
	CHECK(m->train->nnz == ref->nnz);
	CHECK(memcmp(m->train->iptr, ref->iptr, (NI + 1) * sizeof *ref->iptr) == 0);
	CHECK(memcmp(m->train->iidx, ref->iidx, ref->nnz * sizeof *ref->iidx) == 0);
	CHECK(memcmp(m->train->ival, ref->ival, ref->nnz * sizeof *ref->ival) == 0);
	for (uint32_t i = 0; i < NI; i++)
		CHECK(m->popularity[i] == (float)(ref->iptr[i + 1] - ref->iptr[i]));
	rs_imat_free(ref);
}

/* als: the fold-in of user 5's whole history equals the closed-form solve
 * x = (Q^T Q + lambda I + sum_j (c_j - 1) q_j q_j^T)^-1 sum_j c_j p_j q_j,
 * c_j = 1 + alpha |w_j|, computed here in double from the item factors. */
static void
test_als_foldin(void)
{
	rs_imat *t = without_last(full, true);
	rs_error err;
	rs_model *m = fix_train("als", "factors=3 epochs=4 reg=0.5 alpha=2 init=0.1", t,
	    NULL, 0, NULL, &err);
	rs_event ev[NI];
	size_t n = last_events(full, ev);
	const int k = 3;
	const double lambda = 0.5, alpha = 2;

	CHECK(m != NULL);
	if (m == NULL)
		return;
	fac_state *s = m->state;
	float *Q0 = malloc(NI * k * sizeof *Q0);
	memcpy(Q0, s->Q, NI * k * sizeof *Q0);
	CHECK(rs_model_update(m, ev, n, NU, NI, &err) == 0);
	check_matrix(m, full);
	s = m->state;
	/* items did not move: none is new */
	CHECK(memcmp(Q0, s->Q, NI * k * sizeof *Q0) == 0);
	double A[9] = { 0 }, b[3] = { 0 };
	for (uint32_t i = 0; i < NI; i++)
		for (int a = 0; a < k; a++)
			for (int c = 0; c < k; c++)
				A[a * k + c] += (double)Q0[i * k + a] * Q0[i * k + c];
	for (int a = 0; a < k; a++)
		A[a * k + a] += lambda;
	for (size_t j = 0; j < n; j++) {
		double w = ev[j].value, cj = 1 + alpha * fabs(w);
		const float *q = Q0 + ev[j].item * k;
		for (int a = 0; a < k; a++) {
			b[a] += cj * (w > 0) * q[a];
			for (int c = 0; c < k; c++)
				A[a * k + c] += (cj - 1) * q[a] * q[c];
		}
	}
	solve(A, b, k);
	/* float32 normal equations and Cholesky against double elimination */
	for (int a = 0; a < k; a++)
		CHECK_NEAR(s->P[(NU - 1) * k + a], b[a], 1e-4 * (1 + fabs(b[a])));
	/* a new item (index NI) from two users: folded in against P, the
	 * matrix and popularity grown */
	rs_event ne[2] = { { 0, NI, 3, NAN }, { NU, NI, 1, NAN } };
	CHECK(rs_model_update(m, ne, 2, NU + 1, NI + 1, &err) == 0);
	s = m->state;
	CHECK(m->nusers == NU + 1 && m->nitems == NI + 1 && s->nitems == NI + 1);
	CHECK(m->popularity[NI] == 2);
	CHECK(rs_imat_get(m->train, NU, NI) == 1);
	double qn = 0;
	for (int a = 0; a < k; a++)
		qn += fabs(s->Q[NI * k + a]);
	CHECK(qn > 0);
	free(Q0);
	rs_model_free(m);
	rs_imat_free(t);
}

/* mf: one event, one SGD step worked out by hand from the factors before */
static void
test_mf_step(void)
{
	rs_imat *t = without_last(full, true);
	rs_error err;
	rs_model *m = fix_train("mf", "factors=2 epochs=3 lr=0.05 reg=0.1 reg_bias=0.02 init=0.1",
	    t, NULL, 0, NULL, &err);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	fac_state *s = m->state;
	uint32_t u = 0, i = 2;	/* a pair user 0 had not rated */
	float p[2], q[2], bu = s->bu[u], bi = s->bi[i], mu = s->mu;
	memcpy(p, s->P + u * 2, sizeof p);
	memcpy(q, s->Q + i * 2, sizeof q);
	double e = 4 - (mu + bu + bi + (double)p[0] * q[0] + (double)p[1] * q[1]);
	rs_event ev = { u, i, 4, NAN };
	CHECK(rs_model_update(m, &ev, 1, NU, NI, &err) == 0);
	s = m->state;
	CHECK_NEAR(s->bu[u], bu + 0.05 * (e - 0.02 * bu), 1e-6);
	CHECK_NEAR(s->bi[i], bi + 0.05 * (e - 0.02 * bi), 1e-6);
	for (int f = 0; f < 2; f++) {
		CHECK_NEAR(s->P[u * 2 + f], p[f] + 0.05 * (e * q[f] - 0.1 * p[f]), 1e-6);
		CHECK_NEAR(s->Q[i * 2 + f], q[f] + 0.05 * (e * p[f] - 0.1 * q[f]), 1e-6);
	}
	CHECK(rs_imat_get(m->train, u, i) == 4);
	rs_model_free(m);
	rs_imat_free(t);
}

/* itemknn on clicks with complete lists (k above the item count): the lists
 * and scores after folding in user 5's row equal a model trained on all of
 * it (the header comment of knn-update.c's counting path). */
static void
test_itemknn_exact(void)
{
	float clicks[NU * NI];
	rs_error err;

	for (int q = 0; q < NU * NI; q++)
		clicks[q] = isnan(full[q]) ? NAN : 1;
	rs_imat *t = without_last(clicks, false), *all = fix_imat(NU, NI, clicks, false);
	rs_model *m = fix_train("itemknn", "k=50", t, NULL, 0, NULL, &err);
	rs_model *r = fix_train("itemknn", "k=50", all, NULL, 0, NULL, &err);
	rs_event ev[NI];
	size_t n = last_events(clicks, ev);

	CHECK(m != NULL && r != NULL);
	if (m == NULL || r == NULL)
		return;
	CHECK(rs_model_update(m, ev, n, NU, NI, &err) == 0);
	for (uint32_t i = 0; i < NI; i++) {
		uint32_t a[NI], b[NI];
		float sa[NI], sb[NI];
		size_t na = m->kind->similar(m, i, a, sa, NI), nb = r->kind->similar(r, i, b, sb, NI);
		CHECK(na == nb);
		for (size_t j = 0; j < na && j < nb; j++) {
			CHECK(a[j] == b[j]);
			CHECK_NEAR(sa[j], sb[j], 1e-6);
		}
	}
	float x[NI], y[NI];
	for (uint32_t u = 0; u < NU; u++) {
		rs_model_score_user(m, u, x);
		rs_model_score_user(r, u, y);
		for (uint32_t i = 0; i < NI; i++)
			CHECK_NEAR(x[i], y[i], 1e-5);
	}
	/* save / load keeps the updated lists */
	rs_model *c = fix_roundtrip(m, &err);
	CHECK(c != NULL && fix_same_scores(m, c));
	rs_model_free(c);
	rs_model_free(m);
	rs_model_free(r);
	rs_imat_free(t);
	rs_imat_free(all);
}

/* A catalogue above KNN_COUNT_MAX takes the recomputing path: with
 * complete lists on clicks it still equals retraining (the header comment
 * of knn-update.c). The five items of full, the others never seen. */
static void
test_itemknn_recompute(void)
{
	const uint32_t ni = KNN_COUNT_MAX + 1;
	float *clicks = malloc((size_t)NU * ni * sizeof *clicks), *x, *y;
	rs_event ev[NI];
	rs_error err;
	size_t n = 0;

	for (uint32_t u = 0; u < NU; u++)
		for (uint32_t i = 0; i < ni; i++)
			clicks[u * ni + i] = i < NI && !isnan(full[u * NI + i]) ? 1 : NAN;
	rs_imat *all = fix_imat(NU, ni, clicks, false);
	for (uint32_t i = 0; i < NI; i++)
		if (!isnan(clicks[(NU - 1) * ni + i])) {
			ev[n++] = (rs_event){ NU - 1, i, 1, NAN };
			clicks[(NU - 1) * ni + i] = NAN;
		}
	rs_imat *t = fix_imat(NU, ni, clicks, false);
	rs_model *m = fix_train("itemknn", "k=5000", t, NULL, 0, NULL, &err);
	rs_model *r = fix_train("itemknn", "k=5000", all, NULL, 0, NULL, &err);
	CHECK(m != NULL && r != NULL);
	if (m == NULL || r == NULL)
		return;
	CHECK(rs_model_update(m, ev, n, NU, ni, &err) == 0);
	CHECK(((const struct knn_state *)m->state)->upd == NULL);
	for (uint32_t i = 0; i < NI; i++) {
		uint32_t a[NI], b[NI];
		float sa[NI], sb[NI];
		size_t na = m->kind->similar(m, i, a, sa, NI), nb = r->kind->similar(r, i, b, sb, NI);
		CHECK(na == nb);
		for (size_t j = 0; j < na && j < nb; j++) {
			CHECK(a[j] == b[j]);
			CHECK_NEAR(sa[j], sb[j], 1e-6);
		}
	}
	x = malloc(ni * sizeof *x);
	y = malloc(ni * sizeof *y);
	for (uint32_t u = 0; u < NU; u++) {
		rs_model_score_user(m, u, x);
		rs_model_score_user(r, u, y);
		for (uint32_t i = 0; i < NI; i++)
			CHECK_NEAR(x[i], y[i], 1e-5);
	}
	free(x);
	free(y);
	free(clicks);
	rs_model_free(m);
	rs_model_free(r);
	rs_imat_free(t);
	rs_imat_free(all);
}

/* ---- itemknn with truncated lists against retraining ---- */

#define RU 40
#define RI 30

/* A small xorshift stream: the tests' tables and event orders. */
static uint32_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (uint32_t)(*s >> 11);
}

/* m's lists equal those of a model trained with params on d (nu x ni):
 * the same items in the same order, similarities equal (tol 0) or within
 * tol relative, where only near-equal similarities may swap places. */
static void
knn_same_lists(const rs_model *m, const float *d, uint32_t nu, uint32_t ni,
    bool explicit_values, const char *params, double tol)
{
	rs_imat *all = fix_imat(nu, ni, d, explicit_values);
	rs_error err;
	rs_model *r = fix_train("itemknn", params, all, NULL, 0, NULL, &err);
	uint32_t a[RI + 1], b[RI + 1];
	float sa[RI + 1], sb[RI + 1];
	int bad = 0;

	CHECK(r != NULL);
	if (r == NULL)
		return;
	for (uint32_t i = 0; i < ni; i++) {
		size_t na = m->kind->similar(m, i, a, sa, ni), nb = r->kind->similar(r, i, b, sb, ni);
		bad += na != nb;
		for (size_t j = 0; j < na && j < nb; j++) {
			bool tie = (j > 0 && fabs(sb[j] - sb[j - 1]) <= tol * sb[j]) ||
			    (j + 1 < nb && fabs(sb[j] - sb[j + 1]) <= tol * sb[j]);
			bad += tol == 0 ? sa[j] != sb[j] || a[j] != b[j] :
			    fabs(sa[j] - sb[j]) > tol * sb[j] || (!tie && a[j] != b[j]);
		}
	}
	CHECK(bad == 0);
	if (bad)
		fprintf(stderr, "  %s: %d list entries differ from retraining\n", params, bad);
	rs_model_free(r);
	rs_imat_free(all);
}

/* A random RU x RI table (a quarter filled, values by kind: 0 clicks, 1
 * ratings 1-5, 2 weights in (0, 1]) and nev of its entries held out as
 * events in random order. */
static void
knn_table(uint64_t seed, int kind, float *d, rs_event *ev, size_t nev)
{
	uint64_t s = seed;
	size_t n = 0;

	for (size_t q = 0; q < RU * RI; q++) {
		uint32_t r = rnd(&s);
		d[q] = r % 4 ? NAN : kind == 0 ? 1 : kind == 1 ? (float)(1 + r / 4 % 5) :
		    (float)(1 + r / 4 % 1000) / 1000.0f;
	}
	while (n < nev) {
		uint32_t q = rnd(&s) % (RU * RI);
		bool dup = false;
		if (isnan(d[q]))
			continue;
		for (size_t e = 0; e < n; e++)
			dup |= ev[e].user == q / RI && ev[e].item == q % RI;
		if (!dup)
			ev[n++] = (rs_event){ q / RI, q % RI, d[q], NAN };
	}
}

/* Train on the table without the events, then learn them batch events a
 * call, checking every list against retraining on what was learned so far
 * after each call. */
static void
knn_replay(uint64_t seed, int kind, const char *params, size_t batch, double tol)
{
	float tab[RU * RI], cur[RU * RI];
	rs_event ev[60];
	rs_error err;
	bool expl = kind == 1;

	knn_table(seed, kind, tab, ev, 60);
	memcpy(cur, tab, sizeof cur);
	for (size_t e = 0; e < 60; e++)
		cur[ev[e].user * RI + ev[e].item] = NAN;
	rs_imat *t = fix_imat(RU, RI, cur, expl);
	rs_model *m = fix_train("itemknn", params, t, NULL, 0, NULL, &err);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	knn_same_lists(m, cur, RU, RI, expl, params, tol);
	for (size_t e = 0; e < 60; e += batch) {
		size_t n = e + batch <= 60 ? batch : 60 - e;
		CHECK(rs_model_update(m, ev + e, n, RU, RI, &err) == 0);
		for (size_t j = e; j < e + n; j++)
			cur[ev[j].user * RI + ev[j].item] = ev[j].value;
		knn_same_lists(m, cur, RU, RI, expl, params, tol);
	}
	rs_model_free(m);
	rs_imat_free(t);
}

/* A rated pair rated again with another value beside a new pair of the
 * same item, then a new item, then one more event: the lists equal
 * retraining after each call. */
static void
knn_changed(const char *params)
{
	float tab[RU * RI], grown[RU * (RI + 1)];
	rs_event ev[60];
	rs_error err;

	knn_table(7, 1, tab, ev, 60);
	rs_imat *t = fix_imat(RU, RI, tab, true);
	rs_model *m = fix_train("itemknn", params, t, NULL, 0, NULL, &err);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	uint32_t u0 = ev[0].user, i0 = ev[0].item, u1 = 0;
	while (!isnan(tab[u1 * RI + i0]))
		u1++;
	rs_event two[2] = { { u0, i0, tab[u0 * RI + i0] == 5 ? 1 : 5, NAN }, { u1, i0, 4, NAN } };
	CHECK(rs_model_update(m, two, 2, RU, RI, &err) == 0);
	tab[u0 * RI + i0] = two[0].value;
	tab[u1 * RI + i0] = 4;
	knn_same_lists(m, tab, RU, RI, true, params, 0);
	for (uint32_t u = 0; u < RU; u++)
		for (uint32_t i = 0; i <= RI; i++)
			grown[u * (RI + 1) + i] = i < RI ? tab[u * RI + i] : NAN;
	rs_event nw[2] = { { 0, RI, 3, NAN }, { 1, RI, 2, NAN } };
	CHECK(rs_model_update(m, nw, 2, RU, RI + 1, &err) == 0);
	grown[0 * (RI + 1) + RI] = 3;
	grown[1 * (RI + 1) + RI] = 2;
	knn_same_lists(m, grown, RU, RI + 1, true, params, 0);
	rs_event one = { 5, 3, 2, NAN };
	CHECK(rs_model_update(m, &one, 1, RU, RI + 1, &err) == 0);
	grown[5 * (RI + 1) + 3] = 2;
	knn_same_lists(m, grown, RU, RI + 1, true, params, 0);
	rs_model_free(m);
	rs_imat_free(t);
}

/* itemknn with lists cut at k (the counting path, knn-count.c): after
 * every call the lists equal a retrained model's, item for item and bit for
 * bit on integer values (clicks, ratings), within 1e-5 on fractional
 * weights; one event a call and batches; jaccard, shrinkage and a minimum
 * support; a rated pair rated again with another value; a new item. */
static void
test_itemknn_truncated(void)
{
	knn_replay(1, 0, "k=4", 1, 0);
	knn_replay(2, 0, "k=3 sim=jaccard", 1, 0);
	knn_replay(3, 0, "k=4 sim=jaccard shrink=2 min_support=2", 7, 0);
	knn_replay(4, 0, "k=2 shrink=1", 5, 0);
	knn_replay(5, 1, "mode=rating keep=4", 3, 0);
	knn_replay(6, 2, "k=4", 1, 1e-5);

	/* a rated pair rated again (changed value) next to a new pair of the
	 * same item, and an event bringing a new item: cut lists and
	 * complete ones (keep=0) */
	knn_changed("mode=rating keep=3");
	knn_changed("mode=rating");
}

/* All or nothing: a kind that refuses leaves matrix, popularity and sizes
 * as they were; a kind without the hook is refused by name. */
static void
test_refusal(void)
{
	rs_imat *t = without_last(full, true);
	rs_error err;
	rs_model *m = fix_train("itemknn", "sim=adjusted", t, NULL, 0, NULL, &err);
	rs_model *e = fix_train("ease", "lambda=1", t, NULL, 0, NULL, &err);
	rs_event ev[NI + 1];
	size_t n = last_events(full, ev);

	CHECK(m != NULL && e != NULL);
	if (m == NULL || e == NULL)
		return;
	ev[n++] = (rs_event){ NU, NI, 3, NAN };	/* and a new user and item */
	rs_imat *before = model_imat_copy(m->train);
	float pop[NI];
	memcpy(pop, m->popularity, sizeof pop);
	CHECK(rs_model_update(m, ev, n, NU + 1, NI + 1, &err) == -1);
	CHECK(strstr(err.msg, "sim=adjusted") != NULL);
	CHECK(m->nusers == NU && m->nitems == NI);
	CHECK(m->train->nusers == NU && m->train->nitems == NI);
	CHECK(model_imat_same(m->train, before));
	CHECK(memcmp(m->train->iptr, before->iptr, (NI + 1) * sizeof *before->iptr) == 0);
	CHECK(memcmp(pop, m->popularity, sizeof pop) == 0);
	CHECK(rs_model_update(e, ev, n, NU + 1, NI + 1, &err) == -1);
	CHECK_STR(err.msg, "model ease (ease) cannot learn from new events: retrain it");
	rs_imat_free(before);
	rs_model_free(m);
	rs_model_free(e);
	rs_imat_free(t);
}

/* A pair already in the matrix takes the event's value (dup=last) and
 * changes no structure; repeated pairs within one call keep the last. */
static void
test_repeats(void)
{
	rs_imat *t = fix_imat(NU, NI, full, true);
	rs_error err;
	rs_model *m = fix_train("mf", "factors=2 epochs=1", t, NULL, 0, NULL, &err);
	rs_event ev[3] = { { 0, 0, 2, 10 }, { 0, 2, 1, 11 }, { 0, 2, 3, 12 } };

	CHECK(m != NULL);
	if (m == NULL)
		return;
	CHECK(rs_model_update(m, ev, 3, NU, NI, &err) == 0);
	CHECK(rs_imat_get(m->train, 0, 0) == 2);
	CHECK(rs_imat_get(m->train, 0, 2) == 3);
	CHECK(m->train->nnz == t->nnz + 1);
	CHECK(m->popularity[2] == (float)(t->iptr[3] - t->iptr[2]) + 1);
	rs_model_free(m);
	rs_imat_free(t);
}

int
main(void)
{
	test_als_foldin();
	test_mf_step();
	test_itemknn_exact();
	test_itemknn_truncated();
	test_itemknn_recompute();
	test_refusal();
	test_repeats();
	printf("%d checks, %d failed\n", check_count, check_failures);
	return check_failures != 0;
}
