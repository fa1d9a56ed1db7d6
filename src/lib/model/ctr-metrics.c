/* The figures of predicted probabilities against 0/1 labels: AUC, log loss, per-user AUC, calibration error and the base rate (ctr.h states each). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/ctr.h"
#include "util/xmalloc.h"

struct scored {
	double p;
	uint32_t user;
	uint8_t y;
};

static int
by_p(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;

	return (x->p > y->p) - (x->p < y->p);
}

static int
by_user_p(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;

	if (x->user != y->user)
		return (x->user > y->user) - (x->user < y->user);
	return by_p(a, b);
}

/* AUC of rows sorted by p: the rank sum of the positives (tied rows share
 * their mean rank, so a tie counts 1/2); NaN without both classes. */
static double
auc_sorted(const struct scored *s, size_t n)
{
	double ranks = 0, pos = 0;

	for (size_t i = 0; i < n;) {
		size_t j = i, tpos = 0;
		while (j < n && s[j].p == s[i].p)
			tpos += s[j++].y;
		/* ranks i+1 .. j, mean (i + 1 + j) / 2 */
		ranks += (double)tpos * (double)(i + 1 + j) / 2;
		pos += (double)tpos;
		i = j;
	}
	if (pos == 0 || pos == (double)n)
		return NAN;
	return (ranks - pos * (pos + 1) / 2) / (pos * ((double)n - pos));
}

void
rs_ctr_metrics_compute(const double *p, const uint8_t *y, const uint32_t *user,
    size_t n, rs_ctr_metrics *out)
{
	struct scored *s = xmalloc((n ? n : 1) * sizeof *s);
	double ll = 0, wsum = 0, gsum = 0, br;
	size_t pos = 0;

	memset(out, 0, sizeof *out);
	for (size_t r = 0; r < n; r++) {
		double q = p[r] < 1e-15 ? 1e-15 : p[r] > 1 - 1e-15 ? 1 - 1e-15 : p[r];
		int b = p[r] >= 1 ? RS_CTR_BINS - 1 : (int)(p[r] * RS_CTR_BINS);
		b = b < 0 ? 0 : b;
		s[r].p = p[r];
		s[r].y = y[r] != 0;
		s[r].user = user ? user[r] : 0;
		pos += s[r].y;
		ll -= s[r].y ? log(q) : log(1 - q);
		out->bin_rows[b]++;
		out->bin_pred[b] += p[r];
		out->bin_obs[b] += s[r].y;
	}
	out->rows = n;
	out->positives = pos;
	out->logloss = n ? ll / (double)n : NAN;
	br = n ? (double)pos / (double)n : NAN;
	out->base_rate = br;
	out->base_logloss = br > 0 && br < 1 ?
	    -(br * log(br) + (1 - br) * log(1 - br)) : 0;
	out->ece = 0;
	for (int b = 0; b < RS_CTR_BINS; b++) {
		size_t c = out->bin_rows[b];
		out->bin_pred[b] = c ? out->bin_pred[b] / (double)c : NAN;
		out->bin_obs[b] = c ? out->bin_obs[b] / (double)c : NAN;
		if (c)
			out->ece += (double)c / (double)n *
			    fabs(out->bin_pred[b] - out->bin_obs[b]);
	}
	qsort(s, n, sizeof *s, by_p);
	out->auc = auc_sorted(s, n);
	out->gauc = NAN;
	if (user != NULL) {
		qsort(s, n, sizeof *s, by_user_p);
		for (size_t i = 0; i < n;) {
			size_t j = i;
			double a;
			while (j < n && s[j].user == s[i].user)
				j++;
			out->users++;
			a = auc_sorted(s + i, j - i);
			if (!isnan(a)) {
				out->users_both++;
				gsum += a * (double)(j - i);
				wsum += (double)(j - i);
			}
			i = j;
		}
		out->gauc = wsum > 0 ? gsum / wsum : NAN;
	}
	free(s);
}
