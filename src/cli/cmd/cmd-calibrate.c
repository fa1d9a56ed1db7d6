/* calibrate: fit Platt scaling of a probability model (lr, fm) on the validation part; eval then reports calibrated probabilities. */
#include "config.h"

#include "cli/ctrcli.h"

static const struct cmd_opt calibrate_opts[] = {
	{ "method", OPT_ENUM, "platt", 0, -1, "platt", "platt: p' = sigmoid(a * logit(p) + b), a and b by maximum likelihood" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field calibrate_fields[] = {
	{ "model", "the model calibrated" },
	{ "method", "the method" },
	{ "a", "Platt's slope on the model's logit" },
	{ "b", "Platt's intercept" },
	{ "valid", "the model's figures on the validation part, calibrated (as eval's probability objects)" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_calibrate_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r);
	rs_model *m;
	rs_error err;
	double a, b;

	if (session_data(s) == NULL)
		return CMD_ERROR;
	if ((m = rs_workspace_model(s->ws, c->args[0])) == NULL)
		return cmd_error(s, "calibrate: no model named %s", c->args[0]);
	if (!rs_model_is_ctr(m))
		return cmd_error(s, "calibrate: model %s (%s) does not predict probabilities (lr and fm do)",
		    m->name, m->kind->name);
	if (rs_ctr_calibrate(m, session_data(s), call_get(c, "method"), &a, &b, &err) != 0)
		return cmd_error(s, "calibrate: %s", err.msg);
	rn_str(root, "model", m->name);
	rn_str(root, "method", call_get(c, "method") ? call_get(c, "method") : "platt");
	rn_prec(rn_num(root, "a", a), 4);
	rn_prec(rn_num(root, "b", b), 4);
	if (!ctrcli_eval(s, root, rn_flags(rn_arr(root, "valid"), RF_TEXT_HIDE), m,
	    RS_VALID, "calibrate"))
		return CMD_ERROR;
	report_note(r, "eval %s now reports calibrated probabilities (its protocol line says so)", m->name);
	return CMD_OK;
}

const struct cmd_entry cmd_calibrate_entry = {
	.name = "calibrate",
	.usage = "MODEL [method=platt]",
	.help = "fit Platt scaling of a probability model (lr, fm) on the validation part",
	.doc = "Fits p' = sigmoid(a * logit(p) + b) to the validation rows' labels by maximum "
	    "likelihood against Platt's smoothed targets ((P+1)/(P+2) for the P positives, 1/(N+2) for the N negatives, so that separable rows stay finite; Newton's method from a = 1, b = 0) and keeps it with the model (save keeps it "
	    "too): eval, plot calibration and every later prediction use the calibrated "
	    "probabilities, and eval's protocol line says calibrated (platt). Calibrating "
	    "again refits from the raw model. Shows the fit and the calibrated figures on the validation part.",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 1,
	.opts = calibrate_opts,
	.fields = calibrate_fields,
	.exec = cmd_calibrate_exec,
};
