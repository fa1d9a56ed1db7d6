/* gru4rec: a GRU over each user's time-ordered history predicting the next video (Hidasi et al. 2016, 2018), cross-entropy or BPR-max over sampled negatives. */
#include "config.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"	/* fac_blas_serial_* */
#include "model/nn/deep.h"
#include "util/xmalloc.h"

#define GRU_MAGIC 0x31555247u	/* "GRU1" */
#define PURPOSE_INIT 0x475255ULL

static const rs_param_spec gru_params[] = {
	{ "embed", RS_PARAM_INT, "64", 1, 4096, NULL, "input item embedding size" },
	{ "hidden", RS_PARAM_INT, "100", 1, 4096, NULL, "GRU hidden units" },
	{ "maxlen", RS_PARAM_INT, "20", 1, 1000, NULL,
	  "steps per training window; recommendations read the last maxlen items" },
	{ "loss", RS_PARAM_ENUM, "ce", 0, -1, "ce|bprmax",
	  "cross-entropy over the target and the sampled negatives, or BPR-max" },
	{ "negatives", RS_PARAM_INT, "128", 1, 100000, NULL, "negatives sampled per step (shared by a chunk of the batch)" },
	{ "bpreg", RS_PARAM_NUM, "1", 0, 1000, NULL, "loss=bprmax: the score regularization" },
	{ "epochs", RS_PARAM_INT, "10", 1, 100000, NULL, "passes over the windows (train epochs= overrides)" },
	{ "batch", RS_PARAM_INT, "64", 1, 1000000, NULL, "windows per mini-batch" },
	{ "optimizer", RS_PARAM_ENUM, "adam", 0, -1, "adam|sgd", "Adam or plain SGD" },
	{ "lr", RS_PARAM_NUM, "0.002", 1e-9, 10, NULL, "learning rate" },
	{ "wd", RS_PARAM_NUM, "0", 0, 1, NULL, "decoupled weight decay per step (AdamW; L2 for sgd)" },
	{ "init", RS_PARAM_NUM, "0.05", 0, 10, NULL, "standard deviation of the initial embeddings" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

struct gru {
	deep_core core;
	uint32_t nitems, D, H, L;
	float *E;			/* nitems x D input embeddings (sparse) */
	float *Wx, *Uh, *bx, *bh;	/* the cell */
	float *Wo, *bo;			/* nitems x H, nitems (sparse) */
	/* training */
	bool bprmax;
	float bpreg;
	uint32_t negatives;
	nn_seqs *seq;
	uint32_t *wu, *wstart, *wlen;	/* windows: user, first input, steps */
	nn_rows crow[NN_CHUNKS][3];	/* per chunk: E, Wo, bo rows */
};

static void
gru_free_extra(deep_core *c)
{
	struct gru *s = (struct gru *)c;

	nn_seqs_free(s->seq);
	free(s->wu);
	free(s->wstart);
	free(s->wlen);
	for (int k = 0; k < NN_CHUNKS; k++)
		for (int j = 0; j < 3; j++)
			if (s->crow[k][j].slot != NULL)
				nn_rows_free(&s->crow[k][j]);
}

static struct gru *
gru_new(uint32_t nitems, uint32_t D, uint32_t H, uint32_t L)
{
	struct gru *s = xcalloc(1, sizeof *s);
	nn_net *net = &s->core.net;
	uint32_t rows = nitems ? nitems : 1;

	s->nitems = nitems;
	s->D = D;
	s->H = H;
	s->L = L;
	s->E = nn_net_add(net, "E", (size_t)nitems * D, rows);
	s->Wx = nn_net_add(net, "Wx", (size_t)3 * H * D, 0);
	s->Uh = nn_net_add(net, "Uh", (size_t)3 * H * H, 0);
	s->bx = nn_net_add(net, "bx", (size_t)3 * H, 0);
	s->bh = nn_net_add(net, "bh", (size_t)3 * H, 0);
	s->Wo = nn_net_add(net, "Wo", (size_t)nitems * H, rows);
	s->bo = nn_net_add(net, "bo", nitems, rows);
	s->core.free_extra = gru_free_extra;
	return s;
}

static double gru_batch(rs_model *m, const uint32_t *ex, uint32_t n,
    uint64_t key, float *g, nn_rows *rows);

static int
gru_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	nn_seqs *seq = nn_seqs_build(t, m->kind->name, err);
	struct gru *s;
	uint32_t nw = 0, L = (uint32_t)rs_model_param_num(m, "maxlen");
	double init = rs_model_param_num(m, "init");

	if (seq == NULL)
		return -1;
	s = gru_new(t->nitems, (uint32_t)rs_model_param_num(m, "embed"),
	    (uint32_t)rs_model_param_num(m, "hidden"), L);
	s->seq = seq;
	s->bprmax = strcmp(rs_model_param(m, "loss"), "bprmax") == 0;
	s->bpreg = (float)rs_model_param_num(m, "bpreg");
	s->negatives = (uint32_t)rs_model_param_num(m, "negatives");
	s->core.batch_fn = gru_batch;
	s->core.batch = (uint32_t)rs_model_param_num(m, "batch");
	s->core.seed = ctx->seed;
	nn_opt_from_params(&s->core.opt, m);
	nn_init_normal(s->E, (size_t)s->nitems * s->D, init, ctx->seed, PURPOSE_INIT + 1);
	nn_init_normal(s->Wo, (size_t)s->nitems * s->H, init, ctx->seed, PURPOSE_INIT + 2);
	nn_init_glorot(s->Wx, 3 * s->H, s->D, ctx->seed, PURPOSE_INIT + 3);
	nn_init_glorot(s->Uh, 3 * s->H, s->H, ctx->seed, PURPOSE_INIT + 4);
	/* windows of up to L steps: inputs seq[a .. a+len), targets one on */
	for (uint32_t u = 0; u < seq->nusers; u++) {
		uint64_t n = seq->ptr[u + 1] - seq->ptr[u];
		for (uint64_t a = 0; a + 1 < n; a += L)
			nw++;
	}
	s->wu = xmalloc((nw ? nw : 1) * sizeof *s->wu);
	s->wstart = xmalloc((nw ? nw : 1) * sizeof *s->wstart);
	s->wlen = xmalloc((nw ? nw : 1) * sizeof *s->wlen);
	nw = 0;
	for (uint32_t u = 0; u < seq->nusers; u++) {
		uint64_t n = seq->ptr[u + 1] - seq->ptr[u];
		for (uint64_t a = 0; a + 1 < n; a += L) {
			s->wu[nw] = u;
			s->wstart[nw] = (uint32_t)a;
			s->wlen[nw++] = (uint32_t)(n - 1 - a < L ? n - 1 - a : L);
		}
	}
	if (nw == 0) {
		rs_error_set(err, RS_EINVAL,
		    "model %s needs users with two or more training rows (a next item to predict); none have",
		    m->kind->name);
		deep_core *c = &s->core;
		c->free_extra(c);
		nn_net_free(&c->net);
		free(s);
		return -1;
	}
	s->core.nexamples = nw;
	for (int k = 0; k < NN_CHUNKS; k++) {
		nn_rows_init(&s->crow[k][0], s->nitems, s->D);
		nn_rows_init(&s->crow[k][1], s->nitems, s->H);
		nn_rows_init(&s->crow[k][2], s->nitems, 1);
	}
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

struct gru_batch {
	struct gru *s;
	const uint32_t *ex;
	uint64_t key;
	float **g;
	double loss[NN_CHUNKS];
};

static inline uint32_t
seq_item(const struct gru *s, uint32_t u, uint32_t pos)
{
	return s->seq->item[s->seq->ptr[u] + pos];
}

/* Inputs and targets, step-major; past a window's end item 0 stands in
 * (its gradients are zero) and the target is UINT32_MAX. The negatives of
 * step t are shared by the chunk's windows, from the step's own stream. */
static void
gru_inputs(const struct gru_batch *b, uint32_t chunk, uint32_t lo, uint32_t n,
    uint32_t T, uint32_t *in, uint32_t *tg, uint32_t *neg)
{
	const struct gru *s = b->s;
	const uint32_t S = s->negatives;

	for (uint32_t t = 0; t < T; t++) {
		rnd_gen r = rnd_stream(s->core.seed ^ b->key, 0x4e4547 + chunk, t);
		for (uint32_t k = 0; k < n; k++) {
			uint32_t w = b->ex[lo + k];
			bool on = t < s->wlen[w];
			in[t * n + k] = on ? seq_item(s, s->wu[w], s->wstart[w] + t) : 0;
			tg[t * n + k] = on ? seq_item(s, s->wu[w], s->wstart[w] + t + 1) : UINT32_MAX;
		}
		for (uint32_t j = 0; j < S; j++)
			neg[t * S + j] = rnd_below(&r, s->nitems);
	}
}

/* One chunk of windows: forward through time, then back through time.
 * long: the forward and backward passes of one window batch stay together
 * so each gradient reads against the forward step (cache[t], Hs, ds) it
 * undoes, and the per-step buffers are allocated once for both. */
static void
gru_chunk(void *vctx, uint32_t chunk, uint32_t lo, uint32_t hi)
{
	struct gru_batch *b = vctx;
	struct gru *s = b->s;
	const uint32_t n = hi - lo, D = s->D, H = s->H, S = s->negatives, C = 1 + s->negatives;
	nn_net *net = &s->core.net;
	float *g = b->g[chunk];
	nn_rows *rE = &s->crow[chunk][0], *rW = &s->crow[chunk][1], *rb = &s->crow[chunk][2];
	uint32_t T = 0, *in, *tg, *neg;
	float *X, *Hs, *logit, *ds, *wneg, *dh, *dhp, *dx, *scratch, *dwneg, *tmp;
	nn_gru_cache *cache;
	double loss = 0;

	b->loss[chunk] = 0;
	if (n == 0)
		return;
	for (uint32_t k = lo; k < hi; k++)
		T = s->wlen[b->ex[k]] > T ? s->wlen[b->ex[k]] : T;
	in = xmalloc((size_t)T * n * sizeof *in);
	tg = xmalloc((size_t)T * n * sizeof *tg);
	neg = xmalloc((size_t)T * (S ? S : 1) * sizeof *neg);
	X = xmalloc((size_t)T * n * D * sizeof *X);
	Hs = xcalloc((size_t)(T + 1) * n * H, sizeof *Hs);	/* Hs[0] = 0 */
	cache = xmalloc(T * sizeof *cache);
	logit = xmalloc((size_t)n * C * sizeof *logit);
	ds = xmalloc((size_t)T * n * C * sizeof *ds);
	wneg = xmalloc((size_t)(S ? S : 1) * H * sizeof *wneg);
	dwneg = xmalloc((size_t)(S ? S : 1) * H * sizeof *dwneg);
	dh = xmalloc((size_t)n * H * sizeof *dh);
	dhp = xmalloc((size_t)n * H * sizeof *dhp);
	dx = xmalloc((size_t)n * D * sizeof *dx);
	tmp = xmalloc((size_t)n * H * sizeof *tmp);
	scratch = xmalloc((size_t)n * 6 * H * sizeof *scratch);
	gru_inputs(b, chunk, lo, n, T, in, tg, neg);
	/* forward */
	for (uint32_t t = 0; t < T; t++) {
		float *xt = X + (size_t)t * n * D;
		nn_embed_fwd(s->E, D, in + t * n, n, xt);
		cache[t].z = xmalloc((size_t)n * H * 4 * sizeof(float));
		cache[t].r = cache[t].z + (size_t)n * H;
		cache[t].c = cache[t].r + (size_t)n * H;
		cache[t].uc = cache[t].c + (size_t)n * H;
		nn_gru_fwd(s->Wx, s->Uh, s->bx, s->bh, D, H, xt, Hs + (size_t)t * n * H, n,
		    Hs + (size_t)(t + 1) * n * H, &cache[t], scratch);
		/* logits: column 0 the target, then the negatives */
		nn_embed_fwd(s->Wo, H, neg + t * S, S, wneg);
		for (uint32_t k = 0; k < n; k++) {
			const float *h = Hs + ((size_t)(t + 1) * n + k) * H;
			float *lg = logit + (size_t)k * C, *d = ds + ((size_t)t * n + k) * C;
			uint32_t it = tg[t * n + k];
			if (it == UINT32_MAX) {
				memset(d, 0, C * sizeof *d);
				continue;
			}
			lg[0] = s->bo[it] + (float)cblas_sdot((int)H, h, 1, s->Wo + (size_t)it * H, 1);
			if (S > 0)
				cblas_sgemv(CblasRowMajor, CblasNoTrans, (int)S, (int)H, 1.0f, wneg,
				    (int)H, h, 1, 0.0f, lg + 1, 1);
			for (uint32_t j = 0; j < S; j++)
				lg[1 + j] = neg[t * S + j] == it ? -1e9f : lg[1 + j] + s->bo[neg[t * S + j]];
			loss += s->bprmax ? nn_bpr_max(lg, C, 0, s->bpreg, d) :
			    nn_softmax_xent(lg, C, 0, d);
		}
	}
	/* backward through time */
	memset(dh, 0, (size_t)n * H * sizeof *dh);
	for (uint32_t t = T; t-- > 0;) {
		const float *Ht = Hs + (size_t)(t + 1) * n * H;
		nn_embed_fwd(s->Wo, H, neg + t * S, S, wneg);
		memset(dwneg, 0, (size_t)S * H * sizeof *dwneg);
		for (uint32_t k = 0; k < n; k++) {
			const float *h = Ht + (size_t)k * H, *d = ds + ((size_t)t * n + k) * C;
			float *dk = dh + (size_t)k * H;
			uint32_t it = tg[t * n + k];
			if (it == UINT32_MAX)
				continue;
			/* target column */
			for (uint32_t j = 0; j < H; j++) {
				dk[j] += d[0] * s->Wo[(size_t)it * H + j];
				tmp[j] = d[0] * h[j];
			}
			nn_rows_add(rW, it, tmp, 1);
			nn_rows_add(rb, it, d, 1);
		}
		if (S > 0) {
			/* negatives: dH += dS wneg, dwneg = dS^T H */
			float *dS = xmalloc((size_t)n * S * sizeof *dS);
			for (uint32_t k = 0; k < n; k++)
				memcpy(dS + (size_t)k * S, ds + ((size_t)t * n + k) * C + 1, S * sizeof *dS);
			cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)n, (int)H, (int)S,
			    1.0f, dS, (int)S, wneg, (int)H, 1.0f, dh, (int)H);
			cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)S, (int)H, (int)n,
			    1.0f, dS, (int)S, Ht, (int)H, 0.0f, dwneg, (int)H);
			for (uint32_t j = 0; j < S; j++) {
				float db = 0;
				for (uint32_t k = 0; k < n; k++)
					db += dS[(size_t)k * S + j];
				nn_rows_add(rW, neg[t * S + j], dwneg + (size_t)j * H, 1);
				nn_rows_add(rb, neg[t * S + j], &db, 1);
			}
			free(dS);
		}
		nn_gru_bwd(s->Wx, s->Uh, D, H, X + (size_t)t * n * D, Hs + (size_t)t * n * H, n,
		    &cache[t], dh, g + nn_net_offset(net, s->Wx), g + nn_net_offset(net, s->Uh),
		    g + nn_net_offset(net, s->bx), g + nn_net_offset(net, s->bh), dx, dhp,
		    scratch);
		for (uint32_t k = 0; k < n; k++)
			if (t < s->wlen[b->ex[lo + k]])
				nn_rows_add(rE, in[t * n + k], dx + (size_t)k * D, 1);
		{
			float *sw = dh;
			dh = dhp;
			dhp = sw;
		}
	}
	for (uint32_t t = 0; t < T; t++)
		free(cache[t].z);
	free(cache);
	free(in);
	free(tg);
	free(neg);
	free(X);
	free(Hs);
	free(logit);
	free(ds);
	free(wneg);
	free(dwneg);
	free(dh);
	free(dhp);
	free(dx);
	free(tmp);
	free(scratch);
	b->loss[chunk] = loss;
}


