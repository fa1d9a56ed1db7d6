/* Internal helpers of the feature module: stop lists, item columns by name, the tokenized corpus. */
#ifndef RS_FEATURE_H
#define RS_FEATURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"

/* The stop lists (token.c), sorted by bytes. */
extern const char *const tok_stop_en[];
extern const size_t tok_nstop_en;
extern const char *const tok_stop_zh[];
extern const size_t tok_nstop_zh;

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
int corpus_build(struct corpus *c, const rs_dataset *ds,
    const rs_column *const *cols, size_t ncols, unsigned tok_flags,
    const rs_hooks *h, rs_error *err);
void corpus_free(struct corpus *c);

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
int classes_build(struct classes *cl, const rs_column *col, uint32_t max,
    const char *opt, rs_error *err);
void classes_free(struct classes *cl);

/* splitmix64: the seeded generator of hold-out draws. */
uint64_t feat_rand(uint64_t *state);

#endif
