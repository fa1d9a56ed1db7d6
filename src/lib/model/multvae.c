/* multvae: Mult-VAE (Liang et al. 2018) — a variational autoencoder over a user's item set with a multinomial likelihood and KL annealing. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/nn/deep.h"
#include "util/random.h"
#include "util/xmalloc.h"

#define VAE_MAGIC 0x31454156u	/* "VAE1" */
#define PURPOSE_INIT 0x564145ULL
#define TAG_NOISE 0x4e4f495345ULL
#define TAG_DROP 0x44524f50ULL

static const rs_param_spec vae_params[] = {
	{ "hidden", RS_PARAM_INT, "200", 1, 65536, NULL, "encoder and decoder hidden layer size (600 in the paper)" },
	{ "dim", RS_PARAM_INT, "64", 1, 65536, NULL, "latent size (200 in the paper)" },
	{ "epochs", RS_PARAM_INT, "50", 1, 100000, NULL, "passes over the users (train epochs= overrides)" },
	{ "batch", RS_PARAM_INT, "100", 1, 1000000, NULL, "users per mini-batch" },
	{ "optimizer", RS_PARAM_ENUM, "adam", 0, -1, "adam|sgd", "Adam or plain SGD" },
	{ "lr", RS_PARAM_NUM, "0.001", 1e-9, 10, NULL, "learning rate" },
	{ "wd", RS_PARAM_NUM, "0", 0, 1, NULL, "decoupled weight decay per step (AdamW; L2 for sgd)" },
	{ "dropout", RS_PARAM_NUM, "0.5", 0, 0.95, NULL, "dropout on the normalised input row during training" },
	{ "anneal_cap", RS_PARAM_NUM, "0.2", 0, 10, NULL, "largest weight of the KL term" },
	{ "anneal_steps", RS_PARAM_INT, "20000", 0, 1e9, NULL,
	  "mini-batches over which the KL weight grows linearly from 0 to anneal_cap (0: anneal_cap at once)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

struct vae {
	deep_core core;
	uint32_t nusers, nitems, h, d;
	float anneal_cap;
	uint32_t anneal_steps;
	float dropout;
	/* encoder: items -> h (tanh) -> 2d (mu, logvar); decoder: d -> h
	 * (tanh) -> items */
	float *W0, *b0, *Wq, *bq, *W1, *b1, *W2, *b2;
	const rs_imat *t;
	uint32_t *users;	/* users with training rows: the examples */
};

static void
vae_free_extra(deep_core *c)
{
	free(((struct vae *)c)->users);
}

static struct vae *
vae_new(uint32_t nusers, uint32_t nitems, uint32_t h, uint32_t d)
{
	struct vae *s = xcalloc(1, sizeof *s);
	nn_net *net = &s->core.net;

	s->nusers = nusers;
	s->nitems = nitems;
	s->h = h;
	s->d = d;
	s->W0 = nn_net_add(net, "W0", (size_t)h * nitems, 0);
	s->b0 = nn_net_add(net, "b0", h, 0);
	s->Wq = nn_net_add(net, "Wq", (size_t)2 * d * h, 0);
	s->bq = nn_net_add(net, "bq", (size_t)2 * d, 0);
	s->W1 = nn_net_add(net, "W1", (size_t)h * d, 0);
	s->b1 = nn_net_add(net, "b1", h, 0);
	s->W2 = nn_net_add(net, "W2", (size_t)nitems * h, 0);
	s->b2 = nn_net_add(net, "b2", nitems, 0);
	s->core.free_extra = vae_free_extra;
	return s;
}

/* The user's training row, L2-normalised as the paper feeds it, into x
 * (nitems floats); returns the row's sum (the multinomial's count). */
static float
vae_input(const rs_imat *t, uint32_t nitems, uint32_t u, float *x)
{
	uint64_t a, z;
	float n;

	memset(x, 0, nitems * sizeof *x);
	if (t == NULL || u >= t->nusers)
		return 0;
	a = t->uptr[u];
	z = t->uptr[u + 1];
	n = (float)(z - a);
	for (uint64_t q = a; q < z; q++)
		if (t->uidx[q] < nitems)
			x[t->uidx[q]] = 1.0f / sqrtf(n);
	return n;
}

static double vae_batch(rs_model *m, const uint32_t *ex, uint32_t n,
    uint64_t key, float *g, nn_rows *rows);

static int
vae_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	struct vae *s;
	uint32_t n = 0;

	(void)err;
	s = vae_new(t->nusers, t->nitems, (uint32_t)rs_model_param_num(m, "hidden"),
	    (uint32_t)rs_model_param_num(m, "dim"));
	s->dropout = (float)rs_model_param_num(m, "dropout");
	s->anneal_cap = (float)rs_model_param_num(m, "anneal_cap");
	s->anneal_steps = (uint32_t)rs_model_param_num(m, "anneal_steps");
	s->core.batch_fn = vae_batch;
	s->core.batch = (uint32_t)rs_model_param_num(m, "batch");
	s->core.seed = ctx->seed;
	nn_opt_from_params(&s->core.opt, m);
	nn_init_glorot(s->W0, s->h, t->nitems, ctx->seed, PURPOSE_INIT + 1);
	nn_init_glorot(s->Wq, 2 * s->d, s->h, ctx->seed, PURPOSE_INIT + 2);
	nn_init_glorot(s->W1, s->h, s->d, ctx->seed, PURPOSE_INIT + 3);
	nn_init_glorot(s->W2, t->nitems, s->h, ctx->seed, PURPOSE_INIT + 4);
	s->t = t;
	s->users = xmalloc((t->nusers ? t->nusers : 1) * sizeof *s->users);
	for (uint32_t u = 0; u < t->nusers; u++)
		if (t->uptr[u + 1] > t->uptr[u])
			s->users[n++] = u;
	s->core.nexamples = n;
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

/* The KL weight after step optimizer steps: linear from 0 to the cap. */
static float
vae_beta(const struct vae *s, uint64_t step)
{
	double b;

	if (s->anneal_steps == 0)
		return s->anneal_cap;
	b = (double)s->anneal_cap * (double)step / s->anneal_steps;
	return b < s->anneal_cap ? (float)b : s->anneal_cap;
}

/* Encoder forward: X (n x items, normalised) -> tanh hidden H1, then mu
 * and logvar side by side in Q (n x 2d). */
static void
vae_encode(const struct vae *s, const float *X, uint32_t n, float *H1, float *Q)
{
	nn_dense_fwd(s->W0, s->b0, s->nitems, s->h, X, n, H1);
	nn_act_fwd(NN_TANH, H1, (size_t)n * s->h);
	nn_dense_fwd(s->Wq, s->bq, s->h, 2 * s->d, H1, n, Q);
}

/* Decoder forward: Z (n x d) -> tanh hidden H2 -> item logits L. */
static void
vae_decode(const struct vae *s, const float *Z, uint32_t n, float *H2, float *L)
{
	nn_dense_fwd(s->W1, s->b1, s->d, s->h, Z, n, H2);
	nn_act_fwd(NN_TANH, H2, (size_t)n * s->h);
	nn_dense_fwd(s->W2, s->b2, s->h, s->nitems, H2, n, L);
}

/* -sum x log_softmax(l) for one user (x the 0/1 row, count its sum), and
 * its gradient softmax * count - x written over l. */
static double
vae_multinomial(float *l, const rs_imat *t, uint32_t u, uint32_t ni, float count)
{
	double mx = -INFINITY, z = 0, loss = 0;

	for (uint32_t i = 0; i < ni; i++)
		mx = l[i] > mx ? l[i] : mx;
	for (uint32_t i = 0; i < ni; i++)
		z += exp(l[i] - mx);
	for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++)
		loss -= l[t->uidx[q]] - mx - log(z);
	for (uint32_t i = 0; i < ni; i++)
		l[i] = (float)(exp(l[i] - mx) / z * count);
	for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++)
		l[t->uidx[q]] -= 1.0f;
	return loss;
}

