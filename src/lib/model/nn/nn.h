/* Internal: small neural-network pieces for the deep models — parameters, optimizers, layers, losses, batches. */
#ifndef RS_NN_H
#define RS_NN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/blob.h"
#include "util/random.h"	/* rnd_gen streams */
#include "reelscope/model.h"

/*
 * Conventions. Every matrix is float32, row-major. A batch of n examples
 * is an n x width matrix. Layers are plain functions over caller-owned
 * buffers: forward writes its output, backward ADDS into the weight
 * gradients it is given and OVERWRITES the input gradient (when one is
 * asked for). Matrix products go through cblas_sgemm.
 *
 * Parallelism: a mini-batch is cut into NN_CHUNKS fixed chunks run by
 * OpenMP threads (OpenBLAS single-threaded inside), each with its own
 * gradient buffer; the chunk gradients are then summed in chunk order, so
 * a result depends on the seed only, never on the thread count.
 */
#define NN_CHUNKS 4

/* ---- parameters ---- */

/* One array of learned weights with its Adam moments (m, v: NULL until
 * the optimizer first touches them). Owned by the net that holds it. */
typedef struct nn_array {
	const char *name;
	float *w, *m, *v;
	size_t n;		/* floats */
	uint32_t rows;		/* embedding tables: rows x (n / rows); else 1 */
	bool sparse;		/* updated row by row (embedding tables) */
} nn_array;

#define NN_MAX_ARRAYS 32

/* Every array of a model, in a fixed order (saved in that order). Dense
 * arrays are updated from a flat gradient of their total size (offsets in
 * declaration order); sparse ones row by row. */
typedef struct nn_net {
	nn_array a[NN_MAX_ARRAYS];
	size_t narrays;
	size_t dense_floats;	/* sum of the dense arrays' sizes */
	uint64_t step;		/* optimizer steps taken (Adam bias correction) */
} nn_net;

/* Add an array of n floats (zeroed) and return its weights. rows > 0 makes
 * it a sparse table of rows rows. */
float *nn_net_add(nn_net *net, const char *name, size_t n, uint32_t rows);
void nn_net_free(nn_net *net);
/* The flat-gradient offset of dense array w (as returned by nn_net_add). */
size_t nn_net_offset(const nn_net *net, const float *w);
/* Fill with N(0, std^2) (std 0: leave zero), from stream (seed, purpose). */
void nn_init_normal(float *w, size_t n, double std, uint64_t seed,
    uint64_t purpose);
/* Glorot/Xavier uniform for a fan_out x fan_in matrix. */
void nn_init_glorot(float *w, uint32_t fan_out, uint32_t fan_in,
    uint64_t seed, uint64_t purpose);

/* Snapshots (every weight, no moments), restore, and save/load. */
float *nn_net_snapshot(const nn_net *net);
void nn_net_restore(nn_net *net, const float *snap);
void nn_net_save(const nn_net *net, blob *b);
/* Read weights into a net of the same shape; false when the bytes do not
 * fit (sizes differ, too few bytes). */
bool nn_net_load(nn_net *net, blob_reader *r);
/* Whether every weight is finite. */
bool nn_net_finite(const nn_net *net);

/* ---- optimizers ---- */

enum nn_opt_kind { NN_ADAM, NN_SGD };

typedef struct nn_opt {
	enum nn_opt_kind kind;
	float lr;
	float wd;		/* decoupled weight decay (AdamW; plain L2 for SGD) */
	float b1, b2, eps;	/* Adam */
} nn_opt;

void nn_opt_init(nn_opt *o, enum nn_opt_kind kind, double lr, double wd);
/* One step over the dense arrays from the flat gradient g (dense_floats),
 * scaled by scale. Increments net->step first. */
void nn_opt_dense(const nn_opt *o, nn_net *net, const float *g, float scale);

/* Gradients of the rows of sparse tables, accumulated example by example
 * in a fixed order: slot[row] says where a touched row's gradient lives. */
typedef struct nn_rows {
	uint32_t dim, nrows;	/* the table's shape */
	int32_t *slot;		/* nrows: -1 when untouched */
	uint32_t *touched;	/* the touched rows, in first-touch order */
	float *g;		/* touched x dim */
	size_t ntouched, cap;
} nn_rows;

void nn_rows_init(nn_rows *r, uint32_t nrows, uint32_t dim);
void nn_rows_free(nn_rows *r);
/* Add scale * grad (dim floats) to row's gradient. */
void nn_rows_add(nn_rows *r, uint32_t row, const float *grad, float scale);
/* Apply the optimizer to the touched rows of table a (lazy Adam: moments of
 * untouched rows stay), then forget them. Uses net->step as it is (call
 * after nn_opt_dense, or nn_net_tick without dense arrays). */
void nn_opt_rows(const nn_opt *o, nn_net *net, nn_array *a, nn_rows *r,
    float scale);
/* Count one step for nets with sparse arrays only. */
void nn_net_tick(nn_net *net);
/* The array holding weights w. */
nn_array *nn_net_array(nn_net *net, const float *w);

/* ---- layers ---- */

/* y (n x out) = x (n x in) W^T + b; W is out x in, b may be NULL. */
void nn_dense_fwd(const float *W, const float *b, uint32_t in, uint32_t out,
    const float *x, uint32_t n, float *y);
/* dW += dy^T x, db += column sums of dy (when db), dx = dy W (when dx). */
void nn_dense_bwd(const float *W, uint32_t in, uint32_t out, const float *x,
    const float *dy, uint32_t n, float *dW, float *db, float *dx);

enum nn_act { NN_LINEAR, NN_RELU, NN_TANH, NN_SIGMOID };

