/* Number/time parsing, UTF-8 handling and string buffers for the loader and reports. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "text.h"
#include "xmalloc.h"

/* Powers of ten exactly representable in a double (Clinger's fast path). */
static const double pow10_exact[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

bool
util_is_missing_token(const char *s, size_t len)
{
	static const char *const tokens[] = {
		"NA", "N/A", "NaN", "nan", "NAN", "null", "NULL", "None", "-",
		"n/a", "na", NULL
	};

	if (len == 0)
		return true;
	if (len > 4)
		return false;
	for (int i = 0; tokens[i] != NULL; i++)
		if (tokens[i][0] == s[0] && strlen(tokens[i]) == len &&
		    memcmp(tokens[i], s, len) == 0)
			return true;
	return false;
}

/* Slow path: strtod on a NUL-terminated copy, with the full grammar. */
static enum num_status
parse_number_slow(const char *s, size_t len, double *out, int *decimals)
{
	char small[128], *buf = len < sizeof small ? small : xmalloc(len + 1);
	char *end, *dot;
	const char *t;
	double x;
	enum num_status st = NUM_OK;

	memcpy(buf, s, len);
	buf[len] = '\0';
	/* infinities are numbers, just not finite ones */
	t = buf + (*buf == '-' || *buf == '+');
	if ((*t == 'i' || *t == 'I') &&
	    (strcasecmp(t, "inf") == 0 || strcasecmp(t, "infinity") == 0)) {
		st = NUM_RANGE;
		goto out;
	}
	/* strtod accepts hex, "nan" and leading spaces: refuse them. */
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];
		if (!isdigit((unsigned char)c) && c != 'e' && c != 'E' && c != '.' &&
		    c != '-' && c != '+') {
			st = NUM_BAD;
			goto out;
		}
	}
	errno = 0;
	x = strtod(buf, &end);
	if (end == buf || *end != '\0') {
		st = NUM_BAD;
		goto out;
	}
	if (!isfinite(x)) {
		st = NUM_RANGE;
		goto out;
	}
	*out = x;
	/* plain notation keeps its count of decimals; exponents have none */
	if (strpbrk(buf, "eE") != NULL)
		*decimals = -1;
	else if ((dot = strchr(buf, '.')) != NULL)
		*decimals = (int)strlen(dot + 1);
	else
		*decimals = 0;
out:
	if (buf != small)
		free(buf);
	return st;
}

/* mant / 10^frac correctly rounded, for mant up to 2^64: the x87 extended
 * division is exact to 64 bits, and rounding that to 53 bits is right unless
 * it landed exactly halfway between two doubles (then say no). */
static bool
wide_division(uint64_t mant, size_t frac, double *out)
{
#if LDBL_MANT_DIG == 64 && defined(__x86_64__)
	static const long double p10[] = { 1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L,
		1e6L, 1e7L, 1e8L, 1e9L, 1e10L, 1e11L, 1e12L, 1e13L, 1e14L, 1e15L,
		1e16L, 1e17L, 1e18L, 1e19L, 1e20L, 1e21L, 1e22L };
	long double r = (long double)mant / p10[frac];
	uint64_t bits;

	memcpy(&bits, &r, sizeof bits);	/* the explicit 64-bit significand */
	if ((bits & 0x7ff) == 0x400)
		return false;
	*out = (double)r;
	return true;
#else
	(void)mant;
	(void)frac;
	(void)out;
	return false;
#endif
}

enum num_status
util_parse_number(const char *s, size_t len, double *out, int *decimals)
{
	const char *p = s, *end = s + len, *ds, *fs;
	uint64_t mant = 0;
	size_t nint, nfrac = 0;
	bool neg = false;

	if (len == 0)
		return NUM_EMPTY;
	if ((unsigned)(*p - '0') > 9 && util_is_missing_token(s, len))
		return NUM_EMPTY;
	if (*p == '-' || *p == '+') {
		neg = *p == '-';
		p++;
	}
	/* the common case: [sign] digits [. digits], at most 19 digits, so the
	 * mantissa cannot overflow */
	for (ds = p; p < end && (unsigned)(*p - '0') < 10; p++)
		mant = mant * 10 + (uint64_t)(*p - '0');
	nint = (size_t)(p - ds);
	if (p < end && *p == '.') {
		for (fs = ++p; p < end && (unsigned)(*p - '0') < 10; p++)
			mant = mant * 10 + (uint64_t)(*p - '0');
		nfrac = (size_t)(p - fs);
	}
	if (p != end || nint + nfrac == 0 || nint + nfrac > 19 || nfrac > 22)
		return parse_number_slow(s, len, out, decimals);
	if (mant > (1ULL << 53)) {
		/* 17-digit doubles as written by printf("%.17g") and pandas */
		if (!wide_division(mant, nfrac, out))
			return parse_number_slow(s, len, out, decimals);
		if (neg)
			*out = -*out;
		*decimals = (int)nfrac;
		return NUM_OK;
	}
	/* mant and 10^frac are exact doubles, so one division rounds correctly */
	*out = (double)mant / pow10_exact[nfrac];
	if (neg)
		*out = -*out;
	*decimals = (int)nfrac;
	return NUM_OK;
}

