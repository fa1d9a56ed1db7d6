/* Compact typed columns: dictionary codes widen to int32/float/double only when values need it. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/column.h"
#include "util/strtab.h"
#include "util/text.h"
#include "util/xmalloc.h"

/* Lookup from a dictionary value (by its bit pattern) to its code. */
struct rs_dict_index {
	uint64_t *keys;
	uint32_t *codes;	/* code+1, 0 = empty */
	size_t nslots;
};

static const size_t store_size[] = {
	[RS_STORE_DICT8] = 1, [RS_STORE_DICT16] = 2, [RS_STORE_I32] = 4,
	[RS_STORE_DEC32] = 4, [RS_STORE_F32] = 4, [RS_STORE_F64] = 8,
	[RS_STORE_STR] = 4
};

static const double pow10_tab[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
	1e8, 1e9 };

/* Whether every value so far fits int32 as value * 10^decimals. */
static bool
dec_ok(const rs_column *c)
{
	return c->decimals >= 0 && c->decimals <= 9 &&
	    c->maxabs * pow10_tab[c->decimals] < 2147483647.0;
}

static uint64_t
double_bits(double x)
{
	uint64_t b;

	if (isnan(x))
		x = NAN;	/* one canonical NaN for "missing" */
	if (x == 0)
		x = 0;		/* -0 and +0 are the same value */
	memcpy(&b, &x, sizeof b);
	return b;
}

static void
dindex_free(struct rs_dict_index *d)
{
	if (d != NULL) {
		free(d->keys);
		free(d->codes);
		free(d);
	}
}

static struct rs_dict_index *
dindex_new(size_t nslots)
{
	struct rs_dict_index *d = xcalloc(1, sizeof *d);

	d->nslots = nslots;
	d->keys = xcalloc(nslots, sizeof *d->keys);
	d->codes = xcalloc(nslots, sizeof *d->codes);
	return d;
}

static size_t
dindex_slot(const struct rs_dict_index *d, uint64_t key)
{
	uint64_t h = key * 0x9e3779b97f4a7c15ULL;
	size_t j = (size_t)(h >> 40) & (d->nslots - 1);

	while (d->codes[j] != 0 && d->keys[j] != key)
		j = (j + 1) & (d->nslots - 1);
	return j;
}

rs_column *
rs_column_new(const char *name, enum rs_col_kind kind)
{
	rs_column *c = xcalloc(1, sizeof *c);

	c->name = xstrdup(name);
	c->kind = kind;
	c->all_int = true;
	c->all_f32 = true;
	c->date_only = true;
	c->decimals = 0;
	if (kind == RS_COL_TEXT) {
		c->store = RS_STORE_STR;
		c->strs = util_strtab_new();
		/* code 0 is the empty string, so missing text costs nothing extra */
		util_strtab_intern(c->strs, "", 0, NULL);
	} else {
		c->store = RS_STORE_DICT8;
		c->dindex = dindex_new(512);
	}
	return c;
}

void
rs_column_free(rs_column *c)
{
	if (c == NULL)
		return;
	free(c->name);
	free(c->v);
	free(c->dict);
	dindex_free(c->dindex);
	util_strtab_free(c->strs);
	free(c);
}

static void
reserve(rs_column *c, size_t need)
{
	if (need > c->cap) {
		c->cap = util_grow_capacity(c->cap, need);
		c->v = xreallocarray(c->v, c->cap, store_size[c->store]);
	}
}

double
rs_column_get(const rs_column *c, size_t i)
{
	switch (c->store) {
	case RS_STORE_DICT8:
		return c->dict[((const uint8_t *)c->v)[i]];
	case RS_STORE_DICT16:
		return c->dict[((const uint16_t *)c->v)[i]];
	case RS_STORE_I32: {
		int32_t x = ((const int32_t *)c->v)[i];
		return x == INT32_MIN ? NAN : (double)x;
	}
	case RS_STORE_DEC32: {
		int32_t x = ((const int32_t *)c->v)[i];
		return x == INT32_MIN ? NAN : (double)x / pow10_tab[c->scale];
	}
	case RS_STORE_F32:
		return ((const float *)c->v)[i];
	case RS_STORE_F64:
		return ((const double *)c->v)[i];
	case RS_STORE_STR:
		break;
	}
	return NAN;
}

