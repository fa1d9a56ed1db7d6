/* Evaluating one model: score blocks of users, rank candidates by partial selection, fill per-user metrics. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "reelscope/eval.h"
#include "eval/eval-int.h"
#include "util/clock.h"
#include "util/random.h"
#include "util/xmalloc.h"

/* Where each (family, cutoff) lands in the result's metric columns. */
struct layout {
	int col[MF_COUNT][RS_EVAL_MAX_K];
};

/* Per-thread scratch, sized for the whole catalogue. */
struct scratch {
	uint8_t *skip;		/* items seen in training */
	uint8_t *rel;		/* relevant items */
	int32_t *pos;		/* item -> index in the user's held-out pairs */
	uint32_t *cand;		/* compact candidates (observed, sampled) */
	float *cs;		/* their scores */
	uint32_t *other;	/* non-relevant candidates to sample from */
	float *posv;		/* scores of the relevant items */
	uint32_t *top, *topc;
	uint8_t *rel_at;
};

static void
add_metric(rs_eval_result *r, struct layout *L, int f, size_t ki, uint32_t k)
{
	char buf[64];
	const struct metric_family_info *mf = &rs_metric_families[f];

	if (mf->at_k)
		snprintf(buf, sizeof buf, "%s@%u", mf->name, k);
	else
		snprintf(buf, sizeof buf, "%s", mf->name);
	r->names = xreallocarray(r->names, r->nmetrics + 1, sizeof *r->names);
	r->scope = xreallocarray(r->scope, r->nmetrics + 1, 1);
	r->sense = xreallocarray(r->sense, r->nmetrics + 1, 1);
	r->names[r->nmetrics] = xstrdup(buf);
	r->scope[r->nmetrics] = (uint8_t)mf->scope;
	r->sense[r->nmetrics] = (uint8_t)mf->sense;
	L->col[f][ki] = (int)r->nmetrics++;
}

/* The metric columns a model gets under a protocol, in report order. */
static void
layout_metrics(const rs_eval_ctx *c, const rs_model *m, rs_eval_result *r,
    struct layout *L)
{
	static const int ranking[] = { MF_PRECISION, MF_RECALL, MF_NDCG, MF_MAP,
		MF_MRR, MF_HIT };
	static const int beyond[] = { MF_ITEM_COV, MF_CREATOR_COV, MF_NOVELTY,
		MF_DIVERSITY, MF_POPULARITY };
	static const int video[] = { MF_WATCH, MF_COMPLETION, MF_EFFECTIVE,
		MF_DWELL, MF_LIKE };

	for (int f = 0; f < MF_COUNT; f++)
		for (size_t k = 0; k < RS_EVAL_MAX_K; k++)
			L->col[f][k] = -1;
	/* values are predicted by value kinds trained on values, not on 0/1,
	 * in a mode that predicts them */
	if (c->tval != NULL && rs_model_predicts_values(m)) {
		add_metric(r, L, MF_RMSE, 0, 0);
		add_metric(r, L, MF_MAE, 0, 0);
	}
	for (size_t ki = 0; ki < c->o.nks; ki++)
		for (size_t j = 0; j < sizeof ranking / sizeof *ranking; j++)
			add_metric(r, L, ranking[j], ki, c->o.ks[ki]);
	add_metric(r, L, MF_AUC, 0, 0);
	for (size_t ki = 0; ki < c->o.nks; ki++)
		for (size_t j = 0; j < sizeof beyond / sizeof *beyond; j++) {
			if (beyond[j] == MF_CREATOR_COV && (c->item_creator == NULL ||
			    c->ncreators == 0))
				continue;
			if (beyond[j] == MF_DIVERSITY && c->cptr == NULL)
				continue;
			add_metric(r, L, beyond[j], ki, c->o.ks[ki]);
		}
	if (c->twatch == NULL)
		return;
	for (size_t ki = 0; ki < c->o.nks; ki++)
		for (size_t j = 0; j < sizeof video / sizeof *video; j++) {
			if ((video[j] == MF_DWELL && c->tdwell == NULL) ||
			    (video[j] == MF_LIKE && c->tlike == NULL))
				continue;
			add_metric(r, L, video[j], ki, c->o.ks[ki]);
		}
}

