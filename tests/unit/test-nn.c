/* Unit tests of the neural-network pieces and the deep models: gradient checks, optimizer steps by hand, models on tiny data. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "modelfix.h"
#include "model/nn/deep.h"
#include "reelscope/features.h"

/* ---- layer gradient checks: loss = sum c .* output, against central
 * differences in double-checked float ---- */

static float *
randv(size_t n, double std, uint64_t purpose)
{
	float *x = malloc((n + 1) * sizeof *x);

	nn_init_normal(x, n, std, 42, purpose);
	return x;
}

static double
dotd(const float *a, const float *b, size_t n)
{
	double s = 0;

	for (size_t k = 0; k < n; k++)
		s += (double)a[k] * b[k];
	return s;
}

/* The largest relative error of g against d loss / d x[k] for every k. */
typedef double (*loss_fn)(void *ctx);

static double
numcheck(loss_fn f, void *ctx, float *x, const float *g, size_t n, double h)
{
	double worst = 0;

	for (size_t k = 0; k < n; k++) {
		float keep = x[k];
		double lp, lm, num, den;
		x[k] = (float)(keep + h);
		lp = f(ctx);
		x[k] = (float)(keep - h);
		lm = f(ctx);
		x[k] = keep;
		num = (lp - lm) / (2 * h);
		den = fabs(num) + fabs(g[k]);
		den = den < 1e-3 ? 1e-3 : den;
		if (fabs(num - g[k]) / den > worst)
			worst = fabs(num - g[k]) / den;
	}
	return worst;
}

struct dense_case {
	uint32_t in, out, n;
	enum nn_act act;
	float *W, *b, *x, *c, *y;
};

static double
dense_loss(void *v)
{
	struct dense_case *d = v;

	nn_dense_fwd(d->W, d->b, d->in, d->out, d->x, d->n, d->y);
	nn_act_fwd(d->act, d->y, (size_t)d->n * d->out);
	return dotd(d->y, d->c, (size_t)d->n * d->out);
}

static void
test_dense(enum nn_act act)
{
	struct dense_case d = { 5, 3, 4, act, NULL, NULL, NULL, NULL, NULL };
	float *gW = calloc(15, sizeof *gW), *gb = calloc(3, sizeof *gb);
	float *gx = calloc(20, sizeof *gx), *dy = malloc(12 * sizeof *dy);

	d.W = randv(15, 0.5, 1);
	d.b = randv(3, 0.5, 2);
	d.x = randv(20, 1, 3);
	d.c = randv(12, 1, 4);
	d.y = malloc(12 * sizeof *d.y);
	dense_loss(&d);
	memcpy(dy, d.c, 12 * sizeof *dy);
	nn_act_bwd(act, d.y, dy, 12);
	nn_dense_bwd(d.W, 5, 3, d.x, dy, 4, gW, gb, gx);
	CHECK(numcheck(dense_loss, &d, d.W, gW, 15, 1e-2) < 2e-3);
	CHECK(numcheck(dense_loss, &d, d.b, gb, 3, 1e-2) < 2e-3);
	CHECK(numcheck(dense_loss, &d, d.x, gx, 20, 1e-2) < 2e-3);
	/* the backward adds into dW: a second call doubles it */
	{
		float before = gW[7];
		nn_dense_bwd(d.W, 5, 3, d.x, dy, 4, gW, NULL, NULL);
		CHECK_NEAR(gW[7], 2 * before, 1e-6);
	}
	free(d.W); free(d.b); free(d.x); free(d.c); free(d.y);
	free(gW); free(gb); free(gx); free(dy);
}