/* Loss and gradient of a batch of users: the negative ELBO with the KL
 * weighted by the annealed beta. One thread of control: BLAS does the
 * heavy products, so the result depends only on the seed and its sums. */
static double
vae_batch(rs_model *m, const uint32_t *ex, uint32_t n, uint64_t key, float *g,
    nn_rows *rows)
{
	struct vae *s = m->state;
	nn_net *net = &s->core.net;
	const uint32_t ni = s->nitems, h = s->h, d = s->d;
	float *X = xmalloc((size_t)n * ni * sizeof *X), *cnt = xmalloc(n * sizeof *cnt);
	float *mask = xmalloc((size_t)n * ni * sizeof *mask);
	float *H1 = xmalloc((size_t)n * h * sizeof *H1), *Q = xmalloc((size_t)n * 2 * d * sizeof *Q);
	float *Z = xmalloc((size_t)n * d * sizeof *Z), *E = xmalloc((size_t)n * d * sizeof *E);
	float *H2 = xmalloc((size_t)n * h * sizeof *H2), *L = xmalloc((size_t)n * ni * sizeof *L);
	float *dH = xmalloc((size_t)n * h * sizeof *dH), *dZ = xmalloc((size_t)n * d * sizeof *dZ);
	float *dQ = xmalloc((size_t)n * 2 * d * sizeof *dQ);
	float beta = vae_beta(s, net->step);
	double loss = 0;

	(void)rows;
	for (uint32_t k = 0; k < n; k++)
		cnt[k] = vae_input(s->t, ni, s->users[ex[k]], X + (size_t)k * ni);
	if (s->dropout > 0) {
		rnd_gen r = rnd_stream(s->core.seed ^ key, TAG_DROP, 0);
		nn_dropout_fwd(X, mask, (size_t)n * ni, s->dropout, &r);
	}
	vae_encode(s, X, n, H1, Q);
	/* reparameterise: z = mu + eps * exp(logvar / 2), eps ~ N(0, 1) */
	for (uint32_t k = 0; k < n; k++) {
		rnd_gen r = rnd_stream(s->core.seed ^ key, TAG_NOISE, k);
		const float *mu = Q + (size_t)k * 2 * d, *lv = mu + d;
		for (uint32_t j = 0; j < d; j++) {
			double u1 = 1.0 - rnd_uniform(&r), u2 = rnd_uniform(&r);
			float e = (float)(sqrt(-2 * log(u1)) * cos(2 * M_PI * u2));
			E[(size_t)k * d + j] = e;
			Z[(size_t)k * d + j] = mu[j] + e * expf(0.5f * lv[j]);
			loss += beta * -0.5 * (1 + lv[j] - mu[j] * mu[j] - expf(lv[j]));
		}
	}
	vae_decode(s, Z, n, H2, L);
	for (uint32_t k = 0; k < n; k++)
		loss += vae_multinomial(L + (size_t)k * ni, s->t, s->users[ex[k]], ni, cnt[k]);
	/* backward through the decoder */
	nn_dense_bwd(s->W2, h, ni, H2, L, n, g + nn_net_offset(net, s->W2),
	    g + nn_net_offset(net, s->b2), dH);
	nn_act_bwd(NN_TANH, H2, dH, (size_t)n * h);
	nn_dense_bwd(s->W1, d, h, Z, dH, n, g + nn_net_offset(net, s->W1),
	    g + nn_net_offset(net, s->b1), dZ);
	/* through the sample and the KL term to mu and logvar */
	for (uint32_t k = 0; k < n; k++) {
		const float *mu = Q + (size_t)k * 2 * d, *lv = mu + d;
		float *dmu = dQ + (size_t)k * 2 * d, *dlv = dmu + d;
		for (uint32_t j = 0; j < d; j++) {
			float dz = dZ[(size_t)k * d + j], sd = expf(0.5f * lv[j]);
			dmu[j] = dz + beta * mu[j];
			dlv[j] = dz * E[(size_t)k * d + j] * 0.5f * sd + beta * 0.5f * (sd * sd - 1);
		}
	}
	nn_dense_bwd(s->Wq, h, 2 * d, H1, dQ, n, g + nn_net_offset(net, s->Wq),
	    g + nn_net_offset(net, s->bq), dH);
	nn_act_bwd(NN_TANH, H1, dH, (size_t)n * h);
	nn_dense_bwd(s->W0, ni, h, X, dH, n, g + nn_net_offset(net, s->W0),
	    g + nn_net_offset(net, s->b0), NULL);
	free(X);
	free(cnt);
	free(mask);
	free(H1);
	free(Q);
	free(Z);
	free(E);
	free(H2);
	free(L);
	free(dH);
	free(dZ);
	free(dQ);
	return loss;
}

