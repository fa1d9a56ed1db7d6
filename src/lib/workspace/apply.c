/* Applying pipeline steps: the step kind table, parameters read into engine calls, undo by replay. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "workspace/apply-int.h"
#include "reelscope/classify.h"
#include "reelscope/features.h"
#include "reelscope/split.h"
#include "reelscope/workspace.h"
#include "util/xmalloc.h"

typedef int (*apply_fn)(rs_workspace *, const rs_step_op *, const rs_hooks *,
    rs_step_report *, rs_error *);

static int apply_split(rs_workspace *, const rs_step_op *, const rs_hooks *,
    rs_step_report *, rs_error *);
static int apply_features(rs_workspace *, const rs_step_op *,
    const rs_hooks *, rs_step_report *, rs_error *);
static int apply_classify(rs_workspace *, const rs_step_op *,
    const rs_hooks *, rs_step_report *, rs_error *);
static int apply_propensity(rs_workspace *, const rs_step_op *,
    const rs_hooks *, rs_step_report *, rs_error *);

/* The step kinds, in rs_step_kind order: the command that does each, and
 * how the engine applies it. */
static const struct {
	const char *name;
	apply_fn apply;
} kinds[RS_STEP_NKINDS] = {
	[RS_STEP_CLEAN] = { "clean", ws_apply_clean },
	[RS_STEP_SPLIT] = { "split", apply_split },
	[RS_STEP_FEATURES] = { "features", apply_features },
	[RS_STEP_CLASSIFY] = { "classify", apply_classify },
	[RS_STEP_PROPENSITY] = { "propensity", apply_propensity },
};

const char *
rs_step_kind_name(int kind)
{
	return kind >= 0 && kind < RS_STEP_NKINDS ? kinds[kind].name : NULL;
}

/* A unique prefix names a kind as the command line accepts it: a step typed
 * "spl user" was recorded so by versions that kept the text. */
int
rs_step_kind_find(const char *name)
{
	size_t len = strlen(name);
	int found = -1, n = 0;

	for (int k = 0; k < RS_STEP_NKINDS; k++) {
		if (strcmp(kinds[k].name, name) == 0)
			return k;
		if (len > 0 && strncmp(kinds[k].name, name, len) == 0) {
			found = k;
			n++;
		}
	}
	return n == 1 ? found : -1;
}

/* The first positional word of op, or NULL. */
static const char *
op_word(const rs_step_op *op)
{
	for (size_t i = 0; i < op->nparams; i++)
		if (op->params[i].key == NULL)
			return op->params[i].value;
	return NULL;
}

/* key= as a whole number in [lo, hi] into *out (left as it is when key is
 * absent); false with err set when it is not one. */
static bool
op_int(const rs_step_op *op, const char *key, long long lo, long long hi,
    long long *out, rs_error *err)
{
	const char *v = rs_step_op_get(op, key);
	char *end;
	long long x;

	if (v == NULL)
		return true;
	errno = 0;
	x = strtoll(v, &end, 10);
	if (*v == '\0' || *end != '\0' || errno == ERANGE || x < lo || x > hi) {
		rs_error_set(err, RS_EINVAL, "%s: %s=%s must be a whole number from %lld to %lld",
		    rs_step_kind_name(op->kind), key, v, lo, hi);
		return false;
	}
	*out = x;
	return true;
}

/* A share given as text: a number in [0, 1). */
static bool
op_share(const char *key, const char *v, double *out, rs_error *err)
{
	char *end;
	double x = strtod(v, &end);

	if (*v == '\0' || *end != '\0' || !(x >= 0 && x < 1)) {
		rs_error_set(err, RS_EINVAL, "split: %s=%s must be a share from 0 to below 1",
		    key, v);
		return false;
	}
	*out = x;
	return true;
}

