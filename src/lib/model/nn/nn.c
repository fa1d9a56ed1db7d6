/* Neural-network pieces: parameter arrays, Adam and SGD, dense layers, activations, dropout, losses, chunked batches. */
#include "config.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"	/* fac_blas_serial_* */
#include "model/nn/nn.h"
#include "util/xmalloc.h"

/* ---- parameter arrays ---- */

float *
nn_net_add(nn_net *net, const char *name, size_t n, uint32_t rows)
{
	nn_array *a;

	if (net->narrays == NN_MAX_ARRAYS)
		abort();	/* a programming error: raise NN_MAX_ARRAYS */
	a = &net->a[net->narrays++];
	memset(a, 0, sizeof *a);
	a->name = name;
	a->n = n;
	a->rows = rows ? rows : 1;
	a->sparse = rows > 0;
	a->w = xcalloc(n ? n : 1, sizeof *a->w);
	if (!a->sparse)
		net->dense_floats += n;
	return a->w;
}

void
nn_net_free(nn_net *net)
{
	for (size_t k = 0; k < net->narrays; k++) {
		free(net->a[k].w);
		free(net->a[k].m);
		free(net->a[k].v);
	}
	memset(net, 0, sizeof *net);
}

size_t
nn_net_offset(const nn_net *net, const float *w)
{
	size_t off = 0;

	for (size_t k = 0; k < net->narrays; k++) {
		if (net->a[k].w == w)
			return off;
		if (!net->a[k].sparse)
			off += net->a[k].n;
	}
	abort();	/* not an array of this net */
}

nn_array *
nn_net_array(nn_net *net, const float *w)
{
	for (size_t k = 0; k < net->narrays; k++)
		if (net->a[k].w == w)
			return &net->a[k];
	abort();
}

void
nn_init_normal(float *w, size_t n, double std, uint64_t seed, uint64_t purpose)
{
	rnd_gen g = rnd_stream(seed, purpose, 0x4e4e);

	for (size_t k = 0; k < n && std > 0; k += 2) {
		double u1 = 1.0 - rnd_uniform(&g), u2 = rnd_uniform(&g);
		double rad = sqrt(-2.0 * log(u1)) * std;
		w[k] = (float)(rad * cos(2 * M_PI * u2));
		if (k + 1 < n)
			w[k + 1] = (float)(rad * sin(2 * M_PI * u2));
	}
}

void
nn_init_glorot(float *w, uint32_t fan_out, uint32_t fan_in, uint64_t seed,
    uint64_t purpose)
{
	rnd_gen g = rnd_stream(seed, purpose, 0x474c);
	double a = sqrt(6.0 / ((double)fan_in + fan_out));

	for (size_t k = 0; k < (size_t)fan_out * fan_in; k++)
		w[k] = (float)((2 * rnd_uniform(&g) - 1) * a);
}

float *
nn_net_snapshot(const nn_net *net)
{
	size_t total = 0, off = 0;
	float *s;

	for (size_t k = 0; k < net->narrays; k++)
		total += net->a[k].n;
	s = xmalloc((total ? total : 1) * sizeof *s);
	for (size_t k = 0; k < net->narrays; k++) {
		memcpy(s + off, net->a[k].w, net->a[k].n * sizeof *s);
		off += net->a[k].n;
	}
	return s;
}

void
nn_net_restore(nn_net *net, const float *snap)
{
	size_t off = 0;

	for (size_t k = 0; k < net->narrays; k++) {
		memcpy(net->a[k].w, snap + off, net->a[k].n * sizeof *snap);
		off += net->a[k].n;
	}
}

void
nn_net_save(const nn_net *net, blob *b)
{
	blob_u32(b, (uint32_t)net->narrays);
	for (size_t k = 0; k < net->narrays; k++) {
		blob_u64(b, net->a[k].n);
		blob_put(b, net->a[k].w, net->a[k].n * sizeof(float));
	}
}

bool
nn_net_load(nn_net *net, blob_reader *r)
{
	if (blob_get_u32(r) != net->narrays || !r->ok)
		return false;
	for (size_t k = 0; k < net->narrays; k++) {
		if (blob_get_u64(r) != net->a[k].n || !r->ok)
			return false;
		if (!blob_get(r, net->a[k].w, net->a[k].n * sizeof(float)))
			return false;
	}
	return true;
}

