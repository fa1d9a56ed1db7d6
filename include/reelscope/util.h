/* Small tools the engine and a front end share: CSV fields and timers, so that both write and time things one way. */
#ifndef REELSCOPE_UTIL_H
#define REELSCOPE_UTIL_H

#include <stdio.h>

/* Write s as one CSV field, quoted (quotes doubled) when it holds a comma,
 * quote or line break. */
void rs_csv_field(FILE *f, const char *s);


#endif