static void
scratch_init(struct scratch *s, const rs_eval_ctx *c, uint32_t kmax)
{
	size_t n = c->nitems ? c->nitems : 1;

	s->skip = xcalloc(n, 1);
	s->rel = xcalloc(n, 1);
	s->pos = xmalloc(n * sizeof *s->pos);
	for (size_t i = 0; i < n; i++)
		s->pos[i] = -1;
	s->cand = xmalloc(n * sizeof *s->cand);
	s->cs = xmalloc(n * sizeof *s->cs);
	s->other = xmalloc(n * sizeof *s->other);
	s->posv = xmalloc(n * sizeof *s->posv);
	s->top = xmalloc(((size_t)kmax + 1) * sizeof *s->top);
	s->topc = xmalloc(((size_t)kmax + 1) * sizeof *s->topc);
	s->rel_at = xmalloc((size_t)kmax + 1);
}

static void
scratch_free(struct scratch *s)
{
	free(s->skip);
	free(s->rel);
	free(s->pos);
	free(s->cand);
	free(s->cs);
	free(s->other);
	free(s->posv);
	free(s->top);
	free(s->topc);
	free(s->rel_at);
}

/* In-place sorts without a comparison callback (qsort's indirect calls
 * cost more than the sorting itself on a few hundred keys per user):
 * quicksort with a median-of-three pivot, insertion sort below 16 keys,
 * recursion on the smaller side. */
#define DEFINE_SORT(name, T) \
static void \
name(T *v, size_t n) \
{ \
	while (n > 16) { \
		T a = v[0], b = v[n / 2], c = v[n - 1], p, t; \
		size_t i = 0, j = n - 1; \
		p = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b); \
		for (;;) { \
			while (v[i] < p) \
				i++; \
			while (p < v[j]) \
				j--; \
			if (i >= j) \
				break; \
			t = v[i]; \
			v[i++] = v[j]; \
			v[j--] = t; \
		} \
		if (j + 1 < n - j - 1) { \
			name(v, j + 1); \
			v += j + 1; \
			n -= j + 1; \
		} else { \
			name(v + j + 1, n - j - 1); \
			n = j + 1; \
		} \
	} \
	for (size_t i = 1; i < n; i++) { \
		T x = v[i]; \
		size_t j = i; \
		while (j > 0 && x < v[j - 1]) { \
			v[j] = v[j - 1]; \
			j--; \
		} \
		v[j] = x; \
	} \
}

DEFINE_SORT(sort_floats, float)
DEFINE_SORT(sort_items, uint32_t)

/* a hash of z (the splitmix64 step without its state), iterated below */
static uint64_t
mix64(uint64_t z)
{
	return rnd_mix(z + 0x9e3779b97f4a7c15ULL);
}

/* Keep n of other[0..no) chosen uniformly (partial Fisher-Yates with a
 * generator seeded by (seed, user)), ascending. Returns how many. */
static size_t
sample_negatives(uint32_t *other, size_t no, size_t n, uint64_t seed,
    uint32_t user)
{
	uint64_t state = mix64(seed ^ mix64((uint64_t)user + 1));

	if (n >= no)
		return no;
	for (size_t i = 0; i < n; i++) {
		size_t j;
		uint32_t t;
		state = mix64(state);
		j = i + (size_t)(state % (uint64_t)(no - i));
		t = other[i];
		other[i] = other[j];
		other[j] = t;
	}
	sort_items(other, n);
	return n;
}

/* Mark the user's training items (skipped) and test items (their position,
 * relevance) in the scratch, and collect the relevant items' scores sorted,
 * as AUC wants them. Returns the number of relevant items. */
static size_t
user_mark(const rs_eval_ctx *c, uint32_t e, const float *row, struct scratch *s)
{
	uint32_t u = c->users[e];
	uint64_t a = c->tptr[e], b = c->tptr[e + 1];
	size_t nrel = 0;

	for (uint64_t q = c->sptr[u]; q < c->sptr[u + 1]; q++)
		s->skip[c->sidx[q]] = 1;
	for (uint64_t q = a; q < b; q++) {
		s->pos[c->titem[q]] = (int32_t)(q - a);
		if (c->trel[q]) {
			float v = row[c->titem[q]];
			s->rel[c->titem[q]] = 1;
			s->posv[nrel++] = isnan(v) ? -INFINITY : v;
		}
	}
	sort_floats(s->posv, nrel);
	return nrel;
}

