/* The clean step as an operation: its options read into rs_clean_params, run, recorded. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "workspace/apply-int.h"
#include "reelscope/clean.h"
#include "reelscope/features.h"
#include "util/text.h"

/* Options each step takes (besides --force), and its usage. */
static const struct step_spec {
	const char *opts;	/* space-separated */
	const char *usage;
	int column;		/* 0 none, 1 optional, 2 required */
} specs[RS_CLEAN_NSTEPS] = {
	[RS_CLEAN_DEDUP] = { "mode", "clean dedup [mode=event|exact]", 0 },
	[RS_CLEAN_INVALID] = { "from to window positive nonnegative required range",
	    "clean invalid [from=T] [to=T] [window=auto|off] [positive=COLS] [nonnegative=COLS] [required=COLS] [range=COL:MIN:MAX ...]", 0 },
	[RS_CLEAN_OUTLIERS] = { "table method k z action scale side",
	    "clean outliers COLUMN [method=iqr|z] [k=1.5] [z=3.5] [action=drop|cap] [scale=linear|log] [side=both|upper|lower] [table=...]", 2 },
	[RS_CLEAN_BOTS] = { "rule z min_gap max_events min_events burst_window max_burst",
	    "clean bots [rule=gap|count|burst|all] [z=3.5] [min_gap=SECONDS] [max_events=N] [min_events=5] [burst_window=1] [max_burst=N]", 0 },
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

/* The step named by the first argument, or -1 with err set. */
static int
find_step(const char *name, rs_error *err)
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
	rs_error_set(err, RS_EINVAL, "clean: unknown step \"%s\" (%s%s%ssteps: dedup, invalid, outliers, bots, fill, kcore, binarize, window)",
	    name, near >= 0 ? "did you mean " : "",
	    near >= 0 ? rs_clean_step_name(near) : "", near >= 0 ? "? " : "");
	return -1;
}

/* Parse a time option: a date, a date-time or unix seconds. The window's
 * end is excluded; an end given as a date means the end of that day. */
static int
parse_time_opt(const char *step, const char *key, const char *v, bool end,
    double *out, rs_error *err)
{
	size_t len = strlen(v);
	char *e;

	if (util_parse_datetime(v, len, out)) {
		bool date_only = len == 10;
		if (end && date_only)
			*out += 86400;
		return 0;
	}
	*out = strtod(v, &e);
	if (len > 0 && *e == '\0' && isfinite(*out))
		return 0;
	rs_error_set(err, RS_EINVAL, "clean %s: %s=%s is not a date (YYYY-MM-DD), a date-time (YYYY-MM-DD HH:MM:SS) or unix seconds",
	    step, key, v);
	return -1;
}

/* The positional word i of op (0: the step's name), or NULL. */
static const char *
op_arg(const rs_step_op *op, size_t i)
{
	for (size_t k = 0; k < op->nparams; k++)
		if (op->params[k].key == NULL && i-- == 0)
			return op->params[k].value;
	return NULL;
}

static size_t
op_nargs(const rs_step_op *op)
{
	size_t n = 0;

	for (size_t k = 0; k < op->nparams; k++)
		n += op->params[k].key == NULL;
	return n;
}

static bool
has(const rs_step_op *op, const char *key)
{
	return rs_step_op_get(op, key) != NULL;
}

static double
num(const rs_step_op *op, const char *key, double def)
{
	const char *v = rs_step_op_get(op, key);

	return v != NULL ? strtod(v, NULL) : def;
}

static long long
whole(const rs_step_op *op, const char *key, long long def)
{
	const char *v = rs_step_op_get(op, key);

	return v != NULL ? strtoll(v, NULL, 10) : def;
}

/* key= is the word w. */
static bool
is(const rs_step_op *op, const char *key, const char *w)
{
	const char *v = rs_step_op_get(op, key);

	return v != NULL && strcmp(v, w) == 0;
}

/* Every option must be one of the step's, the column there when needed. */
static int
check_shape(const rs_step_op *op, int step, rs_error *err)
{
	const char *name = rs_clean_step_name(step);
	size_t nargs = op_nargs(op);
	char list[256];

	for (size_t i = 0; i < op->nparams; i++) {
		const rs_step_param *q = &op->params[i];
		if (q->key == NULL || q->value == NULL)
			continue;
		if (!word_in(specs[step].opts, q->key)) {
			step_opt_list(step, list, sizeof list);
			rs_error_set(err, RS_EINVAL, "clean %s: %s= does not apply to %s (its options: %s; flag --force)",
			    name, q->key, name, list);
			return -1;
		}
	}
	if (specs[step].column == 0 && nargs > 1) {
		rs_error_set(err, RS_EINVAL, "clean %s takes no column; usage: %s", name,
		    specs[step].usage);
		return -1;
	}
	if (specs[step].column == 2 && nargs < 2) {
		rs_error_set(err, RS_EINVAL, "clean %s needs a column; usage: %s", name,
		    specs[step].usage);
		return -1;
	}
	return 0;
}

