/* propensity: each logged pair's chance of having been shown (popularity model or the simulator's truth), a pipeline step. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const struct cmd_opt propensity_opts[] = {
	{ "method", OPT_ENUM, "pop|truth", 0, -1, NULL,
	  "pop: (n_i / max n)^eta from the log's item counts; truth: the world's truth/propensity.csv (generate truth=yes)" },
	{ "eta", OPT_NUM, NULL, 0, 5, "0.5", "pop: the exponent of item popularity" },
	{ "clip", OPT_NUM, NULL, 1, 0, "0.01",
	  "propensities below this are raised to it (weights at most 1/clip); 0: none" },
	{ "name", OPT_STR, NULL, 0, -1, "propensity", "the log column that holds them" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field propensity_fields[] = {
	{ "column", "the log column set" },
	{ "method", "pop or truth" },
	{ "eta", "pop's exponent (null for truth)" },
	{ "clip", "the lower bound applied" },
	{ "rows", "log rows given a propensity" },
	{ "min", "smallest propensity (after clipping)" },
	{ "q10", "10% quantile" },
	{ "median", "median" },
	{ "q90", "90% quantile" },
	{ "max", "largest propensity" },
	{ "clipped", "rows raised to clip" },
	{ "clipped_share", "clipped / rows" },
	{ "ess", "effective sample size (Σw)²/Σw² of the weights w = 1/p" },
	{ "ess_share", "ess / rows" },
	{ NULL, NULL }
};

/* The engine computes and records the step (rs_workspace_apply); this shows
 * the distribution. */
static enum cmd_ret
cmd_propensity_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r);
	rs_step_op op;
	rs_step_report rep;
	rs_error err;
	rs_hooks h = session_hooks(s, r);
	const rs_prop_summary *p = &rep.propensity;
	int rc;

	if (session_data(s) == NULL)
		return CMD_ERROR;
	if (!call_step_op(s, c, &op))
		return CMD_ERROR;
	rc = rs_workspace_apply(s->ws, &op, &h, &rep, &err);
	if (rc != 0) {
		rs_step_op_free(&op);
		return cmd_error(s, "%s", err.msg);
	}
	rn_str(root, "column", rep.propensity_opts.name ? rep.propensity_opts.name : "propensity");
	rn_str(root, "method", rs_prop_method_name(rep.propensity_opts.method));
	if (rep.propensity_opts.method == RS_PROP_POP)
		rn_num(root, "eta", rep.propensity_opts.eta);
	else
		rn_flags(rn_null(root, "eta"), RF_TEXT_HIDE);
	rn_num(root, "clip", rep.propensity_opts.clip);
	rn_int(root, "rows", (int64_t)p->n);
	rn_prec(rn_num(root, "min", p->min), 4);
	rn_prec(rn_num(root, "q10", p->q10), 4);
	rn_prec(rn_num(root, "median", p->median), 4);
	rn_prec(rn_num(root, "q90", p->q90), 4);
	rn_prec(rn_num(root, "max", p->max), 4);
	rn_int(root, "clipped", (int64_t)p->clipped);
	rn_label(rn_flags(rn_num(root, "clipped_share", p->n ? (double)p->clipped / p->n : 0),
	    RF_PERCENT), "clipped share");
	rn_prec(rn_num(root, "ess", p->ess), 6);
	rn_label(rn_flags(rn_num(root, "ess_share", p->n ? p->ess / p->n : 0), RF_PERCENT),
	    "ess share");
	rs_step_op_free(&op);
	return CMD_OK;
}

const struct cmd_entry cmd_propensity_entry = {
	.name = "propensity",
	.usage = "method=pop|truth [eta=0.5] [clip=0.01] [name=propensity]",
	.help = "each logged pair's chance of having been shown, for unbiased evaluation and weighted training (a pipeline step)",
	.doc = "Sets a number column of the log (name=, default propensity) to p(u,i), the chance "
	    "that the logging policy showed item i to user u. method=pop: p = (n_i / max n)^eta, "
	    "n_i the log rows of item i (Yang et al. 2018, eta = (gamma+1)/2), 1 for the most "
	    "logged item. method=truth: the simulator's own propensity, read from "
	    "truth/propensity.csv of the loaded world (generate truth=yes); every logged pair "
	    "must have one. Propensities below clip= are raised to it: the weights 1/p stay "
	    "below 1/clip (less variance, a bias towards the naive estimate). Shows the "
	    "distribution, the clipped rows and the effective sample size (Σw)²/Σw² of w = 1/p. "
	    "eval estimator=ips|snips, debias and train weighting= read the column; undo removes it.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = propensity_opts,
	.fields = propensity_fields,
	.exec = cmd_propensity_exec,
};
