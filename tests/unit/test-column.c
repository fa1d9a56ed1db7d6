/* Unit tests of rs_column: the storage ladder, missing values, text, formatting, selection. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/reelscope.h"

#include "check.h"

#define NDICT16 65536	/* most distinct values (NaN included) a dictionary holds */

/* Format row i of c into a static buffer. */
static const char *
fmt(const rs_column *c, size_t i)
{
	static char buf[128];

	rs_column_format(c, i, buf, sizeof buf);
	return buf;
}

/* How many of rows [from, to) do not read back as want(row). */
static size_t
count_wrong(const rs_column *c, size_t from, size_t to, double (*want)(size_t))
{
	size_t bad = 0;

	for (size_t i = from; i < to; i++) {
		double w = want(i), x = rs_column_get(c, i);
		if (!(x == w || (isnan(x) && isnan(w))))
			bad++;
	}
	return bad;
}

/* Row 0 missing, then row i holds i - 1: the shape every ladder starts from. */
static double
want_int(size_t i)
{
	return i == 0 ? NAN : (double)(i - 1);
}

static double
want_cents(size_t i)
{
	return i == 0 ? NAN : (double)(i - 1) / 100.0;
}

static double
want_binary(size_t i)
{
	return i == 0 ? NAN : ldexp((double)(i - 1), -16);
}

static double
want_tenth(size_t i)
{
	return i == 0 ? NAN : (double)(i - 1) + 0.1;
}

/* A column with a missing row, then n integers 0..n-1 (checks the dict steps). */
static rs_column *
int_ladder(size_t n)
{
	rs_column *c = rs_column_new("x", RS_COL_NUMBER);

	CHECK(c->store == RS_STORE_DICT8);
	CHECK(c->n == 0);
	CHECK_STR(rs_column_type_name(c), "int");
	rs_column_push_missing(c);
	for (size_t v = 0; v < n; v++) {
		rs_column_push_number(c, (double)v, 0);
		if (v == 254) {
			/* NaN and 0..254: 256 codes, the most uint8 holds */
			CHECK(c->store == RS_STORE_DICT8);
			CHECK(c->ndict == 256);
		}
		if (v == 255) {
			CHECK(c->store == RS_STORE_DICT16);
			CHECK(c->ndict == 257);
			CHECK(count_wrong(c, 0, c->n, want_int) == 0);
		}
	}
	return c;
}