static const struct {
	const char *name;
	enum rs_split_kind kind;
} split_kinds[] = {
	{ "random", RS_SPLIT_RANDOM }, { "user", RS_SPLIT_USER },
	{ "temporal", RS_SPLIT_TEMPORAL }, { "leave-last", RS_SPLIT_LEAVE_LAST },
	{ "kfold", RS_SPLIT_KFOLD }, { "observed", RS_SPLIT_OBSERVED },
	{ "files", RS_SPLIT_FILES }
};

/* The split options of op ("split KIND test= valid= k= fold= seed=
 * min_train="); false with err set. */
static bool
split_options(const rs_step_op *op, rs_split_opts *o, rs_error *err)
{
	const char *kind = op_word(op), *tv = rs_step_op_get(op, "test"),
	    *vv = rs_step_op_get(op, "valid");
	long long k, fold, seed, min_train;
	size_t i;

	for (i = 0; kind != NULL && i < sizeof split_kinds / sizeof split_kinds[0]; i++)
		if (strcmp(kind, split_kinds[i].name) == 0)
			break;
	if (kind == NULL || i == sizeof split_kinds / sizeof split_kinds[0]) {
		rs_error_set(err, RS_EINVAL, "split: unknown kind %s (random, user, temporal, leave-last, kfold, observed, files)",
		    kind != NULL ? kind : "(none)");
		return false;
	}
	rs_split_opts_init(o, split_kinds[i].kind);
	if (o->kind == RS_SPLIT_FILES) {
		o->test_path = tv;
		o->valid_path = vv;
	} else {
		if ((tv != NULL && !op_share("test", tv, &o->test, err)) ||
		    (vv != NULL && !op_share("valid", vv, &o->valid, err)))
			return false;
		if (tv != NULL && (o->kind == RS_SPLIT_LEAVE_LAST ||
		    o->kind == RS_SPLIT_KFOLD || o->kind == RS_SPLIT_OBSERVED)) {
			rs_error_set(err, RS_EINVAL, "split %s: test= does not apply (it has %s)",
			    kind, o->kind == RS_SPLIT_OBSERVED ? "the observed block" : "k=");
			return false;
		}
	}
	o->allow_overlap = rs_step_op_flag(op, "allow-overlap");
	if (o->allow_overlap && o->kind != RS_SPLIT_FILES) {
		rs_error_set(err, RS_EINVAL, "split %s: --allow-overlap applies to split files only",
		    kind);
		return false;
	}
	k = o->k;
	if (rs_step_op_get(op, "k") != NULL && o->kind != RS_SPLIT_LEAVE_LAST &&
	    o->kind != RS_SPLIT_KFOLD) {
		rs_error_set(err, RS_EINVAL, "split %s: k= applies to leave-last and kfold only",
		    kind);
		return false;
	}
	if (rs_step_op_get(op, "fold") != NULL && o->kind != RS_SPLIT_KFOLD) {
		rs_error_set(err, RS_EINVAL, "split %s: fold= applies to kfold only", kind);
		return false;
	}
	fold = o->fold;
	seed = (long long)o->seed;
	min_train = o->min_train;
	if (!op_int(op, "k", 1, 1000, &k, err) ||
	    !op_int(op, "fold", 1, 1000, &fold, err) ||
	    !op_int(op, "seed", 0, 9007199254740992LL, &seed, err) ||
	    !op_int(op, "min_train", 0, 1000000, &min_train, err))
		return false;
	o->k = (uint32_t)k;
	o->fold = (uint32_t)fold;
	o->seed = (uint64_t)seed;
	o->min_train = (uint32_t)min_train;
	return true;
}

/* split KIND [options]: the rows assigned to train, validation and test. */
static int
apply_split(rs_workspace *ws, const rs_step_op *op, const rs_hooks *h,
    rs_step_report *out, rs_error *err)
{
	rs_split_opts o;
	rs_dataset *ds;
	const char *msg;

	if (!split_options(op, &o, err))
		return -1;
	if ((msg = rs_split_opts_check(&o, ws->data)) != NULL) {
		rs_error_set(err, RS_EINVAL, "split %s: %s", op_word(op), msg);
		return -1;
	}
	if ((ds = rs_split_apply(ws->data, &o, &out->split, h, err)) == NULL)
		return -1;
	rs_workspace_step_done(ws, ds, true, op, ds->split_desc);
	return 0;
}

