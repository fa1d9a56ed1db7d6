/* Laplace noise for differentially private exposure counts: seeded splitmix64 or libsodium's randombytes. */
#include "config.h"

#include <math.h>
#include <sodium.h>

#include "fair/fair-int.h"
#include "util/random.h"

void
fair_rng_init(fair_rng *g, bool seeded, uint64_t seed)
{
	g->seeded = seeded;
	g->state = seed;
	if (!seeded)
		if (sodium_init() < 0)	/* idempotent; randombytes works either way */
			g->seeded = false;
}

static uint64_t
next64(fair_rng *g)
{
	uint64_t z;

	if (!g->seeded) {
		randombytes_buf(&z, sizeof z);
		return z;
	}
	return rnd_splitmix(&g->state);
}

double
fair_uniform(fair_rng *g)
{
	/* 53 random bits, centred in their cell: never 0 or 1 */
	return ((double)(next64(g) >> 11) + 0.5) * 0x1.0p-53;
}

double
fair_laplace(fair_rng *g, double b)
{
	double u = fair_uniform(g);

	/* inverse CDF: the two halves of the distribution */
	if (u < 0.5)
		return b * log(2 * u);
	return -b * log(2 * (1 - u));
}
