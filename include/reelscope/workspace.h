/* reelscope engine: the workspace — the dataset as loaded, its current state and the pipeline of steps between. */
#ifndef REELSCOPE_WORKSPACE_H
#define REELSCOPE_WORKSPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/bias.h"
#include "reelscope/classify.h"
#include "reelscope/clean.h"
#include "reelscope/dataset.h"
#include "reelscope/error.h"
#include "reelscope/split.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The kinds of pipeline step: each makes a new state of the data (or its
 * item features) from the current one. */
typedef enum rs_step_kind {
	RS_STEP_CLEAN,		/* clean STEP [COLUMN] [options] */
	RS_STEP_SPLIT,		/* split KIND [options] */
	RS_STEP_FEATURES,	/* features [options] */
	RS_STEP_CLASSIFY,	/* classify [options] --fill */
	RS_STEP_PROPENSITY,	/* propensity method=pop|truth [options] */
	RS_STEP_NKINDS
} rs_step_kind;

/* One parameter of a step, in the order given: a positional word (key
 * NULL), key=value, or a flag (value NULL). */
typedef struct rs_step_param {
	char *key;
	char *value;
} rs_step_param;

/* A pipeline step as data: its kind and its parameters. It is what save
 * stores and what undo runs again; rs_step_op_format writes it as the
 * command that does it (history). */
typedef struct rs_step_op {
	rs_step_kind kind;
	rs_step_param *params;	/* owned */
	size_t nparams;
} rs_step_op;

/* The command name of a kind ("clean"), or NULL out of range. */
const char *rs_step_kind_name(int kind);
/* The kind named name or by a unique prefix of one, or -1. */
int rs_step_kind_find(const char *name);
/* Read one step command ("clean outliers watch_ratio method=z"), quoted as
 * the command language quotes, into op (freed with rs_step_op_free); 0, or
 * -1 with err saying why ("load is not a pipeline step"). */
int rs_step_op_parse(const char *text, rs_step_op *op, rs_error *err);
/* The command that does op, quoted so that rs_step_op_parse reads it back
 * (malloc'd; the caller frees it). */
char *rs_step_op_format(const rs_step_op *op);
/* The value of key= in op (the last one given), or NULL. */
const char *rs_step_op_get(const rs_step_op *op, const char *key);
/* Whether op has the flag --flag. */
bool rs_step_op_flag(const rs_step_op *op, const char *flag);
/* Add a parameter (key or value may be NULL, as in rs_step_param). */
void rs_step_op_add(rs_step_op *op, const char *key, const char *value);
/* A deep copy of src into dst. */
void rs_step_op_copy(rs_step_op *dst, const rs_step_op *src);
void rs_step_op_free(rs_step_op *op);

/* One recorded step: the operation, the command that does it (its
 * rs_step_op_format, for display), what it did, and the log's size before
 * and after. */
typedef struct rs_step {
	rs_step_op op;
	char *command;
	char *summary;
	size_t rows_before, rows_after;
	uint32_t users_before, users_after;
	uint32_t items_before, items_after;
} rs_step;

/* The kinds of command a source is made of: what made the base data. */
typedef enum rs_source_kind {
	RS_SOURCE_LOAD,		/* load PATH [options]: the files read and how */
	RS_SOURCE_STEP,		/* a pipeline step run before the data became a
				   new start (anonymize makes one) */
	RS_SOURCE_ANONYMIZE,	/* anonymize key=#N: ids replaced by keyed hashes */
	RS_SOURCE_TEXT,		/* a description the engine does not read: one
				   positional parameter, kept as given */
	RS_SOURCE_NKINDS
} rs_source_kind;

/* One command of a source: its kind and its parameters, in the order
 * given (op.kind is the step's kind for RS_SOURCE_STEP, else 0). A
 * generated world loaded with generate --load is the load it does (load
 * DIR --skip-bad): the files on disk are what it rebuilds from. */
typedef struct rs_source_cmd {
	rs_source_kind kind;
	rs_step_op op;
} rs_source_cmd;

/* What made the base data, as data: the commands in order (a load, or
 * after anonymize the earlier script followed by anonymize key=#N). save
 * stores it; rs_source_format writes it as the script (history). */
typedef struct rs_source {
	rs_source_cmd *cmds;	/* owned */
	size_t ncmds;
} rs_source;

/* The command name of a kind ("load"; a step's is its own), or NULL out of
 * range. */
const char *rs_source_kind_name(int kind);
/* Read a script ("load log.csv creator=c; clean dedup; anonymize key=#1"),
 * commands separated by ';' or a new line and quoted as the command
 * language quotes, into src (freed with rs_source_free). A command whose
 * first word is not exactly load, anonymize or a step's name, or that
 * does not parse, is kept as RS_SOURCE_TEXT; a text with no command at
 * all is one RS_SOURCE_TEXT of itself. */
