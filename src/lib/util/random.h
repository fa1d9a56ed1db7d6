/* The engine's one seeded random stream (splitmix64), so that every module draws the same numbers from the same seed. */
#ifndef RS_UTIL_RANDOM_H
#define RS_UTIL_RANDOM_H

#include <stdint.h>

/* splitmix64 finalizer: spreads the bits of z (no state of its own) */
static inline uint64_t
rnd_mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* splitmix64 step: advances *state by the golden-ratio increment and
 * returns the mixed value; callers that keep a bare uint64_t use this */
static inline uint64_t
rnd_splitmix(uint64_t *state)
{
	return rnd_mix(*state += 0x9e3779b97f4a7c15ULL);
}

/* One independent stream per (seed, purpose, index), so that what a user
 * or a block draws never depends on the thread that runs it */
typedef struct rnd_gen {
	uint64_t s;
} rnd_gen;

/* the stream of (seed, a, b) */
static inline rnd_gen
rnd_stream(uint64_t seed, uint64_t a, uint64_t b)
{
	rnd_gen r;

	r.s = rnd_mix(rnd_mix(seed + 0x9e3779b97f4a7c15ULL) ^ rnd_mix(a + 0x632be59bd9b4e019ULL));
	r.s = rnd_mix(r.s ^ rnd_mix(b + 0x85157af5ULL));
	return r;
}

/* the next 64 random bits */
static inline uint64_t
rnd_next(rnd_gen *r)
{
	return rnd_splitmix(&r->s);
}

/* uniform in [0, n) (multiply-shift; bias below 2^-32 * n) */
static inline uint32_t
rnd_below(rnd_gen *r, uint32_t n)
{
	return (uint32_t)(((rnd_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* uniform in [0, 1) */
static inline double
rnd_uniform(rnd_gen *r)
{
	return (double)(rnd_next(r) >> 11) * 0x1.0p-53;
}

#endif
