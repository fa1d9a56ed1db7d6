/* reelscope engine: offline evaluation — metrics per user, summaries with confidence intervals, paired tests, tuning, imported lists. */
#ifndef REELSCOPE_EVAL_H
#define REELSCOPE_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"
#include "reelscope/model.h"
#include "reelscope/train.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Definitions (the man page and `help eval` repeat them).
 *
 * Users: every user with at least one held-out row (test part, or the
 * validation part for tuning). Candidates of user u:
 *   full (default)  every item u has no training row for (any signal);
 *   observed block  (split observed) the items with an observed (u, i) pair,
 *                   minus those u has training rows for;
 *   sampled=N       u's relevant items plus N items drawn uniformly without
 *                   replacement from u's other candidates (seeded per user,
 *                   so every model sees the same set); numbers are inflated.
 * Relevant items R_u: held-out pairs of u among the candidates (held-out
 * pairs u also has training rows for cannot be ranked and are left out and
 * counted); with relevant=COL>=T only rows with COL >= T (or > T); on a
 * fully observed block the default is value >= the effective-view
 * threshold (2.0), since every pair there is a held-out row.
 * Ranking: by score, ties by lower item index; NaN scores are never
 * recommended (imported lists give unlisted items NaN). L_u = top k.
 * At cutoff k, hits = |L_u[1..k] ∩ R_u|:
 *   precision@k = hits / k (k even when fewer than k items were ranked)
 *   recall@k    = hits / |R_u|
 *   ndcg@k      = DCG/IDCG, binary gains, DCG = Σ_{r<=k, L_r∈R} 1/log2(r+1),
 *                 IDCG = Σ_{r=1}^{min(|R_u|,k)} 1/log2(r+1)
 *   map@k       = (1/min(|R_u|,k)) Σ_{r<=k, L_r∈R} hits(r)/r
 *   mrr@k       = 1/(rank of the first relevant item), 0 if none in top k
 *   hit@k       = 1 if hits > 0
 *   auc         = P(score(pos) > score(neg)) + 0.5 P(tie) over every pair of
 *                 a relevant and a non-relevant candidate (NaN scores count
 *                 as -inf, tied with each other)
 * Ranking metrics of users without relevant candidates are undefined (not
 * averaged); the headline value is the mean over users where defined.
 * Ratings (value models only): rmse, mae over held-out pairs with a finite
 * value (value column, or signal=); prediction = the score at (u, i), the
 * training mean for users without training history. Per user: the user's
 * own rmse/mae; headline: over pairs.
 * Beyond accuracy, with pop(i) = training rows of item i:
 *   item_coverage@k    = distinct items with pop > 0 in any L_u / items with
 *                        pop > 0 (global)
 *   creator_coverage@k = distinct creators in any L_u / creators (global)
 *   novelty@k          = mean over L_u of -log2(max(pop(i),1) / Σ pop)
 *   diversity@k        = mean over pairs of L_u of 1 - Jaccard(C_i, C_j),
 *                        C = the category set of the diversity column
 *                        (a list "[3, 7]" / "A|B", or a single value);
 *                        pairs with an item without categories are skipped
 *   popularity@k       = mean over L_u of pop(i) (ARP)
 * Short video, over the items of L_u with an observed value:
 *   watch_ratio@k = mean watch ratio; completion@k = share >= 1;
 *   effective@k = share >= the effective-view threshold (2.0);
 *   dwell@k = sum of play_duration (column units; KuaiRec: ms);
 *   like@k = share with like > 0.
 * On a fully observed block these are exact; on a sparse log only the
 * logged items of L_u count and the result is flagged biased.
 */

/* How a metric aggregates over users. */
enum rs_metric_scope {
	RS_SCOPE_USER,		/* mean of per-user values */
	RS_SCOPE_PAIR,		/* over held-out pairs (rmse, mae) */
	RS_SCOPE_GLOBAL		/* one value for all lists (coverage) */
};

/* Whether more is better. */
enum rs_metric_sense { RS_HIGHER, RS_LOWER, RS_NEUTRAL };

#define RS_EVAL_MAX_K 8

