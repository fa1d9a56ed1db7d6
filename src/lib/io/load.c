/* rs_dataset_load: format detection, role resolution, logs and side tables joined by id. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "reelscope/load.h"
#include "io.h"
#include "util/text.h"
#include "util/xmalloc.h"

static const char *const user_names[] = { "user_id", "userid", "user", "uid",
	"customer_id", "visitor_id", "viewer_id", NULL };
static const char *const item_names[] = { "item_id", "itemid", "item",
	"video_id", "videoid", "movie_id", "movieid", "iid", "photo_id",
	"product_id", "song_id", "track_id", NULL };
static const char *const value_names[] = { "rating", "watch_ratio", "score",
	"value", "label", "weight", "plays", "count", NULL };
static const char *const time_names[] = { "timestamp", "time", "ts",
	"datetime", "event_time", "created_at", "date", NULL };
static const char *const creator_names[] = { "creator_id", "creator",
	"author_id", "author", "owner_id", "uploader_id", "channel_id", NULL };

void
rs_load_opts_init(rs_load_opts *o)
{
	memset(o, 0, sizeof *o);
	o->header = -1;
}

static const char *
delim_canonical(const char *d)
{
	if (d == NULL)
		return NULL;
	if (strcmp(d, ",") == 0 || strcmp(d, "comma") == 0)
		return ",";
	if (strcmp(d, "\t") == 0 || strcmp(d, "tab") == 0 || strcmp(d, "\\t") == 0)
		return "\t";
	if (strcmp(d, "|") == 0 || strcmp(d, "pipe") == 0)
		return "|";
	if (strcmp(d, ";") == 0 || strcmp(d, "semicolon") == 0)
		return ";";
	if (strcmp(d, "::") == 0)
		return "::";
	return "";
}

enum rs_encoding
io_encoding_of(const char *name)
{
	if (name == NULL || strcasecmp(name, "utf-8") == 0 ||
	    strcasecmp(name, "utf8") == 0)
		return ENC_UTF8;
	if (strcasecmp(name, "latin1") == 0 || strcasecmp(name, "latin-1") == 0 ||
	    strcasecmp(name, "iso-8859-1") == 0)
		return ENC_LATIN1;
	return ENC_AUTO;
}

const char *
rs_load_opts_check(const rs_load_opts *o)
{
	if (o->format != NULL && strcmp(o->format, "auto") != 0 &&
	    strcmp(o->format, "csv") != 0 && strcmp(o->format, "movielens") != 0 &&
	    strcmp(o->format, "kuairec") != 0)
		return "format must be auto, csv, movielens or kuairec";
	if (o->delim != NULL && *delim_canonical(o->delim) == '\0')
		return "delim must be one of , tab | ; :: (or comma, pipe, semicolon)";
	if (o->encoding != NULL && io_encoding_of(o->encoding) == ENC_AUTO &&
	    strcasecmp(o->encoding, "auto") != 0)
		return "encoding must be utf-8, latin1 or auto";
	if (o->matrix != NULL && strcmp(o->matrix, "big") != 0 &&
	    strcmp(o->matrix, "small") != 0 && strcmp(o->matrix, "both") != 0)
		return "matrix must be big, small or both";
	if (o->header < -1 || o->header > 1)
		return "header must be yes or no";
	if (o->signal != NULL && rs_signal_kind_find(o->signal) < 0)
		return "signal must be rating, counts, binary, ratio or values";
	return NULL;
}

/* Resolve a role given by name or 1-based position; -1 when absent,
 * -2 when the user named a column that does not exist. */
static int
find_col(const struct sniff *sn, const char *want)
{
	char *end;
	long pos;

	for (size_t j = 0; j < sn->nfields; j++)
		if (strcmp(sn->names[j], want) == 0)
			return (int)j;
	for (size_t j = 0; j < sn->nfields; j++)
		if (strcasecmp(sn->names[j], want) == 0)
			return (int)j;
	pos = strtol(want, &end, 10);
	if (*want != '\0' && *end == '\0' && pos >= 1 && (size_t)pos <= sn->nfields)
		return (int)pos - 1;
	return -2;
}

