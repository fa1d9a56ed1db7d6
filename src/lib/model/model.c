/* Models: parameters checked against each kind's specs, the training loop, scoring and top-k recommendations. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reelscope/explain.h"
#include "reelscope/model.h"
#include "util/clock.h"
#include "util/xmalloc.h"

const rs_model_kind *
rs_model_kind_find(const char *name)
{
	for (size_t i = 0; rs_model_kinds[i] != NULL; i++)
		if (strcmp(rs_model_kinds[i]->name, name) == 0)
			return rs_model_kinds[i];
	return NULL;
}

static bool
enum_has(const char *values, const char *v)
{
	size_t len = strlen(v);

	for (const char *p = values; p != NULL && *p != '\0';) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (n == len && strncmp(p, v, n) == 0)
			return true;
		p = bar ? bar + 1 : NULL;
	}
	return false;
}

/* Check one value against its spec; message into err. */
static bool
check_param(const rs_param_spec *ps, const char *v, rs_error *err)
{
	char *end;
	double x;

	switch (ps->type) {
	case RS_PARAM_INT:
	case RS_PARAM_NUM:
		x = strtod(v, &end);
		if (*v == '\0' || *end != '\0' || !isfinite(x) ||
		    (ps->type == RS_PARAM_INT && x != floor(x))) {
			rs_error_set(err, RS_EINVAL, "%s=%s is not %s", ps->name, v,
			    ps->type == RS_PARAM_INT ? "a whole number" : "a number");
			return false;
		}
		if (ps->min <= ps->max && (x < ps->min || x > ps->max)) {
			rs_error_set(err, RS_EINVAL, "%s=%s is out of range (%g to %g)",
			    ps->name, v, ps->min, ps->max);
			return false;
		}
		return true;
	case RS_PARAM_ENUM:
		if (!enum_has(ps->values, v)) {
			rs_error_set(err, RS_EINVAL, "%s=%s must be one of %s", ps->name,
			    v, ps->values);
			return false;
		}
		return true;
	case RS_PARAM_STR:
		break;
	}
	return true;
}

rs_model *
rs_model_new(const char *kindname, const char *name, char *const *keys,
    char *const *values, size_t n, rs_error *err)
{
	const rs_model_kind *k = rs_model_kind_find(kindname);
	rs_model *m;
	size_t np = 0;

	if (k == NULL) {
		char list[512] = "";
		for (size_t i = 0; rs_model_kinds[i] != NULL; i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
			    i ? ", " : "", rs_model_kinds[i]->name);
		rs_error_set(err, RS_EINVAL, "unknown model %s (models: %s)", kindname,
		    list);
		return NULL;
	}
	for (size_t j = 0; j < n; j++) {
		const rs_param_spec *ps = NULL;
		for (const rs_param_spec *p = k->params; p && p->name; p++)
			if (strcmp(p->name, keys[j]) == 0)
				ps = p;
		if (ps == NULL) {
			char list[512] = "";
			for (const rs_param_spec *p = k->params; p && p->name; p++)
				snprintf(list + strlen(list), sizeof list - strlen(list),
				    "%s%s", list[0] ? ", " : "", p->name);
			rs_error_set(err, RS_EINVAL, "model %s has no parameter %s%s%s%s",
			    k->name, keys[j], list[0] ? " (parameters: " : "", list,
			    list[0] ? ")" : "");
			return NULL;
		}
		if (!check_param(ps, values[j], err))
			return NULL;
	}
	m = xcalloc(1, sizeof *m);
	m->name = xstrdup(name);
	m->kind = k;
	for (const rs_param_spec *p = k->params; p && p->name; p++)
		np++;
	m->keys = xcalloc(np + 1, sizeof *m->keys);
	m->values = xcalloc(np + 1, sizeof *m->values);
	for (const rs_param_spec *p = k->params; p && p->name; p++) {
		const char *v = p->def ? p->def : "";
		for (size_t j = 0; j < n; j++)
			if (strcmp(p->name, keys[j]) == 0)
				v = values[j];
		m->keys[m->nparams] = xstrdup(p->name);
		m->values[m->nparams++] = xstrdup(v);
	}
	return m;
}