/* "none" turns an optional column off. */
static const char *
column_opt(const rs_step_op *op, const char *key)
{
	const char *v = rs_step_op_get(op, key);

	return v != NULL && strcmp(v, "none") == 0 ? "" : v;
}

/* The feature parameters of op; false with err set. */
static bool
features_params(const rs_step_op *op, rs_features_params *p, rs_error *err)
{
	long long min_df, max_terms, keywords = 8;
	const char *v;

	rs_features_params_init(p);
	min_df = p->min_df;
	max_terms = p->max_terms;
	if (!op_int(op, "min_df", 1, 1000000000, &min_df, err) ||
	    !op_int(op, "max_terms", 0, 100000000, &max_terms, err) ||
	    !op_int(op, "keywords", 1, 100, &keywords, err))
		return false;
	p->min_df = (uint32_t)min_df;
	p->max_terms = (uint32_t)max_terms;
	p->keywords = (uint32_t)keywords;
	if ((v = rs_step_op_get(op, "max_df")) != NULL) {
		char *end;
		p->max_df = strtod(v, &end);
		if (*v == '\0' || *end != '\0' || !(p->max_df >= 0 && p->max_df <= 1)) {
			rs_error_set(err, RS_EINVAL, "features: max_df=%s must be a number from 0 to 1", v);
			return false;
		}
	}
	if ((v = rs_step_op_get(op, "stopwords")) != NULL) {
		if (strcasecmp(v, "no") == 0 || strcasecmp(v, "false") == 0 ||
		    strcasecmp(v, "off") == 0 || strcmp(v, "0") == 0)
			p->tok_flags |= RS_TOK_KEEP_STOPWORDS;
		else if (strcasecmp(v, "yes") != 0 && strcasecmp(v, "true") != 0 &&
		    strcasecmp(v, "on") != 0 && strcmp(v, "1") != 0) {
			rs_error_set(err, RS_EINVAL, "features: stopwords=%s must be yes or no", v);
			return false;
		}
	}
	p->text = rs_step_op_get(op, "text");
	p->category = column_opt(op, "category");
	p->duration = column_opt(op, "duration");
	p->upload = column_opt(op, "upload");
	p->tags = column_opt(op, "tags");
	p->onehot = column_opt(op, "onehot");
	return true;
}

/* features [options]: the item features, built from the data as it is. */
static int
apply_features(rs_workspace *ws, const rs_step_op *op, const rs_hooks *h,
    rs_step_report *out, rs_error *err)
{
	rs_features_params p;
	rs_features *f;
	rs_error e;
	char *summary;

	(void)out;
	if (!features_params(op, &p, err))
		return -1;
	if ((f = rs_features_build(ws->data, &p, h, &e)) == NULL) {
		rs_error_set(err, e.code, "features: %s; nothing changed", e.msg);
		return -1;
	}
	summary = xasprintf("%u terms from %s, %u feature columns", f->nterms,
	    *f->text_cols ? f->text_cols : "no text", f->ncols);
	rs_workspace_set_features(ws, f, rs_features_release);
	rs_workspace_step_done(ws, ws->data, true, op, summary);
	free(summary);
	return 0;
}

/* key= as yes or no into *out (left as it is when absent). */
static bool
op_bool(const rs_step_op *op, const char *key, bool *out, rs_error *err)
{
	const char *v = rs_step_op_get(op, key);

	if (v == NULL)
		return true;
	if (strcasecmp(v, "yes") == 0 || strcasecmp(v, "true") == 0 ||
	    strcasecmp(v, "on") == 0 || strcmp(v, "1") == 0)
		*out = true;
	else if (strcasecmp(v, "no") == 0 || strcasecmp(v, "false") == 0 ||
	    strcasecmp(v, "off") == 0 || strcmp(v, "0") == 0)
		*out = false;
	else {
		rs_error_set(err, RS_EINVAL, "%s: %s=%s must be yes or no",
		    rs_step_kind_name(op->kind), key, v);
		return false;
	}
	return true;
}

