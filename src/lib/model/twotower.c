/* twotower: a user tower over the user's id and interest profile and an item tower over content features only, so new videos get scores. */
#include "config.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"	/* fac_blas_serial_* */
#include "model/nn/deep.h"
#include "reelscope/features.h"
#include "util/xmalloc.h"

#define TT_MAGIC 0x31575454u	/* "TTW1" */
#define PURPOSE_INIT 0x5454ULL

static const rs_param_spec tt_params[] = {
	{ "hidden", RS_PARAM_INT, "128", 1, 65536, NULL, "hidden units of each tower" },
	{ "dim", RS_PARAM_INT, "64", 1, 4096, NULL, "output size of the towers (score = user . item)" },
	{ "profile", RS_PARAM_INT, "64", 1, 100000, NULL,
	  "features kept in a user's interest profile (the largest)" },
	{ "negatives", RS_PARAM_INT, "64", 1, 100000, NULL,
	  "negatives sampled per chunk of the batch (softmax over the positive and them)" },
	{ "epochs", RS_PARAM_INT, "10", 1, 100000, NULL, "passes over the positives (train epochs= overrides)" },
	{ "batch", RS_PARAM_INT, "256", 1, 1000000, NULL, "positives per mini-batch" },
	{ "optimizer", RS_PARAM_ENUM, "adam", 0, -1, "adam|sgd", "Adam or plain SGD" },
	{ "lr", RS_PARAM_NUM, "0.001", 1e-9, 10, NULL, "learning rate" },
	{ "wd", RS_PARAM_NUM, "0", 0, 1, NULL, "decoupled weight decay per step (AdamW; L2 for sgd)" },
	{ "init", RS_PARAM_NUM, "0.05", 0, 10, NULL, "standard deviation of the initial embeddings" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

/* A sparse matrix with unit rows (items' features, users' profiles). */
struct tt_csr {
	uint32_t nrows;
	uint64_t *ptr;
	uint32_t *col;
	float *val;
};

struct tt {
	deep_core core;
	uint32_t nusers, nitems, ncols, H, d;
	struct tt_csr x;		/* item features */
	struct tt_csr prof;		/* user profiles */
	float *P;			/* nusers x H user ids (sparse) */
	float *Fu, *Fi;			/* ncols x H: feature embeddings per tower (sparse) */
	float *bu1, *bi1, *Wu2, *bu2, *Wi2, *bi2;
	float *ucache, *icache;		/* nusers x d, nitems x d */
	/* training */
	const rs_imat *t;
	uint32_t negatives;
	uint32_t *pu, *pi;
	nn_rows crow[NN_CHUNKS][3];	/* P, Fu, Fi */
};

static void
csr_free(struct tt_csr *m)
{
	free(m->ptr);
	free(m->col);
	free(m->val);
	memset(m, 0, sizeof *m);
}

static void
tt_free_extra(deep_core *c)
{
	struct tt *s = (struct tt *)c;

	csr_free(&s->x);
	csr_free(&s->prof);
	free(s->ucache);
	free(s->icache);
	free(s->pu);
	free(s->pi);
	for (int k = 0; k < NN_CHUNKS; k++)
		for (int j = 0; j < 3; j++)
			if (s->crow[k][j].slot != NULL)
				nn_rows_free(&s->crow[k][j]);
}

/* One tower's first layer for a sparse row: pre = b + sum val * F[col]
 * (+ id when given). */
static void
tower_pre(const float *F, const float *b, uint32_t H, const struct tt_csr *m,
    uint32_t row, const float *id, float *pre)
{
	memcpy(pre, b, H * sizeof *pre);
	if (id != NULL)
		for (uint32_t j = 0; j < H; j++)
			pre[j] += id[j];
	for (uint64_t q = m->ptr[row]; q < m->ptr[row + 1]; q++) {
		const float *f = F + (size_t)m->col[q] * H;
		float v = m->val[q];
		for (uint32_t j = 0; j < H; j++)
			pre[j] += v * f[j];
	}
}

/* out (n x d) of n rows of one tower; act (n x H) keeps the hidden layer. */
static void
tower_fwd(const struct tt *s, bool user, const uint32_t *rows, uint32_t n,
    float *act, float *out)
{
	const uint32_t H = s->H;

	for (uint32_t k = 0; k < n; k++) {
		float *a = act + (size_t)k * H;
		if (user)
			tower_pre(s->Fu, s->bu1, H, &s->prof, rows[k], s->P + (size_t)rows[k] * H, a);
		else
			tower_pre(s->Fi, s->bi1, H, &s->x, rows[k], NULL, a);
	}
	nn_act_fwd(NN_RELU, act, (size_t)n * H);
	nn_dense_fwd(user ? s->Wu2 : s->Wi2, user ? s->bu2 : s->bi2, H, s->d, act, n, out);
}

/* Backward of one tower given dout (n x d); dact is scratch (n x H). */
static void
tower_bwd(struct tt *s, bool user, const uint32_t *rows, uint32_t n,
    const float *act, const float *dout, float *dact, float *g, nn_rows *rid,
    nn_rows *rf)
{
	nn_net *net = &s->core.net;
	const uint32_t H = s->H;
	const struct tt_csr *m = user ? &s->prof : &s->x;
	float *b1g = g + nn_net_offset(net, user ? s->bu1 : s->bi1);

	nn_dense_bwd(user ? s->Wu2 : s->Wi2, H, s->d, act, dout, n,
	    g + nn_net_offset(net, user ? s->Wu2 : s->Wi2),
	    g + nn_net_offset(net, user ? s->bu2 : s->bi2), dact);
	nn_act_bwd(NN_RELU, act, dact, (size_t)n * H);
	for (uint32_t k = 0; k < n; k++) {
		const float *da = dact + (size_t)k * H;
		for (uint32_t j = 0; j < H; j++)
			b1g[j] += da[j];
		if (user)
			nn_rows_add(rid, rows[k], da, 1);
		for (uint64_t q = m->ptr[rows[k]]; q < m->ptr[rows[k] + 1]; q++)
			nn_rows_add(rf, m->col[q], da, m->val[q]);
	}
}

static void
tt_refresh(deep_core *c)
{
	struct tt *s = (struct tt *)c;
	bool par = ((size_t)s->nusers + s->nitems) * s->H * (s->d + 8) >= 200000;
	int saved = par ? fac_blas_serial_begin() : 1;

	#pragma omp parallel if (par)
	{
		float *act = xmalloc((size_t)s->H * sizeof *act);
		#pragma omp for schedule(static)
		for (uint32_t u = 0; u < s->nusers; u++)
			tower_fwd(s, true, &u, 1, act, s->ucache + (size_t)u * s->d);
		#pragma omp for schedule(static)
		for (uint32_t i = 0; i < s->nitems; i++)
			tower_fwd(s, false, &i, 1, act, s->icache + (size_t)i * s->d);
		free(act);
	}
	if (par)
		fac_blas_serial_end(saved);
}

static struct tt *
tt_new(uint32_t nusers, uint32_t nitems, uint32_t ncols, uint32_t H, uint32_t d)
{
	struct tt *s = xcalloc(1, sizeof *s);
	nn_net *net = &s->core.net;

	s->nusers = nusers;
	s->nitems = nitems;
	s->ncols = ncols;
	s->H = H;
	s->d = d;
	s->P = nn_net_add(net, "P", (size_t)nusers * H, nusers ? nusers : 1);
	s->Fu = nn_net_add(net, "Fu", (size_t)ncols * H, ncols ? ncols : 1);
	s->Fi = nn_net_add(net, "Fi", (size_t)ncols * H, ncols ? ncols : 1);
	s->bu1 = nn_net_add(net, "bu1", H, 0);
	s->bi1 = nn_net_add(net, "bi1", H, 0);
	s->Wu2 = nn_net_add(net, "Wu2", (size_t)d * H, 0);
	s->bu2 = nn_net_add(net, "bu2", d, 0);
	s->Wi2 = nn_net_add(net, "Wi2", (size_t)d * H, 0);
	s->bi2 = nn_net_add(net, "bi2", d, 0);
	s->ucache = xcalloc((size_t)(nusers ? nusers : 1) * d, sizeof *s->ucache);
	s->icache = xcalloc((size_t)(nitems ? nitems : 1) * d, sizeof *s->icache);
	s->core.free_extra = tt_free_extra;
	s->core.refresh = tt_refresh;
	return s;
}

struct fv {
	uint32_t col;
	float val;
};

static int
cmp_fv_val(const void *a, const void *b)
{
	const struct fv *x = a, *y = b;

	if (x->val != y->val)
		return x->val > y->val ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

static int
cmp_fv_col(const void *a, const void *b)
{
	const struct fv *x = a, *y = b;

	return (x->col > y->col) - (x->col < y->col);
}

/* Each user's profile: the sum of the unit feature rows of its training
 * items, the largest keep entries, scaled to unit length. */
static void
build_profiles(struct tt *s, const rs_imat *t, uint32_t keep)
{
	float *acc = xcalloc(s->ncols ? s->ncols : 1, sizeof *acc);
	struct fv *buf = xmalloc((s->ncols ? s->ncols : 1) * sizeof *buf);
	uint32_t *seen = xmalloc((s->ncols ? s->ncols : 1) * sizeof *seen);
	size_t cap = 1024, nnz = 0;

	s->prof.nrows = s->nusers;
	s->prof.ptr = xcalloc((size_t)s->nusers + 1, sizeof *s->prof.ptr);
	s->prof.col = xmalloc(cap * sizeof *s->prof.col);
	s->prof.val = xmalloc(cap * sizeof *s->prof.val);
	for (uint32_t u = 0; u < s->nusers; u++) {
		uint32_t ns = 0, n;
		double norm = 0;
		for (uint64_t q = t->uptr[u]; u < t->nusers && q < t->uptr[u + 1]; q++) {
			uint32_t i = t->uidx[q];
			for (uint64_t p = s->x.ptr[i]; p < s->x.ptr[i + 1]; p++) {
				if (acc[s->x.col[p]] == 0)
					seen[ns++] = s->x.col[p];
				acc[s->x.col[p]] += s->x.val[p];
			}
		}
		n = 0;
		for (uint32_t k = 0; k < ns; k++) {
			if (acc[seen[k]] > 0) {
				buf[n].col = seen[k];
				buf[n++].val = acc[seen[k]];
			}
			acc[seen[k]] = 0;
		}
		qsort(buf, n, sizeof *buf, cmp_fv_val);
		n = n < keep ? n : keep;
		qsort(buf, n, sizeof *buf, cmp_fv_col);
		for (uint32_t k = 0; k < n; k++)
			norm += (double)buf[k].val * buf[k].val;
		norm = sqrt(norm);
		if (nnz + n > cap) {
			cap = 2 * (nnz + n);
			s->prof.col = xrealloc(s->prof.col, cap * sizeof *s->prof.col);
			s->prof.val = xrealloc(s->prof.val, cap * sizeof *s->prof.val);
		}
		for (uint32_t k = 0; k < n; k++) {
			s->prof.col[nnz] = buf[k].col;
			s->prof.val[nnz++] = (float)(buf[k].val / norm);
		}
		s->prof.ptr[u + 1] = nnz;
	}
	free(acc);
	free(buf);
	free(seen);
}

static double tt_batch(rs_model *m, const uint32_t *ex, uint32_t n,
    uint64_t key, float *g, nn_rows *rows);

static int
tt_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	const rs_features *f = ctx->features;
	double init = rs_model_param_num(m, "init");
	struct tt *s;
	uint64_t nnz = 0;

	if (f == NULL) {
		rs_error_set(err, RS_ESTATE,
		    "the twotower model's item tower reads item features: run features first");
		return -1;
	}
	if (f->nitems != t->nitems) {
		rs_error_set(err, RS_ESTATE,
		    "the item features cover %u items but the data has %u: run features again",
		    f->nitems, t->nitems);
		return -1;
	}
	s = tt_new(t->nusers, t->nitems, f->ncols, (uint32_t)rs_model_param_num(m, "hidden"),
	    (uint32_t)rs_model_param_num(m, "dim"));
	/* item rows scaled to unit length */
	s->x.nrows = t->nitems;
	s->x.ptr = xcalloc((size_t)t->nitems + 1, sizeof *s->x.ptr);
	s->x.col = xmalloc((rs_csr_nnz(&f->x) ? rs_csr_nnz(&f->x) : 1) * sizeof *s->x.col);
	s->x.val = xmalloc((rs_csr_nnz(&f->x) ? rs_csr_nnz(&f->x) : 1) * sizeof *s->x.val);
	for (uint32_t i = 0; i < t->nitems; i++) {
		double norm = 0;
		uint64_t first = nnz;
		for (uint64_t q = f->x.ptr[i]; q < f->x.ptr[i + 1]; q++)
			if (f->x.val[q] != 0) {
				s->x.col[nnz] = f->x.col[q];
				s->x.val[nnz++] = f->x.val[q];
				norm += (double)f->x.val[q] * f->x.val[q];
			}
		for (uint64_t q = first; q < nnz; q++)
			s->x.val[q] = (float)(s->x.val[q] / sqrt(norm));
		s->x.ptr[i + 1] = nnz;
	}
	build_profiles(s, t, (uint32_t)rs_model_param_num(m, "profile"));
	s->negatives = (uint32_t)rs_model_param_num(m, "negatives");
	s->t = t;
	s->core.batch_fn = tt_batch;
	s->core.batch = (uint32_t)rs_model_param_num(m, "batch");
	s->core.seed = ctx->seed;
	nn_opt_from_params(&s->core.opt, m);
	nn_init_normal(s->P, (size_t)s->nusers * s->H, init, ctx->seed, PURPOSE_INIT + 1);
	nn_init_normal(s->Fu, (size_t)s->ncols * s->H, init, ctx->seed, PURPOSE_INIT + 2);
	nn_init_normal(s->Fi, (size_t)s->ncols * s->H, init, ctx->seed, PURPOSE_INIT + 3);
	nn_init_glorot(s->Wu2, s->d, s->H, ctx->seed, PURPOSE_INIT + 4);
	nn_init_glorot(s->Wi2, s->d, s->H, ctx->seed, PURPOSE_INIT + 5);
	s->pu = xmalloc((t->nnz ? t->nnz : 1) * sizeof *s->pu);
	s->pi = xmalloc((t->nnz ? t->nnz : 1) * sizeof *s->pi);
	for (uint32_t u = 0; u < t->nusers; u++)
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
			s->pu[q] = u;
			s->pi[q] = t->uidx[q];
		}
	s->core.nexamples = (uint32_t)t->nnz;
	for (int k = 0; k < NN_CHUNKS; k++) {
		nn_rows_init(&s->crow[k][0], s->nusers, s->H);
		nn_rows_init(&s->crow[k][1], s->ncols, s->H);
		nn_rows_init(&s->crow[k][2], s->ncols, s->H);
	}
	tt_refresh(&s->core);
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

struct tt_batch {
	struct tt *s;
	const uint32_t *ex;
	uint64_t key;
	float **g;
	double loss[NN_CHUNKS];
};

/* Rows lo..hi: softmax of u . i against u . j for the chunk's negatives. */
static void
tt_chunk(void *vctx, uint32_t chunk, uint32_t lo, uint32_t hi)
{
	struct tt_batch *b = vctx;
	struct tt *s = b->s;
	const uint32_t n = hi - lo, S = s->negatives, H = s->H, d = s->d, C = 1 + S;
	uint32_t *us, *is;
	float *ua, *uo, *ia, *io, *logit, *ds, *du, *di, *dact;
	rnd_gen r = rnd_stream(s->core.seed ^ b->key, 0x5454, chunk);
	double loss = 0;

	b->loss[chunk] = 0;
	if (n == 0)
		return;
	us = xmalloc(n * sizeof *us);
	is = xmalloc(((size_t)n + S) * sizeof *is);	/* positives, then negatives */
	for (uint32_t k = 0; k < n; k++) {
		us[k] = s->pu[b->ex[lo + k]];
		is[k] = s->pi[b->ex[lo + k]];
	}
	for (uint32_t j = 0; j < S; j++)
		is[n + j] = rnd_below(&r, s->nitems);
	ua = xmalloc((size_t)n * H * sizeof *ua);
	uo = xmalloc((size_t)n * d * sizeof *uo);
	ia = xmalloc(((size_t)n + S) * H * sizeof *ia);
	io = xmalloc(((size_t)n + S) * d * sizeof *io);
	logit = xmalloc((size_t)n * C * sizeof *logit);
	ds = xmalloc((size_t)n * C * sizeof *ds);
	du = xcalloc((size_t)n * d, sizeof *du);
	di = xcalloc(((size_t)n + S) * d, sizeof *di);
	dact = xmalloc(((size_t)n + S) * H * sizeof *dact);
	tower_fwd(s, true, us, n, ua, uo);
	tower_fwd(s, false, is, n + S, ia, io);
	/* logits: the positive, then u . negatives */
	cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)n, (int)S, (int)d, 1.0f,
	    uo, (int)d, io + (size_t)n * d, (int)d, 0.0f, logit, (int)C);
	for (uint32_t k = 0; k < n; k++) {
		float *lg = logit + (size_t)k * C, *dk = ds + (size_t)k * C;
		/* the sgemm wrote row k's negatives at lg[0..S): move them one on */
		memmove(lg + 1, lg, S * sizeof *lg);
		lg[0] = cblas_sdot((int)d, uo + (size_t)k * d, 1, io + (size_t)k * d, 1);
		for (uint32_t j = 0; j < S; j++)
			if (is[n + j] == is[k] || nn_is_positive(s->t, us[k], is[n + j]))
				lg[1 + j] = -1e9f;
		loss += nn_softmax_xent(lg, C, 0, dk);
	}
	/* du = ds_pos * i + dS_neg * I_neg; di_pos = ds_pos * u; dI_neg = dS^T U */
	for (uint32_t k = 0; k < n; k++) {
		const float *dk = ds + (size_t)k * C;
		for (uint32_t j = 0; j < d; j++) {
			du[(size_t)k * d + j] = dk[0] * io[(size_t)k * d + j];
			di[(size_t)k * d + j] = dk[0] * uo[(size_t)k * d + j];
		}
	}
	cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)n, (int)d, (int)S, 1.0f,
	    ds + 1, (int)C, io + (size_t)n * d, (int)d, 1.0f, du, (int)d);
	cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)S, (int)d, (int)n, 1.0f,
	    ds + 1, (int)C, uo, (int)d, 0.0f, di + (size_t)n * d, (int)d);
	tower_bwd(s, true, us, n, ua, du, dact, b->g[chunk], &s->crow[chunk][0],
	    &s->crow[chunk][1]);
	tower_bwd(s, false, is, n + S, ia, di, dact, b->g[chunk], NULL, &s->crow[chunk][2]);
	free(us);
	free(is);
	free(ua);
	free(uo);
	free(ia);
	free(io);
	free(logit);
	free(ds);
	free(du);
	free(di);
	free(dact);
	b->loss[chunk] = loss;
}


