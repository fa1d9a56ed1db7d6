/* userknn and itemknn: neighbourhood models, baseline-corrected on ratings (KNNBaseline) or score-summing on implicit data. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/blob.h"
#include "model/knn.h"
#include "reelscope/model.h"
#include "util/xmalloc.h"

static const rs_param_spec knn_params[] = {
	{ "sim", RS_PARAM_ENUM, "cosine", 0, 0,
	  "cosine|adjusted|pearson|pearson_baseline|jaccard",
	  "similarity: cosine (whole rows), adjusted (cosine centred by the other side's mean), pearson, pearson_baseline (baseline residuals; rating mode), jaccard (sets)" },
	{ "k", RS_PARAM_INT, "40", 1, 1000000, NULL,
	  "neighbours: per prediction among those who have a value (rating mode), kept per row (implicit mode)" },
	{ "shrink", RS_PARAM_NUM, "0", 0, 1e12, NULL,
	  "shrinkage: similarity times n / (n + shrink), n = common ratings" },
	{ "min_support", RS_PARAM_INT, "1", 1, 1e9, NULL,
	  "pairs with fewer common ratings get no similarity" },
	{ "mode", RS_PARAM_ENUM, "auto", 0, 0, "auto|rating|implicit",
	  "rating: baseline + neighbours' deviations; implicit: sum of similarities; auto: rating when the training values are ratings (binary=no), else implicit" },
	{ "keep", RS_PARAM_INT, "0", 0, 1e9, NULL,
	  "rating mode: most neighbours stored per row (0: every positive similarity)" },
	{ "reg_item", RS_PARAM_NUM, "10", 0, 1e12, NULL,
	  "rating mode: regularization of the item baselines" },
	{ "reg_user", RS_PARAM_NUM, "15", 0, 1e12, NULL,
	  "rating mode: regularization of the user baselines" },
	{ "baseline_epochs", RS_PARAM_INT, "10", 1, 10000, NULL,
	  "rating mode: alternating passes fitting the baselines" },
	{ "clip", RS_PARAM_ENUM, "yes", 0, 0, "yes|no",
	  "rating mode: clip predictions to the training values' range" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};


static void
knn_state_free(struct knn_state *st)
{
	if (st == NULL)
		return;
	free(st->bu);
	free(st->bi);
	free(st->norm);
	free(st->mark);
	knn_upd_free(st->upd);
	knn_nbrs_free(&st->nb);
	free(st);
}

/* ---- baselines ---- */

/* b_u, b_i by alternating regularized least squares around the mean, as
 * Surprise's baseline_only ALS: items first, then users, epochs times. */
static void
fit_baselines(const rs_imat *t, double reg_i, double reg_u, int epochs,
    double mu, float *bu, float *bi)
{
	memset(bu, 0, t->nusers * sizeof *bu);
	memset(bi, 0, t->nitems * sizeof *bi);
	/* small data: threads cost more than they save */
	bool par = t->nnz > 100000;

	for (int e = 0; e < epochs; e++) {
		#pragma omp parallel for schedule(static) if (par)
		for (uint32_t i = 0; i < t->nitems; i++) {
			double dev = 0;
			uint64_t a = t->iptr[i], b = t->iptr[i + 1];
			for (uint64_t q = a; q < b; q++)
				dev += t->ival[q] - mu - bu[t->iidx[q]];
			bi[i] = b > a ? (float)(dev / (reg_i + (double)(b - a))) : 0;
		}
		#pragma omp parallel for schedule(static) if (par)
		for (uint32_t u = 0; u < t->nusers; u++) {
			double dev = 0;
			uint64_t a = t->uptr[u], b = t->uptr[u + 1];
			for (uint64_t q = a; q < b; q++)
				dev += t->uval[q] - mu - bi[t->uidx[q]];
			bu[u] = b > a ? (float)(dev / (reg_u + (double)(b - a))) : 0;
		}
	}
}

/* ---- fit ---- */