void
rs_model_free(rs_model *m)
{
	if (m == NULL)
		return;
	if (m->state != NULL && m->kind->free_state != NULL)
		m->kind->free_state(m);
	for (size_t i = 0; i < m->nparams; i++) {
		free(m->keys[i]);
		free(m->values[i]);
	}
	free(m->keys);
	free(m->values);
	free(m->name);
	rs_imat_free(m->train);
	free(m->popularity);
	free(m->history);
	free(m->valid_metric);
	free(m);
}

const char *
rs_model_param(const rs_model *m, const char *key)
{
	for (size_t i = 0; i < m->nparams; i++)
		if (strcmp(m->keys[i], key) == 0)
			return m->values[i];
	return NULL;
}

double
rs_model_param_num(const rs_model *m, const char *key)
{
	const char *v = rs_model_param(m, key);

	return v ? strtod(v, NULL) : NAN;
}

void
rs_fit_opts_init(rs_fit_opts *o)
{
	memset(o, 0, sizeof *o);
	o->patience = 3;
	o->valid_users = 1000;
}

/* ---- top-k by partial selection ---- */

/* a before b in the result: higher score, then lower index */
static bool
better(float sa, uint32_t a, float sb, uint32_t b)
{
	return sa > sb || (sa == sb && a < b);
}

size_t
rs_topk(const float *x, size_t n, const uint8_t *skip, size_t k, uint32_t *idx)
{
	size_t h = 0;

	if (k == 0)
		return 0;
	/* a min-heap of the best k so far: the root is the worst kept */
	for (size_t i = 0; i < n; i++) {
		size_t c;
		if ((skip != NULL && skip[i]) || isnan(x[i]))
			continue;
		if (h < k) {
			c = h++;
			while (c > 0 && better(x[idx[(c - 1) / 2]], idx[(c - 1) / 2],
			    x[i], (uint32_t)i)) {
				idx[c] = idx[(c - 1) / 2];
				c = (c - 1) / 2;
			}
			idx[c] = (uint32_t)i;
			continue;
		}
		if (!better(x[i], (uint32_t)i, x[idx[0]], idx[0]))
			continue;
		c = 0;
		for (;;) {
			size_t l = 2 * c + 1, r = l + 1, m = c;
			float mv = x[i];
			uint32_t mi = (uint32_t)i;
			if (l < h && better(mv, mi, x[idx[l]], idx[l])) {
				m = l;
				mv = x[idx[l]];
				mi = idx[l];
			}
			if (r < h && better(mv, mi, x[idx[r]], idx[r]))
				m = r;
			if (m == c)
				break;
			idx[c] = idx[m];
			c = m;
		}
		idx[c] = (uint32_t)i;
	}
	/* heap order to best-first: repeatedly move the worst to the end */
	for (size_t end = h; end > 1; end--) {
		uint32_t worst = idx[0], last = idx[end - 1];
		size_t c = 0;
		for (;;) {
			size_t l = 2 * c + 1, r = l + 1, m = c;
			uint32_t mi = last;
			if (l < end - 1 && better(x[mi], mi, x[idx[l]], idx[l])) {
				m = l;
				mi = idx[l];
			}
			if (r < end - 1 && better(x[mi], mi, x[idx[r]], idx[r]))
				m = r;
			if (m == c)
				break;
			idx[c] = idx[m];
			c = m;
		}
		idx[c] = last;
		idx[end - 1] = worst;
	}
	return h;
}

/* ---- scoring ---- */

static bool
has_history(const rs_model *m, uint32_t user)
{
	return m->train != NULL && user < m->train->nusers &&
	    m->train->uptr[user + 1] > m->train->uptr[user];
}

