/* profile: a user's interest vector (top keywords, categories, creators), or an item's features. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "reelscope/features.h"
#include "util/text.h"
#include "util/xmalloc.h"

static const struct cmd_opt profile_opts[] = {
	{ "user", OPT_STR, NULL, 0, -1, NULL, "the user id (as in the data)" },
	{ "item", OPT_STR, NULL, 0, -1, NULL, "an item id instead: its keywords and features" },
	{ "signal", OPT_STR, NULL, 0, -1, NULL,
	  "numeric log column weighting each interaction, or count (default: the log's value column, watch_ratio in KuaiRec)" },
	{ "k", OPT_INT, NULL, 1, 1000, "10", "rows shown per list" },
	{ "half_life", OPT_NUM, NULL, 0, 36500, "0",
	  "user=: time decay in days: a row t days before the log's end weighs 2^(-t/half_life) (0: none)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field profile_fields[] = {
	{ "user", "the user (user=)" },
	{ "item", "the item (item=)" },
	{ "signal", "user=: the weight of each interaction" },
	{ "half_life", "user= half_life=: the decay in days" },
	{ "as_of", "user= half_life=: the log's latest time, where weights are whole" },
	{ "events", "user=: log rows of the user: all, used (with a signal value), weight (their sum)" },
	{ "keywords", "top terms: term, weight (user=: the sum of signal x TF-IDF weight)" },
	{ "categories", "user=: category, weight, share (of the summed signal)" },
	{ "creators", "user=: creator, weight, share" },
	{ "text", "item=: the item's text, per text column" },
	{ "features", "item=: the nonzero columns of the feature matrix outside the text block: column, value" },
	{ NULL, NULL }
};

/* Dense index of an external id, or -1 after a message. */
static int64_t
find_id(struct session *s, const rs_ids *ids, const char *what, const char *id)
{
	int64_t k = rs_ids_find(ids, id, strlen(id));
	char shown[128], ex[256] = "";
	uint32_t n = rs_ids_count(ids);

	if (k >= 0)
		return k;
	util_quote_field(id, strlen(id), shown, sizeof shown);
	for (uint32_t i = 0; i < n && i < 3; i++)
		snprintf(ex + strlen(ex), sizeof ex - strlen(ex), "%s%s",
		    i ? ", " : "", rs_ids_name(ids, i));
	if (n == 0)
		cmd_error(s, "profile: unknown %s %s (the dataset has no %ss)", what,
		    shown, what);
	else
		cmd_error(s, "profile: unknown %s %s (%u %ss, with ids such as %s)",
		    what, shown, n, what, ex);
	return -1;
}

/* The k largest entries of a block of vec as rows of key/weight[/share]. */
static void
top_block(struct rnode *root, const char *key, const char *label,
    const char *namekey, const rs_features *f, const float *vec,
    const rs_feature_block *b, size_t k, double total, size_t skip)
{
	uint32_t *idx = xmalloc(k * sizeof *idx);
	size_t n = b ? rs_top_k(vec + b->first, b->count, k, 0, idx) : 0;
	struct rnode *arr = rn_flags(rn_label(rn_arr(root, key), label), RF_TABLE);

	for (size_t i = 0; i < n; i++) {
		struct rnode *o = rn_obj(arr, NULL);
		rn_str(o, namekey, f->colnames[b->first + idx[i]] + skip);
		rn_num(o, "weight", vec[b->first + idx[i]]);
		if (total > 0)
			rn_flags(rn_num(o, "share", vec[b->first + idx[i]] / total),
			    RF_PERCENT);
	}
	free(idx);
}

static enum cmd_ret
profile_user(struct session *s, struct cmd_call *c, struct report *r,
    rs_dataset *ds, const rs_features *f)
{
	struct rnode *root = report_root(r), *o, *arr;
	const char *signal = call_get(c, "signal");
	size_t k = (size_t)call_int(c, "k", 10);
	int64_t u = find_id(s, ds->users, "user", call_get(c, "user"));
	rs_profile p;
	rs_error err;

	if (u < 0)
		return CMD_ERROR;
	if (rs_features_profile_decayed(f, ds, (uint32_t)u, signal,
	    call_num(c, "half_life", 0), &p, &err) != 0)
		return cmd_error(s, "profile: %s", err.msg);
	if (signal == NULL)
		signal = ds->log.value_col >= 0 ?
		    ds->log.cols.cols[ds->log.value_col]->name : "count";
	rn_str(root, "user", call_get(c, "user"));
	rn_str(root, "signal", signal);
	if (p.half_life > 0) {
		rn_label(rn_num(root, "half_life", p.half_life), "half-life (days)");
		rn_label(rn_flags(rn_num(root, "as_of", p.as_of), RF_TIME), "as of");
	}
	o = rn_flags(rn_obj(root, "events"), RF_INLINE);
	rn_int(o, "all", (int64_t)p.events);
	rn_int(o, "used", (int64_t)p.used);
	rn_num(o, "weight", p.weight);
	if (p.used == 0)
		report_note(r, "user %s has no interactions with a %s value: the profile is empty",
		    call_get(c, "user"), signal);
	top_block(root, "keywords", "top keywords", "term", f, p.vec,
	    rs_features_block(f, RS_FB_TEXT), k, 0, strlen("text:"));
	top_block(root, "categories", "top categories", "category", f, p.vec,
	    rs_features_block(f, RS_FB_CATEGORY), k, p.weight, strlen("category:"));
	arr = rn_flags(rn_label(rn_arr(root, "creators"), "top creators"), RF_TABLE);
	for (uint32_t i = 0; i < p.ncreators && i < k; i++) {
		struct rnode *row = rn_obj(arr, NULL);
		rn_str(row, "creator", rs_ids_name(ds->creators, p.creator[i]));
		rn_num(row, "weight", p.creator_weight[i]);
		if (p.weight > 0)
			rn_flags(rn_num(row, "share", p.creator_weight[i] / p.weight),
			    RF_PERCENT);
	}
	rs_profile_free(&p);
	return CMD_OK;
}