/* The integer ladder: dict8 -> dict16 -> i32 -> dec32 -> f32 -> f64. */
static void
test_ladder_ints(void)
{
	rs_column *c = int_ladder(NDICT16 - 1);
	size_t n;

	/* NaN and 0..65534 fill the 16-bit dictionary exactly */
	CHECK(c->store == RS_STORE_DICT16);
	CHECK(c->ndict == NDICT16);
	CHECK(c->n == NDICT16);
	CHECK(c->nmissing == 1);
	CHECK(rs_column_is_missing(c, 0));
	CHECK(!rs_column_is_missing(c, 1));
	CHECK(rs_column_distinct(c) == NDICT16 - 1);
	CHECK(count_wrong(c, 0, c->n, want_int) == 0);
	CHECK_STR(rs_column_type_name(c), "int");

	/* one more distinct value: int32 */
	rs_column_push_number(c, 65535, 0);
	CHECK(c->store == RS_STORE_I32);
	CHECK(c->dict == NULL && c->ndict == 0);
	CHECK(c->n == 65537);
	CHECK(count_wrong(c, 0, c->n, want_int) == 0);
	CHECK(rs_column_is_missing(c, 0));
	CHECK(isnan(rs_column_get(c, 0)));
	CHECK_STR(fmt(c, 0), "NaN");
	CHECK_STR(fmt(c, 12346), "12345");
	CHECK_STR(rs_column_type_name(c), "int");
	rs_column_push_missing(c);			/* row 65537 */
	CHECK(c->store == RS_STORE_I32);
	CHECK(c->nmissing == 2);
	CHECK(rs_column_is_missing(c, 65537));
	CHECK(rs_column_distinct(c) == 65536);
	rs_column_push_number(c, -17, 0);		/* row 65538 */
	CHECK(c->store == RS_STORE_I32);
	CHECK(rs_column_get(c, 65538) == -17.0);
	CHECK_STR(fmt(c, 65538), "-17");

	/* a decimal: dec32 at scale 1 (65535 * 10 fits int32) */
	rs_column_push_number(c, 2.5, 1);		/* row 65539 */
	CHECK(c->store == RS_STORE_DEC32);
	CHECK(c->scale == 1);
	CHECK(count_wrong(c, 0, 65537, want_int) == 0);
	CHECK(rs_column_is_missing(c, 65537));
	CHECK(rs_column_get(c, 65538) == -17.0);
	CHECK(rs_column_get(c, 65539) == 2.5);
	CHECK_STR(fmt(c, 65539), "2.5");
	CHECK_STR(fmt(c, 8), "7");
	CHECK_STR(rs_column_type_name(c), "float");

	/* more decimals: the stored values are scaled up */
	rs_column_push_number(c, 0.25, 2);		/* row 65540 */
	CHECK(c->store == RS_STORE_DEC32);
	CHECK(c->scale == 2);
	CHECK(c->decimals == 2);
	CHECK(count_wrong(c, 0, 65537, want_int) == 0);
	CHECK(rs_column_get(c, 65538) == -17.0);
	CHECK(rs_column_get(c, 65539) == 2.5);
	CHECK(rs_column_get(c, 65540) == 0.25);
	CHECK_STR(fmt(c, 65540), "0.25");
	CHECK_STR(fmt(c, 65539), "2.5");
	CHECK_STR(fmt(c, 65538), "-17");
	rs_column_push_number(c, -0.05, 2);		/* row 65541 */
	CHECK(rs_column_get(c, 65541) == -0.05);
	CHECK_STR(fmt(c, 65541), "-0.05");
	rs_column_push_missing(c);			/* row 65542 */
	CHECK(c->store == RS_STORE_DEC32);
	CHECK(rs_column_is_missing(c, 65542));
	CHECK_STR(fmt(c, 65542), "NaN");
	CHECK(c->nmissing == 3);
	/* 0..65535, -17, 2.5, 0.25, -0.05 */
	CHECK(rs_column_distinct(c) == 65540);

	/* ten decimals do not fit dec32 and 1e-10 is no float: double, and
	 * every earlier value is still exactly as written */
	rs_column_push_number(c, 1e-10, 10);		/* row 65543 */
	CHECK(c->store == RS_STORE_F64);
	n = c->n;
	CHECK(n == 65544);
	CHECK(count_wrong(c, 0, 65537, want_int) == 0);
	CHECK(rs_column_get(c, 65538) == -17.0);
	CHECK(rs_column_get(c, 65539) == 2.5);
	CHECK(rs_column_get(c, 65540) == 0.25);
	CHECK(rs_column_get(c, 65541) == -0.05);
	CHECK(rs_column_is_missing(c, 65542));
	CHECK(rs_column_get(c, 65543) == 1e-10);
	CHECK_STR(fmt(c, 65543), "1e-10");
	CHECK_STR(fmt(c, 65541), "-0.05");
	CHECK_STR(fmt(c, 65540), "0.25");
	CHECK_STR(fmt(c, 65536), "65535");
	CHECK_STR(fmt(c, 65542), "NaN");
	rs_column_push_missing(c);			/* row 65544 */
	CHECK(c->store == RS_STORE_F64);
	CHECK(rs_column_is_missing(c, 65544));
	CHECK(c->nmissing == 4);
	rs_column_push_number(c, 0.1234567890123, 13);	/* row 65545 */
	CHECK(c->store == RS_STORE_F64);
	CHECK(rs_column_get(c, 65545) == 0.1234567890123);
	CHECK_STR(fmt(c, 65545), "0.1234567890123");
	rs_column_free(c);
}

