/* set: session settings (output form, progress, error handling); no option lists them. */
#include "config.h"

#include <string.h>

#include "cli/cli.h"
#include "cli/plot/plot.h"

static const struct cmd_opt set_opts[] = {
	{ "json", OPT_BOOL, NULL, 0, -1, "no", "print results as JSON Lines" },
	{ "progress", OPT_BOOL, NULL, 0, -1, "yes on a terminal",
	  "show progress bars on the terminal" },
	{ "keep_going", OPT_BOOL, NULL, 0, -1, "no",
	  "in batch, go on after a failed command" },
	{ "gnuplot", OPT_PATH, NULL, 0, -1, "gnuplot", "the gnuplot program plot runs (found on PATH without a /)" },
	{ "gnuplot_timeout", OPT_INT, NULL, 1, 86400, "60",
	  "seconds gnuplot gets to finish a plot before it is taken for hung and stopped" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field set_fields[] = {
	{ "json", "current setting" },
	{ "progress", "current setting" },
	{ "keep_going", "current setting" },
	{ "gnuplot", "the gnuplot program, when not the default" },
	{ "gnuplot_timeout", "seconds gnuplot gets per plot, when not the default" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_set_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r);

	s->json = call_bool(c, "json", s->json);
	s->progress = call_bool(c, "progress", s->progress);
	s->keep_going = call_bool(c, "keep_going", s->keep_going);
	if (call_has(c, "gnuplot")) gp_set_program(call_get(c, "gnuplot"));
	if (call_has(c, "gnuplot_timeout"))
		gp_set_timeout((int)call_int(c, "gnuplot_timeout", GP_TIMEOUT_DEFAULT));
	rn_bool(root, "json", s->json);
	rn_bool(root, "progress", s->progress);
	rn_bool(root, "keep_going", s->keep_going);
	if (strcmp(gp_program(), "gnuplot") != 0) rn_str(root, "gnuplot", gp_program());
	if (gp_timeout() != GP_TIMEOUT_DEFAULT)
		rn_int(root, "gnuplot_timeout", gp_timeout());
	return CMD_OK;
}

const struct cmd_entry cmd_set_entry = {
	.name = "set",
	.usage = "[json=yes|no] [progress=yes|no] [keep_going=yes|no] [gnuplot=PATH] [gnuplot_timeout=SECONDS]",
	.help = "change or show session settings",
	.doc = "Without options, shows the settings.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = set_opts,
	.fields = set_fields,
	.exec = cmd_set_exec,
};
