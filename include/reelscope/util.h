/* Small tools the engine and a front end share: CSV fields and timers, so that both write and time things one way. */
#ifndef REELSCOPE_UTIL_H
#define REELSCOPE_UTIL_H

#include <stdio.h>

/* Write s as one CSV field, quoted (quotes doubled) when it holds a comma,
 * quote or line break. */
void rs_csv_field(FILE *f, const char *s);

/* Wall time on the monotonic clock, in seconds from an arbitrary start. */
double rs_clock_wall(void);
/* CPU time of the whole process (every thread), in seconds. */
double rs_clock_cpu(void);

#endif
