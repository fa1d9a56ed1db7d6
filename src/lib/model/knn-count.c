/* itemknn learning from new events by kept co-occurrence counts: each event touches only its pairs and the lists holding them (knn-update.c chooses this path). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/knn.h"
#include "reelscope/model.h"
#include "util/xmalloc.h"

/*
 * What retraining computes for a pair of items a, b is a function of four
 * kept figures: the users they share (cnt), the sum of the products of
 * their values (dot), and each column's norm and length. An event (u, i)
 * adds u's products to the pairs (i, x) of u's items x, and changes i's
 * norm and length; every other pair keeps its figures. So after an update:
 * - i's list is made again from i's row of counts (every item, as training
 *   does: exact);
 * - every other list x holds its entry for i at the new value (x among u's
 *   items: it may come in, move or go; x holding i: it moves down, since
 *   i's norm and length grew);
 * - a list that lets an item go (pushed out, or fallen below what is
 *   outside) may owe its place to an item it does not hold: each list keeps
 *   a bound, no item outside it ranks above the bound (the best candidate
 *   it ever turned away or let go since it was last made, values outside
 *   only fall unless offered again); when the list's last entry no longer
 *   ranks above its bound it is made again from its row of counts.
 * The lists are then the ones retraining makes: the same sums from the same
 * integers (values kept in float: exact for integer values such as clicks
 * and ratings up to 2^24 per pair; other values round once per event, about
 * 1e-7 relative), norms summed in knn_pair's order, the same ties.
 * Memory: 10 bytes per pair of items (cnt 4, dot 4, place in a list 2):
 * 28 MB for MovieLens 100K's 1,682 items, 90 MB for 3,000, 168 MB at the
 * limit of 4,096; made on the first update (a pass like training's over
 * every user's pairs), not saved; an update that brings new items makes it
 * again. */

/* flags of an item during one update */
#define F_TOUCHED 1u	/* an event's item */
#define F_CHANGED 2u	/* one of its events changed a value already there */
#define F_PENDING 4u	/* its event of the current user is still to count */
#define F_DIRTY 8u	/* its list changed: check it against its bound */
#define F_MEMBER 16u	/* in the list being made again */

/* A list being changed: in the packed table, or in its own arrays when its
 * length changes (own). */
struct lst {
	uint32_t *idx;
	float *sim;
	uint32_t n, cap;
	bool own;
};

/* What items a and b have in common (one place: one cache line a pair). */
struct pair {
	uint32_t cnt;		/* users */
	float dot;		/* sum of their values' products */
};

/* Items outside a list kept apart, with values at least their current
 * ones: the best of them come in without a scan of the row. */
#define RES 6

/* A list's last entry (a copy: one cache line for the checks that turn
 * items away), the reserve and the floor: nothing outside the list but the
 * reserve ranks above the floor (s = 0: nothing positive). */
struct tail {
	knn_cand last;
	knn_cand floor;
	knn_cand res[RES];	/* i = UINT32_MAX: empty */
};			/* 64 bytes: one cache line, aligned */

static const knn_cand NONE = { 0, UINT32_MAX };

struct knn_upd {
	uint32_t n;		/* items the tables cover */
	knn_opts o;
	struct pair *pr;	/* n x n: the figures of items a and b */
	uint64_t *hold;		/* n x nw bits: bit a of row b set when a's
				   list holds b */
	size_t nw;		/* words a row */
	struct tail *tb;	/* per list */
	double *norm;		/* per item: column norm, knn_pair's order */
	uint64_t *len;		/* per item: column length */
	/* scratch of one update */
	struct lst *ov;		/* per item */
	uint32_t *owned, nowned;
	uint8_t *flag;
	uint32_t *dirty, ndirty;
	uint32_t *touched, ntouched;
	uint32_t *xs;		/* the lists holding an item */
	uint32_t *ndistinct;	/* per item: its distinct new pairs */
	knn_cand *cand;
	uint64_t rebuilds;	/* lists made again (bench/update-bench) */
	uint64_t swaps;		/* reserve items that came in without a scan */
	uint64_t repacks;	/* packed tables made again */
};

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

static inline bool
better(knn_cand a, knn_cand b)
{
	return a.s > b.s || (a.s == b.s && a.i < b.i);
}

