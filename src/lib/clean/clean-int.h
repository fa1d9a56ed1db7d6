/* Internal to the cleaning steps: the step functions and the helpers they share. */
#ifndef RS_CLEAN_INT_H
#define RS_CLEAN_INT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>

#include "reelscope/clean.h"

/* A step: like rs_clean_run, with res already holding the counts before. */
typedef rs_dataset *clean_step_fn(rs_dataset *ds, const rs_clean_params *p,
    rs_clean_result *res, const rs_hooks *hooks, rs_error *err);

clean_step_fn clean_dedup, clean_invalid, clean_outliers, clean_bots,
    clean_fill, clean_kcore, clean_binarize, clean_window;

/* ---- util.c ---- */

/* Messages do not name the step: the front end puts it in front. */

/* Find a column by name in the log, items or users (table NULL: the first
 * that has it; else "log", "items" or "users"). *where gets 'l', 'i' or
 * 'u', *index its position in that table. NULL with a message when there
 * is none (with a suggestion), or when it is an id column. */
const rs_column *clean_column(const rs_dataset *ds, const char *name,
    const char *table, char *where, int *index, rs_error *err);
/* 0 when c holds numbers (or times); else -1 with a message saying what
 * needs them (why, e.g. "method=median"). */
int clean_need_number(const rs_column *c, const char *why, rs_error *err);
/* The log's time column, or NULL with a message saying why it is needed. */
const rs_column *clean_time_column(const rs_dataset *ds, const char *why,
    rs_error *err);
/* Name of a table by its letter: "log", "items", "users". */
const char *clean_table_name(char where);

/* Values of rows start..start+n of c into out[0..n): numbers as
 * rs_column_get gives them, text as its string code (NAN when missing),
 * in loops typed by storage (a call per value costs a tenth of a step). */
void clean_values(const rs_column *c, size_t start, size_t n, double *out);
/* All the values of c in a new array (caller frees). */
double *clean_all_values(const rs_column *c);

/* The p-quantile of a[0..n) with linear interpolation between order
 * statistics (h = (n - 1) p, as describe and numpy's default); reorders a.
 * Linear time (selection, not sorting). */
double clean_quantile(double *a, size_t n, double p);
/* The median of a[0..n); reorders a. */
double clean_median(double *a, size_t n);

/* Count rows under a reason (merged with an equal earlier one). */
void clean_reason(rs_clean_result *r, size_t rows, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "s" unless n is 1, for plurals in messages. */
static inline const char *
clean_s(size_t n)
{
	return n == 1 ? "" : "s";
}

/* "x below L", "x above U" or "x outside [L, U]" for fences that may be
 * open (infinite). */
void clean_fence_text(const char *name, double lower, double upper, char *buf,
    size_t size);

/* Append to the summary line. */
void clean_summary(rs_clean_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The dataset keeping the rows with keep[r] != 0, with the counts after set
 * in res; NULL with an error when it would keep nothing and !p->force. */
rs_dataset *clean_keep(rs_dataset *ds, const uint8_t *keep,
    const rs_clean_params *p, rs_clean_result *res, rs_error *err);
/* Set the counts after from out (rows, users, items). */
void clean_counts_after(const rs_dataset *out, rs_clean_result *res);

/* A copy of c with rows[0..k) (ascending) set to vals[0..k); decimals as
 * for rs_column_push_number (the column's own when the values come from
 * it). */
rs_column *clean_column_replace(const rs_column *c, const size_t *rows,
    const double *vals, size_t k, int decimals);
/* A copy of the text column c with rows[0..k) set to texts[0..k). */
rs_column *clean_column_replace_text(const rs_column *c, const size_t *rows,
    const char *const *texts, size_t k);
/* The value of row r as a key: equal values give equal keys (text: the
 * string's code); *missing set for a missing value. */
uint64_t clean_value_key(const rs_column *c, size_t r, bool *missing);
/* Put col in place of column index j of table t (freeing the old one). */
void clean_table_set(rs_table *t, int j, rs_column *col);
/* x rounded to the column's written decimals (none when it has no written
 * form): dir < 0 rounds up, dir > 0 down, 0 to nearest. */
double clean_round(const rs_column *c, double x, int dir);

/* Whether id i of ids is spelled as a missing value ("", NA, null...). */
int clean_id_missing(const rs_ids *ids, uint32_t i);

/* ---- window.c ---- */

/* Fill the open sides (NAN) of [*from, *to) with the plausible window of
 * the times in tc: the 5th..95th percentile span widened by itself (at
 * least a day) on each side. Unchanged when tc has no times. */
void clean_auto_window(const rs_column *tc, double *from, double *to);

/* ---- truth.c: matching flagged rows to the injected dirt ---- */

/* Bits of enum rs_dirt_kind. */
#define DIRT_BIT(k) (1u << (k))

/* Evaluate flagged rows of ds->log (flag[r] != 0: removed or changed)
 * against the dirt of the kinds in mask. No-op without ds->dirt. The
 * per-user index of ds may be built. */
void clean_truth_rows(rs_dataset *ds, const uint8_t *flag,
    unsigned mask, rs_clean_result *res);
/* The same with the flagged rows being those not kept (keep[r] == 0). */
void clean_truth_kept(rs_dataset *ds, const uint8_t *keep,
    unsigned mask, rs_clean_result *res);
/* Evaluate flagged users (flag[u] != 0) against the bot users. */
void clean_truth_users(const rs_dataset *ds, const uint8_t *flag,
    rs_clean_result *res);

#endif
