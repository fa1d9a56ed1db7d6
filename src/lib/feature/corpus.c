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

/* Edit distance of two short names (for "did you mean"). */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[65], best;

	if (la > 64 || lb > 64)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			diag = up;
			row[j] = v;
		}
	}
	best = row[lb];
	return best;
}

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
		size_t d = distance(name, o->name);
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

	return is_missing_token(s, len) || strcasecmp(s, "UNKNOWN") == 0 ||
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

int
corpus_build(struct corpus *c, const rs_dataset *ds,
    const rs_column *const *cols, size_t ncols, unsigned tok_flags,
    const rs_hooks *h, rs_error *err)
{
	uint32_t nitems = rs_ids_count(ds->items);
	size_t cap = 1024, nnz = 0, idcap = 64, dfcap = 1024;
	uint32_t *ids = xmalloc(idcap * sizeof *ids);
	rs_tokens toks;

	memset(c, 0, sizeof *c);
	c->ndocs = nitems;
	c->ptr = xcalloc((size_t)nitems + 1, sizeof *c->ptr);
	c->term = xmalloc(cap * sizeof *c->term);
	c->count = xmalloc(cap * sizeof *c->count);
	c->vocab = strtab_new();
	c->df = xcalloc(dfcap, sizeof *c->df);
	rs_tokens_init(&toks);
	for (uint32_t d = 0; d < nitems; d++) {
		size_t nid = 0;
		if ((d & 0x3FFF) == 0 && d > 0 &&
		    rs_hooks_progress(h, "tokenizing", d, nitems) != 0) {
			rs_error_set(err, RS_ECANCEL, "interrupted");
			free(ids);
			rs_tokens_free(&toks);
			corpus_free(c);
			return -1;
		}
		rs_tokens_reset(&toks);
		if (d < ds->item_tbl.nrows)
			for (size_t k = 0; k < ncols; k++) {
				const char *s = rs_column_text(cols[k], d);
				if (s != NULL && !feat_blank_text(s))
					rs_tokenize(s, strlen(s), tok_flags, &toks);
			}
		if (toks.n > idcap) {
			idcap = grow_capacity(idcap, toks.n);
			ids = xreallocarray(ids, idcap, sizeof *ids);
		}
		for (size_t t = 0; t < toks.n; t++) {
			size_t end = t + 1 < toks.n ? toks.off[t + 1] : toks.len;
			ids[nid++] = strtab_intern(c->vocab, toks.buf + toks.off[t],
			    end - toks.off[t] - 1, NULL);
		}
		c->tokens += nid;
		sort_ids(ids, nid);
		if (nnz + nid > cap) {
			cap = grow_capacity(cap, nnz + nid);
			c->term = xreallocarray(c->term, cap, sizeof *c->term);
			c->count = xreallocarray(c->count, cap, sizeof *c->count);
		}
		if (c->vocab->n > dfcap) {
			size_t old = dfcap;
			dfcap = grow_capacity(dfcap, c->vocab->n);
			c->df = xreallocarray(c->df, dfcap, sizeof *c->df);
			memset(c->df + old, 0, (dfcap - old) * sizeof *c->df);
		}
		for (size_t t = 0; t < nid; t++) {
			if (t > 0 && ids[t] == ids[t - 1]) {
				c->count[nnz - 1]++;
				continue;
			}
			c->term[nnz] = ids[t];
			c->count[nnz++] = 1;
			c->df[ids[t]]++;
		}
		if (nid > 0)
			c->docs_with_text++;
		c->ptr[d + 1] = nnz;
	}
	free(ids);
	rs_tokens_free(&toks);
	return 0;
}

void
corpus_free(struct corpus *c)
{
	free(c->ptr);
	free(c->term);
	free(c->count);
	free(c->df);
	strtab_free(c->vocab);
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
classes_build(struct classes *cl, const rs_column *col, uint32_t max,
    const char *opt, rs_error *err)
{
	struct rs_strtab *seen = strtab_new();
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
		k = strtab_intern(seen, buf, strlen(buf), &added);
		if (bycode != NULL)
			bycode[code] = k;
		if (added) {
			if (cl->n == max) {
				rs_error_set(err, RS_EINVAL,
				    "%s=%s: more than %u distinct values; a category column has fewer",
				    opt, col->name, max);
				strtab_free(seen);
				free(bycode);
				classes_free(cl);
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
	strtab_free(seen);
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
classes_free(struct classes *cl)
{
	for (uint32_t k = 0; k < cl->n; k++)
		free(cl->names[k]);
	free(cl->names);
	free(cl->values);
	free(cl->rows);
	free(cl->of);
	memset(cl, 0, sizeof *cl);
}

uint64_t
feat_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}
