/* reelscope engine: the dataset — interaction log, item and user tables, interned ids. */
#ifndef REELSCOPE_DATASET_H
#define REELSCOPE_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/column.h"
#include "reelscope/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The part of each log row (rs_log.part). */
enum rs_part { RS_TRAIN = 0, RS_VALID = 1, RS_TEST = 2 };

enum rs_split_kind {
	RS_SPLIT_NONE,
	RS_SPLIT_RANDOM,	/* every row independently */
	RS_SPLIT_USER,		/* a share of each user's rows */
	RS_SPLIT_TEMPORAL,	/* one global time cut: the latest rows are test */
	RS_SPLIT_LEAVE_LAST,	/* each user's last k rows by time */
	RS_SPLIT_KFOLD,		/* fold f of k, rows assigned at random */
	RS_SPLIT_OBSERVED,	/* train on the log, test on the observed block */
	RS_SPLIT_FILES		/* train on the log, test (and valid) from files */
};

#define RS_NONE UINT32_MAX	/* "no index": unknown creator, missing row */

/* External ids (strings or integers as written) <-> dense indices 0..n-1.
 * Owned by the dataset. */
typedef struct rs_ids rs_ids;

rs_ids *rs_ids_new(void);
void rs_ids_free(rs_ids *ids);
rs_ids *rs_ids_copy(const rs_ids *ids);
/* Index of the id s[0..len), added when new. */
uint32_t rs_ids_intern(rs_ids *ids, const char *s, size_t len);
/* Index of the id, or -1 when unknown. */
int64_t rs_ids_find(const rs_ids *ids, const char *s, size_t len);
uint32_t rs_ids_count(const rs_ids *ids);
/* The id as written in the source (valid while ids lives). */
const char *rs_ids_name(const rs_ids *ids, uint32_t i);
size_t rs_ids_bytes(const rs_ids *ids);

/* A table: ncols columns of nrows rows each. The table owns its columns. */
typedef struct rs_table {
	size_t nrows;
	size_t ncols;
	rs_column **cols;
} rs_table;

void rs_table_add(rs_table *t, rs_column *c);
/* Index of the column named name (case-sensitive), or -1. */
int rs_table_find(const rs_table *t, const char *name);
void rs_table_clear(rs_table *t);
size_t rs_table_bytes(const rs_table *t);

/* Rows grouped by a key (users or items): rows of key k are
 * rows[ptr[k] .. ptr[k+1]), or the identity range when rows is NULL
 * (the log is already grouped by that key). */
typedef struct rs_index {
	uint32_t nkeys;
	uint64_t *ptr;
	uint32_t *rows;
} rs_index;

/* An interaction log: one row per event, columnar. */
typedef struct rs_log {
	size_t n;
	uint32_t *user;		/* dense user index per row */
	uint32_t *item;		/* dense item index per row */
	rs_table cols;		/* every other column, cols.nrows == n */
	int value_col;		/* column holding the signal (rating, watch_ratio), or -1 */
	int time_col;		/* column holding the event time, or -1 */
	char *source;		/* file the log came from */
	char *user_col;		/* names of the user and item id columns */
	char *item_col;
	uint8_t *part;		/* split part per row (split.h), or NULL */
	rs_index *by_user;	/* built on demand, see rs_log_by_user */
	rs_index *by_item;
} rs_log;

/* Rows per user / per item, built once and cached in the log: key k's rows
 * are rows[ptr[k] .. ptr[k+1]), or, when rows is NULL (the log was already
 * grouped by that key), the positions ptr[k] .. ptr[k+1] themselves. */
const rs_index *rs_log_by_user(rs_log *log, uint32_t nusers);
const rs_index *rs_log_by_item(rs_log *log, uint32_t nitems);
void rs_log_drop_indexes(rs_log *log);
void rs_log_clear(rs_log *log);
size_t rs_log_bytes(const rs_log *log);

/* Kinds of dirt a simulated world records in its dirt.csv. */
enum rs_dirt_kind {
	RS_DIRT_DUPLICATE,	/* an exact copy of the row before it */
	RS_DIRT_REPEAT,		/* same user, item and time, other values */
	RS_DIRT_OUTLIER,	/* replay watch ratio far above 1 */
	RS_DIRT_MISSING_DURATION,
	RS_DIRT_BAD_TIME,	/* impossible timestamp */
	RS_DIRT_MALFORMED,	/* a malformed line (never loaded) */
	RS_DIRT_KINDS
};

/* The ground truth of injected dirt, when the dataset comes from
 * `generate`: one entry per dirty row of the sparse log, plus bot users. */
typedef struct rs_dirt {
	size_t n;
	uint8_t *kind;		/* enum rs_dirt_kind */
	uint32_t *user, *item;	/* dense indices (RS_NONE when unknown) */
	double *time;		/* the row's timestamp, seconds */
	uint32_t *bots;		/* bot users (dense indices) */
	size_t nbots;
} rs_dirt;