/* int32 holds neither INT32_MIN (its missing marker) nor values past it. */
static void
test_ladder_int32_limits(void)
{
	rs_column *c = int_ladder(NDICT16);

	CHECK(c->store == RS_STORE_I32);
	rs_column_push_number(c, -2147483648.0, 0);
	CHECK(c->store != RS_STORE_I32);
	CHECK(c->store == RS_STORE_F32);	/* every value so far is a float */
	CHECK(rs_column_get(c, c->n - 1) == -2147483648.0);
	CHECK(!rs_column_is_missing(c, c->n - 1));
	CHECK(rs_column_is_missing(c, 0));
	CHECK(count_wrong(c, 0, NDICT16 + 1, want_int) == 0);
	rs_column_push_number(c, 2147483647.0, 0);	/* 2^31 - 1 is no float */
	CHECK(c->store == RS_STORE_F64);
	CHECK(rs_column_get(c, c->n - 1) == 2147483647.0);
	CHECK(rs_column_get(c, c->n - 2) == -2147483648.0);
	CHECK(count_wrong(c, 0, NDICT16 + 1, want_int) == 0);
	CHECK_STR(fmt(c, c->n - 1), "2147483647");
	CHECK_STR(rs_column_type_name(c), "float");
	rs_column_free(c);
}

/* dict16 overflowing straight into dec32, then f32 and f64. */
static void
test_ladder_cents(void)
{
	rs_column *c = rs_column_new("price", RS_COL_NUMBER);

	rs_column_push_missing(c);
	for (int k = 0; k < NDICT16 - 1; k++)
		rs_column_push_number(c, k / 100.0, 2);
	CHECK(c->store == RS_STORE_DICT16);
	CHECK(count_wrong(c, 0, c->n, want_cents) == 0);
	rs_column_push_number(c, 655.35, 2);	/* row 65536 = k 65535 */
	CHECK(c->store == RS_STORE_DEC32);
	CHECK(c->scale == 2);
	CHECK(count_wrong(c, 0, c->n, want_cents) == 0);
	CHECK_STR(fmt(c, 2), "0.01");
	CHECK_STR(fmt(c, 151), "1.5");
	CHECK_STR(fmt(c, 1), "0");
	CHECK_STR(fmt(c, 65536), "655.35");
	CHECK_STR(fmt(c, 0), "NaN");
	CHECK(rs_column_distinct(c) == 65536);

	/* 3e7 * 100 does not fit int32 and cents are no floats: double,
	 * which keeps every cent exactly */
	rs_column_push_number(c, 3e7, 0);	/* row 65537 */
	CHECK(c->store == RS_STORE_F64);
	CHECK(count_wrong(c, 0, 65537, want_cents) == 0);
	CHECK(rs_column_get(c, 65537) == 3e7);
	CHECK_STR(fmt(c, 2), "0.01");
	CHECK_STR(fmt(c, 65536), "655.35");
	CHECK_STR(fmt(c, 65537), "30000000");
	CHECK(rs_column_is_missing(c, 0));

	rs_column_push_number(c, 0.123456789012, 12);	/* row 65538 */
	CHECK(c->store == RS_STORE_F64);
	CHECK(rs_column_get(c, 65538) == 0.123456789012);
	CHECK(rs_column_get(c, 65537) == 3e7);
	CHECK(rs_column_is_missing(c, 0));
	CHECK_STR(fmt(c, 65538), "0.123456789012");
	rs_column_free(c);
}

/* dict16 overflowing into float (exact binary fractions), then double. */
static void
test_ladder_binary(void)
{
	rs_column *c = rs_column_new("w", RS_COL_NUMBER);

	rs_column_push_missing(c);
	for (int k = 0; k < NDICT16; k++)
		rs_column_push_number(c, ldexp(k, -16), -1);
	CHECK(c->store == RS_STORE_F32);
	CHECK(count_wrong(c, 0, c->n, want_binary) == 0);
	CHECK_STR(fmt(c, 1 + (1 << 15)), "0.5");
	CHECK_STR(fmt(c, 1 + (1 << 14)), "0.25");
	CHECK_STR(fmt(c, 0), "NaN");
	rs_column_push_missing(c);
	CHECK(rs_column_is_missing(c, c->n - 1));
	CHECK(c->nmissing == 2);
	rs_column_push_number(c, 0.1, -1);	/* computed, not a float */
	CHECK(c->store == RS_STORE_F64);
	CHECK(count_wrong(c, 0, NDICT16 + 1, want_binary) == 0);
	CHECK(rs_column_get(c, c->n - 1) == 0.1);
	CHECK_STR(fmt(c, c->n - 1), "0.1");
	CHECK(rs_column_is_missing(c, NDICT16 + 1));
	rs_column_free(c);
}

