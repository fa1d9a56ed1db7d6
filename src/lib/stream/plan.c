/* The replay plan: window= and from= read, the timed rows sorted by time, the warm-up and the windows cut. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stream/stream-int.h"
#include "util/text.h"
#include "util/xmalloc.h"

int
stream_parse_window(const char *w, double *seconds, uint64_t *events,
    rs_error *err)
{
	char *end;
	unsigned long long n;

	*seconds = 0;
	*events = 0;
	if (w == NULL)
		w = "1d";
	errno = 0;
	n = (w[0] >= '0' && w[0] <= '9') ? strtoull(w, &end, 10) : 0;
	if (n == 0 || errno != 0 || (end[0] != '\0' && end[1] != '\0') ||
	    (end[0] != '\0' && end[0] != 'h' && end[0] != 'd') ||
	    (end[0] != '\0' && n > 36500 * 24ULL)) {
		rs_error_set(err, RS_EINVAL,
		    "window=%s: give hours or days (1h, 6h, 1d, 7d) or a number of events (10000)",
		    w);
		return -1;
	}
	if (end[0] == 'h')
		*seconds = (double)n * 3600;
	else if (end[0] == 'd')
		*seconds = (double)n * 86400;
	else
		*events = n;
	return 0;
}

int
stream_parse_from(const char *f, double *time, double *frac, rs_error *err)
{
	char *end;
	double x;

	*time = *frac = NAN;
	if (util_parse_datetime(f, strlen(f), time))
		return 0;
	x = strtod(f, &end);
	if (end != f && *end == '\0' && x > 0 && x < 1) {
		*frac = x;
		return 0;
	}
	rs_error_set(err, RS_EINVAL,
	    "from=%s: give a date-time (2020-07-10, 2020-07-10 12:00) or a share of the events between 0 and 1 (0.5)",
	    f);
	return -1;
}

/* Doubles as unsigned keys in the same order (negatives flipped). */
static uint64_t
time_key(double t)
{
	uint64_t b;

	memcpy(&b, &t, sizeof b);
	return (b >> 63) ? ~b : b | (1ULL << 63);
}

/* Stable LSD radix sort of the rows by time: a log of millions of rows
 * sorts in a few passes where qsort would take seconds. The times come
 * back in order from the keys (time_key is a bijection). */
static void
sort_by_time(size_t *ord, double *time, size_t n)
{
	uint64_t *k = xmalloc((n ? n : 1) * sizeof *k), *k2 = xmalloc((n ? n : 1) * sizeof *k2);
	size_t *o2 = xmalloc((n ? n : 1) * sizeof *o2), cnt[256];

	for (size_t j = 0; j < n; j++)
		k[j] = time_key(time[j]);
	for (int shift = 0; shift < 64 && n > 0; shift += 8) {
		size_t sum = 0;
		memset(cnt, 0, sizeof cnt);
		for (size_t j = 0; j < n; j++)
			cnt[(k[j] >> shift) & 255]++;
		if (cnt[(k[0] >> shift) & 255] == n)
			continue;	/* every key has this byte: nothing moves */
		for (int b = 0; b < 256; b++) {
			size_t c = cnt[b];
			cnt[b] = sum;
			sum += c;
		}
		for (size_t j = 0; j < n; j++) {
			size_t d = cnt[(k[j] >> shift) & 255]++;
			k2[d] = k[j];
			o2[d] = ord[j];
		}
		memcpy(k, k2, n * sizeof *k);
		memcpy(ord, o2, n * sizeof *ord);
	}
	for (size_t j = 0; j < n; j++) {
		uint64_t b = (k[j] >> 63) ? k[j] & ~(1ULL << 63) : ~k[j];
		memcpy(&time[j], &b, sizeof b);
	}
	free(k2);
	free(o2);
	free(k);
}

void
stream_plan_free(struct stream_plan *p)
{
	free(p->ord);
	free(p->time);
	free(p->wbeg);
	free(p->wend);
	free(p->tbeg);
	free(p->tend);
	memset(p, 0, sizeof *p);
}

/* Append window [a, b) spanning [t0, t1). */
static void
add_window(struct stream_plan *p, size_t *cap, size_t a, size_t b, double t0,
    double t1)
{
	if (p->nwin == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		p->wbeg = xreallocarray(p->wbeg, *cap, sizeof *p->wbeg);
		p->wend = xreallocarray(p->wend, *cap, sizeof *p->wend);
		p->tbeg = xreallocarray(p->tbeg, *cap, sizeof *p->tbeg);
		p->tend = xreallocarray(p->tend, *cap, sizeof *p->tend);
	}
	p->wbeg[p->nwin] = a;
	p->wend[p->nwin] = b;
	p->tbeg[p->nwin] = t0;
	p->tend[p->nwin] = t1;
	p->nwin++;
}

