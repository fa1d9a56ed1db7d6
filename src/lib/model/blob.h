/* Learned model state as bytes: a growing writer and a bounds-checked reader (little-endian host order). */
#ifndef RS_MODEL_BLOB_H
#define RS_MODEL_BLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/model.h"

/* A growing buffer; the bytes become the caller's with blob_take. */
typedef struct blob {
	unsigned char *buf;
	size_t len, cap;
} blob;

void blob_put(blob *b, const void *p, size_t n);
void blob_u32(blob *b, uint32_t v);
void blob_u64(blob *b, uint64_t v);
void blob_f64(blob *b, double v);
void blob_str(blob *b, const char *s);
/* Hand the bytes over (as save returns them). */
void blob_take(blob *b, void **buf, size_t *len);

/* Reading: every get fails once the bytes run out (ok becomes false and
 * stays false; values read after that are zero). */
typedef struct blob_reader {
	const unsigned char *p;
	size_t left;
	bool ok;
} blob_reader;

void blob_reader_init(blob_reader *r, const void *buf, size_t len);
bool blob_get(blob_reader *r, void *p, size_t n);
uint32_t blob_get_u32(blob_reader *r);
uint64_t blob_get_u64(blob_reader *r);
double blob_get_f64(blob_reader *r);
/* An array of n elements of size each, newly allocated (NULL when the bytes
 * are too few; never for n == 0, which gives a 1-byte block). */
void *blob_get_array(blob_reader *r, uint64_t n, size_t size);
/* A string (allocated), or NULL. */
char *blob_get_str(blob_reader *r);

/* A training matrix as bytes (both layouts are rebuilt from the rows). */
void blob_imat(blob *b, const rs_imat *m);
rs_imat *blob_get_imat(blob_reader *r);
/* Fill the item layout (CSC: iptr, iidx, ival) of m from its user rows;
 * every reader and copier of a training matrix rebuilds it this one way. */
void model_imat_transpose(rs_imat *m);
/* A deep copy of a training matrix. */
rs_imat *model_imat_copy(const rs_imat *m);
/* Whether two training matrices hold the same entries and values. */
bool model_imat_same(const rs_imat *a, const rs_imat *b);

#endif
