/* reelscope engine: recommender models — training data, the model interface, training loop, recommendations. */
#ifndef REELSCOPE_MODEL_H
#define REELSCOPE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- training data: the chosen rows as a users x items matrix ---- */

/* How repeated (user, item) rows combine. */
enum rs_dup { RS_DUP_LAST, RS_DUP_MAX, RS_DUP_SUM };

typedef struct rs_imat_opts {
	const char *signal;	/* column for values; NULL: the log's value
				   column; "none": every row is a positive 1 */
	double threshold;	/* keep rows with signal >= threshold (NaN: all) */
	bool binary;		/* kept rows become 1 (implicit positives) */
	bool log1p;		/* values (after combining repeats) become
				   log(1 + max(v, 0)): counts read as
				   confidences; explicit_values is false */
	int part;		/* rows of this part (split.h); -1: every row */
	enum rs_dup dup;
} rs_imat_opts;

void rs_imat_opts_init(rs_imat_opts *o);

/* Rows of users (CSR) and of items (CSC) over the dataset's full id spaces,
 * so indices agree with the dataset. Caller owns; free with rs_imat_free. */
typedef struct rs_imat {
	uint32_t nusers, nitems;
	size_t nnz;
	uint64_t *uptr;		/* nusers + 1 */
	uint32_t *uidx;		/* item of each entry, sorted within a user */
	float *uval;
	double *utime;		/* time of each entry (NaN when unknown) */
	uint64_t *iptr;		/* nitems + 1 */
	uint32_t *iidx;		/* user of each entry, sorted within an item */
	float *ival;
	double mean;		/* mean value */
	float *uw;		/* training weight of each entry (CSR order), or
				   NULL: all 1 (train weighting=, train.h) */
	bool explicit_values;	/* values are ratings/signals, not 0/1 */
} rs_imat;

rs_imat *rs_imat_build(const rs_dataset *ds, const rs_log *log,
    const rs_imat_opts *o, rs_error *err);
void rs_imat_free(rs_imat *m);
/* The value of (u, i), or NaN when absent (binary search). */
float rs_imat_get(const rs_imat *m, uint32_t u, uint32_t i);

/* ---- parameters ---- */

enum rs_param_type { RS_PARAM_INT, RS_PARAM_NUM, RS_PARAM_ENUM, RS_PARAM_STR };

typedef struct rs_param_spec {
	const char *name;
	enum rs_param_type type;
	const char *def;	/* default as text */
	double min, max;	/* INT/NUM range */
	const char *values;	/* ENUM choices "a|b|c" */
	const char *help;
} rs_param_spec;

/* ---- the model interface ---- */

struct rs_model;
struct rs_feature_reason;	/* explain.h */
struct rs_blend_part;		/* explain.h */

/* One epoch of an iterative model's history. */
typedef struct rs_epoch {
	uint32_t epoch;
	double loss;		/* training loss */
	double valid;		/* validation metric (NaN without validation) */
	double seconds;
} rs_epoch;

/* What a model trains on. The model keeps none of these pointers after
 * fit returns, except what it copies. */
typedef struct rs_train_ctx {
	const rs_dataset *ds;
	const rs_imat *train;
	const rs_imat *valid;	/* validation rows, or NULL */
	const void *features;	/* item features (features.h), or NULL */
	struct rs_model *const *models;	/* the workspace's models (hybrid) */
	size_t nmodels;
	const rs_hooks *hooks;
	uint64_t seed;
	uint32_t epochs;	/* iterative kinds: the epochs the loop will run
				   at most (set by rs_model_fit; fedmf calibrates
				   its noise for them) */
} rs_train_ctx;

/* Why a score is what it is: the items (or users) behind it. */
typedef struct rs_reason {
	uint32_t id;		/* item (or user, for user-based models) */
	bool is_user;
	double weight;		/* contribution to the score */
} rs_reason;

/* qsort order of explanations: larger |weight| first, then items before
 * users, then lower id. */
int rs_reason_cmp(const void *a, const void *b);

/* One observed event, for models that learn without retraining
 * (rs_model_update): a user acted on an item at a time. */
typedef struct rs_event {
	uint32_t user, item;	/* dataset indices; at or past the model's
				   nusers / nitems: a user or item it has not
				   seen (created on the fly) */
	float value;		/* the signal as the model reads it (1: a
				   positive of implicit data) */
	double time;		/* seconds since 1970-01-01 UTC (NaN: unknown) */
} rs_event;

/* A kind of model. Iterative kinds implement begin/epoch (the engine runs
 * the loop with validation, early stopping, best-epoch restore and Ctrl-C);
 * the others implement fit. */
