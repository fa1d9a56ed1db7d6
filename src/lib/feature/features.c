/* Item features: the columns they come from, the vocabulary, TF-IDF keyword vectors, and the build as a whole. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/features.h"
#include "feature/feature.h"
#include "util/strtab.h"
#include "util/text.h"
#include "util/xmalloc.h"

static const char *const default_text[] = { "caption", "manual_cover_text",
	"topic_tag", "title", "video_tag_name", "genres", "tags", NULL };
static const char *const default_category[] = { "first_level_category_name",
	"category", NULL };
static const char *const default_duration[] = { "video_duration", "duration",
	NULL };
static const char *const default_upload[] = { "upload_dt", "upload_time", NULL };

void
rs_features_params_init(rs_features_params *p)
{
	memset(p, 0, sizeof *p);
	p->min_df = 2;
	p->max_df = 0.5;
	p->keywords = 10;
}

const char *
rs_features_params_check(const rs_features_params *p)
{
	if (p->min_df < 1)
		return "min_df must be at least 1 (items a term must appear in)";
	if (!(p->max_df > 0 && p->max_df <= 1))
		return "max_df must be a share of the items, above 0 and at most 1";
	if (p->keywords < 1 || p->keywords > 1000)
		return "keywords must be from 1 to 1000";
	if ((p->width == NULL) != (p->height == NULL))
		return "width= and height= go together (the shooting angle needs both)";
	return NULL;
}

/* Resolve one optional column: NULL name = the first present default
 * (or none), "" = none, otherwise it must exist with a right kind. */
static int
resolve(const rs_dataset *ds, const char *opt, const char *name,
    const char *const *defaults, unsigned kinds, const rs_column **out,
    rs_error *err)
{
	*out = NULL;
	if (name == NULL) {
		if (defaults == NULL || (name = feat_first_present(ds, defaults,
		    kinds)) == NULL)
			return 0;
	}
	if (*name == '\0')
		return 0;
	return (*out = feat_item_column(ds, opt, name, kinds, err)) ? 0 : -1;
}

static int
resolve_all(const rs_dataset *ds, const rs_features_params *p,
    struct sources *src, rs_error *err)
{
	static const char *const vw[] = { "video_width", NULL };
	static const char *const vh[] = { "video_height", NULL };
	static const char *const feat[] = { "feat", NULL };
	static const char *const vtype[] = { "video_type", NULL };

	memset(src, 0, sizeof *src);
	if (p->text == NULL) {
		for (size_t i = 0; default_text[i] != NULL; i++) {
			int k = rs_table_find(&ds->item_tbl, default_text[i]);
			if (k >= 0 && ds->item_tbl.cols[k]->kind == RS_COL_TEXT) {
				src->text = xreallocarray((void *)src->text,
				    (size_t)src->ntext + 1, sizeof *src->text);
				src->text[src->ntext++] = ds->item_tbl.cols[k];
			}
		}
	} else if (*p->text != '\0' && (src->ntext = feat_item_columns(ds, "text",
	    p->text, FEAT_TEXT, &src->text, err)) < 0)
		return -1;
	if (resolve(ds, "category", p->category, default_category,
	    FEAT_TEXT | FEAT_NUMBER, &src->category, err) != 0 ||
	    resolve(ds, "duration", p->duration, default_duration, FEAT_NUMBER,
	    &src->duration, err) != 0 ||
	    resolve(ds, "upload", p->upload, default_upload,
	    FEAT_TIME | FEAT_NUMBER, &src->upload, err) != 0 ||
	    resolve(ds, "tags", p->tags, feat, FEAT_TEXT, &src->tags, err) != 0)
		return -1;
	if (p->width == NULL && (feat_first_present(ds, vw, FEAT_NUMBER) == NULL ||
	    feat_first_present(ds, vh, FEAT_NUMBER) == NULL))
		;	/* no default shooting angle */
	else if (resolve(ds, "width", p->width, vw, FEAT_NUMBER, &src->width,
	    err) != 0 || resolve(ds, "height", p->height, vh, FEAT_NUMBER,
	    &src->height, err) != 0)
		return -1;
	if (src->width == NULL || src->height == NULL)
		src->width = src->height = NULL;
	if (p->onehot == NULL) {
		const char *v = feat_first_present(ds, vtype, FEAT_TEXT | FEAT_NUMBER);
		if (v != NULL) {
			src->onehot = xmalloc(sizeof *src->onehot);
			src->onehot[0] = ds->item_tbl.cols[rs_table_find(&ds->item_tbl, v)];
			src->nonehot = 1;
		}
	} else if (*p->onehot != '\0' && (src->nonehot = feat_item_columns(ds,
	    "onehot", p->onehot, FEAT_TEXT | FEAT_NUMBER, &src->onehot, err)) < 0)
		return -1;
	return 0;
}

