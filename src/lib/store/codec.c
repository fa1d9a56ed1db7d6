/* Little-endian encoding of section payloads, and bound-checked decoding of verified ones. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/format.h"
#include "util/xmalloc.h"

/* ---- writing ---- */

void
st_out_reset(struct st_out *o)
{
	o->olen = 0;
	o->npieces = 0;
	o->len = 0;
}

void
st_out_free(struct st_out *o)
{
	free(o->own);
	free(o->pieces);
	memset(o, 0, sizeof *o);
}

static void
add_piece(struct st_out *o, const void *ptr, size_t off, size_t len)
{
	struct st_piece *last = o->npieces ? &o->pieces[o->npieces - 1] : NULL;

	o->len += len;
	/* owned bytes appended right after owned bytes extend the same piece */
	if (ptr == NULL && last != NULL && last->ptr == NULL &&
	    last->off + last->len == off) {
		last->len += len;
		return;
	}
	if (o->npieces == o->pcap) {
		o->pcap = util_grow_capacity(o->pcap, o->npieces + 1);
		o->pieces = xreallocarray(o->pieces, o->pcap, sizeof *o->pieces);
	}
	o->pieces[o->npieces].ptr = ptr;
	o->pieces[o->npieces].off = off;
	o->pieces[o->npieces++].len = len;
}

/* Room for n more owned bytes; returns where they go. */
static unsigned char *
own_room(struct st_out *o, size_t n)
{
	unsigned char *p;

	if (o->olen + n > o->ocap) {
		o->ocap = util_grow_capacity(o->ocap, o->olen + n);
		o->own = xrealloc(o->own, o->ocap);
	}
	p = o->own + o->olen;
	add_piece(o, NULL, o->olen, n);
	o->olen += n;
	return p;
}

