/* What the factor models share: state, snapshots, saved bytes, cosine neighbours, random streams, DSGD strata. */
#include "config.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"
#include "util/xmalloc.h"

extern const rs_model_kind rs_kind_mf, rs_kind_svdpp, rs_kind_als, rs_kind_bpr;

/* The kind whose factors each fac_type tag of the saved bytes holds. */
static const rs_model_kind *const fac_type_kinds[] = {
	NULL, &rs_kind_mf, &rs_kind_svdpp, &rs_kind_als, &rs_kind_bpr
};

/* The name of a saved type tag, "?" for one this version does not know. */
static const char *
fac_type_name(uint32_t type)
{
	return type >= 1 && type < 5 ? fac_type_kinds[type]->name : "?";
}

fac_state *
fac_new(enum fac_type type, uint32_t k, uint32_t nusers, uint32_t nitems)
{
	fac_state *s = xcalloc(1, sizeof *s);
	size_t pu = (size_t)nusers * k, qi = (size_t)nitems * k;

	s->type = type;
	s->k = k;
	s->nusers = nusers;
	s->nitems = nitems;
	s->P = xcalloc(pu ? pu : 1, sizeof *s->P);
	s->Q = xcalloc(qi ? qi : 1, sizeof *s->Q);
	if (type == FAC_MF || type == FAC_SVDPP)
		s->bu = xcalloc(nusers ? nusers : 1, sizeof *s->bu);
	if (type != FAC_ALS)
		s->bi = xcalloc(nitems ? nitems : 1, sizeof *s->bi);
	if (type == FAC_SVDPP)
		s->Y = xcalloc(qi ? qi : 1, sizeof *s->Y);
	return s;
}

void
fac_free(fac_state *s)
{
	if (s == NULL)
		return;
	free(s->P);
	free(s->Q);
	free(s->bu);
	free(s->bi);
	free(s->Y);
	free(s->gram_q);
	free(s->gram_p);
	free(s);
}

void
fac_drop_grams(fac_state *s)
{
	free(s->gram_q);
	free(s->gram_p);
	s->gram_q = s->gram_p = NULL;
}

/* x (rows x k floats) grown to newrows rows, the new ones zero */
static float *
grow_rows(float *x, uint32_t rows, uint32_t newrows, uint32_t k)
{
	if (x == NULL)
		return NULL;
	x = xrealloc(x, ((size_t)newrows * k + 1) * sizeof *x);
	memset(x + (size_t)rows * k, 0, (size_t)(newrows - rows) * k * sizeof *x);
	return x;
}

void
fac_grow(fac_state *s, uint32_t nusers, uint32_t nitems)
{
	if (nusers > s->nusers) {
		s->P = grow_rows(s->P, s->nusers, nusers, s->k);
		s->bu = grow_rows(s->bu, s->nusers, nusers, 1);
		s->nusers = nusers;
	}
	if (nitems > s->nitems) {
		s->Q = grow_rows(s->Q, s->nitems, nitems, s->k);
		s->bi = grow_rows(s->bi, s->nitems, nitems, 1);
		s->Y = grow_rows(s->Y, s->nitems, nitems, s->k);
		s->nitems = nitems;
	}
}

static float *
copy_floats(const float *x, size_t n)
{
	float *y;

	if (x == NULL)
		return NULL;
	y = xmalloc((n ? n : 1) * sizeof *y);
	memcpy(y, x, n * sizeof *y);
	return y;
}

fac_state *
fac_copy(const fac_state *s)
{
	fac_state *c = xmalloc(sizeof *c);
	size_t pu = (size_t)s->nusers * s->k, qi = (size_t)s->nitems * s->k;

	*c = *s;
	c->P = copy_floats(s->P, pu);
	c->Q = copy_floats(s->Q, qi);
	c->bu = copy_floats(s->bu, s->nusers);
	c->bi = copy_floats(s->bi, s->nitems);
	c->Y = copy_floats(s->Y, qi);
	c->gram_q = c->gram_p = NULL;
	return c;
}

void *
fac_snapshot(const rs_model *m)
{
	return fac_copy(m->state);
}

/* The model takes the snapshot's arrays; the snapshot keeps the old ones
 * (freed by fac_free_snapshot). */
