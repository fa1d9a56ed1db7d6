/* Evaluation plumbing shared by eval, compare, significance and tune: options, models, runs, rendering. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/check.h"
#include "cli/evalcli.h"
#include "reelscope/ctr.h"
#include "util/xmalloc.h"

/* "COL>=T" or "COL>T" into o. */
static bool
parse_relevant(struct session *s, const char *cmd, const char *v, rs_eval_opts *o)
{
	const char *gt = strchr(v, '>');
	char *end;
	double t;
	static char col[256];

	if (gt == NULL || gt == v || (size_t)(gt - v) >= sizeof col) {
		cmd_error(s, "%s: relevant=%s: expected COLUMN>=THRESHOLD, e.g. relevant=watch_ratio>=2",
		    cmd, v);
		return false;
	}
	memcpy(col, v, (size_t)(gt - v));
	col[gt - v] = '\0';
	o->relevant_strict = gt[1] != '=';
	t = strtod(gt + (o->relevant_strict ? 1 : 2), &end);
	if (*end != '\0' || end == gt + (o->relevant_strict ? 1 : 2) || !isfinite(t)) {
		cmd_error(s, "%s: relevant=%s: the threshold after %s is not a number", cmd, v,
		    o->relevant_strict ? ">" : ">=");
		return false;
	}
	o->relevant = col;
	o->relevant_min = t;
	return true;
}

bool
evalcli_opts(struct session *s, const struct cmd_call *c, const char *cmd,
    bool with_k, rs_eval_opts *o)
{
	const char *v;

	rs_eval_opts_init(o);
	if (with_k && (v = call_get(c, "k")) != NULL) {
		const char *why = rs_eval_parse_ks(o, v);
		if (why != NULL) {
			cmd_error(s, "%s: %s", cmd, why);
			return false;
		}
	}
	o->sampled = (uint32_t)call_int(c, "sampled", 0);
	if ((v = call_get(c, "cold")) != NULL) {
		o->cold_given = true;
		o->cold = strcmp(v, "only") == 0 ? RS_COLD_ONLY :
		    strcmp(v, "exclude") == 0 ? RS_COLD_EXCLUDE : RS_COLD_INCLUDE;
	}
	if ((v = call_get(c, "relevant")) != NULL && !parse_relevant(s, cmd, v, o))
		return false;
	v = call_get(c, "part");
	o->part = v != NULL && strcmp(v, "valid") == 0 ? RS_VALID : RS_TEST;
	o->signal = call_get(c, "signal");
	o->diversity = call_get(c, "diversity");
	o->effective = call_num(c, "effective", 2.0);
	o->seed = (uint64_t)call_int(c, "seed", 1);
	return true;
}

bool
evalcli_add_k(rs_eval_opts *o, uint32_t k)
{
	size_t i = 0;

	while (i < o->nks && o->ks[i] < k)
		i++;
	if (i < o->nks && o->ks[i] == k)
		return true;
	if (o->nks == RS_EVAL_MAX_K)
		return false;
	memmove(o->ks + i + 1, o->ks + i, (o->nks - i) * sizeof *o->ks);
	o->ks[i] = k;
	o->nks++;
	return true;
}

/* Whether m was trained on data of the current shape: a model kept from
 * another dataset (load keeps the models) would index users and items that
 * are not there. Reports why not for cmd. */
bool
evalcli_model_fits(struct session *s, const rs_model *m, const rs_dataset *ds,
    const char *cmd)
{
	char msg[sizeof s->errmsg];

	/* observe added users or items to this data after the model trained:
	 * the ids it knows keep their indices, the new ones come after */
	if (m->generation == rs_workspace_generation(s->ws) &&
	    m->nusers <= rs_ids_count(ds->users) && m->nitems <= rs_ids_count(ds->items))
		return true;
	if (model_fits_data(m, ds, cmd, msg, sizeof msg))
		return true;
	cmd_error(s, "%s", msg);
	return false;
}

/* The stale models of v[0..n) (trained on a previous dataset) go, each
 * with a one-line note; n is updated. */
