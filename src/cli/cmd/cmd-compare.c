/* compare: a leaderboard of models x metrics, means with 95% confidence intervals over users, the best per column marked. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/evalcli.h"
#include "util/xmalloc.h"

static const struct cmd_opt compare_opts[] = {
	EVALCLI_K_OPT,
	{ "metrics", OPT_STR, NULL, 0, -1, NULL,
	  "columns, comma-separated (default: rmse, mae when some model predicts values, then precision, recall, ndcg, map, mrr, hit at each k, and auc)" },
	EVALCLI_PROTOCOL_OPTS,
	EVALCLI_COLD_OPT,
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field compare_fields[] = {
	{ "protocol", "how the models were evaluated (the same for all)" },
	{ "relevance", "which held-out rows counted as relevant (the same for all)" },
	{ "sampled", "sampled negatives per user behind every figure (null: full ranking); sampled figures are inflated" },
	{ "metrics", "the columns, in order" },
	{ "leaderboard", "one row per model, best first by the first column: model, kind, users, "
	  "and per metric name an object: mean, low, high (95% CI; null for coverage), users, best" },
	{ NULL, NULL }
};

struct cell {
	rs_summary sum;
	bool have, best;
};

static const char *const default_fams[] = { "precision", "recall", "ndcg", "map",
	"mrr", "hit" };

/* The columns: as given, or the defaults for the models' results. */
static char **
columns(struct session *s, const char *list, const rs_eval_opts *o, bool rated,
    size_t *n)
{
	char **v = NULL;
	char buf[64];

	*n = 0;
	if (list != NULL) {
		const char *p = list;
		while (*p != '\0') {
			size_t len = strcspn(p, ",");
			char *name = xstrndup(p, len);
			const char *why = rs_eval_metric_check(name);
			if (why != NULL || len == 0) {
				cmd_error(s, "compare: metrics=%s: %s %s (metrics: %s)", list,
				    name, why ? why : "is empty", rs_eval_metric_families());
				free(name);
				for (size_t i = 0; i < *n; i++)
					free(v[i]);
				free(v);
				return NULL;
			}
			v = xreallocarray(v, *n + 1, sizeof *v);
			v[(*n)++] = name;
			p += len;
			if (*p == ',')
				p++;
		}
		return v;
	}
	v = xcalloc(2 + 6 * o->nks + 1, sizeof *v);
	if (rated) {
		v[(*n)++] = xstrdup("rmse");
		v[(*n)++] = xstrdup("mae");
	}
	for (size_t ki = 0; ki < o->nks; ki++)
		for (size_t f = 0; f < 6; f++) {
			snprintf(buf, sizeof buf, "%s@%u", default_fams[f], o->ks[ki]);
			v[(*n)++] = xstrdup(buf);
		}
	v[(*n)++] = xstrdup("auc");
	return v;
}

/* Text of one cell: "0.3254 ±0.019", "0.9123 [0.905, 0.920]", "0.12", "-". */
static void
cell_text(const struct cell *c, bool pair, char *buf, size_t size)
{
	char m[32], a[32], b[32];

	if (!c->have || isnan(c->sum.mean)) {
		snprintf(buf, size, "-");
		return;
	}
	fmt_num(c->sum.mean, 4, m, sizeof m);
	if (isnan(c->sum.lo))
		snprintf(buf, size, "%s%s", m, c->best ? " *" : "");
	else if (pair) {
		fmt_num(c->sum.lo, 4, a, sizeof a);
		fmt_num(c->sum.hi, 4, b, sizeof b);
		snprintf(buf, size, "%s [%s, %s]%s", m, a, b, c->best ? " *" : "");
	} else {
		fmt_num((c->sum.hi - c->sum.lo) / 2, 2, a, sizeof a);
		snprintf(buf, size, "%s ±%s%s", m, a, c->best ? " *" : "");
	}
}

static const struct cell *compare_cells;
static size_t compare_ncols;
static int compare_lower;

