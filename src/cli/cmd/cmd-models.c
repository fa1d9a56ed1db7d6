/* models: the trained models, or with kinds every kind of model with its parameters. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct cmd_opt models_opts[] = {
	{ "kinds", OPT_FLAG, NULL, 0, -1, NULL, "list every kind of model and its parameters" },
	{ "drop", OPT_STR, NULL, 0, -1, NULL, "remove the model of this name" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field models_fields[] = {
	{ "models", "name, kind, params, train_rows, seconds, epochs, best_epoch, metric, valid, "
	  "stale (trained on a previous dataset: set aside, skipped by eval, compare and audit)" },
	{ "kinds", "with --kinds: name, help, params (name, type, default, help)" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_models_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r), *arr;
	const char *drop = call_get(c, "drop");
	char stale[512] = "";

	if (call_flag(c, "kinds")) {
		arr = rn_flags(rn_arr(root, "kinds"), RF_TABLE);
		for (size_t i = 0; rs_model_kinds[i] != NULL; i++) {
			const rs_model_kind *k = rs_model_kinds[i];
			struct rnode *row = rn_obj(arr, NULL), *ps;
			char params[512] = "";
			rn_str(row, "name", k->name);
			rn_str(row, "help", k->help);
			ps = rn_flags(rn_arr(row, "params"), RF_TEXT_HIDE);
			for (const rs_param_spec *p = k->params; p && p->name; p++) {
				struct rnode *o = rn_obj(ps, NULL);
				rn_str(o, "name", p->name);
				rn_str(o, "default", p->def ? p->def : "");
				rn_str(o, "help", p->help);
				snprintf(params + strlen(params), sizeof params - strlen(params),
				    "%s%s=%s", params[0] ? " " : "", p->name, p->def ? p->def : "");
			}
			rn_label(rn_str(row, "defaults", params), "parameters (defaults)");
		}
		return CMD_OK;
	}
	if (drop != NULL) {
		if (!rs_workspace_drop_model(s->ws, drop))
			return cmd_error(s, "models: no model named %s", drop);
		report_note(r, "dropped %s", drop);
	}
	arr = rn_flags(rn_arr(root, "models"), RF_TABLE);
	for (size_t i = 0; i < rs_workspace_nmodels(s->ws); i++) {
		const rs_model *m = rs_workspace_model_at(s->ws, i);
		struct rnode *row = rn_obj(arr, NULL);
		char params[512] = "";
		for (size_t j = 0; j < m->nparams; j++)
			snprintf(params + strlen(params), sizeof params - strlen(params),
			    "%s%s=%s", j ? " " : "", m->keys[j], m->values[j]);
		rn_str(row, "name", m->name);
		rn_str(row, "kind", m->kind->name);
		rn_str(row, "params", params);
		rn_label(rn_int(row, "train_rows", m->train ? (int64_t)m->train->nnz : 0),
		    "pairs");
		rn_prec(rn_num(row, "seconds", m->fit_seconds), 3);
		rn_int(row, "epochs", (int64_t)m->nepochs);
		rn_label(rn_int(row, "best_epoch", (int64_t)m->best_epoch), "best");
		if (m->best_epoch > 0 && m->best_epoch <= m->nepochs &&
		    !isnan(m->history[m->best_epoch - 1].valid)) {
			rn_str(row, "metric", m->valid_metric);
			rn_prec(rn_num(row, "valid", m->history[m->best_epoch - 1].valid), 4);
		} else {
			rn_null(row, "metric");
			rn_null(row, "valid");
		}
		rn_flags(rn_bool(row, "stale", rs_workspace_model_stale(s->ws, m)), RF_TEXT_HIDE);
		if (rs_workspace_model_stale(s->ws, m))
			snprintf(stale + strlen(stale), sizeof stale - strlen(stale), "%s%s",
			    stale[0] ? ", " : "", m->name);
	}
	if (stale[0] != '\0')
		report_note(r, "stale (trained on a previous dataset, set aside: eval, compare and audit skip them; "
		    "loading that data again does not bring them back): %s", stale);
	if (rs_workspace_nmodels(s->ws) == 0)
		report_note(r, "no models yet (train NAME model=KIND; models --kinds lists the kinds)");
	return CMD_OK;
}

/* Completion: what these options' values name. */
static const struct cmd_opt_names models_names[] = {
	{ "drop", ARG_MODEL },
	{ NULL, ARG_NONE }
};

const struct cmd_entry cmd_models_entry = {
	.name = "models",
	.usage = "[--kinds] [drop=NAME]",
	.help = "list the trained models (or every kind of model with --kinds)",
	.doc = "Lists the trained and imported models. A model trained on a previous dataset "
	    "(another load or generate came since; anonymize keeps the data) is stale: it is kept "
	    "and listed (stale in JSON, a note in text), eval, compare and audit skip it with a "
	    "one-line note, and save refuses until it is dropped (drop=NAME). Loading the same "
	    "data again does not bring it back: the workspace cannot tell the data is the same, "
	    "so train it again.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opt_names = models_names,
	.opts = models_opts,
	.fields = models_fields,
	.exec = cmd_models_exec,
};
