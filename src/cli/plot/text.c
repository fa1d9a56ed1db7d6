/* The built-in text renderer: draws a plot description in characters when gnuplot is not there. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/plot/plot.h"
#include "util/xmalloc.h"

/* Marks of the series in turn; guides (y = x) are dotted. */
static const char marks[] = "*+xo#@%&";

struct range {
	double lo, hi;
	bool any;
};

static void
range_add(struct range *r, double v)
{
	if (!isfinite(v))
		return;
	if (!r->any || v < r->lo)
		r->lo = v;
	if (!r->any || v > r->hi)
		r->hi = v;
	r->any = true;
}

/* Fix an empty or flat range, then apply the spec's limits. */
static void
range_finish(struct range *r, double lo, double hi)
{
	if (!r->any) {
		r->lo = 0;
		r->hi = 1;
	}
	if (!isnan(lo))
		r->lo = lo;
	if (!isnan(hi))
		r->hi = hi;
	if (r->hi <= r->lo) {
		double pad = r->lo != 0 ? fabs(r->lo) * 0.5 : 1;
		r->lo -= pad;
		r->hi += pad;
	}
}

/* Columns a UTF-8 code point takes: 2 for East Asian wide ones. */
static int
cp_width(unsigned cp)
{
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

/* Bytes of s that fit in max columns (control characters count as one
 * and are shown as spaces); *cols gets the columns they take. */
static size_t
fit(const char *s, int max, int *cols)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	int w = 0;

	while (p[i]) {
		unsigned cp = p[i];
		size_t len = 1;
		int cw;
		if (cp >= 0xF0 && p[i + 1] && p[i + 2] && p[i + 3]) {
			cp = ((cp & 7u) << 18) | ((p[i + 1] & 63u) << 12) |
			    ((p[i + 2] & 63u) << 6) | (p[i + 3] & 63u);
			len = 4;
		} else if (cp >= 0xE0 && p[i + 1] && p[i + 2]) {
			cp = ((cp & 15u) << 12) | ((p[i + 1] & 63u) << 6) | (p[i + 2] & 63u);
			len = 3;
		} else if (cp >= 0xC0 && p[i + 1]) {
			cp = ((cp & 31u) << 6) | (p[i + 1] & 63u);
			len = 2;
		}
		cw = cp_width(cp);
		if (w + cw > max)
			break;
		w += cw;
		i += len;
	}
	*cols = w;
	return i;
}

/* Append s within max columns, control characters as spaces. */
static int
put_fit(struct strbuf *sb, const char *s, int max)
{
	int cols;
	size_t n = fit(s, max, &cols);

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		sb_putc(sb, c < 0x20 || c == 0x7F ? ' ' : (char)c);
	}
	return cols;
}

static void
put_spaces(struct strbuf *sb, int n)
{
	while (n-- > 0)
		sb_putc(sb, ' ');
}

/* A line of width columns holding s centred. */
static void
put_centred(struct strbuf *sb, const char *s, int width)
{
	int cols;

	fit(s, width, &cols);
	put_spaces(sb, (width - cols) / 2);
	cols = put_fit(sb, s, width);
	put_spaces(sb, width - cols - (width - cols) / 2);
	sb_putc(sb, '\n');
}

static void
fmt_tick(double v, char *buf, size_t size)
{
	if (fabs(v) < 1e-12)
		v = 0;
	snprintf(buf, size, "%.4g", v);
}

struct canvas {
	int w, h;		/* cells */
	char *cell;		/* h rows of w */
};

static void
put_cell(struct canvas *cv, int col, int row, char c)
{
	if (col >= 0 && col < cv->w && row >= 0 && row < cv->h)
		cv->cell[(size_t)row * (size_t)cv->w + (size_t)col] = c;
}

struct axes {
	struct range x, y;
	struct canvas *cv;
};

static double
col_of(const struct axes *a, double x)
{
	return (x - a->x.lo) / (a->x.hi - a->x.lo) * (a->cv->w - 1);
}

static double
row_of(const struct axes *a, double y)
{
	return (a->cv->h - 1) - (y - a->y.lo) / (a->y.hi - a->y.lo) * (a->cv->h - 1);
}

/* A straight line between two points, one mark per cell it crosses. */
static void
draw_segment(const struct axes *a, double x0, double y0, double x1, double y1,
    char c)
{
	double c0 = col_of(a, x0), r0 = row_of(a, y0);
	double c1 = col_of(a, x1), r1 = row_of(a, y1);
	double steps = fmax(fabs(c1 - c0), fabs(r1 - r0));
	int n = steps > 4 * (a->cv->w + a->cv->h) ? 4 * (a->cv->w + a->cv->h) :
	    (int)ceil(steps);

	for (int i = 0; i <= n; i++) {
		double t = n > 0 ? (double)i / n : 0;
		put_cell(a->cv, (int)lround(c0 + t * (c1 - c0)),
		    (int)lround(r0 + t * (r1 - r0)), c);
	}
}

