/* history: the pipeline as a script (the load, then every step) that rebuilds the current data. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct cmd_opt history_opts[] = {
	{ "to", OPT_PATH, NULL, 0, -1, NULL, "write the script to this file" },
	{ "force", OPT_FLAG, NULL, 0, -1, NULL, "overwrite the file" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field history_fields[] = {
	{ "commands", "the script, one command per element" },
	{ "path", "the file written (with to=)" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_history_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_workspace *ws = s->ws;
	struct rnode *root = report_root(r), *arr;
	const char *to = call_get(c, "to");

	if (session_data(s) == NULL)
		return CMD_ERROR;
	if (rs_workspace_source(ws) == NULL)
		return cmd_error(s, "history: the data was not made by a command");
	if (to != NULL) {
		FILE *f;
		if (!call_flag(c, "force") && (f = fopen(to, "r")) != NULL) {
			fclose(f);
			return cmd_error(s, "history: %s exists; give --force to overwrite it", to);
		}
		f = fopen(to, "w");
		if (f == NULL)
			return cmd_error(s, "history: cannot write %s: %s", to,
			    strerror(errno));
		fprintf(f, "# reelscope pipeline: run with reelscope %s\n%s\n", to,
		    rs_workspace_source(ws));
		for (size_t i = 0; i < rs_workspace_nsteps(ws); i++)
			fprintf(f, "%s\n", rs_workspace_step(ws, i)->command);
		if (fclose(f) != 0)
			return cmd_error(s, "history: cannot write %s: %s", to,
			    strerror(errno));
		rn_str(root, "path", to);
		report_note(r, "wrote %zu commands to %s", rs_workspace_nsteps(ws) + 1, to);
	}
	arr = rn_arr(root, "commands");
	rn_str(arr, NULL, rs_workspace_source(ws));
	for (size_t i = 0; i < rs_workspace_nsteps(ws); i++)
		rn_str(arr, NULL, rs_workspace_step(ws, i)->command);
	if (to == NULL && !s->json) {
		/* the script itself, ready to copy */
		rn_flags(arr, RF_TEXT_HIDE);
		report_note(r, "%s", rs_workspace_source(ws));
		for (size_t i = 0; i < rs_workspace_nsteps(ws); i++)
			report_note(r, "%s", rs_workspace_step(ws, i)->command);
	} else
		rn_flags(arr, RF_TEXT_HIDE);
	return CMD_OK;
}

const struct cmd_entry cmd_history_entry = {
	.name = "history",
	.usage = "[to=FILE] [--force]",
	.help = "print the pipeline as a script that rebuilds the current data",
	.doc = "The command that loaded (or generated) the data, then every recorded step in "
	    "order; reelscope FILE runs it again.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = history_opts,
	.fields = history_fields,
	.exec = cmd_history_exec,
};