/* invalid, window: the time window and the range rules. */
static int
read_window(const rs_step_op *op, const char *name, rs_clean_params *p,
    rs_error *err)
{
	if (has(op, "from") && parse_time_opt(name, "from",
	    rs_step_op_get(op, "from"), false, &p->from, err) != 0)
		return -1;
	if (has(op, "to") && parse_time_opt(name, "to", rs_step_op_get(op, "to"),
	    true, &p->to, err) != 0)
		return -1;
	p->check_time = !is(op, "window", "off");
	p->positive = rs_step_op_get(op, "positive");
	p->nonnegative = rs_step_op_get(op, "nonnegative");
	p->required = rs_step_op_get(op, "required");
	/* range= may be given more than once: every one is a rule */
	for (size_t i = 0; i < op->nparams; i++) {
		const rs_step_param *q = &op->params[i];
		if (q->key == NULL || q->value == NULL || strcmp(q->key, "range") != 0)
			continue;
		if (p->nranges == RS_CLEAN_MAX_RANGES)
			return rs_error_set(err, RS_EINVAL, "clean %s: at most %d range= options",
			    name, RS_CLEAN_MAX_RANGES), -1;
		p->ranges[p->nranges++] = q->value;
	}
	return 0;
}

/* outliers: the rule, its limit and what to do with the values beyond. */
static int
read_outliers(const rs_step_op *op, rs_clean_params *p, rs_error *err)
{
	const char *m = rs_step_op_get(op, "method");

	if (m && strcmp(m, "iqr") != 0 && strcmp(m, "z") != 0)
		return rs_error_set(err, RS_EINVAL, "clean outliers: method=%s must be one of iqr, z", m), -1;
	p->method = m && strcmp(m, "z") == 0 ? RS_OUTLIER_Z : RS_OUTLIER_IQR;
	p->k = num(op, "k", 1.5);
	if (!(p->k > 0))
		return rs_error_set(err, RS_EINVAL, "clean outliers: k=%s must be above 0",
		    rs_step_op_get(op, "k")), -1;
	if (has(op, "k") && p->method == RS_OUTLIER_Z)
		return rs_error_set(err, RS_EINVAL, "clean outliers: k= goes with method=iqr; method=z takes z="), -1;
	if (has(op, "z") && p->method == RS_OUTLIER_IQR)
		return rs_error_set(err, RS_EINVAL, "clean outliers: z= goes with method=z; method=iqr takes k="), -1;
	p->z = num(op, "z", 3.5);
	p->cap = is(op, "action", "cap");
	p->log_scale = is(op, "scale", "log");
	if (has(op, "side"))
		p->side = is(op, "side", "upper") ? RS_SIDE_UPPER :
		    is(op, "side", "lower") ? RS_SIDE_LOWER : RS_SIDE_BOTH;
	return 0;
}

/* bots: which signals flag a user, and their limits. */
static int
read_bots(const rs_step_op *op, rs_clean_params *p, rs_error *err)
{
	p->z = num(op, "z", 3.5);
	p->min_gap = num(op, "min_gap", NAN);
	p->max_events = has(op, "max_events") ?
	    (double)whole(op, "max_events", 0) : NAN;
	p->min_events = (uint32_t)whole(op, "min_events", 5);
	p->burst_window = num(op, "burst_window", 1);
	p->max_burst = has(op, "max_burst") ? (double)whole(op, "max_burst", 0) : NAN;
	if (has(op, "rule")) {
		/* both: gap and count, the two rules before burst came */
		p->bots_rule = is(op, "rule", "gap") ? RS_BOTS_GAP :
		    is(op, "rule", "count") ? RS_BOTS_COUNT :
		    is(op, "rule", "burst") ? RS_BOTS_BURST :
		    is(op, "rule", "both") ? RS_BOTS_GAP | RS_BOTS_COUNT :
		    is(op, "rule", "all") ? RS_BOTS_GAP | RS_BOTS_COUNT | RS_BOTS_BURST : 0;
		if (p->bots_rule == 0)
			return rs_error_set(err, RS_EINVAL, "clean bots: rule=%s must be one of gap, count, burst, all",
			    rs_step_op_get(op, "rule")), -1;
		if (has(op, "min_gap") && !(p->bots_rule & RS_BOTS_GAP))
			return rs_error_set(err, RS_EINVAL, "clean bots: min_gap= goes with rule=gap or rule=all"), -1;
		if (has(op, "max_events") && !(p->bots_rule & RS_BOTS_COUNT))
			return rs_error_set(err, RS_EINVAL, "clean bots: max_events= goes with rule=count or rule=all"), -1;
		if ((has(op, "max_burst") || has(op, "burst_window")) && !(p->bots_rule & RS_BOTS_BURST))
			return rs_error_set(err, RS_EINVAL, "clean bots: %s= goes with rule=burst or rule=all",
			    has(op, "max_burst") ? "max_burst" : "burst_window"), -1;
	} else if (has(op, "min_gap") || has(op, "max_events") || has(op, "max_burst") ||
	    has(op, "burst_window"))
		/* the thresholds given say which signals to look at */
		p->bots_rule = (has(op, "min_gap") ? RS_BOTS_GAP : 0) |
		    (has(op, "max_events") ? RS_BOTS_COUNT : 0) |
		    (has(op, "max_burst") || has(op, "burst_window") ? RS_BOTS_BURST : 0);
	return 0;
}

