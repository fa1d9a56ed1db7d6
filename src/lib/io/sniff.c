/* Layout guessing for delimited files: delimiter, header row, column names and kinds. */
#include "config.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io.h"
#include "util/text.h"
#include "util/xmalloc.h"

#define SNIFF_BYTES ((size_t)1 << 20)
#define SNIFF_LINES 500
#define SNIFF_ROWS 500

/* Rows of fields parsed from the sample. */
struct sample {
	char ***rows;
	size_t *nf;
	size_t nrows;
	char **cur;
	size_t curn, curcap;
	bool full;
};

static void
sample_field(void *s, size_t len, void *data)
{
	struct sample *sm = data;

	if (sm->full)
		return;
	/* grown geometrically: one field at a time is quadratic on a wide line */
	if (sm->curn == sm->curcap) {
		sm->curcap = util_grow_capacity(sm->curcap, sm->curn + 1);
		sm->cur = xreallocarray(sm->cur, sm->curcap, sizeof *sm->cur);
	}
	sm->cur[sm->curn++] = xstrndup(s ? s : "", s ? len : 0);
}

static void
sample_row(int c, void *data)
{
	struct sample *sm = data;

	if (sm->full) {
		return;
	}
	sm->rows = xreallocarray(sm->rows, sm->nrows + 1, sizeof *sm->rows);
	sm->nf = xreallocarray(sm->nf, sm->nrows + 1, sizeof *sm->nf);
	sm->rows[sm->nrows] = sm->cur;
	sm->nf[sm->nrows++] = sm->curn;
	sm->cur = NULL;
	sm->curn = sm->curcap = 0;
	if (sm->nrows >= SNIFF_ROWS)
		sm->full = true;
}

static void
sample_free(struct sample *sm)
{
	for (size_t r = 0; r < sm->nrows; r++) {
		for (size_t f = 0; f < sm->nf[r]; f++)
			free(sm->rows[r][f]);
		free(sm->rows[r]);
	}
	for (size_t f = 0; f < sm->curn; f++)
		free(sm->cur[f]);
	free(sm->cur);
	free(sm->rows);
	free(sm->nf);
}

static int
is_lf(unsigned char c)
{
	return c == '\n';
}

/* Occurrences of delimiter d (length dl) outside double quotes in a line. */
static size_t
count_delim(const char *l, size_t n, const char *d, size_t dl)
{
	size_t c = 0;
	bool q = false;

	for (size_t i = 0; i < n; i++) {
		if (l[i] == '"')
			q = !q;
		else if (!q && i + dl <= n && memcmp(l + i, d, dl) == 0) {
			c++;
			i += dl - 1;
		}
	}
	return c;
}

/* Pick the delimiter whose count is the same non-zero number on every
 * sample line (most fields wins); else the most frequent on line one. */
static void
guess_delim(const char *buf, size_t len, bool complete, char *delim,
    bool *colons)
{
	static const char *const cand[] = { "\t", ",", "::", "|", ";" };
	size_t ncand = sizeof cand / sizeof cand[0];
	size_t first[5] = { 0 }, best = 0, bestn = 0, lines = 0;
	bool consistent[5] = { true, true, true, true, true };
	const char *p = buf, *end = buf + len;

	while (p < end && lines < 50) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n;
		if (nl == NULL && !complete)
			break;
		n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > 0) {
			for (size_t k = 0; k < ncand; k++) {
				size_t c = count_delim(p, n, cand[k], strlen(cand[k]));
				if (lines == 0)
					first[k] = c;
				else if (c != first[k])
					consistent[k] = false;
			}
			lines++;
		}
		p = nl ? nl + 1 : end;
	}
	for (size_t k = 0; k < ncand; k++)
		if (consistent[k] && first[k] > bestn) {
			best = k;
			bestn = first[k];
		}
	if (bestn == 0)
		for (size_t k = 0; k < ncand; k++)
			if (first[k] > bestn) {
				best = k;
				bestn = first[k];
			}
	if (bestn == 0)
		best = 1;	/* one column: treat as CSV */
	*colons = strcmp(cand[best], "::") == 0;
	*delim = *colons ? '\x1f' : cand[best][0];
}

enum vclass { V_MISSING, V_NUMBER, V_ZERO_LEAD, V_TIME, V_TEXT };

