/* Internal helpers of the feature module: stop lists, item columns by name, the tokenized corpus. */
#ifndef RS_FEATURE_H
#define RS_FEATURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"
#include "reelscope/features.h"

/* The stop lists (token.c), sorted by bytes. */
extern const char *const feat_stop_en[];
extern const size_t feat_nstop_en;
extern const char *const feat_stop_zh[];
extern const size_t feat_nstop_zh;

/* Kinds a column may have, as a mask of 1 << enum rs_col_kind. */
#define FEAT_TEXT	(1u << RS_COL_TEXT)
#define FEAT_NUMBER	(1u << RS_COL_NUMBER)
#define FEAT_TIME	(1u << RS_COL_TIME)

/* The item column called name, for option opt ("text", "target", ...),
 * if its kind is in kinds; NULL with a message saying what is wrong
 * (not a column, a column of the log or users, the wrong type). */
const rs_column *feat_item_column(const rs_dataset *ds, const char *opt,
    const char *name, unsigned kinds, rs_error *err);

/* Split a comma list into item columns of the given kinds (duplicates and
 * empty names refused). *cols is allocated; returns the count or -1. */
int feat_item_columns(const rs_dataset *ds, const char *opt,
    const char *list, unsigned kinds, const rs_column ***cols, rs_error *err);

/* The first of the NULL-terminated candidate names that is an item column
 * of the given kinds, or NULL. */
const char *feat_first_present(const rs_dataset *ds, const char *const *names,
    unsigned kinds);

/* Whether a text value stands for "nothing": empty, a missing-value token
 * (NA, null...), KuaiRec's UNKNOWN placeholder or an empty list "[]". */
bool feat_blank_text(const char *s);

/* Tokenized item texts: document d (an item) has the distinct terms
 * term[ptr[d]..ptr[d+1]) (ascending ids) occurring count[...] times.
 * Term ids index vocab (strings) in first-seen order. */
struct corpus {
	uint32_t ndocs;
	uint64_t *ptr;
	uint32_t *term;
	uint32_t *count;
	struct rs_strtab *vocab;
	uint32_t *df;		/* documents per term */
	uint32_t docs_with_text;	/* documents with at least one token */
	uint64_t tokens;
};

/* Tokenize the given columns of every item. -1 when interrupted. */
int feat_corpus_build(struct corpus *c, const rs_dataset *ds,
    const rs_column *const *cols, size_t ncols, unsigned tok_flags,
    const rs_hooks *h, rs_error *err);
void feat_corpus_free(struct corpus *c);

/* A class column's distinct present values as classes, ordered by rows
 * (descending) then name; class per row (RS_NONE when missing). */
struct classes {
	uint32_t n;
	char **names;
	double *values;		/* numeric columns: the value of each class */
	uint32_t *rows;		/* rows per class */
	uint32_t *of;		/* per row */
};

/* -1 with err when the column has more than max distinct values. */
int feat_classes_build(struct classes *cl, const rs_column *col, uint32_t max,
    const char *opt, rs_error *err);
void feat_classes_free(struct classes *cl);

/* ---- The item feature matrix (features.c, blocks.c) ---- */

/* The columns every block reads, resolved from the parameters. */
struct sources {
	const rs_column **text;
	int ntext;
	const rs_column *category, *duration, *upload, *width, *height, *tags;
	const rs_column **onehot;
	int nonehot;
};


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

/* Add the blocks beside the text to f (columns, names) and read what their
 * rows need into ex. -1 with err on a bad column. */
int feat_prepare_blocks(rs_features *f, const rs_dataset *ds,
    const struct sources *src, struct extra *ex, const rs_hooks *h,
    rs_error *err);
void feat_extra_free(struct extra *ex);
/* f->x from f->tfidf and the other blocks. */
void feat_build_matrix(rs_features *f, const struct sources *src,
    const struct extra *ex);
/* The top keywords of every category into f. */
void feat_category_keywords(rs_features *f);

#endif
