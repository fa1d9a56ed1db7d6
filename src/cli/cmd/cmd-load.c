/* load: read an interaction log (CSV/TSV/MovieLens/KuaiRec) with optional side tables. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const struct cmd_opt load_opts[] = {
	{ "format", OPT_ENUM, "auto|csv|movielens|kuairec", 0, -1, "auto",
	  "file format; auto decides from the path and the content" },
	{ "delim", OPT_STR, NULL, 0, -1, NULL,
	  "field delimiter: , tab | ; :: (guessed when absent)" },
	{ "header", OPT_BOOL, NULL, 0, -1, NULL,
	  "whether the first row names the columns (guessed when absent)" },
	{ "user", OPT_STR, NULL, 0, -1, NULL, "user id column (name or 1-based position)" },
	{ "item", OPT_STR, NULL, 0, -1, NULL, "item id column (name or position)" },
	{ "value", OPT_STR, NULL, 0, -1, NULL,
	  "signal column (rating, watch_ratio...), or none" },
	{ "time", OPT_STR, NULL, 0, -1, NULL, "event time column, or none" },
	{ "creator", OPT_STR, NULL, 0, -1, NULL,
	  "creator column, in the item table or the log" },
	{ "items", OPT_PATH, NULL, 0, -1, NULL, "item table joined by item id" },
	{ "users", OPT_PATH, NULL, 0, -1, NULL, "user table joined by user id" },
	{ "item_key", OPT_STR, NULL, 0, -1, NULL, "id column of the item table" },
	{ "user_key", OPT_STR, NULL, 0, -1, NULL, "id column of the user table" },
	{ "encoding", OPT_ENUM, "utf-8|utf8|latin1|auto", 0, -1, "utf-8",
	  "text encoding; auto reads invalid UTF-8 fields as Latin-1" },
	{ "matrix", OPT_ENUM, "both|big|small", 0, -1, "both",
	  "KuaiRec: log from big_matrix, small_matrix, or big plus the observed small block" },
	{ "types", OPT_STR, NULL, 0, -1, NULL,
	  "column kinds, e.g. types=zip:text,day:time (number, time, text)" },
	{ "signal", OPT_ENUM, "rating|counts|binary|ratio|values", 0, -1, NULL,
	  "what the values are (decided from them when absent): models choose their defaults from it" },
	{ "skip-bad", OPT_FLAG, NULL, 0, -1, NULL,
	  "skip malformed rows (counted and reported) instead of failing" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field load_fields[] = {
	{ "path", "what was loaded" },
	{ "format", "csv, movielens-100k, movielens-1m, movielens-latest or kuairec" },
	{ "interactions", "rows of the interaction log" },
	{ "signal", "what the values are: kind (rating, counts, binary, ratio, values), column, min, max, median, given" },
	{ "users", "distinct users (log and user table)" },
	{ "items", "distinct items (log and item table)" },
	{ "creators", "distinct creators, or null without a creator column" },
	{ "observed_interactions", "rows of the fully observed block (KuaiRec small_matrix)" },
	{ "bytes", "memory held by the dataset" },
	{ "seconds", "wall time of the load" },
	{ NULL, NULL }
};

void
load_render_signal(struct rnode *root, const rs_dataset *ds)
{
	const char *col = rs_signal_column(ds);
	struct rnode *o;
	char buf[256];

	rs_signal_describe(ds, buf, sizeof buf);
	rn_flags(rn_str(root, "signal", buf), RF_JSON_HIDE);
	o = rn_flags(rn_obj(root, "signal"), RF_TEXT_HIDE);
	rn_str(o, "kind", rs_signal_kind_name(ds->signal.kind));
	if (col != NULL)
		rn_str(o, "column", col);
	else
		rn_null(o, "column");
	rn_num(o, "min", ds->signal.min);
	rn_num(o, "max", ds->signal.max);
	rn_num(o, "median", ds->signal.median);
	rn_bool(o, "given", ds->signal.given);
}

static enum cmd_ret
cmd_load_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_load_opts o;
	rs_error err;
	rs_dataset *ds;
	rs_hooks h = session_hooks(s, r);
	struct rnode *root = report_root(r);
	double t0, t1;
	const char *msg;

	rs_load_opts_init(&o);
	o.format = call_get(c, "format");
	o.delim = call_get(c, "delim");
	o.header = call_bool(c, "header", -1);
	o.user = call_get(c, "user");
	o.item = call_get(c, "item");
	o.value = call_get(c, "value");
	o.time = call_get(c, "time");
	o.creator = call_get(c, "creator");
	o.items_path = call_get(c, "items");
	o.users_path = call_get(c, "users");
	o.item_key = call_get(c, "item_key");
	o.user_key = call_get(c, "user_key");
	o.encoding = call_get(c, "encoding");
	o.matrix = call_get(c, "matrix");
	o.types = call_get(c, "types");
	o.skip_bad = call_flag(c, "skip-bad");
	o.signal = call_get(c, "signal");
	if ((msg = rs_load_opts_check(&o)) != NULL)
		return cmd_error(s, "load: %s", msg);
	t0 = rs_clock_wall();
	ds = rs_dataset_load(c->args[0], &o, &h, &err);
	t1 = rs_clock_wall();
	if (ds == NULL) {
		if (err.code == RS_ECANCEL)
			return cmd_error(s, "%s; the previous dataset is unchanged",
			    err.msg);
		return cmd_error(s, "%s", err.msg);
	}
	/* only now does the new dataset replace the old one */
	session_set_base(s, ds, c->line);
	rn_str(root, "path", c->args[0]);
	rn_str(root, "format", ds->format);
	rn_int(root, "interactions", (int64_t)ds->log.n);
	rn_int(root, "users", rs_ids_count(ds->users));
	rn_int(root, "items", rs_ids_count(ds->items));
	if (ds->creator_from != NULL)
		rn_label(rn_int(root, "creators", rs_ids_count(ds->creators)),
		    "creators");
	else
		rn_label(rn_null(root, "creators"), "creators");
	if (ds->observed != NULL)
		rn_label(rn_int(root, "observed_interactions",
		    (int64_t)ds->observed->n), "observed block");
	load_render_signal(root, ds);
	rn_flags(rn_int(root, "bytes", (int64_t)rs_dataset_bytes(ds)),
	    RF_TEXT_HIDE);
	rn_flags(rn_num(root, "seconds", t1 - t0), RF_TEXT_HIDE);
	if (ds->creator_from == NULL)
		report_note(r, "no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])");
	return CMD_OK;
}

const struct cmd_entry cmd_load_entry = {
	.name = "load",
	.usage = "PATH [format=...] [user=COL item=COL value=COL time=COL] [items=PATH users=PATH creator=COL] ...",
	.help = "load an interaction log (CSV/TSV, MovieLens, KuaiRec folder)",
	.doc = "Reads a delimited text file (comma, tab, '|', ';' or '::'; header or not; "
	    "quoted fields; CRLF; UTF-8 BOM; .gz) or a KuaiRec 2.0 folder into a new dataset. "
	    "The format, delimiter, header and column roles are guessed and the decisions "
	    "are printed; options override them. Side tables (items=, users=) join by id. "
	    "A failed load leaves the current dataset as it was.",
	.args = ARG_PATH,
	.min_args = 1,
	.max_args = 1,
	.opts = load_opts,
	.fields = load_fields,
	.exec = cmd_load_exec,
};
