/* Dataset containers: interned ids, tables, logs with per-user/per-item row indexes. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/dataset.h"
#include "util/strtab.h"
#include "util/text.h"
#include "util/xmalloc.h"

/* Ids are kept as strings; canonical decimal integers (the common case in
 * logs) also get a direct array lookup so loading avoids hashing. */
struct rs_ids {
	struct rs_strtab *names;
	uint32_t *intmap;	/* intmap[v] = index + 1, 0 = absent */
	size_t intcap;
	bool has_last;		/* one-entry cache: logs repeat the same user */
	size_t lastlen;
	uint32_t lastidx;
	char last[24];		/* the id itself when it is short */
};

rs_ids *
rs_ids_new(void)
{
	rs_ids *ids = xcalloc(1, sizeof *ids);

	ids->names = util_strtab_new();
	return ids;
}

void
rs_ids_free(rs_ids *ids)
{
	if (ids == NULL)
		return;
	util_strtab_free(ids->names);
	free(ids->intmap);
	free(ids);
}

rs_ids *
rs_ids_copy(const rs_ids *ids)
{
	rs_ids *c = xcalloc(1, sizeof *c);

	c->names = util_strtab_copy(ids->names);
	if (ids->intcap) {
		c->intcap = ids->intcap;
		c->intmap = xmalloc(ids->intcap * sizeof *c->intmap);
		memcpy(c->intmap, ids->intmap, ids->intcap * sizeof *c->intmap);
	}
	return c;
}

/* Value of a canonical non-negative integer id ("0", "17"; no sign, no
 * leading zeros, at most 9 digits), or -1. */
static int64_t
canonical_int(const char *s, size_t len)
{
	int64_t v = 0;

	if (len == 0 || len > 9 || (len > 1 && s[0] == '0'))
		return -1;
	for (size_t i = 0; i < len; i++) {
		unsigned d = (unsigned)(s[i] - '0');
		if (d > 9)
			return -1;
		v = v * 10 + d;
	}
	return v;
}

/* Extend the direct map to cover v when the ids are dense enough. */
static bool
intmap_cover(rs_ids *ids, int64_t v)
{
	size_t ncap, limit = 8 * (size_t)ids->names->n + 65536;

	if ((size_t)v < ids->intcap)
		return true;
	if ((size_t)v >= limit)
		return false;
	ncap = util_grow_capacity(ids->intcap, (size_t)v + 1);
	if (ncap > limit)
		ncap = limit;
	ids->intmap = xreallocarray(ids->intmap, ncap, sizeof *ids->intmap);
	memset(ids->intmap + ids->intcap, 0,
	    (ncap - ids->intcap) * sizeof *ids->intmap);
	/* ids added through the string path before now may fall in the new range */
	for (uint32_t i = 0; i < ids->names->n; i++) {
		const char *s = util_strtab_get(ids->names, i);
		int64_t w = canonical_int(s, strlen(s));
		if (w >= (int64_t)ids->intcap && (size_t)w < ncap)
			ids->intmap[w] = i + 1;
	}
	ids->intcap = ncap;
	return true;
}

uint32_t
rs_ids_intern(rs_ids *ids, const char *s, size_t len)
{
	int64_t v;
	uint32_t idx;

	if (ids->has_last && len == ids->lastlen && memcmp(s, ids->last, len) == 0)
		return ids->lastidx;
	v = canonical_int(s, len);
	if (v >= 0 && intmap_cover(ids, v)) {
		if (ids->intmap[v] == 0) {
			idx = util_strtab_intern(ids->names, s, len, NULL);
			ids->intmap[v] = idx + 1;
		} else
			idx = ids->intmap[v] - 1;
	} else {
		idx = util_strtab_intern(ids->names, s, len, NULL);
	}
	ids->has_last = len <= sizeof ids->last;
	if (ids->has_last)
		memcpy(ids->last, s, len);
	ids->lastlen = len;
	ids->lastidx = idx;
	return idx;
}

