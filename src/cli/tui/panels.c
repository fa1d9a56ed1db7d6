/* Dashboard panels: dataset summary, pipeline steps, training (live or the last model), leaderboard. */
#include "config.h"

#define RS_TUI_INTERNAL
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/tui/tui.h"
#include "util/xmalloc.h"

/* Content lives in rows 1..h-2 and columns 2..w-3 of a panel's window. */
#define CX 2
#define CW(w) ((w) - 4)

static void
say(struct tui *t, WINDOW *w, int y, int wd, const char *msg)
{
	wattron(w, tui_attr(t, TC_DIM));
	tui_put(w, y, CX, msg, CW(wd));
	wattroff(w, tui_attr(t, TC_DIM));
}

/* ---- dataset ---- */

static void
dataset_draw(struct tui *t, WINDOW *w, int h, int wd)
{
	rs_dataset *ds = rs_workspace_data(t->src.ws);
	const rs_describe *d = t->desc;
	char a[32], b[32];
	int y = 1, cw = CW(wd);

	if (ds == NULL || d == NULL) {
		say(t, w, y, wd, "no dataset loaded (load PATH)");
		return;
	}
	if (y < h - 1)
		tui_printf(w, y++, CX, cw, "%s (%s)", ds->source ? ds->source : "?",
		    ds->format ? ds->format : "?");
	if (y < h - 1)
		tui_printf(w, y++, CX, cw, "interactions %s  users %s",
		    tui_count(a, sizeof a, (double)d->interactions),
		    tui_count(b, sizeof b, d->users));
	if (y < h - 1) {
		if (ds->item_creator != NULL)
			tui_printf(w, y++, CX, cw, "items %s  creators %s",
			    tui_count(a, sizeof a, d->items),
			    tui_count(b, sizeof b, d->creators));
		else
			tui_printf(w, y++, CX, cw, "items %s",
			    tui_count(a, sizeof a, d->items));
	}
	if (y < h - 1)
		tui_printf(w, y++, CX, cw, "density %.3g%%%s%s", d->density * 100,
		    d->observed_rows ? "  observed " : "", d->observed_rows ?
		    tui_count(a, sizeof a, (double)d->observed_rows) : "");
	if (y < h - 1)
		tui_printf(w, y++, CX, cw, "split %s", ds->split_desc ?
		    ds->split_desc : "none yet");
}

static void
dataset_detail(struct tui *t, struct tui_lines *out)
{
	rs_dataset *ds = rs_workspace_data(t->src.ws);
	const rs_describe *d = t->desc;
	char a[32], b[32], c[32];

	if (ds == NULL || d == NULL) {
		tui_lines_add(out, "no dataset loaded (load PATH or generate DIR --load)");
		return;
	}
	tui_lines_add(out, "source        %s", ds->source ? ds->source : "?");
	tui_lines_add(out, "format        %s", ds->format ? ds->format : "?");
	tui_lines_add(out, "interactions  %s", tui_count(a, sizeof a, (double)d->interactions));
	tui_lines_add(out, "users         %s of %s", tui_count(a, sizeof a, d->users),
	    tui_count(b, sizeof b, d->catalog_users));
	tui_lines_add(out, "items         %s of %s", tui_count(a, sizeof a, d->items),
	    tui_count(b, sizeof b, d->catalog_items));
	if (ds->item_creator != NULL)
		tui_lines_add(out, "creators      %s of %s (from %s)",
		    tui_count(a, sizeof a, d->creators),
		    tui_count(b, sizeof b, d->catalog_creators),
		    ds->creator_from ? ds->creator_from : "?");
	tui_lines_add(out, "density       %.3g%%", d->density * 100);
	tui_lines_add(out, "per user      min %g  median %g  90%% %g  max %g", d->user_q[0],
	    d->user_q[2], d->user_q[4], d->user_q[6]);
	tui_lines_add(out, "per item      min %g  median %g  90%% %g  max %g", d->item_q[0],
	    d->item_q[2], d->item_q[4], d->item_q[6]);
	tui_lines_add(out, "top items     1%%: %.3g%%  10%%: %.3g%%  20%%: %.3g%% of interactions",
	    d->top1 * 100, d->top10 * 100, d->top20 * 100);
	if (d->observed_rows)
		tui_lines_add(out, "observed      %s interactions, %s users x %s items, density %.3g%%",
		    tui_count(a, sizeof a, (double)d->observed_rows),
		    tui_count(b, sizeof b, d->observed_users),
		    tui_count(c, sizeof c, d->observed_items), d->observed_density * 100);
	tui_lines_add(out, "split         %s", ds->split_desc ? ds->split_desc : "none yet");
	tui_lines_add(out, "%s", "");
	tui_lines_add(out, "%-10s %-28s %-6s %9s %9s", "table", "column", "type", "missing",
	    "distinct");
	for (size_t i = 0; i < d->ncols; i++) {
		const rs_col_summary *cs = &d->cols[i];
		tui_lines_add(out, "%-10s %-28s %-6s %9s %9s", cs->table, cs->name, cs->type,
		    tui_count(a, sizeof a, (double)cs->missing),
		    tui_count(b, sizeof b, (double)cs->distinct));
	}
	for (size_t i = 0; i < ds->nnotes; i++)
		tui_lines_add(out, "note: %s", ds->notes[i]);
}