/* The first position at or after from whose time is >= t. */
static size_t
first_at(const struct stream_plan *p, size_t from, double t)
{
	size_t lo = from, hi = p->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->time[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The windows after the warm-up. */
static void
cut_windows(struct stream_plan *p)
{
	size_t cap = 0, pos = p->warm;

	if (p->window_events > 0) {
		for (; pos < p->n; pos += p->window_events) {
			size_t b = pos + p->window_events < p->n ? pos + p->window_events : p->n;
			add_window(p, &cap, pos, b, p->time[pos], p->time[b - 1]);
		}
		return;
	}
	for (double s = p->from; pos < p->n; ) {
		double e = s + p->window_seconds;
		size_t b;
		if (p->time[pos] >= e) {
			/* a gap: whole windows without a row */
			double skip = floor((p->time[pos] - s) / p->window_seconds);
			p->empty += (uint32_t)(skip < 4e9 ? skip : 4e9);
			s += skip * p->window_seconds;
			continue;
		}
		b = first_at(p, pos, e);
		add_window(p, &cap, pos, b, s, e);
		pos = b;
		s = e;
	}
}

/* Where the replay starts: the warm-up is every position before it. */
static int
place_start(const rs_stream_opts *o, struct stream_plan *p, rs_error *err)
{
	double t = NAN, frac = NAN;
	char when[64];

	if (o->from != NULL && stream_parse_from(o->from, &t, &frac, err) != 0)
		return -1;
	if (!isnan(frac))
		t = p->time[(size_t)floor(frac * (double)p->n)];
	if (!isnan(t)) {
		p->from = t;
		p->warm = first_at(p, 0, t);
		if (p->warm == p->n) {
			util_format_datetime(p->time[p->n - 1], false, when, sizeof when);
			rs_error_set(err, RS_EINVAL,
			    "from=%s: no event at or after it (the log ends at %s)", o->from, when);
			return -1;
		}
		if (p->warm == 0) {
			util_format_datetime(p->time[0], false, when, sizeof when);
			rs_error_set(err, RS_EINVAL,
			    "from=%s: no event before it to train the first model on (the log starts at %s)",
			    o->from, when);
			return -1;
		}
		return 0;
	}
	/* the first window is the warm-up */
	if (p->window_events > 0) {
		p->warm = p->window_events < p->n ? p->window_events : p->n;
		p->from = p->warm < p->n ? p->time[p->warm] : NAN;
	} else {
		p->from = floor(p->time[0] / p->window_seconds) * p->window_seconds +
		    p->window_seconds;
		p->warm = first_at(p, 0, p->from);
	}
	if (p->warm == p->n) {
		rs_error_set(err, RS_EINVAL,
		    "window=%s: the first window (the warm-up) holds every event; nothing is left to replay (give a shorter window= or from=)",
		    o->window ? o->window : "1d");
		return -1;
	}
	return 0;
}

int
stream_plan_build(const rs_dataset *ds, const rs_stream_opts *o,
    struct stream_plan *p, rs_error *err)
{
	const rs_log *log = &ds->log;
	const rs_column *tc;

	memset(p, 0, sizeof *p);
	if (stream_parse_window(o->window, &p->window_seconds, &p->window_events,
	    err) != 0)
		return -1;
	if (log->time_col < 0) {
		rs_error_set(err, RS_ESTATE,
		    "the log has no time column to replay it by (load ... time=COLUMN)");
		return -1;
	}
	tc = log->cols.cols[log->time_col];
	p->ord = xmalloc((log->n ? log->n : 1) * sizeof *p->ord);
	p->time = xmalloc((log->n ? log->n : 1) * sizeof *p->time);
	for (size_t r = 0; r < log->n; r++) {
		double t = rs_column_get(tc, r);
		if (!isfinite(t)) {
			p->untimed++;
			continue;
		}
		p->ord[p->n] = r;
		p->time[p->n++] = t;
	}
	if (p->n == 0) {
		rs_error_set(err, RS_ESTATE, "no row of the log has a time (column %s)",
		    tc->name);
		stream_plan_free(p);
		return -1;
	}
	sort_by_time(p->ord, p->time, p->n);
	if (place_start(o, p, err) != 0) {
		stream_plan_free(p);
		return -1;
	}
	cut_windows(p);
	return 0;
}
