/* itemknn learning from new events (rs_model_update): the kind's update hook, apart from training and scoring in knn.c. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/knn.h"
#include "reelscope/model.h"
#include "util/xmalloc.h"

/* ---- learning from new events (itemknn, rs_model_update) ----
 * Two paths. sim=cosine and sim=jaccard on catalogues of at most
 * KNN_COUNT_MAX items take the counting path (knn-count.c): every list
 * after an update equals a retrained model's (its header comment says how
 * and at what memory cost). The others (sim=pearson, larger catalogues)
 * take the recomputing path below, which is exact only in part. In rating
 * mode, either way, the baselines of the touched users and items take one
 * more pass of the training formula and the others stay (retraining fits
 * them all again). sim=adjusted and sim=pearson_baseline centre every value
 * by means or baselines that move with each event: those are refused.
 *
 * The recomputing path: an event (u, i) changes only item i's column: its
 * similarity with every item changes (through the column's norm and size),
 * and its co-occurrence with u's other items. What is exact: sim(i, x) is
 * computed again from the grown matrix (knn_pair, the training formula) for
 * every x in i's old list and every item of the event's user; i's list is
 * rebuilt from them, and each such x's list gets its entry for i replaced.
 * For cosine (and any similarity where an item outside u's row only scales
 * by i's norm) no item outside those can enter i's top k, so i's own list
 * is exact, and with complete lists (keep=0 in rating mode, or k at least
 * the item count) every list equals a retrained model's. What is
 * approximated: an item x that keeps i in its truncated list while i does
 * not keep x still holds the old sim(x, i), too high by at most the factor
 * |i|_new / |i|_old (cosine; for jaccard the union grew by one); an entry a
 * truncated list dropped earlier never comes back. */

static int
cmp_cand_item(const void *a, const void *b)
{
	const knn_cand *x = a, *y = b;

	return (x->i > y->i) - (x->i < y->i);
}

/* One rebuilt neighbour list. */
struct nlist {
	size_t n;
	knn_cand *c;
};

/* Set (or, with s <= 0, remove) x's entry for i in its list, which is in
 * order (similarity descending, ties by lower index); keep at most keep
 * (0: every one). */
static void
nlist_put(struct nlist *l, uint32_t i, float s, uint32_t keep)
{
	size_t w = 0, at;
	knn_cand c = { s, i };

	for (size_t j = 0; j < l->n; j++)
		if (l->c[j].i != i)
			l->c[w++] = l->c[j];
	l->n = w;
	if (!(s > 0) || (keep && l->n >= keep &&
	    (l->c[l->n - 1].s > s || (l->c[l->n - 1].s == s && l->c[l->n - 1].i < i))))
		return;
	l->c = xrealloc(l->c, (l->n + 1) * sizeof *l->c);
	for (at = l->n; at > 0 && (l->c[at - 1].s < s ||
	    (l->c[at - 1].s == s && l->c[at - 1].i > i)); at--)
		l->c[at] = l->c[at - 1];
	l->c[at] = c;
	l->n++;
	if (keep && l->n > keep)
		l->n = keep;
}

/* The list of row r as it is (rebuilt or stored). */
static struct nlist *
nlist_get(struct nlist **ov, const knn_nbrs *nb, uint32_t r)
{
	if (ov[r] == NULL) {
		struct nlist *l = ov[r] = xcalloc(1, sizeof *l);
		l->n = r < nb->n ? nb->ptr[r + 1] - nb->ptr[r] : 0;
		l->c = xmalloc((l->n ? l->n : 1) * sizeof *l->c);
		for (size_t j = 0; j < l->n; j++)
			l->c[j] = (knn_cand){ nb->sim[nb->ptr[r] + j], nb->idx[nb->ptr[r] + j] };
	}
	return ov[r];
}