static int
find_candidate(const struct sniff *sn, const char *const *cand)
{
	for (size_t k = 0; cand[k] != NULL; k++)
		for (size_t j = 0; j < sn->nfields; j++)
			if (strcasecmp(sn->names[j], cand[k]) == 0)
				return (int)j;
	return -1;
}

static void
list_columns(const struct sniff *sn, char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t j = 0; j < sn->nfields && o + 4 < size; j++)
		o += (size_t)snprintf(buf + o, size - o, "%s%s", j ? ", " : "",
		    sn->names[j]);
}

/* Apply "name:kind,..." overrides to the sniffed kinds. */
static int
apply_types(struct sniff *sn, const char *types, const char *display,
    rs_error *err)
{
	char *copy, *tok, *save = NULL;
	int ret = 0;

	if (types == NULL)
		return 0;
	copy = xstrdup(types);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		char *colon = strrchr(tok, ':');
		int j;
		if (colon == NULL) {
			rs_error_set(err, RS_EINVAL,
			    "types: \"%s\" is not NAME:KIND (KIND is number, time or text)",
			    tok);
			ret = -1;
			break;
		}
		*colon = '\0';
		j = find_col(sn, tok);
		if (j < 0) {
			char cols[512];
			list_columns(sn, cols, sizeof cols);
			rs_error_set(err, RS_EINVAL,
			    "types: %s has no column %s (columns: %s)", display, tok,
			    cols);
			ret = -1;
			break;
		}
		if (strcmp(colon + 1, "number") == 0)
			sn->kinds[j] = RS_COL_NUMBER;
		else if (strcmp(colon + 1, "time") == 0)
			sn->kinds[j] = RS_COL_TIME;
		else if (strcmp(colon + 1, "text") == 0)
			sn->kinds[j] = RS_COL_TEXT;
		else {
			rs_error_set(err, RS_EINVAL,
			    "types: kind \"%s\" of %s must be number, time or text",
			    colon + 1, tok);
			ret = -1;
			break;
		}
	}
	free(copy);
	return ret;
}

/* Sniff a file and apply preset names and type overrides. */
static int
sniff_spec(const struct file_spec *fs, struct sniff *sn, rs_error *err)
{
	if (io_sniff_file(fs->path, fs->display, fs->delim, fs->header, fs->enc,
	    fs->no_quotes, fs->max_line, sn, err) != 0)
		return -1;
	if (fs->names != NULL) {
		if (sn->nfields != fs->nnames) {
			rs_error_set(err, RS_EPARSE,
			    "%s:1: expected %zu fields, found %zu", fs->display,
			    fs->nnames, sn->nfields);
			io_sniff_free(sn);
			return -1;
		}
		for (size_t j = 0; j < sn->nfields; j++) {
			free(sn->names[j]);
			sn->names[j] = xstrdup(fs->names[j]);
		}
	}
	if (apply_types(sn, fs->types, fs->display, err) != 0) {
		io_sniff_free(sn);
		return -1;
	}
	return 0;
}

static const char *
delim_name(const struct sniff *sn)
{
	if (sn->colons)
		return "'::'-separated";
	switch (sn->delim) {
	case '\t':
		return "tab-separated";
	case '|':
		return "'|'-separated";
	case ';':
		return "';'-separated";
	default:
		return "comma-separated";
	}
}

/* Describe to the reader how to read fs as sniffed. */
static void
reader_setup(struct reader *r, const struct file_spec *fs, const struct sniff *sn)
{
	r->path = fs->path;
	r->display = fs->display;
	r->delim = sn->delim;
	r->colons = sn->colons;
	r->header = sn->header;
	r->enc = fs->enc;
	r->no_quotes = fs->no_quotes;
	r->skip_bad = fs->skip_bad;
	r->no_skip_hint = fs->no_skip_hint;
	r->max_line = fs->max_line;
	r->nfields = sn->nfields;
	r->names = (const char *const *)sn->names;
	r->fields = xcalloc(sn->nfields, sizeof *r->fields);
}

