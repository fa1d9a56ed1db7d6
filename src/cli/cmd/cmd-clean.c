/* clean: run one cleaning step (dedup, invalid, outliers, bots, fill, kcore, binarize, window) as a pipeline step and show what it did. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "reelscope/util.h"

static const struct cmd_opt clean_opts[] = {
	{ "mode", OPT_ENUM, "event|exact", 0, -1, "event",
	  "dedup: event drops every repeat of a (user, item, time) event but the first; exact only rows equal in every column" },
	{ "from", OPT_STR, NULL, 0, -1, NULL,
	  "invalid, window: start of the time window, kept (UTC date, date-time, or unix seconds)" },
	{ "to", OPT_STR, NULL, 0, -1, NULL,
	  "invalid, window: end of the time window, excluded; a date alone keeps that whole day" },
	{ "window", OPT_ENUM, "auto|off", 0, -1, "auto",
	  "invalid: auto decides the open sides from the data (5th..95th percentile span of the times, widened by itself, at least a day, on each side); off checks no times" },
	{ "positive", OPT_STR, NULL, 0, -1, NULL,
	  "invalid: log columns that must be > 0, comma-separated, or none (default: numeric columns named *duration*)" },
	{ "nonnegative", OPT_STR, NULL, 0, -1, NULL,
	  "invalid: log columns that must be >= 0, or none (default: numeric columns named *ratio*, *count*, *cnt*)" },
	{ "required", OPT_STR, NULL, 0, -1, NULL,
	  "invalid: log columns that must not be missing (default none)" },
	{ "range", OPT_STRS, NULL, 0, -1, NULL,
	  "invalid: a declared range COL:MIN:MAX (e.g. rating:0.5:5): rows with COL below MIN or above MAX go; give it once per column" },
	{ "table", OPT_ENUM, "log|items|users", 0, -1, NULL,
	  "outliers, fill: the table of COLUMN (default: the first of log, items, users that has it)" },
	{ "method", OPT_ENUM, "iqr|z|median|mean|mode|constant", 0, -1, NULL,
	  "outliers: iqr (Tukey fences, default) or z (robust z-score, median/MAD); fill: median (default), mean, mode or constant" },
	{ "k", OPT_NUM, NULL, 0, -1, NULL,
	  "outliers: IQR multiplier, fences at q1 - k IQR and q3 + k IQR (default 1.5); kcore: minimum rows per user and per item (default 5)" },
	{ "z", OPT_NUM, NULL, 0.01, 1000, "3.5",
	  "outliers, bots: robust z limit, |x - median| / (1.4826 MAD)" },
	{ "action", OPT_ENUM, "drop|cap", 0, -1, "drop",
	  "outliers: drop the rows, or cap the values at the fences (winsorize)" },
	{ "scale", OPT_ENUM, "linear|log", 0, -1, "linear",
	  "outliers: judge x or log(x) (log suits heavy-tailed positive columns: watch ratios, durations, counts; values <= 0 are not judged)" },
	{ "side", OPT_ENUM, "both|upper|lower", 0, -1, "both",
	  "outliers: which fences apply" },
	{ "rule", OPT_ENUM, "gap|count|burst|all|both", 0, -1, NULL,
	  "bots: flag users by the median gap between their events, their event count, their bursts (events within burst_window), or any of them (all; both = gap or count); default gap and burst" },
	{ "min_gap", OPT_NUM, NULL, 0, -1, NULL,
	  "bots: flag a median gap under this many seconds (default: robust rule on log(1 + gap))" },
	{ "max_events", OPT_INT, NULL, 1, 1e12, NULL,
	  "bots: flag more events than this (default: robust rule on log(events))" },
	{ "min_events", OPT_INT, NULL, 2, 1e9, "5",
	  "bots: users with fewer timed events are not judged by their gaps" },
	{ "burst_window", OPT_NUM, NULL, 0.001, 1e9, "1",
	  "bots: seconds of a burst: the most events a user has with t <= time < t + window (1: the same second of whole-second times)" },
	{ "max_burst", OPT_INT, NULL, 1, 1e12, NULL,
	  "bots: flag more events than this within one burst window (default: max(50, 20 x the 90th percentile of the users' bursts))" },
	{ "value", OPT_STR, NULL, 0, -1, NULL,
	  "fill: the constant of method=constant" },
	{ "by", OPT_STR, NULL, 0, -1, NULL,
	  "fill: compute the statistic per group: the item or user id column (or item, user), creator, or a column" },
	{ "users", OPT_INT, NULL, 0, 1e9, NULL,
	  "kcore: minimum rows per user (default k)" },
	{ "items", OPT_INT, NULL, 0, 1e9, NULL,
	  "kcore: minimum rows per item (default k)" },
	{ "min", OPT_NUM, NULL, 0, -1, NULL,
	  "binarize: a row is positive when COLUMN >= min" },
	{ "equals", OPT_NUM, NULL, 0, -1, NULL,
	  "binarize: a row is positive when COLUMN == equals" },
	{ "weight", OPT_BOOL, NULL, 0, -1, "no",
	  "binarize: keep the signal as the column weight (the confidence of each positive) and make it the value column" },
	{ "keep", OPT_ENUM, "positive|all", 0, -1, "positive",
	  "binarize: keep only the positives, or every row with positive = 0 or 1" },
	{ "force", OPT_FLAG, NULL, 0, -1, NULL,
	  "let the step remove every row" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field clean_fields[] = {
	{ "step", "the step run" },
	{ "column", "the column worked on (outliers, fill, binarize), else null" },
	{ "table", "its table: log, items or users, else null" },
	{ "before", "rows, users and items of the log before the step" },
	{ "after", "rows, users and items after" },
	{ "removed", "log rows removed" },
	{ "changed", "values changed in place (fill, outliers action=cap)" },
	{ "reasons", "per reason: reason, rows (a row may break more than one rule)" },
	{ "mode", "dedup: event or exact" },
	{ "rules", "invalid: the range rules checked" },
	{ "window", "invalid, window: column, from, to (seconds; to excluded), from_auto, to_auto" },
	{ "rule", "outliers, bots: the rule as text" },
	{ "values", "outliers: values judged" },
	{ "skipped", "outliers: values not judged (missing, or <= 0 with scale=log)" },
	{ "stats", "outliers: q1 and q3 (iqr) or median and mad (z), on the rule's scale" },
	{ "fences", "outliers: lower and upper fence on the column's scale (null: open)" },
	{ "beyond", "outliers: values below the lower and above the upper fence" },
	{ "users_judged", "bots: users with rows" },
	{ "typical_gap", "bots: median of the users' median gaps (seconds)" },
	{ "gap_limit", "bots: median gaps under this are flagged (seconds, null: not used)" },
	{ "count_limit", "bots: more events than this are flagged (null: not used)" },
	{ "burst_window", "bots: seconds of a burst (null: not used)" },
	{ "typical_burst", "bots: the 90th percentile of the users' bursts (most events within one window)" },
	{ "burst_limit", "bots: more events within one window are flagged (null: not used)" },
	{ "flagged", "bots: users flagged" },
	{ "bots", "bots: per flagged user: user, events, median_gap, burst (null: not judged by it)" },
	{ "method", "fill: median, mean, mode or constant" },
	{ "by", "fill: the grouping, or null" },
	{ "value", "fill: the overall value (the constant, or the statistic of all values)" },
	{ "groups", "fill: groups with values" },
	{ "from_group", "fill: values filled from their group" },
	{ "fallback", "fill: values filled from the overall value (group without values)" },
	{ "user_k", "kcore: minimum rows per user" },
	{ "item_k", "kcore: minimum rows per item" },
	{ "rounds", "kcore: rounds until nothing changed" },
	{ "users_removed", "kcore: users dropped" },
	{ "items_removed", "kcore: items dropped" },
	{ "test", "binarize: the test of a positive" },
	{ "positives", "binarize: rows passing the test" },
	{ "negatives", "binarize: rows failing it" },
	{ "missing", "binarize: rows without a value (not positive)" },
	{ "value_column", "binarize: the log's value column afterwards" },
	{ "truth", "simulated worlds: kinds, unit (rows or users), dirty, flagged, found, recall, precision against the injected dirt; null without ground truth or for steps that target none" },
	{ "seconds", "wall time of the step" },
	{ "cpu_seconds", "CPU time of the step, all threads" },
	{ NULL, NULL }
};

static const char *
table_label(char where)
{
	return where == 'i' ? "items" : where == 'u' ? "users" : "log";
}

/* A number that may be undefined (NAN: null). */
static struct rnode *
num_or_null(struct rnode *o, const char *key, double x)
{
	return isnan(x) || isinf(x) ? rn_null(o, key) : rn_num(o, key, x);
}

