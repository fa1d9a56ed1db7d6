/* The workspace: the loaded dataset, its current state and the recorded pipeline of steps. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "reelscope/eval.h"
#include "reelscope/model.h"
#include "reelscope/workspace.h"
#include "util/xmalloc.h"

rs_workspace *
rs_workspace_new(void)
{
	return xcalloc(1, sizeof(rs_workspace));
}

static void
step_free(rs_step *s)
{
	free(s->command);
	free(s->summary);
}

void
rs_workspace_truncate(rs_workspace *ws, size_t n)
{
	while (ws->nsteps > n)
		step_free(&ws->steps[--ws->nsteps]);
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
	if (ws->data != ws->base)
		rs_dataset_free(ws->data);
	rs_dataset_free(ws->base);
	free(ws->source);
	free(ws);
}

void
rs_workspace_set_base(rs_workspace *ws, rs_dataset *ds, const char *source)
{
	rs_workspace_clear_features(ws);
	rs_workspace_truncate(ws, 0);
	rs_workspace_drop_results(ws, NULL);
	if (ws->data != ws->base)
		rs_dataset_free(ws->data);
	rs_dataset_free(ws->base);
	free(ws->source);
	ws->base = ws->data = ds;
	ws->source = source ? xstrdup(source) : NULL;
	ws->generation++;
}

void
rs_workspace_set_data(rs_workspace *ws, rs_dataset *ds)
{
	if (ws->data != ws->base && ws->data != ds)
		rs_dataset_free(ws->data);
	ws->data = ds;
	rs_workspace_data_changed(ws);
}

void
rs_workspace_data_changed(rs_workspace *ws)
{
	rs_workspace_drop_results(ws, NULL);
	ws->generation++;
}

void
rs_workspace_add_step(rs_workspace *ws, const char *command,
    const char *summary, const rs_dataset *before)
{
	rs_step *s;
	const rs_dataset *after = ws->data;

	ws->steps = xreallocarray(ws->steps, ws->nsteps + 1, sizeof *ws->steps);
	s = &ws->steps[ws->nsteps++];
	memset(s, 0, sizeof *s);
	s->command = xstrdup(command);
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