/* Which held-out users an evaluation keeps. A cold user has held-out rows
 * and no training row: every model can only fall back on popularity for
 * it, so many cold users flatter pop (split.h: RS_COLD_WARN_SHARE). */
enum rs_cold { RS_COLD_INCLUDE, RS_COLD_EXCLUDE, RS_COLD_ONLY };

typedef struct rs_eval_opts {
	uint32_t ks[RS_EVAL_MAX_K];	/* cutoffs, ascending, distinct */
	size_t nks;
	int part;		/* RS_TEST or RS_VALID (split.h) */
	uint32_t sampled;	/* 0: full ranking; N negatives per user */
	int cold;		/* enum rs_cold (default include) */
	bool cold_given;	/* cold= was asked for: cold=include keeps the
				   cold users deliberately, without the warning */
	uint64_t seed;		/* sampled candidates, bootstrap */
	const char *relevant;	/* column deciding relevance, or NULL */
	double relevant_min;	/* relevant when value >= min (> when strict) */
	bool relevant_strict;
	const char *signal;	/* rating column for rmse/mae (NULL: value column) */
	const char *diversity;	/* category column (NULL: feat, genres,
				   first_level_category_id, video_tag_id) */
	double effective;	/* effective-view threshold (2.0) */
	const char *watch, *dwell, *like;	/* watch_ratio, play_duration, is_like */
	const rs_hooks *hooks;
} rs_eval_opts;

void rs_eval_opts_init(rs_eval_opts *o);
/* Parse "10,20" into o->ks (sorted, distinct). NULL or why not. */
const char *rs_eval_parse_ks(rs_eval_opts *o, const char *list);

/* What is fixed for one dataset state and one protocol, shared by every model
 * evaluated with it: held-out truth, seen items, popularity, categories.
 * Borrows ds (it must outlive the context). */
typedef struct rs_eval_ctx rs_eval_ctx;

rs_eval_ctx *rs_eval_prepare(const rs_dataset *ds, const rs_eval_opts *o,
    rs_error *err);
void rs_eval_ctx_free(rs_eval_ctx *c);
/* Decisions the context made (relevance rule, overlaps, columns used), one
 * line each, valid while c lives. */
size_t rs_eval_ctx_notes(const rs_eval_ctx *c, const char *const **lines);

/* One model's evaluation. Caller owns; free with rs_eval_result_free. */
typedef struct rs_eval_result {
	char *model, *kind;
	char *protocol;		/* e.g. "full ranking, test part, relevance: every held-out row" */
	char *relevance;	/* the relevance rule as text */
	char *diversity_col;	/* item column behind diversity@k, or NULL */
	uint32_t sampled;	/* negatives per user (0: full ranking) */
	bool observed;		/* held-out rows are a fully observed block */
	bool short_video;	/* short-video metrics present */
	bool biased;		/* ... over logged items only (sparse log) */
	uint32_t ks[RS_EVAL_MAX_K];
	size_t nks;
	size_t nmetrics;
	char **names;		/* "ndcg@10", ... */
	uint8_t *scope;		/* enum rs_metric_scope */
	uint8_t *sense;		/* enum rs_metric_sense */
	double *value;		/* headline value per metric (NaN: undefined) */
	uint32_t *defined;	/* users with a value per metric */
	uint32_t nusers;
	uint32_t *users;	/* evaluated users (dense indices), ascending */
	double *per_user;	/* nusers x nmetrics, row-major, NaN: undefined */
	double *sq_err, *abs_err;	/* per user sums over rated pairs */
	uint32_t *npairs;	/* rated pairs per user */
	uint32_t kmax;
	uint32_t *lists;	/* nusers x kmax recommended items, RS_NONE pads */
	float *list_scores;	/* their scores */
	uint32_t fallback_users;	/* scored by popularity (no history) */
	int cold;		/* enum rs_cold: which users were kept */
	bool cold_counted;	/* the two below are known (not after open:
				   save does not keep them) */
	uint32_t heldout_users;	/* users with held-out rows, before cold= */
	uint32_t cold_users;	/* ... of whom without a training row */
	uint32_t ranking_users;	/* users with relevant candidates */
	size_t rated_pairs;	/* pairs in rmse/mae */
	double seconds;		/* wall time of rs_eval_run */
	double cpu_seconds;	/* CPU time of the process meanwhile (all threads) */
} rs_eval_result;