/* Re-store every value in the given plain (non-dictionary) form. */
static void
convert_store(rs_column *c, enum rs_col_store to)
{
	void *nv = xreallocarray(NULL, c->cap ? c->cap : 1, store_size[to]);

	for (size_t i = 0; i < c->n; i++) {
		double x = rs_column_get(c, i);
		switch (to) {
		case RS_STORE_DICT16:
			((uint16_t *)nv)[i] = ((uint8_t *)c->v)[i];
			break;
		case RS_STORE_I32:
			((int32_t *)nv)[i] = isnan(x) ? INT32_MIN : (int32_t)x;
			break;
		case RS_STORE_DEC32:
			((int32_t *)nv)[i] = isnan(x) ? INT32_MIN :
			    (int32_t)llround(x * pow10_tab[c->decimals]);
			break;
		case RS_STORE_F32:
			((float *)nv)[i] = (float)x;
			break;
		case RS_STORE_F64:
			((double *)nv)[i] = x;
			break;
		default:
			break;
		}
	}
	free(c->v);
	c->v = nv;
	if (to == RS_STORE_DEC32)
		c->scale = c->decimals;
	if (to != RS_STORE_DICT16) {
		free(c->dict);
		c->dict = NULL;
		c->ndict = c->dict_cap = 0;
		dindex_free(c->dindex);
		c->dindex = NULL;
	}
	c->store = to;
}

/* The smallest exact plain store for the values seen so far. */
static enum rs_col_store
plain_store(const rs_column *c)
{
	if (c->all_int)
		return RS_STORE_I32;
	if (dec_ok(c))
		return RS_STORE_DEC32;
	return c->all_f32 ? RS_STORE_F32 : RS_STORE_F64;
}

/* DEC32 with more decimals than its scale: multiply the stored values up. */
static void
dec_rescale(rs_column *c)
{
	int32_t *v = c->v;
	double m = pow10_tab[c->decimals - c->scale];

	for (size_t i = 0; i < c->n; i++)
		if (v[i] != INT32_MIN)
			v[i] = (int32_t)llround(v[i] * m);
	c->scale = c->decimals;
}

/* Rebuild the dictionary index with room for twice the entries. */
static void
dindex_grow(rs_column *c)
{
	size_t ns = 512;
	struct rs_dict_index *d;

	while (ns < 4 * (size_t)c->ndict)
		ns *= 2;
	d = dindex_new(ns);

	for (uint32_t k = 0; k < c->ndict; k++) {
		uint64_t key = double_bits(c->dict[k]);
		size_t j = dindex_slot(d, key);
		d->keys[j] = key;
		d->codes[j] = k + 1;
	}
	if (c->dindex != NULL)
		dindex_free(c->dindex);
	c->dindex = d;
}

/* Code of x in the dictionary, adding it; -1 when the dictionary is full. */
static int64_t
dict_code(rs_column *c, double x)
{
	uint64_t key;
	size_t j;

	if (c->dindex == NULL)	/* dropped by rs_column_finish */
		dindex_grow(c);
	key = double_bits(x);
	j = dindex_slot(c->dindex, key);

	if (c->dindex->codes[j] != 0)
		return c->dindex->codes[j] - 1;
	if (c->ndict == 65536)
		return -1;
	if (c->ndict == 256 && c->store == RS_STORE_DICT8)
		convert_store(c, RS_STORE_DICT16);
	/* room doubles: one realloc per new value made loading a column of
	 * many distinct values churn the allocator (quadratic under ASan) */
	if (c->ndict >= c->dict_cap) {
		c->dict_cap = c->ndict < 8 ? 16 : 2 * c->ndict;
		c->dict = xreallocarray(c->dict, c->dict_cap, sizeof *c->dict);
	}
	c->dict[c->ndict] = isnan(x) ? NAN : x;
	c->dindex->keys[j] = key;
	c->dindex->codes[j] = ++c->ndict;
	if ((size_t)c->ndict * 2 > c->dindex->nslots)
		dindex_grow(c);
	return c->ndict - 1;
}

