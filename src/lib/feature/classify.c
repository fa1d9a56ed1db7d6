/* classify: learn an item category from item text with naive Bayes, measure it on held-out items, fill the missing ones. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/classify.h"
#include "reelscope/features.h"
#include "feature/feature.h"
#include "util/random.h"
#include "util/strtab.h"
#include "util/xmalloc.h"

#define MAX_CLASSES 1000

void
rs_classify_params_init(rs_classify_params *p)
{
	memset(p, 0, sizeof *p);
	p->target = "first_level_category_name";
	p->text = "caption";
	p->test = 0.2;
	p->seed = 1;
	p->alpha = 1;
}

const char *
rs_classify_params_check(const rs_classify_params *p)
{
	if (p->target == NULL || *p->target == '\0')
		return "target= needs a column";
	if (p->text == NULL || *p->text == '\0')
		return "text= needs at least one column";
	if (!(p->test >= 0 && p->test <= 0.9))
		return "test must be a share from 0 to 0.9";
	if (!(p->alpha > 0) || !isfinite(p->alpha))
		return "alpha must be above 0";
	return NULL;
}

void
rs_classify_result_free(rs_classify_result *r)
{
	for (uint32_t c = 0; r->classes != NULL && c < r->nclasses; c++)
		free(r->classes[c]);
	free(r->classes);
	free(r->class_value);
	free(r->class_items);
	free(r->confusion);
	free(r->fill);
	free(r->target);
	free(r->text);
	memset(r, 0, sizeof *r);
}

/* Predict the documents with want[d] set into pred[d]. */
static void
predict_all(const rs_nb *m, const struct corpus *c, const uint8_t *want,
    uint32_t *pred)
{
	#pragma omp parallel for schedule(dynamic, 256)
	for (uint32_t d = 0; d < c->ndocs; d++)
		if (want[d])
			pred[d] = rs_nb_predict(m, c->term + c->ptr[d],
			    c->count + c->ptr[d], c->ptr[d + 1] - c->ptr[d], NULL);
}

/* Check the columns; the classes of the target into cl. */
static int
check_columns(const rs_dataset *ds, const rs_classify_params *p,
    const rs_column **target, const rs_column ***text, int *ntext,
    struct classes *cl, rs_error *err)
{
	if ((*target = feat_item_column(ds, "target", p->target,
	    FEAT_TEXT | FEAT_NUMBER, err)) == NULL)
		return -1;
	if ((*ntext = feat_item_columns(ds, "text", p->text, FEAT_TEXT, text,
	    err)) < 0)
		return -1;
	for (int k = 0; k < *ntext; k++)
		if ((*text)[k] == *target) {
			rs_error_set(err, RS_EINVAL,
			    "text=%s: the target %s is among the text columns; it would predict itself",
			    p->text, p->target);
			return -1;
		}
	if ((*target)->kind == RS_COL_NUMBER && !(*target)->all_int) {
		rs_error_set(err, RS_EINVAL,
		    "target=%s: %s holds fractions; categories are text or whole numbers",
		    p->target, p->target);
		return -1;
	}
	if (feat_classes_build(cl, *target, MAX_CLASSES, "target", err) != 0)
		return -1;
	if (cl->n == 0) {
		rs_error_set(err, RS_EINVAL,
		    "target=%s: no item has a value to learn from (all %zu missing)",
		    p->target, (*target)->n);
		return -1;
	}
	if (cl->n == 1) {
		rs_error_set(err, RS_EINVAL,
		    "target=%s: every labelled item is in one class (%s); there is nothing to tell apart",
		    p->target, cl->names[0]);
		return -1;
	}
	return 0;
}

/* One classification run: the items' words, the classes, each item's
 * label and the working arrays shared by its phases. */
struct classify_run {
	struct corpus corpus;
	struct classes cl;
	uint32_t nitems;
	uint32_t *label;	/* class per item, RS_NONE unlabelled */
	uint32_t *order;	/* labelled items, the held-out ones first */
	uint32_t *pred;
	uint8_t *train, *want;
	size_t nlab, ntest;
};

/* Each item's label, and the labelled ones listed in order; items without
 * text are counted since the model can only guess their majority class. */