static double
gru_batch(rs_model *m, const uint32_t *ex, uint32_t n, uint64_t key, float *g,
    nn_rows *rows)
{
	struct gru *s = m->state;
	struct gru_batch b;

	memset(&b, 0, sizeof b);
	b.s = s;
	b.ex = ex;
	b.key = key;
	b.g = deep_grads_new(&s->core.net);
	nn_chunks_run(n, gru_chunk, &b, (size_t)n * s->L * s->H * (s->negatives + s->H) >= 200000);
	/* sparse arrays in net order: E, Wo, bo */
	return deep_grads_gather(&s->core.net, b.g, b.loss, &s->crow[0][0], 3, g,
	    rows);
}

/* ---- scoring ---- */

/* The hidden state after the user's last L training items (by time; items
 * without a time go first, in item order). */
static void
user_state(const rs_model *m, const struct gru *s, uint32_t u, float *h,
    float *x, float *scratch, nn_gru_cache *cache, float *hn)
{
	const rs_imat *t = m->train;
	uint64_t n = t->uptr[u + 1] - t->uptr[u], from;
	uint32_t *p = xmalloc((n ? n : 1) * sizeof *p);

	n = nn_user_history(t, u, p);
	memset(h, 0, s->H * sizeof *h);
	from = n > s->L ? n - s->L : 0;
	for (uint64_t k = from; k < n; k++) {
		if (p[k] >= s->nitems)
			continue;
		memcpy(x, s->E + (size_t)p[k] * s->D, s->D * sizeof *x);
		nn_gru_fwd(s->Wx, s->Uh, s->bx, s->bh, s->D, s->H, x, h, 1, hn, cache, scratch);
		memcpy(h, hn, s->H * sizeof *h);
	}
	free(p);
}

