/* lr and fm's engine: the factorization machine's margin (k = 0: logistic regression), training by coordinate descent, SGD or Adam, saving, prediction and Platt calibration. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/blob.h"
#include "model/ctr-int.h"
#include "util/random.h"
#include "util/xmalloc.h"

#define CTR_VERSION 1
#define PURPOSE_INIT 0x60
#define PURPOSE_ORDER 0x61

static double
sigmoid(double z)
{
	return z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z));
}

/* -ln P(y) of a margin, without overflow */
static double
row_loss(double z, int y)
{
	double t = y ? -z : z;

	return t > 0 ? t + log1p(exp(-t)) : log1p(exp(t));
}

double
model_ctr_margin(const struct ctr_state *s, const uint32_t *idx, uint32_t nf,
    float *sum)
{
	double z = s->bias, sq = 0, pair = 0;
	uint32_t k = s->k;

	for (uint32_t f = 0; f < k; f++)
		sum[f] = 0;
	for (uint32_t i = 0; i < nf; i++) {
		const float *v;
		if (idx[i] == CTR_NONE)
			continue;
		z += s->w[idx[i]];
		v = s->v + (size_t)idx[i] * k;
		for (uint32_t f = 0; f < k; f++) {
			sum[f] += v[f];
			sq += (double)v[f] * v[f];
		}
	}
	for (uint32_t f = 0; f < k; f++)
		pair += (double)sum[f] * sum[f];
	return z + (pair - sq) / 2;
}

double
model_ctr_prob(const struct ctr_state *s, double margin)
{
	return sigmoid(s->calibrated ? s->cal_a * margin + s->cal_b : margin);
}

static struct ctr_state *
state_new(uint32_t bits, uint32_t k)
{
	struct ctr_state *s = xcalloc(1, sizeof *s);

	s->bits = bits;
	s->k = k;
	s->nb = (size_t)1 << bits;
	s->w = xcalloc(s->nb, sizeof *s->w);
	s->v = xcalloc(k ? s->nb * k : 1, sizeof *s->v);
	s->thr = NAN;
	return s;
}

static void
state_free_training(struct ctr_state *s)
{
	model_ctr_rows_free(s->train);
	model_ctr_rows_free(s->valid);
	free(s->mw);
	free(s->sw);
	free(s->mv);
	free(s->sv);
	free(s->z);
	free(s->cptr);
	free(s->crow);
	s->train = s->valid = NULL;
	s->mw = s->sw = s->mv = s->sv = NULL;
	s->z = NULL;
	s->cptr = NULL;
	s->crow = NULL;
}

static void
state_free(struct ctr_state *s)
{
	if (s == NULL)
		return;
	state_free_training(s);
	free(s->target);
	free(s->features);
	free(s->w);
	free(s->v);
	free(s);
}

void
model_ctr_free_state(rs_model *m)
{
	state_free(m->state);
	m->state = NULL;
}

/* The rows of each bucket (coordinate descent reads them column-wise). */
static void
build_columns(struct ctr_state *s)
{
	const struct ctr_rows *t = s->train;
	size_t nnz = t->n * t->nf;

	s->cptr = xcalloc(s->nb + 1, sizeof *s->cptr);
	s->crow = xmalloc((nnz ? nnz : 1) * sizeof *s->crow);
	for (size_t q = 0; q < nnz; q++)
		if (t->idx[q] != CTR_NONE)
			s->cptr[t->idx[q] + 1]++;
	for (size_t j = 0; j < s->nb; j++)
		s->cptr[j + 1] += s->cptr[j];
	{
		uint64_t *at = xmalloc(s->nb * sizeof *at);
		memcpy(at, s->cptr, s->nb * sizeof *at);
		for (size_t r = 0; r < t->n; r++)
			for (uint32_t i = 0; i < t->nf; i++) {
				uint32_t b = t->idx[r * t->nf + i];
				if (b != CTR_NONE)
					s->crow[at[b]++] = (uint32_t)r;
			}
		free(at);
	}
	s->z = xcalloc(t->n ? t->n : 1, sizeof *s->z);
}