/* Scores: the decoder's logits at z = mu (softmax keeps the order). */
static void
vae_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct vae *s = m->state;
	const uint32_t ni = s->nitems, h = s->h, d = s->d;
	float *X, *H, *Q, *Z;

	if (ni == 0 || nu == 0)
		return;
	X = xmalloc(nu * ni * sizeof *X);
	H = xmalloc(nu * h * sizeof *H);
	Q = xmalloc(nu * 2 * d * sizeof *Q);
	Z = xmalloc(nu * d * sizeof *Z);
	for (size_t j = 0; j < nu; j++)
		vae_input(m->train, ni, users[j], X + j * ni);
	vae_encode(s, X, (uint32_t)nu, H, Q);
	for (size_t j = 0; j < nu; j++)
		memcpy(Z + j * d, Q + j * 2 * d, d * sizeof *Z);
	vae_decode(s, Z, (uint32_t)nu, H, out);
	free(X);
	free(H);
	free(Q);
	free(Z);
}

/* Saved: magic, users, items, hidden, dim, then the weights. */
static int
vae_save(const rs_model *m, void **buf, size_t *len)
{
	const struct vae *s = m->state;
	uint32_t head[4] = { s->nusers, s->nitems, s->h, s->d };
	blob b = { 0 };

	deep_save_begin(&b, VAE_MAGIC, head, 4);
	nn_net_save(&s->core.net, &b);
	blob_take(&b, buf, len);
	return 0;
}