static void
sources_free(struct sources *src)
{
	free((void *)src->text);
	free((void *)src->onehot);
}

static char *
names_of(const rs_column *const *cols, int n)
{
	struct strbuf sb;

	sb_init(&sb);
	for (int i = 0; i < n; i++) {
		if (i > 0)
			sb_putc(&sb, ',');
		sb_puts(&sb, cols[i]->name);
	}
	return sb_detach(&sb);
}

static char *
name_or_empty(const rs_column *c)
{
	return xstrdup(c ? c->name : "");
}

void
rs_features_free(rs_features *f)
{
	if (f == NULL)
		return;
	free(f->terms);
	free(f->df);
	free(f->idf);
	util_strtab_free(f->term_index);
	free(f->tfidf.ptr);
	free(f->tfidf.col);
	free(f->tfidf.val);
	free(f->x.ptr);
	free(f->x.col);
	free(f->x.val);
	for (uint32_t j = 0; j < f->ncols; j++)
		free(f->colnames[j]);
	free(f->colnames);
	for (size_t b = 0; b < f->nblocks; b++) {
		free(f->blocks[b].name);
		free(f->blocks[b].column);
	}
	free(f->blocks);
	for (uint32_t c = 0; c < f->ncategories; c++)
		free(f->categories[c]);
	free(f->categories);
	free(f->category_items);
	free(f->item_category);
	free(f->category_kw);
	free(f->category_kw_weight);
	free(f->text_cols);
	free(f->category_col);
	free(f->duration_col);
	free(f->upload_col);
	free(f->width_col);
	free(f->height_col);
	free(f->tags_col);
	free(f->onehot_cols);
	free(f);
}

/* A term while choosing the vocabulary. */
struct term_key {
	uint32_t df, id;
	const char *s;
};

static int
cmp_term(const void *a, const void *b)
{
	const struct term_key *x = a, *y = b;

	if (x->df != y->df)
		return x->df > y->df ? -1 : 1;
	return strcmp(x->s, y->s);
}

/* Choose the vocabulary from the corpus: the cuts, then the order.
 * newid[old] receives the term's index or RS_NONE. */
static void
choose_terms(rs_features *f, const struct corpus *c, uint32_t *newid)
{
	uint32_t nv = c->vocab->n, nkeep = 0;
	double maxdocs = f->max_df * c->docs_with_text;
	struct term_key *keys = xmalloc((nv ? nv : 1) * sizeof *keys);

	f->vocab_seen = nv;
	for (uint32_t t = 0; t < nv; t++) {
		newid[t] = RS_NONE;
		if (c->df[t] < f->min_df)
			f->dropped_rare++;
		else if (c->df[t] > maxdocs + 1e-9)
			f->dropped_common++;
		else {
			keys[nkeep].df = c->df[t];
			keys[nkeep].id = t;
			keys[nkeep++].s = util_strtab_get(c->vocab, t);
		}
	}
	qsort(keys, nkeep, sizeof *keys, cmp_term);
	if (f->max_terms > 0 && nkeep > f->max_terms) {
		f->dropped_max = nkeep - f->max_terms;
		nkeep = f->max_terms;
	}
	f->nterms = nkeep;
	f->terms = xmalloc((nkeep ? nkeep : 1) * sizeof *f->terms);
	f->df = xmalloc((nkeep ? nkeep : 1) * sizeof *f->df);
	f->idf = xmalloc((nkeep ? nkeep : 1) * sizeof *f->idf);
	f->term_index = util_strtab_new();
	for (uint32_t k = 0; k < nkeep; k++) {
		newid[keys[k].id] = k;
		util_strtab_intern(f->term_index, keys[k].s, strlen(keys[k].s), NULL);
		f->df[k] = keys[k].df;
		f->idf[k] = (float)(log((1.0 + c->docs_with_text) /
		    (1.0 + keys[k].df)) + 1.0);
	}
	/* the index's buffer is final now */
	for (uint32_t k = 0; k < nkeep; k++)
		f->terms[k] = util_strtab_get(f->term_index, k);
	free(keys);
}

