/* reelscope engine: the log replayed as a stream — prequential (test-then-learn) evaluation of update strategies. */
#ifndef REELSCOPE_STREAM_H
#define REELSCOPE_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"
#include "reelscope/workspace.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How a strategy learns after the warm-up. */
enum rs_stream_update {
	RS_UPDATE_STATIC,	/* nothing: the warm-up model throughout */
	RS_UPDATE_INCREMENTAL,	/* rs_model_update with each window's events */
	RS_UPDATE_RETRAIN,	/* a full training on everything so far every
				   retrain_every windows */
	RS_UPDATE_NKINDS
};

/* "static", "incremental", "retrain"; NULL out of range. */
const char *rs_stream_update_name(int u);

/* What to replay. Every pointer is borrowed for the length of the call. */
typedef struct rs_stream_opts {
	const char *name;	/* the result's name */
	const char *kind;	/* the model kind (rs_model_kinds) */
	char *const *keys, *const *values;	/* the kind's parameters */
	size_t nparams;
	const char *window;	/* "1h", "6h", "1d", "7d" (any whole number of
				   h or d), or "N": N events; NULL: "1d" */
	const char *from;	/* where scoring starts: a date-time (UTC,
				   "2020-07-10" or "2020-07-10 12:00"), or a
				   fraction 0 < f < 1 of the timed events;
				   NULL: after the first window */
	const char *update;	/* strategies, "static,incremental,retrain";
				   NULL: "incremental" */
	uint32_t retrain_every;	/* retrain: after every W-th replayed window
				   (0: 1) */
	uint32_t k;		/* list length (0: 10) */
	uint64_t seed;		/* training seed (0: 1) */
	const rs_hooks *hooks;	/* progress per window (nonzero stops: nothing
				   is kept) and notes; may be NULL */
} rs_stream_opts;

void rs_stream_opts_init(rs_stream_opts *o);

/* One replayed window: its events are [start, end) in time (for windows of
 * N events: the times of the first and the last event). */
typedef struct rs_stream_window {
	double start, end;	/* seconds since 1970-01-01 UTC */
	uint64_t events;	/* rows in the window */
	uint32_t users;		/* users who acted in it */
} rs_stream_window;

/* A strategy's figures on one window, or over the whole replay. */
typedef struct rs_stream_score {
	uint32_t scored;	/* users scored: those with an item in the window
				   that the model had not learned from them */
	double recall, ndcg, hit;	/* @k, means over the scored users
					   (NaN when none) */
	double coverage;	/* distinct items recommended / items */
	double new_exposure;	/* share of the recommended slots that went
				   to new items (docs/metrics.md) */
	double update_us;	/* learning after the window: microseconds per
				   event of the window (0 when nothing learned) */
	bool retrained;		/* retrain: the model was trained again after
				   this window */
} rs_stream_score;

/* One strategy over the replay. */
typedef struct rs_stream_run {
	int update;		/* enum rs_stream_update */
	rs_stream_score *win;	/* one per replayed window */
	rs_stream_score overall;	/* recall, ndcg, hit: means over every
					   scored (window, user); coverage: the
					   mean over windows; new_exposure: over
					   every slot; update_us: all learning
					   time / all events replayed */
	double learn_seconds;	/* updates or retrainings, in total */
} rs_stream_run;

/* The outcome of a replay. Owned by the caller (or the workspace once
 * added); free with rs_stream_result_free. */
typedef struct rs_stream_result {
	char *name;
	char *kind;
	char **keys, **values;	/* the model's parameters, defaults filled in */
	size_t nparams;
	char *window;		/* as given ("1d", "5000") */
	double window_seconds;	/* a time window's length (0: event windows) */
	uint64_t window_events;	/* an event window's length (0: time windows) */
	double from;		/* where scoring started (the first replayed
				   window's start) */
	uint32_t k, retrain_every;
	uint64_t warmup_events;	/* rows the first model trained on */
	uint64_t events;	/* rows replayed (scored, then learned) */
	uint64_t untimed;	/* rows without a time, left out */
	uint32_t empty_windows;	/* time windows without a row: skipped */
	size_t nwindows;
	rs_stream_window *windows;
	size_t nruns;
	rs_stream_run *runs;	/* in the order update= named them */
	double seconds;		/* the whole replay */
} rs_stream_result;

void rs_stream_result_free(rs_stream_result *r);
/* The run of strategy u, or NULL. */
const rs_stream_run *rs_stream_result_run(const rs_stream_result *r, int u);

/* Whether the options make sense before any data is read: window and from
 * syntax, strategies, the kind and its parameters, and a kind that cannot
 * learn from events asked to (update=incremental). 0, or -1 with err. */
int rs_stream_check(const rs_stream_opts *o, rs_error *err);

/* Replay ds's log in time order (every row with a time, whatever the
 * split): train the first model on the warm-up (the rows before from=, or
 * the first window), then for each window recommend the top k to each user
 * who acts in it (leaving out the items the strategy's model learned from
 * that user), score the lists against what the user did in the window,
 * and let each strategy learn. 0 with *out set (caller owns), or -1 with
 * err and nothing allocated (RS_ECANCEL: stopped through the progress
 * hook). */
int rs_stream_replay(const rs_dataset *ds, const rs_stream_opts *o,
    rs_stream_result **out, rs_error *err);

/* ---- category popularity over time ---- */

/* The share of each window's events per value of a column: an item
 * column (the value of each event's item) or a log column. The values
 * with the most events overall come first; the others are summed into
 * "(other)", and events whose value is missing into "(missing)". */
typedef struct rs_trend {
	char *column;
	size_t nwindows;
	double *start;		/* each window's start (UTC seconds) */
	uint64_t *events;	/* each window's events */
	size_t nvalues;
	char **values;		/* the values drawn, then (other), (missing) */
	uint64_t *total;	/* events per value over the whole log */
	double *share;		/* nwindows x nvalues, row-major */
	uint64_t untimed;	/* rows without a time, left out */
} rs_trend;

/* Windows of window= (hours or days: "1d", "6h"; NULL: "1d"), aligned to
 * their length since 1970-01-01 UTC; top values kept apart (0: 8). 0, or
 * -1 with err. Free with rs_trend_free. */
int rs_stream_trend(const rs_dataset *ds, const char *column,
    const char *window, size_t top, rs_trend *out, rs_error *err);
void rs_trend_free(rs_trend *t);

/* ---- kept in the workspace, by name ---- */

/* Keep r (taken), replacing the result of the same name. Stream results
 * describe themselves (window, model, figures) and stay when the data
 * changes; save and open carry them. */
void rs_workspace_add_stream(rs_workspace *ws, rs_stream_result *r);
/* The result named name, or NULL. */
const rs_stream_result *rs_workspace_stream(const rs_workspace *ws,
    const char *name);
size_t rs_workspace_nstreams(const rs_workspace *ws);
/* Result i (0-based, below rs_workspace_nstreams), in the order kept. */
const rs_stream_result *rs_workspace_stream_at(const rs_workspace *ws,
    size_t i);
/* rs_stream_replay on the current data; the result is kept under o->name
 * (out, may be NULL, borrows it). */
int rs_workspace_stream_run(rs_workspace *ws, const rs_stream_opts *o,
    const rs_stream_result **out, rs_error *err);

#ifdef __cplusplus
}
#endif
#endif
