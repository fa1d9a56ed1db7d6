/* Paired significance tests over users: Student's t and Wilcoxon's signed-rank, with effect sizes. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/eval.h"
#include "util/xmalloc.h"

static int
cmp_abs(const void *x, const void *y)
{
	double a = fabs(*(const double *)x), b = fabs(*(const double *)y);

	return (a > b) - (a < b);
}

/* Wilcoxon signed-rank on the nonzero differences d[0..n). */
static void
wilcoxon(double *d, size_t n, rs_paired *out)
{
	double wp = 0, wm = 0, ties = 0, mean, var, dev;
	size_t i = 0;

	qsort(d, n, sizeof *d, cmp_abs);
	while (i < n) {
		size_t j = i;
		double rank, t;
		while (j + 1 < n && fabs(d[j + 1]) == fabs(d[i]))
			j++;
		rank = (double)(i + j + 2) / 2;	/* the average of ranks i+1..j+1 */
		for (size_t q = i; q <= j; q++) {
			if (d[q] > 0)
				wp += rank;
			else
				wm += rank;
		}
		t = (double)(j - i + 1);
		ties += t * t * t - t;
		i = j + 1;
	}
	out->w_plus = wp;
	out->w_minus = wm;
	out->rank_biserial = n > 0 ? (wp - wm) / (wp + wm) : 0;
	if (n == 0) {
		out->z = 0;
		out->p_w = 1;
		return;
	}
	mean = (double)n * (double)(n + 1) / 4;
	var = (double)n * (double)(n + 1) * (double)(2 * n + 1) / 24 - ties / 48;
	dev = wp - mean;
	/* continuity correction: move half a unit towards the mean */
	if (fabs(dev) <= 0.5)
		dev = 0;
	else
		dev -= dev > 0 ? 0.5 : -0.5;
	if (!(var > 0)) {
		out->z = 0;
		out->p_w = 1;
		return;
	}
	out->z = dev / sqrt(var);
	out->p_w = erfc(fabs(out->z) / sqrt(2.0));
	if (out->p_w > 1)
		out->p_w = 1;
}

int
rs_paired_test(const double *a, const double *b, size_t n, rs_paired *out,
    rs_error *err)
{
	double *d = xmalloc((n ? n : 1) * sizeof *d), sa = 0, sb = 0, sd = 0, ss = 0;
	size_t m = 0, nz = 0;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++)
		if (isfinite(a[i]) && isfinite(b[i])) {
			sa += a[i];
			sb += b[i];
			d[m++] = a[i] - b[i];
		}
	out->n = m;	/* also when too few, for the message */
	if (m < 2) {
		free(d);
		rs_error_set(err, RS_EINVAL,
		    "a paired test needs at least 2 users with values for both models (found %zu)", m);
		return -1;
	}
	out->mean_a = sa / (double)m;
	out->mean_b = sb / (double)m;
	for (size_t i = 0; i < m; i++)
		sd += d[i];
	out->mean_diff = sd / (double)m;
	for (size_t i = 0; i < m; i++)
		ss += (d[i] - out->mean_diff) * (d[i] - out->mean_diff);
	out->sd_diff = sqrt(ss / (double)(m - 1));
	out->df = (double)(m - 1);
	if (out->sd_diff > 0) {
		double se = out->sd_diff / sqrt((double)m), tq = rs_stat_t_quantile(0.975, out->df);
		out->t = out->mean_diff / se;
		/* two-sided, straight from the beta function (no 1 - cdf rounding) */
		out->p_t = rs_stat_incbeta(out->df / 2, 0.5, out->df / (out->df + out->t * out->t));
		out->dz = out->mean_diff / out->sd_diff;
		out->diff_lo = out->mean_diff - tq * se;
		out->diff_hi = out->mean_diff + tq * se;
	} else {
		/* every difference is the same number */
		out->t = out->mean_diff == 0 ? 0 : copysign(INFINITY, out->mean_diff);
		out->p_t = out->mean_diff == 0 ? 1 : 0;
		out->dz = out->mean_diff == 0 ? 0 : copysign(INFINITY, out->mean_diff);
		out->diff_lo = out->diff_hi = out->mean_diff;
	}
	/* Wilcoxon drops zero differences */
	for (size_t i = 0; i < m; i++)
		if (d[i] != 0)
			d[nz++] = d[i];
	out->nonzero = nz;
	out->zeros = m - nz;
	wilcoxon(d, nz, out);
	free(d);
	return 0;
}

int
rs_eval_paired(const rs_eval_result *a, const rs_eval_result *b,
    const char *metric, rs_paired *out, rs_error *err)
{
	int ja = rs_eval_metric_index(a, metric), jb = rs_eval_metric_index(b, metric);
	double *va, *vb;
	int rc;

	if (ja < 0 || jb < 0) {
		rs_error_set(err, RS_EINVAL, "%s has no %s", ja < 0 ? a->model : b->model, metric);
		return -1;
	}
	/* one protocol gives both results the same users in the same order */
	if (a->nusers != b->nusers || (a->nusers > 0 &&
	    memcmp(a->users, b->users, a->nusers * sizeof *a->users) != 0)) {
		rs_error_set(err, RS_EINVAL, "%s and %s were not evaluated on the same users",
		    a->model, b->model);
		return -1;
	}
	va = xmalloc((a->nusers ? a->nusers : 1) * sizeof *va);
	vb = xmalloc((a->nusers ? a->nusers : 1) * sizeof *vb);
	for (uint32_t e = 0; e < a->nusers; e++) {
		va[e] = a->per_user[(size_t)e * a->nmetrics + (size_t)ja];
		vb[e] = b->per_user[(size_t)e * b->nmetrics + (size_t)jb];
	}
	rc = rs_paired_test(va, vb, a->nusers, out, err);
	free(va);
	free(vb);
	return rc;
}

bool
rs_paired_beats(const rs_paired *pt, enum rs_metric_sense sense)
{
	bool better = sense == RS_LOWER ? pt->mean_a < pt->mean_b :
	    sense == RS_HIGHER && pt->mean_a > pt->mean_b;

	return better && pt->p_t < RS_BEAT_ALPHA;
}