/* The matrix the similarities compare (items' users for itemknn, users'
 * items for userknn) and its transpose, with values centred as the
 * similarity needs. The value arrays are new (freed by the caller). */
static void
sim_inputs(const rs_imat *t, const struct knn_state *st, enum knn_sim sim,
    knn_rows *rows, knn_rows *cols, float **rval, float **cval)
{
	/* centring of entry (u, i): nothing, the mean of the column side, or
	   the baseline */
	double *colmean = NULL;
	uint32_t ncol = st->user_based ? t->nitems : t->nusers;
	float *uv = xmalloc((t->nnz ? t->nnz : 1) * sizeof *uv);
	float *iv = xmalloc((t->nnz ? t->nnz : 1) * sizeof *iv);

	if (sim == KNN_ADJUSTED) {
		/* column = the other side: users for itemknn, items for userknn */
		const uint64_t *ptr = st->user_based ? t->iptr : t->uptr;
		const float *val = st->user_based ? t->ival : t->uval;
		colmean = xcalloc(ncol ? ncol : 1, sizeof *colmean);
		for (uint32_t c = 0; c < ncol; c++) {
			double s = 0;
			for (uint64_t q = ptr[c]; q < ptr[c + 1]; q++)
				s += val[q];
			colmean[c] = ptr[c + 1] > ptr[c] ? s / (double)(ptr[c + 1] - ptr[c]) : 0;
		}
	}
	for (uint32_t u = 0; u < t->nusers; u++)
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
			uint32_t i = t->uidx[q];
			double v = t->uval[q];
			if (sim == KNN_ADJUSTED)
				v -= colmean[st->user_based ? i : u];
			else if (sim == KNN_PEARSON_BASELINE)
				v -= st->mu + st->bu[u] + st->bi[i];
			uv[q] = (float)v;
		}
	for (uint32_t i = 0; i < t->nitems; i++)
		for (uint64_t q = t->iptr[i]; q < t->iptr[i + 1]; q++) {
			uint32_t u = t->iidx[q];
			double v = t->ival[q];
			if (sim == KNN_ADJUSTED)
				v -= colmean[st->user_based ? i : u];
			else if (sim == KNN_PEARSON_BASELINE)
				v -= st->mu + st->bu[u] + st->bi[i];
			iv[q] = (float)v;
		}
	free(colmean);
	if (st->user_based) {
		*rows = (knn_rows){ t->nusers, t->uptr, t->uidx, uv };
		*cols = (knn_rows){ t->nitems, t->iptr, t->iidx, iv };
		*rval = uv;
		*cval = iv;
	} else {
		*rows = (knn_rows){ t->nitems, t->iptr, t->iidx, iv };
		*cols = (knn_rows){ t->nusers, t->uptr, t->uidx, uv };
		*rval = iv;
		*cval = uv;
	}
}

