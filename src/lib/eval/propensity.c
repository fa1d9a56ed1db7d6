/* Propensities of logged pairs: the popularity model or the simulator's truth, clipped, as a column of the log. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "reelscope/bias.h"
#include "util/xmalloc.h"

static const char *const method_names[RS_PROP_NMETHODS] = { "pop", "truth" };

void
rs_prop_opts_init(rs_prop_opts *o)
{
	memset(o, 0, sizeof *o);
	o->method = RS_PROP_POP;
	o->eta = 0.5;
	o->clip = 0.01;
}

int
rs_prop_method_find(const char *name)
{
	for (int m = 0; m < RS_PROP_NMETHODS; m++)
		if (strcmp(name, method_names[m]) == 0)
			return m;
	return -1;
}

const char *
rs_prop_method_name(int method)
{
	return method >= 0 && method < RS_PROP_NMETHODS ? method_names[method] : NULL;
}

const char *
rs_prop_opts_check(const rs_prop_opts *o)
{
	if (o->method < 0 || o->method >= RS_PROP_NMETHODS)
		return "unknown method (pop, truth)";
	if (!(o->eta >= 0 && o->eta <= 5))
		return "eta must be from 0 to 5";
	if (!(o->clip >= 0 && o->clip < 1))
		return "clip must be from 0 to below 1";
	if (o->name != NULL && o->name[0] == '\0')
		return "name must not be empty";
	return NULL;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The value at share q of sorted v[0..n) (nearest rank). */
static double
quantile(const double *v, size_t n, double q)
{
	size_t i = (size_t)ceil(q * (double)n);

	return v[i > 0 ? i - 1 : 0];
}

/* Distribution and effective sample size of p[0..n) (n > 0). */
static void
summarize(const double *p, size_t n, double clip, rs_prop_summary *s)
{
	double *v = xmalloc(n * sizeof *v), sw = 0, sw2 = 0;

	memcpy(v, p, n * sizeof *v);
	qsort(v, n, sizeof *v, cmp_double);
	s->n = n;
	s->min = v[0];
	s->q10 = quantile(v, n, 0.1);
	s->median = quantile(v, n, 0.5);
	s->q90 = quantile(v, n, 0.9);
	s->max = v[n - 1];
	s->clipped = 0;
	for (size_t i = 0; i < n; i++) {
		double w = 1 / p[i];
		sw += w;
		sw2 += w * w;
		s->clipped += p[i] <= clip;
	}
	s->ess = sw2 > 0 ? sw * sw / sw2 : 0;
	free(v);
}

/* pop: (n_i / max n)^eta per row. */
static void
pop_propensities(const rs_dataset *ds, double eta, double *p)
{
	uint32_t ni = rs_ids_count(ds->items);
	double *cnt = xcalloc(ni + 1, sizeof *cnt), max = 0;

	for (size_t r = 0; r < ds->log.n; r++)
		cnt[ds->log.item[r]]++;
	for (uint32_t i = 0; i < ni; i++)
		if (cnt[i] > max)
			max = cnt[i];
	for (size_t r = 0; r < ds->log.n; r++)
		p[r] = pow(cnt[ds->log.item[r]] / max, eta);
	free(cnt);
}

/* One (user, item) key of the truth file and its propensity. */
struct pkey {
	uint64_t key;
	double p;
};

static int
cmp_pkey(const void *a, const void *b)
{
	uint64_t x = ((const struct pkey *)a)->key, y = ((const struct pkey *)b)->key;

	return (x > y) - (x < y);
}

/* One line "user_id,video_id,propensity" of the truth file into *k; lines
 * naming ids the dataset does not know (filtered out) give false with *skip;
 * false with err on a malformed line or a propensity outside (0, 1]. */
