/* explain: why a model scores an item for a user — the items, neighbours, features or blend parts behind the score. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/evalcli.h"
#include "reelscope/explain.h"
#include "util/xmalloc.h"

static const struct cmd_opt explain_opts[] = {
	{ "user", OPT_STR, NULL, 0, -1, NULL, "the user id, as in the data" },
	{ "item", OPT_STR, NULL, 0, -1, NULL, "the item id, as in the data" },
	{ "k", OPT_INT, NULL, 1, 100000, "10", "how many reasons (and features)" },
	{ "model", OPT_STR, NULL, 0, -1, NULL, "which model (default: the last trained)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field explain_fields[] = {
	{ "model", "the model" },
	{ "kind", "its kind" },
	{ "user", "the user" },
	{ "item", "the item" },
	{ "text", "the item's title or caption" },
	{ "score", "the model's score for the pair" },
	{ "rank", "the item's place among the items the user has not seen (null when seen)" },
	{ "seen", "whether the user has a training row for the item" },
	{ "fallback", "true when the user has no training history and popularity stands in" },
	{ "reasons", "the items behind the score, strongest first: item, text, contribution" },
	{ "neighbours", "user-based models: the neighbours behind the score: user, contribution" },
	{ "rest", "the score minus the reasons' contributions (baselines, biases, reasons not shown)" },
	{ "features", "content models: the shared feature columns and their contributions" },
	{ "components", "hybrid models: model, kind, weight, score, normalized, contribution" },
	{ NULL, NULL }
};

/* The item's rank among the unseen items (best first, ties by lower
 * index), or 0 when the user has seen it. */
static size_t
rank_of(const rs_model *m, uint32_t u, uint32_t item, const float *x)
{
	uint8_t *seen = xcalloc(m->nitems ? m->nitems : 1, 1);
	size_t rank = 1;

	if (m->train != NULL && u < m->train->nusers)
		for (uint64_t q = m->train->uptr[u]; q < m->train->uptr[u + 1]; q++)
			seen[m->train->uidx[q]] = 1;
	if (seen[item]) {
		free(seen);
		return 0;
	}
	for (uint32_t i = 0; i < m->nitems; i++)
		if (!seen[i] && !isnan(x[i]) &&
		    (x[i] > x[item] || (x[i] == x[item] && i < item)))
			rank++;
	free(seen);
	return rank;
}

static void
report_reasons(struct report *r, const rs_dataset *ds, const rs_model *m,
    uint32_t u, uint32_t item, size_t k, double score)
{
	struct rnode *root = report_root(r), *items, *users = NULL;
	rs_reason *rs = xmalloc((k + 1) * sizeof *rs);
	size_t n = m->kind->explain != NULL ? m->kind->explain(m, u, item, rs, k) : 0;
	double sum = 0;
	char text[256];

	/* items behind the score in one table, neighbours (users) in another */
	items = rn_flags(rn_arr(root, "reasons"), RF_TABLE);
	for (size_t j = 0; j < n; j++)
		if (rs[j].is_user && users == NULL)
			users = rn_flags(rn_arr(root, "neighbours"), RF_TABLE);
	for (size_t j = 0; j < n; j++) {
		struct rnode *row;
		if (rs[j].is_user) {
			row = rn_obj(users, NULL);
			rn_str(row, "user", rs_ids_name(ds->users, rs[j].id));
		} else {
			row = rn_obj(items, NULL);
			rn_str(row, "item", rs_ids_name(ds->items, rs[j].id));
			rn_str(row, "text", session_item_text(ds, rs[j].id, text, sizeof text));
		}
		rn_prec(rn_num(row, "contribution", rs[j].weight), 5);
		sum += rs[j].weight;
	}
	if (m->kind->explain == NULL)
		report_note(r, "model %s (%s) cannot explain its scores", m->name, m->kind->name);
	else if (n == 0)
		report_note(r, "nothing in the user's history links to this item");
	/* what float rounding leaves when the reasons cover the score is 0 */
	rn_prec(rn_num(root, "rest", fabs(score - sum) <= 1e-6 * fmax(1, fabs(score)) ?
	    0 : score - sum), 5);
	free(rs);
}

static void
report_features(struct report *r, const rs_model *m, uint32_t u, uint32_t item,
    size_t k)
{
	rs_feature_reason *fr = xmalloc((k + 1) * sizeof *fr);
	size_t n = rs_model_explain_features(m, u, item, fr, k);
	struct rnode *arr = rn_flags(rn_label(rn_arr(report_root(r), "features"),
	    "shared features"), RF_TABLE);

	for (size_t j = 0; j < n; j++) {
		struct rnode *row = rn_obj(arr, NULL);
		rn_str(row, "feature", fr[j].name);
		rn_prec(rn_num(row, "contribution", fr[j].weight), 5);
	}
	free(fr);
}