static int
knn_fit(rs_model *m, const rs_train_ctx *ctx, bool user_based, rs_error *err)
{
	const rs_imat *t = ctx->train;
	struct knn_state *st = xcalloc(1, sizeof *st);
	const char *mode = rs_model_param(m, "mode");
	knn_opts o;
	knn_rows rows, cols;
	float *rval, *cval;
	char task[300];
	int rc;

	st->user_based = user_based;
	st->k = (uint32_t)rs_model_param_num(m, "k");
	st->nusers = t->nusers;
	st->nitems = t->nitems;
	st->rating = strcmp(mode, "rating") == 0 ||
	    (strcmp(mode, "auto") == 0 && t->explicit_values);
	st->clip = strcmp(rs_model_param(m, "clip"), "yes") == 0;
	st->mu = t->mean;
	o.sim = (enum knn_sim)knn_sim_parse(rs_model_param(m, "sim"));
	o.shrink = rs_model_param_num(m, "shrink");
	o.min_support = (uint32_t)rs_model_param_num(m, "min_support");
	o.keep = st->rating ? (uint32_t)rs_model_param_num(m, "keep") : st->k;
	st->symmetric = o.keep == 0;
	if (!st->rating && o.sim == KNN_PEARSON_BASELINE) {
		knn_state_free(st);
		rs_error_set(err, RS_EINVAL,
		    "sim=pearson_baseline needs rating mode (rating values with binary=no, or mode=rating)");
		return -1;
	}
	if (!t->explicit_values && (o.sim == KNN_PEARSON || o.sim == KNN_ADJUSTED)) {
		knn_state_free(st);
		rs_error_set(err, RS_EINVAL,
		    "sim=%s compares rating values, and binary training values have none (use cosine or jaccard, or train with binary=no)",
		    knn_sim_name(o.sim));
		return -1;
	}
	st->lo = INFINITY;
	st->hi = -INFINITY;
	for (size_t q = 0; q < t->nnz; q++) {
		if (t->uval[q] < st->lo)
			st->lo = t->uval[q];
		if (t->uval[q] > st->hi)
			st->hi = t->uval[q];
	}
	if (st->rating) {
		st->bu = xmalloc((t->nusers ? t->nusers : 1) * sizeof *st->bu);
		st->bi = xmalloc((t->nitems ? t->nitems : 1) * sizeof *st->bi);
		fit_baselines(t, rs_model_param_num(m, "reg_item"),
		    rs_model_param_num(m, "reg_user"),
		    (int)rs_model_param_num(m, "baseline_epochs"), st->mu, st->bu,
		    st->bi);
	}
	if (st->rating && !t->explicit_values)
		rs_hooks_note(ctx->hooks, RS_NOTE_WARN,
		    "rating mode on binary values: every deviation is about 0, so predictions stay near 1");
	rs_hooks_note(ctx->hooks, RS_NOTE_INFO, "%s: %s mode (%s)", m->kind->name,
	    st->rating ? "rating" : "implicit", st->rating ?
	    "baseline + the k nearest neighbours' deviations" :
	    "sum of similarities over each row's k nearest neighbours");
	sim_inputs(t, st, o.sim, &rows, &cols, &rval, &cval);
	snprintf(task, sizeof task, "train %s: similarities", m->name);
	rc = knn_neighbours(&rows, &cols, &o, &st->nb, ctx->hooks, task, err);
	free(rval);
	free(cval);
	if (rc != 0) {
		knn_state_free(st);
		return -1;
	}
	m->state = st;
	return 0;
}

static int
itemknn_fit(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	return knn_fit(m, ctx, false, err);
}

static int
userknn_fit(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	return knn_fit(m, ctx, true, err);
}

/* ---- scoring ---- */

static float
clipped(const struct knn_state *st, double x)
{
	if (st->clip) {
		if (x < st->lo)
			x = st->lo;
		if (x > st->hi)
			x = st->hi;
	}
	return (float)x;
}

/* Per-thread scratch of the scoring loops. */
struct scratch {
	float *dev;		/* item-based: the user's deviations, NaN unrated */
	double *num, *den;	/* user-based sums */
	uint32_t *cnt;		/* per item: neighbours taken / bucket starts */
	knn_cand *cand;		/* item-based: buckets of candidates */
	size_t ncand;
};

/* Buckets hold at most this many candidates (a user's rated items' list
 * lengths summed); past it the items' lists are walked instead. */
#define PUSH_MAX ((uint64_t)1 << 24)

/* Rating mode, item-based, symmetric lists: the rated items hand
 * themselves to their neighbours' buckets, and each item keeps the k
 * strongest. The same neighbours as walking each item's list (the sums
 * may round differently), cheaper when the user rated few items. */
