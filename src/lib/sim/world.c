/* The simulated world before any event: creators, videos, users, tastes and the observed block. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "util/random.h"
#include "util/text.h"
#include "util/xmalloc.h"

void
sim_rng_stream(struct rng *r, uint64_t seed, uint64_t kind, uint64_t index)
{
	uint64_t x = seed * 0xd1b54a32d192ed03ULL ^ (kind << 56) ^ index;

	x = rnd_splitmix(&x) ^ index * 0x9e3779b97f4a7c15ULL;
	for (int i = 0; i < 4; i++)
		r->s[i] = rnd_splitmix(&x);
	r->has_spare = false;
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t
sim_rng_next(struct rng *r)
{
	uint64_t *s = r->s, res = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return res;
}

double
sim_rng_unif(struct rng *r)
{
	return (double)(sim_rng_next(r) >> 11) * 0x1.0p-53;
}

double
sim_rng_normal(struct rng *r)
{
	double u, v, m;

	if (r->has_spare) {
		r->has_spare = false;
		return r->spare;
	}
	/* Box-Muller: two normals from two uniforms */
	u = sim_rng_unif(r);
	v = sim_rng_unif(r);
	m = sqrt(-2.0 * log(u > 0 ? u : 0x1.0p-53));
	r->spare = m * sin(6.283185307179586 * v);
	r->has_spare = true;
	return m * cos(6.283185307179586 * v);
}

