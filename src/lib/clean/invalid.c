/* clean invalid: rows breaking declared ranges — ids spelled as missing, durations <= 0, negative ratios, values outside range=COL:MIN:MAX, times outside a window, missing required values. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"
#include "util/text.h"
#include "util/xmalloc.h"

enum rule_kind { R_USER_ID, R_ITEM_ID, R_BEFORE, R_AFTER, R_POSITIVE,
	R_NONNEG, R_REQUIRED, R_RANGE };

/* One check every row goes through. */
struct rule {
	enum rule_kind kind;
	const rs_column *col;	/* R_POSITIVE, R_NONNEG, R_REQUIRED, R_RANGE */
	double lo, hi;		/* R_RANGE: lo <= x <= hi */
};

#define MAX_RULES RS_CLEAN_MAX_REASONS

static bool
name_has(const char *name, const char *part)
{
	size_t lp = strlen(part);

	for (const char *s = name; *s; s++) {
		size_t i = 0;
		while (i < lp && s[i] && tolower((unsigned char)s[i]) == part[i])
			i++;
		if (i == lp)
			return true;
	}
	return false;
}

static bool
has_rule(const struct rule *rules, size_t n, enum rule_kind k,
    const rs_column *c)
{
	for (size_t i = 0; i < n; i++)
		if (rules[i].kind == k && rules[i].col == c && k != R_RANGE)
			return true;
	return false;
}

static int
add_rule(struct rule *rules, size_t *n, enum rule_kind k, const rs_column *c,
    rs_error *err)
{
	if (has_rule(rules, *n, k, c))
		return 0;
	if (*n == MAX_RULES) {
		rs_error_set(err, RS_EINVAL, "too many columns to check (at most %d rules)",
		    MAX_RULES);
		return -1;
	}
	rules[*n].kind = k;
	rules[*n].lo = rules[*n].hi = NAN;
	rules[(*n)++].col = c;
	return 0;
}

/* One bound of range=: a number, not NaN. */
static bool
range_bound(const char *s, size_t len, double *out)
{
	char buf[64], *e;

	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	*out = strtod(buf, &e);
	return *e == '\0' && !isnan(*out);
}

/* A declared range "COL:MIN:MAX" as a rule; the column name may itself hold
 * colons, so the bounds are the last two fields. */
static int
range_rule(const rs_dataset *ds, const char *spec, struct rule *rules,
    size_t *n, rs_error *err)
{
	const char *c2 = strrchr(spec, ':'), *c1 = NULL;
	char name[256];
	double lo, hi;
	int j;

	for (const char *s = c2 ? c2 - 1 : NULL; s != NULL && s >= spec; s--)
		if (*s == ':') {
			c1 = s;
			break;
		}
	if (c1 == NULL || c1 == spec || (size_t)(c1 - spec) >= sizeof name)
		return rs_error_set(err, RS_EINVAL, "range=%s: expected COLUMN:MIN:MAX (e.g. range=rating:0.5:5)",
		    spec), -1;
	memcpy(name, spec, (size_t)(c1 - spec));
	name[c1 - spec] = '\0';
	if (!range_bound(c1 + 1, (size_t)(c2 - c1 - 1), &lo))
		return rs_error_set(err, RS_EINVAL, "range=%s: MIN \"%.*s\" is not a number",
		    spec, (int)(c2 - c1 - 1), c1 + 1), -1;
	if (!range_bound(c2 + 1, strlen(c2 + 1), &hi))
		return rs_error_set(err, RS_EINVAL, "range=%s: MAX \"%s\" is not a number",
		    spec, c2 + 1), -1;
	if (lo > hi)
		return rs_error_set(err, RS_EINVAL, "range=%s: MIN %g is above MAX %g",
		    spec, lo, hi), -1;
	if ((j = rs_table_find(&ds->log.cols, name)) < 0)
		return rs_error_set(err, RS_EINVAL, "range=%s: no column \"%s\" in the log (\"columns\" lists them)",
		    spec, name), -1;
	if (ds->log.cols.cols[j]->kind == RS_COL_TEXT)
		return rs_error_set(err, RS_EINVAL, "range=%s: %s is a text column; a range check needs numbers",
		    spec, name), -1;
	if (add_rule(rules, n, R_RANGE, ds->log.cols.cols[j], err) != 0)
		return -1;
	rules[*n - 1].lo = lo;
	rules[*n - 1].hi = hi;
	return 0;
}

/* Add one rule of kind k per column of the comma-separated list (opt names
 * the option for messages). "none" or "" adds nothing. */
static int
list_rules(const rs_dataset *ds, const char *list, const char *opt,
    enum rule_kind k, struct rule *rules, size_t *n, rs_error *err)
{
	char name[256];
	const char *p = list;

