/* reelscope engine: bias in logged feedback — propensities of logged pairs, unbiased (IPS, SNIPS) ranking estimates, checks against a fully observed block. */
#ifndef REELSCOPE_BIAS_H
#define REELSCOPE_BIAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Propensities. p(u, i) is the chance that the logging policy showed item i
 * to user u; a logged pair stands for 1/p pairs of the full matrix.
 *   pop    p(u, i) = (n_i / max_j n_j)^eta, n_i = log rows of item i (every
 *          part of the log): Yang et al. 2018's popularity model, with
 *          eta = (gamma + 1) / 2; scaled so the most logged item has 1;
 *          the estimators below do not depend on that scale.
 *   truth  the simulator's own propensity (generate truth=yes writes
 *          truth/propensity.csv beside the log): read per (user, video).
 * Every p below clip is raised to clip (clip = 0: none), which bounds the
 * weights 1/p by 1/clip: less variance, a bias towards the naive estimate.
 * They are a number column of the log (name, default "propensity").
 */
enum rs_prop_method { RS_PROP_POP, RS_PROP_TRUTH, RS_PROP_NMETHODS };

typedef struct rs_prop_opts {
	int method;		/* enum rs_prop_method */
	double eta;		/* pop: exponent (0.5) */
	double clip;		/* lower bound of p, 0 <= clip < 1 (0.01) */
	const char *name;	/* the column (NULL: "propensity") */
} rs_prop_opts;

void rs_prop_opts_init(rs_prop_opts *o);
/* The method named name ("pop", "truth"), or -1. */
int rs_prop_method_find(const char *name);
const char *rs_prop_method_name(int method);
/* NULL when the options are right, else why not (static text). */
const char *rs_prop_opts_check(const rs_prop_opts *o);

/* The distribution of a propensity column over the log's rows. */
typedef struct rs_prop_summary {
	size_t n;		/* rows */
	double min, q10, median, q90, max;
	size_t clipped;		/* rows raised to clip (when computed) */
	double ess;		/* (Σ w)² / Σ w², w = 1/p, over the rows */
} rs_prop_summary;

/* Compute the propensities of every log row of ds and set them as the
 * column o->name (replacing one of that name); 0, or -1 with err set and
 * ds unchanged. sum (may be NULL) receives their distribution. */
int rs_propensity_compute(rs_dataset *ds, const rs_prop_opts *o,
    rs_prop_summary *sum, rs_error *err);
/* The distribution of the column name (NULL: "propensity") of the log,
 * clipped counted below clip; -1 with err when it is missing or holds a
 * value that is not in (0, 1]. */
int rs_propensity_summarize(const rs_dataset *ds, const char *name,
    double clip, rs_prop_summary *sum, rs_error *err);

/*
 * Estimators of recall@k and ndcg@k from logged held-out pairs. For user u,
 * S*_u = its relevant logged held-out pairs (n_u of them), w_i = 1/p(u, i),
 * h_i = 1 when i is in u's top k, g_i = h_i / log2(rank + 1); the truth
 * would average over every relevant pair S_u of the full matrix:
 *   recall_u = mean over S_u of h, ndcg_u = (|S_u| / IDCG_k(|S_u|)) mean g.
 *   naive  means over S*_u, |S_u| ~ n_u: eval's own figures; unbiased only
 *          when every pair is logged with the same chance;
 *   ips    Σ w h / (n_u W), |S_u| ~ n_u W, W = the mean of w over every
 *          user's S*_u (one global scale): unbiased when the propensities
 *          are right and each user's logging rate is the average one;
 *   snips  Σ w h / Σ w, |S_u| ~ Σ w over S*_u: self-normalised per user,
 *          consistent, slightly biased for users with few pairs.
 * IDCG_k(x) for a fractional x interpolates between the whole numbers.
 * The headline is the mean over users with relevant pairs; its 95%
 * interval is the normal approximation mean ± 1.96 sd / sqrt(n) (W held
 * fixed).
 */