/* A number from key= into *out (left as it is when absent). */
static bool
op_num(const rs_step_op *op, const char *key, double *out, rs_error *err)
{
	const char *v = rs_step_op_get(op, key);
	char *end;

	if (v == NULL)
		return true;
	*out = strtod(v, &end);
	if (*v == '\0' || *end != '\0') {
		rs_error_set(err, RS_EINVAL, "%s: %s=%s is not a number",
		    rs_step_kind_name(op->kind), key, v);
		return false;
	}
	return true;
}

int
rs_step_op_classify_params(const rs_step_op *op, rs_classify_params *p,
    rs_error *err)
{
	long long seed;
	bool stop = true;

	rs_classify_params_init(p);
	seed = (long long)p->seed;
	if (!op_num(op, "test", &p->test, err) || !op_num(op, "alpha", &p->alpha, err) ||
	    !op_int(op, "seed", 0, 9007199254740992LL, &seed, err) ||
	    !op_bool(op, "stopwords", &stop, err))
		return -1;
	if (rs_step_op_get(op, "target") != NULL)
		p->target = rs_step_op_get(op, "target");
	if (rs_step_op_get(op, "text") != NULL)
		p->text = rs_step_op_get(op, "text");
	p->seed = (uint64_t)seed;
	if (!stop)
		p->tok_flags |= RS_TOK_KEEP_STOPWORDS;
	return 0;
}

/* classify [options] --fill: the items missing the target get the class
 * naive Bayes predicts from their text; recorded only when it fills some. */
static int
apply_classify(rs_workspace *ws, const rs_step_op *op, const rs_hooks *h,
    rs_step_report *out, rs_error *err)
{
	rs_classify_params p;
	rs_classify_result *res = &out->classify;
	rs_error e;
	char *summary;
	int rc;

	if (!rs_step_op_flag(op, "fill")) {
		/* without it classify only reports, and is no step */
		rs_error_set(err, RS_EINVAL, "classify is a pipeline step only with --fill");
		return -1;
	}
	if (rs_step_op_classify_params(op, &p, err) != 0)
		return -1;
	if (rs_classify(ws->data, &p, res, h, &e) != 0) {
		rs_error_set(err, e.code, "classify: %s; nothing changed", e.msg);
		return -1;
	}
	out->has_classify = true;
	if (res->nfill == 0)
		return 0;
	summary = xasprintf("filled %zu missing %s from %s (naive Bayes)",
	    res->nfill, res->target, res->text);
	/* features built before see the filled categories too */
	rc = ws_apply_commit(ws, rs_classify_fill(ws->data, res), true, true, op,
	    summary, "classify", out, err);
	free(summary);
	if (rc != 0)
		rs_step_report_free(out);
	return rc;
}

int
ws_apply_commit(rs_workspace *ws, rs_dataset *ds, bool changed, bool rebuild,
    const rs_step_op *op, const char *summary, const char *what,
    rs_step_report *out, rs_error *err)
{
	rs_features *nf = NULL;
	rs_error e;

	if (rebuild && ws->features != NULL &&
	    (nf = rs_features_rebuild(ws->features, ds, NULL, &e)) == NULL) {
		rs_dataset_free(ds);
		rs_error_set(err, e.code, "%s: rebuilding the item features failed: %s; nothing changed",
		    what, e.msg);
		return -1;
	}
	rs_workspace_step_done(ws, ds, changed, op, summary);
	if (nf != NULL) {
		rs_workspace_set_features(ws, nf, rs_features_release);
		out->features_rebuilt = true;
	}
	return 0;
}

