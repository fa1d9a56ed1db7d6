/* Plot descriptions: a title, axis labels and series of points, shared by every renderer. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/plot/plot.h"
#include "util/xmalloc.h"

static char *
dup_or_empty(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

struct plot_spec *
plot_spec_new(const char *title, const char *xlabel, const char *ylabel)
{
	struct plot_spec *p = xcalloc(1, sizeof *p);

	p->title = dup_or_empty(title);
	p->xlabel = dup_or_empty(xlabel);
	p->ylabel = dup_or_empty(ylabel);
	p->y2label = dup_or_empty(NULL);
	p->xmin = p->xmax = p->ymin = p->ymax = NAN;
	return p;
}

void
plot_spec_free(struct plot_spec *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->nseries; i++) {
		free(p->series[i].title);
		free(p->series[i].x);
		free(p->series[i].y);
	}
	free(p->series);
	for (size_t i = 0; i < p->nlabels; i++)
		free(p->labels[i].text);
	free(p->labels);
	free(p->title);
	free(p->xlabel);
	free(p->ylabel);
	free(p->y2label);
	free(p);
}

struct plot_series *
plot_add(struct plot_spec *p, const char *title, enum plot_style style,
    const double *x, const double *y, size_t n)
{
	struct plot_series *s;

	p->series = xreallocarray(p->series, p->nseries + 1, sizeof *p->series);
	s = &p->series[p->nseries++];
	memset(s, 0, sizeof *s);
	s->title = dup_or_empty(title);
	s->style = style;
	s->axis = 1;
	s->n = n;
	s->x = xmalloc((n ? n : 1) * sizeof *s->x);
	s->y = xmalloc((n ? n : 1) * sizeof *s->y);
	if (n > 0) {
		memcpy(s->x, x, n * sizeof *x);
		memcpy(s->y, y, n * sizeof *y);
	}
	return s;
}

void
plot_label_add(struct plot_spec *p, const char *text, double x, double y)
{
	p->labels = xreallocarray(p->labels, p->nlabels + 1, sizeof *p->labels);
	p->labels[p->nlabels].text = dup_or_empty(text);
	p->labels[p->nlabels].x = x;
	p->labels[p->nlabels].y = y;
	p->nlabels++;
}