/* The top kmax into s->top, over the whole catalogue or, when compact,
 * over the candidates (the observed block's unseen items, or the relevant
 * ones and sampled negatives) whose scores go to s->cs. Returns the list's
 * length; *ncand is the number of candidates. */
static size_t
user_rank(const rs_eval_ctx *c, uint32_t u, const float *row, bool compact,
    uint32_t kmax, struct scratch *s, size_t *ncand)
{
	size_t n, nc = 0;

	if (!compact) {
		*ncand = c->nitems;
		return rs_topk(row, c->nitems, s->skip, kmax, s->top);
	}
	/* candidates in ascending item order, so ties break by item index
	 * as in full ranking; scanning the catalogue beats sorting */
	if (c->o.sampled == 0) {
		/* the block's items the user has not seen */
		for (uint32_t i = 0; i < c->nitems; i++)
			if (s->pos[i] >= 0 && !s->skip[i])
				s->cand[nc++] = i;
	} else {
		size_t no = 0;
		for (uint32_t i = 0; i < c->nitems; i++)
			if (!s->skip[i] && !s->rel[i] && (!c->observed || s->pos[i] >= 0))
				s->other[no++] = i;
		no = sample_negatives(s->other, no, c->o.sampled, c->o.seed, u);
		for (size_t j = 0; j < no; j++)
			s->rel[s->other[j]] = 2;	/* a sampled negative */
		for (uint32_t i = 0; i < c->nitems; i++)
			if (s->rel[i])
				s->cand[nc++] = i;
		for (size_t j = 0; j < no; j++)
			s->rel[s->other[j]] = 0;
	}
	for (size_t j = 0; j < nc; j++)
		s->cs[j] = row[s->cand[j]];
	n = rs_topk(s->cs, nc, NULL, kmax, s->topc);
	for (size_t j = 0; j < n; j++)
		s->top[j] = s->cand[s->topc[j]];
	*ncand = nc;
	return n;
}

/* Short video: the watch figures of the top nk items that have an observed
 * watch ratio (the others were never shown, so they say nothing). */
static void
user_watch(const rs_eval_ctx *c, const struct layout *L, size_t ki, uint64_t a,
    const struct scratch *s, size_t nk, double *out)
{
	size_t seen = 0, done = 0, eff = 0, liked = 0, nl = 0;
	double wsum = 0, dsum = 0;

	for (size_t j = 0; j < nk; j++) {
		int32_t p = s->pos[s->top[j]];
		double w;
		if (p < 0 || isnan(w = c->twatch[a + (uint64_t)p]))
			continue;
		seen++;
		wsum += w;
		done += w >= 1;
		eff += w >= c->o.effective;
		if (c->tdwell != NULL && !isnan(c->tdwell[a + (uint64_t)p]))
			dsum += c->tdwell[a + (uint64_t)p];
		if (c->tlike != NULL && !isnan(c->tlike[a + (uint64_t)p])) {
			nl++;
			liked += c->tlike[a + (uint64_t)p] > 0;
		}
	}
	out[L->col[MF_WATCH][ki]] = seen ? wsum / (double)seen : NAN;
	out[L->col[MF_COMPLETION][ki]] = seen ? (double)done / (double)seen : NAN;
	out[L->col[MF_EFFECTIVE][ki]] = seen ? (double)eff / (double)seen : NAN;
	if (L->col[MF_DWELL][ki] >= 0)
		out[L->col[MF_DWELL][ki]] = seen ? dsum : NAN;
	if (L->col[MF_LIKE][ki] >= 0)
		out[L->col[MF_LIKE][ki]] = nl ? (double)liked / (double)nl : NAN;
}

