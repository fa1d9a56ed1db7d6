/* ease: the closed-form item-item model (Steck 2019) — Gram matrix by BLAS, inverse by LAPACK Cholesky. */
#include "config.h"

#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/blob.h"
#include "reelscope/model.h"
#include "util/lapack.h"
#include "util/xmalloc.h"

static const rs_param_spec ease_params[] = {
	{ "lambda", RS_PARAM_NUM, "500", 0, 1e12, NULL,
	  "L2 regularization: added to the Gram matrix's diagonal" },
	{ "max_items", RS_PARAM_INT, "20000", 1, 1e6, NULL,
	  "refuse more items with interactions than this: the model is a dense items x items matrix (20,000 items: 1.6 GB)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

/* B over the items with training interactions ("active"); the others
 * score 0. */
struct ease_state {
	uint32_t nitems, na;
	uint32_t *items;	/* active index -> item */
	int32_t *pos;		/* item -> active index, or -1 */
	float *b;		/* na x na, row j: what item j adds to each item */
};

static void
ease_state_free(struct ease_state *st)
{
	if (st == NULL)
		return;
	free(st->items);
	free(st->pos);
	free(st->b);
	free(st);
}

static void
set_positions(struct ease_state *st)
{
	st->pos = xmalloc((st->nitems ? st->nitems : 1) * sizeof *st->pos);
	for (uint32_t i = 0; i < st->nitems; i++)
		st->pos[i] = -1;
	for (uint32_t a = 0; a < st->na; a++)
		st->pos[st->items[a]] = (int32_t)a;
}

/* The upper triangle (row-major) of X^T X over the active items, walking
 * co-occurrences: row a gets every user of a times that user's later items.
 * Rows are independent, so the sums do not depend on the thread count. */
static void
gram_sparse(const rs_imat *t, const struct ease_state *st, float *g)
{
	size_t na = st->na;

	#pragma omp parallel for schedule(dynamic, 8) if (t->nnz > 20000)
	for (uint32_t a = 0; a < st->na; a++) {
		uint32_t i = st->items[a];
		float *row = g + (size_t)a * na;
		for (uint64_t q = t->iptr[i]; q < t->iptr[i + 1]; q++) {
			uint32_t u = t->iidx[q];
			float x = t->ival[q];
			uint64_t lo = t->uptr[u], hi = t->uptr[u + 1];
			/* the user's items are ascending: start at item i */
			while (lo < hi) {
				uint64_t mid = (lo + hi) / 2;
				if (t->uidx[mid] < i)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (uint64_t p = lo; p < t->uptr[u + 1]; p++)
				row[st->pos[t->uidx[p]]] += x * t->uval[p];
		}
	}
}

/* The same by ssyrk on dense blocks of users (dense data). */
static void
gram_dense(const rs_imat *t, const struct ease_state *st, float *g)
{
	size_t na = st->na, block = (64u << 20) / (na * sizeof(float));
	float *x;

	if (block < 1)
		block = 1;
	if (block > t->nusers)
		block = t->nusers;
	x = xmalloc((block ? block : 1) * na * sizeof *x);
	for (uint32_t u0 = 0; u0 < t->nusers; u0 += (uint32_t)block) {
		uint32_t nb = t->nusers - u0 < block ? t->nusers - u0 : (uint32_t)block;
		memset(x, 0, (size_t)nb * na * sizeof *x);
		for (uint32_t r = 0; r < nb; r++)
			for (uint64_t q = t->uptr[u0 + r]; q < t->uptr[u0 + r + 1]; q++)
				x[(size_t)r * na + st->pos[t->uidx[q]]] = t->uval[q];
		cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, (int)na, (int)nb,
		    1.0f, x, (int)na, u0 == 0 ? 0.0f : 1.0f, g, (int)na);
	}
	free(x);
}

static int
ease_fit(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	double lambda = rs_model_param_num(m, "lambda");
	uint32_t max_items = (uint32_t)rs_model_param_num(m, "max_items");
	struct ease_state *st = xcalloc(1, sizeof *st);
	double pairs = 0;
	size_t na;
	float *g, *diag;
	int n, info = 0;
	char task[300];

	st->nitems = t->nitems;
	st->items = xmalloc((t->nitems ? t->nitems : 1) * sizeof *st->items);
	for (uint32_t i = 0; i < t->nitems; i++)
		if (t->iptr[i + 1] > t->iptr[i])
			st->items[st->na++] = i;
	na = st->na;
	if (na > max_items) {
		rs_error_set(err, RS_EINVAL,
		    "%zu items have interactions: an items x items matrix of them takes %.1f GB; the limit is max_items=%u (drop rare items first, e.g. clean kcore, or raise max_items)",
		    na, (double)na * na * sizeof(float) / 1e9, max_items);
		ease_state_free(st);
		return -1;
	}
	if (na == 0) {
		rs_error_set(err, RS_EINVAL, "no items with training interactions");
		ease_state_free(st);
		return -1;
	}
	set_positions(st);
	snprintf(task, sizeof task, "train %s: Gram matrix, Cholesky inverse", m->name);
	if (rs_hooks_progress(ctx->hooks, task, 0, 3))
		goto cancel;
	g = xcalloc(na * na, sizeof *g);
	/* sparse walk: sum of n_u^2 / 2 scattered updates; ssyrk: na^2 * users
	   / 2 multiply-adds at BLAS speed, about 40 times the rate */
	for (uint32_t u = 0; u < t->nusers; u++) {
		double c = (double)(t->uptr[u + 1] - t->uptr[u]);
		pairs += c * c / 2;
	}
	if (pairs * 40 < (double)na * na * t->nusers / 2)
		gram_sparse(t, st, g);
	else
		gram_dense(t, st, g);
	for (size_t a = 0; a < na; a++)
		g[a * na + a] += (float)lambda;
	if (rs_hooks_progress(ctx->hooks, task, 1, 3)) {
		free(g);
		goto cancel;
	}
	/* row-major upper is column-major lower for LAPACK */
	n = (int)na;
	diag = xmalloc(na * sizeof *diag);
	for (size_t a = 0; a < na; a++)
		diag[a] = g[a * na + a];
	spotrf_("L", &n, g, &n, &info, 1);
	/* a pivot lost in rounding is a singular matrix too: in float the
	   inverse would be noise */
	for (size_t a = 0; info == 0 && a < na; a++)
		if (g[a * na + a] * g[a * na + a] < 1e-6f * diag[a])
			info = (int)a + 1;
	if (info == 0)
		spotri_("L", &n, g, &n, &info, 1);
	if (info != 0) {
		free(diag);
		rs_error_set(err, RS_EINVAL,
		    "the Gram matrix is singular (an item's column is 0 or repeats another); use lambda > 0");
		free(g);
		ease_state_free(st);
		return -1;
	}
	if (rs_hooks_progress(ctx->hooks, task, 2, 3)) {
		free(diag);
		free(g);
		goto cancel;
	}
	/* P = G^-1 (upper triangle); B = -P / diag(P) by columns, diag 0 */
	for (size_t a = 0; a < na; a++)
		diag[a] = g[a * na + a];
	for (size_t a = 0; a < na; a++)
		for (size_t b = a + 1; b < na; b++)
			g[b * na + a] = g[a * na + b];
	#pragma omp parallel for schedule(static) if (na > 256)
	for (size_t a = 0; a < na; a++) {
		float *row = g + a * na;
		for (size_t b = 0; b < na; b++)
			row[b] = -row[b] / diag[b];
		row[a] = 0;
	}
	free(diag);
	st->b = g;
	m->state = st;
	rs_hooks_progress(ctx->hooks, task, 3, 3);
	return 0;
cancel:
	ease_state_free(st);
	rs_error_set(err, RS_ECANCEL, "interrupted");
	return -1;
}

/* One user's scores: the sum of the B rows of the user's items. */
static void
score_one(const rs_model *m, const struct ease_state *st, uint32_t u,
    float *out, float *acc)
{
	const rs_imat *t = m->train;
	size_t na = st->na;
	bool direct = na == st->nitems;
	float *dst = direct ? out : acc;

	memset(dst, 0, na * sizeof *dst);
	if (t != NULL && u < t->nusers)
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
			int32_t j = t->uidx[q] < st->nitems ? st->pos[t->uidx[q]] : -1;
			const float *row;
			float x = t->uval[q];
			if (j < 0)
				continue;
			row = st->b + (size_t)j * na;
			for (size_t b = 0; b < na; b++)
				dst[b] += x * row[b];
		}
	if (!direct) {
		memset(out, 0, st->nitems * sizeof *out);
		for (size_t a = 0; a < na; a++)
			out[st->items[a]] = acc[a];
	}
}

static void
ease_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct ease_state *st = m->state;

	#pragma omp parallel if (nu > 1 && (size_t)nu * st->na > 20000)
	{
		float *acc = xmalloc((st->na ? st->na : 1) * sizeof *acc);
		#pragma omp for schedule(dynamic, 4)
		for (size_t j = 0; j < nu; j++)
			score_one(m, st, users[j], out + j * m->nitems, acc);
		free(acc);
	}
}