/* dict16 overflowing straight into double. */
static void
test_ladder_f64(void)
{
	rs_column *c = rs_column_new("r", RS_COL_NUMBER);

	rs_column_push_missing(c);
	for (int k = 0; k < NDICT16; k++)
		rs_column_push_number(c, k + 0.1, -1);
	CHECK(c->store == RS_STORE_F64);
	CHECK(count_wrong(c, 0, c->n, want_tenth) == 0);
	CHECK_STR(fmt(c, 1), "0.1");
	CHECK_STR(fmt(c, 3), "2.1");
	rs_column_push_missing(c);
	CHECK(rs_column_is_missing(c, c->n - 1));
	CHECK(isnan(rs_column_get(c, c->n - 1)));
	CHECK(c->nmissing == 2);
	CHECK(rs_column_distinct(c) == NDICT16);
	rs_column_free(c);
}

static void
test_dict_small(void)
{
	rs_column *c = rs_column_new("rating", RS_COL_NUMBER);

	rs_column_push_number(c, 5, 0);
	rs_column_push_number(c, 4.5, 1);
	rs_column_push_number(c, 0.1 + 0.2, -1);
	rs_column_push_missing(c);
	rs_column_push_number(c, NAN, 2);	/* NaN is missing too */
	rs_column_push_number(c, 5, 0);
	rs_column_push_number(c, -0.0, 0);
	rs_column_push_number(c, 0.0, 0);
	CHECK(c->store == RS_STORE_DICT8);
	CHECK(c->n == 8);
	/* 5, 4.5, 0.30000000000000004, NaN, 0 (-0 and 0 are one value) */
	CHECK(c->ndict == 5);
	CHECK(c->nmissing == 2);
	CHECK(rs_column_get(c, 0) == 5.0);
	CHECK(rs_column_get(c, 1) == 4.5);
	CHECK(rs_column_get(c, 2) == 0.1 + 0.2);
	CHECK(rs_column_is_missing(c, 3));
	CHECK(rs_column_is_missing(c, 4));
	CHECK(rs_column_get(c, 5) == 5.0);
	CHECK(rs_column_get(c, 6) == 0.0 && !signbit(rs_column_get(c, 6)));
	CHECK(rs_column_distinct(c) == 4);
	CHECK(!c->all_int);
	CHECK(c->decimals == -1);
	CHECK(c->maxabs == 5.0);
	CHECK_STR(fmt(c, 0), "5");
	CHECK_STR(fmt(c, 1), "4.5");
	CHECK_STR(fmt(c, 2), "0.30000000000000004");
	CHECK_STR(fmt(c, 3), "NaN");
	CHECK_STR(fmt(c, 6), "0");
	CHECK_STR(rs_column_type_name(c), "float");
	CHECK(rs_column_text(c, 0) == NULL);
	{
		/* a short buffer truncates */
		char buf[3];
		rs_column_format(c, 1, buf, sizeof buf);
		CHECK_STR(buf, "4.");
	}
	rs_column_free(c);

	/* the decimals of a column are the most written */
	c = rs_column_new("d", RS_COL_NUMBER);
	rs_column_push_number(c, 1.5, 1);
	rs_column_push_number(c, 2.25, 2);
	rs_column_push_number(c, 3, 0);
	CHECK(c->decimals == 2);
	CHECK(c->all_f32);
	CHECK_STR(rs_column_type_name(c), "float");
	rs_column_push_number(c, 0.1234567891, 10);
	CHECK(!c->all_f32);
	rs_column_free(c);

	/* all missing: no distinct values, still a number column */
	c = rs_column_new("empty", RS_COL_NUMBER);
	rs_column_push_missing(c);
	rs_column_push_missing(c);
	CHECK(c->n == 2 && c->nmissing == 2);
	CHECK(rs_column_distinct(c) == 0);
	CHECK_STR(fmt(c, 1), "NaN");
	rs_column_free(c);
}