/* Evaluate m under c. The kind's score is called from one thread on blocks
 * of users (it may use BLAS or OpenMP inside); ranking and metrics run in
 * parallel over users. Progress goes to the context's hooks; Ctrl-C gives
 * NULL with RS_ECANCEL. */
rs_eval_result *rs_eval_run(const rs_eval_ctx *c, const rs_model *m,
    rs_error *err);
void rs_eval_result_free(rs_eval_result *r);
/* Index of a metric in r, or -1. */
int rs_eval_metric_index(const rs_eval_result *r, const char *name);

/* Check a metric name ("ndcg@10", "auc", "rmse"); NULL or why not. */
const char *rs_eval_metric_check(const char *name);
/* The metric families, for messages: "precision@K, recall@K, ..." */
const char *rs_eval_metric_families(void);
/* Whether lower values of the metric are better / it has no better side. */
enum rs_metric_sense rs_eval_metric_sense(const char *name);

/* ---- summaries over users ---- */

typedef struct rs_summary {
	double mean;		/* the headline value */
	double lo, hi;		/* 95% confidence interval (NaN: none) */
	uint32_t n;		/* users */
} rs_summary;

/* Mean and 95% CI of metric j: Student t interval over users for per-user
 * metrics; percentile bootstrap over users (2000 resamples, seeded) for
 * rmse/mae; no interval for global metrics. */
void rs_eval_summarize(const rs_eval_result *r, size_t j, uint64_t seed,
    rs_summary *out);

/* Per-user values as CSV: user, then every metric with per-user values.
 * Lists as CSV: user, item, rank, score (the format import reads). */
int rs_eval_export_users(const rs_eval_result *r, const rs_dataset *ds,
    const char *path, rs_error *err);
int rs_eval_export_lists(const rs_eval_result *r, const rs_dataset *ds,
    const char *path, rs_error *err);

/* ---- paired significance tests ---- */

typedef struct rs_paired {
	size_t n;		/* users where both values are defined */
	double mean_a, mean_b, mean_diff, sd_diff;
	double diff_lo, diff_hi;	/* 95% CI of the mean difference */
	double t, df, p_t;	/* paired t-test, two-sided */
	double dz;		/* Cohen's d_z = mean_diff / sd_diff */
	size_t nonzero, zeros;	/* Wilcoxon: differences kept / dropped */
	double w_plus, w_minus, z, p_w;	/* signed-rank sums, normal approx. */
	double rank_biserial;	/* (W+ - W-) / (W+ + W-) */
} rs_paired;

/* Paired tests of a[i] vs b[i] over i < n where both are finite. Needs at
 * least 2 pairs (else -1 with a message; out->n still counts them). t-test: t = mean/(sd/sqrt(n)),
 * df = n-1, p from the Student t CDF via the regularized incomplete beta
 * (sd = 0: p = 1 when the mean difference is 0, else 0). Wilcoxon: zero
 * differences dropped (Wilcoxon's method), average ranks for ties, normal
 * approximation with continuity correction 0.5 and the tie correction
 * Σ(t³-t)/48 in the variance; p = 1 when every difference is zero. */
int rs_paired_test(const double *a, const double *b, size_t n, rs_paired *out,
    rs_error *err);

/* rs_paired_test of one metric's per-user values of a (first) and b, two
 * results of one protocol (rs_eval_run under one context: the same users in
 * the same order, else an error). -1 with err when either lacks the metric
 * or fewer than 2 users have both values. */
int rs_eval_paired(const rs_eval_result *a, const rs_eval_result *b,
    const char *metric, rs_paired *out, rs_error *err);

/* Whether A beats B by pt (A's values first): a better mean over the pairs
 * (higher, or lower for RS_LOWER metrics; never for RS_NEUTRAL ones) and a
 * two-sided paired t-test p below RS_BEAT_ALPHA. compare marks the models
 * that do not beat its baselines (pop, random) by this rule. */
