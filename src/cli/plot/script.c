/* gnuplot scripts from plot descriptions: terminal, labels, data blocks or a data file, one plot command. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/plot/plot.h"
#include "util/xmalloc.h"

/* Longest label or title kept; gnuplot would only clip it anyway. */
#define GP_TEXT_MAX 240

static void
put_num(struct strbuf *sb, double x)
{
	sb_printf(sb, "%.10g", x);
}

/* Points of one series, one "x y" per line; a NaN y ends a line. */
static void
put_points(struct strbuf *sb, const struct plot_series *s)
{
	bool gap = false;

	for (size_t i = 0; i < s->n; i++) {
		if (!isfinite(s->x[i]) || !isfinite(s->y[i])) {
			if (!gap && i > 0)
				sb_putc(sb, '\n');	/* a blank line breaks the line */
			gap = true;
			continue;
		}
		gap = false;
		put_num(sb, s->x[i]);
		sb_putc(sb, ' ');
		put_num(sb, s->y[i]);
		sb_putc(sb, '\n');
	}
}

static void
put_range(struct strbuf *sb, const char *axis, double lo, double hi)
{
	if (isnan(lo) && isnan(hi))
		return;
	sb_printf(sb, "set %srange [", axis);
	if (isnan(lo))
		sb_putc(sb, '*');
	else
		put_num(sb, lo);
	sb_putc(sb, ':');
	if (isnan(hi))
		sb_putc(sb, '*');
	else
		put_num(sb, hi);
	sb_puts(sb, "]\n");
}

static void
put_label(struct strbuf *sb, const char *what, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	sb_printf(sb, "set %s ", what);
	gp_quote(sb, text, GP_TEXT_MAX);
	sb_puts(sb, " noenhanced\n");
}

static void
put_terminal(struct strbuf *sb, const struct plot_target *t)
{
	switch (t->term) {
	case PT_TEXT:
		sb_printf(sb, "set terminal dumb size %d,%d noenhanced %s\n",
		    t->width, t->height, t->color ? "ansi" : "mono");
		break;
	case PT_SIXEL:
		sb_printf(sb, "set terminal sixelgd noenhanced size %d,%d\n",
		    t->width, t->height);
		break;
	case PT_PNG:
		sb_printf(sb, "set terminal pngcairo noenhanced size %d,%d\n",
		    t->width, t->height);
		break;
	case PT_SVG:
		sb_printf(sb, "set terminal svg noenhanced size %d,%d\n", t->width,
		    t->height);
		break;
	case PT_PDF:
		/* pdfcairo measures in inches: the pixel size at 96 per inch */
		sb_printf(sb, "set terminal pdfcairo noenhanced size %.2fin,%.2fin\n",
		    t->width / 96.0, t->height / 96.0);
		break;
	case PT_NONE:
		sb_puts(sb, "# draws on gnuplot's default terminal (gnuplot -p FILE.gp);\n"
		    "# for a file, e.g.: set terminal pngcairo size 800,600; set output 'plot.png'\n");
		return;
	}
	if (t->output != NULL) {
		/* a name starting with '|' would make gnuplot run a command */
		bool rel = t->output[0] != '/' && strncmp(t->output, "./", 2) != 0;
		char *name = xasprintf("%s%s", rel ? "./" : "", t->output);
		sb_puts(sb, "set output ");
		gp_quote(sb, name, 4096);
		sb_putc(sb, '\n');
		free(name);
	}
}

static const char *
style_clause(enum plot_style st)
{
	switch (st) {
	case PS_LINES:
		return "with lines lw 2";
	case PS_POINTS:
		return "with points pt 7 ps 0.6";
	case PS_LINESPOINTS:
		return "with linespoints lw 2 pt 7 ps 0.6";
	case PS_BOXES:
		return "with boxes";
	case PS_STEPS:
		return "with histeps lw 2";
	case PS_REFERENCE:
		return "with lines dashtype 2 lc rgb 'gray40'";
	}
	return "with lines";
}