static void
test_text(void)
{
	rs_column *c = rs_column_new("tag", RS_COL_TEXT);

	CHECK(c->store == RS_STORE_STR);
	CHECK_STR(rs_column_type_name(c), "text");
	rs_column_push_text(c, "apple", 5);
	rs_column_push_text(c, "banana split", 6);	/* len bytes: "banana" */
	rs_column_push_text(c, "", 0);			/* missing */
	rs_column_push_text(c, "apple", 5);
	rs_column_push_text(c, "\xe6\x97\xa5\xe6\x9c\xac", 6);
	rs_column_push_missing(c);
	rs_column_push_text(c, "a,b \"c\"", 7);
	CHECK(c->n == 7);
	CHECK(c->nmissing == 2);
	CHECK_STR(rs_column_text(c, 0), "apple");
	CHECK_STR(rs_column_text(c, 1), "banana");
	CHECK_STR(rs_column_text(c, 2), "");
	CHECK_STR(rs_column_text(c, 3), "apple");
	CHECK_STR(rs_column_text(c, 4), "\xe6\x97\xa5\xe6\x9c\xac");
	CHECK_STR(rs_column_text(c, 5), "");
	CHECK_STR(rs_column_text(c, 6), "a,b \"c\"");
	CHECK(rs_column_is_missing(c, 2));
	CHECK(rs_column_is_missing(c, 5));
	CHECK(!rs_column_is_missing(c, 0));
	CHECK(isnan(rs_column_get(c, 0)));
	/* apple, banana, 日本, a,b "c" */
	CHECK(rs_column_distinct(c) == 4);
	CHECK_STR(fmt(c, 0), "apple");
	CHECK_STR(fmt(c, 2), "");
	CHECK_STR(fmt(c, 6), "a,b \"c\"");
	/* interned: the same code for the same string */
	CHECK(((uint32_t *)c->v)[0] == ((uint32_t *)c->v)[3]);
	CHECK(((uint32_t *)c->v)[2] == 0 && ((uint32_t *)c->v)[5] == 0);
	rs_column_finish(c);
	rs_column_push_text(c, "banana", 6);
	rs_column_push_text(c, "cherry", 6);
	CHECK(c->n == 9);
	CHECK_STR(rs_column_text(c, 7), "banana");
	CHECK_STR(rs_column_text(c, 8), "cherry");
	CHECK(((uint32_t *)c->v)[7] == ((uint32_t *)c->v)[1]);
	CHECK(rs_column_distinct(c) == 5);
	rs_column_free(c);
}

static void
test_time(void)
{
	rs_column *c = rs_column_new("when", RS_COL_TIME);

	rs_column_push_number(c, 1593907200, 3);	/* 2020-07-05 */
	rs_column_push_number(c, 1593993600, 3);	/* 2020-07-06 */
	rs_column_push_missing(c);
	CHECK(c->date_only);
	CHECK_STR(rs_column_type_name(c), "date");
	CHECK_STR(fmt(c, 0), "2020-07-05");
	CHECK_STR(fmt(c, 1), "2020-07-06");
	CHECK_STR(fmt(c, 2), "NaN");
	rs_column_push_number(c, 1593907703.438, 3);
	CHECK(!c->date_only);
	CHECK_STR(rs_column_type_name(c), "time");
	CHECK_STR(fmt(c, 0), "2020-07-05 00:00:00");
	CHECK_STR(fmt(c, 3), "2020-07-05 00:08:23.438");
	CHECK(rs_column_get(c, 3) == 1593907703.438);
	CHECK(rs_column_distinct(c) == 3);
	CHECK(c->nmissing == 1);
	/* before 1970 */
	rs_column_push_number(c, -1, 3);
	CHECK_STR(fmt(c, 4), "1969-12-31 23:59:59");
	rs_column_free(c);
}