bool
util_f32_keeps(double x, int decimals)
{
	/* Exactness only: a float that merely rounds back to the written text
	 * would print wrongly once a column holds values with more decimals,
	 * and could not be widened to double without changing them. */
	(void)decimals;
	return isnan(x) || (double)(float)x == x;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void
util_civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Read exactly n digits at *p; advance. */
static bool
read_digits(const char **p, const char *end, int n, int *out)
{
	int v = 0;

	if (end - *p < n)
		return false;
	for (int i = 0; i < n; i++) {
		unsigned c = (unsigned)((*p)[i] - '0');
		if (c > 9)
			return false;
		v = v * 10 + (int)c;
	}
	*p += n;
	*out = v;
	return true;
}

bool
util_parse_datetime(const char *s, size_t len, double *out)
{
	const char *p = s, *end = s + len;
	int y, mo, d, h = 0, mi = 0, sec = 0;
	double fracsec = 0;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	char sep;

	if (!read_digits(&p, end, 4, &y) || p >= end)
		return false;
	sep = *p;
	if (sep != '-' && sep != '/')
		return false;
	p++;
	if (!read_digits(&p, end, 2, &mo) || p >= end || *p != sep)
		return false;
	p++;
	if (!read_digits(&p, end, 2, &d))
		return false;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1])
		return false;
	if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return false;
	if (p < end) {
		if (*p != ' ' && *p != 'T')
			return false;
		p++;
		if (!read_digits(&p, end, 2, &h) || p >= end || *p != ':')
			return false;
		p++;
		if (!read_digits(&p, end, 2, &mi))
			return false;
		if (p < end && *p == ':') {
			p++;
			if (!read_digits(&p, end, 2, &sec))
				return false;
			if (p < end && *p == '.') {
				double scale = 0.1;
				p++;
				if (p >= end || (unsigned)(*p - '0') > 9)
					return false;
				for (; p < end && (unsigned)(*p - '0') <= 9; p++) {
					fracsec += scale * (*p - '0');
					scale /= 10;
				}
			}
		}
		if (p < end && *p == 'Z')
			p++;
		if (p != end || h > 23 || mi > 59 || sec > 60)
			return false;
	}
	*out = (double)days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400.0 +
	    h * 3600.0 + mi * 60.0 + sec + fracsec;
	/* Keep milliseconds exact in the decimal sense. */
	*out = round(*out * 1000.0) / 1000.0;
	return true;
}

void
util_format_datetime(double t, bool date_only, char *buf, size_t size)
{
	double fl;
	int64_t secs, days;
	int ms, y;
	unsigned m, d;
	int64_t tod;

	/* beyond year +-9999 a date-time means nothing: show the number */
	if (!isfinite(t) || fabs(t) >= 253402300800.0) {
		if (isnan(t))
			snprintf(buf, size, "NaN");
		else
			snprintf(buf, size, "%g", t);
		return;
	}
	fl = floor(t);
	secs = (int64_t)fl;
	ms = (int)llround((t - fl) * 1000.0);

	if (ms == 1000) {
		secs++;
		ms = 0;
	}
	days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	tod = secs - days * 86400;
	util_civil_from_days(days, &y, &m, &d);
	if (date_only && tod == 0 && ms == 0)
		snprintf(buf, size, "%04d-%02u-%02u", y, m, d);
	else if (ms != 0)
		snprintf(buf, size, "%04d-%02u-%02u %02d:%02d:%02d.%03d", y, m,
		    d, (int)(tod / 3600), (int)(tod / 60 % 60), (int)(tod % 60),
		    ms);
	else
		snprintf(buf, size, "%04d-%02u-%02u %02d:%02d:%02d", y, m, d,
		    (int)(tod / 3600), (int)(tod / 60 % 60), (int)(tod % 60));
}

