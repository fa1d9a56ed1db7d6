/* Ground truth: which rows (or users) a step flagged are the dirt a simulated world injected. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean-int.h"
#include "util/xmalloc.h"

/*
 * How rows are matched. dirt.csv names each dirty row by (user, video,
 * timestamp) and a kind; the log does not keep line numbers, so a row of
 * the input log is dirty of kind K when a dirt entry of kind K has its
 * (user, item, timestamp rounded to the millisecond). Two refinements make
 * this a row-level truth rather than a key-level one:
 *
 * - "duplicate" and "repeat" entries name the second row of a pair that
 *   shares the key; the first is the original. Scanning the log in row
 *   order, only rows after the first with that key carry those kinds.
 * - the other kinds (bad_time, outlier, missing_duration) were injected
 *   before the event was written twice, so both rows of a pair carry them:
 *   every row with the key does.
 *
 * "malformed" entries are lines that never loaded (they share the key of
 * a good row) and are left out. Each user's rows are scanned in log
 * order against a small table of that user's dirty keys. Rows judged are the input's: dirt removed
 * by an earlier step does not count against the recall of a later one.
 * Recall = flagged dirty rows / dirty rows; precision = flagged dirty rows
 * / flagged rows.
 */

/* One dirty key of a user: (item, time in ms). */
struct key {
	uint32_t item;
	int64_t ms;
	uint32_t seen;		/* rows with the key met so far */
	uint8_t mask;		/* kinds other than duplicate/repeat */
	uint8_t dupmask;	/* duplicate/repeat */
	bool used;
};

static size_t
key_hash(uint32_t i, int64_t ms)
{
	uint64_t h = i * 0xc2b2ae3d27d4eb4fULL ^ (uint64_t)ms * 0x165667b19e3779f9ULL;

	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	return (size_t)(h ^ (h >> 32));
}

static struct key *
key_slot(struct key *t, size_t mask, uint32_t i, int64_t ms)
{
	size_t j = key_hash(i, ms) & mask;

	while (t[j].used && !(t[j].item == i && t[j].ms == ms))
		j = (j + 1) & mask;
	return &t[j];
}

static int64_t
to_ms(double t)
{
	return isfinite(t) ? llround(t * 1000.0) : INT64_MIN;
}

static double
ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : NAN;
}