	if (strcmp(list, "none") == 0)
		return 0;
	while (*p) {
		size_t len = strcspn(p, ",");
		int j;
		if (len == 0 || len >= sizeof name) {
			rs_error_set(err, RS_EINVAL, "%s=%s: expected column names separated by commas",
			    opt, list);
			return -1;
		}
		memcpy(name, p, len);
		name[len] = '\0';
		j = rs_table_find(&ds->log.cols, name);
		if (j < 0) {
			rs_error_set(err, RS_EINVAL, "%s=: no column \"%s\" in the log (\"columns\" lists them)",
			    opt, name);
			return -1;
		}
		if (k != R_REQUIRED && ds->log.cols.cols[j]->kind == RS_COL_TEXT) {
			rs_error_set(err, RS_EINVAL, "%s=: %s is a text column; a range check needs numbers",
			    opt, name);
			return -1;
		}
		if (add_rule(rules, n, k, ds->log.cols.cols[j], err) != 0)
			return -1;
		p += len;
		if (*p == ',')
			p++;
	}
	return 0;
}

/* The default range rules: durations > 0; ratios and counts >= 0. */
static int
default_rules(const rs_dataset *ds, const rs_clean_params *p,
    struct rule *rules, size_t *n, rs_error *err)
{
	for (size_t j = 0; j < ds->log.cols.ncols; j++) {
		const rs_column *c = ds->log.cols.cols[j];
		if (c->kind != RS_COL_NUMBER)
			continue;
		if (p->positive == NULL && name_has(c->name, "duration")) {
			if (add_rule(rules, n, R_POSITIVE, c, err) != 0)
				return -1;
		} else if (p->nonnegative == NULL && (name_has(c->name, "ratio") ||
		    name_has(c->name, "count") || name_has(c->name, "cnt"))) {
			if (add_rule(rules, n, R_NONNEG, c, err) != 0)
				return -1;
		}
	}
	return 0;
}

static void
rule_text(const struct rule *r, const rs_clean_result *res, char *buf,
    size_t size)
{
	char a[64], b[64];

	switch (r->kind) {
	case R_USER_ID:
		snprintf(buf, size, "user id missing (spelled NA, null...)");
		break;
	case R_ITEM_ID:
		snprintf(buf, size, "item id missing (spelled NA, null...)");
		break;
	case R_BEFORE:
		util_format_datetime(res->from, false, a, sizeof a);
		snprintf(buf, size, "%s before %s", res->time_column, a);
		break;
	case R_AFTER:
		util_format_datetime(res->to, false, b, sizeof b);
		snprintf(buf, size, "%s at or after %s", res->time_column, b);
		break;
	case R_POSITIVE:
		snprintf(buf, size, "%s <= 0", r->col->name);
		break;
	case R_NONNEG:
		snprintf(buf, size, "%s < 0", r->col->name);
		break;
	case R_REQUIRED:
		snprintf(buf, size, "%s missing", r->col->name);
		break;
	case R_RANGE:
		snprintf(buf, size, "%s outside [%g, %g]", r->col->name, r->lo, r->hi);
		break;
	}
}

/* What a rule checks, for the list of rules applied. */
static void
rule_check_text(const struct rule *r, char *buf, size_t size)
{
	switch (r->kind) {
	case R_USER_ID:
	case R_ITEM_ID:
	case R_BEFORE:
	case R_AFTER:
		buf[0] = '\0';
		break;
	case R_POSITIVE:
		snprintf(buf, size, "%s > 0", r->col->name);
		break;
	case R_NONNEG:
		snprintf(buf, size, "%s >= 0", r->col->name);
		break;
	case R_REQUIRED:
		snprintf(buf, size, "%s present", r->col->name);
		break;
	case R_RANGE:
		snprintf(buf, size, "%g <= %s <= %g", r->lo, r->col->name, r->hi);
		break;
	}
}

#define BLOCK 65536

/* Check rows b..b+m of the log against every rule: keep[] cleared for the
 * rows breaking one, cnt[] counting per rule. x, t: room for m values. */
static void
check_block(const rs_log *log, const struct rule *rules, size_t nrules,
    const uint8_t *bad_user, const uint8_t *bad_item, const rs_column *tc,
    double from, double to, size_t b, size_t m, double *x, double *t,
    uint8_t *keep, size_t *cnt)
{
	bool have_t = false;

	memset(keep + b, 1, m);
	for (size_t k = 0; k < nrules; k++) {
		const struct rule *r = &rules[k];
		size_t c = 0;
		switch (r->kind) {
		case R_USER_ID:
		case R_ITEM_ID: {
			const uint32_t *id = r->kind == R_USER_ID ? log->user : log->item;
			const uint8_t *bad = r->kind == R_USER_ID ? bad_user : bad_item;
			for (size_t i = 0; i < m; i++)
				if (bad[id[b + i]]) {
					keep[b + i] = 0;
					c++;
				}
			break;
		}
		case R_BEFORE:
		case R_AFTER:
			if (!have_t) {
				clean_values(tc, b, m, t);
				have_t = true;
			}
			/* NaN (no time) compares false: missing is not outside */
			for (size_t i = 0; i < m; i++)
				if (r->kind == R_BEFORE ? t[i] < from : t[i] >= to) {
					keep[b + i] = 0;
					c++;
				}
			break;
		case R_POSITIVE:
		case R_NONNEG:
		case R_REQUIRED:
			clean_values(r->col, b, m, x);
			for (size_t i = 0; i < m; i++)
				if (r->kind == R_POSITIVE ? x[i] <= 0 :
				    r->kind == R_NONNEG ? x[i] < 0 : isnan(x[i])) {
					keep[b + i] = 0;
					c++;
				}
			break;
		case R_RANGE:
			/* NaN (missing) compares false: missing is not outside */
			clean_values(r->col, b, m, x);
			for (size_t i = 0; i < m; i++)
				if (x[i] < r->lo || x[i] > r->hi) {
					keep[b + i] = 0;
					c++;
				}
			break;
		}
		cnt[k] += c;
	}
}

