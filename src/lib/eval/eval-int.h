/* Internal interfaces of evaluation: the prepared context and the per-user metric kernels. */
#ifndef RS_EVAL_INT_H
#define RS_EVAL_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/eval.h"

/* The prepared protocol (eval.h: rs_eval_ctx). Held-out truth is kept per
 * evaluated user in row order of first appearance, repeated pairs merged
 * (the last row's values win). */
struct rs_eval_ctx {
	const rs_dataset *ds;
	rs_eval_opts o;		/* strings below are copies */
	char *relevant, *signal, *diversity, *watch, *dwell, *like;
	uint32_t nusers, nitems;
	bool observed;		/* held-out rows are a fully observed block */
	bool from_log;		/* no split: the whole log is the history, no
				   held-out rows (eval_prepare_log) */
	bool biased;		/* short-video values from a sparse log */
	/* items each user has training rows for (any signal), deduplicated */
	uint64_t *sptr;		/* nusers + 1 */
	uint32_t *sidx;
	/* evaluated users and their held-out pairs */
	uint32_t neval;
	uint32_t *users;	/* neval, ascending */
	uint64_t *tptr;		/* neval + 1 */
	uint32_t *titem;
	uint8_t *trel;		/* relevant (and not seen in training) */
	uint8_t *tseen;		/* the user has training rows for the item */
	double *tval;		/* rating for rmse/mae (NaN: none), or NULL */
	double *twatch, *tdwell, *tlike;	/* short-video values, or NULL */
	size_t seen_pairs;	/* held-out pairs also in training */
	uint32_t heldout_users;	/* users with held-out rows (before cold=) */
	uint32_t cold_users;	/* ... of whom without a training row */
	size_t relevant_pairs;
	/* training popularity */
	double *pop;		/* nitems: training rows per item */
	double popsum;
	uint32_t trained_items;	/* items with pop > 0 */
	/* categories of items (diversity), CSR of token ids, or NULL */
	uint64_t *cptr;
	uint32_t *ctok;
	char *cat_col;		/* the column used */
	/* creators */
	const uint32_t *item_creator;
	uint32_t ncreators;
	char *relevance_text;
	char **notes;
	size_t nnotes;
};

/* ---- without a split: imported lists against the whole log ---- */

/* A context with no held-out part: the whole log is every user's history
 * (popularity, seen items), the evaluated users are users[0..n) (ascending),
 * none has relevant pairs. For audits of imported lists with no split. */
rs_eval_ctx *eval_prepare_log(const rs_dataset *ds, const rs_eval_opts *o,
    const uint32_t *users, uint32_t n);
/* Users (ascending) with a non-empty list in the imported model m, and
 * their count in *n (caller frees); NULL when m is not of an imported kind. */
uint32_t *eval_imported_users(const rs_model *m, uint32_t nusers, uint32_t *n);
/* m's lists, as imported (seen items are not removed), for c's users, cut
 * to kmax: a result audits read; it has no metrics. */
rs_eval_result *eval_imported_result(const rs_eval_ctx *c, const rs_model *m,
    uint32_t kmax);

/* ---- metrics.c: one user's list against its relevant set ---- */

/* Ranking metrics of one list. rel_at[r] says whether the item at rank r
 * (0-based) is relevant; n items were ranked (n may be < k); nrel = |R|. */
typedef struct rs_rank_metrics {
	double precision, recall, ndcg, map, mrr, hit;
} rs_rank_metrics;

void rs_rank_metrics_at(const uint8_t *rel_at, size_t n, size_t k,
    size_t nrel, rs_rank_metrics *out);

/* AUC of one user: pos[0..npos) the relevant items' scores, ascending;
 * cand[0..ncand) the scores of every candidate (relevant ones included),
 * except that the entries excl[0..nexcl) are not candidates. No NaN
 * anywhere: map NaN to -inf first (never recommended = ranked last, tied).
 * NaN when there is no relevant item or no non-relevant candidate. */
double rs_auc_sorted(const float *pos, size_t npos, const float *cand,
    size_t ncand, const uint32_t *excl, size_t nexcl);

/* Mean pairwise 1 - Jaccard distance of the items' category sets; NaN when
 * no pair has categories on both sides. */
double rs_list_diversity(const uint32_t *items, size_t n, const uint64_t *cptr,
    const uint32_t *ctok);

/* ---- metrics.c: the catalogue of metric names ---- */

enum metric_family {
	MF_RMSE, MF_MAE,
	MF_PRECISION, MF_RECALL, MF_NDCG, MF_MAP, MF_MRR, MF_HIT,
	MF_AUC,
	MF_ITEM_COV, MF_CREATOR_COV, MF_NOVELTY, MF_DIVERSITY, MF_POPULARITY,
	MF_WATCH, MF_COMPLETION, MF_EFFECTIVE, MF_DWELL, MF_LIKE,
	MF_COUNT
};

struct metric_family_info {
	const char *name;
	bool at_k;
	enum rs_metric_scope scope;
	enum rs_metric_sense sense;
};

extern const struct metric_family_info rs_metric_families[MF_COUNT];

/* The family and cutoff of a name; -1 when it is not a metric. */
int rs_metric_parse(const char *name, uint32_t *k);

#endif
