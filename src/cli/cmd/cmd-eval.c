/* eval: metrics of trained or imported models on the held-out part of the split, with per-user values for export. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/ctrcli.h"
#include "cli/evalcli.h"
#include "util/xmalloc.h"

static const struct cmd_opt eval_opts[] = {
	EVALCLI_K_OPT,
	{ "export", OPT_PATH, NULL, 0, -1, NULL,
	  "write per-user metric values to this CSV file (one model at a time)" },
	{ "lists", OPT_PATH, NULL, 0, -1, NULL,
	  "write each user's top-k list to this CSV file (user,item,rank,score; import recs reads it)" },
	EVALCLI_PROTOCOL_OPTS,
	EVALCLI_COLD_OPT,
	{ "estimator", OPT_ENUM, "naive|ips|snips", 0, -1, NULL,
	  "also estimate recall@K and ndcg@K from the log's test rows weighted by 1/propensity (propensity step first)" },
	{ "propensity", OPT_STR, NULL, 0, -1, "propensity", "estimator=: the log column of propensities" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field eval_fields[] = {
	{ "results", "one object per model: model, kind, protocol, relevance, diversity_column, sampled, users, "
	  "ranking_users, fallback_users, cold (include, exclude or only), heldout_users (before cold=), "
	  "cold_users (held-out users without a training row; null for a result brought back by open), rated_pairs, short_video, seconds, cpu_seconds (all threads), and every metric "
	  "under its name: rmse, mae, precision@K, recall@K, ndcg@K, map@K, mrr@K, hit@K, auc, "
	  "item_coverage@K, creator_coverage@K, novelty@K, diversity@K, popularity@K, "
	  "watch_ratio@K, completion@K, effective@K, dwell@K, like@K (null: undefined); with estimator=, "
	  "estimate: estimator, propensity (column), pairs (relevant logged test pairs), users, mean_weight, and "
	  "recall@K, ndcg@K with their 95% bounds recall@K_lo, recall@K_hi, ... (normal approximation over users)" },
	{ "probability", "one object per probability model (lr, fm): model, kind, target, calibrated, rows, positives, "
	  "base_rate, auc, logloss, base_logloss, gauc (per-user auc weighted by rows over users_both of users), "
	  "users, users_both, ece (10 equal-width bins)" },
	{ "prepare_seconds", "time to gather the held-out truth, seen items, popularity and categories (once for all models)" },
	{ "prepare_cpu_seconds", "CPU time of that (a figure for busy machines)" },
	{ NULL, NULL }
};

/* estimator=: the chosen estimate of recall@k and ndcg@k of res, into the
 * last JSON object of arr and the last text object of root. */
