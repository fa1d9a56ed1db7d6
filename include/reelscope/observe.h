/* reelscope engine: new events for models that learn without retraining — read, checked and folded in (issue 17). */
#ifndef REELSCOPE_OBSERVE_H
#define REELSCOPE_OBSERVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/error.h"
#include "reelscope/model.h"

#ifdef __cplusplus
extern "C" {
#endif

struct rs_workspace;

/* One event as given: ids as text (the dataset's ids), value and time NaN
 * when not given, and where it came from for messages. */
typedef struct rs_observation {
	char *user, *item;	/* owned by the batch */
	double value;		/* NaN: not given */
	double time;		/* seconds since 1970-01-01 UTC; NaN: not given */
	size_t line;		/* 1-based line of the file, 0: not from a file */
	unsigned value_col, time_col;	/* 1-based columns (file), else 0 */
} rs_observation;

/* Events in the order given. source is the file (NULL: typed events). */
typedef struct rs_observations {
	char *source;
	rs_observation *ev;
	size_t n, cap;
} rs_observations;

void rs_observations_init(rs_observations *b);
void rs_observations_free(rs_observations *b);
/* Append one event (ids copied; value, time NaN when not given). */
void rs_observations_add(rs_observations *b, const char *user, const char *item,
    double value, double time);
/* Read a CSV file of events with a header: user,item[,value][,time] in any
 * order; a column may also carry the log's own name (user_id, rating,
 * timestamp... as load read them: log may be NULL). Times are seconds or
 * dates as load reads them. 0, or -1 with err naming file:line:column (an
 * unknown column, a missing user or item column, a line with another
 * number of fields, a value or time that is not one); b is then empty. */
int rs_observations_read(rs_observations *b, const char *path,
    const rs_log *log, rs_error *err);

/* A time as load reads one (seconds since 1970, or a date and time) into
 * *out; false when it is neither. */
bool rs_observation_time(const char *text, double *out);

typedef struct rs_observe_opts {
	bool strict_order;	/* an event before the previous one (or before
				   the model's latest) is an error, not a
				   warning */
} rs_observe_opts;

/* What rs_workspace_observe did. */
typedef struct rs_observe_report {
	size_t events;
	uint32_t new_users, new_items;	/* added to the dataset */
	size_t out_of_order;	/* events earlier than the one before */
	size_t first_out_of_order;	/* its index (0-based), if any */
	double seconds;		/* rs_model_update's wall time */
} rs_observe_report;

/* Fold the events b into model m of the workspace (rs_model_update): ids
 * the dataset does not know become new users and items of the current data
 * (and of the data as loaded, so undo keeps them), at the end of the id
 * spaces; the model grows only as far as its events need, other models keep
 * their sizes. Checked first, so that nothing is applied when any event is
 * wrong: the kind can learn from events, the model was trained on this
 * data, each value lies within the range of the values the model trained
 * on (an event without one takes that value when there is only one, else
 * it is an error), times are numbers in order (strict_order) or counted as
 * out of order. Events are not added to the log: retraining forgets them.
 * 0, or -1 with err (naming file:line for events read from a file). */
int rs_workspace_observe(struct rs_workspace *ws, rs_model *m,
    const rs_observations *b, const rs_observe_opts *o, rs_observe_report *rep,
    rs_error *err);

/* ---- a factor model's vectors, to check elsewhere ---- */

/* Write m's user and item vectors (als, mf, bpr, svdpp: P and Q) as
 * PREFIX.users.csv / PREFIX.items.csv (a header "id,f0,f1,...", one row per
 * user or item with its id from ds) and PREFIX.users.npy / PREFIX.items.npy
 * (NumPy format 1.0, little-endian float32, C order, rows as in the CSV).
 * Rows the model has past the dataset's ids cannot happen (ids only grow).
 * 0, or -1 with err (not a factor model, a file that cannot be written). */
int rs_model_export_factors(const rs_model *m, const rs_dataset *ds,
    const char *prefix, rs_error *err);

#ifdef __cplusplus
}
#endif
#endif
