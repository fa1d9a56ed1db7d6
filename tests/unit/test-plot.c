/* Unit tests of the plot front end: gnuplot quoting, generated scripts and data, the built-in text renderer. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/plot/plot.h"

#include "check.h"

static char *
quoted(const char *s, size_t max)
{
	struct strbuf sb;

	sb_init(&sb);
	gp_quote(&sb, s, max);
	return sb_detach(&sb);
}

static void
test_quote(void)
{
	char *q;

	CHECK_STR(q = quoted("plain it's", 100), "\"plain it's\"");
	free(q);
	/* a newline would end the command: every control character is a space */
	CHECK_STR(q = quoted("a\nplot 1\tb\r", 100), "\"a plot 1 b \"");
	free(q);
	/* gnuplot runs `...` and expands @name even inside double quotes:
	 * they, the quote, the backslash and $ go as octal escapes */
	CHECK_STR(q = quoted("\"; system(\"touch pwned\"); \"", 100),
	    "\"\\042; system(\\042touch pwned\\042); \\042\"");
	free(q);
	CHECK_STR(q = quoted("'; system('touch pwned'); '", 100),
	    "\"'; system('touch pwned'); '\"");
	free(q);
	CHECK_STR(q = quoted("`id` @x $D \\n", 100),
	    "\"\\140id\\140 \\100x \\044D \\134n\"");
	free(q);
	/* cut at a UTF-8 boundary: é is two bytes, at 1 and 2 */
	CHECK_STR(q = quoted("h\xc3\xa9llo", 2), "\"h\"");
	free(q);
	CHECK_STR(q = quoted("h\xc3\xa9llo", 3), "\"h\xc3\xa9\"");
	free(q);
	CHECK_STR(q = quoted(NULL, 10), "\"\"");
	free(q);
}

/* The line of text starting with prefix, or NULL. */
static char *
line_with(const char *text, const char *prefix)
{
	static char line[512];
	const char *p = text;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (strncmp(p, prefix, strlen(prefix)) == 0 && n < sizeof line) {
			memcpy(line, p, n);
			line[n] = '\0';
			return line;
		}
		p = nl ? nl + 1 : NULL;
	}
	return NULL;
}

static void
test_script(void)
{
	double x[] = { 1, 2, 3 }, y[] = { 0.5, NAN, 2 };
	struct plot_spec *p = plot_spec_new("it's\na title", "epoch", "loss");
	struct plot_target t = { PT_PNG, 640, 480, false, "|touch pwned.png" };
	char *s, *d;

	plot_add(p, "m'1", PS_LINES, x, y, 3);
	plot_add(p, "ref", PS_REFERENCE, x, x, 3)->axis = 2;
	s = plot_script(p, &t, NULL);
	CHECK_STR(line_with(s, "set terminal"), "set terminal pngcairo noenhanced size 640,480");
	/* a leading '|' would pipe to a command: the path is made relative */
	CHECK_STR(line_with(s, "set output "), "set output \"./|touch pwned.png\"");
	CHECK_STR(line_with(s, "set title"), "set title \"it's a title\" noenhanced");
	CHECK_STR(line_with(s, "plot "),
	    "plot $S1 using 1:2 with lines lw 2 title \"m'1\" noenhanced, \\");
	CHECK(strstr(s, "$S1 << EOD\n1 0.5\n\n3 2\nEOD\n") != NULL);	/* NaN: a gap */
	CHECK(strstr(s, "axes x1y2 title \"ref\" noenhanced\nset output\n") != NULL);
	CHECK(line_with(s, "set y2tics") != NULL);
	free(s);

	t.term = PT_TEXT;
	t.width = 70;
	t.height = 20;
	t.output = NULL;
	s = plot_script(p, &t, "run.dat");
	CHECK_STR(line_with(s, "set terminal"), "set terminal dumb size 70,20 noenhanced mono");
	CHECK(line_with(s, "set output") == NULL);
	CHECK(line_with(s, "set y2label") == NULL);	/* the dumb terminal garbles it */
	CHECK(line_with(s, "set ylabel") == NULL);	/* under the title instead */
	CHECK_STR(line_with(s, "set title"),
	    "set title \"it's a title\" . \"\\n\" . \"y: loss\" noenhanced");
	CHECK(strstr(s, "EOD") == NULL);
	CHECK(strstr(s, "_data = (_i > 0 ? _dir[1:_i] : '') . \"run.dat\"\n") != NULL);
	CHECK(strstr(s, "plot _data index 0 using 1:2") != NULL);
	CHECK(strstr(s, "_data index 1 using 1:2") != NULL);
	free(s);

	d = plot_data_text(p);
	CHECK_STR(d, "# index 0: m'1\n# x y\n1 0.5\n\n3 2\n\n\n"
	    "# index 1: ref\n# x y\n1 1\n2 2\n3 3\n");
	free(d);
	plot_spec_free(p);
}

