/* Neighbourhood models inside the engine: similarities between rows of a sparse matrix, kept as neighbour lists. */
#ifndef RS_MODEL_KNN_H
#define RS_MODEL_KNN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/error.h"
#include "reelscope/model.h"

enum knn_sim {
	KNN_COSINE,		/* x.y / (|x| |y|), norms over whole rows */
	KNN_ADJUSTED,		/* cosine of values centred by the column mean,
				   over the common columns (Sarwar et al.) */
	KNN_PEARSON,		/* correlation over the common columns, means
				   of the common values */
	KNN_PEARSON_BASELINE,	/* cosine of baseline residuals over the
				   common columns (Koren; Surprise) */
	KNN_JACCARD		/* |common| / |union| of the column sets */
};

/* Parse a similarity name; -1 when unknown. */
int knn_sim_parse(const char *name);
const char *knn_sim_name(enum knn_sim s);

/* A sparse matrix by rows, borrowed: row r holds columns idx[ptr[r] ..
 * ptr[r+1]) (ascending) with values val[...]. */
typedef struct knn_rows {
	uint32_t n;
	const uint64_t *ptr;
	const uint32_t *idx;
	const float *val;
} knn_rows;

typedef struct knn_opts {
	enum knn_sim sim;
	double shrink;		/* sim * n / (n + shrink), n = common columns */
	uint32_t min_support;	/* fewer common columns: no similarity */
	uint32_t keep;		/* most neighbours kept per row; 0: every one
				   with a positive similarity */
} knn_opts;

/* Neighbour lists: the neighbours of row r are idx[ptr[r] .. ptr[r+1]),
 * similarity descending, ties by lower index; only positive similarities.
 * Owned by whoever holds it; knn_nbrs_free releases the arrays. */
typedef struct knn_nbrs {
	uint32_t n;
	uint64_t *ptr;
	uint32_t *idx;
	float *sim;
} knn_nbrs;

void knn_nbrs_free(knn_nbrs *nb);

/* Similarities between every pair of rows of rows that share a column,
 * walking co-occurrences through cols (the transpose of rows, same values),
 * never all pairs. Rows are independent: the result does not depend on the
 * number of threads. -1 with err when the progress hook asked to stop. */
int knn_neighbours(const knn_rows *rows, const knn_rows *cols,
    const knn_opts *o, knn_nbrs *out, const rs_hooks *h, const char *task,
    rs_error *err);

/* The norm of row a: sqrt of its sum of squares, in its order (what
 * cosine divides by). */
double knn_row_norm(const knn_rows *r, uint32_t a);

/* The similarity of rows a and b computed directly (tests, explanations):
 * the same formula as knn_neighbours, 0 where it keeps none. */
double knn_pair(const knn_rows *rows, const knn_opts *o, uint32_t a,
    uint32_t b);

/* A (score, index) pair and the selection of the best ones: score
 * descending, ties by lower index. Sorts the best min(n, k) to the front
 * (partial selection) and returns how many. */
typedef struct knn_cand {
	float s;
	uint32_t i;
} knn_cand;

size_t knn_select(knn_cand *c, size_t n, size_t k);
/* The same without ordering the best ones among themselves. */
size_t knn_select_front(knn_cand *c, size_t n, size_t k);

/* ---- the neighbourhood kinds (knn.c, knn-update.c) ---- */

/* What a neighbourhood model learned. */
struct knn_state {
	bool user_based;
	bool rating;		/* baseline-corrected form */
	bool clip;
	bool symmetric;		/* every list complete (keep=0): j in i's
				   list exactly when i is in j's */
	uint32_t k;
	uint32_t nusers, nitems;
	float lo, hi;		/* training values' range (clipping) */
	double mu;		/* mean training value */
	float *bu, *bi;		/* baselines (rating mode), else NULL */
	knn_nbrs nb;		/* neighbours of items (itemknn) or users */
	/* itemknn updates: each item column's norm (as knn_pair computes it),
	 * and scratch, built by the first update; not saved */
	double *norm;
	float *mark;
	bool have_norms;
	/* itemknn updates by kept co-occurrence counts (knn-update.c) */
	struct knn_upd *upd;
};

/* itemknn's update hook (rs_model_kind.update), knn-update.c. */
int knn_item_update(rs_model *m, const rs_event *ev, size_t n, rs_error *err);

/* The counting path of itemknn's update (knn-count.c), for sim=cosine and
 * sim=jaccard on catalogues of at most KNN_COUNT_MAX items: the lists of
 * st->nb follow the grown matrix t (the events ev[0..n) are in it already)
 * exactly; the kept state (st->upd) is made on the first call and again
 * when the item count grows. */
#define KNN_COUNT_MAX 4096
void knn_count_events(struct knn_state *st, const rs_imat *t, const knn_opts *o,
    const rs_event *ev, size_t n);
void knn_upd_free(struct knn_upd *U);
/* Since the kept counts were built: how many lists they made again, how
 * many times the packed table of lists was made again (bench). */
void knn_upd_counts(const struct knn_upd *U, uint64_t *rebuilds,
    uint64_t *repacks);

#endif
