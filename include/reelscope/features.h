/* reelscope engine: content features of items — tokenizer, TF-IDF keywords, the item feature matrix, user interest profiles. */
#ifndef REELSCOPE_FEATURES_H
#define REELSCOPE_FEATURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"

#ifdef __cplusplus
extern "C" {
#endif

struct rs_strtab;

/* ---- Tokenizer ----
 *
 * UTF-8 text to terms, without a dictionary:
 * - Latin (and Greek, Cyrillic, other alphabetic) words: maximal runs of
 *   letters and digits, lower-cased; punctuation splits them, an apostrophe
 *   inside a word is dropped ("Don't" -> "dont"). Fullwidth forms count as
 *   their ASCII twins.
 * - Numbers: a run of digits alone is dropped ("2020", "3.5"); digits inside
 *   a word stay ("5g", "iphone12").
 * - CJK (Han, kana): each run becomes its character bigrams ("红烧肉" ->
 *   "红烧", "烧肉"); a run of one character stays a unigram. A few
 *   grammatical particles (的 了 吗 呢 吧 啊 呀 嘛 哦 呗) end a run.
 * - Hashtags: "#" followed by a word or CJK run is one token, kept whole
 *   ("#美食", "#food"); a closing "#" ends it.
 * - Stop words (a short English and Chinese list) are dropped unless
 *   RS_TOK_KEEP_STOPWORDS; tokens over RS_TOKEN_MAX bytes are dropped.
 * - Invalid UTF-8 bytes separate tokens; the tokenizer never fails. */

#define RS_TOKEN_MAX 64

enum rs_tok_flags {
	RS_TOK_KEEP_STOPWORDS = 1
};

/* A list of tokens. Initialize with rs_tokens_init (or zero it), reuse it
 * across texts with rs_tokens_reset, release with rs_tokens_free. */
typedef struct rs_tokens {
	size_t n;		/* tokens */
	char *buf;		/* every token, NUL-terminated, back to back */
	size_t len, cap;
	size_t *off;		/* token i starts at buf + off[i] */
	size_t ncap;
} rs_tokens;

void rs_tokens_init(rs_tokens *t);
void rs_tokens_reset(rs_tokens *t);
void rs_tokens_free(rs_tokens *t);
/* Token i (valid until the list changes). */
const char *rs_tokens_get(const rs_tokens *t, size_t i);

/* Append the tokens of text[0..len) to out; returns how many were added. */
size_t rs_tokenize(const char *text, size_t len, unsigned flags,
    rs_tokens *out);
/* Whether tok[0..len) (lower-cased, as the tokenizer emits it) is a stop
 * word of either list. */
bool rs_is_stopword(const char *tok, size_t len);

/* ---- Sparse matrices ---- */

/* Compressed sparse rows: the entries of row r are col[ptr[r]..ptr[r+1])
 * with values val[...], columns ascending. Owned by whatever holds it. */
typedef struct rs_csr {
	uint32_t nrows, ncols;
	uint64_t *ptr;		/* nrows + 1 */
	uint32_t *col;
	float *val;
} rs_csr;

static inline uint64_t
rs_csr_nnz(const rs_csr *m)
{
	return m->ptr != NULL ? m->ptr[m->nrows] : 0;
}

/* ---- Item features ---- */

/* What to build. Every pointer is borrowed for the duration of the call;
 * NULL or 0 means "the default" as noted. */
typedef struct rs_features_params {
	const char *text;	/* comma list of item text columns; NULL: every
				   present one of caption, manual_cover_text,
				   topic_tag, title, video_tag_name, genres, tags */
	uint32_t min_df;	/* keep terms in at least this many items (2) */
	double max_df;		/* ... and in at most this share of them (0.5) */
	uint32_t max_terms;	/* keep the most frequent terms only; 0: all */
	unsigned tok_flags;	/* enum rs_tok_flags */
	uint32_t keywords;	/* top keywords kept per category (10) */
	const char *category;	/* category column; NULL: first_level_category_name,
				   category or genres if present; "": none */
	const char *duration;	/* NULL: video_duration or duration; "": none */
	const char *upload;	/* upload time; NULL: upload_dt or upload_time; "": none */
	const char *width, *height; /* shooting angle; NULL: video_width/video_height */
	const char *tags;	/* list column ("[3, 9]") for a multi-hot block;
				   NULL: feat if present; "": none */
	const char *onehot;	/* comma list of categorical columns; NULL:
				   video_type if present; "": none */
} rs_features_params;

void rs_features_params_init(rs_features_params *p);
/* NULL when p is acceptable, else a message naming the bad field. */
const char *rs_features_params_check(const rs_features_params *p);

/* The blocks of the item feature matrix, in column order. */
enum rs_feature_block_kind {
	RS_FB_TEXT,		/* TF-IDF weights, one column per term */
	RS_FB_DURATION,		/* one-hot duration bucket */
	RS_FB_AGE,		/* one number: upload age in [0, 1] */
	RS_FB_ANGLE,		/* one-hot portrait / landscape / square */
	RS_FB_CATEGORY,		/* one-hot category */
	RS_FB_TAGS,		/* multi-hot tags of a list column */
	RS_FB_ONEHOT		/* one-hot of another categorical column */
};

typedef struct rs_feature_block {
	int kind;		/* enum rs_feature_block_kind */
	char *name;		/* "text", "duration", "upload_age", "angle",
				   "category", or the source column's name */
	char *column;		/* the item column it comes from ("" for text) */
	uint32_t first, count;	/* its columns: first .. first + count - 1 */
} rs_feature_block;

/* Built item features. Created by rs_features_build, freed with
 * rs_features_free; every pointer inside is owned by it. Rows are dense
 * item indices of the dataset it was built from (all items, also those
 * without text: their rows are empty). Read-only for everyone else: a
 * model that outlives the next `features` step must copy what it keeps. */
typedef struct rs_features {
	uint32_t nitems;
	/* the vocabulary: term t is terms[t], in df[t] items, weight idf[t];
	   ordered by document frequency (descending), then bytes */
	uint32_t nterms;
	const char **terms;
	uint32_t *df;
	float *idf;
	/* nitems x nterms TF-IDF: w = (1 + ln tf) * (ln((1 + n) / (1 + df)) + 1),
	   n = items with text, each row scaled to unit L2 norm */
	rs_csr tfidf;
	/* nitems x ncols: the feature matrix, blocks side by side (the text
	   block equals tfidf; one-hot entries 1; upload age in [0, 1]) */
	rs_csr x;
	uint32_t ncols;
	char **colnames;	/* "text:火锅", "duration:15-30s", "angle:portrait",
				   "category:美食", "video_type:AD", "upload_age" */
	rs_feature_block *blocks;
	size_t nblocks;
	/* categories (from params.category; ncategories 0 without one),
	   ordered by items (descending), then name */
	uint32_t ncategories;
	char **categories;
	uint32_t *category_items;	/* items per category */
	uint32_t *item_category;	/* per item, RS_NONE when missing */
	uint32_t keywords;		/* top keywords kept per category */
	uint32_t *category_kw;		/* ncategories x keywords term ids
					   (RS_NONE past the last one) */
	float *category_kw_weight;	/* their weights in the category centroid */
	/* what happened */
	uint32_t items_with_text;
	uint64_t tokens;		/* tokens read */
	uint32_t vocab_seen;		/* distinct terms before the cuts */
	uint32_t dropped_rare, dropped_common, dropped_max;
	double duration_scale;		/* 1000 when durations read as ms, 1 as s */
	/* the parameters, resolved (owned copies), so the same features can be
	   rebuilt on changed data (rs_features_rebuild) */
	char *text_cols;		/* comma list actually used */
	char *category_col, *duration_col, *upload_col, *width_col,
	    *height_col, *tags_col, *onehot_cols;	/* "" when not used */
	uint32_t min_df, max_terms;
	double max_df;
	unsigned tok_flags;
	struct rs_strtab *term_index;	/* private: term lookup */
} rs_features;

/* Build the item features of ds. NULL with err set on bad parameters
 * (unknown column, a non-text column for text, ...) or no terms left. */
rs_features *rs_features_build(const rs_dataset *ds,
    const rs_features_params *p, const rs_hooks *h, rs_error *err);
/* Build again with the parameters f was built with (after the data
 * changed, e.g. categories were filled). */
rs_features *rs_features_rebuild(const rs_features *f, const rs_dataset *ds,
    const rs_hooks *h, rs_error *err);
void rs_features_free(rs_features *f);
/* rs_features_free with a void pointer, for rs_workspace.features_free. */
void rs_features_release(void *f);

/* Index of term, or -1. */
int64_t rs_features_find_term(const rs_features *f, const char *term);
/* The block of the given kind (the first one), or NULL. */
const rs_feature_block *rs_features_block(const rs_features *f, int kind);
/* Up to k terms of item with the largest TF-IDF weights, best first;
 * returns how many were written to term[] and weight[]. */
size_t rs_features_item_keywords(const rs_features *f, uint32_t item,
    size_t k, uint32_t *term, float *weight);

/* Indices of the k largest v[0..n) (ties: lower index first), best first,
 * by partial selection; values <= floor are skipped. Returns the count. */
size_t rs_top_k(const float *v, size_t n, size_t k, float floor,
    uint32_t *idx);

/* ---- User interest profiles ---- */

/* u = sum over the user's log rows (u, j) of r_uj * x_j, x_j the item's row
 * of the feature matrix and r_uj the signal's value in that row. Created by
 * rs_features_profile, freed with rs_profile_free. */
typedef struct rs_profile {
	uint32_t user;
	size_t events;		/* log rows of the user */
	size_t used;		/* rows with a signal value (the sum's terms) */
	double weight;		/* sum of the r_uj used */
	float *vec;		/* ncols of the feature matrix */
	uint32_t ncols;
	/* creators by summed weight, descending (items with a creator only) */
	uint32_t ncreators;
	uint32_t *creator;
	double *creator_weight;
	double half_life;	/* days (0: every row weighs its signal) */
	double as_of;		/* with a half-life: the log's latest time */
} rs_profile;

/* signal: a numeric column of the log, or "count" (1 per row); NULL: the
 * log's value column (watch_ratio in KuaiRec), else count. Builds the log's
 * per-user index when missing (hence ds is not const). */
int rs_features_profile(const rs_features *f, rs_dataset *ds, uint32_t user,
    const char *signal, rs_profile *out, rs_error *err);
/* The same with time decay: a row at time t weighs its signal times
 * 2^(-(t_end - t) / half_life), t_end the log's latest time and half_life
 * in days (0: no decay); rows without a time are left out when decaying. */
int rs_features_profile_decayed(const rs_features *f, rs_dataset *ds,
    uint32_t user, const char *signal, double half_life, rs_profile *out,
    rs_error *err);
void rs_profile_free(rs_profile *p);

#ifdef __cplusplus
}
#endif
#endif
