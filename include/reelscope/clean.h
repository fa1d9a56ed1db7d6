/* reelscope engine: cleaning steps — each turns a dataset into a new, cleaner one and says exactly what it did. */
#ifndef REELSCOPE_CLEAN_H
#define REELSCOPE_CLEAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The cleaning steps. Every step works on the interaction log (ds->log);
 * the observed block is left as it is (it is the evaluation ground truth).
 * Ids are never re-indexed: a user or item without rows left keeps its
 * index. */
enum rs_clean_step {
	RS_CLEAN_DEDUP,		/* exact copies; repeated (user, item, time) events */
	RS_CLEAN_INVALID,	/* rows breaking declared ranges or the time window */
	RS_CLEAN_OUTLIERS,	/* IQR or median/MAD rule on one column: drop or cap */
	RS_CLEAN_BOTS,		/* users with implausibly short gaps or many events */
	RS_CLEAN_FILL,		/* missing values of one column: mean, median, ... */
	RS_CLEAN_KCORE,		/* iterative minimum interactions per user and item */
	RS_CLEAN_BINARIZE,	/* a signal into implicit positives */
	RS_CLEAN_WINDOW,	/* keep a time range */
	RS_CLEAN_NSTEPS
};

const char *rs_clean_step_name(int step);
/* The step named name, or -1. */
int rs_clean_step_find(const char *name);

enum rs_outlier_method { RS_OUTLIER_IQR, RS_OUTLIER_Z };
enum rs_side { RS_SIDE_BOTH, RS_SIDE_UPPER, RS_SIDE_LOWER };
enum rs_fill_method { RS_FILL_MEDIAN, RS_FILL_MEAN, RS_FILL_MODE,
	RS_FILL_CONSTANT };
/* At most this many declared ranges (invalid's range=). */
#define RS_CLEAN_MAX_RANGES 16

/* What the bots step looks at (a bit set). A burst is the most events a
 * user has within any window of burst_window seconds (t <= time < t + W);
 * the default limit is max(RS_BOTS_BURST_FLOOR, RS_BOTS_BURST_FACTOR x the
 * RS_BOTS_BURST_QUANTILE quantile of the users' bursts): people rate or
 * watch in bursts too (MovieLens latest-small's busiest user rated 128
 * movies in one second), so the limit sits far above what most users do,
 * and a script rating thousands of items at once is far above that. */
enum { RS_BOTS_GAP = 1, RS_BOTS_COUNT = 2, RS_BOTS_BURST = 4 };
#define RS_BOTS_BURST_FLOOR 50
#define RS_BOTS_BURST_FACTOR 20
#define RS_BOTS_BURST_QUANTILE 0.9

/* Parameters of a step. rs_clean_params_init sets the defaults of a step;
 * set what differs, then rs_clean_params_check says what is impossible.
 * Strings are borrowed for the call. Times are seconds since the epoch. */
typedef struct rs_clean_params {
	enum rs_clean_step step;
	const char *column;	/* outliers, fill, binarize: the column (binarize:
				   NULL = the log's value column) */
	const char *table;	/* "log", "items", "users", or NULL: the first
				   table (in that order) that has the column */
	bool force;		/* allow a step to remove every row */

	/* dedup */
	bool exact_only;	/* only rows equal in every column */

	/* invalid and window: keep from <= time < to; NAN = open side. For
	 * invalid, an open side with auto_window set is decided from the data:
	 * the 5th..95th percentile span of the times, widened by itself (at
	 * least a day) on each side. */
	double from, to;
	bool auto_window;	/* invalid: decide open sides from the data */
	bool check_time;	/* invalid: check times at all */
	/* invalid: comma-separated log columns; NULL = the defaults (positive:
	 * numeric columns named *duration*; nonnegative: *ratio*, *count*,
	 * *cnt*), "" or "none" = no such check */
	const char *positive;	/* must be > 0 */
	const char *nonnegative;/* must be >= 0 */
	const char *required;	/* must not be missing (default none) */
	/* invalid: declared ranges "COL:MIN:MAX" (MIN <= COL <= MAX; a missing
	 * value is not out of range), checked by the run, which fails naming
	 * the problem (no such log column, a text column, MIN or MAX not a
	 * number, MIN above MAX) */
	const char *ranges[RS_CLEAN_MAX_RANGES];
	size_t nranges;

	/* outliers */
	enum rs_outlier_method method;
	double k;		/* IQR: fences at q1 - k IQR, q3 + k IQR (1.5) */
	double z;		/* robust z limit, |x - median| / (1.4826 MAD) (3.5);
				   also the bots step's limit */
	bool log_scale;		/* apply the rule to log(x) (x > 0 only) */
	enum rs_side side;
	bool cap;		/* cap values at the fences instead of dropping rows */

	/* bots */
	int bots_rule;		/* RS_BOTS_GAP | RS_BOTS_COUNT | RS_BOTS_BURST
				   (default gap and burst) */
	double min_gap;		/* flag a median gap below this (seconds); NAN: robust */
	double max_events;	/* flag more events than this; NAN: robust */
	uint32_t min_events;	/* users with fewer events are never judged by gap (5) */
	double burst_window;	/* seconds of a burst (1: the same second) */
	double max_burst;	/* flag more events in one window; NAN: the
				   default rule above */

	/* fill */
	enum rs_fill_method fill;
	const char *value;	/* RS_FILL_CONSTANT: the value as text */
	const char *by;		/* group: the item or user id column ("item",
				   "user"), "creator", or a column; NULL: none */

	/* kcore */
	uint32_t user_k, item_k;	/* minimum rows per user / item (5) */

	/* binarize: positive when column >= min, or when it == equals */
	double min;		/* NAN: not this test */
	double equals;		/* NAN: not this test */
	bool weight;		/* keep the signal as the confidence column "weight" */
	bool keep_all;		/* keep the negatives too (positive = 0) */
} rs_clean_params;