static void
push_value(rs_column *c, double x)
{
	if (c->store == RS_STORE_DICT8 || c->store == RS_STORE_DICT16) {
		int64_t code = dict_code(c, x);
		if (code >= 0) {
			reserve(c, c->n + 1);
			if (c->store == RS_STORE_DICT8)
				((uint8_t *)c->v)[c->n++] = (uint8_t)code;
			else
				((uint16_t *)c->v)[c->n++] = (uint16_t)code;
			return;
		}
		convert_store(c, plain_store(c));
	}
	if (c->store == RS_STORE_I32 && !c->all_int)
		convert_store(c, plain_store(c));
	if (c->store == RS_STORE_DEC32) {
		if (!dec_ok(c))
			convert_store(c, c->all_f32 ? RS_STORE_F32 : RS_STORE_F64);
		else if (c->decimals > c->scale)
			dec_rescale(c);
	}
	if (c->store == RS_STORE_F32 && !c->all_f32)
		convert_store(c, RS_STORE_F64);
	reserve(c, c->n + 1);
	switch (c->store) {
	case RS_STORE_I32:
		((int32_t *)c->v)[c->n++] = isnan(x) ? INT32_MIN : (int32_t)x;
		break;
	case RS_STORE_DEC32:
		((int32_t *)c->v)[c->n++] = isnan(x) ? INT32_MIN :
		    (int32_t)llround(x * pow10_tab[c->scale]);
		break;
	case RS_STORE_F32:
		((float *)c->v)[c->n++] = (float)x;
		break;
	default:
		((double *)c->v)[c->n++] = x;
		break;
	}
}

void
rs_column_push_number(rs_column *c, double x, int decimals)
{
	if (isnan(x)) {
		rs_column_push_missing(c);
		return;
	}
	if (x == 0)
		x = 0;
	if (c->store == RS_STORE_F64 && c->kind == RS_COL_NUMBER) {
		/* the widest store: nothing left to decide */
		if (c->n == c->cap)
			reserve(c, c->n + 1);
		((double *)c->v)[c->n++] = x;
		return;
	}
	if (!(x == trunc(x) && x > (double)INT32_MIN && x <= (double)INT32_MAX))
		c->all_int = false;
	if (c->all_f32 && !util_f32_keeps(x, decimals))
		c->all_f32 = false;
	if (decimals < 0)
		c->decimals = -1;
	else if (c->decimals >= 0 && decimals > c->decimals)
		c->decimals = decimals;
	if (fabs(x) > c->maxabs)
		c->maxabs = fabs(x);
	if (c->date_only && c->kind == RS_COL_TIME && fmod(x, 86400.0) != 0)
		c->date_only = false;
	push_value(c, x);
}

void
rs_column_push_missing(rs_column *c)
{
	c->nmissing++;
	if (c->store == RS_STORE_STR) {
		reserve(c, c->n + 1);
		((uint32_t *)c->v)[c->n++] = 0;
		return;
	}
	push_value(c, NAN);
}

void
rs_column_push_text(rs_column *c, const char *s, size_t len)
{
	uint32_t code;

	if (len == 0) {
		rs_column_push_missing(c);
		return;
	}
	code = util_strtab_intern(c->strs, s, len, NULL);
	reserve(c, c->n + 1);
	((uint32_t *)c->v)[c->n++] = code;
}

const char *
rs_column_text(const rs_column *c, size_t i)
{
	if (c->store != RS_STORE_STR)
		return NULL;
	return util_strtab_get(c->strs, ((const uint32_t *)c->v)[i]);
}

bool
rs_column_is_missing(const rs_column *c, size_t i)
{
	if (c->store == RS_STORE_STR)
		return ((const uint32_t *)c->v)[i] == 0;
	return isnan(rs_column_get(c, i));
}

void
rs_column_format(const rs_column *c, size_t i, char *buf, size_t size)
{
	double x;

	if (c->store == RS_STORE_STR) {
		snprintf(buf, size, "%s", rs_column_text(c, i));
		return;
	}
	x = rs_column_get(c, i);
	if (isnan(x))
		snprintf(buf, size, "NaN");
	else if (c->kind == RS_COL_TIME)
		util_format_datetime(x, c->date_only, buf, size);
	else if ((c->store == RS_STORE_F32 || c->store == RS_STORE_DEC32) &&
	    c->decimals > 0 && c->decimals < 20) {
		/* the float holds the written value to this many decimals */
		size_t n;
		snprintf(buf, size, "%.*f", c->decimals, x);
		n = strlen(buf);
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
	} else
		util_format_number(x, c->store == RS_STORE_F32, buf, size);
}

/* Sort 64-bit keys with an LSD radix sort (16-bit digits), skipping the
 * digits every key shares, and count the distinct ones: qsort of a
 * 12.5 M-row column took seconds. */