static void
classify_labels(struct classify_run *k, const rs_column *target,
    rs_classify_result *out)
{
	uint32_t n = k->nitems ? k->nitems : 1;

	k->label = xmalloc(n * sizeof *k->label);
	k->order = xmalloc(n * sizeof *k->order);
	k->pred = xmalloc(n * sizeof *k->pred);
	k->train = xcalloc(n, 1);
	k->want = xcalloc(n, 1);
	for (uint32_t d = 0; d < k->nitems; d++) {
		bool has_text = k->corpus.ptr[d + 1] > k->corpus.ptr[d];
		k->label[d] = d < target->n ? k->cl.of[d] : RS_NONE;
		k->pred[d] = RS_NONE;
		if (k->label[d] != RS_NONE) {
			k->order[k->nlab++] = d;
			out->labelled_no_text += !has_text;
		} else {
			out->unlabelled++;
			out->unlabelled_no_text += !has_text;
		}
	}
	out->labelled = k->nlab;
}

/* Hold out a seeded random share of the labelled items (at least one when
 * test > 0), the rest marked for training; an error when too few are left
 * to train on. */
static int
classify_hold_out(struct classify_run *k, const rs_classify_params *p,
    rs_error *err)
{
	uint64_t state = p->seed;
	size_t nlab = k->nlab, ntest;

	for (size_t i = nlab; i > 1; i--) {
		size_t j = (size_t)(rnd_splitmix(&state) % i);
		uint32_t t = k->order[i - 1];
		k->order[i - 1] = k->order[j];
		k->order[j] = t;
	}
	ntest = (size_t)floor(p->test * (double)nlab + 0.5);
	if (p->test > 0 && ntest == 0)
		ntest = 1;
	if (ntest >= nlab) {
		rs_error_set(err, RS_EINVAL,
		    "target=%s: %zu labelled item%s, too few to hold out test=%g of them",
		    p->target, nlab, nlab == 1 ? "" : "s", p->test);
		return -1;
	}
	for (size_t i = ntest; i < nlab; i++)
		k->train[k->order[i]] = 1;
	k->ntest = ntest;
	return 0;
}

/* The training items' most common class: the baseline to beat. */
static uint32_t
classify_majority(const struct classify_run *k)
{
	uint64_t *counts = xcalloc(k->cl.n, sizeof *counts);
	uint32_t best = 0;

	for (size_t i = k->ntest; i < k->nlab; i++)
		counts[k->label[k->order[i]]]++;
	for (uint32_t c = 1; c < k->cl.n; c++)
		if (counts[c] > counts[best])
			best = c;
	free(counts);
	return best;
}

/* Accuracy and confusion on the held-out items, against always guessing
 * the majority class. */
static void
classify_test(struct classify_run *k, const rs_nb *model, rs_classify_result *out)
{
	size_t inmaj = 0;

	for (size_t i = 0; i < k->ntest; i++)
		k->want[k->order[i]] = 1;
	predict_all(model, &k->corpus, k->want, k->pred);
	for (size_t i = 0; i < k->ntest; i++) {
		uint32_t d = k->order[i];
		out->confusion[(size_t)k->label[d] * k->cl.n + k->pred[d]]++;
		out->correct += k->pred[d] == k->label[d];
		inmaj += k->label[d] == out->majority;
	}
	out->accuracy = (double)out->correct / (double)k->ntest;
	out->baseline = (double)inmaj / (double)k->ntest;
}

/* The predicted class of every unlabelled item that has text: what
 * classify --fill writes. */
static void
classify_fill_pred(struct classify_run *k, const rs_nb *model,
    rs_classify_result *out)
{
	out->fill = xmalloc((k->nitems ? k->nitems : 1) * sizeof *out->fill);
	for (uint32_t d = 0; d < k->nitems; d++) {
		k->want[d] = k->label[d] == RS_NONE &&
		    k->corpus.ptr[d + 1] > k->corpus.ptr[d];
		k->pred[d] = RS_NONE;
	}
	predict_all(model, &k->corpus, k->want, k->pred);
	for (uint32_t d = 0; d < k->nitems; d++) {
		out->fill[d] = k->want[d] ? k->pred[d] : RS_NONE;
		out->nfill += k->want[d];
	}
}

