/* Internal: helpers the audit, the re-rankers and the trade-off share. */
#ifndef RS_FAIR_INT_H
#define RS_FAIR_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "reelscope/fair.h"

/* Indices of x[0..n) by value descending, ties by lower index (caller frees). */
uint32_t *fair_order_desc(const double *x, uint32_t n);
/* Head flags: the largest x (ties by lower index) while the share held
 * before adding one is below share; zeros are never head (caller frees). */
uint8_t *fair_head(const double *x, uint32_t n, double share);
/* The unit (creator, or the item itself) of item, or RS_NONE. */
uint32_t fair_unit(const rs_eval_ctx *c, bool items, uint32_t item);
/* KL(p ‖ (1-alpha)q + alpha p) in bits over n groups. */
double fair_kl_bits(const double *p, const double *q, size_t n, double alpha);

/* Re-rank r's lists (rs_rerank_lists without the model): out[e] holds
 * lens[e] items for evaluated user e (caller frees each and both arrays). */
int fair_rerank_core(const rs_eval_ctx *ctx, const rs_eval_result *r,
    const rs_rerank_opts *o, uint32_t ***out, uint32_t **lens, rs_error *err);

#endif