static struct rnode *
time_or_null(struct rnode *o, const char *key, double x)
{
	return isnan(x) || isinf(x) ? rn_null(o, key) : rn_flags(rn_num(o, key, x), RF_TIME);
}

static void
counts(struct rnode *root, const char *key, size_t rows, uint32_t users,
    uint32_t items)
{
	struct rnode *o = rn_flags(rn_obj(root, key), RF_INLINE);

	rn_int(o, "rows", (int64_t)rows);
	rn_int(o, "users", users);
	rn_int(o, "items", items);
}

static void
report_window(struct report *r, const rs_clean_result *res)
{
	struct rnode *w = rn_label(rn_obj(report_root(r), "window"), "time window");

	rn_str(w, "column", res->time_column);
	time_or_null(w, "from", res->from);
	rn_label(time_or_null(w, "to", res->to), "until (excluded)");
	rn_flags(rn_bool(w, "from_auto", res->from_auto), RF_TEXT_HIDE);
	rn_flags(rn_bool(w, "to_auto", res->to_auto), RF_TEXT_HIDE);
	if (res->from_auto || res->to_auto)
		report_note(r, "%s decided from the data: the 5th..95th percentile span of %s, widened by itself (at least a day) on each side",
		    res->from_auto && res->to_auto ? "the window was" :
		    res->from_auto ? "its start was" : "its end was", res->time_column);
}

