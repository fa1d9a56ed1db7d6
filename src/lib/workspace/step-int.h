/* Internal to the workspace: the words of the command language, shared by pipeline steps (step.c) and sources (source.c). */
#ifndef RS_WORKSPACE_STEP_INT_H
#define RS_WORKSPACE_STEP_INT_H

#include "reelscope/workspace.h"

/* name, then op's parameters as words quoted so that they read back
 * (malloc'd). */
char *ws_step_format_command(const char *name, const rs_step_op *op);
/* The first word of the command at *pp, which moves past it (malloc'd);
 * NULL at the end (err untouched) or with err set. */
char *ws_step_read_name(const char **pp, rs_error *err);
/* The words left at *pp added to op as parameters (a positional word, a
 * key=value or a --flag); 0, or -1 with err set. */
int ws_step_read_params(const char **pp, rs_step_op *op, rs_error *err);

#endif
