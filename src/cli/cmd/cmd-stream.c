/* stream: replay the log in time windows, test-then-learn, with update strategies side by side. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "reelscope/stream.h"
#include "util/text.h"
#include "util/xmalloc.h"

static const struct cmd_opt stream_opts[] = {
	{ "model", OPT_STR, NULL, 0, -1, NULL, "the kind: pop, itemknn, ... (models --kinds lists them)" },
	{ "window", OPT_STR, NULL, 0, -1, "1d",
	  "window length: 1h, 6h, 1d, 7d (whole hours or days), or N events" },
	{ "update", OPT_STR, NULL, 0, -1, "incremental",
	  "strategies, one or more of static,incremental,retrain" },
	{ "retrain_every", OPT_INT, NULL, 1, 100000, "1", "retrain: after every W windows" },
	{ "k", OPT_INT, NULL, 1, 1000, "10", "length of the recommendation lists" },
	{ "from", OPT_STR, NULL, 0, -1, NULL,
	  "scoring starts here: a date-time (UTC) or a share of the events (0.5); the rows before train the first model (default: the first window)" },
	{ "seed", OPT_INT, NULL, 0, 9007199254740992.0, "1", "random seed for training" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field stream_fields[] = {
	{ "name", "the result's name" },
	{ "model", "the model kind" },
	{ "params", "its parameters (defaults filled in)" },
	{ "window", "window length as given" },
	{ "k", "list length" },
	{ "retrain_every", "retrain: windows between trainings" },
	{ "from", "start of the first scored window" },
	{ "warmup_events", "rows the first model trained on" },
	{ "events", "rows replayed" },
	{ "untimed", "rows without a time, left out" },
	{ "empty_windows", "time windows without a row, skipped" },
	{ "windows", "per window: start, end, events, users, and per strategy: scored, recall@K, ndcg@K, hit@K, coverage, new_exposure, update_us, retrained" },
	{ "prequential", "per strategy over the replay: scored, recall@K, ndcg@K, hit@K, coverage, new_exposure, update_us, learn_seconds" },
	{ "seconds", "the whole replay" },
	{ NULL, NULL }
};

/* A number, or null when it is not one (no user scored). */
static struct rnode *
num_or_null(struct rnode *o, const char *key, double x)
{
	return isnan(x) ? rn_null(o, key) : rn_prec(rn_num(o, key, x), 4);
}

/* A strategy's figures under o, keyed as JSON wants them. */
static void
score_fields(struct rnode *o, const rs_stream_score *s, uint32_t k, bool text)
{
	char key[32];

	if (!text)
		rn_int(o, "scored", s->scored);
	snprintf(key, sizeof key, "recall@%u", k);
	num_or_null(o, key, s->recall);
	snprintf(key, sizeof key, "ndcg@%u", k);
	num_or_null(o, key, s->ndcg);
	snprintf(key, sizeof key, "hit@%u", k);
	num_or_null(o, key, s->hit);
	rn_prec(rn_num(o, "coverage", s->coverage), 4);
	rn_label(num_or_null(o, "new_exposure", s->new_exposure), "new_items");
	rn_label(rn_prec(rn_num(o, "update_us", s->update_us), 3), "us/event");
}

/* A window's time range: dates for whole days, else to the second. */
static void
window_text(const rs_stream_result *r, const rs_stream_window *w, char *buf,
    size_t size)
{
	char a[40], b[40];
	bool days = r->window_seconds > 0 && fmod(r->window_seconds, 86400) == 0;

	util_format_datetime(w->start, days, a, sizeof a);
	if (days && r->window_seconds == 86400) {
		snprintf(buf, size, "%s", a);
		return;
	}
	util_format_datetime(w->end, days, b, sizeof b);
	snprintf(buf, size, "%s .. %s", a, b);
}

