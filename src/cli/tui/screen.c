/* The dashboard's screen manager: terminal setup and restore, layout, the key table, overlays, live training. */
#include "config.h"

#define RS_TUI_INTERNAL
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <readline/readline.h>

#include "cli/tui/tui.h"
#include "util/xmalloc.h"

/* ---- the terminal: on, off, and off in an emergency ---- */

static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static struct {
	volatile sig_atomic_t on;	/* curses owns the terminal */
	SCREEN *scr;
	struct termios shell;	/* the mode before curses */
	char restore[256];	/* leave the alternate screen, show the cursor */
	size_t restore_len;
	struct sigaction old_winch, old_tstp, old_fatal[NFATAL];
	char *old_ctype;
	bool atexit_set;
} term;

void
tui_emergency_restore(void)
{
	ssize_t w;

	if (!term.on)
		return;
	term.on = 0;
	tcsetattr(STDIN_FILENO, TCSANOW, &term.shell);
	if (term.restore_len > 0)
		w = write(STDOUT_FILENO, term.restore, term.restore_len);
	w = write(STDOUT_FILENO, "\r\n", 2);
	(void)w;
}

/* ncurses installs its own resize handler only once per process, so the
 * dashboard catches SIGWINCH itself each time it opens. */
static volatile sig_atomic_t got_winch;

static void
on_winch(int sig)
{
	(void)sig;
	got_winch = 1;
}

static void
on_fatal(int sig)
{
	tui_emergency_restore();
	for (size_t i = 0; i < NFATAL; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &term.old_fatal[i], NULL);
	raise(sig);
}

static void
at_exit_restore(void)
{
	if (term.on) {
		endwin();
		term.on = 0;
	}
}

/* Append a terminfo string (if the terminal has it) to the restore bytes. */
static void
add_restore(const char *cap)
{
	char *s = tigetstr(cap);
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (term.restore_len + n < sizeof term.restore) {
		memcpy(term.restore + term.restore_len, s, n);
		term.restore_len += n;
	}
}

static bool
no_color(void)
{
	const char *v = getenv("NO_COLOR");

	return v != NULL && *v != '\0';
}

static int
term_open(struct tui *t, char *err, size_t errsize)
{
	struct sigaction sa;
	const char *type = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errsize, "needs a terminal (stdin and stdout are not both one)");
		return -1;
	}
	/* wide characters need the user's character set */
	term.old_ctype = xstrdup(setlocale(LC_CTYPE, NULL));
	if (strcmp(term.old_ctype, "C") == 0 || strcmp(term.old_ctype, "POSIX") == 0)
		setlocale(LC_CTYPE, "");
	t->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	tcgetattr(STDIN_FILENO, &term.shell);
	/* resizes come to on_winch; Ctrl-Z is ignored while the dashboard is
	 * up (a stopped process would leave the terminal in curses' mode);
	 * the REPL's own handlers come back when it closes */
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_winch;
	sigaction(SIGWINCH, &sa, &term.old_winch);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGTSTP, &sa, &term.old_tstp);
	got_winch = 0;
	/* one SCREEN for the whole run: opening again resumes it (delscreen
	 * would also lose the panel library's memory for that screen) */
	if (term.scr == NULL) {
		if (tui_term_known())
			term.scr = newterm(NULL, stdout, stdin);
	} else {
		struct winsize ws;
		set_term(term.scr);
		def_shell_mode();
		if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
		    ws.ws_col > 0)
			resize_term(ws.ws_row, ws.ws_col);
		clearok(curscr, TRUE);
	}
	if (term.scr == NULL) {
		sigaction(SIGWINCH, &term.old_winch, NULL);
		sigaction(SIGTSTP, &term.old_tstp, NULL);
		setlocale(LC_CTYPE, term.old_ctype);
		free(term.old_ctype);
		snprintf(err, errsize, "cannot use terminal type %s",
		    type && *type ? type : "(TERM is not set)");
		return -1;
	}
	set_term(term.scr);
	term.restore_len = 0;
	add_restore("sgr0");
	add_restore("cnorm");
	add_restore("rmcup");
	term.on = 1;
	if (!term.atexit_set) {
		atexit(at_exit_restore);
		term.atexit_set = true;
	}
	sa.sa_handler = on_fatal;
	for (size_t i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &sa, &term.old_fatal[i]);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	t->color = !no_color() && has_colors();
	if (t->color) {
		short bg;
		start_color();
		/* the terminal's own background when it has one */
		bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
		init_pair(TC_TITLE, COLOR_CYAN, bg);
		init_pair(TC_FOCUS, COLOR_YELLOW, bg);
		init_pair(TC_BAR, COLOR_GREEN, bg);
		init_pair(TC_WARN, COLOR_RED, bg);
		init_pair(TC_DIM, COLOR_BLUE, bg);
		init_pair(TC_GOOD, COLOR_GREEN, bg);
	}
	return 0;
}

