/* rerank: a model's top-K candidates re-ranked for creator exposure (MMR, xQuAD, calibrated, FA*IR, maximin) into a new model. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/evalcli.h"
#include "reelscope/ctr.h"
#include "util/xmalloc.h"

static const struct cmd_opt rerank_opts[] = {
	{ "method", OPT_ENUM, "mmr|xquad|calibrated|fair|maximin", 0, -1, NULL,
	  "the re-ranker (required)" },
	{ "k", OPT_INT, NULL, 1, 100000, "10", "length of the new lists" },
	{ "candidates", OPT_INT, NULL, 1, 100000, "100", "K: each user's top-K items by the model's score are re-ranked" },
	{ "lambda", OPT_NUM, NULL, 0, 1, "0.5", "mmr, xquad, calibrated: weight of diversity / the tail / calibration against the score" },
	{ "p", OPT_NUM, NULL, 0, 1, "0.5", "fair: minimum proportion of tail-creator items at every prefix" },
	{ "alpha", OPT_NUM, NULL, 0, 1000000, NULL, "fair: significance (0.1); maximin: quota = floor(alpha x maximin share) slots per creator (1)" },
	{ "head", OPT_NUM, NULL, 0, 1, "0.8", "share of training rows held by head items and creators" },
	{ "sim", OPT_ENUM, "creator|features", 0, -1, "creator",
	  "mmr: similarity of an item to those already listed: same creator (1 or 0), or the largest cosine of their item features (run features first)" },
	{ "part", OPT_ENUM, "test|valid", 0, -1, "test", "whose lists: the users of this held-out part" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field rerank_fields[] = {
	{ "name", "the new model (kind imported)" },
	{ "model", "the model re-ranked" },
	{ "method", "the re-ranker" },
	{ "params", "its parameters" },
	{ "k", "length of the new lists" },
	{ "candidates", "K: items re-ranked per user" },
	{ "users", "lists written (users of the held-out part)" },
	{ "before", "ndcg, recall, gini, creator_coverage and aplt at k of the model" },
	{ "after", "the same of the new model" },
	{ NULL, NULL }
};

/* The re-rank options of a call (method given); false after reporting. Shared with tradeoff. */
bool rerank_call_opts(struct session *s, const struct cmd_call *c, const char *cmd,
    rs_rerank_opts *o);
bool
rerank_call_opts(struct session *s, const struct cmd_call *c, const char *cmd,
    rs_rerank_opts *o)
{
	const char *v = call_get(c, "method"), *why;

	if (v == NULL)
		return cmd_error(s, "%s: give method=mmr|xquad|calibrated|fair|maximin", cmd), false;
	rs_rerank_opts_init(o, rs_rerank_method_parse(v));
	o->k = (uint32_t)call_int(c, "k", 10);
	o->candidates = (uint32_t)call_int(c, "candidates", 100);
	o->head = call_num(c, "head", 0.8);
	if (o->candidates < o->k)
		return cmd_error(s, "%s: candidates=%u is fewer than k=%u", cmd, o->candidates, o->k), false;
	if (o->method == RS_RERANK_FAIR && call_has(c, "alpha") &&
	    !(call_num(c, "alpha", 0.1) > 0 && call_num(c, "alpha", 0.1) < 1))
		return cmd_error(s, "%s: alpha=%s: method=fair takes a significance strictly between 0 and 1",
		    cmd, call_get(c, "alpha")), false;
	if ((why = rs_rerank_check(o)) != NULL)
		return cmd_error(s, "%s: %s", cmd, why), false;
	if ((v = call_get(c, "sim")) != NULL) {
		if (o->method != RS_RERANK_MMR)
			return cmd_error(s, "%s: sim= is for method=mmr", cmd), false;
		if (strcmp(v, "features") == 0) {
			if (rs_workspace_features(s->ws) == NULL)
				return cmd_error(s, "%s: sim=features needs item features: run features first", cmd), false;
			o->sim_features = rs_workspace_features(s->ws);
		}
	}
	return true;
}

static void
row(struct rnode *obj, const char *key, const rs_audit *a)
{
	struct rnode *o = rn_flags(rn_obj(obj, key), RF_INLINE);

	rn_prec(rn_num(o, "ndcg", a->ndcg), 4);
	rn_prec(rn_num(o, "recall", a->recall), 4);
	rn_prec(rn_num(o, "gini", a->gini), 4);
	rn_prec(rn_num(o, "creator_coverage", a->creator_coverage), 4);
	if (isnan(a->aplt))
		rn_null(o, "aplt");
	else
		rn_prec(rn_num(o, "aplt", a->aplt), 4);
}

