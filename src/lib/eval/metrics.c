/* Metric kernels for one user's ranked list (ranking, AUC, diversity) and the catalogue of metric names. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval-int.h"
#include "util/xmalloc.h"

const struct metric_family_info rs_metric_families[MF_COUNT] = {
	[MF_RMSE] = { "rmse", false, RS_SCOPE_PAIR, RS_LOWER },
	[MF_MAE] = { "mae", false, RS_SCOPE_PAIR, RS_LOWER },
	[MF_PRECISION] = { "precision", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_RECALL] = { "recall", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_NDCG] = { "ndcg", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_MAP] = { "map", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_MRR] = { "mrr", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_HIT] = { "hit", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_AUC] = { "auc", false, RS_SCOPE_USER, RS_HIGHER },
	[MF_ITEM_COV] = { "item_coverage", true, RS_SCOPE_GLOBAL, RS_HIGHER },
	[MF_CREATOR_COV] = { "creator_coverage", true, RS_SCOPE_GLOBAL, RS_HIGHER },
	[MF_NOVELTY] = { "novelty", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_DIVERSITY] = { "diversity", true, RS_SCOPE_USER, RS_HIGHER },
	/* popular is neither good nor bad: audits read it, no "best" */
	[MF_POPULARITY] = { "popularity", true, RS_SCOPE_USER, RS_NEUTRAL },
	[MF_WATCH] = { "watch_ratio", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_COMPLETION] = { "completion", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_EFFECTIVE] = { "effective", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_DWELL] = { "dwell", true, RS_SCOPE_USER, RS_HIGHER },
	[MF_LIKE] = { "like", true, RS_SCOPE_USER, RS_HIGHER },
};

int
rs_metric_parse(const char *name, uint32_t *k)
{
	const char *at = strchr(name, '@');
	size_t len = at ? (size_t)(at - name) : strlen(name);

	*k = 0;
	for (int f = 0; f < MF_COUNT; f++) {
		const struct metric_family_info *mf = &rs_metric_families[f];
		if (strlen(mf->name) != len || strncmp(mf->name, name, len) != 0)
			continue;
		if (mf->at_k != (at != NULL))
			return -1;
		if (at != NULL) {
			char *end;
			long v;
			if (at[1] < '1' || at[1] > '9')
				return -1;
			v = strtol(at + 1, &end, 10);
			if (*end != '\0' || v < 1 || v > 100000)
				return -1;
			*k = (uint32_t)v;
		}
		return f;
	}
	return -1;
}

const char *
rs_eval_metric_families(void)
{
	static char list[512];

	if (list[0] == '\0')
		for (int f = 0; f < MF_COUNT; f++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s%s",
			    f ? ", " : "", rs_metric_families[f].name,
			    rs_metric_families[f].at_k ? "@K" : "");
	return list;
}

const char *
rs_eval_metric_check(const char *name)
{
	static char msg[160];
	uint32_t k;
	const char *at = strchr(name, '@');
	size_t len = at ? (size_t)(at - name) : strlen(name);

	if (rs_metric_parse(name, &k) >= 0)
		return NULL;
	for (int f = 0; f < MF_COUNT; f++) {
		const struct metric_family_info *mf = &rs_metric_families[f];
		if (strlen(mf->name) != len || strncmp(mf->name, name, len) != 0)
			continue;
		if (mf->at_k)
			snprintf(msg, sizeof msg, "needs a cutoff from 1 to 100000 (%s@K)", mf->name);
		else
			snprintf(msg, sizeof msg, "takes no cutoff (%s)", mf->name);
		return msg;
	}
	return "is not a metric";
}

enum rs_metric_sense
rs_eval_metric_sense(const char *name)
{
	uint32_t k;
	int f = rs_metric_parse(name, &k);

	return f < 0 ? RS_NEUTRAL : rs_metric_families[f].sense;
}

/* ---- ranking metrics of one list ---- */

