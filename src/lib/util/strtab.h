/* Internal interned-string table: strings stored once, looked up by hash. */
#ifndef RS_STRTAB_H
#define RS_STRTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rs_strtab {
	char *buf;		/* all strings, each NUL-terminated */
	size_t len, cap;
	size_t *off;		/* off[i] = start of string i in buf */
	uint32_t n, ncap;
	uint32_t *slots;	/* open addressing: index+1, 0 = empty */
	size_t nslots;
};

struct rs_strtab *util_strtab_new(void);
void util_strtab_free(struct rs_strtab *t);
/* Index of s (added when absent; *added tells which). */
uint32_t util_strtab_intern(struct rs_strtab *t, const char *s, size_t len,
    bool *added);
/* Index of s, or -1. */
int64_t util_strtab_find(const struct rs_strtab *t, const char *s, size_t len);
const char *util_strtab_get(const struct rs_strtab *t, uint32_t i);
size_t util_strtab_bytes(const struct rs_strtab *t);
struct rs_strtab *util_strtab_copy(const struct rs_strtab *t);

#endif