/* How many lists ahead the loops over lists ask for their memory. */
#define AHEAD 8

/* Ask for the start of x's list and its tail ahead of use. */
static inline void
lst_prefetch(const struct knn_upd *U, const knn_nbrs *nb, uint32_t x)
{
	if (!U->ov[x].own && x < nb->n) {
		__builtin_prefetch(nb->idx + nb->ptr[x]);
		__builtin_prefetch(nb->sim + nb->ptr[x]);
	}
	__builtin_prefetch(&U->tb[x]);
}

/* Whether x's list holds y; set, clear. */
static inline bool
holds(const struct knn_upd *U, uint32_t x, uint32_t y)
{
	return U->hold[y * U->nw + x / 64] >> (x % 64) & 1;
}

static inline void
hold_set(struct knn_upd *U, uint32_t x, uint32_t y)
{
	U->hold[y * U->nw + x / 64] |= (uint64_t)1 << (x % 64);
}

static inline void
hold_clr(struct knn_upd *U, uint32_t x, uint32_t y)
{
	U->hold[y * U->nw + x / 64] &= ~((uint64_t)1 << (x % 64));
}

/* Where a list holds y (it does). */
static inline uint32_t
lst_find(const struct lst *L, uint32_t y)
{
	uint32_t j = 0;

	while (L->idx[j] != y)
		j++;
	return j;
}

/* The similarity training gives items a and b, from the kept figures
 * (sim_value's formulas; the same bits either way round, so callers read
 * whichever row is at hand). */