static bool
eval_estimate(struct session *s, const struct cmd_call *c, const rs_eval_opts *o,
    const rs_eval_result *res, struct rnode *arr, struct rnode *root)
{
	const char *name = call_get(c, "estimator");
	int e = rs_estimator_find(name);
	rs_estimate_opts eo;
	rs_estimate est;
	rs_error err;
	struct rnode *js = rn_flags(rn_obj(arr->kids[arr->nkids - 1], "estimate"), 0),
	    *tx = rn_obj(root->kids[root->nkids - 1], "estimate");
	char label[64], text[160], key[40];

	rs_estimate_opts_init(&eo);
	eo.propensity = call_get(c, "propensity");
	eo.relevant = o->relevant;
	eo.relevant_min = o->relevant_min;
	eo.relevant_strict = o->relevant_strict;
	snprintf(label, sizeof label, "%s estimate", name);
	rn_label(tx, label);
	rn_flags(tx, RF_JSON_HIDE);
	rn_flags(js, RF_TEXT_HIDE);
	for (size_t j = 0; j < o->nks; j++) {
		eo.k = o->ks[j];
		if (rs_estimate_run(session_data(s), res, &eo, &est, &err) != 0) {
			cmd_error(s, "eval: estimator=%s: %s", name, err.msg);
			return false;
		}
		if (j == 0) {
			struct rnode *n[2] = { js, tx };
			for (int q = 0; q < 2; q++) {
				rn_str(n[q], "estimator", name);
				rn_str(n[q], "propensity", eo.propensity ? eo.propensity : "propensity");
				rn_label(rn_int(n[q], "pairs", (int64_t)est.pairs), "logged pairs");
				rn_int(n[q], "users", est.users);
				rn_label(rn_num(n[q], "mean_weight", est.mean_weight), "mean weight");
			}
		}
		for (int m = 0; m < 2; m++) {
			const rs_est_value *v = m == 0 ? &est.recall[e] : &est.ndcg[e];
			char a[32], b[32], d[32];
			snprintf(key, sizeof key, "%s@%u", m == 0 ? "recall" : "ndcg", eo.k);
			rn_num(js, key, v->mean);
			snprintf(key, sizeof key, "%s@%u_lo", m == 0 ? "recall" : "ndcg", eo.k);
			rn_num(js, key, v->lo);
			snprintf(key, sizeof key, "%s@%u_hi", m == 0 ? "recall" : "ndcg", eo.k);
			rn_num(js, key, v->hi);
			evalcli_fmt(v->mean, a, sizeof a);
			evalcli_fmt(v->lo, b, sizeof b);
			evalcli_fmt(v->hi, d, sizeof d);
			snprintf(text, sizeof text, "%s  [%s, %s]", a, b, d);
			snprintf(key, sizeof key, "%s@%u", m == 0 ? "recall" : "ndcg", eo.k);
			rn_str(tx, key, text);
		}
	}
	return true;
}

static enum cmd_ret
cmd_eval_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r), *arr;
	const char *exp = call_get(c, "export"), *lists = call_get(c, "lists");
	rs_eval_opts o;
	rs_eval_ctx *ctx;
	rs_model **models, **ctr;
	rs_eval_result **res;
	size_t n, nctr;
	enum cmd_ret ret = CMD_OK;

	if (session_data(s) == NULL || !evalcli_opts(s, c, "eval", true, &o))
		return CMD_ERROR;
	if ((models = evalcli_models(s, r, c->args, c->nargs, "eval", &n)) == NULL)
		return CMD_ERROR;
	if ((exp != NULL || lists != NULL) && n != 1) {
		free(models);
		return cmd_error(s, "eval: export= and lists= write one model's values; name it (eval MODEL export=FILE)");
	}
	/* probability models (lr, fm) get their own figures, not ranking */
	ctr = ctrcli_take(models, &n, &nctr);
	arr = nctr ? rn_flags(rn_arr(root, "probability"), RF_TEXT_HIDE) : NULL;
	for (size_t i = 0; i < nctr && ret == CMD_OK; i++)
		if (!ctrcli_eval(s, root, arr, ctr[i], o.part, "eval"))
			ret = CMD_ERROR;
	free(ctr);
	if (n == 0 || ret != CMD_OK) {
		free(models);
		return ret;
	}
	res = xcalloc(n, sizeof *res);
	{
		rs_hooks h = session_hooks(s, r);
		double t0, c0;
		o.hooks = &h;
		t0 = rs_clock_wall();
		c0 = rs_clock_cpu();
		ctx = evalcli_prepare(s, &o, r, "eval");
		if (ctx == NULL) {
			free(res);
			free(models);
			return CMD_ERROR;
		}
		rn_flags(rn_num(root, "prepare_seconds", rs_clock_wall() - t0), RF_TEXT_HIDE);
		rn_flags(rn_num(root, "prepare_cpu_seconds", rs_clock_cpu() - c0), RF_TEXT_HIDE);
		arr = rn_flags(rn_arr(root, "results"), RF_TEXT_HIDE);
		for (size_t i = 0; i < n && ret == CMD_OK; i++) {
			rs_error err;
			if ((res[i] = evalcli_run(s, ctx, models[i], r, "eval")) == NULL) {
				ret = CMD_ERROR;
				break;
			}
			evalcli_show(root, arr, res[i]);
			if (call_get(c, "estimator") != NULL &&
			    !eval_estimate(s, c, &o, res[i], arr, root))
				ret = CMD_ERROR;
			else if (exp != NULL &&
			    rs_eval_export_users(res[i], session_data(s), exp, &err) != 0)
				ret = cmd_error(s, "eval: %s", err.msg);
			else if (lists != NULL &&
			    rs_eval_export_lists(res[i], session_data(s), lists, &err) != 0)
				ret = cmd_error(s, "eval: %s", err.msg);
		}
		rs_eval_ctx_free(ctx);
	}
	if (ret == CMD_OK)
		evalcli_keep(s, res, n);
	else
		for (size_t i = 0; i < n; i++)
			rs_eval_result_free(res[i]);
	free(res);
	if (ret == CMD_OK && exp != NULL)
		report_note(r, "per-user values written to %s", exp);
	if (ret == CMD_OK && lists != NULL)
		report_note(r, "top-k lists written to %s", lists);
	free(models);
	return ret;
}

