/* export: a factor model's user and item vectors to CSV and NumPy files, to check folded-in vectors elsewhere. */
#include "config.h"

#include <stdio.h>

#include "cli/cli.h"
#include "reelscope/observe.h"

static const struct cmd_opt export_opts[] = {
	{ "factors", OPT_PATH, NULL, 0, -1, NULL,
	  "path prefix: writes PREFIX.users.csv, PREFIX.items.csv, PREFIX.users.npy, PREFIX.items.npy" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field export_fields[] = {
	{ "model", "the model exported" },
	{ "files", "the files written" },
	{ "users", "user vectors (rows)" },
	{ "items", "item vectors (rows)" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_export_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	const char *prefix = call_get(c, "factors");
	struct rnode *root = report_root(r), *files;
	rs_model *m;
	rs_error err;
	char path[4096];
	static const char *const parts[] = { "users.csv", "items.csv", "users.npy",
		"items.npy" };

	if (ds == NULL)
		return CMD_ERROR;
	if (prefix == NULL)
		return cmd_error(s, "export: what to export? give factors=PREFIX");
	if ((m = rs_workspace_model(s->ws, c->args[0])) == NULL)
		return cmd_error(s, "export: no model named %s", c->args[0]);
	if (rs_model_export_factors(m, ds, prefix, &err) != 0)
		return cmd_error(s, "export: %s", err.msg);
	rn_str(root, "model", m->name);
	files = rn_arr(root, "files");
	for (int j = 0; j < 4; j++) {
		snprintf(path, sizeof path, "%s.%s", prefix, parts[j]);
		rn_str(files, NULL, path);
	}
	rn_int(root, "users", m->nusers);
	rn_int(root, "items", m->nitems);
	return CMD_OK;
}

/* Completion: every positional argument is a model's name. */
static const struct cmd_arg export_pos[] = { { ARG_MODEL, NULL, NULL }, { ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "MODEL factors=PREFIX",
	.help = "write a factor model's user and item vectors (CSV with ids, and NumPy .npy)",
	.doc = "For als, mf, bpr and svdpp (its P, without the implicit term): PREFIX.users.csv "
	    "and PREFIX.items.csv hold a header id,f0,f1,... and one row per user or item "
	    "with its id from the data; PREFIX.users.npy and PREFIX.items.npy hold the same "
	    "rows as NumPy format 1.0 arrays of little-endian float32 (numpy.load reads "
	    "them), so vectors folded in by observe can be checked elsewhere.",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 1,
	.pos = export_pos,
	.opts = export_opts,
	.fields = export_fields,
	.exec = cmd_export_exec,
};