/* The list metrics at each k: accuracy, beyond accuracy, short video. */
static void
user_list_metrics(const rs_eval_ctx *c, const struct layout *L, uint64_t a,
    struct scratch *s, size_t n, size_t nrel, double *out)
{
	for (size_t j = 0; j < n; j++)
		s->rel_at[j] = s->rel[s->top[j]] == 1;
	for (size_t ki = 0; ki < c->o.nks; ki++) {
		size_t k = c->o.ks[ki], nk = n < k ? n : k;
		rs_rank_metrics rm;
		double nov = 0, popm = 0;
		rs_rank_metrics_at(s->rel_at, n, k, nrel, &rm);
		out[L->col[MF_PRECISION][ki]] = rm.precision;
		out[L->col[MF_RECALL][ki]] = rm.recall;
		out[L->col[MF_NDCG][ki]] = rm.ndcg;
		out[L->col[MF_MAP][ki]] = rm.map;
		out[L->col[MF_MRR][ki]] = rm.mrr;
		out[L->col[MF_HIT][ki]] = rm.hit;
		/* beyond accuracy */
		for (size_t j = 0; j < nk; j++) {
			double p = c->pop[s->top[j]];
			nov += -log2((p > 1 ? p : 1) / c->popsum);
			popm += p;
		}
		out[L->col[MF_NOVELTY][ki]] = nk && c->popsum > 0 ? nov / (double)nk : NAN;
		out[L->col[MF_POPULARITY][ki]] = nk ? popm / (double)nk : NAN;
		if (L->col[MF_DIVERSITY][ki] >= 0)
			out[L->col[MF_DIVERSITY][ki]] = rs_list_diversity(s->top, nk,
			    c->cptr, c->ctok);
		if (L->col[MF_WATCH][ki] >= 0)
			user_watch(c, L, ki, a, s, nk, out);
	}
}

/* Rating errors over the user's test pairs; a cold user is predicted the
 * training mean. The sums are kept per user for the pooled headline. */
static void
user_ratings(const rs_eval_ctx *c, const rs_model *m, const struct layout *L,
    uint32_t e, const float *row, bool cold, rs_eval_result *r, double *out)
{
	double sq = 0, ab = 0, mean = m->train != NULL ? m->train->mean : NAN;
	uint32_t np = 0;

	for (uint64_t q = c->tptr[e]; q < c->tptr[e + 1]; q++) {
		double v = c->tval[q];
		double pred = cold ? mean : row[c->titem[q]];
		if (isnan(v) || isnan(pred))
			continue;
		sq += (pred - v) * (pred - v);
		ab += fabs(pred - v);
		np++;
	}
	r->sq_err[e] = sq;
	r->abs_err[e] = ab;
	r->npairs[e] = np;
	out[L->col[MF_RMSE][0]] = np ? sqrt(sq / np) : NAN;
	out[L->col[MF_MAE][0]] = np ? ab / np : NAN;
}

/* Everything about one user: candidates, top k, metrics into out[]. */
static void
eval_user(const rs_eval_ctx *c, const rs_model *m, const struct layout *L,
    uint32_t e, float *row, bool cold, struct scratch *s,
    rs_eval_result *r)
{
	uint32_t u = c->users[e], kmax = r->kmax;
	uint64_t a = c->tptr[e], b = c->tptr[e + 1];
	double *out = r->per_user + (size_t)e * r->nmetrics;
	size_t nrel, n, ncand;
	bool compact = c->observed || c->o.sampled > 0;
	float *v;

	nrel = user_mark(c, e, row, s);
	n = user_rank(c, u, row, compact, kmax, s, &ncand);
	for (size_t j = 0; j < kmax; j++) {
		r->lists[(size_t)e * kmax + j] = j < n ? s->top[j] : RS_NONE;
		r->list_scores[(size_t)e * kmax + j] = j < n ? row[s->top[j]] : NAN;
	}
	user_list_metrics(c, L, a, s, n, nrel, out);
	if (L->col[MF_RMSE][0] >= 0)
		user_ratings(c, m, L, e, row, cold, r, out);
	/* AUC last: it needs NaN (never recommended) as -inf, in place */
	v = compact ? s->cs : row;
	for (size_t i = 0; i < ncand; i++)
		if (isnan(v[i]))
			v[i] = -INFINITY;
	if (compact)
		out[L->col[MF_AUC][0]] = rs_auc_sorted(s->posv, nrel, v, ncand, NULL, 0);
	else
		out[L->col[MF_AUC][0]] = rs_auc_sorted(s->posv, nrel, v, ncand,
		    c->sidx + c->sptr[u], c->sptr[u + 1] - c->sptr[u]);
	/* clean the scratch for the next user */
	for (uint64_t q = c->sptr[u]; q < c->sptr[u + 1]; q++)
		s->skip[c->sidx[q]] = 0;
	for (uint64_t q = a; q < b; q++) {
		s->pos[c->titem[q]] = -1;
		s->rel[c->titem[q]] = 0;
	}
}

