/* Unit tests of the text helpers: numbers, date-times, UTF-8, quoting, string buffers, string tables. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strtab.h"
#include "util/text.h"

#include "check.h"

/* Parse a C string; the status is returned, value and decimals through x, d. */
static enum num_status
pn(const char *s, double *x, int *d)
{
	*x = -12345.0;		/* sentinels: a refused field must not look parsed */
	*d = -99;
	return util_parse_number(s, strlen(s), x, d);
}

/* Whether s parses to exactly want with the given decimals. */
static int
pn_is(const char *s, double want, int want_dec)
{
	double x;
	int d;

	return pn(s, &x, &d) == NUM_OK && x == want && d == want_dec &&
	    signbit(x) == signbit(want);
}

static enum num_status
pn_status(const char *s)
{
	double x;
	int d;

	return pn(s, &x, &d);
}

static void
test_parse_number(void)
{
	double x;
	int d;

	/* integers and signs */
	CHECK(pn_is("0", 0.0, 0));
	CHECK(pn_is("42", 42.0, 0));
	CHECK(pn_is("-7", -7.0, 0));
	CHECK(pn_is("+5", 5.0, 0));
	CHECK(pn_is("007", 7.0, 0));
	CHECK(pn_is("-0", -0.0, 0));
	CHECK(pn_is("2147483647", 2147483647.0, 0));
	CHECK(pn_is("-2147483648", -2147483648.0, 0));
	CHECK(pn_is("9007199254740992", 9007199254740992.0, 0));	/* 2^53, fast path */

	/* decimals: the count of written digits after the point */
	CHECK(pn_is("3.25", 3.25, 2));
	CHECK(pn_is("-0.5", -0.5, 1));
	CHECK(pn_is(".5", 0.5, 1));
	CHECK(pn_is("5.", 5.0, 0));
	CHECK(pn_is("1.50", 1.5, 2));
	CHECK(pn_is("4.000", 4.0, 3));
	CHECK(pn_is("0.000001", 1e-6, 6));
	CHECK(pn_is("-.25", -0.25, 2));

	/* the fast path divides two exact doubles: correctly rounded */
	CHECK(pn_is("0.3", 0.3, 1));
	CHECK(pn_is("0.1", 0.1, 1));
	CHECK(pn_is("0.7", 0.7, 1));
	CHECK(pn_is("2.675", 2.675, 3));
	CHECK(pn_is("123456.789", 123456.789, 3));
	CHECK(pn_is("1593907703.438", 1593907703.438, 3));
	CHECK(pn_is("0.1234567890123456", 0.1234567890123456, 16));
	{
		/* every k.kkk for k < 10000 agrees with strtod bit for bit */
		char buf[32];
		int bad = 0;
		for (int k = 0; k < 100000; k += 7) {
			snprintf(buf, sizeof buf, "%d.%03d", k / 1000, k % 1000);
			if (pn(buf, &x, &d) != NUM_OK || x != strtod(buf, NULL) ||
			    d != 3)
				bad++;
		}
		CHECK(bad == 0);
	}

	/* only s[0..len) is read */
	CHECK(util_parse_number("12x", 2, &x, &d) == NUM_OK && x == 12.0 && d == 0);
	CHECK(util_parse_number("1e3x", 3, &x, &d) == NUM_OK && x == 1000.0);
	CHECK(util_parse_number("3.75", 3, &x, &d) == NUM_OK && x == 3.7 && d == 1);

	/* exponent forms go through the slow path and report -1 decimals */
	CHECK(pn_is("1e3", 1000.0, -1));
	CHECK(pn_is("1E3", 1000.0, -1));
	CHECK(pn_is("2.5e-3", 0.0025, -1));
	CHECK(pn_is("-1e+2", -100.0, -1));
	CHECK(pn_is("6.02214076e23", 6.02214076e23, -1));
	CHECK(pn_is("1e308", 1e308, -1));
	/* more than 2^53 or 19 digits: strtod rounds to nearest even */
	CHECK(pn(
	    "9007199254740993", &x, &d) == NUM_OK && x == 9007199254740992.0);
	CHECK(pn("12345678901234567890", &x, &d) == NUM_OK &&
	    x == 12345678901234567890.0);

	/* out of double range */
	CHECK(pn_status("1e400") == NUM_RANGE);
	CHECK(pn_status("-1e400") == NUM_RANGE);
	CHECK(pn_status("1e309") == NUM_RANGE);
	/* text.h: NUM_RANGE is "a number, but not finite ... (1e400, inf)" */
	CHECK(pn_status("inf") == NUM_RANGE);
	CHECK(pn_status("-inf") == NUM_RANGE);
	CHECK(pn_status("+inf") == NUM_RANGE);
	CHECK(pn_status("infx") == NUM_BAD);
	CHECK(pn_status("in") == NUM_BAD);

	/* junk before, inside or after a number is refused */
	CHECK(pn_status(" 12") == NUM_BAD);
	CHECK(pn_status("12 ") == NUM_BAD);
	CHECK(pn_status("12abc") == NUM_BAD);
	CHECK(pn_status("abc") == NUM_BAD);
	CHECK(pn_status("1,5") == NUM_BAD);
	CHECK(pn_status("1_000") == NUM_BAD);
	CHECK(pn_status("0x1A") == NUM_BAD);
	CHECK(pn_status("1e") == NUM_BAD);
	CHECK(pn_status("e5") == NUM_BAD);
	CHECK(pn_status(".") == NUM_BAD);
	CHECK(pn_status("-.") == NUM_BAD);
	CHECK(pn_status("1..2") == NUM_BAD);
	CHECK(pn_status("1.2.3") == NUM_BAD);
	CHECK(pn_status("--1") == NUM_BAD);
	CHECK(pn_status("+-1") == NUM_BAD);
	CHECK(pn_status("1-") == NUM_BAD);
	CHECK(pn_status("+") == NUM_BAD);
	CHECK(pn_status("1e5.5") == NUM_BAD);
	CHECK(pn_status("\t1") == NUM_BAD);
	CHECK(pn_status("Nan") == NUM_BAD);	/* not one of the tokens */
	/* strtod would accept these; the slow path must not */
	CHECK(pn_status("0x1p3") == NUM_BAD);
	CHECK(pn_status(" 1e3") == NUM_BAD);
	/* a refused field leaves the outputs alone */
	CHECK(pn("12abc", &x, &d) == NUM_BAD && x == -12345.0 && d == -99);

	/* missing-value tokens */
	CHECK(util_parse_number("", 0, &x, &d) == NUM_EMPTY);
	CHECK(pn_status("NA") == NUM_EMPTY);
	CHECK(pn_status("N/A") == NUM_EMPTY);
	CHECK(pn_status("n/a") == NUM_EMPTY);
	CHECK(pn_status("na") == NUM_EMPTY);
	CHECK(pn_status("NaN") == NUM_EMPTY);
	CHECK(pn_status("nan") == NUM_EMPTY);
	CHECK(pn_status("NAN") == NUM_EMPTY);
	CHECK(pn_status("null") == NUM_EMPTY);
	CHECK(pn_status("NULL") == NUM_EMPTY);
	CHECK(pn_status("None") == NUM_EMPTY);
	CHECK(pn_status("NULLS") == NUM_BAD);
	/* "-" is a missing token (util_is_missing_token says so, and the loader
	 * treats it as missing in text and time columns), but util_parse_number
	 * skips the token check when the field starts with '-'. */
	CHECK(pn_status("-") == NUM_EMPTY);
	/* decimals is "-1 for exponent notation" only; a long plain number
	 * taking the slow path still has its digits after the point. */
	CHECK(pn_is("12345678901234567890", 12345678901234567890.0, 0));
	CHECK(pn_is("0.12345678901234567890", 0.12345678901234567890, 20));
	{
		/* a valid number longer than 127 bytes is refused as NUM_BAD */
		char big[200];
		memset(big, '0', sizeof big);
		big[1] = '.';
		big[sizeof big - 2] = '1';
		big[sizeof big - 1] = '\0';
		CHECK(pn(big, &x, &d) == NUM_OK && x == 1e-197);
	}
}