/* Completion: every positional argument is a model's name. */
static const struct cmd_arg eval_pos[] = { { ARG_MODEL, NULL, NULL }, { ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_eval_entry = {
	.name = "eval",
	.usage = "[MODEL ...] [k=10,20] [sampled=N] [relevant=COL>=T] [export=FILE.csv] [lists=FILE.csv] [estimator=naive|ips|snips] [propensity=COL]",
	.help = "evaluate models on the held-out part: ratings, ranking, beyond-accuracy and short-video metrics",
	.doc = "Evaluates the named models (default: every model) on the test part of the split "
	    "(part=valid: the validation part). Each user with held-out rows gets a top-k list "
	    "from every item it has no training row for, ties broken by lower item index "
	    "(on a fully observed block: the block's items; with sampled=N: its relevant items "
	    "and N sampled negatives, which inflates numbers and is marked). Relevant items: "
	    "held-out rows (relevant=COL>=T keeps rows above a threshold; on a fully observed "
	    "block the default is value >= effective). precision@k = hits/k; recall@k = "
	    "hits/|R|; ndcg@k with binary gains and IDCG over min(|R|,k); map@k divides by "
	    "min(|R|,k); mrr@k = 1/rank of the first hit; hit@k = any hit; auc over every "
	    "relevant/non-relevant candidate pair, ties 1/2. rmse and mae (models that predict "
	    "values) compare the score at each held-out pair with its value. novelty@k = mean "
	    "-log2(share of training rows of the item); diversity@k = mean pairwise 1 - Jaccard "
	    "of category sets (diversity=COL); popularity@k = mean training rows of the listed "
	    "items; item/creator coverage over all lists. Short-video metrics over the listed "
	    "items with an observed watch ratio: watch_ratio@k (mean), completion@k (share >= 1), "
	    "effective@k (share >= effective), dwell@k (sum of play_duration), like@k; exact "
	    "on a fully observed block, biased (and flagged) on a sparse log. Ranking metrics "
	    "are means over users with relevant items. Results are kept for compare and audits; "
	    "export= writes per-user values, lists= the top-k lists. Guard-rails: cold users (held-out "
	    "rows, no training row) are counted (cold users; JSON cold_users, heldout_users) and "
	    "warned about above 10% of the held-out users, since every model can only rank them by "
	    "popularity; cold=exclude leaves them out, cold=only evaluates them alone. Models "
	    "trained on a previous dataset are skipped with a note (models lists them as stale). "
	    "sampled=N results say so in the protocol line, the sampled line and a warning. "
	    "estimator=naive|ips|snips (after a propensity step, on a split of the log) adds an "
	    "estimate of recall@k and ndcg@k from the log's relevant test pairs, each weighted by "
	    "w = 1/propensity: naive ignores the weights (eval's own figures); ips divides the "
	    "user's weighted hits by n_u W (W the mean weight of all pairs); snips by the user's "
	    "own Σw. The 95% interval is the normal approximation over users (docs/metrics.md).",
	.args = ARG_WORD,
	.min_args = 0,
	.max_args = -1,
	.pos = eval_pos,
	.opts = eval_opts,
	.fields = eval_fields,
	.exec = cmd_eval_exec,
};