void
io_load_note(rs_dataset *ds, const rs_hooks *hooks, int level, const char *fmt,
    ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (level == RS_NOTE_WARN)
		rs_dataset_note(ds, "warning: %s", buf);
	else
		rs_dataset_note(ds, "%s", buf);
	rs_hooks_note(hooks, level, "%s", buf);
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Unquoted fields are trimmed, so ids with spaces at their ends came from
 * quotes: "u1 " next to u1 is two ids that print alike. Say so (a warning,
 * not a refusal: quoting is how a file keeps such a space on purpose). */
static void
note_space_twins(rs_dataset *ds, const rs_hooks *hooks, const rs_ids *ids,
    const char *role, const char *display)
{
	uint32_t n = rs_ids_count(ids), i;
	size_t twins = 0;
	char first[2][200] = { "", "" };
	rs_ids *trimmed;

	for (i = 0; i < n; i++) {
		const char *s = rs_ids_name(ids, i);
		size_t len = strlen(s);
		if (len > 0 && (is_blank(s[0]) || is_blank(s[len - 1])))
			break;
	}
	if (i == n)
		return;
	trimmed = rs_ids_new();
	for (i = 0; i < n; i++) {
		const char *s = rs_ids_name(ids, i), *e = s + strlen(s);
		uint32_t before = rs_ids_count(trimmed), at;
		while (s < e && is_blank(*s))
			s++;
		while (e > s && is_blank(e[-1]))
			e--;
		at = rs_ids_intern(trimmed, s, (size_t)(e - s));
		if (rs_ids_count(trimmed) == before) {
			if (twins++ == 0) {
				const char *a = rs_ids_name(ids, at);
				const char *b = rs_ids_name(ids, i);
				util_quote_field(a, strlen(a), first[0], sizeof first[0]);
				util_quote_field(b, strlen(b), first[1], sizeof first[1]);
			}
		}
	}
	rs_ids_free(trimmed);
	if (twins > 0)
		io_load_note(ds, hooks, RS_NOTE_WARN,
		    "%s: %zu %s id%s from another only by spaces kept in quotes (%s and %s); they are different %ss",
		    display, twins, role, twins == 1 ? " differs" : "s differ", first[0],
		    first[1], role);
}

/* Why a file gave no rows: only a header, or every row malformed. */
static void
no_rows_error(const struct reader *r, const struct sniff *sn, rs_error *err)
{
	if (r->nbad > 0)
		rs_error_set(err, RS_EPARSE,
		    "%s: no data rows left: all %zu rows are malformed (first: %s)",
		    r->display, r->nbad, r->first_bad);
	else
		rs_error_set(err, RS_EPARSE, "%s: no data rows%s", r->display,
		    sn->header ? " (only a header)" : "");
}

/* Whether the first row holds one of the names (a header the guess missed). */
static bool
first_row_names(const struct sniff *sn, const char *const *names, size_t n)
{
	for (size_t k = 0; k < n; k++)
		for (size_t j = 0; names[k] != NULL && j < sn->nfields; j++)
			if (strcmp(sn->first[j], names[k]) == 0)
				return true;
	return false;
}

/* Pick one role: explicit name/position, usual names, else a position.
 * Returns the column, -1 for none, or -2 after setting err. */
static int
pick_role(const struct sniff *sn, const char *given, const char *const *cand,
    int fallback, const char *role, const char *display, rs_error *err)
{
	int j;

	if (given != NULL) {
		if (strcmp(given, "none") == 0)
			return -1;
		j = find_col(sn, given);
		if (j == -2) {
			char cols[512];
			list_columns(sn, cols, sizeof cols);
			rs_error_set(err, RS_EINVAL,
			    "%s has no column \"%s\" for %s= (columns: %s)", display,
			    given, role, cols);
		}
		return j;
	}
	if (sn->header && (j = find_candidate(sn, cand)) >= 0)
		return j;
	if (fallback >= 0 && (size_t)fallback < sn->nfields)
		return fallback;
	return -1;
}

/* The log's columns by role: user, item, value, time, creator (-1 none). */
struct log_cols {
	int ju, ji, jv, jt, jc;
};

/* Find the role columns (named, by the usual names, or by position in a
 * file without header) and refuse a log they cannot make; the value and
 * time columns' kinds are fixed so bad values are reported by row. */
static int
log_roles_pick(struct sniff *sn, const struct log_roles *roles,
    const char *display, struct log_cols *lc, rs_error *err)
{
	lc->jc = -1;
	lc->ju = pick_role(sn, roles->user, user_names, 0, "user", display, err);
	lc->ji = pick_role(sn, roles->item, item_names, 1, "item", display, err);
	if (lc->ju == -2 || lc->ji == -2)
		return -1;
	if (sn->nfields < 2 || lc->ju < 0 || lc->ji < 0) {
		rs_error_set(err, RS_EPARSE,
		    "%s: a log needs at least a user and an item column; found %zu column%s%s",
		    display, sn->nfields, sn->nfields == 1 ? "" : "s",
		    sn->nfields == 1 ? " (is the delimiter right? give delim=)" : "");
		return -1;
	}
	if (lc->ju == lc->ji) {
		rs_error_set(err, RS_EINVAL, "%s: user and item are the same column (%s)",
		    display, sn->names[lc->ju]);
		return -1;
	}
	lc->jv = pick_role(sn, roles->value, value_names,
	    sn->header ? -1 : (sn->nfields >= 3 && sn->kinds[2] == RS_COL_NUMBER ? 2 : -1),
	    "value", display, err);
	lc->jt = pick_role(sn, roles->time, time_names,
	    sn->header ? -1 : (sn->nfields >= 4 && sn->kinds[3] != RS_COL_TEXT ? 3 : -1),
	    "time", display, err);
	if (roles->creator != NULL) {
		lc->jc = find_col(sn, roles->creator);
		if (lc->jc == -2)
			lc->jc = -1;	/* may name a column of the item table */
	}
	if (lc->jv == -2 || lc->jt == -2)
		return -1;
	if (lc->jv == lc->ju || lc->jv == lc->ji || lc->jt == lc->ju || lc->jt == lc->ji) {
		rs_error_set(err, RS_EINVAL,
		    "%s: value and time must be other columns than user and item",
		    display);
		return -1;
	}
	if (lc->jv >= 0)
		sn->kinds[lc->jv] = RS_COL_NUMBER;	/* bad values are reported by row */
	/* A time column the sample shows as text (a bad word, or numbers
	 * and date-times mixed) is read in the form of its first value, so
	 * the first row in another form is the one blamed. */
	if (lc->jt >= 0 && sn->kinds[lc->jt] == RS_COL_TEXT)
		sn->kinds[lc->jt] = sn->lead[lc->jt] == RS_COL_NUMBER ? RS_COL_NUMBER :
		    RS_COL_TIME;
	return 0;
}

/* Set the reader up to intern users and items into the dataset's ids and
 * every other field into a new column of the log. */
static void
log_reader_setup(struct reader *r, const struct file_spec *fs,
    const struct sniff *sn, rs_dataset *ds, rs_log *log,
    const struct log_cols *lc)
{
	reader_setup(r, fs, sn);
	r->user_ids = ds->users;
	r->item_ids = ds->items;
	r->want_lines = fs->lines != NULL;
	memset(log, 0, sizeof *log);
	log->value_col = log->time_col = -1;
	for (size_t j = 0; j < sn->nfields; j++) {
		if ((int)j == lc->ju)
			r->fields[j].role = F_USER;
		else if ((int)j == lc->ji)
			r->fields[j].role = F_ITEM;
		else {
			r->fields[j].role = F_COLUMN;
			r->fields[j].col = rs_column_new(sn->names[j], sn->kinds[j]);
			if ((int)j == lc->jv)
				log->value_col = (int)log->cols.ncols;
			if ((int)j == lc->jt)
				log->time_col = (int)log->cols.ncols;
			rs_table_add(&log->cols, r->fields[j].col);
		}
	}
}

int
io_load_log(rs_dataset *ds, rs_log *log, const struct file_spec *fs,
    const struct log_roles *roles, const char *label, const rs_hooks *hooks,
    rs_error *err)
{
	struct sniff sn;
	struct reader r = { 0 };
	struct log_cols lc;
	char task[256];
	int ret = -1;

	if (sniff_spec(fs, &sn, err) != 0)
		return -1;
	if (log_roles_pick(&sn, roles, fs->display, &lc, err) != 0)
		goto fail;
	log_reader_setup(&r, fs, &sn, ds, log, &lc);
	snprintf(task, sizeof task, "load %s", fs->display);
	if (io_reader_run(&r, hooks, task, err) != 0) {
		io_reader_free_output(&r);
		rs_log_clear(log);
		goto fail;
	}
	if (r.n == 0) {
		no_rows_error(&r, &sn, err);
		io_reader_free_output(&r);
		rs_log_clear(log);
		goto fail;
	}
	log->n = r.n;
	log->user = xreallocarray(r.user, r.n, sizeof *log->user);
	log->item = xreallocarray(r.item, r.n, sizeof *log->item);
	r.user = r.item = NULL;
	if (fs->lines != NULL) {
		*fs->lines = r.line;
		r.line = NULL;
	}
	log->cols.nrows = r.n;
	for (size_t j = 0; j < log->cols.ncols; j++)
		rs_column_finish(log->cols.cols[j]);
	log->source = xstrdup(fs->display);
	log->user_col = xstrdup(sn.names[lc.ju]);
	log->item_col = xstrdup(sn.names[lc.ji]);
	if (lc.jc >= 0 && ds->creator_from == NULL)
		ds->creator_from = xstrdup(sn.names[lc.jc]);
	io_load_note(ds, hooks, RS_NOTE_INFO,
	    "%s %s: %s, %s; user=%s item=%s value=%s time=%s",
	    label, fs->display, delim_name(&sn),
	    sn.header ? "header row" : "no header", sn.names[lc.ju], sn.names[lc.ji],
	    lc.jv >= 0 ? sn.names[lc.jv] : "(none)", lc.jt >= 0 ? sn.names[lc.jt] : "(none)");
	if (r.nbad > 0)
		io_load_note(ds, hooks, RS_NOTE_WARN,
		    "skipped %zu malformed row%s of %s (first: %s)",
		    r.nbad, r.nbad == 1 ? "" : "s", fs->display, r.first_bad);
	note_space_twins(ds, hooks, ds->users, "user", fs->display);
	note_space_twins(ds, hooks, ds->items, "item", fs->display);
	ret = 0;
fail:
	free(r.fields);
	io_sniff_free(&sn);
	return ret;
}

/* Pad every column of tbl with missing values up to n rows. */
static void
table_pad(rs_table *tbl, size_t n)
{
	for (size_t j = 0; j < tbl->ncols; j++)
		while (tbl->cols[j]->n < n)
			rs_column_push_missing(tbl->cols[j]);
	if (tbl->nrows < n)
		tbl->nrows = n;
}

int
io_load_side(rs_dataset *ds, rs_table *tbl, rs_ids *ids, bool items,
    const struct file_spec *fs, const char *key, const char *creator,
    const char *label, const rs_hooks *hooks, rs_error *err)
{
	struct sniff sn;
	struct reader r = { 0 };
	int jk;
	size_t nids, ndup = 0, *rowof = NULL;
	rs_column **cols = NULL;
	char task[256];
	int ret = -1;

	if (sniff_spec(fs, &sn, err) != 0)
		return -1;
	if (!sn.header && fs->header < 0 && fs->names == NULL) {
		/* an all-text header the guess missed: it names the key, the
		 * log's id column or the creator column */
		const char *named[3] = { key, items ? ds->log.item_col :
		    ds->log.user_col, items ? creator : NULL };
		if (first_row_names(&sn, named, 3)) {
			struct file_spec hs = *fs;
			io_sniff_free(&sn);
			hs.header = 1;
			if (sniff_spec(&hs, &sn, err) != 0)
				return -1;
		}
	}
	if (key != NULL) {
		jk = find_col(&sn, key);
		if (jk < 0) {
			char cols_list[512];
			list_columns(&sn, cols_list, sizeof cols_list);
			rs_error_set(err, RS_EINVAL,
			    "%s has no id column \"%s\" (columns: %s)", fs->display, key,
			    cols_list);
			goto fail;
		}
	} else {
		/* the log's own id column name first, then the usual names */
		const char *logname = items ? ds->log.item_col : ds->log.user_col;
		jk = logname != NULL ? find_col(&sn, logname) : -1;
		if (jk < 0)
			jk = find_candidate(&sn, items ? item_names : user_names);
		if (jk < 0)
			jk = 0;
	}
	reader_setup(&r, fs, &sn);
	r.key_ids = ids;
	r.key_role = items ? "item" : "user";
	cols = xcalloc(sn.nfields, sizeof *cols);
	for (size_t j = 0; j < sn.nfields; j++) {
		if ((int)j == jk) {
			r.fields[j].role = F_KEY;
			continue;
		}
		r.fields[j].role = F_COLUMN;
		cols[j] = rs_column_new(sn.names[j], sn.kinds[j]);
		r.fields[j].col = cols[j];
	}
	snprintf(task, sizeof task, "load %s", fs->display);
	if (io_reader_run(&r, hooks, task, err) != 0)
		goto fail;
	if (r.n == 0) {
		no_rows_error(&r, &sn, err);
		goto fail;
	}
	/* one row per id: the last row of each id wins (daily tables list
	 * each video once per day, oldest first) */
	nids = rs_ids_count(ids);
	rowof = xmalloc(nids * sizeof *rowof);
	for (size_t i = 0; i < nids; i++)
		rowof[i] = SIZE_MAX;
	for (size_t k = 0; k < r.n; k++) {
		if (rowof[r.key[k]] != SIZE_MAX)
			ndup++;
		rowof[r.key[k]] = k;
	}
	table_pad(tbl, nids);
	for (size_t j = 0; j < sn.nfields; j++) {
		rs_column *g;
		if (cols[j] == NULL)
			continue;
		g = rs_column_select(cols[j], rowof, nids);
		rs_column_finish(g);
		if (rs_table_find(tbl, g->name) >= 0) {
			char *nn = xasprintf("%s_%zu", g->name, tbl->ncols + 1);
			free(g->name);
			g->name = nn;
		}
		rs_table_add(tbl, g);
	}
	tbl->nrows = nids;
	io_load_note(ds, hooks, RS_NOTE_INFO,
	    "%s %s: %zu rows, id column %s%s, %zu other column%s",
	    label, fs->display, r.n, sn.names[jk],
	    ndup ? " (repeated ids: kept the last row of each)" : "",
	    sn.nfields - 1, sn.nfields == 2 ? "" : "s");
	if (r.nbad > 0)
		io_load_note(ds, hooks, RS_NOTE_WARN,
		    "skipped %zu malformed row%s of %s (first: %s)",
		    r.nbad, r.nbad == 1 ? "" : "s", fs->display, r.first_bad);
	ret = 0;
fail:
	for (size_t j = 0; cols != NULL && j < sn.nfields; j++)
		rs_column_free(cols[j]);
	free(cols);
	free(rowof);
	io_reader_free_output(&r);
	free(r.fields);
	io_sniff_free(&sn);
	return ret;
}

/* Map every item to its creator from the named column of the item table or
 * of the log (first creator seen for an item wins). */
static int
resolve_creators(rs_dataset *ds, const rs_hooks *hooks, rs_error *err)
{
	uint32_t nitems = rs_ids_count(ds->items);
	const rs_column *c;
	int j;
	char buf[256];
	size_t conflicts = 0;

	if (ds->creator_from == NULL)
		return 0;
	ds->item_creator = xmalloc((nitems ? nitems : 1) * sizeof *ds->item_creator);
	for (uint32_t i = 0; i < nitems; i++)
		ds->item_creator[i] = RS_NONE;
	if ((j = rs_table_find(&ds->item_tbl, ds->creator_from)) >= 0) {
		c = ds->item_tbl.cols[j];
		for (uint32_t i = 0; i < nitems; i++) {
			if (rs_column_is_missing(c, i))
				continue;
			rs_column_format(c, i, buf, sizeof buf);
			ds->item_creator[i] = rs_ids_intern(ds->creators, buf,
			    strlen(buf));
		}
		return 0;
	}
	if ((j = rs_table_find(&ds->log.cols, ds->creator_from)) >= 0) {
		c = ds->log.cols.cols[j];
		for (size_t r = 0; r < ds->log.n; r++) {
			uint32_t it = ds->log.item[r], cr;
			if (rs_column_is_missing(c, r))
				continue;
			rs_column_format(c, r, buf, sizeof buf);
			cr = rs_ids_intern(ds->creators, buf, strlen(buf));
			if (ds->item_creator[it] == RS_NONE)
				ds->item_creator[it] = cr;
			else if (ds->item_creator[it] != cr)
				conflicts++;
		}
		if (conflicts)
			io_load_note(ds, hooks, RS_NOTE_WARN,
			    "%zu rows give an item another creator than its first; kept the first",
			    conflicts);
		return 0;
	}
	rs_error_set(err, RS_EINVAL,
	    "creator=%s: no such column in the log or the item table",
	    ds->creator_from);
	return -1;
}

/* Pad side tables to the final id counts and resolve creators. */
static int
dataset_finish(rs_dataset *ds, const rs_hooks *hooks, rs_error *err)
{
	table_pad(&ds->item_tbl, rs_ids_count(ds->items));
	table_pad(&ds->user_tbl, rs_ids_count(ds->users));
	for (size_t j = 0; j < ds->item_tbl.ncols; j++)
		rs_column_finish(ds->item_tbl.cols[j]);
	for (size_t j = 0; j < ds->user_tbl.ncols; j++)
		rs_column_finish(ds->user_tbl.cols[j]);
	return resolve_creators(ds, hooks, err);
}

/* Generic delimited log plus optional items=/users= side tables. */
static int
load_generic(rs_dataset *ds, const char *path, const rs_load_opts *o,
    const rs_hooks *hooks, rs_error *err)
{
	struct file_spec fs = { 0 };
	struct log_roles roles = { o->user, o->item, o->value, o->time, o->creator };

	fs.path = fs.display = path;
	fs.delim = delim_canonical(o->delim);
	fs.header = o->header;
	fs.enc = io_encoding_of(o->encoding);
	fs.skip_bad = o->skip_bad == 1;
	fs.max_line = o->max_line;
	fs.types = o->types;
	ds->format = xstrdup("csv");
	io_load_note(ds, hooks, RS_NOTE_INFO, "format: delimited text");
	if (io_load_log(ds, &ds->log, &fs, &roles, "log", hooks, err) != 0)
		return -1;
	if (o->items_path != NULL) {
		struct file_spec is = fs;
		is.path = is.display = o->items_path;
		is.delim = NULL;
		is.header = -1;
		is.types = NULL;
		if (io_load_side(ds, &ds->item_tbl, ds->items, true, &is, o->item_key,
		    o->creator, "items", hooks, err) != 0)
			return -1;
	}
	if (o->users_path != NULL) {
		struct file_spec us = fs;
		us.path = us.display = o->users_path;
		us.delim = NULL;
		us.header = -1;
		us.types = NULL;
		if (io_load_side(ds, &ds->user_tbl, ds->users, false, &us, o->user_key,
		    NULL, "users", hooks, err) != 0)
			return -1;
	}
	if (o->creator != NULL && ds->creator_from == NULL) {
		if (rs_table_find(&ds->item_tbl, o->creator) < 0) {
			rs_error_set(err, RS_EINVAL,
			    "creator=%s: no such column in %s%s%s", o->creator, path,
			    o->items_path ? " or " : "",
			    o->items_path ? o->items_path : " (give items=FILE for an item table)");
			return -1;
		}
		ds->creator_from = xstrdup(o->creator);
	}
	if (ds->creator_from == NULL) {
		/* a usual creator column in the item table or the log */
		for (size_t k = 0; creator_names[k] != NULL && ds->creator_from == NULL; k++) {
			for (size_t j = 0; j < ds->item_tbl.ncols; j++)
				if (strcasecmp(ds->item_tbl.cols[j]->name, creator_names[k]) == 0)
					ds->creator_from = xstrdup(ds->item_tbl.cols[j]->name);
			for (size_t j = 0; ds->creator_from == NULL && j < ds->log.cols.ncols; j++)
				if (strcasecmp(ds->log.cols.cols[j]->name, creator_names[k]) == 0)
					ds->creator_from = xstrdup(ds->log.cols.cols[j]->name);
		}
	}
	return 0;
}

rs_dataset *
rs_dataset_load(const char *path, const rs_load_opts *opts,
    const rs_hooks *hooks, rs_error *err)
{
	rs_load_opts defaults;
	const rs_load_opts *o = opts;
	const char *msg, *fmt, *variant;
	struct stat st;
	rs_dataset *ds;
	int rc;

	if (o == NULL) {
		rs_load_opts_init(&defaults);
		o = &defaults;
	}
	if ((msg = rs_load_opts_check(o)) != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", msg);
		return NULL;
	}
	if (stat(path, &st) != 0) {
		rs_error_set(err, RS_EIO, "cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	fmt = o->format != NULL ? o->format : "auto";
	ds = rs_dataset_new();
	ds->source = xstrdup(path);
	if (S_ISDIR(st.st_mode)) {
		if (strcmp(fmt, "auto") != 0 && strcmp(fmt, "kuairec") != 0) {
			rs_error_set(err, RS_EINVAL,
			    "%s is a folder; only format=kuairec reads a folder", path);
			rs_dataset_free(ds);
			return NULL;
		}
		rc = io_load_kuairec(ds, path, o, hooks, err);
	} else if (strcmp(fmt, "kuairec") == 0) {
		rs_error_set(err, RS_EINVAL,
		    "format=kuairec reads a folder (with big_matrix.csv or small_matrix.csv), not the file %s",
		    path);
		rc = -1;
	} else if (strcmp(fmt, "movielens") == 0 ||
	    (strcmp(fmt, "auto") == 0 && (variant = io_movielens_variant(path)) != NULL)) {
		variant = io_movielens_variant(path);
		rc = io_load_movielens(ds, path, variant, o, hooks, err);
	} else {
		rc = load_generic(ds, path, o, hooks, err);
	}
	if (rc == 0)
		rc = dataset_finish(ds, hooks, err);
	if (rc != 0) {
		rs_dataset_free(ds);
		return NULL;
	}
	rs_signal_detect(ds, rs_signal_kind_find(o->signal));
	return ds;
}
