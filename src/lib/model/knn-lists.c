/* itemknn's counting update, the lists: entries set to new values, what leaves a list kept in its reserve or under its floor, lists made again from their row of counts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/knn-count.h"
#include "util/xmalloc.h"

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
 * what the list turns away or lets go goes to its reserve or floor. */
void
knn_lst_put(struct knn_upd *U, const knn_nbrs *nb, uint32_t x, knn_cand c)
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
		/* moved within the list: only a new last entry can rank
		   below what is outside */
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
void
knn_lst_offer(struct knn_upd *U, const knn_nbrs *nb, uint32_t x, knn_cand c)
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
	knn_lst_put(U, nb, x, c);
}

/* Make x's list again from its row of counts, as training does; the next
 * best fill its reserve, the best of the rest is its floor. */
void
knn_lst_rebuild(struct knn_upd *U, const knn_nbrs *nb, uint32_t x)
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
void
knn_lst_check(struct knn_upd *U, const knn_nbrs *nb, uint32_t x)
{
	struct tail *tb = &U->tb[x];
	bool current = false;

	for (;;) {
		knn_cand top = out_top(tb), b;
		struct lst tmp, *L;
		int jb = -1;
		if (!(top.s > 0))
			return;
		if (U->o.keep == 0 || lst_len(U, nb, x) < U->o.keep) {
			/* complete lists, or one short: made again */
			knn_lst_rebuild(U, nb, x);
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
	}
}

/* A touched item's own list: each entry takes its new value and the list
 * its new order (cosine: all fell by the same factor but u's items; jaccard:
 * each by its own). Entries that fell to nothing leave it. */
void
knn_lst_refresh(struct knn_upd *U, const knn_nbrs *nb, uint32_t i)
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
void
knn_lst_repack(struct knn_upd *U, knn_nbrs *nb)
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