static void
term_close(void)
{
	if (!term.on)
		return;
	endwin();
	term.on = 0;
	for (size_t i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &term.old_fatal[i], NULL);
	sigaction(SIGWINCH, &term.old_winch, NULL);
	sigaction(SIGTSTP, &term.old_tstp, NULL);
	setlocale(LC_CTYPE, term.old_ctype);
	free(term.old_ctype);
	term.old_ctype = NULL;
	/* the terminal may have been resized meanwhile (readline, once it
	 * runs, reads the size again) */
	if (rl_instream != NULL)
		rl_reset_screen_size();
}

/* ---- panels and layout ---- */

enum overlay { OV_NONE, OV_HELP, OV_DETAIL };

static struct tui T;
static enum overlay ov;
static struct tui_lines ov_lines;
static int ov_scroll;
static WINDOW *ov_win;
static PANEL *ov_pan;
static bool too_small;

#define MIN_W 40
#define MIN_H 12

static const struct tui_panel *const panel_kinds[] = {
	&tui_panel_dataset, &tui_panel_pipeline, &tui_panel_training,
	&tui_panel_leaderboard, &tui_panel_exposure
};
#define NPANELS (sizeof panel_kinds / sizeof panel_kinds[0])
enum { P_DATASET, P_PIPELINE, P_TRAINING, P_LEADERBOARD, P_EXPOSURE };

static void
drop_windows(void)
{
	for (size_t i = 0; i < T.npanels; i++) {
		if (T.panels[i].pan != NULL)
			del_panel(T.panels[i].pan);
		if (T.panels[i].win != NULL)
			delwin(T.panels[i].win);
		T.panels[i].pan = NULL;
		T.panels[i].win = NULL;
	}
	if (ov_pan != NULL)
		del_panel(ov_pan);
	if (ov_win != NULL)
		delwin(ov_win);
	ov_pan = NULL;
	ov_win = NULL;
}

/* Place the panels for the current size: two columns of dataset/pipeline
 * and training/leaderboard over a full-width exposure panel; one column of
 * five when the screen is narrow. */
static void
layout(void)
{
	int H = LINES - 2, W = COLS;

	drop_windows();
	too_small = LINES < MIN_H || COLS < MIN_W;
	if (too_small)
		return;
	if (W >= 60) {
		int h3 = H * 35 / 100 < 8 ? 8 : H * 35 / 100;
		int h1 = (H - h3) / 2, h2 = H - h3 - h1;
		int l = W / 2;
		int pos[NPANELS][4] = {
			{ 1, 0, h1, l }, { 1, l, h1, W - l },
			{ 1 + h1, 0, h2, l }, { 1 + h1, l, h2, W - l },
			{ 1 + h1 + h2, 0, h3, W }
		};
		for (size_t i = 0; i < NPANELS; i++) {
			T.panels[i].y = pos[i][0];
			T.panels[i].x = pos[i][1];
			T.panels[i].h = pos[i][2];
			T.panels[i].w = pos[i][3];
		}
	} else {
		int y = 1;
		for (size_t i = 0; i < NPANELS; i++) {
			int h = H / (int)NPANELS + ((int)i < H % (int)NPANELS);
			T.panels[i].y = y;
			T.panels[i].x = 0;
			T.panels[i].h = h;
			T.panels[i].w = W;
			y += h;
		}
	}
	for (size_t i = 0; i < T.npanels; i++) {
		struct tui_panel *p = &T.panels[i];
		p->win = newwin(p->h, p->w, p->y, p->x);
		p->pan = new_panel(p->win);
	}
	ov_win = newwin(LINES - 2, COLS, 1, 0);
	ov_pan = new_panel(ov_win);
	hide_panel(ov_pan);
}