/* Half the width of bin i of a step or box series. */
static double
half_bin(const struct plot_series *s, size_t i, double boxwidth)
{
	if (boxwidth > 0)
		return boxwidth / 2;
	if (s->n < 2)
		return 0.5;
	if (i + 1 < s->n)
		return (s->x[i + 1] - s->x[i]) / 2;
	return (s->x[i] - s->x[i - 1]) / 2;
}

static void
draw_series(const struct axes *a, const struct plot_series *s, char c,
    double boxwidth)
{
	bool prev = false;

	for (size_t i = 0; i < s->n; i++) {
		double x = s->x[i], y = s->y[i];
		if (!isfinite(x) || !isfinite(y)) {
			prev = false;
			continue;
		}
		switch (s->style) {
		case PS_BOXES: {
			double hw = half_bin(s, i, boxwidth);
			double base = a->y.lo > 0 ? a->y.lo : (a->y.hi < 0 ? a->y.hi : 0);
			int from = (int)lround(col_of(a, x - hw)) + 1;
			int to = (int)lround(col_of(a, x + hw)) - 1;
			int top = (int)lround(row_of(a, y)), bot = (int)lround(row_of(a, base));
			if (y == base)
				break;	/* an empty bin draws nothing */
			if (to < from)
				from = to = (int)lround(col_of(a, x));
			if (top > bot) {
				int t = top;
				top = bot;
				bot = t;
			}
			for (int col = from; col <= to; col++)
				for (int row = top; row <= bot; row++)
					put_cell(a->cv, col, row, c);
			break;
		}
		case PS_STEPS: {
			double hw = half_bin(s, i, 0);
			draw_segment(a, x - hw, y, x + hw, y, c);
			if (prev)	/* the riser from the bin before */
				draw_segment(a, x - hw, s->y[i - 1], x - hw, y, c);
			break;
		}
		case PS_POINTS:
			put_cell(a->cv, (int)lround(col_of(a, x)), (int)lround(row_of(a, y)), c);
			break;
		case PS_LINES:
		case PS_LINESPOINTS:
		case PS_REFERENCE:
			if (prev)
				draw_segment(a, s->x[i - 1], s->y[i - 1], x, y, c);
			else
				put_cell(a->cv, (int)lround(col_of(a, x)),
				    (int)lround(row_of(a, y)), c);
			break;
		}
		prev = true;
	}
}

static char
mark_of(const struct plot_spec *p, size_t k)
{
	size_t n = 0;

	if (p->series[k].style == PS_REFERENCE)
		return '.';
	for (size_t i = 0; i < k; i++)
		n += p->series[i].style != PS_REFERENCE;
	return marks[n % (sizeof marks - 1)];
}

/* The labels: to the right of their point, in ASCII ('?' for the rest),
 * cut at the plot's edge. */
static void
draw_labels(const struct plot_spec *p, struct range xr, struct range y1,
    struct canvas *cv)
{
	for (size_t i = 0; i < p->nlabels; i++) {
		const struct plot_label *l = &p->labels[i];
		struct axes a = { xr, y1, cv };
		int col, row;
		if (!isfinite(l->x) || !isfinite(l->y))
			continue;
		col = (int)lround(col_of(&a, l->x)) + 2;
		row = (int)lround(row_of(&a, l->y));
		for (const unsigned char *q = (const unsigned char *)l->text;
		    *q && col < cv->w; q++) {
			if ((*q & 0xC0) == 0x80)
				continue;	/* the rest of a UTF-8 sequence */
			put_cell(cv, col++, row, *q >= 0x20 && *q < 0x7F ? (char)*q : '?');
		}
	}
}

/* The x tick line under a plot cw columns wide starting at column left:
 * low, middle and high values, each dropped when it would overlap. */
static void
put_x_ticks(struct strbuf *out, struct range xr, int left, int cw, int width)
{
	char xl[32], xm[32], xh[32];
	int pos = 0, target;

	fmt_tick(xr.lo, xl, sizeof xl);
	fmt_tick((xr.lo + xr.hi) / 2, xm, sizeof xm);
	fmt_tick(xr.hi, xh, sizeof xh);
	target = left - (int)strlen(xl) / 2;
	put_spaces(out, target);
	sb_puts(out, xl);
	pos = target + (int)strlen(xl);
	target = left + cw / 2 - (int)strlen(xm) / 2;
	if (target > pos) {
		put_spaces(out, target - pos);
		sb_puts(out, xm);
		pos = target + (int)strlen(xm);
	}
	target = left + cw - (int)strlen(xh);
	if (target > pos) {
		put_spaces(out, target - pos);
		sb_puts(out, xh);
		pos = target + (int)strlen(xh);
	}
	put_spaces(out, width - pos);
	sb_putc(out, '\n');
}

/* The first nlegend titled series, one a line with their mark. */
static void
put_legend(struct strbuf *out, const struct plot_spec *p, int nlegend, int width)
{
	for (size_t k = 0, shown = 0; k < p->nseries && (int)shown < nlegend; k++) {
		const struct plot_series *s = &p->series[k];
		int cols;
		if (*s->title == '\0')
			continue;
		sb_printf(out, "  %c ", mark_of(p, k));
		cols = put_fit(out, s->title, width - 4);
		put_spaces(out, width - 4 - cols);
		sb_putc(out, '\n');
		shown++;
	}
}