static void
report_outliers(struct rnode *root, const rs_clean_params *p,
    const rs_clean_result *res)
{
	struct rnode *o;
	char rule[256];

	if (p->method == RS_OUTLIER_IQR)
		snprintf(rule, sizeof rule, "iqr k=%g on %s%s%s, %s", p->k,
		    p->log_scale ? "log(" : "", res->column, p->log_scale ? ")" : "",
		    p->cap ? "cap" : "drop");
	else
		snprintf(rule, sizeof rule, "z=%g (median/MAD) on %s%s%s, %s", p->z,
		    p->log_scale ? "log(" : "", res->column, p->log_scale ? ")" : "",
		    p->cap ? "cap" : "drop");
	rn_str(root, "rule", rule);
	rn_label(rn_int(root, "values", (int64_t)res->values), "values judged");
	rn_label(rn_int(root, "skipped", (int64_t)res->skipped), "not judged");
	o = rn_flags(rn_obj(root, "stats"), RF_INLINE);
	if (p->method == RS_OUTLIER_IQR) {
		num_or_null(o, "q1", res->q1);
		num_or_null(o, "q3", res->q3);
	} else {
		num_or_null(o, "median", res->median);
		num_or_null(o, "mad", res->mad);
	}
	if (p->log_scale)
		rn_label(o, "stats of log");
	o = rn_flags(rn_obj(root, "fences"), RF_INLINE);
	rn_prec(num_or_null(o, "lower", res->lower), 6);
	rn_prec(num_or_null(o, "upper", res->upper), 6);
	o = rn_flags(rn_label(rn_obj(root, "beyond"), "values beyond"), RF_INLINE);
	rn_int(o, "below", (int64_t)res->below);
	rn_int(o, "above", (int64_t)res->above);
}