/* Seventeen-digit doubles (what %.17g and pandas write) take the extended
 * division path; every one must equal strtod bit for bit, including the
 * values whose quotient lands halfway between two doubles. */
static void
test_parse_17_digits(void)
{
	static const char *const known[] = { "1.2733965215790926",
		"0.72210255822637123", "9007199254740993", "18446744073709551615",
		"0.1000000000000000055511151231257827", "123456789.01234567",
		"1593907703.4380000", "0.99999999999999989", NULL };
	uint64_t st = 88172645463325252ULL;
	size_t wrong = 0, n = 0;

	for (int k = 0; known[k] != NULL; k++) {
		double x = 0;
		int d;
		CHECK(util_parse_number(known[k], strlen(known[k]), &x, &d) == NUM_OK);
		CHECK(x == strtod(known[k], NULL));
	}
	for (int k = 0; k < 300000; k++) {
		char buf[64];
		double x, y = 0;
		int d;
		st ^= st << 13;
		st ^= st >> 7;
		st ^= st << 17;
		x = (double)(st >> 11) / 9007199254740992.0 *
		    (k % 3 == 0 ? 1e3 : k % 3 == 1 ? 7.0 : 1e-3);
		snprintf(buf, sizeof buf, "%.17g", x);
		if (strchr(buf, 'e') != NULL)
			continue;
		n++;
		if (util_parse_number(buf, strlen(buf), &y, &d) != NUM_OK ||
		    y != strtod(buf, NULL))
			wrong++;
	}
	CHECK(n > 290000);
	CHECK(wrong == 0);
}

