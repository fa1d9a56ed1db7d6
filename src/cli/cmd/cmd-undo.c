/* undo: step back through the pipeline by rebuilding the data from the loaded state. */
#include "config.h"

#include <stdlib.h>

#include "cli/cli.h"

static const struct cmd_field undo_fields[] = {
	{ "undone", "the commands of the steps taken back" },
	{ "steps", "steps left" },
	{ "rows", "log rows now" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_undo_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_workspace *ws = s->ws;
	struct rnode *root = report_root(r), *arr;
	long long n = 1;
	size_t keep;
	char *end;
	rs_hooks h;
	rs_error err;

	if (session_data(s) == NULL)
		return CMD_ERROR;
	if (c->nargs == 1) {
		n = strtoll(c->args[0], &end, 10);
		if (*end != '\0' || n < 1)
			return cmd_error(s, "undo: N must be a whole number of steps from 1, not \"%s\"",
			    c->args[0]);
	}
	if (rs_workspace_nsteps(ws) == 0)
		return cmd_error(s, "undo: nothing to undo (the data is as loaded)");
	if ((size_t)n > rs_workspace_nsteps(ws))
		return cmd_error(s, "undo: only %zu step%s to undo", rs_workspace_nsteps(ws),
		    rs_workspace_nsteps(ws) == 1 ? "" : "s");
	keep = rs_workspace_nsteps(ws) - (size_t)n;
	arr = rn_arr(root, "undone");
	for (size_t i = keep; i < rs_workspace_nsteps(ws); i++)
		rn_str(arr, NULL, rs_workspace_step(ws, i)->command);
	h = session_hooks(s, NULL);
	h.note = NULL;	/* the steps run again quietly */
	if (rs_workspace_undo(ws, (size_t)n, &h, &err) != 0)
		return cmd_error(s, "undo: %s; nothing changed", err.msg);
	rn_label(rn_int(root, "steps", (int64_t)rs_workspace_nsteps(ws)), "steps left");
	rn_label(rn_int(root, "rows", (int64_t)rs_workspace_data(ws)->log.n), "rows now");
	return CMD_OK;
}

const struct cmd_entry cmd_undo_entry = {
	.name = "undo",
	.usage = "[N]",
	.help = "take back the last N pipeline steps (default 1)",
	.doc = "Rebuilds the data by replaying the steps kept on the data as loaded, so the "
	    "result is exactly what those steps alone give.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 1,
	.opts = NULL,
	.fields = undo_fields,
	.exec = cmd_undo_exec,
};