void
fac_restore(rs_model *m, void *snap)
{
	fac_state tmp = *(fac_state *)m->state;

	*(fac_state *)m->state = *(fac_state *)snap;
	*(fac_state *)snap = tmp;
}

void
fac_free_snapshot(void *snap)
{
	fac_free(snap);
}

void
fac_free_state(rs_model *m)
{
	fac_free(m->state);
	m->state = NULL;
}

/* ---- saved bytes: header, then P, Q, bu, bi, Y (those present) ---- */

#define FAC_MAGIC "RSFM"
#define FAC_VERSION 1u

enum { HAS_BU = 1, HAS_BI = 2, HAS_Y = 4 };

struct fac_header {
	char magic[4];
	uint32_t version, type, k, nusers, nitems, flags;
	float mu, lo, hi;
};

static size_t
payload_floats(const fac_state *s, uint32_t flags)
{
	size_t pu = (size_t)s->nusers * s->k, qi = (size_t)s->nitems * s->k;

	return pu + qi + (flags & HAS_BU ? s->nusers : 0) +
	    (flags & HAS_BI ? s->nitems : 0) + (flags & HAS_Y ? qi : 0);
}

int
fac_save(const rs_model *m, void **buf, size_t *len)
{
	const fac_state *s = m->state;
	struct fac_header h;
	size_t pu = (size_t)s->nusers * s->k, qi = (size_t)s->nitems * s->k;
	char *p;

	memset(&h, 0, sizeof h);
	memcpy(h.magic, FAC_MAGIC, 4);
	h.version = FAC_VERSION;
	h.type = s->type;
	h.k = s->k;
	h.nusers = s->nusers;
	h.nitems = s->nitems;
	h.flags = (s->bu ? HAS_BU : 0) | (s->bi ? HAS_BI : 0) | (s->Y ? HAS_Y : 0);
	h.mu = s->mu;
	h.lo = s->lo;
	h.hi = s->hi;
	*len = sizeof h + payload_floats(s, h.flags) * sizeof(float);
	p = *buf = xmalloc(*len);
	memcpy(p, &h, sizeof h);
	p += sizeof h;
#define PUT(x, n) do { memcpy(p, (x), (n) * sizeof(float)); p += (n) * sizeof(float); } while (0)
	PUT(s->P, pu);
	PUT(s->Q, qi);
	if (s->bu)
		PUT(s->bu, s->nusers);
	if (s->bi)
		PUT(s->bi, s->nitems);
	if (s->Y)
		PUT(s->Y, qi);
#undef PUT
	return 0;
}

