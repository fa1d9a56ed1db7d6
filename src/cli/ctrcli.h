/* What eval, calibrate and plot calibration share for probability models (lr, fm): picking them out, rendering their figures. */
#ifndef RS_CTRCLI_H
#define RS_CTRCLI_H

#include "cli.h"
#include "reelscope/ctr.h"

/* Move the probability models of v[0..*n) into a new array (returned,
 * caller frees; *nctr of them), keeping the others in v in order. */
rs_model **ctrcli_take(rs_model **v, size_t *n, size_t *nctr);
/* Evaluate m on part and render it: an object of the JSON array arr, and
 * in text a block under root titled "MODEL (KIND)". false after reporting
 * the error for cmd. */
bool ctrcli_eval(struct session *s, struct rnode *root, struct rnode *arr,
    const rs_model *m, int part, const char *cmd);

#endif