static void
report_bots(struct session *s, struct report *r, const rs_dataset *ds,
    const rs_clean_params *p, const rs_clean_result *res)
{
	struct rnode *root = report_root(r), *arr, *o;
	char rule[256] = "";
	size_t shown;

	if (p->bots_rule & RS_BOTS_GAP)
		snprintf(rule, sizeof rule, "median gap %s", isnan(p->min_gap) ?
		    "robust z on log(1 + gap)" : "threshold");
	if (p->bots_rule & RS_BOTS_COUNT)
		snprintf(rule + strlen(rule), sizeof rule - strlen(rule), "%sevents %s",
		    *rule ? "; " : "", isnan(p->max_events) ?
		    "robust z on log(events)" : "threshold");
	if (p->bots_rule & RS_BOTS_BURST)
		snprintf(rule + strlen(rule), sizeof rule - strlen(rule), "%sburst %s",
		    *rule ? "; " : "", isnan(p->max_burst) ?
		    "max(50, 20 x 90th percentile)" : "threshold");
	rn_str(root, "rule", rule);
	rn_label(rn_int(root, "users_judged", res->users_judged), "users judged");
	o = rn_label(rn_prec(num_or_null(root, "typical_gap", res->typical_gap), 4),
	    "typical gap (s)");
	if (!(p->bots_rule & RS_BOTS_GAP))
		rn_flags(o, RF_TEXT_HIDE);
	o = rn_label(rn_prec(num_or_null(root, "gap_limit", res->gap_limit), 4),
	    "gap limit (s)");
	if (!(p->bots_rule & RS_BOTS_GAP))
		rn_flags(o, RF_TEXT_HIDE);
	o = rn_label(num_or_null(root, "count_limit", res->count_limit), "event limit");
	if (!(p->bots_rule & RS_BOTS_COUNT))
		rn_flags(o, RF_TEXT_HIDE);
	o = rn_label(rn_prec(num_or_null(root, "burst_window", res->burst_window), 4),
	    "burst window (s)");
	if (!(p->bots_rule & RS_BOTS_BURST))
		rn_flags(o, RF_TEXT_HIDE);
	o = rn_label(rn_prec(num_or_null(root, "typical_burst", res->typical_burst), 4),
	    "typical burst (90th pct)");
	if (!(p->bots_rule & RS_BOTS_BURST))
		rn_flags(o, RF_TEXT_HIDE);
	o = rn_label(num_or_null(root, "burst_limit", res->burst_limit), "burst limit");
	if (!(p->bots_rule & RS_BOTS_BURST))
		rn_flags(o, RF_TEXT_HIDE);
	rn_label(rn_int(root, "flagged", (int64_t)res->nbots), "users flagged");
	/* all of them in JSON; the busiest ten in text */
	shown = s->json || res->nbots <= 12 ? res->nbots : 10;
	arr = rn_flags(rn_label(rn_arr(root, "bots"), "flagged users"), RF_TABLE);
	for (size_t i = 0; i < shown; i++) {
		struct rnode *row = rn_obj(arr, NULL);
		rn_str(row, "user", rs_ids_name(ds->users, res->bots[i].user));
		rn_int(row, "events", (int64_t)res->bots[i].events);
		rn_label(rn_prec(num_or_null(row, "median_gap", res->bots[i].median_gap), 4),
		    "median gap (s)");
		if (p->bots_rule & RS_BOTS_BURST)
			rn_int(row, "burst", (int64_t)res->bots[i].burst);
		else
			rn_flags(rn_null(row, "burst"), RF_TEXT_HIDE);
	}
	if (shown < res->nbots)
		report_note(r, "flagged users: the %zu with most events shown, %zu more (--json lists all)",
		    shown, res->nbots - shown);
}

