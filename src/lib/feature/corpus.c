/* Item texts as a tokenized corpus, item columns looked up by name, class columns as class indices. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reelscope/features.h"
#include "feature/feature.h"
#include "util/strtab.h"
#include "util/text.h"
#include "util/xmalloc.h"

#ifdef _OPENMP
#include <omp.h>
#endif

static const char *
kind_word(const rs_column *c)
{
	const char *t = rs_column_type_name(c);

	return strcmp(t, "int") == 0 ? "an int" : strcmp(t, "float") == 0 ?
	    "a float" : strcmp(t, "time") == 0 ? "a time" : "a text";
}

static const char *
kinds_wanted(unsigned kinds)
{
	if (kinds == FEAT_TEXT)
		return "text";
	if (kinds == FEAT_NUMBER)
		return "numeric";
	if (kinds == FEAT_TIME)
		return "time";
	if (kinds == (FEAT_TEXT | FEAT_NUMBER))
		return "text or numeric";
	return "time or numeric";
}

const rs_column *
feat_item_column(const rs_dataset *ds, const char *opt, const char *name,
    unsigned kinds, rs_error *err)
{
	const rs_column *c;
	const char *near = NULL;
	size_t bestd = 3;
	int i = rs_table_find(&ds->item_tbl, name);

	if (i >= 0) {
		c = ds->item_tbl.cols[i];
		if (!(kinds & (1u << c->kind))) {
			rs_error_set(err, RS_EINVAL,
			    "%s=%s: %s is %s column; %s= needs a %s column", opt,
			    name, name, kind_word(c), opt, kinds_wanted(kinds));
			return NULL;
		}
		return c;
	}
	if (rs_table_find(&ds->log.cols, name) >= 0 ||
	    (ds->log.item_col && strcmp(ds->log.item_col, name) == 0) ||
	    (ds->log.user_col && strcmp(ds->log.user_col, name) == 0)) {
		rs_error_set(err, RS_EINVAL,
		    "%s=%s: %s is a column of the log, not of the items", opt, name,
		    name);
		return NULL;
	}
	if (rs_table_find(&ds->user_tbl, name) >= 0) {
		rs_error_set(err, RS_EINVAL,
		    "%s=%s: %s is a column of the users, not of the items", opt,
		    name, name);
		return NULL;
	}
	for (size_t k = 0; k < ds->item_tbl.ncols; k++) {
		const rs_column *o = ds->item_tbl.cols[k];
		size_t d = util_edit_distance(name, o->name);
		if (d < bestd && (kinds & (1u << o->kind))) {
			bestd = d;
			near = o->name;
		}
	}
	if (ds->item_tbl.ncols == 0)
		rs_error_set(err, RS_EINVAL,
		    "%s=%s: the dataset has no item table (load a KuaiRec folder, or items=FILE)",
		    opt, name);
	else if (near != NULL)
		rs_error_set(err, RS_EINVAL,
		    "%s=%s: no item column %s (did you mean %s?)", opt, name, name,
		    near);
	else
		rs_error_set(err, RS_EINVAL,
		    "%s=%s: no item column %s (see columns)", opt, name, name);
	return NULL;
}

int
feat_item_columns(const rs_dataset *ds, const char *opt, const char *list,
    unsigned kinds, const rs_column ***cols, rs_error *err)
{
	char *copy = xstrdup(list), *p = copy;
	int n = 0;

	*cols = NULL;
	for (;;) {
		char *comma = strchr(p, ','), *name = p, *end;
		const rs_column *c;
		if (comma)
			*comma = '\0';
		while (*name == ' ')
			name++;
		end = name + strlen(name);
		while (end > name && end[-1] == ' ')
			*--end = '\0';
		if (*name == '\0') {
			rs_error_set(err, RS_EINVAL,
			    "%s=%s: an empty column name in the list", opt, list);
			goto fail;
		}
		if ((c = feat_item_column(ds, opt, name, kinds, err)) == NULL)
			goto fail;
		for (int k = 0; k < n; k++)
			if ((*cols)[k] == c) {
				rs_error_set(err, RS_EINVAL,
				    "%s=%s: %s is named twice", opt, list, name);
				goto fail;
			}
		*cols = xreallocarray((void *)*cols, (size_t)n + 1, sizeof **cols);
		(*cols)[n++] = c;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	free(copy);
	return n;
fail:
	free(copy);
	free((void *)*cols);
	*cols = NULL;
	return -1;
}

const char *
feat_first_present(const rs_dataset *ds, const char *const *names,
    unsigned kinds)
{
	for (size_t i = 0; names[i] != NULL; i++) {
		int k = rs_table_find(&ds->item_tbl, names[i]);
		if (k >= 0 && (kinds & (1u << ds->item_tbl.cols[k]->kind)))
			return names[i];
	}
	return NULL;
}

bool
feat_blank_text(const char *s)
{
	size_t len = strlen(s);

	return util_is_missing_token(s, len) || strcasecmp(s, "UNKNOWN") == 0 ||
	    strcmp(s, "[]") == 0;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

static void
sort_ids(uint32_t *a, size_t n)
{
	if (n > 32) {
		qsort(a, n, sizeof *a, cmp_u32);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint32_t x = a[i];
		size_t j = i;
		while (j > 0 && a[j - 1] > x) {
			a[j] = a[j - 1];
			j--;
		}
		a[j] = x;
	}
}

/* One thread's share of the corpus: documents [first, last) with term ids
 * of its own vocabulary. */
