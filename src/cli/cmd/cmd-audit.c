/* audit: creator exposure of models' top-k lists side by side — inequality, popularity bias, merit, groups, optional Laplace noise. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/evalcli.h"
#include "util/xmalloc.h"

/* The options audit and tradeoff share (tradeoff leaves out the report ones). */
#define AUDIT_MEASURE_OPTS \
	{ "exposure", OPT_ENUM, "log|uniform|rbp|cascade", 0, -1, "log", \
	  "position weights: 1/log2(1+r), 1, gamma^(r-1), or gamma^(r-1)(1-stop)^(relevant above)" }, \
	{ "gamma", OPT_NUM, NULL, 0, 1, "0.8", "patience of rbp and cascade, strictly between 0 and 1" }, \
	{ "stop", OPT_NUM, NULL, 0, 1, "0.5", "cascade: chance the user stops after a relevant item" }, \
	{ "per-user", OPT_ENUM, "raw|normalized", 0, -1, "raw", \
	  "normalized: every user's list carries one unit of attention" }, \
	{ "items", OPT_BOOL, NULL, 0, -1, "no", "audit items instead of creators (data without a creator column)" }, \
	{ "head", OPT_NUM, NULL, 0, 1, "0.8", \
	  "share of training rows held by the head (popular items and creators)" }

