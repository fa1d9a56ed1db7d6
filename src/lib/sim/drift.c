/* Drifting tastes (generate drift=RATE): each user's favourite category hands its affinity over to another one day by day; the ground truth in truth/drift.csv. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "sim/sim.h"
#include "util/xmalloc.h"

/* Each real user's favourite category (from) and the one its taste moves
 * to (to, another drawn at random). Only called with drift > 0, from a
 * stream of its own: the rest of the world is drawn as without drift. */
void
sim_drift_build(struct world *w)
{
	const rs_sim_params *p = w->p;
	struct rng r;

	w->d_from = xcalloc((size_t)w->nusers + 1, sizeof *w->d_from);
	w->d_to = xcalloc((size_t)w->nusers + 1, sizeof *w->d_to);
	if (w->ncat < 2)
		return;		/* nowhere to go: from == to, no drift */
	for (uint32_t u = 0; u < w->nusers; u++) {
		const float *aff = w->u_aff + (size_t)u * w->ncat;
		uint16_t from = 0, to;
		for (uint32_t c = 1; c < w->ncat; c++)
			if (aff[c] > aff[from])
				from = (uint16_t)c;
		sim_rng_stream(&r, p->seed, RS_DRIFT, u);
		to = (uint16_t)sim_rng_below(&r, w->ncat - 1);
		if (to >= from)
			to++;
		w->d_from[u] = from;
		w->d_to[u] = to;
	}
}

void
sim_drift_free(struct world *w)
{
	free(w->d_from);
	free(w->d_to);
	w->d_from = w->d_to = NULL;
}

/* How far user u's taste has moved at time ms: 0 at the start, rate per
 * day, 1 once the move is complete. */
static double
drift_progress(const struct world *w, int64_t ms)
{
	double days = (double)(ms - w->start_ms) / 86400000.0, x;

	x = w->p->drift * (days > 0 ? days : 0);
	return x < 1 ? x : 1;
}

/* The affinity gap the move hands over: aff[from] - aff[to]. */
static double
drift_gap(const struct world *w, uint32_t u)
{
	const float *aff = w->u_aff + (size_t)u * w->ncat;

	return (double)aff[w->d_from[u]] - aff[w->d_to[u]];
}

double
sim_drift_delta(const struct world *w, uint32_t u, uint32_t v, int64_t ms)
{
	double d;

	if (w->d_from == NULL || u >= w->nusers || w->d_from[u] == w->d_to[u])
		return 0;
	d = drift_progress(w, ms) * drift_gap(w, u);
	/* the first category moves fully, the second by half, as in
	 * sim_world_pref */
	return (w->v_cat[v] == w->d_to[u] ? d : w->v_cat[v] == w->d_from[u] ? -d : 0) +
	    (w->v_cat2[v] == w->d_to[u] ? 0.5 * d :
	    w->v_cat2[v] == w->d_from[u] ? -0.5 * d : 0);
}

bool
sim_drift_accept(const struct world *w, struct rng *r, uint32_t u, uint32_t v,
    int64_t ms)
{
	/* the policy at time ms is the drift-free one times
	 * exp(personalization * delta): accept in proportion, against the
	 * largest delta any time can give (1.5 gaps), so the times of the
	 * accepted events keep their distribution */
	double bound = 1.5 * drift_gap(w, u);

	return sim_rng_unif(r) < exp(w->p->personalization *
	    (sim_drift_delta(w, u, v, ms) - bound));
}

int
sim_write_drift_truth(const struct world *w, const char *dir, uint64_t *bytes,
    rs_error *err)
{
	struct out o;
	char *sub = xasprintf("%s/truth", dir), line[160];
	int rc;

	rc = sim_out_open(&o, sub, "drift.csv", false, err);
	free(sub);
	if (rc != 0)
		return -1;
	/* full_day: the day (from the start) when the move is complete */
	sim_out_puts(&o, "user_id,from_category,to_category,rate,gap,full_day\n");
	for (uint32_t u = 0; u < w->nusers; u++) {
		snprintf(line, sizeof line, "%u,%u,%u,%.6f,%.6f,%.3f\n", u,
		    w->d_from[u], w->d_to[u], w->p->drift, drift_gap(w, u),
		    1.0 / w->p->drift);
		sim_out_puts(&o, line);
	}
	return sim_out_close(&o, bytes, err);
}
