/* clean: run one cleaning step (dedup, invalid, outliers, bots, fill, kcore, binarize, window) as a pipeline step and show what it did. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "reelscope/features.h"
#include "util/text.h"

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
	{ "rule", OPT_ENUM, "gap|count|both", 0, -1, "gap",
	  "bots: flag users by the median gap between their events, by their event count, or either" },
	{ "min_gap", OPT_NUM, NULL, 0, -1, NULL,
	  "bots: flag a median gap under this many seconds (default: robust rule on log(1 + gap))" },
	{ "max_events", OPT_INT, NULL, 1, 1e12, NULL,
	  "bots: flag more events than this (default: robust rule on log(events))" },
	{ "min_events", OPT_INT, NULL, 2, 1e9, "5",
	  "bots: users with fewer timed events are not judged by their gaps" },
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
	{ "flagged", "bots: users flagged" },
	{ "bots", "bots: per flagged user: user, events, median_gap" },
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

/* Options each step takes (besides --force), and its usage. */
static const struct step_spec {
	const char *opts;	/* space-separated */
	const char *usage;
	int column;		/* 0 none, 1 optional, 2 required */
} specs[RS_CLEAN_NSTEPS] = {
	[RS_CLEAN_DEDUP] = { "mode", "clean dedup [mode=event|exact]", 0 },
	[RS_CLEAN_INVALID] = { "from to window positive nonnegative required",
	    "clean invalid [from=T] [to=T] [window=auto|off] [positive=COLS] [nonnegative=COLS] [required=COLS]", 0 },
	[RS_CLEAN_OUTLIERS] = { "table method k z action scale side",
	    "clean outliers COLUMN [method=iqr|z] [k=1.5] [z=3.5] [action=drop|cap] [scale=linear|log] [side=both|upper|lower] [table=...]", 2 },
	[RS_CLEAN_BOTS] = { "rule z min_gap max_events min_events",
	    "clean bots [rule=gap|count|both] [z=3.5] [min_gap=SECONDS] [max_events=N] [min_events=5]", 0 },
	[RS_CLEAN_FILL] = { "table method value by",
	    "clean fill COLUMN [method=median|mean|mode|constant] [value=V] [by=GROUP] [table=...]", 2 },
	[RS_CLEAN_KCORE] = { "k users items", "clean kcore [k=5] [users=N] [items=N]", 0 },
	[RS_CLEAN_BINARIZE] = { "min equals weight keep",
	    "clean binarize [COLUMN] min=T|equals=V [weight=yes] [keep=positive|all]", 1 },
	[RS_CLEAN_WINDOW] = { "from to", "clean window [from=T] [to=T]", 0 },
};

static bool
word_in(const char *list, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = list; *p;) {
		size_t len = strcspn(p, " ");
		if (len == n && strncmp(p, w, n) == 0)
			return true;
		p += len;
		while (*p == ' ')
			p++;
	}
	return false;
}

/* Options of the step as "a=, b=" for messages. */
static void
step_opt_list(int step, char *buf, size_t size)
{
	size_t o = 0;
	const char *p = specs[step].opts;

	buf[0] = '\0';
	while (*p && o + 4 < size) {
		size_t len = strcspn(p, " ");
		o += (size_t)snprintf(buf + o, size - o, "%s%.*s=", o ? ", " : "",
		    (int)len, p);
		p += len;
		while (*p == ' ')
			p++;
	}
}

/* The step named by the first argument, or -1 after an error. */
static int
find_step(struct session *s, const char *name)
{
	int step = rs_clean_step_find(name), near = -1;

	if (step >= 0)
		return step;
	for (int i = 0; i < RS_CLEAN_NSTEPS && near < 0; i++) {
		const char *sn = rs_clean_step_name(i);
		if (strlen(name) >= 2 && (strncmp(sn, name, strlen(name)) == 0 ||
		    strncmp(sn, name, 3) == 0))
			near = i;
	}
	cmd_error(s, "clean: unknown step \"%s\" (%s%s%ssteps: dedup, invalid, outliers, bots, fill, kcore, binarize, window)",
	    name, near >= 0 ? "did you mean " : "",
	    near >= 0 ? rs_clean_step_name(near) : "", near >= 0 ? "? " : "");
	return -1;
}

/* Parse a time option: a date, a date-time or unix seconds. The window's
 * end is excluded; an end given as a date means the end of that day. */
static int
parse_time_opt(struct session *s, const char *step, const char *key,
    const char *v, bool end, double *out)
{
	size_t len = strlen(v);
	char *e;

	if (parse_datetime(v, len, out)) {
		bool date_only = len == 10;
		if (end && date_only)
			*out += 86400;
		return 0;
	}
	*out = strtod(v, &e);
	if (len > 0 && *e == '\0' && isfinite(*out))
		return 0;
	cmd_error(s, "clean %s: %s=%s is not a date (YYYY-MM-DD), a date-time (YYYY-MM-DD HH:MM:SS) or unix seconds",
	    step, key, v);
	return -1;
}

