/* clean window: keep the rows whose time falls in [from, to); also the plausible window invalid uses. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"
#include "util/text.h"
#include "util/xmalloc.h"

void
clean_auto_window(const rs_column *tc, double *from, double *to)
{
	double *t = clean_all_values(tc), q05, q95, w;
	size_t m = 0;

	for (size_t r = 0; r < tc->n; r++)
		if (!isnan(t[r]))
			t[m++] = t[r];
	if (m == 0) {
		free(t);
		return;
	}
	q05 = clean_quantile(t, m, 0.05);
	q95 = clean_quantile(t, m, 0.95);
	free(t);
	/* the bulk of the data, widened by its own span (at least a day) on
	 * each side: far-off stamps (0, -1, the year 2100) fall outside even
	 * when they are up to 5% of the rows, and the real first and last
	 * days stay in */
	w = q95 - q05 > 86400 ? q95 - q05 : 86400;
	if (isnan(*from))
		*from = q05 - w;
	if (isnan(*to))
		*to = nextafter(q95 + w, INFINITY);
}

rs_dataset *
clean_window(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, rs_error *err)
{
	const rs_log *log = &ds->log;
	const rs_column *tc = clean_time_column(ds, "a time window", err);
	double from = isnan(p->from) ? -INFINITY : p->from;
	double to = isnan(p->to) ? INFINITY : p->to;
	size_t before = 0, after = 0, missing = 0;
	uint8_t *keep;
	double *tv;
	char a[64];
	rs_dataset *out;

	(void)hooks;
	if (tc == NULL)
		return NULL;
	snprintf(res->time_column, sizeof res->time_column, "%s", tc->name);
	res->from = p->from;
	res->to = p->to;
	keep = xmalloc(log->n ? log->n : 1);
	tv = clean_all_values(tc);
	#pragma omp parallel for reduction(+:before, after, missing)
	for (size_t r = 0; r < log->n; r++) {
		double t = tv[r];
		keep[r] = 0;
		if (isnan(t))
			missing++;
		else if (t < from)
			before++;
		else if (t >= to)
			after++;
		else
			keep[r] = 1;
	}
	free(tv);
	if (before) {
		util_format_datetime(from, false, a, sizeof a);
		clean_reason(res, before, "%s before %s", tc->name, a);
	}
	if (after) {
		util_format_datetime(to, false, a, sizeof a);
		clean_reason(res, after, "%s at or after %s", tc->name, a);
	}
	if (missing)
		clean_reason(res, missing, "%s missing", tc->name);
	clean_summary(res, "kept the window: %zu before, %zu after, %zu without a time",
	    before, after, missing);
	out = clean_keep(ds, keep, p, res, err);
	free(keep);
	return out;
}
