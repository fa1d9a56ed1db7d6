/* Internal interfaces of the loader: line source, sniffer and delimited-table reader. */
#ifndef RS_IO_H
#define RS_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"
#include "reelscope/load.h"

#define RS_DEFAULT_MAX_LINE ((size_t)64 << 20)
/* The widest file read; wider ones are refused at line 1. */
#define RS_MAX_COLUMNS 65536

/* ---- source.c: whole lines from a plain or gzip file ---- */
struct src;

/* Open path (gzip detected by content). NULL with err set on failure. */
struct src *io_src_open(const char *path, const char *display, size_t max_line,
    rs_error *err);
void io_src_close(struct src *s);
/* Next line without its LF or CRLF; the BOM of the first line is removed.
 * Returns 1 with line and len set, 0 at end of input, -1 on error (too
 * long, NUL byte, read or gzip error). The line stays valid until the next
 * call; lineno receives its 1-based number. */
int io_src_next_line(struct src *s, char **line, size_t *len,
    size_t *lineno, rs_error *err);
/* Whether the last line returned ended with '\n' (false only at EOF). */
bool io_src_line_had_newline(const struct src *s);
/* The file's size on disk (compressed for a .gz). */
double io_src_bytes(const struct src *s);
/* Fraction of the input consumed so far, in [0, 1]. */
double io_src_fraction(const struct src *s);
/* Whether the file ends its lines with CR alone (classic Mac). */
bool io_src_cr_lines(const struct src *s);

/* ---- encoding ---- */
enum rs_encoding { ENC_UTF8, ENC_LATIN1, ENC_AUTO };

/* ---- sniff.c: delimiter, header, column names and kinds ---- */
struct sniff {
	bool cr_lines;		/* lines end with CR alone */
	char delim;		/* single byte; '\x1f' stands for "::" */
	bool colons;		/* the file uses "::" */
	bool header;
	size_t nfields;
	char **names;		/* nfields names (from the header or made up) */
	enum rs_col_kind *kinds;	/* guessed from the sample rows */
	enum rs_col_kind *lead;	/* the kind of each column's first value
				 * (number, time or text; number if none) */
	bool *zero_lead;	/* numeric-looking values with leading zeros (ids) */
	size_t nsample;		/* data rows seen in the sample */
	char **first;		/* the first row's fields as written */
};

/* Guess the layout of path. delim ("," "\t" "|" ";" "::" or NULL) and
 * header (-1 auto, 0, 1) override the guesses. */
int io_sniff_file(const char *path, const char *display, const char *delim,
    int header, enum rs_encoding enc, bool no_quotes, size_t max_line,
    struct sniff *out, rs_error *err);
void io_sniff_free(struct sniff *sn);
/* Whether name matches one of the role's usual column names. */
bool io_sniff_name_is(const char *name, const char *const *candidates);

/* ---- delim.c: read rows into ids and columns ---- */
enum field_role { F_SKIP, F_USER, F_ITEM, F_KEY, F_COLUMN };

struct field_spec {
	enum field_role role;
	rs_column *col;		/* F_COLUMN: where values go (owned by caller) */
};

struct reader {
	/* input description */
	const char *path;	/* file to open */
	const char *display;	/* name used in messages */
	char delim;
	bool colons;
	bool header;
	enum rs_encoding enc;
	size_t max_line;
	bool skip_bad;		/* skip malformed rows instead of failing */
	bool no_skip_hint;	/* a row of the wrong width fails without
				   naming --skip-bad (the caller has no such option) */
	bool no_quotes;		/* quotes are ordinary characters (MovieLens) */
	const char *key_role;	/* "item" or "user": what F_KEY ids are */
	size_t nfields;
	struct field_spec *fields;
	const char *const *names;	/* column names for messages */
	rs_ids *user_ids, *item_ids, *key_ids;
	/* output: one entry per accepted row for each id role present */
	uint32_t *user, *item, *key;
	bool want_lines;	/* also keep each accepted row's first line */
	size_t *line;
	size_t n, cap;
	size_t nbad;		/* rows skipped */
	char first_bad[1024];	/* message of the first skipped row */
	size_t lines;		/* lines read */
};

/* Replace "::" by the one-byte stand-in in place; returns the new length. */
size_t io_squeeze_colons(char *l, size_t n);

/* Read every data row of r->path. Returns 0, or -1 with err set. */
int io_reader_run(struct reader *r, const rs_hooks *hooks, const char *task,
    rs_error *err);
void io_reader_free_output(struct reader *r);

#endif

/* ---- load.c / presets.c: building a dataset ---- */

/* How to read one file of a dataset. */
struct file_spec {
	const char *path;
	const char *display;
	const char *delim;	/* NULL: guess */
	int header;		/* -1 guess */
	enum rs_encoding enc;
	bool no_quotes;
	bool skip_bad;
	bool no_skip_hint;	/* as struct reader's */
	size_t max_line;
	const char *const *names;	/* names for a headerless file, or NULL */
	size_t nnames;
	const char *types;	/* "col:text,..." overrides, or NULL */
	size_t **lines;		/* io_load_log: receives each row's line, or NULL */
};

/* Role choices for a log: names/positions given by the user, or NULL. */
struct log_roles {
	const char *user, *item, *value, *time, *creator;
};

/* Read an interaction log into log (ids interned into ds). On success the
 * chosen roles are described in ds->notes under the given label. */
int io_load_log(rs_dataset *ds, rs_log *log, const struct file_spec *fs,
    const struct log_roles *roles, const char *label, const rs_hooks *hooks,
    rs_error *err);

/* Read a side table joined to ids by its key column (key: explicit name,
 * else a usual id name, else the first column). Columns are added to tbl. */
int io_load_side(rs_dataset *ds, rs_table *tbl, rs_ids *ids, bool items,
    const struct file_spec *fs, const char *key, const char *creator,
    const char *label, const rs_hooks *hooks, rs_error *err);

/* Preset loaders (presets.c). */
int io_load_movielens(rs_dataset *ds, const char *path, const char *variant,
    const rs_load_opts *opts, const rs_hooks *hooks, rs_error *err);
int io_load_kuairec(rs_dataset *ds, const char *dir, const rs_load_opts *opts,
    const rs_hooks *hooks, rs_error *err);
/* Which MovieLens variant a file name suggests ("100k", "1m", "latest"), or NULL. */
const char *io_movielens_variant(const char *path);

enum rs_encoding io_encoding_of(const char *name);

/* A decision or warning of the load: kept in ds->notes ("warning: " first
 * for warnings) and passed to the note hook. */
void io_load_note(rs_dataset *ds, const rs_hooks *hooks, int level,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
