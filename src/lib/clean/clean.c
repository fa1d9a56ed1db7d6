/* Cleaning: step names, parameter defaults and checks, and the one entry point that runs a step. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"

static const char *const step_names[RS_CLEAN_NSTEPS] = {
	"dedup", "invalid", "outliers", "bots", "fill", "kcore", "binarize",
	"window"
};

static clean_step_fn *const step_fns[RS_CLEAN_NSTEPS] = {
	clean_dedup, clean_invalid, clean_outliers, clean_bots, clean_fill,
	clean_kcore, clean_binarize, clean_window
};

const char *
rs_clean_step_name(int step)
{
	return step >= 0 && step < RS_CLEAN_NSTEPS ? step_names[step] : "?";
}

int
rs_clean_step_find(const char *name)
{
	for (int i = 0; i < RS_CLEAN_NSTEPS; i++)
		if (strcmp(name, step_names[i]) == 0)
			return i;
	return -1;
}

void
rs_clean_params_init(rs_clean_params *p, enum rs_clean_step step)
{
	memset(p, 0, sizeof *p);
	p->step = step;
	p->from = p->to = NAN;
	p->auto_window = true;
	p->check_time = true;
	p->method = RS_OUTLIER_IQR;
	p->k = 1.5;
	p->z = 3.5;
	p->side = RS_SIDE_BOTH;
	p->bots_rule = RS_BOTS_GAP | RS_BOTS_BURST;
	p->min_gap = p->max_events = p->max_burst = NAN;
	p->min_events = 5;
	p->burst_window = 1;
	p->fill = RS_FILL_MEDIAN;
	p->user_k = p->item_k = 5;
	p->min = p->equals = NAN;
}

const char *
rs_clean_params_check(const rs_clean_params *p)
{
	switch (p->step) {
	case RS_CLEAN_DEDUP:
		return NULL;
	case RS_CLEAN_INVALID:
	case RS_CLEAN_WINDOW:
		if (!isnan(p->from) && !isnan(p->to) && !(p->from < p->to))
			return "the window is empty: from= must come before to=";
		if (p->step == RS_CLEAN_WINDOW && isnan(p->from) && isnan(p->to))
			return "give from=, to= or both";
		if (p->step == RS_CLEAN_INVALID && !p->check_time &&
		    (!isnan(p->from) || !isnan(p->to)))
			return "from= and to= need the time check (window=off turns it off)";
		return NULL;
	case RS_CLEAN_OUTLIERS:
		if (p->column == NULL || *p->column == '\0')
			return "needs a column";
		if (p->method == RS_OUTLIER_IQR && !(p->k > 0))
			return "k must be above 0";
		if (p->method == RS_OUTLIER_Z && !(p->z > 0))
			return "z must be above 0";
		return NULL;
	case RS_CLEAN_BOTS:
		if (p->bots_rule == 0 ||
		    (p->bots_rule & ~(RS_BOTS_GAP | RS_BOTS_COUNT | RS_BOTS_BURST)))
			return "the rule must look at gaps, counts, bursts or all";
		if (!(p->burst_window > 0) || isinf(p->burst_window))
			return "burst_window must be above 0 seconds";
		if (!isnan(p->max_burst) && !(p->max_burst >= 1))
			return "max_burst must be at least 1";
		if (!(p->z > 0))
			return "z must be above 0";
		if (!isnan(p->min_gap) && !(p->min_gap > 0))
			return "min_gap must be above 0 seconds";
		if (!isnan(p->max_events) && !(p->max_events >= 1))
			return "max_events must be at least 1";
		if (p->min_events < 2)
			return "min_events must be at least 2 (a gap needs two events)";
		return NULL;
	case RS_CLEAN_FILL:
		if (p->column == NULL || *p->column == '\0')
			return "needs a column";
		if (p->fill == RS_FILL_CONSTANT && (p->value == NULL || *p->value == '\0'))
			return "method=constant needs value=";
		if (p->fill != RS_FILL_CONSTANT && p->value != NULL)
			return "value= goes with method=constant";
		if (p->fill == RS_FILL_CONSTANT && p->by != NULL)
			return "by= does not go with method=constant";
		return NULL;
	case RS_CLEAN_KCORE:
		if (p->user_k == 0 && p->item_k == 0)
			return "a minimum of 0 for both users and items keeps everything";
		return NULL;
	case RS_CLEAN_BINARIZE:
		if (isnan(p->min) == isnan(p->equals))
			return "give exactly one test: min=T (value >= T) or equals=V";
		return NULL;
	case RS_CLEAN_NSTEPS:
		break;
	}
	return "unknown step";
}

void
rs_clean_result_free(rs_clean_result *r)
{
	if (r == NULL)
		return;
	free(r->bots);
	r->bots = NULL;
	r->nbots = 0;
}

static void
result_init(rs_clean_result *r, enum rs_clean_step step)
{
	memset(r, 0, sizeof *r);
	r->step = step;
	r->from = r->to = NAN;
	r->q1 = r->q3 = r->median = r->mad = NAN;
	r->lower = r->upper = NAN;
	r->gap_limit = r->count_limit = r->typical_gap = NAN;
	r->burst_window = r->typical_burst = r->burst_limit = NAN;
	r->fill_value = NAN;
	r->recall = r->precision = NAN;
}

rs_dataset *
rs_clean_run(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, rs_error *err)
{
	const char *msg;
	rs_dataset *out;
	char task[64];

	result_init(res, p->step);
	if (p->step >= RS_CLEAN_NSTEPS) {
		rs_error_set(err, RS_EINVAL, "unknown cleaning step");
		return NULL;
	}
	if ((msg = rs_clean_params_check(p)) != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", msg);
		return NULL;
	}
	res->rows_before = ds->log.n;
	res->users_before = rs_log_count_users(&ds->log, rs_ids_count(ds->users));
	res->items_before = rs_log_count_items(&ds->log, rs_ids_count(ds->items));
	/* the steps are single passes: progress says which one runs, and when
	 * it is done (Ctrl-C before it starts changes nothing) */
	snprintf(task, sizeof task, "clean %s", step_names[p->step]);
	if (rs_hooks_progress(hooks, task, 0, 1)) {
		rs_error_set(err, RS_ECANCEL, "interrupted");
		rs_clean_result_free(res);
		return NULL;
	}
	out = step_fns[p->step](ds, p, res, hooks, err);
	if (out == NULL) {
		rs_clean_result_free(res);
		return NULL;
	}
	rs_hooks_progress(hooks, task, 1, 1);
	return out;
}
