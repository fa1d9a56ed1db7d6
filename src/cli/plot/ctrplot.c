/* The reliability diagram of probability models (lr, fm): mean predicted against observed rate per equal-width bin, with the diagonal. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "cli/plot/plot.h"
#include "cli/report.h"
#include "reelscope/ctr.h"
#include "util/xmalloc.h"

struct plot_spec *
plot_build_calibration(const rs_dataset *ds, rs_model **ms, size_t n,
    struct rnode *root, rs_error *error)
{
	struct plot_spec *p = plot_spec_new("Reliability: observed rate against predicted probability (test part, 10 bins)",
	    "mean predicted probability", "observed rate");
	struct rnode *arr = rn_flags(rn_arr(root, "models"), RF_TABLE);
	double diag[2] = { 0, 1 };

	p->xmin = p->ymin = 0;
	p->xmax = p->ymax = 1;
	plot_add(p, "perfectly calibrated", PS_REFERENCE, diag, diag, 2);
	for (size_t j = 0; j < n; j++) {
		rs_ctr_metrics x;
		double px[RS_CTR_BINS], py[RS_CTR_BINS];
		size_t k = 0;
		struct rnode *row;
		char *t;
		if (rs_ctr_evaluate(ms[j], ds, RS_TEST, &x, error) != 0) {
			plot_spec_free(p);
			return NULL;
		}
		for (int b = 0; b < RS_CTR_BINS; b++)
			if (x.bin_rows[b] > 0) {
				px[k] = x.bin_pred[b];
				py[k++] = x.bin_obs[b];
			}
		t = xasprintf("%s%s", ms[j]->name, x.calibrated ? " (calibrated)" : "");
		plot_add(p, t, PS_LINESPOINTS, px, py, k);
		free(t);
		row = rn_obj(arr, NULL);
		rn_str(row, "model", ms[j]->name);
		rn_int(row, "rows", (int64_t)x.rows);
		rn_prec(rn_num(row, "ece", x.ece), 4);
		rn_bool(row, "calibrated", x.calibrated);
	}
	return p;
}