static double
tt_batch(rs_model *m, const uint32_t *ex, uint32_t n, uint64_t key, float *g,
    nn_rows *rows)
{
	struct tt *s = m->state;
	struct tt_batch b;

	memset(&b, 0, sizeof b);
	b.s = s;
	b.ex = ex;
	b.key = key;
	b.g = deep_grads_new(&s->core.net);
	nn_chunks_run(n, tt_chunk, &b, (size_t)(n + s->negatives) * s->H * s->d >= 100000);
	/* sparse arrays in net order: P, Fu, Fi */
	return deep_grads_gather(&s->core.net, b.g, b.loss, &s->crow[0][0], 3, g,
	    rows);
}

static void
tt_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct tt *s = m->state;

	for (size_t j = 0; j < nu; j++) {
		float *o = out + j * m->nitems;
		if (users[j] >= s->nusers) {
			memset(o, 0, m->nitems * sizeof *o);
			continue;
		}
		cblas_sgemv(CblasRowMajor, CblasNoTrans, (int)s->nitems, (int)s->d, 1.0f,
		    s->icache, (int)s->d, s->ucache + (size_t)users[j] * s->d, 1, 0.0f, o, 1);
	}
}

/* Similar and explain read the item tower's outputs: items nobody watched
 * have them too, but similar leaves them out as the other kinds do. */