/* The stored lists with the rebuilt ones in their place, over n rows. */
static void
nbrs_replace(knn_nbrs *nb, struct nlist **ov, uint32_t n)
{
	knn_nbrs out;
	uint64_t total = 0;
	bool same = n == nb->n;

	for (uint32_t r = 0; same && r < n; r++)
		same = ov[r] == NULL || ov[r]->n == nb->ptr[r + 1] - nb->ptr[r];
	if (same) {
		/* every list kept its length (full lists of k): in place */
		for (uint32_t r = 0; r < n; r++)
			for (size_t j = 0; ov[r] != NULL && j < ov[r]->n; j++) {
				nb->idx[nb->ptr[r] + j] = ov[r]->c[j].i;
				nb->sim[nb->ptr[r] + j] = ov[r]->c[j].s;
			}
		return;
	}
	out.n = n;
	out.ptr = xmalloc(((size_t)n + 1) * sizeof *out.ptr);
	for (uint32_t r = 0; r < n; r++) {
		out.ptr[r] = total;
		total += ov[r] != NULL ? ov[r]->n : r < nb->n ? nb->ptr[r + 1] - nb->ptr[r] : 0;
	}
	out.ptr[n] = total;
	out.idx = xmalloc((total ? total : 1) * sizeof *out.idx);
	out.sim = xmalloc((total ? total : 1) * sizeof *out.sim);
	for (uint32_t r = 0; r < n; r++) {
		uint64_t p = out.ptr[r];
		if (ov[r] != NULL)
			for (size_t j = 0; j < ov[r]->n; j++, p++) {
				out.idx[p] = ov[r]->c[j].i;
				out.sim[p] = ov[r]->c[j].s;
			}
		else if (r < nb->n) {
			uint64_t a = nb->ptr[r], len = nb->ptr[r + 1] - a;
			memcpy(out.idx + p, nb->idx + a, len * sizeof *out.idx);
			memcpy(out.sim + p, nb->sim + a, len * sizeof *out.sim);
		}
	}
	knn_nbrs_free(nb);
	*nb = out;
}

/* The similarity of item i with each of the items x[0..n) (written into
 * their s): cosine and jaccard from i's column spread over the users once
 * and each column's norm kept, the same sums in the same order as knn_pair;
 * other similarities through knn_pair itself. */
static void
sims_with(struct knn_state *st, const knn_rows *cols, const knn_opts *o,
    uint32_t i, knn_cand *x, size_t n)
{
	if (o->sim != KNN_COSINE && o->sim != KNN_JACCARD) {
		for (size_t j = 0; j < n; j++)
			x[j].s = (float)knn_pair(cols, o, i, x[j].i);
		return;
	}
	for (uint64_t q = cols->ptr[i]; q < cols->ptr[i + 1]; q++)
		st->mark[cols->idx[q]] = cols->val[q];
	for (size_t j = 0; j < n; j++) {
		uint32_t b = x[j].i, cnt = 0;
		double xy = 0, v = 0;
		for (uint64_t q = cols->ptr[b]; q < cols->ptr[b + 1]; q++) {
			float a = st->mark[cols->idx[q]];
			if (!isnan(a)) {
				cnt++;
				xy += (double)a * cols->val[q];
			}
		}
		if (cnt > 0 && cnt >= o->min_support) {
			if (o->sim == KNN_COSINE) {
				double den = st->norm[i] * st->norm[b];
				v = den > 0 ? xy / den : 0;
			} else
				v = (double)cnt / (double)((cols->ptr[i + 1] - cols->ptr[i]) +
				    (cols->ptr[b + 1] - cols->ptr[b]) - cnt);
			if (o->shrink > 0)
				v *= cnt / (cnt + o->shrink);
		}
		x[j].s = (float)v > 0 ? (float)v : 0;
	}
	for (uint64_t q = cols->ptr[i]; q < cols->ptr[i + 1]; q++)
		st->mark[cols->idx[q]] = NAN;
}

/* One more pass of fit_baselines' formulas for item i and user u. */
static void
baselines_touch(struct knn_state *st, const rs_imat *t, rs_model *m,
    uint32_t u, uint32_t i)
{
	double dev = 0;
	uint64_t a = t->iptr[i], b = t->iptr[i + 1];

	for (uint64_t q = a; q < b; q++)
		dev += t->ival[q] - st->mu - st->bu[t->iidx[q]];
	st->bi[i] = b > a ? (float)(dev / (rs_model_param_num(m, "reg_item") + (double)(b - a))) : 0;
	dev = 0;
	a = t->uptr[u];
	b = t->uptr[u + 1];
	for (uint64_t q = a; q < b; q++)
		dev += t->uval[q] - st->mu - st->bi[t->uidx[q]];
	st->bu[u] = b > a ? (float)(dev / (rs_model_param_num(m, "reg_user") + (double)(b - a))) : 0;
}

/* The recomputing path (other similarities, larger catalogues): see the
 * comment above nlist_put. */