/* y = f(x) in place over n floats. */
void nn_act_fwd(enum nn_act f, float *x, size_t n);
/* dy *= f'(.) given the activation's output y, in place. */
void nn_act_bwd(enum nn_act f, const float *y, float *dy, size_t n);

/* Inverted dropout: mask[k] = 0 with probability p, else 1 / (1 - p);
 * x *= mask. Backward: dy *= mask. */
void nn_dropout_fwd(float *x, float *mask, size_t n, float p, rnd_gen *rng);
void nn_dropout_bwd(float *dy, const float *mask, size_t n);

/* Embedding lookup: out row k = table row idx[k] (dim floats). */
void nn_embed_fwd(const float *table, uint32_t dim, const uint32_t *idx,
    uint32_t n, float *out);

/* GRU cell (the form of Cho et al. 2014 with the reset gate applied after
 * the recurrent product):
 *   z = sigma(x Wz + h Uz + bz), r = sigma(x Wr + h Ur + br),
 *   c = tanh(x Wc + bc + r * (h Uc + buc)), h' = (1 - z) * c + z * h.
 * Wx is 3H x D (rows z, r, c), Uh is 3H x H, bx and bh 3H. */
typedef struct nn_gru_cache {
	float *z, *r, *c;	/* n x H */
	float *uc;		/* n x H: h Uc + buc */
} nn_gru_cache;

/* scratch: n x 6H floats */
void nn_gru_fwd(const float *Wx, const float *Uh, const float *bx,
    const float *bh, uint32_t D, uint32_t H, const float *x, const float *h,
    uint32_t n, float *hout, nn_gru_cache *cache, float *scratch);
/* Given dhout (n x H): gradients into dWx, dUh, dbx, dbh (added), dx
 * (n x D, overwritten, when dx), dh (n x H, overwritten). scratch: n x 6H. */
void nn_gru_bwd(const float *Wx, const float *Uh, uint32_t D, uint32_t H,
    const float *x, const float *h, uint32_t n, const nn_gru_cache *cache,
    const float *dhout, float *dWx, float *dUh, float *dbx, float *dbh,
    float *dx, float *dh, float *scratch);

/* 1-D convolution over L positions of C channels (x is L x C) with F
 * filters of width w (K is F x (w*C), b F): y is (L-w+1) x F,
 * y[t][f] = b[f] + sum K[f][j*C + c] x[t + j][c]. col: (L-w+1) x wC. */
void nn_conv1d_fwd(const float *K, const float *b, uint32_t L, uint32_t C,
    uint32_t w, uint32_t F, const float *x, float *col, float *y);
/* dK += dy^T col, db += sums, dx (L x C) += the input gradient (added).
 * col must hold the forward pass's columns; dcol: (L-w+1) x wC scratch. */
void nn_conv1d_bwd(const float *K, uint32_t L, uint32_t C, uint32_t w,
    uint32_t F, const float *col, const float *dy, float *dK, float *db,
    float *dx, float *dcol);

/* ---- losses (mean over nothing: sums; callers scale) ---- */

/* Binary cross-entropy with logits: returns sum of losses, dlogit =
 * sigma(s) - y (times weight 1). */
double nn_bce_logits(const float *s, const float *y, size_t n, float *ds);
/* Softmax cross-entropy of one row of n logits with target t: returns the
 * loss, ds = softmax - onehot. */
double nn_softmax_xent(const float *s, uint32_t n, uint32_t t, float *ds);
/* BPR-max (Hidasi & Karatzoglou 2018) of one row: target t against the
 * other n-1 logits, softmax weights over the negatives, plus
 * reg * sum_j w_j s_j^2. Returns the loss, ds its gradient. */
double nn_bpr_max(const float *s, uint32_t n, uint32_t t, float reg,
    float *ds);

/* ---- batches ---- */

/* Run fn(ctx, chunk, lo, hi) for the NN_CHUNKS chunks of [0, n) at once
 * (OpenBLAS single-threaded inside); chunks run in any order. */
typedef void (*nn_chunk_fn)(void *ctx, uint32_t chunk, uint32_t lo, uint32_t hi);
void nn_chunks_run(uint32_t n, nn_chunk_fn fn, void *ctx, bool parallel);

/* Sum the NN_CHUNKS gradient buffers g[c] (len floats each) into g[0] in
 * chunk order. */
void nn_chunks_reduce(float *const *g, size_t len);

/* A random permutation of 0..n-1. */
void nn_permute(uint32_t *perm, uint32_t n, rnd_gen *r);

/* Common parameter checks: names the parameter. */
int nn_check_sizes(const rs_model *m, const char *const *names, rs_error *err);

/* The optimizer a model's parameters ask for (optimizer=, lr=, wd=). */
void nn_opt_from_params(nn_opt *o, const rs_model *m);

/* Whether j is one of u's training items (binary search). */
bool nn_is_positive(const rs_imat *t, uint32_t u, uint32_t j);

/* Each user's training items ordered by time (ties: item order): seq[ptr[u]
 * .. ptr[u+1]). NULL with err naming the missing column when the training
 * rows carry no times. */
typedef struct nn_seqs {
	uint32_t nusers;
	uint64_t *ptr;
	uint32_t *item;
} nn_seqs;

nn_seqs *nn_seqs_build(const rs_imat *t, const char *model, rs_error *err);
/* User u's training items in time order (items without a time first; ties
 * by item) into items (room for the user's row count); returns the count. */
size_t nn_user_history(const rs_imat *t, uint32_t u, uint32_t *items);
void nn_seqs_free(nn_seqs *s);

#endif