/* dense by hand: W = [[1, 2], [3, 4], [0, -1]], b = [0.5, 0, 1], x = [1, -1] */
static void
test_dense_known(void)
{
	const float W[6] = { 1, 2, 3, 4, 0, -1 }, b[3] = { 0.5f, 0, 1 }, x[2] = { 1, -1 };
	float y[3];

	nn_dense_fwd(W, b, 2, 3, x, 1, y);
	CHECK_NEAR(y[0], -0.5, 1e-6);
	CHECK_NEAR(y[1], -1, 1e-6);
	CHECK_NEAR(y[2], 2, 1e-6);
	nn_act_fwd(NN_RELU, y, 3);
	CHECK(y[0] == 0 && y[1] == 0 && y[2] == 2);
}

struct gru_case {
	uint32_t D, H, n;
	float *Wx, *Uh, *bx, *bh, *x, *h, *c, *out, *scratch;
	nn_gru_cache cache;
};

static double
gru_loss(void *v)
{
	struct gru_case *g = v;

	nn_gru_fwd(g->Wx, g->Uh, g->bx, g->bh, g->D, g->H, g->x, g->h, g->n, g->out,
	    &g->cache, g->scratch);
	return dotd(g->out, g->c, (size_t)g->n * g->H);
}

static void
test_gru(void)
{
	struct gru_case g;
	const uint32_t D = 4, H = 3, n = 2, G = 3 * H;
	float *dWx = calloc(G * D, sizeof(float)), *dUh = calloc(G * H, sizeof(float));
	float *dbx = calloc(G, sizeof(float)), *dbh = calloc(G, sizeof(float));
	float *dx = calloc(n * D, sizeof(float)), *dh = calloc(n * H, sizeof(float));

	g.D = D;
	g.H = H;
	g.n = n;
	g.Wx = randv(G * D, 0.6, 11);
	g.Uh = randv(G * H, 0.6, 12);
	g.bx = randv(G, 0.3, 13);
	g.bh = randv(G, 0.3, 14);
	g.x = randv(n * D, 1, 15);
	g.h = randv(n * H, 0.5, 16);
	g.c = randv(n * H, 1, 17);
	g.out = malloc(n * H * sizeof(float));
	g.scratch = malloc(n * 6 * H * sizeof(float));
	g.cache.z = malloc(n * H * sizeof(float));
	g.cache.r = malloc(n * H * sizeof(float));
	g.cache.c = malloc(n * H * sizeof(float));
	g.cache.uc = malloc(n * H * sizeof(float));
	gru_loss(&g);
	nn_gru_bwd(g.Wx, g.Uh, D, H, g.x, g.h, n, &g.cache, g.c, dWx, dUh, dbx, dbh,
	    dx, dh, g.scratch);
	CHECK(numcheck(gru_loss, &g, g.Wx, dWx, G * D, 1e-2) < 5e-3);
	CHECK(numcheck(gru_loss, &g, g.Uh, dUh, G * H, 1e-2) < 5e-3);
	CHECK(numcheck(gru_loss, &g, g.bx, dbx, G, 1e-2) < 5e-3);
	CHECK(numcheck(gru_loss, &g, g.bh, dbh, G, 1e-2) < 5e-3);
	CHECK(numcheck(gru_loss, &g, g.x, dx, n * D, 1e-2) < 5e-3);
	CHECK(numcheck(gru_loss, &g, g.h, dh, n * H, 1e-2) < 5e-3);
	/* by hand: all weights zero gives z = r = 1/2, c = 0, h' = h / 2 */
	memset(g.Wx, 0, G * D * sizeof(float));
	memset(g.Uh, 0, G * H * sizeof(float));
	memset(g.bx, 0, G * sizeof(float));
	memset(g.bh, 0, G * sizeof(float));
	gru_loss(&g);
	CHECK_NEAR(g.out[4], g.h[4] / 2, 1e-7);
	free(g.Wx); free(g.Uh); free(g.bx); free(g.bh); free(g.x); free(g.h);
	free(g.c); free(g.out); free(g.scratch);
	free(g.cache.z); free(g.cache.r); free(g.cache.c); free(g.cache.uc);
	free(dWx); free(dUh); free(dbx); free(dbh); free(dx); free(dh);
}

