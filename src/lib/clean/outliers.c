/* clean outliers: Tukey's IQR fences or the robust z-score (median/MAD) on one column; drop the rows or cap the values. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"
#include "util/xmalloc.h"

/* The values the rule judges, on its scale: present, and > 0 on the log
 * scale. */
static double *
rule_values(const double *x, size_t nx, bool log_scale, size_t *n,
    size_t *skipped)
{
	double *y = xmalloc((nx ? nx : 1) * sizeof *y);
	size_t m = 0;

	for (size_t r = 0; r < nx; r++) {
		if (isnan(x[r]) || (log_scale && !(x[r] > 0)))
			continue;
		y[m++] = x[r];
	}
	if (log_scale) {
		#pragma omp parallel for
		for (size_t i = 0; i < m; i++)
			y[i] = log(y[i]);
	}
	*n = m;
	*skipped = nx - m;
	return y;
}

/* Fences [lo, hi] on the rule's scale. */
static void
fences(double *y, size_t n, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, double *lo, double *hi)
{
	if (p->method == RS_OUTLIER_IQR) {
		double q1 = clean_quantile(y, n, 0.25), q3 = clean_quantile(y, n, 0.75);
		res->q1 = q1;
		res->q3 = q3;
		*lo = q1 - p->k * (q3 - q1);
		*hi = q3 + p->k * (q3 - q1);
		if (q3 == q1)
			rs_hooks_note(hooks, RS_NOTE_WARN,
			    "the quartiles are equal (IQR 0): every other value is an outlier; method=z may suit better");
		return;
	} else {
		/* Iglewicz and Hoaglin: |x - median| / (1.4826 MAD) > z; when
		 * more than half the values are equal the MAD is 0, and the
		 * mean absolute deviation (times 1.2533) stands in */
		double med = clean_median(y, n), s, mad, sum = 0;
		for (size_t i = 0; i < n; i++) {
			y[i] = fabs(y[i] - med);
			sum += y[i];
		}
		mad = clean_median(y, n);
		res->median = med;
		res->mad = mad;
		s = 1.4826 * mad;
		if (!(s > 0)) {
			s = 1.2533 * sum / (double)n;
			rs_hooks_note(hooks, RS_NOTE_WARN, s > 0 ?
			    "the MAD is 0 (over half the values are equal): the mean absolute deviation stands in" :
			    "every value is the same: no outliers");
		}
		*lo = s > 0 ? med - p->z * s : -INFINITY;
		*hi = s > 0 ? med + p->z * s : INFINITY;
	}
}

/* One outlier step once its fences are known: the flagged rows (1 below,
 * 2 above) and the fences on the column's own scale. */
struct outlier_run {
	rs_dataset *ds;
	const rs_column *c;
	char where;
	int j;
	uint8_t *flag;
	size_t below, above;
	double lower, upper;
};

/* Flag the values beyond the fences (missing ones, and on the log scale
 * values <= 0, are not judged). */
static void
outliers_flag(struct outlier_run *o, const double *x, bool log_scale)
{
	const rs_column *c = o->c;

	o->flag = xcalloc(c->n + 1, 1);
	for (size_t r = 0; r < c->n; r++) {
		if (isnan(x[r]) || (log_scale && !(x[r] > 0)))
			continue;
		if (x[r] < o->lower) {
			o->flag[r] = 1;
			o->below++;
		} else if (x[r] > o->upper) {
			o->flag[r] = 2;
			o->above++;
		}
	}
}

/* Winsorize at the fences, rounded inwards to the column's written
 * decimals so that it keeps its form. */
static rs_dataset *
outliers_cap(const struct outlier_run *o, rs_clean_result *res)
{
	const rs_column *c = o->c;
	double capl = clean_round(c, o->lower, -1), caph = clean_round(c, o->upper, 1);
	size_t k = 0, *rows = xmalloc((o->below + o->above + 1) * sizeof *rows);
	double *vals = xmalloc((o->below + o->above + 1) * sizeof *vals);
	char fence[256];
	rs_dataset *out;

	for (size_t r = 0; r < c->n; r++)
		if (o->flag[r]) {
			rows[k] = r;
			vals[k++] = o->flag[r] == 1 ? capl : caph;
		}
	if (o->below)
		clean_reason(res, o->below, "%s below %.6g: raised to it", c->name, capl);
	if (o->above)
		clean_reason(res, o->above, "%s above %.6g: lowered to it", c->name, caph);
	res->changed = k;
	if (o->where == 'l')
		clean_truth_rows(o->ds, o->flag, DIRT_BIT(RS_DIRT_OUTLIER), res);
	out = rs_dataset_copy(o->ds);
	clean_table_set(o->where == 'l' ? &out->log.cols : o->where == 'i' ?
	    &out->item_tbl : &out->user_tbl, o->j,
	    clean_column_replace(c, rows, vals, k, c->decimals));
	clean_counts_after(out, res);
	clean_fence_text(c->name, capl, caph, fence, sizeof fence);
	clean_summary(res, "capped %zu value%s of %s", k, clean_s(k), fence);
	free(rows);
	free(vals);
	return out;
}

