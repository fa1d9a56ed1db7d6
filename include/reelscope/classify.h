/* reelscope engine: multinomial naive Bayes — predict an item's category from its text, and fill missing ones. */
#ifndef REELSCOPE_CLASSIFY_H
#define REELSCOPE_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- The model, on documents given as term counts ----
 *
 * P(c | d) ∝ P(c) · Π_t P(t | c)^n_t with P(c) = N_c / N and
 * P(t | c) = (T_ct + alpha) / (T_c + alpha · V): T_ct the count of term t in
 * the training documents of class c, T_c their total, V the terms seen in
 * training. Terms never seen in training are ignored when predicting.
 * Created by rs_nb_fit, freed with rs_nb_free. */
typedef struct rs_nb {
	uint32_t nclasses, nterms;
	uint32_t vocab;		/* V: terms seen in training */
	double alpha;
	double *log_prior;	/* nclasses */
	double *log_lik;	/* nclasses x nterms, log P(t | c) */
	uint8_t *seen;		/* nterms: term seen in training */
} rs_nb;

/* Train on the documents d with use[d] nonzero (all when use is NULL):
 * document d has terms term[ptr[d]..ptr[d+1]) occurring count[...] times
 * (term ids < nterms) and class label[d] < nclasses. -1 with err when no
 * document is used or alpha is not positive. */
int rs_nb_fit(rs_nb *m, uint32_t nclasses, uint32_t nterms, size_t ndocs,
    const uint64_t *ptr, const uint32_t *term, const uint32_t *count,
    const uint32_t *label, const uint8_t *use, double alpha, rs_error *err);
/* The most probable class of a document (ties: the lower class); the
 * posteriors go to post[nclasses] unless it is NULL. */
uint32_t rs_nb_predict(const rs_nb *m, const uint32_t *term,
    const uint32_t *count, size_t n, double *post);
void rs_nb_free(rs_nb *m);

/* ---- Classifying the items of a dataset ---- */

typedef struct rs_classify_params {
	const char *target;	/* item column to predict (first_level_category_name) */
	const char *text;	/* comma list of item text columns (caption) */
	double test;		/* share of labelled items held out, [0, 0.9] (0.2) */
	uint64_t seed;		/* of the hold-out draw (1) */
	double alpha;		/* additive smoothing, > 0 (1) */
	unsigned tok_flags;	/* enum rs_tok_flags (features.h) */
} rs_classify_params;

void rs_classify_params_init(rs_classify_params *p);
const char *rs_classify_params_check(const rs_classify_params *p);

/* What rs_classify found. Freed with rs_classify_result_free. */
typedef struct rs_classify_result {
	char *target, *text;	/* the columns used */
	uint32_t nclasses;
	char **classes;		/* class names (as the column shows them), by
				   labelled items descending, then name */
	double *class_value;	/* numeric targets: the value of each class */
	uint32_t *class_items;	/* labelled items per class */
	uint32_t nterms;	/* distinct terms of the text */
	size_t items;		/* rows of the item table */
	size_t labelled, unlabelled;
	size_t labelled_no_text, unlabelled_no_text;
	size_t train, test;	/* labelled items in each part */
	size_t correct;		/* test items predicted right */
	double accuracy;	/* correct / test (NaN without a test part) */
	uint32_t majority;	/* most frequent class of the training part */
	double baseline;	/* accuracy of always predicting it */
	uint64_t *confusion;	/* nclasses x nclasses: [true][predicted], test items */
	/* predictions for the unlabelled items with text, by a model trained on
	   every labelled item: class per item, RS_NONE elsewhere */
	uint32_t *fill;
	size_t nfill;
} rs_classify_result;

int rs_classify(const rs_dataset *ds, const rs_classify_params *p,
    rs_classify_result *out, const rs_hooks *h, rs_error *err);
void rs_classify_result_free(rs_classify_result *r);
/* A copy of ds with r's predictions written into the target column of the
 * items it had missing (caller owns). */
rs_dataset *rs_classify_fill(const rs_dataset *ds,
    const rs_classify_result *r);

#ifdef __cplusplus
}
#endif
#endif