static enum cmd_ret
cmd_rerank_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	struct rnode *root = report_root(r);
	rs_rerank_opts o;
	rs_eval_opts eo;
	rs_audit_opts ao;
	rs_model *src, *m;
	rs_audit *before = NULL, *after = NULL;
	rs_error err;
	rs_hooks h;
	char params[256];
	const char *name = c->args[2];

	if (ds == NULL)
		return CMD_ERROR;
	if (strcmp(c->args[1], "as") != 0)
		return cmd_error(s, "rerank: usage: rerank MODEL method=... as NAME");
	if (model_name_problem(name) != NULL)
		return cmd_error(s, "rerank: that model name cannot be used: %s",
		    model_name_problem(name));
	if (!rerank_call_opts(s, c, "rerank", &o))
		return CMD_ERROR;
	if (o.method == RS_RERANK_FAIR || o.method == RS_RERANK_MAXIMIN)
		o.alpha = call_num(c, "alpha", o.alpha);
	o.lambda = call_num(c, "lambda", 0.5);
	o.p = call_num(c, "p", 0.5);
	if ((src = rs_workspace_model(s->ws, c->args[0])) == NULL) {
		size_t one = 1, cnt;
		rs_model **v = evalcli_models(s, r, &c->args[0], one, "rerank", &cnt);
		free(v);
		return CMD_ERROR;
	}
	if (rs_model_is_ctr(src)) {
		return cmd_error(s, "rerank: model %s (%s) predicts a label per log row, not a ranking of items",
		    src->name, src->kind->name);
	}
	if (!evalcli_opts(s, c, "rerank", false, &eo))
		return CMD_ERROR;
	evalcli_warn_stale(s, r, src);
	h = session_hooks(s, r);
	eo.hooks = &h;
	if ((m = rs_rerank_run(ds, src, &o, &eo, name, &err)) == NULL)
		return cmd_error(s, "rerank: %s", err.msg);
	rs_audit_opts_init(&ao);
	ao.k = o.k;
	ao.eval = eo;
	ao.items = ds->item_creator == NULL;
	if ((before = rs_audit_run(ds, src, &ao, &err)) == NULL ||
	    (after = rs_audit_run(ds, m, &ao, &err)) == NULL) {
		rs_audit_free(before);
		rs_model_free(m);
		return cmd_error(s, "rerank: %s", err.msg);
	}
	switch (o.method) {
	case RS_RERANK_FAIR:
		snprintf(params, sizeof params, "p=%g alpha=%g", o.p, o.alpha);
		break;
	case RS_RERANK_MAXIMIN:
		snprintf(params, sizeof params, "alpha=%g", o.alpha);
		break;
	default:
		snprintf(params, sizeof params, "lambda=%g%s", o.lambda,
		    o.sim_features != NULL ? " sim=features" : "");
	}
	rn_str(root, "name", name);
	rn_str(root, "model", src->name);
	rn_str(root, "method", rs_rerank_method_name(o.method));
	rn_str(root, "params", params);
	rn_int(root, "k", o.k);
	rn_int(root, "candidates", o.candidates);
	rn_label(rn_int(root, "users", after->users), "lists");
	row(root, "before", before);
	row(root, "after", after);
	{
		/* the parameters, kept with the model (models, save) */
		char *v = xasprintf("rerank %s method=%s %s k=%u candidates=%u", src->name,
		    rs_rerank_method_name(o.method), params, o.k, o.candidates);
		free(m->values[0]);
		m->values[0] = v;
	}
	rs_audit_free(before);
	rs_audit_free(after);
	rs_workspace_add_model(s->ws, m);
	return CMD_OK;
}

/* Completion: MODEL as NAME. */
static const struct cmd_arg rerank_pos[] = { { ARG_MODEL, NULL, NULL },
	{ ARG_WORD, "as", NULL }, { ARG_WORD, NULL, NULL }, { ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_rerank_entry = {
	.name = "rerank",
	.usage = "MODEL method=mmr|xquad|calibrated|fair|maximin [lambda=0.5] [p=0.5] [alpha=...] [k=10] [candidates=100] as NAME",
	.help = "re-rank a model's top candidates for creator exposure into a new model",
	.doc = "Takes each user's top candidates=K items by MODEL's score (eval's ranking, users of "
	    "the held-out part) and re-ranks them into lists of k, kept as model NAME of kind "
	    "imported that eval, compare, audit, save and open treat like any other. Scores are "
	    "min-max scaled over the candidates. mmr: argmax lambda s - (1-lambda) sim, sim = 1 when "
	    "the item's creator is already listed (else 0), or with sim=features the largest cosine "
	    "of the item's feature row (features) with the listed items'. xquad (popularity, Abdollahpouri et al.): (1-lambda) s + lambda P(g|u) for the "
	    "first item of each of head/tail items, P(g|u) from the user's history. calibrated "
	    "(Steck): (1-lambda) s - lambda KL(p || 0.99 q + 0.01 p) over head/tail creators. fair "
	    "(FA*IR): at every prefix i at least the binomial alpha-quantile of (i, p) items of tail "
	    "creators. maximin (FairRec-style): every creator gets up to floor(alpha x floor(users k "
	    "/ creators)) slots by round robin over users, the rest by score. Shows ndcg, recall, "
	    "gini, creator coverage and APLT at k before and after.",
	.args = ARG_WORD,
	.min_args = 3,
	.max_args = 3,
	.pos = rerank_pos,
	.opts = rerank_opts,
	.fields = rerank_fields,
	.exec = cmd_rerank_exec,
};
