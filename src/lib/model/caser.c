/* caser: convolutional sequence embedding (Tang & Wang 2018) — horizontal and vertical filters over the user's last L items, plus a user embedding, predicting the next video. */
#include "config.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"	/* fac_blas_serial_* */
#include "model/nn/deep.h"
#include "util/xmalloc.h"

#define CASER_MAGIC 0x31534143u	/* "CAS1" */
#define CASER_MAXL 16
#define PURPOSE_INIT 0x434153ULL

static const rs_param_spec caser_params[] = {
	{ "dim", RS_PARAM_INT, "50", 1, 4096, NULL, "item and user embedding size" },
	{ "maxlen", RS_PARAM_INT, "5", 1, CASER_MAXL, NULL, "L: the recent items the filters read" },
	{ "hfilters", RS_PARAM_INT, "16", 1, 4096, NULL, "horizontal filters of each height 1..L" },
	{ "vfilters", RS_PARAM_INT, "4", 1, 4096, NULL, "vertical filters" },
	{ "negatives", RS_PARAM_INT, "3", 1, 1000, NULL, "sampled negatives per target" },
	{ "epochs", RS_PARAM_INT, "10", 1, 100000, NULL, "passes over the targets (train epochs= overrides)" },
	{ "batch", RS_PARAM_INT, "256", 1, 1000000, NULL, "targets per mini-batch" },
	{ "optimizer", RS_PARAM_ENUM, "adam", 0, -1, "adam|sgd", "Adam or plain SGD" },
	{ "lr", RS_PARAM_NUM, "0.001", 1e-9, 10, NULL, "learning rate" },
	{ "wd", RS_PARAM_NUM, "0", 0, 1, NULL, "decoupled weight decay per step (AdamW; L2 for sgd)" },
	{ "init", RS_PARAM_NUM, "0.05", 0, 10, NULL, "standard deviation of the initial embeddings" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

struct caser {
	deep_core core;
	uint32_t nusers, nitems, d, L, nh, nv, M;	/* M: conv outputs */
	float *E;		/* (nitems + 1) x d: the last row pads short histories */
	float *P;		/* nusers x d */
	float *K[CASER_MAXL], *bk[CASER_MAXL];	/* height h+1: nh x (h+1)d */
	float *Fv;		/* nv x L */
	float *Wfc, *bfc;	/* d x M, d */
	float *Wo, *bo;		/* nitems x 2d, nitems */
	/* training */
	const rs_imat *t;
	uint32_t negatives;
	nn_seqs *seq;
	uint32_t *xu, *xt;	/* targets: user, position in its sequence */
	nn_rows crow[NN_CHUNKS][4];	/* E, P, Wo, bo */
};

static void
caser_free_extra(deep_core *c)
{
	struct caser *s = (struct caser *)c;

	nn_seqs_free(s->seq);
	free(s->xu);
	free(s->xt);
	for (int k = 0; k < NN_CHUNKS; k++)
		for (int j = 0; j < 4; j++)
			if (s->crow[k][j].slot != NULL)
				nn_rows_free(&s->crow[k][j]);
}

static struct caser *
caser_new(uint32_t nusers, uint32_t nitems, uint32_t d, uint32_t L, uint32_t nh,
    uint32_t nv)
{
	struct caser *s = xcalloc(1, sizeof *s);
	nn_net *net = &s->core.net;

	s->nusers = nusers;
	s->nitems = nitems;
	s->d = d;
	s->L = L;
	s->nh = nh;
	s->nv = nv;
	s->M = L * nh + nv * d;
	s->E = nn_net_add(net, "E", ((size_t)nitems + 1) * d, nitems + 1);
	s->P = nn_net_add(net, "P", (size_t)nusers * d, nusers ? nusers : 1);
	s->Wo = nn_net_add(net, "Wo", (size_t)nitems * 2 * d, nitems ? nitems : 1);
	s->bo = nn_net_add(net, "bo", nitems, nitems ? nitems : 1);
	for (uint32_t h = 0; h < L; h++) {
		s->K[h] = nn_net_add(net, "K", (size_t)nh * (h + 1) * d, 0);
		s->bk[h] = nn_net_add(net, "bk", nh, 0);
	}
	s->Fv = nn_net_add(net, "Fv", (size_t)nv * L, 0);
	s->Wfc = nn_net_add(net, "Wfc", (size_t)d * s->M, 0);
	s->bfc = nn_net_add(net, "bfc", d, 0);
	s->core.free_extra = caser_free_extra;
	return s;
}

static double caser_batch(rs_model *m, const uint32_t *ex, uint32_t n,
    uint64_t key, float *g, nn_rows *rows);

static int
caser_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	nn_seqs *seq = nn_seqs_build(t, m->kind->name, err);
	struct caser *s;
	uint32_t n = 0;
	double init = rs_model_param_num(m, "init");

	if (seq == NULL)
		return -1;
	s = caser_new(t->nusers, t->nitems, (uint32_t)rs_model_param_num(m, "dim"),
	    (uint32_t)rs_model_param_num(m, "maxlen"),
	    (uint32_t)rs_model_param_num(m, "hfilters"),
	    (uint32_t)rs_model_param_num(m, "vfilters"));
	s->seq = seq;
	s->t = t;
	s->negatives = (uint32_t)rs_model_param_num(m, "negatives");
	s->core.batch_fn = caser_batch;
	s->core.batch = (uint32_t)rs_model_param_num(m, "batch");
	s->core.seed = ctx->seed;
	nn_opt_from_params(&s->core.opt, m);
	nn_init_normal(s->E, ((size_t)s->nitems + 1) * s->d, init, ctx->seed, PURPOSE_INIT + 1);
	nn_init_normal(s->P, (size_t)s->nusers * s->d, init, ctx->seed, PURPOSE_INIT + 2);
	nn_init_normal(s->Wo, (size_t)s->nitems * 2 * s->d, init, ctx->seed, PURPOSE_INIT + 3);
	for (uint32_t h = 0; h < s->L; h++)
		nn_init_glorot(s->K[h], s->nh, (h + 1) * s->d, ctx->seed, PURPOSE_INIT + 10 + h);
	nn_init_glorot(s->Fv, s->nv, s->L, ctx->seed, PURPOSE_INIT + 4);
	nn_init_glorot(s->Wfc, s->d, s->M, ctx->seed, PURPOSE_INIT + 5);
	for (uint32_t u = 0; u < seq->nusers; u++)
		n += seq->ptr[u + 1] - seq->ptr[u] > 1 ? (uint32_t)(seq->ptr[u + 1] - seq->ptr[u] - 1) : 0;
	if (n == 0) {
		rs_error_set(err, RS_EINVAL,
		    "model %s needs users with two or more training rows (a next item to predict); none have",
		    m->kind->name);
		caser_free_extra(&s->core);
		nn_net_free(&s->core.net);
		free(s);
		return -1;
	}
	s->xu = xmalloc(n * sizeof *s->xu);
	s->xt = xmalloc(n * sizeof *s->xt);
	n = 0;
	for (uint32_t u = 0; u < seq->nusers; u++)
		for (uint64_t p = 1; p < seq->ptr[u + 1] - seq->ptr[u]; p++) {
			s->xu[n] = u;
			s->xt[n++] = (uint32_t)p;
		}
	s->core.nexamples = n;
	for (int k = 0; k < NN_CHUNKS; k++) {
		nn_rows_init(&s->crow[k][0], s->nitems + 1, s->d);
		nn_rows_init(&s->crow[k][1], s->nusers, s->d);
		nn_rows_init(&s->crow[k][2], s->nitems, 2 * s->d);
		nn_rows_init(&s->crow[k][3], s->nitems, 1);
	}
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

/* Scratch of one example's pass. */
struct cwork {
	uint32_t items[CASER_MAXL];
	float *X, *col[CASER_MAXL], *y[CASER_MAXL], *o, *z, *v;
	uint32_t *arg;		/* L x nh: where each max came from */
	float *dX, *dy, *dcol, *dov, *dz, *dv, *tmp;
};

static void
cwork_init(struct cwork *w, const struct caser *s)
{
	const uint32_t L = s->L, d = s->d;

	w->X = xmalloc((size_t)L * d * sizeof *w->X);
	for (uint32_t h = 0; h < L; h++) {
		w->col[h] = xmalloc((size_t)(L - h) * (h + 1) * d * sizeof *w->col[h]);
		w->y[h] = xmalloc((size_t)(L - h) * s->nh * sizeof *w->y[h]);
	}
	w->o = xmalloc(s->M * sizeof *w->o);
	w->z = xmalloc(d * sizeof *w->z);
	w->v = xmalloc(2 * d * sizeof *w->v);
	w->arg = xmalloc((size_t)L * s->nh * sizeof *w->arg);
	w->dX = xmalloc((size_t)L * d * sizeof *w->dX);
	w->dy = xmalloc((size_t)L * s->nh * sizeof *w->dy);
	w->dcol = xmalloc((size_t)L * L * d * sizeof *w->dcol);
	w->dov = xmalloc(s->M * sizeof *w->dov);
	w->dz = xmalloc(d * sizeof *w->dz);
	w->dv = xmalloc(2 * d * sizeof *w->dv);
	w->tmp = xmalloc(2 * d * sizeof *w->tmp);
}

static void
cwork_free(struct cwork *w, const struct caser *s)
{
	free(w->X);
	for (uint32_t h = 0; h < s->L; h++) {
		free(w->col[h]);
		free(w->y[h]);
	}
	free(w->o);
	free(w->z);
	free(w->v);
	free(w->arg);
	free(w->dX);
	free(w->dy);
	free(w->dcol);
	free(w->dov);
	free(w->dz);
	free(w->dv);
	free(w->tmp);
}

/* v = [z; P_u] from items (L of them, padded with nitems). */
static void
caser_fwd(const struct caser *s, uint32_t u, struct cwork *w)
{
	const uint32_t L = s->L, d = s->d, nh = s->nh;

	for (uint32_t p = 0; p < L; p++)
		memcpy(w->X + (size_t)p * d, s->E + (size_t)w->items[p] * d, d * sizeof *w->X);
	for (uint32_t h = 0; h < L; h++) {
		uint32_t T = L - h;
		nn_conv1d_fwd(s->K[h], s->bk[h], L, d, h + 1, nh, w->X, w->col[h], w->y[h]);
		nn_act_fwd(NN_RELU, w->y[h], (size_t)T * nh);
		for (uint32_t f = 0; f < nh; f++) {
			uint32_t best = 0;
			for (uint32_t t = 1; t < T; t++)
				if (w->y[h][(size_t)t * nh + f] > w->y[h][(size_t)best * nh + f])
					best = t;
			w->arg[h * nh + f] = best;
			w->o[h * nh + f] = w->y[h][(size_t)best * nh + f];
		}
	}
	/* vertical: nv x d = Fv (nv x L) X (L x d) */
	cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)s->nv, (int)d, (int)L, 1.0f,
	    s->Fv, (int)L, w->X, (int)d, 0.0f, w->o + (size_t)L * nh, (int)d);
	nn_dense_fwd(s->Wfc, s->bfc, s->M, d, w->o, 1, w->z);
	nn_act_fwd(NN_RELU, w->z, d);
	memcpy(w->v, w->z, d * sizeof *w->v);
	memcpy(w->v + d, s->P + (size_t)u * d, d * sizeof *w->v);
}