int64_t
rs_ids_find(const rs_ids *ids, const char *s, size_t len)
{
	int64_t v = canonical_int(s, len);

	if (v >= 0 && (size_t)v < ids->intcap)
		return (int64_t)ids->intmap[v] - 1;
	return util_strtab_find(ids->names, s, len);
}

uint32_t
rs_ids_count(const rs_ids *ids)
{
	return ids->names->n;
}

const char *
rs_ids_name(const rs_ids *ids, uint32_t i)
{
	return util_strtab_get(ids->names, i);
}

size_t
rs_ids_bytes(const rs_ids *ids)
{
	return util_strtab_bytes(ids->names) + ids->intcap * sizeof *ids->intmap;
}

void
rs_table_add(rs_table *t, rs_column *c)
{
	t->cols = xreallocarray(t->cols, t->ncols + 1, sizeof *t->cols);
	t->cols[t->ncols++] = c;
}

int
rs_table_find(const rs_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i]->name, name) == 0)
			return (int)i;
	return -1;
}

void
rs_table_clear(rs_table *t)
{
	for (size_t i = 0; i < t->ncols; i++)
		rs_column_free(t->cols[i]);
	free(t->cols);
	t->cols = NULL;
	t->ncols = t->nrows = 0;
}

size_t
rs_table_bytes(const rs_table *t)
{
	size_t b = 0;

	for (size_t i = 0; i < t->ncols; i++)
		b += rs_column_bytes(t->cols[i]);
	return b;
}

/* Group rows by key with a counting sort; identity when already grouped. */
static rs_index *
index_build(const uint32_t *key, size_t n, uint32_t nkeys)
{
	rs_index *ix = xcalloc(1, sizeof *ix);
	uint64_t *fill;
	bool grouped = true;

	ix->nkeys = nkeys;
	ix->ptr = xcalloc((size_t)nkeys + 1, sizeof *ix->ptr);
	for (size_t r = 0; r < n; r++) {
		ix->ptr[key[r] + 1]++;
		if (r > 0 && key[r] < key[r - 1])
			grouped = false;
	}
	for (uint32_t k = 0; k < nkeys; k++)
		ix->ptr[k + 1] += ix->ptr[k];
	if (grouped)
		return ix;
	ix->rows = xmalloc((n ? n : 1) * sizeof *ix->rows);
	fill = xmalloc(((size_t)nkeys + 1) * sizeof *fill);
	memcpy(fill, ix->ptr, ((size_t)nkeys + 1) * sizeof *fill);
	for (size_t r = 0; r < n; r++)
		ix->rows[fill[key[r]]++] = (uint32_t)r;
	free(fill);
	return ix;
}

static void
index_free(rs_index *ix)
{
	if (ix != NULL) {
		free(ix->ptr);
		free(ix->rows);
		free(ix);
	}
}

const rs_index *
rs_log_by_user(rs_log *log, uint32_t nusers)
{
	if (log->by_user != NULL && log->by_user->nkeys != nusers) {
		index_free(log->by_user);
		log->by_user = NULL;
	}
	if (log->by_user == NULL)
		log->by_user = index_build(log->user, log->n, nusers);
	return log->by_user;
}

const rs_index *
rs_log_by_item(rs_log *log, uint32_t nitems)
{
	if (log->by_item != NULL && log->by_item->nkeys != nitems) {
		index_free(log->by_item);
		log->by_item = NULL;
	}
	if (log->by_item == NULL)
		log->by_item = index_build(log->item, log->n, nitems);
	return log->by_item;
}

void
rs_log_drop_indexes(rs_log *log)
{
	index_free(log->by_user);
	index_free(log->by_item);
	log->by_user = log->by_item = NULL;
}

