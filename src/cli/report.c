/* Report trees: built by commands, printed as aligned text or JSON Lines. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "report.h"
#include "util/text.h"
#include "util/xmalloc.h"

static struct rnode *
node_new(enum rnode_type t, const char *key)
{
	struct rnode *n = xcalloc(1, sizeof *n);

	n->type = t;
	n->key = key ? xstrdup(key) : NULL;
	return n;
}

static void
node_free(struct rnode *n)
{
	if (n == NULL)
		return;
	for (size_t i = 0; i < n->nkids; i++)
		node_free(n->kids[i]);
	free(n->kids);
	if (n->type == RN_STRING)
		free(n->v.s);
	free(n->key);
	free(n->label);
	free(n);
}

struct report *
report_new(const char *command)
{
	struct report *r = xcalloc(1, sizeof *r);

	r->command = command;
	r->root = node_new(RN_OBJECT, NULL);
	return r;
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	node_free(r->root);
	for (size_t i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	for (size_t i = 0; i < r->nwarnings; i++)
		free(r->warnings[i]);
	free(r->notes);
	free(r->warnings);
	free(r);
}

struct rnode *
report_root(struct report *r)
{
	return r->root;
}

static struct rnode *
attach(struct rnode *parent, struct rnode *n)
{
	parent->kids = xreallocarray(parent->kids, parent->nkids + 1,
	    sizeof *parent->kids);
	parent->kids[parent->nkids++] = n;
	return n;
}

struct rnode *
rn_str(struct rnode *obj, const char *key, const char *s)
{
	struct rnode *n = node_new(RN_STRING, key);

	n->v.s = xstrdup(s ? s : "");
	return attach(obj, n);
}

struct rnode *
rn_int(struct rnode *obj, const char *key, int64_t i)
{
	struct rnode *n = node_new(RN_INT, key);

	n->v.i = i;
	return attach(obj, n);
}

struct rnode *
rn_num(struct rnode *obj, const char *key, double d)
{
	struct rnode *n = node_new(RN_NUM, key);

	n->v.d = d;
	return attach(obj, n);
}

struct rnode *
rn_bool(struct rnode *obj, const char *key, bool b)
{
	struct rnode *n = node_new(RN_BOOL, key);

	n->v.b = b;
	return attach(obj, n);
}

struct rnode *
rn_null(struct rnode *obj, const char *key)
{
	return attach(obj, node_new(RN_NULL, key));
}

struct rnode *
rn_obj(struct rnode *obj, const char *key)
{
	return attach(obj, node_new(RN_OBJECT, key));
}

struct rnode *
rn_arr(struct rnode *obj, const char *key)
{
	return attach(obj, node_new(RN_ARRAY, key));
}

struct rnode *
rn_label(struct rnode *n, const char *label)
{
	free(n->label);
	n->label = xstrdup(label);
	return n;
}

struct rnode *
rn_flags(struct rnode *n, unsigned flags)
{
	n->flags |= flags;
	return n;
}

struct rnode *
rn_prec(struct rnode *n, int prec)
{
	n->prec = prec;
	return n;
}

static void
add_line(char ***v, size_t *n, const char *fmt, va_list ap)
{
	char buf[2048];

	vsnprintf(buf, sizeof buf, fmt, ap);
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(buf);
}

void
report_note(struct report *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_line(&r->notes, &r->nnotes, fmt, ap);
	va_end(ap);
}

void
report_warn(struct report *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_line(&r->warnings, &r->nwarnings, fmt, ap);
	va_end(ap);
}

void
fmt_int(int64_t v, char *buf, size_t size)
{
	char tmp[32];
	size_t n, o = 0;
	bool neg = v < 0;

	snprintf(tmp, sizeof tmp, "%llu",
	    (unsigned long long)(neg ? -(uint64_t)v : (uint64_t)v));
	n = strlen(tmp);
	if (neg && o + 1 < size)
		buf[o++] = '-';
	for (size_t i = 0; i < n && o + 2 < size; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = tmp[i];
	}
	buf[o] = '\0';
}

/* prec significant digits, but never rounding the integer part; commas in
 * the integer part; no trailing zeros. */
