/* import recs: top-k lists produced elsewhere become a model that eval, compare and audits accept. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const struct cmd_opt import_opts[] = {
	{ "user", OPT_STR, NULL, 0, -1, NULL, "user id column (default: user_id, user, ... or the first)" },
	{ "item", OPT_STR, NULL, 0, -1, NULL, "item id column (default: item_id, item, video_id, ... or the second)" },
	{ "rank", OPT_STR, NULL, 0, -1, NULL, "rank column, 1 = best (default: rank, position, or the third of a file without header)" },
	{ "score", OPT_STR, NULL, 0, -1, NULL, "score column, higher = better, used when there is no rank" },
	{ "delim", OPT_STR, NULL, 0, -1, NULL, "field delimiter (default: guessed)" },
	{ "header", OPT_BOOL, NULL, 0, -1, NULL, "whether the first line names the columns (default: guessed)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field import_fields[] = {
	{ "name", "the model's name" },
	{ "file", "the file read" },
	{ "order", "rank or score: what ordered the lists" },
	{ "rows", "data rows read" },
	{ "entries", "list entries kept" },
	{ "users", "users with a list" },
	{ "longest", "the longest list" },
	{ "unknown_users", "distinct user ids not in the loaded data (their rows are skipped)" },
	{ "unknown_user_rows", "rows skipped for them" },
	{ "unknown_items", "distinct item ids not in the loaded data" },
	{ "unknown_item_rows", "rows skipped for them" },
	{ "duplicate_items", "items listed twice for one user (the better rank kept)" },
	{ "tied_scores", "score-ordered files: equal scores, ordered by file position" },
	{ "seen_in_training", "listed items the user has training rows for (eval leaves them out, as for any model)" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_import_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	struct rnode *root = report_root(r);
	rs_import_opts o;
	rs_import_report rep;
	rs_model *m;
	rs_error err;
	rs_hooks h;
	int hd;

	if (ds == NULL)
		return CMD_ERROR;
	if (strcmp(c->args[0], "recs") != 0)
		return cmd_error(s, "import: can import recs (import recs FILE as NAME), not %s",
		    c->args[0]);
	if (strcmp(c->args[2], "as") != 0)
		return cmd_error(s, "import: usage: import recs FILE as NAME");
	if (model_name_problem(c->args[3]) != NULL)
		return cmd_error(s, "import: that model name cannot be used: %s",
		    model_name_problem(c->args[3]));
	rs_import_opts_init(&o);
	o.user = call_get(c, "user");
	o.item = call_get(c, "item");
	o.rank = call_get(c, "rank");
	o.score = call_get(c, "score");
	o.delim = call_get(c, "delim");
	hd = call_bool(c, "header", -1);
	o.header = hd;
	h = session_hooks(s, r);
	m = rs_import_recs(ds, c->args[1], c->args[3], &o, &rep, &h, &err);
	if (m == NULL)
		return cmd_error(s, "import: %s", err.msg);
	rn_str(root, "name", m->name);
	rn_str(root, "file", c->args[1]);
	rn_str(root, "order", rep.by_score ? "score" : "rank");
	rn_int(root, "rows", (int64_t)rep.rows);
	rn_int(root, "entries", (int64_t)rep.kept);
	rn_label(rn_int(root, "users", rep.users), "users with a list");
	rn_label(rn_int(root, "longest", rep.longest), "longest list");
	rn_label(rn_int(root, "unknown_users", rep.unknown_users), "unknown users");
	rn_flags(rn_int(root, "unknown_user_rows", (int64_t)rep.unknown_user_rows), RF_TEXT_HIDE);
	rn_label(rn_int(root, "unknown_items", rep.unknown_items), "unknown items");
	rn_flags(rn_int(root, "unknown_item_rows", (int64_t)rep.unknown_item_rows), RF_TEXT_HIDE);
	rn_flags(rn_label(rn_int(root, "duplicate_items", (int64_t)rep.duplicate_items),
	    "items listed twice"), rep.duplicate_items ? 0 : RF_TEXT_HIDE);
	rn_flags(rn_label(rn_int(root, "tied_scores", (int64_t)rep.tied_scores),
	    "tied scores"), rep.tied_scores ? 0 : RF_TEXT_HIDE);
	rn_label(rn_int(root, "seen_in_training", (int64_t)rep.seen_in_training),
	    "listed items seen in training");
	if (rep.unknown_users > 0)
		report_warn(r, "%u user id%s not in the loaded data (first: %s): %zu row%s skipped",
		    rep.unknown_users, rep.unknown_users == 1 ? " is" : "s are",
		    rep.unknown_user_example, rep.unknown_user_rows,
		    rep.unknown_user_rows == 1 ? "" : "s");
	if (rep.unknown_items > 0)
		report_warn(r, "%u item id%s not in the loaded data (first: %s): %zu row%s skipped",
		    rep.unknown_items, rep.unknown_items == 1 ? " is" : "s are",
		    rep.unknown_item_example, rep.unknown_item_rows,
		    rep.unknown_item_rows == 1 ? "" : "s");
	if (rep.duplicate_items > 0)
		report_warn(r, "%zu item%s listed twice for the same user: kept the better rank",
		    rep.duplicate_items, rep.duplicate_items == 1 ? "" : "s");
	if (rep.tied_scores > 0)
		report_warn(r, "%zu tied score%s: ordered by position in the file",
		    rep.tied_scores, rep.tied_scores == 1 ? "" : "s");
	if (rep.seen_in_training > 0)
		report_note(r, "%zu listed item%s the user has training rows for: eval leaves seen items out, as for every model",
		    rep.seen_in_training, rep.seen_in_training == 1 ? "" : "s");
	rs_workspace_add_model(s->ws, m);
	return CMD_OK;
}

/* Completion: recs FILE as NAME. */
static const struct cmd_arg import_pos[] = { { ARG_WORD, "recs", NULL },
	{ ARG_PATH, NULL, NULL }, { ARG_WORD, "as", NULL }, { ARG_WORD, NULL, NULL },
	{ ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "recs FILE as NAME [user=COL item=COL rank=COL score=COL delim=D header=yes|no]",
	.help = "read top-k lists produced elsewhere as a model for eval, compare and audits",
	.doc = "Reads recommendation lists (user, item, and a rank or a score; CSV/TSV, with or "
	    "without header, .gz) into a model of kind imported named NAME. Rows whose user "
	    "or item id is not in the loaded data are skipped, counted and reported; a rank "
	    "used twice for one user is an error; an item listed twice keeps its better rank. "
	    "Listed items score by rank and every other item is never recommended, so eval "
	    "ranks exactly the imported lists (users without a list get an empty one). "
	    "eval's lists= output is in this format.",
	.args = ARG_WORD,
	.min_args = 4,
	.max_args = 4,
	.pos = import_pos,
	.opts = import_opts,
	.fields = import_fields,
	.exec = cmd_import_exec,
};
