/* The table of every model kind; a new kind adds one line here. */
#include "config.h"

#include "reelscope/model.h"

extern const rs_model_kind rs_kind_pop;
extern const rs_model_kind rs_kind_random;

const rs_model_kind *const rs_model_kinds[] = {
	&rs_kind_pop,
	&rs_kind_random,
	NULL
};