static bool
has_history(const rs_model *m, uint32_t u)
{
	return m->train != NULL && u < m->train->nusers &&
	    m->train->uptr[u + 1] > m->train->uptr[u];
}

/* Distinct items (with training rows) and creators over every list's top k. */
static void
coverage(const rs_eval_ctx *c, rs_eval_result *r, const struct layout *L)
{
	uint8_t *iseen = xcalloc(c->nitems ? c->nitems : 1, 1);
	uint8_t *cseen = xcalloc(c->ncreators ? c->ncreators : 1, 1);

	for (size_t ki = 0; ki < c->o.nks; ki++) {
		size_t ni = 0, nc = 0;
		memset(iseen, 0, c->nitems ? c->nitems : 1);
		memset(cseen, 0, c->ncreators ? c->ncreators : 1);
		for (uint32_t e = 0; e < r->nusers; e++)
			for (uint32_t j = 0; j < c->o.ks[ki] && j < r->kmax; j++) {
				uint32_t it = r->lists[(size_t)e * r->kmax + j], cr;
				if (it == RS_NONE)
					break;
				if (!iseen[it] && c->pop[it] > 0) {
					iseen[it] = 1;
					ni++;
				}
				if (c->item_creator != NULL &&
				    (cr = c->item_creator[it]) != RS_NONE && cr < c->ncreators &&
				    !cseen[cr]) {
					cseen[cr] = 1;
					nc++;
				}
			}
		r->value[L->col[MF_ITEM_COV][ki]] = c->trained_items ?
		    (double)ni / c->trained_items : NAN;
		r->defined[L->col[MF_ITEM_COV][ki]] = r->nusers;
		if (L->col[MF_CREATOR_COV][ki] >= 0) {
			r->value[L->col[MF_CREATOR_COV][ki]] = (double)nc / c->ncreators;
			r->defined[L->col[MF_CREATOR_COV][ki]] = r->nusers;
		}
	}
	free(iseen);
	free(cseen);
}

/* Headline values: means over users where defined; rmse/mae over pairs. */
static void
headlines(rs_eval_result *r)
{
	for (size_t j = 0; j < r->nmetrics; j++) {
		double sum = 0, sq = 0, ab = 0, np = 0;
		uint32_t n = 0;
		if (r->scope[j] == RS_SCOPE_GLOBAL)
			continue;
		for (uint32_t e = 0; e < r->nusers; e++) {
			double v = r->per_user[(size_t)e * r->nmetrics + j];
			if (isnan(v))
				continue;
			sum += v;
			n++;
			if (r->scope[j] == RS_SCOPE_PAIR) {
				sq += r->sq_err[e];
				ab += r->abs_err[e];
				np += r->npairs[e];
			}
		}
		r->defined[j] = n;
		if (r->scope[j] == RS_SCOPE_PAIR) {
			r->value[j] = np > 0 ? (strcmp(r->names[j], "rmse") == 0 ?
			    sqrt(sq / np) : ab / np) : NAN;
			r->rated_pairs = (size_t)np;
		} else
			r->value[j] = n ? sum / n : NAN;
	}
}

/* A result with its labels and every per-user array allocated, metrics
 * NaN until measured. */
