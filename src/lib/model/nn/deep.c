/* The deep models' shared machinery: the mini-batch epoch loop, snapshots, saved-bytes headers, gradient checks. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/nn/deep.h"
#include "util/xmalloc.h"

#define TAG_ORDER 0x4f52444552ULL	/* "ORDER" */

static size_t
nsparse(const nn_net *net)
{
	size_t n = 0;

	for (size_t k = 0; k < net->narrays; k++)
		n += net->a[k].sparse;
	return n;
}

static void
rows_open(const nn_net *net, nn_rows *rows)
{
	size_t s = 0;

	for (size_t k = 0; k < net->narrays; k++)
		if (net->a[k].sparse)
			nn_rows_init(&rows[s++], net->a[k].rows,
			    (uint32_t)(net->a[k].n / net->a[k].rows));
}

static void
rows_close(const nn_net *net, nn_rows *rows)
{
	for (size_t s = 0; s < nsparse(net); s++)
		nn_rows_free(&rows[s]);
}

static void
rows_clear(nn_rows *r)
{
	for (size_t j = 0; j < r->ntouched; j++)
		r->slot[r->touched[j]] = -1;
	r->ntouched = 0;
}

int
deep_epoch(rs_model *m, const rs_train_ctx *ctx, uint32_t epoch, double *loss,
    rs_error *err)
{
	deep_core *c = m->state;
	nn_net *net = &c->net;
	uint32_t n = c->nexamples, *order;
	nn_rows rows[NN_MAX_ARRAYS];
	float *g = xcalloc(net->dense_floats ? net->dense_floats : 1, sizeof *g);
	rnd_gen r = rnd_stream(c->seed, TAG_ORDER, epoch);
	double sum = 0;

	(void)ctx;
	(void)err;
	order = xmalloc((n ? n : 1) * sizeof *order);
	nn_permute(order, n, &r);
	rows_open(net, rows);
	for (uint32_t b = 0, nb; b < n; b += nb) {
		size_t s = 0;
		float scale;
		nb = n - b < c->batch ? n - b : c->batch;
		scale = 1.0f / (float)nb;
		memset(g, 0, net->dense_floats * sizeof *g);
		sum += c->batch_fn(m, order + b, nb, ((uint64_t)epoch << 32) | (b / c->batch),
		    g, rows);
		if (net->dense_floats > 0)
			nn_opt_dense(&c->opt, net, g, scale);
		else
			nn_net_tick(net);
		for (size_t k = 0; k < net->narrays; k++)
			if (net->a[k].sparse)
				nn_opt_rows(&c->opt, net, &net->a[k], &rows[s++], scale);
	}
	rows_close(net, rows);
	free(order);
	free(g);
	*loss = n ? sum / n : 0;
	/* a weight that overflowed shows as a non-finite loss: the engine
	 * stops and keeps the last good epoch */
	if (isfinite(*loss) && !nn_net_finite(net))
		*loss = NAN;
	if (c->refresh != NULL)
		c->refresh(c);
	return 0;
}

void *
deep_snapshot(const rs_model *m)
{
	const deep_core *c = m->state;

	return nn_net_snapshot(&c->net);
}

void
deep_restore(rs_model *m, void *snap)
{
	deep_core *c = m->state;

	nn_net_restore(&c->net, snap);
	if (c->refresh != NULL)
		c->refresh(c);
}

void
deep_free_snapshot(void *snap)
{
	free(snap);
}

void
deep_free_state(rs_model *m)
{
	deep_core *c = m->state;

	if (c == NULL)
		return;
	if (c->free_extra != NULL)
		c->free_extra(c);
	nn_net_free(&c->net);
	free(c);
	m->state = NULL;
}

float **
deep_grads_new(const nn_net *net)
{
	float **g = xmalloc(NN_CHUNKS * sizeof *g);

	for (int c = 0; c < NN_CHUNKS; c++)
		g[c] = xcalloc(net->dense_floats ? net->dense_floats : 1, sizeof **g);
	return g;
}

void
deep_grads_free(float **g)
{
	if (g == NULL)
		return;
	for (int c = 0; c < NN_CHUNKS; c++)
		free(g[c]);
	free(g);
}

double
deep_grads_gather(const nn_net *net, float **bg, const double loss[NN_CHUNKS],
    nn_rows *crow, int nsparse, float *g, nn_rows *rows)
{
	double total = 0;

	nn_chunks_reduce(bg, net->dense_floats);
	for (size_t k = 0; k < net->dense_floats; k++)
		g[k] += bg[0][k];
	for (int c = 0; c < NN_CHUNKS; c++) {
		total += loss[c];
		for (int j = 0; crow != NULL && j < nsparse; j++) {
			/* in first-touch order, so the sum is the same run to run */
			nn_rows *src = &crow[c * nsparse + j];
			for (size_t t = 0; t < src->ntouched; t++) {
				nn_rows_add(&rows[j], src->touched[t],
				    src->g + t * src->dim, 1);
				src->slot[src->touched[t]] = -1;
			}
			src->ntouched = 0;
		}
	}
	deep_grads_free(bg);
	return total;
}

void
deep_save_begin(blob *b, uint32_t magic, const uint32_t *head, size_t nhead)
{
	blob_u32(b, magic);
	for (size_t k = 0; k < nhead; k++)
		blob_u32(b, head[k]);
}

