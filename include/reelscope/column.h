/* reelscope engine: typed, compact columns (numbers, times, text) shared by every table. */
#ifndef REELSCOPE_COLUMN_H
#define REELSCOPE_COLUMN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a column holds, as the user sees it. */
enum rs_col_kind {
	RS_COL_NUMBER,	/* numeric; missing = NaN */
	RS_COL_TIME,	/* UTC seconds since the epoch, shown as date-time */
	RS_COL_TEXT	/* UTF-8 strings, interned per column; missing = "" */
};

/* How a column is stored. Numeric columns start dictionary-encoded and are
 * widened only as far as the values need, so a 12.5 M-row log stays small:
 * a rating or a date takes one byte, a duration two, a watch ratio four. */
enum rs_col_store {
	RS_STORE_DICT8,	/* uint8 codes into dict[] (<= 256 distinct values) */
	RS_STORE_DICT16,/* uint16 codes into dict[] (<= 65536 distinct values) */
	RS_STORE_I32,	/* int32, INT32_MIN = missing */
	RS_STORE_DEC32,	/* int32 holding value * 10^scale exactly, INT32_MIN = missing */
	RS_STORE_F32,	/* float, NaN = missing (only when it keeps the written value) */
	RS_STORE_F64,	/* double, NaN = missing */
	RS_STORE_STR	/* uint32 codes into the column's string table */
};

struct rs_strtab;

/* A column of n values. Owned by the table that holds it. */
typedef struct rs_column {
	char *name;
	enum rs_col_kind kind;
	enum rs_col_store store;
	size_t n, cap;
	void *v;		/* codes or values, by store */
	double *dict;		/* DICT8/DICT16: code -> value */
	uint32_t ndict;
	uint32_t dict_cap;	/* entries allocated in dict (0: exactly ndict) */
	struct rs_dict_index *dindex;	/* build-time lookup of dict values */
	struct rs_strtab *strs;	/* STR: code -> string */
	size_t nmissing;
	bool all_int;		/* every present value is an integer in int32 */
	bool all_f32;		/* every present value is exact enough as float */
	bool date_only;		/* TIME: every value is a whole day */
	int decimals;		/* most digits after the point in the source text
				   (-1: a value came without written form) */
	int scale;		/* DEC32: stored = value * 10^scale */
	double maxabs;		/* largest |value| seen */
} rs_column;

/* Create an empty column (caller owns; free with rs_column_free). */
rs_column *rs_column_new(const char *name, enum rs_col_kind kind);
void rs_column_free(rs_column *c);

/* Append values. decimals: digits after the point as the value was
 * written, or -1 for a computed value (then float storage needs exactness). */
void rs_column_push_number(rs_column *c, double x, int decimals);
void rs_column_push_missing(rs_column *c);
void rs_column_push_text(rs_column *c, const char *s, size_t len);

/* Numeric value of row i (NaN when missing; TEXT columns give NaN). */
double rs_column_get(const rs_column *c, size_t i);
/* Text of row i for TEXT columns ("" when missing), NULL otherwise. */
const char *rs_column_text(const rs_column *c, size_t i);
bool rs_column_is_missing(const rs_column *c, size_t i);
/* Format row i for display ("NaN"/"" for missing). */
void rs_column_format(const rs_column *c, size_t i, char *buf, size_t size);
/* Number of distinct present values. */
size_t rs_column_distinct(const rs_column *c);
/* Shrink storage to fit after loading. */
void rs_column_finish(rs_column *c);
/* Bytes used by the column's storage. */
size_t rs_column_bytes(const rs_column *c);
/* New column holding rows idx[0..n) of c, in that order; an index of
 * SIZE_MAX gives a missing value. */
rs_column *rs_column_select(const rs_column *c, const size_t *idx, size_t n);
/* A full copy of c (caller owns). */
rs_column *rs_column_copy(const rs_column *c);
/* Short type name: "int", "float", "time", "text". */
const char *rs_column_type_name(const rs_column *c);

#ifdef __cplusplus
}
#endif
#endif