const struct tui_panel tui_panel_dataset = {
	.title = "Dataset", .draw = dataset_draw, .detail = dataset_detail
};

/* ---- pipeline ---- */

static void
pipeline_draw(struct tui *t, WINDOW *w, int h, int wd)
{
	const rs_workspace *ws = t->src.ws;
	int rows = h - 2, y = 1, cw = CW(wd);
	size_t from = 0;
	char a[32], b[32];

	if (rs_workspace_source(ws) == NULL) {
		say(t, w, y, wd, "no steps yet");
		return;
	}
	tui_printf(w, y++, CX, cw, "0 %s", rs_workspace_source(ws));
	if (rs_workspace_nsteps(ws) == 0) {
		if (y < h - 1)
			say(t, w, y, wd, "no steps yet (clean, features...)");
		return;
	}
	/* the latest steps, with "..." when some do not fit */
	if ((int)rs_workspace_nsteps(ws) > rows - 1) {
		from = rs_workspace_nsteps(ws) - (size_t)(rows - 2);
		tui_printf(w, y++, CX, cw, "... %zu earlier steps", from);
	}
	for (size_t i = from; i < rs_workspace_nsteps(ws) && y < h - 1; i++) {
		const rs_step *st = rs_workspace_step(ws, i);
		char rows_txt[80];
		int used;
		snprintf(rows_txt, sizeof rows_txt, " %s→%s",
		    tui_count(a, sizeof a, (double)st->rows_before),
		    tui_count(b, sizeof b, (double)st->rows_after));
		used = tui_width(rows_txt);
		tui_printf(w, y, CX, cw - used, "%zu %s", i + 1, st->command);
		wattron(w, tui_attr(t, TC_DIM));
		tui_put(w, y++, CX + cw - used, rows_txt, used);
		wattroff(w, tui_attr(t, TC_DIM));
	}
}

static void
pipeline_detail(struct tui *t, struct tui_lines *out)
{
	const rs_workspace *ws = t->src.ws;
	char a[32], b[32];

	if (rs_workspace_source(ws) == NULL) {
		tui_lines_add(out, "nothing loaded yet");
		return;
	}
	tui_lines_add(out, "0  %s", rs_workspace_source(ws));
	for (size_t i = 0; i < rs_workspace_nsteps(ws); i++) {
		const rs_step *st = rs_workspace_step(ws, i);
		tui_lines_add(out, "%zu  %s", i + 1, st->command);
		tui_lines_add(out, "     rows %s → %s, users %u → %u, items %u → %u",
		    tui_count(a, sizeof a, (double)st->rows_before),
		    tui_count(b, sizeof b, (double)st->rows_after), st->users_before,
		    st->users_after, st->items_before, st->items_after);
		if (st->summary != NULL && *st->summary)
			tui_lines_add(out, "     %s", st->summary);
	}
}

