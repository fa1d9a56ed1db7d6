/* clean dedup: exact duplicate rows, and repeated (user, item, time) events keeping the first. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"
#include "util/xmalloc.h"

/* A time as a key: equal times (and all missing ones) give equal keys. */
static uint64_t
time_bits(double x)
{
	uint64_t b;

	if (isnan(x))
		return 0x7ff8000000000001ULL;
	if (x == 0)
		x = 0;
	memcpy(&b, &x, sizeof b);
	return b;
}

/* Whether rows a and b hold the same values in every column. */
static bool
rows_equal(const rs_log *log, size_t a, size_t b)
{
	if (log->user[a] != log->user[b] || log->item[a] != log->item[b])
		return false;
	for (size_t j = 0; j < log->cols.ncols; j++) {
		bool ma, mb;
		uint64_t ka = clean_value_key(log->cols.cols[j], a, &ma);
		uint64_t kb = clean_value_key(log->cols.cols[j], b, &mb);
		if (ma != mb || (!ma && ka != kb))
			return false;
	}
	return true;
}

/* Per-thread work space: the rows of one user and a table of their
 * (time, item) keys. */
struct scratch {
	uint64_t *tbits;	/* time of each row as a key */
	uint32_t *item, *row;
	uint32_t *next;		/* the next kept row with the same key, + 1 */
	uint32_t *tab;		/* first row of each key, + 1; 0 = empty */
};

static size_t
slot_of(uint64_t tbits, uint32_t item, size_t mask)
{
	uint64_t h = tbits * 0x9e3779b97f4a7c15ULL ^ item * 0xc2b2ae3d27d4eb4fULL;

	h ^= h >> 31;
	h *= 0xbf58476d1ce4e5b9ULL;
	return (size_t)(h ^ (h >> 29)) & mask;
}

/* Drop the repeats among the n rows of one user (in log order). A row
 * whose (time, item) was met before is a repeat of the first such row;
 * with exact_only it goes only when it equals a row kept with that key.
 * Linear in n: a hash table, no sort. */
static void
user_dedup(const rs_log *log, struct scratch *w, size_t n, bool exact_only,
    uint8_t *keep, size_t *exact, size_t *repeat)
{
	size_t m = 16;

	while (m < 2 * n)
		m *= 2;
	memset(w->tab, 0, m * sizeof *w->tab);
	for (size_t k = 0; k < n; k++) {
		size_t j = slot_of(w->tbits[k], w->item[k], m - 1);
		uint32_t first, q;
		while (w->tab[j] && !(w->tbits[w->tab[j] - 1] == w->tbits[k] &&
		    w->item[w->tab[j] - 1] == w->item[k]))
			j = (j + 1) & (m - 1);
		w->next[k] = 0;
		if (!w->tab[j]) {
			w->tab[j] = (uint32_t)k + 1;
			continue;
		}
		first = w->tab[j] - 1;
		if (!exact_only) {
			keep[w->row[k]] = 0;
			if (rows_equal(log, w->row[first], w->row[k]))
				(*exact)++;
			else
				(*repeat)++;
			continue;
		}
		/* exact copies only: compare with every row kept for the key */
		for (q = first;; q = w->next[q] - 1) {
			if (rows_equal(log, w->row[q], w->row[k])) {
				keep[w->row[k]] = 0;
				(*exact)++;
				break;
			}
			if (!w->next[q]) {
				w->next[q] = (uint32_t)k + 1;
				break;
			}
		}
	}
}

rs_dataset *
clean_dedup(rs_dataset *ds, const rs_clean_params *p, rs_clean_result *res,
    const rs_hooks *hooks, rs_error *err)
{
	rs_log *log = &ds->log;
	uint32_t nusers = rs_ids_count(ds->users);
	const rs_index *ix = rs_log_by_user(log, nusers);
	const rs_column *tc = log->time_col >= 0 ? log->cols.cols[log->time_col] : NULL;
	double *tv = NULL;
	bool exact_only = p->exact_only || tc == NULL;
	uint8_t *keep = xmalloc(log->n ? log->n : 1);
	size_t exact = 0, repeat = 0, maxrows = 0;
	rs_dataset *out;

	if (tc == NULL && !p->exact_only)
		rs_hooks_note(hooks, RS_NOTE_WARN,
		    "the log has no time column: only exact copies are removed");
	else
		snprintf(res->time_column, sizeof res->time_column, "%s", tc ? tc->name : "");
	memset(keep, 1, log->n);
	if (tc != NULL)
		tv = clean_all_values(tc);
	for (uint32_t u = 0; u < nusers; u++)
		if (ix->ptr[u + 1] - ix->ptr[u] > maxrows)
			maxrows = ix->ptr[u + 1] - ix->ptr[u];
	#pragma omp parallel reduction(+:exact, repeat)
	{
		struct scratch w;
		size_t m = 16;
		while (m < 2 * maxrows)
			m *= 2;
		w.tbits = xmalloc((maxrows + 1) * sizeof *w.tbits);
		w.item = xmalloc((maxrows + 1) * sizeof *w.item);
		w.row = xmalloc((maxrows + 1) * sizeof *w.row);
		w.next = xmalloc((maxrows + 1) * sizeof *w.next);
		w.tab = xmalloc(m * sizeof *w.tab);
		#pragma omp for schedule(dynamic, 64)
		for (uint32_t u = 0; u < nusers; u++) {
			size_t n = ix->ptr[u + 1] - ix->ptr[u];
			for (size_t k = 0; k < n; k++) {
				uint64_t i = ix->ptr[u] + k;
				uint32_t r = ix->rows ? ix->rows[i] : (uint32_t)i;
				w.tbits[k] = tv ? time_bits(tv[r]) : 0;
				w.item[k] = log->item[r];
				w.row[k] = r;
			}
			user_dedup(log, &w, n, exact_only, keep, &exact, &repeat);
		}
		free(w.tbits);
		free(w.item);
		free(w.row);
		free(w.next);
		free(w.tab);
	}
	if (exact)
		clean_reason(res, exact, "exact copy of an earlier row");
	if (repeat)
		clean_reason(res, repeat, "same user, item and time as an earlier row");
	clean_summary(res, "removed %zu exact cop%s", exact, exact == 1 ? "y" : "ies");
	if (!exact_only)
		clean_summary(res, " and %zu repeated event%s", repeat, clean_s(repeat));
	clean_truth_kept(ds, keep, exact_only ? DIRT_BIT(RS_DIRT_DUPLICATE) :
	    DIRT_BIT(RS_DIRT_DUPLICATE) | DIRT_BIT(RS_DIRT_REPEAT), res);
	out = clean_keep(ds, keep, p, res, err);
	free(keep);
	free(tv);
	return out;
}