struct conv_case {
	uint32_t L, C, w, F;
	float *K, *b, *x, *c, *col, *y;
};

static double
conv_loss(void *v)
{
	struct conv_case *k = v;

	nn_conv1d_fwd(k->K, k->b, k->L, k->C, k->w, k->F, k->x, k->col, k->y);
	return dotd(k->y, k->c, (size_t)(k->L - k->w + 1) * k->F);
}

static void
test_conv(void)
{
	struct conv_case k = { 5, 3, 2, 4, NULL, NULL, NULL, NULL, NULL, NULL };
	const uint32_t T = 4, wc = 6;
	float *dK = calloc(4 * wc, sizeof(float)), *db = calloc(4, sizeof(float));
	float *dx = calloc(15, sizeof(float)), *dcol = malloc(T * wc * sizeof(float));

	k.K = randv(4 * wc, 0.5, 21);
	k.b = randv(4, 0.5, 22);
	k.x = randv(15, 1, 23);
	k.c = randv(T * 4, 1, 24);
	k.col = malloc(T * wc * sizeof(float));
	k.y = malloc(T * 4 * sizeof(float));
	conv_loss(&k);
	nn_conv1d_bwd(k.K, 5, 3, 2, 4, k.col, k.c, dK, db, dx, dcol);
	CHECK(numcheck(conv_loss, &k, k.K, dK, 4 * wc, 1e-2) < 2e-3);
	CHECK(numcheck(conv_loss, &k, k.b, db, 4, 1e-2) < 2e-3);
	CHECK(numcheck(conv_loss, &k, k.x, dx, 15, 1e-2) < 2e-3);
	/* by hand: one filter of width 2 over one channel, K = [1, -1]: the
	 * differences x[t] - x[t+1] */
	{
		const float K1[2] = { 1, -1 }, x1[4] = { 3, 1, 4, 1 };
		float col[6], y[3];
		nn_conv1d_fwd(K1, NULL, 4, 1, 2, 1, x1, col, y);
		CHECK(y[0] == 2 && y[1] == -3 && y[2] == 3);
	}
	free(k.K); free(k.b); free(k.x); free(k.c); free(k.col); free(k.y);
	free(dK); free(db); free(dx); free(dcol);
}

/* ---- losses ---- */

struct loss_case {
	float s[5], t;
	int which;
};

static double
loss_eval(void *v)
{
	struct loss_case *l = v;
	float ds[5], y[5] = { 1, 0, 0, 1, 0 };

	if (l->which == 0)
		return nn_bce_logits(l->s, y, 5, ds);
	if (l->which == 1)
		return nn_softmax_xent(l->s, 5, 2, ds);
	return nn_bpr_max(l->s, 5, 2, 0.5f, ds);
}

static void
test_losses(void)
{
	struct loss_case l = { { 0.3f, -1.2f, 2.0f, 0.7f, -0.4f }, 0, 0 };
	float ds[5], y[5] = { 1, 0, 0, 1, 0 };

	nn_bce_logits(l.s, y, 5, ds);
	CHECK(numcheck(loss_eval, &l, l.s, ds, 5, 1e-3) < 2e-3);
	l.which = 1;
	nn_softmax_xent(l.s, 5, 2, ds);
	CHECK(numcheck(loss_eval, &l, l.s, ds, 5, 1e-3) < 2e-3);
	l.which = 2;
	nn_bpr_max(l.s, 5, 2, 0.5f, ds);
	CHECK(numcheck(loss_eval, &l, l.s, ds, 5, 1e-3) < 2e-3);
	/* by hand: BCE of logit 0 is ln 2 whatever the label; softmax of equal
	 * logits over 4 is ln 4 */
	{
		float z[4] = { 0, 0, 0, 0 }, lab[1] = { 1 }, d[4];
		CHECK_NEAR(nn_bce_logits(z, lab, 1, d), log(2), 1e-12);
		CHECK_NEAR(d[0], -0.5, 1e-7);
		CHECK_NEAR(nn_softmax_xent(z, 4, 1, d), log(4), 1e-12);
		CHECK_NEAR(d[1], -0.75, 1e-7);
		CHECK_NEAR(d[0], 0.25, 1e-7);
		/* BPR-max with equal scores and no regularization: -ln(1/2) */
		CHECK_NEAR(nn_bpr_max(z, 4, 0, 0, d), log(2), 1e-12);
	}
	/* no overflow far out */
	{
		float big[2] = { 200, -200 }, lab[2] = { 0, 1 }, d[2];
		CHECK_NEAR(nn_bce_logits(big, lab, 2, d), 400, 1e-9);
	}
}