int
model_ctr_begin(rs_model *m, const rs_train_ctx *ctx, uint32_t k, rs_error *err)
{
	char target[256], canon[1024];
	const char *opt = rs_model_param(m, "opt");
	double thr, init = k ? rs_model_param_num(m, "init") : 0;
	struct ctr_state *s;

	if (model_ctr_target(rs_model_param(m, "target"), target, sizeof target,
	    &thr, err) != 0)
		return -1;
	if (model_ctr_check(ctx->ds, target, thr, rs_model_param(m, "features"),
	    canon, sizeof canon, err) != 0)
		return -1;
	s = state_new((uint32_t)rs_model_param_num(m, "bits"), k);
	s->target = xstrdup(target);
	s->thr = thr;
	s->features = xstrdup(canon);
	if ((s->train = model_ctr_encode(s, ctx->ds, RS_TRAIN, err)) == NULL) {
		state_free(s);
		return -1;
	}
	if (ctx->valid != NULL)
		s->valid = model_ctr_encode(s, ctx->ds, RS_VALID, NULL);
	for (size_t q = 0; q < s->nb * k; q++) {
		rnd_gen g = rnd_stream(ctx->seed, PURPOSE_INIT, q);
		/* uniform with the standard deviation init */
		s->v[q] = (float)((rnd_uniform(&g) * 2 - 1) * init * sqrt(3.0));
	}
	if (strcmp(opt, "cd") == 0)
		build_columns(s);
	else if (strcmp(opt, "adam") == 0) {
		s->mw = xcalloc(s->nb, sizeof *s->mw);
		s->sw = xcalloc(s->nb, sizeof *s->sw);
		s->mv = xcalloc(k ? s->nb * k : 1, sizeof *s->mv);
		s->sv = xcalloc(k ? s->nb * k : 1, sizeof *s->sv);
	}
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	{
		size_t pos = 0;
		for (size_t r = 0; r < s->train->n; r++)
			pos += s->train->y[r];
		rs_hooks_note(ctx->hooks, RS_NOTE_INFO,
		    "%s: label %s, base rate %.4f on %zu training rows (%zu validation rows); features %s; 2^%u buckets",
		    m->kind->name, rs_model_param(m, "target"),
		    s->train->n ? (double)pos / (double)s->train->n : 0, s->train->n,
		    s->valid ? s->valid->n : 0, s->features, s->bits);
	}
	return 0;
}

/* One sweep of Newton coordinate descent on sum of row losses +
 * (l2 * n / 2) ||w||^2 (the bias unpenalised); returns the mean objective. */
static double
cd_sweep(struct ctr_state *s, double l2)
{
	const struct ctr_rows *t = s->train;
	double lam = l2 * (double)t->n, g = 0, h = 0, d, obj = 0;

	for (size_t r = 0; r < t->n; r++) {
		double p = sigmoid(s->z[r]);
		g += p - t->y[r];
		h += p * (1 - p);
	}
	d = h > 0 ? -g / (h + 1e-12) : 0;
	d = d > 4 ? 4 : d < -4 ? -4 : d;
	s->bias += (float)d;
	for (size_t r = 0; r < t->n; r++)
		s->z[r] += d;
	for (size_t j = 0; j < s->nb; j++) {
		uint64_t a = s->cptr[j], b = s->cptr[j + 1];
		if (a == b)
			continue;
		g = lam * s->w[j];
		h = lam;
		for (uint64_t q = a; q < b; q++) {
			double p = sigmoid(s->z[s->crow[q]]);
			g += p - t->y[s->crow[q]];
			h += p * (1 - p);
		}
		d = -g / (h + 1e-12);
		d = d > 4 ? 4 : d < -4 ? -4 : d;
		/* the float weight is what scores: move the margins by it */
		d = (double)(float)(s->w[j] + d) - s->w[j];
		s->w[j] += (float)d;
		for (uint64_t q = a; q < b; q++)
			s->z[s->crow[q]] += d;
	}
	for (size_t r = 0; r < t->n; r++)
		obj += row_loss(s->z[r], t->y[r]);
	for (size_t j = 0; j < s->nb; j++)
		obj += lam / 2 * (double)s->w[j] * s->w[j];
	return t->n ? obj / (double)t->n : 0;
}

/* One Adam (or plain SGD) step of parameter p with gradient g. */
static inline float
step(float p, float g, float *m1, float *m2, float rate, double c1, double c2)
{
	if (m1 == NULL)
		return p - rate * g;
	*m1 = 0.9f * *m1 + 0.1f * g;
	*m2 = 0.999f * *m2 + 0.001f * g * g;
	return p - (float)(rate * (*m1 / c1) / (sqrt(*m2 / c2) + 1e-8));
}

