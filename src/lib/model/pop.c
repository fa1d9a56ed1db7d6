/* The baselines: most popular (all time or a recent window) and random. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/model.h"
#include "util/xmalloc.h"

/* ---- pop ---- */

static const rs_param_spec pop_params[] = {
	{ "window", RS_PARAM_NUM, "0", 0, 36500, NULL,
	  "count only the last N days of training (0: all of it)" },
	{ "half_life", RS_PARAM_NUM, "0", 0, 36500, NULL,
	  "time decay in days: an interaction t days before the latest counts 2^(-t/half_life) (0: no decay)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

/* The decayed counts as of t_now (exact sums in double; the floats the
 * score hook copies are kept beside them), so that an update only adds. */
struct pop_state {
	double *count;		/* nitems: sum of v * 2^(-(t_now - t) / half_life) */
	float *score;		/* nitems: count as floats */
	double t_now;		/* the latest time counted (NaN: none) */
	uint32_t n;		/* items the arrays hold */
};

static struct pop_state *
pop_state_new(uint32_t nitems)
{
	struct pop_state *st = xcalloc(1, sizeof *st);

	st->count = xcalloc(nitems ? nitems : 1, sizeof *st->count);
	st->score = xcalloc(nitems ? nitems : 1, sizeof *st->score);
	st->t_now = NAN;
	st->n = nitems;
	return st;
}

/* The floats scored and the model's cold-start popularity from the counts
 * (users without history get the model's own counts, decayed or windowed). */
static void
pop_publish(rs_model *m, struct pop_state *st)
{
	for (uint32_t i = 0; i < m->nitems; i++)
		st->score[i] = (float)st->count[i];
	if (m->popularity != NULL)
		memcpy(m->popularity, st->score, m->nitems * sizeof *st->score);
}

static int
pop_fit(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	double window = rs_model_param_num(m, "window"), latest = -INFINITY;
	double half_life = rs_model_param_num(m, "half_life") * 86400;
	struct pop_state *st = pop_state_new(t->nitems);

	(void)err;
	for (size_t k = 0; k < t->nnz; k++)
		if (t->utime[k] > latest)
			latest = t->utime[k];
	for (uint32_t u = 0; u < t->nusers; u++)
		for (uint64_t k = t->uptr[u]; k < t->uptr[u + 1]; k++) {
			double w = 1;
			/* rows without a time count only without a window */
			if (window > 0 && !(t->utime[k] >= latest - window * 86400))
				continue;
			/* and, decayed, count as of the latest time */
			if (half_life > 0 && isfinite(t->utime[k]))
				w = exp2(-(latest - t->utime[k]) / half_life);
			st->count[t->uidx[k]] += w;
		}
	st->t_now = isfinite(latest) ? latest : NAN;
	m->state = st;
	pop_publish(m, st);
	return 0;
}

/* Multiply every count by 2^(-dt / half_life): the clock moves dt on. */
static void
pop_decay(struct pop_state *st, uint32_t nitems, double dt, double half_life)
{
	double f = exp2(-dt / half_life);

	for (uint32_t i = 0; i < nitems; i++)
		st->count[i] *= f;
}

/* Events add v * 2^(-(t_now - t) / half_life) each. Within a batch the
 * counts stay on the clock of the batch's start (t_ref) and each event
 * adds v * 2^((t - t_ref) / half_life); one pass at the end brings them to
 * the latest time, so a batch costs O(events + items) rather than
 * O(events x items). The clock moves to t_ref early only when the factor
 * would grow past 2^512 (a long batch with a short half-life). */
static int
pop_update(rs_model *m, const rs_event *ev, size_t n, rs_error *err)
{
	struct pop_state *st = m->state;
	double half_life = rs_model_param_num(m, "half_life") * 86400;
	double t_ref, t_now;

	if (rs_model_param_num(m, "window") > 0) {
		rs_error_set(err, RS_EINVAL,
		    "model %s (pop window=%s) cannot learn from events: the window would need the events that leave it; use half_life= instead",
		    m->name, rs_model_param(m, "window"));
		return -1;
	}
	if (m->nitems > st->n) {
		/* rs_model_update grew the item space: new items start at 0 */
		st->count = xreallocarray(st->count, m->nitems, sizeof *st->count);
		st->score = xreallocarray(st->score, m->nitems, sizeof *st->score);
		for (uint32_t i = st->n; i < m->nitems; i++) {
			st->count[i] = 0;
			st->score[i] = 0;
		}
		st->n = m->nitems;
	}
	t_ref = t_now = st->t_now;
	for (size_t k = 0; k < n; k++) {
		double t = ev[k].time, w = ev[k].value;
		if (isfinite(t) && !(t <= t_now))
			t_now = t;	/* also the first time ever seen */
		if (half_life > 0) {
			if (!isfinite(t_ref))
				t_ref = t_now;
			if (!isfinite(t))
				t = t_now;	/* no time: counts as now */
			if (isfinite(t) && isfinite(t_ref)) {
				if ((t - t_ref) / half_life > 512) {
					pop_decay(st, m->nitems, t - t_ref, half_life);
					t_ref = t;
				}
				w *= exp2((t - t_ref) / half_life);
			}
		}
		st->count[ev[k].item] += w;
	}
	if (half_life > 0 && isfinite(t_ref) && isfinite(t_now) && t_now != t_ref)
		pop_decay(st, m->nitems, t_now - t_ref, half_life);
	st->t_now = t_now;
	pop_publish(m, st);
	return 0;
}

static void
pop_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const struct pop_state *st = m->state;

	for (size_t j = 0; j < nu; j++)
		memcpy(out + j * m->nitems, st->score, m->nitems * sizeof(float));
}

static size_t
pop_explain(const rs_model *m, uint32_t user, uint32_t item, rs_reason *out,
    size_t max)
{
	(void)m;
	(void)user;
	(void)item;
	(void)out;
	(void)max;
	return 0;	/* the score is the item's own popularity */
}

/* Without decay the scores as floats (the layout of files before
 * half_life); with it the exact counts and the clock, so updates after
 * open go on from the same sums. */
static int
pop_save(const rs_model *m, void **buf, size_t *len)
{
	const struct pop_state *st = m->state;

	if (rs_model_param_num(m, "half_life") > 0) {
		*len = m->nitems * sizeof(double) + sizeof(double);
		*buf = xmalloc(*len);
		memcpy(*buf, st->count, m->nitems * sizeof(double));
		memcpy((char *)*buf + m->nitems * sizeof(double), &st->t_now,
		    sizeof(double));
		return 0;
	}
	*len = m->nitems * sizeof(float);
	*buf = xmalloc(*len ? *len : 1);
	memcpy(*buf, st->score, *len);
	return 0;
}

static int
pop_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	struct pop_state *st;

	if (len != m->nitems * sizeof(float) &&
	    len != m->nitems * sizeof(double) + sizeof(double)) {
		rs_error_set(err, RS_EPARSE, "model %s: %zu bytes of scores for %u items",
		    m->name, len, m->nitems);
		return -1;
	}
	st = pop_state_new(m->nitems);
	if (len == m->nitems * sizeof(float)) {
		const float *f = buf;
		for (uint32_t i = 0; i < m->nitems; i++) {
			memcpy(&st->score[i], f + i, sizeof(float));
			st->count[i] = st->score[i];
		}
	} else {
		memcpy(st->count, buf, m->nitems * sizeof(double));
		memcpy(&st->t_now, (const char *)buf + m->nitems * sizeof(double),
		    sizeof(double));
		for (uint32_t i = 0; i < m->nitems; i++)
			st->score[i] = (float)st->count[i];
	}
	m->state = st;
	return 0;
}

