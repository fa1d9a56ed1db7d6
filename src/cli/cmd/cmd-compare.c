/* compare: a leaderboard of models x metrics, means with 95% confidence intervals over users, the best per column marked, models that do not beat pop and random marked. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/evalcli.h"
#include "reelscope/train.h"
#include "util/xmalloc.h"

static const struct cmd_opt compare_opts[] = {
	EVALCLI_K_OPT,
	{ "metrics", OPT_STR, NULL, 0, -1, NULL,
	  "columns, comma-separated (default: rmse, mae when some model predicts values, then precision, recall, ndcg, map, mrr, hit at each k, and auc)" },
	EVALCLI_PROTOCOL_OPTS,
	EVALCLI_COLD_OPT,
	{ "baselines", OPT_BOOL, NULL, 0, -1, "yes",
	  "check every model against pop and random on the first column (paired t-test, p < 0.05); no: skip the check (and the baselines' training)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field compare_fields[] = {
	{ "protocol", "how the models were evaluated (the same for all)" },
	{ "relevance", "which held-out rows counted as relevant (the same for all)" },
	{ "sampled", "sampled negatives per user behind every figure (null: full ranking); sampled figures are inflated" },
	{ "metrics", "the columns, in order" },
	{ "leaderboard", "one row per model, best first by the first column: model, kind, users, "
	  "per metric name an object: mean, low, high (95% CI; null for coverage), users, best; "
	  "and baselines (null with baselines=no or when no column qualifies): per baseline "
	  "(pop, random) null when the row is not checked against it (it is that baseline or a "
	  "stronger one), else model, mean, baseline_mean (over the paired users), users, p "
	  "(paired t-test; null: fewer than 2 pairs), beats" },
	{ "baselines", "the check against the baselines (null with baselines=no): metric (the first "
	  "column with per-user values both baselines have; null: none), test, alpha, and per "
	  "baseline (pop, random) null when none was needed or could be had, else model and source "
	  "(compared, workspace, or trained: for this comparison, not kept)" },
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

/* ---- baselines: does every model beat pop and random? ---- */

/* The baselines, strongest first. A model is checked against each; a
 * baseline only against those after it (pop against random; random is the
 * floor and is checked against none). */
#define NBASELINES 2
static const char *const baseline_kinds[NBASELINES] = { "pop", "random" };
static const char *const baseline_sources[] = { "compared", "workspace", "trained" };

enum baseline_source { BL_COMPARED, BL_WORKSPACE, BL_TRAINED };

struct baseline {
	const rs_model *model;		/* NULL: none could be had */
	enum baseline_source source;
	size_t row;			/* its leaderboard row (BL_COMPARED) */
	rs_model *trained;		/* BL_TRAINED: ours, freed after */
	const rs_eval_result *res;	/* its evaluation under the protocol */
	rs_eval_result *own;		/* ... when it is not a row's (freed) */
	char name[64];			/* BL_TRAINED: its name */
};

/* One model checked against one baseline. */
struct check {
	bool done;		/* false: the row is this baseline or a stronger one */
	bool tested;		/* at least 2 paired users */
	bool beats;
	rs_paired pt;
};

struct baselines {
	bool on;		/* baselines=yes */
	const char *metric;	/* the column tested (NULL: none qualifies) */
	struct baseline b[NBASELINES];
	struct check *checks;	/* rows x NBASELINES */
};

/* A model of the kind to train, named after it unless the workspace has
 * a model of that name. Failing is not the comparison's failure: a note
 * says which baseline is missing and why. false when Ctrl-C stopped it. */
static bool
baseline_train(struct session *s, struct report *r, const rs_hooks *h,
    const char *kind, struct baseline *b)
{
	rs_train_request req;
	rs_trained t;
	rs_error err;

	snprintf(b->name, sizeof b->name, "%s%s", kind,
	    rs_workspace_model(s->ws, kind) != NULL ? "-baseline" : "");
	rs_train_request_init(&req);
	req.kind = kind;
	req.name = b->name;
	req.hooks = h;
	if (rs_workspace_train_apart(s->ws, &req, &t, &err) < 0) {
		if (err.code == RS_ECANCEL) {
			cmd_error(s, "compare: interrupted while training the baseline %s", kind);
			return false;
		}
		report_note(r, "baseline %s not checked: training it failed (%s)", kind, err.msg);
		return true;
	}
	b->trained = t.model;
	b->model = t.model;
	b->source = BL_TRAINED;
	return true;
}