const struct tui_panel tui_panel_pipeline = {
	.title = "Pipeline", .draw = pipeline_draw, .detail = pipeline_detail
};

/* ---- training ---- */

/* The model the training panel shows: the one training now, else the last. */
static const rs_model *
shown_model(const struct tui *t)
{
	const rs_workspace *ws = t->src.ws;

	if (t->live.on && t->live.model != NULL)
		return t->live.model;
	return rs_workspace_last_model(ws);
}

static void
series(const rs_model *m, bool valid, double *out)
{
	for (size_t i = 0; i < m->nepochs; i++)
		out[i] = valid ? m->history[i].valid : m->history[i].loss;
}

static void
fmt_clock(char *buf, size_t size, double sec)
{
	int s = (int)lround(sec);

	if (s >= 3600)
		snprintf(buf, size, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, size, "%d:%02d", s / 60, s % 60);
}

static void
training_draw(struct tui *t, WINDOW *w, int h, int wd)
{
	const rs_model *m = shown_model(t);
	const struct tui_live *lv = &t->live;
	int y = 1, cw = CW(wd);
	double *v;

	if (m == NULL) {
		say(t, w, y, wd, "no model trained yet");
		if (y + 1 < h - 1)
			say(t, w, y + 1, wd, "train NAME model=KIND --watch");
		return;
	}
	if (lv->on) {
		double frac = lv->total > 0 ? lv->done / lv->total : 0;
		double el = rs_clock_wall() - lv->start;
		char eta[32] = "", elapsed[32];
		int used;
		if (m->kind->epoch != NULL && lv->total > 0)
			tui_printf(w, y++, CX, cw, "%s (%s)  epoch %.0f/%.0f", m->name,
			    m->kind->name, lv->done, lv->total);
		else
			tui_printf(w, y++, CX, cw, "%s (%s)  %s", m->name, m->kind->name,
			    lv->task[0] ? lv->task : "starting");
		if (y < h - 1) {
			char pct[16];
			snprintf(pct, sizeof pct, " %3.0f%%", frac * 100);
			used = tui_width(pct);
			tui_bar(t, w, y, CX, cw - used, frac);
			tui_put(w, y++, CX + cw - used, pct, used);
		}
		fmt_clock(elapsed, sizeof elapsed, el);
		if (frac > 0 && frac < 1)
			fmt_clock(eta, sizeof eta, el * (1 - frac) / frac);
		if (y < h - 1)
			tui_printf(w, y++, CX, cw, "elapsed %s  ETA %s%s", elapsed,
			    eta[0] ? eta : "-", lv->stop ? "  stopping" : "");
	} else if (y < h - 1) {
		if (m->kind->epoch != NULL)
			tui_printf(w, y++, CX, cw, "%s (%s)  %zu epochs, best %zu  %.2fs%s",
			    m->name, m->kind->name, m->nepochs, m->best_epoch,
			    m->fit_seconds, m->interrupted ? "  interrupted" : "");
		else
			tui_printf(w, y++, CX, cw, "%s (%s)  fit %.2fs", m->name,
			    m->kind->name, m->fit_seconds);
	}
	if (m->nepochs == 0)
		return;
	v = xcalloc(m->nepochs, sizeof *v);
	for (int pass = 0; pass < 2 && y < h - 1; pass++) {
		const rs_epoch *last = &m->history[m->nepochs - 1];
		char label[40], val[32];
		double x = pass ? last->valid : last->loss;
		int lw, vw;
		if (!isfinite(x))
			continue;
		series(m, pass == 1, v);
		snprintf(label, sizeof label, "%s ", pass ? m->valid_metric : "loss");
		snprintf(val, sizeof val, " %.4g", x);
		lw = tui_put(w, y, CX, label, cw);
		vw = tui_width(val);
		if (cw - lw - vw > 0)
			tui_sparkline(t, w, y, CX + lw, cw - lw - vw, v, m->nepochs);
		tui_put(w, y++, CX + cw - vw, val, vw);
	}
	free(v);
	if (!lv->on && y < h - 1 && m->kind->epoch != NULL && m->best_epoch > 0 &&
	    !isnan(m->history[m->best_epoch - 1].valid))
		tui_printf(w, y++, CX, cw, "best %s %.4g at epoch %zu", m->valid_metric,
		    m->history[m->best_epoch - 1].valid, m->best_epoch);
}