static void
skip_stale(struct session *s, struct report *r, rs_model **v, size_t *n)
{
	size_t o = 0;

	for (size_t i = 0; i < *n; i++) {
		if (!rs_workspace_model_stale(s->ws, v[i])) {
			v[o++] = v[i];
			continue;
		}
		report_note(r, "model %s skipped: trained on a previous dataset (set aside; train it again on this data)",
		    v[i]->name);
	}
	*n = o;
}

/* Models that predict a label per log row (lr, fm) rank nothing: the
 * ranking commands leave them out with a note instead of scoring them by
 * the popularity fallback. */
static void
skip_ctr(struct report *r, rs_model **v, size_t *n)
{
	size_t o = 0;

	for (size_t i = 0; i < *n; i++) {
		if (!rs_model_is_ctr(v[i])) {
			v[o++] = v[i];
			continue;
		}
		report_note(r, "model %s skipped: %s predicts a label per log row, not a ranking of items (eval %s shows its probabilities)",
		    v[i]->name, v[i]->kind->name, v[i]->name);
	}
	*n = o;
}

rs_model **
evalcli_models(struct session *s, struct report *r, char *const *names, size_t n,
    const char *cmd, size_t *count)
{
	rs_model **v;

	if (rs_workspace_nmodels(s->ws) == 0) {
		cmd_error(s, "%s: no model trained yet (train NAME model=KIND, or import recs FILE as NAME)",
		    cmd);
		return NULL;
	}
	if (n == 0) {
		v = xmalloc(rs_workspace_nmodels(s->ws) * sizeof *v);
		memcpy(v, rs_workspace_models(s->ws), rs_workspace_nmodels(s->ws) * sizeof *v);
		*count = rs_workspace_nmodels(s->ws);
		goto stale;
	}
	v = xmalloc(n * sizeof *v);
	for (size_t i = 0; i < n; i++) {
		if ((v[i] = rs_workspace_model(s->ws, names[i])) == NULL) {
			char list[512] = "";
			for (size_t j = 0; j < rs_workspace_nmodels(s->ws); j++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
				    j ? ", " : "", rs_workspace_model_at(s->ws, j)->name);
			cmd_error(s, "%s: no model named %s (models: %s)", cmd, names[i], list);
			free(v);
			return NULL;
		}
		for (size_t j = 0; j < i; j++)
			if (v[j] == v[i]) {
				cmd_error(s, "%s: model %s is named twice", cmd, names[i]);
				free(v);
				return NULL;
			}
	}
	*count = n;
stale:
	skip_stale(s, r, v, count);
	if (*count > 0 && strcmp(cmd, "eval") != 0) {
		skip_ctr(r, v, count);
		if (*count == 0) {
			cmd_error(s, "%s: none of these models ranks items: lr and fm predict a label per log row (eval shows their probabilities)",
			    cmd);
			free(v);
			return NULL;
		}
	}
	/* all set aside: that is the reason to give, split or no split */
	if (*count == 0)
		cmd_error(s, "%s: %s made for a previous dataset (set aside): train %s (or import its lists) on this data",
		    cmd, n == 1 ? "the model named was" : n > 1 ? "the models named were" : "every model was",
		    n == 1 ? "it again" : "one");
	if (*count == 0) {
		free(v);
		return NULL;
	}
	return v;
}

rs_eval_ctx *
evalcli_prepare(struct session *s, const rs_eval_opts *o, struct report *r,
    const char *cmd)
{
	rs_dataset *ds = session_data(s);
	rs_eval_ctx *ctx;
	rs_error err;
	const char *const *lines;
	size_t n;

	if (ds == NULL)
		return NULL;
	if ((ctx = rs_eval_prepare(ds, o, &err)) == NULL) {
		cmd_error(s, "%s: %s", cmd, err.msg);
		return NULL;
	}
	n = rs_eval_ctx_notes(ctx, &lines);
	for (size_t i = 0; i < n; i++) {
		if (strncmp(lines[i], "warning: ", 9) == 0)
			report_warn(r, "%s", lines[i] + 9);
		else
			report_note(r, "%s", lines[i]);
	}
	return ctx;
}

/* A warning shown once per command, however many models it concerns. */
static void __attribute__((format(printf, 2, 3)))
warn_once(struct report *r, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	for (size_t i = 0; i < r->nwarnings; i++)
		if (strcmp(r->warnings[i], buf) == 0)
			return;
	report_warn(r, "%s", buf);
}

