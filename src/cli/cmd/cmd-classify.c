/* classify: naive Bayes categories from item text, held-out accuracy and confusion; --fill writes the missing ones (a step). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "reelscope/util.h"
#include "reelscope/classify.h"
#include "reelscope/features.h"
#include "util/xmalloc.h"

static const struct cmd_opt classify_opts[] = {
	{ "target", OPT_COLUMN, NULL, 0, -1, "first_level_category_name",
	  "item column to predict (text or integer categories)" },
	{ "text", OPT_STR, NULL, 0, -1, "caption", "comma-separated item text columns to learn from" },
	{ "test", OPT_NUM, NULL, 0, 0.9, "0.2", "share of the labelled items held out for the accuracy" },
	{ "seed", OPT_INT, NULL, 0, 9007199254740992.0, "1", "seed of the hold-out draw" },
	{ "alpha", OPT_NUM, NULL, 0, 1e6, "1", "additive (Laplace) smoothing of term counts, above 0" },
	{ "stopwords", OPT_BOOL, NULL, 0, -1, "yes", "drop English and Chinese stop words" },
	{ "fill", OPT_FLAG, NULL, 0, -1, NULL,
	  "write predictions into the items missing the target (a pipeline step)" },
	{ "matrix", OPT_FLAG, NULL, 0, -1, NULL, "show the whole confusion matrix" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field classify_fields[] = {
	{ "target", "the column predicted" },
	{ "text", "the text columns learned from" },
	{ "classes", "distinct values of the target" },
	{ "terms", "distinct terms of the text" },
	{ "labelled", "items with a target value: all, train, test, without_text" },
	{ "missing", "items without one: all, without_text (those cannot be predicted)" },
	{ "accuracy", "share of the held-out items predicted right (null with test=0)" },
	{ "majority", "the most frequent class of the training items" },
	{ "baseline", "accuracy of always predicting the majority class" },
	{ "per_class", "per class: class, items, test, correct, recall, precision, mistaken_for (the most frequent wrong prediction)" },
	{ "confusion", "held-out items by true class (rows) and predicted class (columns), in the order of per_class" },
	{ "filled", "--fill: items given a predicted value" },
	{ "fill_classes", "--fill: per class: class, items filled" },
	{ "seconds", "wall time of tokenizing, training and predicting" },
	{ NULL, NULL }
};

/* Held-out accuracy, the baseline and the per-class table. */
static void
report_eval(struct rnode *root, const rs_classify_result *res, bool matrix)
{
	uint32_t n = res->nclasses;
	struct rnode *arr, *conf;

	if (res->test == 0) {
		rn_label(rn_null(root, "accuracy"), "held-out accuracy");
		rn_label(rn_str(root, "majority", res->classes[res->majority]),
		    "majority class");
		rn_label(rn_null(root, "baseline"), "majority baseline");
		return;
	}
	rn_flags(rn_label(rn_num(root, "accuracy", res->accuracy),
	    "held-out accuracy"), RF_PERCENT);
	rn_label(rn_str(root, "majority", res->classes[res->majority]),
	    "majority class");
	rn_flags(rn_label(rn_num(root, "baseline", res->baseline),
	    "majority baseline"), RF_PERCENT);
	arr = rn_flags(rn_label(rn_arr(root, "per_class"), "held-out items by class"),
	    RF_TABLE);
	for (uint32_t t = 0; t < n; t++) {
		const uint64_t *row = res->confusion + (size_t)t * n;
		uint64_t tot = 0, col = 0, worst = 0;
		uint32_t wc = RS_NONE;
		struct rnode *o = rn_obj(arr, NULL);
		for (uint32_t p = 0; p < n; p++) {
			tot += row[p];
			col += res->confusion[(size_t)p * n + t];
			if (p != t && row[p] > worst) {
				worst = row[p];
				wc = p;
			}
		}
		rn_str(o, "class", res->classes[t]);
		rn_label(rn_int(o, "items", res->class_items[t]), "labelled");
		rn_int(o, "test", (int64_t)tot);
		rn_int(o, "correct", (int64_t)row[t]);
		if (tot > 0)
			rn_flags(rn_num(o, "recall", (double)row[t] / tot), RF_PERCENT);
		else
			rn_null(o, "recall");
		if (col > 0)
			rn_flags(rn_num(o, "precision", (double)row[t] / col), RF_PERCENT);
		else
			rn_null(o, "precision");
		if (wc != RS_NONE) {
			char buf[256];
			snprintf(buf, sizeof buf, "%s (%llu)", res->classes[wc],
			    (unsigned long long)worst);
			rn_label(rn_str(o, "mistaken_for", buf), "mistaken for");
		} else
			rn_label(rn_null(o, "mistaken_for"), "mistaken for");
	}
	/* the matrix: rows by true class, a column per predicted class */
	conf = rn_flags(rn_label(rn_arr(root, "confusion"),
	    "confusion (rows: true class, columns: predicted)"),
	    matrix ? RF_TABLE : RF_TEXT_HIDE);
	for (uint32_t t = 0; t < n; t++) {
		struct rnode *o = rn_obj(conf, NULL);
		rn_label(rn_str(o, "true", res->classes[t]), "true \\ predicted");
		for (uint32_t p = 0; p < n; p++)
			rn_int(o, res->classes[p], (int64_t)res->confusion[(size_t)t * n + p]);
	}
}

