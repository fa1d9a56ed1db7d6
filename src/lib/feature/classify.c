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
	if (classes_build(cl, *target, MAX_CLASSES, "target", err) != 0)
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

int
rs_classify(const rs_dataset *ds, const rs_classify_params *p,
    rs_classify_result *out, const rs_hooks *h, rs_error *err)
{
	const char *msg = rs_classify_params_check(p);
	const rs_column *target, **text = NULL;
	int ntext = 0;
	struct classes cl = { 0 };
	struct corpus corpus;
	uint32_t *label = NULL, *order = NULL, *pred = NULL, nitems;
	uint8_t *train = NULL, *want = NULL;
	uint64_t state = p->seed, *counts;
	size_t nlab = 0, ntest;
	rs_nb model;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (msg != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", msg);
		return -1;
	}
	if (check_columns(ds, p, &target, &text, &ntext, &cl, err) != 0) {
		classes_free(&cl);
		free((void *)text);
		return -1;
	}
	if (corpus_build(&corpus, ds, text, (size_t)ntext, p->tok_flags, h,
	    err) != 0) {
		classes_free(&cl);
		free((void *)text);
		return -1;
	}
	nitems = corpus.ndocs;
	out->target = xstrdup(target->name);
	out->text = xstrdup(p->text);
	out->items = nitems;
	out->nterms = corpus.vocab->n;
	label = xmalloc((nitems ? nitems : 1) * sizeof *label);
	order = xmalloc((nitems ? nitems : 1) * sizeof *order);
	pred = xmalloc((nitems ? nitems : 1) * sizeof *pred);
	train = xcalloc(nitems ? nitems : 1, 1);
	want = xcalloc(nitems ? nitems : 1, 1);
	for (uint32_t d = 0; d < nitems; d++) {
		bool has_text = corpus.ptr[d + 1] > corpus.ptr[d];
		label[d] = d < target->n ? cl.of[d] : RS_NONE;
		pred[d] = RS_NONE;
		if (label[d] != RS_NONE) {
			order[nlab++] = d;
			out->labelled_no_text += !has_text;
		} else {
			out->unlabelled++;
			out->unlabelled_no_text += !has_text;
		}
	}
	out->labelled = nlab;
	/* hold out a seeded random share of the labelled items */
	for (size_t i = nlab; i > 1; i--) {
		size_t j = (size_t)(rnd_splitmix(&state) % i);
		uint32_t t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	ntest = (size_t)floor(p->test * (double)nlab + 0.5);
	if (p->test > 0 && ntest == 0)
		ntest = 1;
	if (ntest >= nlab) {
		rs_error_set(err, RS_EINVAL,
		    "target=%s: %zu labelled item%s, too few to hold out test=%g of them",
		    p->target, nlab, nlab == 1 ? "" : "s", p->test);
		goto done;
	}
	for (size_t i = ntest; i < nlab; i++)
		train[order[i]] = 1;
	out->test = ntest;
	out->train = nlab - ntest;
	out->nclasses = cl.n;
	counts = xcalloc(cl.n, sizeof *counts);
	for (size_t i = ntest; i < nlab; i++)
		counts[label[order[i]]]++;
	for (uint32_t c = 1; c < cl.n; c++)
		if (counts[c] > counts[out->majority])
			out->majority = c;
	free(counts);
	if (rs_nb_fit(&model, cl.n, corpus.vocab->n, nitems, corpus.ptr,
	    corpus.term, corpus.count, label, train, p->alpha, err) != 0)
		goto done;
	out->confusion = xcalloc((size_t)cl.n * cl.n, sizeof *out->confusion);
	out->accuracy = out->baseline = NAN;
	if (ntest > 0) {
		size_t inmaj = 0;
		for (size_t i = 0; i < ntest; i++)
			want[order[i]] = 1;
		predict_all(&model, &corpus, want, pred);
		for (size_t i = 0; i < ntest; i++) {
			uint32_t d = order[i];
			out->confusion[(size_t)label[d] * cl.n + pred[d]]++;
			out->correct += pred[d] == label[d];
			inmaj += label[d] == out->majority;
		}
		out->accuracy = (double)out->correct / (double)ntest;
		out->baseline = (double)inmaj / (double)ntest;
		rs_nb_free(&model);
		/* the filling model learns from every labelled item */
		for (size_t i = 0; i < ntest; i++)
			train[order[i]] = 1;
		if (rs_nb_fit(&model, cl.n, corpus.vocab->n, nitems, corpus.ptr,
		    corpus.term, corpus.count, label, train, p->alpha, err) != 0)
			goto done;
	}
	out->fill = xmalloc((nitems ? nitems : 1) * sizeof *out->fill);
	for (uint32_t d = 0; d < nitems; d++) {
		want[d] = label[d] == RS_NONE && corpus.ptr[d + 1] > corpus.ptr[d];
		pred[d] = RS_NONE;
	}
	predict_all(&model, &corpus, want, pred);
	for (uint32_t d = 0; d < nitems; d++) {
		out->fill[d] = want[d] ? pred[d] : RS_NONE;
		out->nfill += want[d];
	}
	rs_nb_free(&model);
	/* hand the classes over */
	out->classes = cl.names;
	out->class_value = cl.values;
	out->class_items = cl.rows;
	cl.names = NULL;
	cl.values = NULL;
	cl.rows = NULL;
	cl.n = 0;
	rc = 0;
done:
	if (rc != 0)
		rs_classify_result_free(out);
	classes_free(&cl);
	corpus_free(&corpus);
	free((void *)text);
	free(label);
	free(order);
	free(pred);
	free(train);
	free(want);
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