static void
gru_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct gru *s = m->state;
	int saved = fac_blas_serial_begin();

	#pragma omp parallel if (nu > 1)
	{
		float *h = xmalloc(s->H * sizeof *h), *hn = xmalloc(s->H * sizeof *hn);
		float *x = xmalloc(s->D * sizeof *x), *scratch = xmalloc(6 * s->H * sizeof *scratch);
		float *cbuf = xmalloc(4 * s->H * sizeof *cbuf);
		nn_gru_cache cache = { cbuf, cbuf + s->H, cbuf + 2 * s->H, cbuf + 3 * s->H };
		#pragma omp for schedule(dynamic, 4)
		for (size_t j = 0; j < nu; j++) {
			float *o = out + j * m->nitems;
			if (m->train == NULL || users[j] >= m->train->nusers) {
				memset(o, 0, m->nitems * sizeof *o);
				continue;
			}
			user_state(m, s, users[j], h, x, scratch, &cache, hn);
			memcpy(o, s->bo, s->nitems * sizeof *o);
			cblas_sgemv(CblasRowMajor, CblasNoTrans, (int)s->nitems, (int)s->H, 1.0f,
			    s->Wo, (int)s->H, h, 1, 1.0f, o, 1);
		}
		free(h);
		free(hn);
		free(x);
		free(scratch);
		free(cbuf);
	}
	fac_blas_serial_end(saved);
}

