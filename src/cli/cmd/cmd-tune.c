/* tune: grid or random search over a model kind's parameters on the validation part; the best is kept as a named model. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/evalcli.h"
#include "util/xmalloc.h"

static const struct cmd_opt tune_opts[] = {
	{ "model", OPT_STR, NULL, 0, -1, NULL, "the kind to tune (models --kinds lists them)" },
	{ "metric", OPT_STR, NULL, 0, -1, NULL,
	  "what to optimize on the validation part (default: rmse for rating models, else ndcg@10)" },
	{ "search", OPT_ENUM, "grid|random", 0, -1, "grid",
	  "every point of the grid, or trials= points drawn from it" },
	{ "trials", OPT_INT, NULL, 1, 100000, NULL, "search=random: points to try" },
	{ "name", OPT_STR, NULL, 0, -1, NULL, "name of the model kept (default: KIND-tuned)" },
	{ "seed", OPT_INT, NULL, 0, 9007199254740992.0, "1", "seed of training and of the random search" },
	{ "signal", OPT_STR, NULL, 0, -1, NULL, "training values, as for train" },
	{ "threshold", OPT_NUM, NULL, 1, 0, NULL, "keep training rows with signal >= threshold" },
	{ "binary", OPT_BOOL, NULL, 0, -1, NULL, "kept rows become 1 (as for train)" },
	{ "epochs", OPT_INT, NULL, 1, 100000, NULL, "iterative models: most epochs" },
	{ "patience", OPT_INT, NULL, 0, 100000, "3", "early stopping patience (0: never)" },
	{ "sampled", OPT_INT, NULL, 1, 100000000, NULL,
	  "score with sampled candidates (N negatives per user) instead of full ranking" },
	{ "relevant", OPT_STR, NULL, 0, -1, NULL, "relevance rule COL>=T on the validation rows" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field tune_fields[] = {
	{ "kind", "the kind tuned" },
	{ "metric", "the validation metric" },
	{ "search", "grid or random" },
	{ "grid", "points in the grid" },
	{ "trials", "per point tried: trial, params (name: value), score, seconds, best, error" },
	{ "best", "the model kept: name, params, score" },
	{ "interrupted", "whether Ctrl-C stopped the search (the best so far is kept)" },
	{ NULL, NULL }
};

/* Split "a,b,c" into values (caller frees each and the array). */
static char **
split_values(const char *v, size_t *n)
{
	char **out = NULL;

	*n = 0;
	for (;;) {
		size_t len = strcspn(v, ",");
		out = xreallocarray(out, *n + 1, sizeof *out);
		out[(*n)++] = xstrndup(v, len);
		if (v[len] == '\0')
			break;
		v += len + 1;
	}
	return out;
}