struct part {
	uint32_t first, last;
	uint64_t *ptr;		/* last - first + 1, from 0 */
	uint32_t *term, *count;
	size_t cap;
	struct rs_strtab *vocab;
	uint32_t *df;
	size_t dfcap;
	uint32_t docs_with_text;
	uint64_t tokens;
};

/* Tokenize the documents of one part. Returns -1 when asked to stop. */
static int
part_build(struct part *pt, const rs_dataset *ds, const rs_column *const *cols,
    size_t ncols, unsigned tok_flags, const rs_hooks *h, bool report,
    volatile int *stop)
{
	size_t nnz = 0, idcap = 64;
	uint32_t *ids = xmalloc(idcap * sizeof *ids);
	rs_tokens toks;

	pt->ptr = xcalloc((size_t)(pt->last - pt->first) + 1, sizeof *pt->ptr);
	pt->cap = 1024;
	pt->term = xmalloc(pt->cap * sizeof *pt->term);
	pt->count = xmalloc(pt->cap * sizeof *pt->count);
	pt->vocab = util_strtab_new();
	pt->dfcap = 1024;
	pt->df = xcalloc(pt->dfcap, sizeof *pt->df);
	rs_tokens_init(&toks);
	for (uint32_t d = pt->first; d < pt->last; d++) {
		size_t nid = 0;
		if (((d - pt->first) & 0x3FFF) == 0x3FFF) {
			if (*stop)
				break;
			if (report && rs_hooks_progress(h, "tokenizing",
			    (double)(d - pt->first), pt->last - pt->first) != 0) {
				*stop = 1;
				break;
			}
		}
		rs_tokens_reset(&toks);
		if (d < ds->item_tbl.nrows)
			for (size_t k = 0; k < ncols; k++) {
				const char *s = rs_column_text(cols[k], d);
				if (s != NULL && !feat_blank_text(s))
					rs_tokenize(s, strlen(s), tok_flags, &toks);
			}
		if (toks.n > idcap) {
			idcap = util_grow_capacity(idcap, toks.n);
			ids = xreallocarray(ids, idcap, sizeof *ids);
		}
		for (size_t t = 0; t < toks.n; t++) {
			size_t end = t + 1 < toks.n ? toks.off[t + 1] : toks.len;
			ids[nid++] = util_strtab_intern(pt->vocab, toks.buf + toks.off[t],
			    end - toks.off[t] - 1, NULL);
		}
		pt->tokens += nid;
		sort_ids(ids, nid);
		if (nnz + nid > pt->cap) {
			pt->cap = util_grow_capacity(pt->cap, nnz + nid);
			pt->term = xreallocarray(pt->term, pt->cap, sizeof *pt->term);
			pt->count = xreallocarray(pt->count, pt->cap, sizeof *pt->count);
		}
		if (pt->vocab->n > pt->dfcap) {
			size_t old = pt->dfcap;
			pt->dfcap = util_grow_capacity(pt->dfcap, pt->vocab->n);
			pt->df = xreallocarray(pt->df, pt->dfcap, sizeof *pt->df);
			memset(pt->df + old, 0, (pt->dfcap - old) * sizeof *pt->df);
		}
		for (size_t t = 0; t < nid; t++) {
			if (t > 0 && ids[t] == ids[t - 1]) {
				pt->count[nnz - 1]++;
				continue;
			}
			pt->term[nnz] = ids[t];
			pt->count[nnz++] = 1;
			pt->df[ids[t]]++;
		}
		if (nid > 0)
			pt->docs_with_text++;
		pt->ptr[d - pt->first + 1] = nnz;
	}
	free(ids);
	rs_tokens_free(&toks);
	return *stop ? -1 : 0;
}

