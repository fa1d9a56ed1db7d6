/* Anonymised ids: user and creator ids replaced by libsodium keyed BLAKE2b hashes, indices kept. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "reelscope/fair.h"
#include "util/xmalloc.h"

int
rs_anon_key(const char *salt, unsigned char key[RS_ANON_KEYBYTES], rs_error *err)
{
	if (sodium_init() < 0) {
		rs_error_set(err, RS_ESTATE, "libsodium could not start (no entropy source?)");
		return -1;
	}
	if (salt == NULL)
		randombytes_buf(key, RS_ANON_KEYBYTES);
	else
		crypto_generichash(key, RS_ANON_KEYBYTES, (const unsigned char *)salt,
		    strlen(salt), NULL, 0);
	return 0;
}

void
rs_anon_wipe(void *p, size_t len)
{
	sodium_memzero(p, len);
}

/* "u" or "c" and 16 hex digits of BLAKE2b-128 keyed, over "user:ID". */
static void
hash_id(const unsigned char *key, char tag, const char *id, size_t len, char out[18])
{
	unsigned char h[crypto_generichash_BYTES_MIN];
	crypto_generichash_state st;
	static const char hex[] = "0123456789abcdef";
	const char *dom = tag == 'u' ? "user:" : "creator:";

	crypto_generichash_init(&st, key, RS_ANON_KEYBYTES, sizeof h);
	crypto_generichash_update(&st, (const unsigned char *)dom, strlen(dom));
	crypto_generichash_update(&st, (const unsigned char *)id, len);
	crypto_generichash_final(&st, h, sizeof h);
	out[0] = tag;
	for (int i = 0; i < 8; i++) {
		out[1 + 2 * i] = hex[h[i] >> 4];
		out[2 + 2 * i] = hex[h[i] & 15];
	}
	out[17] = '\0';
}

/* New ids in the same order, hashed; NULL on a collision. */
static rs_ids *
hash_ids(const rs_ids *ids, const unsigned char *key, char tag, const char *what,
    rs_error *err)
{
	rs_ids *out = rs_ids_new();
	uint32_t n = rs_ids_count(ids);
	char h[18];

	for (uint32_t i = 0; i < n; i++) {
		const char *id = rs_ids_name(ids, i);
		hash_id(key, tag, id, strlen(id), h);
		if (rs_ids_intern(out, h, 17) != i) {
			rs_ids_free(out);
			rs_error_set(err, RS_EINVAL,
			    "two %s ids hash alike (a 64-bit collision): run anonymize again with another salt",
			    what);
			return NULL;
		}
	}
	return out;
}

/* Column c with every present value replaced by its hash. */
static rs_column *
hash_column(const rs_column *c, const unsigned char *key, char tag)
{
	rs_column *o = rs_column_new(c->name, RS_COL_TEXT);
	char buf[256], h[18];

	for (size_t i = 0; i < c->n; i++) {
		if (rs_column_is_missing(c, i)) {
			rs_column_push_missing(o);
			continue;
		}
		rs_column_format(c, i, buf, sizeof buf);
		hash_id(key, tag, buf, strlen(buf), h);
		rs_column_push_text(o, h, 17);
	}
	rs_column_finish(o);
	return o;
}

/* "[12, 7]" with each id hashed: "[u..., u...]"; separators kept. */
static rs_column *
hash_lists(const rs_column *c, const unsigned char *key)
{
	rs_column *o = rs_column_new(c->name, RS_COL_TEXT);
	char buf[8192], h[18];

	for (size_t i = 0; i < c->n; i++) {
		char *out, *q;
		size_t cap, len = 0;
		if (rs_column_is_missing(c, i)) {
			rs_column_push_missing(o);
			continue;
		}
		rs_column_format(c, i, buf, sizeof buf);
		cap = strlen(buf) * 18 + 1;
		out = xmalloc(cap);
		for (q = buf; *q;) {
			if (isalnum((unsigned char)*q) || *q == '_' || *q == '-') {
				char *s = q;
				while (isalnum((unsigned char)*q) || *q == '_' || *q == '-')
					q++;
				hash_id(key, 'u', s, (size_t)(q - s), h);
				memcpy(out + len, h, 17);
				len += 17;
			} else
				out[len++] = *q++;
		}
		rs_column_push_text(o, out, len);
		free(out);
	}
	rs_column_finish(o);
	return o;
}

static void
replace_column(rs_table *t, int j, rs_column *c)
{
	rs_column_free(t->cols[j]);
	t->cols[j] = c;
}

rs_dataset *
rs_anonymize(const rs_dataset *ds, const unsigned char key[RS_ANON_KEYBYTES],
    rs_error *err)
{
	rs_dataset *out;
	rs_ids *users, *creators = NULL;
	int j;

	if (sodium_init() < 0) {
		rs_error_set(err, RS_ESTATE, "libsodium could not start");
		return NULL;
	}
	if ((users = hash_ids(ds->users, key, 'u', "user", err)) == NULL)
		return NULL;
	if (ds->creators != NULL &&
	    (creators = hash_ids(ds->creators, key, 'c', "creator", err)) == NULL) {
		rs_ids_free(users);
		return NULL;
	}
	out = rs_dataset_copy(ds);
	rs_ids_free(out->users);
	out->users = users;
	if (creators != NULL) {
		rs_ids_free(out->creators);
		out->creators = creators;
	}
	/* the creator column the ids came from */
	if (ds->creator_from != NULL) {
		if ((j = rs_table_find(&out->item_tbl, ds->creator_from)) >= 0)
			replace_column(&out->item_tbl, j,
			    hash_column(out->item_tbl.cols[j], key, 'c'));
		else if ((j = rs_table_find(&out->log.cols, ds->creator_from)) >= 0)
			replace_column(&out->log.cols, j,
			    hash_column(out->log.cols.cols[j], key, 'c'));
	}
	/* friend lists name users too */
	if ((j = rs_table_find(&out->user_tbl, "friend_list")) >= 0)
		replace_column(&out->user_tbl, j, hash_lists(out->user_tbl.cols[j], key));
	return out;
}
