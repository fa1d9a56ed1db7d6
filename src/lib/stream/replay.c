/* The prequential replay: per window, recommend and score against what the users did, then let each strategy learn. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/model.h"
#include "reelscope/split.h"
#include "reelscope/train.h"
#include "eval/eval-int.h"
#include "stream/stream-int.h"
#include "util/clock.h"
#include "util/xmalloc.h"

static const char *const update_names[RS_UPDATE_NKINDS] = { "static",
	"incremental", "retrain" };

const char *
rs_stream_update_name(int u)
{
	return u >= 0 && u < RS_UPDATE_NKINDS ? update_names[u] : NULL;
}

void
rs_stream_opts_init(rs_stream_opts *o)
{
	memset(o, 0, sizeof *o);
}

/* update= as a list of strategies (each once, in the order given). */
static int
parse_updates(const char *list, int *out, size_t *n, rs_error *err)
{
	const char *p = list ? list : "incremental";

	*n = 0;
	for (;;) {
		size_t len = strcspn(p, ",");
		int u = -1;
		for (int i = 0; i < RS_UPDATE_NKINDS; i++)
			if (strlen(update_names[i]) == len &&
			    strncmp(p, update_names[i], len) == 0)
				u = i;
		if (u < 0) {
			rs_error_set(err, RS_EINVAL,
			    "update=%s: %.*s is not a strategy (static, incremental, retrain)",
			    list, (int)len, p);
			return -1;
		}
		for (size_t j = 0; j < *n; j++)
			if (out[j] == u) {
				rs_error_set(err, RS_EINVAL, "update=%s names %s twice", list,
				    update_names[u]);
				return -1;
			}
		out[(*n)++] = u;
		if (p[len] == '\0')
			return 0;
		p += len + 1;
	}
}

int
rs_stream_check(const rs_stream_opts *o, rs_error *err)
{
	int ups[RS_UPDATE_NKINDS];
	size_t nups;
	double secs, t, f;
	uint64_t evs;
	rs_model *m;

	if (stream_parse_window(o->window, &secs, &evs, err) != 0)
		return -1;
	if (o->from != NULL && stream_parse_from(o->from, &t, &f, err) != 0)
		return -1;
	if (parse_updates(o->update, ups, &nups, err) != 0)
		return -1;
	/* the kind and its parameters, as training would check them */
	if ((m = rs_model_new(o->kind ? o->kind : "", o->name ? o->name : "stream",
	    o->keys, o->values, o->nparams, err)) == NULL)
		return -1;
	/* a replay scores top-k lists: kinds that rank nothing are refused */
	if (m->kind->validate != NULL || m->kind->imported) {
		rs_error_set(err, RS_EINVAL,
		    "model %s ranks no items (%s): a stream replays rankers",
		    m->kind->name, m->kind->imported ? "lists made elsewhere" :
		    "it predicts a label per log row");
		rs_model_free(m);
		return -1;
	}
	for (size_t j = 0; j < nups; j++)
		if (ups[j] == RS_UPDATE_INCREMENTAL && m->kind->update == NULL) {
			rs_error_set(err, RS_EINVAL,
			    "model %s cannot learn from new events (update=incremental): use update=static or update=retrain",
			    m->kind->name);
			rs_model_free(m);
			return -1;
		}
	rs_model_free(m);
	return 0;
}

const rs_stream_run *
rs_stream_result_run(const rs_stream_result *r, int u)
{
	for (size_t i = 0; i < r->nruns; i++)
		if (r->runs[i].update == u)
			return &r->runs[i];
	return NULL;
}

void
rs_stream_result_free(rs_stream_result *r)
{
	if (r == NULL)
		return;
	free(r->name);
	free(r->kind);
	for (size_t i = 0; i < r->nparams; i++) {
		free(r->keys[i]);
		free(r->values[i]);
	}
	free(r->keys);
	free(r->values);
	free(r->window);
	free(r->windows);
	for (size_t i = 0; i < r->nruns; i++)
		free(r->runs[i].win);
	free(r->runs);
	free(r);
}

/* ---- the replay ---- */

