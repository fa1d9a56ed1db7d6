/* significance: paired t-test and Wilcoxon signed-rank test of two models over users, with effect sizes. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/evalcli.h"
#include "util/xmalloc.h"

static const struct cmd_opt significance_opts[] = {
	{ "metric", OPT_STR, NULL, 0, -1, "ndcg@10", "the per-user metric to test" },
	EVALCLI_PROTOCOL_OPTS,
	EVALCLI_COLD_OPT,
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field significance_fields[] = {
	{ "metric", "the metric tested" },
	{ "a", "model A" },
	{ "b", "model B" },
	{ "protocol", "how both were evaluated" },
	{ "users", "users where both values are defined (the pairs)" },
	{ "mean_a", "mean of A over the pairs" },
	{ "mean_b", "mean of B over the pairs" },
	{ "difference", "mean of A - B" },
	{ "ci_low", "95% CI of the mean difference (t), low end" },
	{ "ci_high", "... high end" },
	{ "t", "paired t statistic" },
	{ "df", "its degrees of freedom (users - 1)" },
	{ "p_t", "two-sided p-value of the t-test" },
	{ "cohen_dz", "effect size: mean difference / sd of the differences" },
	{ "nonzero", "Wilcoxon: nonzero differences ranked" },
	{ "zeros", "Wilcoxon: zero differences dropped" },
	{ "w_plus", "sum of the ranks of positive differences (A better when higher is better)" },
	{ "w_minus", "sum of the ranks of negative differences" },
	{ "z", "normal approximation of W+ (continuity and tie corrected)" },
	{ "p_wilcoxon", "two-sided p-value of the signed-rank test" },
	{ "rank_biserial", "effect size: (W+ - W-) / (W+ + W-)" },
	{ NULL, NULL }
};

/* p-values too small to print as decimals keep their exponent. */
static struct rnode *
pnum(struct rnode *obj, const char *key, double p)
{
	return rn_prec(rn_num(obj, key, p), 3);
}

/* The figures of both tests and a one-line verdict. */
static void
show_test(struct report *r, const char *metric, const rs_eval_result *ra,
    const rs_eval_result *rb, const rs_paired *pt)
{
	struct rnode *root = report_root(r);
	char buf[256];

	rn_str(root, "metric", metric);
	rn_str(root, "a", ra->model);
	rn_str(root, "b", rb->model);
	rn_str(root, "protocol", ra->protocol);
	rn_label(rn_int(root, "users", (int64_t)pt->n), "paired users");
	rn_label(rn_prec(rn_num(root, "mean_a", pt->mean_a), 5), ra->model);
	rn_label(rn_prec(rn_num(root, "mean_b", pt->mean_b), 5), rb->model);
	snprintf(buf, sizeof buf, "difference (%s - %s)", ra->model, rb->model);
	rn_label(rn_prec(rn_num(root, "difference", pt->mean_diff), 4), buf);
	rn_label(rn_prec(rn_num(root, "ci_low", pt->diff_lo), 4), "95% CI from");
	rn_label(rn_prec(rn_num(root, "ci_high", pt->diff_hi), 4), "95% CI to");
	rn_label(rn_prec(rn_num(root, "t", pt->t), 4), "paired t");
	rn_num(root, "df", pt->df);
	rn_label(pnum(root, "p_t", pt->p_t), "p (t-test)");
	rn_label(rn_prec(rn_num(root, "cohen_dz", pt->dz), 3), "effect size d_z");
	rn_label(rn_int(root, "nonzero", (int64_t)pt->nonzero), "wilcoxon pairs");
	rn_label(rn_int(root, "zeros", (int64_t)pt->zeros), "zero differences dropped");
	rn_label(rn_num(root, "w_plus", pt->w_plus), "W+");
	rn_label(rn_num(root, "w_minus", pt->w_minus), "W-");
	rn_prec(rn_num(root, "z", pt->z), 4);
	rn_label(pnum(root, "p_wilcoxon", pt->p_w), "p (wilcoxon)");
	rn_label(rn_prec(rn_num(root, "rank_biserial", pt->rank_biserial), 3),
	    "rank-biserial r");
	{
		bool lower = rs_eval_metric_sense(metric) == RS_LOWER;
		const char *better = (pt->mean_diff > 0) != lower ? ra->model : rb->model;
		if (pt->mean_diff == 0)
			report_note(r, "%s: no difference between %s and %s", metric, ra->model,
			    rb->model);
		else if (pt->p_t < 0.05 && pt->p_w < 0.05)
			report_note(r, "%s is better on %s; both tests reject equality at 5%%",
			    better, metric);
		else if (pt->p_t < 0.05 || pt->p_w < 0.05)
			report_note(r, "%s is better on %s by one test at 5%% but not the other",
			    better, metric);
		else
			report_note(r, "no significant difference on %s at 5%%", metric);
	}
}

