/* Datasets in a workspace file: ids, tables, columns and logs, the current state as references to the base where equal. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/dataset.h"
#include "store/format.h"
#include "util/strtab.h"
#include "util/xmalloc.h"

enum { ROLE_BASE, ROLE_CURRENT };
enum { IDS_USERS, IDS_ITEMS, IDS_CREATORS };
enum { TBL_ITEMS, TBL_USERS };
enum { LOG_MAIN, LOG_OBSERVED, LOG_HELDOUT, LOG_HELDOUT_VALID, LOG_KINDS };
/* how a log is stored */
enum { LM_FULL, LM_SAME, LM_SELECT };

static const size_t store_size[] = {
	[RS_STORE_DICT8] = 1, [RS_STORE_DICT16] = 2, [RS_STORE_I32] = 4,
	[RS_STORE_DEC32] = 4, [RS_STORE_F32] = 4, [RS_STORE_F64] = 8,
	[RS_STORE_STR] = 4
};

static const rs_log *
log_of(const rs_dataset *ds, int which)
{
	switch (which) {
	case LOG_MAIN:
		return &ds->log;
	case LOG_OBSERVED:
		return ds->observed;
	case LOG_HELDOUT:
		return ds->heldout;
	default:
		return ds->heldout_valid;
	}
}

static rs_ids *
ids_of(const rs_dataset *ds, int which)
{
	return which == IDS_USERS ? ds->users : which == IDS_ITEMS ? ds->items :
	    ds->creators;
}

static const rs_table *
table_of(const rs_dataset *ds, int which)
{
	return which == TBL_ITEMS ? &ds->item_tbl : &ds->user_tbl;
}

/* ---- equality, for references to the base ---- */