static enum vclass
classify(const char *s)
{
	size_t n = strlen(s);
	double x;
	int decimals;

	switch (util_parse_number(s, n, &x, &decimals)) {
	case NUM_EMPTY:
		return V_MISSING;
	case NUM_OK:
	case NUM_RANGE:
		if (n > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9')
			return V_ZERO_LEAD;
		return V_NUMBER;
	case NUM_BAD:
		break;
	}
	if (util_parse_datetime(s, n, &x))
		return V_TIME;
	return V_TEXT;
}

static const char *const known_names[] = {
	"user", "user_id", "userid", "uid", "item", "item_id", "itemid", "iid",
	"video_id", "movieid", "movie_id", "rating", "watch_ratio", "timestamp",
	"time", "score", "value", "author_id", "creator", "creator_id", NULL
};

bool
io_sniff_name_is(const char *name, const char *const *cand)
{
	for (size_t i = 0; cand[i] != NULL; i++)
		if (strcasecmp(name, cand[i]) == 0)
			return true;
	return false;
}

static bool
guess_header(const struct sample *sm, size_t nf)
{
	bool any_name = false, all_text = true;

	if (sm->nrows == 0)
		return false;
	for (size_t j = 0; j < sm->nf[0] && j < nf; j++) {
		const char *h = sm->rows[0][j];
		enum vclass hc = classify(h);
		bool data_typed = sm->nrows > 1, seen = false;

		if (hc != V_TEXT && hc != V_ZERO_LEAD)
			all_text = false;
		if (io_sniff_name_is(h, known_names))
			any_name = true;
		for (size_t r = 1; r < sm->nrows; r++) {
			enum vclass c;
			if (j >= sm->nf[r])
				continue;
			c = classify(sm->rows[r][j]);
			if (c == V_MISSING)
				continue;
			seen = true;
			if (c != V_NUMBER && c != V_TIME)
				data_typed = false;
		}
		if (hc == V_TEXT && seen && data_typed)
			return true;
	}
	return all_text && any_name;
}

/* The first lines of the file (whole lines, each ending in '\n', CRLF and
 * the BOM removed, "::" squeezed once the delimiter is known): at most
 * SNIFF_LINES lines, and past SNIFF_BYTES only while fewer than two. The line
 * source reports NUL bytes and over-long lines with their line numbers. */
static char *
read_sample(const char *path, const char *display, size_t max_line,
    size_t *len, bool *complete, bool *cr_lines, rs_error *err)
{
	struct src *s = io_src_open(path, display, max_line, err);
	struct strbuf sb;
	char *line;
	size_t n, lineno, lines = 0;
	int rc;

	if (s == NULL)
		return NULL;
	sb_init(&sb);
	for (;;) {
		if (lines >= SNIFF_LINES || (sb.len >= SNIFF_BYTES && lines >= 2)) {
			*complete = false;
			break;
		}
		rc = io_src_next_line(s, &line, &n, &lineno, err);
		if (rc < 0) {
			io_src_close(s);
			sb_free(&sb);
			return NULL;
		}
		if (rc == 0) {
			*complete = true;
			break;
		}
		sb_add(&sb, line, n);
		sb_putc(&sb, '\n');
		lines++;
	}
	*cr_lines = io_src_cr_lines(s);
	io_src_close(s);
	*len = sb.len;
	if (sb.s == NULL)
		sb_add(&sb, "", 0);
	return sb_detach(&sb);
}

/* Parse the sample into rows; the final row only when the sample is the
 * whole file (else it may be cut mid-line). Takes buf. */
static void
sniff_parse(char *buf, size_t len, bool complete, char delim, bool no_quotes,
    struct sample *sm)
{
	struct csv_parser p;

	csv_init(&p, CSV_APPEND_NULL);
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_term_func(&p, is_lf);	/* a CR left in a line is data */
	if (no_quotes)
		csv_set_quote(&p, '\0');
	csv_parse(&p, buf, len, sample_field, sample_row, sm);
	if (complete)
		csv_fini(&p, sample_field, sample_row, sm);
	csv_free(&p);
	free(buf);
}

/* Column j's name: the header's, colN without one, made unique with _N. */
static int
sniff_name(struct sniff *out, const struct sample *sm, size_t j, rs_ids *seen,
    const char *display, rs_error *err)
{
	const char *h = out->header ? sm->rows[0][j] : "";

	if (out->header && util_utf8_valid_prefix(h, strlen(h)) != strlen(h)) {
		rs_error_set(err, RS_EPARSE,
		    "%s:1: column %zu: invalid UTF-8 in the header", display,
		    j + 1);
		return -1;
	}
	if (*h == '\0')
		out->names[j] = xasprintf("col%zu", j + 1);
	else
		out->names[j] = xstrdup(h);
	/* names seen so far in a hash table: a linear scan per column
	 * made a million-column header take hours */
	if (rs_ids_find(seen, out->names[j], strlen(out->names[j])) >= 0) {
		char *dup = xasprintf("%s_%zu", out->names[j], j + 1);
		free(out->names[j]);
		out->names[j] = dup;
	}
	rs_ids_intern(seen, out->names[j], strlen(out->names[j]));
	return 0;
}

/* Column j's kind from the sample's values: text as soon as one is text or
 * numbers and times mix; the first value's kind is kept as its lead. */
static void
sniff_kind(struct sniff *out, const struct sample *sm, size_t j)
{
	size_t nnum = 0, ntime = 0, ntext = 0;

	out->lead[j] = RS_COL_NUMBER;
	for (size_t r = out->header ? 1 : 0; r < sm->nrows; r++) {
		enum vclass v;
		if (j >= sm->nf[r])
			continue;
		v = classify(sm->rows[r][j]);
		if (v != V_MISSING && nnum + ntime + ntext == 0)
			out->lead[j] = v == V_NUMBER ? RS_COL_NUMBER :
			    v == V_TIME ? RS_COL_TIME : RS_COL_TEXT;
		switch (v) {
		case V_NUMBER:
			nnum++;
			break;
		case V_ZERO_LEAD:
			out->zero_lead[j] = true;
			ntext++;
			break;
		case V_TIME:
			ntime++;
			break;
		case V_TEXT:
			ntext++;
			break;
		case V_MISSING:
			break;
		}
	}
	if (ntext > 0 || (nnum > 0 && ntime > 0))
		out->kinds[j] = RS_COL_TEXT;
	else if (ntime > 0)
		out->kinds[j] = RS_COL_TIME;
	else
		out->kinds[j] = RS_COL_NUMBER;
}

int
io_sniff_file(const char *path, const char *display, const char *delim,
    int header, enum rs_encoding enc, bool no_quotes, size_t max_line,
    struct sniff *out, rs_error *err)
{
	size_t len, nf = 0, last_nl;
	bool complete = false, cr_lines = false;
	char *buf;
	struct sample sm = { 0 };
	rs_ids *seen;

	memset(out, 0, sizeof *out);
	buf = read_sample(path, display, max_line, &len, &complete, &cr_lines, err);
	if (buf == NULL)
		return -1;
	out->cr_lines = cr_lines;
	if (len == 0) {
		rs_error_set(err, RS_EPARSE, "%s: empty file", display);
		free(buf);
		return -1;
	}
	if (delim != NULL) {
		out->colons = strcmp(delim, "::") == 0;
		out->delim = out->colons ? '\x1f' : delim[0];
	} else
		guess_delim(buf, len, true, &out->delim, &out->colons);
	last_nl = len;
	if (out->colons)
		last_nl = io_squeeze_colons(buf, last_nl);
	if (enc == ENC_LATIN1) {
		size_t nl2;
		char *u = util_latin1_to_utf8(buf, last_nl, &nl2);
		free(buf);
		buf = u;
		last_nl = nl2;
	}
	sniff_parse(buf, last_nl, complete, out->delim, no_quotes, &sm);
	if (sm.nrows == 0) {
		rs_error_set(err, RS_EPARSE, "%s: no rows (only blank lines)",
		    display);
		sample_free(&sm);
		return -1;
	}
	/* The width is that of the first row; the reader checks every row. */
	nf = sm.nf[0];
	if (nf > RS_MAX_COLUMNS) {
		/* each column costs kilobytes of buffers: a million-column line
		 * would take gigabytes before the first row */
		rs_error_set(err, RS_EPARSE,
		    "%s:1: %zu fields; at most %d columns are read", display, nf,
		    RS_MAX_COLUMNS);
		sample_free(&sm);
		return -1;
	}
	out->nfields = nf;
	out->header = header >= 0 ? header == 1 : guess_header(&sm, nf);
	out->names = xcalloc(nf, sizeof *out->names);
	out->kinds = xcalloc(nf, sizeof *out->kinds);
	out->zero_lead = xcalloc(nf, sizeof *out->zero_lead);
	out->lead = xcalloc(nf, sizeof *out->lead);
	seen = rs_ids_new();
	for (size_t j = 0; j < nf; j++) {
		if (sniff_name(out, &sm, j, seen, display, err) != 0) {
			rs_ids_free(seen);
			sample_free(&sm);
			io_sniff_free(out);
			return -1;
		}
		sniff_kind(out, &sm, j);
	}
	rs_ids_free(seen);
	out->nsample = sm.nrows - (out->header ? 1 : 0);
	out->first = xcalloc(nf, sizeof *out->first);
	for (size_t j = 0; j < nf; j++)
		out->first[j] = xstrdup(sm.rows[0][j]);
	sample_free(&sm);
	return 0;
}

void
io_sniff_free(struct sniff *sn)
{
	for (size_t j = 0; sn->names != NULL && j < sn->nfields; j++)
		free(sn->names[j]);
	for (size_t j = 0; sn->first != NULL && j < sn->nfields; j++)
		free(sn->first[j]);
	free(sn->first);
	free(sn->names);
	free(sn->kinds);
	free(sn->lead);
	free(sn->zero_lead);
	memset(sn, 0, sizeof *sn);
}
