/* similar: the items most like a given one, from an item-item model (itemknn, ease, content, ...). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/evalcli.h"
#include "util/xmalloc.h"

static const struct cmd_opt similar_opts[] = {
	{ "item", OPT_STR, NULL, 0, -1, NULL, "the item id, as in the data" },
	{ "k", OPT_INT, NULL, 1, 100000, "10", "how many items" },
	{ "model", OPT_STR, NULL, 0, -1, NULL,
	  "which model (default: the last trained one that can list similar items)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field similar_fields[] = {
	{ "model", "the model used" },
	{ "item", "the item" },
	{ "text", "its title or caption" },
	{ "items", "rank, item, similarity, creator, text" },
	{ NULL, NULL }
};

/* The model named by model=, or the last trained one with item
 * similarities; NULL after reporting why. */
static rs_model *
similar_model(struct session *s, struct cmd_call *c)
{
	rs_model *m;

	if (call_get(c, "model") != NULL || rs_workspace_nmodels(s->ws) == 0) {
		if ((m = call_model(s, c, "similar")) == NULL)
			return NULL;
		if (m->kind->similar == NULL) {
			cmd_error(s, "similar: model %s (%s) has no item similarities; use an itemknn, ease or content model",
			    m->name, m->kind->name);
			return NULL;
		}
		return m;
	}
	for (size_t i = rs_workspace_nmodels(s->ws); i-- > 0;)
		if (rs_workspace_model_at(s->ws, i)->kind->similar != NULL)
			return rs_workspace_model_at(s->ws, i);
	cmd_error(s, "similar: none of the trained models has item similarities; train an itemknn, ease or content model");
	return NULL;
}

static enum cmd_ret
cmd_similar_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s);
	const char *item = call_get(c, "item");
	struct rnode *root = report_root(r);
	size_t k = (size_t)call_int(c, "k", 10), n;
	uint32_t *items;
	float *scores;
	rs_model *m;
	int64_t i;
	char text[256];

	if (ds == NULL)
		return CMD_ERROR;
	if (item == NULL)
		return cmd_error(s, "similar: which item? give item=ID");
	if ((m = similar_model(s, c)) == NULL || !evalcli_model_fits(s, m, ds, "similar"))
		return CMD_ERROR;
	i = rs_ids_find(ds->items, item, strlen(item));
	if (i < 0 || (uint32_t)i >= m->nitems)
		return cmd_error(s, "similar: no item %s in the data", item);
	items = xmalloc((k + 1) * sizeof *items);
	scores = xmalloc((k + 1) * sizeof *scores);
	n = m->kind->similar(m, (uint32_t)i, items, scores, k);
	rn_str(root, "model", m->name);
	rn_str(root, "item", item);
	rn_str(root, "text", session_item_text(ds, (uint32_t)i, text, sizeof text));
	if (n == 0)
		report_note(r, "model %s knows no items similar to %s (%s)", m->name, item,
		    m->popularity != NULL && m->popularity[i] == 0 ?
		    "it has no training interactions" : "no positive similarity");
	items_table(root, ds, items, scores, n, "similarity");
	free(items);
	free(scores);
	return CMD_OK;
}

/* Completion: what these options' values name. */
static const struct cmd_opt_names similar_names[] = {
	{ "model", ARG_MODEL },
	{ NULL, ARG_NONE }
};

const struct cmd_entry cmd_similar_entry = {
	.name = "similar",
	.usage = "item=ID [k=10] [model=NAME]",
	.help = "show the items most similar to one, by a trained item-item model",
	.doc = "Lists the k items most similar to the given one: an itemknn model's stored "
	    "neighbours (similarity as trained), an ease model's largest weights B[item][j] "
	    "(how much having the item raises j), a content model's feature cosine, or a "
	    "factor model's item factors where its kind provides them. Without model= the "
	    "last trained model that can answer is used.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opt_names = similar_names,
	.opts = similar_opts,
	.fields = similar_fields,
	.exec = cmd_similar_exec,
};
