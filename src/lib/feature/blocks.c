/* The item feature matrix beside the text: duration buckets, upload age, shooting angle, category, tags, one-hots; category keywords. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/features.h"
#include "feature/feature.h"
#include "util/strtab.h"
#include "util/xmalloc.h"

#define MAX_ONEHOT 1000		/* distinct values of a one-hot column */
#define MAX_TAGS 10000		/* distinct tags of a list column */
#define MAX_CATEGORIES 10000

/* Duration buckets in seconds: [lo, next lo). */
static const double dur_lo[] = { 0, 7, 15, 30, 60, 120, 300 };
static const char *const dur_name[] = { "duration:<7s", "duration:7-15s",
	"duration:15-30s", "duration:30-60s", "duration:1-2min",
	"duration:2-5min", "duration:>=5min" };
#define NDUR (sizeof dur_lo / sizeof dur_lo[0])

static const char *const angle_name[] = { "angle:portrait", "angle:landscape",
	"angle:square" };

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

int
feat_prepare_blocks(rs_features *f, const rs_dataset *ds, const struct sources *src,
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
		if (feat_classes_build(&cl, src->category, MAX_CATEGORIES, "category",
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
		ex->tagtab = util_strtab_new();
		for (uint32_t i = 0; i < nitems && i < src->tags->n; i++) {
			const char *s = rs_column_text(src->tags, i), *tag;
			size_t pos = 0, n;
			while ((n = next_tag(s, &pos, &tag)) > 0) {
				util_strtab_intern(ex->tagtab, tag, n, NULL);
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
			    src->tags->name, util_strtab_get(ex->tagtab, k));
	}
	if (src->nonehot > 0)
		ex->oh = xcalloc((size_t)src->nonehot, sizeof *ex->oh);
	for (int b = 0; b < src->nonehot; b++) {
		const rs_column *col = src->onehot[b];
		if (feat_classes_build(&ex->oh[b].cl, col, MAX_ONEHOT, "onehot", err) != 0)
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

void
feat_extra_free(struct extra *ex)
{
	util_strtab_free(ex->tagtab);
	for (int b = 0; b < ex->noh; b++)
		feat_classes_free(&ex->oh[b].cl);
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
		b->cap = util_grow_capacity(b->cap, b->nnz + 1);
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
			*cap = util_grow_capacity(*cap, ntag + 1);
			*cols = xreallocarray(*cols, *cap, sizeof **cols);
		}
		(*cols)[ntag++] = ex->tags_first +
		    (uint32_t)util_strtab_find(ex->tagtab, tag, n);
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
void
feat_build_matrix(rs_features *f, const struct sources *src, const struct extra *ex)
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
void
feat_category_keywords(rs_features *f)
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
