/* quit: leave reelscope. */
#include "config.h"

#include "cli/cli.h"

static enum cmd_ret
cmd_quit_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	(void)s;
	(void)c;
	(void)r;
	return CMD_QUIT;
}

const struct cmd_entry cmd_quit_entry = {
	.name = "quit",
	.alias = "exit",
	.usage = "",
	.help = "leave reelscope",
	.doc = NULL,
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = NULL,
	.fields = NULL,
	.exec = cmd_quit_exec,
};