static int
vae_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	uint32_t head[4];
	blob_reader r;
	struct vae *s = NULL;
	bool ok;

	blob_reader_init(&r, buf, len);
	ok = deep_load_head(&r, VAE_MAGIC, head, 4) && head[0] == m->nusers &&
	    head[1] == m->nitems && head[2] >= 1 && head[2] <= 65536 &&
	    head[3] >= 1 && head[3] <= 65536;
	/* the two item-sized matrices alone take this many bytes: refuse
	 * before allocating */
	ok = ok && (uint64_t)head[1] * head[2] * 2 * 4 <= r.left;
	if (ok) {
		s = vae_new(head[0], head[1], head[2], head[3]);
		ok = nn_net_load(&s->core.net, &r) && r.left == 0;
	}
	if (!ok) {
		if (s != NULL) {
			nn_net_free(&s->core.net);
			free(s);
		}
		rs_error_set(err, RS_EPARSE, "model %s: the saved multvae weights are damaged", m->name);
		return -1;
	}
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

const rs_model_kind rs_kind_multvae = {
	.name = "multvae",
	.help = "Mult-VAE (Liang et al. 2018): a variational autoencoder over each user's item "
	    "set — normalised row, dropout, tanh encoder to a Gaussian latent, decoder to item "
	    "logits — trained on the multinomial log-likelihood plus a KL term whose weight is "
	    "annealed linearly to anneal_cap, with Adam; scores are the logits at the mean",
	.params = vae_params,
	.begin = vae_begin,
	.epoch = deep_epoch,
	.snapshot = deep_snapshot,
	.restore = deep_restore,
	.free_snapshot = deep_free_snapshot,
	.score = vae_score,
	.save = vae_save,
	.load = vae_load,
	.free_state = deep_free_state,
};