bool
deep_load_head(blob_reader *r, uint32_t magic, uint32_t *head, size_t nhead)
{
	if (blob_get_u32(r) != magic)
		return false;
	for (size_t k = 0; k < nhead; k++)
		head[k] = blob_get_u32(r);
	return r->ok;
}

double
deep_gradcheck(rs_model *m, const uint32_t *ex, uint32_t n, size_t per_array,
    double h)
{
	deep_core *c = m->state;
	nn_net *net = &c->net;
	nn_rows rows[NN_MAX_ARRAYS], rows2[NN_MAX_ARRAYS];
	float *g = xcalloc(net->dense_floats ? net->dense_floats : 1, sizeof *g);
	float *g2 = xcalloc(net->dense_floats ? net->dense_floats : 1, sizeof *g2);
	double worst = 0;
	size_t off = 0, s = 0;
	const uint64_t key = 7;

	rows_open(net, rows);
	rows_open(net, rows2);
	c->batch_fn(m, ex, n, key, g, rows);
	for (size_t k = 0; k < net->narrays; k++) {
		nn_array *a = &net->a[k];
		size_t dim = a->n / a->rows;
		for (size_t i = 0; i < per_array; i++) {
			size_t j;
			double an, lp, lm, num, den;
			float keep;
			if (a->sparse) {
				nn_rows *r = &rows[s];
				size_t t;
				if (r->ntouched == 0)
					break;
				t = (i * 7) % r->ntouched;
				j = (size_t)r->touched[t] * dim + (i * 3) % dim;
				an = r->g[t * dim + (i * 3) % dim];
			} else {
				j = (i * 7919 + 13) % a->n;
				an = g[off + j];
			}
			keep = a->w[j];
			a->w[j] = (float)(keep + h);
			lp = c->batch_fn(m, ex, n, key, g2, rows2);
			for (size_t q = 0; q < nsparse(net); q++)
				rows_clear(&rows2[q]);
			a->w[j] = (float)(keep - h);
			lm = c->batch_fn(m, ex, n, key, g2, rows2);
			for (size_t q = 0; q < nsparse(net); q++)
				rows_clear(&rows2[q]);
			a->w[j] = keep;
			num = (lp - lm) / (2 * h);
			den = fabs(an) + fabs(num);
			if (den < 1e-2)
				den = 1e-2;	/* float32 losses: below this, noise */
			if (fabs(an - num) / den > worst)
				worst = fabs(an - num) / den;
		}
		if (a->sparse)
			s++;
		else
			off += a->n;
	}
	rows_close(net, rows);
	rows_close(net, rows2);
	free(g);
	free(g2);
	return worst;
}

static float
row_norm(const float *v, uint32_t dim)
{
	double s = 0;

	for (uint32_t j = 0; j < dim; j++)
		s += (double)v[j] * v[j];
	return (float)sqrt(s);
}

static float
row_dot(const float *a, const float *b, uint32_t dim)
{
	double s = 0;

	for (uint32_t j = 0; j < dim; j++)
		s += (double)a[j] * b[j];
	return (float)s;
}

size_t
deep_similar_rows(const rs_model *m, const float *V, uint32_t dim,
    uint32_t stride, uint32_t item, uint32_t *out, float *scores, size_t k)
{
	const float *vt;
	float nt, *x;
	size_t n;

	if (item >= m->nitems)
		return 0;
	vt = V + (size_t)item * stride;
	nt = row_norm(vt, dim);
	if (!(nt > 0))
		return 0;
	x = xmalloc(m->nitems * sizeof *x);
	for (uint32_t i = 0; i < m->nitems; i++) {
		const float *vi = V + (size_t)i * stride;
		float ni = row_norm(vi, dim);
		x[i] = i == item || !(ni > 0) ||
		    (m->popularity != NULL && m->popularity[i] == 0) ? NAN :
		    row_dot(vt, vi, dim) / (nt * ni);
	}
	n = rs_topk(x, m->nitems, NULL, k, out);
	for (size_t j = 0; scores != NULL && j < n; j++)
		scores[j] = x[out[j]];
	free(x);
	return n;
}

size_t
deep_explain_rows(const rs_model *m, const float *V, uint32_t dim,
    uint32_t stride, uint32_t user, uint32_t item, rs_reason *out, size_t max)
{
	const rs_imat *t = m->train;
	const float *vt;
	float nt;
	rs_reason *r;
	size_t n = 0;

	if (t == NULL || user >= t->nusers || item >= m->nitems)
		return 0;
	vt = V + (size_t)item * stride;
	nt = row_norm(vt, dim);
	if (!(nt > 0) || t->uptr[user + 1] == t->uptr[user])
		return 0;
	r = xmalloc((t->uptr[user + 1] - t->uptr[user]) * sizeof *r);
	for (uint64_t q = t->uptr[user]; q < t->uptr[user + 1]; q++) {
		const float *vj = V + (size_t)t->uidx[q] * stride;
		float nj = row_norm(vj, dim);
		if (!(nj > 0) || t->uidx[q] == item)
			continue;
		r[n].id = t->uidx[q];
		r[n].is_user = false;
		r[n++].weight = row_dot(vt, vj, dim) / (nt * nj);
	}
	qsort(r, n, sizeof *r, rs_reason_cmp);
	n = n < max ? n : max;
	memcpy(out, r, n * sizeof *r);
	free(r);
	return n;
}