/* One pass of SGD / Adam over the training rows in a shuffled order, L2 on
 * the parameters a row touches; returns the mean row loss before updates. */
static double
sgd_pass(struct ctr_state *s, double l2, double rate, uint64_t seed,
    uint32_t epoch)
{
	const struct ctr_rows *t = s->train;
	uint32_t k = s->k, *order = xmalloc((t->n ? t->n : 1) * sizeof *order);
	float *sum = xmalloc((k ? k : 1) * sizeof *sum);
	bool adam = s->mw != NULL;
	rnd_gen g = rnd_stream(seed, PURPOSE_ORDER, epoch);
	double total = 0;

	for (size_t r = 0; r < t->n; r++)
		order[r] = (uint32_t)r;
	for (size_t r = t->n; r > 1; r--) {
		uint32_t j = rnd_below(&g, (uint32_t)r), tmp = order[r - 1];
		order[r - 1] = order[j];
		order[j] = tmp;
	}
	for (size_t q = 0; q < t->n; q++) {
		const uint32_t *idx = t->idx + (size_t)order[q] * t->nf;
		int y = t->y[order[q]];
		double z = model_ctr_margin(s, idx, t->nf, sum), gr, c1 = 1, c2 = 1;
		float mb, sb;
		total += row_loss(z, y);
		gr = sigmoid(z) - y;
		if (adam) {
			s->step++;
			c1 = 1 - pow(0.9, (double)s->step);
			c2 = 1 - pow(0.999, (double)s->step);
		}
		mb = (float)s->mb;
		sb = (float)s->sb;
		s->bias = step(s->bias, (float)gr, adam ? &mb : NULL, &sb, (float)rate, c1, c2);
		s->mb = mb;
		s->sb = sb;
		for (uint32_t i = 0; i < t->nf; i++) {
			uint32_t b = idx[i];
			float *v;
			if (b == CTR_NONE)
				continue;
			s->w[b] = step(s->w[b], (float)(gr + l2 * s->w[b]),
			    adam ? &s->mw[b] : NULL, adam ? &s->sw[b] : NULL, (float)rate, c1, c2);
			v = s->v + (size_t)b * k;
			for (uint32_t f = 0; f < k; f++) {
				size_t at = (size_t)b * k + f;
				float gv = (float)(gr * (sum[f] - v[f]) + l2 * v[f]);
				v[f] = step(v[f], gv, adam ? &s->mv[at] : NULL,
				    adam ? &s->sv[at] : NULL, (float)rate, c1, c2);
			}
		}
	}
	free(order);
	free(sum);
	return t->n ? total / (double)t->n : 0;
}

int
model_ctr_epoch(rs_model *m, const rs_train_ctx *ctx, uint32_t epoch,
    double *loss, rs_error *err)
{
	struct ctr_state *s = m->state;
	double l2 = rs_model_param_num(m, "l2");

	(void)err;
	if (s->z != NULL)
		*loss = cd_sweep(s, l2);
	else
		*loss = sgd_pass(s, l2, rs_model_param_num(m, "rate"), ctx->seed, epoch);
	return 0;
}

double
model_ctr_validate(const rs_model *m, const rs_train_ctx *ctx)
{
	const struct ctr_state *s = m->state;
	const struct ctr_rows *v = s->valid;
	float *sum = xmalloc((s->k ? s->k : 1) * sizeof *sum);
	double total = 0;

	(void)ctx;
	if (v == NULL || v->n == 0) {
		free(sum);
		return NAN;
	}
	for (size_t r = 0; r < v->n; r++)
		total += row_loss(model_ctr_margin(s, v->idx + r * v->nf, v->nf, sum), v->y[r]);
	free(sum);
	return total / (double)v->n;
}

/* ---- the best epoch ---- */

struct snap {
	float bias, *w, *v;
	size_t nb, nv;
};

void *
model_ctr_snapshot(const rs_model *m)
{
	const struct ctr_state *s = m->state;
	struct snap *sn = xcalloc(1, sizeof *sn);

	sn->bias = s->bias;
	sn->nb = s->nb;
	sn->nv = s->nb * s->k;
	sn->w = xmalloc(sn->nb * sizeof *sn->w);
	memcpy(sn->w, s->w, sn->nb * sizeof *sn->w);
	sn->v = xmalloc((sn->nv ? sn->nv : 1) * sizeof *sn->v);
	memcpy(sn->v, s->v, sn->nv * sizeof *sn->v);
	return sn;
}