static void
report_result(struct session *s, struct report *r, const rs_dataset *ds,
    const rs_clean_params *p, const rs_clean_result *res, double secs,
    double cpu)
{
	static const char *const fill_names[] = { "median", "mean", "mode", "constant" };
	struct rnode *root = report_root(r), *arr, *o;
	bool cap_or_fill = res->step == RS_CLEAN_FILL ||
	    (res->step == RS_CLEAN_OUTLIERS && p->cap);

	rn_str(root, "step", rs_clean_step_name(res->step));
	if (res->column[0]) {
		rn_str(root, "column", res->column);
		rn_str(root, "table", table_label(res->table));
	} else {
		rn_flags(rn_null(root, "column"), RF_TEXT_HIDE);
		rn_flags(rn_null(root, "table"), RF_TEXT_HIDE);
	}
	counts(root, "before", res->rows_before, res->users_before, res->items_before);
	counts(root, "after", res->rows_after, res->users_after, res->items_after);
	rn_label(rn_int(root, "removed", (int64_t)res->removed), "rows removed");
	o = rn_label(rn_int(root, "changed", (int64_t)res->changed), "values changed");
	if (!cap_or_fill)
		rn_flags(o, RF_TEXT_HIDE);
	arr = rn_flags(rn_label(rn_arr(root, "reasons"), cap_or_fill ? "changed" :
	    "removed"), RF_TABLE);
	for (size_t i = 0; i < res->nreasons; i++) {
		struct rnode *row = rn_obj(arr, NULL);
		rn_str(row, "reason", res->reasons[i].what);
		rn_int(row, "rows", (int64_t)res->reasons[i].rows);
	}
	switch (res->step) {
	case RS_CLEAN_DEDUP:
		/* without a time column only exact copies can be told */
		rn_str(root, "mode", p->exact_only || !res->time_column[0] ?
		    "exact" : "event");
		break;
	case RS_CLEAN_INVALID:
		rn_label(rn_str(root, "rules", res->rules[0] ? res->rules : "none"),
		    "range rules");
		if (res->time_column[0])
			report_window(r, res);
		else
			rn_flags(rn_null(root, "window"), RF_TEXT_HIDE);
		break;
	case RS_CLEAN_WINDOW:
		report_window(r, res);
		break;
	case RS_CLEAN_OUTLIERS:
		report_outliers(root, p, res);
		break;
	case RS_CLEAN_BOTS:
		report_bots(s, r, ds, p, res);
		break;
	case RS_CLEAN_FILL:
		rn_str(root, "method", fill_names[p->fill]);
		if (p->by)
			rn_str(root, "by", p->by);
		else
			rn_flags(rn_null(root, "by"), RF_TEXT_HIDE);
		if (res->fill_text[0])
			rn_label(rn_str(root, "value", res->fill_text), p->by ?
			    "overall value" : "value");
		else
			rn_null(root, "value");
		o = rn_int(root, "groups", (int64_t)res->groups);
		if (!p->by)
			rn_flags(o, RF_TEXT_HIDE);
		rn_flags(rn_int(root, "from_group", (int64_t)res->from_group), RF_TEXT_HIDE);
		rn_flags(rn_int(root, "fallback", (int64_t)res->fallback), RF_TEXT_HIDE);
		break;
	case RS_CLEAN_KCORE:
		rn_label(rn_int(root, "user_k", p->user_k), "min rows per user");
		rn_label(rn_int(root, "item_k", p->item_k), "min rows per item");
		rn_int(root, "rounds", res->rounds);
		rn_label(rn_int(root, "users_removed", res->users_removed), "users dropped");
		rn_label(rn_int(root, "items_removed", res->items_removed), "items dropped");
		break;
	case RS_CLEAN_BINARIZE: {
		char test[192];
		snprintf(test, sizeof test, "%s %s %.10g", res->column,
		    isnan(p->min) ? "==" : ">=", isnan(p->min) ? p->equals : p->min);
		rn_label(rn_str(root, "test", test), "positive when");
		rn_int(root, "positives", (int64_t)res->positives);
		rn_int(root, "negatives", (int64_t)res->negatives);
		rn_label(rn_int(root, "missing", (int64_t)res->missing), "no value");
		rn_label(rn_str(root, "value_column", res->value_column), "value column");
		break;
	}
	case RS_CLEAN_NSTEPS:
		break;
	}
	if (res->evaluated) {
		o = rn_flags(rn_label(rn_obj(root, "truth"), "injected dirt"), RF_INLINE);
		rn_str(o, "kinds", res->dirt_kinds);
		rn_str(o, "unit", res->dirt_unit);
		rn_int(o, "dirty", (int64_t)res->dirt_present);
		rn_int(o, "flagged", (int64_t)res->dirt_flagged);
		rn_int(o, "found", (int64_t)res->dirt_found);
		rn_flags(num_or_null(o, "recall", res->recall), RF_PERCENT);
		rn_flags(num_or_null(o, "precision", res->precision), RF_PERCENT);
	} else
		rn_flags(rn_null(root, "truth"), RF_TEXT_HIDE);
	rn_flags(rn_num(root, "seconds", secs), RF_TEXT_HIDE);
	rn_flags(rn_num(root, "cpu_seconds", cpu), RF_TEXT_HIDE);
}

/* The engine reads the options, runs the step and records it
 * (rs_workspace_apply); this shows what it removed or changed. */
static enum cmd_ret
cmd_clean_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_step_op op;
	rs_step_report rep;
	rs_error err;
	rs_hooks h;
	double t0, t1, c0, c1;
	const rs_clean_result *res = &rep.clean;
	int rc;

	rs_error_clear(&err);
	if (!call_step_op(s, c, &op))
		return CMD_ERROR;
	/* the options are judged before the data is asked for */
	if (rs_step_op_check(&op, &err) != 0 || session_data(s) == NULL) {
		rs_step_op_free(&op);
		return err.code != RS_OK ? cmd_error(s, "%s", err.msg) : CMD_ERROR;
	}
	h = session_hooks(s, r);
	t0 = rs_clock_wall();
	c0 = rs_clock_cpu();
	rc = rs_workspace_apply(s->ws, &op, &h, &rep, &err);
	t1 = rs_clock_wall();
	c1 = rs_clock_cpu();
	if (rc != 0) {
		rs_step_op_free(&op);
		return cmd_error(s, "%s", err.msg);
	}
	if (res->removed == 0 && res->changed == 0 && res->step != RS_CLEAN_BINARIZE)
		report_note(r, "nothing to %s: the data is unchanged (the step is still recorded)",
		    res->step == RS_CLEAN_FILL ? "fill" : rep.clean_params.cap ?
		    "change" : "remove");
	report_result(s, r, rs_workspace_data(s->ws), &rep.clean_params, res,
	    t1 - t0, c1 - c0);
	if (rep.features_rebuilt)
		report_note(r, "item features rebuilt with the changed %s", res->column);
	rs_step_report_free(&rep);
	rs_step_op_free(&op);
	return CMD_OK;
}