static size_t
gru_explain(const rs_model *m, uint32_t user, uint32_t item, rs_reason *out,
    size_t max)
{
	const struct gru *s = m->state;

	return deep_explain_rows(m, s->E, s->D, s->D, user, item, out, max);
}

static size_t
gru_similar(const rs_model *m, uint32_t item, uint32_t *out, float *scores,
    size_t k)
{
	const struct gru *s = m->state;

	return deep_similar_rows(m, s->Wo, s->H, s->H, item, out, scores, k);
}

static int
gru_save(const rs_model *m, void **buf, size_t *len)
{
	const struct gru *s = m->state;
	uint32_t head[4] = { s->nitems, s->D, s->H, s->L };
	blob b = { 0 };

	deep_save_begin(&b, GRU_MAGIC, head, 4);
	nn_net_save(&s->core.net, &b);
	blob_take(&b, buf, len);
	return 0;
}

static int
gru_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	uint32_t head[4];
	blob_reader r;
	struct gru *s = NULL;
	bool ok;

	blob_reader_init(&r, buf, len);
	ok = deep_load_head(&r, GRU_MAGIC, head, 4) && head[0] == m->nitems &&
	    head[1] >= 1 && head[1] <= 4096 && head[2] >= 1 && head[2] <= 4096 &&
	    head[3] >= 1 && head[3] <= 1000;
	ok = ok && (uint64_t)head[0] * (head[1] + head[2]) * 4 <= r.left;
	if (ok) {
		s = gru_new(head[0], head[1], head[2], head[3]);
		ok = nn_net_load(&s->core.net, &r) && r.left == 0;
	}
	if (!ok) {
		if (s != NULL) {
			nn_net_free(&s->core.net);
			free(s);
		}
		rs_error_set(err, RS_EPARSE, "model %s: the saved gru4rec weights are damaged", m->name);
		return -1;
	}
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

