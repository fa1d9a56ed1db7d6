/* tradeoff: sweep a re-ranker's parameter and tabulate accuracy against creator exposure (the data of plot tradeoff). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/evalcli.h"
#include "reelscope/ctr.h"
#include "util/xmalloc.h"

bool rerank_call_opts(struct session *s, const struct cmd_call *c, const char *cmd,
    rs_rerank_opts *o);

static const struct cmd_opt tradeoff_opts[] = {
	{ "method", OPT_ENUM, "mmr|xquad|calibrated|fair|maximin", 0, -1, NULL,
	  "the re-ranker (required)" },
	{ "lambda", OPT_STR, NULL, 0, -1, "0:1:0.1",
	  "mmr, xquad, calibrated: the values swept, FROM:TO:STEP or a list" },
	{ "p", OPT_STR, NULL, 0, -1, "0:1:0.1", "fair: minimum tail proportions swept" },
	{ "alpha", OPT_STR, NULL, 0, -1, NULL,
	  "maximin: quota factors swept (default 0:2:0.2); fair: the significance, one value (0.1)" },
	{ "k", OPT_INT, NULL, 1, 100000, "10", "list length" },
	{ "candidates", OPT_INT, NULL, 1, 100000, "100", "K: the top-K items re-ranked" },
	{ "head", OPT_NUM, NULL, 0, 1, "0.8", "share of training rows held by head items and creators" },
	{ "sim", OPT_ENUM, "creator|features", 0, -1, "creator",
	  "mmr: similarity to the items already listed: same creator, or the largest cosine of item features (run features first)" },
	{ "exposure", OPT_ENUM, "log|uniform|rbp|cascade", 0, -1, "log", "position weights behind the Gini" },
	{ "part", OPT_ENUM, "test|valid", 0, -1, "test", "the held-out part measured" },
	{ "relevant", OPT_STR, NULL, 0, -1, NULL, "which held-out rows are relevant: COL>=T or COL>T" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field tradeoff_fields[] = {
	{ "model", "the model re-ranked" },
	{ "method", "the re-ranker" },
	{ "param", "the parameter swept: lambda, p or alpha" },
	{ "k", "list length" },
	{ "candidates", "K" },
	{ "base", "the model as it ranks: ndcg, recall, gini, creator_coverage, aplt at k" },
	{ "rows", "per value: value, ndcg, recall, gini, creator_coverage, aplt at k" },
	{ "seconds", "the whole sweep" },
	{ "cpu_seconds", "its CPU time (all threads)" },
	{ NULL, NULL }
};

static void
num(struct rnode *o, const char *key, double x)
{
	if (isnan(x))
		rn_null(o, key);
	else
		rn_prec(rn_num(o, key, x), 4);
}

static void
fill(struct rnode *o, const rs_tradeoff_row *r)
{
	num(o, "ndcg", r->ndcg);
	num(o, "recall", r->recall);
	num(o, "gini", r->gini);
	num(o, "creator_coverage", r->creator_coverage);
	num(o, "aplt", r->aplt);
}

static enum cmd_ret
cmd_tradeoff_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	struct rnode *root = report_root(r), *arr;
	rs_rerank_opts o;
	rs_audit_opts ao;
	rs_eval_opts eo;
	rs_model *m;
	rs_tradeoff *t;
	rs_error err;
	rs_hooks h;
	const char *param, *spec, *v;
	double *values;
	size_t n;

	if (ds == NULL || !rerank_call_opts(s, c, "tradeoff", &o))
		return CMD_ERROR;
	param = rs_rerank_sweep_param(o.method);
	/* the other sweepable parameters name nothing for this method */
	if (strcmp(param, "lambda") != 0 && call_has(c, "lambda"))
		return cmd_error(s, "tradeoff: method=%s sweeps %s=, not lambda=", call_get(c, "method"),
		    param);
	if (strcmp(param, "p") != 0 && call_has(c, "p"))
		return cmd_error(s, "tradeoff: method=%s sweeps %s=, not p=", call_get(c, "method"),
		    param);
	if (o.method != RS_RERANK_FAIR && o.method != RS_RERANK_MAXIMIN && call_has(c, "alpha"))
		return cmd_error(s, "tradeoff: method=%s sweeps lambda=, not alpha=", call_get(c, "method"));
	if (o.method == RS_RERANK_FAIR && (v = call_get(c, "alpha")) != NULL) {
		char *end;
		o.alpha = strtod(v, &end);
		if (*end != '\0' || !(o.alpha > 0 && o.alpha < 1))
			return cmd_error(s, "tradeoff: alpha=%s: method=fair takes one significance strictly between 0 and 1",
			    v);
	}
	spec = call_get(c, param);
	if (spec == NULL)
		spec = o.method == RS_RERANK_MAXIMIN ? "0:2:0.2" : "0:1:0.1";
	if ((values = rs_tradeoff_parse_values(spec, &n, &err)) == NULL)
		return cmd_error(s, "tradeoff: %s=%s", param, err.msg);
	if ((m = rs_workspace_model(s->ws, c->args[0])) == NULL) {
		size_t cnt;
		free(evalcli_models(s, r, &c->args[0], 1, "tradeoff", &cnt));
		free(values);
		return CMD_ERROR;
	}
	if (rs_model_is_ctr(m)) {
		free(values);
		return cmd_error(s, "tradeoff: model %s (%s) predicts a label per log row, not a ranking of items",
		    m->name, m->kind->name);
	}
	if (!evalcli_opts(s, c, "tradeoff", false, &eo)) {
		free(values);
		return CMD_ERROR;
	}
	h = session_hooks(s, r);
	eo.hooks = &h;
	rs_audit_opts_init(&ao);
	ao.eval = eo;
	ao.k = o.k;
	ao.head = o.head;
	if ((v = call_get(c, "exposure")) != NULL)
		ao.exposure = rs_exposure_parse(v);
	ao.items = ds->item_creator == NULL;
	evalcli_warn_stale(s, r, m);
	t = rs_tradeoff_run(ds, m, &o, values, n, &ao, &err);
	free(values);
	if (t == NULL)
		return cmd_error(s, "tradeoff: %s", err.msg);
	rn_str(root, "model", t->model);
	rn_str(root, "method", t->method);
	rn_str(root, "param", t->param);
	rn_int(root, "k", t->k);
	rn_int(root, "candidates", t->candidates);
	if (ao.items)
		report_note(r, "no creator column: gini and coverage are over items");
	fill(rn_label(rn_flags(rn_obj(root, "base"), RF_INLINE), "model as it ranks"), &t->base);
	arr = rn_flags(rn_arr(root, "rows"), RF_TABLE);
	for (size_t i = 0; i < t->nrows; i++) {
		struct rnode *row = rn_obj(arr, NULL);
		rn_prec(rn_num(row, "value", t->rows[i].value), 6);
		fill(row, &t->rows[i]);
	}
	rn_prec(rn_num(root, "seconds", t->seconds), 3);
	rn_flags(rn_num(root, "cpu_seconds", t->cpu_seconds), RF_TEXT_HIDE);
	rs_tradeoff_free(t);
	return CMD_OK;
}

/* Completion: every positional argument is a model's name. */
static const struct cmd_arg tradeoff_pos[] = { { ARG_MODEL, NULL, NULL }, { ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_tradeoff_entry = {
	.name = "tradeoff",
	.usage = "MODEL method=mmr|xquad|calibrated|fair|maximin [lambda=0:1:0.1 | p=0:1:0.1 | alpha=0:2:0.2] [k=10] [candidates=100]",
	.help = "sweep a re-ranker's parameter: ndcg, recall, gini, creator coverage and APLT per value",
	.doc = "Ranks MODEL's top candidates=K items once, re-ranks them (as rerank does) for every "
	    "value of the method's parameter (lambda for mmr, xquad and calibrated, p for fair, "
	    "alpha (the quota factor) for maximin), given as FROM:TO:STEP (the end included) or a "
	    "list, and tabulates ndcg@k and recall@k on the held-out part with the Gini, creator "
	    "coverage and APLT of the lists, as audit measures them (exposure= weights). The first "
	    "line is the model itself. This is the data of plot tradeoff.",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 1,
	.pos = tradeoff_pos,
	.opts = tradeoff_opts,
	.fields = tradeoff_fields,
	.exec = cmd_tradeoff_exec,
};
