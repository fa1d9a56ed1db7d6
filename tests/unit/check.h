/* Minimal unit-test helpers: CHECK, CHECK_NEAR, CHECK_STR; main returns the failure count. */
#ifndef RS_CHECK_H
#define RS_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond) do { \
	check_count++; \
	if (!(cond)) { \
		check_failures++; \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

#define CHECK_NEAR(a, b, tol) do { \
	double check_a_ = (a), check_b_ = (b); \
	check_count++; \
	if (!(fabs(check_a_ - check_b_) <= (tol)) && \
	    !(isnan(check_a_) && isnan(check_b_))) { \
		check_failures++; \
		fprintf(stderr, "%s:%d: %s = %.17g, expected %.17g (tolerance %g)\n", \
		    __FILE__, __LINE__, #a, check_a_, check_b_, (double)(tol)); \
	} \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *check_a_ = (a), *check_b_ = (b); \
	check_count++; \
	if (check_a_ == NULL || strcmp(check_a_, check_b_) != 0) { \
		check_failures++; \
		fprintf(stderr, "%s:%d: %s = \"%s\", expected \"%s\"\n", __FILE__, \
		    __LINE__, #a, check_a_ ? check_a_ : "(null)", check_b_); \
	} \
} while (0)

/* End of main: report and return the exit status. */
static inline int
check_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
	return check_failures ? 1 : 0;
}

#endif