static void
test_missing_token(void)
{
	CHECK(util_is_missing_token("", 0));
	CHECK(util_is_missing_token("NA", 2));
	CHECK(util_is_missing_token("None", 4));
	CHECK(util_is_missing_token("-", 1));
	CHECK(util_is_missing_token("null", 4));
	CHECK(!util_is_missing_token("none", 4));
	CHECK(!util_is_missing_token("Na", 2));
	CHECK(!util_is_missing_token("--", 2));
	CHECK(!util_is_missing_token("0", 1));
	CHECK(!util_is_missing_token("NULLS", 5));
	CHECK(util_is_missing_token("NAxyz", 2));	/* only len bytes count */
}

static void
test_f32_keeps(void)
{
	/* exact in float whatever the decimals */
	CHECK(util_f32_keeps(0.5, 1));
	CHECK(util_f32_keeps(0.25, -1));
	CHECK(util_f32_keeps(16777216.0, 0));
	CHECK(util_f32_keeps(0.0, -1));
	/* only exact values: a float that rounds back to the written text
	 * would change when a column is widened or printed with more decimals */
	CHECK(!util_f32_keeps(0.1, 1));		/* error 1.49e-9 */
	CHECK(!util_f32_keeps(3.14159, 5));
	CHECK(!util_f32_keeps(99999.99, 2));
	CHECK(!util_f32_keeps(1e-10, 10));
	CHECK(!util_f32_keeps(0.123456789, 9));
	CHECK(util_f32_keeps(0.0009765625, 10));	/* 2^-10 */
	CHECK(util_f32_keeps(-1234.5625, 4));
	CHECK(!util_f32_keeps(16777217.0, 0));	/* error 1 */
	CHECK(!util_f32_keeps(1e30, 0));
	/* a computed value (decimals -1) must be exact */
	CHECK(!util_f32_keeps(0.1, -1));
	CHECK(!util_f32_keeps(1.0 / 3.0, -1));
	CHECK(!util_f32_keeps(0.1, 23));
}

/* util_parse_datetime of a C string into *t. */
static bool
pdt(const char *s, double *t)
{
	*t = -1e300;
	return util_parse_datetime(s, strlen(s), t);
}