void
plot_text(const struct plot_spec *p, int width, int height, struct strbuf *out)
{
	struct range xr = { 0, 0, false }, y1 = { 0, 0, false }, y2 = { 0, 0, false };
	bool has_y2 = false, boxes = false;
	char lo[32], mid[32], hi[32], lo2[32] = "", mid2[32] = "", hi2[32] = "";
	int left, right = 0, rows, nlegend = 0, head;
	struct canvas cv;

	if (width < 30)
		width = 30;
	if (height < 10)
		height = 10;
	for (size_t k = 0; k < p->nseries; k++) {
		const struct plot_series *s = &p->series[k];
		has_y2 |= s->axis == 2;
		boxes |= s->style == PS_BOXES;
		nlegend += *s->title != '\0';
		for (size_t i = 0; i < s->n; i++) {
			if (!isfinite(s->y[i]))
				continue;
			range_add(&xr, s->x[i]);
			range_add(s->axis == 2 ? &y2 : &y1, s->y[i]);
			if (s->style == PS_BOXES || s->style == PS_STEPS) {
				double hw = half_bin(s, i, s->style == PS_BOXES ? p->boxwidth : 0);
				range_add(&xr, s->x[i] - hw);
				range_add(&xr, s->x[i] + hw);
			}
		}
	}
	if (boxes)
		range_add(&y1, 0);	/* bars stand on zero */
	range_finish(&xr, p->xmin, p->xmax);
	range_finish(&y1, p->ymin, p->ymax);
	range_finish(&y2, NAN, NAN);

	/* rows: title, axis labels, the plot, its bottom edge, x ticks, x label,
	 * the legend; the plot keeps at least 4 rows, the legend gives way */
	head = (*p->title != '\0') + (*p->ylabel != '\0' || *p->y2label != '\0');
	rows = height - head - 2 - (*p->xlabel != '\0') - nlegend;
	if (rows < 4) {
		nlegend -= 4 - rows;
		if (nlegend < 0)
			nlegend = 0;
		rows = 4;
	}
	/* tick labels on the top, middle and bottom rows, valued there */
	fmt_tick(y1.hi, hi, sizeof hi);
	fmt_tick(y1.hi - (y1.hi - y1.lo) * (rows / 2) / (rows - 1), mid, sizeof mid);
	fmt_tick(y1.lo, lo, sizeof lo);
	left = (int)fmax(fmax(strlen(hi), strlen(mid)), strlen(lo)) + 1;
	if (has_y2) {
		fmt_tick(y2.hi, hi2, sizeof hi2);
		fmt_tick(y2.hi - (y2.hi - y2.lo) * (rows / 2) / (rows - 1), mid2,
		    sizeof mid2);
		fmt_tick(y2.lo, lo2, sizeof lo2);
		right = (int)fmax(fmax(strlen(hi2), strlen(mid2)), strlen(lo2)) + 1;
	}
	cv.w = width - left - 1 - (has_y2 ? right + 1 : 1);
	cv.h = rows;
	cv.cell = xmalloc((size_t)cv.w * (size_t)cv.h);
	memset(cv.cell, ' ', (size_t)cv.w * (size_t)cv.h);

	/* guides first, so that the data draws over them */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < p->nseries; k++) {
			const struct plot_series *s = &p->series[k];
			struct axes a = { xr, s->axis == 2 ? y2 : y1, &cv };
			if ((s->style == PS_REFERENCE) == (pass == 0))
				draw_series(&a, s, mark_of(p, k), p->boxwidth);
		}

	draw_labels(p, xr, y1, &cv);
	if (*p->title)
		put_centred(out, p->title, width);
	if (head > (*p->title != '\0')) {
		int cols = put_fit(out, p->ylabel, width / 2);
		int w2, n2 = (int)fit(p->y2label, width - cols - 1, &w2);
		put_spaces(out, width - cols - w2);
		sb_add(out, p->y2label, (size_t)n2);
		sb_putc(out, '\n');
	}
	for (int row = 0; row < cv.h; row++) {
		const char *lab = row == 0 ? hi : row == cv.h / 2 ? mid :
		    row == cv.h - 1 ? lo : "";
		const char *lab2 = row == 0 ? hi2 : row == cv.h / 2 ? mid2 :
		    row == cv.h - 1 ? lo2 : "";
		sb_printf(out, "%*s|", left - 1, lab);
		sb_add(out, cv.cell + (size_t)row * (size_t)cv.w, (size_t)cv.w);
		sb_putc(out, '|');
		if (has_y2)
			sb_printf(out, "%-*s", right, lab2);
		sb_putc(out, '\n');
	}
	put_spaces(out, left - 1);
	sb_putc(out, '+');
	for (int i = 0; i < cv.w; i++)
		sb_putc(out, '-');
	sb_putc(out, '+');
	put_spaces(out, has_y2 ? right : 0);
	sb_putc(out, '\n');
	put_x_ticks(out, xr, left, cv.w, width);
	if (*p->xlabel)
		put_centred(out, p->xlabel, width);
	put_legend(out, p, nlegend, width);
	free(cv.cell);
}