int
fac_load_type(rs_model *m, enum fac_type type, const void *buf, size_t len,
    rs_error *err)
{
	struct fac_header h;
	const char *p = buf;
	fac_state *s;
	double want_k = rs_model_param_num(m, "factors");
	uint32_t want_flags;

	if (len < sizeof h) {
		rs_error_set(err, RS_EPARSE, "model %s: %zu bytes is too short for %s factors",
		    m->name, len, fac_type_name(type));
		return -1;
	}
	memcpy(&h, p, sizeof h);
	p += sizeof h;
	if (memcmp(h.magic, FAC_MAGIC, 4) != 0 || h.version != FAC_VERSION) {
		rs_error_set(err, RS_EPARSE, "model %s: not reelscope factor data (version %u)",
		    m->name, FAC_VERSION);
		return -1;
	}
	if (h.type != (uint32_t)type) {
		rs_error_set(err, RS_EPARSE, "model %s: saved factors are %s, not %s",
		    m->name, fac_type_name(h.type), fac_type_name(type));
		return -1;
	}
	if (m->nusers == 0 && m->nitems == 0) {
		m->nusers = h.nusers;
		m->nitems = h.nitems;
	}
	if (h.nusers != m->nusers || h.nitems != m->nitems || h.k == 0 ||
	    (!isnan(want_k) && want_k != h.k)) {
		rs_error_set(err, RS_EPARSE,
		    "model %s: saved factors are %u users x %u items x %u factors, the model has %u x %u x %g",
		    m->name, h.nusers, h.nitems, h.k, m->nusers, m->nitems, want_k);
		return -1;
	}
	s = fac_new(type, h.k, h.nusers, h.nitems);
	want_flags = (s->bu ? HAS_BU : 0) | (s->bi ? HAS_BI : 0) | (s->Y ? HAS_Y : 0);
	if (h.flags != want_flags ||
	    len != sizeof h + payload_floats(s, h.flags) * sizeof(float)) {
		rs_error_set(err, RS_EPARSE, "model %s: %zu bytes of %s factors, expected %zu",
		    m->name, len, fac_type_name(type),
		    sizeof h + payload_floats(s, want_flags) * sizeof(float));
		fac_free(s);
		return -1;
	}
	s->mu = h.mu;
	s->lo = h.lo;
	s->hi = h.hi;
#define GET(x, n) do { memcpy((x), p, (n) * sizeof(float)); p += (n) * sizeof(float); } while (0)
	GET(s->P, (size_t)s->nusers * s->k);
	GET(s->Q, (size_t)s->nitems * s->k);
	if (s->bu)
		GET(s->bu, s->nusers);
	if (s->bi)
		GET(s->bi, s->nitems);
	if (s->Y)
		GET(s->Y, (size_t)s->nitems * s->k);
#undef GET
	if (m->state != NULL && m->kind->free_state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

/* ---- scoring, neighbours, explanations ---- */

void
fac_score_dot(const fac_state *s, const float *rows, size_t nu, float *out)
{
	if (nu == 0 || s->nitems == 0)
		return;
	cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)nu, (int)s->nitems,
	    (int)s->k, 1.0f, rows, (int)s->k, s->Q, (int)s->k, 0.0f, out,
	    (int)s->nitems);
	if (s->bi != NULL)
		for (size_t j = 0; j < nu; j++) {
			float *o = out + j * s->nitems;
			#pragma omp simd
			for (uint32_t i = 0; i < s->nitems; i++)
				o[i] += s->bi[i];
		}
}

void
fac_score_users(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const fac_state *s = m->state;
	float *rows = xcalloc(nu ? nu * s->k : 1, sizeof *rows);

	for (size_t j = 0; j < nu; j++)
		if (users[j] < s->nusers)
			memcpy(rows + j * s->k, s->P + (size_t)users[j] * s->k,
			    s->k * sizeof *rows);
	fac_score_dot(s, rows, nu, out);
	free(rows);
}

size_t
fac_similar(const rs_model *m, uint32_t item, uint32_t *out, float *scores,
    size_t k)
{
	const fac_state *s = m->state;
	float *x, nt;
	size_t n;

	if (s == NULL || item >= s->nitems)
		return 0;
	nt = sqrtf(fac_dot(s->Q + (size_t)item * s->k, s->Q + (size_t)item * s->k, s->k));
	if (!(nt > 0))
		return 0;
	x = xmalloc(s->nitems * sizeof *x);
	cblas_sgemv(CblasRowMajor, CblasNoTrans, (int)s->nitems, (int)s->k, 1.0f,
	    s->Q, (int)s->k, s->Q + (size_t)item * s->k, 1, 0.0f, x, 1);
	for (uint32_t i = 0; i < s->nitems; i++) {
		const float *qi = s->Q + (size_t)i * s->k;
		float ni = sqrtf(fac_dot(qi, qi, s->k));
		if (i == item || !(ni > 0) ||
		    (m->popularity != NULL && m->popularity[i] == 0))
			x[i] = NAN;	/* itself, or never trained: no evidence */
		else
			x[i] /= nt * ni;
	}
	n = rs_topk(x, s->nitems, NULL, k, out);
	for (size_t j = 0; scores != NULL && j < n; j++)
		scores[j] = x[out[j]];
	free(x);
	return n;
}

size_t
fac_reasons_top(rs_reason *r, size_t n, size_t max)
{
	qsort(r, n, sizeof *r, rs_reason_cmp);
	return n < max ? n : max;
}

