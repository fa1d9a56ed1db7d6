/* The kept state of itemknn's counting update, shared by knn-count.c (the counts and the events) and knn-lists.c (the lists, their reserves and floors). */
#ifndef RS_MODEL_KNN_COUNT_H
#define RS_MODEL_KNN_COUNT_H

#include <stdbool.h>
#include <stdint.h>

#include "model/knn.h"

/* flags of an item during one update */
#define F_TOUCHED 1u	/* an event's item */
#define F_CHANGED 2u	/* one of its events changed a value already there */
#define F_PENDING 4u	/* its event of the current user is still to count */
#define F_DIRTY 8u	/* its last entry changed: check it (knn_lst_check) */
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

/* The counting path's state (st->upd): the overview is in knn-count.c. */
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
	uint64_t repacks;	/* packed tables made again */
};

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
static inline float
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


/* ---- the lists (knn-lists.c) ---- */

/* x's entry for c.i takes the value c.s: it comes in, moves or goes;
 * what the list turns away or lets go goes to its reserve or floor. */
void knn_lst_put(struct knn_upd *U, const knn_nbrs *nb, uint32_t x, knn_cand c);
/* The same into a list whose entries hold their current values. */
void knn_lst_offer(struct knn_upd *U, const knn_nbrs *nb, uint32_t x, knn_cand c);
/* Make x's list again from its row of counts, as training does. */
void knn_lst_rebuild(struct knn_upd *U, const knn_nbrs *nb, uint32_t x);
/* After x's last entry changed: swap in from the reserve, or rebuild. */
void knn_lst_check(struct knn_upd *U, const knn_nbrs *nb, uint32_t x);
/* A touched item's own list at its entries' new values. */
void knn_lst_refresh(struct knn_upd *U, const knn_nbrs *nb, uint32_t i);
/* The lists that changed length back into one packed table. */
void knn_lst_repack(struct knn_upd *U, knn_nbrs *nb);

#endif
