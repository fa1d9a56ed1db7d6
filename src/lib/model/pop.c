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
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static int
pop_fit(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	double window = rs_model_param_num(m, "window"), latest = -INFINITY;
	float *score = xcalloc(t->nitems ? t->nitems : 1, sizeof *score);

	(void)err;
	if (window > 0)
		for (size_t k = 0; k < t->nnz; k++)
			if (t->utime[k] > latest)
				latest = t->utime[k];
	for (uint32_t u = 0; u < t->nusers; u++)
		for (uint64_t k = t->uptr[u]; k < t->uptr[u + 1]; k++) {
			/* rows without a time count only without a window */
			if (window > 0 && !(t->utime[k] >= latest - window * 86400))
				continue;
			score[t->uidx[k]] += 1;
		}
	/* users without history fall back to m->popularity: for this kind that
	 * is its own (recent-window) count, not the all-time one */
	if (m->popularity != NULL)
		memcpy(m->popularity, score, t->nitems * sizeof *score);
	m->state = score;
	return 0;
}

static void
pop_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	for (size_t j = 0; j < nu; j++)
		memcpy(out + j * m->nitems, m->state, m->nitems * sizeof(float));
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

static int
floats_save(const rs_model *m, void **buf, size_t *len)
{
	*len = m->nitems * sizeof(float);
	*buf = xmalloc(*len ? *len : 1);
	memcpy(*buf, m->state, *len);
	return 0;
}

static int
floats_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	if (len != m->nitems * sizeof(float)) {
		rs_error_set(err, RS_EPARSE, "model %s: %zu bytes of scores for %u items",
		    m->name, len, m->nitems);
		return -1;
	}
	m->state = xmalloc(len ? len : 1);
	memcpy(m->state, buf, len);
	return 0;
}

static void
free_state(rs_model *m)
{
	free(m->state);
	m->state = NULL;
}

const rs_model_kind rs_kind_pop = {
	.name = "pop",
	.help = "most popular items: training interactions per item, all time or in a recent window",
	.params = pop_params,
	.fit = pop_fit,
	.score = pop_score,
	.explain = pop_explain,
	.save = floats_save,
	.load = floats_load,
	.free_state = free_state,
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