static rs_eval_result *
eval_result_new(const rs_eval_ctx *c, const rs_model *m, struct layout *L)
{
	rs_eval_result *r = xcalloc(1, sizeof *r);
	size_t nm;
	char p[256];

	r->model = xstrdup(m->name);
	r->kind = xstrdup(m->kind->name);
	r->relevance = xstrdup(c->relevance_text);
	r->diversity_col = c->cat_col ? xstrdup(c->cat_col) : NULL;
	r->sampled = c->o.sampled;
	r->observed = c->observed;
	r->nks = c->o.nks;
	memcpy(r->ks, c->o.ks, sizeof r->ks);
	r->kmax = c->o.ks[c->o.nks - 1];
	layout_metrics(c, m, r, L);
	r->short_video = L->col[MF_WATCH][0] >= 0;
	r->biased = r->short_video && c->biased;
	snprintf(p, sizeof p, "%s, %s part%s%s",
	    c->o.sampled ? "sampled candidates" : c->observed ?
	    "ranking the observed block's items" : "full ranking",
	    c->o.part == 1 ? "validation" : "test",
	    c->o.cold == RS_COLD_EXCLUDE ? ", cold users excluded" :
	    c->o.cold == RS_COLD_ONLY ? ", cold users only" : "",
	    c->o.sampled ? " (sampled metrics are inflated)" : "");
	r->cold = c->o.cold;
	r->cold_counted = true;
	r->heldout_users = c->heldout_users;
	r->cold_users = c->cold_users;
	r->protocol = xstrdup(p);
	nm = r->nmetrics;
	r->nusers = c->neval;
	r->users = xmalloc((c->neval ? c->neval : 1) * sizeof *r->users);
	memcpy(r->users, c->users, c->neval * sizeof *r->users);
	r->per_user = xmalloc(((size_t)c->neval * nm + 1) * sizeof *r->per_user);
	for (size_t i = 0; i < (size_t)c->neval * nm; i++)
		r->per_user[i] = NAN;
	r->value = xmalloc(nm * sizeof *r->value);
	for (size_t j = 0; j < nm; j++)
		r->value[j] = NAN;
	r->defined = xcalloc(nm, sizeof *r->defined);
	r->sq_err = xcalloc(c->neval ? c->neval : 1, sizeof *r->sq_err);
	r->abs_err = xcalloc(c->neval ? c->neval : 1, sizeof *r->abs_err);
	r->npairs = xcalloc(c->neval ? c->neval : 1, sizeof *r->npairs);
	r->lists = xmalloc(((size_t)c->neval * r->kmax + 1) * sizeof *r->lists);
	r->list_scores = xmalloc(((size_t)c->neval * r->kmax + 1) * sizeof *r->list_scores);
	return r;
}

/* What one block of users needs: the model's scores (one row per user), the
 * row of each user, the warm users handed to the kind, per-thread scratch
 * and the popularity row cold users fall back to. */
struct eval_block {
	float *buf;
	uint32_t *rowof, *warm;
	const float *popf;
	struct scratch *sc;
};

/* Score one block of users, warm ones first (one call to the kind), cold
 * ones on popularity, then measure every user of the block in parallel. */
static void
eval_block_run(const rs_eval_ctx *c, const rs_model *m, const struct layout *L,
    uint32_t e0, uint32_t nb, struct eval_block *k, rs_eval_result *r)
{
	bool imported = m->kind->imported;
	uint32_t nw = 0, ncold = 0;

	for (uint32_t j = 0; j < nb; j++) {
		uint32_t u = c->users[e0 + j];
		if (m->kind->score != NULL && (imported || has_history(m, u)))
			k->warm[nw++] = u;
	}
	if (nw > 0)
		m->kind->score(m, k->warm, nw, k->buf);
	for (uint32_t j = 0, w = 0; j < nb; j++) {
		uint32_t u = c->users[e0 + j];
		if (m->kind->score != NULL && (imported || has_history(m, u)))
			k->rowof[j] = w++;
		else {
			float *row = k->buf + (size_t)(nw + ncold) * c->nitems;
			memcpy(row, k->popf, c->nitems * sizeof *row);
			k->rowof[j] = nw + ncold++;
		}
	}
	r->fallback_users += ncold;
	#pragma omp parallel for schedule(dynamic, 4)
	for (uint32_t j = 0; j < nb; j++) {
		int t = 0;
#ifdef _OPENMP
		t = omp_get_thread_num();
#endif
		eval_user(c, m, L, e0 + j, k->buf + (size_t)k->rowof[j] * c->nitems,
		    k->rowof[j] >= nw, &k->sc[t], r);
	}
}