/* What every strategy shares: the data, the plan, each user's positions
 * in time order, each item's first position. */
struct replay {
	const rs_dataset *ds;
	const rs_stream_opts *o;
	const struct stream_plan *p;
	const rs_model_kind *kind;
	uint32_t nusers, nitems, k;
	uint64_t *uptr;		/* user u's positions: upos[uptr[u] .. uptr[u+1]) */
	size_t *upos;
	size_t *first;		/* item's first position (SIZE_MAX: never) */
	const rs_column *value;	/* the signal of events (NULL: 1) */
	uint32_t *wusers;	/* the users of the window being scored */
	size_t nwusers;
	uint32_t *ustamp;	/* window stamp per user */
	uint32_t *istamp;	/* stamp per item (coverage) */
	uint32_t stamp;		/* this (window, strategy)'s stamp */
	uint32_t *top;		/* k per window user */
	size_t *ntop;
	double *ur, *un, *uh;	/* per window user: recall, ndcg, hit */
	uint8_t *uscored;
};

/* One strategy's model and what it has learned: positions < cutoff. */
struct strategy {
	int update;
	rs_model *m;
	size_t cutoff;
	rs_stream_run *run;
};

/* Progress of training forwarded (Ctrl-C stops it), its notes dropped:
 * the replay reports for itself. */
static int
forward_progress(void *ctx, const char *task, double done, double total)
{
	return rs_hooks_progress(ctx, task, done, total);
}

/* A model of the replay's kind trained on positions [0, upto). */
static rs_model *
train_prefix(const struct replay *rp, size_t upto, rs_error *err)
{
	const rs_dataset *ds = rp->ds;
	uint8_t *part = xmalloc(ds->log.n ? ds->log.n : 1);
	rs_dataset view = *ds;
	rs_train_env env = { &view, NULL, NULL, 0 };
	rs_train_request req;
	rs_hooks h = { forward_progress, NULL, (void *)rp->o->hooks };
	rs_trained t;
	int rc;

	/* the rows so far are the training part of a view of the data: the
	 * kinds' own training, with no copy of the log */
	memset(part, RS_TEST, ds->log.n);
	for (size_t j = 0; j < upto; j++)
		part[rp->p->ord[j]] = RS_TRAIN;
	view.log.part = part;
	view.split_kind = RS_SPLIT_TEMPORAL;
	view.heldout = view.heldout_valid = NULL;
	rs_train_request_init(&req);
	req.kind = rp->kind->name;
	req.name = rp->o->name ? rp->o->name : "stream";
	req.keys = rp->o->keys;
	req.values = rp->o->values;
	req.nparams = rp->o->nparams;
	req.seed = rp->o->seed ? rp->o->seed : 1;
	req.hooks = rp->o->hooks != NULL ? &h : NULL;
	rc = rs_model_train(&env, &req, NULL, &t, err);
	free(part);
	if (rc < 0)
		return NULL;
	if (t.model->interrupted) {
		rs_model_free(t.model);
		rs_error_set(err, RS_ECANCEL, "interrupted while training");
		return NULL;
	}
	return t.model;
}

/* Each user's positions, each item's first one. */
static void
index_positions(struct replay *rp)
{
	const struct stream_plan *p = rp->p;
	const rs_log *log = &rp->ds->log;
	uint64_t *fill;

	rp->uptr = xcalloc((size_t)rp->nusers + 1, sizeof *rp->uptr);
	rp->upos = xmalloc((p->n ? p->n : 1) * sizeof *rp->upos);
	rp->first = xmalloc((rp->nitems ? rp->nitems : 1) * sizeof *rp->first);
	for (uint32_t i = 0; i < rp->nitems; i++)
		rp->first[i] = SIZE_MAX;
	for (size_t j = 0; j < p->n; j++) {
		rp->uptr[log->user[p->ord[j]] + 1]++;
		if (rp->first[log->item[p->ord[j]]] == SIZE_MAX)
			rp->first[log->item[p->ord[j]]] = j;
	}
	for (uint32_t u = 0; u < rp->nusers; u++)
		rp->uptr[u + 1] += rp->uptr[u];
	fill = xmalloc(((size_t)rp->nusers + 1) * sizeof *fill);
	memcpy(fill, rp->uptr, ((size_t)rp->nusers + 1) * sizeof *fill);
	for (size_t j = 0; j < p->n; j++)
		rp->upos[fill[log->user[p->ord[j]]]++] = j;
	free(fill);
}