void
model_ctr_restore(rs_model *m, void *snap)
{
	struct ctr_state *s = m->state;
	const struct snap *sn = snap;

	s->bias = sn->bias;
	memcpy(s->w, sn->w, sn->nb * sizeof *s->w);
	memcpy(s->v, sn->v, sn->nv * sizeof *s->v);
}

void
model_ctr_free_snapshot(void *snap)
{
	struct snap *sn = snap;

	free(sn->w);
	free(sn->v);
	free(sn);
}

/* ---- saving ---- */

int
model_ctr_save(const rs_model *m, void **buf, size_t *len)
{
	const struct ctr_state *s = m->state;
	blob b = { NULL, 0, 0 };

	blob_u32(&b, CTR_VERSION);
	blob_u32(&b, s->bits);
	blob_u32(&b, s->k);
	blob_str(&b, s->target);
	blob_f64(&b, s->thr);
	blob_str(&b, s->features);
	blob_f64(&b, s->bias);
	blob_put(&b, s->w, s->nb * sizeof *s->w);
	blob_put(&b, s->v, s->nb * s->k * sizeof *s->v);
	blob_u32(&b, s->calibrated);
	blob_f64(&b, s->cal_a);
	blob_f64(&b, s->cal_b);
	blob_take(&b, buf, len);
	return 0;
}

int
model_ctr_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	blob_reader r;
	uint32_t version, bits, k;
	struct ctr_state *s;

	blob_reader_init(&r, buf, len);
	version = blob_get_u32(&r);
	bits = blob_get_u32(&r);
	k = blob_get_u32(&r);
	if (!r.ok || version != CTR_VERSION || bits < 4 || bits > 28 || k > 4096 ||
	    ((size_t)k << bits) > len) {
		rs_error_set(err, RS_EPARSE, "model %s: unreadable %s state", m->name,
		    m->kind->name);
		return -1;
	}
	s = state_new(bits, k);
	s->target = blob_get_str(&r);
	s->thr = blob_get_f64(&r);
	s->features = blob_get_str(&r);
	s->bias = (float)blob_get_f64(&r);
	blob_get(&r, s->w, s->nb * sizeof *s->w);
	blob_get(&r, s->v, s->nb * k * sizeof *s->v);
	s->calibrated = blob_get_u32(&r) != 0;
	s->cal_a = blob_get_f64(&r);
	s->cal_b = blob_get_f64(&r);
	if (!r.ok || s->target == NULL || s->features == NULL) {
		state_free(s);
		rs_error_set(err, RS_EPARSE, "model %s: truncated %s state", m->name,
		    m->kind->name);
		return -1;
	}
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

/* ---- prediction and calibration (ctr.h) ---- */

bool
rs_model_is_ctr(const rs_model *m)
{
	return m != NULL && m->kind->validate == model_ctr_validate;
}

/* The margins of a part's rows (caller frees *z and *rows). */
static int
part_margins(const rs_model *m, const rs_dataset *ds, int part, double **z,
    struct ctr_rows **rows, rs_error *err)
{
	const struct ctr_state *s = m->state;
	struct ctr_rows *t;
	float *sum;

	if (!rs_model_is_ctr(m) || s == NULL) {
		rs_error_set(err, RS_EINVAL, "model %s (%s) does not predict a label per row (lr and fm do)",
		    m->name, m->kind->name);
		return -1;
	}
	if ((t = model_ctr_encode(s, ds, part, err)) == NULL)
		return -1;
	if (t->n == 0) {
		model_ctr_rows_free(t);
		rs_error_set(err, RS_ESTATE, "no %s rows with a %s label (the split has none)",
		    part == RS_VALID ? "validation" : part == RS_TEST ? "test" : "training",
		    s->target);
		return -1;
	}
	sum = xmalloc((s->k ? s->k : 1) * sizeof *sum);
	*z = xmalloc(t->n * sizeof **z);
	for (size_t r = 0; r < t->n; r++)
		(*z)[r] = model_ctr_margin(s, t->idx + r * t->nf, t->nf, sum);
	free(sum);
	*rows = t;
	return 0;
}