/* The user's items by their weight toward item: x_uj * B[j][item]. */
static size_t
ease_explain(const rs_model *m, uint32_t u, uint32_t item, rs_reason *out,
    size_t max)
{
	const struct ease_state *st = m->state;
	const rs_imat *t = m->train;
	rs_reason *r;
	size_t n = 0;
	int32_t pi;

	if (t == NULL || u >= t->nusers || item >= st->nitems ||
	    (pi = st->pos[item]) < 0)
		return 0;
	r = xmalloc((t->uptr[u + 1] - t->uptr[u] + 1) * sizeof *r);
	for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
		int32_t j = st->pos[t->uidx[q]];
		float w;
		if (j < 0)
			continue;
		w = t->uval[q] * st->b[(size_t)j * st->na + (size_t)pi];
		if (w == 0)
			continue;
		r[n].id = t->uidx[q];
		r[n].is_user = false;
		r[n++].weight = w;
	}
	qsort(r, n, sizeof *r, rs_reason_cmp);
	if (n > max)
		n = max;
	memcpy(out, r, n * sizeof *r);
	free(r);
	return n;
}

/* The items that item raises most: its row of B. */
static size_t
ease_similar(const rs_model *m, uint32_t item, uint32_t *out, float *scores,
    size_t k)
{
	const struct ease_state *st = m->state;
	const float *row;
	uint8_t *skip;
	size_t n;

	if (item >= st->nitems || st->pos[item] < 0)
		return 0;
	row = st->b + (size_t)st->pos[item] * st->na;
	skip = xcalloc(st->na, 1);
	skip[st->pos[item]] = 1;
	n = rs_topk(row, st->na, skip, k, out);
	free(skip);
	for (size_t j = 0; j < n; j++) {
		scores[j] = row[out[j]];
		out[j] = st->items[out[j]];
	}
	return n;
}