/* The users who act in window w, in order of their first event in it. */
static void
window_users(struct replay *rp, size_t w)
{
	const rs_log *log = &rp->ds->log;

	rp->nwusers = 0;
	for (size_t j = rp->p->wbeg[w]; j < rp->p->wend[w]; j++) {
		uint32_t u = log->user[rp->p->ord[j]];
		if (rp->ustamp[u] != w + 1) {
			rp->ustamp[u] = (uint32_t)w + 1;
			rp->wusers[rp->nwusers++] = u;
		}
	}
}

/* Recommend to window user q from model s and score the list: what the
 * model learned from the user is left out of the list and of the relevant
 * items; a user left with no relevant item is not scored. */
static void
score_user(struct replay *rp, const struct strategy *s, size_t w, size_t q,
    float *x, uint8_t *skip, uint32_t *rel, uint8_t *rel_at)
{
	const rs_log *log = &rp->ds->log;
	uint32_t u = rp->wusers[q], k = rp->k, *top = rp->top + q * k;
	size_t a = rp->p->wbeg[w], b = rp->p->wend[w], nrel = 0, n;
	uint64_t lo = rp->uptr[u], hi = rp->uptr[u + 1], j;
	rs_rank_metrics rm;

	rp->uscored[q] = 0;
	rp->ntop[q] = 0;
	for (j = lo; j < hi && rp->upos[j] < s->cutoff; j++)
		skip[log->item[rp->p->ord[rp->upos[j]]]] = 1;
	for (; j < hi && rp->upos[j] < b; j++) {
		uint32_t i = log->item[rp->p->ord[rp->upos[j]]];
		if (rp->upos[j] >= a && !skip[i] && rel[i] != u + 1) {
			rel[i] = u + 1;
			nrel++;
		}
	}
	if (nrel > 0) {
		rs_model_score_user(s->m, u, x);
		n = rs_topk(x, rp->nitems, skip, k, top);
		for (size_t r = 0; r < n; r++)
			rel_at[r] = rel[top[r]] == u + 1;
		rs_rank_metrics_at(rel_at, n, k, nrel, &rm);
		rp->ur[q] = rm.recall;
		rp->un[q] = rm.ndcg;
		rp->uh[q] = rm.hit;
		rp->uscored[q] = 1;
		rp->ntop[q] = n;
	}
	/* rel is stamped by user, so only skip needs clearing */
	for (j = lo; j < hi && rp->upos[j] < s->cutoff; j++)
		skip[log->item[rp->p->ord[rp->upos[j]]]] = 0;
}

/* Window w's figures for strategy s (the users' lists in parallel, summed
 * in the users' order: the same figures for any thread count). */
