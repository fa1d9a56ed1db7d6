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
volatile sig_atomic_t rs_terminated;

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
	rs_workspace_free(s->ws);
	s->ws = NULL;
}

rs_dataset *
session_peek(const struct session *s)
{
	return s->ws != NULL ? s->ws->data : NULL;
}

rs_dataset *
session_data(struct session *s)
{
	rs_dataset *ds = session_peek(s);

	if (ds == NULL)
		cmd_error(s, "no dataset loaded (use load PATH or generate DIR --load first)");
	return ds;
}

void
session_set_base(struct session *s, rs_dataset *ds, const char *command)
{
	rs_workspace_set_base(s->ws, ds, command);
}

void
session_step(struct session *s, const struct cmd_call *c, rs_dataset *after,
    const char *summary)
{
	rs_dataset *before = s->ws->data;

	if (after != before) {
		/* keep the old state alive until the step is recorded */
		rs_dataset *old = before;
		s->ws->data = after;
		if (!s->replaying)
			rs_workspace_add_step(s->ws, c->line, summary, old);
		if (old != s->ws->base)
			rs_dataset_free(old);
		return;
	}
	if (!s->replaying)
		rs_workspace_add_step(s->ws, c->line, summary, before);
}

int
session_replay(struct session *s, size_t keep)
{
	rs_workspace *ws = s->ws;
	rs_dataset *saved = ws->data;
	rs_step *steps = ws->steps;
	size_t nsteps = ws->nsteps;
	bool quiet = s->quiet, replaying = s->replaying;
	void *features = ws->features;
	void (*features_free)(void *) = ws->features_free;
	int rc = 0;

	/* run the kept steps again on a fresh start; the old list stays aside */
	ws->features = NULL;
	ws->features_free = NULL;
	ws->steps = NULL;
	ws->nsteps = 0;
	ws->data = ws->base;
	s->quiet = true;
	for (size_t i = 0; i < keep && i < nsteps; i++) {
		s->replaying = false;	/* record them afresh as they run */
		if (!session_run_line(s, steps[i].command)) {
			char msg[sizeof s->errmsg];
			snprintf(msg, sizeof msg, "%s", s->errmsg);
			snprintf(s->errmsg, sizeof s->errmsg,
			    "replaying step %zu (%.200s) failed: %.900s", i + 1,
			    steps[i].command, msg);
			rc = -1;
			break;
		}
	}
	s->quiet = quiet;
	s->replaying = replaying;
	if (rc != 0) {
		/* put everything back as it was */
		rs_workspace_truncate(ws, 0);
		free(ws->steps);
		if (ws->data != ws->base && ws->data != saved)
			rs_dataset_free(ws->data);
		ws->data = saved;
		ws->steps = steps;
		ws->nsteps = nsteps;
		rs_workspace_clear_features(ws);
		ws->features = features;
		ws->features_free = features_free;
		return -1;
	}
	if (features != NULL && features_free != NULL)
		features_free(features);
	if (saved != ws->base && saved != ws->data)
		rs_dataset_free(saved);
	for (size_t i = 0; i < nsteps; i++) {
		free(steps[i].command);
		free(steps[i].summary);
	}
	free(steps);
	return 0;
}

struct rs_model *
session_model(struct session *s, const struct cmd_call *c, const char *cmd)
{
	const char *name = call_get(c, "model");
	rs_model *m;

	if (s->ws->nmodels == 0) {
		cmd_error(s, "%s: no model trained yet (train NAME model=KIND first)", cmd);
		return NULL;
	}
	if (name == NULL)
		return s->ws->models[s->ws->nmodels - 1];
	m = rs_workspace_model(s->ws, name);
	if (m == NULL) {
		char list[512] = "";
		for (size_t i = 0; i < s->ws->nmodels; i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
			    i ? ", " : "", s->ws->models[i]->name);
		cmd_error(s, "%s: no model named %s (models: %s)", cmd, name, list);
	}
	return m;
}

const char *
session_item_text(const rs_dataset *ds, uint32_t item, char *buf, size_t size)
{
	static const char *const cols[] = { "title", "caption", "video_tag_name",
		"genres", NULL };

	buf[0] = '\0';
	for (int k = 0; cols[k] != NULL; k++) {
		int j = rs_table_find(&ds->item_tbl, cols[k]);
		const char *t;
		if (j < 0 || item >= ds->item_tbl.cols[j]->n)
			continue;
		t = rs_column_text(ds->item_tbl.cols[j], item);
		if (t != NULL && *t != '\0') {
			snprintf(buf, size, "%s", t);
			break;
		}
	}
	return buf;
}