/* The table of trials and the model kept. */
static void
render_tune(struct rnode *root, struct report *r, const rs_model_kind *kind,
    const rs_tune_opts *to, const rs_tune_result *res, const rs_model *m)
{
	const rs_tune_param *params = to->params;
	size_t np = to->nparams;
	struct rnode *arr, *best;

	rn_str(root, "kind", kind->name);
	rn_str(root, "metric", res->metric);
	rn_str(root, "search", to->random ? "random" : "grid");
	rn_label(rn_int(root, "grid", (int64_t)res->grid), "grid points");
	arr = rn_flags(rn_arr(root, "trials"), RF_TABLE);
	for (size_t t = 0; t < res->ntrials; t++) {
		const rs_tune_trial *tr = &res->trials[t];
		struct rnode *row = rn_obj(arr, NULL), *ps;
		rn_int(row, "trial", (int64_t)t + 1);
		ps = rn_flags(rn_obj(row, "params"), RF_TEXT_HIDE);
		for (size_t p = 0; p < np; p++) {
			rn_str(ps, params[p].name, params[p].values[tr->choice[p]]);
			rn_flags(rn_str(row, params[p].name, params[p].values[tr->choice[p]]),
			    RF_JSON_HIDE);
		}
		if (isnan(tr->score))
			rn_label(rn_null(row, "score"), res->metric);
		else
			rn_label(rn_prec(rn_num(row, "score", tr->score), 5), res->metric);
		rn_flags(rn_label(rn_str(row, "best ", t == res->best ? "*" : ""), "best"),
		    RF_JSON_HIDE);
		rn_flags(rn_bool(row, "best", t == res->best), RF_TEXT_HIDE);
		rn_prec(rn_num(row, "seconds", tr->seconds), 3);
		if (tr->error != NULL)
			rn_str(row, "error", tr->error);
		else
			rn_flags(rn_null(row, "error"), RF_TEXT_HIDE);
	}
	best = rn_obj(root, "best");
	rn_str(best, "name", m->name);
	{
		struct rnode *ps = rn_flags(rn_obj(best, "params"), RF_INLINE);
		for (size_t i = 0; i < m->nparams; i++)
			rn_str(ps, m->keys[i], m->values[i]);
	}
	rn_label(rn_prec(rn_num(best, "score", res->trials[res->best].score), 5), res->metric);
	rn_flags(rn_bool(root, "interrupted", res->interrupted), res->interrupted ? 0 : RF_TEXT_HIDE);
	if (res->interrupted)
		report_warn(r, "interrupted after %zu trial%s: kept the best so far", res->ntrials,
		    res->ntrials == 1 ? "" : "s");
	for (size_t t = 0; t < res->ntrials; t++)
		if (res->trials[t].error != NULL) {
			report_warn(r, "trial %zu failed: %s", t + 1, res->trials[t].error);
			break;
		}
}

static enum cmd_ret
cmd_tune_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	const char *kindname = call_get(c, "model"), *v;
	const rs_model_kind *kind;
	rs_tune_param *params = NULL;
	rs_tune_opts to;
	rs_eval_opts eo;
	rs_eval_ctx *ev = NULL;
	rs_train_request base;
	rs_train_env env;
	rs_tune_result *res = NULL;
	rs_model *m = NULL;
	rs_error err;
	rs_hooks h;
	char name[256];
	size_t np = 0;
	enum cmd_ret ret = CMD_ERROR;

	if (ds == NULL)
		return CMD_ERROR;
	if (kindname == NULL)
		return cmd_error(s, "tune: which model? give model=KIND and PARAM=v1,v2,... (models --kinds lists kinds and parameters)");
	if ((kind = rs_model_kind_find(kindname)) == NULL) {
		rs_model_new(kindname, "x", NULL, NULL, 0, &err);
		return cmd_error(s, "tune: %s", err.msg);
	}
	if (call_get(c, "name") != NULL && model_name_problem(call_get(c, "name")) != NULL)
		return cmd_error(s, "tune: name=: that model name cannot be used: %s",
		    model_name_problem(call_get(c, "name")));
	memset(&to, 0, sizeof to);
	to.kind = kind->name;
	for (size_t i = 0; i < c->nopts; i++) {
		if (cmd_own_option(tune_opts, c->keys[i]))
			continue;
		params = xreallocarray(params, np + 1, sizeof *params);
		params[np].name = c->keys[i];
		params[np].values = split_values(c->vals[i], &params[np].nvalues);
		np++;
	}
	to.params = params;
	to.nparams = np;
	to.random = (v = call_get(c, "search")) != NULL && strcmp(v, "random") == 0;
	to.trials = (uint32_t)call_int(c, "trials", 0);
	to.seed = (uint64_t)call_int(c, "seed", 1);
	to.metric = call_get(c, "metric");
	/* a value kind trained on 0/1 ranks: no rmse to tune for */
	if (to.metric == NULL && kind->explicit_values &&
	    call_bool(c, "binary", 0) == 1)
		to.metric = "ndcg@10";
	snprintf(name, sizeof name, "%s", call_get(c, "name") ? call_get(c, "name") : "");
	if (name[0] == '\0')
		snprintf(name, sizeof name, "%s-tuned", kind->name);
	to.name = name;
	rs_fit_opts_init(&to.fit);
	to.fit.epochs = (uint32_t)call_int(c, "epochs", 0);
	to.fit.patience = (uint32_t)call_int(c, "patience", to.fit.patience);
	if (call_has(c, "trials") && !to.random) {
		cmd_error(s, "tune: trials= goes with search=random (grid search tries every point)");
		goto out;
	}
	if (to.metric != NULL && (strcmp(to.metric, "rmse") == 0 ||
	    strcmp(to.metric, "mae") == 0) && call_bool(c, "binary", 0) == 1) {
		cmd_error(s, "tune: metric=%s needs predicted values; binary=yes trains on 0/1", to.metric);
		goto out;
	}
	if (rs_tune_check(&to, &err) != 0) {
		cmd_error(s, "tune: %s", err.msg);
		goto out;
	}
	if (ds->split_kind == RS_SPLIT_NONE) {
		cmd_error(s, "tune: no split yet; run split with a validation part first (e.g. split user test=0.2 valid=0.1)");
		goto out;
	}
	/* the validation protocol: full ranking at the metric's cutoff */
	rs_eval_opts_init(&eo);
	if (!evalcli_opts(s, c, "tune", false, &eo))
		goto out;
	eo.part = RS_VALID;
	{
		const char *metric = to.metric ? to.metric : kind->explicit_values ? "rmse" : "ndcg@10";
		const char *at = strchr(metric, '@');
		eo.ks[0] = at ? (uint32_t)atoi(at + 1) : 10;
		eo.nks = 1;
	}
	h = session_hooks(s, r);
	eo.hooks = &h;
	if ((ev = evalcli_prepare(s, &eo, r, "tune")) == NULL)
		goto out;
	rs_train_request_init(&base);
	base.signal = call_get(c, "signal");
	base.threshold = call_num(c, "threshold", NAN);
	base.binary = call_bool(c, "binary", -1);
	base.hooks = &h;
	env.ds = ds;
	env.features = rs_workspace_features(s->ws);
	env.models = rs_workspace_models(s->ws);
	env.nmodels = rs_workspace_nmodels(s->ws);
	if ((res = rs_tune_run(&to, &base, &env, ev, &m, &err)) == NULL) {
		cmd_error(s, "tune: %s", err.msg);
		goto out;
	}
	render_tune(report_root(r), r, kind, &to, res, m);
	report_note(r, "kept the best as model %s (eval %s scores it on the test part)",
	    m->name, m->name);
	rs_workspace_add_model(s->ws, m);
	m = NULL;
	ret = CMD_OK;
