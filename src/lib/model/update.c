/* Learning from new events without retraining: the engine's side of the kinds' update hooks. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/model.h"
#include "util/xmalloc.h"

/* A (row, col) entry to insert into one layout of the training matrix:
 * (user, item) for the user rows, (item, user) for the item columns. */
struct ins {
	uint32_t row, col;
	float val;
	double time;
};

static int
cmp_ins(const void *a, const void *b)
{
	const struct ins *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

/* One layout (CSR) of the matrix, borrowed: rows 0..nrows, time may be
 * NULL (the item layout keeps none). */
struct layout {
	uint64_t **ptr;
	uint32_t **idx;
	float **val;
	double **time;
};

/* Insert ins[0..n) (sorted by row then col, none already present) into a
 * layout of nnz entries over oldrows rows growing to newrows. Rows after
 * the first touched one move once, by memmove of whole untouched runs;
 * rows appended at the end (new users, new items) cost only their own
 * entries. */
static void
layout_insert(struct layout *L, uint32_t oldrows, uint32_t newrows, size_t nnz,
    const struct ins *ins, size_t n)
{
	uint64_t *ptr;
	uint32_t *idx;
	float *val;
	double *tm;
	size_t shift = n, k = n, end = nnz;

	ptr = *L->ptr = xrealloc(*L->ptr, ((size_t)newrows + 1) * sizeof *ptr);
	for (uint32_t r = oldrows; r < newrows; r++)
		ptr[r + 1] = ptr[oldrows];
	idx = *L->idx = xrealloc(*L->idx, (nnz + n ? nnz + n : 1) * sizeof *idx);
	val = *L->val = xrealloc(*L->val, (nnz + n ? nnz + n : 1) * sizeof *val);
	tm = L->time != NULL ?
	    (*L->time = xrealloc(*L->time, (nnz + n ? nnz + n : 1) * sizeof *tm)) : NULL;
	while (k > 0) {
		uint32_t r = ins[k - 1].row;
		uint64_t a = ptr[r], b = ptr[r + 1], w;
		size_t k0 = k;
		/* the untouched rows after r move by shift */
		memmove(idx + b + shift, idx + b, (end - b) * sizeof *idx);
		memmove(val + b + shift, val + b, (end - b) * sizeof *val);
		if (tm != NULL)
			memmove(tm + b + shift, tm + b, (end - b) * sizeof *tm);
		while (k0 > 0 && ins[k0 - 1].row == r)
			k0--;
		/* merge row r with its insertions, from the back */
		w = b + shift;
		for (uint64_t q = b; q > a || k > k0;) {
			bool take_ins = k > k0 && (q == a || ins[k - 1].col > idx[q - 1]);
			w--;
			if (take_ins) {
				k--;
				idx[w] = ins[k].col;
				val[w] = ins[k].val;
				if (tm != NULL)
					tm[w] = ins[k].time;
			} else {
				q--;
				idx[w] = idx[q];
				val[w] = val[q];
				if (tm != NULL)
					tm[w] = tm[q];
			}
		}
		shift = k0;	/* insertions still to place before row r */
		end = a;
	}
	/* row starts: each row moves by the insertions before it */
	for (uint32_t r = 0, j = 0; r <= newrows; r++) {
		ptr[r] += j;
		while (r < newrows && j < n && ins[j].row == r)
			j++;
	}
}

/* Take the insertions ins[0..n) out of a layout of newrows rows again (the
 * undo of layout_insert when the kind's hook fails; the caller shrinks the
 * row count back). */
static void
layout_remove(struct layout *L, uint32_t newrows,
    const struct ins *ins, size_t n)
{
	uint64_t *ptr = *L->ptr;
	uint32_t *idx = *L->idx;
	float *val = *L->val;
	double *tm = L->time != NULL ? *L->time : NULL;
	uint32_t first = n ? ins[0].row : newrows;
	uint64_t w = ptr[first];
	size_t k = 0;

	for (uint32_t r = first; r < newrows; r++) {
		uint64_t a = ptr[r], b = ptr[r + 1];
		ptr[r] = w;
		for (uint64_t q = a; q < b; q++) {
			if (k < n && ins[k].row == r && ins[k].col == idx[q]) {
				k++;
				continue;
			}
			idx[w] = idx[q];
			val[w] = val[q];
			if (tm != NULL)
				tm[w] = tm[q];
			w++;
		}
	}
	ptr[newrows] = w;
}

/* Where (row, col) sits in a layout, or -1. */
static int64_t
layout_find(const uint64_t *ptr, const uint32_t *idx, uint32_t row, uint32_t col)
{
	uint64_t lo = ptr[row], hi = ptr[row + 1];

	while (lo < hi) {
		uint64_t mid = (lo + hi) / 2;
		if (idx[mid] < col)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ptr[row + 1] && idx[lo] == col ? (int64_t)lo : -1;
}

/* A pair already in the matrix whose value (and time) an event changed:
 * where it is in both layouts and what it held, for the undo. */
struct changed {
	uint64_t uq, iq;
	float val;
	double time;
};

/* The engine's part of an update, undone on failure. */
struct grow {
	uint32_t nusers, nitems;	/* before */
	double mean;
	struct ins *by_user, *by_item;	/* the new pairs, both orders */
	size_t nnew;
	struct changed *chg;
	size_t nchg;
};

/* Index of the last event of each distinct pair: a pair repeated within
 * the events takes its last value, as training's dup=last does. */
static int
cmp_ev_pair(const void *a, const void *b, void *ctx)
{
	const rs_event *ev = ctx;
	const size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (ev[x].user != ev[y].user)
		return ev[x].user < ev[y].user ? -1 : 1;
	if (ev[x].item != ev[y].item)
		return ev[x].item < ev[y].item ? -1 : 1;
	return (x > y) - (x < y);
}

/* qsort_r is not C11; a small merge sort keeps the events' order stable. */
static void
sort_idx(size_t *a, size_t n, const rs_event *ev, size_t *tmp)
{
	if (n < 2)
		return;
	sort_idx(a, n / 2, ev, tmp);
	sort_idx(a + n / 2, n - n / 2, ev, tmp);
	for (size_t i = 0, j = n / 2, w = 0; w < n; w++)
		tmp[w] = j >= n || (i < n / 2 && cmp_ev_pair(&a[i], &a[j], (void *)ev) <= 0) ?
		    a[i++] : a[j++];
	memcpy(a, tmp, n * sizeof *a);
}

/* Grow m's training matrix, popularity and id spaces by the events. */
static void
grow_apply(rs_model *m, const rs_event *ev, size_t n, uint32_t nusers,
    uint32_t nitems, struct grow *g)
{
	rs_imat *t = m->train;
	size_t *ord = xmalloc((n ? n : 1) * sizeof *ord);
	size_t *tmp = xmalloc((n ? n : 1) * sizeof *tmp);
	double sum = t->mean * (double)t->nnz;
	struct layout U = { &t->uptr, &t->uidx, &t->uval, &t->utime };
	struct layout I = { &t->iptr, &t->iidx, &t->ival, NULL };

	memset(g, 0, sizeof *g);
	g->nusers = m->nusers;
	g->nitems = m->nitems;
	g->mean = t->mean;
	for (size_t k = 0; k < n; k++)
		ord[k] = k;
	sort_idx(ord, n, ev, tmp);
	free(tmp);
	g->by_user = xmalloc((n ? n : 1) * sizeof *g->by_user);
	g->chg = xmalloc((n ? n : 1) * sizeof *g->chg);
	for (size_t k = 0; k < n; k++) {
		const rs_event *e = &ev[ord[k]];
		int64_t uq = -1;
		if (k + 1 < n && ev[ord[k + 1]].user == e->user &&
		    ev[ord[k + 1]].item == e->item)
			continue;	/* a later event of the same pair wins */
		if (e->user < t->nusers && e->item < t->nitems)
			uq = layout_find(t->uptr, t->uidx, e->user, e->item);
		if (uq >= 0) {
			struct changed *c = &g->chg[g->nchg++];
			c->uq = (uint64_t)uq;
			c->iq = (uint64_t)layout_find(t->iptr, t->iidx, e->item, e->user);
			c->val = t->uval[uq];
			c->time = t->utime[uq];
			sum += e->value - t->uval[uq];
			t->uval[uq] = t->ival[c->iq] = e->value;
			if (!isnan(e->time))
				t->utime[uq] = e->time;
			continue;
		}
		g->by_user[g->nnew++] = (struct ins){ e->user, e->item, e->value, e->time };
		sum += e->value;
	}
	free(ord);
	g->by_item = xmalloc((g->nnew ? g->nnew : 1) * sizeof *g->by_item);
	for (size_t k = 0; k < g->nnew; k++)
		g->by_item[k] = (struct ins){ g->by_user[k].col, g->by_user[k].row,
		    g->by_user[k].val, NAN };
	qsort(g->by_item, g->nnew, sizeof *g->by_item, cmp_ins);
	layout_insert(&U, t->nusers, nusers, t->nnz, g->by_user, g->nnew);
	layout_insert(&I, t->nitems, nitems, t->nnz, g->by_item, g->nnew);
	t->nnz += g->nnew;
	t->nusers = nusers;
	t->nitems = nitems;
	t->mean = t->nnz ? sum / (double)t->nnz : 0;
	m->popularity = xrealloc(m->popularity, (nitems ? nitems : 1) * sizeof *m->popularity);
	for (uint32_t i = m->nitems; i < nitems; i++)
		m->popularity[i] = 0;
	for (size_t k = 0; k < g->nnew; k++)
		m->popularity[g->by_user[k].col] += 1;
	m->nusers = nusers;
	m->nitems = nitems;
}

/* Undo grow_apply (the kind refused the events). */
static void
grow_undo(rs_model *m, struct grow *g)
{
	rs_imat *t = m->train;
	struct layout U = { &t->uptr, &t->uidx, &t->uval, &t->utime };
	struct layout I = { &t->iptr, &t->iidx, &t->ival, NULL };

	for (size_t k = 0; k < g->nnew; k++)
		m->popularity[g->by_user[k].col] -= 1;
	layout_remove(&U, t->nusers, g->by_user, g->nnew);
	layout_remove(&I, t->nitems, g->by_item, g->nnew);
	t->nnz -= g->nnew;
	t->nusers = m->nusers = g->nusers;
	t->nitems = m->nitems = g->nitems;
	for (size_t c = g->nchg; c > 0; c--) {
		struct changed *x = &g->chg[c - 1];
		t->uval[x->uq] = t->ival[x->iq] = x->val;
		t->utime[x->uq] = x->time;
	}
	t->mean = g->mean;
}

static void
grow_free(struct grow *g)
{
	free(g->by_user);
	free(g->by_item);
	free(g->chg);
}

int
rs_model_update(rs_model *m, const rs_event *ev, size_t n, uint32_t nusers,
    uint32_t nitems, rs_error *err)
{
	struct grow g;
	int rc;

	if (m->kind->update == NULL) {
		rs_error_set(err, RS_EINVAL,
		    "model %s (%s) cannot learn from new events: retrain it",
		    m->name, m->kind->name);
		return -1;
	}
	if (m->state == NULL || m->train == NULL || m->popularity == NULL) {
		rs_error_set(err, RS_EINVAL, "model %s is not trained", m->name);
		return -1;
	}
	if (nusers < m->nusers || nitems < m->nitems) {
		rs_error_set(err, RS_EINVAL,
		    "model %s has %u users and %u items: the data cannot shrink to %u and %u",
		    m->name, m->nusers, m->nitems, nusers, nitems);
		return -1;
	}
	for (size_t k = 0; k < n; k++)
		if (ev[k].user >= nusers || ev[k].item >= nitems ||
		    !isfinite(ev[k].value)) {
			rs_error_set(err, RS_EINVAL,
			    "event %zu: user %u or item %u outside %u x %u, or value not finite",
			    k + 1, ev[k].user, ev[k].item, nusers, nitems);
			return -1;
		}
	/* training weights (weighting=) are an input of training, not of the
	 * learned state: the matrix grows without them rather than with a
	 * weight array shorter than its entries */
	free(m->train->uw);
	m->train->uw = NULL;
	grow_apply(m, ev, n, nusers, nitems, &g);
	rc = m->kind->update(m, ev, n, err);
	if (rc != 0)
		grow_undo(m, &g);
	grow_free(&g);
	return rc != 0 ? -1 : 0;
}
