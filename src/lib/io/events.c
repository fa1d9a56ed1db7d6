/* Events for rs_workspace_observe: typed ones and CSV files of user,item[,value][,time] with a header. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/observe.h"
#include "util/text.h"
#include "util/xmalloc.h"

void
rs_observations_init(rs_observations *b)
{
	memset(b, 0, sizeof *b);
}

void
rs_observations_free(rs_observations *b)
{
	for (size_t k = 0; k < b->n; k++) {
		free(b->ev[k].user);
		free(b->ev[k].item);
	}
	free(b->ev);
	free(b->source);
	rs_observations_init(b);
}

static rs_observation *
push(rs_observations *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->ev = xreallocarray(b->ev, b->cap, sizeof *b->ev);
	}
	memset(&b->ev[b->n], 0, sizeof b->ev[b->n]);
	return &b->ev[b->n++];
}

void
rs_observations_add(rs_observations *b, const char *user, const char *item,
    double value, double time)
{
	rs_observation *o = push(b);

	o->user = xstrdup(user);
	o->item = xstrdup(item);
	o->value = value;
	o->time = time;
}

enum role { R_USER, R_ITEM, R_VALUE, R_TIME, R_NONE };

/* The role a header name gives its column: the plain names, or the log's
 * own column names. */
static enum role
role_of(const char *name, const rs_log *log)
{
	static const char *const plain[] = { "user", "item", "value", "time" };

	for (int r = 0; r < 4; r++)
		if (strcmp(name, plain[r]) == 0)
			return (enum role)r;
	if (log == NULL)
		return R_NONE;
	if (log->user_col != NULL && strcmp(name, log->user_col) == 0)
		return R_USER;
	if (log->item_col != NULL && strcmp(name, log->item_col) == 0)
		return R_ITEM;
	if (log->value_col >= 0 && strcmp(name, log->cols.cols[log->value_col]->name) == 0)
		return R_VALUE;
	if (log->time_col >= 0 && strcmp(name, log->cols.cols[log->time_col]->name) == 0)
		return R_TIME;
	return R_NONE;
}

/* Split line (modified) at commas; a field in double quotes loses them.
 * Returns the field count (at most max). */
static size_t
split_fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *p = line;

	for (;;) {
		char *end = strchr(p, ',');
		if (end != NULL)
			*end = '\0';
		if (n < max) {
			size_t len = strlen(p);
			if (len >= 2 && p[0] == '"' && p[len - 1] == '"') {
				p[len - 1] = '\0';
				p++;
			}
			f[n] = p;
		}
		n++;
		if (end == NULL)
			break;
		p = end + 1;
	}
	return n;
}

/* A time as load reads one: seconds, or a date and time. */
static bool
parse_time(const char *s, double *out)
{
	int dec;

	return util_parse_number(s, strlen(s), out, &dec) == NUM_OK ||
	    util_parse_datetime(s, strlen(s), out);
}

bool
rs_observation_time(const char *text, double *out)
{
	return parse_time(text, out) && isfinite(*out);
}

int
rs_observations_read(rs_observations *b, const char *path, const rs_log *log,
    rs_error *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *fld[64];
	size_t cap = 0, lineno = 0, ncols = 0;
	int col[4] = { -1, -1, -1, -1 };
	ssize_t len;

	rs_observations_init(b);
	if (f == NULL) {
		rs_error_set(err, RS_EIO, "%s: %s", path, strerror(errno));
		return -1;
	}
	b->source = xstrdup(path);
	while ((len = getline(&line, &cap, f)) >= 0) {
		size_t n;
		rs_observation *o;
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (lineno == 1 && (unsigned char)line[0] == 0xef &&
		    (unsigned char)line[1] == 0xbb && (unsigned char)line[2] == 0xbf)
			memmove(line, line + 3, (size_t)len - 2);
		if (line[0] == '\0' && lineno > 1)
			continue;
		n = split_fields(line, fld, 64);
		if (lineno == 1) {
			ncols = n;
			for (size_t j = 0; j < n && j < 64; j++) {
				enum role r = role_of(fld[j], log);
				if (r == R_NONE || col[r] >= 0) {
					rs_error_set(err, RS_EPARSE,
					    "%s:1:%zu: %s column \"%s\" (expected user, item, value, time%s)",
					    path, j + 1, r == R_NONE ? "unknown" : "a second", fld[j],
					    log != NULL ? " or the log's own names" : "");
					goto fail;
				}
				col[r] = (int)j;
			}
			if (col[R_USER] < 0 || col[R_ITEM] < 0) {
				rs_error_set(err, RS_EPARSE, "%s:1: the header names no %s column",
				    path, col[R_USER] < 0 ? "user" : "item");
				goto fail;
			}
			continue;
		}
		if (n != ncols) {
			rs_error_set(err, RS_EPARSE, "%s:%zu: %zu fields, the header has %zu",
			    path, lineno, n, ncols);
			goto fail;
		}
		for (int r = R_USER; r <= R_ITEM; r++)
			if (fld[col[r]][0] == '\0') {
				rs_error_set(err, RS_EPARSE, "%s:%zu:%d: no %s id", path, lineno,
				    col[r] + 1, r == R_USER ? "user" : "item");
				goto fail;
			}
		o = push(b);
		o->user = xstrdup(fld[col[R_USER]]);
		o->item = xstrdup(fld[col[R_ITEM]]);
		o->value = o->time = NAN;
		o->line = lineno;
		if (col[R_VALUE] >= 0 && fld[col[R_VALUE]][0] != '\0') {
			int dec;
			const char *v = fld[col[R_VALUE]];
			o->value_col = (unsigned)col[R_VALUE] + 1;
			if (util_parse_number(v, strlen(v), &o->value, &dec) != NUM_OK) {
				rs_error_set(err, RS_EPARSE, "%s:%zu:%u: \"%s\" is not a number (value)",
				    path, lineno, o->value_col, v);
				goto fail;
			}
		}
		if (col[R_TIME] >= 0 && fld[col[R_TIME]][0] != '\0') {
			const char *v = fld[col[R_TIME]];
			o->time_col = (unsigned)col[R_TIME] + 1;
			if (!parse_time(v, &o->time)) {
				rs_error_set(err, RS_EPARSE, "%s:%zu:%u: \"%s\" is not a time (seconds or a date)",
				    path, lineno, o->time_col, v);
				goto fail;
			}
		}
	}
	if (lineno == 0) {
		rs_error_set(err, RS_EPARSE, "%s: empty file (expected a header user,item[,value][,time])",
		    path);
		goto fail;
	}
	free(line);
	fclose(f);
	return 0;
fail:
	free(line);
	fclose(f);
	rs_observations_free(b);
	return -1;
}