/* What --fill wrote (the engine filled the items and recorded the step). */
static void
report_fill(struct report *r, const rs_classify_result *res, bool rebuilt)
{
	struct rnode *root = report_root(r), *arr;
	uint32_t *per;

	rn_int(root, "filled", (int64_t)res->nfill);
	if (res->nfill == 0) {
		if (res->unlabelled == 0)
			report_note(r, "nothing to fill: every item has a %s", res->target);
		else if (res->unlabelled == 1)
			report_note(r, "nothing to fill: the item without %s has no %s text",
			    res->target, res->text);
		else
			report_note(r, "nothing to fill: the %zu items without %s have no %s text",
			    res->unlabelled, res->target, res->text);
		return;
	}
	per = xcalloc(res->nclasses, sizeof *per);
	for (size_t i = 0; i < res->items; i++)
		if (res->fill[i] != RS_NONE)
			per[res->fill[i]]++;
	arr = rn_flags(rn_label(rn_arr(root, "fill_classes"), "filled by class"),
	    RF_TABLE);
	for (uint32_t k = 0; k < res->nclasses; k++)
		if (per[k] > 0) {
			struct rnode *o = rn_obj(arr, NULL);
			rn_str(o, "class", res->classes[k]);
			rn_int(o, "items", per[k]);
		}
	free(per);
	if (res->unlabelled_no_text == 1)
		report_note(r, "1 item without %s has no %s text and stays missing",
		    res->target, res->text);
	else if (res->unlabelled_no_text > 1)
		report_note(r, "%zu items without %s have no %s text and stay missing",
		    res->unlabelled_no_text, res->target, res->text);
	if (rebuilt)
		report_note(r, "item features rebuilt with the filled %s", res->target);
}

/* Classify the items; with --fill the engine applies it as a step
 * (rs_workspace_apply). Either way the engine reads the options. */
static int
run(struct session *s, struct cmd_call *c, struct report *r,
    const rs_step_op *op, rs_step_report *rep, rs_error *err)
{
	rs_hooks h = session_hooks(s, r);
	rs_classify_params p;
	rs_error e;

	memset(rep, 0, sizeof *rep);
	if (call_flag(c, "fill"))
		return rs_workspace_apply(s->ws, op, &h, rep, err);
	if (rs_step_op_classify_params(op, &p, err) != 0)
		return -1;
	if (rs_classify(session_peek(s), &p, &rep->classify, &h, &e) != 0) {
		rs_error_set(err, e.code, "classify: %s; nothing changed", e.msg);
		return -1;
	}
	rep->has_classify = true;
	return 0;
}

static enum cmd_ret
cmd_classify_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r), *o;
	const rs_classify_result *res;
	rs_step_op op;
	rs_step_report rep;
	rs_error err;
	double t0, t1;
	int rc;

	if (session_data(s) == NULL || !call_step_op(s, c, &op))
		return CMD_ERROR;
	t0 = rs_clock_wall();
	rc = run(s, c, r, &op, &rep, &err);
	t1 = rs_clock_wall();
	if (rc != 0) {
		rs_step_op_free(&op);
		return cmd_error(s, "%s", err.msg);
	}
	res = &rep.classify;
	rn_str(root, "target", res->target);
	rn_str(root, "text", res->text);
	rn_int(root, "classes", res->nclasses);
	rn_int(root, "terms", res->nterms);
	o = rn_label(rn_flags(rn_obj(root, "labelled"), RF_INLINE), "labelled items");
	rn_int(o, "all", (int64_t)res->labelled);
	rn_int(o, "train", (int64_t)res->train);
	rn_int(o, "test", (int64_t)res->test);
	rn_label(rn_int(o, "without_text", (int64_t)res->labelled_no_text),
	    "without text");
	o = rn_label(rn_flags(rn_obj(root, "missing"), RF_INLINE), "missing target");
	rn_int(o, "all", (int64_t)res->unlabelled);
	rn_label(rn_int(o, "without_text", (int64_t)res->unlabelled_no_text),
	    "without text");
	report_eval(root, res, call_flag(c, "matrix"));
	rn_flags(rn_num(root, "seconds", t1 - t0), RF_TEXT_HIDE);
	if (call_flag(c, "fill"))
		report_fill(r, res, rep.features_rebuilt);
	rs_step_report_free(&rep);
	rs_step_op_free(&op);
	return CMD_OK;
}

const struct cmd_entry cmd_classify_entry = {
	.name = "classify",
	.usage = "[target=COL] [text=COLS] [test=SHARE] [seed=N] [alpha=A] [--fill] [--matrix]",
	.help = "predict item categories from their text (naive Bayes); --fill the missing ones",
	.doc = "A multinomial naive Bayes classifier: P(class | text) is proportional to "
	    "P(class) times the product over the text's tokens of P(token | class), with "
	    "P(token | class) = (count + alpha) / (class total + alpha x V), V the distinct "
	    "tokens of the training items (tokens as in features). It learns from the items "
	    "that have a target value, minus a seeded random share test= held out; it reports "
	    "the accuracy on those held-out items next to always guessing the training "
	    "items' most frequent class, and recall, precision and the most frequent mistake "
	    "of each class (--matrix: the whole confusion matrix). With --fill a model "
	    "trained on every labelled item predicts the target of the items missing it "
	    "(those with text) and writes it: a pipeline step that undo takes back; item "
	    "features built earlier are rebuilt on the filled data.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = classify_opts,
	.fields = classify_fields,
	.exec = cmd_classify_exec,
};