/* One text table per strategy: a row per window and the overall line. */
static void
strategy_table(struct rnode *root, const rs_stream_result *r,
    const rs_stream_run *run)
{
	struct rnode *arr = rn_flags(rn_label(rn_arr(root, rs_stream_update_name(run->update)),
	    rs_stream_update_name(run->update)), RF_TABLE | RF_JSON_HIDE);
	char buf[128];

	for (size_t w = 0; w <= r->nwindows; w++) {
		struct rnode *row = rn_obj(arr, NULL);
		const rs_stream_score *s = w < r->nwindows ? &run->win[w] : &run->overall;
		if (w < r->nwindows) {
			window_text(r, &r->windows[w], buf, sizeof buf);
			rn_str(row, "window", buf);
			rn_int(row, "events", (int64_t)r->windows[w].events);
			rn_int(row, "users", r->windows[w].users);
		} else {
			rn_str(row, "window", "overall");
			rn_int(row, "events", (int64_t)r->events);
			rn_null(row, "users");
		}
		rn_int(row, "scored", s->scored);
		score_fields(row, s, r->k, true);
	}
}

/* The whole result: the description, the text tables, the JSON arrays. */
static void
render_stream(struct rnode *root, const rs_stream_result *r)
{
	struct rnode *p, *arr, *pre;
	char key[32];

	rn_str(root, "name", r->name);
	rn_str(root, "model", r->kind);
	p = rn_flags(rn_obj(root, "params"), RF_INLINE);
	for (size_t i = 0; i < r->nparams; i++)
		rn_str(p, r->keys[i], r->values[i]);
	rn_str(root, "window", r->window);
	rn_int(root, "k", r->k);
	if (rs_stream_result_run(r, RS_UPDATE_RETRAIN) != NULL)
		rn_label(rn_int(root, "retrain_every", r->retrain_every), "retrain every");
	rn_flags(rn_num(root, "from", r->from), RF_TIME);
	rn_label(rn_int(root, "warmup_events", (int64_t)r->warmup_events), "warm-up events");
	rn_label(rn_int(root, "events", (int64_t)r->events), "replayed events");
	rn_flags(rn_int(root, "untimed", (int64_t)r->untimed), r->untimed ? 0 : RF_TEXT_HIDE);
	rn_label(rn_int(root, "empty_windows", r->empty_windows), "empty windows");
	for (size_t j = 0; j < r->nruns; j++)
		strategy_table(root, r, &r->runs[j]);
	arr = rn_flags(rn_arr(root, "windows"), RF_TEXT_HIDE);
	for (size_t w = 0; w < r->nwindows; w++) {
		struct rnode *o = rn_obj(arr, NULL);
		rn_flags(rn_num(o, "start", r->windows[w].start), RF_TIME);
		rn_flags(rn_num(o, "end", r->windows[w].end), RF_TIME);
		rn_int(o, "events", (int64_t)r->windows[w].events);
		rn_int(o, "users", r->windows[w].users);
		for (size_t j = 0; j < r->nruns; j++) {
			struct rnode *s = rn_obj(o, rs_stream_update_name(r->runs[j].update));
			score_fields(s, &r->runs[j].win[w], r->k, false);
			rn_bool(s, "retrained", r->runs[j].win[w].retrained);
		}
	}
	pre = rn_flags(rn_obj(root, "prequential"), RF_TEXT_HIDE);
	for (size_t j = 0; j < r->nruns; j++) {
		struct rnode *s = rn_obj(pre, rs_stream_update_name(r->runs[j].update));
		score_fields(s, &r->runs[j].overall, r->k, false);
		rn_num(s, "learn_seconds", r->runs[j].learn_seconds);
	}
	(void)key;
	rn_num(root, "seconds", r->seconds);
}

