/* What a log's values are — ratings, counts, binary, watch ratios — decided from the values themselves. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/dataset.h"
#include "util/xmalloc.h"

/* Rows read for the median and the 99th percentile: a fixed stride over
 * the log, so the figures are the same on every run. */
#define SIGNAL_SAMPLE 100000

/* A maximum this many times the 99th percentile is extreme. */
#define SIGNAL_EXTREME 10.0

static const char *const signal_names[RS_SIGNAL_KINDS] = {
	"binary", "rating", "counts", "ratio", "values"
};

const char *
rs_signal_kind_name(int kind)
{
	return kind >= 0 && kind < RS_SIGNAL_KINDS ? signal_names[kind] : NULL;
}

int
rs_signal_kind_find(const char *name)
{
	for (int k = 0; k < RS_SIGNAL_KINDS; k++)
		if (name != NULL && strcmp(name, signal_names[k]) == 0)
			return k;
	return -1;
}

const char *
rs_signal_column(const rs_dataset *ds)
{
	if (ds->log.value_col < 0 || (size_t)ds->log.value_col >= ds->log.cols.ncols)
		return NULL;
	return ds->log.cols.cols[ds->log.value_col]->name;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Count, range and the sampled quantiles of the present values. */
static void
signal_figures(const rs_column *c, rs_signal *s, bool *halves)
{
	size_t stride = c->n / SIGNAL_SAMPLE + 1, m = 0;
	double *sample = xmalloc((c->n / stride + 1) * sizeof *sample);

	s->min = INFINITY;
	s->max = -INFINITY;
	*halves = true;
	for (size_t i = 0; i < c->n; i++) {
		double x = rs_column_get(c, i);
		if (isnan(x))
			continue;
		s->n++;
		if (x < s->min)
			s->min = x;
		if (x > s->max)
			s->max = x;
		if (*halves && x * 2 != floor(x * 2))
			*halves = false;
		if (i % stride == 0)
			sample[m++] = x;
	}
	if (m > 0) {
		qsort(sample, m, sizeof *sample, cmp_double);
		s->median = sample[m / 2];
		s->q99 = sample[(size_t)((double)(m - 1) * 0.99)];
	}
	free(sample);
}

/* The kind the values look like. */
static int
signal_guess(const rs_column *c, const rs_signal *s, bool halves)
{
	if (s->n == 0 || s->distinct <= 1 ||
	    (s->distinct == 2 && s->min == 0 && s->max == 1))
		return RS_SIGNAL_BINARY;
	if (s->min < 0)
		return RS_SIGNAL_VALUES;
	/* a bounded scale: few values a half step apart in a small range */
	if (halves && s->distinct <= 21 && s->max <= 10 && s->max - s->min <= 10)
		return RS_SIGNAL_RATING;
	if (c->all_int)
		return RS_SIGNAL_COUNTS;
	return RS_SIGNAL_RATIO;
}

void
rs_signal_detect(rs_dataset *ds, int kind)
{
	rs_signal s;
	const rs_column *c = NULL;
	bool halves = false;

	memset(&s, 0, sizeof s);
	if (kind < 0 && ds->signal.given)
		kind = ds->signal.kind;
	if (rs_signal_column(ds) != NULL)
		c = ds->log.cols.cols[ds->log.value_col];
	if (c != NULL && c->kind == RS_COL_NUMBER) {
		signal_figures(c, &s, &halves);
		s.distinct = c->store == RS_STORE_DICT8 || c->store == RS_STORE_DICT16 ?
		    rs_column_distinct(c) : SIZE_MAX;
		s.kind = signal_guess(c, &s, halves);
	} else {
		s.kind = RS_SIGNAL_BINARY;
		s.min = s.max = s.median = s.q99 = 1;
	}
	if (s.n == 0)
		s.min = s.max = s.median = s.q99 = 1;
	if (kind >= 0) {
		s.kind = kind;
		s.given = true;
	}
	/* heavy tails are what counts are; elsewhere a maximum far above the
	 * bulk is dirt (a video left looping, a bot) */
	s.extreme = s.kind != RS_SIGNAL_COUNTS && s.kind != RS_SIGNAL_BINARY &&
	    s.q99 > 0 && s.max > SIGNAL_EXTREME * s.q99;
	ds->signal = s;
}

/* x with thousands separators when whole, else 4 significant digits. */
static void
signal_number(double x, char *buf, size_t size)
{
	char t[64];
	size_t len, j = 0, lead;

	if (x != floor(x) || fabs(x) >= 1e15) {
		snprintf(buf, size, "%.4g", x);
		return;
	}
	len = (size_t)snprintf(t, sizeof t, "%.0f", fabs(x));
	lead = len % 3 ? len % 3 : 3;
	if (x < 0 && j + 1 < size)
		buf[j++] = '-';
	for (size_t i = 0; i < len && j + 2 < size; i++) {
		if (i > 0 && i >= lead && (i - lead) % 3 == 0)
			buf[j++] = ',';
		buf[j++] = t[i];
	}
	buf[j] = '\0';
}

void
rs_signal_describe(const rs_dataset *ds, char *buf, size_t size)
{
	const rs_signal *s = &ds->signal;
	const char *col = rs_signal_column(ds);
	char lo[32], hi[32], mid[32];

	signal_number(s->min, lo, sizeof lo);
	signal_number(s->max, hi, sizeof hi);
	signal_number(s->median, mid, sizeof mid);
	switch (s->kind) {
	case RS_SIGNAL_RATING:
		snprintf(buf, size, "rating %s-%s", lo, hi);
		break;
	case RS_SIGNAL_COUNTS:
		snprintf(buf, size, "counts (%s), median %s, max %s", col ? col : "-",
		    mid, hi);
		break;
	case RS_SIGNAL_RATIO:
	case RS_SIGNAL_VALUES:
		snprintf(buf, size, "%s (%s), median %s, max %s",
		    rs_signal_kind_name(s->kind), col ? col : "-", mid, hi);
		break;
	default:
		if (col == NULL)
			snprintf(buf, size, "binary (no value column: every row a positive)");
		else
			snprintf(buf, size, "binary (%s)", col);
		break;
	}
	if (s->given && strlen(buf) + 8 < size)
		strcat(buf, ", given");
}