enum rs_estimator { RS_EST_NAIVE, RS_EST_IPS, RS_EST_SNIPS, RS_EST_COUNT };

const char *rs_estimator_name(int e);
int rs_estimator_find(const char *name);

typedef struct rs_estimate_opts {
	uint32_t k;
	const char *propensity;	/* column of the log (NULL: "propensity") */
	const char *relevant;	/* relevance column (NULL: every held-out row) */
	double relevant_min;
	bool relevant_strict;
	bool in_block;		/* only pairs within the observed block's
				   users and items (debias) */
} rs_estimate_opts;

void rs_estimate_opts_init(rs_estimate_opts *o);

/* An estimate: the mean over users and its 95% interval (NaN: none). */
typedef struct rs_est_value {
	double mean, lo, hi;
	uint32_t n;		/* users */
} rs_est_value;

typedef struct rs_estimate {
	uint32_t k;
	rs_est_value recall[RS_EST_COUNT];
	rs_est_value ndcg[RS_EST_COUNT];
	size_t pairs;		/* relevant logged pairs used */
	uint32_t users;		/* users with at least one */
	double mean_weight;	/* W */
} rs_estimate;

/* Every estimator of r's lists (from an evaluation of ds, whose top-k
 * lists must reach k) against the log's test rows of r's users: the rows
 * with part RS_TEST, pairs the user also has in training left out.
 * -1 with err when ds has no log test part, the propensity column is
 * missing, or a relevant pair's propensity is missing, 0 or above 1. */
struct rs_eval_result;
int rs_estimate_run(const rs_dataset *ds, const struct rs_eval_result *r,
    const rs_estimate_opts *o, rs_estimate *out, rs_error *err);

/*
 * The check against the truth (debias): on data whose log is split (its test
 * rows are the logged held-out pairs) and which has a fully observed block,
 * each model is evaluated on the block (the truth: its users, the block's
 * items as candidates, relevance value >= effective or relevant=), and the
 * same top-k lists are scored from the log's relevant test pairs inside the
 * block by each estimator: the estimand is the same, only the data differ.
 */
typedef struct rs_debias_opts {
	uint32_t k;
	bool ndcg;		/* the metric: ndcg@k (else recall@k) */
	const char *propensity;	/* NULL: "propensity" */
	const char *relevant;	/* relevance column (NULL: the value column) */
	double relevant_min;	/* NaN: the effective-view threshold */
	bool relevant_strict;
	double effective;	/* 2.0 */
	const rs_hooks *hooks;
} rs_debias_opts;

void rs_debias_opts_init(rs_debias_opts *o);

typedef struct rs_debias_row {
	char *model;
	double truth;		/* the metric on the observed block */
	uint32_t truth_users;
	rs_est_value est[RS_EST_COUNT];
	double error[RS_EST_COUNT];	/* |estimate - truth| */
	size_t pairs;		/* relevant logged test pairs used */
	double mean_weight;
} rs_debias_row;

typedef struct rs_debias_result {
	char metric[32];	/* "ndcg@10" */
	rs_debias_row *rows;
	size_t nrows;
	double tau[RS_EST_COUNT];	/* Kendall tau-b vs the truth's order
					   (NaN: fewer than two models) */
} rs_debias_result;

struct rs_model;
/* Check models[0..n) (caller owns out; free with rs_debias_result_free);
 * -1 with err when there is no observed block, no log test part, no
 * propensities, or an evaluation fails. */
int rs_debias_check(const rs_dataset *ds, struct rs_model *const *models,
    size_t n, const rs_debias_opts *o, rs_debias_result *out, rs_error *err);
void rs_debias_result_free(rs_debias_result *r);

/* Kendall's tau-b between two orders of n values (NaN pairs skipped); NaN
 * when fewer than two usable values or one side is all ties. */
double rs_kendall_tau(const double *a, const double *b, size_t n);

#ifdef __cplusplus
}
#endif
#endif