void rs_source_parse(const char *text, rs_source *src);
/* The script of src, its commands joined by "; " and quoted so that
 * rs_source_parse reads it back (malloc'd; the caller frees it). */
char *rs_source_format(const rs_source *src);
/* Append a command (op's parameters copied; op->kind is used for
 * RS_SOURCE_STEP only). */
void rs_source_add(rs_source *src, rs_source_kind kind, const rs_step_op *op);
/* A deep copy of from into dst. */
void rs_source_copy(rs_source *dst, const rs_source *from);
void rs_source_free(rs_source *src);

/* The workspace: the dataset as loaded or generated (base), its current
 * state (data: base until a step changes it; undo rebuilds it by applying
 * the kept steps on base), the recorded steps, the item features, the
 * trained models and the kept evaluation results. It owns every one of
 * them. The handle is opaque: callers read it through the accessors below
 * and change it only through rs_workspace_* calls. */
typedef struct rs_workspace rs_workspace;
struct rs_model;
struct rs_eval_result;

/* Add a trained model (taken), replacing one of the same name. */
void rs_workspace_add_model(rs_workspace *ws, struct rs_model *m);
/* The model named name, or NULL. */
struct rs_model *rs_workspace_model(const rs_workspace *ws, const char *name);
/* Remove (and free) a model; false when there is none of that name. */
bool rs_workspace_drop_model(rs_workspace *ws, const char *name);

/* Keep an evaluation result (taken), replacing the one of the same model. */
void rs_workspace_add_result(rs_workspace *ws, struct rs_eval_result *r);
/* The result of the model named name, or NULL. */
struct rs_eval_result *rs_workspace_result(const rs_workspace *ws,
    const char *name);
/* The current data was changed in place by a step:
 * every result goes, and the models trained before now are older than the
 * data (their generation differs). */
void rs_workspace_data_changed(rs_workspace *ws);
/* Forget the results (all of them with name NULL). */
void rs_workspace_drop_results(rs_workspace *ws, const char *name);

/* Drop the item features (they are rebuilt by replaying their step). */
void rs_workspace_clear_features(rs_workspace *ws);
/* Replace the item features by f (taken; free_fn frees it). */
void rs_workspace_set_features(rs_workspace *ws, void *f, void (*free_fn)(void *));

/* Reading the workspace: callers go through these, so the engine may change
 * how it keeps its state. Every pointer returned belongs to the workspace
 * (never freed by the caller) and lives until the workspace changes. An
 * index out of range gives NULL. */
/* The current data, or NULL before any load. */
rs_dataset *rs_workspace_data(const rs_workspace *ws);
/* The data as loaded or generated, before any step (the current data when
 * no step changed it), or NULL. */
rs_dataset *rs_workspace_base(const rs_workspace *ws);
/* The script that made base (rs_source_format of the record below), or
 * NULL when nothing is recorded. */
const char *rs_workspace_source(const rs_workspace *ws);
/* What made base, as data, or NULL when nothing is recorded. */
const rs_source *rs_workspace_source_record(const rs_workspace *ws);
/* The recorded pipeline steps. */
size_t rs_workspace_nsteps(const rs_workspace *ws);
/* Step i (0-based, below rs_workspace_nsteps). */
const rs_step *rs_workspace_step(const rs_workspace *ws, size_t i);
/* The item features (features.h), or NULL. */
void *rs_workspace_features(const rs_workspace *ws);
/* The trained models. */
size_t rs_workspace_nmodels(const rs_workspace *ws);
/* Model i in training order (0-based, below rs_workspace_nmodels). */
struct rs_model *rs_workspace_model_at(const rs_workspace *ws, size_t i);
/* The models in training order (rs_workspace_nmodels of them). */
struct rs_model **rs_workspace_models(const rs_workspace *ws);
/* What is not in a file: the models added or changed (observe) and the
 * pipeline steps done since the workspace was saved or opened
 * (rs_workspace_mark_saved); either pointer may be NULL. */
void rs_workspace_unsaved(const rs_workspace *ws, size_t *models,
    size_t *steps);
/* Everything ws holds is in a file now (after rs_store_save). */
void rs_workspace_mark_saved(rs_workspace *ws);
/* The workspace's id: random hex made when it is created, stored in its
 * file and read back by open; save replaces a workspace file of another
 * id only when forced (store.h). */
#define RS_WORKSPACE_ID_LEN 32
const char *rs_workspace_id(const rs_workspace *ws);
/* The most recently trained model, or NULL. */
struct rs_model *rs_workspace_last_model(const rs_workspace *ws);
/* The kept evaluation results: the latest one per model name. A result
 * goes when its model is replaced or dropped, and every result goes when
 * the data changes, so none describes a model or split gone by. */