static void
test_parse_datetime(void)
{
	double t;

	/* epoch seconds computed with calendar.timegm */
	CHECK(pdt("1970-01-01", &t) && t == 0.0);
	CHECK(pdt("2020-07-05", &t) && t == 1593907200.0);
	/* 2020-07-05 is day 18448: 18448 * 86400 + 8 * 60 + 23.438 */
	CHECK(pdt("2020-07-05 00:08:23.438", &t) && t == 1593907703.438);
	CHECK(pdt("2020-07-05 00:08:23", &t) && t == 1593907703.0);
	CHECK(pdt("2020-07-05T00:08:23Z", &t) && t == 1593907703.0);
	CHECK(pdt("2020-07-05T00:08:23.438Z", &t) && t == 1593907703.438);
	CHECK(pdt("2020-07-05T00:08:23.5", &t) && t == 1593907703.5);
	CHECK(pdt("2020/07/05 00:08:23", &t) && t == 1593907703.0);
	CHECK(pdt("2020/07/05", &t) && t == 1593907200.0);
	CHECK(pdt("2020-07-05 00:08", &t) && t == 1593907680.0);
	CHECK(pdt("2020-07-05 00:08Z", &t) && t == 1593907680.0);
	CHECK(pdt("2000-02-29", &t) && t == 951782400.0);	/* 400-year leap */
	CHECK(pdt("2024-02-29 12:30:00", &t) && t == 1709209800.0);
	CHECK(pdt("1999-12-31 23:59:59", &t) && t == 946684799.0);
	CHECK(pdt("1969-12-31 23:59:59", &t) && t == -1.0);
	CHECK(pdt("2038-01-19 03:14:08", &t) && t == 2147483648.0);
	CHECK(pdt("1600-03-01", &t) && t == -11670912000.0);
	/* microseconds are rounded to milliseconds */
	CHECK(pdt("2020-07-05 00:08:23.438123", &t) && t == 1593907703.438);
	CHECK(pdt("2020-07-05 00:08:23.4379", &t) && t == 1593907703.438);
	/* only s[0..len) */
	CHECK(util_parse_datetime("2020-07-05 junk", 10, &t) && t == 1593907200.0);

	/* invalid dates and times */
	CHECK(!pdt("2020-02-30", &t));
	CHECK(!pdt("2019-02-29", &t));		/* not a leap year */
	CHECK(!pdt("1900-02-29", &t));		/* century, not a leap year */
	CHECK(!pdt("2020-04-31", &t));
	CHECK(!pdt("2020-13-01", &t));
	CHECK(!pdt("2020-00-10", &t));
	CHECK(!pdt("2020-01-00", &t));
	CHECK(!pdt("2020-01-32", &t));
	CHECK(!pdt("2020-07-05 24:00:00", &t));
	CHECK(!pdt("2020-07-05 23:60:00", &t));
	CHECK(!pdt("2020-07-05 23:59:61", &t));
	CHECK(!pdt("2020-07-05 ", &t));
	CHECK(!pdt("2020-07-05T", &t));
	CHECK(!pdt("2020-07-05 1:08:23", &t));
	CHECK(!pdt("2020-07-05 00:08:23.", &t));
	CHECK(!pdt("2020-07-05 00:08:23+01:00", &t));
	CHECK(!pdt("2020-07-05x", &t));
	CHECK(!pdt("2020-07-05Z", &t));
	CHECK(!pdt("2020-07/05", &t));		/* mixed separators */
	CHECK(!pdt("2020-7-5", &t));
	CHECK(!pdt("20200705", &t));
	CHECK(!pdt("05/07/2020", &t));
	CHECK(!pdt("", &t));
	CHECK(!pdt("2020", &t));
	CHECK(!pdt("2020-07", &t));
	CHECK(!pdt("abcd-ef-gh", &t));
	CHECK(!pdt("1593907703", &t));
	/* a refused field leaves the output alone */
	CHECK(!pdt("2020-02-30", &t) && t == -1e300);
}

/* Format t and compare with want. */
static int
fdt_is(double t, bool date_only, const char *want)
{
	char buf[64];

	util_format_datetime(t, date_only, buf, sizeof buf);
	if (strcmp(buf, want) != 0) {
		fprintf(stderr, "util_format_datetime(%.17g, %d) = \"%s\", expected \"%s\"\n",
		    t, date_only, buf, want);
		return 0;
	}
	return 1;
}

static void
test_format_datetime(void)
{
	static const char *const round_trip[] = {
		"1970-01-01 00:00:00", "2020-07-05 00:08:23.438",
		"2020-07-05 00:08:23", "2000-02-29 23:59:59.999",
		"1969-12-31 23:59:59", "1600-03-01 00:00:00",
		"2038-01-19 03:14:08.001", "2024-12-31 12:00:00.500",
		"9999-12-31 23:59:59.999", "0000-01-01 00:00:00",
		"0000-02-29 12:00:00", NULL
	};
	char buf[64];
	double t;

	CHECK(fdt_is(0, true, "1970-01-01"));
	CHECK(fdt_is(0, false, "1970-01-01 00:00:00"));
	CHECK(fdt_is(1593907200, true, "2020-07-05"));
	CHECK(fdt_is(1593907200, false, "2020-07-05 00:00:00"));
	CHECK(fdt_is(1593907703.438, false, "2020-07-05 00:08:23.438"));
	/* date_only only drops a midnight time */
	CHECK(fdt_is(1593907703.438, true, "2020-07-05 00:08:23.438"));
	CHECK(fdt_is(1593907703, true, "2020-07-05 00:08:23"));
	CHECK(fdt_is(951782400, true, "2000-02-29"));
	CHECK(fdt_is(-1, false, "1969-12-31 23:59:59"));
	CHECK(fdt_is(-86400, true, "1969-12-31"));
	CHECK(fdt_is(-0.5, false, "1969-12-31 23:59:59.500"));
	/* 999.6 ms rounds up into the next second */
	CHECK(fdt_is(0.9996, false, "1970-01-01 00:00:01"));
	CHECK(fdt_is(86399.9999, true, "1970-01-02"));
	CHECK(fdt_is(2147483648.0, false, "2038-01-19 03:14:08"));
	CHECK(fdt_is(NAN, false, "NaN"));
	/* a short buffer is truncated, not overrun */
	util_format_datetime(1593907703.438, false, buf, 8);
	CHECK_STR(buf, "2020-07");

	for (int i = 0; round_trip[i] != NULL; i++) {
		bool ok = pdt(round_trip[i], &t);
		CHECK(ok);
		util_format_datetime(t, false, buf, sizeof buf);
		CHECK_STR(buf, round_trip[i]);
	}
	/* every millisecond of one second survives the trip */
	{
		int bad = 0;
		for (int ms = 0; ms < 1000; ms++) {
			char in[40];
			snprintf(in, sizeof in, "2021-03-14 01:59:26.%03d", ms);
			if (!pdt(in, &t))
				bad++;
			util_format_datetime(t, false, buf, sizeof buf);
			if (ms == 0 ? strcmp(buf, "2021-03-14 01:59:26") != 0 :
			    strcmp(buf, in) != 0)
				bad++;
		}
		CHECK(bad == 0);
	}
}