bool
nn_net_finite(const nn_net *net)
{
	for (size_t k = 0; k < net->narrays; k++)
		for (size_t j = 0; j < net->a[k].n; j++)
			if (!isfinite(net->a[k].w[j]))
				return false;
	return true;
}

/* ---- optimizers ---- */

void
nn_opt_init(nn_opt *o, enum nn_opt_kind kind, double lr, double wd)
{
	o->kind = kind;
	o->lr = (float)lr;
	o->wd = (float)wd;
	o->b1 = 0.9f;
	o->b2 = 0.999f;
	o->eps = 1e-8f;
}

void
nn_opt_from_params(nn_opt *o, const rs_model *m)
{
	const char *name = rs_model_param(m, "optimizer");

	nn_opt_init(o, name != NULL && strcmp(name, "sgd") == 0 ? NN_SGD : NN_ADAM,
	    rs_model_param_num(m, "lr"), rs_model_param_num(m, "wd"));
}

/* Adam's bias-corrected step size and epsilon at a step. */
struct adam_k {
	float a, eps, decay;
};

static struct adam_k
adam_k(const nn_opt *o, uint64_t step)
{
	struct adam_k k;
	float c1 = (float)(1 - pow(o->b1, (double)step));
	float c2 = (float)(1 - pow(o->b2, (double)step));

	k.a = o->lr * sqrtf(c2) / c1;
	k.eps = o->eps * sqrtf(c2);
	k.decay = o->lr * o->wd;
	return k;
}

/* One parameter vector's update from gradient g (n floats). */
static void
update(const nn_opt *o, const struct adam_k *ak, float *restrict w,
    float **mp, float **vp, const float *restrict g, size_t n, float scale)
{
	if (o->kind == NN_SGD) {
		#pragma omp simd
		for (size_t k = 0; k < n; k++)
			w[k] -= o->lr * (scale * g[k] + o->wd * w[k]);
		return;
	}
	if (*mp == NULL) {
		*mp = xcalloc(n ? n : 1, sizeof **mp);
		*vp = xcalloc(n ? n : 1, sizeof **vp);
	}
	{
		float *restrict m = *mp, *restrict v = *vp;
		const float a = ak->a, eps = ak->eps, decay = ak->decay;
		const float b1 = o->b1, b2 = o->b2;
		#pragma omp simd
		for (size_t k = 0; k < n; k++) {
			float gk = scale * g[k];
			m[k] = b1 * m[k] + (1 - b1) * gk;
			v[k] = b2 * v[k] + (1 - b2) * gk * gk;
			w[k] -= a * m[k] / (sqrtf(v[k]) + eps) + decay * w[k];
		}
	}
}

void
nn_opt_dense(const nn_opt *o, nn_net *net, const float *g, float scale)
{
	size_t off = 0;

	struct adam_k ak;

	net->step++;
	ak = adam_k(o, net->step);
	for (size_t k = 0; k < net->narrays; k++) {
		nn_array *a = &net->a[k];
		if (a->sparse)
			continue;
		update(o, &ak, a->w, &a->m, &a->v, g + off, a->n, scale);
		off += a->n;
	}
}

void
nn_net_tick(nn_net *net)
{
	net->step++;
}

void
nn_rows_init(nn_rows *r, uint32_t nrows, uint32_t dim)
{
	memset(r, 0, sizeof *r);
	r->dim = dim;
	r->nrows = nrows;
	r->slot = xmalloc((nrows ? nrows : 1) * sizeof *r->slot);
	memset(r->slot, 0xff, (nrows ? nrows : 1) * sizeof *r->slot);
}

void
nn_rows_free(nn_rows *r)
{
	free(r->slot);
	free(r->touched);
	free(r->g);
	memset(r, 0, sizeof *r);
}

void
nn_rows_add(nn_rows *r, uint32_t row, const float *grad, float scale)
{
	int32_t s = r->slot[row];
	float *g;

	if (s < 0) {
		if (r->ntouched == r->cap) {
			r->cap = r->cap ? 2 * r->cap : 256;
			r->touched = xrealloc(r->touched, r->cap * sizeof *r->touched);
			r->g = xrealloc(r->g, r->cap * r->dim * sizeof *r->g);
		}
		s = r->slot[row] = (int32_t)r->ntouched;
		r->touched[r->ntouched++] = row;
		memset(r->g + (size_t)s * r->dim, 0, r->dim * sizeof *r->g);
	}
	g = r->g + (size_t)s * r->dim;
	#pragma omp simd
	for (uint32_t k = 0; k < r->dim; k++)
		g[k] += scale * grad[k];
}