static const struct cmd_opt audit_opts[] = {
	{ "k", OPT_INT, NULL, 1, 100000, "10", "list length audited" },
	AUDIT_MEASURE_OPTS,
	{ "group", OPT_STR, NULL, 0, -1, "popularity",
	  "creator groups: popularity (head/tail), new (newest creators), or an item column" },
	{ "new", OPT_NUM, NULL, 0, 1, "0.2", "group=new: share of creators called new, by first appearance" },
	{ "sort", OPT_ENUM, "exposure|merit|ratio|gap|videos|interactions|name", 0, -1, "exposure",
	  "order of the per-creator rows (gap = exposure share - merit share)" },
	{ "top", OPT_INT, NULL, 0, 1000000, "10", "per-creator rows shown in text (0: all; JSON has all)" },
	{ "export", OPT_PATH, NULL, 0, -1, NULL,
	  "write the per-creator rows (.csv) or the whole audit (.json) to this file" },
	{ "dp", OPT_NUM, NULL, 1, 0, NULL,
	  "publish exposure with Laplace noise for this epsilon (> 0); other figures are withheld" },
	{ "seed", OPT_INT, NULL, 0, 9007199254740992.0, NULL,
	  "seed of the dp noise, for reproducible reports (default: libsodium's randombytes)" },
	{ "part", OPT_ENUM, "test|valid", 0, -1, "test", "the held-out part giving users and merit" },
	{ "relevant", OPT_STR, NULL, 0, -1, NULL,
	  "which held-out rows are relevant (merit): COL>=T or COL>T" },
	{ "effective", OPT_NUM, NULL, 0.01, 1000, "2",
	  "effective-view threshold on the watch ratio (relevance on a fully observed block)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field audit_fields[] = {
	{ "audits", "one object per model: model, kind, protocol, covers (which lists: one per user with held-out rows, or "
	  "without a split every imported list), merit_from (held-out pairs, or without a split the log's interactions), "
	  "unit (creator or item), exposure (the weights), k, users, "
	  "gini, gini_n1 (the n-1 normalisation), entropy (bits), entropy_max, creator_coverage (units listed / all; "
	  "with items=yes the items), item_coverage, arp, aplt, aclt, pop_rsp, pop_reo, head_items, maximin_share, "
	  "maximin_min, maximin_met_share, equity_of_attention, disparate_treatment, disparate_exposure, ee_d, ee_r, ee_l, "
	  "calibration_kl, ndcg, recall, dp, sensitivity, dp_scale, lorenz_x, lorenz_y, deciles (decile, exposure_share, "
	  "interaction_share), groups (group, units, exposure_share, merit_share, interaction_share, mean_exposure, "
	  "mean_merit), creators (or items): creator, videos, interaction_share, merit_share, exposure, exposure_share, "
	  "ratio, slots, maximin_met, group, decile (null: undefined or withheld under dp); seconds (measuring the lists), "
	  "rank_seconds (ranking them with eval's engine)" },
	{ NULL, NULL }
};

/* Fill o from the call; false after reporting the error. Shared with tradeoff. */
bool audit_call_opts(struct session *s, const struct cmd_call *c, const char *cmd,
    rs_audit_opts *o);
bool
audit_call_opts(struct session *s, const struct cmd_call *c, const char *cmd,
    rs_audit_opts *o)
{
	const char *v;
	rs_eval_opts eo;
	const char *why;

	rs_audit_opts_init(o);
	if (!evalcli_opts(s, c, cmd, false, &eo))
		return false;
	o->eval = eo;
	o->k = (uint32_t)call_int(c, "k", 10);
	if ((v = call_get(c, "exposure")) != NULL)
		o->exposure = rs_exposure_parse(v);
	o->gamma = call_num(c, "gamma", 0.8);
	o->stop = call_num(c, "stop", 0.5);
	v = call_get(c, "per-user");
	o->normalized = v != NULL && strcmp(v, "normalized") == 0;
	o->items = call_bool(c, "items", 0) == 1;
	o->head = call_num(c, "head", 0.8);
	o->group = call_get(c, "group");
	o->new_share = call_num(c, "new", 0.2);
	if (call_has(c, "dp")) {
		o->dp = call_num(c, "dp", 0);
		if (!(o->dp > 0))
			return cmd_error(s, "%s: dp=%s: epsilon must be a positive number (e.g. dp=1)",
			    cmd, call_get(c, "dp")), false;
	}
	if (call_has(c, "seed")) {
		o->seeded = true;
		o->seed = (uint64_t)call_int(c, "seed", 0);
	}
	if ((why = rs_audit_check(session_peek(s), o)) != NULL)
		return cmd_error(s, "%s: %s", cmd, why), false;
	return true;
}

static void
num(struct rnode *obj, const char *key, double x, const char *label)
{
	struct rnode *n = isnan(x) ? rn_null(obj, key) : rn_prec(rn_num(obj, key, x), 4);

	if (label != NULL)
		rn_label(n, label);
}

/* Sorting the per-unit rows. */
static const rs_audit *sort_a;
static const rs_dataset *sort_ds;
static int sort_key;

static double
sort_value(uint32_t u)
{
	const rs_audit *a = sort_a;

	switch (sort_key) {
	case 1:
		return a->merit_share ? a->merit_share[u] : NAN;
	case 2:
		return a->ratio ? a->ratio[u] : NAN;
	case 3:
		return a->merit_share ? a->exposure_share[u] - a->merit_share[u] : NAN;
	case 4:
		return a->videos[u];
	case 5:
		return a->interactions ? a->interactions[u] : NAN;
	default:
		return a->exposure[u];
	}
}

static const char *
unit_name(const rs_dataset *ds, const rs_audit *a, uint32_t u)
{
	return strcmp(a->unit, "item") == 0 ? rs_ids_name(ds->items, u) :
	    rs_ids_name(ds->creators, u);
}

static int
cmp_rows(const void *x, const void *y)
{
	uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;

	if (sort_key == 6) {
		int c = strcmp(unit_name(sort_ds, sort_a, p), unit_name(sort_ds, sort_a, q));
		if (c != 0)
			return c;
	} else {
		double a = sort_value(p), b = sort_value(q);
		/* descending, undefined last */
		if (isnan(a) != isnan(b))
			return isnan(a) ? 1 : -1;
		if (!isnan(a) && a != b)
			return a > b ? -1 : 1;
	}
	return (p > q) - (p < q);
}

static uint32_t *
sorted_units(const rs_dataset *ds, const rs_audit *a, const char *sort)
{
	static const char *const keys[] = { "exposure", "merit", "ratio", "gap", "videos",
		"interactions", "name" };
	uint32_t *ord = xmalloc((a->nunits ? a->nunits : 1) * sizeof *ord);

	sort_key = 0;
	for (int j = 0; sort != NULL && j < 7; j++)
		if (strcmp(sort, keys[j]) == 0)
			sort_key = j;
	sort_a = a;
	sort_ds = ds;
	for (uint32_t u = 0; u < a->nunits; u++)
		ord[u] = u;
	qsort(ord, a->nunits, sizeof *ord, cmp_rows);
	return ord;
}

static void
unit_row(struct rnode *row, const rs_dataset *ds, const rs_audit *a, uint32_t u)
{
	rn_str(row, a->unit, unit_name(ds, a, u));
	rn_int(row, "videos", a->videos[u]);
	num(row, "interaction_share", a->interactions ? a->interaction_share[u] : NAN,
	    "interactions");
	num(row, "merit_share", a->merit_share ? a->merit_share[u] : NAN, "merit");
	num(row, "exposure", a->exposure[u], NULL);
	num(row, "exposure_share", a->exposure_share[u], "share");
	num(row, "ratio", a->ratio ? a->ratio[u] : NAN, "share/merit");
	if (a->slots != NULL) {
		rn_int(row, "slots", a->slots[u]);
		rn_label(rn_bool(row, "maximin_met", a->maximin_met[u]), "maximin");
	} else {
		rn_null(row, "slots");
		rn_label(rn_null(row, "maximin_met"), "maximin");
	}
	if (a->group != NULL && a->ngroups > 0)
		rn_str(row, "group", a->groups[a->group[u]].name);
	else
		rn_null(row, "group");
	if (a->decile != NULL)
		rn_int(row, "decile", a->decile[u] + 1);
	else
		rn_null(row, "decile");
}

/* One audit as a tree: summary, deciles, groups, rows (top of them in text). */
static void
render(struct rnode *obj, const rs_dataset *ds, const rs_audit *a, const char *sort,
    long long top, bool text)
{
	struct rnode *arr, *lx, *ly;
	uint32_t *ord;
	bool dp = a->dp > 0;

	rn_str(obj, "model", a->model);
	rn_str(obj, "kind", a->kind);
	rn_flags(rn_str(obj, "protocol", a->protocol), RF_TEXT_HIDE);
	rn_str(obj, "unit", a->unit);
	rn_str(obj, "exposure", a->exposure_model);
	rn_int(obj, "k", a->k);
	rn_label(rn_str(obj, "covers", a->covers), "lists audited");
	rn_label(rn_str(obj, "merit_from", a->merit_from), "merit from");
	rn_label(rn_int(obj, "users", a->users), "lists");
	if (dp) {
		rn_label(rn_prec(rn_num(obj, "dp", a->dp), 4), "dp epsilon");
		rn_label(rn_prec(rn_num(obj, "sensitivity", a->sensitivity), 4),
		    "sensitivity (one user's list)");
		rn_label(rn_prec(rn_num(obj, "dp_scale", a->dp_scale), 4), "Laplace scale");
	} else {
		rn_flags(rn_null(obj, "dp"), RF_TEXT_HIDE);
		rn_flags(rn_null(obj, "sensitivity"), RF_TEXT_HIDE);
		rn_flags(rn_null(obj, "dp_scale"), RF_TEXT_HIDE);
	}
	num(obj, "gini", a->gini, "gini (n)");
	num(obj, "gini_n1", a->gini_n1, "gini (n-1)");
	num(obj, "entropy", a->entropy, "entropy (bits)");
	num(obj, "entropy_max", a->entropy_max, "entropy max (log2 n)");
	if (!dp || !text) {
		num(obj, "creator_coverage", a->creator_coverage,
		    strcmp(a->unit, "item") == 0 ? "item share listed" : "creator coverage");
		num(obj, "item_coverage", a->item_coverage, "item coverage");
		num(obj, "arp", a->arp, "ARP");
		num(obj, "aplt", a->aplt, "APLT");
		num(obj, "aclt", a->aclt, "ACLT");
		num(obj, "pop_rsp", a->pop_rsp, "PopRSP");
		num(obj, "pop_reo", a->pop_reo, "PopREO");
		num(obj, "head_items", a->head_items, "head items");
		if (dp)
			rn_null(obj, "maximin_share");
		else
			rn_label(rn_int(obj, "maximin_share", a->maximin_share), "maximin share (slots)");
		num(obj, "maximin_min", a->maximin_min, "min slots / share");
		num(obj, "maximin_met_share", a->maximin_met_share, "share with maximin met");
		num(obj, "equity_of_attention", a->equity_of_attention, "equity of attention");
		num(obj, "disparate_treatment", a->disparate_treatment, "disparate treatment");
		num(obj, "disparate_exposure", a->disparate_exposure, "disparate exposure");
		num(obj, "ee_d", a->ee_d, "EE-D");
		num(obj, "ee_r", a->ee_r, "EE-R");
		num(obj, "ee_l", a->ee_l, "EE-L");
		num(obj, "calibration_kl", a->calibration_kl, "calibration KL (bits)");
		num(obj, "ndcg", a->ndcg, NULL);
		num(obj, "recall", a->recall, NULL);
	}
	rn_flags(rn_num(obj, "seconds", a->seconds), RF_TEXT_HIDE);
	rn_flags(rn_num(obj, "cpu_seconds", a->cpu_seconds), RF_TEXT_HIDE);
	rn_flags(rn_num(obj, "rank_seconds", a->rank_seconds), RF_TEXT_HIDE);
	lx = rn_flags(rn_arr(obj, "lorenz_x"), RF_TEXT_HIDE);
	ly = rn_flags(rn_arr(obj, "lorenz_y"), RF_TEXT_HIDE);
	for (size_t i = 0; i < a->nlorenz; i++) {
		rn_num(lx, NULL, a->lorenz_x[i]);
		rn_num(ly, NULL, a->lorenz_y[i]);
	}
	if (!dp) {
		arr = rn_label(rn_flags(rn_arr(obj, "deciles"), RF_TABLE),
		    "by popularity decile (1 = most popular)");
		for (int d = 0; d < RS_AUDIT_DECILES; d++) {
			struct rnode *row = rn_obj(arr, NULL);
			rn_int(row, "decile", d + 1);
			num(row, "exposure_share", a->decile_exposure[d], "exposure");
			num(row, "interaction_share", a->decile_interactions[d], "interactions");
		}
		arr = rn_label(rn_flags(rn_arr(obj, "groups"), RF_TABLE), "groups");
		for (size_t g = 0; g < a->ngroups; g++) {
			struct rnode *row = rn_obj(arr, NULL);
			rn_str(row, "group", a->groups[g].name);
			rn_int(row, "units", a->groups[g].units);
			num(row, "exposure_share", a->groups[g].exposure_share, "exposure");
			num(row, "merit_share", a->groups[g].merit_share, "merit");
			num(row, "interaction_share", a->groups[g].interaction_share, "interactions");
			num(row, "mean_exposure", a->groups[g].mean_exposure, NULL);
			num(row, "mean_merit", a->groups[g].mean_merit, NULL);
		}
	}
	ord = sorted_units(ds, a, sort);
	if (text) {
		char label[96];
		uint32_t n = top > 0 && (uint64_t)top < a->nunits ? (uint32_t)top : a->nunits;
		snprintf(label, sizeof label, "%ss (%u of %u, by %s)", a->unit, n, a->nunits,
		    sort ? sort : "exposure");
		arr = rn_label(rn_flags(rn_arr(obj, "rows"), RF_TABLE), label);
		for (uint32_t p = 0; p < n; p++)
			unit_row(rn_obj(arr, NULL), ds, a, ord[p]);
	} else {
		arr = rn_arr(obj, strcmp(a->unit, "item") == 0 ? "items" : "creators");
		for (uint32_t p = 0; p < a->nunits; p++)
			unit_row(rn_obj(arr, NULL), ds, a, ord[p]);
	}
	free(ord);
}

static void
csv_num(FILE *f, double x)
{
	if (isnan(x))
		fputs(",", f);
	else
		fprintf(f, ",%.17g", x);
}

/* The per-unit rows of every audit as CSV, or the audits as JSON. */
static int
export_audits(struct session *s, const char *path, rs_audit **a, size_t n,
    const char *sort)
{
	const rs_dataset *ds = session_peek(s);
	size_t len = strlen(path);
	bool json = len >= 5 && strcmp(path + len - 5, ".json") == 0;
	FILE *f = fopen(path, "w");

	if (f == NULL)
		return cmd_error(s, "audit: cannot write %s: %s", path, strerror(errno)), -1;
	if (json) {
		struct report *r = report_new("audit");
		struct rnode *arr = rn_arr(report_root(r), "audits");
		for (size_t m = 0; m < n; m++)
			render(rn_obj(arr, NULL), ds, a[m], sort, 0, false);
		report_print_json(r, f, true, NULL);
		report_free(r);
	} else {
		fprintf(f, "model,%s,videos,interaction_share,merit_share,exposure,exposure_share,ratio,slots,maximin_met,group,decile\n",
		    a[0]->unit);
		for (size_t m = 0; m < n; m++) {
			uint32_t *ord = sorted_units(ds, a[m], sort);
			for (uint32_t p = 0; p < a[m]->nunits; p++) {
				uint32_t u = ord[p];
				const rs_audit *x = a[m];
				rs_csv_field(f, x->model);
				fputc(',', f);
				rs_csv_field(f, unit_name(ds, x, u));
				fprintf(f, ",%u", x->videos[u]);
				csv_num(f, x->interactions ? x->interaction_share[u] : NAN);
				csv_num(f, x->merit_share ? x->merit_share[u] : NAN);
				csv_num(f, x->exposure[u]);
				csv_num(f, x->exposure_share[u]);
				csv_num(f, x->ratio ? x->ratio[u] : NAN);
				if (x->slots != NULL)
					fprintf(f, ",%u,%s", x->slots[u], x->maximin_met[u] ? "yes" : "no");
				else
					fputs(",,", f);
				fputc(',', f);
				if (x->group != NULL && x->ngroups > 0)
					rs_csv_field(f, x->groups[x->group[u]].name);
				if (x->decile != NULL)
					fprintf(f, ",%u\n", x->decile[u] + 1);
				else
					fputs(",\n", f);
			}
			free(ord);
		}
	}
	if (fclose(f) != 0)
		return cmd_error(s, "audit: cannot write %s: %s", path, strerror(errno)), -1;
	return 0;
}

/* No split: each model's imported lists as they are (the engine says why
 * when a model has none). */
static enum cmd_ret
audit_unsplit(struct session *s, const rs_dataset *ds, rs_model **models, size_t n,
    const rs_audit_opts *o, rs_audit **au)
{
	for (size_t i = 0; i < n; i++) {
		rs_error err;
		if ((au[i] = rs_audit_run(ds, models[i], o, &err)) == NULL)
			return cmd_error(s, "audit: %s", err.msg);
	}
	return CMD_OK;
}

static enum cmd_ret
cmd_audit_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	struct rnode *root = report_root(r), *arr, *side;
	const char *sort = call_get(c, "sort"), *exp = call_get(c, "export");
	long long top = call_int(c, "top", 10);
	rs_audit_opts o;
	rs_eval_ctx *ctx;
	rs_model **models;
	rs_audit **au;
	size_t n;
	rs_hooks h;
	enum cmd_ret ret = CMD_OK;

	if (ds == NULL || !audit_call_opts(s, c, "audit", &o))
		return CMD_ERROR;
	if ((models = evalcli_models(s, r, c->args, c->nargs, "audit", &n)) == NULL)
		return CMD_ERROR;
	for (size_t i = 0; i < n; i++)
		evalcli_warn_stale(s, r, models[i]);
	o.eval.ks[0] = o.k;
	o.eval.nks = 1;
	h = session_hooks(s, r);
	o.eval.hooks = &h;
	au = xcalloc(n, sizeof *au);
	if (ds->split_kind == RS_SPLIT_NONE) {
		/* an auditor's case: the platform's lists and its log, no split */
		ret = audit_unsplit(s, ds, models, n, &o, au);
		goto rendered;
	}
	if ((ctx = evalcli_prepare(s, &o.eval, r, "audit")) == NULL) {
		free(au);
		free(models);
		return CMD_ERROR;
	}
	for (size_t i = 0; i < n && ret == CMD_OK; i++) {
		rs_error err;
		/* eval's engine ranks the lists; its notes on eval metrics do not apply */
		rs_eval_result *res = rs_eval_run(ctx, models[i], &err);
		if (res == NULL) {
			ret = cmd_error(s, "audit: %s", err.msg);
			break;
		}
		if ((au[i] = rs_audit_lists(ctx, res, &o, &err)) == NULL)
			ret = cmd_error(s, "audit: %s", err.msg);
		else
			au[i]->rank_seconds = res->seconds;
		rs_eval_result_free(res);
	}
	rs_eval_ctx_free(ctx);
rendered:
	if (ret == CMD_OK && au[0] != NULL && au[0]->from_log)
		report_note(r, "no split: every imported list is audited as given; merit is %s; ndcg, recall, PopREO and expected exposure need held-out relevance and are left out",
		    au[0]->merit_from);
	if (ret == CMD_OK && exp != NULL && export_audits(s, exp, au, n, sort) != 0)
		ret = CMD_ERROR;
	if (ret == CMD_OK) {
		if (o.dp > 0)
			report_note(r, "dp: exposure counts carry Laplace noise of scale %.4g (sensitivity %.4g: the most one user's list adds, epsilon %.4g); merit, popularity, coverage and bias figures are withheld",
			    au[0]->dp_scale, au[0]->sensitivity, o.dp);
		if (n > 1) {
			/* side by side */
			side = rn_label(rn_flags(rn_arr(root, "side_by_side"),
			    RF_TABLE | RF_JSON_HIDE), "side by side");
			for (size_t i = 0; i < n; i++) {
				struct rnode *row = rn_obj(side, NULL);
				rn_str(row, "model", au[i]->model);
				num(row, "gini", au[i]->gini, NULL);
				num(row, "gini_n1", au[i]->gini_n1, NULL);
				num(row, "entropy", au[i]->entropy, NULL);
				num(row, "creator_coverage", au[i]->creator_coverage, "coverage");
				num(row, "item_coverage", au[i]->item_coverage, "items");
				num(row, "arp", au[i]->arp, NULL);
				num(row, "aplt", au[i]->aplt, NULL);
				num(row, "pop_rsp", au[i]->pop_rsp, NULL);
				num(row, "ndcg", au[i]->ndcg, NULL);
			}
		}
		arr = rn_flags(rn_arr(root, "audits"), RF_TEXT_HIDE);
		for (size_t i = 0; i < n; i++) {
			char label[256];
			render(rn_obj(arr, NULL), ds, au[i], sort, 0, false);
			snprintf(label, sizeof label, "%s (%s)", au[i]->model, au[i]->kind);
			render(rn_label(rn_flags(rn_obj(root, au[i]->model), RF_JSON_HIDE), label),
			    ds, au[i], sort, top, true);
		}
		if (exp != NULL)
			report_note(r, "audit written to %s", exp);
	}
	for (size_t i = 0; i < n; i++)
		rs_audit_free(au[i]);
	free(au);
	free(models);
	return ret;
}