static int
fnum_is(double x, bool is_f32, const char *want)
{
	char buf[64];

	util_format_number(x, is_f32, buf, sizeof buf);
	if (strcmp(buf, want) != 0) {
		fprintf(stderr, "util_format_number(%.17g, %d) = \"%s\", expected \"%s\"\n",
		    x, is_f32, buf, want);
		return 0;
	}
	return 1;
}

static void
test_format_number(void)
{
	CHECK(fnum_is(3, false, "3"));
	CHECK(fnum_is(-7, false, "-7"));
	CHECK(fnum_is(0, false, "0"));
	CHECK(fnum_is(123456789012345.0, false, "123456789012345"));
	CHECK(fnum_is(1e15, false, "1e+15"));
	CHECK(fnum_is(0.1, false, "0.1"));
	CHECK(fnum_is(2.5, false, "2.5"));
	CHECK(fnum_is(-0.25, false, "-0.25"));
	CHECK(fnum_is(1593907703.438, false, "1593907703.438"));
	CHECK(fnum_is(0.1 + 0.2, false, "0.30000000000000004"));
	CHECK(fnum_is(1.0 / 3.0, false, "0.3333333333333333"));
	CHECK(fnum_is(2.5e-7, false, "2.5e-07"));
	CHECK(fnum_is(1e300, false, "1e+300"));
	/* shortest form that reads back as the same float */
	CHECK(fnum_is((float)0.1, true, "0.1"));
	CHECK(fnum_is((float)(1.0 / 3.0), true, "0.33333334"));
	CHECK(fnum_is((float)123456.789, true, "123456.79"));
	/* the same float as a double needs all its digits */
	CHECK(fnum_is((float)0.1, false, "0.10000000149011612"));
	CHECK(fnum_is(NAN, false, "NaN"));
	CHECK(fnum_is(NAN, true, "NaN"));
	{
		/* shortest round trip for many values */
		char buf[64];
		int bad = 0;
		for (int k = 1; k < 5000; k++) {
			double x = k / 7.0;
			util_format_number(x, false, buf, sizeof buf);
			if (strtod(buf, NULL) != x)
				bad++;
		}
		CHECK(bad == 0);
	}
}