static void
part_free(struct part *pt)
{
	free(pt->ptr);
	free(pt->term);
	free(pt->count);
	free(pt->df);
	util_strtab_free(pt->vocab);
}

/* Documents are tokenized in contiguous parts, one per thread, each with
 * its own vocabulary; the parts are then merged in order, so term ids come
 * out in first-seen order exactly as one thread would give them. */
int
feat_corpus_build(struct corpus *c, const rs_dataset *ds,
    const rs_column *const *cols, size_t ncols, unsigned tok_flags,
    const rs_hooks *h, rs_error *err)
{
	uint32_t nitems = rs_ids_count(ds->items);
	int nparts = 1;
	struct part *parts;
	volatile int stop = 0;
	uint64_t nnz = 0;
	int failed = 0;

#ifdef _OPENMP
	nparts = omp_get_max_threads();
#endif
	if (nparts < 1 || nitems < 4096)
		nparts = 1;
	parts = xcalloc((size_t)nparts, sizeof *parts);
	for (int p = 0; p < nparts; p++) {
		parts[p].first = (uint32_t)((uint64_t)nitems * p / nparts);
		parts[p].last = (uint32_t)((uint64_t)nitems * (p + 1) / nparts);
	}
	#pragma omp parallel for schedule(static, 1) num_threads(nparts) reduction(|:failed)
	for (int p = 0; p < nparts; p++)
		failed |= part_build(&parts[p], ds, cols, ncols, tok_flags, h, p == 0,
		    &stop) != 0;
	memset(c, 0, sizeof *c);
	if (failed) {
		for (int p = 0; p < nparts; p++)
			part_free(&parts[p]);
		free(parts);
		rs_error_set(err, RS_ECANCEL, "interrupted");
		return -1;
	}
	c->ndocs = nitems;
	c->ptr = xcalloc((size_t)nitems + 1, sizeof *c->ptr);
	for (int p = 0; p < nparts; p++)
		nnz += parts[p].ptr[parts[p].last - parts[p].first];
	c->term = xmalloc((nnz ? nnz : 1) * sizeof *c->term);
	c->count = xmalloc((nnz ? nnz : 1) * sizeof *c->count);
	c->vocab = util_strtab_new();
	nnz = 0;
	for (int p = 0; p < nparts; p++) {
		struct part *pt = &parts[p];
		uint32_t *map = xmalloc((pt->vocab->n ? pt->vocab->n : 1) * sizeof *map);
		for (uint32_t t = 0; t < pt->vocab->n; t++) {
			const char *s = util_strtab_get(pt->vocab, t);
			map[t] = util_strtab_intern(c->vocab, s, strlen(s), NULL);
		}
		for (uint32_t d = pt->first; d < pt->last; d++) {
			uint64_t b = pt->ptr[d - pt->first], e = pt->ptr[d - pt->first + 1];
			uint64_t start = nnz;
			for (uint64_t k = b; k < e; k++) {
				/* insert in order of the merged ids */
				uint32_t t = map[pt->term[k]], n = pt->count[k];
				uint64_t j = nnz++;
				while (j > start && c->term[j - 1] > t) {
					c->term[j] = c->term[j - 1];
					c->count[j] = c->count[j - 1];
					j--;
				}
				c->term[j] = t;
				c->count[j] = n;
			}
			c->ptr[d + 1] = nnz;
		}
		c->docs_with_text += pt->docs_with_text;
		c->tokens += pt->tokens;
		free(map);
	}
	/* document frequencies over the merged ids */
	c->df = xcalloc(c->vocab->n ? c->vocab->n : 1, sizeof *c->df);
	for (uint64_t k = 0; k < nnz; k++)
		c->df[c->term[k]]++;
	for (int p = 0; p < nparts; p++)
		part_free(&parts[p]);
	free(parts);
	return 0;
}

void
feat_corpus_free(struct corpus *c)
{
	free(c->ptr);
	free(c->term);
	free(c->count);
	free(c->df);
	util_strtab_free(c->vocab);
	memset(c, 0, sizeof *c);
}

