/* clean bots: users whose events come implausibly fast (median gap), in implausible numbers, or in implausible bursts (many events within seconds), by a threshold or a robust rule. */
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

/* Per user with timed events: the median gap between consecutive events
 * (users with at least min_events timed events; NAN for the others) and the
 * burst, the most events within any window [t, t + window) (0: no timed
 * events). */
static void
time_stats(rs_dataset *ds, const rs_column *tc, uint32_t min_events,
    double window, double *gap, size_t *burst)
{
	uint32_t nusers = rs_ids_count(ds->users);
	const rs_index *ix = rs_log_by_user(&ds->log, nusers);
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
			size_t n = 0, most = 0;
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
			if (!sorted)
				qsort(t, n, sizeof *t, cmp_double);
			/* two pointers: the window starting at each event */
			for (size_t a = 0, b = 0; a < n; a++) {
				if (b < a)
					b = a;
				while (b < n && t[b] < t[a] + window)
					b++;
				if (b - a > most)
					most = b - a;
			}
			burst[u] = most;
			if (n < min_events)
				continue;
			for (size_t k = 0; k + 1 < n; k++)
				t[k] = t[k + 1] - t[k];
			gap[u] = clean_median(t, n - 1);
		}
		free(t);
	}
	free(tv);
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

/* What the rules share: counts and time statistics per user, flags. */
struct bots_run {
	uint32_t nusers;
	size_t *count;		/* rows per user */
	double *gap;		/* median gap, or NULL without the gap rule */
	size_t *burst;		/* burst, or NULL without the burst rule */
	uint8_t *flag;		/* RS_BOTS_* bits per user */
	double *a;		/* scratch, nusers + 1 */
};

/* Flag users breaking a rule (bit) whose value x[u] passes over; counts
 * the users and their rows into the reason. */
static void
bots_reason(struct bots_run *b, int bit, rs_clean_result *res, const char *fmt,
    double limit)
{
	size_t users = 0, rows = 0;

	for (uint32_t u = 0; u < b->nusers; u++)
		if (b->flag[u] & bit) {
			users++;
			rows += b->count[u];
		}
	if (users)
		clean_reason(res, rows, fmt, users, users == 1 ? "" : "s", limit);
}

/* Gap rule: a median gap under the limit (given, or a robust z on
 * log(1 + gap): gaps spread over orders of magnitude, and a bot's are
 * seconds where people's are minutes or hours). */
static void
gap_rule(struct bots_run *b, const rs_clean_params *p, rs_clean_result *res)
{
	size_t na = 0;
	double med, s;

	for (uint32_t u = 0; u < b->nusers; u++)
		if (!isnan(b->gap[u]))
			b->a[na++] = b->gap[u];
	res->typical_gap = na ? clean_median(b->a, na) : NAN;
	if (!isnan(p->min_gap))
		res->gap_limit = p->min_gap;
	else if (na > 0) {
		na = 0;
		for (uint32_t u = 0; u < b->nusers; u++)
			if (!isnan(b->gap[u]))
				b->a[na++] = log1p(b->gap[u]);
		robust(b->a, na, &med, &s);
		res->gap_limit = s > 0 ? expm1(med - p->z * s) : NAN;
		if (!(res->gap_limit > 0))
			res->gap_limit = NAN;
	}
	for (uint32_t u = 0; u < b->nusers; u++)
		if (!isnan(b->gap[u]) && b->gap[u] < res->gap_limit)
			b->flag[u] |= RS_BOTS_GAP;
	bots_reason(b, RS_BOTS_GAP, res, "rows of %zu user%s with a median gap under %.4g s",
	    res->gap_limit);
}

/* Count rule: more events than the limit (given, or a robust z on
 * log(events)). */
static void
count_rule(struct bots_run *b, const rs_clean_params *p, rs_clean_result *res)
{
	size_t na = 0;
	double med, s;

	if (!isnan(p->max_events))
		res->count_limit = p->max_events;
	else {
		for (uint32_t u = 0; u < b->nusers; u++)
			if (b->count[u] > 0)
				b->a[na++] = log((double)b->count[u]);
		if (na > 0) {
			robust(b->a, na, &med, &s);
			res->count_limit = s > 0 ? floor(exp(med + p->z * s)) : NAN;
		}
	}
	for (uint32_t u = 0; u < b->nusers; u++)
		if (b->count[u] > 0 && (double)b->count[u] > res->count_limit)
			b->flag[u] |= RS_BOTS_COUNT;
	bots_reason(b, RS_BOTS_COUNT, res, "rows of %zu user%s with over %.0f events",
	    res->count_limit);
}

