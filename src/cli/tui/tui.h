/* The curses dashboard: panels over the session's workspace, live training, and a terminal that is always given back. */
#ifndef RS_TUI_H
#define RS_TUI_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

struct rs_model;
struct rs_workspace;

/* ---- what the rest of the front end calls ---- */

/* What the dashboard shows and when it leaves, passed in by the command
 * (the panels never reach back into the session). */
struct tui_source {
	struct rs_workspace *ws;
	/* set by the signal handlers: Ctrl-C, and SIGTERM/SIGHUP */
	const volatile sig_atomic_t *interrupted, *terminated;
};

/* Show the dashboard until the user leaves it (q, Ctrl-C, SIGTERM/SIGHUP).
 * Needs stdin and stdout on a terminal that curses knows. Returns 0, or -1
 * with a one-line reason in err (nothing was drawn). */
int tui_dashboard(const struct tui_source *src, char *err, size_t errsize);

/* Live training: show the dashboard while m trains. Between begin and end,
 * the session's progress hook calls tui_watch_progress instead of drawing a
 * bar. begin returns -1 with a reason in err when there is no terminal. */
int tui_watch_begin(const struct tui_source *src, const struct rs_model *m,
    char *err, size_t errsize);
bool tui_watching(void);
/* Redraw with the new progress, read pending keys; nonzero asks the engine to
 * stop (q or Ctrl-C: training keeps its best epoch). */
int tui_watch_progress(const char *task, double done, double total);
/* Leave the dashboard; true when the user asked to stop. */
bool tui_watch_end(void);

/* Give the terminal back from a signal handler or a fatal path: async-signal
 * safe (tcsetattr and write only); does nothing when curses is not on. */
void tui_emergency_restore(void);

/* ---- inside the dashboard (src/cli/tui/) ---- */
#ifdef RS_TUI_INTERNAL
#include <curses.h>
#include <panel.h>
#include <wchar.h>

#include "reelscope/reelscope.h"

enum tui_color { TC_NONE, TC_TITLE, TC_FOCUS, TC_BAR, TC_WARN, TC_DIM, TC_GOOD };

/* Live training as the dashboard sees it. */
struct tui_live {
	bool on;
	const struct rs_model *model;
	char task[128];
	double done, total;
	double start, last_draw;
	bool stop;		/* the user asked to stop */
};

struct tui;

/* Lines of text for detail views (UTF-8, owned). */
struct tui_lines {
	char **v;
	size_t n, cap;
};
void tui_lines_add(struct tui_lines *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void tui_lines_free(struct tui_lines *l);

/* A panel: a title, how to draw its box, and its detail as lines. */
struct tui_panel {
	const char *title;
	void (*draw)(struct tui *t, WINDOW *w, int h, int wd);
	void (*detail)(struct tui *t, struct tui_lines *out);
	WINDOW *win;
	PANEL *pan;
	int y, x, h, w;		/* placement on the screen */
};

struct tui {
	struct tui_source src;
	bool color, utf8;
	struct tui_panel *panels;
	size_t npanels, focus;
	struct tui_live live;
	/* cached once per opening: describe of the data (NULL when none) */
	struct rs_describe *desc;
	void *audit;		/* the exposure audit (exposure panel) */
	void (*audit_free)(void *);
	char audit_msg[200];	/* why there is no audit */
};

/* Whether terminfo knows $TERM (termcheck.c: term.h's macros stay there). */
int tui_term_known(void);

/* Panels (panels.c, exposure.c). */
extern const struct tui_panel tui_panel_dataset, tui_panel_pipeline,
    tui_panel_training, tui_panel_leaderboard, tui_panel_exposure;
void tui_exposure_prepare(struct tui *t);
/* The model the exposure panel audits: the leaderboard's first evaluated
 * model, else the last trained; NULL without models. */
const struct rs_model *tui_best_model(const struct tui *t);

/* Drawing helpers (draw.c). */
int tui_attr(const struct tui *t, enum tui_color c);
/* Text at (y, x) in at most maxw columns (wide characters count double,
 * control characters become '?'); "…" marks a cut. Returns columns used. */
int tui_put(WINDOW *w, int y, int x, const char *s, int maxw);
int tui_printf(WINDOW *w, int y, int x, int maxw, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Columns the UTF-8 text takes on the screen. */
int tui_width(const char *s);
/* A horizontal bar of frac * wd columns (eighths with UTF-8). */
void tui_bar(const struct tui *t, WINDOW *w, int y, int x, int wd, double frac);
/* The last values of v[0..n) as a sparkline of at most wd columns. */
void tui_sparkline(const struct tui *t, WINDOW *w, int y, int x, int wd,
    const double *v, size_t n);
/* Curves in a h x wd cell box, in braille dots (UTF-8) or '*' otherwise;
 * each curve is npts points (x, y) in [0,1]. Returns lines in out when out
 * is not NULL instead of drawing. */
void tui_plot(const struct tui *t, WINDOW *w, int y, int x, int h, int wd,
    const double *const *xs, const double *const *ys, const size_t *npts,
    size_t ncurves, struct tui_lines *out);
/* "12,345" */
const char *tui_count(char *buf, size_t size, double v);

#endif /* RS_TUI_INTERNAL */
#endif
