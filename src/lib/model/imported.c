/* The imported kind: top-k lists produced elsewhere; listed items score by rank, everything else NaN (never recommended). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/model.h"
#include "model/imported.h"
#include "util/xmalloc.h"

static const rs_param_spec imported_params[] = {
	{ "file", RS_PARAM_STR, "", 0, -1, NULL, "the file the lists came from" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static int
imported_fit(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	(void)ctx;
	rs_error_set(err, RS_EINVAL,
	    "%s: imported lists are read with import recs FILE as NAME, not trained",
	    m->name);
	return -1;
}

/* Listed items get their rank-derived score (list length - rank + 1), the
 * rest NaN, so top-k returns the list as given and nothing else. */
static void
imported_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct imported_lists *s = m->state;

	for (size_t j = 0; j < nu; j++) {
		float *row = out + j * m->nitems;
		uint32_t u = users[j];
		for (uint32_t i = 0; i < m->nitems; i++)
			row[i] = NAN;
		if (s == NULL || u >= s->nusers)
			continue;
		for (uint64_t q = s->ptr[u]; q < s->ptr[u + 1]; q++)
			row[s->item[q]] = s->score[q];
	}
}

void
model_imported_lists_free(struct imported_lists *s)
{
	if (s == NULL)
		return;
	free(s->ptr);
	free(s->item);
	free(s->score);
	free(s);
}

static void
imported_free_state(rs_model *m)
{
	model_imported_lists_free(m->state);
	m->state = NULL;
}

/* Bytes: nusers (u32), nnz (u64), ptr[nusers+1] (u64), item[nnz] (u32),
 * score[nnz] (f32), native byte order (the store frames and checks them). */
static int
imported_save(const rs_model *m, void **buf, size_t *len)
{
	const struct imported_lists *s = m->state;
	uint64_t nnz = s->ptr[s->nusers];
	size_t n = 4 + 8 + ((size_t)s->nusers + 1) * 8 + nnz * 8;
	char *p = xmalloc(n);

	*buf = p;
	*len = n;
	memcpy(p, &s->nusers, 4);
	memcpy(p + 4, &nnz, 8);
	p += 12;
	memcpy(p, s->ptr, ((size_t)s->nusers + 1) * 8);
	p += ((size_t)s->nusers + 1) * 8;
	memcpy(p, s->item, nnz * 4);
	memcpy(p + nnz * 4, s->score, nnz * 4);
	return 0;
}

static int
imported_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	const char *p = buf;
	struct imported_lists *s;
	uint64_t nnz;
	uint32_t nu;

	if (len < 12)
		goto bad;
	memcpy(&nu, p, 4);
	memcpy(&nnz, p + 4, 8);
	if (nu != m->nusers || nnz > (len - 12) / 8 ||
	    len != 12 + ((size_t)nu + 1) * 8 + nnz * 8)
		goto bad;
	s = xcalloc(1, sizeof *s);
	s->nusers = nu;
	s->ptr = xmalloc(((size_t)nu + 1) * 8);
	s->item = xmalloc((nnz ? nnz : 1) * 4);
	s->score = xmalloc((nnz ? nnz : 1) * 4);
	memcpy(s->ptr, p + 12, ((size_t)nu + 1) * 8);
	memcpy(s->item, p + 12 + ((size_t)nu + 1) * 8, nnz * 4);
	memcpy(s->score, p + 12 + ((size_t)nu + 1) * 8 + nnz * 4, nnz * 4);
	for (uint32_t u = 0; u < nu; u++)
		if (s->ptr[u] > s->ptr[u + 1] || s->ptr[u + 1] > nnz) {
			model_imported_lists_free(s);
			goto bad;
		}
	for (uint64_t q = 0; q < nnz; q++)
		if (s->item[q] >= m->nitems) {
			model_imported_lists_free(s);
			goto bad;
		}
	m->state = s;
	return 0;
bad:
	rs_error_set(err, RS_EPARSE, "model %s: the imported lists are damaged", m->name);
	return -1;
}

const rs_model_kind rs_kind_imported = {
	.name = "imported",
	.help = "top-k lists produced elsewhere, read by import recs (not trainable)",
	.params = imported_params,
	.imported = true,
	.fit = imported_fit,
	.score = imported_score,
	.save = imported_save,
	.load = imported_load,
	.free_state = imported_free_state,
};