/* Drop the rows themselves, or the rows of flagged items/users. */
static rs_dataset *
outliers_drop(const struct outlier_run *o, const rs_clean_params *p,
    rs_clean_result *res, rs_error *err)
{
	const rs_log *log = &o->ds->log;
	const rs_column *c = o->c;
	char where = o->where;
	uint8_t *keep = xmalloc(log->n ? log->n : 1);
	const char *unit;
	size_t gone_below = 0, gone_above = 0;
	char fence[256];
	rs_dataset *out;

	for (size_t r = 0; r < log->n; r++) {
		uint8_t f = where == 'l' ? o->flag[r] : where == 'i' ?
		    o->flag[log->item[r]] : o->flag[log->user[r]];
		keep[r] = f == 0;
		gone_below += f == 1;
		gone_above += f == 2;
	}
	unit = where == 'i' ? "item" : "user";
	if (gone_below && where == 'l')
		clean_reason(res, gone_below, "%s below %.6g", c->name, o->lower);
	else if (gone_below)
		clean_reason(res, gone_below, "%s below %.6g: the rows of %zu %s%s",
		    c->name, o->lower, o->below, unit, o->below == 1 ? "" : "s");
	if (gone_above && where == 'l')
		clean_reason(res, gone_above, "%s above %.6g", c->name, o->upper);
	else if (gone_above)
		clean_reason(res, gone_above, "%s above %.6g: the rows of %zu %s%s",
		    c->name, o->upper, o->above, unit, o->above == 1 ? "" : "s");
	if (where == 'l')
		clean_truth_kept(o->ds, keep, DIRT_BIT(RS_DIRT_OUTLIER), res);
	clean_fence_text(c->name, o->lower, o->upper, fence, sizeof fence);
	clean_summary(res, "dropped %zu row%s with %s", gone_below + gone_above,
	    clean_s(gone_below + gone_above), fence);
	out = clean_keep(o->ds, keep, p, res, err);
	free(keep);
	return out;
}

rs_dataset *
clean_outliers(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, rs_error *err)
{
	struct outlier_run o;
	const rs_column *c;
	double *x, *y, lo, hi;
	size_t n;
	rs_dataset *out;

	memset(&o, 0, sizeof o);
	o.ds = ds;
	c = o.c = clean_column(ds, p->column, p->table, &o.where, &o.j, err);
	if (c == NULL || clean_need_number(c, "the outlier rule", err) != 0)
		return NULL;
	snprintf(res->column, sizeof res->column, "%s", c->name);
	res->table = o.where;
	x = clean_all_values(c);
	y = rule_values(x, c->n, p->log_scale, &n, &res->skipped);
	res->values = n;
	if (n == 0) {
		free(x);
		free(y);
		rs_error_set(err, RS_EINVAL, "%s has no values to judge%s", c->name,
		    p->log_scale ? " (scale=log needs values above 0)" : "");
		return NULL;
	}
	fences(y, n, p, res, hooks, &lo, &hi);
	free(y);
	if (p->side == RS_SIDE_UPPER)
		lo = -INFINITY;
	if (p->side == RS_SIDE_LOWER)
		hi = INFINITY;
	o.lower = p->log_scale ? exp(lo) : lo;
	o.upper = p->log_scale ? exp(hi) : hi;
	if (p->log_scale && lo == -INFINITY)
		o.lower = -INFINITY;
	res->lower = isinf(o.lower) ? NAN : o.lower;
	res->upper = isinf(o.upper) ? NAN : o.upper;
	outliers_flag(&o, x, p->log_scale);
	free(x);
	res->below = o.below;
	res->above = o.above;
	if (o.where != 'l')
		res->items_flagged = o.below + o.above;
	out = p->cap ? outliers_cap(&o, res) : outliers_drop(&o, p, res, err);
	free(o.flag);
	return out;
}