static void
recompute_events(struct knn_state *st, const rs_imat *t, const knn_opts *o,
    const rs_event *ev, size_t n)
{
	knn_rows cols = { t->nitems, t->iptr, t->iidx, t->ival };
	struct nlist **ov;

	/* the kept norms and the user scratch follow the grown matrix */
	st->norm = xrealloc(st->norm, ((size_t)t->nitems + 1) * sizeof *st->norm);
	st->mark = xrealloc(st->mark, ((size_t)t->nusers + 1) * sizeof *st->mark);
	for (uint32_t u = st->nusers; u < t->nusers; u++)
		st->mark[u] = NAN;
	for (uint32_t x = st->nitems; x < t->nitems; x++)
		st->norm[x] = knn_row_norm(&cols, x);
	if (st->nitems == 0 || st->nb.n == 0 || !st->have_norms) {
		for (uint32_t x = 0; x < t->nitems; x++)
			st->norm[x] = knn_row_norm(&cols, x);
		for (uint32_t u = 0; u < t->nusers; u++)
			st->mark[u] = NAN;
		st->have_norms = true;
	}
	for (size_t e = 0; e < n; e++)
		st->norm[ev[e].item] = knn_row_norm(&cols, ev[e].item);
	st->nusers = t->nusers;
	st->nitems = t->nitems;
	ov = xcalloc((size_t)t->nitems + 1, sizeof *ov);
	for (size_t e = 0; e < n; e++) {
		uint32_t u = ev[e].user, i = ev[e].item;
		struct nlist *li = nlist_get(ov, &st->nb, i);
		size_t nc = 0, w = 0;
		knn_cand *c = xmalloc((li->n + t->uptr[u + 1] - t->uptr[u] + 1) * sizeof *c);
		/* the items whose similarity with i is computed again */
		for (size_t j = 0; j < li->n; j++)
			c[nc++].i = li->c[j].i;
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++)
			if (t->uidx[q] != i)
				c[nc++].i = t->uidx[q];
		qsort(c, nc, sizeof *c, cmp_cand_item);
		for (size_t j = 0; j < nc; j++)
			if (w == 0 || c[w - 1].i != c[j].i)
				c[w++] = c[j];
		nc = w;
		sims_with(st, &cols, o, i, c, nc);
		li->n = 0;
		li->c = xrealloc(li->c, (nc ? nc : 1) * sizeof *li->c);
		for (size_t j = 0; j < nc; j++) {
			nlist_put(nlist_get(ov, &st->nb, c[j].i), i, c[j].s, o->keep);
			if (c[j].s > 0)
				li->c[li->n++] = c[j];
		}
		li->n = knn_select(li->c, li->n, o->keep ? o->keep : li->n);
		free(c);
	}
	nbrs_replace(&st->nb, ov, t->nitems);
	for (uint32_t r = 0; r < t->nitems; r++)
		if (ov[r] != NULL) {
			free(ov[r]->c);
			free(ov[r]);
		}
	free(ov);
}

int
knn_item_update(rs_model *m, const rs_event *ev, size_t n, rs_error *err)
{
	struct knn_state *st = m->state;
	const rs_imat *t = m->train;
	knn_opts o;

	o.sim = (enum knn_sim)knn_sim_parse(rs_model_param(m, "sim"));
	if (o.sim == KNN_ADJUSTED || o.sim == KNN_PEARSON_BASELINE) {
		rs_error_set(err, RS_EINVAL,
		    "model %s: sim=%s centres every value by means that move with each event: retrain it",
		    m->name, knn_sim_name(o.sim));
		return -1;
	}
	o.shrink = rs_model_param_num(m, "shrink");
	o.min_support = (uint32_t)rs_model_param_num(m, "min_support");
	o.keep = st->rating ? (uint32_t)rs_model_param_num(m, "keep") : st->k;
	if (st->rating) {
		st->bu = xrealloc(st->bu, ((size_t)t->nusers + 1) * sizeof *st->bu);
		st->bi = xrealloc(st->bi, ((size_t)t->nitems + 1) * sizeof *st->bi);
		memset(st->bu + st->nusers, 0, (t->nusers - st->nusers) * sizeof *st->bu);
		memset(st->bi + st->nitems, 0, (t->nitems - st->nitems) * sizeof *st->bi);
		for (size_t e = 0; e < n; e++)
			baselines_touch(st, t, m, ev[e].user, ev[e].item);
	}
	if ((o.sim == KNN_COSINE || o.sim == KNN_JACCARD) && t->nitems <= KNN_COUNT_MAX) {
		knn_count_events(st, t, &o, ev, n);
		st->nusers = t->nusers;
		st->nitems = t->nitems;
		st->have_norms = false;	/* the recomputing path's, if ever */
		return 0;
	}
	knn_upd_free(st->upd);
	st->upd = NULL;
	recompute_events(st, t, &o, ev, n);
	return 0;
}
