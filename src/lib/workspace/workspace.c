/* The workspace: the loaded dataset, its current state and the recorded pipeline of steps. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "reelscope/eval.h"
#include "reelscope/model.h"
#include "workspace/ws.h"
#include "reelscope/stream.h"
#include "util/clock.h"
#include "util/xmalloc.h"

/* A new workspace id: 16 bytes from /dev/urandom as hex, or, without it,
 * the clock, the process and an address mixed (unique enough to tell two
 * sessions' files apart, which is all it is for). */
static void
mint_id(char out[RS_WORKSPACE_ID_LEN + 1])
{
	unsigned char b[RS_WORKSPACE_ID_LEN / 2];
	FILE *f = fopen("/dev/urandom", "rb");
	bool ok = f != NULL && fread(b, 1, sizeof b, f) == sizeof b;

	if (f != NULL)
		fclose(f);
	if (!ok) {
		uint64_t x = (uint64_t)(wall_seconds() * 1e9) ^
		    ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)out;
		for (size_t i = 0; i < sizeof b; i++) {
			/* splitmix64 steps */
			uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
			z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
			z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
			b[i] = (unsigned char)(z ^ (z >> 31));
		}
	}
	for (size_t i = 0; i < sizeof b; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

rs_workspace *
rs_workspace_new(void)
{
	rs_workspace *ws = xcalloc(1, sizeof(rs_workspace));

	mint_id(ws->id);
	return ws;
}

static void
step_free(rs_step *s)
{
	rs_step_op_free(&s->op);
	free(s->command);
	free(s->summary);
}

/* Forget what made base. */
static void
source_clear(rs_workspace *ws)
{
	if (ws->source != NULL)
		rs_source_free(ws->source);
	free(ws->source);
	free(ws->source_text);
	ws->source = NULL;
	ws->source_text = NULL;
}

void
rs_workspace_truncate(rs_workspace *ws, size_t n)
{
	while (ws->nsteps > n)
		step_free(&ws->steps[--ws->nsteps]);
	if (ws->saved_steps > n)
		ws->saved_steps = n;
}

void
rs_workspace_clear_features(rs_workspace *ws)
{
	if (ws->features != NULL && ws->features_free != NULL)
		ws->features_free(ws->features);
	ws->features = NULL;
	ws->features_free = NULL;
}

void
rs_workspace_set_features(rs_workspace *ws, void *f, void (*free_fn)(void *))
{
	rs_workspace_clear_features(ws);
	ws->features = f;
	ws->features_free = free_fn;
}

void
rs_workspace_free(rs_workspace *ws)
{
	if (ws == NULL)
		return;
	rs_workspace_clear_features(ws);
	rs_workspace_truncate(ws, 0);
	free(ws->steps);
	for (size_t i = 0; i < ws->nmodels; i++)
		rs_model_free(ws->models[i]);
	free(ws->models);
	rs_workspace_drop_results(ws, NULL);
	free(ws->results);
	for (size_t i = 0; i < ws->nstreams; i++)
		rs_stream_result_free(ws->streams[i]);
	free(ws->streams);
	if (ws->data != ws->base)
		rs_dataset_free(ws->data);
	rs_dataset_free(ws->base);
	source_clear(ws);
	free(ws);
}

void
rs_workspace_set_base_source(rs_workspace *ws, rs_dataset *ds,
    const rs_source *source)
{
	rs_workspace_clear_features(ws);
	rs_workspace_truncate(ws, 0);
	rs_workspace_drop_results(ws, NULL);
	if (ws->data != ws->base)
		rs_dataset_free(ws->data);
	rs_dataset_free(ws->base);
	source_clear(ws);
	ws->base = ws->data = ds;
	/* a new dataset sets the models aside; anonymize only renames ids */
	if (source == NULL || source->ncmds == 0 ||
	    source->cmds[source->ncmds - 1].kind != RS_SOURCE_ANONYMIZE)
		ws->dataset++;
	if (source != NULL) {
		ws->source = xmalloc(sizeof *ws->source);
		rs_source_copy(ws->source, source);
		ws->source_text = rs_source_format(ws->source);
	}
	ws->generation++;
}

void
rs_workspace_set_base(rs_workspace *ws, rs_dataset *ds, const char *source)
{
	rs_source src;

	if (source == NULL) {
		rs_workspace_set_base_source(ws, ds, NULL);
		return;
	}
	rs_source_parse(source, &src);
	rs_workspace_set_base_source(ws, ds, &src);
	rs_source_free(&src);
}

void
rs_workspace_set_data(rs_workspace *ws, rs_dataset *ds)
{
	if (ws->data != ws->base && ws->data != ds)
		rs_dataset_free(ws->data);
	ws->data = ds;
	rs_signal_detect(ds, -1);
	rs_workspace_data_changed(ws);
}

void
rs_workspace_data_changed(rs_workspace *ws)
{
	rs_workspace_drop_results(ws, NULL);
	ws->generation++;
}

void
rs_workspace_add_step(rs_workspace *ws, const rs_step_op *op,
    const char *summary, const rs_dataset *before)
{
	rs_step *s;
	const rs_dataset *after = ws->data;

	ws->steps = xreallocarray(ws->steps, ws->nsteps + 1, sizeof *ws->steps);
	s = &ws->steps[ws->nsteps++];
	memset(s, 0, sizeof *s);
	rs_step_op_copy(&s->op, op);
	s->command = rs_step_op_format(op);
	s->summary = xstrdup(summary ? summary : "");
	if (before != NULL) {
		s->rows_before = before->log.n;
		s->users_before = rs_log_count_users(&before->log,
		    rs_ids_count(before->users));
		s->items_before = rs_log_count_items(&before->log,
		    rs_ids_count(before->items));
	}
	if (after != NULL) {
		s->rows_after = after->log.n;
		s->users_after = rs_log_count_users(&after->log,
		    rs_ids_count(after->users));
		s->items_after = rs_log_count_items(&after->log,
		    rs_ids_count(after->items));
	}
}

void
rs_workspace_step_done(rs_workspace *ws, rs_dataset *after, bool changed,
    const rs_step_op *op, const char *summary)
{
	rs_dataset *before = ws->data;

	if (after == before) {
		if (op != NULL)
			rs_workspace_add_step(ws, op, summary, before);
		return;
	}
	/* the step may have changed the values (binarize, fill, a cap) */
	rs_signal_detect(after, -1);
	/* keep the old state alive until the step is recorded */
	ws->data = after;
	if (changed)
		rs_workspace_data_changed(ws);
	if (op != NULL)
		rs_workspace_add_step(ws, op, summary, before);
	if (before != ws->base)
		rs_dataset_free(before);
}

/* The pipeline set aside while its steps run again. */
struct replay_saved {
	rs_dataset *data;
	rs_step *steps;
	size_t nsteps;
	void *features;
	void (*features_free)(void *);
};

/* Put the set-aside pipeline back after a failed replay. */
static void
replay_restore(rs_workspace *ws, const struct replay_saved *sv)
{
	rs_workspace_truncate(ws, 0);
	free(ws->steps);
	if (ws->data != ws->base && ws->data != sv->data)
		rs_dataset_free(ws->data);
	ws->data = sv->data;
	ws->steps = sv->steps;
	ws->nsteps = sv->nsteps;
	rs_workspace_clear_features(ws);
	ws->features = sv->features;
	ws->features_free = sv->features_free;
}

/* Free the set-aside pipeline after a replay that worked. */
static void
replay_release(rs_workspace *ws, struct replay_saved *sv)
{
	if (sv->features != NULL && sv->features_free != NULL)
		sv->features_free(sv->features);
	if (sv->data != ws->base && sv->data != ws->data)
		rs_dataset_free(sv->data);
	for (size_t i = 0; i < sv->nsteps; i++)
		step_free(&sv->steps[i]);
	free(sv->steps);
}

int
rs_workspace_replay(rs_workspace *ws, size_t keep, const rs_hooks *h,
    rs_error *err)
{
	struct replay_saved sv = { ws->data, ws->steps, ws->nsteps, ws->features,
		ws->features_free };
	size_t saved_steps = ws->saved_steps;

	/* run the kept steps again on a fresh start; the old list stays aside */
	ws->features = NULL;
	ws->features_free = NULL;
	ws->steps = NULL;
	ws->nsteps = 0;
	ws->data = ws->base;
	for (size_t i = 0; i < keep && i < sv.nsteps; i++) {
		rs_error e;
		rs_error_clear(&e);
		if (rs_workspace_apply(ws, &sv.steps[i].op, h, NULL, &e) != 0) {
			rs_error_set(err, e.code ? e.code : RS_EINVAL,
			    "replaying step %zu (%.200s) failed: %.780s", i + 1,
			    sv.steps[i].command, e.msg);
			replay_restore(ws, &sv);
			ws->saved_steps = saved_steps;
			return -1;
		}
	}
	/* back on base (every step undone, or only steps that keep the data),
	 * no replayed step said the data changed, yet it did */
	if (ws->data != sv.data)
		rs_workspace_data_changed(ws);
	replay_release(ws, &sv);
	/* the kept steps are the same ones: saved if they were */
	if (ws->saved_steps > keep)
		ws->saved_steps = keep;
	return 0;
}

int
rs_workspace_undo(rs_workspace *ws, size_t n, const rs_hooks *h,
    rs_error *err)
{
	if (n == 0 || n > ws->nsteps) {
		rs_error_set(err, RS_EINVAL, "only %zu step%s to undo", ws->nsteps,
		    ws->nsteps == 1 ? "" : "s");
		return -1;
	}
	return rs_workspace_replay(ws, ws->nsteps - n, h, err);
}

int
rs_workspace_rebuild_features(rs_workspace *ws, const rs_hooks *h,
    rs_error *err)
{
	const rs_step *last = NULL;
	rs_step_op op;
	size_t nsteps = ws->nsteps;
	int rc;

	for (size_t i = 0; i < ws->nsteps; i++)
		if (ws->steps[i].op.kind == RS_STEP_FEATURES)
			last = &ws->steps[i];
	if (last == NULL)
		return 1;
	/* applied as a new step, then forgotten: the pipeline stays as read
	 * (a copy: recording it moves the steps) */
	rs_step_op_copy(&op, &last->op);
	rc = rs_workspace_apply(ws, &op, h, NULL, err);
	rs_step_op_free(&op);
	if (rc == 0)
		rs_workspace_truncate(ws, nsteps);
	return rc;
}

rs_dataset *
rs_workspace_data(const rs_workspace *ws)
{
	return ws->data;
}

rs_dataset *
rs_workspace_base(const rs_workspace *ws)
{
	return ws->base;
}

const char *
rs_workspace_source(const rs_workspace *ws)
{
	return ws->source_text;
}

const rs_source *
rs_workspace_source_record(const rs_workspace *ws)
{
	return ws->source;
}

size_t
rs_workspace_nsteps(const rs_workspace *ws)
{
	return ws->nsteps;
}

const rs_step *
rs_workspace_step(const rs_workspace *ws, size_t i)
{
	return i < ws->nsteps ? &ws->steps[i] : NULL;
}

void *
rs_workspace_features(const rs_workspace *ws)
{
	return ws->features;
}

size_t
rs_workspace_nmodels(const rs_workspace *ws)
{
	return ws->nmodels;
}

struct rs_model *
rs_workspace_model_at(const rs_workspace *ws, size_t i)
{
	return i < ws->nmodels ? ws->models[i] : NULL;
}

struct rs_model **
rs_workspace_models(const rs_workspace *ws)
{
	return ws->models;
}

struct rs_model *
rs_workspace_last_model(const rs_workspace *ws)
{
	return ws->nmodels > 0 ? ws->models[ws->nmodels - 1] : NULL;
}

size_t
rs_workspace_nresults(const rs_workspace *ws)
{
	return ws->nresults;
}

struct rs_eval_result *
rs_workspace_result_at(const rs_workspace *ws, size_t i)
{
	return i < ws->nresults ? ws->results[i] : NULL;
}

uint64_t
rs_workspace_generation(const rs_workspace *ws)
{
	return ws->generation;
}

void
rs_workspace_add_model(rs_workspace *ws, struct rs_model *m)
{
	rs_workspace_drop_results(ws, m->name);
	for (size_t i = 0; i < ws->nmodels; i++)
		if (strcmp(ws->models[i]->name, m->name) == 0) {
			rs_model_free(ws->models[i]);
			memmove(ws->models + i, ws->models + i + 1,
			    (ws->nmodels - i - 1) * sizeof *ws->models);
			ws->nmodels--;
			break;
		}
	ws->models = xreallocarray(ws->models, ws->nmodels + 1, sizeof *ws->models);
	ws->models[ws->nmodels++] = m;
	m->generation = ws->generation;
	m->dataset = ws->dataset;
	m->serial = ++ws->models_added;
}

void
rs_workspace_unsaved(const rs_workspace *ws, size_t *models, size_t *steps)
{
	size_t n = 0;

	for (size_t i = 0; i < ws->nmodels; i++)
		n += ws->models[i]->serial > ws->saved_serial;
	if (models != NULL)
		*models = n;
	if (steps != NULL)
		*steps = ws->nsteps - (ws->saved_steps < ws->nsteps ?
		    ws->saved_steps : ws->nsteps);
}

void
rs_workspace_mark_saved(rs_workspace *ws)
{
	ws->saved_serial = ws->models_added;
	ws->saved_steps = ws->nsteps;
}

const char *
rs_workspace_id(const rs_workspace *ws)
{
	return ws->id;
}

bool
rs_workspace_model_stale(const rs_workspace *ws, const struct rs_model *m)
{
	return m->dataset != ws->dataset;
}

struct rs_model *
rs_workspace_model(const rs_workspace *ws, const char *name)
{
	for (size_t i = 0; i < ws->nmodels; i++)
		if (strcmp(ws->models[i]->name, name) == 0)
			return ws->models[i];
	return NULL;
}

bool
rs_workspace_drop_model(rs_workspace *ws, const char *name)
{
	rs_workspace_drop_results(ws, name);
	for (size_t i = 0; i < ws->nmodels; i++)
		if (strcmp(ws->models[i]->name, name) == 0) {
			rs_model_free(ws->models[i]);
			memmove(ws->models + i, ws->models + i + 1,
			    (ws->nmodels - i - 1) * sizeof *ws->models);
			ws->nmodels--;
			return true;
		}
	return false;
}

void
rs_workspace_drop_results(rs_workspace *ws, const char *name)
{
	size_t o = 0;

	for (size_t i = 0; i < ws->nresults; i++) {
		if (name == NULL || strcmp(ws->results[i]->model, name) == 0)
			rs_eval_result_free(ws->results[i]);
		else
			ws->results[o++] = ws->results[i];
	}
	ws->nresults = o;
}

void
rs_workspace_add_result(rs_workspace *ws, struct rs_eval_result *r)
{
	rs_workspace_drop_results(ws, r->model);
	ws->results = xreallocarray(ws->results, ws->nresults + 1, sizeof *ws->results);
	ws->results[ws->nresults++] = r;
}

struct rs_eval_result *
rs_workspace_result(const rs_workspace *ws, const char *name)
{
	for (size_t i = 0; i < ws->nresults; i++)
		if (strcmp(ws->results[i]->model, name) == 0)
			return ws->results[i];
	return NULL;
}
