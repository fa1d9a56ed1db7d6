/* ncf: NeuMF (He et al. 2017) — a GMF tower and an MLP tower over user and item embeddings, trained by BCE on sampled negatives. */
#include "config.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"	/* fac_blas_serial_* */
#include "model/nn/deep.h"
#include "util/xmalloc.h"

#define NCF_MAGIC 0x3146434eu	/* "NCF1" */
#define NCF_MAXL 8		/* MLP layers */
#define PURPOSE_INIT 0x4e4346ULL

static const rs_param_spec ncf_params[] = {
	{ "factors", RS_PARAM_INT, "32", 1, 4096, NULL, "GMF embedding size" },
	{ "layers", RS_PARAM_STR, "64,32,16", 0, 0, NULL,
	  "MLP layer sizes: the first is the input (user and item MLP embeddings, half each, so even), then the hidden layers" },
	{ "negatives", RS_PARAM_INT, "4", 1, 1000, NULL, "sampled negatives per positive" },
	{ "epochs", RS_PARAM_INT, "12", 1, 100000, NULL, "passes over the positives (train epochs= overrides)" },
	{ "batch", RS_PARAM_INT, "512", 1, 1000000, NULL, "positives per mini-batch" },
	{ "optimizer", RS_PARAM_ENUM, "adam", 0, -1, "adam|sgd", "Adam or plain SGD" },
	{ "lr", RS_PARAM_NUM, "0.002", 1e-9, 10, NULL, "learning rate" },
	{ "wd", RS_PARAM_NUM, "0", 0, 1, NULL, "decoupled weight decay per step (AdamW; L2 for sgd)" },
	{ "dropout", RS_PARAM_NUM, "0", 0, 0.95, NULL, "dropout on the MLP's hidden layers during training" },
	{ "init", RS_PARAM_NUM, "0.01", 0, 10, NULL, "standard deviation of the initial embeddings" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

struct ncf {
	deep_core core;
	uint32_t nusers, nitems, f, e;	/* GMF size, MLP embedding size */
	uint32_t nl;			/* hidden layers */
	uint32_t size[NCF_MAXL + 1];	/* size[0] = 2e, then the hidden ones */
	uint32_t negatives;
	float dropout;
	float *P, *Q;			/* nusers, nitems x (f + e) */
	float *W[NCF_MAXL], *b[NCF_MAXL];
	float *wo, *bo;			/* output: f + size[nl], 1 */
	/* training */
	const rs_imat *t;
	uint32_t *pu, *pi;		/* the positives */
};

/* Parse "a,b,c" (checked) into size[]; returns the count. */
static int
parse_layers(const rs_model *m, uint32_t *size, rs_error *err)
{
	static const char *const names[] = { "layers", NULL };
	const char *v = rs_model_param(m, "layers");
	int n = 0;

	if (nn_check_sizes(m, names, err) != 0)
		return -1;
	for (const char *p = v; *p != '\0';) {
		char *end;
		unsigned long x = strtoul(p, &end, 10);
		if (n == NCF_MAXL + 1) {
			rs_error_set(err, RS_EINVAL, "layers=%s: at most %d sizes", v, NCF_MAXL + 1);
			return -1;
		}
		size[n++] = (uint32_t)x;
		p = *end == ',' ? end + 1 : end;
	}
	if (n < 1 || size[0] % 2 != 0) {
		rs_error_set(err, RS_EINVAL,
		    "layers=%s: the first size is the MLP input, user and item halves, so it must be even",
		    v);
		return -1;
	}
	return n;
}

static void
ncf_free_extra(deep_core *c)
{
	struct ncf *s = (struct ncf *)c;

	free(s->pu);
	free(s->pi);
}

/* The net's arrays for the model's shape (weights zero). */
static struct ncf *
ncf_new(uint32_t nusers, uint32_t nitems, uint32_t f, const uint32_t *size,
    uint32_t nsizes)
{
	struct ncf *s = xcalloc(1, sizeof *s);
	nn_net *net = &s->core.net;
	uint32_t d;

	s->nusers = nusers;
	s->nitems = nitems;
	s->f = f;
	s->e = size[0] / 2;
	s->nl = nsizes - 1;
	memcpy(s->size, size, nsizes * sizeof *size);
	d = f + s->e;
	s->P = nn_net_add(net, "P", (size_t)nusers * d, nusers ? nusers : 1);
	s->Q = nn_net_add(net, "Q", (size_t)nitems * d, nitems ? nitems : 1);
	for (uint32_t l = 0; l < s->nl; l++) {
		s->W[l] = nn_net_add(net, "W", (size_t)size[l + 1] * size[l], 0);
		s->b[l] = nn_net_add(net, "b", size[l + 1], 0);
	}
	s->wo = nn_net_add(net, "wo", f + size[s->nl], 0);
	s->bo = nn_net_add(net, "bo", 1, 0);
	s->core.free_extra = ncf_free_extra;
	return s;
}

static double ncf_batch(rs_model *m, const uint32_t *ex, uint32_t n,
    uint64_t key, float *g, nn_rows *rows);

static int
ncf_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	uint32_t size[NCF_MAXL + 1];
	int ns = parse_layers(m, size, err);
	struct ncf *s;
	nn_net *net;

	if (ns < 0)
		return -1;
	s = ncf_new(t->nusers, t->nitems, (uint32_t)rs_model_param_num(m, "factors"),
	    size, (uint32_t)ns);
	net = &s->core.net;
	s->negatives = (uint32_t)rs_model_param_num(m, "negatives");
	s->dropout = (float)rs_model_param_num(m, "dropout");
	s->core.batch_fn = ncf_batch;
	s->core.batch = (uint32_t)rs_model_param_num(m, "batch");
	s->core.seed = ctx->seed;
	nn_opt_from_params(&s->core.opt, m);
	nn_init_normal(s->P, (size_t)t->nusers * (s->f + s->e), rs_model_param_num(m, "init"),
	    ctx->seed, PURPOSE_INIT + 1);
	nn_init_normal(s->Q, (size_t)t->nitems * (s->f + s->e), rs_model_param_num(m, "init"),
	    ctx->seed, PURPOSE_INIT + 2);
	for (uint32_t l = 0; l < s->nl; l++)
		nn_init_glorot(s->W[l], size[l + 1], size[l], ctx->seed, PURPOSE_INIT + 10 + l);
	/* the output starts as GMF and MLP summed with unit weights scaled like
	 * the paper's pretrained mix (0.5 each) */
	for (uint32_t k = 0; k < s->f + size[s->nl]; k++)
		s->wo[k] = 0.5f;
	(void)net;
	s->t = t;
	s->pu = xmalloc((t->nnz ? t->nnz : 1) * sizeof *s->pu);
	s->pi = xmalloc((t->nnz ? t->nnz : 1) * sizeof *s->pi);
	for (uint32_t u = 0; u < t->nusers; u++)
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
			s->pu[q] = u;
			s->pi[q] = t->uidx[q];
		}
	s->core.nexamples = (uint32_t)t->nnz;
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

/* ---- forward and backward of a batch ---- */

struct ncf_batch {
	rs_model *m;
	struct ncf *s;
	const uint32_t *ex;
	uint64_t key;
	float **g;			/* per chunk dense gradients */
	float *dP, *dQ;			/* per instance: d x (f + e) */
	uint32_t *iu, *ii;		/* per instance: user, item */
	double loss[NN_CHUNKS];
	bool train;
};

/* Who and what for examples lo..hi: the positive, then its negatives,
 * drawn from the example's own stream so a chunk's split does not change
 * them; 32 tries to miss the user's positives. */
static void
ncf_instances(const struct ncf_batch *b, uint32_t lo, uint32_t hi, uint32_t *iu,
    uint32_t *ii)
{
	const struct ncf *s = b->s;
	const uint32_t per = 1 + s->negatives;

	for (uint32_t k = lo; k < hi; k++) {
		uint32_t x = b->ex[k], u = s->pu[x];
		rnd_gen r = rnd_stream(s->core.seed ^ b->key, 0x4e4547, x);
		iu[(k - lo) * per] = u;
		ii[(k - lo) * per] = s->pi[x];
		for (uint32_t j = 1; j < per; j++) {
			uint32_t it = 0;
			for (int tries = 0; tries < 32; tries++) {
				it = rnd_below(&r, s->nitems);
				if (!nn_is_positive(s->t, u, it))
					break;
			}
			iu[(k - lo) * per + j] = u;
			ii[(k - lo) * per + j] = it;
		}
	}
}

/* Instances lo..hi of the batch: example k gives instances k(1+neg) ... */
static void
ncf_chunk(void *vctx, uint32_t chunk, uint32_t lo, uint32_t hi)
{
	struct ncf_batch *b = vctx;
	struct ncf *s = b->s;
	const uint32_t f = s->f, e = s->e, d = f + e, per = 1 + s->negatives;
	const uint32_t n = (hi - lo) * per, top = s->size[s->nl];
	nn_net *net = &s->core.net;
	float *g = b->g[chunk];
	float *gmf, *y, *ds, *act[NCF_MAXL + 1], *mask[NCF_MAXL], *dh, *dh2;
	uint32_t *iu = b->iu + (size_t)lo * per, *ii = b->ii + (size_t)lo * per;
	size_t widest = 0;
	double loss;

	if (n == 0) {
		b->loss[chunk] = 0;
		return;
	}
	for (uint32_t l = 0; l <= s->nl; l++)
		widest = s->size[l] > widest ? s->size[l] : widest;
	ncf_instances(b, lo, hi, iu, ii);
	gmf = xmalloc((size_t)n * f * sizeof *gmf);
	y = xmalloc(n * sizeof *y);
	ds = xmalloc(n * sizeof *ds);
	for (uint32_t l = 0; l <= s->nl; l++)
		act[l] = xmalloc((size_t)n * s->size[l] * sizeof *act[l]);
	for (uint32_t l = 0; l < s->nl; l++)
		mask[l] = s->dropout > 0 && b->train ?
		    xmalloc((size_t)n * s->size[l + 1] * sizeof *mask[l]) : NULL;
	dh = xmalloc((size_t)n * widest * sizeof *dh);
	dh2 = xmalloc((size_t)n * widest * sizeof *dh2);
	/* forward */
	for (uint32_t k = 0; k < n; k++) {
		const float *p = s->P + (size_t)iu[k] * d, *q = s->Q + (size_t)ii[k] * d;
		float *o = gmf + (size_t)k * f, *x0 = act[0] + (size_t)k * 2 * e;
		for (uint32_t j = 0; j < f; j++)
			o[j] = p[j] * q[j];
		memcpy(x0, p + f, e * sizeof *x0);
		memcpy(x0 + e, q + f, e * sizeof *x0);
	}
	for (uint32_t l = 0; l < s->nl; l++) {
		size_t sz = (size_t)n * s->size[l + 1];
		nn_dense_fwd(s->W[l], s->b[l], s->size[l], s->size[l + 1], act[l], n, act[l + 1]);
		nn_act_fwd(NN_RELU, act[l + 1], sz);
		if (mask[l] != NULL) {
			rnd_gen r = rnd_stream(s->core.seed ^ b->key, 0x44524f50 + l, chunk);
			nn_dropout_fwd(act[l + 1], mask[l], sz, s->dropout, &r);
		}
	}
	for (uint32_t k = 0; k < n; k++) {
		const float *o = gmf + (size_t)k * f, *h = act[s->nl] + (size_t)k * top;
		float v = s->bo[0];
		for (uint32_t j = 0; j < f; j++)
			v += s->wo[j] * o[j];
		for (uint32_t j = 0; j < top; j++)
			v += s->wo[f + j] * h[j];
		y[k] = v;
	}
	{
		float *lab = xmalloc(n * sizeof *lab);
		for (uint32_t k = 0; k < n; k++)
			lab[k] = k % per == 0 ? 1.0f : 0.0f;
		loss = nn_bce_logits(y, lab, n, ds);
		free(lab);
	}
	/* backward: output layer */
	{
		float *gwo = g + nn_net_offset(net, s->wo), *gbo = g + nn_net_offset(net, s->bo);
		for (uint32_t k = 0; k < n; k++) {
			const float *o = gmf + (size_t)k * f, *h = act[s->nl] + (size_t)k * top;
			float *dt = dh + (size_t)k * top;
			gbo[0] += ds[k];
			for (uint32_t j = 0; j < f; j++)
				gwo[j] += ds[k] * o[j];
			for (uint32_t j = 0; j < top; j++) {
				gwo[f + j] += ds[k] * h[j];
				dt[j] = ds[k] * s->wo[f + j];
			}
		}
	}
	for (uint32_t l = s->nl; l-- > 0;) {
		size_t sz = (size_t)n * s->size[l + 1];
		float *tmp;
		if (mask[l] != NULL)
			nn_dropout_bwd(dh, mask[l], sz);
		nn_act_bwd(NN_RELU, act[l + 1], dh, sz);
		nn_dense_bwd(s->W[l], s->size[l], s->size[l + 1], act[l], dh, n,
		    g + nn_net_offset(net, s->W[l]), g + nn_net_offset(net, s->b[l]), dh2);
		tmp = dh;
		dh = dh2;
		dh2 = tmp;
	}
	/* dh is now d x0 (n x 2e): the embedding rows' gradients */
	for (uint32_t k = 0; k < n; k++) {
		const float *p = s->P + (size_t)iu[k] * d, *q = s->Q + (size_t)ii[k] * d;
		float *gp = b->dP + ((size_t)lo * per + k) * d, *gq = b->dQ + ((size_t)lo * per + k) * d;
		const float *dx = dh + (size_t)k * 2 * e;
		for (uint32_t j = 0; j < f; j++) {
			float dg = ds[k] * s->wo[j];
			gp[j] = dg * q[j];
			gq[j] = dg * p[j];
		}
		memcpy(gp + f, dx, e * sizeof *gp);
		memcpy(gq + f, dx + e, e * sizeof *gq);
	}
	free(gmf);
	free(y);
	free(ds);
	for (uint32_t l = 0; l <= s->nl; l++)
		free(act[l]);
	for (uint32_t l = 0; l < s->nl; l++)
		free(mask[l]);
	free(dh);
	free(dh2);
	b->loss[chunk] = loss;
}

static double
ncf_batch(rs_model *m, const uint32_t *ex, uint32_t n, uint64_t key, float *g,
    nn_rows *rows)
{
	struct ncf *s = m->state;
	const uint32_t d = s->f + s->e, per = 1 + s->negatives;
	const size_t ni = (size_t)n * per;
	struct ncf_batch b;
	double loss = 0;

	memset(&b, 0, sizeof b);
	b.m = m;
	b.s = s;
	b.ex = ex;
	b.key = key;
	b.train = true;
	b.g = deep_grads_new(&s->core.net);
	b.dP = xmalloc((ni ? ni : 1) * d * sizeof *b.dP);
	b.dQ = xmalloc((ni ? ni : 1) * d * sizeof *b.dQ);
	b.iu = xmalloc((ni ? ni : 1) * sizeof *b.iu);
	b.ii = xmalloc((ni ? ni : 1) * sizeof *b.ii);
	nn_chunks_run(n, ncf_chunk, &b, ni * (d + s->size[0]) >= 20000);
	loss = deep_grads_gather(&s->core.net, b.g, b.loss, NULL, 0, g, rows);
	for (size_t k = 0; k < ni; k++) {
		nn_rows_add(&rows[0], b.iu[k], b.dP + k * d, 1.0f);
		nn_rows_add(&rows[1], b.ii[k], b.dQ + k * d, 1.0f);
	}
	free(b.dP);
	free(b.dQ);
	free(b.iu);
	free(b.ii);
	return loss;
}

/* ---- scoring ---- */

static void
ncf_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct ncf *s = m->state;
	const uint32_t f = s->f, e = s->e, d = f + e, ni = s->nitems, h1 = s->size[1];
	float *A, *qm, *W1u, *W1i;
	int saved;

	if (ni == 0 || nu == 0)
		return;
	/* the item half of the first layer, once: A = Qm W1i^T */
	qm = xmalloc((size_t)ni * e * sizeof *qm);
	for (uint32_t i = 0; i < ni; i++)
		memcpy(qm + (size_t)i * e, s->Q + (size_t)i * d + f, e * sizeof *qm);
	W1u = xmalloc((size_t)(s->nl ? h1 : 1) * e * sizeof *W1u);
	W1i = xmalloc((size_t)(s->nl ? h1 : 1) * e * sizeof *W1i);
	A = NULL;
	if (s->nl > 0) {
		for (uint32_t r = 0; r < h1; r++) {
			memcpy(W1u + (size_t)r * e, s->W[0] + (size_t)r * 2 * e, e * sizeof *W1u);
			memcpy(W1i + (size_t)r * e, s->W[0] + (size_t)r * 2 * e + e, e * sizeof *W1i);
		}
		A = xmalloc((size_t)ni * h1 * sizeof *A);
		nn_dense_fwd(W1i, s->b[0], e, h1, qm, ni, A);
	}
	saved = fac_blas_serial_begin();
	#pragma omp parallel if (nu > 1)
	{
		size_t widest = 1;
		float *cu, *x, *xn;
		for (uint32_t l = 0; l <= s->nl; l++)
			widest = s->size[l] > widest ? s->size[l] : widest;
		widest = f > widest ? f : widest;
		cu = xmalloc(widest * sizeof *cu);
		x = xmalloc((size_t)ni * widest * sizeof *x);
		xn = xmalloc((size_t)ni * widest * sizeof *xn);
		#pragma omp for schedule(dynamic, 1)
		for (size_t j = 0; j < nu; j++) {
			float *o = out + j * ni;
			uint32_t u = users[j], top;
			const float *p;
			float *cur = x, *nxt = xn, *tmp;
			if (u >= s->nusers) {
				memset(o, 0, ni * sizeof *o);
				continue;
			}
			p = s->P + (size_t)u * d;
			if (s->nl > 0) {
				nn_dense_fwd(W1u, NULL, e, h1, p + f, 1, cu);
				for (uint32_t i = 0; i < ni; i++) {
					const float *a = A + (size_t)i * h1;
					float *c = cur + (size_t)i * h1;
					for (uint32_t r = 0; r < h1; r++) {
						float v = a[r] + cu[r];
						c[r] = v > 0 ? v : 0;
					}
				}
				for (uint32_t l = 1; l < s->nl; l++) {
					nn_dense_fwd(s->W[l], s->b[l], s->size[l], s->size[l + 1], cur, ni, nxt);
					nn_act_fwd(NN_RELU, nxt, (size_t)ni * s->size[l + 1]);
					tmp = cur;
					cur = nxt;
					nxt = tmp;
				}
				top = s->size[s->nl];
				/* MLP part: h . wo[f..] */
				cblas_sgemv(CblasRowMajor, CblasNoTrans, (int)ni, (int)top, 1.0f, cur,
				    (int)top, s->wo + f, 1, 0.0f, o, 1);
			} else {
				/* no hidden layer: the input itself meets wo */
				for (uint32_t i = 0; i < ni; i++) {
					const float *q = s->Q + (size_t)i * d + f;
					float v = 0;
					for (uint32_t r = 0; r < e; r++)
						v += s->wo[f + r] * p[f + r] + s->wo[f + e + r] * q[r];
					o[i] = v;
				}
			}
			/* GMF part: (wo[..f] * p_g) . q_g */
			for (uint32_t r = 0; r < f; r++)
				cu[r] = s->wo[r] * p[r];
			cblas_sgemv(CblasRowMajor, CblasNoTrans, (int)ni, (int)f, 1.0f, s->Q, (int)d,
			    cu, 1, 1.0f, o, 1);
			for (uint32_t i = 0; i < ni; i++)
				o[i] += s->bo[0];
		}
		free(cu);
		free(x);
		free(xn);
	}
	fac_blas_serial_end(saved);
	free(qm);
	free(W1u);
	free(W1i);
	free(A);
}