/* An entry while sorting a row. */
struct entry {
	uint32_t col;
	float val;
};

/* Rows are short: insertion sort (qsort per row cost a tenth of the build). */
static void
sort_entries(struct entry *e, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct entry x = e[i];
		size_t j = i;
		while (j > 0 && e[j - 1].col > x.col) {
			e[j] = e[j - 1];
			j--;
		}
		e[j] = x;
	}
}

/* TF-IDF rows: sublinear tf times smooth idf, L2-normalized. */
static void
build_tfidf(rs_features *f, const struct corpus *c, const uint32_t *newid)
{
	rs_csr *m = &f->tfidf;
	uint64_t nnz = 0, cap = 0;
	struct entry *row = NULL;
	size_t rowcap = 0;

	m->nrows = c->ndocs;
	m->ncols = f->nterms;
	m->ptr = xcalloc((size_t)c->ndocs + 1, sizeof *m->ptr);
	for (uint64_t k = 0; k < c->ptr[c->ndocs]; k++)
		cap += newid[c->term[k]] != RS_NONE;
	m->col = xmalloc((cap ? cap : 1) * sizeof *m->col);
	m->val = xmalloc((cap ? cap : 1) * sizeof *m->val);
	for (uint32_t d = 0; d < c->ndocs; d++) {
		size_t n = 0;
		double ss = 0;
		uint64_t b = c->ptr[d], e = c->ptr[d + 1];
		if (e - b > rowcap) {
			rowcap = util_grow_capacity(rowcap, e - b);
			row = xreallocarray(row, rowcap, sizeof *row);
		}
		for (uint64_t k = b; k < e; k++) {
			uint32_t t = newid[c->term[k]];
			double w;
			if (t == RS_NONE)
				continue;
			w = (1.0 + log((double)c->count[k])) * f->idf[t];
			row[n].col = t;
			row[n++].val = (float)w;
			ss += w * w;
		}
		sort_entries(row, n);
		for (size_t k = 0; k < n; k++) {
			m->col[nnz] = row[k].col;
			m->val[nnz++] = (float)(row[k].val / sqrt(ss));
		}
		m->ptr[d + 1] = nnz;
	}
	free(row);
}

