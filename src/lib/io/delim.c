/* Delimited-text reader: a thread runs libcsv over whole lines while the caller checks and stores rows. */
#include "config.h"

#include <csv.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "util/text.h"
#include "util/xmalloc.h"

/* Rows handed from the parsing thread to the storing one. */
struct batch {
	char *bytes;		/* field bytes, each NUL-terminated */
	size_t blen, bcap;
	size_t *foff, *flen;	/* per field */
	size_t nf, fcap;
	size_t *rfirst, *rnf, *rline;	/* per row: first field, count, line */
	size_t *rlast;		/* per row: the line it ends on */
	size_t nrows, rcap;
	double fraction;	/* of the input consumed when the batch closed */
};

#define NBATCH 4
#define BATCH_ROWS 4096

/* The queue between the two threads and what the parser reports. */
struct pipe {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch b[NBATCH];
	int full[NBATCH];	/* 1 when b[i] waits for the storer */
	int head, tail;		/* next to fill / next to store */
	bool done;		/* the parser has finished (or failed) */
	bool stop;		/* the storer wants the parser to stop */
	/* parser side */
	struct reader *r;
	struct src *src;
	struct csv_parser p;
	struct batch *cur;
	size_t row_line;	/* where the current row started */
	size_t line;		/* the line being fed */
	size_t rows;
	rs_error perr;		/* the parser's error, if any */
	bool pfailed;
	/* a small file is parsed and stored in the caller's thread: each
	 * batch goes to the storer at once (no thread to start and join) */
	struct store *inl;
	const rs_hooks *hooks;
	const char *task;
	bool cancelled;
};

struct store;
static bool consume(struct pipe *pp, struct store *st, struct batch *b);

static void
batch_reset(struct batch *b)
{
	b->blen = b->nf = b->nrows = 0;
}

static void
batch_free(struct batch *b)
{
	free(b->bytes);
	free(b->foff);
	free(b->flen);
	free(b->rfirst);
	free(b->rnf);
	free(b->rline);
	free(b->rlast);
}

static void
on_field(void *s, size_t len, void *data)
{
	struct pipe *pp = data;
	struct batch *b = pp->cur;

	if (b->nf == b->fcap) {
		b->fcap = util_grow_capacity(b->fcap, b->nf + 1);
		b->foff = xreallocarray(b->foff, b->fcap, sizeof *b->foff);
		b->flen = xreallocarray(b->flen, b->fcap, sizeof *b->flen);
	}
	if (b->blen + len + 1 > b->bcap) {
		b->bcap = util_grow_capacity(b->bcap, b->blen + len + 1);
		b->bytes = xrealloc(b->bytes, b->bcap);
	}
	if (len)
		memcpy(b->bytes + b->blen, s, len);
	b->bytes[b->blen + len] = '\0';
	b->foff[b->nf] = b->blen;
	b->flen[b->nf] = len;
	b->blen += len + 1;
	b->nf++;
}

static void
on_row(int c, void *data)
{
	struct pipe *pp = data;
	struct batch *b = pp->cur;
	size_t first = b->nrows ? b->rfirst[b->nrows - 1] + b->rnf[b->nrows - 1] : 0;

	(void)c;
	pp->rows++;
	if (b->nrows == b->rcap) {
		b->rcap = util_grow_capacity(b->rcap, b->nrows + 1);
		b->rfirst = xreallocarray(b->rfirst, b->rcap, sizeof *b->rfirst);
		b->rnf = xreallocarray(b->rnf, b->rcap, sizeof *b->rnf);
		b->rline = xreallocarray(b->rline, b->rcap, sizeof *b->rline);
		b->rlast = xreallocarray(b->rlast, b->rcap, sizeof *b->rlast);
	}
	b->rfirst[b->nrows] = first;
	b->rnf[b->nrows] = b->nf - first;
	b->rline[b->nrows] = pp->row_line;
	b->rlast[b->nrows] = pp->line;
	b->nrows++;
}

/* Hand the current batch over and take an empty one; false to stop. */
static bool
batch_pass(struct pipe *pp)
{
	bool ok;

	if (pp->inl != NULL) {
		pp->cur->fraction = io_src_fraction(pp->src);
		pp->stop = consume(pp, pp->inl, pp->cur);
		batch_reset(pp->cur);
		return !pp->stop;
	}
	pthread_mutex_lock(&pp->mu);
	pp->b[pp->head].fraction = io_src_fraction(pp->src);
	pp->full[pp->head] = 1;
	pp->head = (pp->head + 1) % NBATCH;
	pthread_cond_broadcast(&pp->cv);
	while (pp->full[pp->head] && !pp->stop)
		pthread_cond_wait(&pp->cv, &pp->mu);
	ok = !pp->stop;
	pp->cur = &pp->b[pp->head];
	pthread_mutex_unlock(&pp->mu);
	batch_reset(pp->cur);
	return ok;
}