/* The L items before position p of u's sequence, oldest first, padded. */
static void
window(const struct caser *s, const uint32_t *seq, uint64_t p, struct cwork *w)
{
	for (uint32_t k = 0; k < s->L; k++) {
		int64_t q = (int64_t)p - s->L + k;
		w->items[k] = q >= 0 ? seq[q] : s->nitems;
	}
}

struct caser_batch {
	struct caser *s;
	const uint32_t *ex;
	uint64_t key;
	float **g;
	double loss[NN_CHUNKS];
};

static void
caser_chunk(void *vctx, uint32_t chunk, uint32_t lo, uint32_t hi)
{
	struct caser_batch *b = vctx;
	struct caser *s = b->s;
	const uint32_t L = s->L, d = s->d, nh = s->nh, C = 1 + s->negatives;
	nn_net *net = &s->core.net;
	float *g = b->g[chunk];
	nn_rows *rE = &s->crow[chunk][0], *rP = &s->crow[chunk][1];
	nn_rows *rW = &s->crow[chunk][2], *rb = &s->crow[chunk][3];
	uint32_t *cand = xmalloc(C * sizeof *cand);
	float *sc = xmalloc(C * sizeof *sc), *ds = xmalloc(C * sizeof *ds);
	float *lab = xcalloc(C, sizeof *lab);
	struct cwork w;
	double loss = 0;

	cwork_init(&w, s);
	lab[0] = 1;
	for (uint32_t k = lo; k < hi; k++) {
		uint32_t x = b->ex[k], u = s->xu[x];
		const uint32_t *seq = s->seq->item + s->seq->ptr[u];
		rnd_gen r = rnd_stream(s->core.seed ^ b->key, 0x434153, x);
		window(s, seq, s->xt[x], &w);
		cand[0] = seq[s->xt[x]];
		for (uint32_t j = 1; j < C; j++) {
			uint32_t it = 0;
			for (int tries = 0; tries < 32; tries++) {
				it = rnd_below(&r, s->nitems);
				if (!nn_is_positive(s->t, u, it))
					break;
			}
			cand[j] = it;
		}
		caser_fwd(s, u, &w);
		for (uint32_t j = 0; j < C; j++)
			sc[j] = s->bo[cand[j]] + cblas_sdot((int)(2 * d), w.v, 1,
			    s->Wo + (size_t)cand[j] * 2 * d, 1);
		loss += nn_bce_logits(sc, lab, C, ds);
		/* output layer */
		memset(w.dv, 0, 2 * d * sizeof *w.dv);
		for (uint32_t j = 0; j < C; j++) {
			const float *wo = s->Wo + (size_t)cand[j] * 2 * d;
			for (uint32_t q = 0; q < 2 * d; q++) {
				w.dv[q] += ds[j] * wo[q];
				w.tmp[q] = ds[j] * w.v[q];
			}
			nn_rows_add(rW, cand[j], w.tmp, 1);
			nn_rows_add(rb, cand[j], &ds[j], 1);
		}
		nn_rows_add(rP, u, w.dv + d, 1);
		memcpy(w.dz, w.dv, d * sizeof *w.dz);
		nn_act_bwd(NN_RELU, w.z, w.dz, d);
		nn_dense_bwd(s->Wfc, s->M, d, w.o, w.dz, 1, g + nn_net_offset(net, s->Wfc),
		    g + nn_net_offset(net, s->bfc), w.dov);
		/* vertical filters: dFv += dOv X^T, dX = Fv^T dOv */
		cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)s->nv, (int)L, (int)d,
		    1.0f, w.dov + (size_t)L * nh, (int)d, w.X, (int)d, 1.0f,
		    g + nn_net_offset(net, s->Fv), (int)L);
		cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)L, (int)d, (int)s->nv,
		    1.0f, s->Fv, (int)L, w.dov + (size_t)L * nh, (int)d, 0.0f, w.dX, (int)d);
		/* horizontal filters: the gradient reaches the max of each */
		for (uint32_t h = 0; h < L; h++) {
			uint32_t T = L - h;
			memset(w.dy, 0, (size_t)T * nh * sizeof *w.dy);
			for (uint32_t f = 0; f < nh; f++) {
				size_t at = (size_t)w.arg[h * nh + f] * nh + f;
				if (w.y[h][at] > 0)
					w.dy[at] = w.dov[h * nh + f];
			}
			nn_conv1d_bwd(s->K[h], L, d, h + 1, nh, w.col[h], w.dy,
			    g + nn_net_offset(net, s->K[h]), g + nn_net_offset(net, s->bk[h]),
			    w.dX, w.dcol);
		}
		for (uint32_t p = 0; p < L; p++)
			nn_rows_add(rE, w.items[p], w.dX + (size_t)p * d, 1);
	}
	cwork_free(&w, s);
	free(cand);
	free(sc);
	free(ds);
	free(lab);
	b->loss[chunk] = loss;
}


