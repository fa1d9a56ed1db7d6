/* itemknn learning from new events by kept co-occurrence counts: each event touches only its pairs and the lists holding them (knn-update.c chooses this path). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/knn-count.h"
#include "reelscope/model.h"
#include "util/xmalloc.h"

/*
 * What retraining computes for a pair of items a, b is a function of four
 * kept figures: the users they share (cnt), the sum of the products of
 * their values (dot), and each column's norm and length. An event (u, i)
 * adds u's products to the pairs (i, x) of u's items x, and changes i's
 * norm and length; every other pair keeps its figures. So after an update:
 * - i's own list takes the new values of its entries, and u's items are
 *   offered to it;
 * - every list holding i (a bit per pair says which) takes i's new value
 *   (it falls: i's norm and length grew), and each of u's items' lists is
 *   offered i at its new value (it may come in, move or go);
 * - a list that lets an item go may owe its place to an item it does not
 *   hold. Each list keeps a reserve of RES items outside it, with values no
 *   lower than their current ones, and a floor: nothing else outside ranks
 *   above it (values outside only fall, unless offered again, and an offer
 *   turned away goes to the reserve or raises the floor). When the last
 *   entry no longer ranks above the best of those, the reserve's values are
 *   computed again; while the best of them ranks above the floor and the
 *   last entry, it comes in and the last goes out; when the floor is what
 *   ranks above, the list is made again from its row of counts (on
 *   MovieLens 100K once in 25 to 100 events).
 * The lists are then the ones retraining makes, entry for entry: the same
 * sums from the same integers (values kept in float: exact for integer
 * values such as clicks and ratings up to 2^24 per pair; other values
 * round once per event, about 1e-7 relative), norms summed in knn_pair's
 * order, the same formula, the same ties (tests/unit/test-update.c compares
 * every list with retraining after every call, bit for bit).
 * Memory: 8 bytes per pair of items (cnt, dot) and a bit (the lists
 * holding it), 64 bytes per item (the last entry, floor and reserve):
 * 23 MB for MovieLens 100K's 1,682 items, 73 MB for 3,000, 136 MB at
 * KNN_COUNT_MAX (4,096). Made on the first update (a pass like training's
 * over every user's pairs: 0.1-0.25 s on MovieLens 100K, 1-3 s for 3,000
 * items and 0.86 M rows on 2 shared cores), not saved; an update that brings new items makes
 * it again. */

void
knn_upd_free(struct knn_upd *U)
{
	if (U == NULL)
		return;
	for (uint32_t j = 0; j < U->nowned; j++) {
		free(U->ov[U->owned[j]].idx);
		free(U->ov[U->owned[j]].sim);
	}
	free(U->pr);
	free(U->hold);
	free(U->tb);
	free(U->norm);
	free(U->len);
	free(U->ov);
	free(U->owned);
	free(U->flag);
	free(U->dirty);
	free(U->touched);
	free(U->xs);
	free(U->ndistinct);
	free(U->cand);
	free(U);
}

void
knn_upd_counts(const struct knn_upd *U, uint64_t *rebuilds, uint64_t *repacks)
{
	*rebuilds = U != NULL ? U->rebuilds : 0;
	*repacks = U != NULL ? U->repacks : 0;
}

/* Row a of the counts from the matrix: a's users spread over their rows. */
static void
upd_count_row(struct knn_upd *U, const rs_imat *t, uint32_t a)
{
	struct pair *r = U->pr + (size_t)a * U->n;

	memset(r, 0, U->n * sizeof *r);
	for (uint64_t q = t->iptr[a]; q < t->iptr[a + 1]; q++) {
		uint32_t v = t->iidx[q];
		float w = t->ival[q];
		for (uint64_t p = t->uptr[v]; p < t->uptr[v + 1]; p++) {
			r[t->uidx[p]].cnt++;
			r[t->uidx[p]].dot += w * t->uval[p];
		}
	}
	r[a] = (struct pair){ 0, 0 };
}

/* The tables for the matrix as it is, and every list made from them (what
 * retraining gives). */
