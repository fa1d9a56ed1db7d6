/* Noise for differential privacy: libsodium's randombytes, or seeded splitmix64 when asked to be reproducible; Gaussian by Box-Muller, Laplace by the inverse CDF. */
#include "config.h"

#include <math.h>
#include <sodium.h>

#include "stats/dpnoise.h"
#include "util/random.h"

void
stats_dprng_init(stats_dprng *g, bool seeded, uint64_t seed)
{
	g->seeded = seeded;
	g->state = seed;
	g->has_spare = false;
	g->spare = 0;
	g->used = 64;
	/* idempotent; randombytes works even when it fails */
	if (!seeded && sodium_init() < 0)
		g->seeded = false;
}

static uint64_t
next64(stats_dprng *g)
{
	if (!g->seeded) {
		if (g->used == 64) {
			randombytes_buf(g->buf, sizeof g->buf);
			g->used = 0;
		}
		return g->buf[g->used++];
	}
	return rnd_splitmix(&g->state);
}

double
stats_dprng_uniform(stats_dprng *g)
{
	/* 53 random bits, centred in their cell */
	return ((double)(next64(g) >> 11) + 0.5) * 0x1.0p-53;
}

double
stats_dprng_normal(stats_dprng *g)
{
	double u, v, r;

	if (g->has_spare) {
		g->has_spare = false;
		return g->spare;
	}
	u = stats_dprng_uniform(g);
	v = stats_dprng_uniform(g);
	r = sqrt(-2 * log(u));
	g->spare = r * sin(2 * M_PI * v);
	g->has_spare = true;
	return r * cos(2 * M_PI * v);
}

double
stats_dprng_laplace(stats_dprng *g, double b)
{
	double u = stats_dprng_uniform(g);

	/* inverse CDF: the two halves of the distribution */
	if (u < 0.5)
		return b * log(2 * u);
	return -b * log(2 * (1 - u));
}