static double
caser_batch(rs_model *m, const uint32_t *ex, uint32_t n, uint64_t key, float *g,
    nn_rows *rows)
{
	struct caser *s = m->state;
	struct caser_batch b;

	memset(&b, 0, sizeof b);
	b.s = s;
	b.ex = ex;
	b.key = key;
	b.g = deep_grads_new(&s->core.net);
	nn_chunks_run(n, caser_chunk, &b, (size_t)n * s->M * s->d >= 100000);
	/* sparse arrays in net order: E, P, Wo, bo */
	return deep_grads_gather(&s->core.net, b.g, b.loss, &s->crow[0][0], 4, g,
	    rows);
}

/* ---- scoring ---- */

static void
caser_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct caser *s = m->state;
	int saved = fac_blas_serial_begin();

	#pragma omp parallel if (nu > 1)
	{
		struct cwork w;
		cwork_init(&w, s);
		#pragma omp for schedule(dynamic, 4)
		for (size_t j = 0; j < nu; j++) {
			const rs_imat *t = m->train;
			float *o = out + j * m->nitems;
			uint32_t u = users[j], *seq;
			uint64_t n;
			if (t == NULL || u >= t->nusers || u >= s->nusers) {
				memset(o, 0, m->nitems * sizeof *o);
				continue;
			}
			n = t->uptr[u + 1] - t->uptr[u];
			seq = xmalloc((n ? n : 1) * sizeof *seq);
			n = nn_user_history(t, u, seq);
			for (uint64_t k = 0; k < n; k++)
				seq[k] = seq[k] < s->nitems ? seq[k] : s->nitems;
			window(s, seq, n, &w);
			caser_fwd(s, u, &w);
			memcpy(o, s->bo, s->nitems * sizeof *o);
			cblas_sgemv(CblasRowMajor, CblasNoTrans, (int)s->nitems, (int)(2 * s->d), 1.0f,
			    s->Wo, (int)(2 * s->d), w.v, 1, 1.0f, o, 1);
			free(seq);
		}
		cwork_free(&w, s);
	}
	fac_blas_serial_end(saved);
}

