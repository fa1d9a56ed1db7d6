/* reelscope engine: loading interaction logs and side tables from delimited text. */
#ifndef REELSCOPE_LOAD_H
#define REELSCOPE_LOAD_H

#include <stddef.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Options of rs_dataset_load. Strings are borrowed for the call only; NULL
 * means "decide from the data". Column roles name a column or give its
 * 1-based position ("3"). */
typedef struct rs_load_opts {
	const char *format;	/* "auto", "csv", "movielens", "kuairec" */
	const char *delim;	/* ",", "\t", "|", ";", "::" */
	int header;		/* -1 guess, 0 no header row, 1 header row */
	const char *user, *item, *value, *time, *creator;
	const char *items_path;	/* item side table, joined by item id */
	const char *users_path;	/* user side table, joined by user id */
	const char *item_key;	/* id column of the item table */
	const char *user_key;	/* id column of the user table */
	const char *encoding;	/* "utf-8" (default), "latin1", "auto" */
	const char *matrix;	/* KuaiRec: "big", "small" or "both" (default) */
	const char *types;	/* "col:text,col2:number,col3:time" overrides */
	int skip_bad;		/* 1: skip malformed rows (counted, warned) */
	size_t max_line;	/* longest accepted line in bytes (0: 64 MiB) */
	const char *signal;	/* what the values are: "rating", "counts",
				   "binary", "ratio", "values" (NULL: decide) */
} rs_load_opts;

void rs_load_opts_init(rs_load_opts *opts);

/* Check options before any I/O: NULL when valid, else a message (static). */
const char *rs_load_opts_check(const rs_load_opts *opts);

/* Load path (a file, or a KuaiRec folder) into a new dataset. Progress and
 * decisions go through hooks; what load decided is also kept in ds->notes.
 * Returns NULL with err set on failure; nothing else is touched. */
rs_dataset *rs_dataset_load(const char *path, const rs_load_opts *opts,
    const rs_hooks *hooks, rs_error *err);

#ifdef __cplusplus
}
#endif
#endif