static struct knn_upd *
upd_build(const rs_imat *t, const knn_opts *o, knn_nbrs *nb)
{
	struct knn_upd *U = xcalloc(1, sizeof *U);
	uint32_t n = t->nitems;
	size_t nn = n ? (size_t)n * n : 1;
	knn_rows cols = { n, t->iptr, t->iidx, t->ival };

	U->n = n;
	U->o = *o;
	U->pr = xmalloc(nn * sizeof *U->pr);
	U->nw = (n + 63) / 64;
	U->hold = xcalloc(n ? (size_t)n * U->nw : 1, sizeof *U->hold);
	if ((U->tb = aligned_alloc(64, (n ? n : 1) * sizeof *U->tb)) == NULL)
		rs_oom((n ? n : 1) * sizeof *U->tb);
	memset(U->tb, 0, (n ? n : 1) * sizeof *U->tb);
	U->norm = xmalloc((n ? n : 1) * sizeof *U->norm);
	U->len = xmalloc((n ? n : 1) * sizeof *U->len);
	U->ov = xcalloc(n ? n : 1, sizeof *U->ov);
	U->owned = xmalloc((n ? n : 1) * sizeof *U->owned);
	U->flag = xcalloc(n ? n : 1, sizeof *U->flag);
	U->dirty = xmalloc((n ? n : 1) * sizeof *U->dirty);
	U->touched = xmalloc((n ? n : 1) * sizeof *U->touched);
	U->xs = xmalloc((n ? n : 1) * sizeof *U->xs);
	U->ndistinct = xcalloc(n ? n : 1, sizeof *U->ndistinct);
	U->cand = xmalloc((2 * (size_t)n + 1) * sizeof *U->cand);
	#pragma omp parallel for schedule(dynamic, 16) if (t->nnz > 20000)
	for (uint32_t a = 0; a < n; a++)
		upd_count_row(U, t, a);
	for (uint32_t a = 0; a < n; a++) {
		U->norm[a] = knn_row_norm(&cols, a);
		U->len[a] = t->iptr[a + 1] - t->iptr[a];
	}
	/* every list own and empty, then made */
	for (uint32_t a = 0; a < n; a++) {
		U->ov[a] = (struct lst){ xmalloc(sizeof(uint32_t)), xmalloc(sizeof(float)), 0, 1, true };
		U->owned[U->nowned++] = a;
	}
	for (uint32_t a = 0; a < n; a++)
		knn_lst_rebuild(U, nb, a);
	knn_lst_repack(U, nb);
	U->rebuilds = U->repacks = 0;
	return U;
}

static int
cmp_event_pair(const void *a, const void *b)
{
	const rs_event *x = a, *y = b;

	if (x->user != y->user)
		return x->user < y->user ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

/* The counts follow the grown matrix: the distinct pairs p[0..np)
 * (sorted by user, then item) each add their user's products, once per
 * pair of entries; an item one of whose events changed a value already
 * there has its row counted again instead. Returns the touched items' old
 * norms (freed by the caller). */
static double *
upd_count_events(struct knn_upd *U, const rs_imat *t, const rs_event *p,
    size_t np)
{
	size_t n = U->n;
	knn_rows cols = { t->nitems, t->iptr, t->iidx, t->ival };
	double *oldnorm;

	for (size_t e = 0; e < np; e++) {
		uint32_t i = p[e].item;
		if (!(U->flag[i] & F_TOUCHED)) {
			U->flag[i] |= F_TOUCHED;
			U->touched[U->ntouched++] = i;
			U->ndistinct[i] = 0;
		}
		U->ndistinct[i]++;
	}
	for (uint32_t j = 0; j < U->ntouched; j++) {
		uint32_t i = U->touched[j];
		if (t->iptr[i + 1] - t->iptr[i] - U->len[i] < U->ndistinct[i])
			U->flag[i] |= F_CHANGED;
	}
	for (size_t a = 0, b; a < np; a = b) {
		uint32_t u = p[a].user;
		for (b = a; b < np && p[b].user == u; b++)
			U->flag[p[b].item] |= F_PENDING;
		for (size_t e = a; e < b; e++) {
			uint32_t i = p[e].item;
			float w = rs_imat_get(t, u, i);
			U->flag[i] &= (uint8_t)~F_PENDING;
			if (U->flag[i] & F_CHANGED)
				continue;
			for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
				uint32_t x = t->uidx[q];
				float d = w * t->uval[q];
				/* x's row is far away: ask ahead */
				if (q + AHEAD < t->uptr[u + 1])
					__builtin_prefetch(&U->pr[t->uidx[q + AHEAD] * n + i], 1);
				if (x == i || (U->flag[x] & (F_PENDING | F_CHANGED)))
					continue;
				U->pr[i * n + x].cnt++;
				U->pr[i * n + x].dot += d;
				U->pr[x * n + i].cnt++;
				U->pr[x * n + i].dot += d;
			}
		}
	}
	oldnorm = xmalloc((U->ntouched ? U->ntouched : 1) * sizeof *oldnorm);
	for (uint32_t j = 0; j < U->ntouched; j++) {
		uint32_t i = U->touched[j];
		oldnorm[j] = U->norm[i];
		if (U->flag[i] & F_CHANGED) {
			upd_count_row(U, t, i);
			for (uint32_t x = 0; x < n; x++) {
				U->pr[x * n + i] = U->pr[i * n + x];
			}
		}
		U->norm[i] = knn_row_norm(&cols, i);
		U->len[i] = t->iptr[i + 1] - t->iptr[i];
	}
	return oldnorm;
}

