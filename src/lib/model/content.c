/* content: cosine between a user's interest profile and each item's feature vector; reaches items nobody interacted with. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/blob.h"
#include "reelscope/explain.h"
#include "reelscope/features.h"
#include "reelscope/model.h"
#include "util/xmalloc.h"

static const rs_param_spec content_params[] = {
	{ "blocks", RS_PARAM_STR, "", 0, 0, NULL,
	  "comma-separated feature blocks to use (text, category, duration, upload_age, angle, ...; default: all)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

/* The item rows of the feature matrix, scaled to unit length, copied from
 * the features (which the next features step frees). */
struct content_state {
	uint32_t nitems, ncols;
	uint64_t *ptr;
	uint32_t *col;
	float *val;
	char **colnames;
};

static void
content_state_free(struct content_state *st)
{
	if (st == NULL)
		return;
	for (uint32_t c = 0; st->colnames != NULL && c < st->ncols; c++)
		free(st->colnames[c]);
	free(st->colnames);
	free(st->ptr);
	free(st->col);
	free(st->val);
	free(st);
}

/* Whether name is in the comma list (an empty list takes every block). */
static bool
in_list(const char *list, const char *name)
{
	size_t len = strlen(name);

	if (*list == '\0')
		return true;
	for (const char *p = list; *p != '\0';) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		if (n == len && strncmp(p, name, n) == 0)
			return true;
		p = comma ? comma + 1 : p + n;
	}
	return false;
}

static int
content_fit(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_features *f = ctx->features;
	const char *blocks = rs_model_param(m, "blocks");
	struct content_state *st;
	uint8_t *use;
	uint64_t nnz = 0;

	if (f == NULL) {
		rs_error_set(err, RS_ESTATE,
		    "the content model needs item features: run features first");
		return -1;
	}
	if (f->nitems != ctx->train->nitems) {
		rs_error_set(err, RS_ESTATE,
		    "the item features cover %u items but the data has %u: run features again",
		    f->nitems, ctx->train->nitems);
		return -1;
	}
	/* every named block must exist */
	for (const char *p = blocks; *p != '\0';) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		bool found = false;
		for (size_t b = 0; b < f->nblocks && !found; b++)
			found = strlen(f->blocks[b].name) == n &&
			    strncmp(f->blocks[b].name, p, n) == 0;
		if (!found) {
			char list[512] = "";
			for (size_t b = 0; b < f->nblocks; b++)
				snprintf(list + strlen(list), sizeof list - strlen(list),
				    "%s%s", b ? ", " : "", f->blocks[b].name);
			rs_error_set(err, RS_EINVAL, "blocks: the features have no block %.*s (blocks: %s)",
			    (int)n, p, list);
			return -1;
		}
		p = comma ? comma + 1 : p + n;
	}
	use = xcalloc(f->ncols ? f->ncols : 1, 1);
	for (size_t b = 0; b < f->nblocks; b++)
		if (in_list(blocks, f->blocks[b].name))
			for (uint32_t c = 0; c < f->blocks[b].count; c++)
				use[f->blocks[b].first + c] = 1;
	st = xcalloc(1, sizeof *st);
	st->nitems = f->nitems;
	st->ncols = f->ncols;
	st->ptr = xcalloc((size_t)f->nitems + 1, sizeof *st->ptr);
	for (uint32_t i = 0; i < f->nitems; i++)
		for (uint64_t q = f->x.ptr[i]; q < f->x.ptr[i + 1]; q++)
			nnz += use[f->x.col[q]] && f->x.val[q] != 0;
	st->col = xmalloc((nnz ? nnz : 1) * sizeof *st->col);
	st->val = xmalloc((nnz ? nnz : 1) * sizeof *st->val);
	nnz = 0;
	for (uint32_t i = 0; i < f->nitems; i++) {
		double norm = 0;
		uint64_t first = nnz;
		for (uint64_t q = f->x.ptr[i]; q < f->x.ptr[i + 1]; q++)
			if (use[f->x.col[q]] && f->x.val[q] != 0) {
				st->col[nnz] = f->x.col[q];
				st->val[nnz++] = f->x.val[q];
				norm += (double)f->x.val[q] * f->x.val[q];
			}
		norm = sqrt(norm);
		for (uint64_t q = first; q < nnz; q++)
			st->val[q] = (float)(st->val[q] / norm);
		st->ptr[i + 1] = nnz;
	}
	free(use);
	st->colnames = xcalloc(f->ncols ? f->ncols : 1, sizeof *st->colnames);
	for (uint32_t c = 0; c < f->ncols; c++)
		st->colnames[c] = xstrdup(f->colnames[c]);
	m->state = st;
	return 0;
}

