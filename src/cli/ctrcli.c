/* Probability models in eval: their rows' auc, log loss, gauc, ece and base rate, rendered beside the ranking results. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/ctrcli.h"
#include "util/xmalloc.h"

rs_model **
ctrcli_take(rs_model **v, size_t *n, size_t *nctr)
{
	rs_model **out = xmalloc((*n ? *n : 1) * sizeof *out);
	size_t keep = 0;

	*nctr = 0;
	for (size_t i = 0; i < *n; i++) {
		if (rs_model_is_ctr(v[i]))
			out[(*nctr)++] = v[i];
		else
			v[keep++] = v[i];
	}
	*n = keep;
	return out;
}

/* A figure, or null when undefined (one class only). */
static struct rnode *
num_or_null(struct rnode *o, const char *key, double x)
{
	return isnan(x) ? rn_null(o, key) : rn_prec(rn_num(o, key, x), 4);
}

static void
render(struct rnode *o, const rs_model *m, const rs_ctr_metrics *x, int part)
{
	char buf[256];

	rn_str(o, "model", m->name);
	rn_str(o, "kind", m->kind->name);
	rn_str(o, "target", x->target);
	snprintf(buf, sizeof buf, "P(%s) per row, %s part%s", x->target,
	    part == RS_VALID ? "valid" : "test",
	    x->calibrated ? ", calibrated (platt)" : "");
	rn_flags(rn_str(o, "protocol", buf), RF_JSON_HIDE);
	rn_flags(rn_bool(o, "calibrated", x->calibrated), RF_TEXT_HIDE);
	rn_int(o, "rows", (int64_t)x->rows);
	rn_int(o, "positives", (int64_t)x->positives);
	rn_label(num_or_null(o, "base_rate", x->base_rate), "base rate");
	rn_label(num_or_null(o, "auc", x->auc), "auc");
	rn_label(num_or_null(o, "logloss", x->logloss), "log loss");
	rn_label(num_or_null(o, "base_logloss", x->base_logloss),
	    "log loss of the base rate");
	snprintf(buf, sizeof buf, "gauc (%zu of %zu users with both classes, by rows)",
	    x->users_both, x->users);
	rn_label(num_or_null(o, "gauc", x->gauc), buf);
	rn_flags(rn_int(o, "users", (int64_t)x->users), RF_TEXT_HIDE);
	rn_flags(rn_int(o, "users_both", (int64_t)x->users_both), RF_TEXT_HIDE);
	snprintf(buf, sizeof buf, "ece (%d equal-width bins)", RS_CTR_BINS);
	rn_label(num_or_null(o, "ece", x->ece), buf);
}

bool
ctrcli_eval(struct session *s, struct rnode *root, struct rnode *arr,
    const rs_model *m, int part, const char *cmd)
{
	rs_ctr_metrics x;
	rs_error err;
	char label[256];

	if (rs_ctr_evaluate(m, session_data(s), part, &x, &err) != 0) {
		cmd_error(s, "%s: %s: %s", cmd, m->name, err.msg);
		return false;
	}
	render(rn_obj(arr, NULL), m, &x, part);
	snprintf(label, sizeof label, "%s (%s)", m->name, m->kind->name);
	render(rn_label(rn_flags(rn_obj(root, m->name), RF_JSON_HIDE), label), m, &x, part);
	return true;
}
