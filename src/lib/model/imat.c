/* Training matrices: chosen log rows as users x items (CSR and CSC), repeated pairs combined. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/model.h"
#include "model/blob.h"
#include "util/xmalloc.h"

void
rs_imat_opts_init(rs_imat_opts *o)
{
	memset(o, 0, sizeof *o);
	o->threshold = NAN;
	o->part = RS_TRAIN;
	o->dup = RS_DUP_LAST;
}

struct entry {
	uint32_t item;
	float val;
	double time;
	size_t row;
};

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->item != y->item)
		return x->item < y->item ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

/* The signal column (*vc), or none (*ones: every kept row counts 1):
 * signal=none, or a log without a value column. */
static int
imat_signal(const rs_log *log, const rs_imat_opts *o, const rs_column **vc,
    bool *ones, rs_error *err)
{
	*vc = NULL;
	*ones = o->signal != NULL && strcmp(o->signal, "none") == 0;
	if (*ones)
		return 0;
	if (o->signal != NULL) {
		int j = rs_table_find(&log->cols, o->signal);
		if (j < 0) {
			rs_error_set(err, RS_EINVAL,
			    "signal=%s: the log has no such column", o->signal);
			return -1;
		}
		*vc = log->cols.cols[j];
	} else if (log->value_col >= 0)
		*vc = log->cols.cols[log->value_col];
	else
		*ones = true;	/* no signal at all: each row is a positive */
	if (*vc != NULL && (*vc)->kind == RS_COL_TEXT) {
		rs_error_set(err, RS_EINVAL, "signal=%s is a text column, not a number",
		    (*vc)->name);
		return -1;
	}
	return 0;
}

/* Whether row r trains: in the wanted part, with a signal (*v) at or
 * above the threshold. */
static inline bool
imat_keeps(const rs_log *log, const rs_imat_opts *o, const rs_column *vc,
    bool ones, size_t r, double *v)
{
	if (o->part >= 0 && log->part != NULL && log->part[r] != o->part)
		return false;
	if (o->part >= 0 && o->part != RS_TRAIN && log->part == NULL)
		return false;
	*v = ones ? 1.0 : rs_column_get(vc, r);
	if (isnan(*v))
		return false;	/* no signal: not a training row */
	return isnan(o->threshold) || !(*v < o->threshold);
}

/* The kept rows grouped by user (a counting sort): cnt[u]..cnt[u+1] are
 * user u's entries, in log order. */
static struct entry *
imat_gather(const rs_log *log, const rs_imat_opts *o, const rs_column *vc,
    const rs_column *tc, bool ones, uint32_t nu, uint64_t *cnt)
{
	uint64_t *fill;
	struct entry *e;
	double v;

	for (size_t r = 0; r < log->n; r++)
		if (imat_keeps(log, o, vc, ones, r, &v))
			cnt[log->user[r] + 1]++;
	for (uint32_t u = 0; u < nu; u++)
		cnt[u + 1] += cnt[u];
	e = xmalloc((cnt[nu] ? cnt[nu] : 1) * sizeof *e);
	fill = xmalloc(((size_t)nu + 1) * sizeof *fill);
	memcpy(fill, cnt, ((size_t)nu + 1) * sizeof *fill);
	for (size_t r = 0; r < log->n; r++) {
		struct entry *x;
		if (!imat_keeps(log, o, vc, ones, r, &v))
			continue;
		x = &e[fill[log->user[r]]++];
		x->item = log->item[r];
		x->val = o->binary ? 1.0f : (float)v;
		x->time = tc != NULL ? rs_column_get(tc, r) : NAN;
		x->row = r;
	}
	free(fill);
	return e;
}

/* Per user: sort by item, combine repeated pairs as o->dup says (the
 * latest time kept). */