static void
test_select(void)
{
	static const size_t pick[] = { 2, SIZE_MAX, 0, 0 };
	rs_column *c, *s, *t;

	/* dict8 without a NaN code: one is added */
	c = rs_column_new("v", RS_COL_NUMBER);
	rs_column_push_number(c, 10, 0);
	rs_column_push_number(c, 20, 0);
	rs_column_push_number(c, 30.5, 1);
	s = rs_column_select(c, pick, 4);
	CHECK(s->store == RS_STORE_DICT8);
	CHECK(s->n == 4);
	CHECK(rs_column_get(s, 0) == 30.5);
	CHECK(rs_column_is_missing(s, 1));
	CHECK(rs_column_get(s, 2) == 10.0);
	CHECK(rs_column_get(s, 3) == 10.0);
	CHECK(s->nmissing == 1);
	CHECK(rs_column_distinct(s) == 2);	/* 20 is no longer used */
	CHECK_STR(s->name, "v");
	CHECK(s->name != c->name);
	CHECK_STR(fmt(s, 0), "30.5");
	CHECK_STR(fmt(s, 1), "NaN");
	/* the source is untouched */
	CHECK(c->ndict == 3 && c->n == 3 && c->nmissing == 0);
	CHECK(rs_column_get(c, 1) == 20.0);
	/* a selection takes more values */
	rs_column_push_number(s, 40, 0);
	rs_column_push_number(s, 20, 0);
	rs_column_push_number(s, 30.5, 1);
	CHECK(s->n == 7);
	CHECK(rs_column_get(s, 4) == 40.0);
	CHECK(rs_column_get(s, 5) == 20.0);
	CHECK(rs_column_get(s, 6) == 30.5);
	CHECK(s->ndict == 5);	/* 10, 20, 30.5, NaN, 40 */
	rs_column_free(s);

	/* no rows at all */
	s = rs_column_select(c, NULL, 0);
	CHECK(s->n == 0 && s->nmissing == 0);
	CHECK(rs_column_distinct(s) == 0);
	rs_column_free(s);
	rs_column_free(c);

	/* a full dict8 has no room for a NaN code */
	c = rs_column_new("full", RS_COL_NUMBER);
	for (int v = 0; v < 256; v++)
		rs_column_push_number(c, v, 0);
	CHECK(c->store == RS_STORE_DICT8 && c->ndict == 256);
	{
		static const size_t idx[] = { 255, SIZE_MAX, 0, 128 };
		s = rs_column_select(c, idx, 4);
		CHECK(s->n == 4);
		CHECK(rs_column_get(s, 0) == 255.0);
		CHECK(rs_column_is_missing(s, 1));
		CHECK(rs_column_get(s, 2) == 0.0);
		CHECK(rs_column_get(s, 3) == 128.0);
		CHECK(s->nmissing == 1);
		CHECK_STR(s->name, "full");
		CHECK_STR(rs_column_type_name(s), "int");
		rs_column_free(s);
	}
	/* without a missing row the full dictionary is copied as is */
	{
		static const size_t idx[] = { 7, 3 };
		s = rs_column_select(c, idx, 2);
		CHECK(s->store == RS_STORE_DICT8);
		CHECK(rs_column_get(s, 0) == 7.0 && rs_column_get(s, 1) == 3.0);
		CHECK(s->nmissing == 0);
		rs_column_free(s);
	}
	rs_column_free(c);

	/* a dict16 that already has a NaN code reuses it */
	c = int_ladder(1000);
	{
		static const size_t idx[] = { SIZE_MAX, 1000, 0 };
		uint32_t nd = c->ndict;
		s = rs_column_select(c, idx, 3);
		CHECK(s->store == RS_STORE_DICT16);
		CHECK(s->ndict == nd);
		CHECK(rs_column_is_missing(s, 0));
		CHECK(rs_column_get(s, 1) == 999.0);
		CHECK(rs_column_is_missing(s, 2));
		CHECK(s->nmissing == 2);
		rs_column_free(s);
	}
	rs_column_free(c);

	/* plain stores: the missing marker of each */
	{
		static const size_t idx[] = { SIZE_MAX, 65536, 1 };
		c = int_ladder(NDICT16);			/* i32 */
		CHECK(c->store == RS_STORE_I32);
		s = rs_column_select(c, idx, 3);
		CHECK(s->store == RS_STORE_I32);
		CHECK(rs_column_is_missing(s, 0) && isnan(rs_column_get(s, 0)));
		CHECK(rs_column_get(s, 1) == 65535.0);
		CHECK(rs_column_get(s, 2) == 0.0);
		CHECK(s->nmissing == 1);
		CHECK_STR(fmt(s, 0), "NaN");
		rs_column_free(s);
		rs_column_push_number(c, 1.5, 1);		/* dec32 */
		CHECK(c->store == RS_STORE_DEC32);
		s = rs_column_select(c, idx, 3);
		CHECK(s->store == RS_STORE_DEC32);
		CHECK(rs_column_is_missing(s, 0));
		CHECK(rs_column_get(s, 1) == 65535.0);
		CHECK(s->nmissing == 1);
		rs_column_free(s);
		rs_column_push_number(c, 0.0009765625, 10);	/* f32: 2^-10 */
		CHECK(c->store == RS_STORE_F32);
		s = rs_column_select(c, idx, 3);
		CHECK(s->store == RS_STORE_F32);
		CHECK(rs_column_is_missing(s, 0));
		CHECK(rs_column_get(s, 1) == 65535.0);
		CHECK(s->nmissing == 1);
		rs_column_free(s);
		rs_column_push_number(c, 0.1, -1);		/* f64 */
		CHECK(c->store == RS_STORE_F64);
		s = rs_column_select(c, idx, 3);
		CHECK(s->store == RS_STORE_F64);
		CHECK(rs_column_is_missing(s, 0));
		CHECK(rs_column_get(s, 1) == 65535.0);
		CHECK(s->nmissing == 1);
		rs_column_free(s);
		rs_column_free(c);
	}

	/* text: the strings are copied, the source may go */
	c = rs_column_new("t", RS_COL_TEXT);
	rs_column_push_text(c, "a", 1);
	rs_column_push_text(c, "b", 1);
	rs_column_push_missing(c);
	{
		static const size_t idx[] = { 1, SIZE_MAX, 0, 2 };
		s = rs_column_select(c, idx, 4);
	}
	rs_column_free(c);
	CHECK(s->store == RS_STORE_STR);
	CHECK_STR(rs_column_text(s, 0), "b");
	CHECK_STR(rs_column_text(s, 1), "");
	CHECK_STR(rs_column_text(s, 2), "a");
	CHECK_STR(rs_column_text(s, 3), "");
	CHECK(s->nmissing == 2);
	CHECK(rs_column_distinct(s) == 2);
	rs_column_push_text(s, "c", 1);
	CHECK_STR(rs_column_text(s, 4), "c");
	rs_column_free(s);

	/* time keeps its kind and form */
	c = rs_column_new("day", RS_COL_TIME);
	rs_column_push_number(c, 1593907200, 3);
	rs_column_push_number(c, 1593993600, 3);
	{
		static const size_t idx[] = { 1, SIZE_MAX };
		s = rs_column_select(c, idx, 2);
	}
	CHECK(s->kind == RS_COL_TIME);
	CHECK_STR(fmt(s, 0), "2020-07-06");
	CHECK_STR(fmt(s, 1), "NaN");
	CHECK_STR(rs_column_type_name(s), "date");
	/* selecting from a selection */
	{
		static const size_t idx[] = { 1, 0, 1 };
		t = rs_column_select(s, idx, 3);
	}
	CHECK(rs_column_is_missing(t, 0) && rs_column_is_missing(t, 2));
	CHECK(rs_column_get(t, 1) == 1593993600.0);
	CHECK(t->nmissing == 2);
	rs_column_free(t);
	rs_column_free(s);
	rs_column_free(c);
}