static int
is_lf(unsigned char c)
{
	return c == '\n';
}

size_t
io_squeeze_colons(char *l, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (l[i] == ':' && i + 1 < n && l[i + 1] == ':') {
			l[o++] = '\x1f';
			i++;
		} else
			l[o++] = l[i];
	}
	return o;
}

/* A line without any quote character, at the start of a row, holds no CSV
 * escapes: its fields are the runs between delimiters, trimmed of spaces and
 * tabs exactly as libcsv trims unquoted fields. Splitting it directly skips
 * libcsv's byte-by-byte state machine on the bulk of a log (the loader's
 * hottest path); every line with a quote, and every row continued across
 * lines, still goes through libcsv. */
static void
split_plain_line(struct pipe *pp, const char *line, size_t len, char delim)
{
	const char *p = line, *end = line + len;

	if (len == 0)
		return;		/* a blank line is no row, as in libcsv */
	for (;;) {
		const char *d = memchr(p, delim, (size_t)(end - p));
		const char *fe = d != NULL ? d : end, *fs = p;
		while (fs < fe && (*fs == ' ' || *fs == '\t') && *fs != delim)
			fs++;
		while (fe > fs && (fe[-1] == ' ' || fe[-1] == '\t') && fe[-1] != delim)
			fe--;
		on_field((void *)fs, (size_t)(fe - fs), pp);
		if (d == NULL)
			break;
		p = d + 1;
	}
	on_row('\n', pp);
}

/* The parsing thread: lines from the source through libcsv into batches. */
static void *
parse_thread(void *arg)
{
	struct pipe *pp = arg;
	struct reader *r = pp->r;
	char *line, *conv = NULL;
	size_t len, lineno = 0, row_bytes = 0, rows_before;
	size_t max_line = r->max_line ? r->max_line : RS_DEFAULT_MAX_LINE;
	bool open = false;	/* a quoted field continues from an earlier line */
	int rc;

	while ((rc = io_src_next_line(pp->src, &line, &len, &lineno, &pp->perr)) == 1) {
		const char *feed = line;
		size_t flen = len;
		bool nl = io_src_line_had_newline(pp->src), cr;

		if (!open) {
			pp->row_line = lineno;
			row_bytes = 0;
		}
		rows_before = pp->rows;
		pp->line = lineno;
		if (r->colons)
			flen = io_squeeze_colons(line, len);
		/* a CR inside a line is data; libcsv would end the row there */
		cr = memchr(line, '\r', flen) != NULL;
		if (cr)
			csv_set_term_func(&pp->p, is_lf);
		/* the byte after the line (its LF or CR) is ours to overwrite */
		if (nl)
			line[flen] = '\n';
		if (r->enc == ENC_LATIN1) {
			size_t n2;
			free(conv);
			conv = util_latin1_to_utf8(line, flen + nl, &n2);
			feed = conv;
			flen = n2 - nl;
		}
		if (!open && (r->no_quotes || memchr(feed, '"', flen) == NULL)) {
			if (cr)
				csv_set_term_func(&pp->p, NULL);
			split_plain_line(pp, feed, flen, r->delim);
			if (pp->cur->nrows >= BATCH_ROWS && !batch_pass(pp))
				break;
			continue;
		}
		row_bytes += flen;
		if (open && row_bytes > max_line) {
			rs_error_set(&pp->perr, RS_EPARSE,
			    "%s:%zu: quoted field is not closed within %zu MiB",
			    r->display, pp->row_line, max_line >> 20);
			rc = -1;
			break;
		}
		if (csv_parse(&pp->p, feed, flen + nl, on_field, on_row, pp) !=
		    flen + nl) {
			rs_error_set(&pp->perr, RS_EPARSE, "%s:%zu: %s", r->display,
			    lineno, csv_strerror(csv_error(&pp->p)));
			rc = -1;
			break;
		}
		if (cr)
			csv_set_term_func(&pp->p, NULL);
		open = pp->rows == rows_before && (open || flen > 0);
		if (pp->cur->nrows >= BATCH_ROWS && !open && !batch_pass(pp))
			break;
	}
	/* inside a quoted field at the end of input (libcsv's FIELD_BEGUN state) */
	if (rc == 0 && pp->p.quoted && pp->p.pstate == 2) {
		rs_error_set(&pp->perr, RS_EPARSE,
		    "%s:%zu: quoted field opened here is never closed", r->display,
		    pp->row_line);
		rc = -1;
	}
	if (rc == 0)
		csv_fini(&pp->p, on_field, on_row, pp);
	free(conv);
	r->lines = lineno;
	pthread_mutex_lock(&pp->mu);
	pp->pfailed = rc < 0;
	pp->b[pp->head].fraction = 1;
	pp->full[pp->head] = 1;	/* the last, possibly empty, batch */
	pp->head = (pp->head + 1) % NBATCH;
	pp->done = true;
	pthread_cond_broadcast(&pp->cv);
	pthread_mutex_unlock(&pp->mu);
	return NULL;
}

