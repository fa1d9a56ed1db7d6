/* Laplace noise for differentially private exposure counts: seeded splitmix64 or libsodium's randombytes. */
#include "config.h"

#include <math.h>
#include <sodium.h>

#include "fair/fair-int.h"

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
	z = (g->state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
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
