/* split: assign every log row to train, validation or test (a seeded pipeline step). */
#include "config.h"

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
	{ NULL, NULL }
};

static const struct {
	const char *name;
	enum rs_split_kind kind;
} kinds[] = {
	{ "random", RS_SPLIT_RANDOM }, { "user", RS_SPLIT_USER },
	{ "temporal", RS_SPLIT_TEMPORAL }, { "leave-last", RS_SPLIT_LEAVE_LAST },
	{ "kfold", RS_SPLIT_KFOLD }, { "observed", RS_SPLIT_OBSERVED },
	{ "files", RS_SPLIT_FILES }
};

/* A share given as text: a number in [0, 1). */
static bool
share(struct session *s, const char *key, const char *v, double *out)
{
	char *end;
	double x = strtod(v, &end);

	if (*v == '\0' || *end != '\0' || !(x >= 0 && x < 1)) {
		cmd_error(s, "split: %s=%s must be a share from 0 to below 1", key, v);
		return false;
	}
	*out = x;
	return true;
}

static enum cmd_ret
cmd_split_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s), *out;
	struct rnode *root = report_root(r);
	rs_split_opts o;
	rs_split_summary sum;
	rs_error err;
	rs_hooks h = session_hooks(s, r);
	const char *msg, *tv = call_get(c, "test"), *vv = call_get(c, "valid");
	size_t k;

	if (ds == NULL)
		return CMD_ERROR;
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (strcmp(c->args[0], kinds[k].name) == 0)
			break;
	if (k == sizeof kinds / sizeof kinds[0])
		return cmd_error(s, "split: unknown kind %s (random, user, temporal, leave-last, kfold, observed, files)",
		    c->args[0]);
	rs_split_opts_init(&o, kinds[k].kind);
	if (o.kind == RS_SPLIT_FILES) {
		o.test_path = tv;
		o.valid_path = vv;
	} else {
		if (tv != NULL && !share(s, "test", tv, &o.test))
			return CMD_ERROR;
		if (vv != NULL && !share(s, "valid", vv, &o.valid))
			return CMD_ERROR;
		if (tv != NULL && (o.kind == RS_SPLIT_LEAVE_LAST ||
		    o.kind == RS_SPLIT_KFOLD || o.kind == RS_SPLIT_OBSERVED))
			return cmd_error(s, "split %s: test= does not apply (it has %s)",
			    c->args[0], o.kind == RS_SPLIT_OBSERVED ?
			    "the observed block" : "k=");
	}
	if (call_has(c, "k")) {
		if (o.kind != RS_SPLIT_LEAVE_LAST && o.kind != RS_SPLIT_KFOLD)
			return cmd_error(s, "split %s: k= applies to leave-last and kfold only",
			    c->args[0]);
		o.k = (uint32_t)call_int(c, "k", o.k);
	}
	if (call_has(c, "fold") && o.kind != RS_SPLIT_KFOLD)
		return cmd_error(s, "split %s: fold= applies to kfold only", c->args[0]);
	o.fold = (uint32_t)call_int(c, "fold", o.fold);
	o.seed = (uint64_t)call_int(c, "seed", (long long)o.seed);
	o.min_train = (uint32_t)call_int(c, "min_train", o.min_train);
	if ((msg = rs_split_opts_check(&o, ds)) != NULL)
		return cmd_error(s, "split %s: %s", c->args[0], msg);
	out = rs_split_apply(ds, &o, &sum, &h, &err);
	if (out == NULL)
		return cmd_error(s, "%s", err.msg);
	rn_str(root, "kind", c->args[0]);
	rn_str(root, "split", out->split_desc);
	rn_int(root, "train", (int64_t)sum.train);
	rn_int(root, "valid", (int64_t)sum.valid);
	rn_int(root, "test", (int64_t)sum.test);
	rn_label(rn_int(root, "test_users", sum.test_users), "test users");
	rn_flags(rn_bool(root, "external", sum.external), RF_TEXT_HIDE);
	if (sum.test == 0)
		report_warn(r, "no test rows: every user has too few rows for this split");
	session_step(s, c, out, out->split_desc);
	return CMD_OK;
}

const struct cmd_entry cmd_split_entry = {
	.name = "split",
	.usage = "random|user|temporal|leave-last|kfold|observed|files [test=] [valid=] [k=] [fold=] [seed=]",
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
	    "rows). The same seed gives the same split.",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 1,
	.opts = split_opts,
	.fields = split_fields,
	.exec = cmd_split_exec,
};
