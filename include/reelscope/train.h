/* reelscope engine: training a model kind on the current split — the matrices, the checks, the loop, the hooks. */
#ifndef REELSCOPE_TRAIN_H
#define REELSCOPE_TRAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"
#include "reelscope/model.h"
#include "reelscope/workspace.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Inverse-propensity weighting of the training loss (mf): each training
 * pair's squared error counts w times, w from the log's propensity column:
 * ips w = (1/p) / mean over all training pairs of 1/p (Schnabel et al.
 * 2016, scaled to mean 1 so the learning rate keeps its meaning); snips
 * w = (1/p) / mean of 1/p over the user's training pairs (self-normalised
 * per user). */
enum rs_weighting { RS_WEIGHT_NONE, RS_WEIGHT_IPS, RS_WEIGHT_SNIPS };

/* What to train. Every pointer is borrowed for the length of the call. */
typedef struct rs_train_request {
	const char *kind;	/* the kind's name (rs_model_kinds) */
	const char *name;	/* the new model's name */
	char *const *keys, *const *values;	/* the kind's parameters (copied) */
	size_t nparams;
	const char *signal;	/* as rs_imat_opts: column, NULL or "none" */
	double threshold;	/* keep rows with signal >= threshold (NaN: all) */
	int binary;		/* kept rows become 1: 1, 0, or -1 for the kind's
				   default (rs_model_kind_binary) */
	rs_fit_opts fit;	/* epochs, patience, metric, validation users;
				   epochs also shows in the model's epochs */
	uint64_t seed;
	int weighting;		/* enum rs_weighting (kinds with weights: mf) */
	const char *propensity;	/* its column (NULL: "propensity") */
	const rs_hooks *hooks;	/* progress (nonzero stops, keeping the best
				   epoch) and notes; may be NULL */
	/* called once the model exists and its data is built, just before it
	 * trains, so a live view can follow m->history; may be NULL */
	void (*started)(void *arg, const rs_model *m);
	void *started_arg;
} rs_train_request;

/* Defaults: no parameters, binary by kind, rs_fit_opts_init, seed 1. */
void rs_train_request_init(rs_train_request *r);

/* Whether a kind trains on 0/1 values unless told otherwise: ranking kinds
 * that do not read the signal as a confidence weight. */
bool rs_model_kind_binary(const rs_model_kind *k);

/* What a model may read while it trains besides its data: the workspace's
 * item features and models (a hybrid blends them). Borrowed. */
typedef struct rs_train_env {
	const rs_dataset *ds;
	const void *features;
	rs_model *const *models;
	size_t nmodels;
} rs_train_env;

/* The matrices of the split: the training part, and the validation part
 * (held-out validation rows when the split read them from a file), or NULL
 * when the split kept none. Owned; free with rs_train_set_free. */
typedef struct rs_train_set {
	rs_imat *train;
	rs_imat *valid;
} rs_train_set;

/* Build the matrices for kind k with req's signal, threshold and binary.
 * 0, or -1 with err (also when no training rows are left). */
int rs_train_set_build(const rs_dataset *ds, const rs_model_kind *k,
    const rs_train_request *req, rs_train_set *set, rs_error *err);
void rs_train_set_free(rs_train_set *set);

/* The outcome of a training. */
typedef struct rs_trained {
	rs_model *model;	/* see the functions for who owns it */
	bool validated;		/* validation rows scored the epochs */
} rs_trained;

/* Check req, create the model and fit it (rs_model_fit: validation, early
 * stopping, best epoch, Ctrl-C through req->hooks). With shared == NULL the
 * matrices are built here and the model owns its training matrix; with a
 * shared set (tune trains many models on one) m->train points into it and
 * the caller owns it (clear m->train before rs_model_free). Returns 0, 1
 * when a non-finite loss stopped training and the last good epoch was kept
 * (err says where), or -1 with err (RS_ECANCEL: interrupted before any
 * epoch finished); out->model is the caller's on 0 and 1. */
int rs_model_train(const rs_train_env *env, const rs_train_request *req,
    const rs_train_set *shared, rs_trained *out, rs_error *err);

/* rs_model_train on the workspace's data and current split, with its
 * features and models; the model joins the workspace under its name
 * (replacing one of that name), which owns it: out->model is borrowed. */
int rs_workspace_train(rs_workspace *ws, const rs_train_request *req,
    rs_trained *out, rs_error *err);
/* The same training, but the model does not join the workspace: out->model
 * is the caller's (rs_model_free), trained on the current split as it is now
 * (compare trains its missing baselines this way and keeps nothing). */
int rs_workspace_train_apart(const rs_workspace *ws, const rs_train_request *req,
    rs_trained *out, rs_error *err);

#ifdef __cplusplus
}
#endif
#endif