/* The user's profile p = sum of value * unit item row into prof (ncols,
 * zeroed here); returns |p|. */
static double
profile(const rs_model *m, const struct content_state *st, uint32_t u,
    float *prof)
{
	const rs_imat *t = m->train;
	double norm = 0;

	memset(prof, 0, st->ncols * sizeof *prof);
	if (t == NULL || u >= t->nusers)
		return 0;
	for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
		uint32_t j = t->uidx[q];
		float v = t->uval[q];
		if (j >= st->nitems)
			continue;
		for (uint64_t p = st->ptr[j]; p < st->ptr[j + 1]; p++)
			prof[st->col[p]] += v * st->val[p];
	}
	for (uint32_t c = 0; c < st->ncols; c++)
		norm += (double)prof[c] * prof[c];
	return sqrt(norm);
}

static void
content_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct content_state *st = m->state;

	#pragma omp parallel if (nu > 1 && (size_t)nu * m->nitems > 20000)
	{
		float *prof = xmalloc((st->ncols ? st->ncols : 1) * sizeof *prof);
		#pragma omp for schedule(dynamic, 4)
		for (size_t j = 0; j < nu; j++) {
			float *o = out + j * m->nitems;
			double norm = profile(m, st, users[j], prof);
			for (uint32_t i = 0; i < m->nitems; i++) {
				double s = 0;
				if (i < st->nitems && norm > 0)
					for (uint64_t p = st->ptr[i]; p < st->ptr[i + 1]; p++)
						s += (double)prof[st->col[p]] * st->val[p];
				o[i] = norm > 0 ? (float)(s / norm) : 0;
			}
		}
		free(prof);
	}
}

/* Unit rows a and b's dot product (columns ascending in both). */
static double
row_dot(const struct content_state *st, uint32_t a, uint32_t b)
{
	uint64_t p = st->ptr[a], q = st->ptr[b];
	double s = 0;

	while (p < st->ptr[a + 1] && q < st->ptr[b + 1]) {
		if (st->col[p] < st->col[q])
			p++;
		else if (st->col[p] > st->col[q])
			q++;
		else
			s += (double)st->val[p++] * st->val[q++];
	}
	return s;
}

/* The user's items by value * cos(item j, item) / |p|: they sum to the
 * score. */