/* ---- optimizers by hand ---- */

static void
test_optimizers(void)
{
	nn_net net;
	nn_opt o;
	float *w, g[2] = { 0.5f, -2.0f };

	memset(&net, 0, sizeof net);
	w = nn_net_add(&net, "w", 2, 0);
	w[0] = 1;
	w[1] = 1;
	/* Adam's first step moves each weight by lr against its gradient's
	 * sign (m-hat = g, v-hat = g^2) */
	nn_opt_init(&o, NN_ADAM, 0.1, 0);
	nn_opt_dense(&o, &net, g, 1);
	CHECK_NEAR(w[0], 0.9, 1e-6);
	CHECK_NEAR(w[1], 1.1, 1e-6);
	/* second step with the same gradient: m-hat = g, v-hat = g^2 again */
	nn_opt_dense(&o, &net, g, 1);
	CHECK_NEAR(w[0], 0.8, 1e-6);
	nn_net_free(&net);
	/* SGD with weight decay: w - lr (g + wd w) */
	memset(&net, 0, sizeof net);
	w = nn_net_add(&net, "w", 2, 0);
	w[0] = 1;
	w[1] = 2;
	nn_opt_init(&o, NN_SGD, 0.1, 0.01);
	nn_opt_dense(&o, &net, g, 0.5f);
	CHECK_NEAR(w[0], 1 - 0.1 * (0.25 + 0.01), 1e-6);
	CHECK_NEAR(w[1], 2 - 0.1 * (-1.0 + 0.02), 1e-6);
	nn_net_free(&net);
	/* sparse rows: only touched rows move; gradients of a row add up */
	{
		nn_array *a;
		nn_rows r;
		float one[2] = { 1, 1 };
		memset(&net, 0, sizeof net);
		w = nn_net_add(&net, "E", 6, 3);
		a = nn_net_array(&net, w);
		nn_rows_init(&r, 3, 2);
		nn_rows_add(&r, 2, one, 1);
		nn_rows_add(&r, 2, one, 2);
		nn_opt_init(&o, NN_SGD, 0.1, 0);
		nn_net_tick(&net);
		nn_opt_rows(&o, &net, a, &r, 1);
		CHECK(w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0);
		CHECK_NEAR(w[4], -0.3, 1e-7);
		CHECK(r.ntouched == 0 && r.slot[2] == -1);
		nn_rows_free(&r);
		nn_net_free(&net);
	}
}

static void
test_dropout(void)
{
	float x[1000], mask[1000];
	rnd_gen r = rnd_stream(1, 2, 3);
	size_t zeros = 0;

	for (int k = 0; k < 1000; k++)
		x[k] = 1;
	nn_dropout_fwd(x, mask, 1000, 0.25f, &r);
	for (int k = 0; k < 1000; k++) {
		zeros += x[k] == 0;
		CHECK(x[k] == 0 || fabsf(x[k] - 4.0f / 3) < 1e-6);
	}
	CHECK(zeros > 200 && zeros < 300);
}

/* ---- sequences ---- */

