/* reelscope engine: probability models of a 0/1 label per log row (lr, fm) — their predictions, metrics and calibration. */
#ifndef REELSCOPE_CTR_H
#define REELSCOPE_CTR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"
#include "reelscope/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The built-in features of lr and fm, and the default set (those of them
 * the data has). Each is one-hot, hashed into 2^bits buckets:
 *   user, item     the ids
 *   creator        the item's creator
 *   category       the item's category column (first_level_category_id,
 *                  category, genre, video_tag_id or feat: the first found)
 *   duration       floor(log2(1 + video_duration)) of the row or the item
 *   hour           hour of day (UTC) of the row's time
 * Any other log, item or user column is a feature by its value; A*B crosses
 * two of them (one bucket per pair of values). */
#define RS_CTR_BUILTINS "user, item, creator, category, duration, hour"

/* Bins of the reliability diagram and of ECE (equal width over [0, 1]). */
#define RS_CTR_BINS 10

/* Whether m predicts a probability per log row (lr, fm): eval, calibrate
 * and plot calibration read it through the calls below. */
bool rs_model_is_ctr(const rs_model *m);

/* The figures of predicted probabilities p against labels y on n rows, of
 * users user[] (NULL: no gAUC):
 *   auc      P(p of a positive > p of a negative), ties 1/2
 *   logloss  mean -(y ln p + (1-y) ln(1-p)), p clipped to [1e-15, 1-1e-15]
 *   gauc     each user's auc over users with both classes, averaged with
 *            the user's row count as weight
 *   ece      sum over the RS_CTR_BINS equal-width bins of
 *            rows_b / n * |mean p_b - mean y_b| (p = 1 goes to the last bin)
 *   base_rate, base_logloss: the share of positives, and the log loss of
 *            predicting it for every row (what a model must beat) */
typedef struct rs_ctr_metrics {
	size_t rows, positives;
	size_t users, users_both;	/* users with rows; with both classes */
	double auc, logloss, gauc, ece, base_rate, base_logloss;
	size_t bin_rows[RS_CTR_BINS];
	double bin_pred[RS_CTR_BINS], bin_obs[RS_CTR_BINS];	/* means; NaN: empty */
	bool calibrated;	/* the model's probabilities went through its
				   calibration (rs_ctr_calibrate) */
	char target[64];	/* the label, e.g. "is_like" or "watch_ratio>=2" */
} rs_ctr_metrics;

void rs_ctr_metrics_compute(const double *p, const uint8_t *y,
    const uint32_t *user, size_t n, rs_ctr_metrics *out);

/* The probabilities of m on the rows of a part of ds's split (RS_TEST: the
 * held-out file's rows when the split read one; RS_VALID likewise) whose
 * label is present: caller frees *p, *y, *user (n each). 0 or -1 with err
 * (no such rows, a feature or the label missing from the data). */
int rs_ctr_predict_part(const rs_model *m, const rs_dataset *ds, int part,
    double **p, uint8_t **y, uint32_t **user, size_t *n, rs_error *err);

/* rs_ctr_predict_part and rs_ctr_metrics_compute on the part. */
int rs_ctr_evaluate(const rs_model *m, const rs_dataset *ds, int part,
    rs_ctr_metrics *out, rs_error *err);

/* Fit a calibration of m's probabilities on the validation part (method
 * "platt": p' = sigmoid(a * logit(p) + b), a and b by Newton's method on
 * the log loss against Platt's smoothed targets (P+1)/(P+2) and 1/(N+2)) that every later prediction goes through; it is saved with
 * the model. *a and *b receive the fit. 0 or -1 with err (no validation
 * rows, one class only, unknown method). */
int rs_ctr_calibrate(rs_model *m, const rs_dataset *ds, const char *method,
    double *a, double *b, rs_error *err);

#ifdef __cplusplus
}
#endif
#endif