static void
le_store(unsigned char *p, uint64_t v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t
le_load(const unsigned char *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

void
st_put_u8(struct st_out *o, uint8_t v)
{
	*own_room(o, 1) = v;
}

void
st_put_u32(struct st_out *o, uint32_t v)
{
	le_store(own_room(o, 4), v, 4);
}

void
st_put_i32(struct st_out *o, int32_t v)
{
	st_put_u32(o, (uint32_t)v);
}

void
st_put_u64(struct st_out *o, uint64_t v)
{
	le_store(own_room(o, 8), v, 8);
}

void
st_put_f64(struct st_out *o, double v)
{
	uint64_t b;

	memcpy(&b, &v, sizeof b);
	st_put_u64(o, b);
}

void
st_put_str(struct st_out *o, const char *s)
{
	size_t n;

	if (s == NULL) {
		st_put_u32(o, ST_NULL_STR);
		return;
	}
	n = strlen(s);
	st_put_u32(o, (uint32_t)n);
	st_put_bytes(o, s, n);
}

void
st_put_bytes(struct st_out *o, const void *p, size_t n)
{
	if (n > 0)
		memcpy(own_room(o, n), p, n);
}

void
st_put_array(struct st_out *o, const void *p, size_t n, size_t size)
{
	size_t bytes = n * size;

	if (bytes == 0)
		return;
#ifdef WORDS_BIGENDIAN
	{
		unsigned char *d = own_room(o, bytes);
		const unsigned char *s = p;
		for (size_t i = 0; i < n; i++)
			for (size_t b = 0; b < size; b++)
				d[i * size + b] = s[i * size + size - 1 - b];
	}
#else
	/* big arrays are written straight from where they live */
	if (bytes < 256)
		st_put_bytes(o, p, bytes);
	else
		add_piece(o, p, 0, bytes);
#endif
}

/* ---- reading ---- */

const char *
st_type_name(uint32_t type, char buf[8])
{
	for (int i = 0; i < 4; i++) {
		unsigned char c = (unsigned char)(type >> (8 * i));
		buf[i] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	buf[4] = '\0';
	while (buf[0] != '\0' && buf[strlen(buf) - 1] == ' ')
		buf[strlen(buf) - 1] = '\0';
	return buf;
}

bool
st_corrupt(struct st_in *in, const char *fmt, ...)
{
	char msg[768], tn[8];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	rs_error_set(in->r->err, RS_EPARSE, "%s: corrupt: section %u (%s): %s",
	    in->r->name, in->section, st_type_name(in->type, tn), msg);
	return false;
}

static bool
need(struct st_in *in, uint64_t n)
{
	if (n > in->len - in->pos)
		return st_corrupt(in, "needs %llu more bytes at offset %zu, %zu left",
		    (unsigned long long)n, in->pos, in->len - in->pos);
	return true;
}

bool
st_get_u8(struct st_in *in, uint8_t *v)
{
	if (!need(in, 1))
		return false;
	*v = in->p[in->pos++];
	return true;
}

bool
st_get_bool(struct st_in *in, bool *v)
{
	uint8_t b;

	if (!st_get_u8(in, &b))
		return false;
	if (b > 1)
		return st_corrupt(in, "a yes/no byte is %u", b);
	*v = b == 1;
	return true;
}

bool
st_get_u32(struct st_in *in, uint32_t *v)
{
	if (!need(in, 4))
		return false;
	*v = (uint32_t)le_load(in->p + in->pos, 4);
	in->pos += 4;
	return true;
}

bool
st_get_i32(struct st_in *in, int32_t *v)
{
	uint32_t u;

	if (!st_get_u32(in, &u))
		return false;
	memcpy(v, &u, sizeof *v);
	return true;
}

bool
st_get_u64(struct st_in *in, uint64_t *v)
{
	if (!need(in, 8))
		return false;
	*v = le_load(in->p + in->pos, 8);
	in->pos += 8;
	return true;
}

bool
st_get_f64(struct st_in *in, double *v)
{
	uint64_t b;

	if (!st_get_u64(in, &b))
		return false;
	memcpy(v, &b, sizeof *v);
	return true;
}

bool
st_get_str(struct st_in *in, char **s)
{
	uint32_t n;

	*s = NULL;
	if (!st_get_u32(in, &n))
		return false;
	if (n == ST_NULL_STR)
		return true;
	if (!need(in, n))
		return false;
	if (memchr(in->p + in->pos, '\0', n) != NULL)
		return st_corrupt(in, "a string holds a NUL byte");
	*s = xstrndup((const char *)in->p + in->pos, n);
	in->pos += n;
	return true;
}

bool
st_get_raw(struct st_in *in, uint64_t n, const unsigned char **p)
{
	if (!need(in, n))
		return false;
	*p = in->p + in->pos;
	in->pos += (size_t)n;
	return true;
}

bool
st_get_array(struct st_in *in, uint64_t n, size_t size, void **out)
{
	size_t bytes;

	*out = NULL;
	/* checked against what is left before anything is allocated */
	if (n > (in->len - in->pos) / size)
		return st_corrupt(in, "an array of %llu elements of %zu bytes at offset %zu, only %zu bytes left",
		    (unsigned long long)n, size, in->pos, in->len - in->pos);
	bytes = (size_t)n * size;
	*out = xmalloc(bytes ? bytes : 1);
#ifdef WORDS_BIGENDIAN
	{
		unsigned char *d = *out;
		const unsigned char *s = in->p + in->pos;
		for (size_t i = 0; i < (size_t)n; i++)
			for (size_t b = 0; b < size; b++)
				d[i * size + b] = s[i * size + size - 1 - b];
	}
#else
	memcpy(*out, in->p + in->pos, bytes);
#endif
	in->pos += bytes;
	return true;
}

bool
st_get_end(struct st_in *in)
{
	if (in->pos != in->len)
		return st_corrupt(in, "%zu bytes left over after its contents",
		    in->len - in->pos);
	return true;
}