void
rs_log_clear(rs_log *log)
{
	rs_log_drop_indexes(log);
	free(log->user);
	free(log->item);
	free(log->source);
	free(log->user_col);
	free(log->item_col);
	free(log->part);
	rs_table_clear(&log->cols);
	memset(log, 0, sizeof *log);
	log->value_col = log->time_col = -1;
}

static size_t
index_bytes(const rs_index *ix, size_t n)
{
	if (ix == NULL)
		return 0;
	return ((size_t)ix->nkeys + 1) * sizeof *ix->ptr +
	    (ix->rows ? n * sizeof *ix->rows : 0);
}

size_t
rs_log_bytes(const rs_log *log)
{
	return log->n * 2 * sizeof(uint32_t) + rs_table_bytes(&log->cols) +
	    index_bytes(log->by_user, log->n) + index_bytes(log->by_item, log->n);
}

rs_dataset *
rs_dataset_new(void)
{
	rs_dataset *ds = xcalloc(1, sizeof *ds);

	ds->users = rs_ids_new();
	ds->items = rs_ids_new();
	ds->creators = rs_ids_new();
	ds->log.value_col = ds->log.time_col = -1;
	return ds;
}

void
rs_dataset_free(rs_dataset *ds)
{
	if (ds == NULL)
		return;
	free(ds->source);
	free(ds->format);
	rs_ids_free(ds->users);
	rs_ids_free(ds->items);
	rs_ids_free(ds->creators);
	rs_log_clear(&ds->log);
	if (ds->observed != NULL) {
		rs_log_clear(ds->observed);
		free(ds->observed);
	}
	rs_table_clear(&ds->item_tbl);
	rs_table_clear(&ds->user_tbl);
	free(ds->item_creator);
	free(ds->creator_from);
	free(ds->split_desc);
	if (ds->heldout != NULL) {
		rs_log_clear(ds->heldout);
		free(ds->heldout);
	}
	if (ds->heldout_valid != NULL) {
		rs_log_clear(ds->heldout_valid);
		free(ds->heldout_valid);
	}
	for (size_t i = 0; i < ds->nnotes; i++)
		free(ds->notes[i]);
	free(ds->notes);
	if (ds->dirt != NULL) {
		free(ds->dirt->kind);
		free(ds->dirt->user);
		free(ds->dirt->item);
		free(ds->dirt->time);
		free(ds->dirt->bots);
		free(ds->dirt);
	}
	free(ds);
}

void
rs_dataset_note(rs_dataset *ds, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	ds->notes = xreallocarray(ds->notes, ds->nnotes + 1, sizeof *ds->notes);
	ds->notes[ds->nnotes++] = xstrdup(buf);
}

size_t
rs_dataset_bytes(const rs_dataset *ds)
{
	size_t b = rs_log_bytes(&ds->log) + rs_table_bytes(&ds->item_tbl) +
	    rs_table_bytes(&ds->user_tbl) + rs_ids_bytes(ds->users) +
	    rs_ids_bytes(ds->items) + rs_ids_bytes(ds->creators);

	if (ds->observed != NULL)
		b += rs_log_bytes(ds->observed);
	if (ds->item_creator != NULL)
		b += rs_ids_count(ds->items) * sizeof *ds->item_creator;
	return b;
}

const rs_column *
rs_dataset_column(const rs_dataset *ds, const char *name, char *where)
{
	int i;

	if ((i = rs_table_find(&ds->log.cols, name)) >= 0) {
		if (where)
			*where = 'l';
		return ds->log.cols.cols[i];
	}
	if ((i = rs_table_find(&ds->item_tbl, name)) >= 0) {
		if (where)
			*where = 'i';
		return ds->item_tbl.cols[i];
	}
	if ((i = rs_table_find(&ds->user_tbl, name)) >= 0) {
		if (where)
			*where = 'u';
		return ds->user_tbl.cols[i];
	}
	return NULL;
}

const char *
rs_dirt_kind_name(int kind)
{
	static const char *const names[] = { "duplicate", "repeat", "outlier",
		"missing_duration", "bad_time", "malformed" };

	return kind >= 0 && kind < RS_DIRT_KINDS ? names[kind] : "?";
}