static void
draw_panel(struct tui_panel *p, bool focused)
{
	WINDOW *w = p->win;
	int a = tui_attr(&T, focused ? TC_FOCUS : TC_NONE);

	werase(w);
	wattron(w, a);
	box(w, 0, 0);
	wattroff(w, a);
	a = tui_attr(&T, focused ? TC_FOCUS : TC_TITLE);
	if (focused && !T.color)
		a |= A_REVERSE;
	wattron(w, a);
	tui_printf(w, 0, 2, p->w - 4, " %s ", p->title);
	wattroff(w, a);
	if (p->h > 2 && p->w > 4)
		p->draw(&T, w, p->h, p->w);
}

static const char *
header_text(char *buf, size_t size)
{
	rs_dataset *ds = rs_workspace_data(T.src.ws);

	snprintf(buf, size, "reelscope dashboard — %s", ds != NULL && ds->source ?
	    ds->source : "no dataset loaded");
	return buf;
}

static void
draw_overlay(void)
{
	int h = LINES - 2, w = COLS, rows = h - 2;

	werase(ov_win);
	wattron(ov_win, tui_attr(&T, TC_FOCUS));
	box(ov_win, 0, 0);
	wattroff(ov_win, tui_attr(&T, TC_FOCUS));
	wattron(ov_win, tui_attr(&T, TC_TITLE));
	if (ov == OV_HELP)
		tui_put(ov_win, 0, 2, " Keys ", w - 4);
	else
		tui_printf(ov_win, 0, 2, w - 4, " %s — detail ",
		    T.panels[T.focus].title);
	wattroff(ov_win, tui_attr(&T, TC_TITLE));
	if (ov_scroll > (int)ov_lines.n - rows)
		ov_scroll = (int)ov_lines.n - rows;
	if (ov_scroll < 0)
		ov_scroll = 0;
	for (int r = 0; r < rows && (size_t)(ov_scroll + r) < ov_lines.n; r++)
		tui_put(ov_win, 1 + r, 2, ov_lines.v[ov_scroll + r], w - 4);
	if ((int)ov_lines.n > rows)
		tui_printf(ov_win, h - 1, w - 22, 20, " %d-%d of %zu ", ov_scroll + 1,
		    ov_scroll + rows < (int)ov_lines.n ? ov_scroll + rows :
		    (int)ov_lines.n, ov_lines.n);
	show_panel(ov_pan);
	top_panel(ov_pan);
}