static void
report_components(struct report *r, const rs_model *m, uint32_t u, uint32_t item)
{
	rs_blend_part parts[64];
	size_t n = rs_model_blend_parts(m, u, item, parts, 64);
	struct rnode *arr = rn_flags(rn_arr(report_root(r), "components"), RF_TABLE);

	for (size_t j = 0; j < n; j++) {
		struct rnode *row = rn_obj(arr, NULL);
		rn_str(row, "model", parts[j].model->name);
		rn_str(row, "kind", parts[j].model->kind->name);
		rn_prec(rn_num(row, "weight", parts[j].weight), 4);
		rn_prec(rn_num(row, "score", parts[j].raw), 5);
		rn_prec(rn_num(row, "normalized", parts[j].normalized), 5);
		rn_prec(rn_num(row, "contribution", parts[j].contribution), 5);
	}
}

static enum cmd_ret
cmd_explain_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	const char *user = call_get(c, "user"), *item = call_get(c, "item");
	struct rnode *root = report_root(r);
	size_t k = (size_t)call_int(c, "k", 10), rank;
	rs_model *m;
	int64_t u, i;
	float *x;
	bool fallback;
	char text[256];

	if (ds == NULL)
		return CMD_ERROR;
	if (user == NULL || item == NULL)
		return cmd_error(s, "explain: give user=ID and item=ID");
	if ((m = call_model(s, c, "explain")) == NULL ||
	    !evalcli_model_fits(s, m, ds, "explain"))
		return CMD_ERROR;
	u = rs_ids_find(ds->users, user, strlen(user));
	if (u < 0 || (uint32_t)u >= m->nusers)
		return cmd_error(s, "explain: no user %s in the data", user);
	i = rs_ids_find(ds->items, item, strlen(item));
	if (i < 0 || (uint32_t)i >= m->nitems)
		return cmd_error(s, "explain: no item %s in the data", item);
	fallback = m->train == NULL || m->train->uptr[u + 1] == m->train->uptr[u];
	x = xmalloc((m->nitems ? m->nitems : 1) * sizeof *x);
	rs_model_score_user(m, (uint32_t)u, x);
	rank = rank_of(m, (uint32_t)u, (uint32_t)i, x);
	rn_str(root, "model", m->name);
	rn_str(root, "kind", m->kind->name);
	rn_str(root, "user", user);
	rn_str(root, "item", item);
	rn_str(root, "text", session_item_text(ds, (uint32_t)i, text, sizeof text));
	rn_prec(rn_num(root, "score", x[i]), 5);
	if (rank > 0)
		rn_int(root, "rank", (int64_t)rank);
	else
		rn_null(root, "rank");
	rn_bool(root, "seen", rank == 0);
	rn_bool(root, "fallback", fallback);
	if (fallback) {
		report_note(r, "user %s has no training history: the score is the item's popularity",
		    user);
		rn_flags(rn_arr(root, "reasons"), RF_TABLE);
	} else {
		report_reasons(r, ds, m, (uint32_t)u, (uint32_t)i, k, x[i]);
		if (m->kind->explain_features != NULL)
			report_features(r, m, (uint32_t)u, (uint32_t)i, k);
		if (m->kind->blend_parts != NULL)
			report_components(r, m, (uint32_t)u, (uint32_t)i);
	}
	free(x);
	return CMD_OK;
}

/* Completion: what these options' values name. */
static const struct cmd_opt_names explain_names[] = {
	{ "model", ARG_MODEL },
	{ NULL, ARG_NONE }
};

const struct cmd_entry cmd_explain_entry = {
	.name = "explain",
	.usage = "user=ID item=ID [k=10] [model=NAME]",
	.help = "show why a model scores an item for a user",
	.doc = "Shows the model's score for the pair, the item's rank among the items the user "
	    "has not seen, and what drives the score, strongest first: for itemknn the user's "
	    "items among the item's neighbours (their similarity times the rating's deviation "
	    "from its baseline, over the sum of similarities, or times the value on implicit "
	    "data); for userknn the neighbours who have the item; for ease the user's items by "
	    "their weight B[j][item]; for content the user's items by feature cosine, and the "
	    "shared feature columns; for a hybrid each component's weight, score and normalized "
	    "score, and the components' reasons scaled into the blend; for factor models the "
	    "past items their kind names. rest is the part of the score the reasons shown do "
	    "not cover (baselines and biases).",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opt_names = explain_names,
	.opts = explain_opts,
	.fields = explain_fields,
	.exec = cmd_explain_exec,
};