int
rs_ctr_predict_part(const rs_model *m, const rs_dataset *ds, int part,
    double **p, uint8_t **y, uint32_t **user, size_t *n, rs_error *err)
{
	struct ctr_rows *t;
	double *z;

	if (part_margins(m, ds, part, &z, &t, err) != 0)
		return -1;
	for (size_t r = 0; r < t->n; r++)
		z[r] = model_ctr_prob(m->state, z[r]);
	*p = z;
	*y = t->y;
	*user = t->user;
	*n = t->n;
	t->y = NULL;
	t->user = NULL;
	model_ctr_rows_free(t);
	return 0;
}

int
rs_ctr_evaluate(const rs_model *m, const rs_dataset *ds, int part,
    rs_ctr_metrics *out, rs_error *err)
{
	const struct ctr_state *s;
	double *p;
	uint8_t *y;
	uint32_t *user;
	size_t n;

	if (rs_ctr_predict_part(m, ds, part, &p, &y, &user, &n, err) != 0)
		return -1;
	s = m->state;
	rs_ctr_metrics_compute(p, y, user, n, out);
	out->calibrated = s->calibrated;
	if (isnan(s->thr))
		snprintf(out->target, sizeof out->target, "%s", s->target);
	else
		snprintf(out->target, sizeof out->target, "%s>=%g", s->target, s->thr);
	free(p);
	free(y);
	free(user);
	return 0;
}

/* -(t ln q + (1-t) ln(1-q)) for q = sigmoid(z), without overflow */
static double
soft_loss(double z, double t)
{
	return t * row_loss(z, 1) + (1 - t) * row_loss(z, 0);
}

/* Platt's a, b minimising the log loss of sigmoid(a z + b) against his
 * smoothed targets (positives (P+1)/(P+2), negatives 1/(N+2), so that
 * separable rows give finite a, b): Newton's method with step halving,
 * from a = 1, b = 0 (the model as it is). */
static void
platt_fit(const double *z, const uint8_t *y, size_t n, double *pa, double *pb)
{
	double a = 1, b = 0, f = 0, tpos, tneg, np = 0;

	for (size_t r = 0; r < n; r++)
		np += y[r];
	tpos = (np + 1) / (np + 2);
	tneg = 1 / ((double)n - np + 2);
	for (size_t r = 0; r < n; r++)
		f += soft_loss(z[r], y[r] ? tpos : tneg);
	for (int it = 0; it < 100; it++) {
		double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12, det, da, db;
		double t = 1, nf = 0;
		for (size_t r = 0; r < n; r++) {
			double q = sigmoid(a * z[r] + b), w = q * (1 - q);
			double d = q - (y[r] ? tpos : tneg);
			ga += d * z[r];
			gb += d;
			haa += w * z[r] * z[r];
			hab += w * z[r];
			hbb += w;
		}
		det = haa * hbb - hab * hab;
		if (!(det > 0))
			break;
		da = -(hbb * ga - hab * gb) / det;
		db = -(haa * gb - hab * ga) / det;
		for (; t > 1e-6; t /= 2) {
			nf = 0;
			for (size_t r = 0; r < n; r++)
				nf += soft_loss((a + t * da) * z[r] + b + t * db,
				    y[r] ? tpos : tneg);
			if (nf <= f)
				break;
		}
		if (t <= 1e-6)
			break;
		a += t * da;
		b += t * db;
		if (f - nf < 1e-12 * (1 + f)) {
			f = nf;
			break;
		}
		f = nf;
	}
	*pa = a;
	*pb = b;
}

int
rs_ctr_calibrate(rs_model *m, const rs_dataset *ds, const char *method,
    double *a, double *b, rs_error *err)
{
	struct ctr_state *s = m->state;
	struct ctr_rows *t;
	size_t pos = 0;
	double *z;

	if (method != NULL && strcmp(method, "platt") != 0) {
		rs_error_set(err, RS_EINVAL, "method=%s: the methods are platt", method);
		return -1;
	}
	if (part_margins(m, ds, RS_VALID, &z, &t, err) != 0)
		return -1;
	for (size_t r = 0; r < t->n; r++)
		pos += t->y[r];
	if (pos == 0 || pos == t->n) {
		rs_error_set(err, RS_EINVAL, "the %zu validation rows are all %d: nothing to calibrate on",
		    t->n, pos ? 1 : 0);
		free(z);
		model_ctr_rows_free(t);
		return -1;
	}
	platt_fit(z, t->y, t->n, &s->cal_a, &s->cal_b);
	s->calibrated = true;
	*a = s->cal_a;
	*b = s->cal_b;
	free(z);
	model_ctr_rows_free(t);
	return 0;
}