void
rs_model_score_user(const rs_model *m, uint32_t user, float *out)
{
	if (!has_history(m, user) || m->kind->score == NULL) {
		/* cold start: what most people watched */
		for (uint32_t i = 0; i < m->nitems; i++)
			out[i] = m->popularity != NULL ? m->popularity[i] : 0;
		return;
	}
	m->kind->score(m, &user, 1, out);
}

size_t
rs_model_recommend(const rs_model *m, uint32_t user, size_t k,
    bool exclude_seen, uint32_t *items, float *scores, bool *fallback)
{
	float *x = xmalloc((m->nitems ? m->nitems : 1) * sizeof *x);
	uint8_t *skip = NULL;
	size_t n;

	if (fallback != NULL)
		*fallback = !has_history(m, user);
	rs_model_score_user(m, user, x);
	if (exclude_seen && has_history(m, user)) {
		skip = xcalloc(m->nitems, 1);
		for (uint64_t q = m->train->uptr[user]; q < m->train->uptr[user + 1]; q++)
			skip[m->train->uidx[q]] = 1;
	}
	n = rs_topk(x, m->nitems, skip, k, items);
	for (size_t j = 0; scores != NULL && j < n; j++)
		scores[j] = x[items[j]];
	free(skip);
	free(x);
	return n;
}

/* ---- validation during training ---- */

/* NDCG@k (binary gains) or recall@k or hit@k on the validation rows of a
 * sample of users; RMSE for value models. Lower is better only for rmse. */
static double
validate(const rs_model *m, const rs_imat *valid, const char *metric,
    uint32_t max_users)
{
	uint32_t *users = xmalloc((valid->nusers ? valid->nusers : 1) * sizeof *users);
	uint32_t nu = 0, step;
	double total = 0, *part;
	size_t count = 0, *cnt;
	int k = 10;
	bool rmse = strcmp(metric, "rmse") == 0;
	const char *at = strchr(metric, '@');

	if (at != NULL)
		k = atoi(at + 1);
	for (uint32_t u = 0; u < valid->nusers; u++)
		if (valid->uptr[u + 1] > valid->uptr[u] && u < m->nusers)
			users[nu++] = u;
	step = max_users && nu > max_users ? (nu + max_users - 1) / max_users : 1;
	/* each user's figure in its own slot, summed in order afterwards: the
	 * same total whatever thread did which user (a reduction would not be) */
	part = xcalloc(nu ? nu : 1, sizeof *part);
	cnt = xcalloc(nu ? nu : 1, sizeof *cnt);
	#pragma omp parallel
	{
		float *x = xmalloc((m->nitems ? m->nitems : 1) * sizeof *x);
		uint32_t *top = xmalloc(((size_t)k + 1) * sizeof *top);
		uint8_t *skip = xcalloc(m->nitems ? m->nitems : 1, 1);
		#pragma omp for schedule(dynamic, 16)
		for (uint32_t j = 0; j < nu; j += step) {
			uint32_t u = users[j];
			uint64_t a = valid->uptr[u], b = valid->uptr[u + 1];
			rs_model_score_user(m, u, x);
			if (rmse) {
				for (uint64_t q = a; q < b; q++) {
					double d = x[valid->uidx[q]] - valid->uval[q];
					part[j] += d * d;
					cnt[j]++;
				}
				continue;
			}
			if (m->train != NULL && u < m->train->nusers)
				for (uint64_t q = m->train->uptr[u]; q < m->train->uptr[u + 1]; q++)
					skip[m->train->uidx[q]] = 1;
			/* as eval: held-out items seen in training are not ranked,
			 * so they do not count as relevant; a user with none left
			 * does not count */
			size_t nrel = 0;
			for (uint64_t q = a; q < b; q++)
				nrel += !skip[valid->uidx[q]];
			if (nrel > 0) {
				size_t n, hits = 0;
				double dcg = 0, idcg = 0;
				n = rs_topk(x, m->nitems, skip, (size_t)k, top);
				for (size_t r = 0; r < n; r++) {
					if (!isnan(rs_imat_get(valid, u, top[r]))) {
						dcg += 1.0 / log2(r + 2.0);
						hits++;
					}
				}
				for (size_t r = 0; r < (size_t)k && r < nrel; r++)
					idcg += 1.0 / log2(r + 2.0);
				if (strncmp(metric, "recall", 6) == 0)
					part[j] = (double)hits / (double)nrel;
				else if (strncmp(metric, "hit", 3) == 0)
					part[j] = hits > 0;
				else
					part[j] = idcg > 0 ? dcg / idcg : 0;
				cnt[j] = 1;
			}
			if (m->train != NULL && u < m->train->nusers)
				for (uint64_t q = m->train->uptr[u]; q < m->train->uptr[u + 1]; q++)
					skip[m->train->uidx[q]] = 0;
		}
		free(x);
		free(top);
		free(skip);
	}
	for (uint32_t j = 0; j < nu; j += step) {
		total += part[j];
		count += cnt[j];
	}
	free(part);
	free(cnt);
	free(users);
	if (count == 0)
		return NAN;
	return rmse ? sqrt(total / (double)count) : total / (double)count;
}