static void
truth_rows(rs_dataset *ds, const uint8_t *flag, uint8_t flagval,
    unsigned kinds, rs_clean_result *res)
{
	const unsigned dupbits = DIRT_BIT(RS_DIRT_DUPLICATE) | DIRT_BIT(RS_DIRT_REPEAT);
	const rs_dirt *d = ds->dirt;
	rs_log *log = &ds->log;
	uint32_t nusers = rs_ids_count(ds->users);
	const rs_index *ix;
	double *tv;
	size_t present = 0, found = 0, flagged = 0, *ptr, *fill, *ent, maxn = 0;

	if (d == NULL || log->time_col < 0)
		return;
	tv = clean_all_values(log->cols.cols[log->time_col]);
	ix = rs_log_by_user(log, nusers);
	/* the dirt entries grouped by user (a counting sort), so that each
	 * user's rows meet a table of that user's few keys only */
	ptr = xcalloc((size_t)nusers + 2, sizeof *ptr);
	for (size_t e = 0; e < d->n; e++)
		if (d->kind[e] != RS_DIRT_MALFORMED && d->user[e] < nusers &&
		    d->item[e] != RS_NONE)
			ptr[d->user[e] + 1]++;
	for (uint32_t u = 0; u < nusers; u++) {
		if (ptr[u + 1] > maxn)
			maxn = ptr[u + 1];
		ptr[u + 1] += ptr[u];
	}
	fill = xmalloc(((size_t)nusers + 1) * sizeof *fill);
	memcpy(fill, ptr, ((size_t)nusers + 1) * sizeof *fill);
	ent = xmalloc((ptr[nusers] + 1) * sizeof *ent);
	for (size_t e = 0; e < d->n; e++)
		if (d->kind[e] != RS_DIRT_MALFORMED && d->user[e] < nusers &&
		    d->item[e] != RS_NONE)
			ent[fill[d->user[e]]++] = e;
	#pragma omp parallel reduction(+:present, found, flagged)
	{
		size_t cap = 16;
		struct key *t;
		while (cap < 2 * maxn + 2)
			cap *= 2;
		t = xmalloc(cap * sizeof *t);
		#pragma omp for schedule(dynamic, 64)
		for (uint32_t u = 0; u < nusers; u++) {
			size_t m = 8, ne = ptr[u + 1] - ptr[u];
			while (m < 2 * ne + 2)
				m *= 2;
			memset(t, 0, m * sizeof *t);
			for (size_t k = ptr[u]; k < ptr[u + 1]; k++) {
				size_t e = ent[k];
				int64_t ms = to_ms(d->time[e]);
				struct key *s = key_slot(t, m - 1, d->item[e], ms);
				s->used = true;
				s->item = d->item[e];
				s->ms = ms;
				if (DIRT_BIT(d->kind[e]) & dupbits)
					s->dupmask |= (uint8_t)DIRT_BIT(d->kind[e]);
				else
					s->mask |= (uint8_t)DIRT_BIT(d->kind[e]);
			}
			/* the user's rows in log order: the first row of a key is
			 * the original, the later ones its copies */
			for (uint64_t i = ix->ptr[u]; i < ix->ptr[u + 1]; i++) {
				size_t r = ix->rows ? ix->rows[i] : i;
				bool f = (flag[r] != 0) == flagval;
				unsigned km = 0;
				flagged += f;
				if (ne > 0) {
					struct key *s = key_slot(t, m - 1, log->item[r],
					    to_ms(tv[r]));
					if (s->used)
						km = s->mask | (s->seen++ > 0 ? s->dupmask : 0);
				}
				if (km & kinds) {
					present++;
					found += f;
				}
			}
		}
		free(t);
	}
	free(tv);
	free(ptr);
	free(fill);
	free(ent);
	res->evaluated = true;
	res->dirt_unit = "rows";
	res->dirt_kinds[0] = '\0';
	for (int b = 0; b < RS_DIRT_KINDS; b++)
		if (kinds & DIRT_BIT(b)) {
			size_t len = strlen(res->dirt_kinds);
			snprintf(res->dirt_kinds + len, sizeof res->dirt_kinds - len,
			    "%s%s", len ? "," : "", rs_dirt_kind_name(b));
		}
	res->dirt_present = present;
	res->dirt_flagged = flagged;
	res->dirt_found = found;
	res->recall = ratio(found, present);
	res->precision = ratio(found, flagged);
}

void
clean_truth_rows(rs_dataset *ds, const uint8_t *flag, unsigned kinds,
    rs_clean_result *res)
{
	truth_rows(ds, flag, 1, kinds, res);
}

void
clean_truth_kept(rs_dataset *ds, const uint8_t *keep, unsigned kinds,
    rs_clean_result *res)
{
	truth_rows(ds, keep, 0, kinds, res);
}

void
clean_truth_users(const rs_dataset *ds, const uint8_t *flag,
    rs_clean_result *res)
{
	const rs_dirt *d = ds->dirt;
	uint32_t nusers = rs_ids_count(ds->users);
	size_t *rows, present = 0, found = 0, flagged = 0;
	uint8_t *bot;

	if (d == NULL)
		return;
	rows = xcalloc((size_t)nusers + 1, sizeof *rows);
	bot = xcalloc((size_t)nusers + 1, 1);
	for (size_t r = 0; r < ds->log.n; r++)
		rows[ds->log.user[r]]++;
	for (size_t b = 0; b < d->nbots; b++)
		if (d->bots[b] < nusers)
			bot[d->bots[b]] = 1;
	res->bot_rows_present = res->bot_rows_removed = 0;
	for (uint32_t u = 0; u < nusers; u++) {
		if (rows[u] == 0)
			continue;
		flagged += flag[u] != 0;
		if (bot[u]) {
			present++;
			found += flag[u] != 0;
			res->bot_rows_present += rows[u];
			if (flag[u])
				res->bot_rows_removed += rows[u];
		}
	}
	free(rows);
	free(bot);
	res->evaluated = true;
	res->dirt_unit = "users";
	snprintf(res->dirt_kinds, sizeof res->dirt_kinds, "bot");
	res->dirt_present = present;
	res->dirt_flagged = flagged;
	res->dirt_found = found;
	res->recall = ratio(found, present);
	res->precision = ratio(found, flagged);
}