static void
test_utf8_valid_prefix(void)
{
#define VP(lit) util_utf8_valid_prefix(lit, sizeof(lit) - 1)
	CHECK(VP("") == 0);
	CHECK(VP("abc") == 3);
	CHECK(VP("caf\xc3\xa9") == 5);			/* U+00E9 */
	CHECK(VP("\xe2\x82\xac") == 3);			/* U+20AC */
	CHECK(VP("\xf0\x9f\x98\x80") == 4);		/* U+1F600 */
	CHECK(VP("\xdf\xbf") == 2);			/* U+07FF, last 2-byte */
	CHECK(VP("\xe0\xa0\x80") == 3);			/* U+0800, first 3-byte */
	CHECK(VP("\xef\xbf\xbf") == 3);			/* U+FFFF */
	CHECK(VP("\xf0\x90\x80\x80") == 4);		/* U+10000, first 4-byte */
	CHECK(VP("\xf4\x8f\xbf\xbf") == 4);		/* U+10FFFF, the last */
	CHECK(VP("\xed\x9f\xbf") == 3);			/* U+D7FF */
	CHECK(VP("\xee\x80\x80") == 3);			/* U+E000 */
	CHECK(VP("a\0b") == 3);				/* NUL is valid UTF-8 */
	/* overlong forms */
	CHECK(VP("ab\xc0\x80") == 2);
	CHECK(VP("\xc1\xbf") == 0);
	CHECK(VP("x\xe0\x80\xaf") == 1);
	CHECK(VP("\xe0\x9f\xbf") == 0);
	CHECK(VP("\xf0\x8f\xbf\xbf") == 0);
	/* surrogates */
	CHECK(VP("\xed\xa0\x80") == 0);
	CHECK(VP("ok\xed\xbf\xbf") == 2);
	/* past U+10FFFF and bytes that never start a sequence */
	CHECK(VP("\xf4\x90\x80\x80") == 0);
	CHECK(VP("\xf5\x80\x80\x80") == 0);
	CHECK(VP("\xf8\x88\x80\x80\x80") == 0);
	CHECK(VP("a\xff") == 1);
	CHECK(VP("a\xfe") == 1);
	/* lone continuation bytes, truncated and broken sequences */
	CHECK(VP("\x80") == 0);
	CHECK(VP("ab\xbf") == 2);
	CHECK(VP("a\xc3") == 1);
	CHECK(VP("a\xe2\x82") == 1);
	CHECK(VP("a\xf0\x9f\x98") == 1);
	CHECK(VP("\xe2\x82" "a") == 0);
	CHECK(VP("\xc3\xa9\xc3") == 2);
	CHECK(VP("\xc3\xa9\xc3(") == 2);
	/* only len bytes are looked at */
	CHECK(util_utf8_valid_prefix("\xc3\xa9", 1) == 0);
#undef VP
}

static void
test_utf8_width(void)
{
	CHECK(util_utf8_width("") == 0);
	CHECK(util_utf8_width("abc") == 3);
	CHECK(util_utf8_width("caf\xc3\xa9") == 4);
	CHECK(util_utf8_width("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e") == 6);	/* 日本語 */
	CHECK(util_utf8_width("a\xe6\x97\xa5" "b") == 4);
	CHECK(util_utf8_width("\xed\x95\x9c\xea\xb5\xad") == 4);	/* 한국 */
	CHECK(util_utf8_width("\xef\xbc\xa1\xef\xbc\xa2") == 4);	/* fullwidth ＡＢ */
	CHECK(util_utf8_width("\xf0\x9f\x98\x80") == 2);		/* emoji */
	CHECK(util_utf8_width("e\xcc\x81") == 1);			/* combining acute */
	CHECK(util_utf8_width("a\tb") == 2);				/* controls take none */
	CHECK(util_utf8_width("\xe2\x82\xac" "5") == 2);		/* € is narrow */
}

static void
test_latin1(void)
{
	size_t n = 99;
	char *s;

	s = util_latin1_to_utf8("caf\xe9", 4, &n);
	CHECK_STR(s, "caf\xc3\xa9");
	CHECK(n == 5);
	free(s);
	s = util_latin1_to_utf8("\xff\x80" "A\xa0", 4, &n);
	CHECK(n == 7);
	CHECK(memcmp(s, "\xc3\xbf\xc2\x80" "A\xc2\xa0", 8) == 0);
	CHECK(util_utf8_valid_prefix(s, n) == n);
	free(s);
	s = util_latin1_to_utf8("", 0, &n);
	CHECK_STR(s, "");
	CHECK(n == 0);
	free(s);
	/* every byte maps to its code point */
	{
		char in[256];
		int bad = 0;
		for (int i = 0; i < 256; i++)
			in[i] = (char)i;
		s = util_latin1_to_utf8(in, 256, &n);
		CHECK(n == 128 + 2 * 128);
		CHECK(util_utf8_valid_prefix(s, n) == n);
		for (int i = 128; i < 256; i++) {
			const unsigned char *p = (const unsigned char *)s + 128 +
			    2 * (i - 128);
			if ((((p[0] & 0x1f) << 6) | (p[1] & 0x3f)) != i)
				bad++;
		}
		CHECK(bad == 0);
		free(s);
	}
}