/* A class while ordering them: more rows first, then by name. */
struct class_key {
	uint32_t rows, k;
	const char *name;
};

static int
cmp_class(const void *a, const void *b)
{
	const struct class_key *x = a, *y = b;

	if (x->rows != y->rows)
		return x->rows > y->rows ? -1 : 1;
	return strcmp(x->name, y->name);
}

int
feat_classes_build(struct classes *cl, const rs_column *col, uint32_t max,
    const char *opt, rs_error *err)
{
	struct rs_strtab *seen = util_strtab_new();
	size_t n = col->n;
	struct class_key *keys;
	uint32_t *rank, *bycode = NULL;
	char buf[256];
	bool numeric = col->kind != RS_COL_TEXT;

	memset(cl, 0, sizeof *cl);
	cl->of = xmalloc((n ? n : 1) * sizeof *cl->of);
	if (col->store == RS_STORE_STR) {
		/* text: one lookup per distinct string, not per row */
		bycode = xmalloc(col->strs->n * sizeof *bycode);
		for (uint32_t k = 0; k < col->strs->n; k++)
			bycode[k] = RS_NONE;
	}
	for (size_t i = 0; i < n; i++) {
		bool added;
		uint32_t k, code = 0;
		if (rs_column_is_missing(col, i)) {
			cl->of[i] = RS_NONE;
			continue;
		}
		if (bycode != NULL) {
			code = ((const uint32_t *)col->v)[i];
			if (bycode[code] != RS_NONE) {
				cl->of[i] = bycode[code];
				cl->rows[bycode[code]]++;
				continue;
			}
		}
		rs_column_format(col, i, buf, sizeof buf);
		k = util_strtab_intern(seen, buf, strlen(buf), &added);
		if (bycode != NULL)
			bycode[code] = k;
		if (added) {
			if (cl->n == max) {
				rs_error_set(err, RS_EINVAL,
				    "%s=%s: more than %u distinct values; a category column has fewer",
				    opt, col->name, max);
				util_strtab_free(seen);
				free(bycode);
				feat_classes_free(cl);
				return -1;
			}
			cl->names = xreallocarray(cl->names, cl->n + 1, sizeof *cl->names);
			cl->values = xreallocarray(cl->values, cl->n + 1, sizeof *cl->values);
			cl->rows = xreallocarray(cl->rows, cl->n + 1, sizeof *cl->rows);
			cl->names[cl->n] = xstrdup(buf);
			cl->values[cl->n] = numeric ? rs_column_get(col, i) : NAN;
			cl->rows[cl->n] = 0;
			cl->n++;
		}
		cl->of[i] = k;
		cl->rows[k]++;
	}
	util_strtab_free(seen);
	free(bycode);
	/* renumber: most rows first, then by name */
	keys = xmalloc((cl->n ? cl->n : 1) * sizeof *keys);
	rank = xmalloc((cl->n ? cl->n : 1) * sizeof *rank);
	for (uint32_t k = 0; k < cl->n; k++) {
		keys[k].rows = cl->rows[k];
		keys[k].k = k;
		keys[k].name = cl->names[k];
	}
	qsort(keys, cl->n, sizeof *keys, cmp_class);
	{
		char **names = xmalloc((cl->n ? cl->n : 1) * sizeof *names);
		double *values = xmalloc((cl->n ? cl->n : 1) * sizeof *values);
		uint32_t *rows = xmalloc((cl->n ? cl->n : 1) * sizeof *rows);
		for (uint32_t k = 0; k < cl->n; k++) {
			rank[keys[k].k] = k;
			names[k] = cl->names[keys[k].k];
			values[k] = cl->values[keys[k].k];
			rows[k] = cl->rows[keys[k].k];
		}
		free(cl->names);
		free(cl->values);
		free(cl->rows);
		cl->names = names;
		cl->values = values;
		cl->rows = rows;
	}
	for (size_t i = 0; i < n; i++)
		if (cl->of[i] != RS_NONE)
			cl->of[i] = rank[cl->of[i]];
	free(keys);
	free(rank);
	return 0;
}

void
feat_classes_free(struct classes *cl)
{
	for (uint32_t k = 0; k < cl->n; k++)
		free(cl->names[k]);
	free(cl->names);
	free(cl->values);
	free(cl->rows);
	free(cl->of);
	memset(cl, 0, sizeof *cl);
}