void
rs_rank_metrics_at(const uint8_t *rel_at, size_t n, size_t k, size_t nrel,
    rs_rank_metrics *out)
{
	size_t hits = 0, m = n < k ? n : k, ideal = nrel < k ? nrel : k;
	double dcg = 0, idcg = 0, ap = 0, rr = 0;

	memset(out, 0, sizeof *out);
	if (nrel == 0 || k == 0) {
		out->precision = out->recall = out->ndcg = out->map = out->mrr =
		    out->hit = NAN;
		return;
	}
	for (size_t r = 0; r < m; r++) {
		if (!rel_at[r])
			continue;
		hits++;
		dcg += 1.0 / log2((double)r + 2.0);
		ap += (double)hits / (double)(r + 1);
		if (rr == 0)
			rr = 1.0 / (double)(r + 1);
	}
	for (size_t r = 0; r < ideal; r++)
		idcg += 1.0 / log2((double)r + 2.0);
	out->precision = (double)hits / (double)k;
	out->recall = (double)hits / (double)nrel;
	out->ndcg = dcg / idcg;
	out->map = ap / (double)ideal;
	out->mrr = rr;
	out->hit = hits > 0;
}

/* ---- AUC ---- */

/*
 * The numerator counts, for each relevant item p, the candidates scored
 * below it plus half those tied with it: Σ_p [#{c: s_c < s_p} + ½#{c: s_c = s_p}].
 * Over every candidate (the relevant ones included) the relevant items
 * contribute exactly npos²/2 among themselves (each pair of them gives 1 in
 * total, each one ½ against itself), so
 *   AUC = (Σ_p [#{c < p} + ½#{c = p}] - npos²/2) / (npos · nneg).
 * Few relevant items: one vectorized pass over the candidates per relevant
 * item, excluded entries (items seen in training) taken back out after.
 * Many: the candidates' scores radix-sorted, then merged with the sorted
 * relevant scores — linear, whatever the distribution of scores or ties.
 */
static double
above_direct(const float *pos, size_t npos, const float *cand, size_t ncand,
    const uint32_t *excl, size_t nexcl)
{
	double above = 0;

	for (size_t p = 0; p < npos; p++) {
		float sp = pos[p];
		uint32_t lt = 0, eq = 0;
		#pragma omp simd reduction(+:lt, eq)
		for (size_t i = 0; i < ncand; i++) {
			lt += cand[i] < sp;
			eq += cand[i] == sp;
		}
		for (size_t e = 0; e < nexcl; e++) {
			lt -= cand[excl[e]] < sp;
			eq -= cand[excl[e]] == sp;
		}
		above += lt + 0.5 * eq;
	}
	return above;
}

/* A float as an unsigned key with the same order (-inf lowest, no NaN);
 * adding +0 turns -0 into +0 so the two tie. Branch-free, so loops over it
 * vectorize. */
static inline uint32_t
float_key(float x)
{
	uint32_t u;

	x += 0.0f;
	memcpy(&u, &x, sizeof u);
	return u ^ ((uint32_t)-(int32_t)(u >> 31) | 0x80000000u);
}

/* LSD radix sort of keys, 11 bits a pass (three passes cover 32 bits with
 * counters that stay in the L1 cache); passes where every key has the same
 * digit are skipped. tmp has room for n keys. Returns the sorted array
 * (keys or tmp). */