/* Check that every option applies to the step and read them into p. */
static int
read_params(struct session *s, struct cmd_call *c, int step,
    rs_clean_params *p)
{
	const char *name = rs_clean_step_name(step), *m;
	char list[256];

	for (size_t i = 0; i < c->nopts; i++)
		if (!word_in(specs[step].opts, c->keys[i])) {
			step_opt_list(step, list, sizeof list);
			return cmd_error(s, "clean %s: %s= does not apply to %s (its options: %s; flag --force)",
			    name, c->keys[i], name, list), -1;
		}
	if (specs[step].column == 0 && c->nargs > 1)
		return cmd_error(s, "clean %s takes no column; usage: %s", name,
		    specs[step].usage), -1;
	if (specs[step].column == 2 && c->nargs < 2)
		return cmd_error(s, "clean %s needs a column; usage: %s", name,
		    specs[step].usage), -1;
	rs_clean_params_init(p, (enum rs_clean_step)step);
	p->column = c->nargs > 1 ? c->args[1] : NULL;
	p->table = call_get(c, "table");
	p->force = call_flag(c, "force");
	m = call_get(c, "method");
	switch (step) {
	case RS_CLEAN_DEDUP:
		p->exact_only = call_has(c, "mode") && strcmp(call_get(c, "mode"), "exact") == 0;
		break;
	case RS_CLEAN_INVALID:
	case RS_CLEAN_WINDOW:
		if (call_has(c, "from") && parse_time_opt(s, name, "from",
		    call_get(c, "from"), false, &p->from) != 0)
			return -1;
		if (call_has(c, "to") && parse_time_opt(s, name, "to",
		    call_get(c, "to"), true, &p->to) != 0)
			return -1;
		p->check_time = !(call_has(c, "window") && strcmp(call_get(c, "window"), "off") == 0);
		p->positive = call_get(c, "positive");
		p->nonnegative = call_get(c, "nonnegative");
		p->required = call_get(c, "required");
		break;
	case RS_CLEAN_OUTLIERS:
		if (m && strcmp(m, "iqr") != 0 && strcmp(m, "z") != 0)
			return cmd_error(s, "clean outliers: method=%s must be one of iqr, z", m), -1;
		p->method = m && strcmp(m, "z") == 0 ? RS_OUTLIER_Z : RS_OUTLIER_IQR;
		p->k = call_num(c, "k", 1.5);
		if (!(p->k > 0))
			return cmd_error(s, "clean outliers: k=%s must be above 0", call_get(c, "k")), -1;
		if (call_has(c, "k") && p->method == RS_OUTLIER_Z)
			return cmd_error(s, "clean outliers: k= goes with method=iqr; method=z takes z="), -1;
		if (call_has(c, "z") && p->method == RS_OUTLIER_IQR)
			return cmd_error(s, "clean outliers: z= goes with method=z; method=iqr takes k="), -1;
		p->z = call_num(c, "z", 3.5);
		p->cap = call_has(c, "action") && strcmp(call_get(c, "action"), "cap") == 0;
		p->log_scale = call_has(c, "scale") && strcmp(call_get(c, "scale"), "log") == 0;
		if (call_has(c, "side"))
			p->side = strcmp(call_get(c, "side"), "upper") == 0 ? RS_SIDE_UPPER :
			    strcmp(call_get(c, "side"), "lower") == 0 ? RS_SIDE_LOWER :
			    RS_SIDE_BOTH;
		break;
	case RS_CLEAN_BOTS:
		p->z = call_num(c, "z", 3.5);
		p->min_gap = call_num(c, "min_gap", NAN);
		p->max_events = call_has(c, "max_events") ?
		    (double)call_int(c, "max_events", 0) : NAN;
		p->min_events = (uint32_t)call_int(c, "min_events", 5);
		if (call_has(c, "rule")) {
			const char *r = call_get(c, "rule");
			p->bots_rule = strcmp(r, "gap") == 0 ? RS_BOTS_GAP :
			    strcmp(r, "count") == 0 ? RS_BOTS_COUNT :
			    RS_BOTS_GAP | RS_BOTS_COUNT;
			if (call_has(c, "min_gap") && !(p->bots_rule & RS_BOTS_GAP))
				return cmd_error(s, "clean bots: min_gap= goes with rule=gap or rule=both"), -1;
			if (call_has(c, "max_events") && !(p->bots_rule & RS_BOTS_COUNT))
				return cmd_error(s, "clean bots: max_events= goes with rule=count or rule=both"), -1;
		} else if (call_has(c, "min_gap") || call_has(c, "max_events"))
			/* the thresholds given say which signals to look at */
			p->bots_rule = (call_has(c, "min_gap") ? RS_BOTS_GAP : 0) |
			    (call_has(c, "max_events") ? RS_BOTS_COUNT : 0);
		break;
	case RS_CLEAN_FILL:
		if (m && strcmp(m, "median") != 0 && strcmp(m, "mean") != 0 &&
		    strcmp(m, "mode") != 0 && strcmp(m, "constant") != 0)
			return cmd_error(s, "clean fill: method=%s must be one of median, mean, mode, constant", m), -1;
		p->fill = !m || strcmp(m, "median") == 0 ? RS_FILL_MEDIAN :
		    strcmp(m, "mean") == 0 ? RS_FILL_MEAN :
		    strcmp(m, "mode") == 0 ? RS_FILL_MODE : RS_FILL_CONSTANT;
		p->value = call_get(c, "value");
		p->by = call_get(c, "by");
		if (p->value && !m)
			p->fill = RS_FILL_CONSTANT;	/* value= alone says it */
		break;
	case RS_CLEAN_KCORE: {
		double k = call_num(c, "k", 5);
		if (!(k >= 0 && k <= 1e9 && k == floor(k)))
			return cmd_error(s, "clean kcore: k=%s must be a whole number from 0", call_get(c, "k")), -1;
		p->user_k = (uint32_t)call_int(c, "users", (long long)k);
		p->item_k = (uint32_t)call_int(c, "items", (long long)k);
		break;
	}
	case RS_CLEAN_BINARIZE:
		p->min = call_num(c, "min", NAN);
		p->equals = call_num(c, "equals", NAN);
		p->weight = call_bool(c, "weight", 0) == 1;
		p->keep_all = call_has(c, "keep") && strcmp(call_get(c, "keep"), "all") == 0;
		break;
	}
	{
		const char *msg = rs_clean_params_check(p);
		if (msg != NULL)
			return cmd_error(s, "clean %s: %s; usage: %s", name, msg,
			    specs[step].usage), -1;
	}
	return 0;
}

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

