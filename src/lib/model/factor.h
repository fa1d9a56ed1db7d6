/* Internal: the learned state shared by the factor models (mf, svdpp, als, bpr) and their common machinery. */
#ifndef RS_FACTOR_H
#define RS_FACTOR_H

/* Hot SGD loops get an AVX2+FMA clone picked at run time where the compiler
 * can make one (the same machine always runs the same clone). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    defined(__has_attribute)
#if __has_attribute(target_clones)
#define FAC_HOT __attribute__((target_clones("arch=x86-64-v3", "default")))
#endif
#endif
#ifndef FAC_HOT
#define FAC_HOT
#endif

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "reelscope/model.h"
#include "util/random.h"

/* Which factor model a state belongs to (stored in saved bytes). */
enum fac_type { FAC_MF = 1, FAC_SVDPP = 2, FAC_ALS = 3, FAC_BPR = 4 };

/* The learned parameters. P is nusers x k, Q (and Y) nitems x k, row-major,
 * float32. Arrays a type does not use are NULL. Owned by the model (state). */
typedef struct fac_state {
	enum fac_type type;
	uint32_t k, nusers, nitems;
	float mu;		/* global mean (mf, svdpp) */
	float lo, hi;		/* range of training values (mf, svdpp: clip) */
	float *P, *Q;
	float *bu, *bi;		/* biases: mf/svdpp both, bpr bi only */
	float *Y;		/* svdpp: implicit item factors */
	/* als fold-ins (rs_model_update): Q^T Q and P^T P kept between
	 * updates (k x k, full), or NULL when not computed since the factors
	 * last changed by training; never saved or copied */
	float *gram_q, *gram_p;
} fac_state;

fac_state *fac_new(enum fac_type type, uint32_t k, uint32_t nusers,
    uint32_t nitems);
void fac_free(fac_state *s);

/* The largest error an SGD step of mf or svdpp follows. When the training
 * values have extreme ones (the largest over FAC_EXTREME times the 99th
 * percentile, the rule of rs_signal's extreme): FAC_ERROR_SPANS times the
 * spread of the bulk (1st to 99th percentile of a fixed sample), at least
 * 1; a replay watch ratio of 300 among ratios around 1 would otherwise
 * take one step hundreds of times too far and turn the factors into NaN
 * within an epoch. Without extreme values: infinity, plain SGD (ratings
 * train exactly as before, a too large lr still ends in NaN). */
#define FAC_ERROR_SPANS 4.0f
#define FAC_EXTREME 10.0f
float fac_error_bound(const rs_imat *t);
fac_state *fac_copy(const fac_state *s);
/* Grow s to nusers x nitems (at least its sizes): the new rows of every
 * array are zero. */
void fac_grow(fac_state *s, uint32_t nusers, uint32_t nitems);
/* Forget the Gram matrices kept for fold-ins (the factors changed). */
void fac_drop_grams(fac_state *s);

/* The rs_model_kind callbacks every factor model shares. */
void *fac_snapshot(const rs_model *m);
void fac_restore(rs_model *m, void *snap);
void fac_free_snapshot(void *snap);
void fac_free_state(rs_model *m);
int fac_save(const rs_model *m, void **buf, size_t *len);
int fac_load_type(rs_model *m, enum fac_type type, const void *buf, size_t len,
    rs_error *err);
/* similar items: cosine of item factors (Q), items without training rows
 * left out */
size_t fac_similar(const rs_model *m, uint32_t item, uint32_t *out,
    float *scores, size_t k);
/* P[users] Q^T into out (nu x nitems) by BLAS level 3, plus bi when set */
void fac_score_dot(const fac_state *s, const float *rows, size_t nu, float *out);
/* The score hook of kinds whose user vector is their row of P (als, bpr):
 * P[users] Q^T, zero rows for users outside the model */
void fac_score_users(const rs_model *m, const uint32_t *users, size_t nu,
    float *out);
/* explain by item-item cosine of Q times a weight per past item (the item
 * itself left out); weights (one per training row of the user) come from
 * the caller */
size_t fac_explain_cosine(const rs_model *m, uint32_t user, uint32_t item,
    const float *weights, rs_reason *out, size_t max);
/* keep the max strongest reasons (|weight|), strongest first */
size_t fac_reasons_top(rs_reason *r, size_t n, size_t max);