static bool
truth_line(const rs_dataset *ds, char *line, const char *path, size_t lineno,
    struct pkey *k, bool *skip, rs_error *err)
{
	char *c1 = strchr(line, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL, *end;
	int64_t u, i;
	double p;

	*skip = false;
	if (c2 == NULL) {
		rs_error_set(err, RS_EPARSE, "%s:%zu: expected user_id,video_id,propensity",
		    path, lineno);
		return false;
	}
	errno = 0;
	p = strtod(c2 + 1, &end);
	while (*end == '\r' || *end == '\n')
		end++;
	if (end == c2 + 1 || *end != '\0' || errno == ERANGE) {
		rs_error_set(err, RS_EPARSE, "%s:%zu: the propensity is not a number", path, lineno);
		return false;
	}
	if (!(p > 0 && p <= 1)) {
		rs_error_set(err, RS_EINVAL,
		    "%s:%zu: propensity %g is not in (0, 1] (a logged pair was shown with some chance)",
		    path, lineno, p);
		return false;
	}
	u = rs_ids_find(ds->users, line, (size_t)(c1 - line));
	i = rs_ids_find(ds->items, c1 + 1, (size_t)(c2 - c1 - 1));
	if (u < 0 || i < 0) {
		*skip = true;
		return false;
	}
	k->key = (uint64_t)u << 32 | (uint64_t)i;
	k->p = p;
	return true;
}

/* truth/propensity.csv beside what was loaded: in the folder (a world),
 * else in the file's folder (malloc'd). */
static char *
truth_path(const char *source)
{
	struct stat st;
	const char *slash;

	if (source == NULL)
		return xstrdup("truth/propensity.csv");
	if (stat(source, &st) == 0 && S_ISDIR(st.st_mode))
		return xasprintf("%s/truth/propensity.csv", source);
	if ((slash = strrchr(source, '/')) == NULL)
		return xstrdup("truth/propensity.csv");
	return xasprintf("%.*s/truth/propensity.csv", (int)(slash - source), source);
}

/* truth: the world's truth/propensity.csv, looked up per row. */
static int
truth_propensities(const rs_dataset *ds, double *p, rs_error *err)
{
	char *path = truth_path(ds->source);
	FILE *f = fopen(path, "r");
	struct pkey *keys = NULL;
	size_t n = 0, cap = 0, lineno = 0;
	char line[256];
	int rc = -1;

	if (f == NULL) {
		rs_error_set(err, RS_EIO,
		    "no true propensities: %s cannot be read (a world generated with truth=yes has it)",
		    path);
		free(path);
		return -1;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		struct pkey k;
		bool skip;
		if (++lineno == 1)
			continue;	/* the header */
		if (!truth_line(ds, line, path, lineno, &k, &skip, err)) {
			if (skip)
				continue;
			goto out;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			keys = xreallocarray(keys, cap, sizeof *keys);
		}
		keys[n++] = k;
	}
	qsort(keys, n, sizeof *keys, cmp_pkey);
	for (size_t r = 0; r < ds->log.n; r++) {
		struct pkey k = { (uint64_t)ds->log.user[r] << 32 | ds->log.item[r], 0 }, *hit;
		hit = n ? bsearch(&k, keys, n, sizeof *keys, cmp_pkey) : NULL;
		if (hit == NULL) {
			rs_error_set(err, RS_EINVAL, "no true propensity for user %s video %s in %s",
			    rs_ids_name(ds->users, ds->log.user[r]),
			    rs_ids_name(ds->items, ds->log.item[r]), path);
			goto out;
		}
		p[r] = hit->p;
	}
	rc = 0;
out:
	fclose(f);
	free(keys);
	free(path);
	return rc;
}

/* Set the column name of the log to p[0..n), replacing one of that name. */
static void
set_column(rs_log *log, const char *name, const double *p)
{
	rs_column *c = rs_column_new(name, RS_COL_NUMBER);
	int at = rs_table_find(&log->cols, name);

	for (size_t r = 0; r < log->n; r++)
		rs_column_push_number(c, p[r], -1);
	rs_column_finish(c);
	if (at >= 0) {
		rs_column_free(log->cols.cols[at]);
		log->cols.cols[at] = c;
	} else
		rs_table_add(&log->cols, c);
}

int
rs_propensity_compute(rs_dataset *ds, const rs_prop_opts *o,
    rs_prop_summary *sum, rs_error *err)
{
	const char *msg = rs_prop_opts_check(o), *name = o->name ? o->name : "propensity";
	double *p;
	rs_prop_summary s;
	size_t clipped = 0;

	if (msg != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", msg);
		return -1;
	}
	if (ds->log.n == 0) {
		rs_error_set(err, RS_ESTATE, "the log is empty");
		return -1;
	}
	if (rs_table_find(&ds->log.cols, name) >= 0 &&
	    ((ds->log.value_col >= 0 &&
	    strcmp(ds->log.cols.cols[ds->log.value_col]->name, name) == 0) ||
	    (ds->log.time_col >= 0 &&
	    strcmp(ds->log.cols.cols[ds->log.time_col]->name, name) == 0))) {
		rs_error_set(err, RS_EINVAL, "%s is the log's value or time column; give another name=", name);
		return -1;
	}
	p = xmalloc(ds->log.n * sizeof *p);
	if (o->method == RS_PROP_POP)
		pop_propensities(ds, o->eta, p);
	else if (truth_propensities(ds, p, err) != 0) {
		free(p);
		return -1;
	}
	for (size_t r = 0; r < ds->log.n; r++)
		if (p[r] < o->clip) {
			p[r] = o->clip;
			clipped++;
		}
	summarize(p, ds->log.n, o->clip, &s);
	s.clipped = clipped;
	set_column(&ds->log, name, p);
	free(p);
	if (sum != NULL)
		*sum = s;
	return 0;
}

int
rs_propensity_summarize(const rs_dataset *ds, const char *name, double clip,
    rs_prop_summary *sum, rs_error *err)
{
	int at;
	const rs_column *c;
	double *p;

	name = name ? name : "propensity";
	if ((at = rs_table_find(&ds->log.cols, name)) < 0) {
		rs_error_set(err, RS_ESTATE,
		    "no propensities: the log has no column %s (run propensity method=pop or method=truth first)",
		    name);
		return -1;
	}
	c = ds->log.cols.cols[at];
	if (ds->log.n == 0) {
		rs_error_set(err, RS_ESTATE, "the log is empty");
		return -1;
	}
	p = xmalloc(ds->log.n * sizeof *p);
	for (size_t r = 0; r < ds->log.n; r++) {
		p[r] = rs_column_get(c, r);
		if (!(p[r] > 0 && p[r] <= 1)) {
			rs_error_set(err, RS_EINVAL,
			    "propensity column %s: row %zu (user %s, item %s) has %g, not a propensity in (0, 1]",
			    name, r + 1, rs_ids_name(ds->users, ds->log.user[r]),
			    rs_ids_name(ds->items, ds->log.item[r]), p[r]);
			free(p);
			return -1;
		}
	}
	summarize(p, ds->log.n, clip, sum);
	free(p);
	return 0;
}
