/* The engine's timers for a front end: util/clock.h is internal, so a front end times its steps through these. */
#include "config.h"

#include "reelscope/util.h"
#include "util/clock.h"

double
rs_clock_wall(void)
{
	return wall_seconds();
}

double
rs_clock_cpu(void)
{
	return cpu_seconds();
}
