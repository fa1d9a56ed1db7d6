/* Item tables: the rows (rank, item, score, creator, text) that recommend and similar show. */
#include "config.h"

#include <stdint.h>

#include "cli/cli.h"

void
items_table(struct rnode *root, const rs_dataset *ds, const uint32_t *items,
    const float *scores, size_t n, const char *score_name)
{
	struct rnode *arr = rn_flags(rn_arr(root, "items"), RF_TABLE);
	char text[256];

	for (size_t j = 0; j < n; j++) {
		struct rnode *row = rn_obj(arr, NULL);
		uint32_t it = items[j];
		rn_int(row, "rank", (int64_t)j + 1);
		rn_str(row, "item", rs_ids_name(ds->items, it));
		rn_prec(rn_num(row, score_name, scores[j]), 5);
		if (ds->item_creator != NULL && it < rs_ids_count(ds->items) &&
		    ds->item_creator[it] != RS_NONE)
			rn_str(row, "creator", rs_ids_name(ds->creators, ds->item_creator[it]));
		else
			rn_null(row, "creator");
		rn_str(row, "text", session_item_text(ds, it, text, sizeof text));
	}
}