void
evalcli_warn_stale(struct session *s, struct report *r, const rs_model *m)
{
	/* imported lists come from elsewhere: no training of ours to leak */
	if (m->generation != rs_workspace_generation(s->ws) && !m->kind->imported)
		report_warn(r, "model %s was trained before the data or the split last changed: "
		    "its held-out rows may be rows it trained on (train it again)", m->name);
}

void
evalcli_show(struct rnode *root, struct rnode *arr, const rs_eval_result *res)
{
	char label[256];

	evalcli_render(rn_obj(arr, NULL), res);
	snprintf(label, sizeof label, "%s (%s)", res->model, res->kind);
	evalcli_render(rn_label(rn_flags(rn_obj(root, res->model), RF_JSON_HIDE), label),
	    res);
}

rs_eval_result *
evalcli_run(struct session *s, const rs_eval_ctx *ctx, const rs_model *m,
    struct report *r, const char *cmd)
{
	rs_eval_result *res;
	rs_error err;

	evalcli_warn_stale(s, r, m);
	if ((res = rs_eval_run(ctx, m, &err)) == NULL) {
		cmd_error(s, "%s: %s", cmd, err.msg);
		return NULL;
	}
	/* trained on values, yet its mode ranks: the one case where an rmse
	 * would be expected (0/1 and log counts say so when training) */
	if (m->kind->explicit_values && !rs_model_predicts_values(m) &&
	    m->train != NULL && m->train->explicit_values)
		report_note(r, "no rmse/mae for %s: in mode=implicit its scores rank items, they are not predicted values",
		    m->name);
	if (res->biased)
		warn_once(r, "short-video metrics come from the logged items of each list only (a sparse log): biased towards what the logging policy showed");
	if (res->sampled)
		warn_once(r, "sampled candidates (%u negative%s per user) inflate every ranking metric; compare only with the same protocol",
		    res->sampled, res->sampled == 1 ? "" : "s");
	return res;
}

void
evalcli_keep(struct session *s, rs_eval_result **res, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (res[i] != NULL)
			rs_workspace_add_result(s->ws, res[i]);
}

void
evalcli_fmt(double x, char *buf, size_t size)
{
	if (isnan(x))
		snprintf(buf, size, "-");
	else
		fmt_num(x, 4, buf, size);
}

/* A text table of families by cutoff; left out when no column exists. */
static void
family_table(struct rnode *obj, const char *key, const char *label,
    const rs_eval_result *res, const char *const *fam, size_t nfam)
{
	struct rnode *arr = NULL;
	char name[64];

	for (size_t ki = 0; ki < res->nks; ki++) {
		struct rnode *row = NULL;
		for (size_t f = 0; f < nfam; f++) {
			int j;
			snprintf(name, sizeof name, "%s@%u", fam[f], res->ks[ki]);
			if ((j = rs_eval_metric_index(res, name)) < 0)
				continue;
			if (arr == NULL)
				arr = rn_label(rn_flags(rn_arr(obj, key), RF_TABLE | RF_JSON_HIDE),
				    label);
			if (row == NULL) {
				row = rn_obj(arr, NULL);
				rn_int(row, "k", res->ks[ki]);
			}
			if (isnan(res->value[j]))
				rn_null(row, fam[f]);
			else
				rn_prec(rn_num(row, fam[f], res->value[j]), 4);
		}
	}
}

/* Which users were kept, and how many of the held-out ones are cold (no
 * training row); unknown for a result brought back by open. */