static size_t
ncf_explain(const rs_model *m, uint32_t user, uint32_t item, rs_reason *out,
    size_t max)
{
	const struct ncf *s = m->state;

	return deep_explain_rows(m, s->Q, s->f + s->e, s->f + s->e, user, item, out, max);
}

static size_t
ncf_similar(const rs_model *m, uint32_t item, uint32_t *out, float *scores,
    size_t k)
{
	const struct ncf *s = m->state;

	return deep_similar_rows(m, s->Q, s->f + s->e, s->f + s->e, item, out, scores, k);
}

/* Saved: magic, users, items, f, the layer sizes, then the weights. */
static int
ncf_save(const rs_model *m, void **buf, size_t *len)
{
	const struct ncf *s = m->state;
	uint32_t head[4 + NCF_MAXL + 1];
	blob b = { 0 };

	head[0] = s->nusers;
	head[1] = s->nitems;
	head[2] = s->f;
	head[3] = s->nl + 1;
	memset(head + 4, 0, sizeof head - 4 * sizeof *head);
	memcpy(head + 4, s->size, (s->nl + 1) * sizeof *head);
	deep_save_begin(&b, NCF_MAGIC, head, 4 + NCF_MAXL + 1);
	nn_net_save(&s->core.net, &b);
	blob_take(&b, buf, len);
	return 0;
}

