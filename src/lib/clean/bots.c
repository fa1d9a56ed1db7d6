/* clean bots: users whose events come implausibly fast (median gap) or in implausible numbers, by a threshold or a robust rule. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"
#include "util/xmalloc.h"

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

static int
cmp_bot(const void *x, const void *y)
{
	const rs_clean_bot *a = x, *b = y;

	if (a->events != b->events)
		return a->events < b->events ? 1 : -1;
	return (a->user > b->user) - (a->user < b->user);
}

/* Median gap between the consecutive events of each user with at least
 * min_events timed events (NAN for the others). */
static double *
median_gaps(rs_dataset *ds, const rs_column *tc, uint32_t min_events)
{
	uint32_t nusers = rs_ids_count(ds->users);
	const rs_index *ix = rs_log_by_user(&ds->log, nusers);
	double *gap = xmalloc(((size_t)nusers + 1) * sizeof *gap);
	double *tv = clean_all_values(tc);
	size_t maxrows = 0;

	for (uint32_t u = 0; u < nusers; u++)
		if (ix->ptr[u + 1] - ix->ptr[u] > maxrows)
			maxrows = ix->ptr[u + 1] - ix->ptr[u];
	#pragma omp parallel
	{
		double *t = xmalloc((maxrows + 1) * sizeof *t);
		#pragma omp for schedule(dynamic, 64)
		for (uint32_t u = 0; u < nusers; u++) {
			size_t n = 0;
			bool sorted = true;
			gap[u] = NAN;
			for (uint64_t i = ix->ptr[u]; i < ix->ptr[u + 1]; i++) {
				double x = tv[ix->rows ? ix->rows[i] : i];
				if (isnan(x))
					continue;
				if (n > 0 && x < t[n - 1])
					sorted = false;
				t[n++] = x;
			}
			if (n < min_events)
				continue;
			if (!sorted)
				qsort(t, n, sizeof *t, cmp_double);
			for (size_t k = 0; k + 1 < n; k++)
				t[k] = t[k + 1] - t[k];
			gap[u] = clean_median(t, n - 1);
		}
		free(t);
	}
	free(tv);
	return gap;
}

/* Median and robust spread (1.4826 MAD, or 1.2533 mean absolute deviation
 * when the MAD is 0) of a[0..n); reorders a. */
static void
robust(double *a, size_t n, double *med, double *s)
{
	double sum = 0;

	*med = clean_median(a, n);
	for (size_t i = 0; i < n; i++) {
		a[i] = fabs(a[i] - *med);
		sum += a[i];
	}
	*s = 1.4826 * clean_median(a, n);
	if (!(*s > 0))
		*s = 1.2533 * sum / (double)n;
}

rs_dataset *
clean_bots(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, rs_error *err)
{
	const rs_log *lg = &ds->log;
	uint32_t nusers = rs_ids_count(ds->users);
	const rs_column *tc = NULL;
	size_t *count = xcalloc((size_t)nusers + 1, sizeof *count);
	double *gap = NULL, *a, med, s;
	uint8_t *flag = xcalloc((size_t)nusers + 1, 1), *keep = NULL;
	size_t na, by_gap = 0, by_count = 0, rows_gap = 0, rows_count = 0;
	rs_dataset *out = NULL;

	(void)hooks;
	if (p->bots_rule & RS_BOTS_GAP) {
		if (lg->time_col < 0) {
			rs_error_set(err, RS_EINVAL,
			    "the log has no time column, so the gaps between events are unknown: use rule=count, or load ... time=COLUMN");
			goto out;
		}
		tc = lg->cols.cols[lg->time_col];
		snprintf(res->time_column, sizeof res->time_column, "%s", tc->name);
	}
	for (size_t r = 0; r < lg->n; r++)
		count[lg->user[r]]++;
	a = xmalloc(((size_t)nusers + 1) * sizeof *a);
	for (uint32_t u = 0; u < nusers; u++)
		res->users_judged += count[u] > 0;

	if (tc != NULL) {
		gap = median_gaps(ds, tc, p->min_events);
		na = 0;
		for (uint32_t u = 0; u < nusers; u++)
			if (!isnan(gap[u]))
				a[na++] = gap[u];
		res->typical_gap = na ? clean_median(a, na) : NAN;
		if (!isnan(p->min_gap))
			res->gap_limit = p->min_gap;
		else if (na > 0) {
			/* robust z on log(1 + gap): gaps spread over orders of
			 * magnitude, and a bot's are seconds where people's are
			 * minutes or hours */
			na = 0;
			for (uint32_t u = 0; u < nusers; u++)
				if (!isnan(gap[u]))
					a[na++] = log1p(gap[u]);
			robust(a, na, &med, &s);
			res->gap_limit = s > 0 ? expm1(med - p->z * s) : NAN;
			if (!(res->gap_limit > 0))
				res->gap_limit = NAN;
		}
		for (uint32_t u = 0; u < nusers; u++)
			if (!isnan(gap[u]) && gap[u] < res->gap_limit) {
				flag[u] |= RS_BOTS_GAP;
				by_gap++;
				rows_gap += count[u];
			}
	}
	if (p->bots_rule & RS_BOTS_COUNT) {
		if (!isnan(p->max_events))
			res->count_limit = p->max_events;
		else {
			na = 0;
			for (uint32_t u = 0; u < nusers; u++)
				if (count[u] > 0)
					a[na++] = log((double)count[u]);
			if (na > 0) {
				robust(a, na, &med, &s);
				res->count_limit = s > 0 ? floor(exp(med + p->z * s)) : NAN;
			}
		}
		for (uint32_t u = 0; u < nusers; u++)
			if (count[u] > 0 && (double)count[u] > res->count_limit) {
				flag[u] |= RS_BOTS_COUNT;
				by_count++;
				rows_count += count[u];
			}
	}
	free(a);

	for (uint32_t u = 0; u < nusers; u++)
		if (flag[u])
			res->nbots++;
	res->bots = xmalloc((res->nbots + 1) * sizeof *res->bots);
	res->nbots = 0;
	for (uint32_t u = 0; u < nusers; u++)
		if (flag[u]) {
			rs_clean_bot *b = &res->bots[res->nbots++];
			b->user = u;
			b->events = count[u];
			b->median_gap = gap ? gap[u] : NAN;
		}
	qsort(res->bots, res->nbots, sizeof *res->bots, cmp_bot);
	if (by_gap)
		clean_reason(res, rows_gap, "rows of %zu user%s with a median gap under %.4g s",
		    by_gap, by_gap == 1 ? "" : "s", res->gap_limit);
	if (by_count)
		clean_reason(res, rows_count, "rows of %zu user%s with over %.0f events",
		    by_count, by_count == 1 ? "" : "s", res->count_limit);
	clean_summary(res, res->nbots == 1 ? "removed %zu user flagged as a bot" :
	    "removed %zu users flagged as bots", res->nbots);
	clean_truth_users(ds, flag, res);
	keep = xmalloc(lg->n ? lg->n : 1);
	for (size_t r = 0; r < lg->n; r++)
		keep[r] = !flag[lg->user[r]];
	out = clean_keep(ds, keep, p, res, err);
out:
	free(keep);
	free(gap);
	free(flag);
	free(count);
	return out;
}