/* The lists after the counts: every entry for a touched item set to its
 * new value (the touched items' own lists, the lists holding them, and
 * both ways between each event's item and its user's items), then every
 * list that changed checked against its bound. */
static void
upd_lists_events(struct knn_upd *U, const rs_imat *t, knn_nbrs *nb,
    const rs_event *p, size_t np, const double *oldnorm)
{
	size_t n = U->n;
	uint32_t nh;

	for (uint32_t j = 0; j < U->ntouched; j++) {
		uint32_t i = U->touched[j];
		knn_lst_refresh(U, nb, i);
		struct tail *tb = &U->tb[i];
		if (U->flag[i] & F_CHANGED) {
			/* a value changed: what is outside may have risen */
			tb->floor = (knn_cand){ INFINITY, 0 };
			for (int r = 0; r < RES; r++)
				tb->res[r] = NONE;
		} else if (U->o.sim == KNN_COSINE && U->norm[i] > 0) {
			/* outside u's items every value fell by the norm's
			   growth (rounding: a margin of 2^-20) */
			double f = oldnorm[j] / U->norm[i] * (1 + 1.0 / (1 << 20));
			tb->floor.s = (float)(tb->floor.s * f);
			for (int r = 0; r < RES; r++)
				tb->res[r].s = (float)(tb->res[r].s * f);
		}
	}
	for (uint32_t j = 0; j < U->ntouched; j++) {
		uint32_t i = U->touched[j];
		bool all = U->flag[i] & F_CHANGED;
		if (all) {
			for (uint32_t x = 0; x < n; x++)
				if (x != i && (U->pr[i * n + x].cnt || holds(U, x, i)))
					knn_lst_put(U, nb, x, (knn_cand){ upd_sim(U, i, x), i });
			continue;
		}
		/* the lists holding i: row i of the bits; each list is a
		   cache miss, so they are asked for a few ahead */
		nh = 0;
		for (size_t w = 0; w < U->nw; w++)
			for (uint64_t bits = U->hold[i * U->nw + w]; bits; bits &= bits - 1)
				U->xs[nh++] = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(bits));
		for (uint32_t h = 0; h < nh; h++) {
			uint32_t x = U->xs[h];
			if (h + AHEAD < nh)
				lst_prefetch(U, nb, U->xs[h + AHEAD]);
			knn_lst_put(U, nb, x, (knn_cand){ upd_sim(U, i, x), i });
		}
	}
	for (size_t e = 0; e < np; e++) {
		uint32_t u = p[e].user, i = p[e].item;
		if (U->flag[i] & F_CHANGED)
			continue;
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++) {
			uint32_t x = t->uidx[q];
			float s;
			if (q + AHEAD < t->uptr[u + 1])
				__builtin_prefetch(&U->tb[t->uidx[q + AHEAD]]);
			if (x == i)
				continue;
			s = upd_sim(U, i, x);
			knn_lst_put(U, nb, x, (knn_cand){ s, i });
			knn_lst_offer(U, nb, i, (knn_cand){ s, x });
		}
	}
	for (uint32_t j = 0; j < U->ndirty; j++) {
		uint32_t x = U->dirty[j];
		U->flag[x] &= (uint8_t)~F_DIRTY;
		knn_lst_check(U, nb, x);
	}
	U->ndirty = 0;
	for (uint32_t j = 0; j < U->ntouched; j++)
		U->flag[U->touched[j]] = 0;
	U->ntouched = 0;
	knn_lst_repack(U, nb);
}

void
knn_count_events(struct knn_state *st, const rs_imat *t, const knn_opts *o,
    const rs_event *ev, size_t n)
{
	rs_event *p;
	size_t np = 0;
	double *oldnorm;

	if (st->upd != NULL && st->upd->n != t->nitems) {
		knn_upd_free(st->upd);
		st->upd = NULL;
	}
	if (st->upd == NULL) {
		/* made from the grown matrix: the events are in already */
		st->upd = upd_build(t, o, &st->nb);
		return;
	}
	p = xmalloc((n ? n : 1) * sizeof *p);
	memcpy(p, ev, n * sizeof *p);
	qsort(p, n, sizeof *p, cmp_event_pair);
	for (size_t e = 0; e < n; e++)
		if (np == 0 || p[np - 1].user != p[e].user || p[np - 1].item != p[e].item)
			p[np++] = p[e];
	oldnorm = upd_count_events(st->upd, t, p, np);
	upd_lists_events(st->upd, t, &st->nb, p, np, oldnorm);
	free(oldnorm);
	free(p);
}