/* The model's parameters: every key stream does not know. */
static void
stream_request(struct cmd_call *c, rs_stream_opts *o, char ***keys, char ***vals)
{
	rs_stream_opts_init(o);
	*keys = xcalloc(c->nopts + 1, sizeof **keys);
	*vals = xcalloc(c->nopts + 1, sizeof **vals);
	for (size_t i = 0; i < c->nopts; i++)
		if (!cmd_own_option(stream_opts, c->keys[i])) {
			(*keys)[o->nparams] = c->keys[i];
			(*vals)[o->nparams++] = c->vals[i];
		}
	o->name = c->args[0];
	o->kind = call_get(c, "model");
	o->keys = *keys;
	o->values = *vals;
	o->window = call_get(c, "window");
	o->update = call_get(c, "update");
	o->from = call_get(c, "from");
	o->retrain_every = (uint32_t)call_int(c, "retrain_every", 1);
	o->k = (uint32_t)call_int(c, "k", 10);
	o->seed = (uint64_t)call_int(c, "seed", 1);
}

static enum cmd_ret
cmd_stream_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_hooks h = session_hooks(s, r);
	rs_stream_opts o;
	const rs_stream_result *res;
	char **keys, **vals;
	rs_error err;
	int rc;

	if (model_name_problem(c->args[0]) != NULL)
		return cmd_error(s, "stream: that name cannot be used: %s",
		    model_name_problem(c->args[0]));
	if (call_get(c, "model") == NULL) {
		/* a kept result is shown again (after open, say) */
		if ((res = rs_workspace_stream(s->ws, c->args[0])) != NULL) {
			if (c->nopts > 0)
				return cmd_error(s, "stream: %s is kept; give model=KIND to replay again, or only the name to show it",
				    c->args[0]);
			render_stream(report_root(r), res);
			return CMD_OK;
		}
		return cmd_error(s, "stream: which model? give model=KIND (help train lists the kinds)");
	}
	stream_request(c, &o, &keys, &vals);
	o.hooks = &h;
	/* what is wrong with the options is said before the data is read */
	rc = rs_stream_check(&o, &err);
	if (rc == 0 && session_data(s) == NULL) {
		free(keys);
		free(vals);
		return CMD_ERROR;
	}
	if (rc == 0)
		rc = rs_workspace_stream_run(s->ws, &o, &res, &err);
	free(keys);
	free(vals);
	if (rc != 0)
		return cmd_error(s, "stream: %s", err.msg);
	render_stream(report_root(r), res);
	return CMD_OK;
}

/* Completion: what these options' values name. */
static const struct cmd_opt_names stream_names[] = {
	{ "model", ARG_KIND },
	{ NULL, ARG_NONE }
};

const struct cmd_entry cmd_stream_entry = {
	.name = "stream",
	.usage = "NAME model=KIND [params] [window=1d|6h|N] [update=static,incremental,retrain] "
	    "[retrain_every=W] [k=10] [from=T]",
	.help = "replay the log in time windows: recommend, score against what happened, learn (prequential)",
	.doc = "Replays every timed row of the current log in time order (the split is "
	    "ignored). The rows before from= (a UTC date-time, or a share of the events "
	    "such as 0.5), or else the first window, train the first model. Then for each "
	    "window: every user who acts in it gets a top-k list from each strategy's "
	    "model, leaving out the items that model learned from the user, and the list is "
	    "scored against the user's other items in the window (recall, ndcg, hit at k, "
	    "averaged over the users with such items); coverage is the share of items "
	    "recommended in the window, new_items the share of list slots given to items "
	    "whose first row lies in this window or the one before (never the warm-up). "
	    "Then each strategy learns: static keeps the first model, incremental folds "
	    "the window's rows into it (the kind's update hook), retrain trains it again "
	    "on every row so far after every retrain_every windows; us/event is that "
	    "learning time per row of the window. Time windows are aligned to their length "
	    "since 1970-01-01 UTC (from= aligns them to itself); windows without a row are "
	    "skipped and counted. The result is kept under NAME (plot stream NAME, save); "
	    "stream NAME alone shows it again. Parameters stream does not know go to the "
	    "kind (pop's own window= cannot: stream's window= takes the name).",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 1,
	.opt_names = stream_names,
	.opts = stream_opts,
	.free_opts = true,
	.fields = stream_fields,
	.exec = cmd_stream_exec,
};
