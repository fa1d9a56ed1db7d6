/* describe: counts, density, activity quantiles, long-tail shares and a summary per column. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cli/cli.h"

static const struct cmd_opt describe_opts[] = {
	{ "columns", OPT_BOOL, NULL, 0, -1, "yes", "include the per-column summary" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field describe_fields[] = {
	{ "interactions", "rows of the interaction log" },
	{ "users", "users with at least one interaction" },
	{ "items", "items with at least one interaction" },
	{ "creators", "creators with at least one interacted item (null without creators)" },
	{ "signal", "what the values are: kind (rating, counts, binary, ratio, values), column, min, max, median, given" },
	{ "pairs", "distinct (user, item) pairs (shown when some interactions repeat a pair)" },
	{ "density", "distinct pairs / (users x items)" },
	{ "catalog_users", "all user ids (log and user table)" },
	{ "catalog_items", "all item ids (log and item table)" },
	{ "catalog_creators", "all creator ids" },
	{ "user_activity", "interactions per user: min, q25, median, q75, q90, q99, max" },
	{ "item_activity", "interactions per item: the same quantiles" },
	{ "top_share", "share of interactions held by the top 1%, 10%, 20% of items (top1, top10, top20)" },
	{ "observed", "fully observed block: interactions, users, items, density" },
	{ "columns", "per column: table, name, type, missing, distinct, min, max, mean" },
	{ NULL, NULL }
};

static void
quantiles(struct rnode *root, const char *key, const char *label,
    const double *q)
{
	static const char *const keys[RS_NQUANT] = { "min", "q25", "median",
		"q75", "q90", "q99", "max" };
	static const char *const labels[RS_NQUANT] = { "min", "25%", "median",
		"75%", "90%", "99%", "max" };
	struct rnode *o = rn_flags(rn_label(rn_obj(root, key), label), RF_INLINE);

	for (int i = 0; i < RS_NQUANT; i++)
		rn_label(rn_num(o, keys[i], q[i]), labels[i]);
}

static void
minmax(struct rnode *row, const char *key, double x, int is_time)
{
	if (isnan(x))
		rn_null(row, key);
	else
		/* whole seconds keep the columns table narrow; JSON is exact */
		rn_flags(rn_num(row, key, x), is_time == 2 ? RF_TIME | RF_DATE :
		    is_time ? RF_TIME | RF_WHOLE_SECONDS : RF_EXACT);
}

static enum cmd_ret
cmd_describe_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	struct rnode *root = report_root(r), *o, *cols;
	rs_describe d;
	rs_error err;

	if (ds == NULL)
		return CMD_ERROR;
	if (rs_describe_dataset(ds, &d, &err) != 0)
		return cmd_error(s, "%s", err.msg);
	rn_int(root, "interactions", (int64_t)d.interactions);
	rn_int(root, "users", d.users);
	rn_int(root, "items", d.items);
	if (ds->item_creator != NULL)
		rn_int(root, "creators", d.creators);
	else
		rn_null(root, "creators");
	load_render_signal(root, ds);
	rn_flags(rn_label(rn_int(root, "pairs", (int64_t)d.pairs), "distinct pairs"),
	    d.pairs == d.interactions ? RF_TEXT_HIDE : 0);
	rn_flags(rn_num(root, "density", d.density), RF_PERCENT);
	rn_label(rn_int(root, "catalog_users", d.catalog_users), "catalog users");
	rn_label(rn_int(root, "catalog_items", d.catalog_items), "catalog items");
	if (ds->item_creator != NULL)
		rn_label(rn_int(root, "catalog_creators", d.catalog_creators),
		    "catalog creators");
	quantiles(root, "user_activity", "per user", d.user_q);
	quantiles(root, "item_activity", "per item", d.item_q);
	o = rn_flags(rn_label(rn_obj(root, "top_share"), "top items hold"),
	    RF_INLINE);
	rn_flags(rn_label(rn_num(o, "top1", d.top1), "1%:"), RF_PERCENT);
	rn_flags(rn_label(rn_num(o, "top10", d.top10), "10%:"), RF_PERCENT);
	rn_flags(rn_label(rn_num(o, "top20", d.top20), "20%:"), RF_PERCENT);
	if (d.observed_rows > 0) {
		o = rn_flags(rn_label(rn_obj(root, "observed"), "observed block"),
		    RF_INLINE);
		rn_int(o, "interactions", (int64_t)d.observed_rows);
		rn_int(o, "users", d.observed_users);
		rn_int(o, "items", d.observed_items);
		rn_flags(rn_num(o, "density", d.observed_density), RF_PERCENT);
	}
	if (call_bool(c, "columns", 1) && d.ncols > 0) {
		cols = rn_flags(rn_arr(root, "columns"), RF_TABLE);
		for (size_t i = 0; i < d.ncols; i++) {
			const rs_col_summary *cs = &d.cols[i];
			struct rnode *row = rn_obj(cols, NULL);
			rn_str(row, "table", cs->table);
			rn_str(row, "name", cs->name);
			rn_str(row, "type", cs->type);
			rn_int(row, "missing", (int64_t)cs->missing);
			rn_int(row, "distinct", (int64_t)cs->distinct);
			minmax(row, "min", cs->min, cs->is_time);
			minmax(row, "max", cs->max, cs->is_time);
			if (cs->is_time || isnan(cs->mean))
				rn_null(row, "mean");
			else
				rn_num(row, "mean", cs->mean);
		}
	}
	rs_describe_free(&d);
	return CMD_OK;
}

const struct cmd_entry cmd_describe_entry = {
	.name = "describe",
	.usage = "[columns=no]",
	.help = "summarize the dataset: counts, density, activity, long tail, columns",
	.doc = "Counts users, items, creators and interactions; the density; quantiles of "
	    "interactions per user and per item (linear interpolation between order "
	    "statistics); the share of interactions held by the most popular 1%, 10% and "
	    "20% of items; and for every column its type, missing values, distinct values, "
	    "minimum, maximum and mean.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = describe_opts,
	.fields = describe_fields,
	.exec = cmd_describe_exec,
};