static void
score_push(const struct knn_state *st, const rs_imat *t, uint64_t a,
    uint64_t b, double bu, struct scratch *sc, uint64_t total, float *out)
{
	const knn_nbrs *nb = &st->nb;
	uint32_t *start = sc->cnt;

	if (total > sc->ncand) {
		free(sc->cand);
		sc->ncand = total;
		sc->cand = xmalloc(total * sizeof *sc->cand);
	}
	memset(start, 0, ((size_t)st->nitems + 1) * sizeof *start);
	for (uint64_t q = a; q < b; q++) {
		uint32_t j = t->uidx[q];
		for (uint64_t p = nb->ptr[j]; p < nb->ptr[j + 1]; p++)
			start[nb->idx[p] + 1]++;
	}
	for (uint32_t i = 0; i < st->nitems; i++)
		start[i + 1] += start[i];
	/* fill: start[i] moves to the end of bucket i, then back */
	for (uint64_t q = a; q < b; q++) {
		uint32_t j = t->uidx[q];
		for (uint64_t p = nb->ptr[j]; p < nb->ptr[j + 1]; p++) {
			knn_cand *c = &sc->cand[start[nb->idx[p]]++];
			c->s = nb->sim[p];
			c->i = j;
		}
	}
	for (uint32_t i = st->nitems; i > 0; i--)
		start[i] = start[i - 1];
	start[0] = 0;
	for (uint32_t i = 0; i < st->nitems; i++) {
		knn_cand *c = sc->cand + start[i];
		size_t n = knn_select_front(c, start[i + 1] - start[i], st->k);
		double base = st->mu + bu + st->bi[i], sn = 0, sd = 0;
		for (size_t x = 0; x < n; x++) {
			sn += (double)c[x].s * sc->dev[c[x].i];
			sd += c[x].s;
		}
		out[i] = clipped(st, sd > 0 ? base + sn / sd : base);
	}
}

/* One user's scores for every item into out. */
static void
score_one(const rs_model *m, const struct knn_state *st, uint32_t u,
    float *out, struct scratch *sc)
{
	const rs_imat *t = m->train;
	const knn_nbrs *nb = &st->nb;
	bool known = t != NULL && u < t->nusers && u < st->nusers;
	uint64_t a = known ? t->uptr[u] : 0, b = known ? t->uptr[u + 1] : 0;
	double bu = st->rating && u < st->nusers ? st->bu[u] : 0, *num, *den;
	uint32_t *cnt;

	if (!st->rating) {
		memset(out, 0, st->nitems * sizeof *out);
		if (!st->user_based) {
			/* each rated item j passes its similarity on to its
			   neighbours */
			for (uint64_t q = a; q < b; q++) {
				uint32_t j = t->uidx[q];
				float x = t->uval[q];
				for (uint64_t p = nb->ptr[j]; p < nb->ptr[j + 1]; p++)
					out[nb->idx[p]] += x * nb->sim[p];
			}
		} else if (known) {
			for (uint64_t p = nb->ptr[u]; p < nb->ptr[u + 1]; p++) {
				uint32_t v = nb->idx[p];
				float s = nb->sim[p];
				for (uint64_t q = t->uptr[v]; q < t->uptr[v + 1]; q++)
					out[t->uidx[q]] += s * t->uval[q];
			}
		}
		return;
	}
	if (!st->user_based) {
		/* each item takes the first k of its neighbours (strongest
		   first) that the user rated */
		float *dev = sc->dev;
		uint64_t total = 0;
		for (uint32_t i = 0; i < st->nitems; i++)
			dev[i] = NAN;
		for (uint64_t q = a; q < b; q++) {
			dev[t->uidx[q]] = (float)(t->uval[q] - (st->mu + bu +
			    st->bi[t->uidx[q]]));
			total += nb->ptr[t->uidx[q] + 1] - nb->ptr[t->uidx[q]];
		}
		/* pushing costs a few steps per candidate; walking a list stops
		   after about k * items / rated entries */
		if (st->symmetric && total <= PUSH_MAX && b > a &&
		    4.0 * (double)total < (double)st->nitems * fmin(
		    (double)nb->ptr[st->nitems] / st->nitems,
		    (double)st->k * st->nitems / (double)(b - a)))
			score_push(st, t, a, b, bu, sc, total, out);
		else
			for (uint32_t i = 0; i < st->nitems; i++) {
				double base = st->mu + bu + st->bi[i], sn = 0, sd = 0;
				uint32_t found = 0;
				for (uint64_t p = nb->ptr[i]; p < nb->ptr[i + 1] &&
				    found < st->k; p++) {
					float d = dev[nb->idx[p]];
					if (isnan(d))
						continue;
					sn += (double)nb->sim[p] * d;
					sd += nb->sim[p];
					found++;
				}
				out[i] = clipped(st, sd > 0 ? base + sn / sd : base);
			}
		return;
	}
	/* user-based: walk the neighbours strongest first; each item takes
	   the first k of them who rated it */
	num = sc->num;
	den = sc->den;
	cnt = sc->cnt;
	memset(num, 0, st->nitems * sizeof *num);
	memset(den, 0, st->nitems * sizeof *den);
	memset(cnt, 0, st->nitems * sizeof *cnt);
	if (known)
		for (uint64_t p = nb->ptr[u]; p < nb->ptr[u + 1]; p++) {
			uint32_t v = nb->idx[p];
			double s = nb->sim[p], bv = st->mu + st->bu[v];
			for (uint64_t q = t->uptr[v]; q < t->uptr[v + 1]; q++) {
				uint32_t i = t->uidx[q];
				if (cnt[i] >= st->k)
					continue;
				cnt[i]++;
				num[i] += s * (t->uval[q] - bv - st->bi[i]);
				den[i] += s;
			}
		}
	for (uint32_t i = 0; i < st->nitems; i++) {
		double base = st->mu + bu + st->bi[i];
		out[i] = clipped(st, den[i] > 0 ? base + num[i] / den[i] : base);
	}
}