void
fmt_num(double x, int prec, char *buf, size_t size)
{
	double ax = fabs(x);
	int dec, intdigits;
	char tmp[64], *dot;
	size_t n;

	if (isnan(x)) {
		snprintf(buf, size, "NaN");
		return;
	}
	if (isinf(x)) {
		snprintf(buf, size, x > 0 ? "inf" : "-inf");
		return;
	}
	if (prec <= 0)
		prec = 4;
	if (ax >= 1e15 || (ax < 1e-4 && ax > 0)) {
		snprintf(buf, size, "%.*e", prec - 1, x);
		return;
	}
	intdigits = ax >= 1 ? (int)floor(log10(ax)) + 1 : 0;
	dec = prec - intdigits;
	if (ax < 1 && ax > 0)	/* leading zeros after the point do not count */
		dec = prec - 1 - (int)floor(log10(ax));
	if (dec < 0)
		dec = 0;
	snprintf(tmp, sizeof tmp, "%.*f", dec, x);
	if ((dot = strchr(tmp, '.')) != NULL) {
		n = strlen(tmp);
		while (n > 0 && tmp[n - 1] == '0')
			tmp[--n] = '\0';
		if (tmp[n - 1] == '.')
			tmp[--n] = '\0';
	}
	dot = strchr(tmp, '.');
	{
		/* group the integer part */
		double ip = fabs(strtod(tmp, NULL));
		char grouped[48];
		fmt_int((int64_t)ip, grouped, sizeof grouped);
		snprintf(buf, size, "%s%s%s", x < 0 && strtod(tmp, NULL) != 0 ? "-" : "",
		    grouped, dot ? dot : "");
	}
}

/* Copy s with newlines, tabs and other control characters written as
 * escapes, so one value stays on one line of a table. */
static void
escape_controls(const char *s, char *buf, size_t size)
{
	size_t o = 0;

	for (; *s && o + 5 < size; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n' || c == '\r' || c == '\t') {
			buf[o++] = '\\';
			buf[o++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
		} else if (c < 0x20 || c == 0x7f)
			o += (size_t)snprintf(buf + o, size - o, "\\x%02x", c);
		else
			buf[o++] = (char)c;
	}
	buf[o] = '\0';
}

/* Text of a scalar node for the text rendering. */
static void
scalar_text(const struct rnode *n, char *buf, size_t size)
{
	switch (n->type) {
	case RN_STRING:
		escape_controls(n->v.s, buf, size);
		break;
	case RN_INT:
		if (n->flags & RF_EXACT)
			snprintf(buf, size, "%lld", (long long)n->v.i);
		else
			fmt_int(n->v.i, buf, size);
		break;
	case RN_NUM:
		if (n->flags & RF_TIME)
			util_format_datetime(n->flags & RF_WHOLE_SECONDS ? floor(n->v.d) : n->v.d,
			    (n->flags & RF_DATE) != 0, buf, size);
		else if (n->flags & RF_EXACT)
			util_format_number(n->v.d, false, buf, size);
		else if (n->flags & RF_PERCENT) {
			char t[64];
			fmt_num(n->v.d * 100, n->prec ? n->prec : 3, t, sizeof t);
			snprintf(buf, size, "%s%%", t);
		} else
			fmt_num(n->v.d, n->prec, buf, size);
		break;
	case RN_BOOL:
		snprintf(buf, size, "%s", n->v.b ? "yes" : "no");
		break;
	case RN_NULL:
		snprintf(buf, size, "-");
		break;
	default:
		buf[0] = '\0';
	}
}

static const char *
label_of(const struct rnode *n)
{
	return n->label ? n->label : n->key ? n->key : "";
}

static bool
is_scalar(const struct rnode *n)
{
	return n->type != RN_OBJECT && n->type != RN_ARRAY;
}

static void
pad(FILE *out, size_t n)
{
	while (n-- > 0)
		fputc(' ', out);
}

static bool
is_numeric(const struct rnode *n)
{
	return n->type == RN_INT || (n->type == RN_NUM && !(n->flags & RF_TIME));
}

/* An array of objects as an aligned table (columns from the first row;
 * columns flagged RF_TEXT_HIDE are left out). */
