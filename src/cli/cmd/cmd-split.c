/* split: assign every log row to train, validation or test (a seeded pipeline step). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const struct cmd_opt split_opts[] = {
	{ "test", OPT_STR, NULL, 0, -1, "0.2",
	  "share of rows for test (random, user, temporal); a file for split files" },
	{ "valid", OPT_STR, NULL, 0, -1, "0",
	  "share of the training rows kept for validation (leave-last: > 0 keeps the k rows before the test ones); a file for split files" },
	{ "k", OPT_INT, NULL, 1, 1000, NULL, "leave-last: rows per user (1); kfold: folds (5)" },
	{ "fold", OPT_INT, NULL, 1, 1000, "1", "kfold: which fold is test" },
	{ "seed", OPT_INT, NULL, 0, 9007199254740992.0, "1", "random seed" },
	{ "min_train", OPT_INT, NULL, 0, 1000000, "1",
	  "user, leave-last: training rows a user keeps before giving test rows" },
	{ "allow-overlap", OPT_FLAG, NULL, 0, -1, NULL,
	  "files: accept held-out rows that are also in the training log (refused otherwise; a warning gives the count)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field split_fields[] = {
	{ "kind", "random, user, temporal, leave-last, kfold, observed or files" },
	{ "split", "the split as text" },
	{ "train", "training rows" },
	{ "valid", "validation rows" },
	{ "test", "test rows" },
	{ "test_users", "users with test rows" },
	{ "external", "whether the test rows come from outside the log (observed block, file)" },
	{ "cold_test_users", "test users without any training row (models can only fall back on popularity for them)" },
	{ "cold_share", "cold_test_users / test_users (0 without test users)" },
	{ "overlap", "split files: held-out rows also in the training log (same user, item, and time when both have one; 0 otherwise)" },
	{ "overlap_valid", "split files: validation rows (valid=PATH) also in the training log" },
	{ NULL, NULL }
};

/* The figures that say whether the split's numbers can be trusted: cold
 * test users (stated when there are any, a warning above
 * RS_COLD_WARN_SHARE) and, for split files --allow-overlap, held-out rows
 * that are also training rows. */
static void
split_guards(struct rnode *root, struct report *r, const rs_split_summary *sp)
{
	double share = sp->test_users ? (double)sp->cold_test_users / sp->test_users : 0;
	const char *key = sp->overlap_by_time ? "user, item and time" : "user and item";

	char text[64];

	rn_flags(rn_int(root, "cold_test_users", sp->cold_test_users), RF_TEXT_HIDE);
	rn_flags(rn_num(root, "cold_share", share), RF_TEXT_HIDE);
	if (sp->cold_test_users > 0) {
		snprintf(text, sizeof text, "%u (%.0f%%, no training row)",
		    sp->cold_test_users, 100 * share);
		rn_flags(rn_label(rn_str(root, "cold_test_users ", text), "cold test users"),
		    RF_JSON_HIDE);
	}
	rn_flags(rn_int(root, "overlap", (int64_t)sp->overlap), RF_TEXT_HIDE);
	rn_flags(rn_int(root, "overlap_valid", (int64_t)sp->overlap_valid), RF_TEXT_HIDE);
	if (share > RS_COLD_WARN_SHARE)
		report_warn(r, "%u of %u test users (%.0f%%) have no training row: every model can only "
		    "rank them by popularity, which flatters pop (eval cold=exclude or cold=only "
		    "evaluates them apart)", sp->cold_test_users, sp->test_users, 100 * share);
	if (sp->overlap > 0)
		report_warn(r, "--allow-overlap: %zu of %zu held-out rows are also in the training log "
		    "(same %s): eval cannot rank them (seen items) and rmse/mae include them",
		    sp->overlap, sp->test, key);
	if (sp->overlap_valid > 0)
		report_warn(r, "--allow-overlap: %zu of %zu validation rows are also in the training "
		    "log (same %s)", sp->overlap_valid, sp->valid, key);
}

/* The engine reads the options and runs the split (rs_workspace_apply);
 * this shows what it did. */
static enum cmd_ret
cmd_split_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r);
	rs_step_op op;
	rs_step_report rep;
	rs_error err;
	rs_hooks h = session_hooks(s, r);
	const rs_dataset *out;
	int rc;

	if (session_data(s) == NULL)
		return CMD_ERROR;
	if (!call_step_op(s, c, &op))
		return CMD_ERROR;
	rc = rs_workspace_apply(s->ws, &op, &h, &rep, &err);
	rs_step_op_free(&op);
	if (rc != 0)
		return cmd_error(s, "%s", err.msg);
	out = rs_workspace_data(s->ws);
	rn_str(root, "kind", c->args[0]);
	rn_str(root, "split", out->split_desc);
	rn_int(root, "train", (int64_t)rep.split.train);
	rn_int(root, "valid", (int64_t)rep.split.valid);
	rn_int(root, "test", (int64_t)rep.split.test);
	rn_label(rn_int(root, "test_users", rep.split.test_users), "test users");
	rn_flags(rn_bool(root, "external", rep.split.external), RF_TEXT_HIDE);
	split_guards(root, r, &rep.split);
	if (rep.split.test == 0)
		report_warn(r, "no test rows: every user has too few rows for this split");
	return CMD_OK;
}

/* The i-th split kind's name, for completion (NULL past the last). */
static const char *
split_kind_word(int i)
{
	return i + 1 <= (int)RS_SPLIT_FILES ? rs_split_kind_name((enum rs_split_kind)(i + 1)) : NULL;
}

/* Completion: the kind. */
static const struct cmd_arg split_pos[] = { { ARG_WORD, NULL, split_kind_word },
	{ ARG_NONE, NULL, NULL } };

/* Completion: what these options' values name. */
static const struct cmd_opt_names split_names[] = {
	{ "test", ARG_PATH },
	{ "valid", ARG_PATH },
	{ NULL, ARG_NONE }
};

const struct cmd_entry cmd_split_entry = {
	.name = "split",
	.usage = "random|user|temporal|leave-last|kfold|observed|files [test=] [valid=] [k=] [fold=] [seed=] [--allow-overlap]",
	.help = "divide the log into train, validation and test (a pipeline step)",
	.doc = "random: each row is test with probability test=. user: a share of each user's "
	    "rows. temporal: the latest test= share of all rows (one global time cut). "
	    "leave-last: each user's last k rows by time (k=1), users keeping min_train rows. "
	    "kfold: fold fold= of k= folds (the rows in a seeded random order dealt to the folds in "
	    "turn: the k folds of one seed partition the log, sizes within one row). observed: train on the sparse log, test on the "
	    "fully observed block (KuaiRec small_matrix). files: the loaded log is training, "
	    "test=PATH (and valid=PATH) the held-out rows, e.g. MovieLens u1.base with u1.test. "
	    "valid= keeps that share of the training rows for validation (early stopping, "
	    "tuning); the latest share before the test cut for temporal; for leave-last any "
	    "valid > 0 keeps each user's k rows before the test ones (users with min_train + 2k "
	    "rows). The same seed gives the same split. Guard-rails: split files refuses held-out "
	    "rows that are also in the training log (same user and item, and the same time when "
	    "both files have a time column), e.g. u1.test against u.data, naming the count and the "
	    "remedy (load u1.base); --allow-overlap accepts them with a warning. Every split states "
	    "its cold test users (test rows, no training row) and warns when they are over 10% "
	    "of the test users.",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 1,
	.opt_names = split_names,
	.pos = split_pos,
	.opts = split_opts,
	.fields = split_fields,
	.exec = cmd_split_exec,
};