bool
rs_model_predicts_values(const rs_model *m)
{
	if (!m->kind->explicit_values ||
	    (m->train != NULL && !m->train->explicit_values))
		return false;
	return m->kind->predicts_values == NULL || m->state == NULL ||
	    m->kind->predicts_values(m);
}

/* What every fit starts from: the model's sizes, the training popularity
 * (cold users' fallback) and the validation metric. */
static void
fit_prepare(rs_model *m, const rs_imat *tr, const rs_fit_opts *o)
{
	m->nusers = tr->nusers;
	m->nitems = tr->nitems;
	free(m->popularity);
	m->popularity = xcalloc(tr->nitems ? tr->nitems : 1, sizeof *m->popularity);
	for (uint32_t i = 0; i < tr->nitems; i++)
		m->popularity[i] = (float)(tr->iptr[i + 1] - tr->iptr[i]);
	free(m->valid_metric);
	/* rmse only where the model predicts values: a rating kind (knn in its
	 * implicit mode, mf on 0/1 data) trained on 0/1 values ranks items */
	m->valid_metric = xstrdup(m->kind->validate ? m->kind->valid_name :
	    o->metric ? o->metric :
	    m->kind->explicit_values && tr->explicit_values ? "rmse" : "ndcg@10");
}

int
rs_model_fit(rs_model *m, const rs_train_ctx *ctx, const rs_fit_opts *o,
    rs_error *err)
{
	const rs_imat *tr = ctx->train;
	double t0 = wall_seconds();
	char task[256];
	int rc = 0;

	fit_prepare(m, tr, o);
	snprintf(task, sizeof task, "train %s", m->name);
	if (m->kind->epoch == NULL) {
		rc = m->kind->fit(m, ctx, err);
		m->fit_seconds = wall_seconds() - t0;
		if (rc == 0 && o->metric == NULL && !rs_model_predicts_values(m)) {
			/* the mode the fit chose ranks (knn's implicit mode) */
			free(m->valid_metric);
			m->valid_metric = xstrdup("ndcg@10");
		}
		if (rc == 0 && ctx->valid != NULL) {
			m->history = xcalloc(1, sizeof *m->history);
			m->nepochs = 1;
			m->history[0].epoch = 1;
			m->history[0].loss = NAN;
			m->history[0].valid = validate(m, ctx->valid, m->valid_metric,
			    o->valid_users);
			m->history[0].seconds = m->fit_seconds;
		}
		return rc;
	}
	{
		double pe = rs_model_param_num(m, "epochs");
		/* kinds counting rounds (fedmf) name their epochs rounds= */
		uint32_t epochs = o->epochs ? o->epochs :
		    isfinite(pe) ? (uint32_t)pe :
		    isfinite(rs_model_param_num(m, "rounds")) ?
		    (uint32_t)rs_model_param_num(m, "rounds") : 0;
		rs_train_ctx run;
		bool lower = strcmp(m->valid_metric, "rmse") == 0 ||
		    m->kind->validate != NULL;
		double best = NAN;
		void *snap = NULL;	/* the best epoch (or, without validation,
					   the last good one) */
		uint32_t last = 0;

		if (epochs == 0)
			epochs = 20;
		run = *ctx;
		run.epochs = epochs;
		ctx = &run;
		if (m->kind->begin != NULL && m->kind->begin(m, ctx, err) != 0)
			return -1;
		free(m->history);
		m->history = xcalloc(epochs, sizeof *m->history);
		m->nepochs = 0;
		m->best_epoch = 0;
		for (uint32_t e = 1; e <= epochs; e++) {
			double loss = NAN, v = NAN, te = wall_seconds();
			bool improved;
			rs_epoch *h;
			if (m->kind->epoch(m, ctx, e, &loss, err) != 0) {
				rc = -1;
				break;
			}
			if (!isfinite(loss)) {
				/* stop, keep the best good weights (the last good
				 * ones without validation), say where it broke */
				char kept[64] = "no good epoch to keep";
				if (snap != NULL)
					snprintf(kept, sizeof kept, "kept the weights of epoch %zu",
					    m->best_epoch);
				rs_error_set(err, RS_EINVAL,
				    "training loss became %s at epoch %u; %s (try a smaller learning rate)",
				    isnan(loss) ? "NaN" : "infinite", e, kept);
				rc = snap != NULL ? 1 : -1;
				break;
			}
			if (ctx->valid != NULL && m->kind->validate != NULL)
				v = m->kind->validate(m, ctx);
			else if (ctx->valid != NULL)
				v = validate(m, ctx->valid, m->valid_metric, o->valid_users);
			h = &m->history[m->nepochs++];
			h->epoch = last = e;
			h->loss = loss;
			h->valid = v;
			h->seconds = wall_seconds() - te;
			improved = ctx->valid == NULL || isnan(best) ||
			    (lower ? v < best : v > best);
			if (improved) {
				best = v;
				m->best_epoch = e;
				if (m->kind->snapshot != NULL) {
					if (snap != NULL)
						m->kind->free_snapshot(snap);
					snap = m->kind->snapshot(m);
				}
			} else if (o->patience > 0 && e - m->best_epoch >= o->patience &&
			    !(m->kind->warm_up && e < epochs / 4))
				break;
			if (rs_hooks_progress(ctx->hooks, task, e, epochs)) {
				m->interrupted = true;
				break;
			}
		}
		if (snap != NULL) {
			if (m->best_epoch != last || rc == 1)
				m->kind->restore(m, snap);
			m->kind->free_snapshot(snap);
		}
	}
	m->fit_seconds = wall_seconds() - t0;
	return rc;
}

size_t
rs_model_explain_features(const rs_model *m, uint32_t user, uint32_t item,
    rs_feature_reason *out, size_t max)
{
	if (m == NULL || m->kind->explain_features == NULL)
		return 0;
	return m->kind->explain_features(m, user, item, out, max);
}

size_t
rs_model_blend_parts(const rs_model *m, uint32_t user, uint32_t item,
    rs_blend_part *out, size_t max)
{
	if (m == NULL || m->kind->blend_parts == NULL)
		return 0;
	return m->kind->blend_parts(m, user, item, out, max);
}

int
rs_reason_cmp(const void *pa, const void *pb)
{
	const rs_reason *a = pa, *b = pb;
	double x = fabs(a->weight), y = fabs(b->weight);

	if (x != y)
		return x > y ? -1 : 1;
	if (a->is_user != b->is_user)
		return a->is_user ? 1 : -1;
	return (a->id > b->id) - (a->id < b->id);
}