static void
test_finish(void)
{
	rs_column *c = rs_column_new("f", RS_COL_NUMBER);

	/* finish shrinks to fit and drops the build-time index */
	rs_column_push_number(c, 1, 0);
	rs_column_push_number(c, 2, 0);
	rs_column_push_number(c, 3, 0);
	rs_column_finish(c);
	CHECK(c->cap == 3);
	CHECK(c->dindex == NULL);
	/* 3 one-byte codes + 3 doubles in the dictionary */
	CHECK(rs_column_bytes(c) == 3 + 3 * sizeof(double));
	/* more values afterwards: old ones found, new ones added */
	rs_column_push_number(c, 2, 0);
	CHECK(c->ndict == 3);
	rs_column_push_number(c, 4, 0);
	CHECK(c->ndict == 4);
	rs_column_push_missing(c);
	CHECK(c->n == 6);
	CHECK(rs_column_get(c, 0) == 1.0 && rs_column_get(c, 1) == 2.0 &&
	    rs_column_get(c, 2) == 3.0 && rs_column_get(c, 3) == 2.0 &&
	    rs_column_get(c, 4) == 4.0 && rs_column_is_missing(c, 5));
	CHECK(rs_column_distinct(c) == 4);
	rs_column_finish(c);
	rs_column_finish(c);	/* twice is harmless */
	CHECK(c->n == 6 && c->cap == 6);
	rs_column_free(c);

	/* a finished dict16 rebuilds a larger index */
	c = rs_column_new("g", RS_COL_NUMBER);
	for (int v = 0; v < 300; v++)
		rs_column_push_number(c, v * 0.5, 1);
	rs_column_finish(c);
	CHECK(c->store == RS_STORE_DICT16);
	rs_column_push_number(c, 75, 1);	/* = 150 * 0.5, already there */
	CHECK(c->ndict == 300);
	rs_column_push_number(c, 1000, 0);
	CHECK(c->ndict == 301);
	CHECK(rs_column_get(c, 300) == 75.0);
	CHECK(rs_column_get(c, 301) == 1000.0);
	CHECK(rs_column_get(c, 299) == 149.5);
	rs_column_free(c);

	/* an empty column can be finished and then filled */
	c = rs_column_new("e", RS_COL_NUMBER);
	rs_column_finish(c);
	CHECK(c->n == 0);
	rs_column_push_number(c, 7, 0);
	CHECK(c->n == 1 && rs_column_get(c, 0) == 7.0);
	rs_column_free(c);

	/* plain stores after finish */
	c = int_ladder(NDICT16);
	rs_column_finish(c);
	CHECK(c->store == RS_STORE_I32 && c->cap == c->n);
	CHECK(rs_column_bytes(c) == c->n * 4);
	rs_column_push_number(c, 0.5, 1);
	CHECK(c->store == RS_STORE_DEC32);
	CHECK(rs_column_get(c, c->n - 1) == 0.5);
	CHECK(count_wrong(c, 0, NDICT16 + 1, want_int) == 0);
	rs_column_free(c);
	rs_column_free(NULL);
}

