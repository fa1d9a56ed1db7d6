/* Dashboard panel: creator exposure of the best model's recommendations (bars, Lorenz curve, Gini). */
#include "config.h"

#define RS_TUI_INTERNAL
#include <stdio.h>

#include "cli/cli.h"
#include "cli/tui/tui.h"

void
tui_exposure_prepare(struct tui *t)
{
	snprintf(t->audit_msg, sizeof t->audit_msg, "audit not available (no fairness engine in this build)");
}

static void
exposure_draw(struct tui *t, WINDOW *w, int h, int wd)
{
	(void)h;
	wattron(w, tui_attr(t, TC_DIM));
	tui_put(w, 1, 2, t->audit_msg, wd - 4);
	wattroff(w, tui_attr(t, TC_DIM));
}

static void
exposure_detail(struct tui *t, struct tui_lines *out)
{
	tui_lines_add(out, "%s", t->audit_msg);
}

const struct tui_panel tui_panel_exposure = {
	.title = "Creator exposure", .draw = exposure_draw, .detail = exposure_detail
};