static void
print_table(const struct rnode *arr, FILE *out, int indent)
{
	const struct rnode *first;
	size_t nc, *w, last = 0;
	char buf[512];

	if (arr->nkids == 0)
		return;
	first = arr->kids[0];
	nc = first->nkids;
	w = xcalloc(nc + 1, sizeof *w);
	for (size_t c = 0; c < nc; c++) {
		if (first->kids[c]->flags & RF_TEXT_HIDE)
			continue;
		w[c] = util_utf8_width(label_of(first->kids[c]));
		last = c;
	}
	for (size_t r = 0; r < arr->nkids; r++)
		for (size_t c = 0; c < nc && c < arr->kids[r]->nkids; c++) {
			scalar_text(arr->kids[r]->kids[c], buf, sizeof buf);
			if (util_utf8_width(buf) > w[c])
				w[c] = util_utf8_width(buf);
		}
	for (size_t r = 0; r <= arr->nkids; r++) {
		const struct rnode *row = r == 0 ? first : arr->kids[r - 1];
		pad(out, (size_t)indent);
		for (size_t c = 0; c < nc && c < row->nkids; c++) {
			const struct rnode *cell = row->kids[c];
			bool num = is_numeric(first->kids[c]);
			size_t bw;
			if (first->kids[c]->flags & RF_TEXT_HIDE)
				continue;
			if (r == 0)
				snprintf(buf, sizeof buf, "%s", label_of(cell));
			else
				scalar_text(cell, buf, sizeof buf);
			bw = util_utf8_width(buf);
			if (num)
				pad(out, w[c] - bw);
			fputs(buf, out);
			if (c < last)
				pad(out, (num ? 0 : w[c] - bw) + 2);
		}
		fputc('\n', out);
	}
	free(w);
}

static void print_fields(const struct rnode *obj, FILE *out, int indent);

/* One-line object: "label: k v, k v ..." */
static void
print_inline(const struct rnode *n, FILE *out, int indent, size_t lw)
{
	char buf[256];

	pad(out, (size_t)indent);
	fprintf(out, "%s", label_of(n));
	pad(out, lw - util_utf8_width(label_of(n)) + 2);
	for (size_t i = 0; i < n->nkids; i++) {
		scalar_text(n->kids[i], buf, sizeof buf);
		fprintf(out, "%s%s %s", i ? "  " : "", label_of(n->kids[i]), buf);
	}
	fputc('\n', out);
}

static void
print_fields(const struct rnode *obj, FILE *out, int indent)
{
	size_t lw = 0, visible = 0;
	char buf[1024];

	for (size_t i = 0; i < obj->nkids; i++) {
		const struct rnode *k = obj->kids[i];
		if (!(k->flags & RF_TEXT_HIDE))
			visible++;
		if (!(k->flags & RF_TEXT_HIDE) && (is_scalar(k) || (k->flags & RF_INLINE)) &&
		    util_utf8_width(label_of(k)) > lw)
			lw = util_utf8_width(label_of(k));
	}
	for (size_t i = 0; i < obj->nkids; i++) {
		const struct rnode *k = obj->kids[i];
		if (k->flags & RF_TEXT_HIDE)
			continue;
		if (is_scalar(k)) {
			scalar_text(k, buf, sizeof buf);
			pad(out, (size_t)indent);
			fputs(label_of(k), out);
			pad(out, lw - util_utf8_width(label_of(k)) + 2);
			fprintf(out, "%s\n", buf);
		} else if (k->flags & RF_INLINE) {
			print_inline(k, out, indent, lw);
		} else if (k->type == RN_OBJECT) {
			pad(out, (size_t)indent);
			fprintf(out, "%s:\n", label_of(k));
			print_fields(k, out, indent + 2);
		} else if (k->flags & RF_TABLE) {
			if (k->nkids == 0)
				continue;
			if (visible > 1) {
				pad(out, (size_t)indent);
				fprintf(out, "%s:\n", label_of(k));
				print_table(k, out, indent + 2);
			} else
				print_table(k, out, indent);
		} else {
			pad(out, (size_t)indent);
			fprintf(out, "%s:", label_of(k));
			for (size_t j = 0; j < k->nkids; j++) {
				scalar_text(k->kids[j], buf, sizeof buf);
				fprintf(out, "%s%s", j ? ", " : " ", buf);
			}
			fputc('\n', out);
		}
	}
}