static void
test_type_names(void)
{
	rs_column *c = rs_column_new("n", RS_COL_NUMBER);

	CHECK_STR(rs_column_type_name(c), "int");
	rs_column_push_number(c, 3, 0);
	CHECK_STR(rs_column_type_name(c), "int");
	rs_column_push_number(c, 3e9, 0);	/* an integer, but not int32 */
	CHECK_STR(rs_column_type_name(c), "float");
	rs_column_free(c);
	c = rs_column_new("n", RS_COL_NUMBER);
	rs_column_push_number(c, 3.0, 1);	/* written 3.0, still whole */
	CHECK_STR(rs_column_type_name(c), "int");
	rs_column_free(c);
	c = rs_column_new("t", RS_COL_TEXT);
	CHECK_STR(rs_column_type_name(c), "text");
	rs_column_free(c);
	c = rs_column_new("d", RS_COL_TIME);
	rs_column_push_number(c, 86400, 3);
	CHECK_STR(rs_column_type_name(c), "date");
	rs_column_push_number(c, 86400.5, 3);
	CHECK_STR(rs_column_type_name(c), "time");
	rs_column_free(c);
}

int
main(void)
{
	test_ladder_ints();
	test_ladder_int32_limits();
	test_ladder_cents();
	test_ladder_binary();
	test_ladder_f64();
	test_dict_small();
	test_text();
	test_time();
	test_select();
	test_finish();
	test_type_names();
	return check_done("test-column");
}