static void
table_copy(rs_table *dst, const rs_table *src)
{
	memset(dst, 0, sizeof *dst);
	dst->nrows = src->nrows;
	for (size_t j = 0; j < src->ncols; j++)
		rs_table_add(dst, rs_column_copy(src->cols[j]));
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Copy src into dst, keeping the rows whose keep[] is nonzero (all when
 * keep is NULL). */
static void
log_copy(rs_log *dst, const rs_log *src, const uint8_t *keep)
{
	size_t n = 0, k = 0, *idx;

	memset(dst, 0, sizeof *dst);
	for (size_t r = 0; r < src->n; r++)
		n += keep == NULL || keep[r];
	idx = xmalloc((n ? n : 1) * sizeof *idx);
	for (size_t r = 0; r < src->n; r++)
		if (keep == NULL || keep[r])
			idx[k++] = r;
	dst->n = n;
	dst->user = xmalloc((n ? n : 1) * sizeof *dst->user);
	dst->item = xmalloc((n ? n : 1) * sizeof *dst->item);
	for (size_t i = 0; i < n; i++) {
		dst->user[i] = src->user[idx[i]];
		dst->item[i] = src->item[idx[i]];
	}
	dst->cols.nrows = n;
	/* columns are independent: copy them in parallel */
	dst->cols.ncols = src->cols.ncols;
	dst->cols.cols = xmalloc((src->cols.ncols + 1) * sizeof *dst->cols.cols);
	#pragma omp parallel for schedule(dynamic, 1)
	for (size_t j = 0; j < src->cols.ncols; j++)
		dst->cols.cols[j] = keep == NULL ?
		    rs_column_copy(src->cols.cols[j]) :
		    rs_column_select(src->cols.cols[j], idx, n);
	if (src->part != NULL) {
		dst->part = xmalloc(n ? n : 1);
		for (size_t i = 0; i < n; i++)
			dst->part[i] = src->part[idx[i]];
	}
	dst->value_col = src->value_col;
	dst->time_col = src->time_col;
	dst->source = dup_or_null(src->source);
	dst->user_col = dup_or_null(src->user_col);
	dst->item_col = dup_or_null(src->item_col);
	free(idx);
}

static rs_dirt *
dirt_copy(const rs_dirt *d)
{
	rs_dirt *c;

	if (d == NULL)
		return NULL;
	c = xcalloc(1, sizeof *c);
	c->n = d->n;
	c->nbots = d->nbots;
	c->kind = xmalloc(d->n + 1);
	c->user = xmalloc((d->n + 1) * sizeof *c->user);
	c->item = xmalloc((d->n + 1) * sizeof *c->item);
	c->time = xmalloc((d->n + 1) * sizeof *c->time);
	c->bots = xmalloc((d->nbots + 1) * sizeof *c->bots);
	/* a world without dirt rows or without bots has NULL arrays */
	if (d->n > 0) {
		memcpy(c->kind, d->kind, d->n);
		memcpy(c->user, d->user, d->n * sizeof *c->user);
		memcpy(c->item, d->item, d->n * sizeof *c->item);
		memcpy(c->time, d->time, d->n * sizeof *c->time);
	}
	if (d->nbots > 0)
		memcpy(c->bots, d->bots, d->nbots * sizeof *c->bots);
	return c;
}

rs_dataset *
rs_dataset_select(const rs_dataset *ds, const uint8_t *keep)
{
	rs_dataset *c = xcalloc(1, sizeof *c);
	uint32_t nitems = rs_ids_count(ds->items);

	c->source = dup_or_null(ds->source);
	c->format = dup_or_null(ds->format);
	c->users = rs_ids_copy(ds->users);
	c->items = rs_ids_copy(ds->items);
	c->creators = rs_ids_copy(ds->creators);
	log_copy(&c->log, &ds->log, keep);
	if (ds->observed != NULL) {
		c->observed = xcalloc(1, sizeof *c->observed);
		log_copy(c->observed, ds->observed, NULL);
	}
	table_copy(&c->item_tbl, &ds->item_tbl);
	table_copy(&c->user_tbl, &ds->user_tbl);
	if (ds->item_creator != NULL) {
		c->item_creator = xmalloc((nitems ? nitems : 1) * sizeof *c->item_creator);
		memcpy(c->item_creator, ds->item_creator,
		    nitems * sizeof *c->item_creator);
	}
	c->creator_from = dup_or_null(ds->creator_from);
	c->split_kind = ds->split_kind;
	c->split_desc = dup_or_null(ds->split_desc);
	if (ds->heldout != NULL) {
		c->heldout = xcalloc(1, sizeof *c->heldout);
		log_copy(c->heldout, ds->heldout, NULL);
	}
	if (ds->heldout_valid != NULL) {
		c->heldout_valid = xcalloc(1, sizeof *c->heldout_valid);
		log_copy(c->heldout_valid, ds->heldout_valid, NULL);
	}
	for (size_t i = 0; i < ds->nnotes; i++)
		rs_dataset_note(c, "%s", ds->notes[i]);
	c->dirt = dirt_copy(ds->dirt);
	c->signal = ds->signal;
	rs_signal_detect(c, -1);
	return c;
}

rs_dataset *
rs_dataset_copy(const rs_dataset *ds)
{
	return rs_dataset_select(ds, NULL);
}

static uint32_t
count_keys(const uint32_t *key, size_t n, uint32_t nkeys)
{
	uint8_t *seen = xcalloc((size_t)nkeys + 1, 1);
	uint32_t m = 0;

	for (size_t r = 0; r < n; r++)
		if (!seen[key[r]]) {
			seen[key[r]] = 1;
			m++;
		}
	free(seen);
	return m;
}

uint32_t
rs_log_count_users(const rs_log *log, uint32_t nusers)
{
	return count_keys(log->user, log->n, nusers);
}

uint32_t
rs_log_count_items(const rs_log *log, uint32_t nitems)
{
	return count_keys(log->item, log->n, nitems);
}

/* Side-table rows and creators of one more user or item, when the table
 * has one row per index. */
static void
table_grow(rs_table *t, uint32_t before)
{
	if (t->ncols == 0 || t->nrows != before)
		return;
	for (size_t j = 0; j < t->ncols; j++) {
		rs_column_push_missing(t->cols[j]);
		rs_column_finish(t->cols[j]);
	}
	t->nrows++;
}

static void
drop_all_indexes(rs_dataset *ds)
{
	rs_log_drop_indexes(&ds->log);
	if (ds->observed != NULL)
		rs_log_drop_indexes(ds->observed);
	if (ds->heldout != NULL)
		rs_log_drop_indexes(ds->heldout);
	if (ds->heldout_valid != NULL)
		rs_log_drop_indexes(ds->heldout_valid);
}

uint32_t
rs_dataset_add_user(rs_dataset *ds, const char *id, size_t len)
{
	uint32_t before = rs_ids_count(ds->users), u;

	u = rs_ids_intern(ds->users, id, len);
	if (u == before) {
		table_grow(&ds->user_tbl, before);
		drop_all_indexes(ds);
	}
	return u;
}

uint32_t
rs_dataset_add_item(rs_dataset *ds, const char *id, size_t len)
{
	uint32_t before = rs_ids_count(ds->items), i;

	i = rs_ids_intern(ds->items, id, len);
	if (i == before) {
		table_grow(&ds->item_tbl, before);
		if (ds->item_creator != NULL) {
			ds->item_creator = xrealloc(ds->item_creator,
			    ((size_t)before + 1) * sizeof *ds->item_creator);
			ds->item_creator[before] = RS_NONE;
		}
		drop_all_indexes(ds);
	}
	return i;
}