static uint32_t *
radix_sort(uint32_t *keys, uint32_t *tmp, size_t n)
{
	static const int shift[3] = { 0, 11, 22 };
	uint32_t hist[3][2048];

	memset(hist, 0, sizeof hist);
	for (size_t i = 0; i < n; i++) {
		uint32_t k = keys[i];
		hist[0][k & 2047]++;
		hist[1][(k >> 11) & 2047]++;
		hist[2][k >> 22]++;
	}
	for (int d = 0; d < 3; d++) {
		uint32_t sum = 0, *t, *h = hist[d];
		if (n == 0 || h[(keys[0] >> shift[d]) & 2047] == n)
			continue;
		for (int b = 0; b < 2048; b++) {
			uint32_t c = h[b];
			h[b] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			tmp[h[(keys[i] >> shift[d]) & 2047]++] = keys[i];
		t = keys;
		keys = tmp;
		tmp = t;
	}
	return keys;
}

/* Candidates below the lowest relevant score count for every relevant item
 * and those above the highest for none: only the ones in between are
 * sorted and merged. */
static double
above_sorted(const float *pos, size_t npos, const float *cand, size_t ncand,
    const uint32_t *excl, size_t nexcl)
{
	uint32_t *keys = xmalloc((ncand ? ncand : 1) * sizeof *keys);
	uint32_t *tmp = xmalloc((ncand ? ncand : 1) * sizeof *tmp), *sorted;
	uint32_t lo = float_key(pos[0]), hi = float_key(pos[npos - 1]);
	size_t n = 0, c = 0, below = 0;
	double above;

	for (size_t i = 0; i < ncand; i++)
		keys[i] = float_key(cand[i]);
	/* excluded entries become a key above every score: dropped below */
	for (size_t e = 0; e < nexcl; e++)
		keys[excl[e]] = UINT32_MAX;
	for (size_t i = 0; i < ncand; i++) {
		uint32_t k = keys[i];
		below += k < lo;
		keys[n] = k;
		n += (k >= lo) & (k <= hi);
	}
	sorted = radix_sort(keys, tmp, n);
	above = (double)below * (double)npos;
	/* merge: c walks the candidates below the current relevant score, eq
	 * past those equal to it (once per distinct score) */
	for (size_t p = 0, eq = 0; p < npos; p++) {
		uint32_t kp = float_key(pos[p]);
		if (p == 0 || kp != float_key(pos[p - 1])) {
			while (c < n && sorted[c] < kp)
				c++;
			for (eq = c; eq < n && sorted[eq] == kp; eq++)
				;
		}
		above += (double)c + 0.5 * (double)(eq - c);
	}
	free(keys);
	free(tmp);
	return above;
}

double
rs_auc_sorted(const float *pos, size_t npos, const float *cand, size_t ncand,
    const uint32_t *excl, size_t nexcl)
{
	double above;
	size_t nc = ncand - nexcl;

	if (npos == 0 || nc <= npos)
		return NAN;
	/* a pass costs about half a cycle per candidate and relevant item;
	 * sorting about ten cycles per candidate */
	if (npos <= 24)
		above = above_direct(pos, npos, cand, ncand, excl, nexcl);
	else
		above = above_sorted(pos, npos, cand, ncand, excl, nexcl);
	return (above - 0.5 * (double)npos * (double)npos) /
	    ((double)npos * (double)(nc - npos));
}

/* ---- intra-list diversity ---- */

/* |A ∩ B| of two ascending token lists. */
static size_t
common(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i = 0, j = 0, c = 0;

	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			c++;
			i++;
			j++;
		} else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return c;
}

double
rs_list_diversity(const uint32_t *items, size_t n, const uint64_t *cptr,
    const uint32_t *ctok)
{
	double sum = 0;
	size_t pairs = 0;

	if (cptr == NULL)
		return NAN;
	for (size_t a = 0; a < n; a++) {
		const uint32_t *ta = ctok + cptr[items[a]];
		size_t na = cptr[items[a] + 1] - cptr[items[a]];
		if (na == 0)
			continue;
		for (size_t b = a + 1; b < n; b++) {
			const uint32_t *tb = ctok + cptr[items[b]];
			size_t nb = cptr[items[b] + 1] - cptr[items[b]], c;
			if (nb == 0)
				continue;
			c = common(ta, na, tb, nb);
			sum += 1.0 - (double)c / (double)(na + nb - c);
			pairs++;
		}
	}
	return pairs ? sum / (double)pairs : NAN;
}