size_t
fac_explain_cosine(const rs_model *m, uint32_t user, uint32_t item,
    const float *weights, rs_reason *out, size_t max)
{
	const fac_state *s = m->state;
	const rs_imat *t = m->train;
	const float *qt;
	float nt;
	uint64_t a, b;
	rs_reason *r;
	size_t n = 0;

	if (s == NULL || t == NULL || user >= t->nusers || item >= s->nitems)
		return 0;
	qt = s->Q + (size_t)item * s->k;
	nt = sqrtf(fac_dot(qt, qt, s->k));
	a = t->uptr[user];
	b = t->uptr[user + 1];
	if (!(nt > 0) || a == b)
		return 0;
	r = xmalloc((b - a) * sizeof *r);
	for (uint64_t q = a; q < b; q++) {
		const float *qj = s->Q + (size_t)t->uidx[q] * s->k;
		float nj = sqrtf(fac_dot(qj, qj, s->k));
		if (!(nj > 0) || t->uidx[q] == item)
			continue;	/* no direction, or the item itself */
		r[n].id = t->uidx[q];
		r[n].is_user = false;
		r[n].weight = weights[q - a] * fac_dot(qt, qj, s->k) / (nt * nj);
		n++;
	}
	n = fac_reasons_top(r, n, max);
	memcpy(out, r, n * sizeof *r);
	free(r);
	return n;
}

static int
cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return (x > y) - (x < y);
}

float
fac_error_bound(const rs_imat *t)
{
	size_t stride = t->nnz / 100000 + 1, m = 0;
	float *v = xmalloc((t->nnz / stride + 1) * sizeof *v), lo, hi, b, top = 0;

	for (size_t q = 0; q < t->nnz; q++)
		top = fabsf(t->uval[q]) > top ? fabsf(t->uval[q]) : top;
	for (size_t q = 0; q < t->nnz; q += stride)
		v[m++] = t->uval[q];
	if (m == 0) {
		free(v);
		return INFINITY;
	}
	qsort(v, m, sizeof *v, cmp_float);
	lo = v[(size_t)((double)(m - 1) * 0.01)];
	hi = v[(size_t)((double)(m - 1) * 0.99)];
	free(v);
	if (!(top > FAC_EXTREME * fabsf(hi)))
		return INFINITY;	/* no extreme values: plain SGD */
	b = FAC_ERROR_SPANS * (hi - lo);
	return b > 1 ? b : 1;
}

void
fac_init_normal(float *X, uint32_t n, uint32_t k, double std, uint64_t seed,
    uint64_t purpose, const uint64_t *ptr)
{
	#pragma omp parallel for schedule(static) if ((uint64_t)n * k >= FAC_PARALLEL_MIN)
	for (uint32_t r = 0; r < n; r++) {
		float *x = X + (size_t)r * k;
		rnd_gen g = rnd_stream(seed, purpose, r);
		if (ptr != NULL && ptr[r + 1] == ptr[r]) {
			memset(x, 0, k * sizeof *x);
			continue;
		}
		for (uint32_t f = 0; f < k; f += 2) {
			/* Box-Muller: two normals from two uniforms */
			double u1 = 1.0 - rnd_uniform(&g), u2 = rnd_uniform(&g);
			double rad = sqrt(-2.0 * log(u1)) * std;
			x[f] = (float)(rad * cos(2 * M_PI * u2));
			if (f + 1 < k)
				x[f + 1] = (float)(rad * sin(2 * M_PI * u2));
		}
	}
}

/* ---- DSGD strata ---- */

#define TAG_DEAL 0x5354524154000000ULL	/* "STRAT" */
#define TAG_RUN 0x52554e0000000000ULL	/* "RUN" */

/* A random permutation of 0..n-1 from stream r. */
static void
permute(uint32_t *perm, uint32_t n, rnd_gen *r)
{
	for (uint32_t i = 0; i < n; i++)
		perm[i] = i;
	for (uint32_t i = n; i > 1; i--) {
		uint32_t j = rnd_below(r, i), tmp = perm[i - 1];
		perm[i - 1] = perm[j];
		perm[j] = tmp;
	}
}

