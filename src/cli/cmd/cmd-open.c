/* open: read a workspace file and make it the whole session, only when every part of it is sound. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "reelscope/store.h"

static const struct cmd_field open_fields[] = {
	{ "path", "the file read" },
	{ "bytes", "its size" },
	{ "version", "its format version" },
	{ "sections", "checksummed sections in it" },
	{ "datasets", "datasets stored: 1 when the data is as loaded, else 2" },
	{ "rows", "log rows of the current data" },
	{ "models", "models opened" },
	{ "steps", "pipeline steps" },
	{ "results", "evaluation results" },
	{ "features", "whether item features were rebuilt by running the pipeline's features step again" },
	{ "seconds", "wall time" },
	{ NULL, NULL }
};

/* A note for each file a step reads when undo applies it again. */
static void
note_paths(struct report *r, size_t i, const rs_step *st,
    const struct cmd_entry *e)
{
	for (size_t k = 0; k < st->op.nparams; k++) {
		const rs_step_param *q = &st->op.params[k];
		bool path = false;
		if (q->key != NULL && q->value != NULL) {
			for (const struct cmd_opt *o = e->opts; o && o->name; o++)
				if (strcmp(o->name, q->key) == 0 && o->type == OPT_PATH)
					path = true;
			/* split files test=FILE valid=FILE */
			if (st->op.kind == RS_STEP_SPLIT && (strcmp(q->key, "test") == 0 ||
			    strcmp(q->key, "valid") == 0)) {
				char *end;
				(void)strtod(q->value, &end);
				path = *q->value != '\0' && *end != '\0';
			}
		} else if (e->args == ARG_PATH)
			path = true;
		if (path)
			report_note(r, "step %zu (%s) reads %s again if undo replays it", i + 1,
			    st->command, q->value != NULL ? q->value : q->key);
	}
}

/* The engine read every step as an operation of a pipeline kind (a step
 * of a 0.1.0 file that is no pipeline step was refused there); say which
 * files undo would read. */
static bool
check_steps(struct session *s, const rs_workspace *ws, const char *path,
    struct report *r)
{
	for (size_t i = 0; i < rs_workspace_nsteps(ws); i++) {
		const rs_step *st = rs_workspace_step(ws, i);
		char err[512];
		const struct cmd_entry *e = cmd_lookup(s->commands,
		    rs_step_kind_name((int)st->op.kind), err, sizeof err);
		if (e == NULL) {
			cmd_error(s, "open: %s: step %zu (%.200s) %s; the session is unchanged",
			    path, i + 1, st->command, err);
			return false;
		}
		note_paths(r, i, st, e);
	}
	return true;
}

/* Item features are not in the file: the engine applies the last features
 * step again on the opened data (quietly, without recording it). */
static bool
rebuild_features(struct session *s, struct report *r)
{
	rs_hooks h = session_hooks(s, r);
	const char *cmd = NULL;
	rs_error err;
	int rc;

	h.note = NULL;
	rc = rs_workspace_rebuild_features(s->ws, &h, &err);
	if (rc == 1)
		report_warn(r, "the workspace had item features but no features step to rebuild them");
	if (rc >= 0)
		return rc == 0;
	for (size_t i = 0; i < rs_workspace_nsteps(s->ws); i++)
		if (rs_workspace_step(s->ws, i)->op.kind == RS_STEP_FEATURES)
			cmd = rs_workspace_step(s->ws, i)->command;
	report_warn(r, "item features were not rebuilt (%s): %s", cmd, err.msg);
	return false;
}

static enum cmd_ret
cmd_open_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	const char *path = c->args[0];
	struct rnode *root = report_root(r);
	rs_store_info info;
	rs_error err;
	rs_hooks h = session_hooks(s, r);
	rs_workspace *ws, *old;
	bool features = false;

	ws = rs_store_open(path, &info, &h, &err);
	if (ws == NULL)
		return cmd_error(s, "open: %s; the session is unchanged", err.msg);
	if (!check_steps(s, ws, path, r)) {
		rs_workspace_free(ws);
		return CMD_ERROR;
	}
	/* every check passed: the file becomes the session */
	old = s->ws;
	s->ws = ws;
	rs_workspace_free(old);
	if (info.features)
		features = rebuild_features(s, r);
	if (info.skipped > 0)
		report_note(r, "skipped %u sections this reelscope does not know (written by a newer version)",
		    info.skipped);
	rn_str(root, "path", path);
	rn_int(root, "bytes", (int64_t)info.bytes);
	rn_flags(rn_int(root, "version", info.version), RF_TEXT_HIDE);
	rn_int(root, "sections", info.sections);
	rn_flags(rn_int(root, "datasets", info.datasets), RF_TEXT_HIDE);
	if (rs_workspace_data(ws) != NULL)
		rn_label(rn_int(root, "rows", (int64_t)rs_workspace_data(ws)->log.n), "log rows");
	else
		rn_label(rn_null(root, "rows"), "log rows");
	rn_int(root, "models", info.models);
	rn_int(root, "steps", info.steps);
	rn_int(root, "results", info.results);
	rn_flags(rn_bool(root, "features", features), features ? 0 : RF_TEXT_HIDE);
	rn_prec(rn_num(root, "seconds", info.seconds), 3);
	return CMD_OK;
}

const struct cmd_entry cmd_open_entry = {
	.name = "open",
	.usage = "FILE",
	.help = "open a saved workspace: its data, pipeline and models replace the session",
	.doc = "Reads a file written by save. Every section's checksum, every length and "
	    "every index in it is checked before anything is used; a file that is not a "
	    "workspace, comes from a newer reelscope, is truncated or corrupt is refused "
	    "with the reason and the session stays as it was. No file named inside the "
	    "workspace is read: the data comes from the file itself. Pipeline steps are "
	    "kept as operations (a kind and its parameters) that the engine applies again "
	    "for undo; they may only be split, clean, features or classify steps. A file of "
	    "reelscope 0.1.0, which kept them as command text, still opens: each is read "
	    "into an operation, and one that is no pipeline step is refused. Item features are not stored: the "
	    "pipeline's last features step runs again on the opened data to rebuild them.",
	.args = ARG_PATH,
	.min_args = 1,
	.max_args = 1,
	.opts = NULL,
	.fields = open_fields,
	.exec = cmd_open_exec,
};
