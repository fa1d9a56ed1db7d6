/* reelscope engine: train/validation/test splits, recorded in the log as one part per row. */
#ifndef REELSCOPE_SPLIT_H
#define REELSCOPE_SPLIT_H

#include <stdbool.h>
#include <stdint.h>

#include "reelscope/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/* enum rs_part and enum rs_split_kind: dataset.h (the dataset records
 * its rows' parts and the kind of its split). */

typedef struct rs_split_opts {
	enum rs_split_kind kind;
	double test;		/* share for test (random, user), or the time cut
				   as a share of rows (temporal) */
	double valid;		/* share of the training rows kept for validation */
	uint32_t k;		/* leave-last: rows per user; kfold: folds */
	uint32_t fold;		/* kfold: which fold is test (1..k) */
	uint64_t seed;
	const char *test_path, *valid_path;	/* files */
	uint32_t min_train;	/* user, leave-last: users need this many
				   training rows to give test rows (default 1) */
	bool allow_overlap;	/* files: accept held-out rows that are also
				   rows of the training log (else refused) */
} rs_split_opts;

void rs_split_opts_init(rs_split_opts *o, enum rs_split_kind kind);
/* NULL when the options make sense for the data, else why not. */
const char *rs_split_opts_check(const rs_split_opts *o, const rs_dataset *ds);
const char *rs_split_kind_name(enum rs_split_kind kind);

/* Counts of a split. A held-out row read from a file (split files) is
 * "also in the training log" when the log has a row of the same user and
 * item and, when both files have a time column, the same time (without
 * times every repeat of the pair counts). A cold test user has test rows
 * and no training row. */
typedef struct rs_split_summary {
	size_t train, valid, test;	/* rows */
	uint32_t test_users;		/* users with test rows */
	uint32_t cold_test_users;	/* ... of whom without a training row */
	bool external;			/* test rows live outside the log */
	size_t overlap;			/* files: test rows also in the log */
	size_t overlap_valid;		/* files: validation rows also in it */
	bool overlap_by_time;		/* overlap compared times too */
} rs_split_summary;

/* The share of cold test users above which split and the evaluating
 * commands warn. */
#define RS_COLD_WARN_SHARE 0.10

/* A copy of ds whose log rows carry their part (and, for files, whose test
 * log is loaded). Deterministic for a seed. NULL with err on failure. */
rs_dataset *rs_split_apply(const rs_dataset *ds, const rs_split_opts *o,
    rs_split_summary *sum, const rs_hooks *hooks, rs_error *err);

/* Where the test rows of a split dataset are: *log gets the log holding
 * them; when all of its rows are test *all is set, else rows with
 * part == RS_TEST in ds->log. Returns false when ds has no split. */
bool rs_split_test(const rs_dataset *ds, const rs_log **log, bool *all);

#ifdef __cplusplus
}
#endif
#endif