static void
test_quote_field(void)
{
	char buf[128], small[7];
	char longs[60];

	util_quote_field("abc", 3, buf, sizeof buf);
	CHECK_STR(buf, "\"abc\"");
	util_quote_field("", 0, buf, sizeof buf);
	CHECK_STR(buf, "\"\"");
	util_quote_field("say \"hi\"", 8, buf, sizeof buf);
	CHECK_STR(buf, "\"say \\\"hi\\\"\"");
	util_quote_field("a\\b", 3, buf, sizeof buf);
	CHECK_STR(buf, "\"a\\\\b\"");
	util_quote_field("a\tb\n", 4, buf, sizeof buf);
	CHECK_STR(buf, "\"a\\x09b\\x0a\"");
	util_quote_field("\x7f", 1, buf, sizeof buf);
	CHECK_STR(buf, "\"\\x7f\"");
	/* valid UTF-8 is shown as is, anything else byte by byte */
	util_quote_field("caf\xc3\xa9", 5, buf, sizeof buf);
	CHECK_STR(buf, "\"caf\xc3\xa9\"");
	util_quote_field("caf\xe9", 4, buf, sizeof buf);
	CHECK_STR(buf, "\"caf\\xe9\"");
	/* at most 40 bytes, then an ellipsis */
	memset(longs, 'x', sizeof longs);
	util_quote_field(longs, 40, buf, sizeof buf);
	CHECK_STR(buf, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"");
	util_quote_field(longs, 45, buf, sizeof buf);
	CHECK_STR(buf, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\"");
	/* the cut never splits a UTF-8 sequence: é at bytes 39-40 */
	memcpy(longs + 39, "\xc3\xa9", 2);
	util_quote_field(longs, 45, buf, sizeof buf);
	CHECK_STR(buf, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\"");
	/* a buffer too small for anything gives "" */
	util_quote_field("abc", 3, small, sizeof small);
	CHECK_STR(small, "");
	{
		/* the output stays inside the buffer whatever the input */
		char in[40], out[20];
		memset(in, 1, sizeof in);
		memset(out, 'Z', sizeof out);
		util_quote_field(in, sizeof in, out, 16);
		CHECK(strlen(out) < 16);
		CHECK(out[16] == 'Z');
	}
	{
		/* 35 control bytes escape to 140 bytes, more than the 128 the
		 * loader gives: the cut is silent, so "the field" looks 30
		 * bytes long and complete. Expected the "..." marker. */
		char in[35];
		size_t n;
		memset(in, 1, sizeof in);
		util_quote_field(in, sizeof in, buf, sizeof buf);
		n = strlen(buf);
		CHECK(n >= 4 && strcmp(buf + n - 4, "...\"") == 0);
	}
}

static void
test_strbuf(void)
{
	struct strbuf sb;
	char *s;

	sb_init(&sb);
	CHECK(sb.len == 0 && sb.s == NULL);
	sb_add(&sb, "abc", 3);
	sb_puts(&sb, "def");
	sb_putc(&sb, 'g');
	sb_printf(&sb, "%d-%s", 42, "x");
	CHECK_STR(sb.s, "abcdefg42-x");
	CHECK(sb.len == 11);
	sb_printf(&sb, "%s", "");	/* nothing to add */
	CHECK(sb.len == 11);
	sb_add(&sb, "a\0b", 3);		/* bytes, NULs included */
	CHECK(sb.len == 14 && memcmp(sb.s + 11, "a\0b", 4) == 0);
	s = sb_detach(&sb);
	CHECK(sb.s == NULL && sb.len == 0 && sb.cap == 0);
	CHECK(memcmp(s, "abcdefg42-xa\0b", 15) == 0);
	free(s);

	/* an empty buffer detaches as an allocated "" */
	sb_init(&sb);
	s = sb_detach(&sb);
	CHECK_STR(s, "");
	free(s);

	/* growth keeps every byte */
	sb_init(&sb);
	for (int i = 0; i < 5000; i++)
		sb_printf(&sb, "%d,", i % 10);
	CHECK(sb.len == 10000);
	{
		int bad = 0;
		for (int i = 0; i < 5000; i++)
			if (sb.s[2 * i] != '0' + i % 10 || sb.s[2 * i + 1] != ',')
				bad++;
		CHECK(bad == 0);
		CHECK(sb.s[10000] == '\0');
	}
	sb_free(&sb);
	CHECK(sb.s == NULL && sb.len == 0);
}