rs_dataset *
clean_invalid(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, rs_error *err)
{
	const rs_log *log = &ds->log;
	uint32_t nusers = rs_ids_count(ds->users), nitems = rs_ids_count(ds->items);
	struct rule rules[MAX_RULES];
	size_t nrules = 0, cnt[MAX_RULES] = { 0 }, nbad = 0;
	uint8_t *bad_user, *bad_item, *keep;
	const rs_column *tc = NULL;
	double from = p->from, to = p->to;
	rs_dataset *out = NULL;
	bool any_user = false, any_item = false;

	bad_user = xcalloc((size_t)nusers + 1, 1);
	bad_item = xcalloc((size_t)nitems + 1, 1);
	for (uint32_t u = 0; u < nusers; u++)
		any_user |= (bad_user[u] = (uint8_t)clean_id_missing(ds->users, u)) != 0;
	for (uint32_t i = 0; i < nitems; i++)
		any_item |= (bad_item[i] = (uint8_t)clean_id_missing(ds->items, i)) != 0;
	if (any_user)
		add_rule(rules, &nrules, R_USER_ID, NULL, err);
	if (any_item)
		add_rule(rules, &nrules, R_ITEM_ID, NULL, err);
	if (p->check_time) {
		if (log->time_col >= 0) {
			tc = log->cols.cols[log->time_col];
			snprintf(res->time_column, sizeof res->time_column, "%s", tc->name);
			res->from_auto = isnan(from) && p->auto_window;
			res->to_auto = isnan(to) && p->auto_window;
			if (p->auto_window)
				clean_auto_window(tc, &from, &to);
			res->from = from;
			res->to = to;
			if (!isnan(from))
				add_rule(rules, &nrules, R_BEFORE, NULL, err);
			if (!isnan(to))
				add_rule(rules, &nrules, R_AFTER, NULL, err);
		} else if (!isnan(p->from) || !isnan(p->to)) {
			if (clean_time_column(ds, "a window (from=, to=)", err) == NULL)
				goto out;
		} else
			rs_hooks_note(hooks, RS_NOTE_INFO,
			    "the log has no time column: times are not checked");
	}
	if (default_rules(ds, p, rules, &nrules, err) != 0 ||
	    (p->positive && list_rules(ds, p->positive, "positive", R_POSITIVE,
	    rules, &nrules, err) != 0) ||
	    (p->nonnegative && list_rules(ds, p->nonnegative, "nonnegative",
	    R_NONNEG, rules, &nrules, err) != 0) ||
	    (p->required && list_rules(ds, p->required, "required", R_REQUIRED,
	    rules, &nrules, err) != 0))
		goto out;
	for (size_t k = 0; k < p->nranges; k++)
		if (range_rule(ds, p->ranges[k], rules, &nrules, err) != 0)
			goto out;
	keep = xmalloc(log->n ? log->n : 1);
	#pragma omp parallel reduction(+:cnt[:MAX_RULES])
	{
		double *x = xmalloc(BLOCK * sizeof *x), *t = xmalloc(BLOCK * sizeof *t);
		#pragma omp for schedule(static)
		for (size_t b = 0; b < log->n; b += BLOCK)
			check_block(log, rules, nrules, bad_user, bad_item, tc, from, to,
			    b, log->n - b < BLOCK ? log->n - b : BLOCK, x, t, keep, cnt);
		free(x);
		free(t);
	}
	for (size_t r = 0; r < log->n; r++)
		nbad += !keep[r];
	for (size_t k = 0; k < nrules; k++) {
		char what[320], check[320];
		rule_text(&rules[k], res, what, sizeof what);
		if (cnt[k])
			clean_reason(res, cnt[k], "%s", what);
		rule_check_text(&rules[k], check, sizeof check);
		if (*check) {
			size_t len = strlen(res->rules);
			snprintf(res->rules + len, sizeof res->rules - len, "%s%s",
			    len ? ", " : "", check);
		}
	}
	clean_summary(res, "removed %zu row%s breaking %zu rule%s", nbad, clean_s(nbad),
	    nrules, clean_s(nrules));
	clean_truth_kept(ds, keep, DIRT_BIT(RS_DIRT_BAD_TIME), res);
	out = clean_keep(ds, keep, p, res, err);
	free(keep);
out:
	free(bad_user);
	free(bad_item);
	return out;
}
