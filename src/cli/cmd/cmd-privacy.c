/* privacy: the Rényi DP accountant, membership inference against a model, k-anonymity and l-diversity of the user table. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/xmalloc.h"

static const struct cmd_opt privacy_opts[] = {
	{ "q", OPT_NUM, NULL, 1, 0, NULL, "accountant: sampling rate per step, 0 < q <= 1 (1: no subsampling)" },
	{ "sigma", OPT_NUM, NULL, 1, 0, NULL, "accountant: noise multiplier (noise std / clipping norm), above 0" },
	{ "steps", OPT_INT, NULL, 0, 1e12, NULL, "accountant: steps (rounds) the mechanism runs" },
	{ "delta", OPT_NUM, NULL, 1, 0, "1e-5", "accountant: delta of the (epsilon, delta) guarantee, 0 < delta < 1" },
	{ "epsilon", OPT_NUM, NULL, 1, 0, NULL,
	  "accountant: a target epsilon instead of sigma: the smallest sigma reaching it (bisection)" },
	{ "columns", OPT_STR, NULL, 0, -1, NULL, "check: quasi-identifier columns of the user table, comma-separated" },
	{ "sensitive", OPT_STR, NULL, 0, -1, NULL, "check: a sensitive column of the user table (l-diversity)" },
	{ "k", OPT_INT, NULL, 1, 1e9, "5", "check: the k to reach" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field privacy_fields[] = {
	{ "q", "accountant: sampling rate" },
	{ "sigma", "accountant: noise multiplier (given, or found for epsilon=)" },
	{ "steps", "accountant: steps" },
	{ "delta", "accountant: delta" },
	{ "epsilon", "accountant: epsilon after the steps (the smallest over orders 2..256)" },
	{ "order", "accountant: the Rényi order that gave it" },
	{ "model", "audit: the model attacked" },
	{ "members", "audit: users the model trained on" },
	{ "nonmembers", "audit: held-out users (held-out rows, no training row)" },
	{ "member_loss", "audit: mean loss of members (squared error after fitting the user's vector)" },
	{ "nonmember_loss", "audit: mean loss of held-out users" },
	{ "auc", "audit: attack AUC (0.5: no better than a coin)" },
	{ "advantage", "audit: max TPR - FPR over loss thresholds" },
	{ "threshold", "audit: the loss threshold of the advantage" },
	{ "columns", "check: the quasi-identifiers" },
	{ "users", "check: rows of the user table" },
	{ "classes", "check: classes of equal quasi-identifiers" },
	{ "k_anonymity", "check: the smallest class" },
	{ "below_k", "check: users in classes smaller than k" },
	{ "sensitive", "check: the sensitive column" },
	{ "l_diversity", "check: fewest distinct sensitive values in a class" },
	{ "classes_below_l2", "check: classes with fewer than 2 distinct sensitive values" },
	{ "drop", "check: the greedy drops: column, k and classes after each" },
	{ "reached", "check: whether the drops reach k" },
	{ NULL, NULL }
};

/* A number option's text, for messages. */
static const char *
raw(const struct cmd_call *c, const char *key)
{
	return call_get(c, key);
}

static enum cmd_ret
privacy_accountant(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r);
	double q = call_num(c, "q", NAN), sigma = call_num(c, "sigma", NAN);
	double delta = call_num(c, "delta", 1e-5), target = call_num(c, "epsilon", NAN), eps;
	long long steps = call_int(c, "steps", -1);
	int order;
	rs_error err;

	if (!call_has(c, "q") || !call_has(c, "steps") ||
	    call_has(c, "sigma") == call_has(c, "epsilon"))
		return cmd_error(s, "privacy accountant: give q=, steps= and one of sigma= and epsilon=");
	if (!(q > 0 && q <= 1))
		return cmd_error(s, "privacy accountant: q=%s must be in (0, 1]", raw(c, "q"));
	if (!(delta > 0 && delta < 1))
		return cmd_error(s, "privacy accountant: delta=%s must be between 0 and 1 (both excluded)",
		    raw(c, "delta"));
	if (call_has(c, "sigma") && !(sigma > 0))
		return cmd_error(s, "privacy accountant: sigma=%s must be above 0", raw(c, "sigma"));
	if (call_has(c, "epsilon")) {
		if (!(target > 0))
			return cmd_error(s, "privacy accountant: epsilon=%s must be above 0", raw(c, "epsilon"));
		if (rs_dp_sigma(q, (uint64_t)steps, delta, target, &sigma, &err) != 0)
			return cmd_error(s, "privacy accountant: %s", err.msg);
	}
	if (rs_dp_epsilon(q, sigma, (uint64_t)steps, delta, &eps, &order, &err) != 0)
		return cmd_error(s, "privacy accountant: %s", err.msg);
	rn_num(root, "q", q);
	rn_prec(rn_num(root, "sigma", sigma), 6);
	rn_int(root, "steps", steps);
	rn_num(root, "delta", delta);
	rn_prec(rn_num(root, "epsilon", eps), 6);
	rn_int(root, "order", order);
	if (order == RS_DP_MAX_ORDER)
		report_note(r, "the best order is the largest tried (%d): a larger one might give a smaller epsilon",
		    RS_DP_MAX_ORDER);
	return CMD_OK;
}