static void
pop_free_state(rs_model *m)
{
	struct pop_state *st = m->state;

	if (st != NULL) {
		free(st->count);
		free(st->score);
		free(st);
	}
	m->state = NULL;
}

static void
free_state(rs_model *m)
{
	free(m->state);
	m->state = NULL;
}

const rs_model_kind rs_kind_pop = {
	.name = "pop",
	.help = "most popular items: training interactions per item, all time or in a recent window, optionally decayed with a half-life; learns from new events (update)",
	.params = pop_params,
	.fit = pop_fit,
	.score = pop_score,
	.explain = pop_explain,
	.save = pop_save,
	.load = pop_load,
	.free_state = pop_free_state,
	.update = pop_update,
};

/* ---- random ---- */

static const rs_param_spec random_params[] = {
	{ "seed", RS_PARAM_INT, "1", 0, 9007199254740992.0, NULL, "random seed" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static int
random_fit(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	uint64_t *seed = xmalloc(sizeof *seed);

	(void)ctx;
	(void)err;
	*seed = (uint64_t)rs_model_param_num(m, "seed");
	m->state = seed;
	return 0;
}

/* The same score for (seed, user, item) every time. */
static void
random_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	uint64_t seed = *(const uint64_t *)m->state;

	for (size_t j = 0; j < nu; j++)
		for (uint32_t i = 0; i < m->nitems; i++) {
			uint64_t z = seed * 0x9e3779b97f4a7c15ULL ^
			    ((uint64_t)users[j] << 32 | i) * 0xbf58476d1ce4e5b9ULL;
			z ^= z >> 31;
			z *= 0x94d049bb133111ebULL;
			z ^= z >> 29;
			out[j * m->nitems + i] = (float)((z >> 40) * 0x1.0p-24);
		}
}

static int
random_save(const rs_model *m, void **buf, size_t *len)
{
	*len = sizeof(uint64_t);
	*buf = xmalloc(*len);
	memcpy(*buf, m->state, *len);
	return 0;
}

static int
random_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	if (len != sizeof(uint64_t)) {
		rs_error_set(err, RS_EPARSE, "model %s: a random model's state is its seed",
		    m->name);
		return -1;
	}
	m->state = xmalloc(sizeof(uint64_t));
	memcpy(m->state, buf, len);
	return 0;
}

const rs_model_kind rs_kind_random = {
	.name = "random",
	.help = "random scores (seeded): the floor every model must beat",
	.params = random_params,
	.fit = random_fit,
	.score = random_score,
	.save = random_save,
	.load = random_load,
	.free_state = free_state,
};
