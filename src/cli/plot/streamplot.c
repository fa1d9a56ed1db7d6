/* Plots of time: a stream result's metric per window and strategy, and the share of events per category over time. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/plot/plot.h"
#include "cli/report.h"
#include "reelscope/stream.h"
#include "util/text.h"
#include "util/xmalloc.h"

/* metric= of plot stream: its name without @k, and the figure it reads. */
static const char *const stream_metrics[] = { "recall", "ndcg", "hit",
	"coverage", "new_items", "update_us", NULL };

static double
score_of(const rs_stream_score *s, int m)
{
	switch (m) {
	case 0: return s->recall;
	case 1: return s->ndcg;
	case 2: return s->hit;
	case 3: return s->coverage;
	case 4: return s->new_exposure;
	default: return s->update_us;
	}
}

/* Which metric metric= names ("ndcg@10" must use the result's k), or -1
 * with the message in err. */
static int
find_metric(const rs_stream_result *r, const char *metric, rs_error *err)
{
	size_t len = strcspn(metric, "@");

	for (int m = 0; stream_metrics[m] != NULL; m++) {
		if (strlen(stream_metrics[m]) != len || strncmp(metric, stream_metrics[m], len) != 0)
			continue;
		if (metric[len] == '@' && (m > 2 || atoi(metric + len + 1) != (int)r->k ||
		    metric[len + 1] == '\0')) {
			if (m > 2)
				rs_error_set(err, RS_EINVAL, "plot stream: metric=%s: %s has no @k",
				    metric, stream_metrics[m]);
			else
				rs_error_set(err, RS_EINVAL,
				    "plot stream: metric=%s: %s was scored at k=%u (%s@%u)",
				    metric, r->name, r->k, stream_metrics[m], r->k);
			return -1;
		}
		return m;
	}
	rs_error_set(err, RS_EINVAL,
	    "plot stream: metric=%s is not one of recall@K, ndcg@K, hit@K, coverage, new_items, update_us",
	    metric);
	return -1;
}

struct plot_spec *
plot_build_stream(const rs_stream_result *r, const char *metric,
    struct rnode *root, rs_error *error)
{
	char label[64], from[40], *title;
	struct plot_spec *p;
	struct rnode *arr;
	int m;

	if ((m = find_metric(r, metric ? metric : "ndcg", error)) < 0)
		return NULL;
	if (m <= 2)
		snprintf(label, sizeof label, "%s@%u", stream_metrics[m], r->k);
	else
		snprintf(label, sizeof label, "%s", stream_metrics[m]);
	util_format_datetime(r->from, true, from, sizeof from);
	title = xasprintf("%s per window: %s (%s), window %s", label, r->name,
	    r->kind, r->window);
	{
		char *xl = xasprintf("window (%s each, from %s)", r->window, from);
		p = plot_spec_new(title, xl, label);
		free(xl);
	}
	free(title);
	rn_str(root, "stream", r->name);
	rn_str(root, "metric", label);
	arr = rn_flags(rn_arr(root, "strategies"), RF_TABLE);
	for (size_t j = 0; j < r->nruns; j++) {
		const rs_stream_run *run = &r->runs[j];
		double *x = xmalloc((r->nwindows + 1) * sizeof *x);
		double *y = xmalloc((r->nwindows + 1) * sizeof *y);
		struct rnode *row = rn_obj(arr, NULL);
		double v;
		for (size_t w = 0; w < r->nwindows; w++) {
			x[w] = (double)(w + 1);
			y[w] = score_of(&run->win[w], m);
		}
		plot_add(p, rs_stream_update_name(run->update), PS_LINESPOINTS, x, y,
		    r->nwindows);
		rn_str(row, "update", rs_stream_update_name(run->update));
		rn_int(row, "windows", (int64_t)r->nwindows);
		v = score_of(&run->overall, m);
		if (isnan(v))
			rn_null(row, "overall");
		else
			rn_prec(rn_num(row, "overall", v), 4);
		free(x);
		free(y);
	}
	if (m != 5) {
		p->ymin = 0;
		p->ymax = 1;
	}
	p->xmin = 0.5;
	p->xmax = (double)r->nwindows + 0.5;
	return p;
}

struct plot_spec *
plot_build_trend(const rs_dataset *ds, const char *column, const char *window,
    struct rnode *root, rs_error *error)
{
	rs_trend t;
	struct plot_spec *p;
	struct rnode *arr;
	char from[40], *title, *xl;
	double *x, *y;

	if (rs_stream_trend(ds, column, window, 8, &t, error) != 0)
		return NULL;
	util_format_datetime(t.start[0], true, from, sizeof from);
	title = xasprintf("Share of events per %s over time", column);
	xl = xasprintf("window (%s each, from %s)", window ? window : "1d", from);
	p = plot_spec_new(title, xl, "share of the window's events");
	free(title);
	free(xl);
	x = xmalloc((t.nwindows + 1) * sizeof *x);
	y = xmalloc((t.nwindows + 1) * sizeof *y);
	rn_str(root, "column", column);
	rn_int(root, "windows", (int64_t)t.nwindows);
	arr = rn_flags(rn_arr(root, "values"), RF_TABLE);
	for (size_t v = 0; v < t.nvalues; v++) {
		struct rnode *row = rn_obj(arr, NULL);
		double first = NAN, last = NAN;
		for (size_t w = 0; w < t.nwindows; w++) {
			x[w] = (double)(w + 1);
			/* a window without events has no shares: a gap */
			y[w] = t.events[w] > 0 ? t.share[w * t.nvalues + v] : NAN;
			if (t.events[w] > 0) {
				first = isnan(first) ? y[w] : first;
				last = y[w];
			}
		}
		plot_add(p, t.values[v], PS_LINESPOINTS, x, y, t.nwindows);
		rn_str(row, "value", t.values[v]);
		rn_int(row, "events", (int64_t)t.total[v]);
		rn_flags(rn_num(row, "first", first), RF_PERCENT);
		rn_flags(rn_num(row, "last", last), RF_PERCENT);
	}
	p->ymin = 0;
	p->xmin = 0.5;
	p->xmax = (double)t.nwindows + 0.5;
	free(x);
	free(y);
	rs_trend_free(&t);
	return p;
}
