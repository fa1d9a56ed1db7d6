/* Interned strings with an open-addressing index, used by text columns and id maps. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "strtab.h"
#include "text.h"
#include "xmalloc.h"

struct rs_strtab *
util_strtab_new(void)
{
	struct rs_strtab *t = xcalloc(1, sizeof *t);

	t->nslots = 64;
	t->slots = xcalloc(t->nslots, sizeof *t->slots);
	return t;
}

void
util_strtab_free(struct rs_strtab *t)
{
	if (t == NULL)
		return;
	free(t->buf);
	free(t->off);
	free(t->slots);
	free(t);
}

static size_t
str_len(const struct rs_strtab *t, uint32_t i)
{
	size_t end = i + 1 < t->n ? t->off[i + 1] : t->len;

	return end - t->off[i] - 1;
}

static void
rehash(struct rs_strtab *t)
{
	size_t ns = t->nslots * 2;
	uint32_t *slots = xcalloc(ns, sizeof *slots);

	for (uint32_t i = 0; i < t->n; i++) {
		uint64_t h = util_hash_bytes(t->buf + t->off[i], str_len(t, i));
		size_t j = h & (ns - 1);
		while (slots[j] != 0)
			j = (j + 1) & (ns - 1);
		slots[j] = i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = ns;
}

int64_t
util_strtab_find(const struct rs_strtab *t, const char *s, size_t len)
{
	uint64_t h = util_hash_bytes(s, len);
	size_t j = h & (t->nslots - 1);

	while (t->slots[j] != 0) {
		uint32_t i = t->slots[j] - 1;
		if (str_len(t, i) == len && memcmp(t->buf + t->off[i], s, len) == 0)
			return i;
		j = (j + 1) & (t->nslots - 1);
	}
	return -1;
}

uint32_t
util_strtab_intern(struct rs_strtab *t, const char *s, size_t len, bool *added)
{
	uint64_t h = util_hash_bytes(s, len);
	size_t j = h & (t->nslots - 1);

	while (t->slots[j] != 0) {
		uint32_t i = t->slots[j] - 1;
		if (str_len(t, i) == len && memcmp(t->buf + t->off[i], s, len) == 0) {
			if (added)
				*added = false;
			return i;
		}
		j = (j + 1) & (t->nslots - 1);
	}
	if (t->n == t->ncap) {
		t->ncap = (uint32_t)util_grow_capacity(t->ncap, (size_t)t->n + 1);
		t->off = xreallocarray(t->off, t->ncap, sizeof *t->off);
	}
	if (t->len + len + 1 > t->cap) {
		t->cap = util_grow_capacity(t->cap, t->len + len + 1);
		t->buf = xrealloc(t->buf, t->cap);
	}
	t->off[t->n] = t->len;
	memcpy(t->buf + t->len, s, len);
	t->buf[t->len + len] = '\0';
	t->len += len + 1;
	t->slots[j] = ++t->n;
	if (added)
		*added = true;
	if ((size_t)t->n * 2 > t->nslots)
		rehash(t);
	return t->n - 1;
}

const char *
util_strtab_get(const struct rs_strtab *t, uint32_t i)
{
	return i < t->n ? t->buf + t->off[i] : "";
}

size_t
util_strtab_bytes(const struct rs_strtab *t)
{
	return t->cap + t->ncap * sizeof *t->off + t->nslots * sizeof *t->slots;
}

struct rs_strtab *
util_strtab_copy(const struct rs_strtab *t)
{
	struct rs_strtab *c = xcalloc(1, sizeof *c);

	*c = *t;
	c->buf = xmalloc(t->len ? t->len : 1);
	if (t->len)
		memcpy(c->buf, t->buf, t->len);
	c->cap = t->len ? t->len : 1;
	c->off = xmalloc(t->n * sizeof *t->off + 1);
	if (t->n)
		memcpy(c->off, t->off, t->n * sizeof *t->off);
	c->ncap = t->n;
	c->slots = xmalloc(t->nslots * sizeof *t->slots);
	memcpy(c->slots, t->slots, t->nslots * sizeof *t->slots);
	return c;
}