static void
draw_all(void)
{
	char buf[512];

	erase();
	if (too_small) {
		tui_printf(stdscr, 0, 0, COLS, "too small: %dx%d, need %dx%d",
		    COLS, LINES, MIN_W, MIN_H);
		tui_put(stdscr, 1, 0, "q: back", COLS);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	attron(tui_attr(&T, TC_TITLE));
	tui_put(stdscr, 0, 0, header_text(buf, sizeof buf), COLS - 16);
	attroff(tui_attr(&T, TC_TITLE));
	tui_put(stdscr, 0, COLS - 14, "? keys  q back", 14);
	if (T.live.on)
		snprintf(buf, sizeof buf, "training %s: q or Ctrl-C stops and keeps the best epoch  Tab moves  ? keys",
		    T.live.model ? T.live.model->name : "");
	else if (ov == OV_DETAIL)
		snprintf(buf, sizeof buf, "↑↓ PgUp PgDn scroll  Esc or Enter closes  q closes");
	else
		snprintf(buf, sizeof buf, "Tab/arrows move  Enter detail  ? keys  q back to the REPL");
	tui_put(stdscr, LINES - 1, 0, buf, COLS);
	wnoutrefresh(stdscr);
	for (size_t i = 0; i < T.npanels; i++)
		draw_panel(&T.panels[i], i == T.focus && ov == OV_NONE);
	if (ov == OV_DETAIL && T.live.on) {
		/* a live detail grows with the training */
		tui_lines_free(&ov_lines);
		T.panels[T.focus].detail(&T, &ov_lines);
	}
	if (ov != OV_NONE)
		draw_overlay();
	else
		hide_panel(ov_pan);
	update_panels();
	doupdate();
}

/* ---- keys ---- */

enum action { ACT_NEXT, ACT_PREV, ACT_LEFT, ACT_RIGHT, ACT_UP, ACT_DOWN, ACT_DETAIL,
	ACT_HELP, ACT_CLOSE, ACT_QUIT, ACT_REDRAW, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END };

static const struct binding {
	int key;
	bool fkey;		/* a KEY_ code, not a character */
	enum action act;
	const char *name, *help;
} bindings[] = {
	{ '\t', false, ACT_NEXT, "Tab", "next panel" },
	{ KEY_BTAB, true, ACT_PREV, "Shift-Tab", "previous panel" },
	{ KEY_LEFT, true, ACT_LEFT, "←", "panel to the left" },
	{ KEY_RIGHT, true, ACT_RIGHT, "→", "panel to the right" },
	{ KEY_UP, true, ACT_UP, "↑", "panel above (in a detail view: scroll)" },
	{ KEY_DOWN, true, ACT_DOWN, "↓", "panel below (in a detail view: scroll)" },
	{ 'h', false, ACT_LEFT, NULL, NULL },
	{ 'l', false, ACT_RIGHT, NULL, NULL },
	{ 'k', false, ACT_UP, NULL, NULL },
	{ 'j', false, ACT_DOWN, NULL, NULL },
	{ KEY_PPAGE, true, ACT_PGUP, "PgUp", "scroll a detail view up" },
	{ KEY_NPAGE, true, ACT_PGDN, "PgDn", "scroll a detail view down" },
	{ KEY_HOME, true, ACT_HOME, NULL, NULL },
	{ KEY_END, true, ACT_END, NULL, NULL },
	{ '\r', false, ACT_DETAIL, "Enter", "open the focused panel's detail (again: close it)" },
	{ '\n', false, ACT_DETAIL, NULL, NULL },
	{ KEY_ENTER, true, ACT_DETAIL, NULL, NULL },
	{ '?', false, ACT_HELP, "?", "show these keys" },
	{ 27, false, ACT_CLOSE, "Esc", "close the detail or this help" },
	{ 'q', false, ACT_QUIT, "q", "close the detail or help; else back to the REPL" },
	{ 'Q', false, ACT_QUIT, NULL, NULL },
	{ 12, false, ACT_REDRAW, "Ctrl-L", "redraw the screen" },
	{ KEY_RESIZE, true, ACT_REDRAW, NULL, NULL },
	{ 0, false, 0, NULL, NULL }
};

static void
open_help(void)
{
	tui_lines_free(&ov_lines);
	for (const struct binding *b = bindings; b->key != 0 || b->name; b++)
		if (b->name != NULL)
			tui_lines_add(&ov_lines, "%s%*s %s", b->name,
			    10 - tui_width(b->name), "", b->help);
	tui_lines_add(&ov_lines, "%s", "");
	if (T.live.on)
		tui_lines_add(&ov_lines, "While training: q or Ctrl-C stops it; the best epoch so far is kept.");
	else
		tui_lines_add(&ov_lines, "train NAME model=KIND --watch shows training live here.");
	tui_lines_add(&ov_lines, "Panels: dataset, pipeline, training, leaderboard, creator exposure.");
	ov = OV_HELP;
	ov_scroll = 0;
}

static void
open_detail(void)
{
	tui_lines_free(&ov_lines);
	T.panels[T.focus].detail(&T, &ov_lines);
	if (ov_lines.n == 0)
		tui_lines_add(&ov_lines, "(nothing more to show)");
	ov = OV_DETAIL;
	ov_scroll = 0;
}

/* The panel nearest the focused one in direction (dx, dy), by centres. */
static void
move_focus(int dx, int dy)
{
	const struct tui_panel *f = &T.panels[T.focus];
	double fx = f->x + f->w / 2.0, fy = f->y + f->h / 2.0, best = INFINITY;
	size_t to = T.focus;

	for (size_t i = 0; i < T.npanels; i++) {
		const struct tui_panel *p = &T.panels[i];
		double px = p->x + p->w / 2.0, py = p->y + p->h / 2.0;
		double along = dx ? (px - fx) * dx : (py - fy) * dy;
		double across = dx ? fabs(py - fy) : fabs(px - fx);
		/* wholly on that side; overlapping in the other axis counts
		 * as straight ahead */
		bool ahead = dx < 0 ? p->x + p->w <= f->x : dx > 0 ?
		    p->x >= f->x + f->w : dy < 0 ? p->y + p->h <= f->y :
		    p->y >= f->y + f->h;
		double d;
		if (i == T.focus || !ahead || along <= 0)
			continue;
		if (dx && p->y < f->y + f->h && f->y < p->y + p->h)
			across = 0;
		if (dy && p->x < f->x + f->w && f->x < p->x + p->w)
			across = 0;
		d = along + 2 * across;
		if (d < best) {
			best = d;
			to = i;
		}
	}
	T.focus = to;
}

/* Act on one key; returns true when the dashboard should close. */
static bool
handle_key(int key, bool fkey)
{
	const struct binding *b;
	int page = LINES - 5;

	for (b = bindings; b->key != 0 || b->name; b++)
		if (b->key == key && b->fkey == fkey)
			break;
	if (b->key == 0 && b->name == NULL)
		return false;
	if (key == KEY_RESIZE) {
		/* the terminal may have moved what it showed: paint it all */
		layout();
		clearok(curscr, TRUE);
		return false;
	}
	if (ov != OV_NONE) {
		switch (b->act) {
		case ACT_UP:
			ov_scroll--;
			break;
		case ACT_DOWN:
			ov_scroll++;
			break;
		case ACT_PGUP:
			ov_scroll -= page;
			break;
		case ACT_PGDN:
			ov_scroll += page;
			break;
		case ACT_HOME:
			ov_scroll = 0;
			break;
		case ACT_END:
			ov_scroll = (int)ov_lines.n;
			break;
		case ACT_HELP:
			open_help();
			break;
		case ACT_REDRAW:
			clearok(curscr, TRUE);
			break;
		case ACT_DETAIL:
		case ACT_CLOSE:
		case ACT_QUIT:
			ov = OV_NONE;
			break;
		default:
			break;
		}
		return false;
	}
	switch (b->act) {
	case ACT_NEXT:
		T.focus = (T.focus + 1) % T.npanels;
		break;
	case ACT_PREV:
		T.focus = (T.focus + T.npanels - 1) % T.npanels;
		break;
	case ACT_LEFT:
		move_focus(-1, 0);
		break;
	case ACT_RIGHT:
		move_focus(1, 0);
		break;
	case ACT_UP:
		move_focus(0, -1);
		break;
	case ACT_DOWN:
		move_focus(0, 1);
		break;
	case ACT_DETAIL:
		if (!too_small)
			open_detail();
		break;
	case ACT_HELP:
		if (!too_small)
			open_help();
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_QUIT:
		return true;
	default:
		break;
	}
	return false;
}

/* Read one key within timeout ms; false when none came. A resize is
 * reported as KEY_RESIZE after curses learnt the new size. */
static bool
read_key(int timeout, int *key, bool *fkey)
{
	wint_t wc;
	int r;

	if (got_winch) {
		struct winsize ws;
		got_winch = 0;
		if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
		    ws.ws_col > 0)
			resize_term(ws.ws_row, ws.ws_col);
		*key = KEY_RESIZE;
		*fkey = true;
		return true;
	}

	timeout(timeout);
	r = get_wch(&wc);
	if (r == ERR)
		return false;
	*fkey = r == KEY_CODE_YES;
	*key = (int)wc;
	return true;
}

