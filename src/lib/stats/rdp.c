/* The Rényi DP accountant of the subsampled Gaussian mechanism (dp.h): ε from the noise, and the noise from a target ε. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "reelscope/dp.h"

const char *
rs_dp_check(double q, double sigma, double delta, char *buf, size_t size)
{
	if (!(q > 0 && q <= 1))
		snprintf(buf, size, "the sampling rate %g must be in (0, 1]", q);
	else if (!(sigma > 0) || !isfinite(sigma))
		snprintf(buf, size, "the noise multiplier sigma %g must be above 0", sigma);
	else if (!(delta > 0 && delta < 1))
		snprintf(buf, size, "delta %g must be between 0 and 1 (both excluded)", delta);
	else
		return NULL;
	return buf;
}

/* log(e^a + e^b) without overflow */
static double
log_add(double a, double b)
{
	double hi = a > b ? a : b, lo = a > b ? b : a;

	if (hi == -INFINITY)
		return -INFINITY;
	return hi + log1p(exp(lo - hi));
}

double
rs_dp_rdp(double q, double sigma, int a)
{
	double lq = log(q), l1q = q < 1 ? log1p(-q) : -INFINITY;
	double acc = -INFINITY, s2 = 2 * sigma * sigma;

	for (int k = 0; k <= a; k++) {
		double term;
		if (k < a && q == 1)
			continue;	/* (1-q)^(a-k) = 0 */
		term = lgamma(a + 1.0) - lgamma(k + 1.0) - lgamma(a - k + 1.0) +
		    (a - k) * (k < a ? l1q : 0) + k * lq +
		    ((double)k * k - k) / s2;
		acc = log_add(acc, term);
	}
	return acc / (a - 1);
}

int
rs_dp_epsilon(double q, double sigma, uint64_t steps, double delta,
    double *epsilon, int *order, rs_error *err)
{
	char msg[128];
	double best = INFINITY, ld = log(1 / delta);
	int at = 2;

	if (rs_dp_check(q, sigma, delta, msg, sizeof msg) != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", msg);
		return -1;
	}
	for (int a = 2; a <= RS_DP_MAX_ORDER; a++) {
		double e = (double)steps * rs_dp_rdp(q, sigma, a) + ld / (a - 1);
		if (e < best) {
			best = e;
			at = a;
		}
	}
	*epsilon = steps == 0 ? 0 : best;
	if (order != NULL)
		*order = at;
	return 0;
}

int
rs_dp_sigma(double q, uint64_t steps, double delta, double epsilon,
    double *sigma, rs_error *err)
{
	char msg[128];
	double lo = 1e-3, hi = 1, e, floor_eps;

	if (rs_dp_check(q, 1, delta, msg, sizeof msg) != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", msg);
		return -1;
	}
	if (!(epsilon > 0) || !isfinite(epsilon)) {
		rs_error_set(err, RS_EINVAL, "epsilon %g must be above 0", epsilon);
		return -1;
	}
	floor_eps = log(1 / delta) / (RS_DP_MAX_ORDER - 1);
	if (epsilon <= floor_eps * 1.0001) {
		rs_error_set(err, RS_EINVAL,
		    "epsilon %g is out of reach: with orders up to %d no noise gets below log(1/delta)/%d = %.4g",
		    epsilon, RS_DP_MAX_ORDER, RS_DP_MAX_ORDER - 1, floor_eps);
		return -1;
	}
	if (steps == 0) {
		*sigma = lo;
		return 0;
	}
	/* grow hi until it is enough; ε falls towards floor_eps as σ grows */
	for (;;) {
		rs_dp_epsilon(q, hi, steps, delta, &e, NULL, err);
		if (e <= epsilon)
			break;
		lo = hi;
		hi *= 2;
		if (hi > 1e12) {
			rs_error_set(err, RS_EINVAL, "epsilon %g needs more noise than sigma 1e12", epsilon);
			return -1;
		}
	}
	while (hi - lo > 1e-6 * hi) {
		double mid = (lo + hi) / 2;
		rs_dp_epsilon(q, mid, steps, delta, &e, NULL, err);
		if (e <= epsilon)
			hi = mid;
		else
			lo = mid;
	}
	*sigma = hi;
	return 0;
}