/* The first of models[0..n) of the kind, or n. */
static size_t
first_of_kind(rs_model **models, size_t n, const char *kind)
{
	size_t i = 0;

	while (i < n && strcmp(models[i]->kind->name, kind) != 0)
		i++;
	return i;
}

/* Whether some row is checked against baseline q: one that is not the
 * row of baseline q or of a weaker one (compare rnd needs no pop). */
static bool
baseline_needed(rs_model **models, size_t n, size_t q)
{
	for (size_t i = 0; i < n; i++) {
		bool weaker = false;
		for (size_t w = q; w < NBASELINES; w++)
			weaker |= first_of_kind(models, n, baseline_kinds[w]) == i;
		if (!weaker)
			return true;
	}
	return false;
}

/* Baseline `kind`: the first compared model of that kind, else the first
 * of the workspace trained on the current data and split, else one trained
 * now with the kind's defaults. false when Ctrl-C stopped the training. */
static bool
baseline_find(struct session *s, struct report *r, const rs_hooks *h,
    rs_model **models, size_t n, const char *kind, struct baseline *b)
{
	if ((b->row = first_of_kind(models, n, kind)) < n) {
		b->model = models[b->row];
		b->source = BL_COMPARED;
		return true;
	}
	for (size_t j = 0; j < rs_workspace_nmodels(s->ws); j++) {
		const rs_model *m = rs_workspace_model_at(s->ws, j);
		if (strcmp(m->kind->name, kind) == 0 &&
		    m->generation == rs_workspace_generation(s->ws)) {
			b->model = m;
			b->source = BL_WORKSPACE;
			return true;
		}
	}
	return baseline_train(s, r, h, kind, b);
}

/* The first column whose per-user values both baselines have and that has
 * a better side: rmse and mae need predicted values (pop and random have
 * none), coverage has no per-user values, popularity@K no better side. */
static const char *
baselines_metric(const struct baselines *bl, char **cols, size_t ncols)
{
	for (size_t j = 0; j < ncols; j++) {
		bool ok = rs_eval_metric_sense(cols[j]) != RS_NEUTRAL;
		for (size_t q = 0; q < NBASELINES && ok; q++) {
			const rs_eval_result *br = bl->b[q].res;
			int mi = br != NULL ? rs_eval_metric_index(br, cols[j]) : 0;
			ok = br == NULL || (mi >= 0 && br->scope[mi] == RS_SCOPE_USER);
		}
		if (ok)
			return cols[j];
	}
	return NULL;
}

/* The notes on where the baselines came from: which were trained for this
 * comparison, which are workspace models outside the leaderboard. */
static void
baselines_notes(struct report *r, const struct baselines *bl)
{
	char list[160] = "";
	size_t ntrained = 0;

	for (size_t q = 0; q < NBASELINES; q++) {
		const struct baseline *b = &bl->b[q];
		if (b->model != NULL && b->source == BL_WORKSPACE)
			report_note(r, "baseline %s: model %s, evaluated for this comparison (not in the leaderboard)",
			    baseline_kinds[q], b->model->name);
		if (b->model == NULL || b->source != BL_TRAINED)
			continue;
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
		    ntrained ? " and " : "", b->name);
		ntrained++;
	}
	if (ntrained > 0)
		report_note(r, "baseline%s %s trained for this comparison (not kept)",
		    ntrained > 1 ? "s" : "", list);
}

/* Row i (result ri) against every baseline after its own: the paired
 * t-test of the metric's per-user values, ri's first. */
static void
baselines_check_row(struct baselines *bl, const rs_eval_result *ri, size_t i)
{
	enum rs_metric_sense sense = rs_eval_metric_sense(bl->metric);
	size_t from = 0;
	rs_error err;

	for (size_t q = 0; q < NBASELINES; q++)
		if (bl->b[q].model != NULL && bl->b[q].source == BL_COMPARED && bl->b[q].row == i)
			from = q + 1;
	for (size_t q = from; q < NBASELINES; q++) {
		struct check *ck = &bl->checks[i * NBASELINES + q];
		if (bl->b[q].res == NULL || rs_eval_metric_index(ri, bl->metric) < 0)
			continue;
		ck->done = true;
		ck->tested = rs_eval_paired(ri, bl->b[q].res, bl->metric, &ck->pt, &err) == 0;
		ck->beats = ck->tested && rs_paired_beats(&ck->pt, sense);
	}
}