/* Learning from new events (rs_model_update): the recommendations read
 * the user's last items from the training matrix by time, which the engine
 * has already grown by the events, so the sequence state advances with no
 * weight moving. Items (and, for caser, users) the model has no embedding
 * for are refused, and so are events without a time (they would sort
 * first, not last). */
static int
gru_update(rs_model *m, const rs_event *ev, size_t n, rs_error *err)
{
	const struct gru *s = m->state;
	const rs_imat *t = m->train;

	for (size_t j = 0; j < n; j++)
		if (isnan(ev[j].time)) {
			rs_error_set(err, RS_EINVAL,
			    "model %s (gru4rec) orders each user's items by time: event %zu has none",
			    m->name, j + 1);
			return -1;
		}
	if (t->nitems > s->nitems) {
		rs_error_set(err, RS_EINVAL,
		    "model %s (gru4rec) has no embedding for items it was not trained on: retrain it",
		    m->name);
		return -1;
	}
	return 0;
}

const rs_model_kind rs_kind_gru4rec = {
	.name = "gru4rec",
	.help = "GRU4Rec: a GRU reads each user's training items in time order and predicts the "
	    "next one (cross-entropy or BPR-max against sampled negatives); recommends from the "
	    "state after the user's last maxlen items. Needs a time column",
	.params = gru_params,
	.begin = gru_begin,
	.epoch = deep_epoch,
	.snapshot = deep_snapshot,
	.restore = deep_restore,
	.free_snapshot = deep_free_snapshot,
	.score = gru_score,
	.explain = gru_explain,
	.similar = gru_similar,
	.save = gru_save,
	.load = gru_load,
	.free_state = deep_free_state,
	.update = gru_update,
};
