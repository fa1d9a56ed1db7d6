/* Internal: what the deep models (ncf, gru4rec, twotower, caser) share — the state header, the epoch loop, snapshots, saved bytes. */
#ifndef RS_DEEP_H
#define RS_DEEP_H

#include "model/nn/nn.h"

struct deep_core;

/* Loss (summed over the examples) and gradients of examples ex[0..n): the
 * dense gradient into g (added), the rows of sparse array k into rows[k]
 * (k counts sparse arrays in net order). key picks the random draws
 * (negatives, dropout) so a batch can be evaluated again identically. */
typedef double (*deep_batch_fn)(rs_model *m, const uint32_t *ex, uint32_t n,
    uint64_t key, float *g, nn_rows *rows);

/* The first member of every deep model's state. */
typedef struct deep_core {
	nn_net net;
	deep_batch_fn batch_fn;
	uint32_t nexamples;	/* training examples per epoch (set by begin) */
	uint32_t batch;		/* examples per mini-batch */
	uint64_t seed;
	nn_opt opt;
	void (*free_extra)(struct deep_core *c);	/* the model's own parts */
	void (*refresh)(struct deep_core *c);	/* after weights change (an
						   epoch, a restore): caches */
} deep_core;

/* The callbacks every deep model shares. */
int deep_epoch(rs_model *m, const rs_train_ctx *ctx, uint32_t epoch,
    double *loss, rs_error *err);
void *deep_snapshot(const rs_model *m);
void deep_restore(rs_model *m, void *snap);
void deep_free_snapshot(void *snap);
void deep_free_state(rs_model *m);

/* Per-chunk scratch for the dense gradient: NN_CHUNKS buffers of the net's
 * dense size, zeroed. Freed with deep_grads_free. */
float **deep_grads_new(const nn_net *net);
void deep_grads_free(float **g);
/* After nn_chunks_run: add the chunks' dense gradients (bg, freed here) to
 * g and move their row gradients into rows (nsparse tables; chunk c's j-th
 * at crow[c * nsparse + j], as an nn_rows[NN_CHUNKS][nsparse] array lays
 * them out; crow may be NULL). Returns the sum of the chunks' losses. */
double deep_grads_gather(const nn_net *net, float **bg,
    const double loss[NN_CHUNKS], nn_rows *crow, int nsparse, float *g,
    nn_rows *rows);

/* Saved bytes: a magic per kind, the model's header (u32 values), the
 * weights. deep_load_begin checks magic and reads nhead u32s. */
void deep_save_begin(blob *b, uint32_t magic, const uint32_t *head,
    size_t nhead);
bool deep_load_head(blob_reader *r, uint32_t magic, uint32_t *head,
    size_t nhead);

/* Gradient check for tests: the largest relative difference between the
 * analytic gradient of examples ex[0..n) and central differences (step h)
 * over up to per_array coordinates of every array; the difference is
 * relative to |analytic| + |numeric|, or to 0.01 when they are smaller. */
double deep_gradcheck(rs_model *m, const uint32_t *ex, uint32_t n,
    size_t per_array, double h);



/* Similar items by cosine of item vectors V (nitems x dim, row stride
 * stride), items without training rows left out. */
size_t deep_similar_rows(const rs_model *m, const float *V, uint32_t dim,
    uint32_t stride, uint32_t item, uint32_t *out, float *scores, size_t k);
/* Explain: the user's training items weighted by the cosine of their
 * vectors with the item's (the item itself left out), strongest first. */
size_t deep_explain_rows(const rs_model *m, const float *V, uint32_t dim,
    uint32_t stride, uint32_t user, uint32_t item, rs_reason *out, size_t max);
#endif
