/* Internal: the shared core of lr and fm — hashed one-hot features of log rows, the factorization machine (k = 0 is logistic regression), its training passes. */
#ifndef RS_MODEL_CTR_INT_H
#define RS_MODEL_CTR_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/ctr.h"
#include "reelscope/model.h"

#define CTR_NONE UINT32_MAX	/* a feature without a value on the row */
#define CTR_MAX_SLOTS 64	/* features (singles and crosses) per row */

/* Rows encoded for training or prediction: row r's buckets are
 * idx[r * nf .. (r+1) * nf) (CTR_NONE where the value is missing). */
struct ctr_rows {
	size_t n;
	uint32_t nf;
	uint32_t *idx;
	uint8_t *y;		/* the label */
	uint32_t *user;		/* the row's user (gAUC) */
};

void model_ctr_rows_free(struct ctr_rows *r);

/* The learned state of lr and fm. */
struct ctr_state {
	uint32_t bits, k;	/* 2^bits buckets; k factors (0: lr) */
	size_t nb;
	char *target;		/* the label's column */
	double thr;		/* label = column >= thr; NaN: the column's 0/1 */
	char *features;		/* the features as resolved: "user,item,user*hour" */
	float bias, *w, *v;	/* bias, nb weights, nb x k factors */
	bool calibrated;	/* Platt: p = sigmoid(cal_a * margin + cal_b) */
	double cal_a, cal_b;
	/* training only, not saved */
	struct ctr_rows *train, *valid;
	float *mw, *sw, *mv, *sv;	/* Adam moments of w and v */
	double mb, sb;		/* and of the bias */
	uint64_t step;
	double *z;		/* cd: each training row's margin */
	uint64_t *cptr;		/* cd: rows of each bucket (nb + 1) */
	uint32_t *crow;
};

/* The margin (logit) of a row: bias + sum w_i + sum_f ((sum_i v_if)^2 -
 * sum_i v_if^2) / 2, O(k n); sum (k floats, or NULL when k is 0)
 * receives sum_i v_if for the gradient. */
double model_ctr_margin(const struct ctr_state *s, const uint32_t *idx,
    uint32_t nf, float *sum);
/* The probability of a margin, calibrated when the state is. */
double model_ctr_prob(const struct ctr_state *s, double margin);

/* Parse "COL" or "COL>=T" into name (size bytes) and *thr (NaN for none). */
int model_ctr_target(const char *text, char *name, size_t size, double *thr,
    rs_error *err);
/* Check the label and the features on the training part of ds and resolve
 * the feature list (spec NULL or "": the built-ins the data has) into
 * canon. 0 or -1 with the one-line reason. */
int model_ctr_check(const rs_dataset *ds, const char *target, double thr,
    const char *spec, char *canon, size_t size, rs_error *err);
/* Encode the rows of a part of ds (ctr.h's rs_ctr_predict_part: the
 * held-out file for test when there is one) with s's features and label. */
struct ctr_rows *model_ctr_encode(const struct ctr_state *s,
    const rs_dataset *ds, int part, rs_error *err);

/* The kind hooks lr and fm share. */
int model_ctr_begin(rs_model *m, const rs_train_ctx *ctx, uint32_t k,
    rs_error *err);
int model_ctr_epoch(rs_model *m, const rs_train_ctx *ctx, uint32_t epoch,
    double *loss, rs_error *err);
double model_ctr_validate(const rs_model *m, const rs_train_ctx *ctx);
void *model_ctr_snapshot(const rs_model *m);
void model_ctr_restore(rs_model *m, void *snap);
void model_ctr_free_snapshot(void *snap);
int model_ctr_save(const rs_model *m, void **buf, size_t *len);
int model_ctr_load(rs_model *m, const void *buf, size_t len, rs_error *err);
void model_ctr_free_state(rs_model *m);

#endif