static void
training_detail(struct tui *t, struct tui_lines *out)
{
	const rs_model *m = shown_model(t);

	if (m == NULL) {
		tui_lines_add(out, "no model trained yet: train NAME model=KIND [--watch]");
		return;
	}
	tui_lines_add(out, "model  %s (%s)", m->name, m->kind->name);
	for (size_t i = 0; i < m->nparams; i++)
		tui_lines_add(out, "  %s = %s", m->keys[i], m->values[i]);
	if (!t->live.on)
		tui_lines_add(out, "fit %.3f s%s", m->fit_seconds,
		    m->interrupted ? ", interrupted (best epoch kept)" : "");
	if (m->nepochs == 0)
		return;
	tui_lines_add(out, "%s", "");
	tui_lines_add(out, "%6s %12s %12s %9s", "epoch", "loss",
	    m->valid_metric ? m->valid_metric : "valid", "seconds");
	for (size_t i = 0; i < m->nepochs; i++) {
		const rs_epoch *e = &m->history[i];
		char loss[32] = "-", valid[32] = "-";
		if (!isnan(e->loss))
			snprintf(loss, sizeof loss, "%.6g", e->loss);
		if (!isnan(e->valid))
			snprintf(valid, sizeof valid, "%.4g", e->valid);
		tui_lines_add(out, "%6u %12s %12s %9.3f%s", e->epoch, loss, valid,
		    e->seconds, m->best_epoch == e->epoch ? "  best" : "");
	}
}

const struct tui_panel tui_panel_training = {
	.title = "Training", .draw = training_draw, .detail = training_detail
};

/* ---- leaderboard ---- */

static double
metric(const rs_eval_result *r, const char *name)
{
	for (size_t i = 0; r != NULL && i < r->nmetrics; i++)
		if (strcmp(r->names[i], name) == 0)
			return r->value[i];
	return NAN;
}

/* The columns: ndcg and recall at the first cutoff, auc, rmse when any. */
static size_t
board_columns(const rs_workspace *ws, char cols[4][24])
{
	size_t n = 0;
	uint32_t k = 0;
	bool rmse = false;

	for (size_t i = 0; i < rs_workspace_nresults(ws); i++) {
		if (k == 0 && rs_workspace_result_at(ws, i)->nks > 0)
			k = rs_workspace_result_at(ws, i)->ks[0];
		if (!isnan(metric(rs_workspace_result_at(ws, i), "rmse")))
			rmse = true;
	}
	if (k == 0)
		k = 10;
	snprintf(cols[n++], 24, "ndcg@%u", k);
	snprintf(cols[n++], 24, "recall@%u", k);
	snprintf(cols[n++], 24, "auc");
	if (rmse)
		snprintf(cols[n++], 24, "rmse");
	return n;
}

struct board_row {
	const rs_model *m;
	const rs_eval_result *r;
	double key;
};

static int
by_key(const void *a, const void *b)
{
	const struct board_row *x = a, *y = b;

	if (isnan(x->key) != isnan(y->key))
		return isnan(x->key) ? 1 : -1;
	if (x->key != y->key && !isnan(x->key))
		return x->key > y->key ? -1 : 1;
	return strcmp(x->m->name, y->m->name);
}