uint32_t
sim_rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((sim_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

bool
sim_rng_chance(struct rng *r, double p)
{
	return p > 0 && sim_rng_unif(r) < p;
}

/* Pick k of n indices (sorted, distinct) with Floyd's algorithm. */
static uint32_t *
pick_sorted(struct rng *r, uint32_t n, uint32_t k)
{
	uint8_t *in = xcalloc(n ? n : 1, 1);
	uint32_t *out = xmalloc((k ? k : 1) * sizeof *out), m = 0;

	for (uint32_t j = n - k; j < n; j++) {
		uint32_t t = sim_rng_below(r, j + 1);
		in[in[t] ? j : t] = 1;
	}
	for (uint32_t i = 0; i < n; i++)
		if (in[i])
			out[m++] = i;
	free(in);
	return out;
}

/* Creators: a heavy tail of fame, a home category weighted towards the
 * popular ones, a quality, a style in factor space and a language. */
static void
build_creators(struct world *w)
{
	const rs_sim_params *p = w->p;
	uint32_t K = w->K, nc = p->creators;
	double sk = 1.0 / sqrt((double)K);
	struct rng r;

	w->c_weight = xmalloc(nc * sizeof *w->c_weight);
	w->c_new = xmalloc(nc);
	w->c_cat = xmalloc(nc * sizeof *w->c_cat);
	w->c_quality = xmalloc(nc * sizeof *w->c_quality);
	w->c_style = xmalloc((size_t)nc * K * sizeof *w->c_style);
	w->c_lang = xmalloc(nc);
	for (uint32_t c = 0; c < nc; c++) {
		double u, cw = 0;
		sim_rng_stream(&r, p->seed, RS_CREATORS, c);
		/* Pareto with alpha 1.3, cut at its 99th percentile: a heavy
		 * tail of creator fame without one creator owning the platform */
		u = 0.99 * sim_rng_unif(&r);
		w->c_weight[c] = pow(1.0 - u, -1.0 / 1.3);
		w->c_new[c] = sim_rng_chance(&r, p->new_creators);
		if (w->c_new[c])
			w->c_weight[c] *= 0.3;	/* emerging: little reach yet */
		/* popular categories attract more creators */
		u = sim_rng_unif(&r);
		for (uint32_t k = 0; k < w->ncat; k++)
			cw += 1.0 / (1.0 + 0.15 * k);
		u *= cw;
		for (uint32_t k = 0; k < w->ncat; k++) {
			u -= 1.0 / (1.0 + 0.15 * k);
			if (u <= 0 || k + 1 == w->ncat) {
				w->c_cat[c] = (uint16_t)k;
				break;
			}
		}
		w->c_quality[c] = (float)(0.35 * sim_rng_normal(&r) +
		    (w->c_new[c] ? 0.2 : 0));
		for (uint32_t k = 0; k < K; k++)
			w->c_style[(size_t)c * K + k] = (float)(sk * sim_rng_normal(&r));
		u = sim_rng_unif(&r);
		w->c_lang[c] = u < 0.6 ? 0 : u < 0.85 ? 1 : 2;
	}
}

/* One video: its creator (drawn from cum, the running sum of fame^0.5),
 * categories, duration, shape, upload time, appeal and factors, all from
 * the video's own stream. */
static void
build_video(struct world *w, uint32_t v, const double *cum)
{
	const rs_sim_params *p = w->p;
	uint32_t K = w->K, nc = p->creators, c, cat;
	double sk = 1.0 / sqrt((double)K);
	double u, secs, period = (double)(w->end_ms - w->start_ms);
	const struct category *cg;
	struct rng r;

	sim_rng_stream(&r, p->seed, RS_VIDEOS, v);
	if (v < nc)
		c = v;
	else {
		double x = sim_rng_unif(&r) * cum[nc - 1];
		uint32_t lo = 0, hi = nc - 1;
		while (lo < hi) {
			uint32_t mid = (lo + hi) / 2;
			if (cum[mid] < x)
				lo = mid + 1;
			else
				hi = mid;
		}
		c = lo;
	}
	w->v_creator[v] = c;
	cat = sim_rng_chance(&r, 0.8) ? w->c_cat[c] : sim_rng_below(&r, w->ncat);
	w->v_cat[v] = (uint16_t)cat;
	w->v_cat2[v] = UINT16_MAX;
	if (sim_rng_chance(&r, 0.3)) {
		uint32_t c2 = sim_rng_below(&r, w->ncat);
		if (c2 != cat)
			w->v_cat2[v] = (uint16_t)c2;
	}
	cg = &sim_categories[cat];
	secs = cg->dur_sec * exp(0.55 * sim_rng_normal(&r));
	secs = secs < 3 ? 3 : secs > 300 ? 300 : secs;
	w->v_dur[v] = (int32_t)lround(secs * 1000);
	u = sim_rng_unif(&r);
	w->v_angle[v] = u < cg->landscape ? 1 :
	    u < cg->landscape + (1 - cg->landscape) * 0.9 ? 0 : 2;
	/* established creators have a back catalogue; new ones post late */
	if (w->c_new[c])
		w->v_upload[v] = w->end_ms - (int64_t)(sim_rng_unif(&r) * 0.25 * period) -
		    3600000;
	else
		w->v_upload[v] = w->start_ms - 60 * 86400000LL +
		    (int64_t)(sim_rng_unif(&r) * (period + 60 * 86400000.0 - 3600000));
	w->v_appeal[v] = (float)(w->c_quality[c] + 0.3 * sim_rng_normal(&r));
	for (uint32_t k = 0; k < K; k++)
		w->v_factor[(size_t)v * K + k] = (float)(w->c_style[(size_t)c * K + k] +
		    0.6 * sk * sim_rng_normal(&r));
	w->v_pop[v] = pow(w->c_weight[c], 0.7) * exp(w->v_appeal[v]);
	w->v_popw[v] = pow(w->v_pop[v], p->pop_bias);
	w->v_nocat[v] = sim_rng_chance(&r, p->missing_category);
}

/* Videos: every creator has one, the rest go to the famous more often;
 * then durations standardised on the log scale, as preferences use them. */
static void
build_videos(struct world *w)
{
	uint32_t K = w->K, nc = w->p->creators, nv = w->p->videos;
	double *cum, mean = 0, var = 0;

	cum = xmalloc(nc * sizeof *cum);
	for (uint32_t c = 0; c < nc; c++)
		cum[c] = (c ? cum[c - 1] : 0) + pow(w->c_weight[c], 0.5);
	w->v_creator = xmalloc(nv * sizeof *w->v_creator);
	w->v_cat = xmalloc(nv * sizeof *w->v_cat);
	w->v_cat2 = xmalloc(nv * sizeof *w->v_cat2);
	w->v_angle = xmalloc(nv);
	w->v_dur = xmalloc(nv * sizeof *w->v_dur);
	w->v_upload = xmalloc(nv * sizeof *w->v_upload);
	w->v_appeal = xmalloc(nv * sizeof *w->v_appeal);
	w->v_factor = xmalloc((size_t)nv * K * sizeof *w->v_factor);
	w->v_pop = xmalloc(nv * sizeof *w->v_pop);
	w->v_popw = xmalloc(nv * sizeof *w->v_popw);
	w->v_nocat = xmalloc(nv * sizeof *w->v_nocat);
	w->v_zdur = xmalloc(nv * sizeof *w->v_zdur);
	for (uint32_t v = 0; v < nv; v++) {
		build_video(w, v, cum);
		mean += log((double)w->v_dur[v]);
	}
	free(cum);
	mean /= nv;
	for (uint32_t v = 0; v < nv; v++)
		var += pow(log((double)w->v_dur[v]) - mean, 2);
	var = sqrt(var / nv);
	for (uint32_t v = 0; v < nv; v++)
		w->v_zdur[v] = (float)((log((double)w->v_dur[v]) - mean) /
		    (var > 0 ? var : 1));
}

/* Users and bots: tastes, favourite categories, duration preference and
 * activity; bots are far more active, which cleaning should catch. */
static void
build_users(struct world *w)
{
	const rs_sim_params *p = w->p;
	uint32_t K = w->K, nu;
	double sk = 1.0 / sqrt((double)K);
	struct rng r;

	w->nusers = p->users;
	w->nbots = (uint32_t)lround(p->bot_rate * p->users);
	nu = w->nusers + w->nbots;
	w->u_factor = xmalloc((size_t)nu * K * sizeof *w->u_factor);
	w->u_aff = xmalloc((size_t)nu * w->ncat * sizeof *w->u_aff);
	w->u_durpref = xmalloc(nu * sizeof *w->u_durpref);
	w->u_activity = xmalloc(nu * sizeof *w->u_activity);
	for (uint32_t u = 0; u < nu; u++) {
		float *aff = w->u_aff + (size_t)u * w->ncat;
		uint32_t nfav;
		sim_rng_stream(&r, p->seed, RS_USERS, u);
		for (uint32_t k = 0; k < K; k++)
			w->u_factor[(size_t)u * K + k] = (float)(sk * sim_rng_normal(&r));
		for (uint32_t k = 0; k < w->ncat; k++)
			aff[k] = (float)(-0.5 + 0.2 * sim_rng_normal(&r));
		nfav = 2 + sim_rng_below(&r, 2);
		for (uint32_t k = 0; k < nfav; k++)
			aff[sim_rng_below(&r, w->ncat)] += (float)(0.8 + 0.8 * sim_rng_unif(&r));
		w->u_durpref[u] = (float)(0.5 * sim_rng_normal(&r));
		/* lognormal with the requested mean */
		w->u_activity[u] = p->events * exp(0.8 * sim_rng_normal(&r) - 0.32);
		if (u >= w->nusers)
			w->u_activity[u] = p->events * (5 + 3 * sim_rng_unif(&r));
	}
}

int
sim_world_build(struct world *w, const rs_sim_params *p, rs_error *err)
{
	double start;
	struct rng r;

	memset(w, 0, sizeof *w);
	w->p = p;
	w->K = p->factors;
	w->ncat = (uint32_t)sim_ncategories;
	if (!util_parse_datetime(p->start ? p->start : "2020-07-05",
	    strlen(p->start ? p->start : "2020-07-05"), &start)) {
		rs_error_set(err, RS_EINVAL, "start=%s is not a date (YYYY-MM-DD)",
		    p->start);
		return -1;
	}
	/* days begin at midnight Beijing time, as KuaiRec's dates do */
	w->start_ms = (int64_t)(start * 1000) - 8 * 3600000LL;
	w->end_ms = w->start_ms + (int64_t)p->days * 86400000LL;
	build_creators(w);
	build_videos(w);
	build_users(w);
	/* the fully observed block: real users and videos, chosen at random */
	sim_rng_stream(&r, p->seed, RS_PICK, 0);
	w->nsmall_users = (uint32_t)lround(p->observed_users * w->nusers);
	w->nsmall_videos = (uint32_t)lround(p->observed_videos * p->videos);
	w->small_users = pick_sorted(&r, w->nusers, w->nsmall_users);
	w->small_videos = pick_sorted(&r, p->videos, w->nsmall_videos);
	return 0;
}

double
sim_world_pref(const struct world *w, uint32_t u, uint32_t v)
{
	const float *a = w->u_factor + (size_t)u * w->K;
	const float *b = w->v_factor + (size_t)v * w->K;
	const float *aff = w->u_aff + (size_t)u * w->ncat;
	double dot = 0, s;

	for (uint32_t k = 0; k < w->K; k++)
		dot += (double)a[k] * b[k];
	s = 2.0 * dot + aff[w->v_cat[v]] + w->v_appeal[v] +
	    w->u_durpref[u] * w->v_zdur[v];
	if (w->v_cat2[v] != UINT16_MAX)
		s += 0.5 * aff[w->v_cat2[v]];
	return s;
}

void
sim_world_free(struct world *w)
{
	free(w->c_weight);
	free(w->c_new);
	free(w->c_cat);
	free(w->c_quality);
	free(w->c_style);
	free(w->c_lang);
	free(w->v_creator);
	free(w->v_cat);
	free(w->v_cat2);
	free(w->v_angle);
	free(w->v_dur);
	free(w->v_upload);
	free(w->v_appeal);
	free(w->v_factor);
	free(w->v_pop);
	free(w->v_popw);
	free(w->v_nocat);
	free(w->v_zdur);
	free(w->u_factor);
	free(w->u_aff);
	free(w->u_durpref);
	free(w->u_activity);
	free(w->small_users);
	free(w->small_videos);
	memset(w, 0, sizeof *w);
}