static size_t
caser_explain(const rs_model *m, uint32_t user, uint32_t item, rs_reason *out,
    size_t max)
{
	const struct caser *s = m->state;

	return deep_explain_rows(m, s->E, s->d, s->d, user, item, out, max);
}

static size_t
caser_similar(const rs_model *m, uint32_t item, uint32_t *out, float *scores,
    size_t k)
{
	const struct caser *s = m->state;

	return deep_similar_rows(m, s->Wo, s->d, 2 * s->d, item, out, scores, k);
}

static int
caser_save(const rs_model *m, void **buf, size_t *len)
{
	const struct caser *s = m->state;
	uint32_t head[6] = { s->nusers, s->nitems, s->d, s->L, s->nh, s->nv };
	blob b = { 0 };

	deep_save_begin(&b, CASER_MAGIC, head, 6);
	nn_net_save(&s->core.net, &b);
	blob_take(&b, buf, len);
	return 0;
}

static int
caser_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	uint32_t head[6];
	blob_reader r;
	struct caser *s = NULL;
	bool ok;

	blob_reader_init(&r, buf, len);
	ok = deep_load_head(&r, CASER_MAGIC, head, 6) && head[0] == m->nusers &&
	    head[1] == m->nitems && head[2] >= 1 && head[2] <= 4096 && head[3] >= 1 &&
	    head[3] <= CASER_MAXL && head[4] >= 1 && head[4] <= 4096 && head[5] >= 1 &&
	    head[5] <= 4096;
	ok = ok && ((uint64_t)head[0] + 3 * (uint64_t)head[1]) * head[2] * 4 <= r.left;
	if (ok) {
		s = caser_new(head[0], head[1], head[2], head[3], head[4], head[5]);
		ok = nn_net_load(&s->core.net, &r) && r.left == 0;
	}
	if (!ok) {
		if (s != NULL) {
			nn_net_free(&s->core.net);
			free(s);
		}
		rs_error_set(err, RS_EPARSE, "model %s: the saved caser weights are damaged", m->name);
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
caser_update(rs_model *m, const rs_event *ev, size_t n, rs_error *err)
{
	const struct caser *s = m->state;
	const rs_imat *t = m->train;

	for (size_t j = 0; j < n; j++)
		if (isnan(ev[j].time)) {
			rs_error_set(err, RS_EINVAL,
			    "model %s (caser) orders each user's items by time: event %zu has none",
			    m->name, j + 1);
			return -1;
		}
	if (t->nitems > s->nitems) {
		rs_error_set(err, RS_EINVAL,
		    "model %s (caser) has no embedding for items it was not trained on: retrain it",
		    m->name);
		return -1;
	}
	if (t->nusers > s->nusers) {
		rs_error_set(err, RS_EINVAL,
		    "model %s (caser) has no user embedding for users it was not trained on: retrain it",
		    m->name);
		return -1;
	}
	return 0;
}

const rs_model_kind rs_kind_caser = {
	.name = "caser",
	.help = "Caser: convolutional sequence model — horizontal filters (heights 1..L, max "
	    "over time) and vertical filters over the embeddings of the user's last L items, a "
	    "dense layer, joined with a user embedding to score the next video (BCE with "
	    "sampled negatives). Needs a time column",
	.params = caser_params,
	.begin = caser_begin,
	.epoch = deep_epoch,
	.snapshot = deep_snapshot,
	.restore = deep_restore,
	.free_snapshot = deep_free_snapshot,
	.score = caser_score,
	.explain = caser_explain,
	.similar = caser_similar,
	.save = caser_save,
	.load = caser_load,
	.free_state = deep_free_state,
	.update = caser_update,
};