static void
knn_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct knn_state *st = m->state;

	#pragma omp parallel if (nu > 1 && (size_t)nu * st->nitems > 20000)
	{
		struct scratch sc = { 0 };
		size_t ni = st->nitems ? st->nitems : 1;
		if (st->rating && !st->user_based) {
			sc.dev = xmalloc(ni * sizeof *sc.dev);
			sc.cnt = xmalloc((ni + 1) * sizeof *sc.cnt);
		} else if (st->rating) {
			sc.num = xmalloc(ni * sizeof *sc.num);
			sc.den = xmalloc(ni * sizeof *sc.den);
			sc.cnt = xmalloc(ni * sizeof *sc.cnt);
		}
		#pragma omp for schedule(dynamic, 4)
		for (size_t j = 0; j < nu; j++)
			score_one(m, st, users[j], out + j * m->nitems, &sc);
		free(sc.dev);
		free(sc.num);
		free(sc.den);
		free(sc.cnt);
		free(sc.cand);
	}
}

/* ---- explanations ---- */

/* The similarity stored from row a to row b, or 0. */
static float
nb_sim(const knn_nbrs *nb, uint32_t a, uint32_t b)
{
	for (uint64_t p = nb->ptr[a]; p < nb->ptr[a + 1]; p++)
		if (nb->idx[p] == b)
			return nb->sim[p];
	return 0;
}

