/* Item features: TF-IDF keyword vectors, top keywords per category, and the sparse item feature matrix. */
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

#define MAX_ONEHOT 1000		/* distinct values of a one-hot column */
#define MAX_TAGS 10000		/* distinct tags of a list column */
#define MAX_CATEGORIES 10000

static const char *const default_text[] = { "caption", "manual_cover_text",
	"topic_tag", "title", "video_tag_name", "genres", "tags", NULL };
static const char *const default_category[] = { "first_level_category_name",
	"category", NULL };
static const char *const default_duration[] = { "video_duration", "duration",
	NULL };
static const char *const default_upload[] = { "upload_dt", "upload_time", NULL };

/* Duration buckets in seconds: [lo, next lo). */
static const double dur_lo[] = { 0, 7, 15, 30, 60, 120, 300 };
static const char *const dur_name[] = { "duration:<7s", "duration:7-15s",
	"duration:15-30s", "duration:30-60s", "duration:1-2min",
	"duration:2-5min", "duration:>=5min" };
#define NDUR (sizeof dur_lo / sizeof dur_lo[0])

static const char *const angle_name[] = { "angle:portrait", "angle:landscape",
	"angle:square" };

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

/* The columns every block reads, resolved from the parameters. */
struct sources {
	const rs_column **text;
	int ntext;
	const rs_column *category, *duration, *upload, *width, *height, *tags;
	const rs_column **onehot;
	int nonehot;
};

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
	strtab_free(f->term_index);
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
			keys[nkeep++].s = strtab_get(c->vocab, t);
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
	f->term_index = strtab_new();
	for (uint32_t k = 0; k < nkeep; k++) {
		newid[keys[k].id] = k;
		strtab_intern(f->term_index, keys[k].s, strlen(keys[k].s), NULL);
		f->df[k] = keys[k].df;
		f->idf[k] = (float)(log((1.0 + c->docs_with_text) /
		    (1.0 + keys[k].df)) + 1.0);
	}
	/* the index's buffer is final now */
	for (uint32_t k = 0; k < nkeep; k++)
		f->terms[k] = strtab_get(f->term_index, k);
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
			rowcap = grow_capacity(rowcap, e - b);
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

/* Median of the positive values of a numeric column (NaN when none). */
static double
positive_median(const rs_column *col)
{
	double *v = xmalloc((col->n ? col->n : 1) * sizeof *v), med = NAN;
	size_t n = 0;

	for (size_t i = 0; i < col->n; i++) {
		double x = rs_column_get(col, i);
		if (x > 0)
			v[n++] = x;
	}
	if (n > 0) {
		/* quickselect of the middle value */
		size_t lo = 0, hi = n - 1, k = n / 2;
		while (lo < hi) {
			double pivot = v[(lo + hi) / 2];
			size_t i = lo, j = hi;
			while (i <= j) {
				while (v[i] < pivot)
					i++;
				while (v[j] > pivot)
					j--;
				if (i <= j) {
					double t = v[i];
					v[i] = v[j];
					v[j] = t;
					i++;
					if (j == 0)
						break;
					j--;
				}
			}
			if (k <= j)
				hi = j;
			else if (k >= i)
				lo = i;
			else
				break;
		}
		med = v[k];
	}
	free(v);
	return med;
}

/* The tags of a list value such as "[3, 9]" or "a|b": runs of anything but
 * brackets, quotes, commas, bars, semicolons and spaces. */
static size_t
next_tag(const char *s, size_t *pos, const char **tag)
{
	static const char sep[] = "[](){}\"', |;\t";
	size_t i = *pos, start;

	while (s[i] != '\0' && strchr(sep, s[i]) != NULL)
		i++;
	start = i;
	while (s[i] != '\0' && strchr(sep, s[i]) == NULL)
		i++;
	*pos = i;
	*tag = s + start;
	return i - start;
}