void
report_print_text(const struct report *r, FILE *out, FILE *err)
{
	for (size_t i = 0; i < r->nnotes; i++)
		fprintf(out, "%s\n", r->notes[i]);
	print_fields(r->root, out, 0);
	fflush(out);
	for (size_t i = 0; i < r->nwarnings; i++)
		fprintf(err, "warning: %s\n", r->warnings[i]);
	fflush(err);
}

/* The report tree is turned into jansson values and dumped. jansson's
 * allocations go through xmalloc so that running out of memory ends the way
 * it does everywhere else in the front end. */
static void
json_init(void)
{
	static bool done;

	if (!done) {
		json_set_alloc_funcs(xmalloc, free);
		done = true;
	}
}

/* A string value. jansson refuses bytes that are not UTF-8 (the whole dump
 * would fail), and data files may hold Latin-1: each byte that does not
 * start a valid sequence becomes U+FFFD, so the line stays valid JSON. */
static json_t *
json_str(const char *s)
{
	size_t len = strlen(s), ok = util_utf8_valid_prefix(s, len), o = 0;
	char *buf;
	json_t *v;

	if (ok == len)
		return json_stringn_nocheck(s, len);
	buf = xmalloc(len * 3 + 1);
	while (len > 0) {
		memcpy(buf + o, s, ok);
		o += ok;
		s += ok;
		len -= ok;
		if (len == 0)
			break;
		memcpy(buf + o, "\xef\xbf\xbd", 3);
		o += 3;
		s++;
		len--;
		ok = util_utf8_valid_prefix(s, len);
	}
	v = json_stringn_nocheck(buf, o);
	free(buf);
	return v;
}

/* Whole numbers below 1e15 are written as integers (as JSON readers expect
 * for counts); NaN and infinities, which JSON cannot hold, as null; other
 * reals by jansson with 17 significant digits (JSON_DUMP_FLAGS), so every
 * double reads back exactly. */
static json_t *
json_num(double d)
{
	if (!isfinite(d))
		return json_null();
	if (d == floor(d) && fabs(d) < 1e15)
		return json_integer((json_int_t)d);
	return json_real(d);
}

#define JSON_DUMP_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(17))

static json_t *
json_node(const struct rnode *n)
{
	json_t *v;

	switch (n->type) {
	case RN_STRING:
		return json_str(n->v.s);
	case RN_INT:
		return json_integer((json_int_t)n->v.i);
	case RN_NUM:
		return json_num(n->v.d);
	case RN_BOOL:
		return json_boolean(n->v.b);
	case RN_NULL:
		return json_null();
	case RN_OBJECT:
		v = json_object();
		for (size_t i = 0; i < n->nkids; i++)
			if (!(n->kids[i]->flags & RF_JSON_HIDE))
				json_object_set_new(v, n->kids[i]->key ? n->kids[i]->key : "",
				    json_node(n->kids[i]));
		return v;
	case RN_ARRAY:
		v = json_array();
		for (size_t i = 0; i < n->nkids; i++)
			json_array_append_new(v, json_node(n->kids[i]));
		return v;
	}
	return json_null();
}

static void
json_lines(json_t *obj, const char *key, char **lines, size_t n)
{
	json_t *v;

	if (n == 0)
		return;
	v = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(v, json_str(lines[i]));
	json_object_set_new(obj, key, v);
}

/* One line: command, ok, error, notes and warnings first, then the fields
 * in the order the command added them (jansson keeps insertion order). */
void
report_print_json(const struct report *r, FILE *out, bool ok, const char *error)
{
	json_t *obj;

	json_init();
	obj = json_object();
	json_object_set_new(obj, "command", json_str(r->command ? r->command : ""));
	json_object_set_new(obj, "ok", json_boolean(ok));
	if (!ok)
		json_object_set_new(obj, "error", json_str(error ? error : ""));
	json_lines(obj, "notes", r->notes, r->nnotes);
	json_lines(obj, "warnings", r->warnings, r->nwarnings);
	for (size_t i = 0; ok && i < r->root->nkids; i++) {
		const struct rnode *k = r->root->kids[i];
		if (!(k->flags & RF_JSON_HIDE))
			json_object_set_new(obj, k->key ? k->key : "", json_node(k));
	}
	json_dumpf(obj, out, JSON_DUMP_FLAGS);
	json_decref(obj);
	fputs("\n", out);
	fflush(out);
}
