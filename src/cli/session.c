/* Session plumbing: engine hooks (progress bar, notes), Ctrl-C flag, teardown. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "util/xmalloc.h"

volatile sig_atomic_t rs_interrupted;

/* State of the progress line on stderr. */
static struct {
	bool shown;
	double start, last;
	char task[128];
} bar;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

struct progress_ctx {
	struct session *s;
	struct report *r;
};

static struct progress_ctx hook_ctx;

/* Show "task [####....] 45%  rate  ETA" at most ten times a second. */
int
progress_update(void *ctx, const char *task, double done, double total)
{
	struct progress_ctx *pc = ctx;
	double t = now(), frac, elapsed;
	int width = 24, fill;
	char line[256], eta[32] = "";

	if (rs_interrupted)
		return 1;
	if (pc == NULL || pc->s == NULL || !pc->s->progress)
		return 0;
	if (strcmp(bar.task, task) != 0) {
		snprintf(bar.task, sizeof bar.task, "%s", task);
		bar.start = t;
		bar.last = 0;
	}
	if (t - bar.last < 0.1 && done < total)
		return 0;
	bar.last = t;
	elapsed = t - bar.start;
	frac = total > 0 ? done / total : 0;
	if (frac > 1)
		frac = 1;
	fill = (int)lround(frac * width);
	if (frac > 0.01 && elapsed > 0.5) {
		double left = elapsed * (1 - frac) / frac;
		snprintf(eta, sizeof eta, "  ETA %d:%02d", (int)left / 60,
		    (int)left % 60);
	}
	snprintf(line, sizeof line, "\r%-.40s [%.*s%.*s] %3.0f%%  %.1fs%s", task,
	    fill, "########################", width - fill,
	    "........................", frac * 100, elapsed, eta);
	fputs(line, stderr);
	fputs("\033[K", stderr);
	fflush(stderr);
	bar.shown = true;
	return 0;
}

void
progress_done(void)
{
	if (bar.shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	bar.shown = false;
	bar.task[0] = '\0';
}

static void
note_cb(void *ctx, int level, const char *msg)
{
	struct progress_ctx *pc = ctx;

	if (pc == NULL || pc->r == NULL)
		return;
	if (level == RS_NOTE_WARN)
		report_warn(pc->r, "%s", msg);
	else
		report_note(pc->r, "%s", msg);
}

rs_hooks
session_hooks(struct session *s, struct report *r)
{
	rs_hooks h;

	hook_ctx.s = s;
	hook_ctx.r = r;
	h.progress = progress_update;
	h.note = note_cb;
	h.ctx = &hook_ctx;
	return h;
}

void
session_free(struct session *s)
{
	rs_dataset_free(s->ds);
	s->ds = NULL;
}

rs_dataset *
session_data(struct session *s)
{
	if (s->ds == NULL)
		cmd_error(s, "no dataset loaded (use load PATH first)");
	return s->ds;
}