/* The i-th cleaning step's name, for completion (NULL past the last). */
static const char *
clean_step_word(int i)
{
	return i < RS_CLEAN_NSTEPS ? rs_clean_step_name(i) : NULL;
}

/* Completion: STEP, then the column of outliers and fill. */
static const struct cmd_arg clean_pos[] = { { ARG_WORD, NULL, clean_step_word },
	{ ARG_COLUMN, NULL, NULL }, { ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_clean_entry = {
	.name = "clean",
	.usage = "STEP [COLUMN] [options] [--force]   (STEP: dedup, invalid, outliers, bots, fill, kcore, binarize, window)",
	.help = "run a cleaning step on the log and show exactly what it removed or changed",
	.doc = "Each step makes a new state of the data, recorded in the pipeline (undo takes it "
	    "back, history replays it); it shows rows, users and items before and after and what "
	    "it removed or changed for each reason, and on a world made by generate how the "
	    "flagged rows or users match the injected dirt (recall, precision). Options that do "
	    "not apply to the step are errors. A step that would remove every row fails unless "
	    "--force. Ids keep their indices; the observed block is not touched.\n"
	    "  dedup: drops rows that repeat an earlier (user, item, time) event, keeping the "
	    "first (exact copies and re-sent events with other values); mode=exact drops only rows "
	    "equal in every column. Without a time column only exact copies go.\n"
	    "  invalid: drops rows with an id spelled as missing (NA, null...), a duration <= 0, a "
	    "ratio or count < 0 (override with positive=, nonnegative=), a value outside a "
	    "declared range (range=COL:MIN:MAX keeps MIN <= COL <= MAX, e.g. range=rating:0.5:5; "
	    "give it once per range; a missing value is not out of range; an unknown or text "
	    "column, a bound that is not a number or MIN above MAX is an error and nothing "
	    "changes), a missing value in a required= column, or a time outside the window: "
	    "from= and to=, or open sides decided from the data (window=auto).\n"
	    "  outliers COLUMN: Tukey fences q1 - k IQR, q3 + k IQR (method=iqr, k=1.5) or the "
	    "robust z-score |x - median| / (1.4826 MAD) > z (method=z, z=3.5), on x or log(x) "
	    "(scale=log); action=drop removes the rows (for an item or user column, their rows), "
	    "action=cap sets the values to the fences. Quantiles interpolate linearly between "
	    "order statistics.\n"
	    "  bots: drops every row of users whose median gap between events is implausibly short "
	    "(rule=gap: robust z on log(1 + gap), or min_gap=SECONDS), whose event count is "
	    "implausibly high (rule=count: robust z on log(events), or max_events=N), or who have "
	    "implausibly many events within burst_window=1 seconds (rule=burst: more than "
	    "max(50, 20 x the 90th percentile of the users' bursts), or max_burst=N; people "
	    "rate in bursts too, MovieLens latest-small's busiest user 128 ratings in one second, "
	    "so the limit sits far above what most users do). The default is gap and burst; "
	    "rule=all adds count, rule=both is gap and count.\n"
	    "  fill COLUMN: sets missing values to the median, mean, mode (ties to the smallest) or "
	    "value= of the column (log, items or users table), or with by= to the statistic of "
	    "the row's group (by=video_id: the same video's other rows; by=creator: the "
	    "creator's videos), falling back to the overall value; means and medians are "
	    "rounded to the column's written decimals.\n"
	    "  kcore: drops users with fewer than users= rows and items with fewer than items= "
	    "rows (both k=5), again until none is left (rows are counted: dedup first).\n"
	    "  binarize [COLUMN]: the signal (default the value column) becomes positive = 1 when "
	    "COLUMN >= min or == equals; keep=positive drops the rest, keep=all keeps them as 0; "
	    "weight=yes keeps the signal as the column weight, the confidence of each positive. "
	    "The new column is the value column.\n"
	    "  window: keeps rows with from <= time < to (a date alone as to= keeps that whole day).",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 2,
	.pos = clean_pos,
	.opts = clean_opts,
	.fields = clean_fields,
	.exec = cmd_clean_exec,
};
