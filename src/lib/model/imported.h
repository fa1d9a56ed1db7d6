/* Internal: the state of an imported model (lists per user), shared by the kind and the reader. */
#ifndef RS_MODEL_IMPORTED_H
#define RS_MODEL_IMPORTED_H

#include <stdint.h>

/* Lists of users 0..nusers-1: entries ptr[u]..ptr[u+1], best first. */
struct imported_lists {
	uint32_t nusers;
	uint64_t *ptr;
	uint32_t *item;
	float *score;		/* rank-derived: list length - position */
};

void model_imported_lists_free(struct imported_lists *s);

#endif