/* ---- opening and closing ---- */

static void
dash_open(const struct tui_source *src)
{
	memset(&T, 0, sizeof T);
	T.src = *src;
	T.npanels = NPANELS;
	T.panels = xcalloc(NPANELS, sizeof *T.panels);
	for (size_t i = 0; i < NPANELS; i++)
		T.panels[i] = *panel_kinds[i];
	ov = OV_NONE;
	ov_scroll = 0;
}

static void
dash_prepare(void)
{
	rs_dataset *ds = rs_workspace_data(T.src.ws);
	rs_error err;

	if (ds != NULL) {
		T.desc = xcalloc(1, sizeof *T.desc);
		if (rs_describe_dataset(ds, T.desc, &err) != 0) {
			free(T.desc);
			T.desc = NULL;
		}
	}
	tui_exposure_prepare(&T);
}

static void
dash_close(void)
{
	drop_windows();
	tui_lines_free(&ov_lines);
	if (T.desc != NULL) {
		rs_describe_free(T.desc);
		free(T.desc);
	}
	if (T.audit != NULL && T.audit_free != NULL)
		T.audit_free(T.audit);
	free(T.panels);
	memset(&T, 0, sizeof T);
	term_close();
}

int
tui_dashboard(const struct tui_source *src, char *err, size_t errsize)
{
	if (term.on) {
		snprintf(err, errsize, "already open");
		return -1;
	}
	dash_open(src);
	if (term_open(&T, err, errsize) != 0) {
		free(T.panels);
		memset(&T, 0, sizeof T);
		return -1;
	}
	/* a first frame before the figures are worked out */
	layout();
	draw_all();
	dash_prepare();
	for (;;) {
		int key;
		bool fkey;
		draw_all();
		if (*T.src.terminated || *T.src.interrupted)
			break;
		if (!read_key(250, &key, &fkey))
			continue;
		if (handle_key(key, fkey))
			break;
	}
	dash_close();
	return 0;
}

