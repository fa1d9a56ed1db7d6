/* train: fit a named model of any kind on the training part of the split, with live progress. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/tui/tui.h"
#include "util/xmalloc.h"

static const struct cmd_opt train_opts[] = {
	{ "model", OPT_STR, NULL, 0, -1, NULL, "the kind: pop, random, ... (help train lists them)" },
	{ "signal", OPT_STR, NULL, 0, -1, NULL,
	  "training values: a log column, or none (every row a positive); default: the log's value column" },
	{ "threshold", OPT_NUM, NULL, 1, 0, NULL, "keep training rows with signal >= threshold" },
	{ "binary", OPT_BOOL, NULL, 0, -1, NULL,
	  "kept rows become 1 (default: yes for implicit models, no for rating models)" },
	{ "epochs", OPT_INT, NULL, 1, 100000, NULL, "iterative models: most epochs" },
	{ "patience", OPT_INT, NULL, 0, 100000, "3", "epochs without a better validation score before stopping (0: never)" },
	{ "metric", OPT_STR, NULL, 0, -1, NULL, "validation metric: ndcg@K, recall@K, hit@K or rmse" },
	{ "valid_users", OPT_INT, NULL, 1, 100000000, "1000", "validation users sampled per epoch" },
	{ "seed", OPT_INT, NULL, 0, 9007199254740992.0, "1", "random seed for training" },
	{ "watch", OPT_FLAG, NULL, 0, 0, NULL,
	  "show the dashboard while training (a terminal only); q or Ctrl-C stops, keeping the best epoch" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field train_fields[] = {
	{ "name", "the model's name" },
	{ "kind", "its kind" },
	{ "params", "every parameter with its value (defaults filled in)" },
	{ "train_rows", "training pairs (users x items entries)" },
	{ "seconds", "fit time" },
	{ "epochs", "epochs run (iterative models)" },
	{ "best_epoch", "the epoch kept" },
	{ "metric", "the validation metric" },
	{ "history", "per epoch: epoch, loss, valid, seconds" },
	{ "interrupted", "whether Ctrl-C stopped training (the best epoch is kept)" },
	{ NULL, NULL }
};

/* Whether key is one of train's own options (the rest go to the model). */
static bool
own_option(const char *key)
{
	for (const struct cmd_opt *o = train_opts; o->name != NULL; o++)
		if (strcmp(o->name, key) == 0)
			return true;
	return false;
}

static bool
valid_metric_name(const char *m)
{
	const char *at = strchr(m, '@');

	if (strcmp(m, "rmse") == 0)
		return true;
	if (at == NULL || atoi(at + 1) <= 0)
		return false;
	return strncmp(m, "ndcg@", 5) == 0 || strncmp(m, "recall@", 7) == 0 ||
	    strncmp(m, "hit@", 4) == 0;
}