/* A growing list of column names and blocks. */
static void
add_block(rs_features *f, int kind, const char *name, const char *column,
    uint32_t count)
{
	rs_feature_block *b;

	f->blocks = xreallocarray(f->blocks, f->nblocks + 1, sizeof *f->blocks);
	b = &f->blocks[f->nblocks++];
	b->kind = kind;
	b->name = xstrdup(name);
	b->column = xstrdup(column);
	b->first = f->ncols;
	b->count = count;
	f->colnames = xreallocarray(f->colnames, (size_t)f->ncols + count,
	    sizeof *f->colnames);
	memset(f->colnames + f->ncols, 0, count * sizeof *f->colnames);
	f->ncols += count;
}

/* The categorical blocks' value per item. */
struct cat_block {
	struct classes cl;
	uint32_t first;
};

/* Everything the matrix rows need besides the text. */
struct extra {
	uint32_t dur_first, age_first, angle_first, cat_first, tags_first;
	bool has_dur, has_age, has_angle, has_cat, has_tags;
	double ref, span;	/* upload: newest time, newest - oldest */
	struct rs_strtab *tagtab;
	struct cat_block *oh;
	int noh;
};

static int
prepare_blocks(rs_features *f, const rs_dataset *ds, const struct sources *src,
    struct extra *ex, const rs_hooks *h, rs_error *err)
{
	uint32_t nitems = f->nitems;
	char buf[512];

	memset(ex, 0, sizeof *ex);
	add_block(f, RS_FB_TEXT, "text", "", f->nterms);
	for (uint32_t t = 0; t < f->nterms; t++)
		f->colnames[t] = xasprintf("text:%s", f->terms[t]);
	if (src->duration != NULL) {
		double med = positive_median(src->duration);
		f->duration_scale = !isnan(med) && med > 1000 ? 1000 : 1;
		if (!isnan(med))
			rs_hooks_note(h, RS_NOTE_INFO,
			    "%s read as %s (median %g)", src->duration->name,
			    f->duration_scale == 1000 ? "milliseconds" : "seconds",
			    med);
		ex->has_dur = true;
		ex->dur_first = f->ncols;
		add_block(f, RS_FB_DURATION, "duration", src->duration->name, NDUR);
		for (size_t k = 0; k < NDUR; k++)
			f->colnames[ex->dur_first + k] = xstrdup(dur_name[k]);
	}
	if (src->upload != NULL) {
		double lo = INFINITY, hi = -INFINITY;
		for (uint32_t i = 0; i < nitems && i < src->upload->n; i++) {
			double x = rs_column_get(src->upload, i);
			if (isnan(x))
				continue;
			if (x < lo)
				lo = x;
			if (x > hi)
				hi = x;
		}
		ex->has_age = true;
		ex->ref = hi;
		ex->span = hi > lo ? hi - lo : 0;
		ex->age_first = f->ncols;
		add_block(f, RS_FB_AGE, "upload_age", src->upload->name, 1);
		f->colnames[ex->age_first] = xstrdup("upload_age");
	}
	if (src->width != NULL) {
		ex->has_angle = true;
		ex->angle_first = f->ncols;
		add_block(f, RS_FB_ANGLE, "angle", src->width->name, 3);
		for (int k = 0; k < 3; k++)
			f->colnames[ex->angle_first + k] = xstrdup(angle_name[k]);
	}
	if (src->category != NULL) {
		struct classes cl;
		if (classes_build(&cl, src->category, MAX_CATEGORIES, "category",
		    err) != 0)
			return -1;
		f->ncategories = cl.n;
		f->categories = cl.names;
		f->category_items = cl.rows;
		f->item_category = xmalloc((nitems ? nitems : 1) *
		    sizeof *f->item_category);
		for (uint32_t i = 0; i < nitems; i++)
			f->item_category[i] = i < src->category->n ? cl.of[i] : RS_NONE;
		free(cl.values);
		free(cl.of);
		ex->has_cat = true;
		ex->cat_first = f->ncols;
		add_block(f, RS_FB_CATEGORY, "category", src->category->name, cl.n);
		for (uint32_t k = 0; k < cl.n; k++)
			f->colnames[ex->cat_first + k] = xasprintf("category:%s",
			    cl.names[k]);
	}
	if (src->tags != NULL) {
		ex->tagtab = strtab_new();
		for (uint32_t i = 0; i < nitems && i < src->tags->n; i++) {
			const char *s = rs_column_text(src->tags, i), *tag;
			size_t pos = 0, n;
			while ((n = next_tag(s, &pos, &tag)) > 0) {
				strtab_intern(ex->tagtab, tag, n, NULL);
				if (ex->tagtab->n > MAX_TAGS) {
					rs_error_set(err, RS_EINVAL,
					    "tags=%s: more than %u distinct tags",
					    src->tags->name, MAX_TAGS);
					return -1;
				}
			}
		}
		ex->has_tags = true;
		ex->tags_first = f->ncols;
		add_block(f, RS_FB_TAGS, src->tags->name, src->tags->name,
		    ex->tagtab->n);
		for (uint32_t k = 0; k < ex->tagtab->n; k++)
			f->colnames[ex->tags_first + k] = xasprintf("%s:%s",
			    src->tags->name, strtab_get(ex->tagtab, k));
	}
	if (src->nonehot > 0)
		ex->oh = xcalloc((size_t)src->nonehot, sizeof *ex->oh);
	for (int b = 0; b < src->nonehot; b++) {
		const rs_column *col = src->onehot[b];
		if (classes_build(&ex->oh[b].cl, col, MAX_ONEHOT, "onehot", err) != 0)
			return -1;
		ex->noh++;
		ex->oh[b].first = f->ncols;
		add_block(f, RS_FB_ONEHOT, col->name, col->name, ex->oh[b].cl.n);
		for (uint32_t k = 0; k < ex->oh[b].cl.n; k++) {
			snprintf(buf, sizeof buf, "%s:%s", col->name,
			    ex->oh[b].cl.names[k]);
			f->colnames[ex->oh[b].first + k] = xstrdup(buf);
		}
	}
	return 0;
}

