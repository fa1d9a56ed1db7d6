/* clean kcore: drop users and items with too few interactions, again and again, until every one left has enough. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"
#include "util/xmalloc.h"

/* A user or item waiting to be dropped: users are 0..nusers-1, items come
 * after them. */
struct queue {
	uint32_t *v;
	size_t n;
};

rs_dataset *
clean_kcore(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, rs_error *err)
{
	rs_log *log = &ds->log;
	uint32_t nusers = rs_ids_count(ds->users), nitems = rs_ids_count(ds->items);
	const rs_index *bu = rs_log_by_user(log, nusers);
	const rs_index *bi = rs_log_by_item(log, nitems);
	size_t nkeys = (size_t)nusers + nitems;
	uint64_t *deg = xcalloc(nkeys + 1, sizeof *deg);
	uint8_t *state = xcalloc(nkeys + 1, 1);	/* 0 in, 1 queued, 2 dropped */
	uint8_t *keep = xmalloc(log->n ? log->n : 1);
	struct queue cur = { xmalloc((nkeys + 1) * sizeof *cur.v), 0 };
	struct queue next = { xmalloc((nkeys + 1) * sizeof *next.v), 0 };
	rs_dataset *out;

	(void)hooks;
	memset(keep, 1, log->n);
	for (uint32_t u = 0; u < nusers; u++)
		deg[u] = bu->ptr[u + 1] - bu->ptr[u];
	for (uint32_t i = 0; i < nitems; i++)
		deg[nusers + i] = bi->ptr[i + 1] - bi->ptr[i];
	for (size_t k = 0; k < nkeys; k++) {
		uint32_t min = k < nusers ? p->user_k : p->item_k;
		if (deg[k] > 0 && deg[k] < min) {
			state[k] = 1;
			cur.v[cur.n++] = (uint32_t)k;
		}
	}
	/* Each round drops everything found below its minimum in the round
	 * before; dropping a row lowers the other side's count, and whoever
	 * falls below the minimum just then waits for the next round. Every
	 * row is dropped at most once: linear in rows. */
	while (cur.n > 0) {
		res->rounds++;
		next.n = 0;
		for (size_t q = 0; q < cur.n; q++) {
			uint32_t k = cur.v[q];
			bool is_user = k < nusers;
			const rs_index *ix = is_user ? bu : bi;
			uint32_t key = is_user ? k : k - nusers;
			state[k] = 2;
			for (uint64_t i = ix->ptr[key]; i < ix->ptr[key + 1]; i++) {
				uint32_t r = ix->rows ? ix->rows[i] : (uint32_t)i;
				size_t other;
				uint32_t min;
				if (!keep[r])
					continue;
				keep[r] = 0;
				deg[k]--;
				other = is_user ? (size_t)nusers + log->item[r] : log->user[r];
				min = is_user ? p->item_k : p->user_k;
				if (deg[other]-- == min && state[other] == 0) {
					state[other] = 1;
					next.v[next.n++] = (uint32_t)other;
				}
			}
		}
		{
			struct queue t = cur;
			cur = next;
			next = t;
		}
	}
	for (size_t k = 0; k < nkeys; k++)
		if (state[k] == 2) {
			if (k < nusers)
				res->users_removed++;
			else
				res->items_removed++;
		}
	{
		size_t gone = 0;
		for (size_t r = 0; r < log->n; r++)
			gone += !keep[r];
		if (gone)
			clean_reason(res, gone, "rows of users with fewer than %u rows or items with fewer than %u (%u round%s)",
			    p->user_k, p->item_k, res->rounds, res->rounds == 1 ? "" : "s");
	}
	clean_summary(res, "%u-core of users, %u-core of items: dropped %u user%s and %u item%s in %u round%s",
	    p->user_k, p->item_k, res->users_removed, clean_s(res->users_removed),
	    res->items_removed, clean_s(res->items_removed), res->rounds,
	    clean_s(res->rounds));
	out = clean_keep(ds, keep, p, res, err);
	free(deg);
	free(state);
	free(keep);
	free(cur.v);
	free(next.v);
	return out;
}