/* Find, train and evaluate the baselines, choose the metric and check
 * every row: bl->checks gets n x NBASELINES entries. Failing to get a
 * baseline leaves it out with a note; only Ctrl-C fails the command. */
static bool
baselines_run(struct session *s, struct report *r, const rs_eval_ctx *ctx,
    const rs_hooks *h, rs_model **models, rs_eval_result **res, size_t n,
    char **cols, size_t ncols, struct baselines *bl)
{
	rs_error err;

	bl->checks = xcalloc(n * NBASELINES, sizeof *bl->checks);
	for (size_t q = 0; q < NBASELINES; q++) {
		struct baseline *b = &bl->b[q];
		if (first_of_kind(models, n, baseline_kinds[q]) == n &&
		    !baseline_needed(models, n, q))
			continue;	/* nobody to check against it */
		if (!baseline_find(s, r, h, models, n, baseline_kinds[q], b))
			return false;
		if (b->model == NULL)
			continue;
		if (b->source == BL_COMPARED) {
			b->res = res[b->row];
			continue;
		}
		if ((b->own = rs_eval_run(ctx, b->model, &err)) == NULL) {
			if (err.code == RS_ECANCEL) {
				cmd_error(s, "compare: %s", err.msg);
				return false;
			}
			report_note(r, "baseline %s not checked: %s", baseline_kinds[q], err.msg);
			b->model = NULL;
			continue;
		}
		b->res = b->own;
	}
	baselines_notes(r, bl);
	if ((bl->metric = baselines_metric(bl, cols, ncols)) == NULL) {
		report_note(r, "baselines not checked: no column is a per-user metric with a better side (rmse, mae: pop and random predict no values; coverage: one number; popularity: no better side)");
		return true;
	}
	for (size_t i = 0; i < n; i++)
		baselines_check_row(bl, res[i], i);
	return true;
}

/* Text when no model is marked: who was checked against whom. */
static void
baselines_text_clean(struct rnode *root, const struct baselines *bl,
    rs_eval_result **res, size_t n)
{
	const struct baseline *pop = &bl->b[0], *rnd = &bl->b[1];
	char line[512], names[160] = "";
	size_t others = 0, other = 0;
	bool rows = false, pop_checked = false;

	for (size_t i = 0; i < n; i++) {
		bool is_base = false, done = false;
		for (size_t q = 0; q < NBASELINES; q++) {
			is_base |= bl->b[q].model != NULL && bl->b[q].source == BL_COMPARED &&
			    bl->b[q].row == i;
			done |= bl->checks[i * NBASELINES + q].done;
		}
		rows |= is_base;
		if (!is_base && done) {
			others++;
			other = i;
		}
		pop_checked |= is_base && done;
	}
	for (size_t q = 0; q < NBASELINES; q++)
		if (bl->b[q].res != NULL)
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
			    names[0] ? " and " : "", bl->b[q].model->name);
	if (others == 0 && !pop_checked)
		snprintf(line, sizeof line, "nothing to check: the models compared are the baselines");
	else
		snprintf(line, sizeof line, "on %s (paired t-test, p < 0.05): %s%s%s%s%s%s%s",
		    bl->metric, others == 1 ? res[other]->model : others == 0 ? "" : rows ?
		    "every other model" : "every model", others ? " beats " : "",
		    others ? names : "", others && pop_checked ? "; " : "",
		    pop_checked ? pop->model->name : "", pop_checked ? " beats " : "",
		    pop_checked ? rnd->model->name : "");
	rn_label(rn_flags(rn_str(root, "baselines ", line), RF_JSON_HIDE), "baselines");
}

/* Text: a line per model and baseline it does not beat, after the
 * leaderboard, in its order. */
