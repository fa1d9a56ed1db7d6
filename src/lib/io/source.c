/* Line source for the loader: plain or gzip files read in chunks, split into whole lines. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "io.h"
#include "util/xmalloc.h"

#define CHUNK ((size_t)1 << 20)

struct src {
	char *display;
	gzFile gz;
	double size;		/* bytes on disk, for progress */
	char *buf;
	size_t cap, start, end, scan;
	bool eof;
	bool had_newline;
	bool sniffed;		/* the line end has been decided */
	char eol;		/* '\n', or '\r' for a file with CR line ends only */
	size_t lineno;
	size_t max_line;
};

/* Open a regular file with a clear message for the usual failures. */
static int
open_regular(const char *path, const char *display, double *size, rs_error *err)
{
	struct stat st;
	int fd;

	if (stat(path, &st) != 0) {
		rs_error_set(err, RS_EIO, "cannot open %s: %s", display,
		    strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		rs_error_set(err, RS_EIO, "%s is a directory, not a file", display);
		return -1;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		rs_error_set(err, RS_EIO, "cannot open %s: %s", display,
		    strerror(errno));
		return -1;
	}
	*size = (double)st.st_size;
	return fd;
}

struct src *
io_src_open(const char *path, const char *display, size_t max_line, rs_error *err)
{
	struct src *s;
	double size;
	int fd = open_regular(path, display, &size, err);
	gzFile gz;
	size_t want;

	if (fd < 0)
		return NULL;
	gz = gzdopen(fd, "rb");
	if (gz == NULL) {
		close(fd);
		rs_error_set(err, RS_EIO, "cannot open %s: out of memory in zlib",
		    display);
		return NULL;
	}
	/* Small files get small buffers (they grow on demand): loading
	 * many small files, as tests and fuzzing do, then costs no large
	 * allocations. A .gz may inflate to more; its buffer doubles. */
	want = size + 1 < (double)CHUNK ? (size_t)size + 1 : CHUNK;
	if (want < 4096)
		want = 4096;
	gzbuffer(gz, (unsigned)(want < 256 * 1024 ? want : 256 * 1024));
	s = xcalloc(1, sizeof *s);
	s->display = xstrdup(display);
	s->gz = gz;
	s->size = size;
	s->cap = want;
	s->buf = xmalloc(s->cap);
	s->max_line = max_line ? max_line : RS_DEFAULT_MAX_LINE;
	s->eol = '\n';
	return s;
}

void
io_src_close(struct src *s)
{
	if (s == NULL)
		return;
	gzclose(s->gz);
	free(s->buf);
	free(s->display);
	free(s);
}

/* A gzip stream error of s; zlib names the descriptor ("<fd:3>: "), not
 * the file, so its prefix is dropped. */
static void
gz_corrupt(const struct src *s, const char *msg, rs_error *err)
{
	const char *colon = strstr(msg, ">: ");

	rs_error_set(err, RS_EIO, "%s: truncated or corrupt gzip data (%s)",
	    s->display, colon ? colon + 3 : msg);
}

/* Append more input after the buffered bytes. 0 ok, -1 error. */
static int
fill(struct src *s, rs_error *err)
{
	int got, errnum;
	const char *msg;

	if (s->start > 0) {
		memmove(s->buf, s->buf + s->start, s->end - s->start);
		s->end -= s->start;
		s->scan -= s->start;
		s->start = 0;
	}
	if (s->end == s->cap) {
		s->cap *= 2;
		s->buf = xrealloc(s->buf, s->cap);
	}
	got = gzread(s->gz, s->buf + s->end, (unsigned)(s->cap - s->end));
	if (got < 0) {
		msg = gzerror(s->gz, &errnum);
		if (errnum == Z_ERRNO)
			rs_error_set(err, RS_EIO, "%s: read error: %s", s->display,
			    strerror(errno));
		else
			gz_corrupt(s, msg, err);
		return -1;
	}
	if (got == 0) {
		msg = gzerror(s->gz, &errnum);
		if (errnum != Z_OK && errnum != Z_STREAM_END) {
			gz_corrupt(s, msg, err);
			return -1;
		}
		s->eof = true;
	}
	s->end += (size_t)got;
	if (!s->sniffed && s->end > 0) {
		/* classic Mac files end lines with CR alone */
		s->sniffed = true;
		if (memchr(s->buf, '\n', s->end) == NULL &&
		    memchr(s->buf, '\r', s->end) != NULL)
			s->eol = '\r';
	}
	return 0;
}

int
io_src_next_line(struct src *s, char **line, size_t *len, size_t *lineno,
    rs_error *err)
{
	char *nl, *l;
	size_t n;

	for (;;) {
		nl = memchr(s->buf + s->scan, s->eol, s->end - s->scan);
		if (nl != NULL || (s->eof && s->end > s->start))
			break;
		if (s->eof)
			return 0;
		if (s->end - s->start > s->max_line) {
			rs_error_set(err, RS_EPARSE,
			    "%s:%zu: line longer than %zu MiB; not a delimited text file?",
			    s->display, s->lineno + 1, s->max_line >> 20);
			return -1;
		}
		s->scan = s->end;
		if (fill(s, err) != 0)
			return -1;
	}
	l = s->buf + s->start;
	n = nl != NULL ? (size_t)(nl - l) : s->end - s->start;
	s->had_newline = nl != NULL;
	s->start = s->scan = nl != NULL ? (size_t)(nl - s->buf) + 1 : s->end;
	s->lineno++;
	if (n > s->max_line) {
		rs_error_set(err, RS_EPARSE,
		    "%s:%zu: line longer than %zu MiB; not a delimited text file?",
		    s->display, s->lineno, s->max_line >> 20);
		return -1;
	}
	/* CRLF, and CR CR LF from a file converted twice: the row ends at
	 * '\n' only, so a stray '\r' inside a line stays data */
	while (n > 0 && l[n - 1] == '\r' && s->eol == '\n')
		n--;
	if (s->lineno == 1 && n >= 3 && memcmp(l, "\xef\xbb\xbf", 3) == 0) {
		l += 3;
		n -= 3;
	}
	{
		char *z = memchr(l, '\0', n);
		if (z != NULL) {
			rs_error_set(err, RS_EPARSE,
			    "%s:%zu: NUL byte at byte %zu of the line; binary data, not text",
			    s->display, s->lineno, (size_t)(z - l) + 1);
			return -1;
		}
	}
	*line = l;
	*len = n;
	*lineno = s->lineno;
	return 1;
}

bool
io_src_line_had_newline(const struct src *s)
{
	return s->had_newline;
}

bool
io_src_cr_lines(const struct src *s)
{
	return s->eol == '\r';
}

double
io_src_bytes(const struct src *s)
{
	return s->size;
}

double
io_src_fraction(const struct src *s)
{
	z_off_t off = gzoffset(s->gz);

	if (s->size <= 0 || off < 0)
		return 0;
	return (double)off / s->size > 1 ? 1 : (double)off / s->size;
}