static void
test_seqs(void)
{
	/* user 0: items 0, 1, 2 at times 30, 10, 20 -> 1, 2, 0 */
	const float dense[6] = { 1, 1, 1, NAN, 1, NAN };
	rs_imat *t = fix_imat(2, 3, dense, false);
	nn_seqs *s;
	rs_error err;

	s = nn_seqs_build(t, "gru4rec", &err);
	CHECK(s == NULL);
	CHECK_STR(err.msg, "model gru4rec orders each user's history by time, but the log has no time column (timestamp); load ... time=COLUMN");
	t->utime[0] = 30;
	t->utime[1] = 10;
	t->utime[2] = 20;
	t->utime[3] = 5;
	s = nn_seqs_build(t, "gru4rec", &err);
	CHECK(s != NULL);
	CHECK(s->item[0] == 1 && s->item[1] == 2 && s->item[2] == 0 && s->item[3] == 1);
	nn_seqs_free(s);
	rs_imat_free(t);
}

/* ---- models ---- */

/* Two groups of users with disjoint tastes: users 0-5 watch items 0-3,
 * users 6-11 items 4-7; one item of each user's group is missing. */
static rs_imat *
two_groups(void)
{
	float d[12 * 8];

	for (int u = 0; u < 12; u++)
		for (int i = 0; i < 8; i++)
			d[u * 8 + i] = (u < 6) == (i < 4) && i % 4 != u % 4 ? 1 : NAN;
	return fix_imat(12, 8, d, false);
}

/* Whether user u's best unseen item is the missing one of its group. */
static bool
ranks_missing_first(const rs_model *m, uint32_t u)
{
	uint32_t top[1];

	rs_model_recommend(m, u, 1, true, top, NULL, NULL);
	return top[0] == (u < 6 ? 0 : 4) + u % 4;
}

/* gcparams: what the gradient check adds to params (larger initial
 * weights, so the check sees more than the start's flat region) */
static void
test_model(const char *kind, const char *params, const char *gcparams, double tol)
{
	rs_imat *t = two_groups();
	rs_model *m, *c;
	rs_error err;
	uint32_t ex[6] = { 0, 3, 7, 11, 20, 30 };
	int right = 0;

	/* gradient check of the loss at the initial weights */
	{
		char p2[256];
		snprintf(p2, sizeof p2, "%s epochs=1 %s", params, gcparams);
		m = fix_train(kind, p2, t, NULL, 0, NULL, &err);
		CHECK(m != NULL);
		if (m != NULL) {
			/* examples are positives (ncf) or users (multvae) */
			uint32_t nex = ((deep_core *)m->state)->nexamples;
			for (int k = 0; k < 6; k++)
				ex[k] %= nex;
			double worst = deep_gradcheck(m, ex, 6, 12, 1e-3);
			if (!(worst < tol))
				fprintf(stderr, "%s: gradient check %g\n", kind, worst);
			CHECK(worst < tol);
			rs_model_free(m);
		}
	}
	m = fix_train(kind, params, t, NULL, 0, NULL, &err);
	CHECK(m != NULL);
	if (m == NULL) {
		fprintf(stderr, "%s: %s\n", kind, err.msg);
		rs_imat_free(t);
		return;
	}
	/* the loss falls */
	CHECK(m->nepochs >= 2 && m->history[m->nepochs - 1].loss < m->history[0].loss);
	for (uint32_t u = 0; u < 12; u++)
		right += ranks_missing_first(m, u);
	if (right < 12)
		fprintf(stderr, "%s: %d of 12 users get their group's missing item first\n",
		    kind, right);
	CHECK(right == 12);
	/* the same seed trains the same weights */
	c = fix_train(kind, params, t, NULL, 0, NULL, &err);
	CHECK(c != NULL && fix_same_scores(m, c));
	rs_model_free(c);
	c = fix_roundtrip(m, &err);
	CHECK(c != NULL && fix_same_scores(m, c));
	rs_model_free(c);
	rs_model_free(m);
	rs_imat_free(t);
}

/* Sequences on a cycle of 8 items: user u watches u, u+1, u+2, u+3 (mod 8)
 * in that order; the next one, u+4, is the answer. */
