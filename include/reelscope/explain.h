/* reelscope engine: explanations beyond rs_reason — the features behind a content score, the parts of a hybrid blend. */
#ifndef REELSCOPE_EXPLAIN_H
#define REELSCOPE_EXPLAIN_H

#include <stddef.h>
#include <stdint.h>

#include "reelscope/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A feature column behind a content score. name points into the model
 * (valid while the model lives). */
typedef struct rs_feature_reason {
	const char *name;	/* "text:火锅", "category:美食", "upload_age" */
	double weight;		/* its share of the score (shares sum to it) */
} rs_feature_reason;

/* For a kind with explain_features (content): the feature columns that
 * (user, item) share, by their contribution to the score, strongest first,
 * up to max. 0 for other kinds, users without history or items without
 * features. */
size_t rs_model_explain_features(const rs_model *m, uint32_t user,
    uint32_t item, rs_feature_reason *out, size_t max);

/* One component of a hybrid's score for (user, item). model points into
 * the hybrid (its own copy of the component as it was trained). */
typedef struct rs_blend_part {
	const rs_model *model;
	double weight;		/* the blend weight */
	double raw;		/* the component's score */
	double normalized;	/* after the hybrid's normalization */
	double contribution;	/* weight * normalized */
} rs_blend_part;

/* For a kind with blend_parts (hybrid): its components' parts of the score
 * of (user, item), in the order given at training, up to max. 0 for other
 * kinds. */
size_t rs_model_blend_parts(const rs_model *m, uint32_t user, uint32_t item,
    rs_blend_part *out, size_t max);

/* The normalization a hybrid applies to a component's scores for one user:
 * x[0..n) in place, statistics over the items where skip is 0 (every item
 * when skip is NULL). kind: "rank" (mid-rank percentile among those items,
 * in [0, 1]), "zscore", "minmax" or "none". */
void rs_blend_normalize(const char *kind, float *x, size_t n,
    const uint8_t *skip);

#ifdef __cplusplus
}
#endif
#endif
