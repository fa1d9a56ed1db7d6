/* pipeline: the recorded steps from the loaded data to the current state, with their effect. */
#include "config.h"

#include "cli/cli.h"

static const struct cmd_field pipeline_fields[] = {
	{ "source", "the command that made the starting data" },
	{ "steps", "per step: step, command, rows_before, rows_after, users_before, users_after, items_before, items_after, summary" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_pipeline_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_workspace *ws = s->ws;
	struct rnode *root = report_root(r), *arr;

	(void)c;
	if (session_data(s) == NULL)
		return CMD_ERROR;
	rn_str(root, "source", rs_workspace_source(ws) != NULL ?
	    rs_workspace_source(ws) : "");
	arr = rn_flags(rn_arr(root, "steps"), RF_TABLE);
	for (size_t i = 0; i < rs_workspace_nsteps(ws); i++) {
		const rs_step *st = rs_workspace_step(ws, i);
		struct rnode *row = rn_obj(arr, NULL);
		rn_label(rn_int(row, "step", (int64_t)i + 1), "#");
		rn_str(row, "command", st->command);
		rn_label(rn_int(row, "rows_before", (int64_t)st->rows_before), "rows before");
		rn_label(rn_int(row, "rows_after", (int64_t)st->rows_after), "after");
		rn_flags(rn_int(row, "users_before", st->users_before), RF_TEXT_HIDE);
		rn_label(rn_int(row, "users_after", st->users_after), "users");
		rn_flags(rn_int(row, "items_before", st->items_before), RF_TEXT_HIDE);
		rn_label(rn_int(row, "items_after", st->items_after), "items");
		rn_str(row, "summary", st->summary);
	}
	if (rs_workspace_nsteps(ws) == 0)
		report_note(r, "no steps yet: the data is as loaded (clean, features and split add steps)");
	return CMD_OK;
}

const struct cmd_entry cmd_pipeline_entry = {
	.name = "pipeline",
	.usage = "",
	.help = "show the recorded steps from the loaded data to the current state",
	.doc = "Every cleaning, feature and split step is recorded with the command that did it "
	    "and the rows, users and items before and after. undo steps back; history prints "
	    "the steps as a script that rebuilds the same data.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = NULL,
	.fields = pipeline_fields,
	.exec = cmd_pipeline_exec,
};