static void
score_window(struct replay *rp, const struct strategy *s, size_t w,
    rs_stream_score *out, double *sums, uint64_t *slots)
{
	size_t newfrom = rp->p->wbeg[w > 0 ? w - 1 : 0], newto = rp->p->wend[w];
	uint64_t nslots = 0, nnew = 0;
	uint32_t distinct = 0;

	rp->stamp++;
	#pragma omp parallel
	{
		float *x = xmalloc((rp->nitems ? rp->nitems : 1) * sizeof *x);
		uint8_t *skip = xcalloc(rp->nitems ? rp->nitems : 1, 1);
		uint32_t *rel = xcalloc(rp->nitems ? rp->nitems : 1, sizeof *rel);
		uint8_t *rel_at = xmalloc(rp->k);
		#pragma omp for schedule(dynamic, 8)
		for (size_t q = 0; q < rp->nwusers; q++)
			score_user(rp, s, w, q, x, skip, rel, rel_at);
		free(x);
		free(skip);
		free(rel);
		free(rel_at);
	}
	memset(out, 0, sizeof *out);
	out->recall = out->ndcg = out->hit = out->new_exposure = NAN;
	{
		double r = 0, n = 0, h = 0;
		for (size_t q = 0; q < rp->nwusers; q++) {
			if (!rp->uscored[q])
				continue;
			out->scored++;
			r += rp->ur[q];
			n += rp->un[q];
			h += rp->uh[q];
			for (size_t j = 0; j < rp->ntop[q]; j++) {
				uint32_t i = rp->top[q * rp->k + j];
				if (rp->istamp[i] != rp->stamp) {
					rp->istamp[i] = rp->stamp;
					distinct++;
				}
				nslots++;
				/* first seen in this window or the one before */
				nnew += rp->first[i] >= newfrom && rp->first[i] < newto;
			}
		}
		sums[0] += r;
		sums[1] += n;
		sums[2] += h;
		if (out->scored > 0) {
			out->recall = r / out->scored;
			out->ndcg = n / out->scored;
			out->hit = h / out->scored;
		}
	}
	out->coverage = rp->nitems ? (double)distinct / rp->nitems : 0;
	if (nslots > 0)
		out->new_exposure = (double)nnew / (double)nslots;
	slots[0] += nslots;
	slots[1] += nnew;
}

/* The events of positions [a, b) as the model reads them. */
static rs_event *
window_events(const struct replay *rp, size_t a, size_t b, size_t *n)
{
	const rs_log *log = &rp->ds->log;
	rs_event *ev = xmalloc((b > a ? b - a : 1) * sizeof *ev);

	*n = 0;
	for (size_t j = a; j < b; j++) {
		size_t row = rp->p->ord[j];
		double v = rp->value ? rs_column_get(rp->value, row) : 1.0;
		if (!isfinite(v))
			continue;	/* no signal: not a training row either */
		ev[*n].user = log->user[row];
		ev[*n].item = log->item[row];
		ev[*n].value = (float)v;
		ev[*n].time = rp->p->time[j];
		(*n)++;
	}
	return ev;
}

/* Strategy s learns from window w (the w-th replayed, 0-based). */
static int
learn(struct replay *rp, struct strategy *s, size_t w, rs_stream_score *sc,
    rs_error *err)
{
	size_t a = rp->p->wbeg[w], b = rp->p->wend[w], n;
	double t0 = wall_seconds(), dt;
	uint32_t every = rp->o->retrain_every ? rp->o->retrain_every : 1;

	if (w + 1 == rp->p->nwin)
		return 0;	/* nothing is scored after the last window */
	if (s->update == RS_UPDATE_INCREMENTAL) {
		rs_event *ev = window_events(rp, a, b, &n);
		int rc = rs_model_update(s->m, ev, n, rp->nusers, rp->nitems, err);
		free(ev);
		if (rc != 0)
			return -1;
		s->cutoff = b;
	} else if (s->update == RS_UPDATE_RETRAIN && (w + 1) % every == 0) {
		rs_model *m = train_prefix(rp, b, err);
		if (m == NULL)
			return -1;
		rs_model_free(s->m);
		s->m = m;
		s->cutoff = b;
		sc->retrained = true;
	} else
		return 0;
	dt = wall_seconds() - t0;
	s->run->learn_seconds += dt;
	sc->update_us = dt * 1e6 / (double)(b - a);
	return 0;
}

