/* Summaries of a metric over users: the mean with a 95% confidence interval (t interval, or bootstrap for pair metrics). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/eval.h"
#include "util/random.h"
#include "util/xmalloc.h"

#define BOOTSTRAP 2000

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* rmse/mae over pairs: resample users with replacement, recompute over
 * their pairs, take the 2.5% and 97.5% percentiles. */
static void
bootstrap_pairs(const rs_eval_result *r, bool rmse, uint64_t seed,
    rs_summary *out)
{
	uint32_t *idx = xmalloc((r->nusers ? r->nusers : 1) * sizeof *idx), n = 0;
	double *stat = xmalloc(BOOTSTRAP * sizeof *stat);
	uint64_t s = seed ^ 0x5eedb007ULL;

	for (uint32_t e = 0; e < r->nusers; e++)
		if (r->npairs[e] > 0)
			idx[n++] = e;
	out->n = n;
	if (n < 2) {
		free(idx);
		free(stat);
		return;
	}
	for (int b = 0; b < BOOTSTRAP; b++) {
		double num = 0, den = 0;
		for (uint32_t j = 0; j < n; j++) {
			uint32_t e = idx[rnd_splitmix(&s) % n];
			num += rmse ? r->sq_err[e] : r->abs_err[e];
			den += r->npairs[e];
		}
		stat[b] = rmse ? sqrt(num / den) : num / den;
	}
	qsort(stat, BOOTSTRAP, sizeof *stat, cmp_double);
	/* percentiles by linear interpolation between order statistics */
	{
		double pl = 0.025 * (BOOTSTRAP - 1), ph = 0.975 * (BOOTSTRAP - 1);
		size_t il = (size_t)pl, ih = (size_t)ph;
		out->lo = stat[il] + (pl - il) * (stat[il + 1] - stat[il]);
		out->hi = stat[ih] + (ph - ih) * (stat[ih + 1] - stat[ih]);
	}
	free(idx);
	free(stat);
}

void
rs_eval_summarize(const rs_eval_result *r, size_t j, uint64_t seed,
    rs_summary *out)
{
	double sum = 0, ss = 0;
	uint32_t n = 0;

	out->mean = r->value[j];
	out->lo = out->hi = NAN;
	out->n = r->defined[j];
	switch (r->scope[j]) {
	case RS_SCOPE_GLOBAL:
		return;
	case RS_SCOPE_PAIR:
		bootstrap_pairs(r, strcmp(r->names[j], "rmse") == 0, seed, out);
		return;
	case RS_SCOPE_USER:
		break;
	}
	for (uint32_t e = 0; e < r->nusers; e++) {
		double v = r->per_user[(size_t)e * r->nmetrics + j];
		if (!isnan(v)) {
			sum += v;
			n++;
		}
	}
	out->n = n;
	if (n < 2)
		return;
	for (uint32_t e = 0; e < r->nusers; e++) {
		double v = r->per_user[(size_t)e * r->nmetrics + j];
		if (!isnan(v))
			ss += (v - sum / n) * (v - sum / n);
	}
	{
		double half = rs_stat_t_quantile(0.975, n - 1.0) * sqrt(ss / (n - 1.0)) /
		    sqrt((double)n);
		out->lo = out->mean - half;
		out->hi = out->mean + half;
	}
}