static void
extra_free(struct extra *ex)
{
	strtab_free(ex->tagtab);
	for (int b = 0; b < ex->noh; b++)
		classes_free(&ex->oh[b].cl);
	free(ex->oh);
}

/* The feature matrix while its rows are appended. */
struct builder {
	rs_csr *m;
	uint64_t nnz, cap;
};

static void
put(struct builder *b, uint32_t col, float val)
{
	if (b->nnz + 1 > b->cap) {
		b->cap = grow_capacity(b->cap, b->nnz + 1);
		b->m->col = xreallocarray(b->m->col, b->cap, sizeof *b->m->col);
		b->m->val = xreallocarray(b->m->val, b->cap, sizeof *b->m->val);
	}
	b->m->col[b->nnz] = col;
	b->m->val[b->nnz++] = val;
}

/* The tag columns of item i, ascending and once each, into the row. */
static void
put_tags(struct builder *b, const rs_column *col, const struct extra *ex,
    size_t i, uint32_t **cols, size_t *cap)
{
	const char *s = rs_column_text(col, i), *tag;
	size_t pos = 0, n, ntag = 0;

	while ((n = next_tag(s, &pos, &tag)) > 0) {
		if (ntag == *cap) {
			*cap = grow_capacity(*cap, ntag + 1);
			*cols = xreallocarray(*cols, *cap, sizeof **cols);
		}
		(*cols)[ntag++] = ex->tags_first +
		    (uint32_t)strtab_find(ex->tagtab, tag, n);
	}
	for (size_t a = 1; a < ntag; a++)
		for (size_t k = a; k > 0 && (*cols)[k - 1] > (*cols)[k]; k--) {
			uint32_t t = (*cols)[k];
			(*cols)[k] = (*cols)[k - 1];
			(*cols)[k - 1] = t;
		}
	for (size_t a = 0; a < ntag; a++)
		if (a == 0 || (*cols)[a] != (*cols)[a - 1])
			put(b, (*cols)[a], 1);
}

