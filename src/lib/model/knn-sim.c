/* Sparse similarities for the neighbourhood models: co-occurrence walks, shrinkage, top neighbours per row. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "model/knn.h"
#include "util/xmalloc.h"

static const char *const sim_names[] = {
	"cosine", "adjusted", "pearson", "pearson_baseline", "jaccard", NULL
};

int
knn_sim_parse(const char *name)
{
	for (int i = 0; sim_names[i] != NULL; i++)
		if (strcmp(sim_names[i], name) == 0)
			return i;
	return -1;
}

const char *
knn_sim_name(enum knn_sim s)
{
	return sim_names[s];
}

void
knn_nbrs_free(knn_nbrs *nb)
{
	free(nb->ptr);
	free(nb->idx);
	free(nb->sim);
	memset(nb, 0, sizeof *nb);
}

/* ---- selection ---- */

/* a ranks before b: higher score, then lower index */
static inline bool
cand_better(const knn_cand *a, const knn_cand *b)
{
	return a->s > b->s || (a->s == b->s && a->i < b->i);
}

/* Sort best first: quicksort with the comparison inlined, insertion sort
 * for short runs (qsort's indirect calls cost more than the work here). */
static void
sort_cands(knn_cand *c, size_t n)
{
	while (n > 16) {
		knn_cand pivot = c[n / 2], t;
		size_t i = 0, j = n - 1;
		for (;;) {
			while (cand_better(&c[i], &pivot))
				i++;
			while (cand_better(&pivot, &c[j]))
				j--;
			if (i >= j)
				break;
			t = c[i];
			c[i++] = c[j];
			c[j--] = t;
		}
		/* recurse into the smaller side, loop on the larger */
		if (j + 1 < n - j - 1) {
			sort_cands(c, j + 1);
			c += j + 1;
			n -= j + 1;
		} else {
			sort_cands(c + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	for (size_t i = 1; i < n; i++) {
		knn_cand x = c[i];
		size_t j = i;
		while (j > 0 && cand_better(&x, &c[j - 1])) {
			c[j] = c[j - 1];
			j--;
		}
		c[j] = x;
	}
}

/* Restore the heap below c: the root is the worst kept. */
static void
sift_down(knn_cand *h, size_t n, size_t c)
{
	knn_cand x = h[c];

	for (;;) {
		size_t l = 2 * c + 1, r = l + 1, w = c;
		const knn_cand *wv = &x;
		if (l < n && cand_better(wv, &h[l])) {
			w = l;
			wv = &h[l];
		}
		if (r < n && cand_better(wv, &h[r]))
			w = r;
		if (w == c)
			break;
		h[c] = h[w];
		c = w;
	}
	h[c] = x;
}

/* Put the best k of c[0..n) in front, in no order (k < n): quickselect
 * with a median-of-three pivot, and a heap when it keeps going badly. */
static void
select_front(knn_cand *c, size_t n, size_t k)
{
	size_t lo = 0, hi = n, budget = 64;

	while (hi - lo > 16 && budget-- > 0) {
		size_t mid = lo + (hi - lo) / 2, i = lo, j = hi - 1;
		knn_cand a = c[lo], b = c[mid], d = c[hi - 1], pivot, t;
		/* the median of three */
		if (cand_better(&a, &b)) {
			t = a; a = b; b = t;
		}
		if (cand_better(&b, &d)) {
			b = d;
			if (cand_better(&a, &b))
				b = a;
		}
		pivot = b;
		for (;;) {
			while (cand_better(&c[i], &pivot))
				i++;
			while (cand_better(&pivot, &c[j]))
				j--;
			if (i >= j)
				break;
			t = c[i];
			c[i++] = c[j];
			c[j--] = t;
		}
		/* c[lo..j] are no worse than the pivot, c[j+1..hi) no better */
		if (k <= j + 1 - lo && j + 1 > lo)
			hi = j + 1;
		else {
			k -= j + 1 - lo;
			lo = j + 1;
		}
		if (k == 0)
			return;
	}
	if (hi - lo > k) {
		/* a heap of the best k; the rest only get in by beating its
		   worst */
		knn_cand *h = c + lo;
		for (size_t x = k / 2; x-- > 0;)
			sift_down(h, k, x);
		for (size_t x = k; x < hi - lo; x++)
			if (cand_better(&h[x], &h[0])) {
				knn_cand t = h[0];
				h[0] = h[x];
				h[x] = t;
				sift_down(h, k, 0);
			}
	}
}

size_t
knn_select_front(knn_cand *c, size_t n, size_t k)
{
	if (k < n)
		select_front(c, n, k);
	return k < n ? k : n;
}

size_t
knn_select(knn_cand *c, size_t n, size_t k)
{
	if (k == 0 || n == 0)
		return 0;
	if (k < n) {
		select_front(c, n, k);
		n = k;
	}
	sort_cands(c, n);
	return n;
}

/* ---- similarity formulas ---- */

/* Sums over the common columns of two rows. */
struct acc {
	uint32_t n;
	double xy, x, y, xx, yy;
};

/* The similarity from the sums; norms are the whole rows' (cosine) and
 * sizes their entry counts (jaccard). */
static double
sim_value(const knn_opts *o, const struct acc *a, double norm_a,
    double norm_b, uint64_t size_a, uint64_t size_b)
{
	double s = 0, den;

	if (a->n == 0 || a->n < o->min_support)
		return 0;
	switch (o->sim) {
	case KNN_COSINE:
		den = norm_a * norm_b;
		s = den > 0 ? a->xy / den : 0;
		break;
	case KNN_ADJUSTED:
	case KNN_PEARSON_BASELINE:
		den = sqrt(a->xx * a->yy);
		s = den > 0 ? a->xy / den : 0;
		break;
	case KNN_PEARSON:
		den = sqrt(a->n * a->xx - a->x * a->x) * sqrt(a->n * a->yy - a->y * a->y);
		s = den > 0 ? (a->n * a->xy - a->x * a->y) / den : 0;
		break;
	case KNN_JACCARD:
		s = (double)a->n / (double)(size_a + size_b - a->n);
		break;
	}
	if (o->shrink > 0)
		s *= a->n / (a->n + o->shrink);
	return s;
}

double
knn_row_norm(const knn_rows *r, uint32_t a)
{
	double s = 0;

	for (uint64_t q = r->ptr[a]; q < r->ptr[a + 1]; q++)
		s += (double)r->val[q] * r->val[q];
	return sqrt(s);
}

static inline void
acc_add(struct acc *a, double x, double y)
{
	a->n++;
	a->xy += x * y;
	a->x += x;
	a->y += y;
	a->xx += x * x;
	a->yy += y * y;
}

double
knn_pair(const knn_rows *rows, const knn_opts *o, uint32_t a, uint32_t b)
{
	struct acc s = { 0 };
	uint64_t p = rows->ptr[a], q = rows->ptr[b];
	double v;

	if (a == b)
		return 0;
	while (p < rows->ptr[a + 1] && q < rows->ptr[b + 1]) {
		if (rows->idx[p] < rows->idx[q])
			p++;
		else if (rows->idx[p] > rows->idx[q])
			q++;
		else
			acc_add(&s, rows->val[p++], rows->val[q++]);
	}
	v = sim_value(o, &s, knn_row_norm(rows, a), knn_row_norm(rows, b),
	    rows->ptr[a + 1] - rows->ptr[a], rows->ptr[b + 1] - rows->ptr[b]);
	return (float)v > 0 ? (float)v : 0;
}

/* ---- all neighbours ---- */

/* One thread's scratch for the rows it handles: cosine and jaccard need
 * counts and products only (cnt, xy), the others every sum (acc). */
struct knn_work {
	bool light;		/* cosine or jaccard */
	bool ones;		/* 0/1 values: the products are the counts */
	struct acc *acc;
	uint32_t *cnt;
	double *xy;
	uint32_t *touched;
	knn_cand *cand;
};

/* Every row b sharing a column with a, with the sums; when most rows will
 * be met, skip the touched list and scan. Returns how many were touched. */
static size_t
knn_touch(const knn_rows *rows, const knn_rows *cols, uint32_t a,
    struct knn_work *w)
{
	uint32_t n = rows->n;
	bool light = w->light, ones = w->ones, scan;
	struct acc *acc = w->acc;
	uint32_t *cnt = w->cnt, *touched = w->touched;
	double *xy = w->xy;
	size_t nt = 0, work = 0;

	for (uint64_t p = rows->ptr[a]; p < rows->ptr[a + 1]; p++)
		work += cols->ptr[rows->idx[p] + 1] - cols->ptr[rows->idx[p]];
	scan = light && work >= n / 2;
	for (uint64_t p = rows->ptr[a]; p < rows->ptr[a + 1]; p++) {
		uint32_t c = rows->idx[p];
		double x = rows->val[p];
		const uint32_t *bi = cols->idx + cols->ptr[c];
		const float *bv = cols->val + cols->ptr[c];
		size_t len = cols->ptr[c + 1] - cols->ptr[c];
		if (light && ones && scan)
			for (size_t q = 0; q < len; q++)
				cnt[bi[q]]++;
		else if (light && scan)
			for (size_t q = 0; q < len; q++) {
				cnt[bi[q]]++;
				xy[bi[q]] += x * bv[q];
			}
		else if (light)
			for (size_t q = 0; q < len; q++) {
				uint32_t b = bi[q];
				if (cnt[b]++ == 0)
					touched[nt++] = b;
				xy[b] += x * bv[q];
			}
		else
			for (size_t q = 0; q < len; q++) {
				uint32_t b = bi[q];
				if (acc[b].n == 0)
					touched[nt++] = b;
				acc_add(&acc[b], x, bv[q]);
			}
	}
	if (scan)
		for (uint32_t b = 0; b < n; b++)
			if (cnt[b] > 0)
				touched[nt++] = b;
	return nt;
}

/* The touched rows' similarities to a, positive ones kept as candidates;
 * the sums are zeroed on the way so the scratch is ready for the next row.
 * Returns the number of candidates. */
static size_t
knn_candidates(const knn_rows *rows, const knn_opts *o, const double *norm,
    uint32_t a, size_t nt, struct knn_work *w)
{
	size_t nc = 0;

	for (size_t t = 0; t < nt; t++) {
		uint32_t b = w->touched[t];
		struct acc one = { 0 };
		const struct acc *ab = &one;
		double s;
		if (w->light) {
			one.n = w->cnt[b];
			one.xy = w->ones ? w->cnt[b] : w->xy[b];
			w->cnt[b] = 0;
			w->xy[b] = 0;
		} else
			ab = &w->acc[b];
		s = b == a ? 0 : sim_value(o, ab, norm ? norm[a] : 0,
		    norm ? norm[b] : 0, rows->ptr[a + 1] - rows->ptr[a],
		    rows->ptr[b + 1] - rows->ptr[b]);
		if (!w->light)
			memset(&w->acc[b], 0, sizeof w->acc[b]);
		if ((float)s > 0) {
			w->cand[nc].s = (float)s;
			w->cand[nc++].i = b;
		}
	}
	return nc;
}

/* The per-row lists, made in parallel, packed into one CSR table. */
static void
knn_pack(knn_nbrs *out, uint32_t n, uint32_t **ridx, float **rsim,
    const uint32_t *rn)
{
	uint64_t total;

	out->n = n;
	out->ptr = xmalloc(((size_t)n + 1) * sizeof *out->ptr);
	out->ptr[0] = 0;
	for (uint32_t a = 0; a < n; a++)
		out->ptr[a + 1] = out->ptr[a] + rn[a];
	total = out->ptr[n];
	out->idx = xmalloc((total ? total : 1) * sizeof *out->idx);
	out->sim = xmalloc((total ? total : 1) * sizeof *out->sim);
	for (uint32_t a = 0; a < n; a++) {
		memcpy(out->idx + out->ptr[a], ridx[a], rn[a] * sizeof *out->idx);
		memcpy(out->sim + out->ptr[a], rsim[a], rn[a] * sizeof *out->sim);
	}
}

int
knn_neighbours(const knn_rows *rows, const knn_rows *cols, const knn_opts *o,
    knn_nbrs *out, const rs_hooks *h, const char *task, rs_error *err)
{
	uint32_t n = rows->n;
	double *norm = NULL;
	uint32_t **ridx = xcalloc(n ? n : 1, sizeof *ridx);
	float **rsim = xcalloc(n ? n : 1, sizeof *rsim);
	uint32_t *rn = xcalloc(n ? n : 1, sizeof *rn);
	int stop = 0;
	uint32_t done = 0;
	bool ones = true;

	memset(out, 0, sizeof *out);
	if (o->sim == KNN_COSINE) {
		norm = xmalloc((n ? n : 1) * sizeof *norm);
		for (uint32_t a = 0; a < n; a++)
			norm[a] = knn_row_norm(rows, a);
	}
	/* 0/1 values: the products are the counts */
	for (uint64_t q = 0; ones && q < rows->ptr[n]; q++)
		ones = rows->val[q] == 1;
	for (uint64_t q = 0; ones && q < cols->ptr[cols->n]; q++)
		ones = cols->val[q] == 1;
	#pragma omp parallel if (cols->ptr[cols->n] > 20000)
	{
		struct knn_work w;
		bool master = true;
		w.light = o->sim == KNN_COSINE || o->sim == KNN_JACCARD;
		w.ones = ones;
		w.acc = w.light ? NULL : xcalloc(n ? n : 1, sizeof *w.acc);
		w.cnt = w.light ? xcalloc(n ? n : 1, sizeof *w.cnt) : NULL;
		w.xy = w.light ? xcalloc(n ? n : 1, sizeof *w.xy) : NULL;
		w.touched = xmalloc((n ? n : 1) * sizeof *w.touched);
		w.cand = xmalloc((n ? n : 1) * sizeof *w.cand);
#ifdef _OPENMP
		master = omp_get_thread_num() == 0;
#endif
		#pragma omp for schedule(dynamic, 16)
		for (uint32_t a = 0; a < n; a++) {
			size_t nc;
			int halt;
			#pragma omp atomic read
			halt = stop;
			if (halt)
				continue;
			nc = knn_candidates(rows, o, norm, a, knn_touch(rows, cols, a, &w), &w);
			nc = knn_select(w.cand, nc, o->keep ? o->keep : nc);
			rn[a] = (uint32_t)nc;
			ridx[a] = xmalloc((nc ? nc : 1) * sizeof **ridx);
			rsim[a] = xmalloc((nc ? nc : 1) * sizeof **rsim);
			for (size_t j = 0; j < nc; j++) {
				ridx[a][j] = w.cand[j].i;
				rsim[a][j] = w.cand[j].s;
			}
			if (master) {
				uint32_t d;
				#pragma omp atomic read
				d = done;
				if (rs_hooks_progress(h, task, d, n)) {
					#pragma omp atomic write
					stop = 1;
				}
			}
			#pragma omp atomic update
			done++;
		}
		free(w.acc);
		free(w.cnt);
		free(w.xy);
		free(w.touched);
		free(w.cand);
	}
	free(norm);
	if (!stop)
		knn_pack(out, n, ridx, rsim, rn);
	for (uint32_t a = 0; a < n; a++) {
		free(ridx[a]);
		free(rsim[a]);
	}
	free(ridx);
	free(rsim);
	free(rn);
	if (stop) {
		rs_error_set(err, RS_ECANCEL, "interrupted");
		return -1;
	}
	return 0;
}
