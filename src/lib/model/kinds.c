/* The table of every model kind; a new kind adds one line here. */
#include "config.h"

#include "reelscope/model.h"

/* Each kind's descriptor is defined in its own file as rs_kind_NAME; the
 * table's order is the order of help train and the manual's list. */
#define MODEL_KINDS(X) \
	X(pop) \
	X(random) \
	X(userknn) \
	X(itemknn) \
	X(ease) \
	X(content) \
	X(hybrid) \
	X(mf) \
	X(fedmf) \
	X(svdpp) \
	X(als) \
	X(bpr) \
	X(ncf) \
	X(gru4rec) \
	X(twotower) \
	X(caser) \
	X(multvae) \
	X(lr) \
	X(fm) \
	X(imported)	/* lists read by import recs (eval.h) */

#define KIND_DECLARE(k) extern const rs_model_kind rs_kind_##k;
MODEL_KINDS(KIND_DECLARE)

#define KIND_ENTRY(k) &rs_kind_##k,
const rs_model_kind *const rs_model_kinds[] = {
	MODEL_KINDS(KIND_ENTRY)
	NULL
};
