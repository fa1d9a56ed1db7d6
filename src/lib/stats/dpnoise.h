/* Internal: noise for differential privacy (fedmf's Gaussian, the audit's Laplace) — libsodium's randombytes (cryptographic), or a seeded splitmix64 stream when reproducible noise is asked for. */
#ifndef RS_STATS_DPNOISE_H
#define RS_STATS_DPNOISE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct stats_dprng {
	bool seeded;		/* false: randombytes */
	uint64_t state;
	bool has_spare;		/* Box-Muller gives two normals at a time */
	double spare;
	uint64_t buf[64];	/* randombytes in blocks: one call per value
				   would be a system call each */
	unsigned used;
} stats_dprng;

/* seeded: splitmix64 from seed (reproducible, so removable by whoever
 * knows the seed); otherwise libsodium's randombytes. */
void stats_dprng_init(stats_dprng *g, bool seeded, uint64_t seed);
/* Uniform in (0, 1), never 0 or 1. */
double stats_dprng_uniform(stats_dprng *g);
/* N(0, 1) by Box-Muller. */
double stats_dprng_normal(stats_dprng *g);
/* Laplace(0, b) by the inverse CDF. */
double stats_dprng_laplace(stats_dprng *g, double b);

#endif