static enum cmd_ret
privacy_audit(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	struct rnode *root = report_root(r);
	rs_mia_result res;
	rs_model *m;
	rs_error err;

	if (ds == NULL)
		return CMD_ERROR;
	if (c->nargs < 2)
		return cmd_error(s, "privacy audit: which model? privacy audit MODEL");
	if ((m = rs_workspace_model(s->ws, c->args[1])) == NULL)
		return cmd_error(s, "privacy audit: no model named %s", c->args[1]);
	if (rs_privacy_audit(ds, m, &res, &err) != 0)
		return cmd_error(s, "privacy audit: %s", err.msg);
	rn_str(root, "model", m->name);
	rn_int(root, "members", (int64_t)res.members);
	rn_label(rn_int(root, "nonmembers", (int64_t)res.nonmembers), "non-members");
	rn_label(rn_num(root, "member_loss", res.member_loss), "member loss");
	rn_label(rn_num(root, "nonmember_loss", res.nonmember_loss), "non-member loss");
	rn_num(root, "auc", res.auc);
	rn_num(root, "advantage", res.advantage);
	if (isinf(res.threshold))
		rn_null(root, "threshold");
	else
		rn_num(root, "threshold", res.threshold);
	return CMD_OK;
}

static enum cmd_ret
privacy_check(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	struct rnode *root = report_root(r), *arr;
	const char *list = call_get(c, "columns"), *sens = call_get(c, "sensitive");
	size_t k = (size_t)call_int(c, "k", 5), n = 0;
	char *copy, *tok, *save = NULL;
	const char **cols;
	rs_kanon out;
	rs_error err;
	int rc;

	if (ds == NULL)
		return CMD_ERROR;
	if (list == NULL || list[0] == '\0')
		return cmd_error(s, "privacy check: which columns? give columns=A,B,... (quasi-identifiers of the user table)");
	copy = xstrdup(list);
	cols = xcalloc(strlen(list) + 1, sizeof *cols);
	for (tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save))
		cols[n++] = tok;
	rc = rs_privacy_check(ds, cols, n, sens, k, &out, &err);
	if (rc != 0) {
		free(copy);
		free(cols);
		return cmd_error(s, "privacy check: %s", err.msg);
	}
	rn_str(root, "columns", list);
	rn_int(root, "users", (int64_t)out.rows);
	rn_int(root, "classes", (int64_t)out.classes);
	rn_label(rn_int(root, "k_anonymity", (int64_t)out.k), "k-anonymity");
	rn_label(rn_int(root, "below_k", (int64_t)out.below), "users below k");
	if (sens != NULL) {
		rn_str(root, "sensitive", sens);
		rn_label(rn_int(root, "l_diversity", (int64_t)out.l), "l-diversity");
		rn_label(rn_int(root, "classes_below_l2", (int64_t)out.l_classes), "classes with l < 2");
	}
	arr = rn_flags(rn_arr(root, "drop"), RF_TABLE);
	for (size_t i = 0; i < out.nsteps; i++) {
		struct rnode *row = rn_obj(arr, NULL);
		rn_str(row, "column", out.steps[i].column);
		rn_int(row, "k", (int64_t)out.steps[i].k);
		rn_int(row, "classes", (int64_t)out.steps[i].classes);
	}
	rn_bool(root, "reached", out.reached != 0);
	if (out.nsteps > 0)
		report_note(r, "to reach k=%zu: drop columns greedily, each time the one whose removal gives the largest smallest class "
		    "(ties: fewer users below k, then the earlier column); generalising values (zip prefixes, age bands) would keep more",
		    k);
	rs_kanon_free(&out);
	free(copy);
	free(cols);
	return CMD_OK;
}

static enum cmd_ret
cmd_privacy_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	const char *sub = c->args[0];

	if (strcmp(sub, "accountant") == 0)
		return privacy_accountant(s, c, r);
	if (strcmp(sub, "audit") == 0)
		return privacy_audit(s, c, r);
	if (strcmp(sub, "check") == 0)
		return privacy_check(s, c, r);
	return cmd_error(s, "privacy: unknown %s (privacy accountant, privacy audit MODEL, privacy check columns=...)", sub);
}

const struct cmd_entry cmd_privacy_entry = {
	.name = "privacy",
	.usage = "accountant q=Q steps=T sigma=S|epsilon=E [delta=1e-5] | audit MODEL | check columns=A,B [sensitive=COL] [k=5]",
	.help = "differential privacy accounting, membership inference, k-anonymity of the user table",
	.doc = "privacy accountant: epsilon of the subsampled Gaussian mechanism (each step samples every "
	    "user with probability q, adds N(0, sigma^2 C^2) to a sum of updates clipped to C) after "
	    "steps steps at delta, by Renyi DP (Mironov, Talwar, Zhang 2019) over integer orders 2..256; "
	    "q=1 is the plain Gaussian, RDP a/(2 sigma^2); with epsilon= instead of sigma= it finds the "
	    "smallest sigma reaching that epsilon. "
	    "privacy audit MODEL: membership inference by loss threshold (Yeom et al. 2018) against an "
	    "mf or fedmf model: for each user the attacker fits the user's vector to the user's rows "
	    "against the released item vectors and takes the mean squared error; members are the "
	    "training users, non-members the held-out users (held-out rows, no training row); prints "
	    "the attack's AUC and advantage (max TPR - FPR). "
	    "privacy check: k-anonymity of the user table over the columns= quasi-identifiers (the "
	    "smallest class of users with equal values), l-diversity of a sensitive column, and which "
	    "columns to drop, greedily, to reach k. docs/metrics.md says what each covers and what not.",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 2,
	.opts = privacy_opts,
	.fields = privacy_fields,
	.exec = cmd_privacy_exec,
};
