/* Stream results in a workspace file: one optional STRM section per prequential replay. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "reelscope/stream.h"
#include "store/format.h"
#include "util/xmalloc.h"

static void
put_score(struct st_out *o, const rs_stream_score *s)
{
	st_put_u32(o, s->scored);
	st_put_f64(o, s->recall);
	st_put_f64(o, s->ndcg);
	st_put_f64(o, s->hit);
	st_put_f64(o, s->coverage);
	st_put_f64(o, s->new_exposure);
	st_put_f64(o, s->update_us);
	st_put_u8(o, s->retrained);
}

int
st_write_stream(struct st_writer *w, const rs_stream_result *r)
{
	struct st_out *o = &w->out;

	st_put_str(o, r->name);
	st_put_str(o, r->kind);
	st_put_u32(o, (uint32_t)r->nparams);
	for (size_t i = 0; i < r->nparams; i++) {
		st_put_str(o, r->keys[i]);
		st_put_str(o, r->values[i]);
	}
	st_put_str(o, r->window);
	st_put_f64(o, r->window_seconds);
	st_put_u64(o, r->window_events);
	st_put_f64(o, r->from);
	st_put_u32(o, r->k);
	st_put_u32(o, r->retrain_every);
	st_put_u64(o, r->warmup_events);
	st_put_u64(o, r->events);
	st_put_u64(o, r->untimed);
	st_put_u32(o, r->empty_windows);
	st_put_f64(o, r->seconds);
	st_put_u64(o, r->nwindows);
	for (size_t j = 0; j < r->nwindows; j++) {
		st_put_f64(o, r->windows[j].start);
		st_put_f64(o, r->windows[j].end);
		st_put_u64(o, r->windows[j].events);
		st_put_u32(o, r->windows[j].users);
	}
	st_put_u32(o, (uint32_t)r->nruns);
	for (size_t i = 0; i < r->nruns; i++) {
		st_put_u32(o, (uint32_t)r->runs[i].update);
		st_put_f64(o, r->runs[i].learn_seconds);
		put_score(o, &r->runs[i].overall);
		for (size_t j = 0; j < r->nwindows; j++)
			put_score(o, &r->runs[i].win[j]);
	}
	/* not required: a reader without it has a sound session */
	return st_write_section(w, ST_STRM, 0);
}

static bool
get_score(struct st_in *in, rs_stream_score *s)
{
	return st_get_u32(in, &s->scored) && st_get_f64(in, &s->recall) &&
	    st_get_f64(in, &s->ndcg) && st_get_f64(in, &s->hit) &&
	    st_get_f64(in, &s->coverage) && st_get_f64(in, &s->new_exposure) &&
	    st_get_f64(in, &s->update_us) && st_get_bool(in, &s->retrained);
}

/* The windows: the count is checked against the bytes left before any
 * allocation, so a corrupt count cannot ask for gigabytes. */
static bool
read_windows(struct st_in *in, rs_stream_result *r)
{
	uint64_t n;

	if (!st_get_u64(in, &n))
		return false;
	if (n > (in->len - in->pos) / 28)
		return st_corrupt(in, "%llu windows in %zu bytes",
		    (unsigned long long)n, in->len - in->pos);
	r->nwindows = (size_t)n;
	r->windows = xcalloc(n ? n : 1, sizeof *r->windows);
	for (size_t j = 0; j < n; j++)
		if (!st_get_f64(in, &r->windows[j].start) ||
		    !st_get_f64(in, &r->windows[j].end) ||
		    !st_get_u64(in, &r->windows[j].events) ||
		    !st_get_u32(in, &r->windows[j].users))
			return false;
	return true;
}

static bool
read_runs(struct st_in *in, rs_stream_result *r)
{
	uint32_t n, u;

	if (!st_get_u32(in, &n))
		return false;
	if (n == 0 || n > RS_UPDATE_NKINDS)
		return st_corrupt(in, "%u update strategies", n);
	r->runs = xcalloc(n, sizeof *r->runs);
	for (uint32_t i = 0; i < n; i++) {
		rs_stream_run *run = &r->runs[i];
		r->nruns = i + 1;
		run->win = xcalloc(r->nwindows ? r->nwindows : 1, sizeof *run->win);
		if (!st_get_u32(in, &u) || !st_get_f64(in, &run->learn_seconds) ||
		    !get_score(in, &run->overall))
			return false;
		if (u >= RS_UPDATE_NKINDS)
			return st_corrupt(in, "update strategy %u", u);
		run->update = (int)u;
		for (size_t j = 0; j < r->nwindows; j++)
			if (!get_score(in, &run->win[j]))
				return false;
	}
	return true;
}

static bool
read_fields(struct st_in *in, rs_stream_result *r)
{
	uint32_t np;

	if (!st_get_str(in, &r->name) || !st_get_str(in, &r->kind) ||
	    !st_get_u32(in, &np))
		return false;
	if (r->name == NULL || r->kind == NULL)
		return st_corrupt(in, "a stream result without its name or model");
	if (np > (in->len - in->pos) / 8)
		return st_corrupt(in, "%u parameters", np);
	r->keys = xcalloc(np + 1, sizeof *r->keys);
	r->values = xcalloc(np + 1, sizeof *r->values);
	for (uint32_t i = 0; i < np; i++) {
		r->nparams = i + 1;
		if (!st_get_str(in, &r->keys[i]) || !st_get_str(in, &r->values[i]))
			return false;
		if (r->keys[i] == NULL || r->values[i] == NULL)
			return st_corrupt(in, "a parameter without a name or value");
	}
	if (!st_get_str(in, &r->window) || !st_get_f64(in, &r->window_seconds) ||
	    !st_get_u64(in, &r->window_events) || !st_get_f64(in, &r->from) ||
	    !st_get_u32(in, &r->k) || !st_get_u32(in, &r->retrain_every) ||
	    !st_get_u64(in, &r->warmup_events) || !st_get_u64(in, &r->events) ||
	    !st_get_u64(in, &r->untimed) || !st_get_u32(in, &r->empty_windows) ||
	    !st_get_f64(in, &r->seconds))
		return false;
	if (r->window == NULL)
		return st_corrupt(in, "a stream result without its window");
	return read_windows(in, r) && read_runs(in, r) && st_get_end(in);
}

rs_stream_result *
st_read_stream(struct st_reader *rd)
{
	struct st_in in;
	rs_stream_result *r;

	if (st_read_section(rd, ST_STRM, &in) != 0)
		return NULL;
	r = xcalloc(1, sizeof *r);
	if (!read_fields(&in, r)) {
		rs_stream_result_free(r);
		return NULL;
	}
	return r;
}