/* Models, evaluated ones first by the first column, best first. */
static struct board_row *
board_rows(const rs_workspace *ws, const char *first)
{
	struct board_row *rows = xcalloc(rs_workspace_nmodels(ws) + 1, sizeof *rows);

	for (size_t i = 0; i < rs_workspace_nmodels(ws); i++) {
		rows[i].m = rs_workspace_model_at(ws, i);
		rows[i].r = rs_workspace_result(ws, rs_workspace_model_at(ws, i)->name);
		rows[i].key = metric(rows[i].r, first);
	}
	qsort(rows, rs_workspace_nmodels(ws), sizeof *rows, by_key);
	return rows;
}

const rs_model *
tui_best_model(const struct tui *t)
{
	const rs_workspace *ws = t->src.ws;
	char cols[4][24];
	struct board_row *rows;
	const rs_model *m;

	if (rs_workspace_nmodels(ws) == 0)
		return NULL;
	board_columns(ws, cols);
	rows = board_rows(ws, cols[0]);
	m = rows[0].r != NULL ? rows[0].m : rs_workspace_last_model(ws);
	free(rows);
	return m;
}

static void
leaderboard_draw(struct tui *t, WINDOW *w, int h, int wd)
{
	const rs_workspace *ws = t->src.ws;
	char cols[4][24];
	size_t ncols = board_columns(ws, cols), fit;
	int cw = CW(wd), namew, y = 1;
	struct board_row *rows;

	if (rs_workspace_nmodels(ws) == 0) {
		say(t, w, y, wd, "no models yet (train, then eval)");
		return;
	}
	/* a name column of 8 to 14 and as many 10-wide figures as fit */
	fit = (size_t)((cw - 8) / 10);
	if (fit > ncols)
		fit = ncols;
	namew = cw - 10 * (int)fit;
	if (namew > 14 + 6)
		namew = 14 + 6;
	rows = board_rows(ws, cols[0]);
	wattron(w, A_BOLD);
	tui_put(w, y, CX, "model", namew);
	for (size_t c = 0; c < fit; c++)
		tui_printf(w, y, CX + namew + 10 * (int)c, 10, "%10s", cols[c]);
	wattroff(w, A_BOLD);
	y++;
	for (size_t i = 0; i < rs_workspace_nmodels(ws) && y < h - 1; i++, y++) {
		tui_printf(w, y, CX, namew - 1, "%s (%s)", rows[i].m->name,
		    rows[i].m->kind->name);
		if (rows[i].r == NULL) {
			wattron(w, tui_attr(t, TC_DIM));
			tui_put(w, y, CX + namew, "not evaluated", cw - namew);
			wattroff(w, tui_attr(t, TC_DIM));
			continue;
		}
		for (size_t c = 0; c < fit; c++) {
			double v = metric(rows[i].r, cols[c]);
			if (isnan(v))
				tui_printf(w, y, CX + namew + 10 * (int)c, 10, "%10s", "-");
			else
				tui_printf(w, y, CX + namew + 10 * (int)c, 10, "%10.4f", v);
		}
	}
	free(rows);
}

static void
leaderboard_detail(struct tui *t, struct tui_lines *out)
{
	const rs_workspace *ws = t->src.ws;
	char cols[4][24];
	struct board_row *rows;

	board_columns(ws, cols);
	if (rs_workspace_nmodels(ws) == 0) {
		tui_lines_add(out, "no models yet: train NAME model=KIND, then eval");
		return;
	}
	rows = board_rows(ws, cols[0]);
	for (size_t i = 0; i < rs_workspace_nmodels(ws); i++) {
		const rs_eval_result *r = rows[i].r;
		tui_lines_add(out, "%zu. %s (%s)%s", i + 1, rows[i].m->name,
		    rows[i].m->kind->name, r ? "" : ": not evaluated");
		if (r == NULL)
			continue;
		tui_lines_add(out, "   %s; %u users", r->protocol ? r->protocol : "", r->nusers);
		for (size_t j = 0; j < r->nmetrics; j++)
			if (!isnan(r->value[j]))
				tui_lines_add(out, "   %-22s %.4f", r->names[j], r->value[j]);
	}
	free(rows);
}

const struct tui_panel tui_panel_leaderboard = {
	.title = "Leaderboard", .draw = leaderboard_draw, .detail = leaderboard_detail
};