static enum cmd_ret
cmd_train_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	struct rnode *root = report_root(r), *arr;
	const char *kindname = call_get(c, "model"), *metric = call_get(c, "metric");
	const rs_model_kind *kind;
	char **keys, **vals;
	size_t n = 0;
	rs_imat_opts io;
	rs_imat *train = NULL, *valid = NULL;
	rs_model *m;
	rs_train_ctx ctx;
	rs_fit_opts fo;
	rs_error err;
	rs_hooks h = session_hooks(s, r);
	int rc;

	if (ds == NULL)
		return CMD_ERROR;
	if (model_name_problem(c->args[0]) != NULL)
		return cmd_error(s, "train: that model name cannot be used: %s",
		    model_name_problem(c->args[0]));
	if (kindname == NULL)
		return cmd_error(s, "train: which model? give model=KIND (help train lists the kinds)");
	if ((kind = rs_model_kind_find(kindname)) == NULL) {
		rs_model_new(kindname, "x", NULL, NULL, 0, &err);
		return cmd_error(s, "train: %s", err.msg);
	}
	if (ds->split_kind == RS_SPLIT_NONE)
		return cmd_error(s, "train: no split yet; run split first (e.g. split user test=0.2 valid=0.1)");
	if (metric != NULL && !valid_metric_name(metric))
		return cmd_error(s, "train: metric=%s must be ndcg@K, recall@K, hit@K or rmse", metric);
	if (metric != NULL && strcmp(metric, "rmse") == 0 && !kind->explicit_values)
		return cmd_error(s, "train: metric=rmse needs a rating model (mf, svdpp); %s ranks items",
		    kind->name);
	/* the model's own parameters: every key train does not know */
	keys = xcalloc(c->nopts + 1, sizeof *keys);
	vals = xcalloc(c->nopts + 1, sizeof *vals);
	for (size_t i = 0; i < c->nopts; i++)
		if (!own_option(c->keys[i])) {
			keys[n] = c->keys[i];
			vals[n++] = c->vals[i];
		}
	m = rs_model_new(kindname, c->args[0], keys, vals, n, &err);
	free(keys);
	free(vals);
	if (m == NULL)
		return cmd_error(s, "train: %s", err.msg);
	/* epochs= is train's own option; a kind's epochs parameter (its
	 * default) shows what was asked for */
	for (size_t i = 0; call_get(c, "epochs") != NULL && i < m->nparams; i++)
		if (strcmp(m->keys[i], "epochs") == 0) {
			free(m->values[i]);
			m->values[i] = xstrdup(call_get(c, "epochs"));
		}
	rs_imat_opts_init(&io);
	io.signal = call_get(c, "signal");
	io.threshold = call_num(c, "threshold", NAN);
	io.binary = call_bool(c, "binary", !kind->explicit_values && !kind->uses_weights);
	if (kind->explicit_values && ds->log.value_col < 0 && io.signal == NULL &&
	    !io.binary) {
		rs_model_free(m);
		return cmd_error(s, "train: model %s predicts values but the log has none; give signal=COLUMN (or binary=yes: every row a positive)",
		    kind->name);
	}
	train = rs_imat_build(ds, &ds->log, &io, &err);
	if (train == NULL) {
		rs_model_free(m);
		return cmd_error(s, "train: %s", err.msg);
	}
	if (train->nnz == 0) {
		rs_imat_free(train);
		rs_model_free(m);
		return cmd_error(s, "train: no training rows (check the split and signal/threshold)");
	}
	io.part = RS_VALID;
	if (ds->heldout_valid != NULL) {
		io.part = -1;
		valid = rs_imat_build(ds, ds->heldout_valid, &io, &err);
	} else
		valid = rs_imat_build(ds, &ds->log, &io, &err);
	if (valid != NULL && valid->nnz == 0) {
		rs_imat_free(valid);
		valid = NULL;
	}
	memset(&ctx, 0, sizeof ctx);
	ctx.ds = ds;
	ctx.train = train;
	ctx.valid = valid;
	ctx.features = s->ws->features;
	ctx.models = s->ws->models;
	ctx.nmodels = s->ws->nmodels;
	ctx.hooks = &h;
	ctx.seed = (uint64_t)call_int(c, "seed", 1);
	rs_fit_opts_init(&fo);
	fo.epochs = (uint32_t)call_int(c, "epochs", 0);
	fo.patience = (uint32_t)call_int(c, "patience", fo.patience);
	fo.metric = metric;
	fo.valid_users = (uint32_t)call_int(c, "valid_users", fo.valid_users);
	m->train = train;	/* the model keeps what it was trained on */
	if (call_flag(c, "watch") && !s->quiet) {
		char why[256];
		if (tui_watch_begin(s, m, why, sizeof why) != 0)
			report_note(r, "--watch: %s; training without it", why);
	}
	rc = rs_model_fit(m, &ctx, &fo, &err);
	tui_watch_end();
	rs_imat_free(valid);
	if (rc < 0) {
		rs_model_free(m);
		if (err.code == RS_ECANCEL)
			return cmd_error(s, "train: interrupted before any epoch finished; no model kept");
		return cmd_error(s, "train: %s", err.msg);
	}
	if (rc == 1)
		report_warn(r, "%s", err.msg);
	rn_str(root, "name", m->name);
	rn_str(root, "kind", kind->name);
	{
		struct rnode *p = rn_flags(rn_obj(root, "params"), RF_INLINE);
		for (size_t i = 0; i < m->nparams; i++)
			rn_str(p, m->keys[i], m->values[i]);
	}
	rn_label(rn_int(root, "train_rows", (int64_t)train->nnz), "training pairs");
	rn_num(root, "seconds", m->fit_seconds);
	if (m->kind->epoch != NULL) {
		rn_int(root, "epochs", (int64_t)m->nepochs);
		rn_label(rn_int(root, "best_epoch", (int64_t)m->best_epoch), "best epoch");
	}
	if (m->nepochs > 0 && !isnan(m->history[0].valid))
		rn_str(root, "metric", m->valid_metric);
	arr = rn_flags(rn_arr(root, "history"), RF_TABLE);
	for (size_t i = 0; i < m->nepochs; i++) {
		const rs_epoch *e = &m->history[i];
		struct rnode *row = rn_obj(arr, NULL);
		rn_int(row, "epoch", e->epoch);
		if (isnan(e->loss))
			rn_null(row, "loss");
		else
			rn_prec(rn_num(row, "loss", e->loss), 6);
		if (isnan(e->valid))
			rn_null(row, "valid");
		else
			rn_label(rn_prec(rn_num(row, "valid", e->valid), 4), m->valid_metric);
		rn_prec(rn_num(row, "seconds", e->seconds), 3);
	}
	rn_flags(rn_bool(root, "interrupted", m->interrupted), m->interrupted ? 0 : RF_TEXT_HIDE);
	if (m->interrupted && valid == NULL)
		report_warn(r, "interrupted: kept epoch %zu, the last one finished (no validation rows to pick the best by)",
		    m->best_epoch);
	else if (m->interrupted)
		report_warn(r, "interrupted: kept epoch %zu, the best so far", m->best_epoch);
	else if (valid == NULL && m->kind->epoch != NULL)
		report_note(r, "no validation rows: trained all %zu epochs (split ... valid=0.1 enables early stopping)",
		    m->nepochs);
	rs_workspace_add_model(s->ws, m);
	return CMD_OK;
}

const struct cmd_entry cmd_train_entry = {
	.name = "train",
	.usage = "NAME model=KIND [PARAM=VALUE ...] [signal=COL threshold=T binary=yes|no] [epochs=N patience=N metric=M]",
	.help = "train a named model on the training part of the split",
	.doc = "Builds the users x items training matrix from the rows of the split's training "
	    "part (signal=, threshold= and binary= choose the values) and fits a model of the "
	    "given kind. Parameters other than train's own go to the model (help models lists "
	    "each kind's). Iterative models run epoch by epoch with a validation score when "
	    "the split kept validation rows, stop early after patience epochs without "
	    "improvement and keep the best epoch; Ctrl-C stops training and keeps the best "
	    "epoch so far. Any number of models live side by side under their names.",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 1,
	.opts = train_opts,
	.free_opts = true,
	.fields = train_fields,
	.exec = cmd_train_exec,
};