/* Evaluate two models under one protocol and test their per-user values of
 * one metric for a difference (paired t and Wilcoxon signed-rank). */
static enum cmd_ret
cmd_significance_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	const char *metric = call_get(c, "metric");
	rs_eval_opts o;
	rs_eval_ctx *ctx;
	rs_model **models;
	rs_eval_result *ra, *rb;
	rs_paired pt;
	rs_error err;
	rs_hooks h;
	size_t n;
	uint32_t k;
	int ja, jb;
	const char *why;

	if (metric == NULL)
		metric = "ndcg@10";
	if ((why = rs_eval_metric_check(metric)) != NULL)
		return cmd_error(s, "significance: metric=%s %s (metrics: %s)", metric, why,
		    rs_eval_metric_families());
	if (strncmp(metric, "item_coverage@", 14) == 0 ||
	    strncmp(metric, "creator_coverage@", 17) == 0)
		return cmd_error(s, "significance: %s is one number for all users; a paired test needs a value per user",
		    metric);
	if (session_data(s) == NULL || !evalcli_opts(s, c, "significance", false, &o))
		return CMD_ERROR;
	{
		const char *at = strchr(metric, '@');
		k = at != NULL ? (uint32_t)atoi(at + 1) : 10;
		o.ks[0] = k;
		o.nks = 1;
	}
	if ((models = evalcli_models(s, r, c->args, c->nargs, "significance", &n)) == NULL)
		return CMD_ERROR;
	if (n != 2) {
		free(models);
		return cmd_error(s, "significance: name two models: significance A B metric=%s", metric);
	}
	h = session_hooks(s, r);
	o.hooks = &h;
	if ((ctx = evalcli_prepare(s, &o, r, "significance")) == NULL) {
		free(models);
		return CMD_ERROR;
	}
	ra = evalcli_run(s, ctx, models[0], r, "significance");
	rb = ra ? evalcli_run(s, ctx, models[1], r, "significance") : NULL;
	rs_eval_ctx_free(ctx);
	free(models);
	if (rb == NULL) {
		rs_eval_result_free(ra);
		return CMD_ERROR;
	}
	ja = rs_eval_metric_index(ra, metric);
	jb = rs_eval_metric_index(rb, metric);
	if (ja < 0 || jb < 0) {
		cmd_error(s, "significance: %s has no %s (%s)", ja < 0 ? ra->model : rb->model,
		    metric, strcmp(metric, "rmse") == 0 || strcmp(metric, "mae") == 0 ?
		    "it does not predict values" : "this data lacks what the metric needs");
		goto fail;
	}
	if (rs_eval_paired(ra, rb, metric, &pt, &err) != 0) {
		cmd_error(s, "significance: %s", err.msg);
		goto fail;
	}
	show_test(r, metric, ra, rb, &pt);
	{
		rs_eval_result *both[2] = { ra, rb };
		evalcli_keep(s, both, 2);
	}
	return CMD_OK;
fail:
	rs_eval_result_free(ra);
	rs_eval_result_free(rb);
	return CMD_ERROR;
}

/* Completion: A and B are models' names. */
static const struct cmd_arg significance_pos[] = { { ARG_MODEL, NULL, NULL },
	{ ARG_MODEL, NULL, NULL }, { ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_significance_entry = {
	.name = "significance",
	.usage = "A B [metric=ndcg@10] [sampled=N] [relevant=COL>=T]",
	.help = "paired t-test and Wilcoxon signed-rank test of two models over users",
	.doc = "Evaluates models A and B with one protocol (eval's options) and tests the "
	    "per-user differences A - B of the metric over users where both are defined. "
	    "Paired t-test: t = mean / (sd / sqrt(n)), n - 1 degrees of freedom, two-sided p "
	    "from the Student t distribution through the regularized incomplete beta "
	    "function; effect size d_z = mean / sd. Wilcoxon signed-rank: zero differences are "
	    "dropped (Wilcoxon's method), tied |differences| share their average rank, p from "
	    "the normal approximation with continuity correction and the tie correction "
	    "Σ(t³-t)/48 in the variance; effect size the rank-biserial correlation. rmse/mae "
	    "use each user's own rmse/mae. Needs at least 2 paired users.",
	.args = ARG_WORD,
	.min_args = 2,
	.max_args = 2,
	.pos = significance_pos,
	.opts = significance_opts,
	.fields = significance_fields,
	.exec = cmd_significance_exec,
};