const char *rs_dirt_kind_name(int kind);

/* What the log's values are, decided when loading (rs_signal_detect) or
 * given (load ... signal=): models choose their defaults from it. */
enum rs_signal_kind {
	RS_SIGNAL_BINARY,	/* no value column, one value, or 0/1 */
	RS_SIGNAL_RATING,	/* a bounded scale with few values (1-5, 0.5-5) */
	RS_SIGNAL_COUNTS,	/* non-negative integers, unbounded (plays) */
	RS_SIGNAL_RATIO,	/* non-negative reals around 1, long tail
				   (watch_ratio) */
	RS_SIGNAL_VALUES,	/* other reals (negative values, scores) */
	RS_SIGNAL_KINDS
};

typedef struct rs_signal {
	int kind;		/* enum rs_signal_kind */
	bool given;		/* named by the user, not detected */
	size_t n;		/* present values */
	size_t distinct;	/* distinct values (SIZE_MAX: too many to count) */
	double min, max, median, q99;	/* median and q99 from a sample */
	bool extreme;		/* max far above the 99th percentile (replay
				   loops, bots): a clean outliers candidate */
} rs_signal;

/* "binary", "rating", "counts", "ratio", "values"; NULL out of range. */
const char *rs_signal_kind_name(int kind);
/* The kind named name, or -1. */
int rs_signal_kind_find(const char *name);

/* A loaded dataset. Created by rs_dataset_load (load.h), freed with
 * rs_dataset_free; every pointer inside is owned by it. */
typedef struct rs_dataset {
	char *source;		/* the path given to load */
	char *format;		/* "csv", "movielens-100k", "kuairec", ... */
	rs_ids *users, *items, *creators;
	rs_log log;		/* the interaction log (sparse log for KuaiRec) */
	rs_log *observed;	/* fully observed block (KuaiRec small_matrix), or NULL */
	rs_table item_tbl;	/* item attributes, one row per item index */
	rs_table user_tbl;	/* user attributes, one row per user index */
	uint32_t *item_creator;	/* creator index per item (RS_NONE unknown), or NULL */
	char *creator_from;	/* where creators came from, e.g. "author_id" */
	char **notes;		/* what load decided, one line each */
	size_t nnotes;
	rs_dirt *dirt;		/* injected dirt (simulated worlds), or NULL */
	int split_kind;		/* enum rs_split_kind of the current split */
	char *split_desc;	/* the split as text, e.g. "random test=0.2 seed=1" */
	rs_log *heldout;	/* test rows loaded from a file (split files) */
	rs_log *heldout_valid;	/* validation rows from a file, or NULL */
	rs_signal signal;	/* what the log's value column holds */
} rs_dataset;

rs_dataset *rs_dataset_new(void);
void rs_dataset_free(rs_dataset *ds);
void rs_dataset_note(rs_dataset *ds, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A full, independent copy (caller owns). */
rs_dataset *rs_dataset_copy(const rs_dataset *ds);
/* A copy keeping only the log rows whose keep[] is nonzero; ids, tables,
 * the observed block and creators are copied whole, so indices stay valid. */
rs_dataset *rs_dataset_select(const rs_dataset *ds, const uint8_t *keep);
/* Users / items with at least one row in the log. */
uint32_t rs_log_count_users(const rs_log *log, uint32_t nusers);
uint32_t rs_log_count_items(const rs_log *log, uint32_t nitems);

/* A user or item by id, added when new (rs_workspace_observe): a new one
 * takes the next index, gets a row of missing values in the side table
 * when the table has one row per index, and no creator. Returns the index. */
uint32_t rs_dataset_add_user(rs_dataset *ds, const char *id, size_t len);
uint32_t rs_dataset_add_item(rs_dataset *ds, const char *id, size_t len);
/* Decide what the log's value column holds and fill ds->signal. kind >= 0
 * forces that kind (given), -1 keeps a given kind and decides otherwise.
 * rs_dataset_select calls it on its copy, so the figures follow the rows. */
void rs_signal_detect(rs_dataset *ds, int kind);
/* One line for people: "rating 1-5", "counts (plays), max 12,345",
 * "ratio (watch_ratio), median 0.87, max 301.5", "binary (no value
 * column: every row a positive)". */
void rs_signal_describe(const rs_dataset *ds, char *buf, size_t size);
/* The name of the log's value column, or NULL without one. */
const char *rs_signal_column(const rs_dataset *ds);

/* Bytes held by the dataset (columns, ids, tables, indexes). */
size_t rs_dataset_bytes(const rs_dataset *ds);

/* Find a column by name in the log, then the item table, then the user
 * table. *where receives 'l', 'i' or 'u'. */
const rs_column *rs_dataset_column(const rs_dataset *ds, const char *name,
    char *where);

#ifdef __cplusplus
}
#endif
#endif
