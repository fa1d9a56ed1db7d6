/* columns: every column of every table with its type, role and missing count. */
#include "config.h"

#include <string.h>

#include "cli/cli.h"

static const struct cmd_field columns_fields[] = {
	{ "columns", "per column: table, name, type, role, missing" },
	{ NULL, NULL }
};

static void
add_row(struct rnode *arr, const char *table, const char *name,
    const char *type, const char *role, size_t missing)
{
	struct rnode *row = rn_obj(arr, NULL);

	rn_str(row, "table", table);
	rn_str(row, "name", name);
	rn_str(row, "type", type);
	rn_str(row, "role", role);
	rn_int(row, "missing", (int64_t)missing);
}

static void
add_log(struct rnode *arr, const rs_dataset *ds, const rs_log *log,
    const char *table)
{
	add_row(arr, table, log->user_col ? log->user_col : "user", "id", "user", 0);
	add_row(arr, table, log->item_col ? log->item_col : "item", "id", "item", 0);
	for (size_t j = 0; j < log->cols.ncols; j++) {
		const rs_column *c = log->cols.cols[j];
		const char *role = (int)j == log->value_col ? "value" :
		    (int)j == log->time_col ? "time" :
		    ds->creator_from && strcmp(ds->creator_from, c->name) == 0 ?
		    "creator" : "";
		add_row(arr, table, c->name, rs_column_type_name(c), role,
		    c->nmissing);
	}
}

static enum cmd_ret
cmd_columns_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	struct rnode *arr;

	(void)c;
	if (ds == NULL)
		return CMD_ERROR;
	arr = rn_flags(rn_arr(report_root(r), "columns"), RF_TABLE);
	add_log(arr, ds, &ds->log, "log");
	for (size_t j = 0; j < ds->item_tbl.ncols; j++) {
		const rs_column *col = ds->item_tbl.cols[j];
		add_row(arr, "items", col->name, rs_column_type_name(col),
		    ds->creator_from && strcmp(ds->creator_from, col->name) == 0 ?
		    "creator" : "", col->nmissing);
	}
	for (size_t j = 0; j < ds->user_tbl.ncols; j++) {
		const rs_column *col = ds->user_tbl.cols[j];
		add_row(arr, "users", col->name, rs_column_type_name(col), "",
		    col->nmissing);
	}
	if (ds->observed != NULL)
		add_log(arr, ds, ds->observed, "observed");
	return CMD_OK;
}

const struct cmd_entry cmd_columns_entry = {
	.name = "columns",
	.usage = "",
	.help = "list the columns of every table with type, role and missing values",
	.doc = "Lists the columns of the log, the item table, the user table and the "
	    "observed block. Roles: user, item, value (the signal), time, creator.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = NULL,
	.fields = columns_fields,
	.exec = cmd_columns_exec,
};
