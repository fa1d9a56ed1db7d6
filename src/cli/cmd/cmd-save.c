/* save: write the whole workspace (data, pipeline, models) to one file, atomically. */
#include "config.h"

#include <sys/stat.h>

#include "cli/cli.h"
#include "reelscope/store.h"

static const struct cmd_opt save_opts[] = {
	{ "force", OPT_FLAG, NULL, 0, -1, NULL,
	  "replace an existing file even when it is not a workspace, or another workspace's" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field save_fields[] = {
	{ "path", "the file written" },
	{ "bytes", "its size" },
	{ "sections", "checksummed sections in it" },
	{ "datasets", "datasets stored: 1 when the data is as loaded, else 2 (the loaded one for undo, and the current one)" },
	{ "shared", "parts of the current dataset stored as references to the loaded one (columns, id tables, logs, training matrices)" },
	{ "models", "models saved" },
	{ "steps", "pipeline steps saved" },
	{ "results", "evaluation results saved" },
	{ "seconds", "wall time" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_save_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	const char *path = c->args[0];
	struct rnode *root = report_root(r);
	rs_store_opts o;
	rs_store_info info;
	rs_error err;
	rs_hooks h = session_hooks(s, r);
	struct stat st;
	bool existed;

	if (rs_workspace_data(s->ws) == NULL && rs_workspace_nmodels(s->ws) == 0)
		return cmd_error(s, "save: nothing to save yet (load or generate data first)");
	existed = stat(path, &st) == 0;
	rs_store_opts_init(&o);
	o.force = call_flag(c, "force");
	if (rs_store_save(s->ws, path, &o, &info, &h, &err) != 0)
		return cmd_error(s, "save: %s; %s", err.msg,
		    existed ? "the file is unchanged" : "nothing written");
	rs_workspace_mark_saved(s->ws);
	rn_str(root, "path", path);
	rn_int(root, "bytes", (int64_t)info.bytes);
	rn_int(root, "sections", info.sections);
	rn_int(root, "datasets", info.datasets);
	rn_label(rn_int(root, "shared", info.shared), "shared with base");
	rn_int(root, "models", info.models);
	rn_int(root, "steps", info.steps);
	rn_int(root, "results", info.results);
	rn_prec(rn_num(root, "seconds", info.seconds), 3);
	return CMD_OK;
}

const struct cmd_entry cmd_save_entry = {
	.name = "save",
	.usage = "FILE [--force]",
	.help = "save the whole workspace (data, pipeline, models, results) to one file",
	.doc = "Writes the dataset as loaded, the current data, the pipeline of steps, "
	    "every trained model and the latest evaluation result of each to one binary file (versioned, a CRC-32 per section and "
	    "for the whole file), so open brings the session back as it was: undo still "
	    "steps back, recommend gives the same lists. Parts of the current data equal "
	    "to the loaded data are stored once. The file is written to a temporary file "
	    "in the same folder (mode 0600), synced and renamed over FILE: a failure or a "
	    "crash leaves the previous FILE as it was. A workspace file saved from this "
	    "workspace earlier (or opened into it) is replaced; another workspace's file, "
	    "or any other file, only with --force. A workspace is known by an id made "
	    "when reelscope starts, stored in the file and kept by open; files written "
	    "before ids were stored are replaced as before. Item features are not stored: "
	    "open rebuilds them from the pipeline's features step.",
	.args = ARG_PATH,
	.min_args = 1,
	.max_args = 1,
	.opts = save_opts,
	.fields = save_fields,
	.exec = cmd_save_exec,
};