/* Line i of text with trailing blanks dropped. */
static const char *
text_line(const char *text, int i)
{
	static char line[512];
	const char *p = text;
	size_t n;

	for (; i > 0 && p; i--) {
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	if (p == NULL)
		return "(none)";
	n = strcspn(p, "\n");
	memcpy(line, p, n < sizeof line ? n : sizeof line - 1);
	line[n < sizeof line ? n : sizeof line - 1] = '\0';
	while (n > 0 && line[n - 1] == ' ')
		line[--n] = '\0';
	return line;
}

static void
test_text(void)
{
	double x[] = { 0, 1 }, y[] = { 0, 1 };
	struct plot_spec *p = plot_spec_new("", "", "");
	struct strbuf sb;

	/* 30x10: 7 plot rows (10 - axis - ticks - one legend line); labels
	 * "1", "0.5", "0" take 3 columns + '|', so 24 plot columns */
	plot_add(p, "s", PS_POINTS, x, y, 2);
	sb_init(&sb);
	plot_text(p, 30, 10, &sb);
	CHECK_STR(text_line(sb.s, 0), "  1|                       *|");
	CHECK_STR(text_line(sb.s, 1), "   |                        |");
	CHECK_STR(text_line(sb.s, 3), "0.5|                        |");
	CHECK_STR(text_line(sb.s, 6), "  0|*                       |");
	CHECK_STR(text_line(sb.s, 7), "   +------------------------+");
	CHECK_STR(text_line(sb.s, 8), "    0          0.5         1");
	CHECK_STR(text_line(sb.s, 9), "  * s");
	CHECK_STR(text_line(sb.s, 10), "");	/* after the last newline */
	CHECK_STR(text_line(sb.s, 11), "(none)");
	sb_free(&sb);

	/* as a line: 23 steps from (col 0, row 6) to (col 23, row 0); row 3
	 * is where 6 - 6i/23 rounds to 3, i = 10..13 */
	p->series[0].style = PS_LINES;
	sb_init(&sb);
	plot_text(p, 30, 10, &sb);
	CHECK_STR(text_line(sb.s, 3), "0.5|          ****          |");
	CHECK_STR(text_line(sb.s, 0), "  1|                      **|");
	CHECK_STR(text_line(sb.s, 6), "  0|**                      |");
	sb_free(&sb);

	/* bars of 1 and 2 over bins [0,1] and [1,2]: x runs 0..2 over 26
	 * columns (col = 12.5 x), y 0..2 over 5 rows (title, y label, axis,
	 * ticks and x label take the other 5); a bar leaves its edge columns
	 * free: bin 1 fills 1..12, bin 2 14..24 */
	{
		double bx[] = { 0.5, 1.5 }, by[] = { 1, 2 };
		struct plot_spec *h = plot_spec_new("T", "v", "n");
		plot_add(h, "", PS_BOXES, bx, by, 2);
		h->boxwidth = 1;
		sb_init(&sb);
		plot_text(h, 30, 10, &sb);
		CHECK_STR(text_line(sb.s, 0), "              T");
		CHECK_STR(text_line(sb.s, 1), "n");
		CHECK_STR(text_line(sb.s, 2), "2|              *********** |");
		CHECK_STR(text_line(sb.s, 3), " |              *********** |");
		CHECK_STR(text_line(sb.s, 4), "1| ************ *********** |");
		CHECK_STR(text_line(sb.s, 6), "0| ************ *********** |");
		CHECK_STR(text_line(sb.s, 7), " +--------------------------+");
		CHECK_STR(text_line(sb.s, 8), "  0            1           2");
		CHECK_STR(text_line(sb.s, 9), "              v");
		sb_free(&sb);
		plot_spec_free(h);
	}
	plot_spec_free(p);
}

int
main(void)
{
	test_quote();
	test_script();
	test_text();
	return check_done("test-plot");
}
