/* Plots of bias in logged feedback: the debias check's truth and estimates per model. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/plot/plot.h"
#include "cli/report.h"
#include "util/xmalloc.h"

struct plot_spec *
plot_build_debias(const rs_debias_result *res, struct rnode *root)
{
	size_t n = res->nrows;
	double *x = xmalloc((n + 1) * sizeof *x), *y = xmalloc((n + 1) * sizeof *y);
	char *title = xasprintf("%s: the observed block's truth and the estimates from the log",
	    res->metric);
	struct plot_spec *p = plot_spec_new(title, "model", res->metric);
	struct rnode *arr = rn_flags(rn_arr(root, "models"), RF_TABLE), *tau;
	double top = 0;

	free(title);
	for (size_t i = 0; i < n; i++) {
		x[i] = (double)i + 1;
		y[i] = res->rows[i].truth;
		top = fmax(top, y[i]);
	}
	plot_add(p, "truth (observed block)", PS_LINESPOINTS, x, y, n);
	for (int e = 0; e < RS_EST_COUNT; e++) {
		for (size_t i = 0; i < n; i++) {
			y[i] = res->rows[i].est[e].mean;
			top = fmax(top, isfinite(y[i]) ? y[i] : 0);
		}
		plot_add(p, rs_estimator_name(e), PS_LINESPOINTS, x, y, n);
	}
	for (size_t i = 0; i < n; i++) {
		struct rnode *o = rn_obj(arr, NULL);
		plot_label_add(p, res->rows[i].model, x[i], res->rows[i].truth);
		rn_str(o, "model", res->rows[i].model);
		rn_num(o, "truth", res->rows[i].truth);
		for (int e = 0; e < RS_EST_COUNT; e++)
			rn_num(o, rs_estimator_name(e), res->rows[i].est[e].mean);
	}
	rn_str(root, "metric", res->metric);
	tau = rn_flags(rn_label(rn_obj(root, "tau"), "Kendall tau vs truth"), RF_INLINE);
	for (int e = 0; e < RS_EST_COUNT; e++)
		if (isfinite(res->tau[e]))
			rn_num(tau, rs_estimator_name(e), res->tau[e]);
		else
			rn_null(tau, rs_estimator_name(e));
	p->xmin = 0.5;
	p->xmax = (double)n + 0.5;
	p->ymin = 0;
	p->ymax = top > 0 ? top * 1.15 : 1;
	free(x);
	free(y);
	return p;
}
