/* train: fit a named model of any kind on the training part of the split, with live progress. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/tui/tui.h"
#include "reelscope/train.h"
#include "util/xmalloc.h"

static const struct cmd_opt train_opts[] = {
	{ "model", OPT_STR, NULL, 0, -1, NULL, "the kind: pop, random, ... (models --kinds lists them)" },
	{ "signal", OPT_STR, NULL, 0, -1, NULL,
	  "training values: a log column, or none (every row a positive); default: the log's value column" },
	{ "threshold", OPT_NUM, NULL, 1, 0, NULL, "keep training rows with signal >= threshold" },
	{ "binary", OPT_BOOL, NULL, 0, -1, NULL,
	  "kept rows become 1 (default: yes for implicit models, no for rating models; on counts, load's signal, knn too, while als, mf and svdpp read log(1 + c))" },
	{ "epochs", OPT_INT, NULL, 1, 100000, NULL, "iterative models: most epochs" },
	{ "patience", OPT_INT, NULL, 0, 100000, "3", "epochs without a better validation score before stopping (0: never)" },
	{ "metric", OPT_STR, NULL, 0, -1, NULL, "validation metric: ndcg@K, recall@K, hit@K or rmse" },
	{ "valid_users", OPT_INT, NULL, 1, 100000000, "1000", "validation users sampled per epoch" },
	{ "seed", OPT_INT, NULL, 0, 9007199254740992.0, "1", "random seed for training" },
	{ "weighting", OPT_ENUM, "none|ips|snips", 0, -1, "none",
	  "mf: weight each training pair's squared error by 1/propensity, scaled to mean 1 overall (ips) or per user (snips)" },
	{ "propensity", OPT_STR, NULL, 0, -1, "propensity", "weighting=: the log column of propensities" },
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
	{ "history", "per epoch: epoch, loss, valid, seconds (fedmf also clients, bytes_up, bytes_down, epsilon)" },
	{ "interrupted", "whether Ctrl-C stopped training (the best epoch is kept)" },
	{ NULL, NULL }
};

/* The live view of train --watch: opened once the model exists. */
struct watch_arg {
	struct session *s;
	struct report *r;
};

static void
watch_started(void *arg, const rs_model *m)
{
	struct watch_arg *w = arg;
	struct tui_source src = session_tui_source(w->s);
	char why[256];

	if (tui_watch_begin(&src, m, why, sizeof why) != 0)
		report_note(w->r, "--watch: %s; training without it", why);
}

/* The request from the call: the model's parameters are every key train
 * does not know (keys and vals, caller frees the arrays). */
static void
train_request(struct cmd_call *c, rs_train_request *req, char ***keys, char ***vals)
{
	rs_train_request_init(req);
	*keys = xcalloc(c->nopts + 1, sizeof **keys);
	*vals = xcalloc(c->nopts + 1, sizeof **vals);
	for (size_t i = 0; i < c->nopts; i++)
		if (!cmd_own_option(train_opts, c->keys[i])) {
			(*keys)[req->nparams] = c->keys[i];
			(*vals)[req->nparams++] = c->vals[i];
		}
	req->kind = call_get(c, "model");
	req->name = c->args[0];
	req->keys = *keys;
	req->values = *vals;
	req->signal = call_get(c, "signal");
	req->threshold = call_num(c, "threshold", NAN);
	req->binary = call_bool(c, "binary", -1);
	req->fit.epochs = (uint32_t)call_int(c, "epochs", 0);
	req->fit.patience = (uint32_t)call_int(c, "patience", req->fit.patience);
	req->fit.metric = call_get(c, "metric");
	req->fit.valid_users = (uint32_t)call_int(c, "valid_users", req->fit.valid_users);
	req->seed = (uint64_t)call_int(c, "seed", 1);
	{
		const char *w = call_get(c, "weighting");
		req->weighting = w == NULL || strcmp(w, "none") == 0 ? RS_WEIGHT_NONE :
		    strcmp(w, "ips") == 0 ? RS_WEIGHT_IPS : RS_WEIGHT_SNIPS;
		req->propensity = call_get(c, "propensity");
	}
}

