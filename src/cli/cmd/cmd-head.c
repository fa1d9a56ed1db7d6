/* head: the first rows of the log, the item table, the user table or the observed block. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/xmalloc.h"

static const struct cmd_opt head_opts[] = {
	{ "table", OPT_ENUM, "log|items|users|observed", 0, -1, "log",
	  "which table to show" },
	{ "columns", OPT_STR, NULL, 0, -1, NULL,
	  "comma-separated columns to show (default: all)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field head_fields[] = {
	{ "table", "the table shown" },
	{ "rows", "the rows, as objects keyed by column name" },
	{ NULL, NULL }
};

/* One cell: numbers as numbers, times and text as strings, missing as null. */
static void
cell(struct rnode *row, const rs_column *col, size_t i)
{
	char buf[256];

	if (rs_column_is_missing(col, i))
		rn_null(row, col->name);
	else if (col->kind == RS_COL_NUMBER)
		rn_flags(rn_num(row, col->name, rs_column_get(col, i)), RF_EXACT);
	else {
		rs_column_format(col, i, buf, sizeof buf);
		rn_str(row, col->name, buf);
	}
}

/* Whether column name is selected by the comma list (NULL = all). */
static bool
selected(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	if (list == NULL)
		return true;
	while ((p = strstr(p, name)) != NULL) {
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return true;
		p += n;
	}
	return false;
}

/* Check that every name in the list is a column (or an id column). */
static bool
check_list(struct session *s, const char *list, const rs_table *t,
    const char *id1, const char *id2)
{
	char *copy = xstrdup(list), *save = NULL;
	bool ok = true;

	for (char *tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (rs_table_find(t, tok) < 0 && strcmp(tok, id1) != 0 &&
		    (id2 == NULL || strcmp(tok, id2) != 0)) {
			cmd_error(s, "head: no column %s in this table (see columns)",
			    tok);
			ok = false;
			break;
		}
	}
	free(copy);
	return ok;
}

static enum cmd_ret
cmd_head_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	const char *table = call_get(c, "table"), *list = call_get(c, "columns");
	struct rnode *rows;
	long long n = 10;
	const rs_table *t;
	const rs_log *log = NULL;
	const rs_ids *ids = NULL;
	const char *id1, *id2 = NULL;
	char *end;

	if (ds == NULL)
		return CMD_ERROR;
	if (c->nargs == 1) {
		n = strtoll(c->args[0], &end, 10);
		if (*c->args[0] == '\0' || *end != '\0' || n < 1 || n > 1000000)
			return cmd_error(s,
			    "head: N must be a whole number from 1 to 1,000,000, not \"%s\"",
			    c->args[0]);
	}
	if (table == NULL)
		table = "log";
	if (strcmp(table, "log") == 0)
		log = &ds->log;
	else if (strcmp(table, "observed") == 0) {
		if (ds->observed == NULL)
			return cmd_error(s,
			    "head: this dataset has no observed block (only KuaiRec folders with small_matrix.csv)");
		log = ds->observed;
	}
	if (log != NULL) {
		t = &log->cols;
		id1 = log->user_col ? log->user_col : "user";
		id2 = log->item_col ? log->item_col : "item";
	} else if (strcmp(table, "items") == 0) {
		t = &ds->item_tbl;
		ids = ds->items;
		id1 = ds->log.item_col ? ds->log.item_col : "item";
	} else {
		t = &ds->user_tbl;
		ids = ds->users;
		id1 = ds->log.user_col ? ds->log.user_col : "user";
	}
	if (list != NULL && !check_list(s, list, t, id1, id2))
		return CMD_ERROR;
	rn_flags(rn_str(report_root(r), "table", table), RF_TEXT_HIDE);
	rows = rn_flags(rn_arr(report_root(r), "rows"), RF_TABLE);
	for (size_t i = 0; i < t->nrows && i < (size_t)n; i++) {
		struct rnode *row = rn_obj(rows, NULL);
		if (log != NULL) {
			if (selected(list, id1))
				rn_str(row, id1, rs_ids_name(ds->users, log->user[i]));
			if (selected(list, id2))
				rn_str(row, id2, rs_ids_name(ds->items, log->item[i]));
		} else if (selected(list, id1))
			rn_str(row, id1, rs_ids_name(ids, (uint32_t)i));
		for (size_t j = 0; j < t->ncols; j++)
			if (selected(list, t->cols[j]->name))
				cell(row, t->cols[j], i);
	}
	if (t->nrows == 0)
		report_note(r, "the %s table is empty", table);
	return CMD_OK;
}

const struct cmd_entry cmd_head_entry = {
	.name = "head",
	.usage = "[N] [table=log|items|users|observed] [columns=A,B,...]",
	.help = "show the first N rows (default 10) of a table",
	.doc = "Shows the first N rows of the interaction log (user and item ids as written "
	    "in the source, then every other column), of the item or user table (one row "
	    "per id), or of the fully observed block.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 1,
	.opts = head_opts,
	.fields = head_fields,
	.exec = cmd_head_exec,
};