/* Fit naive Bayes on the items marked in k->train. */
static int
classify_fit(struct classify_run *k, rs_nb *model, const rs_classify_params *p,
    rs_error *err)
{
	return rs_nb_fit(model, k->cl.n, k->corpus.vocab->n, k->nitems,
	    k->corpus.ptr, k->corpus.term, k->corpus.count, k->label, k->train,
	    p->alpha, err);
}

int
rs_classify(const rs_dataset *ds, const rs_classify_params *p,
    rs_classify_result *out, const rs_hooks *h, rs_error *err)
{
	const char *msg = rs_classify_params_check(p);
	const rs_column *target, **text = NULL;
	int ntext = 0;
	struct classify_run k;
	rs_nb model;
	int rc = -1;

	memset(out, 0, sizeof *out);
	memset(&k, 0, sizeof k);
	if (msg != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", msg);
		return -1;
	}
	if (check_columns(ds, p, &target, &text, &ntext, &k.cl, err) != 0 ||
	    feat_corpus_build(&k.corpus, ds, text, (size_t)ntext, p->tok_flags, h,
	    err) != 0) {
		feat_classes_free(&k.cl);
		free((void *)text);
		return -1;
	}
	k.nitems = k.corpus.ndocs;
	out->target = xstrdup(target->name);
	out->text = xstrdup(p->text);
	out->items = k.nitems;
	out->nterms = k.corpus.vocab->n;
	classify_labels(&k, target, out);
	if (classify_hold_out(&k, p, err) != 0)
		goto done;
	out->test = k.ntest;
	out->train = k.nlab - k.ntest;
	out->nclasses = k.cl.n;
	out->majority = classify_majority(&k);
	if (classify_fit(&k, &model, p, err) != 0)
		goto done;
	out->confusion = xcalloc((size_t)k.cl.n * k.cl.n, sizeof *out->confusion);
	out->accuracy = out->baseline = NAN;
	if (k.ntest > 0) {
		classify_test(&k, &model, out);
		rs_nb_free(&model);
		/* the filling model learns from every labelled item */
		for (size_t i = 0; i < k.ntest; i++)
			k.train[k.order[i]] = 1;
		if (classify_fit(&k, &model, p, err) != 0)
			goto done;
	}
	classify_fill_pred(&k, &model, out);
	rs_nb_free(&model);
	/* hand the classes over */
	out->classes = k.cl.names;
	out->class_value = k.cl.values;
	out->class_items = k.cl.rows;
	k.cl.names = NULL;
	k.cl.values = NULL;
	k.cl.rows = NULL;
	k.cl.n = 0;
	rc = 0;
done:
	if (rc != 0)
		rs_classify_result_free(out);
	feat_classes_free(&k.cl);
	feat_corpus_free(&k.corpus);
	free((void *)text);
	free(k.label);
	free(k.order);
	free(k.pred);
	free(k.train);
	free(k.want);
	return rc;
}

rs_dataset *
rs_classify_fill(const rs_dataset *ds, const rs_classify_result *r)
{
	rs_dataset *copy = rs_dataset_copy(ds);
	int k = rs_table_find(&copy->item_tbl, r->target);
	const rs_column *old;
	rs_column *col;

	if (k < 0 || r->fill == NULL)
		return copy;
	old = copy->item_tbl.cols[k];
	col = rs_column_new(old->name, old->kind);
	for (size_t i = 0; i < old->n; i++) {
		uint32_t c = i < r->items ? r->fill[i] : RS_NONE;
		if (old->kind == RS_COL_TEXT) {
			const char *s = c != RS_NONE ? r->classes[c] :
			    rs_column_text(old, i);
			rs_column_push_text(col, s, strlen(s));
		} else {
			double x = c != RS_NONE ? r->class_value[c] :
			    rs_column_get(old, i);
			if (isnan(x))
				rs_column_push_missing(col);
			else
				rs_column_push_number(col, x, old->decimals);
		}
	}
	rs_column_finish(col);
	rs_column_free(copy->item_tbl.cols[k]);
	copy->item_tbl.cols[k] = col;
	return copy;
}