void
fac_strata_build(fac_strata *st, const rs_imat *t, uint64_t seed,
    uint32_t epoch)
{
	const uint32_t B = FAC_BLOCKS;
	uint32_t *uperm = xmalloc((t->nusers ? t->nusers : 1) * sizeof *uperm);
	uint64_t *fill;
	rnd_gen r;

	memset(st, 0, sizeof *st);
	st->ent = xmalloc((t->nnz ? t->nnz : 1) * sizeof *st->ent);
	st->ublock = xmalloc((t->nusers ? t->nusers : 1) * sizeof *st->ublock);
	st->iblock = xmalloc((t->nitems ? t->nitems : 1) * sizeof *st->iblock);
	st->items = xmalloc((t->nitems ? t->nitems : 1) * sizeof *st->items);
	/* deal users and items into B blocks of (nearly) equal size */
	r = rnd_stream(seed, TAG_DEAL | epoch, 1);
	permute(uperm, t->nusers, &r);
	for (uint32_t j = 0; j < t->nusers; j++)
		st->ublock[uperm[j]] = (uint32_t)((uint64_t)j * B / t->nusers);
	r = rnd_stream(seed, TAG_DEAL | epoch, 2);
	permute(st->items, t->nitems, &r);
	for (uint32_t j = 0; j < t->nitems; j++)
		st->iblock[st->items[j]] = (uint32_t)((uint64_t)j * B / t->nitems);
	for (uint32_t b = 0; b <= B; b++)
		st->istart[b] = (uint32_t)(((uint64_t)b * t->nitems + B - 1) / B);
	free(uperm);
	/* rows by stratum */
	for (uint32_t u = 0; u < t->nusers; u++)
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++)
			st->start[st->ublock[u] * B + st->iblock[t->uidx[q]] + 1]++;
	for (uint32_t c = 0; c < B * B; c++)
		st->start[c + 1] += st->start[c];
	fill = xmalloc((B * B) * sizeof *fill);
	memcpy(fill, st->start, (B * B) * sizeof *fill);
	for (uint32_t u = 0; u < t->nusers; u++)
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
			fac_entry *e = &st->ent[fill[st->ublock[u] * B + st->iblock[t->uidx[q]]]++];
			e->u = u;
			e->i = t->uidx[q];
			e->v = t->uval[q];
			e->w = t->uw != NULL ? t->uw[q] : 1.0f;
		}
	free(fill);
	#pragma omp parallel for schedule(dynamic, 1) if (t->nnz >= FAC_PARALLEL_MIN / 4)
	for (uint32_t c = 0; c < B * B; c++) {
		rnd_gen g = rnd_stream(seed, TAG_DEAL | epoch, 16 + c);
		fac_entry *e = st->ent + st->start[c];
		uint64_t n = st->start[c + 1] - st->start[c];
		for (uint64_t i = n; i > 1; i--) {
			uint64_t j = (uint64_t)(rnd_uniform(&g) * (double)i);
			fac_entry tmp;
			if (j >= i)
				j = i - 1;
			tmp = e[i - 1];
			e[i - 1] = e[j];
			e[j] = tmp;
		}
	}
}

void
fac_strata_free(fac_strata *st)
{
	free(st->ent);
	free(st->ublock);
	free(st->iblock);
	free(st->items);
	memset(st, 0, sizeof *st);
}

double
fac_strata_run(const fac_strata *st, fac_stratum_fn fn, void *ctx,
    uint64_t seed, uint32_t epoch)
{
	const uint32_t B = FAC_BLOCKS;
	double part[FAC_BLOCKS * FAC_BLOCKS], total = 0;
	bool parallel = st->start[B * B] >= FAC_PARALLEL_MIN / 16;

	for (uint32_t s = 0; s < B; s++) {
		#pragma omp parallel for schedule(dynamic, 1) if (parallel)
		for (uint32_t b = 0; b < B; b++) {
			uint32_t c = (b + s) % B;
			rnd_gen g = rnd_stream(seed, TAG_RUN | epoch, b * B + c);
			part[b * B + c] = fn(ctx, st, b, c, &g);
		}
	}
	for (uint32_t c = 0; c < B * B; c++)
		total += part[c];
	return total;
}

int
fac_blas_serial_begin(void)
{
	int n = openblas_get_num_threads();

	if (n > 1)
		openblas_set_num_threads(1);
	return n;
}

void
fac_blas_serial_end(int saved)
{
	if (saved > 1)
		openblas_set_num_threads(saved);
}