static rs_imat *
cycle(void)
{
	float d[16 * 8];
	rs_imat *t;

	for (int u = 0; u < 16; u++)
		for (int i = 0; i < 8; i++)
			d[u * 8 + i] = (i - u % 8 + 8) % 8 < 4 ? 1 : NAN;
	t = fix_imat(16, 8, d, false);
	for (uint32_t u = 0; u < 16; u++)
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++)
			t->utime[q] = 1000.0 * u + (t->uidx[q] - u % 8 + 8) % 8;
	return t;
}

static void
test_sequence_model(const char *kind, const char *params, double tol)
{
	rs_imat *t = cycle();
	rs_model *m, *c;
	rs_error err;
	uint32_t ex[3] = { 0, 5, 9 };
	int right = 0;

	{
		char p2[256];
		snprintf(p2, sizeof p2, "%s epochs=1 init=0.5", params);
		m = fix_train(kind, p2, t, NULL, 0, NULL, &err);
		CHECK(m != NULL);
		if (m != NULL) {
			double worst = deep_gradcheck(m, ex, 3, 12, 1e-3);
			if (!(worst < tol))
				fprintf(stderr, "%s: gradient check %g\n", kind, worst);
			CHECK(worst < tol);
			rs_model_free(m);
		}
	}
	m = fix_train(kind, params, t, NULL, 0, NULL, &err);
	CHECK(m != NULL);
	if (m == NULL) {
		fprintf(stderr, "%s: %s\n", kind, err.msg);
		rs_imat_free(t);
		return;
	}
	CHECK(m->nepochs >= 2 && m->history[m->nepochs - 1].loss < m->history[0].loss);
	for (uint32_t u = 0; u < 16; u++) {
		uint32_t top[1];
		rs_model_recommend(m, u, 1, true, top, NULL, NULL);
		right += top[0] == (u + 4) % 8;
	}
	if (right < 16)
		fprintf(stderr, "%s: %d of 16 users get the next item of the cycle first\n",
		    kind, right);
	CHECK(right == 16);
	c = fix_roundtrip(m, &err);
	CHECK(c != NULL && fix_same_scores(m, c));
	rs_model_free(c);
	rs_model_free(m);
	/* without times: the error names the column */
	for (size_t q = 0; q < t->nnz; q++)
		t->utime[q] = NAN;
	CHECK(fix_train(kind, params, t, NULL, 0, NULL, &err) == NULL);
	CHECK(strstr(err.msg, "no time column (timestamp)") != NULL);
	rs_imat_free(t);
}

/* Items 0-3 and 8 carry feature 0 ("A"), items 4-7 and 9 feature 1 ("B");
 * everyone also has a shared feature 2. Users 0-5 watch A items, 6-11 B
 * items (two_groups); nobody watched 8 or 9: the cold videos. */