size_t rs_workspace_nresults(const rs_workspace *ws);
/* Result i (0-based, below rs_workspace_nresults). */
struct rs_eval_result *rs_workspace_result_at(const rs_workspace *ws, size_t i);
/* The generation of the current data: it counts the changes of the data
 * (set_base, set_data, data_changed), so a model whose generation differs
 * was trained on other data or another split. Not saved: an opened
 * workspace starts again at 0. */
uint64_t rs_workspace_generation(const rs_workspace *ws);
/* Whether m was trained on a previous dataset: another load or generate
 * came since (anonymize does not count: the data stays). Such a model is
 * set aside: kept and listed, but eval, compare and audit skip it. It stays
 * stale when the same file is loaded again (the workspace cannot tell the
 * data is the same); train it again or drop it. */
bool rs_workspace_model_stale(const rs_workspace *ws, const struct rs_model *m);

/* An empty workspace (no data); the caller frees it with
 * rs_workspace_free, which frees every dataset, step, model and result it
 * holds. Freeing NULL does nothing. */
rs_workspace *rs_workspace_new(void);
void rs_workspace_free(rs_workspace *ws);
/* A new starting point (takes ds); the pipeline is emptied. source is
 * what made it (copied; NULL: nothing recorded). */
void rs_workspace_set_base_source(rs_workspace *ws, rs_dataset *ds,
    const rs_source *source);
/* The same with the script that made ds as text, read by rs_source_parse
 * (NULL: nothing recorded). */
void rs_workspace_set_base(rs_workspace *ws, rs_dataset *ds, const char *source);
/* Replace the current state (takes ds; the old state is freed unless it is
 * base). */
void rs_workspace_set_data(rs_workspace *ws, rs_dataset *ds);
/* Record a step (op copied) that turned before into the current data. */
void rs_workspace_add_step(rs_workspace *ws, const rs_step_op *op,
    const char *summary, const rs_dataset *before);
/* A step turned the current data into after (taken; may be the current
 * data itself, for a step that only adds features). The old state is freed
 * unless it is base; changed says whether results and models are now older
 * than the data; the step is recorded (op copied) unless op is NULL. */
void rs_workspace_step_done(rs_workspace *ws, rs_dataset *after, bool changed,
    const rs_step_op *op, const char *summary);

/* What an applied step did, for the caller to show; free with
 * rs_step_report_free. */
typedef struct rs_step_report {
	rs_split_summary split;	/* split: the rows of each part */
	bool has_clean;		/* clean: the two below are set */
	rs_clean_result clean;	/* what the step removed or changed */
	rs_clean_params clean_params; /* its options (strings point into the op) */
	bool has_classify;	/* classify: the result below is set */
	struct rs_classify_result classify; /* what it found and filled */
	bool features_rebuilt;	/* the item features were built again */
	bool has_propensity;	/* propensity: the distribution below is set */
	rs_prop_summary propensity;
	rs_prop_opts propensity_opts;	/* its options (name points into the op) */
} rs_step_report;
/* The propensity options of op (name points into op); 0, or -1 with err
 * set. */
int rs_step_op_propensity_params(const rs_step_op *op, rs_prop_opts *o,
    rs_error *err);
void rs_step_report_free(rs_step_report *r);

/* The classify options of op (its strings point into op); 0, or -1 with
 * err set. classify without --fill is no step, but reads them too. */
int rs_step_op_classify_params(const rs_step_op *op,
    struct rs_classify_params *p, rs_error *err);
/* Whether op's parameters are right, before any data is looked at; 0, or
 * -1 with err saying what is wrong. */
int rs_step_op_check(const rs_step_op *op, rs_error *err);
/* Apply op to the current data: the engine reads its parameters, runs the
 * step and records it (op copied). 0, or -1 with err set and nothing
 * changed. out (may be NULL) says what the step did. */
int rs_workspace_apply(rs_workspace *ws, const rs_step_op *op,
    const rs_hooks *h, rs_step_report *out, rs_error *err);

/* Rebuild the current data from base by applying the first keep steps
 * again (rs_workspace_apply). On failure the workspace is as it was: the
 * steps, the item features and the data; err says which step failed. */
int rs_workspace_replay(rs_workspace *ws, size_t keep, const rs_hooks *h,
    rs_error *err);
/* Take back the last n steps (rs_workspace_replay of the others). */
int rs_workspace_undo(rs_workspace *ws, size_t n, const rs_hooks *h,
    rs_error *err);
/* Build the item features again by applying the last features step to the
 * current data without recording it (after open: features are not saved).
 * 0; 1 when there is no features step; -1 with err set. */
int rs_workspace_rebuild_features(rs_workspace *ws, const rs_hooks *h,
    rs_error *err);

/* Forget the steps from n on (the data is left as it is). */
void rs_workspace_truncate(rs_workspace *ws, size_t n);

#ifdef __cplusplus
}
#endif
#endif