static size_t
content_explain(const rs_model *m, uint32_t u, uint32_t item, rs_reason *out,
    size_t max)
{
	const struct content_state *st = m->state;
	const rs_imat *t = m->train;
	float *prof;
	double norm;
	rs_reason *r;
	size_t n = 0;

	if (t == NULL || u >= t->nusers || item >= st->nitems)
		return 0;
	prof = xmalloc((st->ncols ? st->ncols : 1) * sizeof *prof);
	norm = profile(m, st, u, prof);
	free(prof);
	if (norm <= 0)
		return 0;
	r = xmalloc((t->uptr[u + 1] - t->uptr[u] + 1) * sizeof *r);
	for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
		double w;
		if (t->uidx[q] >= st->nitems)
			continue;
		w = t->uval[q] * row_dot(st, t->uidx[q], item) / norm;
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

extern const rs_model_kind rs_kind_content;

static int
feature_cmp(const void *pa, const void *pb)
{
	const rs_feature_reason *a = pa, *b = pb;
	double x = fabs(a->weight), y = fabs(b->weight);

	if (x != y)
		return x > y ? -1 : 1;
	return strcmp(a->name, b->name);
}

static size_t
content_explain_features(const rs_model *m, uint32_t u, uint32_t item,
    rs_feature_reason *out, size_t max)
{
	const struct content_state *st;
	rs_feature_reason *r;
	float *prof;
	double norm;
	size_t n = 0;

	if (m == NULL || m->kind != &rs_kind_content || m->state == NULL)
		return 0;
	st = m->state;
	if (item >= st->nitems)
		return 0;
	prof = xmalloc((st->ncols ? st->ncols : 1) * sizeof *prof);
	norm = profile(m, st, u, prof);
	r = xmalloc((st->ptr[item + 1] - st->ptr[item] + 1) * sizeof *r);
	for (uint64_t p = st->ptr[item]; norm > 0 && p < st->ptr[item + 1]; p++) {
		double w = prof[st->col[p]] * st->val[p] / norm;
		if (w == 0)
			continue;
		r[n].name = st->colnames[st->col[p]];
		r[n++].weight = w;
	}
	free(prof);
	qsort(r, n, sizeof *r, feature_cmp);
	if (n > max)
		n = max;
	memcpy(out, r, n * sizeof *r);
	free(r);
	return n;
}

/* The items whose feature vectors point the same way. */
static size_t
content_similar(const rs_model *m, uint32_t item, uint32_t *out, float *scores,
    size_t k)
{
	const struct content_state *st = m->state;
	float *x, *cos;
	uint8_t *skip;
	size_t n;

	if (item >= st->nitems || st->ptr[item + 1] == st->ptr[item])
		return 0;
	x = xcalloc(st->ncols ? st->ncols : 1, sizeof *x);
	cos = xmalloc(st->nitems * sizeof *cos);
	skip = xcalloc(st->nitems, 1);
	for (uint64_t p = st->ptr[item]; p < st->ptr[item + 1]; p++)
		x[st->col[p]] = st->val[p];
	for (uint32_t i = 0; i < st->nitems; i++) {
		double s = 0;
		for (uint64_t p = st->ptr[i]; p < st->ptr[i + 1]; p++)
			s += (double)x[st->col[p]] * st->val[p];
		cos[i] = (float)s;
		skip[i] = i == item || !(cos[i] > 0);
	}
	n = rs_topk(cos, st->nitems, skip, k, out);
	for (size_t j = 0; j < n; j++)
		scores[j] = cos[out[j]];
	free(x);
	free(cos);
	free(skip);
	return n;
}

#define CONTENT_MAGIC 0x31544e43u	/* "CNT1" */

static int
content_save(const rs_model *m, void **buf, size_t *len)
{
	const struct content_state *st = m->state;
	blob b = { 0 };
	uint64_t nnz = st->ptr[st->nitems];

	blob_u32(&b, CONTENT_MAGIC);
	blob_u32(&b, st->nitems);
	blob_u32(&b, st->ncols);
	blob_put(&b, st->ptr, ((size_t)st->nitems + 1) * sizeof *st->ptr);
	blob_put(&b, st->col, nnz * sizeof *st->col);
	blob_put(&b, st->val, nnz * sizeof *st->val);
	for (uint32_t c = 0; c < st->ncols; c++)
		blob_str(&b, st->colnames[c]);
	blob_take(&b, buf, len);
	return 0;
}

static int
content_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	struct content_state *st = xcalloc(1, sizeof *st);
	blob_reader r;
	bool ok;

	blob_reader_init(&r, buf, len);
	ok = blob_get_u32(&r) == CONTENT_MAGIC;
	st->nitems = blob_get_u32(&r);
	st->ncols = blob_get_u32(&r);
	ok = ok && r.ok && st->nitems == m->nitems;
	if (ok) {
		st->ptr = blob_get_array(&r, (uint64_t)st->nitems + 1, sizeof *st->ptr);
		ok = r.ok && st->ptr[0] == 0;
		for (uint32_t i = 0; ok && i < st->nitems; i++)
			ok = st->ptr[i] <= st->ptr[i + 1];
	}
	if (ok) {
		uint64_t nnz = st->ptr[st->nitems];
		st->col = blob_get_array(&r, nnz, sizeof *st->col);
		st->val = blob_get_array(&r, nnz, sizeof *st->val);
		for (uint64_t q = 0; r.ok && ok && q < nnz; q++)
			ok = st->col[q] < st->ncols;
		/* every name takes 4 bytes at least */
		ok = ok && r.ok && st->ncols <= r.left / 4;
	}
	if (ok) {
		st->colnames = xcalloc(st->ncols ? st->ncols : 1, sizeof *st->colnames);
		for (uint32_t c = 0; ok && c < st->ncols; c++)
			ok = (st->colnames[c] = blob_get_str(&r)) != NULL;
		ok = ok && r.ok && r.left == 0;
	}
	if (!ok) {
		content_state_free(st);
		rs_error_set(err, RS_EPARSE, "model %s: the saved content state is damaged",
		    m->name);
		return -1;
	}
	m->state = st;
	return 0;
}

static void
content_free_state(rs_model *m)
{
	content_state_free(m->state);
	m->state = NULL;
}

const rs_model_kind rs_kind_content = {
	.name = "content",
	.help = "content-based: cosine between the user's profile (the training values times "
	    "the unit feature rows of the user's items, summed) and each item's unit feature "
	    "row from the features step; scores items nobody has interacted with",
	.params = content_params,
	.uses_weights = true,
	.fit = content_fit,
	.score = content_score,
	.explain = content_explain,
	.explain_features = content_explain_features,
	.similar = content_similar,
	.save = content_save,
	.load = content_load,
	.free_state = content_free_state,
};