void rs_clean_params_init(rs_clean_params *p, enum rs_clean_step step);
/* NULL when the parameters can make sense, else why not (static text).
 * Data-dependent problems (unknown columns...) are reported by the run. */
const char *rs_clean_params_check(const rs_clean_params *p);

/* How many rows a step removed or changed for one reason. */
typedef struct rs_clean_reason {
	char what[96];
	size_t rows;
} rs_clean_reason;

#define RS_CLEAN_MAX_REASONS 24

/* One flagged user of the bots step. */
typedef struct rs_clean_bot {
	uint32_t user;
	size_t events;
	double median_gap;	/* seconds, NAN when not judged by gap */
	size_t burst;		/* most events within burst_window (0: not judged) */
} rs_clean_bot;

/* What a step did. Filled by rs_clean_run; free with rs_clean_result_free.
 * Fields that do not apply to the step are NAN / 0. */
typedef struct rs_clean_result {
	enum rs_clean_step step;
	size_t rows_before, rows_after;
	uint32_t users_before, users_after, items_before, items_after;
	size_t removed;		/* log rows removed */
	size_t changed;		/* values changed in place (fill, cap) */
	rs_clean_reason reasons[RS_CLEAN_MAX_REASONS];	/* a row may count
				   under more than one reason */
	size_t nreasons;
	char summary[256];	/* one line for the pipeline */
	bool needs_force;	/* failed only because it would remove every row */
	char column[128];	/* the column worked on, or "" */
	char table;		/* its table: 'l', 'i', 'u', or 0 */
	char time_column[128];	/* the time column used, or "" */

	/* invalid, window: the window kept, [from, to); rules checked */
	double from, to;
	bool from_auto, to_auto;
	char rules[512];	/* "play_duration > 0, watch_ratio >= 0, ..." */

	/* outliers: values judged, skipped (missing, or <= 0 on log scale) */
	size_t values, skipped;
	double q1, q3;		/* IQR rule (on the scale of the rule) */
	double median, mad;	/* z rule (on the scale of the rule) */
	double lower, upper;	/* fences on the column's own scale */
	size_t below, above;	/* values beyond each fence */
	size_t items_flagged;	/* outliers on an item or user table column */

	/* bots */
	uint32_t users_judged;	/* users with rows */
	double gap_limit;	/* median gaps below are flagged (seconds) */
	double count_limit;	/* more events are flagged */
	double typical_gap;	/* median of the users' median gaps */
	double burst_window;	/* seconds of a burst */
	double typical_burst;	/* the RS_BOTS_BURST_QUANTILE quantile of
				   the users' bursts */
	double burst_limit;	/* more events in one window are flagged */
	rs_clean_bot *bots;	/* flagged users, most events first */
	size_t nbots;

	/* fill */
	double fill_value;	/* the overall statistic (numbers) */
	char fill_text[256];	/* the overall value as text */
	size_t groups;		/* groups with values (by=) */
	size_t from_group;	/* values filled from their group */
	size_t fallback;	/* filled from the overall value (empty group) */

	/* kcore */
	uint32_t rounds;
	uint32_t users_removed, items_removed;

	/* binarize */
	size_t positives, negatives, missing;
	char value_column[128];	/* the log's value column afterwards */

	/* ground truth (simulated worlds): whether it applied, the dirt kinds
	 * the step targets, and how the flagged rows (or users) match them */
	bool evaluated;
	char dirt_kinds[64];	/* e.g. "duplicate,repeat", "bot users" */
	const char *dirt_unit;	/* "rows" or "users" */
	size_t dirt_present;	/* dirty units in the input */
	size_t dirt_flagged;	/* units the step removed or changed */
	size_t dirt_found;	/* flagged units that are dirty */
	double recall, precision;	/* NAN when undefined */
	/* bots: the same for the bot users' rows */
	size_t bot_rows_present, bot_rows_removed;
} rs_clean_result;

void rs_clean_result_free(rs_clean_result *r);

/* Run one step on ds and return the cleaned dataset (caller owns), or NULL
 * with err set and nothing changed. ds is not modified, except that its
 * per-user and per-item row indexes may be built and cached. A step that
 * would remove every row fails unless p->force. Progress goes through
 * hooks (may be NULL). res is always initialized (free it either way).
 *
 * Ground truth: when ds->dirt is present (a world made by `generate`), the
 * flagged rows are matched to the injected dirt of the step's kinds by
 * (user, item, timestamp to the millisecond); see clean/truth.c. */
rs_dataset *rs_clean_run(rs_dataset *ds, const rs_clean_params *p,
    rs_clean_result *res, const rs_hooks *hooks, rs_error *err);

#ifdef __cplusplus
}
#endif
#endif
