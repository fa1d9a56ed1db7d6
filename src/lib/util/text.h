/* Internal text helpers: number and time parsing, UTF-8 checks, hashing, string buffers. */
#ifndef RS_TEXT_H
#define RS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Result of parsing a field as a number. */
enum num_status {
	NUM_OK,		/* a finite number */
	NUM_EMPTY,	/* empty or a missing-value token (NA, NaN, null...) */
	NUM_BAD,	/* not a number */
	NUM_RANGE	/* a number, but not finite in double precision (1e400, inf) */
};

/* Parse s[0..len) as a decimal number. *decimals receives the count of
 * digits after the point (-1 for exponent notation). */
enum num_status util_parse_number(const char *s, size_t len, double *out,
    int *decimals);

/* Whether float32 keeps x exactly as written with that many decimals
 * (rounding the float to them gives the same text back). */
bool util_f32_keeps(double x, int decimals);

/* True when s[0..len) is a missing-value token: "", NA, N/A, NaN, null, None. */
bool util_is_missing_token(const char *s, size_t len);

/* Parse an ISO-like date or date-time ("2020-07-05", "2020-07-05 00:08:23.438",
 * "2020-07-05T00:08:23Z", "2020/07/05 ...") as UTC seconds since the epoch. */
bool util_parse_datetime(const char *s, size_t len, double *out);

/* Format UTC seconds as "YYYY-MM-DD HH:MM:SS[.mmm]" (date only when the time
 * of day is midnight and date_only is set). */
void util_format_datetime(double t, bool date_only, char *buf, size_t size);

/* The civil date (proleptic Gregorian) of a day number (days since
 * 1970-01-01). */
void util_civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d);

/* Format a double in the shortest form that reads back as the same float32
 * (is_f32) or double value. */
void util_format_number(double x, bool is_f32, char *buf, size_t size);

/* Length of the valid UTF-8 prefix of s[0..len); == len when all valid. */
size_t util_utf8_valid_prefix(const char *s, size_t len);

/* Display width of a UTF-8 string in terminal cells (wide CJK = 2). */
size_t util_utf8_width(const char *s);

/* Convert Latin-1 bytes to UTF-8 into a new string. */
char *util_latin1_to_utf8(const char *s, size_t len, size_t *outlen);

/* 64-bit hash of a byte string. */
uint64_t util_hash_bytes(const void *p, size_t len);

/* A growable string buffer. */
struct strbuf {
	char *s;
	size_t len, cap;
};
void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s, size_t len);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *sb_detach(struct strbuf *sb);

/* Quote a field for an error message: at most 40 bytes, non-printables escaped. */
void util_quote_field(const char *s, size_t len, char *buf, size_t size);

/* Levenshtein distance of two short names, for "did you mean" suggestions;
 * 99 when either is longer than 64 bytes. */
size_t util_edit_distance(const char *a, const char *b);

#endif