/* The result's description, before any figure. */
static rs_stream_result *
result_new(const struct replay *rp, const rs_model *m, const int *ups,
    size_t nups)
{
	const struct stream_plan *p = rp->p;
	rs_stream_result *r = xcalloc(1, sizeof *r);

	r->name = xstrdup(rp->o->name ? rp->o->name : "stream");
	r->kind = xstrdup(m->kind->name);
	r->nparams = m->nparams;
	r->keys = xcalloc(m->nparams + 1, sizeof *r->keys);
	r->values = xcalloc(m->nparams + 1, sizeof *r->values);
	for (size_t i = 0; i < m->nparams; i++) {
		r->keys[i] = xstrdup(m->keys[i]);
		r->values[i] = xstrdup(m->values[i]);
	}
	r->window = xstrdup(rp->o->window ? rp->o->window : "1d");
	r->window_seconds = p->window_seconds;
	r->window_events = p->window_events;
	r->from = p->tbeg[0];
	r->k = rp->k;
	r->retrain_every = rp->o->retrain_every ? rp->o->retrain_every : 1;
	r->warmup_events = p->warm;
	r->events = p->n - p->warm;
	r->untimed = p->untimed;
	r->empty_windows = p->empty;
	r->nwindows = p->nwin;
	r->windows = xcalloc(p->nwin ? p->nwin : 1, sizeof *r->windows);
	for (size_t w = 0; w < p->nwin; w++) {
		r->windows[w].start = p->tbeg[w];
		r->windows[w].end = p->tend[w];
		r->windows[w].events = p->wend[w] - p->wbeg[w];
	}
	r->nruns = nups;
	r->runs = xcalloc(nups, sizeof *r->runs);
	for (size_t j = 0; j < nups; j++) {
		r->runs[j].update = ups[j];
		r->runs[j].win = xcalloc(p->nwin ? p->nwin : 1, sizeof *r->runs[j].win);
	}
	return r;
}

/* The overall line of a run from the window sums. */
static void
overall(rs_stream_result *r, rs_stream_run *run, const double *sums,
    const uint64_t *slots)
{
	rs_stream_score *o = &run->overall;
	double cov = 0;
	size_t ncov = 0;

	o->recall = o->ndcg = o->hit = o->new_exposure = NAN;
	for (size_t w = 0; w < r->nwindows; w++) {
		o->scored += run->win[w].scored;
		o->retrained |= run->win[w].retrained;
		if (run->win[w].scored > 0) {
			cov += run->win[w].coverage;
			ncov++;
		}
	}
	if (o->scored > 0) {
		o->recall = sums[0] / o->scored;
		o->ndcg = sums[1] / o->scored;
		o->hit = sums[2] / o->scored;
	}
	o->coverage = ncov ? cov / (double)ncov : 0;
	if (slots[0] > 0)
		o->new_exposure = (double)slots[1] / (double)slots[0];
	o->update_us = r->events ? run->learn_seconds * 1e6 / (double)r->events : 0;
}

static void
replay_free(struct replay *rp, struct strategy *st, size_t nst)
{
	for (size_t j = 0; j < nst; j++)
		rs_model_free(st[j].m);
	free(rp->uptr);
	free(rp->upos);
	free(rp->first);
	free(rp->wusers);
	free(rp->ustamp);
	free(rp->istamp);
	free(rp->top);
	free(rp->ntop);
	free(rp->ur);
	free(rp->un);
	free(rp->uh);
	free(rp->uscored);
}

/* The models of the warm-up, one per strategy; an incremental one is asked
 * to learn nothing, so a model that cannot learn says so before the
 * replay. */
static int
warm_up(struct replay *rp, struct strategy *st, const int *ups, size_t nups,
    rs_error *err)
{
	for (size_t j = 0; j < nups; j++) {
		st[j].update = ups[j];
		st[j].cutoff = rp->p->warm;
		if ((st[j].m = train_prefix(rp, rp->p->warm, err)) == NULL)
			return -1;
		if (ups[j] == RS_UPDATE_INCREMENTAL &&
		    rs_model_update(st[j].m, NULL, 0, rp->nusers, rp->nitems, err) != 0)
			return -1;
	}
	return 0;
}