/* Rows best first by the first column; undefined last; then by name order. */
static int
cmp_rows(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	const struct cell *ca = &compare_cells[a * compare_ncols];
	const struct cell *cb = &compare_cells[b * compare_ncols];
	double va = ca->have ? ca->sum.mean : NAN, vb = cb->have ? cb->sum.mean : NAN;

	if (isnan(va) != isnan(vb))
		return isnan(va) ? 1 : -1;
	if (!isnan(va) && va != vb)
		return (compare_lower ? va < vb : va > vb) ? -1 : 1;
	return (a > b) - (a < b);
}

/* The metric columns from columns(), freed. */
static void
free_columns(char **cols, size_t ncols)
{
	for (size_t q = 0; q < ncols; q++)
		free(cols[q]);
	free(cols);
}

/* Each result's summary of each column into cells (n rows of ncols), then
 * the best of each column marked (when there are several models). */
static void
summarize_cells(rs_eval_result **res, size_t n, char **cols, size_t ncols,
    uint64_t seed, struct cell *cells)
{
	for (size_t j = 0; j < ncols; j++) {
		enum rs_metric_sense sense = rs_eval_metric_sense(cols[j]);
		double best = NAN;
		for (size_t i = 0; i < n; i++) {
			struct cell *ce = &cells[i * ncols + j];
			int mi = rs_eval_metric_index(res[i], cols[j]);
			if (mi < 0)
				continue;
			ce->have = true;
			rs_eval_summarize(res[i], (size_t)mi, seed, &ce->sum);
			if (isnan(ce->sum.mean) || sense == RS_NEUTRAL)
				continue;
			if (isnan(best) || (sense == RS_LOWER ? ce->sum.mean < best :
			    ce->sum.mean > best))
				best = ce->sum.mean;
		}
		for (size_t i = 0; i < n && n > 1; i++) {
			struct cell *ce = &cells[i * ncols + j];
			ce->best = ce->have && !isnan(best) && ce->sum.mean == best;
		}
	}
}

/* The leaderboard in row order: objects per metric for JSON, a table of
 * "mean ±half-interval" texts for the terminal. */
static void
render_leaderboard(struct rnode *root, rs_eval_result **res,
    const size_t *order, size_t n, char **cols, size_t ncols,
    const struct cell *cells)
{
	struct rnode *arr, *txt, *mets;
	char buf[128];

	rn_str(root, "protocol", res[0]->protocol);
	rn_str(root, "relevance", res[0]->relevance);
	if (res[0]->sampled)
		rn_label(rn_int(root, "sampled", res[0]->sampled), "sampled negatives");
	else
		rn_flags(rn_null(root, "sampled"), RF_TEXT_HIDE);
	mets = rn_flags(rn_arr(root, "metrics"), RF_TEXT_HIDE);
	for (size_t j = 0; j < ncols; j++)
		rn_str(mets, NULL, cols[j]);
	arr = rn_flags(rn_arr(root, "leaderboard"), RF_TEXT_HIDE);
	txt = rn_label(rn_flags(rn_arr(root, "table"), RF_TABLE | RF_JSON_HIDE), res[0]->sampled ?
	    "leaderboard, SAMPLED candidates: inflated (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best)" :
	    "leaderboard (mean ± half the 95% CI over users; rmse/mae: bootstrap interval; * best)");
	for (size_t q = 0; q < n; q++) {
		size_t i = order[q];
		struct rnode *row = rn_obj(arr, NULL), *trow = rn_obj(txt, NULL);
		rn_str(row, "model", res[i]->model);
		rn_str(row, "kind", res[i]->kind);
		rn_int(row, "users", res[i]->nusers);
		rn_str(trow, "model", res[i]->model);
		for (size_t j = 0; j < ncols; j++) {
			const struct cell *ce = &cells[i * ncols + j];
			struct rnode *m;
			cell_text(ce, strcmp(cols[j], "rmse") == 0 || strcmp(cols[j], "mae") == 0,
			    buf, sizeof buf);
			rn_str(trow, cols[j], buf);
			if (!ce->have) {
				rn_null(row, cols[j]);
				continue;
			}
			m = rn_obj(row, cols[j]);
			rn_num(m, "mean", ce->sum.mean);
			rn_num(m, "low", ce->sum.lo);
			rn_num(m, "high", ce->sum.hi);
			rn_int(m, "users", ce->sum.n);
			rn_bool(m, "best", ce->best);
		}
	}
}