static int
ncf_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	uint32_t head[4 + NCF_MAXL + 1];
	blob_reader r;
	struct ncf *s = NULL;
	bool ok;

	blob_reader_init(&r, buf, len);
	ok = deep_load_head(&r, NCF_MAGIC, head, 4 + NCF_MAXL + 1) &&
	    head[3] >= 1 && head[3] <= NCF_MAXL + 1 && head[2] >= 1 && head[2] <= 4096 &&
	    head[4] % 2 == 0 && head[0] == m->nusers && head[1] == m->nitems;
	for (uint32_t l = 0; ok && l < head[3]; l++)
		ok = head[4 + l] >= 1 && head[4 + l] <= 65536;
	/* the embeddings alone take this many bytes: refuse before allocating */
	ok = ok && ((uint64_t)head[0] + head[1]) * (head[2] + head[4] / 2) * 4 <= r.left;
	if (ok) {
		s = ncf_new(head[0], head[1], head[2], head + 4, head[3]);
		ok = nn_net_load(&s->core.net, &r) && r.left == 0;
	}
	if (!ok) {
		if (s != NULL) {
			nn_net_free(&s->core.net);
			free(s);
		}
		rs_error_set(err, RS_EPARSE, "model %s: the saved ncf weights are damaged", m->name);
		return -1;
	}
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

const rs_model_kind rs_kind_ncf = {
	.name = "ncf",
	.help = "NeuMF (neural collaborative filtering): a GMF tower (p_u * q_i) and an MLP tower "
	    "over user and item embeddings joined by one output unit, trained by binary "
	    "cross-entropy on each positive and sampled negatives with Adam or SGD; defaults "
	    "chosen on MovieLens 100K's u1.base (20% of each user's rows held out)",
	.params = ncf_params,
	.begin = ncf_begin,
	.epoch = deep_epoch,
	.snapshot = deep_snapshot,
	.restore = deep_restore,
	.free_snapshot = deep_free_snapshot,
	.score = ncf_score,
	.explain = ncf_explain,
	.similar = ncf_similar,
	.save = ncf_save,
	.load = ncf_load,
	.free_state = deep_free_state,
};