static void
imat_combine(rs_imat *m, struct entry *e, const uint64_t *cnt,
    const rs_imat_opts *o)
{
	size_t n = cnt[m->nusers];

	m->uptr = xcalloc((size_t)m->nusers + 1, sizeof *m->uptr);
	m->uidx = xmalloc((n ? n : 1) * sizeof *m->uidx);
	m->uval = xmalloc((n ? n : 1) * sizeof *m->uval);
	m->utime = xmalloc((n ? n : 1) * sizeof *m->utime);
	for (uint32_t u = 0; u < m->nusers; u++) {
		struct entry *b = e + cnt[u];
		size_t len = cnt[u + 1] - cnt[u];
		qsort(b, len, sizeof *b, cmp_entry);
		m->uptr[u] = m->nnz;
		for (size_t k = 0; k < len; k++) {
			if (m->nnz > m->uptr[u] && m->uidx[m->nnz - 1] == b[k].item) {
				float *pv = &m->uval[m->nnz - 1];
				if (o->dup == RS_DUP_SUM)
					*pv += b[k].val;
				else if (o->dup == RS_DUP_MAX)
					*pv = b[k].val > *pv ? b[k].val : *pv;
				else
					*pv = b[k].val;
				if (!isnan(b[k].time))
					m->utime[m->nnz - 1] = b[k].time;
				continue;
			}
			m->uidx[m->nnz] = b[k].item;
			m->uval[m->nnz] = b[k].val;
			m->utime[m->nnz] = b[k].time;
			m->nnz++;
		}
	}
	m->uptr[m->nusers] = m->nnz;
}

rs_imat *
rs_imat_build(const rs_dataset *ds, const rs_log *log, const rs_imat_opts *o,
    rs_error *err)
{
	rs_imat *m;
	const rs_column *vc, *tc;
	uint32_t nu = rs_ids_count(ds->users), ni = rs_ids_count(ds->items);
	uint64_t *cnt;
	struct entry *e;
	double sum = 0;
	bool ones;

	if (log == NULL)
		log = &ds->log;
	if (imat_signal(log, o, &vc, &ones, err) != 0)
		return NULL;
	tc = log->time_col >= 0 ? log->cols.cols[log->time_col] : NULL;
	m = xcalloc(1, sizeof *m);
	m->nusers = nu;
	m->nitems = ni;
	m->explicit_values = !ones && !o->binary;
	cnt = xcalloc((size_t)nu + 1, sizeof *cnt);
	e = imat_gather(log, o, vc, tc, ones, nu, cnt);
	imat_combine(m, e, cnt, o);
	free(e);
	free(cnt);
	if (o->log1p && !ones && !o->binary) {
		for (size_t k = 0; k < m->nnz; k++)
			m->uval[k] = (float)log1p(m->uval[k] > 0 ? m->uval[k] : 0);
		m->explicit_values = false;
	}
	for (size_t k = 0; k < m->nnz; k++)
		sum += m->uval[k];
	m->mean = m->nnz ? sum / (double)m->nnz : 0;
	/* the transpose: items' users */
	model_imat_transpose(m);
	return m;
}

void
model_imat_transpose(rs_imat *m)
{
	uint64_t *fill;

	m->iptr = xcalloc((size_t)m->nitems + 1, sizeof *m->iptr);
	m->iidx = xmalloc((m->nnz ? m->nnz : 1) * sizeof *m->iidx);
	m->ival = xmalloc((m->nnz ? m->nnz : 1) * sizeof *m->ival);
	for (size_t k = 0; k < m->nnz; k++)
		m->iptr[m->uidx[k] + 1]++;
	for (uint32_t i = 0; i < m->nitems; i++)
		m->iptr[i + 1] += m->iptr[i];
	fill = xmalloc(((size_t)m->nitems + 1) * sizeof *fill);
	memcpy(fill, m->iptr, ((size_t)m->nitems + 1) * sizeof *fill);
	for (uint32_t u = 0; u < m->nusers; u++)
		for (uint64_t k = m->uptr[u]; k < m->uptr[u + 1]; k++) {
			uint64_t pos = fill[m->uidx[k]]++;
			m->iidx[pos] = u;
			m->ival[pos] = m->uval[k];
		}
	free(fill);
}

void
rs_imat_free(rs_imat *m)
{
	if (m == NULL)
		return;
	free(m->uptr);
	free(m->uidx);
	free(m->uval);
	free(m->utime);
	free(m->iptr);
	free(m->iidx);
	free(m->ival);
	free(m->uw);
	free(m);
}

float
rs_imat_get(const rs_imat *m, uint32_t u, uint32_t i)
{
	uint64_t lo, hi;

	if (u >= m->nusers)
		return NAN;
	lo = m->uptr[u];
	hi = m->uptr[u + 1];
	while (lo < hi) {
		uint64_t mid = (lo + hi) / 2;
		if (m->uidx[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->uptr[u + 1] && m->uidx[lo] == i ? m->uval[lo] : NAN;
}