int
rs_step_op_propensity_params(const rs_step_op *op, rs_prop_opts *o,
    rs_error *err)
{
	const char *m = rs_step_op_get(op, "method"), *msg;

	rs_prop_opts_init(o);
	if (m == NULL) {
		rs_error_set(err, RS_EINVAL, "propensity: give method=pop or method=truth");
		return -1;
	}
	if ((o->method = rs_prop_method_find(m)) < 0) {
		rs_error_set(err, RS_EINVAL, "propensity: unknown method %s (pop, truth)", m);
		return -1;
	}
	if (!op_num(op, "eta", &o->eta, err) || !op_num(op, "clip", &o->clip, err))
		return -1;
	o->name = rs_step_op_get(op, "name");
	if (!(o->eta >= 0 && o->eta <= 5)) {
		rs_error_set(err, RS_EINVAL, "propensity: eta=%s must be from 0 to 5",
		    rs_step_op_get(op, "eta"));
		return -1;
	}
	if (!(o->clip >= 0 && o->clip < 1)) {
		rs_error_set(err, RS_EINVAL, "propensity: clip=%s must be from 0 to below 1",
		    rs_step_op_get(op, "clip"));
		return -1;
	}
	if ((msg = rs_prop_opts_check(o)) != NULL) {
		rs_error_set(err, RS_EINVAL, "propensity: %s", msg);
		return -1;
	}
	return 0;
}

/* propensity method=pop|truth [eta=] [clip=] [name=]: a column of the log
 * (the data is copied: base keeps its columns for undo). The models and
 * results stay: the training rows are the same. */
static int
apply_propensity(rs_workspace *ws, const rs_step_op *op, const rs_hooks *h,
    rs_step_report *out, rs_error *err)
{
	rs_dataset *ds;
	rs_error e;
	char summary[160];

	(void)h;
	if (rs_step_op_propensity_params(op, &out->propensity_opts, err) != 0)
		return -1;
	ds = rs_dataset_copy(ws->data);
	if (rs_propensity_compute(ds, &out->propensity_opts, &out->propensity, &e) != 0) {
		rs_dataset_free(ds);
		rs_error_set(err, e.code, "propensity: %s; nothing changed", e.msg);
		return -1;
	}
	out->has_propensity = true;
	snprintf(summary, sizeof summary, "%s method=%s: %zu rows, %zu clipped, ESS %.0f",
	    out->propensity_opts.name ? out->propensity_opts.name : "propensity",
	    rs_prop_method_name(out->propensity_opts.method), out->propensity.n,
	    out->propensity.clipped, out->propensity.ess);
	rs_workspace_step_done(ws, ds, false, op, summary);
	return 0;
}

int
rs_step_op_check(const rs_step_op *op, rs_error *err)
{
	rs_clean_params p;
	rs_prop_opts po;

	if (op->kind == RS_STEP_CLEAN)
		return ws_apply_clean_params(op, &p, err) < 0 ? -1 : 0;
	if (op->kind == RS_STEP_PROPENSITY)
		return rs_step_op_propensity_params(op, &po, err);
	return 0;
}

void
rs_step_report_free(rs_step_report *r)
{
	if (r->has_clean)
		rs_clean_result_free(&r->clean);
	if (r->has_classify)
		rs_classify_result_free(&r->classify);
	r->has_clean = r->has_classify = false;
}

int
rs_workspace_apply(rs_workspace *ws, const rs_step_op *op, const rs_hooks *h,
    rs_step_report *out, rs_error *err)
{
	rs_step_report tmp;
	int rc;

	if (out == NULL)
		out = &tmp;
	memset(out, 0, sizeof *out);
	if (ws->data == NULL) {
		rs_error_set(err, RS_ESTATE, "no dataset loaded");
		return -1;
	}
	if (rs_step_kind_name((int)op->kind) == NULL) {
		rs_error_set(err, RS_EINVAL, "no step of kind %d", (int)op->kind);
		return -1;
	}
	rc = kinds[op->kind].apply(ws, op, h, out, err);
	if (out == &tmp)
		rs_step_report_free(&tmp);
	return rc;
}