static enum cmd_ret
profile_item(struct session *s, struct cmd_call *c, struct report *r,
    rs_dataset *ds, const rs_features *f)
{
	struct rnode *root = report_root(r), *arr, *o;
	size_t k = (size_t)call_int(c, "k", 10), n;
	int64_t it = find_id(s, ds->items, "item", call_get(c, "item"));
	const rs_feature_block *tb;
	uint32_t *term;
	float *w;
	char *cols, *save = NULL;

	if (it < 0)
		return CMD_ERROR;
	rn_str(root, "item", call_get(c, "item"));
	o = rn_obj(root, "text");
	cols = xstrdup(f->text_cols);
	for (char *name = strtok_r(cols, ",", &save); name != NULL;
	    name = strtok_r(NULL, ",", &save)) {
		int j = rs_table_find(&ds->item_tbl, name);
		const char *t = j >= 0 && (size_t)it < ds->item_tbl.nrows ?
		    rs_column_text(ds->item_tbl.cols[j], (size_t)it) : NULL;
		if (t == NULL || *t == '\0')
			rn_null(o, name);
		else
			rn_str(o, name, t);
	}
	free(cols);
	term = xmalloc(k * sizeof *term);
	w = xmalloc(k * sizeof *w);
	n = rs_features_item_keywords(f, (uint32_t)it, k, term, w);
	arr = rn_flags(rn_label(rn_arr(root, "keywords"), "top keywords"), RF_TABLE);
	for (size_t i = 0; i < n; i++) {
		struct rnode *row = rn_obj(arr, NULL);
		rn_str(row, "term", f->terms[term[i]]);
		rn_num(row, "weight", w[i]);
	}
	free(term);
	free(w);
	tb = rs_features_block(f, RS_FB_TEXT);
	arr = rn_flags(rn_arr(root, "features"), RF_TABLE);
	if ((uint32_t)it < f->x.nrows)
		for (uint64_t j = f->x.ptr[it]; j < f->x.ptr[it + 1]; j++) {
			uint32_t col = f->x.col[j];
			struct rnode *row;
			if (tb != NULL && col >= tb->first && col < tb->first + tb->count)
				continue;
			row = rn_obj(arr, NULL);
			rn_str(row, "column", f->colnames[col]);
			rn_num(row, "value", f->x.val[j]);
		}
	return CMD_OK;
}

static enum cmd_ret
cmd_profile_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	const rs_features *f;

	if (ds == NULL)
		return CMD_ERROR;
	if (call_has(c, "user") == call_has(c, "item"))
		return cmd_error(s, "profile: give user=ID or item=ID (one of them)");
	if (call_has(c, "item") && call_has(c, "half_life"))
		return cmd_error(s, "profile: half_life= decays a user's interactions; an item profile has none");
	if (call_has(c, "item") && call_has(c, "signal"))
		return cmd_error(s, "profile: signal= weighs a user's interactions; an item profile has none");
	f = rs_workspace_features(s->ws);
	if (f == NULL)
		return cmd_error(s, "profile: no item features yet; run features first (profile reads the keyword vectors and categories it builds)");
	if (call_has(c, "user"))
		return profile_user(s, c, r, ds, f);
	return profile_item(s, c, r, ds, f);
}

const struct cmd_entry cmd_profile_entry = {
	.name = "profile",
	.usage = "user=ID [signal=COL] [half_life=DAYS] [k=N] | item=ID [k=N]",
	.help = "a user's interests (top keywords, categories, creators) or an item's features",
	.doc = "For user=ID: the interest vector u = sum over the user's log rows of r x v, v "
	    "the item's row of the feature matrix built by features and r the row's signal "
	    "value (default: the log's value column, watch_ratio in KuaiRec; count weighs "
	    "every row 1; rows without a value are skipped). Shows the k largest keyword "
	    "weights, the categories and the creators by summed signal with their share of "
	    "the total. half_life=DAYS weighs each row by 2^(-(t_end - t)/half_life), t_end "
	    "the log's latest time, so the profile shows what the user likes now (rows "
	    "without a time are left out). For item=ID: the item's text, its top TF-IDF keywords and its other "
	    "features. Needs features first; a query, not a pipeline step.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = profile_opts,
	.fields = profile_fields,
	.exec = cmd_profile_exec,
};
