/* The session: what one run of reelscope holds, the failing command's message, and the engine hooks that show progress. */
#ifndef RS_SESSION_H
#define RS_SESSION_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "reelscope/reelscope.h"
#include "report.h"
#include "tui/tui.h"

/* What a command handler returns. */
enum cmd_ret { CMD_OK, CMD_ERROR, CMD_QUIT };

struct cmd_entry;

/* The session: everything one run of reelscope holds. */
struct session {
	rs_workspace *ws;	/* dataset, pipeline (never NULL) */
	/* the command table (set by main; help and open look commands up in
	 * it without reaching up into the dispatcher) */
	const struct cmd_entry *const *commands;
	bool json;		/* --json: one JSON object per command */
	bool interactive;	/* reading commands from a terminal */
	bool keep_going;	/* batch: go on after a failed command */
	bool echo;		/* print each command before its output */
	bool progress;		/* show progress bars (terminal, not JSON) */
	bool quit;
	int failures;		/* commands that failed */
	FILE *out, *err;
	char errmsg[1200];	/* message of the failing command */
};

extern volatile sig_atomic_t rs_interrupted;
extern volatile sig_atomic_t rs_terminated;	/* SIGTERM/SIGHUP: finish and leave */

/* Report a command failure (message without "error: "). Returns CMD_ERROR. */
enum cmd_ret cmd_error(struct session *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hooks that show engine progress and notes for this session. */
rs_hooks session_hooks(struct session *s, struct report *r);
/* What the dashboard needs from the session: its workspace and the signal
 * flags that make it leave. */
struct tui_source session_tui_source(struct session *s);
void session_free(struct session *s);

/* The current dataset, or NULL after reporting "no dataset loaded". */
rs_dataset *session_data(struct session *s);
/* The current dataset or NULL, without reporting anything. */
rs_dataset *session_peek(const struct session *s);
/* A new starting point (takes ds): the pipeline starts over. */
void session_set_base(struct session *s, rs_dataset *ds, const char *command);
/* A short description of an item for tables: its title or caption, if any. */
const char *session_item_text(const rs_dataset *ds, uint32_t item, char *buf,
    size_t size);

/* Progress display: the bar on stderr, or the dashboard while it watches
 * a training. */
int progress_update(void *ctx, const char *task, double done, double total);
void progress_done(void);

#endif
