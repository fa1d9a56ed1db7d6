/* dashboard: the curses panels over the workspace (dataset, pipeline, training, leaderboard, creator exposure). */
#include "config.h"

#include "cli/cli.h"
#include "cli/tui/tui.h"

static enum cmd_ret
cmd_dashboard_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct tui_source src = session_tui_source(s);
	char err[256];

	(void)c;
	(void)r;
	if (tui_dashboard(&src, err, sizeof err) != 0)
		return cmd_error(s, "dashboard: %s", err);
	return CMD_OK;
}

const struct cmd_entry cmd_dashboard_entry = {
	.name = "dashboard",
	.usage = "",
	.help = "show the curses dashboard: dataset, pipeline, training, leaderboard, creator exposure",
	.doc = "Opens full-screen panels over the workspace: the dataset summary, the pipeline "
	    "steps, training (the last model's loss and validation curves, or the model "
	    "training now with train ... --watch), the leaderboard of evaluated models and "
	    "the creator exposure of the best model's recommendations (top and bottom "
	    "creators, Lorenz curve, Gini). Tab and the arrow keys move between panels, Enter "
	    "opens a panel's detail, ? lists the keys, q returns to the REPL. Needs a "
	    "terminal; colours are left out when NO_COLOR is set. reelscope --tui opens it "
	    "after any -c commands or script.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = NULL,
	.fields = NULL,
	.exec = cmd_dashboard_exec,
};
