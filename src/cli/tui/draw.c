/* Dashboard drawing helpers: width-aware text, bars, sparklines, braille plots, counts. */
#include "config.h"

#define RS_TUI_INTERNAL
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cli/tui/tui.h"
#include "util/xmalloc.h"

void
tui_lines_add(struct tui_lines *l, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = xstrdup("");
	va_end(ap);
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 32;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = s;
}

void
tui_lines_free(struct tui_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
tui_attr(const struct tui *t, enum tui_color c)
{
	if (!t->color) {
		switch (c) {
		case TC_TITLE:
		case TC_WARN:
		case TC_FOCUS:
			return A_BOLD;
		case TC_DIM:
			return A_DIM;
		default:
			return A_NORMAL;
		}
	}
	if (c == TC_NONE)
		return A_NORMAL;
	return COLOR_PAIR(c) | (c == TC_TITLE || c == TC_FOCUS ? A_BOLD : 0);
}

/* Decode UTF-8 s into wide characters, one per screen glyph; bytes that do
 * not decode and control characters become '?'. Returns the count. */
static size_t
decode(const char *s, wchar_t **out, int **widths)
{
	size_t len = strlen(s), n = 0;
	wchar_t *wc = xcalloc(len + 1, sizeof *wc);
	int *wd = xcalloc(len + 1, sizeof *wd);
	mbstate_t st;

	memset(&st, 0, sizeof st);
	while (*s) {
		wchar_t c;
		size_t k = mbrtowc(&c, s, len, &st);
		int cw;
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&st, 0, sizeof st);
			c = L'?';
			k = 1;
		}
		cw = wcwidth(c);
		if (cw < 0 || c == L'\t' || c == L'\n') {
			c = L'?';
			cw = 1;
		}
		wc[n] = c;
		wd[n++] = cw;
		s += k;
		len -= k;
	}
	*out = wc;
	*widths = wd;
	return n;
}

int
tui_width(const char *s)
{
	wchar_t *wc;
	int *wd, total = 0;
	size_t n = decode(s, &wc, &wd);

	for (size_t i = 0; i < n; i++)
		total += wd[i];
	free(wc);
	free(wd);
	return total;
}

int
tui_put(WINDOW *w, int y, int x, const char *s, int maxw)
{
	wchar_t *wc, ell = MB_CUR_MAX > 1 ? L'\u2026' : L'~';
	int *wd, total = 0, used = 0;
	size_t n, k = 0;

	if (maxw <= 0 || s == NULL)
		return 0;
	n = decode(s, &wc, &wd);
	for (size_t i = 0; i < n; i++)
		total += wd[i];
	if (total <= maxw) {
		k = n;
		used = total;
	} else {
		/* cut before the glyph that would leave no room for the mark */
		while (k < n && used + wd[k] <= maxw - 1)
			used += wd[k++];
		while (k < n && wd[k] == 0)	/* keep combining marks */
			k++;
	}
	if (k > 0)
		mvwaddnwstr(w, y, x, wc, (int)k);
	else
		wmove(w, y, x);
	if (k < n) {
		waddnwstr(w, &ell, 1);
		used++;
	}
	free(wc);
	free(wd);
	return used;
}

int
tui_printf(WINDOW *w, int y, int x, int maxw, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return tui_put(w, y, x, buf, maxw);
}

void
tui_bar(const struct tui *t, WINDOW *w, int y, int x, int wd, double frac)
{
	int eighths, full, part;

	if (wd <= 0)
		return;
	if (!(frac > 0))
		frac = 0;
	if (frac > 1)
		frac = 1;
	eighths = (int)lround(frac * wd * 8);
	full = eighths / 8;
	part = eighths % 8;
	wattron(w, tui_attr(t, TC_BAR));
	wmove(w, y, x);
	for (int i = 0; i < full; i++) {
		if (t->utf8) {
			wchar_t c = L'\u2588';
			waddnwstr(w, &c, 1);
		} else
			waddch(w, '#');
	}
	if (part > 0 && full < wd) {
		if (t->utf8) {
			wchar_t c = (wchar_t)(0x2590 - part);
			waddnwstr(w, &c, 1);
		} else if (part >= 4)
			waddch(w, '#');
	}
	wattroff(w, tui_attr(t, TC_BAR));
}