rs_features *
rs_features_build(const rs_dataset *ds, const rs_features_params *p,
    const rs_hooks *h, rs_error *err)
{
	const char *msg = rs_features_params_check(p);
	struct sources src;
	struct corpus corpus;
	struct extra ex;
	rs_features *f;
	uint32_t *newid;

	if (msg != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", msg);
		return NULL;
	}
	if (resolve_all(ds, p, &src, err) != 0) {
		sources_free(&src);
		return NULL;
	}
	if (src.ntext == 0 && src.category == NULL && src.duration == NULL &&
	    src.upload == NULL && src.width == NULL && src.tags == NULL &&
	    src.nonehot == 0) {
		rs_error_set(err, RS_EINVAL,
		    "the items have no text, category, duration, upload time, shape or tag columns to build features from (see columns; name them with text= and the other options)");
		sources_free(&src);
		return NULL;
	}
	f = xcalloc(1, sizeof *f);
	f->nitems = rs_ids_count(ds->items);
	f->min_df = p->min_df;
	f->max_df = p->max_df;
	f->max_terms = p->max_terms;
	f->tok_flags = p->tok_flags;
	f->keywords = p->keywords;
	f->duration_scale = 1;
	f->text_cols = names_of(src.text, src.ntext);
	f->category_col = name_or_empty(src.category);
	f->duration_col = name_or_empty(src.duration);
	f->upload_col = name_or_empty(src.upload);
	f->width_col = name_or_empty(src.width);
	f->height_col = name_or_empty(src.height);
	f->tags_col = name_or_empty(src.tags);
	f->onehot_cols = names_of(src.onehot, src.nonehot);
	if (feat_corpus_build(&corpus, ds, src.text, (size_t)src.ntext, p->tok_flags,
	    h, err) != 0) {
		sources_free(&src);
		rs_features_free(f);
		return NULL;
	}
	f->items_with_text = corpus.docs_with_text;
	f->tokens = corpus.tokens;
	newid = xmalloc((corpus.vocab->n ? corpus.vocab->n : 1) * sizeof *newid);
	choose_terms(f, &corpus, newid);
	if (src.ntext > 0 && f->nterms == 0) {
		if (corpus.docs_with_text == 0)
			rs_error_set(err, RS_EINVAL,
			    "no words in %s: every item's text is empty", f->text_cols);
		else
			rs_error_set(err, RS_EINVAL,
			    "no terms left: %u distinct terms in %u items with text, each in fewer than min_df=%u items or more than max_df=%g of them (lower min_df= or raise max_df=)",
			    corpus.vocab->n, corpus.docs_with_text, p->min_df, p->max_df);
		free(newid);
		feat_corpus_free(&corpus);
		sources_free(&src);
		rs_features_free(f);
		return NULL;
	}
	build_tfidf(f, &corpus, newid);
	free(newid);
	feat_corpus_free(&corpus);
	if (feat_prepare_blocks(f, ds, &src, &ex, h, err) != 0) {
		feat_extra_free(&ex);
		sources_free(&src);
		rs_features_free(f);
		return NULL;
	}
	feat_build_matrix(f, &src, &ex);
	if (f->ncategories > 0)
		feat_category_keywords(f);
	feat_extra_free(&ex);
	sources_free(&src);
	return f;
}

void
rs_features_release(void *f)
{
	rs_features_free(f);
}

rs_features *
rs_features_rebuild(const rs_features *f, const rs_dataset *ds,
    const rs_hooks *h, rs_error *err)
{
	rs_features_params p;

	rs_features_params_init(&p);
	p.text = f->text_cols;
	p.min_df = f->min_df;
	p.max_df = f->max_df;
	p.max_terms = f->max_terms;
	p.tok_flags = f->tok_flags;
	p.keywords = f->keywords;
	p.category = f->category_col;
	p.duration = f->duration_col;
	p.upload = f->upload_col;
	p.width = f->width_col;
	p.height = f->height_col;
	p.tags = f->tags_col;
	p.onehot = f->onehot_cols;
	return rs_features_build(ds, &p, h, err);
}

int64_t
rs_features_find_term(const rs_features *f, const char *term)
{
	return f->term_index ? util_strtab_find(f->term_index, term, strlen(term)) : -1;
}

const rs_feature_block *
rs_features_block(const rs_features *f, int kind)
{
	for (size_t b = 0; b < f->nblocks; b++)
		if (f->blocks[b].kind == kind)
			return &f->blocks[b];
	return NULL;
}

size_t
rs_features_item_keywords(const rs_features *f, uint32_t item, size_t k,
    uint32_t *term, float *weight)
{
	const rs_csr *m = &f->tfidf;
	uint64_t b, n;
	float *v;
	uint32_t *idx;
	size_t got;

	if (item >= m->nrows || k == 0)
		return 0;
	b = m->ptr[item];
	n = m->ptr[item + 1] - b;
	v = xmalloc((n ? n : 1) * sizeof *v);
	idx = xmalloc(k * sizeof *idx);
	memcpy(v, m->val + b, n * sizeof *v);
	got = rs_top_k(v, n, k, 0, idx);
	for (size_t i = 0; i < got; i++) {
		term[i] = m->col[b + idx[i]];
		if (weight)
			weight[i] = v[idx[i]];
	}
	free(v);
	free(idx);
	return got;
}

