/* observe in the engine: new events checked against a model and the data, new ids added, then rs_model_update. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/observe.h"
#include "reelscope/workspace.h"
#include "workspace/ws.h"
#include "util/clock.h"
#include "util/strtab.h"
#include "util/xmalloc.h"

/* "FILE:LINE: " for an event read from a file, else "" */
static const char *
where(const rs_observations *b, const rs_observation *o, char *buf, size_t size)
{
	if (b->source == NULL || o->line == 0)
		return "";
	snprintf(buf, size, "%s:%zu: ", b->source, o->line);
	return buf;
}

/* The latest time of the model's training rows (-inf when none). */
static double
latest_time(const rs_imat *t)
{
	double last = -INFINITY;

	for (size_t q = 0; q < t->nnz; q++)
		if (t->utime[q] > last)
			last = t->utime[q];
	return last;
}

/* A new id's index: the known one, else its place among the ids new in
 * this batch (tab, in order of first appearance) after the known ones. */
static uint32_t
new_index(const rs_ids *ids, const char *id, struct rs_strtab *tab)
{
	size_t len = strlen(id);
	int64_t known = rs_ids_find(ids, id, len);

	if (known >= 0)
		return (uint32_t)known;
	return rs_ids_count(ids) + util_strtab_intern(tab, id, len, NULL);
}

/* Add the batch's new ids to ds, and to the data as loaded when its id
 * space is the same (the pipeline copies ids whole). */
static void
add_ids(rs_workspace *ws, const struct rs_strtab *tab, bool users)
{
	rs_dataset *ds = ws->data, *base = ws->base;
	bool both = base != NULL && base != ds &&
	    rs_ids_count(users ? base->users : base->items) ==
	    rs_ids_count(users ? ds->users : ds->items);

	for (uint32_t j = 0; j < tab->n; j++) {
		const char *name = util_strtab_get(tab, j);
		size_t len = strlen(name);
		if (users) {
			rs_dataset_add_user(ds, name, len);
			if (both)
				rs_dataset_add_user(base, name, len);
		} else {
			rs_dataset_add_item(ds, name, len);
			if (both)
				rs_dataset_add_item(base, name, len);
		}
	}
}

int
rs_workspace_observe(rs_workspace *ws, rs_model *m, const rs_observations *b,
    const rs_observe_opts *o, rs_observe_report *rep, rs_error *err)
{
	rs_dataset *ds = ws->data;
	const rs_imat *t = m->train;
	rs_event *ev = NULL;
	struct rs_strtab *unew = NULL, *inew = NULL;
	char buf[1100];
	uint32_t nusers = m->nusers, nitems = m->nitems;
	float lo = INFINITY, hi = -INFINITY;
	double prev;
	int rc = -1;

	memset(rep, 0, sizeof *rep);
	if (ds == NULL) {
		rs_error_set(err, RS_ESTATE, "no data loaded");
		return -1;
	}
	if (m->kind->update == NULL) {
		rs_error_set(err, RS_EINVAL, "model %s (%s) cannot learn from new events: retrain it",
		    m->name, m->kind->name);
		return -1;
	}
	if (t == NULL || m->state == NULL || m->generation != ws->generation ||
	    m->nusers > rs_ids_count(ds->users) || m->nitems > rs_ids_count(ds->items)) {
		rs_error_set(err, RS_ESTATE,
		    "model %s was trained on other data or another split: train it again",
		    m->name);
		return -1;
	}
	for (size_t q = 0; q < t->nnz; q++) {
		lo = t->uval[q] < lo ? t->uval[q] : lo;
		hi = t->uval[q] > hi ? t->uval[q] : hi;
	}
	if (!(lo <= hi))
		lo = hi = 1;	/* no training rows: implicit positives */
	prev = latest_time(t);
	ev = xmalloc((b->n ? b->n : 1) * sizeof *ev);
	unew = util_strtab_new();
	inew = util_strtab_new();
	for (size_t k = 0; k < b->n; k++) {
		const rs_observation *x = &b->ev[k];
		const char *at = where(b, x, buf, sizeof buf);
		double v = x->value;
		if (isnan(v)) {
			if (lo != hi) {
				rs_error_set(err, RS_EINVAL,
				    "%smodel %s learned values from %g to %g: give the event's value",
				    at, m->name, lo, hi);
				goto out;
			}
			v = lo;
		} else if (!(v >= lo && v <= hi)) {
			rs_error_set(err, RS_EINVAL,
			    "%svalue=%g is outside the signal's range (%g to %g, what model %s trained on)",
			    at, v, lo, hi, m->name);
			goto out;
		}
		if (!isnan(x->time) && !isfinite(x->time)) {
			rs_error_set(err, RS_EINVAL, "%stime is not finite", at);
			goto out;
		}
		if (!isnan(x->time)) {
			if (x->time < prev) {
				if (o != NULL && o->strict_order) {
					rs_error_set(err, RS_EINVAL,
					    "%sevent %zu is out of time order (%.17g before %.17g) and order=strict refuses it",
					    at, k + 1, x->time, prev);
					goto out;
				}
				if (rep->out_of_order++ == 0)
					rep->first_out_of_order = k;
			} else
				prev = x->time;
		}
		ev[k].user = new_index(ds->users, x->user, unew);
		ev[k].item = new_index(ds->items, x->item, inew);
		ev[k].value = (float)v;
		ev[k].time = x->time;
		if (ev[k].user >= nusers)
			nusers = ev[k].user + 1;
		if (ev[k].item >= nitems)
			nitems = ev[k].item + 1;
	}
	{
		double t0 = wall_seconds();
		if (rs_model_update(m, ev, b->n, nusers, nitems, err) != 0)
			goto out;
		rep->seconds = wall_seconds() - t0;
	}
	/* the model took the events: now the data learns the new ids */
	add_ids(ws, unew, true);
	add_ids(ws, inew, false);
	rep->events = b->n;
	m->serial = ++ws->models_added;	/* changed since any save */
	rep->new_users = unew->n;
	rep->new_items = inew->n;
	rc = 0;
out:
	free(ev);
	util_strtab_free(unew);
	util_strtab_free(inew);
	return rc;
}