/* Evaluate the models under one protocol and rank them by the first
 * column. */
static enum cmd_ret
cmd_compare_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_eval_opts o;
	rs_eval_ctx *ctx;
	rs_model **models;
	rs_eval_result **res;
	char **cols;
	size_t n, ncols, *order;
	struct cell *cells;
	bool rated = false;
	rs_hooks h;

	if (session_data(s) == NULL || !evalcli_opts(s, c, "compare", true, &o))
		return CMD_ERROR;
	if ((models = evalcli_models(s, r, c->args, c->nargs, "compare", &n)) == NULL)
		return CMD_ERROR;
	for (size_t i = 0; i < n; i++)	/* models that predict values */
		rated |= rs_model_predicts_values(models[i]);
	if ((cols = columns(s, call_get(c, "metrics"), &o, rated, &ncols)) == NULL) {
		free(models);
		return CMD_ERROR;
	}
	/* every cutoff a column needs is evaluated */
	for (size_t j = 0; j < ncols; j++) {
		const char *at = strchr(cols[j], '@');
		if (at != NULL && !evalcli_add_k(&o, (uint32_t)atoi(at + 1))) {
			free_columns(cols, ncols);
			free(models);
			return cmd_error(s, "compare: more than %d different cutoffs", RS_EVAL_MAX_K);
		}
	}
	h = session_hooks(s, r);
	o.hooks = &h;
	if ((ctx = evalcli_prepare(s, &o, r, "compare")) == NULL) {
		free_columns(cols, ncols);
		free(models);
		return CMD_ERROR;
	}
	res = xcalloc(n, sizeof *res);
	cells = xcalloc(n * ncols, sizeof *cells);
	for (size_t i = 0; i < n; i++)
		if ((res[i] = evalcli_run(s, ctx, models[i], r, "compare")) == NULL) {
			rs_eval_ctx_free(ctx);
			for (size_t q = 0; q < i; q++)
				rs_eval_result_free(res[q]);
			free_columns(cols, ncols);
			free(cells);
			free(res);
			free(models);
			return CMD_ERROR;
		}
	rs_eval_ctx_free(ctx);
	summarize_cells(res, n, cols, ncols, o.seed, cells);
	order = xmalloc(n * sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	compare_cells = cells;
	compare_ncols = ncols;
	compare_lower = rs_eval_metric_sense(cols[0]) == RS_LOWER;
	qsort(order, n, sizeof *order, cmp_rows);
	render_leaderboard(report_root(r), res, order, n, cols, ncols, cells);
	evalcli_keep(s, res, n);
	free_columns(cols, ncols);
	free(cells);
	free(order);
	free(res);
	free(models);
	return CMD_OK;
}

const struct cmd_entry cmd_compare_entry = {
	.name = "compare",
	.usage = "[MODEL ...] [k=10] [metrics=M1,M2,...] [sampled=N] [relevant=COL>=T]",
	.help = "leaderboard: models x metrics with 95% confidence intervals, best per column marked",
	.doc = "Evaluates the named models (default: every model) with one protocol (the options "
	    "are eval's) and tabulates the chosen metrics: the mean over users with a 95% "
	    "confidence interval (Student t over per-user values; rmse and mae, which pool "
	    "pairs, get a percentile bootstrap over users, 2000 resamples, seeded; coverage has "
	    "no interval). The best value of each column is marked with * (lower for rmse and "
	    "mae, higher otherwise; popularity@K is not ranked). Rows are ordered by the first "
	    "column. The results are kept as eval's are. Guard-rails as eval's: cold= and the "
	    "cold-user warning, stale models skipped with a note, a sampled protocol marked in "
	    "the leaderboard's title (every model is evaluated under one protocol, so sampled and "
	    "full-ranking figures never mix here; results warns when kept ones do).",
	.args = ARG_WORD,
	.min_args = 0,
	.max_args = -1,
	.opts = compare_opts,
	.fields = compare_fields,
	.exec = cmd_compare_exec,
};
