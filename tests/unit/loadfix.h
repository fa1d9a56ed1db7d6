/* Shared helpers of the loader unit tests: a temporary folder and small files in it. */
#ifndef RS_LOADFIX_H
#define RS_LOADFIX_H


#define _GNU_SOURCE 1
#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "reelscope/reelscope.h"

#include "check.h"


static char tmp[256];		/* the temporary folder of this run */
static char *paths[256];	/* every path handed out, freed at the end */
static size_t npaths;

/* tmp/name (kept until the end of the run). */
static inline const char *
P(const char *name)
{
	char *p;
	size_t n = strlen(tmp) + strlen(name) + 2;

	p = malloc(n);
	snprintf(p, n, "%s/%s", tmp, name);
	if (npaths < sizeof paths / sizeof paths[0])
		paths[npaths++] = p;
	return p;
}

/* Write len bytes to tmp/name; returns the path. */
static inline const char *
write_bytes(const char *name, const char *data, size_t len)
{
	const char *path = P(name);
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
		exit(99);
	}
	return path;
}

static inline const char *
write_file(const char *name, const char *text)
{
	return write_bytes(name, text, strlen(text));
}

static inline const char *
write_gz(const char *name, const char *text)
{
	const char *path = P(name);
	gzFile g = gzopen(path, "wb");

	if (g == NULL || gzwrite(g, text, (unsigned)strlen(text)) !=
	    (int)strlen(text) || gzclose(g) != Z_OK) {
		fprintf(stderr, "cannot write %s\n", path);
		exit(99);
	}
	return path;
}

static inline void
make_dir(const char *name)
{
	if (mkdir(P(name), 0700) != 0) {
		fprintf(stderr, "cannot create %s/%s: %s\n", tmp, name,
		    strerror(errno));
		exit(99);
	}
}

/* A formatted string in a rotating static buffer (for expected messages). */
static inline const char *
S(const char *fmt, ...)
{
	static char bufs[8][1200];
	static int k;
	char *b = bufs[k++ % 8];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b, sizeof bufs[0], fmt, ap);
	va_end(ap);
	return b;
}

/* Load with default options. */
static inline rs_dataset *
load(const char *path, rs_error *err)
{
	rs_error_clear(err);
	return rs_dataset_load(path, NULL, NULL, err);
}

static inline rs_dataset *
load_opts(const char *path, const rs_load_opts *o, rs_error *err)
{
	rs_error_clear(err);
	return rs_dataset_load(path, o, NULL, err);
}

/* The log column named name, or NULL. */
static inline const rs_column *
logcol(const rs_dataset *ds, const char *name)
{
	int j = rs_table_find(&ds->log.cols, name);

	return j < 0 ? NULL : ds->log.cols.cols[j];
}

static inline const rs_column *
tblcol(const rs_table *t, const char *name)
{
	int j = rs_table_find(t, name);

	return j < 0 ? NULL : t->cols[j];
}

/* Index of the id, or UINT32_MAX. */
static inline uint32_t
id_of(const rs_ids *ids, const char *s)
{
	int64_t i = rs_ids_find(ids, s, strlen(s));

	return i < 0 ? UINT32_MAX : (uint32_t)i;
}

/* Value of column c for the item/user with external id s. */
static inline double
by_id(const rs_column *c, const rs_ids *ids, const char *s)
{
	uint32_t i = id_of(ids, s);

	return c == NULL || i == UINT32_MAX || i >= c->n ? -999 :
	    rs_column_get(c, i);
}

static inline const char *
text_by_id(const rs_column *c, const rs_ids *ids, const char *s)
{
	uint32_t i = id_of(ids, s);
	const char *t;

	if (c == NULL || i == UINT32_MAX || i >= c->n)
		return "(no such row)";
	t = rs_column_text(c, i);
	return t ? t : "(not text)";
}

static inline bool
has_note(const rs_dataset *ds, const char *note)
{
	for (size_t i = 0; i < ds->nnotes; i++)
		if (strcmp(ds->notes[i], note) == 0)
			return true;
	fprintf(stderr, "missing note: \"%s\"; notes are:\n", note);
	for (size_t i = 0; i < ds->nnotes; i++)
		fprintf(stderr, "  \"%s\"\n", ds->notes[i]);
	return false;
}

/* Load must fail with this code and exact message. */
static inline void
expect_error(const char *path, const rs_load_opts *o, int code,
    const char *msg, int line)
{
	rs_error err;
	rs_dataset *ds = load_opts(path, o, &err);

	check_count += 3;
	if (ds != NULL) {
		check_failures++;
		fprintf(stderr, "%s:%d: loading %s succeeded, expected \"%s\"\n",
		    __FILE__, line, path, msg);
		rs_dataset_free(ds);
	}
	if (err.code != code) {
		check_failures++;
		fprintf(stderr, "%s:%d: error code %d, expected %d\n", __FILE__,
		    line, err.code, code);
	}
	if (strcmp(err.msg, msg) != 0) {
		check_failures++;
		fprintf(stderr, "%s:%d: error \"%s\",\n%*sexpected \"%s\"\n",
		    __FILE__, line, err.msg, (int)strlen(__FILE__) + 12, "", msg);
	}
}
#define EXPECT_ERROR(path, opts, code, msg) \
	expect_error(path, opts, code, msg, __LINE__)


/* Remove the temporary folder. */
static inline int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}


/* Make the temporary folder; 0 on success. */
static inline int
fixture_begin(const char *name)
{
	const char *base = getenv("TMPDIR");

	snprintf(tmp, sizeof tmp, "%s/rs-%s-XXXXXX",
	    base != NULL && *base != '\0' ? base : "/tmp", name);
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return -1;
	}
	return 0;
}

/* Remove the folder and free the paths handed out. */
static inline void
fixture_end(void)
{
	nftw(tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	for (size_t i = 0; i < npaths; i++)
		free(paths[i]);
}

#endif
