/* Session plumbing: the failing command's message, engine hooks (progress bar, notes), Ctrl-C flag, teardown. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "session.h"
#include "tui/tui.h"
#include "util/xmalloc.h"

volatile sig_atomic_t rs_interrupted;
volatile sig_atomic_t rs_terminated;

/* State of the progress line on stderr; each task keeps its own start, so
 * nested tasks (tune's trainings) do not reset the outer one's ETA. */
#define PROGRESS_TASKS 4
static struct {
	bool shown;
	double last;
	struct {
		char name[128];
		double start;
	} task[PROGRESS_TASKS];
	size_t ntasks;
} bar;

struct progress_ctx {
	struct session *s;
	struct report *r;
};

static struct progress_ctx hook_ctx;

/* When the task started (now, the first time it reports). */
static double
task_start(const char *task, double t)
{
	size_t i;

	for (i = 0; i < bar.ntasks; i++)
		if (strcmp(bar.task[i].name, task) == 0)
			return bar.task[i].start;
	if (bar.ntasks == PROGRESS_TASKS) {	/* forget the oldest */
		memmove(&bar.task[0], &bar.task[1], (PROGRESS_TASKS - 1) * sizeof bar.task[0]);
		bar.ntasks--;
	}
	snprintf(bar.task[bar.ntasks].name, sizeof bar.task[0].name, "%s", task);
	bar.task[bar.ntasks++].start = t;
	return t;
}

/* The rate of a task in its own unit: "3.1 epochs/s", "2.4 s/epoch",
 * "12.5 MB/s"; fractions of unknown work as "%/s". */
static void
format_rate(char *buf, size_t size, const char *task, double done,
    double total, double elapsed)
{
	static const struct {
		const char *prefix;
		const char *one, *many;
	} units[] = {
		{ "eval ", "user", "users" },
		{ "tune", "trial", "trials" },
		{ "tradeoff", "value", "values" },
		{ "generate", "block", "blocks" },
		{ "clean", "step", "steps" },
		{ NULL, NULL, NULL }
	};
	const char *one = NULL, *many = NULL;
	double r;

	buf[0] = '\0';
	if (elapsed < 0.2 || done <= 0)
		return;
	r = done / elapsed;
	if (strncmp(task, "save", 4) == 0 || strncmp(task, "open", 4) == 0) {
		snprintf(buf, size, "  %.1f MB/s", r / 1e6);
		return;
	}
	if (total <= 1) {
		snprintf(buf, size, "  %.1f%%/s", r * 100);
		return;
	}
	if (strncmp(task, "train ", 6) == 0 && strchr(task, ':') == NULL) {
		one = "epoch";
		many = "epochs";
	}
	for (int i = 0; one == NULL && units[i].prefix != NULL; i++)
		if (strncmp(task, units[i].prefix, strlen(units[i].prefix)) == 0) {
			one = units[i].one;
			many = units[i].many;
		}
	/* three significant digits, without exponents */
	if (r >= 1 || one == NULL)
		snprintf(buf, size, r >= 100 ? "  %.0f %s/s" : "  %.3g %s/s", r,
		    one ? many : "units");
	else
		snprintf(buf, size, 1 / r >= 100 ? "  %.0f s/%s" : "  %.3g s/%s",
		    1 / r, one);
}

/* Show "task [####....] 45%  12.3s  3.1 epochs/s  ETA 0:05" at most ten
 * times a second, cut to the terminal's width. */
int
progress_update(void *ctx, const char *task, double done, double total)
{
	struct progress_ctx *pc = ctx;
	double t = rs_clock_wall(), frac, elapsed, start;
	int width = 24, fill, cols = 80, room;
	char tail[160], rate[48], eta[32] = "";
	struct winsize ws;

	if (tui_watching())
		return tui_watch_progress(task, done, total) || rs_interrupted;
	if (rs_interrupted)
		return 1;
	if (pc == NULL || pc->s == NULL || !pc->s->progress)
		return 0;
	start = task_start(task, t);
	if (t - bar.last < 0.1 && done < total)
		return 0;
	bar.last = t;
	elapsed = t - start;
	frac = total > 0 ? done / total : 0;
	if (frac > 1)
		frac = 1;
	fill = (int)lround(frac * width);
	if (frac > 0 && elapsed > 0.5) {
		long left = lround(elapsed * (1 - frac) / frac);
		if (left >= 3600)
			snprintf(eta, sizeof eta, "  ETA %ld:%02ld:%02ld", left / 3600,
			    left / 60 % 60, left % 60);
		else
			snprintf(eta, sizeof eta, "  ETA %ld:%02ld", left / 60, left % 60);
	}
	format_rate(rate, sizeof rate, task, done, total, elapsed);
	snprintf(tail, sizeof tail, " [%.*s%.*s] %3.0f%%  %.1fs%s%s", fill,
	    "########################", width - fill, "........................",
	    frac * 100, elapsed, rate, eta);
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		cols = ws.ws_col;
	/* the task's name gets what the figures leave of the line */
	room = cols - 1 - (int)strlen(tail);
	if (room < 8)
		room = 8;
	/* cut on a character boundary (wide characters only make it shorter) */
	if ((size_t)room < strlen(task))
		while (room > 0 && ((unsigned char)task[room] & 0xC0) == 0x80)
			room--;
	fprintf(stderr, "\r%.*s%s\033[K", room, task, tail);
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
	bar.ntasks = 0;
	bar.last = 0;
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

enum cmd_ret
cmd_error(struct session *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
	va_end(ap);
	return CMD_ERROR;
}

struct tui_source
session_tui_source(struct session *s)
{
	struct tui_source src = { s->ws, &rs_interrupted, &rs_terminated };

	return src;
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
	return s->ws != NULL ? rs_workspace_data(s->ws) : NULL;
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