/* The item feature matrix, row by row (columns ascending: the blocks are
 * in column order and each block's entries too). */
static void
build_matrix(rs_features *f, const struct sources *src, const struct extra *ex)
{
	struct builder b = { &f->x, 0, rs_csr_nnz(&f->tfidf) +
		(uint64_t)f->nitems * 4 + 16 };
	rs_csr *m = &f->x;
	uint32_t *tagcols = NULL;
	size_t tagcap = 0;

	m->nrows = f->nitems;
	m->ncols = f->ncols;
	m->ptr = xcalloc((size_t)f->nitems + 1, sizeof *m->ptr);
	m->col = xmalloc(b.cap * sizeof *m->col);
	m->val = xmalloc(b.cap * sizeof *m->val);
	for (uint32_t i = 0; i < f->nitems; i++) {
		for (uint64_t k = f->tfidf.ptr[i]; k < f->tfidf.ptr[i + 1]; k++)
			put(&b, f->tfidf.col[k], f->tfidf.val[k]);
		if (ex->has_dur && i < src->duration->n) {
			double s = rs_column_get(src->duration, i) / f->duration_scale;
			if (s > 0) {
				size_t k = NDUR - 1;
				while (k > 0 && s < dur_lo[k])
					k--;
				put(&b, ex->dur_first + (uint32_t)k, 1);
			}
		}
		if (ex->has_age && i < src->upload->n) {
			double t = rs_column_get(src->upload, i);
			if (!isnan(t) && ex->span > 0 && ex->ref - t > 0)
				put(&b, ex->age_first, (float)((ex->ref - t) / ex->span));
		}
		if (ex->has_angle && i < src->width->n && i < src->height->n) {
			double w = rs_column_get(src->width, i);
			double hgt = rs_column_get(src->height, i);
			if (w > 0 && hgt > 0)
				put(&b, ex->angle_first + (hgt > w ? 0 : w > hgt ? 1 : 2), 1);
		}
		if (ex->has_cat && f->item_category[i] != RS_NONE)
			put(&b, ex->cat_first + f->item_category[i], 1);
		if (ex->has_tags && i < src->tags->n)
			put_tags(&b, src->tags, ex, i, &tagcols, &tagcap);
		for (int k = 0; k < ex->noh; k++)
			if (i < src->onehot[k]->n && ex->oh[k].cl.of[i] != RS_NONE)
				put(&b, ex->oh[k].first + ex->oh[k].cl.of[i], 1);
		m->ptr[i + 1] = b.nnz;
	}
	free(tagcols);
}

/* Top keywords of each category: the largest weights of the mean TF-IDF
 * row of its items. */