/* Completion: every positional argument is a model's name. */
static const struct cmd_arg audit_pos[] = { { ARG_MODEL, NULL, NULL }, { ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_audit_entry = {
	.name = "audit",
	.usage = "[MODEL ...] [k=10] [exposure=log|uniform|rbp|cascade] [group=popularity|new|COL] [sort=...] [export=FILE.csv|.json] [dp=EPSILON]",
	.help = "creator exposure of models' top-k lists: inequality, popularity bias, exposure vs merit, groups",
	.doc = "Audits the top-k lists of the named models (default: every model, side by side) as eval "
	    "ranks them: one list per user with held-out rows. Without a split (an auditor with "
	    "only the platform's log and its lists: load LOG; import recs LISTS as prod; audit prod) "
	    "only imported lists can be audited, and every imported list counts as given; the whole "
	    "log stands for training (popularity, coverage), merit is each creator's share of the "
	    "log's interactions (with relevant=COL>=T of the rows passing it), and ndcg, recall, "
	    "PopREO and expected exposure, which need held-out relevance, are left out. Each audit "
	    "prints which rule applied (lists audited, merit from). Exposure of a creator = the sum over "
	    "lists of the weights of the ranks its videos hold: log 1/log2(1+r) (default), uniform 1, "
	    "rbp gamma^(r-1), cascade gamma^(r-1)(1-stop)^(relevant items above); per-user=normalized "
	    "makes each list one unit. Every creator counts, also those never shown. gini = "
	    "sum (2i-n-1) x_i / (n sum x) over creators sorted ascending; gini_n1 divides by n-1 "
	    "instead (RankSys, Elliot); entropy in bits of the exposure shares; coverage = creators "
	    "(items with training rows) in any list / all. Popularity = training rows; head items hold "
	    "the first head=0.8 of them, the rest is the long tail: ARP = mean popularity per list, "
	    "APLT = mean tail share per list, ACLT = mean tail count, PopRSP and PopREO = std/mean over "
	    "head and tail of (listed / candidate) and (listed relevant / relevant) items. Merit = share "
	    "of relevant held-out pairs; ratio = exposure share / merit share; equity of attention = "
	    "sum |share - merit|; disparate treatment = max/min over groups of mean exposure / mean "
	    "merit. Maximin share = floor(lists x k / creators) slots. Deciles rank creators by training "
	    "rows (1 = most popular). EE-D/R/L: expected exposure with rbp weights against equal "
	    "exposure for equally relevant items. items=yes audits items (no creator column needed). "
	    "dp=EPSILON adds Laplace noise of scale (sum of the k weights)/epsilon to each exposure "
	    "(one user's list changes the exposure vector by at most that sum) and withholds every "
	    "other figure; noise comes from libsodium's randombytes, or from seed= for reproducible "
	    "reports (then anyone with the seed can remove it). export= writes the rows (.csv) or "
	    "everything (.json).",
	.args = ARG_WORD,
	.min_args = 0,
	.max_args = -1,
	.pos = audit_pos,
	.opts = audit_opts,
	.fields = audit_fields,
	.exec = cmd_audit_exec,
};