/* ---- the storing side ---- */

struct store {
	struct reader *r;
	double *vals;		/* row_check's parsed values, per field */
	int *dec;
	char **conv;		/* Latin-1 conversions of fields (ENC_AUTO) */
	size_t line;
	rs_error *err;
	bool failed;
	/* a batch, column by column: state and parsed values per row */
	uint8_t *state;
	double *bv;		/* nfields x rows */
	int8_t *bd;
	size_t bcap;
};

enum { ROW_OK, ROW_SKIP, ROW_BAD };

static void row_bad(struct store *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A malformed row: fail, or count it when skipping bad rows. */
static void
row_bad(struct store *st, const char *fmt, ...)
{
	struct reader *r = st->r;
	char msg[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (r->skip_bad) {
		if (r->nbad++ == 0)
			snprintf(r->first_bad, sizeof r->first_bad, "%s:%zu: %s",
			    r->display, st->line, msg);
		return;
	}
	rs_error_set(st->err, RS_EPARSE, "%s:%zu: %s", r->display, st->line, msg);
	st->failed = true;
}

static const char *
colname(const struct reader *r, size_t j)
{
	return r->names != NULL ? r->names[j] : "";
}

/* Check every field of a row; on success vals/dec/conv are filled. */
static bool
row_check(struct store *st, char *const *f, const size_t *flen)
{
	struct reader *r = st->r;
	char q[128];

	for (size_t j = 0; j < r->nfields; j++) {
		struct field_spec *fs = &r->fields[j];
		const char *s = f[j];
		size_t len = flen[j];

		st->conv[j] = NULL;
		if (fs->role == F_SKIP)
			continue;
		if (fs->role != F_COLUMN && len == 0) {
			row_bad(st, "column %zu (%s): %s id missing", j + 1,
			    colname(r, j), fs->role == F_USER ? "user" :
			    fs->role == F_ITEM ? "item" :
			    r->key_role ? r->key_role : "key");
			return false;
		}
		if (fs->role == F_COLUMN && fs->col->kind == RS_COL_NUMBER) {
			switch (util_parse_number(s, len, &st->vals[j], &st->dec[j])) {
			case NUM_OK:
				continue;
			case NUM_EMPTY:
				st->vals[j] = NAN;
				st->dec[j] = 0;
				continue;
			case NUM_BAD:
				util_quote_field(s, len, q, sizeof q);
				row_bad(st, "column %zu (%s): %s is not a number",
				    j + 1, colname(r, j), q);
				return false;
			case NUM_RANGE:
				util_quote_field(s, len, q, sizeof q);
				row_bad(st,
				    "column %zu (%s): %s is out of range (not a finite number)",
				    j + 1, colname(r, j), q);
				return false;
			}
		}
		if (fs->role == F_COLUMN && fs->col->kind == RS_COL_TIME) {
			if (util_parse_datetime(s, len, &st->vals[j]))
				st->dec[j] = 3;	/* times keep milliseconds */
			else if (util_is_missing_token(s, len))
				st->vals[j] = NAN;
			else {
				util_quote_field(s, len, q, sizeof q);
				row_bad(st,
				    "column %zu (%s): %s is not a date-time (YYYY-MM-DD[ HH:MM:SS])",
				    j + 1, colname(r, j), q);
				return false;
			}
			continue;
		}
		/* ids and text */
		if (util_utf8_valid_prefix(s, len) != len) {
			size_t n2;
			if (r->enc == ENC_AUTO) {
				st->conv[j] = util_latin1_to_utf8(s, len, &n2);
				continue;
			}
			row_bad(st,
			    "column %zu (%s): invalid UTF-8 at byte %zu (give encoding=latin1 for a Latin-1 file)",
			    j + 1, colname(r, j), util_utf8_valid_prefix(s, len) + 1);
			return false;
		}
	}
	return true;
}

static void
grow_ids(struct reader *r, size_t more)
{
	if (r->n + more <= r->cap)
		return;
	r->cap = util_grow_capacity(r->cap, r->n + more);
	if (r->user_ids)
		r->user = xreallocarray(r->user, r->cap, sizeof *r->user);
	if (r->item_ids)
		r->item = xreallocarray(r->item, r->cap, sizeof *r->item);
	if (r->key_ids)
		r->key = xreallocarray(r->key, r->cap, sizeof *r->key);
	if (r->want_lines)
		r->line = xreallocarray(r->line, r->cap, sizeof *r->line);
}

/* Say why row i is malformed (the first bad field, in column order), as
 * row_check does; false when the row is fine after all. */
static bool
explain_row(struct store *st, const struct batch *b, size_t i, char **f)
{
	struct reader *r = st->r;
	size_t nf = b->rnf[i], first = b->rfirst[i];
	bool ok;

	st->line = b->rline[i];
	if (nf != r->nfields) {
		/* a generated world's injected broken lines fail here: say
		 * how to load past them */
		const char *hint = r->skip_bad || r->no_skip_hint ? "" :
		    "; --skip-bad skips such lines";
		if (b->rlast[i] > b->rline[i])
			row_bad(st,
			    "expected %zu fields, found %zu (the row runs to line %zu: an unbalanced quote?)%s",
			    r->nfields, nf, b->rlast[i], hint);
		else
			row_bad(st, "expected %zu fields, found %zu%s", r->nfields, nf, hint);
		return true;
	}
	for (size_t j = 0; j < nf; j++)
		f[j] = b->bytes + b->foff[first + j];
	ok = row_check(st, f, b->flen + first);
	for (size_t j = 0; j < r->nfields; j++) {
		free(st->conv[j]);
		st->conv[j] = NULL;
	}
	return !ok;
}

/* The text to store for a field: as written, or read as Latin-1 when it is
 * not UTF-8 and the encoding is auto (then *tmp holds the conversion). */
static const char *
field_text(const struct reader *r, const char *s, size_t *len, char **tmp)
{
	*tmp = NULL;
	if (r->enc == ENC_AUTO && util_utf8_valid_prefix(s, *len) != *len) {
		*tmp = util_latin1_to_utf8(s, *len, len);
		return *tmp;
	}
	return s;
}

/* The shape of each row: the header row and lines of spaces are skipped,
 * a wrong field count is malformed before any field is read. */
static void
batch_shapes(struct store *st, const struct batch *b)
{
	struct reader *r = st->r;
	size_t nf = r->nfields;

	for (size_t i = 0; i < b->nrows; i++) {
		size_t n = b->rnf[i], first = b->rfirst[i];
		st->state[i] = ROW_OK;
		if (r->header) {
			r->header = false;	/* the sniffer read the names */
			st->state[i] = ROW_SKIP;
		} else if (n == 1 && b->flen[first] == 0 && nf > 1)
			st->state[i] = ROW_SKIP;	/* a line of spaces */
		else if (n != nf)
			st->state[i] = ROW_BAD;
	}
}

/* Parse field j of every good row into st->bv / st->bd (numbers, times) or
 * check it (ids, text), marking the rows it makes malformed; one kind of
 * value per call keeps the loop tight. */
static void
batch_parse_column(struct store *st, const struct batch *b, size_t j)
{
	struct reader *r = st->r;
	size_t nrows = b->nrows;
	const struct field_spec *fs = &r->fields[j];
	double *v = st->bv + j * nrows;
	int8_t *d = st->bd + j * nrows;
	bool check_utf8 = r->enc != ENC_AUTO;

	if (fs->role == F_SKIP)
		return;
	for (size_t i = 0; i < nrows; i++) {
		const char *s;
		size_t len;
		int dec;
		if (st->state[i] != ROW_OK)
			continue;
		s = b->bytes + b->foff[b->rfirst[i] + j];
		len = b->flen[b->rfirst[i] + j];
		if (fs->role != F_COLUMN) {
			if (len == 0 || (check_utf8 &&
			    util_utf8_valid_prefix(s, len) != len))
				st->state[i] = ROW_BAD;
		} else if (fs->col->kind == RS_COL_NUMBER) {
			switch (util_parse_number(s, len, &v[i], &dec)) {
			case NUM_OK:
				d[i] = (int8_t)(dec > 100 ? 100 : dec);
				break;
			case NUM_EMPTY:
				v[i] = NAN;
				d[i] = 0;
				break;
			default:
				st->state[i] = ROW_BAD;
			}
		} else if (fs->col->kind == RS_COL_TIME) {
			if (util_parse_datetime(s, len, &v[i]))
				d[i] = 3;	/* times keep milliseconds */
			else if (util_is_missing_token(s, len))
				v[i] = NAN;
			else
				st->state[i] = ROW_BAD;
		} else if (check_utf8 && util_utf8_valid_prefix(s, len) != len)
			st->state[i] = ROW_BAD;
	}
}

/* Malformed rows, in file order: fail at the first, or count them. Returns
 * how many rows to store (those before a failure). */
static size_t
batch_explain(struct store *st, const struct batch *b)
{
	char **f = xmalloc((st->r->nfields + 1) * sizeof *f);
	size_t limit = b->nrows;

	for (size_t i = 0; i < b->nrows; i++) {
		if (st->state[i] != ROW_BAD)
			continue;
		if (!explain_row(st, b, i, f)) {
			st->state[i] = ROW_OK;	/* cannot happen: the checks agree */
			continue;
		}
		if (st->failed) {
			limit = i;
			break;
		}
	}
	free(f);
	return limit;
}

/* Store field j of the good rows among the first limit: ids interned in
 * row order, numbers from the parse, text as written (or from Latin-1). */
static void
batch_store_column(struct store *st, const struct batch *b, size_t j,
    size_t limit)
{
	struct reader *r = st->r;
	size_t nrows = b->nrows;
	const struct field_spec *fs = &r->fields[j];
	const double *v = st->bv + j * nrows;
	const int8_t *d = st->bd + j * nrows;
	uint32_t *ids = NULL;
	rs_ids *map = NULL;
	size_t k = r->n;

	switch (fs->role) {
	case F_SKIP:
		return;
	case F_USER:
		ids = r->user;
		map = r->user_ids;
		break;
	case F_ITEM:
		ids = r->item;
		map = r->item_ids;
		break;
	case F_KEY:
		ids = r->key;
		map = r->key_ids;
		break;
	case F_COLUMN:
		break;
	}
	for (size_t i = 0; i < limit; i++) {
		const char *s;
		size_t len;
		char *tmp;
		if (st->state[i] != ROW_OK)
			continue;
		if (fs->role == F_COLUMN && fs->col->kind != RS_COL_TEXT) {
			rs_column_push_number(fs->col, v[i], d[i]);
			continue;
		}
		s = b->bytes + b->foff[b->rfirst[i] + j];
		len = b->flen[b->rfirst[i] + j];
		s = field_text(r, s, &len, &tmp);
		if (map != NULL)
			ids[k++] = rs_ids_intern(map, s, len);
		else if (util_is_missing_token(s, len))
			rs_column_push_missing(fs->col);
		else
			rs_column_push_text(fs->col, s, len);
		free(tmp);
	}
}

/* Check and store a batch column by column (tight loops over one kind of
 * value); malformed rows are explained row by row, in file order. */
static void
store_batch(struct store *st, struct batch *b)
{
	struct reader *r = st->r;
	size_t nf = r->nfields, nrows = b->nrows, limit, good = 0;

	if (nrows == 0)
		return;		/* nothing read: the column arrays may be NULL */
	if (nrows > st->bcap) {
		st->bcap = nrows;
		st->state = xrealloc(st->state, nrows);
		st->bv = xreallocarray(st->bv, nrows * nf, sizeof *st->bv);
		st->bd = xreallocarray(st->bd, nrows * nf, sizeof *st->bd);
	}
	batch_shapes(st, b);
	for (size_t j = 0; j < nf; j++)
		batch_parse_column(st, b, j);
	limit = batch_explain(st, b);
	for (size_t i = 0; i < limit; i++)
		good += st->state[i] == ROW_OK;
	grow_ids(r, good);
	if (r->want_lines)
		for (size_t i = 0, k = r->n; i < limit; i++)
			if (st->state[i] == ROW_OK)
				r->line[k++] = b->rline[i];
	for (size_t j = 0; j < nf; j++)
		batch_store_column(st, b, j, limit);
	r->n += good;
}

/* Store batch b unless the work already stopped, then report progress.
 * True when the parser must stop (a failure, or Ctrl-C). Storer side only:
 * the caller hands the answer to the parser. */
static bool
consume(struct pipe *pp, struct store *st, struct batch *b)
{
	if (!st->failed && !pp->cancelled)
		store_batch(st, b);
	if (!st->failed && !pp->cancelled &&
	    rs_hooks_progress(pp->hooks, pp->task, b->fraction, 1.0))
		pp->cancelled = true;
	return st->failed || pp->cancelled;
}

/* Files smaller than this are read in the caller's thread. */
#define INLINE_BYTES ((double)(1 << 20))

int
io_reader_run(struct reader *r, const rs_hooks *hooks, const char *task,
    rs_error *err)
{
	struct pipe *pp = xcalloc(1, sizeof *pp);
	struct store st = { 0 };
	size_t max_line = r->max_line ? r->max_line : RS_DEFAULT_MAX_LINE;
	pthread_t tid;
	int ret = -1;

	pp->src = io_src_open(r->path, r->display, max_line, err);
	if (pp->src == NULL) {
		free(pp);
		return -1;
	}
	pp->r = r;
	pthread_mutex_init(&pp->mu, NULL);
	pthread_cond_init(&pp->cv, NULL);
	csv_init(&pp->p, CSV_STRICT_FINI);
	csv_set_delim(&pp->p, (unsigned char)r->delim);
	if (r->no_quotes)
		csv_set_quote(&pp->p, '\0');
	pp->cur = &pp->b[0];
	st.r = r;
	st.err = err;
	st.vals = xcalloc(r->nfields, sizeof *st.vals);
	st.dec = xcalloc(r->nfields, sizeof *st.dec);
	st.conv = xcalloc(r->nfields, sizeof *st.conv);
	pp->hooks = hooks;
	pp->task = task;
	if (io_src_bytes(pp->src) < INLINE_BYTES) {
		pp->inl = &st;
		parse_thread(pp);
		/* the last, possibly empty, batch: the only one in use */
		(void)consume(pp, &st, pp->cur);
		goto finish;
	}
	if (pthread_create(&tid, NULL, parse_thread, pp) != 0) {
		rs_error_set(err, RS_EIO, "cannot start a thread to read %s",
		    r->display);
		goto out_nothread;
	}
	for (;;) {
		struct batch *b;
		bool last, stop;

		pthread_mutex_lock(&pp->mu);
		while (!pp->full[pp->tail])
			pthread_cond_wait(&pp->cv, &pp->mu);
		b = &pp->b[pp->tail];
		last = pp->done && (pp->tail + 1) % NBATCH == pp->head;
		pthread_mutex_unlock(&pp->mu);
		stop = consume(pp, &st, b);
		pthread_mutex_lock(&pp->mu);
		if (stop)
			pp->stop = true;
		pp->full[pp->tail] = 0;
		pp->tail = (pp->tail + 1) % NBATCH;
		pthread_cond_broadcast(&pp->cv);
		pthread_mutex_unlock(&pp->mu);
		if (last)
			break;
		if (pp->stop) {
			/* drain until the parser has posted its final batch */
			pthread_mutex_lock(&pp->mu);
			while (!pp->done)
				pthread_cond_wait(&pp->cv, &pp->mu);
			pthread_mutex_unlock(&pp->mu);
			break;
		}
	}
	pthread_join(tid, NULL);
finish:
	if (st.failed)
		goto out;
	if (pp->cancelled) {
		rs_error_set(err, RS_ECANCEL, "interrupted while reading %s",
		    r->display);
		goto out;
	}
	if (pp->pfailed) {
		if (err != NULL)
			*err = pp->perr;
		goto out;
	}
	rs_hooks_progress(hooks, task, 1.0, 1.0);
	ret = 0;
out:
out_nothread:
	csv_free(&pp->p);
	io_src_close(pp->src);
	for (int i = 0; i < NBATCH; i++)
		batch_free(&pp->b[i]);
	pthread_mutex_destroy(&pp->mu);
	pthread_cond_destroy(&pp->cv);
	free(pp);
	for (size_t j = 0; j < r->nfields; j++)
		free(st.conv[j]);
	free(st.conv);
	free(st.vals);
	free(st.dec);
	free(st.state);
	free(st.bv);
	free(st.bd);
	return ret;
}

void
io_reader_free_output(struct reader *r)
{
	free(r->user);
	free(r->item);
	free(r->key);
	free(r->line);
	r->line = NULL;
	r->user = r->item = r->key = NULL;
	r->n = r->cap = 0;
}