/* ---- live training ---- */

int
tui_watch_begin(const struct tui_source *src, const struct rs_model *m,
    char *err, size_t errsize)
{
	if (term.on) {
		snprintf(err, errsize, "already open");
		return -1;
	}
	dash_open(src);
	if (term_open(&T, err, errsize) != 0) {
		free(T.panels);
		memset(&T, 0, sizeof T);
		return -1;
	}
	T.live.on = true;
	T.live.model = m;
	T.live.start = rs_clock_wall();
	T.focus = P_TRAINING;
	layout();
	draw_all();
	dash_prepare();
	draw_all();
	return 0;
}

bool
tui_watching(void)
{
	return T.live.on && term.on;
}

int
tui_watch_progress(const char *task, double done, double total)
{
	double t = rs_clock_wall();
	int key;
	bool fkey;

	if (!tui_watching())
		return 0;
	if (strcmp(T.live.task, task) != 0) {
		snprintf(T.live.task, sizeof T.live.task, "%s", task);
		T.live.start = t;
	}
	T.live.done = done;
	T.live.total = total;
	while (read_key(0, &key, &fkey))
		if (handle_key(key, fkey) && ov == OV_NONE)
			T.live.stop = true;
	if (*T.src.interrupted)
		T.live.stop = true;
	/* ten frames a second at most: fast epochs are not slowed by drawing */
	if (t - T.live.last_draw >= 0.1 || done >= total || T.live.stop) {
		draw_all();
		T.live.last_draw = t;
	}
	return T.live.stop;
}

bool
tui_watch_end(void)
{
	bool stopped = T.live.stop;

	if (!T.live.on)
		return false;
	dash_close();
	return stopped;
}
