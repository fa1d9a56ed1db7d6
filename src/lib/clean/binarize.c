/* clean binarize: a signal into implicit positives (column >= t, or == v), optionally keeping the signal as a confidence weight. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"
#include "util/xmalloc.h"

/* Put col into the log under its name: in place of a column of that name,
 * else at the end. Returns its index. */
static int
log_put(rs_log *log, rs_column *col)
{
	int j = rs_table_find(&log->cols, col->name);

	if (j >= 0) {
		clean_table_set(&log->cols, j, col);
		return j;
	}
	rs_table_add(&log->cols, col);
	return (int)log->cols.ncols - 1;
}

rs_dataset *
clean_binarize(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, rs_error *err)
{
	const rs_log *log = &ds->log;
	const char *name = p->column;
	const rs_column *c;
	char where;
	int j, jw = -1, jp;
	uint8_t *pos, *keep;
	rs_dataset *out;
	rs_column *pc, *wc = NULL;
	double *xv;

	if (name == NULL) {
		if (log->value_col < 0) {
			rs_error_set(err, RS_EINVAL,
			    "the log has no value column: name the signal (clean binarize COLUMN min=T)");
			return NULL;
		}
		name = log->cols.cols[log->value_col]->name;
	}
	c = clean_column(ds, name, NULL, &where, &j, err);
	if (c == NULL || clean_need_number(c, "binarize", err) != 0)
		return NULL;
	if (where != 'l') {
		rs_error_set(err, RS_EINVAL, "%s is a column of the %s table; binarize works on the log's signals",
		    name, clean_table_name(where));
		return NULL;
	}
	snprintf(res->column, sizeof res->column, "%s", c->name);
	res->table = 'l';
	pos = xmalloc(log->n ? log->n : 1);
	keep = xmalloc(log->n ? log->n : 1);
	xv = clean_all_values(c);
	for (size_t r = 0; r < log->n; r++) {
		double x = xv[r];
		if (isnan(x)) {
			res->missing++;
			pos[r] = 0;
		} else {
			pos[r] = isnan(p->min) ? x == p->equals : x >= p->min;
			if (pos[r])
				res->positives++;
			else
				res->negatives++;
		}
		keep[r] = p->keep_all || pos[r];
	}
	free(xv);
	if (!p->keep_all) {
		if (res->negatives)
			clean_reason(res, res->negatives, "%s %s %.10g: not a positive", c->name,
			    isnan(p->min) ? "!=" : "<", isnan(p->min) ? p->equals : p->min);
		if (res->missing)
			clean_reason(res, res->missing, "%s missing", c->name);
	}
	out = clean_keep(ds, keep, p, res, err);
	if (out == NULL)
		goto out;
	/* the label, and the signal as the confidence of each positive */
	pc = rs_column_new("positive", RS_COL_NUMBER);
	for (size_t r = 0; r < log->n; r++)
		if (keep[r])
			rs_column_push_number(pc, pos[r], 0);
	rs_column_finish(pc);
	if (p->weight) {
		wc = rs_column_copy(out->log.cols.cols[j]);
		free(wc->name);
		wc->name = xstrdup("weight");
	}
	if (rs_table_find(&out->log.cols, "positive") >= 0)
		rs_hooks_note(hooks, RS_NOTE_INFO, "the column positive is replaced");
	jp = log_put(&out->log, pc);
	if (wc != NULL)
		jw = log_put(&out->log, wc);
	out->log.value_col = wc != NULL ? jw : jp;
	snprintf(res->value_column, sizeof res->value_column, "%s",
	    out->log.cols.cols[out->log.value_col]->name);
	clean_summary(res, "%zu positives (%s %s %.10g)%s; value column %s",
	    res->positives, c->name, isnan(p->min) ? "==" : ">=",
	    isnan(p->min) ? p->equals : p->min,
	    p->keep_all ? ", negatives kept as 0" : "", res->value_column);
out:
	free(pos);
	free(keep);
	return out;
}