static void
category_keywords(rs_features *f)
{
	uint32_t nc = f->ncategories, kw = f->keywords;
	float *acc = xcalloc(f->nterms ? f->nterms : 1, sizeof *acc);
	uint32_t *idx = xmalloc(kw * sizeof *idx);
	size_t cells = (size_t)nc * kw > 0 ? (size_t)nc * kw : 1;
	uint32_t *start = xcalloc((size_t)nc + 1, sizeof *start);
	uint32_t *items = xmalloc((f->nitems ? f->nitems : 1) * sizeof *items);

	/* the items of each category, by counting sort */
	for (uint32_t i = 0; i < f->nitems; i++)
		if (f->item_category[i] != RS_NONE)
			start[f->item_category[i] + 1]++;
	for (uint32_t c = 0; c < nc; c++)
		start[c + 1] += start[c];
	for (uint32_t i = 0; i < f->nitems; i++)
		if (f->item_category[i] != RS_NONE)
			items[start[f->item_category[i]]++] = i;
	for (uint32_t c = nc; c > 0; c--)
		start[c] = start[c - 1];
	start[0] = 0;
	f->category_kw = xmalloc(cells * sizeof *f->category_kw);
	f->category_kw_weight = xcalloc(cells, sizeof *f->category_kw_weight);
	for (uint32_t c = 0; c < nc; c++) {
		size_t n;
		for (uint32_t a = start[c]; a < start[c + 1]; a++) {
			uint32_t i = items[a];
			for (uint64_t k = f->tfidf.ptr[i]; k < f->tfidf.ptr[i + 1]; k++)
				acc[f->tfidf.col[k]] += f->tfidf.val[k];
		}
		n = rs_top_k(acc, f->nterms, kw, 0, idx);
		for (size_t k = 0; k < kw; k++) {
			f->category_kw[(size_t)c * kw + k] = k < n ? idx[k] : RS_NONE;
			if (k < n)
				f->category_kw_weight[(size_t)c * kw + k] =
				    acc[idx[k]] / (float)f->category_items[c];
		}
		/* clear what this category touched */
		for (uint32_t a = start[c]; a < start[c + 1]; a++) {
			uint32_t i = items[a];
			for (uint64_t k = f->tfidf.ptr[i]; k < f->tfidf.ptr[i + 1]; k++)
				acc[f->tfidf.col[k]] = 0;
		}
	}
	free(acc);
	free(idx);
	free(start);
	free(items);
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
	if (corpus_build(&corpus, ds, src.text, (size_t)src.ntext, p->tok_flags,
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
		corpus_free(&corpus);
		sources_free(&src);
		rs_features_free(f);
		return NULL;
	}
	build_tfidf(f, &corpus, newid);
	free(newid);
	corpus_free(&corpus);
	if (prepare_blocks(f, ds, &src, &ex, h, err) != 0) {
		extra_free(&ex);
		sources_free(&src);
		rs_features_free(f);
		return NULL;
	}
	build_matrix(f, &src, &ex);
	if (f->ncategories > 0)
		category_keywords(f);
	extra_free(&ex);
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
	return f->term_index ? strtab_find(f->term_index, term, strlen(term)) : -1;
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

/* Heap order: a is worse than b (smaller value, or equal and later). */
static bool
worse(const float *v, uint32_t a, uint32_t b)
{
	return v[a] < v[b] || (v[a] == v[b] && a > b);
}

static void
sift_down(const float *v, uint32_t *heap, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && worse(v, heap[l], heap[m]))
			m = l;
		if (r < n && worse(v, heap[r], heap[m]))
			m = r;
		if (m == i)
			return;
		uint32_t t = heap[i];
		heap[i] = heap[m];
		heap[m] = t;
		i = m;
	}
}

size_t
rs_top_k(const float *v, size_t n, size_t k, float floor, uint32_t *idx)
{
	size_t h = 0;

	if (k == 0)
		return 0;
	/* a min-heap of the best k so far: its root is the worst of them */
	for (size_t i = 0; i < n; i++) {
		if (!(v[i] > floor))
			continue;
		if (h < k) {
			size_t j = h++;
			idx[j] = (uint32_t)i;
			while (j > 0 && worse(v, idx[j], idx[(j - 1) / 2])) {
				uint32_t t = idx[j];
				idx[j] = idx[(j - 1) / 2];
				idx[(j - 1) / 2] = t;
				j = (j - 1) / 2;
			}
		} else if (worse(v, idx[0], (uint32_t)i)) {
			idx[0] = (uint32_t)i;
			sift_down(v, idx, h, 0);
		}
	}
	/* pop the worst to the back: best first */
	for (size_t n2 = h; n2 > 1; n2--) {
		uint32_t t = idx[0];
		idx[0] = idx[n2 - 1];
		idx[n2 - 1] = t;
		sift_down(v, idx, n2 - 1, 0);
	}
	return h;
}