rs_eval_result *
rs_eval_run(const rs_eval_ctx *c, const rs_model *m, rs_error *err)
{
	rs_eval_result *r;
	struct layout L;
	struct eval_block k;
	int nthreads = 1;
	size_t block;
	float *popc = NULL;
	double t0 = wall_seconds(), c0 = cpu_seconds();
	char task[256];

	if (m->nitems != 0 && m->nitems != c->nitems) {
		rs_error_set(err, RS_ESTATE,
		    "model %s was trained on %u items but the data has %u: retrain it on the current data",
		    m->name, m->nitems, c->nitems);
		return NULL;
	}
	r = eval_result_new(c, m, &L);
	k.popf = m->popularity;
	if (k.popf == NULL) {
		popc = xmalloc((c->nitems ? c->nitems : 1) * sizeof *popc);
		for (uint32_t i = 0; i < c->nitems; i++)
			popc[i] = (float)c->pop[i];
		k.popf = popc;
	}
#ifdef _OPENMP
	nthreads = omp_get_max_threads();
#endif
	k.sc = xcalloc((size_t)nthreads, sizeof *k.sc);
	for (int t = 0; t < nthreads; t++)
		scratch_init(&k.sc[t], c, r->kmax);
	/* blocks of about 8 M scores: large enough for level-3 BLAS */
	block = c->nitems ? ((size_t)8 << 20) / c->nitems : 1024;
	if (block < 16)
		block = 16;
	if (block > 1024)
		block = 1024;
	if (block > c->neval)
		block = c->neval ? c->neval : 1;
	k.buf = xmalloc(block * (c->nitems ? c->nitems : 1) * sizeof *k.buf);
	k.rowof = xmalloc(block * sizeof *k.rowof);
	k.warm = xmalloc(block * sizeof *k.warm);
	snprintf(task, sizeof task, "eval %s", m->name);
	for (uint32_t e0 = 0; e0 < c->neval; e0 += (uint32_t)block) {
		uint32_t nb = c->neval - e0 < block ? c->neval - e0 : (uint32_t)block;
		eval_block_run(c, m, &L, e0, nb, &k, r);
		if (rs_hooks_progress(c->o.hooks, task, e0 + nb, c->neval)) {
			rs_error_set(err, RS_ECANCEL,
			    "interrupted (%s: %u of %u users ranked)", m->name,
			    e0 + nb, c->neval);
			rs_eval_result_free(r);
			r = NULL;
			break;
		}
	}
	for (int t = 0; t < nthreads; t++)
		scratch_free(&k.sc[t]);
	free(k.sc);
	free(k.buf);
	free(k.rowof);
	free(k.warm);
	free(popc);
	if (r == NULL)
		return NULL;
	headlines(r);
	coverage(c, r, &L);
	r->ranking_users = 0;
	for (uint32_t e = 0; e < r->nusers; e++)
		r->ranking_users += !isnan(r->per_user[(size_t)e * r->nmetrics +
		    L.col[MF_PRECISION][0]]);
	r->seconds = wall_seconds() - t0;
	r->cpu_seconds = cpu_seconds() - c0;
	return r;
}

void
rs_eval_result_free(rs_eval_result *r)
{
	if (r == NULL)
		return;
	for (size_t j = 0; j < r->nmetrics; j++)
		free(r->names[j]);
	free(r->names);
	free(r->scope);
	free(r->sense);
	free(r->value);
	free(r->defined);
	free(r->users);
	free(r->per_user);
	free(r->sq_err);
	free(r->abs_err);
	free(r->npairs);
	free(r->lists);
	free(r->list_scores);
	free(r->model);
	free(r->kind);
	free(r->protocol);
	free(r->relevance);
	free(r->diversity_col);
	free(r);
}

int
rs_eval_metric_index(const rs_eval_result *r, const char *name)
{
	for (size_t j = 0; j < r->nmetrics; j++)
		if (strcmp(r->names[j], name) == 0)
			return (int)j;
	return -1;
}
