/* Internal: the workspace's fields, for the workspace module and for the store, which writes and rebuilds them (nothing else includes this). */
#ifndef RS_WORKSPACE_WS_H
#define RS_WORKSPACE_WS_H

#include <stddef.h>
#include <stdint.h>

#include "reelscope/workspace.h"

/* The workspace owns every dataset, step, model and result it points to.
 * data is base until a step changes the data; undo rebuilds data by
 * applying the kept steps on base. Besides src/lib/workspace/, only the
 * store (src/lib/store/workspace.c) includes this: opening a file fills
 * the fields as they were saved (the steps with their counts, data beside
 * base), which no public call does. */
struct rs_workspace {
	rs_dataset *base;	/* as loaded or generated, or NULL */
	rs_dataset *data;	/* the current state (== base or a derived copy) */
	/* what made base (NULL: nothing recorded), and its script as text
	 * (rs_source_format), kept for rs_workspace_source */
	rs_source *source;
	char *source_text;
	rs_step *steps;
	size_t nsteps;
	/* item features built by the features step (features.h), or NULL;
	 * freed with features_free */
	void *features;
	void (*features_free)(void *);
	/* trained models by name (model.h), in training order */
	struct rs_model **models;
	size_t nmodels;
	/* evaluation results (eval.h): the latest one per model name, kept for
	 * the leaderboard, exports and audits. A result goes when its model is
	 * replaced or dropped, and every result goes when the data changes
	 * (set_base, set_data), so none describes a model or split gone by. */
	struct rs_eval_result **results;
	size_t nresults;
	/* counts the changes of data (set_base, set_data, data_changed): a
	 * model whose generation differs was trained on other data or
	 * another split. Not saved: an opened workspace starts again at 0. */
	uint64_t generation;
	/* prequential replays (stream.h) by name, in the order kept */
	struct rs_stream_result **streams;
	size_t nstreams;
	/* counts the datasets loaded or generated (set_base, except after
	 * anonymize, which keeps the data): a model whose count differs
	 * was trained on a previous dataset and is set aside (stale) */
	uint64_t dataset;
	/* what is not in a file yet (rs_workspace_unsaved): models whose
	 * serial is above saved_serial (models_added counts the models added
	 * or changed), steps from saved_steps on (undo lowers it) */
	uint64_t models_added, saved_serial;
	size_t saved_steps;
	/* the workspace's id (hex), made when it is created and kept in its
	 * file, so save knows its own earlier saves from other workspaces */
	char id[RS_WORKSPACE_ID_LEN + 1];
};

#endif