static size_t
knn_explain(const rs_model *m, uint32_t u, uint32_t item, rs_reason *out,
    size_t max)
{
	const struct knn_state *st = m->state;
	const rs_imat *t = m->train;
	const knn_nbrs *nb = &st->nb;
	rs_reason *r;
	size_t n = 0;
	double sd = 0;

	if (t == NULL || u >= t->nusers || u >= st->nusers || item >= st->nitems)
		return 0;
	if (!st->user_based && st->rating) {
		/* the first k of the item's neighbours the user rated */
		size_t cap = nb->ptr[item + 1] - nb->ptr[item] + 1;
		r = xmalloc(cap * sizeof *r);
		for (uint64_t p = nb->ptr[item]; p < nb->ptr[item + 1] && n < st->k; p++) {
			uint32_t j = nb->idx[p];
			float x = rs_imat_get(t, u, j);
			if (isnan(x))
				continue;
			r[n].id = j;
			r[n].is_user = false;
			r[n++].weight = nb->sim[p] * (x - (st->mu + st->bu[u] + st->bi[j]));
			sd += nb->sim[p];
		}
		for (size_t x = 0; x < n; x++)
			r[x].weight /= sd;
	} else if (!st->user_based) {
		/* the user's items that count item among their neighbours */
		uint64_t a = t->uptr[u], b = t->uptr[u + 1];
		r = xmalloc((b - a + 1) * sizeof *r);
		for (uint64_t q = a; q < b; q++) {
			float s = nb_sim(nb, t->uidx[q], item);
			if (s <= 0)
				continue;
			r[n].id = t->uidx[q];
			r[n].is_user = false;
			r[n++].weight = (double)s * t->uval[q];
		}
	} else {
		/* the neighbours who have the item, strongest first */
		size_t cap = nb->ptr[u + 1] - nb->ptr[u] + 1;
		double *w = xmalloc(cap * sizeof *w);
		r = xmalloc(cap * sizeof *r);
		for (uint64_t p = nb->ptr[u]; p < nb->ptr[u + 1]; p++) {
			uint32_t v = nb->idx[p];
			float x = rs_imat_get(t, v, item);
			if (isnan(x))
				continue;
			if (st->rating && n >= st->k)
				break;
			r[n].id = v;
			r[n].is_user = true;
			w[n] = st->rating ? x - (st->mu + st->bu[v] + st->bi[item]) : x;
			r[n].weight = nb->sim[p];
			sd += nb->sim[p];
			n++;
		}
		for (size_t x = 0; x < n; x++)
			r[x].weight = st->rating ? r[x].weight * w[x] / sd :
			    r[x].weight * w[x];
		free(w);
	}
	qsort(r, n, sizeof *r, rs_reason_cmp);
	if (n > max)
		n = max;
	memcpy(out, r, n * sizeof *r);
	free(r);
	return n;
}

static size_t
itemknn_similar(const rs_model *m, uint32_t item, uint32_t *out, float *scores,
    size_t k)
{
	const struct knn_state *st = m->state;
	size_t n = 0;

	if (item >= st->nb.n)
		return 0;
	for (uint64_t p = st->nb.ptr[item]; p < st->nb.ptr[item + 1] && n < k; p++) {
		out[n] = st->nb.idx[p];
		scores[n++] = st->nb.sim[p];
	}
	return n;
}

/* ---- save / load ---- */

#define KNN_MAGIC 0x314e4e4bu	/* "KNN1" */

static int
knn_save(const rs_model *m, void **buf, size_t *len)
{
	const struct knn_state *st = m->state;
	blob b = { 0 };
	uint64_t nnz = st->nb.ptr[st->nb.n];

	blob_u32(&b, KNN_MAGIC);
	blob_u32(&b, (uint32_t)st->user_based | (uint32_t)st->rating << 1 |
	    (uint32_t)st->clip << 2 | (uint32_t)st->symmetric << 3);
	blob_u32(&b, st->k);
	blob_u32(&b, st->nusers);
	blob_u32(&b, st->nitems);
	blob_put(&b, &st->lo, sizeof st->lo);
	blob_put(&b, &st->hi, sizeof st->hi);
	blob_f64(&b, st->mu);
	if (st->rating) {
		blob_put(&b, st->bu, st->nusers * sizeof *st->bu);
		blob_put(&b, st->bi, st->nitems * sizeof *st->bi);
	}
	blob_u32(&b, st->nb.n);
	blob_put(&b, st->nb.ptr, ((size_t)st->nb.n + 1) * sizeof *st->nb.ptr);
	blob_put(&b, st->nb.idx, nnz * sizeof *st->nb.idx);
	blob_put(&b, st->nb.sim, nnz * sizeof *st->nb.sim);
	blob_take(&b, buf, len);
	return 0;
}

/* defined at the end; a saved state must match its kind */
extern const rs_model_kind rs_kind_userknn;