void
tui_sparkline(const struct tui *t, WINDOW *w, int y, int x, int wd,
    const double *v, size_t n)
{
	static const char ascii[] = "_.-~=+*#";
	size_t from = n > (size_t)wd ? n - (size_t)wd : 0;
	double lo = INFINITY, hi = -INFINITY;

	for (size_t i = from; i < n; i++)
		if (isfinite(v[i])) {
			lo = fmin(lo, v[i]);
			hi = fmax(hi, v[i]);
		}
	wmove(w, y, x);
	wattron(w, tui_attr(t, TC_BAR));
	for (size_t i = from; i < n; i++) {
		int level;
		if (!isfinite(v[i])) {
			waddch(w, ' ');
			continue;
		}
		level = hi > lo ? (int)lround((v[i] - lo) / (hi - lo) * 7) : 3;
		if (t->utf8) {
			wchar_t c = (wchar_t)(0x2581 + level);
			waddnwstr(w, &c, 1);
		} else
			waddch(w, (chtype)ascii[level]);
	}
	wattroff(w, tui_attr(t, TC_BAR));
}

/* Set the dot (px, py) of a canvas of cw x ch cells (py = 0 at the top). */
static void
dot(uint8_t *cells, int cw, int ch, int px, int py, bool utf8)
{
	static const uint8_t bit[4][2] = { { 0x01, 0x08 }, { 0x02, 0x10 },
		{ 0x04, 0x20 }, { 0x40, 0x80 } };
	int dx = utf8 ? 2 : 1, dy = utf8 ? 4 : 1;

	if (px < 0 || py < 0 || px >= cw * dx || py >= ch * dy)
		return;
	if (utf8)
		cells[(py / 4) * cw + px / 2] |= bit[py % 4][px % 2];
	else
		cells[py * cw + px] = 1;
}

void
tui_plot(const struct tui *t, WINDOW *w, int y, int x, int h, int wd,
    const double *const *xs, const double *const *ys, const size_t *npts,
    size_t ncurves, struct tui_lines *out)
{
	int dx = t->utf8 ? 2 : 1, dy = t->utf8 ? 4 : 1;
	int W = wd * dx, H = h * dy;
	uint8_t *cells;

	if (h <= 0 || wd <= 0)
		return;
	cells = xcalloc((size_t)h * wd, 1);
	for (size_t c = 0; c < ncurves; c++)
		for (size_t i = 0; i < npts[c]; i++) {
			/* a segment from the previous point, in dot steps */
			double x1 = xs[c][i] * (W - 1), y1 = (1 - ys[c][i]) * (H - 1);
			double x0 = i ? xs[c][i - 1] * (W - 1) : x1;
			double y0 = i ? (1 - ys[c][i - 1]) * (H - 1) : y1;
			int steps = (int)ceil(fmax(fabs(x1 - x0), fabs(y1 - y0)));
			if (steps < 1)
				steps = 1;
			for (int k = 0; k <= steps; k++) {
				double f = (double)k / steps;
				dot(cells, wd, h, (int)lround(x0 + f * (x1 - x0)),
				    (int)lround(y0 + f * (y1 - y0)), t->utf8);
			}
		}
	for (int r = 0; r < h; r++) {
		char line[4096];
		size_t len = 0;
		for (int col = 0; col < wd && len + 4 < sizeof line; col++) {
			uint8_t b = cells[(size_t)r * wd + col];
			if (b == 0)
				line[len++] = ' ';
			else if (!t->utf8)
				line[len++] = '*';
			else {
				unsigned cp = 0x2800u + b;
				line[len++] = (char)(0xE0 | (cp >> 12));
				line[len++] = (char)(0x80 | ((cp >> 6) & 0x3F));
				line[len++] = (char)(0x80 | (cp & 0x3F));
			}
		}
		line[len] = '\0';
		if (out != NULL)
			tui_lines_add(out, "%s", line);
		else {
			wattron(w, tui_attr(t, TC_BAR));
			tui_put(w, y + r, x, line, wd);
			wattroff(w, tui_attr(t, TC_BAR));
		}
	}
	free(cells);
}

const char *
tui_count(char *buf, size_t size, double v)
{
	char raw[64], *p = raw;
	size_t n, len = 0, lead;

	if (!isfinite(v)) {
		snprintf(buf, size, "-");
		return buf;
	}
	snprintf(raw, sizeof raw, "%.0f", fabs(v));
	n = strlen(raw);
	if (v < 0 && len + 1 < size)
		buf[len++] = '-';
	lead = n % 3 ? n % 3 : 3;
	for (size_t i = 0; i < n && len + 2 < size; i++) {
		if (i > 0 && (i - lead) % 3 == 0 && i >= lead)
			buf[len++] = ',';
		buf[len++] = p[i];
	}
	buf[len] = '\0';
	return buf;
}
