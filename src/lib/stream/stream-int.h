/* Internal: the replay plan of a stream — the timed rows in time order, the warm-up and the windows. */
#ifndef RS_STREAM_INT_H
#define RS_STREAM_INT_H

#include <stddef.h>
#include <stdint.h>

#include "reelscope/stream.h"

/* Positions index the timed rows in time order: position j is log row
 * ord[j] at time time[j]. The warm-up is positions [0, warm); window w is
 * [wbeg[w], wend[w]). */
struct stream_plan {
	size_t n;		/* timed rows */
	size_t *ord;
	double *time;
	size_t warm;
	size_t nwin;
	size_t *wbeg, *wend;
	double *tbeg, *tend;	/* the windows' time ranges */
	uint32_t empty;		/* time windows without a row */
	uint64_t untimed;	/* rows without a time */
	double window_seconds;	/* time windows: their length */
	uint64_t window_events;	/* event windows: their length */
	double from;		/* the first replayed window's start */
};

/* window=: "1h", "6h", "1d", "7d" (a whole number of hours or days) into
 * *seconds, or "N" (events) into *events; the other is set to 0. */
int stream_parse_window(const char *w, double *seconds, uint64_t *events,
    rs_error *err);
/* from=: a date-time (UTC) into *time, or a fraction 0 < f < 1 into *frac;
 * the other is NaN. */
int stream_parse_from(const char *f, double *time, double *frac,
    rs_error *err);
/* Sort the timed rows and cut them into the warm-up and the windows. */
int stream_plan_build(const rs_dataset *ds, const rs_stream_opts *o,
    struct stream_plan *p, rs_error *err);
void stream_plan_free(struct stream_plan *p);

#endif
