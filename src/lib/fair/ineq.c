/* Inequality of exposure: Gini (both normalisations), Lorenz points, entropy, position weights. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/fair.h"
#include "util/xmalloc.h"

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double *
sorted_copy(const double *x, size_t n)
{
	double *s = xmalloc((n ? n : 1) * sizeof *s);

	memcpy(s, x, n * sizeof *s);
	qsort(s, n, sizeof *s, cmp_double);
	return s;
}

double
rs_gini(const double *x, size_t n, bool n1)
{
	double *s, num = 0, sum = 0;

	if (n < 2)
		return 0;
	s = sorted_copy(x, n);
	for (size_t i = 0; i < n; i++) {
		/* (2i - n - 1) with i 1-based */
		num += (2.0 * (double)(i + 1) - (double)n - 1.0) * s[i];
		sum += s[i];
	}
	free(s);
	if (!(sum > 0))
		return 0;
	return num / ((n1 ? (double)(n - 1) : (double)n) * sum);
}

double
rs_entropy_bits(const double *x, size_t n)
{
	double sum = 0, h = 0;

	for (size_t i = 0; i < n; i++)
		sum += x[i];
	if (!(sum > 0))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (x[i] > 0) {
			double p = x[i] / sum;
			h -= p * log2(p);
		}
	return h;
}

void
rs_lorenz(const double *x, size_t n, double *px, double *py)
{
	double *s = sorted_copy(x, n), sum = 0, acc = 0;

	for (size_t i = 0; i < n; i++)
		sum += s[i];
	px[0] = py[0] = 0;
	for (size_t i = 0; i < n; i++) {
		acc += s[i];
		px[i + 1] = (double)(i + 1) / (double)n;
		/* no exposure at all: the line of equality */
		py[i + 1] = sum > 0 ? acc / sum : px[i + 1];
	}
	if (n > 0)
		py[n] = 1;
	free(s);
}

static const char *const exposure_names[] = { "log", "uniform", "rbp", "cascade" };

const char *
rs_exposure_name(int model)
{
	return model >= 0 && model < 4 ? exposure_names[model] : "?";
}

int
rs_exposure_parse(const char *name)
{
	for (int i = 0; i < 4; i++)
		if (strcmp(name, exposure_names[i]) == 0)
			return i;
	return -1;
}

double
rs_exposure_weight(const rs_audit_opts *o, uint32_t r)
{
	switch (o->exposure) {
	case RS_EXPOSURE_UNIFORM:
		return 1;
	case RS_EXPOSURE_RBP:
	case RS_EXPOSURE_CASCADE:
		return pow(o->gamma, (double)r - 1);
	default:
		return 1 / log2(1.0 + r);
	}
}
