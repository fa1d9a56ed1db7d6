/* Internal to the workspace: the appliers of the step kinds that live in their own files. */
#ifndef RS_DATA_APPLY_INT_H
#define RS_DATA_APPLY_INT_H

#include "workspace/ws.h"

/* clean STEP [COLUMN] [options] (apply-clean.c). */
int ws_apply_clean(rs_workspace *ws, const rs_step_op *op, const rs_hooks *h,
    rs_step_report *out, rs_error *err);
/* The clean options of op read into p (its strings point into op): the
 * step, or -1 with err set. */
int ws_apply_clean_params(const rs_step_op *op, rs_clean_params *p,
    rs_error *err);
/* Record ds (taken) as the data after op; when rebuild, the item features
 * built before are rebuilt on ds first, and if that fails nothing changes
 * (ds is freed, err says "WHAT: rebuilding the item features failed"). */
int ws_apply_commit(rs_workspace *ws, rs_dataset *ds, bool changed, bool rebuild,
    const rs_step_op *op, const char *summary, const char *what,
    rs_step_report *out, rs_error *err);

#endif
