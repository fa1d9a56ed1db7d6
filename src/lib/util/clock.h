/* Seconds on the monotonic clock and CPU seconds of the process, for the timings results report. */
#ifndef RS_UTIL_CLOCK_H
#define RS_UTIL_CLOCK_H

#include <time.h>

/* Wall time on the monotonic clock, in seconds from an arbitrary start. */
static inline double
wall_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of the whole process (every thread), in seconds. */
static inline double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

#endif