/* fill: the statistic (or constant) and its grouping. */
static int
read_fill(const rs_step_op *op, rs_clean_params *p, rs_error *err)
{
	const char *m = rs_step_op_get(op, "method");

	if (m && strcmp(m, "median") != 0 && strcmp(m, "mean") != 0 &&
	    strcmp(m, "mode") != 0 && strcmp(m, "constant") != 0)
		return rs_error_set(err, RS_EINVAL, "clean fill: method=%s must be one of median, mean, mode, constant", m), -1;
	p->fill = !m || strcmp(m, "median") == 0 ? RS_FILL_MEDIAN :
	    strcmp(m, "mean") == 0 ? RS_FILL_MEAN :
	    strcmp(m, "mode") == 0 ? RS_FILL_MODE : RS_FILL_CONSTANT;
	p->value = rs_step_op_get(op, "value");
	p->by = rs_step_op_get(op, "by");
	if (p->value && !m)
		p->fill = RS_FILL_CONSTANT;	/* value= alone says it */
	return 0;
}

/* The options of the step op names, read into p (whose strings point into
 * op); the step's index, or -1 with err set. */
int
ws_apply_clean_params(const rs_step_op *op, rs_clean_params *p, rs_error *err)
{
	const char *name, *msg;
	int step, rc = 0;

	if ((step = find_step(op_arg(op, 0) ? op_arg(op, 0) : "", err)) < 0 ||
	    check_shape(op, step, err) != 0)
		return -1;
	name = rs_clean_step_name(step);
	rs_clean_params_init(p, (enum rs_clean_step)step);
	p->column = op_arg(op, 1);
	p->table = rs_step_op_get(op, "table");
	p->force = rs_step_op_flag(op, "force");
	switch (step) {
	case RS_CLEAN_DEDUP:
		p->exact_only = is(op, "mode", "exact");
		break;
	case RS_CLEAN_INVALID:
	case RS_CLEAN_WINDOW:
		rc = read_window(op, name, p, err);
		break;
	case RS_CLEAN_OUTLIERS:
		rc = read_outliers(op, p, err);
		break;
	case RS_CLEAN_BOTS:
		rc = read_bots(op, p, err);
		break;
	case RS_CLEAN_FILL:
		rc = read_fill(op, p, err);
		break;
	case RS_CLEAN_KCORE: {
		double k = num(op, "k", 5);
		if (!(k >= 0 && k <= 1e9 && k == floor(k)))
			return rs_error_set(err, RS_EINVAL, "clean kcore: k=%s must be a whole number from 0",
			    rs_step_op_get(op, "k")), -1;
		p->user_k = (uint32_t)whole(op, "users", (long long)k);
		p->item_k = (uint32_t)whole(op, "items", (long long)k);
		break;
	}
	case RS_CLEAN_BINARIZE:
		p->min = num(op, "min", NAN);
		p->equals = num(op, "equals", NAN);
		p->weight = is(op, "weight", "yes") || is(op, "weight", "true") ||
		    is(op, "weight", "on") || is(op, "weight", "1");
		p->keep_all = is(op, "keep", "all");
		break;
	}
	if (rc != 0)
		return -1;
	if ((msg = rs_clean_params_check(p)) != NULL) {
		rs_error_set(err, RS_EINVAL, "clean %s: %s; usage: %s", name, msg,
		    specs[step].usage);
		return -1;
	}
	return step;
}

/* clean STEP [COLUMN] [options]: a new state of the data; item features
 * built before are rebuilt when the step changed the item table. */
int
ws_apply_clean(rs_workspace *ws, const rs_step_op *op, const rs_hooks *h,
    rs_step_report *out, rs_error *err)
{
	rs_clean_params p;
	rs_clean_result *res = &out->clean;
	rs_dataset *ds;
	rs_error e;
	const char *name;
	char what[64];
	int step = ws_apply_clean_params(op, &p, err);

	if (step < 0)
		return -1;
	name = rs_clean_step_name(step);
	if ((ds = rs_clean_run(ws->data, &p, res, h, &e)) == NULL) {
		if (res->needs_force)
			rs_error_set(err, e.code, "clean %s: %s; nothing changed (repeat with --force to do it anyway)",
			    name, e.msg);
		else
			rs_error_set(err, e.code, "clean %s: %s; nothing changed", name, e.msg);
		return -1;
	}
	out->has_clean = true;
	out->clean_params = p;
	snprintf(what, sizeof what, "clean %s", name);
	/* a step that found nothing to do leaves models and results valid */
	if (ws_apply_commit(ws, ds, res->removed > 0 || res->changed > 0 ||
	    res->step == RS_CLEAN_BINARIZE, res->table == 'i' && res->changed > 0,
	    op, res->summary, what, out, err) != 0) {
		rs_step_report_free(out);
		return -1;
	}
	return 0;
}