static size_t
distinct_keys(uint64_t *a, size_t n)
{
	uint64_t *tmp, *src = a, *dst, all_or = 0, all_and = ~0ULL;
	size_t *cnt, d = 0;

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		all_or |= a[i];
		all_and &= a[i];
	}
	tmp = xmalloc(n * sizeof *tmp);
	cnt = xmalloc(65536 * sizeof *cnt);
	dst = tmp;
	for (int shift = 0; shift < 64; shift += 16) {
		size_t sum = 0;
		if ((((all_or ^ all_and) >> shift) & 0xffff) == 0)
			continue;	/* every key has the same digit here */
		memset(cnt, 0, 65536 * sizeof *cnt);
		for (size_t i = 0; i < n; i++)
			cnt[(src[i] >> shift) & 0xffff]++;
		for (size_t k = 0; k < 65536; k++) {
			size_t c = cnt[k];
			cnt[k] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			dst[cnt[(src[i] >> shift) & 0xffff]++] = src[i];
		{
			uint64_t *t = src;
			src = dst;
			dst = t;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (i == 0 || src[i] != src[i - 1])
			d++;
	free(tmp);
	free(cnt);
	return d;
}

size_t
rs_column_distinct(const rs_column *c)
{
	size_t d = 0;
	uint64_t *keys;
	size_t m = 0;

	if (c->store == RS_STORE_STR) {
		uint8_t *seen = xcalloc(c->strs->n, 1);
		for (size_t i = 0; i < c->n; i++) {
			uint32_t code = ((const uint32_t *)c->v)[i];
			if (code != 0 && !seen[code]) {
				seen[code] = 1;
				d++;
			}
		}
		free(seen);
		return d;
	}
	if (c->store == RS_STORE_DICT8 || c->store == RS_STORE_DICT16) {
		/* codes in use: a selection may have dropped some values */
		uint8_t *used = xcalloc(c->ndict + 1, 1);
		for (size_t i = 0; i < c->n; i++) {
			uint32_t k = c->store == RS_STORE_DICT8 ?
			    ((const uint8_t *)c->v)[i] : ((const uint16_t *)c->v)[i];
			if (!used[k] && !isnan(c->dict[k])) {
				used[k] = 1;
				d++;
			}
		}
		free(used);
		return d;
	}
	/* equal values have equal bits once -0 is folded into 0 */
	keys = xmalloc((c->n ? c->n : 1) * sizeof *keys);
	for (size_t i = 0; i < c->n; i++) {
		double x = rs_column_get(c, i);
		if (!isnan(x))
			keys[m++] = double_bits(x);
	}
	d = distinct_keys(keys, m);
	free(keys);
	return d;
}

void
rs_column_finish(rs_column *c)
{
	if (c->cap > c->n) {
		c->cap = c->n;
		c->v = xreallocarray(c->v, c->cap ? c->cap : 1, store_size[c->store]);
	}
	dindex_free(c->dindex);
	c->dindex = NULL;
}

size_t
rs_column_bytes(const rs_column *c)
{
	size_t b = c->cap * store_size[c->store] + c->ndict * sizeof(double);

	if (c->strs != NULL)
		b += util_strtab_bytes(c->strs);
	return b;
}

/* Missing values of c, counted by store (a call per value was a tenth of
 * a cleaning step's time on a 13 M-row log). */
static size_t
count_missing(const rs_column *c)
{
	size_t m = 0;

	switch (c->store) {
	case RS_STORE_DICT8:
	case RS_STORE_DICT16: {
		uint8_t *nan = xcalloc(c->ndict + 1, 1);
		bool any = false;
		for (uint32_t k = 0; k < c->ndict; k++)
			any |= (nan[k] = isnan(c->dict[k])) != 0;
		if (any && c->store == RS_STORE_DICT8)
			for (size_t i = 0; i < c->n; i++)
				m += nan[((const uint8_t *)c->v)[i]];
		else if (any)
			for (size_t i = 0; i < c->n; i++)
				m += nan[((const uint16_t *)c->v)[i]];
		free(nan);
		break;
	}
	case RS_STORE_I32:
	case RS_STORE_DEC32:
		for (size_t i = 0; i < c->n; i++)
			m += ((const int32_t *)c->v)[i] == INT32_MIN;
		break;
	case RS_STORE_F32:
		for (size_t i = 0; i < c->n; i++)
			m += isnan(((const float *)c->v)[i]);
		break;
	case RS_STORE_F64:
		for (size_t i = 0; i < c->n; i++)
			m += isnan(((const double *)c->v)[i]);
		break;
	case RS_STORE_STR:
		for (size_t i = 0; i < c->n; i++)
			m += ((const uint32_t *)c->v)[i] == 0;
		break;
	}
	return m;
}

/* Gather the values of rows idx[0..n) in loops typed by element size;
 * SIZE_MAX rows are left alone and counted. */
static size_t
gather(void *dst, const void *src, size_t es, const size_t *idx, size_t n)
{
	size_t holes = 0;

#define GATHER(T) \
	for (size_t i = 0; i < n; i++) { \
		if (idx[i] != SIZE_MAX) \
			((T *)dst)[i] = ((const T *)src)[idx[i]]; \
		else \
			holes++; \
	}
	switch (es) {
	case 1:
		GATHER(uint8_t);
		break;
	case 2:
		GATHER(uint16_t);
		break;
	case 4:
		GATHER(uint32_t);
		break;
	default:
		GATHER(uint64_t);
		break;
	}
#undef GATHER
	return holes;
}

rs_column *
rs_column_select(const rs_column *c, const size_t *idx, size_t n)
{
	rs_column *r = xcalloc(1, sizeof *r);
	size_t es = store_size[c->store], holes;

	*r = *c;
	r->name = xstrdup(c->name);
	r->n = r->cap = n;
	r->v = xmalloc(n ? n * es : 1);
	r->dindex = NULL;
	if (c->dict != NULL) {
		r->dict = xmalloc((c->ndict + 1) * sizeof *c->dict);
		r->dict_cap = c->ndict + 1;
		memcpy(r->dict, c->dict, c->ndict * sizeof *c->dict);
	}
	holes = gather(r->v, c->v, es, idx, n);
	for (size_t i = 0; holes > 0 && i < n; i++) {
		if (idx[i] != SIZE_MAX)
			continue;
		/* a missing row: NaN, INT32_MIN, the empty string or a NaN code */
		switch (r->store) {
		case RS_STORE_DICT8:
		case RS_STORE_DICT16: {
			uint32_t k;
			for (k = 0; k < r->ndict && !isnan(r->dict[k]); k++)
				;
			if (k == r->ndict) {
				if (r->ndict == (r->store == RS_STORE_DICT8 ? 256u : 65536u)) {
					/* no room for a NaN code: fall back to a plain store */
					rs_column *plain = rs_column_new(c->name, c->kind);
					for (size_t j = 0; j < n; j++) {
						if (idx[j] == SIZE_MAX)
							rs_column_push_missing(plain);
						else
							rs_column_push_number(plain,
							    rs_column_get(c, idx[j]), c->decimals);
					}
					plain->date_only = c->date_only;
					rs_column_finish(plain);
					rs_column_free(r);
					return plain;
				}
				r->dict[r->ndict++] = NAN;
			}
			if (r->store == RS_STORE_DICT8)
				((uint8_t *)r->v)[i] = (uint8_t)k;
			else
				((uint16_t *)r->v)[i] = (uint16_t)k;
			break;
		}
		case RS_STORE_I32:
		case RS_STORE_DEC32:
			((int32_t *)r->v)[i] = INT32_MIN;
			break;
		case RS_STORE_F32:
			((float *)r->v)[i] = NAN;
			break;
		case RS_STORE_F64:
			((double *)r->v)[i] = NAN;
			break;
		case RS_STORE_STR:
			((uint32_t *)r->v)[i] = 0;
			break;
		}
	}
	if (c->strs != NULL)
		r->strs = util_strtab_copy(c->strs);
	/* a column without missing values has none in any selection */
	r->nmissing = holes > 0 || c->nmissing > 0 ? count_missing(r) : 0;
	return r;
}

rs_column *
rs_column_copy(const rs_column *c)
{
	rs_column *r = xcalloc(1, sizeof *r);
	size_t es = store_size[c->store];

	*r = *c;
	r->name = xstrdup(c->name);
	r->cap = c->n;
	r->v = xmalloc(c->n ? c->n * es : 1);
	if (c->n)
		memcpy(r->v, c->v, c->n * es);
	r->dindex = NULL;
	if (c->dict != NULL) {
		r->dict = xmalloc((c->ndict + 1) * sizeof *c->dict);
		r->dict_cap = c->ndict + 1;
		memcpy(r->dict, c->dict, c->ndict * sizeof *c->dict);
	}
	if (c->strs != NULL)
		r->strs = util_strtab_copy(c->strs);
	return r;
}

const char *
rs_column_type_name(const rs_column *c)
{
	if (c->kind == RS_COL_TEXT)
		return "text";
	if (c->kind == RS_COL_TIME)
		return c->date_only ? "date" : "time";
	if (c->store == RS_STORE_I32 || (c->all_int &&
	    (c->store == RS_STORE_DICT8 || c->store == RS_STORE_DICT16)))
		return "int";
	return "float";
}