int
rs_stream_replay(const rs_dataset *ds, const rs_stream_opts *o,
    rs_stream_result **out, rs_error *err)
{
	struct replay rp;
	struct stream_plan plan;
	struct strategy st[RS_UPDATE_NKINDS];
	int ups[RS_UPDATE_NKINDS];
	size_t nups;
	rs_stream_result *r;
	double t0 = wall_seconds(), sums[RS_UPDATE_NKINDS][3];
	uint64_t slots[RS_UPDATE_NKINDS][2];
	char task[300];

	*out = NULL;
	if (rs_stream_check(o, err) != 0)
		return -1;
	parse_updates(o->update, ups, &nups, NULL);
	if (stream_plan_build(ds, o, &plan, err) != 0)
		return -1;
	memset(&rp, 0, sizeof rp);
	memset(st, 0, sizeof st);
	memset(sums, 0, sizeof sums);
	memset(slots, 0, sizeof slots);
	rp.ds = ds;
	rp.o = o;
	rp.p = &plan;
	rp.kind = rs_model_kind_find(o->kind);
	rp.nusers = rs_ids_count(ds->users);
	rp.nitems = rs_ids_count(ds->items);
	rp.k = o->k ? o->k : 10;
	if (!rs_model_kind_binary(rp.kind) && ds->log.value_col >= 0)
		rp.value = ds->log.cols.cols[ds->log.value_col];
	if (warm_up(&rp, st, ups, nups, err) != 0) {
		replay_free(&rp, st, nups);
		stream_plan_free(&plan);
		return -1;
	}
	index_positions(&rp);
	rp.wusers = xmalloc((rp.nusers ? rp.nusers : 1) * sizeof *rp.wusers);
	rp.ustamp = xcalloc(rp.nusers ? rp.nusers : 1, sizeof *rp.ustamp);
	rp.istamp = xcalloc(rp.nitems ? rp.nitems : 1, sizeof *rp.istamp);
	rp.top = xmalloc(((size_t)rp.nusers * rp.k + 1) * sizeof *rp.top);
	rp.ntop = xmalloc(((size_t)rp.nusers + 1) * sizeof *rp.ntop);
	rp.ur = xmalloc(((size_t)rp.nusers + 1) * sizeof *rp.ur);
	rp.un = xmalloc(((size_t)rp.nusers + 1) * sizeof *rp.un);
	rp.uh = xmalloc(((size_t)rp.nusers + 1) * sizeof *rp.uh);
	rp.uscored = xmalloc((size_t)rp.nusers + 1);
	r = result_new(&rp, st[0].m, ups, nups);
	for (size_t j = 0; j < nups; j++)
		st[j].run = &r->runs[j];
	snprintf(task, sizeof task, "stream %s", r->name);
	for (size_t w = 0; w < plan.nwin; w++) {
		if (rs_hooks_progress(o->hooks, task, (double)w, (double)plan.nwin) != 0) {
			rs_error_set(err, RS_ECANCEL,
			    "interrupted at window %zu of %zu; nothing kept", w + 1, plan.nwin);
			goto fail;
		}
		window_users(&rp, w);
		r->windows[w].users = (uint32_t)rp.nwusers;
		/* test on every strategy, then learn: no strategy sees the
		 * window before it is scored */
		for (size_t j = 0; j < nups; j++)
			score_window(&rp, &st[j], w, &r->runs[j].win[w], sums[j], slots[j]);
		for (size_t j = 0; j < nups; j++)
			if (learn(&rp, &st[j], w, &r->runs[j].win[w], err) != 0) {
				if (err != NULL && err->code != RS_ECANCEL) {
					char why[sizeof err->msg];
					memcpy(why, err->msg, sizeof why);
					rs_error_set(err, err->code, "update=%s after window %zu: %.900s",
					    update_names[st[j].update], w + 1, why);
				}
				goto fail;
			}
	}
	rs_hooks_progress(o->hooks, task, (double)plan.nwin, (double)plan.nwin);
	for (size_t j = 0; j < nups; j++)
		overall(r, &r->runs[j], sums[j], slots[j]);
	if (plan.untimed > 0)
		rs_hooks_note(o->hooks, RS_NOTE_INFO,
		    "%llu rows without a time left out of the replay",
		    (unsigned long long)plan.untimed);
	r->seconds = wall_seconds() - t0;
	replay_free(&rp, st, nups);
	stream_plan_free(&plan);
	*out = r;
	return 0;
fail:
	rs_stream_result_free(r);
	replay_free(&rp, st, nups);
	stream_plan_free(&plan);
	return -1;
}
