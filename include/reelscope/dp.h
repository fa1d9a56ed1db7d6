/* reelscope engine: differential privacy accounting — Rényi DP of the subsampled Gaussian mechanism, and the noise scale for a target epsilon. */
#ifndef REELSCOPE_DP_H
#define REELSCOPE_DP_H

#include <stdint.h>

#include "reelscope/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The sampled Gaussian mechanism (Mironov, Talwar, Zhang 2019): each step
 * takes every record (here: every user) independently with probability q,
 * sums the chosen records' contributions clipped to L2 norm C and adds
 * N(0, σ²C²) to every coordinate of the sum. For integer orders a,
 *   RDP(a) = 1/(a-1) · log Σ_{k=0..a} C(a,k) (1-q)^{a-k} q^k e^{(k²-k)/(2σ²)}
 * (computed in log space: lgamma and log-sum-exp), which for q = 1 is the
 * plain Gaussian a/(2σ²). Over T steps RDP adds up; the (ε, δ) guarantee is
 *   ε = min over a = 2..RS_DP_MAX_ORDER of T·RDP(a) + log(1/δ)/(a-1)
 * (Mironov 2017, Proposition 3). Natural logarithms.
 */
#define RS_DP_MAX_ORDER 256

/* The parameters' problem as a message ("the sampling rate q=0 must be in
 * (0, 1]"), or NULL when fine. sigma <= 0 is a problem; steps 0 is not. */
const char *rs_dp_check(double q, double sigma, double delta, char *buf,
    size_t size);

/* RDP of one step at integer order a >= 2 (q in (0,1], sigma > 0). */
double rs_dp_rdp(double q, double sigma, int order);

/* ε after steps steps at delta, and the order that gave it (*order may be
 * NULL). steps 0 gives 0 (nothing released). -1 with err on bad
 * parameters (rs_dp_check). */
int rs_dp_epsilon(double q, double sigma, uint64_t steps, double delta,
    double *epsilon, int *order, rs_error *err);

/* The smallest σ (to a relative 1e-6, rounded up) whose ε after steps
 * steps at delta is at most epsilon: bisection, ε falling as σ grows. An
 * ε below what any σ reaches with orders up to RS_DP_MAX_ORDER
 * (log(1/δ)/(RS_DP_MAX_ORDER-1)) is an error saying so. */
int rs_dp_sigma(double q, uint64_t steps, double delta, double epsilon,
    double *sigma, rs_error *err);

#ifdef __cplusplus
}
#endif
#endif