static float
upd_sim(const struct knn_upd *U, uint32_t a, uint32_t b)
{
	size_t q = (size_t)a * U->n + b;
	uint32_t c = U->pr[q].cnt;
	double s;

	if (c == 0 || c < U->o.min_support || a == b)
		return 0;
	if (U->o.sim == KNN_COSINE) {
		double den = U->norm[a] * U->norm[b];
		s = den > 0 ? U->pr[q].dot / den : 0;
	} else
		s = (double)c / (double)(U->len[a] + U->len[b] - c);
	if (U->o.shrink > 0)
		s *= c / (c + U->o.shrink);
	return (float)s > 0 ? (float)s : 0;
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

/* List x as it is now. */
static inline struct lst *
lst_of(struct knn_upd *U, const knn_nbrs *nb, uint32_t x, struct lst *tmp)
{
	uint32_t n;

	if (U->ov[x].own)
		return &U->ov[x];
	n = x < nb->n ? (uint32_t)(nb->ptr[x + 1] - nb->ptr[x]) : 0;
	*tmp = (struct lst){ x < nb->n ? nb->idx + nb->ptr[x] : NULL,
	    x < nb->n ? nb->sim + nb->ptr[x] : NULL, n, n, false };
	return tmp;
}

/* List x in its own arrays with room for need entries. */
static struct lst *
lst_room(struct knn_upd *U, uint32_t x, struct lst *L, uint32_t need)
{
	struct lst *o = &U->ov[x];

	if (!o->own) {
		uint32_t cap = (need > L->n ? need : L->n) + 8;
		uint32_t *idx = xmalloc(cap * sizeof *idx);
		float *sim = xmalloc(cap * sizeof *sim);
		if (L->n > 0) {
			memcpy(idx, L->idx, L->n * sizeof *idx);
			memcpy(sim, L->sim, L->n * sizeof *sim);
		}
		*o = (struct lst){ idx, sim, L->n, cap, true };
		U->owned[U->nowned++] = x;
	} else if (o->cap < need) {
		o->cap = need + o->cap / 2 + 8;
		o->idx = xrealloc(o->idx, o->cap * sizeof *o->idx);
		o->sim = xrealloc(o->sim, o->cap * sizeof *o->sim);
	}
	return o;
}

/* Put c at place j of a list (its old entry there, if any, is c's own)
 * and move it to where its rank says. Whether the last entry changed. */
static bool
lst_settle(struct lst *L, uint32_t j, knn_cand c)
{
	bool tail = j + 1 == L->n;

	while (j > 0 && better(c, (knn_cand){ L->sim[j - 1], L->idx[j - 1] })) {
		L->idx[j] = L->idx[j - 1];
		L->sim[j] = L->sim[j - 1];
		j--;
	}
	while (j + 1 < L->n && better((knn_cand){ L->sim[j + 1], L->idx[j + 1] }, c)) {
		L->idx[j] = L->idx[j + 1];
		L->sim[j] = L->sim[j + 1];
		j++;
	}
	L->idx[j] = c.i;
	L->sim[j] = c.s;
	return tail || j + 1 == L->n;
}

static inline void
mark_dirty(struct knn_upd *U, uint32_t x)
{
	if (!(U->flag[x] & F_DIRTY)) {
		U->flag[x] |= F_DIRTY;
		U->dirty[U->ndirty++] = x;
	}
}

/* Copy x's last entry after its list changed. */
static inline void
tail_sync(struct knn_upd *U, uint32_t x, const struct lst *L)
{
	U->tb[x].last = L->n ? (knn_cand){ L->sim[L->n - 1], L->idx[L->n - 1] } :
	    (knn_cand){ 0, UINT32_MAX };
}

/* The length of x's list. */
static inline uint32_t
lst_len(const struct knn_upd *U, const knn_nbrs *nb, uint32_t x)
{
	if (U->ov[x].own)
		return U->ov[x].n;
	return x < nb->n ? (uint32_t)(nb->ptr[x + 1] - nb->ptr[x]) : 0;
}

/* c, outside x's list at its current value, kept in the reserve (its
 * worst entry going under the floor) or under the floor. */
static void
out_put(struct knn_upd *U, uint32_t x, knn_cand c)
{
	struct tail *tb = &U->tb[x];
	int w = 0;

	for (int j = 0; j < RES; j++)
		if (tb->res[j].i == c.i) {
			tb->res[j] = c.s > 0 ? c : NONE;
			return;
		}
	if (!(c.s > 0) || !better(c, tb->floor))
		return;		/* the floor covers it: most offers */
	for (int j = 1; j < RES; j++)
		if (better(tb->res[w], tb->res[j]))
			w = j;
	if (better(c, tb->res[w])) {
		if (better(tb->res[w], tb->floor))
			tb->floor = tb->res[w];
		tb->res[w] = c;
	} else if (better(c, tb->floor))
		tb->floor = c;
}

/* Item i comes into x's list: out of the reserve. */
static inline void
out_gone(struct knn_upd *U, uint32_t x, uint32_t i)
{
	for (int j = 0; j < RES; j++)
		if (U->tb[x].res[j].i == i)
			U->tb[x].res[j] = NONE;
}

/* Nothing outside x's list ranks above this. */
static inline knn_cand
out_top(const struct tail *tb)
{
	knn_cand t = tb->floor;

	for (int j = 0; j < RES; j++)
		if (better(tb->res[j], t))
			t = tb->res[j];
	return t;
}

/* x's entry for c.i takes the value c.s: it comes in, moves or goes;
 * what the list turns away or lets go raises its bound. */
static void
upd_put(struct knn_upd *U, const knn_nbrs *nb, uint32_t x, knn_cand c)
{
	struct lst tmp, *L;
	uint32_t p, keep = U->o.keep;
	knn_cand worst;

	if (!holds(U, x, c.i)) {
		if (!(c.s > 0))
			return;
		if (keep > 0 && lst_len(U, nb, x) == keep && !better(c, U->tb[x].last)) {
			/* turned away: most items of the events' users */
			out_put(U, x, c);
			return;
		}
	}
	L = lst_of(U, nb, x, &tmp);
	p = holds(U, x, c.i) ? lst_find(L, c.i) + 1 : 0;
	if (p > 0 && c.s > 0) {
		/* moved within the list: only a new last entry can break
		   the bound */
		if (L->sim[p - 1] != c.s && lst_settle(L, p - 1, c)) {
			tail_sync(U, x, L);
			mark_dirty(U, x);
		}
		return;
	}
	if (p > 0) {
		/* gone: the list is one shorter */
		L = lst_room(U, x, L, L->n);
		for (uint32_t j = p - 1; j + 1 < L->n; j++) {
			L->idx[j] = L->idx[j + 1];
			L->sim[j] = L->sim[j + 1];
		}
		L->n--;
		hold_clr(U, x, c.i);
		tail_sync(U, x, L);
		mark_dirty(U, x);
		return;
	}
	if (keep == 0 || L->n < keep) {
		L = lst_room(U, x, L, L->n + 1);
		L->n++;
		hold_set(U, x, c.i);
		out_gone(U, x, c.i);
		lst_settle(L, L->n - 1, c);
		tail_sync(U, x, L);
		mark_dirty(U, x);
		return;
	}
	/* full, and c ranks above the last entry: that one goes out */
	worst = U->tb[x].last;
	hold_clr(U, x, worst.i);
	hold_set(U, x, c.i);
	out_gone(U, x, c.i);
	out_put(U, x, worst);
	lst_settle(L, L->n - 1, c);
	tail_sync(U, x, L);
	mark_dirty(U, x);
}

/* upd_put into a list whose entries hold their current values (a touched
 * item's, after upd_refresh): an item ranking below its last entry is not
 * in it, so it is turned away without looking up its place. */
static void
upd_offer(struct knn_upd *U, const knn_nbrs *nb, uint32_t x, knn_cand c)
{
	struct lst tmp, *L = lst_of(U, nb, x, &tmp);

	if (U->o.keep > 0 && L->n == U->o.keep && c.s > 0) {
		knn_cand last = { L->sim[L->n - 1], L->idx[L->n - 1] };
		if (!better(c, last)) {
			if (c.i != last.i)
				out_put(U, x, c);
			return;
		}
	}
	upd_put(U, nb, x, c);
}

/* Make x's list again from its row of counts, as training does, and its
 * bound: the best candidate left out. */
static void
upd_rebuild(struct knn_upd *U, const knn_nbrs *nb, uint32_t x)
{
	struct lst tmp, *L = lst_of(U, nb, x, &tmp);
	const struct pair *r = U->pr + (size_t)x * U->n;
	size_t m = 0, nk, nr;
	knn_cand out = NONE;

	for (uint32_t y = 0; y < U->n; y++)
		if (r[y].cnt > 0) {
			float s = upd_sim(U, x, y);
			if (s > 0)
				U->cand[m++] = (knn_cand){ s, y };
		}
	nk = knn_select_front(U->cand, m, U->o.keep ? U->o.keep : m);
	/* the next best in the reserve, the rest under the floor */
	nr = knn_select_front(U->cand + nk, m - nk, RES);
	for (size_t j = nk + nr; j < m; j++)
		if (better(U->cand[j], out))
			out = U->cand[j];
	U->tb[x].floor = out;
	for (size_t j = 0; j < RES; j++)
		U->tb[x].res[j] = j < nr ? U->cand[nk + j] : NONE;
	knn_select(U->cand, nk, nk);
	for (uint32_t j = 0; j < L->n; j++)
		hold_clr(U, x, L->idx[j]);
	if (nk != L->n)
		L = lst_room(U, x, L, (uint32_t)nk);
	L->n = (uint32_t)nk;
	for (uint32_t j = 0; j < nk; j++) {
		L->idx[j] = U->cand[j].i;
		L->sim[j] = U->cand[j].s;
		hold_set(U, x, U->cand[j].i);
	}
	tail_sync(U, x, L);
	U->rebuilds++;
}

/* The same for a full list whose entries hold their current values: only
 * items outside it near its last entry are computed exactly (a tenth below
 * it, without a division for the others), merged with the list; the next
 * best fill the reserve, the best of the rest is the floor. */
static void
upd_rebuild_full(struct knn_upd *U, const knn_nbrs *nb, uint32_t x)
{
	struct lst tmp, *L = lst_of(U, nb, x, &tmp);
	const struct pair *r = U->pr + (size_t)x * U->n;
	struct tail *tb = &U->tb[x];
	size_t m = 0, a = 0, b = 0, nr = 0;
	knn_cand *mg, out = NONE;
	double lim = L->sim[L->n - 1] * 0.9, best = 0, nx = U->norm[x], sh = U->o.shrink;
	bool cosine = U->o.sim == KNN_COSINE;

	for (uint32_t j = 0; j < L->n; j++)
		U->flag[L->idx[j]] |= F_MEMBER;
	for (uint32_t y = 0; y < U->n; y++) {
		uint32_t c = r[y].cnt;
		double num, den;
		knn_cand k;
		if (c == 0 || c < U->o.min_support || (U->flag[y] & F_MEMBER))
			continue;
		num = cosine ? r[y].dot : c;
		den = cosine ? nx * U->norm[y] : (double)(U->len[x] + U->len[y] - c);
		if (sh > 0) {
			num *= c;
			den *= c + sh;
		}
		if (num < lim * den) {
			/* far below the last entry: only bounds the floor */
			if (num > best * den)
				best = num / den;
			continue;
		}
		k = (knn_cand){ upd_sim(U, x, y), y };
		if (k.s > 0)
			U->cand[m++] = k;
	}
	for (uint32_t j = 0; j < L->n; j++)
		U->flag[L->idx[j]] &= (uint8_t)~F_MEMBER;
	if (best > 0)
		/* an upper bound of what training's rounding gives */
		out = (knn_cand){ (float)(best * (1 + 1e-6)), 0 };
	/* merge the list and the newcomers: the best L->n stay, the next
	   RES go to the reserve, the best of the rest raises the floor */
	knn_select(U->cand, m, m);
	mg = U->cand + m;
	for (size_t w = 0; w < (size_t)L->n + RES; w++) {
		knn_cand la = a < L->n ? (knn_cand){ L->sim[a], L->idx[a] } : NONE;
		if (a >= L->n && b >= m)
			break;
		mg[w] = b < m && (a >= L->n || better(U->cand[b], la)) ? U->cand[b++] : (a++, la);
		if (w >= L->n)
			nr++;
	}
	if (b < m && better(U->cand[b], out))
		out = U->cand[b];
	if (a < L->n && better((knn_cand){ L->sim[a], L->idx[a] }, out))
		out = (knn_cand){ L->sim[a], L->idx[a] };
	for (uint32_t j = 0; j < L->n; j++)
		hold_clr(U, x, L->idx[j]);
	for (uint32_t w = 0; w < L->n; w++) {
		L->idx[w] = mg[w].i;
		L->sim[w] = mg[w].s;
		hold_set(U, x, mg[w].i);
	}
	tail_sync(U, x, L);
	tb->floor = out;
	for (size_t j = 0; j < RES; j++)
		tb->res[j] = j < nr ? mg[L->n + j] : NONE;
	U->rebuilds++;
}

/* x's list after its last entry changed: while the best item outside ranks
 * above the last entry, it comes in from the reserve (at its current
 * value) and the last goes out; when what ranks above is under the floor,
 * the list is made again from its row. */
static void
upd_check(struct knn_upd *U, const knn_nbrs *nb, uint32_t x)
{
	struct tail *tb = &U->tb[x];
	bool current = false;

	for (;;) {
		knn_cand top = out_top(tb), b;
		struct lst tmp, *L;
		int jb = -1;
		if (!(top.s > 0))
			return;
		if (lst_len(U, nb, x) < U->o.keep) {
			upd_rebuild(U, nb, x);
			return;
		}
		if (better(tb->last, top))
			return;
		if (!current) {
			/* the reserve's values fell since: at their current ones */
			for (int j = 0; j < RES; j++)
				if (tb->res[j].i != UINT32_MAX) {
					tb->res[j].s = upd_sim(U, x, tb->res[j].i);
					if (!(tb->res[j].s > 0))
						tb->res[j] = NONE;
				}
			current = true;
			continue;
		}
		for (int j = 0; j < RES; j++)
			if (tb->res[j].i != UINT32_MAX && (jb < 0 || better(tb->res[j], tb->res[jb])))
				jb = j;
		if (jb < 0 || !better(tb->res[jb], tb->floor)) {
			upd_rebuild_full(U, nb, x);
			return;
		}
		/* the best outside, above the last entry: they swap */
		b = tb->res[jb];
		tb->res[jb] = NONE;
		L = lst_of(U, nb, x, &tmp);
		top = tb->last;
		hold_clr(U, x, top.i);
		hold_set(U, x, b.i);
		lst_settle(L, L->n - 1, b);
		tail_sync(U, x, L);
		out_put(U, x, top);
		U->swaps++;
	}
}

/* A touched item's own list: each entry takes its new value and the list
 * its new order (cosine: all fell by the same factor but u's items; jaccard:
 * each by its own). Entries that fell to nothing leave it. */
static void
upd_refresh(struct knn_upd *U, const knn_nbrs *nb, uint32_t i)
{
	struct lst tmp, *L = lst_of(U, nb, i, &tmp);
	uint32_t w = 0;
	bool gone = false;

	for (uint32_t j = 0; j < L->n; j++) {
		L->sim[j] = upd_sim(U, i, L->idx[j]);
		gone |= !(L->sim[j] > 0);
	}
	if (gone) {
		L = lst_room(U, i, L, L->n);
		for (uint32_t j = 0; j < L->n; j++)
			if (L->sim[j] > 0) {
				L->idx[w] = L->idx[j];
				L->sim[w++] = L->sim[j];
			} else
				hold_clr(U, i, L->idx[j]);
		L->n = w;
	}
	/* insertion sort: the order mostly holds */
	for (uint32_t j = 1; j < L->n; j++) {
		knn_cand c = { L->sim[j], L->idx[j] };
		uint32_t k = j;
		if (!better(c, (knn_cand){ L->sim[j - 1], L->idx[j - 1] }))
			continue;
		while (k > 0 && better(c, (knn_cand){ L->sim[k - 1], L->idx[k - 1] })) {
			L->idx[k] = L->idx[k - 1];
			L->sim[k] = L->sim[k - 1];
			k--;
		}
		L->idx[k] = c.i;
		L->sim[k] = c.s;
	}
	tail_sync(U, i, L);
	mark_dirty(U, i);
}

/* The lists that changed length back into one packed table of n rows. */
static void
upd_repack(struct knn_upd *U, knn_nbrs *nb)
{
	knn_nbrs out;
	uint64_t total = 0;
	uint32_t n = U->n;

	if (U->nowned == 0 && nb->n == n)
		return;
	out.n = n;
	out.ptr = xmalloc(((size_t)n + 1) * sizeof *out.ptr);
	for (uint32_t r = 0; r < n; r++) {
		out.ptr[r] = total;
		total += U->ov[r].own ? U->ov[r].n :
		    r < nb->n ? nb->ptr[r + 1] - nb->ptr[r] : 0;
	}
	out.ptr[n] = total;
	out.idx = xmalloc((total ? total : 1) * sizeof *out.idx);
	out.sim = xmalloc((total ? total : 1) * sizeof *out.sim);
	for (uint32_t r = 0; r < n; r++) {
		struct lst tmp, *L = lst_of(U, nb, r, &tmp);
		if (L->n == 0)
			continue;
		memcpy(out.idx + out.ptr[r], L->idx, L->n * sizeof *out.idx);
		memcpy(out.sim + out.ptr[r], L->sim, L->n * sizeof *out.sim);
	}
	for (uint32_t j = 0; j < U->nowned; j++) {
		struct lst *o = &U->ov[U->owned[j]];
		free(o->idx);
		free(o->sim);
		memset(o, 0, sizeof *o);
	}
	U->nowned = 0;
	U->repacks++;
	knn_nbrs_free(nb);
	*nb = out;
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
	U->hold = xcalloc((n ? n : 1) * U->nw, sizeof *U->hold);
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
		upd_rebuild(U, nb, a);
	upd_repack(U, nb);
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

/* The counts follow the grown matrix: the distinct new pairs p[0..np)
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
		upd_refresh(U, nb, i);
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
					upd_put(U, nb, x, (knn_cand){ upd_sim(U, i, x), i });
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
			upd_put(U, nb, x, (knn_cand){ upd_sim(U, i, x), i });
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
			upd_put(U, nb, x, (knn_cand){ s, i });
			upd_offer(U, nb, i, (knn_cand){ s, x });
		}
	}
	for (uint32_t j = 0; j < U->ndirty; j++) {
		uint32_t x = U->dirty[j];
		U->flag[x] &= (uint8_t)~F_DIRTY;
		upd_check(U, nb, x);
	}
	U->ndirty = 0;
	for (uint32_t j = 0; j < U->ntouched; j++)
		U->flag[U->touched[j]] = 0;
	U->ntouched = 0;
	upd_repack(U, nb);
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