static void
baselines_text(struct rnode *root, const struct baselines *bl,
    rs_eval_result **res, const size_t *order, size_t n)
{
	struct rnode *obj = NULL;
	char line[512], key[32], m[32], bm[32], p[32];
	size_t nlines = 0, done = 0, tested = 0, pairs = 0;

	for (size_t i = 0; i < n * NBASELINES; i++) {
		done += bl->checks[i].done;
		tested += bl->checks[i].tested;
		if (bl->checks[i].done)
			pairs = bl->checks[i].pt.n;
	}
	if (done > 0 && tested == 0) {	/* too few users for any test: one line */
		snprintf(line, sizeof line, "not tested on %s: %zu user%s with values (a paired test needs 2)",
		    bl->metric, pairs, pairs == 1 ? "" : "s");
		rn_label(rn_flags(rn_str(root, "baselines ", line), RF_JSON_HIDE), "baselines");
		return;
	}
	for (size_t o = 0; o < n; o++)
		for (size_t q = 0; q < NBASELINES; q++) {
			size_t i = order[o];
			const struct check *ck = &bl->checks[i * NBASELINES + q];
			if (!ck->done || ck->beats)
				continue;
			if (obj == NULL)
				obj = rn_label(rn_flags(rn_obj(root, "baselines "), RF_JSON_HIDE),
				    "baselines (paired t-test over users; beating one takes a better mean with p < 0.05)");
			if (ck->tested) {
				fmt_num(ck->pt.mean_a, 4, m, sizeof m);
				fmt_num(ck->pt.mean_b, 4, bm, sizeof bm);
				fmt_num(ck->pt.p_t, 3, p, sizeof p);
				snprintf(line, sizeof line, "does not beat %s on %s: %s vs %s, p = %s",
				    bl->b[q].model->name, bl->metric, m, bm, p);
			} else
				snprintf(line, sizeof line, "does not beat %s on %s: untestable, %zu user%s with values for both (a paired test needs 2)",
				    bl->b[q].model->name, bl->metric, ck->pt.n, ck->pt.n == 1 ? "" : "s");
			snprintf(key, sizeof key, "%zu", nlines++);
			rn_label(rn_str(obj, key, line), res[i]->model);
		}
	if (obj == NULL)
		baselines_text_clean(root, bl, res, n);
}

/* JSON: the check's set-up at the top level. */
static void
baselines_json(struct rnode *root, const struct baselines *bl)
{
	struct rnode *obj;

	if (!bl->on) {
		rn_flags(rn_null(root, "baselines"), RF_TEXT_HIDE);
		return;
	}
	obj = rn_flags(rn_obj(root, "baselines"), RF_TEXT_HIDE);
	if (bl->metric != NULL)
		rn_str(obj, "metric", bl->metric);
	else
		rn_null(obj, "metric");
	rn_str(obj, "test", "paired t-test");
	rn_num(obj, "alpha", RS_BEAT_ALPHA);
	for (size_t q = 0; q < NBASELINES; q++) {
		struct rnode *b;
		if (bl->b[q].model == NULL) {
			rn_null(obj, baseline_kinds[q]);
			continue;
		}
		b = rn_obj(obj, baseline_kinds[q]);
		rn_str(b, "model", bl->b[q].model->name);
		rn_str(b, "source", baseline_sources[bl->b[q].source]);
	}
}

/* JSON: row i's checks. */
static void
baselines_row_json(struct rnode *row, const struct baselines *bl, size_t i)
{
	struct rnode *obj;

	if (!bl->on || bl->metric == NULL) {
		rn_null(row, "baselines");
		return;
	}
	obj = rn_obj(row, "baselines");
	for (size_t q = 0; q < NBASELINES; q++) {
		const struct check *ck = &bl->checks[i * NBASELINES + q];
		struct rnode *c;
		if (!ck->done) {
			rn_null(obj, baseline_kinds[q]);
			continue;
		}
		c = rn_obj(obj, baseline_kinds[q]);
		rn_str(c, "model", bl->b[q].model->name);
		if (ck->tested) {
			rn_num(c, "mean", ck->pt.mean_a);
			rn_num(c, "baseline_mean", ck->pt.mean_b);
		} else {
			rn_null(c, "mean");
			rn_null(c, "baseline_mean");
		}
		rn_int(c, "users", (int64_t)ck->pt.n);
		if (ck->tested)
			rn_num(c, "p", ck->pt.p_t);
		else
			rn_null(c, "p");
		rn_bool(c, "beats", ck->beats);
	}
}

/* What baselines_run allocated and trained. */
static void
baselines_free(struct baselines *bl)
{
	for (size_t q = 0; q < NBASELINES; q++) {
		rs_eval_result_free(bl->b[q].own);
		rs_model_free(bl->b[q].trained);
	}
	free(bl->checks);
}

/* The leaderboard in row order: objects per metric for JSON, a table of
 * "mean ±half-interval" texts for the terminal. */
