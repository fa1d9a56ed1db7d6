/* Checks shared by commands and plots that return what is wrong instead of reporting it. */
#ifndef RS_CHECK_H
#define RS_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "reelscope/reelscope.h"

/* Why name cannot be a model's name, or NULL when it can. */
const char *model_name_problem(const char *name);
/* Whether m was trained on data of ds's shape (users, items); when not,
 * the message for cmd goes into msg. */
bool model_fits_data(const rs_model *m, const rs_dataset *ds, const char *cmd,
    char *msg, size_t size);

#endif