/* ---- deterministic random streams: rnd_gen of util/random.h ---- */

/* Rows of X (n x k) drawn from N(0, std^2), row r from its own stream
 * (seed, purpose, r); rows without training entries (ptr[r + 1] == ptr[r],
 * when ptr is given) are zero. */
void fac_init_normal(float *X, uint32_t n, uint32_t k, double std,
    uint64_t seed, uint64_t purpose, const uint64_t *ptr);

/* Below this much work (about a millisecond) a parallel region costs more
 * than it saves, above all on a busy machine; running it on one thread
 * gives the same result. */
#define FAC_PARALLEL_MIN 200000

/* ---- vector kernels (vectorized by the compiler through omp simd) ---- */

/* a . b with 16 partial sums (two AVX registers, four SSE ones): no long
 * dependency chain, and the same summation order whatever the ISA. GCC and
 * clang vector types say it directly; other compilers get a plain loop. */
#if defined(__GNUC__)
typedef float fac_v8 __attribute__((vector_size(32)));

static inline float
fac_dot(const float *restrict a, const float *restrict b, uint32_t k)
{
	fac_v8 s0 = { 0 }, s1 = { 0 }, x, y;
	uint32_t f = 0;
	float r;

	for (; f + 16 <= k; f += 16) {
		memcpy(&x, a + f, sizeof x);
		memcpy(&y, b + f, sizeof y);
		s0 += x * y;
		memcpy(&x, a + f + 8, sizeof x);
		memcpy(&y, b + f + 8, sizeof y);
		s1 += x * y;
	}
	if (f + 8 <= k) {
		memcpy(&x, a + f, sizeof x);
		memcpy(&y, b + f, sizeof y);
		s0 += x * y;
		f += 8;
	}
	s0 += s1;
	r = ((s0[0] + s0[4]) + (s0[1] + s0[5])) + ((s0[2] + s0[6]) + (s0[3] + s0[7]));
	for (; f < k; f++)
		r += a[f] * b[f];
	return r;
}
#else
static inline float
fac_dot(const float *restrict a, const float *restrict b, uint32_t k)
{
	float r = 0;

	for (uint32_t f = 0; f < k; f++)
		r += a[f] * b[f];
	return r;
}
#endif

/* ---- stratified SGD (DSGD, Gemulla et al. 2011) ----
 * Each epoch users and items are dealt at random into FAC_BLOCKS blocks;
 * the training rows fall into FAC_BLOCKS^2 strata. Sub-epoch s runs the
 * strata (b, (b + s) mod B) for every b: they share no user and no item, so
 * threads run them at once without locks, and since B is fixed and every
 * stratum draws from its own random stream, the result is the same for any
 * thread count. */
#define FAC_BLOCKS 8

/* A training row as SGD reads it: stored in stratum order, so a pass reads
 * them front to back. */
typedef struct fac_entry {
	uint32_t u, i;
	float v;
	float w;		/* weight of its loss (1 unless train weighting=) */
} fac_entry;

typedef struct fac_strata {
	fac_entry *ent;		/* training rows by stratum, shuffled within */
	uint64_t start[FAC_BLOCKS * FAC_BLOCKS + 1];
	uint32_t *ublock, *iblock;	/* block of each user, item */
	uint32_t *items;	/* items by block (for negative sampling) */
	uint32_t istart[FAC_BLOCKS + 1];
} fac_strata;

/* Deal the rows of t for this epoch; rows within a stratum are shuffled. */
void fac_strata_build(fac_strata *st, const rs_imat *t, uint64_t seed,
    uint32_t epoch);
void fac_strata_free(fac_strata *st);

/* Run fn on every stratum in DSGD order (parallel within a sub-epoch); sums
 * the doubles fn returns in a fixed order. */
typedef double (*fac_stratum_fn)(void *ctx, const fac_strata *st,
    uint32_t ublock, uint32_t iblock, rnd_gen *rng);
double fac_strata_run(const fac_strata *st, fac_stratum_fn fn, void *ctx,
    uint64_t seed, uint32_t epoch);

/* OpenBLAS runs single-threaded inside our OpenMP regions (its own threads
 * would oversubscribe the cores); these bracket such a region. */
int fac_blas_serial_begin(void);
void fac_blas_serial_end(int saved);

#endif
