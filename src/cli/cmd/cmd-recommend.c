/* recommend: a user's top-k items from a trained model, with creators and titles. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/evalcli.h"
#include "util/xmalloc.h"

static const struct cmd_opt recommend_opts[] = {
	{ "user", OPT_STR, NULL, 0, -1, NULL, "the user id, as in the data" },
	{ "k", OPT_INT, NULL, 1, 100000, "10", "how many items" },
	{ "model", OPT_STR, NULL, 0, -1, NULL, "which model (default: the last trained)" },
	{ "include-seen", OPT_FLAG, NULL, 0, -1, NULL,
	  "also rank items the user saw in training" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field recommend_fields[] = {
	{ "model", "the model used" },
	{ "user", "the user" },
	{ "fallback", "true when the user had no training history and popularity stood in" },
	{ "items", "rank, item, score, creator, text" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_recommend_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	rs_model *m;
	const char *user = call_get(c, "user");
	struct rnode *root = report_root(r);
	size_t k = (size_t)call_int(c, "k", 10), n;
	uint32_t *items, uidx;
	float *scores;
	bool fallback;
	int64_t u;

	if (ds == NULL || (m = call_model(s, c, "recommend")) == NULL ||
	    !evalcli_model_fits(s, m, ds, "recommend"))
		return CMD_ERROR;
	if (user == NULL)
		return cmd_error(s, "recommend: which user? give user=ID");
	u = rs_ids_find(ds->users, user, strlen(user));
	/* an id never seen anywhere is a new user: the fallback serves it */
	uidx = u < 0 ? UINT32_MAX : (uint32_t)u;
	items = xmalloc((k + 1) * sizeof *items);
	scores = xmalloc((k + 1) * sizeof *scores);
	n = rs_model_recommend(m, uidx, k, !call_flag(c, "include-seen"), items,
	    scores, &fallback);
	rn_str(root, "model", m->name);
	rn_str(root, "user", user);
	rn_bool(root, "fallback", fallback);
	if (fallback)
		report_note(r, "user %s has no training history%s: recommending the most popular items",
		    user, u < 0 ? " (an id not in the data)" : "");
	if (n == 0 && !call_flag(c, "include-seen"))
		report_note(r, "user %s has seen every item the model knows: nothing left to recommend (--include-seen lists them again)",
		    user);
	items_table(root, ds, items, scores, n, "score");
	free(items);
	free(scores);
	return CMD_OK;
}

/* Completion: what these options' values name. */
static const struct cmd_opt_names recommend_names[] = {
	{ "model", ARG_MODEL },
	{ NULL, ARG_NONE }
};

const struct cmd_entry cmd_recommend_entry = {
	.name = "recommend",
	.usage = "user=ID [k=10] [model=NAME] [--include-seen]",
	.help = "show a user's top-k recommendations from a trained model",
	.doc = "Scores every item for the user, leaves out what the user saw in training "
	    "(unless --include-seen) and shows the k best, found by partial selection. A "
	    "user without training history gets the most popular items, and the output says so.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opt_names = recommend_names,
	.opts = recommend_opts,
	.fields = recommend_fields,
	.exec = cmd_recommend_exec,
};
