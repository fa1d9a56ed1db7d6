/* A play-count log beside the world (generate plays=yes): Last.fm-like heavy-tailed plays per user-video pair. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sim/sim.h"
#include "util/xmalloc.h"

/* The first video whose cumulative weight passes x (cum ascending). */
static uint32_t
plays_pick(const double *cum, uint32_t n, double x)
{
	uint32_t lo = 0, hi = n - 1;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* One user's rows: distinct videos drawn as the logging policy draws them
 * (popularity times taste), each with a count that grows with the taste
 * and the user's own intensity, log-normal so that a few pairs reach the
 * thousands. */
static void
plays_user(const struct world *w, uint32_t u, double *cum, uint32_t *seen,
    struct tbuf *t)
{
	const rs_sim_params *p = w->p;
	uint32_t n = p->videos, want;
	double sum = 0, intensity;
	struct rng r;

	sim_rng_stream(&r, p->seed, RS_PLAYS, u);
	for (uint32_t v = 0; v < n; v++) {
		sum += w->v_popw[v] *
		    exp(2 * p->personalization * sim_world_pref(w, u, v));
		cum[v] = sum;
	}
	want = (uint32_t)lround(w->u_activity[u] * 0.8);
	want = want < 5 ? 5 : want > n / 2 ? n / 2 : want;
	intensity = 0.8 * sim_rng_normal(&r);
	for (uint32_t k = 0, tries = 0; k < want && tries < 20 * want; tries++) {
		uint32_t v = plays_pick(cum, n, sim_rng_unif(&r) * sum);
		double lp;
		if (seen[v] == u + 1)
			continue;
		seen[v] = u + 1;
		k++;
		lp = 1.2 + 0.9 * sim_world_pref(w, u, v) + intensity +
		    1.1 * sim_rng_normal(&r);
		sim_tb_u64(t, u);
		tb_chr(t, ',');
		sim_tb_u64(t, v);
		tb_chr(t, ',');
		sim_tb_u64(t, 1 + (uint64_t)floor(exp(lp > 12 ? 12 : lp)));
		tb_chr(t, '\n');
	}
}

int
sim_write_plays(const struct world *w, const char *dir, bool gz,
    uint64_t *bytes, rs_error *err)
{
	uint32_t n = w->p->videos;
	double *cum = xmalloc((n ? n : 1) * sizeof *cum);
	uint32_t *seen = xcalloc(n ? n : 1, sizeof *seen);
	struct tbuf t = { 0 };
	struct out o;
	int rc;

	if (sim_out_open(&o, dir, "plays.csv", gz, err) != 0) {
		free(cum);
		free(seen);
		return -1;
	}
	sim_out_puts(&o, "user_id,video_id,plays\n");
	for (uint32_t u = 0; u < w->nusers; u++) {
		t.len = 0;
		plays_user(w, u, cum, seen, &t);
		sim_out_write(&o, t.s, t.len);
	}
	rc = sim_out_close(&o, bytes, err);
	free(t.s);
	free(cum);
	free(seen);
	return rc;
}