static double
seconds_of(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (b->tv_nsec - a->tv_nsec) / 1e9;
}

static enum cmd_ret
cmd_clean_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds, *out;
	rs_features *nf = NULL;
	rs_clean_params p;
	rs_clean_result res;
	rs_error err;
	rs_hooks h;
	struct timespec t0, t1, c0, c1;
	int step = find_step(s, c->args[0]);
	const char *name;

	if (step < 0)
		return CMD_ERROR;
	name = rs_clean_step_name(step);
	if (read_params(s, c, step, &p) != 0)
		return CMD_ERROR;
	if ((ds = session_data(s)) == NULL)
		return CMD_ERROR;
	h = session_hooks(s, r);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
	out = rs_clean_run(ds, &p, &res, &h, &err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	if (out == NULL) {
		if (res.needs_force)
			return cmd_error(s, "clean %s: %s; nothing changed (repeat with --force to do it anyway)",
			    name, err.msg);
		return cmd_error(s, "clean %s: %s; nothing changed", name, err.msg);
	}
	/* features built before see the changed item table too (fill or
	 * capped outliers of an item column), as after classify */
	if (rs_workspace_features(s->ws) != NULL && res.table == 'i' &&
	    res.changed > 0) {
		nf = rs_features_rebuild(rs_workspace_features(s->ws), out, NULL,
		    &err);
		if (nf == NULL) {
			rs_dataset_free(out);
			rs_clean_result_free(&res);
			return cmd_error(s, "clean %s: rebuilding the item features failed: %s; nothing changed",
			    name, err.msg);
		}
	}
	if (res.removed == 0 && res.changed == 0 && res.step != RS_CLEAN_BINARIZE)
		report_note(r, "nothing to %s: the data is unchanged (the step is still recorded)",
		    res.step == RS_CLEAN_FILL ? "fill" : p.cap ? "change" : "remove");
	report_result(s, r, out, &p, &res, seconds_of(&t0, &t1),
	    seconds_of(&c0, &c1));
	/* a step that found nothing to do leaves models and results valid */
	session_step_as(s, c, out, res.summary, res.removed > 0 || res.changed > 0 ||
	    res.step == RS_CLEAN_BINARIZE);
	if (nf != NULL) {
		rs_workspace_set_features(s->ws, nf, rs_features_release);
		report_note(r, "item features rebuilt with the changed %s", res.column);
	}
	rs_clean_result_free(&res);
	return CMD_OK;
}

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
	    "ratio or count < 0 (override with positive=, nonnegative=), a missing value in a "
	    "required= column, or a time outside the window: from= and to=, or open sides decided "
	    "from the data (window=auto).\n"
	    "  outliers COLUMN: Tukey fences q1 - k IQR, q3 + k IQR (method=iqr, k=1.5) or the "
	    "robust z-score |x - median| / (1.4826 MAD) > z (method=z, z=3.5), on x or log(x) "
	    "(scale=log); action=drop removes the rows (for an item or user column, their rows), "
	    "action=cap sets the values to the fences. Quantiles interpolate linearly between "
	    "order statistics.\n"
	    "  bots: drops every row of users whose median gap between events is implausibly short "
	    "(rule=gap: robust z on log(1 + gap), or min_gap=SECONDS) or whose event count is "
	    "implausibly high (rule=count: robust z on log(events), or max_events=N).\n"
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
	.opts = clean_opts,
	.fields = clean_fields,
	.exec = cmd_clean_exec,
};