void
nn_opt_rows(const nn_opt *o, nn_net *net, nn_array *a, nn_rows *r, float scale)
{
	const uint32_t dim = r->dim;
	struct adam_k ak = adam_k(o, net->step ? net->step : 1);

	if (o->kind == NN_ADAM && a->m == NULL) {
		a->m = xcalloc(a->n ? a->n : 1, sizeof *a->m);
		a->v = xcalloc(a->n ? a->n : 1, sizeof *a->v);
	}
	#pragma omp parallel for schedule(static) if ((size_t)r->ntouched * dim >= 65536)
	for (size_t j = 0; j < r->ntouched; j++) {
		size_t row = r->touched[j];
		float *mp = a->m ? a->m + row * dim : NULL;
		float *vp = a->v ? a->v + row * dim : NULL;
		update(o, &ak, a->w + row * dim, &mp, &vp, r->g + j * dim, dim, scale);
	}
	for (size_t j = 0; j < r->ntouched; j++)
		r->slot[r->touched[j]] = -1;
	r->ntouched = 0;
}

/* ---- layers ---- */

void
nn_dense_fwd(const float *W, const float *b, uint32_t in, uint32_t out,
    const float *x, uint32_t n, float *y)
{
	if (n == 0)
		return;
	cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)n, (int)out, (int)in,
	    1.0f, x, (int)in, W, (int)in, 0.0f, y, (int)out);
	if (b != NULL)
		for (uint32_t k = 0; k < n; k++) {
			float *yk = y + (size_t)k * out;
			#pragma omp simd
			for (uint32_t j = 0; j < out; j++)
				yk[j] += b[j];
		}
}

void
nn_dense_bwd(const float *W, uint32_t in, uint32_t out, const float *x,
    const float *dy, uint32_t n, float *dW, float *db, float *dx)
{
	if (n == 0)
		return;
	if (dW != NULL)
		cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)out, (int)in,
		    (int)n, 1.0f, dy, (int)out, x, (int)in, 1.0f, dW, (int)in);
	if (db != NULL)
		for (uint32_t k = 0; k < n; k++) {
			const float *d = dy + (size_t)k * out;
			#pragma omp simd
			for (uint32_t j = 0; j < out; j++)
				db[j] += d[j];
		}
	if (dx != NULL)
		cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)n, (int)in,
		    (int)out, 1.0f, dy, (int)out, W, (int)in, 0.0f, dx, (int)in);
}

static inline float
sigmoidf(float x)
{
	return x >= 0 ? 1.0f / (1.0f + expf(-x)) : expf(x) / (1.0f + expf(x));
}

void
nn_act_fwd(enum nn_act f, float *x, size_t n)
{
	switch (f) {
	case NN_LINEAR:
		break;
	case NN_RELU:
		#pragma omp simd
		for (size_t k = 0; k < n; k++)
			x[k] = x[k] > 0 ? x[k] : 0;
		break;
	case NN_TANH:
		for (size_t k = 0; k < n; k++)
			x[k] = tanhf(x[k]);
		break;
	case NN_SIGMOID:
		for (size_t k = 0; k < n; k++)
			x[k] = sigmoidf(x[k]);
		break;
	}
}

void
nn_act_bwd(enum nn_act f, const float *y, float *dy, size_t n)
{
	switch (f) {
	case NN_LINEAR:
		break;
	case NN_RELU:
		#pragma omp simd
		for (size_t k = 0; k < n; k++)
			dy[k] = y[k] > 0 ? dy[k] : 0;
		break;
	case NN_TANH:
		#pragma omp simd
		for (size_t k = 0; k < n; k++)
			dy[k] *= 1 - y[k] * y[k];
		break;
	case NN_SIGMOID:
		#pragma omp simd
		for (size_t k = 0; k < n; k++)
			dy[k] *= y[k] * (1 - y[k]);
		break;
	}
}