static void
test_strtab(void)
{
	struct rs_strtab *t = util_strtab_new(), *c;
	bool added = false;
	char buf[32];
	int bad = 0;

	CHECK(util_strtab_intern(t, "apple", 5, &added) == 0 && added);
	CHECK(util_strtab_intern(t, "banana", 6, &added) == 1 && added);
	CHECK(util_strtab_intern(t, "apple", 5, &added) == 0 && !added);
	CHECK(util_strtab_intern(t, "applesauce", 5, NULL) == 0);	/* len bytes */
	CHECK(util_strtab_intern(t, "", 0, &added) == 2 && added);
	CHECK(util_strtab_intern(t, "a\0b", 3, &added) == 3 && added);
	CHECK(util_strtab_intern(t, "a", 1, &added) == 4 && added);
	CHECK(t->n == 5);
	CHECK(util_strtab_find(t, "banana", 6) == 1);
	CHECK(util_strtab_find(t, "banan", 5) == -1);
	CHECK(util_strtab_find(t, "cherry", 6) == -1);
	CHECK(util_strtab_find(t, "", 0) == 2);
	CHECK(util_strtab_find(t, "a\0b", 3) == 3);
	CHECK(util_strtab_find(t, "a\0c", 3) == -1);
	CHECK_STR(util_strtab_get(t, 0), "apple");
	CHECK_STR(util_strtab_get(t, 1), "banana");
	CHECK_STR(util_strtab_get(t, 2), "");
	CHECK_STR(util_strtab_get(t, 4), "a");
	CHECK_STR(util_strtab_get(t, 99), "");	/* out of range */

	/* thousands of strings: the table rehashes and keeps every index */
	for (int i = 0; i < 3000; i++) {
		snprintf(buf, sizeof buf, "s%d", i);
		if (util_strtab_intern(t, buf, strlen(buf), &added) != (uint32_t)(5 + i) ||
		    !added)
			bad++;
	}
	CHECK(bad == 0);
	CHECK(t->n == 3005);
	bad = 0;
	for (int i = 0; i < 3000; i++) {
		snprintf(buf, sizeof buf, "s%d", i);
		if (util_strtab_find(t, buf, strlen(buf)) != 5 + i ||
		    strcmp(util_strtab_get(t, (uint32_t)(5 + i)), buf) != 0)
			bad++;
	}
	CHECK(bad == 0);
	CHECK(util_strtab_find(t, "s3000", 5) == -1);
	CHECK(util_strtab_find(t, "apple", 5) == 0);

	/* a copy is independent of the original */
	c = util_strtab_copy(t);
	CHECK(c->n == 3005);
	CHECK(util_strtab_find(c, "s2999", 5) == 3004);
	CHECK(util_strtab_intern(c, "kiwi", 4, &added) == 3005 && added);
	CHECK(util_strtab_find(t, "kiwi", 4) == -1);
	CHECK(t->n == 3005);
	CHECK_STR(util_strtab_get(c, 0), "apple");
	util_strtab_free(c);
	util_strtab_free(t);

	/* a copy of an empty table: util_strtab_copy passes the NULL buf and off
	 * of an empty table to memcpy (undefined; UBSan aborts here) */
	t = util_strtab_new();
	c = util_strtab_copy(t);
	CHECK(util_strtab_intern(c, "x", 1, NULL) == 0);
	CHECK_STR(util_strtab_get(c, 0), "x");
	util_strtab_free(c);
	util_strtab_free(t);
	util_strtab_free(NULL);
}

static void
test_hash(void)
{
	/* equal bytes hash equal; nearby strings spread over the low bits */
	static unsigned char seen[1 << 12];
	int distinct = 0;
	char buf[32];

	CHECK(util_hash_bytes("abc", 3) == util_hash_bytes("abcd", 3));
	CHECK(util_hash_bytes("abc", 3) != util_hash_bytes("abd", 3));
	CHECK(util_hash_bytes("", 0) != util_hash_bytes("\0", 1));
	CHECK(util_hash_bytes("12345678", 8) != util_hash_bytes("12345679", 8));
	for (int i = 0; i < 2048; i++) {
		uint64_t h;
		snprintf(buf, sizeof buf, "%d", i);
		h = util_hash_bytes(buf, strlen(buf)) & ((1 << 12) - 1);
		if (!seen[h]) {
			seen[h] = 1;
			distinct++;
		}
	}
	/* 2048 balls in 4096 bins: about 1614 distinct expected */
	CHECK(distinct > 1500);
}

int
main(void)
{
	test_parse_number();
	test_parse_17_digits();
	test_missing_token();
	test_f32_keeps();
	test_parse_datetime();
	test_format_datetime();
	test_format_number();
	test_utf8_valid_prefix();
	test_utf8_width();
	test_latin1();
	test_quote_field();
	test_strbuf();
	test_strtab();
	test_hash();
	return check_done("test-text");
}