static void
test_twotower(void)
{
	float d[12 * 10];
	rs_imat *t;
	rs_features f;
	uint64_t ptr[11];
	uint32_t col[20];
	float val[20];
	rs_model *m, *c;
	rs_error err;
	uint32_t ex[4] = { 0, 9, 17, 30 };
	int right = 0;

	for (int u = 0; u < 12; u++)
		for (int i = 0; i < 10; i++)
			d[u * 10 + i] = i < 8 && (u < 6) == (i < 4) && i % 4 != u % 4 ? 1 : NAN;
	t = fix_imat(12, 10, d, false);
	memset(&f, 0, sizeof f);
	f.nitems = 10;
	f.ncols = 3;
	ptr[0] = 0;
	for (uint32_t i = 0; i < 10; i++) {
		col[2 * i] = i < 4 || i == 8 ? 0 : 1;
		val[2 * i] = 1;
		col[2 * i + 1] = 2;
		val[2 * i + 1] = 0.5f;
		ptr[i + 1] = 2 * (i + 1);
	}
	f.x.nrows = 10;
	f.x.ncols = 3;
	f.x.ptr = ptr;
	f.x.col = col;
	f.x.val = val;
	/* without features: a clear error */
	CHECK(fix_train("twotower", "", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "the twotower model's item tower reads item features: run features first");
	m = fix_train("twotower", "hidden=8 dim=4 negatives=3 batch=8 epochs=1 init=0.5", t, NULL, 0, &f, &err);
	CHECK(m != NULL);
	if (m != NULL) {
		double worst = deep_gradcheck(m, ex, 4, 12, 1e-3);
		if (!(worst < 0.02))
			fprintf(stderr, "twotower: gradient check %g\n", worst);
		CHECK(worst < 0.02);
		rs_model_free(m);
	}
	m = fix_train("twotower", "hidden=8 dim=4 negatives=3 batch=8 epochs=40 lr=0.01", t, NULL, 0, &f, &err);
	CHECK(m != NULL);
	if (m == NULL) {
		rs_imat_free(t);
		return;
	}
	CHECK(m->history[m->nepochs - 1].loss < m->history[0].loss);
	for (uint32_t u = 0; u < 12; u++) {
		float x[10];
		uint32_t own = u < 6 ? 8 : 9, other = u < 6 ? 9 : 8;
		rs_model_score_user(m, u, x);
		/* the cold video of the user's kind beats the other one, and
		 * the user's own missing video beats the other group's */
		right += x[own] > x[other] && x[(u < 6 ? 0 : 4) + u % 4] > x[(u < 6 ? 4 : 0) + u % 4];
	}
	if (right < 12)
		fprintf(stderr, "twotower: %d of 12 users right\n", right);
	CHECK(right == 12);
	c = fix_roundtrip(m, &err);
	CHECK(c != NULL && fix_same_scores(m, c));
	rs_model_free(c);
	rs_model_free(m);
	rs_imat_free(t);
}

static void
test_bad_params(void)
{
	rs_imat *t = two_groups();
	rs_error err;

	CHECK(fix_train("ncf", "lr=0", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "lr=0 is out of range (1e-09 to 10)");
	CHECK(fix_train("ncf", "factors=0", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "factors=0 is out of range (1 to 4096)");
	CHECK(fix_train("ncf", "layers=64,0", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "layers=64,0: layer sizes must be whole numbers from 1 to 65536, comma-separated");
	CHECK(fix_train("ncf", "layers=63,8", t, NULL, 0, NULL, &err) == NULL);
	CHECK_STR(err.msg, "layers=63,8: the first size is the MLP input, user and item halves, so it must be even");
	CHECK(fix_train("ncf", "layers=", t, NULL, 0, NULL, &err) == NULL);
	rs_imat_free(t);
}

int
main(void)
{
	test_dense(NN_LINEAR);
	test_dense(NN_RELU);
	test_dense(NN_TANH);
	test_dense(NN_SIGMOID);
	test_dense_known();
	test_gru();
	test_conv();
	test_losses();
	test_optimizers();
	test_dropout();
	test_seqs();
	test_bad_params();
	test_model("ncf", "factors=8 layers=16,8 epochs=100 batch=16 lr=0.01", "init=0.5", 0.02);
	test_model("multvae", "hidden=16 dim=4 epochs=100 batch=4 lr=0.01 anneal_steps=50",
	    "anneal_steps=0", 0.02);
	test_sequence_model("gru4rec", "embed=8 hidden=8 negatives=4 epochs=60 batch=4 lr=0.02", 0.02);
	test_sequence_model("gru4rec", "embed=8 hidden=8 negatives=4 epochs=60 batch=4 lr=0.02 loss=bprmax", 0.02);
	test_twotower();
	test_sequence_model("caser", "dim=8 maxlen=3 hfilters=4 vfilters=2 negatives=3 epochs=60 batch=4 lr=0.02", 0.02);
	return check_done("test-nn");
}