void
nn_dropout_fwd(float *x, float *mask, size_t n, float p, rnd_gen *rng)
{
	float keep = 1.0f / (1.0f - p);

	for (size_t k = 0; k < n; k++) {
		mask[k] = rnd_uniform(rng) < p ? 0.0f : keep;
		x[k] *= mask[k];
	}
}

void
nn_dropout_bwd(float *dy, const float *mask, size_t n)
{
	#pragma omp simd
	for (size_t k = 0; k < n; k++)
		dy[k] *= mask[k];
}

void
nn_embed_fwd(const float *table, uint32_t dim, const uint32_t *idx, uint32_t n,
    float *out)
{
	for (uint32_t k = 0; k < n; k++)
		memcpy(out + (size_t)k * dim, table + (size_t)idx[k] * dim,
		    dim * sizeof *out);
}

/* ---- losses ---- */

double
nn_bce_logits(const float *s, const float *y, size_t n, float *ds)
{
	double loss = 0;

	for (size_t k = 0; k < n; k++) {
		double x = s[k];
		/* log(1 + e^x) - y x, stable on both sides */
		loss += (x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))) - y[k] * x;
		ds[k] = sigmoidf(s[k]) - y[k];
	}
	return loss;
}

double
nn_softmax_xent(const float *s, uint32_t n, uint32_t t, float *ds)
{
	float mx = -INFINITY;
	double z = 0;

	for (uint32_t k = 0; k < n; k++)
		mx = s[k] > mx ? s[k] : mx;
	for (uint32_t k = 0; k < n; k++)
		z += exp((double)s[k] - mx);
	for (uint32_t k = 0; k < n; k++)
		ds[k] = (float)(exp((double)s[k] - mx) / z);
	ds[t] -= 1;
	return log(z) + mx - s[t];
}

double
nn_bpr_max(const float *s, uint32_t n, uint32_t t, float reg, float *ds)
{
	/* w_j = softmax over negatives; L = -log sum_j w_j sig(s_t - s_j)
	 * + reg sum_j w_j s_j^2 */
	double mx = -INFINITY, z = 0, a = 0, rsum = 0, loss;
	double *w = xmalloc((n ? n : 1) * sizeof *w);
	double *sg = xmalloc((n ? n : 1) * sizeof *sg);

	for (uint32_t j = 0; j < n; j++)
		if (j != t && s[j] > mx)
			mx = s[j];
	for (uint32_t j = 0; j < n; j++) {
		w[j] = j == t ? 0 : exp((double)s[j] - mx);
		z += w[j];
	}
	for (uint32_t j = 0; j < n; j++) {
		double d = (double)s[t] - s[j];
		w[j] /= z;
		sg[j] = d >= 0 ? 1 / (1 + exp(-d)) : exp(d) / (1 + exp(d));
		a += w[j] * sg[j];
		rsum += w[j] * (double)s[j] * s[j];
	}
	if (a < 1e-30)
		a = 1e-30;
	loss = -log(a) + reg * rsum;
	/* dL/ds_t = -(1/a) sum_j w_j sg_j (1 - sg_j);
	 * dL/ds_j (j != t) = -(1/a) [w_j (sg_j - a) - w_j sg_j (1 - sg_j)]
	 *                   + reg [w_j (s_j^2 - rsum) + 2 w_j s_j]
	 * (the w_j (x_j - avg) terms are the softmax weights' derivative) */
	ds[t] = 0;
	for (uint32_t j = 0; j < n; j++) {
		double d2, sj = s[j];
		if (j == t)
			continue;
		d2 = w[j] * sg[j] * (1 - sg[j]);
		ds[t] -= (float)(d2 / a);
		ds[j] = (float)(-(w[j] * (sg[j] - a) - d2) / a +
		    reg * (w[j] * (sj * sj - rsum) + 2 * w[j] * sj));
	}
	free(w);
	free(sg);
	return loss;
}

/* ---- batches ---- */

void
nn_chunks_run(uint32_t n, nn_chunk_fn fn, void *ctx, bool parallel)
{
	int saved = 1;

	if (parallel)
		saved = fac_blas_serial_begin();
	#pragma omp parallel for schedule(dynamic, 1) if (parallel)
	for (uint32_t c = 0; c < NN_CHUNKS; c++) {
		uint32_t lo = (uint32_t)((uint64_t)n * c / NN_CHUNKS);
		uint32_t hi = (uint32_t)((uint64_t)n * (c + 1) / NN_CHUNKS);
		fn(ctx, c, lo, hi);
	}
	if (parallel)
		fac_blas_serial_end(saved);
}