static void
render_leaderboard(struct rnode *root, rs_eval_result **res,
    const size_t *order, size_t n, char **cols, size_t ncols,
    const struct cell *cells, const struct baselines *bl)
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
		baselines_row_json(row, bl, i);
	}
	baselines_json(root, bl);
	if (bl->on && bl->metric != NULL)
		baselines_text(root, bl, res, order, n);
}

/* Every model's evaluation under ctx, then the check against the
 * baselines (unless baselines=no). NULL after reporting the error, with
 * nothing kept and bl freed. */
static rs_eval_result **
compare_run(struct session *s, struct cmd_call *c, struct report *r,
    const rs_eval_ctx *ctx, const rs_hooks *h, rs_model **models, size_t n,
    char **cols, size_t ncols, struct baselines *bl)
{
	rs_eval_result **res = xcalloc(n, sizeof *res);

	memset(bl, 0, sizeof *bl);
	bl->on = call_bool(c, "baselines", 1) != 0;
	for (size_t i = 0; i < n; i++)
		if ((res[i] = evalcli_run(s, ctx, models[i], r, "compare")) == NULL)
			goto fail;
	if (!bl->on || baselines_run(s, r, ctx, h, models, res, n, cols, ncols, bl))
		return res;
fail:
	baselines_free(bl);
	for (size_t q = 0; q < n; q++)
		rs_eval_result_free(res[q]);
	free(res);
	return NULL;
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
	struct baselines bl;
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
	res = compare_run(s, c, r, ctx, &h, models, n, cols, ncols, &bl);
	rs_eval_ctx_free(ctx);
	if (res == NULL) {
		free_columns(cols, ncols);
		free(models);
		return CMD_ERROR;
	}
	cells = xcalloc(n * ncols, sizeof *cells);
	summarize_cells(res, n, cols, ncols, o.seed, cells);
	order = xmalloc(n * sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	compare_cells = cells;
	compare_ncols = ncols;
	compare_lower = rs_eval_metric_sense(cols[0]) == RS_LOWER;
	qsort(order, n, sizeof *order, cmp_rows);
	render_leaderboard(report_root(r), res, order, n, cols, ncols, cells, &bl);
	baselines_free(&bl);
	evalcli_keep(s, res, n);
	free_columns(cols, ncols);
	free(cells);
	free(order);
	free(res);
	free(models);
	return CMD_OK;
}

/* Completion: every positional argument is a model's name. */
static const struct cmd_arg compare_pos[] = { { ARG_MODEL, NULL, NULL }, { ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_compare_entry = {
	.name = "compare",
	.usage = "[MODEL ...] [k=10] [metrics=M1,M2,...] [sampled=N] [relevant=COL>=T] [baselines=no]",
	.help = "leaderboard: models x metrics with 95% confidence intervals, best per column marked, models that do not beat pop and random marked",
	.doc = "Evaluates the named models (default: every model) with one protocol (the options "
	    "are eval's) and tabulates the chosen metrics: the mean over users with a 95% "
	    "confidence interval (Student t over per-user values; rmse and mae, which pool "
	    "pairs, get a percentile bootstrap over users, 2000 resamples, seeded; coverage has "
	    "no interval). The best value of each column is marked with * (lower for rmse and "
	    "mae, higher otherwise; popularity@K is not ranked). Rows are ordered by the first "
	    "column. The results are kept as eval's are. Guard-rails as eval's: cold= and the "
	    "cold-user warning, stale models skipped with a note, a sampled protocol marked in "
	    "the leaderboard's title (every model is evaluated under one protocol, so sampled and "
	    "full-ranking figures never mix here; results warns when kept ones do). "
	    "Baselines: every model is checked against pop and random on the first column "
	    "(the first one with per-user values and a better side that both have: not rmse, "
	    "mae, coverage or popularity) and marked below the leaderboard when it does not "
	    "beat one: beating takes a better mean over the users both have a value for and a "
	    "paired t-test p < 0.05 (significance's t-test, on the same users). pop is checked "
	    "against random only, random against nothing. The baselines are the first compared "
	    "models of kinds pop and random, else the first of the workspace trained on the "
	    "current split, else trained for this comparison with the kind's defaults and not "
	    "kept (a note says so). baselines=no skips the check and the baselines' training.",
	.args = ARG_WORD,
	.min_args = 0,
	.max_args = -1,
	.pos = compare_pos,
	.opts = compare_opts,
	.fields = compare_fields,
	.exec = cmd_compare_exec,
};
