/* Learned model state as bytes: a growing writer, a bounds-checked reader, training matrices in and out. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/blob.h"
#include "util/xmalloc.h"

void
blob_put(blob *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = util_grow_capacity(b->cap, b->len + n);
		b->buf = xrealloc(b->buf, b->cap);
	}
	if (n > 0)
		memcpy(b->buf + b->len, p, n);
	b->len += n;
}

void
blob_u32(blob *b, uint32_t v)
{
	blob_put(b, &v, sizeof v);
}

void
blob_u64(blob *b, uint64_t v)
{
	blob_put(b, &v, sizeof v);
}

void
blob_f64(blob *b, double v)
{
	blob_put(b, &v, sizeof v);
}

void
blob_str(blob *b, const char *s)
{
	uint32_t n = s != NULL ? (uint32_t)strlen(s) : UINT32_MAX;

	blob_u32(b, n);
	if (s != NULL)
		blob_put(b, s, n);
}

void
blob_take(blob *b, void **buf, size_t *len)
{
	if (b->buf == NULL)
		b->buf = xmalloc(1);
	*buf = b->buf;
	*len = b->len;
	memset(b, 0, sizeof *b);
}

void
blob_reader_init(blob_reader *r, const void *buf, size_t len)
{
	r->p = buf;
	r->left = buf != NULL ? len : 0;
	r->ok = true;
}

bool
blob_get(blob_reader *r, void *p, size_t n)
{
	if (!r->ok || n > r->left) {
		r->ok = false;
		memset(p, 0, n);
		return false;
	}
	memcpy(p, r->p, n);
	r->p += n;
	r->left -= n;
	return true;
}

uint32_t
blob_get_u32(blob_reader *r)
{
	uint32_t v;

	blob_get(r, &v, sizeof v);
	return v;
}

uint64_t
blob_get_u64(blob_reader *r)
{
	uint64_t v;

	blob_get(r, &v, sizeof v);
	return v;
}

double
blob_get_f64(blob_reader *r)
{
	double v;

	blob_get(r, &v, sizeof v);
	return v;
}

void *
blob_get_array(blob_reader *r, uint64_t n, size_t size)
{
	void *p;

	/* a corrupt count must not become a huge allocation */
	if (!r->ok || (size > 0 && n > r->left / size)) {
		r->ok = false;
		return NULL;
	}
	p = xmalloc(n * size > 0 ? n * size : 1);
	blob_get(r, p, n * size);
	return p;
}

char *
blob_get_str(blob_reader *r)
{
	uint32_t n = blob_get_u32(r);
	char *s;

	if (!r->ok || n == UINT32_MAX || n > r->left) {
		if (n != UINT32_MAX)
			r->ok = false;
		return NULL;
	}
	s = xmalloc((size_t)n + 1);
	blob_get(r, s, n);
	s[n] = '\0';
	return s;
}

/* ---- training matrices ---- */

void
blob_imat(blob *b, const rs_imat *m)
{
	blob_u32(b, m->nusers);
	blob_u32(b, m->nitems);
	blob_u64(b, m->nnz);
	blob_f64(b, m->mean);
	blob_u32(b, m->explicit_values);
	blob_put(b, m->uptr, ((size_t)m->nusers + 1) * sizeof *m->uptr);
	blob_put(b, m->uidx, m->nnz * sizeof *m->uidx);
	blob_put(b, m->uval, m->nnz * sizeof *m->uval);
	blob_put(b, m->utime, m->nnz * sizeof *m->utime);
}

rs_imat *
blob_get_imat(blob_reader *r)
{
	rs_imat *m = xcalloc(1, sizeof *m);
	bool ok;

	m->nusers = blob_get_u32(r);
	m->nitems = blob_get_u32(r);
	m->nnz = blob_get_u64(r);
	m->mean = blob_get_f64(r);
	m->explicit_values = blob_get_u32(r) != 0;
	m->uptr = blob_get_array(r, (uint64_t)m->nusers + 1, sizeof *m->uptr);
	m->uidx = blob_get_array(r, m->nnz, sizeof *m->uidx);
	m->uval = blob_get_array(r, m->nnz, sizeof *m->uval);
	m->utime = blob_get_array(r, m->nnz, sizeof *m->utime);
	ok = r->ok && m->uptr[0] == 0 && m->uptr[m->nusers] == m->nnz;
	for (uint32_t u = 0; ok && u < m->nusers; u++)
		ok = m->uptr[u] <= m->uptr[u + 1];
	for (size_t k = 0; ok && k < m->nnz; k++)
		ok = m->uidx[k] < m->nitems;
	if (!ok) {
		r->ok = false;
		/* the item layout is not built yet: free what exists */
		rs_imat_free(m);
		return NULL;
	}
	model_imat_transpose(m);
	return m;
}

rs_imat *
model_imat_copy(const rs_imat *m)
{
	rs_imat *c = xcalloc(1, sizeof *c);
	size_t nz = m->nnz ? m->nnz : 1;

	*c = *m;
	c->uptr = xmalloc(((size_t)m->nusers + 1) * sizeof *c->uptr);
	memcpy(c->uptr, m->uptr, ((size_t)m->nusers + 1) * sizeof *c->uptr);
	c->uidx = xmalloc(nz * sizeof *c->uidx);
	memcpy(c->uidx, m->uidx, m->nnz * sizeof *c->uidx);
	c->uval = xmalloc(nz * sizeof *c->uval);
	memcpy(c->uval, m->uval, m->nnz * sizeof *c->uval);
	c->utime = xmalloc(nz * sizeof *c->utime);
	memcpy(c->utime, m->utime, m->nnz * sizeof *c->utime);
	model_imat_transpose(c);
	return c;
}

bool
model_imat_same(const rs_imat *a, const rs_imat *b)
{
	if (a == b)
		return true;
	if (a == NULL || b == NULL || a->nusers != b->nusers ||
	    a->nitems != b->nitems || a->nnz != b->nnz ||
	    a->explicit_values != b->explicit_values)
		return false;
	return memcmp(a->uptr, b->uptr, ((size_t)a->nusers + 1) * sizeof *a->uptr) == 0 &&
	    memcmp(a->uidx, b->uidx, a->nnz * sizeof *a->uidx) == 0 &&
	    memcmp(a->uval, b->uval, a->nnz * sizeof *a->uval) == 0;
}
