/* observe: fold new events (one typed, or a file of them) into a model that learns without retraining. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "reelscope/observe.h"

static const struct cmd_opt observe_opts[] = {
	{ "user", OPT_STR, NULL, 0, -1, NULL, "the user id, as in the data (a new id adds a user)" },
	{ "item", OPT_STR, NULL, 0, -1, NULL, "the item id, as in the data (a new id adds an item)" },
	{ "value", OPT_NUM, NULL, 1, -1, NULL,
	  "the signal (default: the model's only training value, e.g. 1 for clicks)" },
	{ "time", OPT_STR, NULL, 0, -1, NULL, "when: seconds since 1970 or a date (default: unknown)" },
	{ "model", OPT_STR, NULL, 0, -1, NULL, "which model (default: the last trained)" },
	{ "order", OPT_ENUM, "warn|strict", 0, -1, "warn",
	  "events earlier than the one before: warn and fold them in, or strict: refuse" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field observe_fields[] = {
	{ "model", "the model that learned" },
	{ "events", "events folded in" },
	{ "new_users", "users added to the data" },
	{ "new_items", "items added to the data" },
	{ "out_of_order", "events earlier than the event before them" },
	{ "us_per_event", "update latency: microseconds of rs_model_update per event" },
	{ NULL, NULL }
};

/* The typed event of user= item= value= time=, or NULL after an error. */
static bool
typed_event(struct session *s, struct cmd_call *c, rs_observations *b)
{
	const char *user = call_get(c, "user"), *item = call_get(c, "item");
	const char *when = call_get(c, "time");
	double t = NAN;

	if (user == NULL || item == NULL) {
		cmd_error(s, "observe: which event? give user=ID item=ID, or a FILE of events");
		return false;
	}
	if (when != NULL && !rs_observation_time(when, &t)) {
		cmd_error(s, "observe: time=%s is not a time (seconds since 1970 or a date)", when);
		return false;
	}
	rs_observations_add(b, user, item, call_has(c, "value") ? call_num(c, "value", NAN) : NAN, t);
	return true;
}

static enum cmd_ret
cmd_observe_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	struct rnode *root = report_root(r);
	rs_observations b;
	rs_observe_opts o = { 0 };
	rs_observe_report rep;
	rs_model *m;
	rs_error err;

	if (ds == NULL || (m = call_model(s, c, "observe")) == NULL)
		return CMD_ERROR;
	if (c->nargs > 0 && (call_has(c, "user") || call_has(c, "item") ||
	    call_has(c, "value") || call_has(c, "time")))
		return cmd_error(s, "observe: give a FILE of events or user= item= [value=] [time=], not both");
	o.strict_order = strcmp(call_get(c, "order") ? call_get(c, "order") : "warn", "strict") == 0;
	if (c->nargs > 0) {
		if (rs_observations_read(&b, c->args[0], &ds->log, &err) != 0)
			return cmd_error(s, "observe: %s; nothing learned", err.msg);
	} else {
		rs_observations_init(&b);
		if (!typed_event(s, c, &b)) {
			rs_observations_free(&b);
			return CMD_ERROR;
		}
	}
	if (rs_workspace_observe(s->ws, m, &b, &o, &rep, &err) != 0) {
		rs_observations_free(&b);
		return cmd_error(s, "observe: %s; nothing learned", err.msg);
	}
	if (rep.out_of_order > 0) {
		const rs_observation *x = &b.ev[rep.first_out_of_order];
		char at[64] = "";
		if (x->line > 0)
			snprintf(at, sizeof at, ", line %zu", x->line);
		report_warn(r, "%zu event%s out of time order (the first: event %zu%s); folded in as given (order=strict refuses them)",
		    rep.out_of_order, rep.out_of_order == 1 ? "" : "s",
		    rep.first_out_of_order + 1, at);
	}
	rn_str(root, "model", m->name);
	rn_int(root, "events", (int64_t)rep.events);
	rn_label(rn_int(root, "new_users", rep.new_users), "new users");
	rn_label(rn_int(root, "new_items", rep.new_items), "new items");
	rn_label(rn_int(root, "out_of_order", (int64_t)rep.out_of_order), "out of order");
	rn_label(rn_prec(rn_num(root, "us_per_event",
	    rep.events ? rep.seconds * 1e6 / (double)rep.events : 0), 1), "µs per event");
	rs_observations_free(&b);
	return CMD_OK;
}

/* Completion: what these options' values name. */
static const struct cmd_opt_names observe_names[] = {
	{ "model", ARG_MODEL },
	{ NULL, ARG_NONE }
};

const struct cmd_entry cmd_observe_entry = {
	.name = "observe",
	.usage = "user=ID item=ID [value=V] [time=T] [model=NAME] [order=warn|strict] | FILE [model=NAME] [order=]",
	.help = "fold new events into a model without retraining (recommend reflects them at once)",
	.doc = "Folds one event (user= item=) or a CSV file of them (header user,item[,value]"
	    "[,time], or the log's own column names) into a trained model: itemknn updates "
	    "the changed item's similarities and neighbour lists, als folds in the users' "
	    "vectors (and new items') by the training's least-squares solve, mf takes one SGD "
	    "step per event, gru4rec and caser read the users' latest items. The default "
	    "model is the last trained one. An id the data does not know becomes a new user "
	    "or item of the data. A value must lie in the range the model trained on; without "
	    "one the event takes the model's only training value (1 for clicks). Events "
	    "earlier than the one before are folded in with a warning, or refused with "
	    "order=strict. Any bad event refuses the whole batch: nothing is half-applied. "
	    "The events join the model, not the log: retraining forgets them. Prints the "
	    "update latency in microseconds per event.",
	.args = ARG_PATH,
	.min_args = 0,
	.max_args = 1,
	.opt_names = observe_names,
	.opts = observe_opts,
	.fields = observe_fields,
	.exec = cmd_observe_exec,
};