typedef struct rs_model_kind {
	const char *name;
	const char *help;
	const rs_param_spec *params;	/* terminated by a NULL name */
	bool explicit_values;	/* predicts values (RMSE/MAE make sense) */
	bool uses_weights;	/* implicit, but reads the signal as a
				   confidence weight (ALS): values kept */
	bool warm_up;		/* early stopping waits for a quarter of the
				   epochs: the first ones sit at popularity's
				   level while the factors catch up (bpr) */
	bool imported;		/* lists made elsewhere (import recs,
				   rerank): not trained here, so never stale
				   and nothing to tune */
	int (*fit)(struct rs_model *m, const rs_train_ctx *ctx, rs_error *err);
	int (*begin)(struct rs_model *m, const rs_train_ctx *ctx, rs_error *err);
	int (*epoch)(struct rs_model *m, const rs_train_ctx *ctx, uint32_t epoch,
	    double *loss, rs_error *err);
	/* copy of the learned state (for the best epoch), restore, free */
	void *(*snapshot)(const struct rs_model *m);
	void (*restore)(struct rs_model *m, void *snap);
	void (*free_snapshot)(void *snap);
	/* scores of users[0..nu) for every item, row-major into out (nu x nitems) */
	void (*score)(const struct rs_model *m, const uint32_t *users, size_t nu,
	    float *out);
	/* the reasons behind (user, item): up to max, strongest first */
	size_t (*explain)(const struct rs_model *m, uint32_t user, uint32_t item,
	    rs_reason *out, size_t max);
	/* the feature columns behind (user, item), strongest first, up to max
	 * (rs_model_explain_features; kinds that score by item features) */
	size_t (*explain_features)(const struct rs_model *m, uint32_t user,
	    uint32_t item, struct rs_feature_reason *out, size_t max);
	/* the parts of a blended score (rs_model_blend_parts; kinds that blend
	 * other models) */
	size_t (*blend_parts)(const struct rs_model *m, uint32_t user,
	    uint32_t item, struct rs_blend_part *out, size_t max);
	/* similar items (item-based models may implement it) */
	size_t (*similar)(const struct rs_model *m, uint32_t item, uint32_t *out,
	    float *scores, size_t k);
	/* the learned state as bytes, and back (store.h frames them) */
	int (*save)(const struct rs_model *m, void **buf, size_t *len);
	int (*load)(struct rs_model *m, const void *buf, size_t len, rs_error *err);
	void (*free_state)(struct rs_model *m);
	/* fold events (in time order) into the learned state without
	 * retraining; NULL when the kind cannot (rs_model_update says so).
	 * rs_model_update has already grown m->nusers / m->nitems and m->train
	 * (the events are in it) before calling it; the hook grows its own
	 * state to match. It refuses (-1 with err) only before changing its
	 * state, and rs_model_update then takes the matrix back: all or
	 * nothing. Each kind's comment says what is exact and what is not
	 * (als.c, mf.c, knn.c, gru4rec.c, caser.c). */
	int (*update)(struct rs_model *m, const rs_event *ev, size_t n,
	    rs_error *err);
	/* whether the trained model predicts values (its mode may rank
	 * instead, as knn's implicit mode); NULL: explicit_values says */
	bool (*predicts_values)(const struct rs_model *m);
	/* kinds that predict a label per log row (lr, fm: ctr.h) score their
	 * epochs by their own figure, lower is better, named valid_name
	 * ("logloss"), instead of the ranking metrics; NULL for the others */
	double (*validate)(const struct rs_model *m, const rs_train_ctx *ctx);
	const char *valid_name;
	/* figures a kind keeps per epoch beyond loss and validation (fedmf:
	 * clients, bytes, ε so far): up to max names and values for epoch
	 * (1-based), how many written; NULL: none */
	size_t (*epoch_extra)(const struct rs_model *m, size_t epoch,
	    const char **names, double *values, size_t max);
	/* one line on how the model was trained that train shows as a note
	 * (fedmf: the noise and what it guarantees); NULL or 0: none */
	size_t (*describe)(const struct rs_model *m, char *buf, size_t size);
} rs_model_kind;