void
util_format_number(double x, bool is_f32, char *buf, size_t size)
{
	int prec;

	if (isnan(x)) {
		snprintf(buf, size, "NaN");
		return;
	}
	if (x == floor(x) && fabs(x) < 1e15) {
		snprintf(buf, size, "%.0f", x);
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, x);
		if (is_f32 ? (float)strtod(buf, NULL) == (float)x :
		    strtod(buf, NULL) == x)
			return;
	}
}

size_t
util_utf8_valid_prefix(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t n;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
		} else
			return i;
		if (i + n >= len)
			return i;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		/* Overlong forms, surrogates and code points past U+10FFFF. */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return i;
		i += n + 1;
	}
	return len;
}

size_t
util_utf8_width(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t w = 0;

	while (*s) {
		uint32_t cp;
		int n;

		if (*s < 0x80) {
			cp = *s;
			n = 0;
		} else if ((*s & 0xe0) == 0xc0) {
			cp = *s & 0x1f;
			n = 1;
		} else if ((*s & 0xf0) == 0xe0) {
			cp = *s & 0x0f;
			n = 2;
		} else {
			cp = *s & 0x07;
			n = 3;
		}
		s++;
		for (; n > 0 && (*s & 0xc0) == 0x80; n--, s++)
			cp = (cp << 6) | (*s & 0x3f);
		/* East Asian wide ranges (enough for CJK, Hangul, fullwidth forms). */
		if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
		    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
		    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
		    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
		    (cp >= 0x20000 && cp <= 0x3fffd))
			w += 2;
		else if (cp >= 0x20 && cp != 0x7f && !(cp >= 0x300 && cp <= 0x36f))
			w += 1;
	}
	return w;
}

char *
util_latin1_to_utf8(const char *s, size_t len, size_t *outlen)
{
	char *out = xmalloc(2 * len + 1), *o = out;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80)
			*o++ = (char)c;
		else {
			*o++ = (char)(0xc0 | (c >> 6));
			*o++ = (char)(0x80 | (c & 0x3f));
		}
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

uint64_t
util_hash_bytes(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (len * 0xff51afd7ed558ccdULL);
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t k;
		memcpy(&k, s + i, 8);
		k *= 0x87c37b91114253d5ULL;
		k = (k << 31) | (k >> 33);
		h ^= k * 0x4cf5ad432745937fULL;
		h = ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
	}
	if (i < len) {
		uint64_t k = 0;
		memcpy(&k, s + i, len - i);
		k *= 0x87c37b91114253d5ULL;
		k = (k << 31) | (k >> 33);
		h ^= k * 0x4cf5ad432745937fULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

void
sb_init(struct strbuf *sb)
{
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

void
sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb_init(sb);
}

void
sb_add(struct strbuf *sb, const char *s, size_t len)
{
	if (sb->len + len + 1 > sb->cap) {
		sb->cap = util_grow_capacity(sb->cap, sb->len + len + 1);
		sb->s = xrealloc(sb->s, sb->cap);
	}
	memcpy(sb->s + sb->len, s, len);
	sb->len += len;
	sb->s[sb->len] = '\0';
}

void
sb_puts(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void
sb_putc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void
sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	if (sb->len + (size_t)n + 1 > sb->cap) {
		sb->cap = util_grow_capacity(sb->cap, sb->len + (size_t)n + 1);
		sb->s = xrealloc(sb->s, sb->cap);
	}
	va_start(ap, fmt);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *
sb_detach(struct strbuf *sb)
{
	char *s = sb->s ? sb->s : xstrdup("");

	sb_init(sb);
	return s;
}

void
util_quote_field(const char *s, size_t len, char *buf, size_t size)
{
	size_t o = 0, i, shown = len > 40 ? 40 : len;
	bool utf8 = util_utf8_valid_prefix(s, len) == len;

	if (size < 8) {
		if (size)
			buf[0] = '\0';
		return;
	}
	while (utf8 && shown < len && shown > 0 &&
	    ((unsigned char)s[shown] & 0xc0) == 0x80)
		shown--;
	buf[o++] = '"';
	/* keep room for the longest escape plus "...\"" and the NUL */
	for (i = 0; i < shown && o + 4 + 5 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			buf[o++] = '\\';
			buf[o++] = (char)c;
		} else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !utf8)) {
			o += (size_t)snprintf(buf + o, size - o, "\\x%02x", c);
		} else
			buf[o++] = (char)c;
	}
	if (i < len) {
		/* never end inside a multi-byte character (its bytes were copied
		 * one for one) */
		while (utf8 && i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80) {
			i--;
			o--;
		}
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o++] = '"';
	buf[o] = '\0';
}

size_t
util_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[65];

	if (la > 64 || lb > 64)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			diag = up;
			row[j] = v;
		}
	}
	return row[lb];
}
