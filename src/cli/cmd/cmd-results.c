/* results: the evaluation results kept in the workspace (by eval, and by open from a saved workspace), shown again without evaluating. */
#include "config.h"

#include "cli/evalcli.h"

static const struct cmd_field results_fields[] = {
	{ "results", "one object per kept result, as eval gives them: model, kind, protocol, relevance, users, "
	  "seconds, and every metric under its name (null: undefined)" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_results_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r), *arr;
	const rs_workspace *ws = s->ws;

	if (rs_workspace_nresults(ws) == 0)
		return cmd_error(s, "results: no evaluation results kept (eval MODEL keeps one; "
		    "they go when the data or split changes)");
	for (size_t a = 0; a < c->nargs; a++)
		if (rs_workspace_result(ws, c->args[a]) == NULL)
			return cmd_error(s, "results: no result for %s (%s)", c->args[a],
			    rs_workspace_model(ws, c->args[a]) != NULL ?
			    "evaluate it with eval" : "no model of that name");
	{
		/* kept results may come from evals under different protocols */
		size_t nsampled = 0, nshown = c->nargs ? c->nargs : rs_workspace_nresults(ws);
		for (size_t i = 0; i < nshown; i++)
			nsampled += (c->nargs ? rs_workspace_result(ws, c->args[i]) :
			    rs_workspace_result_at(ws, i))->sampled != 0;
		if (nsampled > 0 && nsampled < nshown)
			report_warn(r, "%zu of these results rank sampled candidates (inflated) and %zu every "
			    "unseen item: their figures are not comparable (compare evaluates all under one protocol)",
			    nsampled, nshown - nsampled);
	}
	arr = rn_flags(rn_arr(root, "results"), RF_TEXT_HIDE);
	for (size_t i = 0; i < (c->nargs ? c->nargs : rs_workspace_nresults(ws)); i++) {
		evalcli_show(root, arr, c->nargs ?
		    rs_workspace_result(ws, c->args[i]) : rs_workspace_result_at(ws, i));
	}
	return CMD_OK;
}

/* Completion: every positional argument is a model's name. */
static const struct cmd_arg results_pos[] = { { ARG_MODEL, NULL, NULL }, { ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_results_entry = {
	.name = "results",
	.usage = "[MODEL ...]",
	.help = "show the kept evaluation results again (after eval, or after open) without evaluating",
	.doc = "Shows the latest evaluation result of the named models (default: every model with one), "
	    "exactly as eval printed it: the ones eval kept in this session and the ones a saved "
	    "workspace brought back with open. Nothing is evaluated again (compare does, with "
	    "confidence intervals). A result goes when its model is trained again or dropped, and "
	    "all of them when the data or the split changes.",
	.args = ARG_WORD,
	.min_args = 0,
	.max_args = -1,
	.pos = results_pos,
	.fields = results_fields,
	.exec = cmd_results_exec,
};