static size_t
tt_explain(const rs_model *m, uint32_t user, uint32_t item, rs_reason *out,
    size_t max)
{
	const struct tt *s = m->state;

	return deep_explain_rows(m, s->icache, s->d, s->d, user, item, out, max);
}

static size_t
tt_similar(const rs_model *m, uint32_t item, uint32_t *out, float *scores,
    size_t k)
{
	const struct tt *s = m->state;

	return deep_similar_rows(m, s->icache, s->d, s->d, item, out, scores, k);
}

static void
csr_save(blob *b, const struct tt_csr *m)
{
	blob_u32(b, m->nrows);
	blob_put(b, m->ptr, ((size_t)m->nrows + 1) * sizeof *m->ptr);
	blob_put(b, m->col, m->ptr[m->nrows] * sizeof *m->col);
	blob_put(b, m->val, m->ptr[m->nrows] * sizeof *m->val);
}

static bool
csr_load(blob_reader *r, struct tt_csr *m, uint32_t nrows, uint32_t ncols)
{
	bool ok = blob_get_u32(r) == nrows && r->ok;

	m->nrows = nrows;
	if (!ok || (m->ptr = blob_get_array(r, (uint64_t)nrows + 1, sizeof *m->ptr)) == NULL)
		return false;
	ok = m->ptr[0] == 0;
	for (uint32_t k = 0; ok && k < nrows; k++)
		ok = m->ptr[k] <= m->ptr[k + 1];
	if (!ok || m->ptr[nrows] > r->left)
		return false;
	m->col = blob_get_array(r, m->ptr[nrows], sizeof *m->col);
	m->val = blob_get_array(r, m->ptr[nrows], sizeof *m->val);
	if (m->col == NULL || m->val == NULL)
		return false;
	for (uint64_t q = 0; q < m->ptr[nrows]; q++)
		if (m->col[q] >= ncols)
			return false;
	return true;
}