out:
	rs_model_free(m);
	rs_tune_result_free(res);
	rs_eval_ctx_free(ev);
	for (size_t p = 0; p < np; p++) {
		for (size_t j = 0; j < params[p].nvalues; j++)
			free(params[p].values[j]);
		free(params[p].values);
	}
	free(params);
	return ret;
}

/* Completion: what these options' values name. */
static const struct cmd_opt_names tune_names[] = {
	{ "model", ARG_KIND },
	{ NULL, ARG_NONE }
};

const struct cmd_entry cmd_tune_entry = {
	.name = "tune",
	.usage = "model=KIND PARAM=v1,v2,... [PARAM=...] [metric=ndcg@10] [search=grid|random trials=N] [name=NAME]",
	.help = "search a model kind's parameters on the validation part; keep the best as a named model",
	.doc = "Trains one model per point of the grid of the given parameter values (each "
	    "PARAM=v1,v2,... of the kind; a single value holds it fixed) on the training part, "
	    "scores it on the validation part with full ranking at the metric's cutoff (rmse "
	    "for rating models) and tabulates the results; search=random trials=N tries N "
	    "distinct points drawn from the grid (seeded). Iterative models stop early on the "
	    "same validation part. The best model is kept under name= (default KIND-tuned), "
	    "trained, ready for eval on the test part. Needs a split with a validation part "
	    "(split ... valid=0.1). Ctrl-C stops the search and keeps the best so far.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opt_names = tune_names,
	.opts = tune_opts,
	.free_opts = true,
	.fields = tune_fields,
	.exec = cmd_tune_exec,
};