#define RS_BEAT_ALPHA 0.05
bool rs_paired_beats(const rs_paired *pt, enum rs_metric_sense sense);

/* Special functions behind the tests. */
double rs_stat_incbeta(double a, double b, double x);	/* I_x(a, b) */
double rs_stat_t_cdf(double t, double df);
double rs_stat_t_quantile(double p, double df);
double rs_stat_norm_cdf(double z);

/* ---- tuning ---- */

typedef struct rs_tune_param {
	const char *name;
	char **values;
	size_t nvalues;
} rs_tune_param;

typedef struct rs_tune_opts {
	const char *kind;
	char *const *fixed_keys, *const *fixed_values;	/* parameters held fixed */
	size_t nfixed;
	const rs_tune_param *params;	/* parameters searched */
	size_t nparams;
	bool random;		/* random search over the grid (else every point) */
	uint32_t trials;	/* random: points tried (capped at the grid size) */
	uint64_t seed;
	const char *metric;	/* e.g. "ndcg@10"; NULL: rmse for value kinds, else ndcg@10 */
	const char *name;	/* name of the model kept */
	rs_fit_opts fit;
} rs_tune_opts;

typedef struct rs_tune_trial {
	size_t *choice;		/* index into each parameter's values */
	double score;		/* the metric on the validation part (NaN: failed) */
	double seconds;		/* fit + evaluation */
	char *error;		/* why the trial failed, or NULL */
} rs_tune_trial;

typedef struct rs_tune_result {
	rs_tune_trial *trials;
	size_t ntrials;
	size_t grid;		/* points in the grid */
	size_t best;		/* index of the best trial */
	char *metric;
	bool lower_better;
	bool interrupted;	/* Ctrl-C: the trials so far are kept */
} rs_tune_result;

/* Check the options (unknown kind or parameter, bad values, unknown metric)
 * before any training: 0, or -1 with the message in err. */
int rs_tune_check(const rs_tune_opts *o, rs_error *err);
/* Train one model per point (rs_model_train, all on one rs_train_set built
 * with base's signal, threshold and binary: its validation rows drive early
 * stopping) and evaluate it with ev (prepared with part = RS_VALID). base
 * also gives the hooks; o the kind, parameters, seed and fit options; env
 * the dataset, features and models. The best model is returned in *best
 * (caller owns, with its training matrix). NULL with err when nothing could
 * be trained. */
rs_tune_result *rs_tune_run(const rs_tune_opts *o, const rs_train_request *base,
    const rs_train_env *env, const rs_eval_ctx *ev, rs_model **best,
    rs_error *err);
void rs_tune_result_free(rs_tune_result *r);

/* ---- imported recommendation lists ---- */

typedef struct rs_import_opts {
	const char *user, *item, *rank, *score;	/* column names (NULL: guess) */
	const char *delim;
	int header;		/* -1 guess */
} rs_import_opts;

typedef struct rs_import_report {
	size_t rows;		/* data rows read */
	size_t kept;		/* entries in the model */
	uint32_t users;		/* users with a list */
	size_t unknown_user_rows, unknown_item_rows;
	uint32_t unknown_users, unknown_items;	/* distinct ids */
	char unknown_user_example[64], unknown_item_example[64];
	size_t duplicate_items;	/* (user, item) repeated: best rank kept */
	size_t tied_scores;	/* score-only files: ties broken by file order */
	size_t seen_in_training;	/* listed items the user has training rows for */
	uint32_t longest;	/* longest list */
	bool by_score;		/* ranks derived from scores */
} rs_import_report;

void rs_import_opts_init(rs_import_opts *o);
/* Read top-k lists (user, item, rank and/or score) from path into a model
 * named name of kind "imported". Ids must be in ds; rows with unknown ids are
 * counted and skipped (all unknown: an error). A rank used twice for one user
 * is an error naming the line. The model's train is ds's training part. */
rs_model *rs_import_recs(const rs_dataset *ds, const char *path,
    const char *name, const rs_import_opts *o, rs_import_report *rep,
    const rs_hooks *hooks, rs_error *err);
extern const rs_model_kind rs_kind_imported;

#ifdef __cplusplus
}
#endif
#endif