/* Burst rule: more events within one window than the limit (given, or
 * max(floor, factor x a high quantile of the users' bursts), clean.h). */
static void
burst_rule(struct bots_run *b, const rs_clean_params *p, rs_clean_result *res)
{
	size_t na = 0;
	char fmt[128];

	for (uint32_t u = 0; u < b->nusers; u++)
		if (b->burst[u] > 0)
			b->a[na++] = (double)b->burst[u];
	res->burst_window = p->burst_window;
	res->typical_burst = na ? clean_quantile(b->a, na, RS_BOTS_BURST_QUANTILE) : NAN;
	if (!isnan(p->max_burst))
		res->burst_limit = p->max_burst;
	else
		res->burst_limit = fmax(RS_BOTS_BURST_FLOOR, na ?
		    floor(RS_BOTS_BURST_FACTOR * res->typical_burst) : 0);
	for (uint32_t u = 0; u < b->nusers; u++)
		if ((double)b->burst[u] > res->burst_limit)
			b->flag[u] |= RS_BOTS_BURST;
	snprintf(fmt, sizeof fmt, "rows of %%zu user%%s with over %%.0f events within %.4g s",
	    p->burst_window);
	bots_reason(b, RS_BOTS_BURST, res, fmt, res->burst_limit);
}

rs_dataset *
clean_bots(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, rs_error *err)
{
	const rs_log *lg = &ds->log;
	const rs_column *tc = NULL;
	struct bots_run b;
	uint8_t *keep = NULL;
	rs_dataset *out = NULL;

	(void)hooks;
	memset(&b, 0, sizeof b);
	b.nusers = rs_ids_count(ds->users);
	b.count = xcalloc((size_t)b.nusers + 1, sizeof *b.count);
	b.flag = xcalloc((size_t)b.nusers + 1, 1);
	if (p->bots_rule & (RS_BOTS_GAP | RS_BOTS_BURST)) {
		if (lg->time_col < 0) {
			rs_error_set(err, RS_EINVAL,
			    "the log has no time column, so the gaps between events and their bursts are unknown: use rule=count, or load ... time=COLUMN");
			goto out;
		}
		tc = lg->cols.cols[lg->time_col];
		snprintf(res->time_column, sizeof res->time_column, "%s", tc->name);
		b.gap = xmalloc(((size_t)b.nusers + 1) * sizeof *b.gap);
		b.burst = xcalloc((size_t)b.nusers + 1, sizeof *b.burst);
		time_stats(ds, tc, p->min_events, p->burst_window, b.gap, b.burst);
	}
	for (size_t r = 0; r < lg->n; r++)
		b.count[lg->user[r]]++;
	b.a = xmalloc(((size_t)b.nusers + 1) * sizeof *b.a);
	for (uint32_t u = 0; u < b.nusers; u++)
		res->users_judged += b.count[u] > 0;
	if (p->bots_rule & RS_BOTS_GAP)
		gap_rule(&b, p, res);
	if (p->bots_rule & RS_BOTS_COUNT)
		count_rule(&b, p, res);
	if (p->bots_rule & RS_BOTS_BURST)
		burst_rule(&b, p, res);
	for (uint32_t u = 0; u < b.nusers; u++)
		if (b.flag[u])
			res->nbots++;
	res->bots = xmalloc((res->nbots + 1) * sizeof *res->bots);
	res->nbots = 0;
	for (uint32_t u = 0; u < b.nusers; u++)
		if (b.flag[u]) {
			rs_clean_bot *x = &res->bots[res->nbots++];
			x->user = u;
			x->events = b.count[u];
			x->median_gap = b.gap && (p->bots_rule & RS_BOTS_GAP) ? b.gap[u] : NAN;
			x->burst = b.burst && (p->bots_rule & RS_BOTS_BURST) ? b.burst[u] : 0;
		}
	qsort(res->bots, res->nbots, sizeof *res->bots, cmp_bot);
	clean_summary(res, res->nbots == 1 ? "removed %zu user flagged as a bot" :
	    "removed %zu users flagged as bots", res->nbots);
	clean_truth_users(ds, b.flag, res);
	keep = xmalloc(lg->n ? lg->n : 1);
	for (size_t r = 0; r < lg->n; r++)
		keep[r] = !b.flag[lg->user[r]];
	out = clean_keep(ds, keep, p, res, err);
out:
	free(keep);
	free(b.gap);
	free(b.burst);
	free(b.flag);
	free(b.count);
	free(b.a);
	return out;
}