static void
evalcli_render_cold(struct rnode *obj, const rs_eval_result *res)
{
	static const char *const modes[] = { "include", "exclude", "only" };

	char text[96];

	rn_flags(rn_str(obj, "cold", modes[res->cold]), RF_TEXT_HIDE);
	if (!res->cold_counted) {
		rn_flags(rn_null(obj, "heldout_users"), RF_TEXT_HIDE);
		rn_flags(rn_null(obj, "cold_users"), RF_TEXT_HIDE);
		return;
	}
	rn_flags(rn_int(obj, "heldout_users", res->heldout_users), RF_TEXT_HIDE);
	rn_flags(rn_int(obj, "cold_users", res->cold_users), RF_TEXT_HIDE);
	if (res->cold_users == 0 && res->cold == RS_COLD_INCLUDE)
		return;
	snprintf(text, sizeof text, "%u of %u held-out users (%.0f%%, no training row)%s",
	    res->cold_users, res->heldout_users,
	    res->heldout_users ? 100.0 * res->cold_users / res->heldout_users : 0.0,
	    res->cold == RS_COLD_EXCLUDE ? ", left out" : res->cold == RS_COLD_ONLY ?
	    ", the only ones evaluated" : "");
	rn_flags(rn_label(rn_str(obj, "cold_users ", text), "cold users"), RF_JSON_HIDE);
}

void
evalcli_render(struct rnode *obj, const rs_eval_result *res)
{
	static const char *const ranking[] = { "precision", "recall", "ndcg", "map",
		"mrr", "hit" };
	static const char *const beyond[] = { "item_coverage", "creator_coverage",
		"novelty", "diversity", "popularity" };
	static const char *const video[] = { "watch_ratio", "completion", "effective",
		"dwell", "like" };
	int j;

	rn_str(obj, "model", res->model);
	rn_str(obj, "kind", res->kind);
	rn_str(obj, "protocol", res->protocol);
	rn_str(obj, "relevance", res->relevance);
	if (res->diversity_col != NULL)
		rn_label(rn_str(obj, "diversity_column", res->diversity_col),
		    "diversity from");
	else
		rn_flags(rn_null(obj, "diversity_column"), RF_TEXT_HIDE);
	if (res->sampled)
		rn_int(obj, "sampled", res->sampled);
	else
		rn_flags(rn_null(obj, "sampled"), RF_TEXT_HIDE);
	rn_int(obj, "users", res->nusers);
	rn_label(rn_int(obj, "ranking_users", res->ranking_users),
	    "users with relevant items");
	rn_flags(rn_label(rn_int(obj, "fallback_users", res->fallback_users),
	    "users scored by popularity (no training history)"),
	    res->fallback_users ? 0 : RF_TEXT_HIDE);
	evalcli_render_cold(obj, res);
	if (rs_eval_metric_index(res, "rmse") >= 0)
		rn_label(rn_int(obj, "rated_pairs", (int64_t)res->rated_pairs), "rated pairs");
	if (res->short_video)
		rn_label(rn_str(obj, "short_video", res->biased ?
		    "logged items only (biased)" : "fully observed block"),
		    "short-video metrics");
	else
		rn_flags(rn_null(obj, "short_video"), RF_TEXT_HIDE);
	/* JSON: every metric under its own name */
	for (size_t m = 0; m < res->nmetrics; m++)
		rn_flags(rn_num(obj, res->names[m], res->value[m]), RF_TEXT_HIDE);
	/* text: the ungrouped metrics, then tables by cutoff */
	if ((j = rs_eval_metric_index(res, "rmse")) >= 0) {
		rn_flags(rn_label(rn_prec(rn_num(obj, "rmse ", res->value[j]), 5), "rmse"),
		    RF_JSON_HIDE);
		j = rs_eval_metric_index(res, "mae");
		rn_flags(rn_label(rn_prec(rn_num(obj, "mae ", res->value[j]), 5), "mae"),
		    RF_JSON_HIDE);
	}
	j = rs_eval_metric_index(res, "auc");
	if (isnan(res->value[j]))
		rn_flags(rn_label(rn_null(obj, "auc "), "auc"), RF_JSON_HIDE);
	else
		rn_flags(rn_prec(rn_label(rn_num(obj, "auc ", res->value[j]), "auc"), 4),
		    RF_JSON_HIDE);
	family_table(obj, "ranking ", "ranking", res, ranking, 6);
	family_table(obj, "beyond ", "beyond accuracy", res, beyond, 5);
	family_table(obj, "video ", res->biased ?
	    "short video (logged items only: biased)" : "short video (fully observed block)",
	    res, video, 5);
	rn_prec(rn_num(obj, "seconds", res->seconds), 3);
	rn_flags(rn_num(obj, "cpu_seconds", res->cpu_seconds), RF_TEXT_HIDE);
}