static int
tt_save(const rs_model *m, void **buf, size_t *len)
{
	const struct tt *s = m->state;
	uint32_t head[5] = { s->nusers, s->nitems, s->ncols, s->H, s->d };
	blob b = { 0 };

	deep_save_begin(&b, TT_MAGIC, head, 5);
	csr_save(&b, &s->x);
	csr_save(&b, &s->prof);
	nn_net_save(&s->core.net, &b);
	blob_take(&b, buf, len);
	return 0;
}

static int
tt_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	uint32_t head[5];
	blob_reader r;
	struct tt *s = NULL;
	bool ok;

	blob_reader_init(&r, buf, len);
	ok = deep_load_head(&r, TT_MAGIC, head, 5) && head[0] == m->nusers &&
	    head[1] == m->nitems && head[3] >= 1 && head[3] <= 65536 && head[4] >= 1 &&
	    head[4] <= 4096 && (uint64_t)head[2] * head[3] <= r.left / 4 &&
	    (uint64_t)head[0] * head[3] <= r.left / 4;
	if (ok) {
		s = tt_new(head[0], head[1], head[2], head[3], head[4]);
		ok = csr_load(&r, &s->x, head[1], head[2]) &&
		    csr_load(&r, &s->prof, head[0], head[2]) &&
		    nn_net_load(&s->core.net, &r) && r.left == 0;
	}
	if (!ok) {
		if (s != NULL) {
			tt_free_extra(&s->core);
			nn_net_free(&s->core.net);
			free(s);
		}
		rs_error_set(err, RS_EPARSE, "model %s: the saved twotower state is damaged", m->name);
		return -1;
	}
	tt_refresh(&s->core);
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

const rs_model_kind rs_kind_twotower = {
	.name = "twotower",
	.help = "two-tower retrieval: a user tower over the user's id and interest profile (the "
	    "features of its videos) and an item tower over the item's content features only "
	    "(from the features step), score = user . item, trained by softmax against sampled "
	    "negatives; videos nobody watched get scores from their features",
	.params = tt_params,
	.begin = tt_begin,
	.epoch = deep_epoch,
	.snapshot = deep_snapshot,
	.restore = deep_restore,
	.free_snapshot = deep_free_snapshot,
	.score = tt_score,
	.explain = tt_explain,
	.similar = tt_similar,
	.save = tt_save,
	.load = tt_load,
	.free_state = deep_free_state,
};