void
nn_chunks_reduce(float *const *g, size_t len)
{
	for (uint32_t c = 1; c < NN_CHUNKS; c++) {
		const float *restrict src = g[c];
		float *restrict dst = g[0];
		#pragma omp simd
		for (size_t k = 0; k < len; k++)
			dst[k] += src[k];
	}
}

void
nn_permute(uint32_t *perm, uint32_t n, rnd_gen *r)
{
	for (uint32_t i = 0; i < n; i++)
		perm[i] = i;
	for (uint32_t i = n; i > 1; i--) {
		uint32_t j = rnd_below(r, i), tmp = perm[i - 1];
		perm[i - 1] = perm[j];
		perm[j] = tmp;
	}
}

bool
nn_is_positive(const rs_imat *t, uint32_t u, uint32_t j)
{
	uint64_t lo = t->uptr[u], hi = t->uptr[u + 1];

	while (lo < hi) {
		uint64_t mid = (lo + hi) / 2;
		if (t->uidx[mid] < j)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->uptr[u + 1] && t->uidx[lo] == j;
}

/* ---- sequences ---- */

struct tpos {
	double time;
	uint32_t item;
};

static int
cmp_tpos(const void *a, const void *b)
{
	const struct tpos *x = a, *y = b;

	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

size_t
nn_user_history(const rs_imat *t, uint32_t u, uint32_t *items)
{
	uint64_t a = t->uptr[u];
	size_t n = t->uptr[u + 1] - a;
	struct tpos *p = xmalloc((n ? n : 1) * sizeof *p);

	for (size_t k = 0; k < n; k++) {
		p[k].time = isnan(t->utime[a + k]) ? -INFINITY : t->utime[a + k];
		p[k].item = t->uidx[a + k];
	}
	qsort(p, n, sizeof *p, cmp_tpos);
	for (size_t k = 0; k < n; k++)
		items[k] = p[k].item;
	free(p);
	return n;
}

nn_seqs *
nn_seqs_build(const rs_imat *t, const char *model, rs_error *err)
{
	nn_seqs *s;

	for (size_t k = 0; k < t->nnz; k++)
		if (isnan(t->utime[k])) {
			rs_error_set(err, RS_EINVAL,
			    "model %s orders each user's history by time, but the log has no time column "
			    "(timestamp); load ... time=COLUMN", model);
			return NULL;
		}
	s = xcalloc(1, sizeof *s);
	s->nusers = t->nusers;
	s->ptr = xmalloc(((size_t)t->nusers + 1) * sizeof *s->ptr);
	memcpy(s->ptr, t->uptr, ((size_t)t->nusers + 1) * sizeof *s->ptr);
	s->item = xmalloc((t->nnz ? t->nnz : 1) * sizeof *s->item);
	for (uint32_t u = 0; u < t->nusers; u++)
		(void)nn_user_history(t, u, s->item + t->uptr[u]);
	return s;
}

void
nn_seqs_free(nn_seqs *s)
{
	if (s == NULL)
		return;
	free(s->ptr);
	free(s->item);
	free(s);
}

int
nn_check_sizes(const rs_model *m, const char *const *names, rs_error *err)
{
	for (size_t k = 0; names[k] != NULL; k++) {
		const char *v = rs_model_param(m, names[k]);
		/* comma lists of layer sizes: every one a whole number >= 1 */
		for (const char *p = v; p != NULL && *p != '\0';) {
			char *end;
			double x = strtod(p, &end);
			if (end == p || x < 1 || x != floor(x) || x > 65536 ||
			    (*end != ',' && *end != '\0')) {
				rs_error_set(err, RS_EINVAL,
				    "%s=%s: layer sizes must be whole numbers from 1 to 65536, comma-separated",
				    names[k], v);
				return -1;
			}
			p = *end == ',' ? end + 1 : end;
			if (*end == ',' && *p == '\0') {
				rs_error_set(err, RS_EINVAL,
				    "%s=%s: layer sizes must be whole numbers from 1 to 65536, comma-separated",
				    names[k], v);
				return -1;
			}
		}
	}
	return 0;
}