#define EASE_MAGIC 0x31455341u	/* "ASE1" */

static int
ease_save(const rs_model *m, void **buf, size_t *len)
{
	const struct ease_state *st = m->state;
	blob b = { 0 };

	blob_u32(&b, EASE_MAGIC);
	blob_u32(&b, st->nitems);
	blob_u32(&b, st->na);
	blob_put(&b, st->items, st->na * sizeof *st->items);
	blob_put(&b, st->b, (size_t)st->na * st->na * sizeof *st->b);
	blob_take(&b, buf, len);
	return 0;
}

static int
ease_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	struct ease_state *st = xcalloc(1, sizeof *st);
	blob_reader r;
	bool ok;

	blob_reader_init(&r, buf, len);
	ok = blob_get_u32(&r) == EASE_MAGIC;
	st->nitems = blob_get_u32(&r);
	st->na = blob_get_u32(&r);
	ok = ok && r.ok && st->nitems == m->nitems && st->na <= st->nitems &&
	    st->na > 0;
	if (ok) {
		st->items = blob_get_array(&r, st->na, sizeof *st->items);
		for (uint32_t a = 0; r.ok && ok && a < st->na; a++)
			ok = st->items[a] < st->nitems &&
			    (a == 0 || st->items[a] > st->items[a - 1]);
	}
	if (ok && r.ok) {
		st->b = blob_get_array(&r, (uint64_t)st->na * st->na, sizeof *st->b);
		ok = r.ok && r.left == 0;
	}
	if (!ok || !r.ok) {
		ease_state_free(st);
		rs_error_set(err, RS_EPARSE, "model %s: the saved ease state is damaged",
		    m->name);
		return -1;
	}
	set_positions(st);
	m->state = st;
	return 0;
}

static void
ease_free_state(rs_model *m)
{
	ease_state_free(m->state);
	m->state = NULL;
}

const rs_model_kind rs_kind_ease = {
	.name = "ease",
	.help = "EASE (Steck 2019): item-item weights B = I - P / diag(P), P = (X'X + lambda I)^-1, "
	    "by BLAS and a LAPACK Cholesky inverse; scores X_u B",
	.params = ease_params,
	.fit = ease_fit,
	.score = ease_score,
	.explain = ease_explain,
	.similar = ease_similar,
	.save = ease_save,
	.load = ease_load,
	.free_state = ease_free_state,
};