typedef struct rs_model {
	char *name;
	const rs_model_kind *kind;
	char **keys, **values;	/* parameters as given, defaults filled in */
	size_t nparams;
	uint32_t nusers, nitems;
	rs_imat *train;		/* what it was trained on (owned): seen items,
				   popularity fallback, explanations */
	float *popularity;	/* training interactions per item (cold start) */
	rs_epoch *history;
	size_t nepochs;
	size_t best_epoch;	/* 1-based, 0 when not iterative */
	char *valid_metric;	/* e.g. "ndcg@10" or "rmse" */
	double fit_seconds;
	bool interrupted;	/* training stopped by the user */
	uint64_t generation;	/* the workspace's data generation when the
				   model joined it (workspace.h); not saved */
	uint64_t dataset;	/* the workspace's dataset count when it joined
				   (rs_workspace_model_stale); not saved */
	uint64_t serial;	/* the workspace's count of models added or
				   changed when it last was (rs_workspace_unsaved);
				   not saved */
	void *state;		/* the kind's learned parameters */
} rs_model;

/* Whether m's scores are predicted values, so that rmse and mae mean
 * something: a kind that predicts values (explicit_values), trained on
 * values (not 0/1 nor log counts), in a mode that predicts them. */
bool rs_model_predicts_values(const rs_model *m);

/* Every kind, and lookup by name. */
extern const rs_model_kind *const rs_model_kinds[];
const rs_model_kind *rs_model_kind_find(const char *name);

/* A new, untrained model: parameters checked against the kind's specs
 * (unknown name, wrong type, out of range: NULL with a message). */
rs_model *rs_model_new(const char *kind, const char *name,
    char *const *keys, char *const *values, size_t n, rs_error *err);
void rs_model_free(rs_model *m);
const char *rs_model_param(const rs_model *m, const char *key);
double rs_model_param_num(const rs_model *m, const char *key);

/* Training options beyond the kind's parameters. */
typedef struct rs_fit_opts {
	uint32_t epochs;	/* iterative kinds: most epochs (0: the kind's) */
	uint32_t patience;	/* epochs without improvement before stopping
				   (0: no early stopping) */
	const char *metric;	/* validation metric: "ndcg@10", "recall@20",
				   "rmse" (default by kind) */
	uint32_t valid_users;	/* validation users sampled per epoch */
} rs_fit_opts;

void rs_fit_opts_init(rs_fit_opts *o);

/* Train m on ctx. Iterative kinds run epoch by epoch with validation (when
 * ctx->valid) and keep the best epoch; Ctrl-C (the progress hook returning
 * nonzero) stops cleanly keeping the best so far (m->interrupted). Returns
 * 0, -1 on failure, or 1 when training stopped on a non-finite loss and the
 * last good weights were kept (err says at which epoch). */
int rs_model_fit(rs_model *m, const rs_train_ctx *ctx, const rs_fit_opts *o,
    rs_error *err);

/* Fold n events (in time order) into a trained model without retraining:
 * the model's id spaces grow to nusers x nitems (at least the current ones;
 * the new users and items are the indices past the old counts) and the
 * kind's update hook learns from the events. A kind without the hook is
 * refused ("model NAME (KIND) cannot learn from new events: retrain it").
 *
 * What the engine keeps per model follows at once, so recommend, explain,
 * eval and save see the events: m->train holds the new (user, item) pairs
 * (a pair it had takes the event's value and time, as training's dup=last;
 * repeated pairs within the events keep the last), m->popularity counts
 * them, m->nusers / m->nitems grow. The design is append-friendly rather
 * than an overlay, so every reader of m->train stays as it is: the new
 * pairs of a call are sorted once and merged into both layouts in place,
 * each row after the first touched one moving once (whole untouched runs by
 * memmove), while rows of new users and new items are appended at the end
 * and cost only their entries. A call costs O(n log n + entries after the
 * first touched row), never a rebuild from the log; batching events into
 * one call pays the move once.
 *
 * All or nothing: the events are checked first (indices within nusers x
 * nitems, finite values); when the hook refuses (-1 with err), the matrix,
 * popularity and sizes are put back exactly, so m is as it was. */
int rs_model_update(rs_model *m, const rs_event *ev, size_t n,
    uint32_t nusers, uint32_t nitems, rs_error *err);

/* Scores of one user for every item (nitems floats). A user the model never
 * saw (index past its users, or no training rows) gets item popularity. */
void rs_model_score_user(const rs_model *m, uint32_t user, float *out);

/* Top k items for user by score, excluding the items it saw in training
 * when exclude_seen. Returns how many were written (partial selection, no
 * full sort). *fallback tells whether popularity stood in. */
size_t rs_model_recommend(const rs_model *m, uint32_t user, size_t k,
    bool exclude_seen, uint32_t *items, float *scores, bool *fallback);

/* Indices of the k largest of x[0..n) (skipping where skip[i]), best first;
 * ties by lower index. Returns how many. */
size_t rs_topk(const float *x, size_t n, const uint8_t *skip, size_t k,
    uint32_t *idx);

#ifdef __cplusplus
}
#endif
#endif