static int
knn_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	struct knn_state *st = xcalloc(1, sizeof *st);
	blob_reader r;
	uint32_t flags;
	bool ok;

	blob_reader_init(&r, buf, len);
	ok = blob_get_u32(&r) == KNN_MAGIC;
	flags = blob_get_u32(&r);
	st->user_based = flags & 1;
	st->rating = flags >> 1 & 1;
	st->clip = flags >> 2 & 1;
	st->symmetric = flags >> 3 & 1;
	st->k = blob_get_u32(&r);
	st->nusers = blob_get_u32(&r);
	st->nitems = blob_get_u32(&r);
	blob_get(&r, &st->lo, sizeof st->lo);
	blob_get(&r, &st->hi, sizeof st->hi);
	st->mu = blob_get_f64(&r);
	ok = ok && r.ok && st->k > 0 && st->nusers == m->nusers &&
	    st->nitems == m->nitems &&
	    st->user_based == (m->kind == &rs_kind_userknn);
	if (ok && st->rating) {
		st->bu = blob_get_array(&r, st->nusers, sizeof *st->bu);
		st->bi = blob_get_array(&r, st->nitems, sizeof *st->bi);
	}
	st->nb.n = blob_get_u32(&r);
	ok = ok && r.ok && st->nb.n == (st->user_based ? st->nusers : st->nitems);
	if (ok) {
		st->nb.ptr = blob_get_array(&r, (uint64_t)st->nb.n + 1, sizeof *st->nb.ptr);
		ok = r.ok && st->nb.ptr[0] == 0;
		for (uint32_t a = 0; ok && a < st->nb.n; a++)
			ok = st->nb.ptr[a] <= st->nb.ptr[a + 1];
	}
	if (ok) {
		uint64_t nnz = st->nb.ptr[st->nb.n];
		st->nb.idx = blob_get_array(&r, nnz, sizeof *st->nb.idx);
		st->nb.sim = blob_get_array(&r, nnz, sizeof *st->nb.sim);
		ok = r.ok && r.left == 0;
		for (uint64_t p = 0; ok && p < nnz; p++)
			ok = st->nb.idx[p] < st->nb.n;
	}
	if (!ok) {
		knn_state_free(st);
		rs_error_set(err, RS_EPARSE, "model %s: the saved %s state is damaged",
		    m->name, m->kind->name);
		return -1;
	}
	m->state = st;
	return 0;
}

static void
knn_free_state(rs_model *m)
{
	knn_state_free(m->state);
	m->state = NULL;
}

/* The rating mode predicts values; the implicit mode sums similarities. */
static bool
knn_predicts_values(const rs_model *m)
{
	const struct knn_state *st = m->state;

	return st->rating;
}

const rs_model_kind rs_kind_itemknn = {
	.name = "itemknn",
	.help = "item-based neighbours: on ratings b_ui + sum sim*(r_uj - b_uj) / sum sim over "
	    "the k most similar items the user rated (KNNBaseline); on implicit data the sum "
	    "of the user's items' similarities, each item keeping its k nearest",
	.params = knn_params,
	.explicit_values = true,
	.predicts_values = knn_predicts_values,
	.fit = itemknn_fit,
	.score = knn_score,
	.explain = knn_explain,
	.similar = itemknn_similar,
	.save = knn_save,
	.load = knn_load,
	.free_state = knn_free_state,
	.update = knn_item_update,
};

const rs_model_kind rs_kind_userknn = {
	.name = "userknn",
	.help = "user-based neighbours: on ratings b_ui + sum sim*(r_vi - b_vi) / sum sim over "
	    "the k most similar users who rated the item; on implicit data the sum of the "
	    "user's k nearest neighbours' similarities times their values",
	.params = knn_params,
	.explicit_values = true,
	.predicts_values = knn_predicts_values,
	.fit = userknn_fit,
	.score = knn_score,
	.explain = knn_explain,
	.save = knn_save,
	.load = knn_load,
	.free_state = knn_free_state,
};
