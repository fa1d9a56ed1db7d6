/* What eval, compare, significance and tune share: protocol options, model lists, running and rendering evaluations. */
#ifndef RS_EVALCLI_H
#define RS_EVALCLI_H

#include "cli.h"

/* The protocol options every evaluating command takes (after its own). */
#define EVALCLI_K_OPT \
	{ "k", OPT_STR, NULL, 0, -1, "10", "cutoffs, comma-separated (e.g. 10,20)" }
#define EVALCLI_PROTOCOL_OPTS \
	{ "sampled", OPT_INT, NULL, 1, 100000000, NULL, \
	  "rank each user's relevant items among N sampled negatives instead of every unseen item (inflates numbers; results say so)" }, \
	{ "relevant", OPT_STR, NULL, 0, -1, NULL, \
	  "which held-out rows are relevant: COL>=T or COL>T (default: every held-out row; on a fully observed block value>=effective)" }, \
	{ "part", OPT_ENUM, "test|valid", 0, -1, "test", "the held-out part to evaluate on" }, \
	{ "signal", OPT_STR, NULL, 0, -1, NULL, \
	  "rating column for rmse/mae (default: the value column)" }, \
	{ "diversity", OPT_STR, NULL, 0, -1, NULL, \
	  "item category column for diversity (default: feat, genres, first_level_category_id or video_tag_id)" }, \
	{ "effective", OPT_NUM, NULL, 0.01, 1000, "2", \
	  "effective-view threshold on the watch ratio (KuaiRec's authors: 2)" }, \
	{ "seed", OPT_INT, NULL, 0, 9007199254740992.0, "1", \
	  "seed of the sampled candidates and of bootstrap intervals" }

/* Which held-out users count (eval, compare, significance). */
#define EVALCLI_COLD_OPT \
	{ "cold", OPT_ENUM, "include|exclude|only", 0, -1, "include", \
	  "users without a training row (cold): evaluate them with the others, leave them out, or evaluate only them (cold=include given keeps them without the warning)" }

/* Fill o from the call's protocol options (k only when with_k). Returns
 * false after reporting the error. */
bool evalcli_opts(struct session *s, const struct cmd_call *c, const char *cmd,
    bool with_k, rs_eval_opts *o);
/* Add cutoff k to o (for a metric that needs it); false when full. */
bool evalcli_add_k(rs_eval_opts *o, uint32_t k);
/* The models named in names[0..n), or every model when n is 0, without the
 * stale ones (trained on a previous dataset: a note to r says each is
 * skipped). NULL after reporting the error (also when only stale ones were
 * left); *count receives how many (caller frees the array). */
rs_model **evalcli_models(struct session *s, struct report *r,
    char *const *names, size_t n, const char *cmd, size_t *count);
/* Whether m was trained on data of ds's shape (users, items); reports why
 * not for cmd. recommend, similar and explain check it. */
/* Warn when m was trained before the data or split last changed (its
 * generation is older than the workspace's), imported lists excepted. */
void evalcli_warn_stale(struct session *s, struct report *r, const rs_model *m);
bool evalcli_model_fits(struct session *s, const rs_model *m, const rs_dataset *ds,
    const char *cmd);
/* Prepare the protocol on the current data; its notes go to r. */
rs_eval_ctx *evalcli_prepare(struct session *s, const rs_eval_opts *o,
    struct report *r, const char *cmd);
/* Evaluate m (caller owns the result; evalcli_keep hands it to the
 * workspace once the command has succeeded, so a failed command keeps
 * nothing). */
rs_eval_result *evalcli_run(struct session *s, const rs_eval_ctx *ctx,
    const rs_model *m, struct report *r, const char *cmd);
void evalcli_keep(struct session *s, rs_eval_result **res, size_t n);
/* One result: flat metric keys for JSON, tables by cutoff for text. */
void evalcli_render(struct rnode *obj, const rs_eval_result *res);
/* A result as eval shows it: an object of the JSON array arr, and in text a
 * block under root titled "MODEL (KIND)". */
void evalcli_show(struct rnode *root, struct rnode *arr, const rs_eval_result *res);
/* A metric value for text: "0.3254" or "-". */
void evalcli_fmt(double x, char *buf, size_t size);

#endif