static bool
str_eq(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static bool
strtab_eq(const struct rs_strtab *a, const struct rs_strtab *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->n == b->n && a->len == b->len && memcmp(a->buf, b->buf, a->len) == 0;
}

static bool
bits_eq(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

/* Everything but the values and the missing count. */
static bool
col_meta_eq(const rs_column *a, const rs_column *b)
{
	return strcmp(a->name, b->name) == 0 && a->kind == b->kind &&
	    a->store == b->store && a->ndict == b->ndict &&
	    (a->ndict == 0 || memcmp(a->dict, b->dict, a->ndict * sizeof *a->dict) == 0) &&
	    strtab_eq(a->strs, b->strs) && a->all_int == b->all_int &&
	    a->all_f32 == b->all_f32 && a->date_only == b->date_only &&
	    a->decimals == b->decimals && a->scale == b->scale &&
	    bits_eq(a->maxabs, b->maxabs);
}

static bool
col_eq(const rs_column *a, const rs_column *b)
{
	return col_meta_eq(a, b) && a->n == b->n && a->nmissing == b->nmissing &&
	    (a->n == 0 || memcmp(a->v, b->v, a->n * store_size[a->store]) == 0);
}

static bool
log_eq(const rs_log *a, const rs_log *b)
{
	if (a->n != b->n || a->cols.ncols != b->cols.ncols ||
	    a->cols.nrows != b->cols.nrows || a->value_col != b->value_col ||
	    a->time_col != b->time_col || !str_eq(a->source, b->source) ||
	    !str_eq(a->user_col, b->user_col) || !str_eq(a->item_col, b->item_col) ||
	    (a->part == NULL) != (b->part == NULL))
		return false;
	if (a->n > 0 && (memcmp(a->user, b->user, a->n * sizeof *a->user) != 0 ||
	    memcmp(a->item, b->item, a->n * sizeof *a->item) != 0 ||
	    (a->part != NULL && memcmp(a->part, b->part, a->n) != 0)))
		return false;
	for (size_t j = 0; j < a->cols.ncols; j++)
		if (!col_eq(a->cols.cols[j], b->cols.cols[j]))
			return false;
	return true;
}

static bool
ids_eq(const rs_ids *a, const rs_ids *b)
{
	uint32_t n = rs_ids_count(a);

	if (n != rs_ids_count(b))
		return false;
	for (uint32_t i = 0; i < n; i++)
		if (strcmp(rs_ids_name(a, i), rs_ids_name(b, i)) != 0)
			return false;
	return true;
}

/* ---- writing ---- */

static int
write_column(struct st_writer *w, const rs_column *c)
{
	struct st_out *o = &w->out;

	st_put_str(o, c->name);
	st_put_u8(o, (uint8_t)c->kind);
	st_put_u8(o, (uint8_t)c->store);
	st_put_u64(o, c->n);
	st_put_u64(o, c->nmissing);
	st_put_u8(o, c->all_int);
	st_put_u8(o, c->all_f32);
	st_put_u8(o, c->date_only);
	st_put_i32(o, c->decimals);
	st_put_i32(o, c->scale);
	st_put_f64(o, c->maxabs);
	st_put_u32(o, c->ndict);
	st_put_array(o, c->dict, c->ndict, sizeof *c->dict);
	if (c->store == RS_STORE_STR) {
		st_put_u32(o, c->strs->n);
		st_put_u64(o, c->strs->len);
		st_put_array(o, c->strs->buf, c->strs->len, 1);
	}
	st_put_array(o, c->v, c->n, store_size[c->store]);
	return st_write_section(w, ST_COLM, ST_REQUIRED);
}

static int
write_ids(struct st_writer *w, int which, const rs_ids *ids, const rs_ids *base)
{
	struct st_out *o = &w->out;
	uint32_t n = rs_ids_count(ids);
	uint64_t blob = 0;

	st_put_u8(o, (uint8_t)which);
	if (base != NULL && ids_eq(ids, base)) {
		st_put_u8(o, LM_SAME);
		if (w->info != NULL)
			w->info->shared++;
		return st_write_section(w, ST_IDS, ST_REQUIRED);
	}
	st_put_u8(o, LM_FULL);
	st_put_u32(o, n);
	for (uint32_t i = 0; i < n; i++)
		blob += strlen(rs_ids_name(ids, i)) + 1;
	st_put_u64(o, blob);
	for (uint32_t i = 0; i < n; i++) {
		const char *s = rs_ids_name(ids, i);
		st_put_bytes(o, s, strlen(s) + 1);
	}
	return st_write_section(w, ST_IDS, ST_REQUIRED);
}

static int
write_table(struct st_writer *w, int which, const rs_table *t, const rs_table *base)
{
	struct st_out *o = &w->out;
	int32_t *ref = xmalloc((t->ncols + 1) * sizeof *ref);
	int rc = 0;

	st_put_u8(o, (uint8_t)which);
	st_put_u64(o, t->nrows);
	st_put_u32(o, (uint32_t)t->ncols);
	for (size_t j = 0; j < t->ncols; j++) {
		ref[j] = -1;
		/* the same column of the base: stored once */
		for (size_t k = 0; base != NULL && k < base->ncols; k++)
			if (col_eq(t->cols[j], base->cols[k])) {
				ref[j] = (int32_t)k;
				break;
			}
		st_put_i32(o, ref[j]);
		if (ref[j] >= 0 && w->info != NULL)
			w->info->shared++;
	}
	rc = st_write_section(w, ST_TABL, ST_REQUIRED);
	for (size_t j = 0; rc == 0 && j < t->ncols; j++)
		if (ref[j] < 0)
			rc = write_column(w, t->cols[j]);
	free(ref);
	return rc;
}

static bool
elem_eq(const rs_column *a, size_t i, const rs_column *b, size_t k)
{
	size_t es = store_size[a->store];

	return memcmp((const char *)a->v + i * es, (const char *)b->v + k * es, es) == 0;
}

/* Mark in keep[] the base rows the current log's rows are, in order: the
 * leftmost embedding of cur in base matching users, items and, when
 * strict, every column with a counterpart (cand[j] >= 0). */
static bool
match_rows(const rs_log *cur, const rs_log *base, const int *cand, bool strict,
    uint8_t *keep)
{
	size_t jb = 0;

	memset(keep, 0, (base->n + 7) / 8);
	for (size_t r = 0; r < cur->n; r++) {
		for (;; jb++) {
			bool ok;
			if (jb == base->n)
				return false;
			ok = cur->user[r] == base->user[jb] && cur->item[r] == base->item[jb];
			for (size_t j = 0; ok && strict && j < cur->cols.ncols; j++)
				if (cand[j] >= 0)
					ok = elem_eq(cur->cols.cols[j], r,
					    base->cols.cols[cand[j]], jb);
			if (ok)
				break;
		}
		keep[jb / 8] |= (uint8_t)(1u << (jb % 8));
		jb++;
	}
	return true;
}

/* Whether column c equals base column b at the kept rows. */
static bool
col_eq_at(const rs_column *c, const rs_column *b, const uint8_t *keep, size_t nb)
{
	size_t r = 0;

	for (size_t k = 0; k < nb; k++)
		if (keep[k / 8] >> (k % 8) & 1)
			if (!elem_eq(c, r++, b, k))
				return false;
	return true;
}

static int
write_log(struct st_writer *w, int which, const rs_log *log, const rs_log *same,
    const rs_log *base_main)
{
	struct st_out *o = &w->out;
	int *cand = NULL;
	uint8_t *keep = NULL;
	int32_t *ref;
	int mode = LM_FULL, rc;
	size_t ncols = log->cols.ncols;

	st_put_u8(o, (uint8_t)which);
	if (same != NULL && log_eq(log, same)) {
		st_put_u8(o, LM_SAME);
		if (w->info != NULL)
			w->info->shared++;
		return st_write_section(w, ST_LOGH, ST_REQUIRED);
	}
	ref = xmalloc((ncols + 1) * sizeof *ref);
	for (size_t j = 0; j < ncols; j++)
		ref[j] = -1;
	if (base_main != NULL && which == LOG_MAIN && log->n <= base_main->n) {
		/* rows kept from the base (cleaning drops rows, split adds parts) */
		bool strict;
		cand = xmalloc((ncols + 1) * sizeof *cand);
		for (size_t j = 0; j < ncols; j++) {
			int k = rs_table_find(&base_main->cols, log->cols.cols[j]->name);
			cand[j] = k >= 0 && col_meta_eq(log->cols.cols[j],
			    base_main->cols.cols[k]) ? k : -1;
		}
		keep = xmalloc((base_main->n + 7) / 8 + 1);
		strict = match_rows(log, base_main, cand, true, keep);
		if (strict || match_rows(log, base_main, cand, false, keep)) {
			mode = LM_SELECT;
			for (size_t j = 0; j < ncols; j++)
				if (cand[j] >= 0 && (strict || col_eq_at(log->cols.cols[j],
				    base_main->cols.cols[cand[j]], keep, base_main->n)))
					ref[j] = cand[j];
		}
	}
	st_put_u8(o, (uint8_t)mode);
	st_put_u64(o, log->n);
	st_put_i32(o, log->value_col);
	st_put_i32(o, log->time_col);
	st_put_str(o, log->source);
	st_put_str(o, log->user_col);
	st_put_str(o, log->item_col);
	st_put_u32(o, (uint32_t)ncols);
	st_put_u8(o, log->part != NULL);
	if (mode == LM_SELECT) {
		st_put_u64(o, base_main->n);
		st_put_array(o, keep, (base_main->n + 7) / 8, 1);
	} else {
		st_put_array(o, log->user, log->n, sizeof *log->user);
		st_put_array(o, log->item, log->n, sizeof *log->item);
	}
	if (log->part != NULL)
		st_put_array(o, log->part, log->n, 1);
	for (size_t j = 0; j < ncols; j++) {
		st_put_i32(o, ref[j]);
		st_put_u64(o, log->cols.cols[j]->nmissing);
		if (ref[j] >= 0 && w->info != NULL)
			w->info->shared++;
	}
	rc = st_write_section(w, ST_LOGH, ST_REQUIRED);
	for (size_t j = 0; rc == 0 && j < ncols; j++)
		if (ref[j] < 0)
			rc = write_column(w, log->cols.cols[j]);
	free(ref);
	free(cand);
	free(keep);
	return rc;
}

int
st_write_dataset(struct st_writer *w, const rs_dataset *ds, const rs_dataset *base)
{
	struct st_out *o = &w->out;
	uint32_t nitems = rs_ids_count(ds->items);
	int rc;

	st_put_u8(o, base == NULL ? ROLE_BASE : ROLE_CURRENT);
	st_put_str(o, ds->source);
	st_put_str(o, ds->format);
	st_put_str(o, ds->creator_from);
	st_put_str(o, ds->split_desc);
	st_put_i32(o, ds->split_kind);
	st_put_u32(o, (uint32_t)ds->nnotes);
	for (size_t i = 0; i < ds->nnotes; i++)
		st_put_str(o, ds->notes[i]);
	for (int k = LOG_OBSERVED; k < LOG_KINDS; k++)
		st_put_u8(o, log_of(ds, k) != NULL);
	st_put_u8(o, ds->item_creator != NULL);
	if (ds->item_creator != NULL) {
		st_put_u32(o, nitems);
		st_put_array(o, ds->item_creator, nitems, sizeof *ds->item_creator);
	}
	st_put_u8(o, ds->dirt != NULL);
	if (ds->dirt != NULL) {
		const rs_dirt *d = ds->dirt;
		st_put_u64(o, d->n);
		st_put_array(o, d->kind, d->n, 1);
		st_put_array(o, d->user, d->n, sizeof *d->user);
		st_put_array(o, d->item, d->n, sizeof *d->item);
		st_put_array(o, d->time, d->n, sizeof *d->time);
		st_put_u64(o, d->nbots);
		st_put_array(o, d->bots, d->nbots, sizeof *d->bots);
	}
	if ((rc = st_write_section(w, ST_DSET, ST_REQUIRED)) != 0)
		return rc;
	for (int k = IDS_USERS; rc == 0 && k <= IDS_CREATORS; k++)
		rc = write_ids(w, k, ids_of(ds, k), base ? ids_of(base, k) : NULL);
	for (int k = TBL_ITEMS; rc == 0 && k <= TBL_USERS; k++)
		rc = write_table(w, k, table_of(ds, k), base ? table_of(base, k) : NULL);
	for (int k = LOG_MAIN; rc == 0 && k < LOG_KINDS; k++)
		if (log_of(ds, k) != NULL)
			rc = write_log(w, k, log_of(ds, k), base ? log_of(base, k) : NULL,
			    base ? &base->log : NULL);
	return rc;
}

/* ---- reading ---- */

/* A column's header, checked against itself before anything is allocated
 * from its counts. */
struct col_head {
	char *name;
	uint8_t kind, store;
	uint64_t n, nmissing;
	bool all_int, all_f32, date_only;
	int32_t decimals, scale;
	double maxabs;
	uint32_t ndict;
};

/* Read and check a column's header; false (error set) when it is short or
 * inconsistent, h->name then freed by the caller. */
static bool
read_column_head(struct st_in *in, struct col_head *h)
{
	if (!st_get_str(in, &h->name))
		return false;
	if (h->name == NULL) {
		st_corrupt(in, "a column without a name");
		return false;
	}
	if (!st_get_u8(in, &h->kind) || !st_get_u8(in, &h->store) ||
	    !st_get_u64(in, &h->n) || !st_get_u64(in, &h->nmissing) ||
	    !st_get_bool(in, &h->all_int) || !st_get_bool(in, &h->all_f32) ||
	    !st_get_bool(in, &h->date_only) || !st_get_i32(in, &h->decimals) ||
	    !st_get_i32(in, &h->scale) || !st_get_f64(in, &h->maxabs) ||
	    !st_get_u32(in, &h->ndict))
		return false;
	if (h->kind > RS_COL_TEXT || h->store > RS_STORE_STR ||
	    (h->kind == RS_COL_TEXT) != (h->store == RS_STORE_STR)) {
		st_corrupt(in, "column \"%s\" has kind %u and storage %u", h->name,
		    h->kind, h->store);
		return false;
	}
	if (h->scale < 0 || h->scale > 9 || h->decimals < -1 || h->decimals > 1000 ||
	    h->nmissing > h->n) {
		st_corrupt(in, "column \"%s\": bad scale, decimals or missing count",
		    h->name);
		return false;
	}
	if ((h->store == RS_STORE_DICT8 && h->ndict > 256) ||
	    (h->store == RS_STORE_DICT16 && h->ndict > 65536) ||
	    (h->store != RS_STORE_DICT8 && h->store != RS_STORE_DICT16 && h->ndict != 0)) {
		st_corrupt(in, "column \"%s\": a dictionary of %u values for its storage",
		    h->name, h->ndict);
		return false;
	}
	return true;
}

/* A text column's string table: distinct strings, each ended by a NUL,
 * the first empty (the missing value). */
static bool
read_column_strings(struct st_in *in, rs_column *c)
{
	uint32_t nstrs;
	uint64_t blen;
	const unsigned char *blob, *p, *end;

	if (!st_get_u32(in, &nstrs) || !st_get_u64(in, &blen) ||
	    !st_get_raw(in, blen, &blob))
		return false;
	if (nstrs == 0 || blen < nstrs || blob[0] != '\0' || blob[blen - 1] != '\0') {
		st_corrupt(in, "column \"%s\": bad string table", c->name);
		return false;
	}
	c->strs = util_strtab_new();
	p = blob;
	end = blob + blen;
	for (uint32_t i = 0; i < nstrs; i++) {
		const unsigned char *z;
		bool added;
		if (p >= end || (z = memchr(p, '\0', (size_t)(end - p))) == NULL) {
			st_corrupt(in, "column \"%s\": the string table ends early", c->name);
			return false;
		}
		util_strtab_intern(c->strs, (const char *)p, (size_t)(z - p), &added);
		if (!added) {
			st_corrupt(in, "column \"%s\": string %u repeats an earlier one",
			    c->name, i);
			return false;
		}
		p = z + 1;
	}
	if (p != end) {
		st_corrupt(in, "column \"%s\": bytes after the string table", c->name);
		return false;
	}
	return true;
}

/* Every code must name a dictionary value or a string, or a corrupt file
 * would index past them later. */
static bool
check_column_codes(struct st_in *in, const rs_column *c)
{
	enum rs_col_store store = c->store;
	uint32_t lim;

	if (store != RS_STORE_DICT8 && store != RS_STORE_DICT16 && store != RS_STORE_STR)
		return true;
	lim = store == RS_STORE_STR ? c->strs->n : c->ndict;
	for (size_t i = 0; i < c->n; i++) {
		uint32_t code = store == RS_STORE_DICT8 ? ((uint8_t *)c->v)[i] :
		    store == RS_STORE_DICT16 ? ((uint16_t *)c->v)[i] :
		    ((uint32_t *)c->v)[i];
		if (code >= lim) {
			st_corrupt(in, "column \"%s\" row %zu: code %u past its %u values",
			    c->name, i, code, lim);
			return false;
		}
	}
	return true;
}

static rs_column *
read_column(struct st_reader *r)
{
	struct st_in in;
	struct col_head h;
	rs_column *c = NULL;

	memset(&h, 0, sizeof h);
	if (st_read_section(r, ST_COLM, &in) != 0)
		return NULL;
	if (!read_column_head(&in, &h))
		goto fail;
	c = xcalloc(1, sizeof *c);
	c->name = h.name;
	h.name = NULL;
	c->kind = (enum rs_col_kind)h.kind;
	c->store = (enum rs_col_store)h.store;
	c->nmissing = (size_t)h.nmissing;
	c->all_int = h.all_int;
	c->all_f32 = h.all_f32;
	c->date_only = h.date_only;
	c->decimals = h.decimals;
	c->scale = h.scale;
	c->maxabs = h.maxabs;
	if (h.store == RS_STORE_DICT8 || h.store == RS_STORE_DICT16) {
		void *d;
		/* one spare slot, as the column code keeps for a NaN code */
		if (!st_get_array(&in, h.ndict, sizeof(double), &d))
			goto fail;
		c->dict = xreallocarray(d, (size_t)h.ndict + 1, sizeof(double));
		c->ndict = h.ndict;
		c->dict_cap = h.ndict + 1;
	}
	if (h.store == RS_STORE_STR && !read_column_strings(&in, c))
		goto fail;
	if (!st_get_array(&in, h.n, store_size[h.store], &c->v) || !st_get_end(&in))
		goto fail;
	c->n = c->cap = (size_t)h.n;
	if (!check_column_codes(&in, c))
		goto fail;
	return c;
fail:
	free(h.name);
	rs_column_free(c);
	return NULL;
}

static rs_ids *
read_ids(struct st_reader *r, int which, const rs_dataset *base)
{
	struct st_in in;
	uint8_t w, mode;
	uint32_t n;
	uint64_t blen;
	const unsigned char *blob, *p, *end;
	rs_ids *ids;

	if (st_read_section(r, ST_IDS, &in) != 0)
		return NULL;
	if (!st_get_u8(&in, &w) || !st_get_u8(&in, &mode))
		return NULL;
	if (w != which) {
		st_corrupt(&in, "id table %u where %d was expected", w, which);
		return NULL;
	}
	if (mode == LM_SAME && base != NULL) {
		if (!st_get_end(&in))
			return NULL;
		return rs_ids_copy(ids_of(base, which));
	}
	if (mode != LM_FULL) {
		st_corrupt(&in, "id table mode %u", mode);
		return NULL;
	}
	if (!st_get_u32(&in, &n) || !st_get_u64(&in, &blen) ||
	    !st_get_raw(&in, blen, &blob) || !st_get_end(&in))
		return NULL;
	if (blen < n || (blen > 0 && blob[blen - 1] != '\0')) {
		st_corrupt(&in, "bad id table");
		return NULL;
	}
	ids = rs_ids_new();
	p = blob;
	end = blob + blen;
	for (uint32_t i = 0; i < n; i++) {
		const unsigned char *z = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
		if (z == NULL) {
			st_corrupt(&in, "the id table ends after %u of %u ids", i, n);
			rs_ids_free(ids);
			return NULL;
		}
		/* indices are positions: a repeated id would shift every later one */
		if (rs_ids_intern(ids, (const char *)p, (size_t)(z - p)) != i) {
			st_corrupt(&in, "id %u repeats an earlier one", i);
			rs_ids_free(ids);
			return NULL;
		}
		p = z + 1;
	}
	if (p != end) {
		st_corrupt(&in, "bytes after the id table");
		rs_ids_free(ids);
		return NULL;
	}
	return ids;
}

static int
read_table(struct st_reader *r, int which, rs_table *t, const rs_dataset *base,
    uint32_t nids)
{
	struct st_in in;
	uint8_t w;
	uint64_t nrows;
	uint32_t ncols;
	int32_t *ref = NULL;
	const rs_table *bt = base ? table_of(base, which) : NULL;

	if (st_read_section(r, ST_TABL, &in) != 0)
		return -1;
	if (!st_get_u8(&in, &w) || !st_get_u64(&in, &nrows) || !st_get_u32(&in, &ncols))
		return -1;
	if (w != which) {
		st_corrupt(&in, "table %u where %d was expected", w, which);
		return -1;
	}
	if (ncols > 0 && nrows != nids) {
		st_corrupt(&in, "a table of %llu rows for %u ids", (unsigned long long)nrows,
		    nids);
		return -1;
	}
	if (!st_get_array(&in, ncols, sizeof *ref, (void **)&ref) || !st_get_end(&in))
		goto fail;
	for (uint32_t j = 0; j < ncols; j++)
		if (ref[j] < -1 || (ref[j] >= 0 && (bt == NULL || (size_t)ref[j] >= bt->ncols))) {
			st_corrupt(&in, "column %u refers to base column %d", j, ref[j]);
			goto fail;
		}
	t->nrows = (size_t)nrows;
	for (uint32_t j = 0; j < ncols; j++) {
		rs_column *c = ref[j] >= 0 ? rs_column_copy(bt->cols[ref[j]]) :
		    read_column(r);
		if (c == NULL)
			goto fail;
		rs_table_add(t, c);
		if (c->n != nrows) {
			rs_error_set(r->err, RS_EPARSE,
			    "%s: corrupt: column \"%s\" has %zu rows, its table %llu", r->name,
			    c->name, c->n, (unsigned long long)nrows);
			goto fail;
		}
	}
	free(ref);
	return 0;
fail:
	free(ref);
	return -1;
}

/* Copy a log whole (the same as the base's). */
static void
log_copy_whole(rs_log *dst, const rs_log *src)
{
	size_t n = src->n;

	memset(dst, 0, sizeof *dst);
	dst->n = n;
	dst->user = xmalloc((n ? n : 1) * sizeof *dst->user);
	dst->item = xmalloc((n ? n : 1) * sizeof *dst->item);
	if (n) {
		memcpy(dst->user, src->user, n * sizeof *dst->user);
		memcpy(dst->item, src->item, n * sizeof *dst->item);
	}
	if (src->part != NULL) {
		dst->part = xmalloc(n ? n : 1);
		if (n)
			memcpy(dst->part, src->part, n);
	}
	dst->cols.nrows = src->cols.nrows;
	for (size_t j = 0; j < src->cols.ncols; j++)
		rs_table_add(&dst->cols, rs_column_copy(src->cols.cols[j]));
	dst->value_col = src->value_col;
	dst->time_col = src->time_col;
	dst->source = src->source ? xstrdup(src->source) : NULL;
	dst->user_col = src->user_col ? xstrdup(src->user_col) : NULL;
	dst->item_col = src->item_col ? xstrdup(src->item_col) : NULL;
}

/* A log stored as "the same as the base's": copied whole, but the base's
 * ids must still fit this dataset's. */
static int
read_log_same(struct st_in *in, rs_log *dst, const rs_log *src, uint32_t nusers,
    uint32_t nitems)
{
	if (!st_get_end(in))
		return -1;
	log_copy_whole(dst, src);
	/* the base's ids may be more than these */
	for (size_t i = 0; i < dst->n; i++)
		if (dst->user[i] >= nusers || dst->item[i] >= nitems) {
			st_corrupt(in, "the base's log names ids this dataset does not have");
			return -1;
		}
	return 0;
}

/* A log stored as a selection of the base log's rows: a bit per base row,
 * exactly n set. The kept rows' base indices go to *idxp (for the columns
 * shared with the base), their users and items to dst. */
static int
read_log_select(struct st_in *in, const rs_log *bm, uint64_t n, rs_log *dst,
    size_t **idxp)
{
	uint64_t nb, kept = 0;
	const unsigned char *bits;
	size_t k = 0, *idx;

	if (!st_get_u64(in, &nb) || !st_get_raw(in, (nb + 7) / 8, &bits))
		return -1;
	if (nb != bm->n) {
		st_corrupt(in, "a selection of %llu rows from a base log of %zu",
		    (unsigned long long)nb, bm->n);
		return -1;
	}
	for (uint64_t b = 0; b < (nb + 7) / 8; b++)
		kept += (uint64_t)__builtin_popcount(bits[b]);
	if (kept != n || (nb % 8 != 0 && bits[nb / 8] >> (nb % 8) != 0)) {
		st_corrupt(in, "the row selection keeps %llu rows, the log has %llu",
		    (unsigned long long)kept, (unsigned long long)n);
		return -1;
	}
	idx = *idxp = xmalloc((n ? n : 1) * sizeof *idx);
	for (size_t b = 0; b < bm->n; b++)
		if (bits[b / 8] >> (b % 8) & 1)
			idx[k++] = b;
	dst->user = xmalloc((n ? n : 1) * sizeof *dst->user);
	dst->item = xmalloc((n ? n : 1) * sizeof *dst->item);
	for (size_t i = 0; i < n; i++) {
		dst->user[i] = bm->user[idx[i]];
		dst->item[i] = bm->item[idx[i]];
	}
	return 0;
}

/* Each column's reference to a base column (-1: stored here) and missing
 * count, checked before any is followed. */
static int
read_log_refs(struct st_in *in, uint32_t ncols, uint64_t n, bool select,
    const rs_log *bm, int32_t *ref, uint64_t *nmiss)
{
	for (uint32_t j = 0; j < ncols; j++) {
		if (!st_get_i32(in, &ref[j]) || !st_get_u64(in, &nmiss[j]))
			return -1;
		if (ref[j] < -1 || (ref[j] >= 0 && (!select ||
		    (size_t)ref[j] >= bm->cols.ncols)) || nmiss[j] > n) {
			st_corrupt(in, "column %u refers to base column %d", j, ref[j]);
			return -1;
		}
	}
	return 0;
}

/* Every row's user, item and part must be in range, as everything
 * downstream indexes by them. */
static int
check_log_rows(struct st_in *in, const rs_log *dst, uint32_t nusers,
    uint32_t nitems)
{
	for (size_t i = 0; i < dst->n; i++)
		if (dst->user[i] >= nusers || dst->item[i] >= nitems ||
		    (dst->part != NULL && dst->part[i] > RS_TEST)) {
			st_corrupt(in, "row %zu: user %u, item %u or part out of range "
			    "(%u users, %u items)", i, dst->user[i], dst->item[i], nusers, nitems);
			return -1;
		}
	return 0;
}

/* The log's columns: selected from the base's where they refer to one,
 * else read from their own sections; each must have the log's rows. */
static int
read_log_columns(struct st_reader *r, rs_log *dst, const rs_log *bm,
    uint32_t ncols, const int32_t *ref, const uint64_t *nmiss, const size_t *idx)
{
	for (uint32_t j = 0; j < ncols; j++) {
		rs_column *c;
		if (ref[j] >= 0) {
			c = rs_column_select(bm->cols.cols[ref[j]], idx, dst->n);
			c->nmissing = (size_t)nmiss[j];
		} else if ((c = read_column(r)) == NULL)
			return -1;
		rs_table_add(&dst->cols, c);
		if (c->n != dst->n) {
			rs_error_set(r->err, RS_EPARSE,
			    "%s: corrupt: column \"%s\" has %zu rows, its log %zu", r->name,
			    c->name, c->n, dst->n);
			return -1;
		}
	}
	return 0;
}

/* Read a log into dst (zeroed, value_col/time_col -1). */
static int
read_log(struct st_reader *r, int which, rs_log *dst, const rs_dataset *base,
    uint32_t nusers, uint32_t nitems)
{
	struct st_in in;
	uint8_t w, mode;
	bool has_part;
	uint64_t n;
	uint32_t ncols;
	int32_t *ref = NULL;
	uint64_t *nmiss = NULL;
	size_t *idx = NULL;
	const rs_log *bm = base ? &base->log : NULL;
	int rc = -1;

	if (st_read_section(r, ST_LOGH, &in) != 0)
		return -1;
	if (!st_get_u8(&in, &w) || !st_get_u8(&in, &mode))
		return -1;
	if (w != which) {
		st_corrupt(&in, "log %u where %d was expected", w, which);
		return -1;
	}
	if (mode == LM_SAME && base != NULL && log_of(base, which) != NULL)
		return read_log_same(&in, dst, log_of(base, which), nusers, nitems);
	if (mode != LM_FULL && !(mode == LM_SELECT && base != NULL && which == LOG_MAIN)) {
		st_corrupt(&in, "log mode %u", mode);
		return -1;
	}
	if (!st_get_u64(&in, &n) || !st_get_i32(&in, &dst->value_col) ||
	    !st_get_i32(&in, &dst->time_col) || !st_get_str(&in, &dst->source) ||
	    !st_get_str(&in, &dst->user_col) || !st_get_str(&in, &dst->item_col) ||
	    !st_get_u32(&in, &ncols) || !st_get_bool(&in, &has_part))
		return -1;
	if (dst->value_col < -1 || dst->value_col >= (int64_t)ncols ||
	    dst->time_col < -1 || dst->time_col >= (int64_t)ncols) {
		st_corrupt(&in, "value or time column past the %u columns", ncols);
		return -1;
	}
	if (mode == LM_SELECT) {
		if (read_log_select(&in, bm, n, dst, &idx) != 0)
			return -1;
	} else if (!st_get_array(&in, n, sizeof *dst->user, (void **)&dst->user) ||
	    !st_get_array(&in, n, sizeof *dst->item, (void **)&dst->item))
		goto out;
	dst->n = (size_t)n;
	dst->cols.nrows = (size_t)n;
	if (has_part && !st_get_array(&in, n, 1, (void **)&dst->part))
		goto out;
	if (ncols > (in.len - in.pos) / 12) {
		st_corrupt(&in, "%u columns in %zu bytes", ncols, in.len - in.pos);
		goto out;
	}
	ref = xmalloc(((size_t)ncols + 1) * sizeof *ref);
	nmiss = xmalloc(((size_t)ncols + 1) * sizeof *nmiss);
	if (read_log_refs(&in, ncols, n, mode == LM_SELECT, bm, ref, nmiss) != 0 ||
	    !st_get_end(&in) || check_log_rows(&in, dst, nusers, nitems) != 0 ||
	    read_log_columns(r, dst, bm, ncols, ref, nmiss, idx) != 0)
		goto out;
	rc = 0;
out:
	free(ref);
	free(nmiss);
	free(idx);
	return rc;
}

static int
read_dirt(struct st_in *in, rs_dirt *d)
{
	uint64_t n, nb;

	if (!st_get_u64(in, &n) ||
	    !st_get_array(in, n, 1, (void **)&d->kind) ||
	    !st_get_array(in, n, sizeof *d->user, (void **)&d->user) ||
	    !st_get_array(in, n, sizeof *d->item, (void **)&d->item) ||
	    !st_get_array(in, n, sizeof *d->time, (void **)&d->time))
		return -1;
	d->n = (size_t)n;
	if (!st_get_u64(in, &nb) ||
	    !st_get_array(in, nb, sizeof *d->bots, (void **)&d->bots))
		return -1;
	d->nbots = (size_t)nb;
	return 0;
}

/* Cross-checks once ids are known: creators of items, dirt rows. */
static int
check_refs(struct st_reader *r, const rs_dataset *ds, uint32_t ncreator_map)
{
	uint32_t nu = rs_ids_count(ds->users), ni = rs_ids_count(ds->items),
	    nc = rs_ids_count(ds->creators);

	if (ds->item_creator != NULL) {
		if (ncreator_map != ni)
			goto bad;
		for (uint32_t i = 0; i < ni; i++)
			if (ds->item_creator[i] != RS_NONE && ds->item_creator[i] >= nc)
				goto bad;
	}
	if (ds->dirt != NULL) {
		const rs_dirt *d = ds->dirt;
		for (size_t i = 0; i < d->n; i++)
			if (d->kind[i] >= RS_DIRT_KINDS ||
			    (d->user[i] != RS_NONE && d->user[i] >= nu) ||
			    (d->item[i] != RS_NONE && d->item[i] >= ni))
				goto bad;
		for (size_t i = 0; i < d->nbots; i++)
			if (d->bots[i] >= nu)
				goto bad;
	}
	return 0;
bad:
	rs_error_set(r->err, RS_EPARSE,
	    "%s: corrupt: the dataset's creators or dirt name ids it does not have", r->name);
	return -1;
}

rs_dataset *
st_read_dataset(struct st_reader *r, const rs_dataset *base)
{
	struct st_in in;
	rs_dataset *ds = rs_dataset_new();
	uint8_t role, has[LOG_KINDS] = { 1, 0, 0, 0 };
	bool has_map, has_dirt;
	uint32_t nnotes, nmap = 0;
	int32_t split_kind;

	if (st_read_section(r, ST_DSET, &in) != 0)
		goto fail;
	if (!st_get_u8(&in, &role))
		goto fail;
	if (role != (base == NULL ? ROLE_BASE : ROLE_CURRENT)) {
		st_corrupt(&in, "dataset role %u where %d was expected", role,
		    base == NULL ? ROLE_BASE : ROLE_CURRENT);
		goto fail;
	}
	if (!st_get_str(&in, &ds->source) || !st_get_str(&in, &ds->format) ||
	    !st_get_str(&in, &ds->creator_from) || !st_get_str(&in, &ds->split_desc) ||
	    !st_get_i32(&in, &split_kind) || !st_get_u32(&in, &nnotes))
		goto fail;
	if (split_kind < RS_SPLIT_NONE || split_kind > RS_SPLIT_FILES) {
		st_corrupt(&in, "split kind %d", split_kind);
		goto fail;
	}
	ds->split_kind = split_kind;
	if (nnotes > (in.len - in.pos) / 4) {
		st_corrupt(&in, "%u notes in %zu bytes", nnotes, in.len - in.pos);
		goto fail;
	}
	ds->notes = xcalloc((size_t)nnotes + 1, sizeof *ds->notes);
	for (uint32_t i = 0; i < nnotes; i++) {
		if (!st_get_str(&in, &ds->notes[i]))
			goto fail;
		if (ds->notes[i] == NULL) {
			st_corrupt(&in, "note %u is null", i);
			goto fail;
		}
		ds->nnotes++;
	}
	for (int k = LOG_OBSERVED; k < LOG_KINDS; k++) {
		bool b;
		if (!st_get_bool(&in, &b))
			goto fail;
		has[k] = b;
	}
	if (!st_get_bool(&in, &has_map))
		goto fail;
	if (has_map && (!st_get_u32(&in, &nmap) ||
	    !st_get_array(&in, nmap, sizeof(uint32_t), (void **)&ds->item_creator)))
		goto fail;
	if (!st_get_bool(&in, &has_dirt))
		goto fail;
	if (has_dirt) {
		ds->dirt = xcalloc(1, sizeof *ds->dirt);
		if (read_dirt(&in, ds->dirt) != 0)
			goto fail;
	}
	if (!st_get_end(&in))
		goto fail;
	for (int k = IDS_USERS; k <= IDS_CREATORS; k++) {
		rs_ids *ids = read_ids(r, k, base);
		if (ids == NULL)
			goto fail;
		if (k == IDS_USERS) {
			rs_ids_free(ds->users);
			ds->users = ids;
		} else if (k == IDS_ITEMS) {
			rs_ids_free(ds->items);
			ds->items = ids;
		} else {
			rs_ids_free(ds->creators);
			ds->creators = ids;
		}
	}
	if (check_refs(r, ds, nmap) != 0 ||
	    read_table(r, TBL_ITEMS, &ds->item_tbl, base, rs_ids_count(ds->items)) != 0 ||
	    read_table(r, TBL_USERS, &ds->user_tbl, base, rs_ids_count(ds->users)) != 0)
		goto fail;
	for (int k = LOG_MAIN; k < LOG_KINDS; k++) {
		rs_log *l;
		if (!has[k])
			continue;
		if (k == LOG_MAIN)
			l = &ds->log;
		else {
			l = xcalloc(1, sizeof *l);
			l->value_col = l->time_col = -1;
			if (k == LOG_OBSERVED)
				ds->observed = l;
			else if (k == LOG_HELDOUT)
				ds->heldout = l;
			else
				ds->heldout_valid = l;
		}
		if (read_log(r, k, l, base, rs_ids_count(ds->users),
		    rs_ids_count(ds->items)) != 0)
			goto fail;
	}
	return ds;
fail:
	rs_dataset_free(ds);
	return NULL;
}
