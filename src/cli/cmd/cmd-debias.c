/* debias: naive, IPS and SNIPS estimates from the sparse log checked against the fully observed block's truth, per model. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/evalcli.h"
#include "util/xmalloc.h"

static const struct cmd_opt debias_opts[] = {
	{ "k", OPT_INT, NULL, 1, 1000, "10", "the cutoff" },
	{ "metric", OPT_ENUM, "ndcg|recall", 0, -1, "ndcg", "the metric checked at k" },
	{ "propensity", OPT_STR, NULL, 0, -1, "propensity", "the log column of propensities" },
	{ "relevant", OPT_STR, NULL, 0, -1, NULL,
	  "relevance on the block and the log: COL>=T or COL>T (default: value >= effective on both)" },
	{ "effective", OPT_NUM, NULL, 0.01, 1000, "2",
	  "effective-view threshold on the value (the default relevance)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field debias_fields[] = {
	{ "metric", "the metric checked, e.g. ndcg@10" },
	{ "propensity", "the propensity column used" },
	{ "models", "one object per model: model, truth (on the observed block), truth_users, naive, ips, snips "
	  "(estimates from the log's relevant test pairs inside the block), naive_lo, naive_hi, ips_lo, ... (95% "
	  "normal intervals over users), naive_error, ips_error, snips_error (|estimate - truth|), users (with "
	  "logged pairs), pairs, mean_weight" },
	{ "tau", "Kendall tau-b of each estimator's model order against the truth's: naive, ips, snips (null: fewer than two models)" },
	{ NULL, NULL }
};

/* One model's row: JSON keys and the text table's columns. */
static void
debias_row(struct rnode *arr, const rs_debias_row *d)
{
	struct rnode *o = rn_obj(arr, NULL);
	char key[32];

	rn_str(o, "model", d->model);
	rn_num(o, "truth", d->truth);
	rn_flags(rn_int(o, "truth_users", d->truth_users), RF_TEXT_HIDE);
	for (int e = 0; e < RS_EST_COUNT; e++) {
		const char *n = rs_estimator_name(e);
		rn_num(o, n, d->est[e].mean);
		snprintf(key, sizeof key, "%s_lo", n);
		rn_flags(rn_num(o, key, d->est[e].lo), RF_TEXT_HIDE);
		snprintf(key, sizeof key, "%s_hi", n);
		rn_flags(rn_num(o, key, d->est[e].hi), RF_TEXT_HIDE);
		snprintf(key, sizeof key, "%s_error", n);
		rn_label(rn_num(o, key, d->error[e]), "error");
	}
	rn_int(o, "users", d->est[0].n);
	rn_int(o, "pairs", (int64_t)d->pairs);
	rn_flags(rn_num(o, "mean_weight", d->mean_weight), RF_TEXT_HIDE);
}

static enum cmd_ret
cmd_debias_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r), *arr, *tau;
	char *const *names = c->args;
	size_t nnames = c->nargs, n;
	rs_eval_opts eo;
	rs_debias_opts o;
	rs_debias_result res;
	rs_model **models;
	rs_error err;
	rs_hooks h = session_hooks(s, r);
	const char *m = call_get(c, "metric");

	if (session_data(s) == NULL || !evalcli_opts(s, c, "debias", false, &eo))
		return CMD_ERROR;
	if (nnames > 0 && strcmp(names[0], "check") == 0) {
		names++;
		nnames--;
	}
	if ((models = evalcli_models(s, r, names, nnames, "debias", &n)) == NULL)
		return CMD_ERROR;
	rs_debias_opts_init(&o);
	o.k = (uint32_t)call_int(c, "k", 10);
	o.ndcg = m == NULL || strcmp(m, "ndcg") == 0;
	o.propensity = call_get(c, "propensity");
	o.relevant = eo.relevant;
	o.relevant_min = eo.relevant_min;
	o.relevant_strict = eo.relevant_strict;
	o.effective = eo.effective;
	o.hooks = &h;
	if (rs_debias_check(session_data(s), models, n, &o, &res, &err) != 0) {
		free(models);
		return cmd_error(s, "debias: %s", err.msg);
	}
	free(models);
	rn_str(root, "metric", res.metric);
	rn_str(root, "propensity", o.propensity ? o.propensity : "propensity");
	arr = rn_flags(rn_arr(root, "models"), RF_TABLE);
	for (size_t i = 0; i < res.nrows; i++)
		debias_row(arr, &res.rows[i]);
	tau = rn_flags(rn_label(rn_obj(root, "tau"), "Kendall tau vs truth"), RF_INLINE);
	for (int e = 0; e < RS_EST_COUNT; e++)
		if (res.tau[e] == res.tau[e])
			rn_num(tau, rs_estimator_name(e), res.tau[e]);
		else
			rn_null(tau, rs_estimator_name(e));
	rs_debias_result_free(&res);
	return CMD_OK;
}

const struct cmd_entry cmd_debias_entry = {
	.name = "debias",
	.usage = "[check] [MODEL ...] [k=10] [metric=ndcg|recall] [propensity=COL] [relevant=COL>=T]",
	.help = "check the naive, IPS and SNIPS estimates from the log against the fully observed block's truth",
	.doc = "Needs a fully observed block (a KuaiRec folder or generate), a split of the log (e.g. split "
	    "random test=0.2: its test rows are the logged held-out pairs) and a propensity step. Each "
	    "model (default: every model) is evaluated on the observed block: its users, the block's "
	    "items as candidates, relevance value >= effective (the truth). The same top-k lists are "
	    "then scored from the log's relevant test pairs that fall inside the block, by the naive, "
	    "IPS and SNIPS estimators of eval estimator=, so truth and estimates share one estimand. "
	    "Shows each estimate with its absolute error, and Kendall's tau-b between each estimator's "
	    "order of the models and the truth's.",
	.args = ARG_WORD,
	.min_args = 0,
	.max_args = -1,
	.opts = debias_opts,
	.fields = debias_fields,
	.exec = cmd_debias_exec,
};