/* The trained model: parameters, training rows, the epochs. */
static void
render_model(struct rnode *root, const rs_model *m)
{
	struct rnode *arr, *p;

	rn_str(root, "name", m->name);
	rn_str(root, "kind", m->kind->name);
	p = rn_flags(rn_obj(root, "params"), RF_INLINE);
	for (size_t i = 0; i < m->nparams; i++)
		rn_str(p, m->keys[i], m->values[i]);
	rn_label(rn_int(root, "train_rows", (int64_t)m->train->nnz), "training pairs");
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
		if (m->kind->epoch_extra != NULL) {
			const char *names[8];
			double vals[8];
			size_t n = m->kind->epoch_extra(m, e->epoch, names, vals, 8);
			for (size_t j = 0; j < n; j++)
				if (isnan(vals[j]))
					rn_null(row, names[j]);
				else if (vals[j] == floor(vals[j]) && fabs(vals[j]) < 9e15)
					rn_int(row, names[j], (int64_t)vals[j]);
				else
					rn_prec(rn_num(row, names[j], vals[j]), 4);
		}
	}
	rn_flags(rn_bool(root, "interrupted", m->interrupted), m->interrupted ? 0 : RF_TEXT_HIDE);
}

static enum cmd_ret
cmd_train_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	rs_train_request req;
	rs_trained t;
	rs_error err;
	rs_hooks h = session_hooks(s, r);
	struct watch_arg w = { s, r };
	char **keys, **vals;
	const rs_model *m;
	int rc;

	if (ds == NULL)
		return CMD_ERROR;
	if (model_name_problem(c->args[0]) != NULL)
		return cmd_error(s, "train: that model name cannot be used: %s",
		    model_name_problem(c->args[0]));
	if (call_get(c, "model") == NULL)
		return cmd_error(s, "train: which model? give model=KIND (help train lists the kinds)");
	train_request(c, &req, &keys, &vals);
	req.hooks = &h;
	if (call_flag(c, "watch")) {
		req.started = watch_started;
		req.started_arg = &w;
	}
	rc = rs_workspace_train(s->ws, &req, &t, &err);
	tui_watch_end();
	free(keys);
	free(vals);
	if (rc < 0) {
		if (err.code == RS_ECANCEL)
			return cmd_error(s, "train: interrupted before any epoch finished; no model kept");
		return cmd_error(s, "train: %s", err.msg);
	}
	if (rc == 1)
		report_warn(r, "%s", err.msg);
	m = t.model;
	render_model(report_root(r), m);
	if (m->kind->describe != NULL) {
		char line[1024];
		if (m->kind->describe(m, line, sizeof line) > 0)
			report_note(r, "%s", line);
	}
	if (m->interrupted && !t.validated)
		report_warn(r, "interrupted: kept epoch %zu, the last one finished (no validation rows to pick the best by)",
		    m->best_epoch);
	else if (m->interrupted)
		report_warn(r, "interrupted: kept epoch %zu, the best so far", m->best_epoch);
	else if (!t.validated && m->kind->epoch != NULL)
		report_note(r, "no validation rows: trained all %zu epochs (split ... valid=0.1 enables early stopping)",
		    m->nepochs);
	if (call_get(c, "weighting") != NULL && strcmp(call_get(c, "weighting"), "none") != 0)
		report_note(r, "each training pair's squared error weighted by %s 1/p from the column %s",
		    call_get(c, "weighting"), call_get(c, "propensity") ? call_get(c, "propensity") : "propensity");
	return CMD_OK;
}

/* Completion: what these options' values name. */
static const struct cmd_opt_names train_names[] = {
	{ "model", ARG_KIND },
	{ NULL, ARG_NONE }
};

const struct cmd_entry cmd_train_entry = {
	.name = "train",
	.usage = "NAME model=KIND [PARAM=VALUE ...] [signal=COL threshold=T binary=yes|no] [epochs=N patience=N metric=M] [weighting=ips|snips propensity=COL]",
	.help = "train a named model on the training part of the split",
	.doc = "Builds the users x items training matrix from the rows of the split's training "
	    "part (signal=, threshold= and binary= choose the values) and fits a model of the "
	    "given kind. Parameters other than train's own go to the model (the kinds "
	    "and their parameters are listed below). Iterative models run epoch by epoch with a validation score when "
	    "the split kept validation rows, stop early after patience epochs without "
	    "improvement and keep the best epoch; Ctrl-C stops training and keeps the best "
	    "epoch so far. Any number of models live side by side under their names. "
	    "weighting=ips|snips (mf, after a propensity step) weights each training pair's "
	    "squared error by 1/p from the log's propensity column (Schnabel et al. 2016): ips "
	    "scales the weights to mean 1 over all pairs, snips per user; the step's clip= bounds "
	    "them (mf's own clip= clips predictions).",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 1,
	.opt_names = train_names,
	.opts = train_opts,
	.free_opts = true,
	.fields = train_fields,
	.exec = cmd_train_exec,
	.more_help = help_print_kinds,
};