char *
plot_script(const struct plot_spec *p, const struct plot_target *t,
    const char *datafile)
{
	struct strbuf sb;
	bool y2 = false, boxes = false;

	sb_init(&sb);
	sb_puts(&sb, "# reelscope plot");
	if (*p->title) {
		sb_puts(&sb, ": ");
		gp_comment(&sb, p->title, GP_TEXT_MAX);
	}
	sb_puts(&sb, "\nreset session\nset encoding utf8\n");
	put_terminal(&sb, t);
	if (t->term == PT_TEXT && *p->ylabel) {
		/* the dumb terminal writes a y label over the tics: it goes
		 * under the title instead */
		sb_puts(&sb, "set title ");
		gp_quote(&sb, p->title, GP_TEXT_MAX);
		sb_puts(&sb, " . \"\\n\" . ");
		char *y = xasprintf("y: %s", p->ylabel);
		gp_quote(&sb, y, GP_TEXT_MAX);
		free(y);
		sb_puts(&sb, " noenhanced\n");
	} else {
		put_label(&sb, "title", p->title);
		put_label(&sb, "ylabel", p->ylabel);
	}
	put_label(&sb, "xlabel", p->xlabel);
	for (size_t i = 0; i < p->nseries; i++) {
		y2 |= p->series[i].axis == 2;
		boxes |= p->series[i].style == PS_BOXES;
	}
	if (y2) {
		/* the dumb terminal writes it over the tics; the key names it */
		if (t->term != PT_TEXT)
			put_label(&sb, "y2label", p->y2label);
		sb_puts(&sb, "set ytics nomirror\nset y2tics\n");
	}
	if (boxes) {
		if (p->boxwidth > 0) {
			sb_puts(&sb, "set boxwidth ");
			put_num(&sb, p->boxwidth);
			sb_putc(&sb, '\n');
		}
		sb_puts(&sb, "set style fill solid 0.5 border\n");
	}
	if (t->term != PT_TEXT)
		sb_puts(&sb, "set grid\n");
	/* below the plot the key hides no curve */
	sb_puts(&sb, "set key below width 3 noenhanced\n");
	for (size_t i = 0; i < p->nlabels; i++) {
		const struct plot_label *l = &p->labels[i];
		if (!isfinite(l->x) || !isfinite(l->y))
			continue;
		sb_printf(&sb, "set label %zu ", i + 1);
		gp_quote(&sb, l->text, 60);
		sb_puts(&sb, " at ");
		put_num(&sb, l->x);
		sb_putc(&sb, ',');
		put_num(&sb, l->y);
		sb_puts(&sb, " left offset 1,0 noenhanced\n");
	}
	put_range(&sb, "x", p->xmin, p->xmax);
	put_range(&sb, "y", p->ymin, p->ymax);
	if (datafile != NULL) {
		/* the data file sits next to the script, wherever it is run from */
		sb_puts(&sb, "_dir = ARG0\n_i = strlen(_dir)\n"
		    "while (_i > 0 && _dir[_i:_i] ne '/') { _i = _i - 1 }\n"
		    "_data = (_i > 0 ? _dir[1:_i] : '') . ");
		gp_quote(&sb, datafile, 4096);
		sb_putc(&sb, '\n');
	} else {
		for (size_t i = 0; i < p->nseries; i++) {
			sb_printf(&sb, "$S%zu << EOD\n", i + 1);
			put_points(&sb, &p->series[i]);
			sb_puts(&sb, "EOD\n");
		}
	}
	sb_puts(&sb, "plot ");
	for (size_t i = 0; i < p->nseries; i++) {
		const struct plot_series *s = &p->series[i];
		if (i > 0)
			sb_puts(&sb, ", \\\n     ");
		if (datafile != NULL)
			sb_printf(&sb, "_data index %zu", i);
		else
			sb_printf(&sb, "$S%zu", i + 1);
		sb_printf(&sb, " using 1:2 %s%s title ", style_clause(s->style),
		    s->axis == 2 ? " axes x1y2" : "");
		gp_quote(&sb, s->title, GP_TEXT_MAX);
		sb_puts(&sb, " noenhanced");
	}
	if (p->nseries == 0)
		sb_puts(&sb, "NaN notitle");
	sb_putc(&sb, '\n');
	if (t->output != NULL)
		sb_puts(&sb, "set output\n");	/* closes the file */
	return sb_detach(&sb);
}

char *
plot_data_text(const struct plot_spec *p)
{
	struct strbuf sb;

	sb_init(&sb);
	for (size_t i = 0; i < p->nseries; i++) {
		if (i > 0)
			sb_puts(&sb, "\n\n");
		sb_printf(&sb, "# index %zu: ", i);
		gp_comment(&sb, p->series[i].title, GP_TEXT_MAX);
		sb_puts(&sb, "\n# x y\n");
		put_points(&sb, &p->series[i]);
	}
	return sb_detach(&sb);
}
