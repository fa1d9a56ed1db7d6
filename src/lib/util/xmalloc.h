/* Internal allocation wrappers: out of memory goes to the one fatal handler. */
#ifndef RS_XMALLOC_H
#define RS_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void rs_oom(size_t size) __attribute__((noreturn));

/* Grow *cap (at least to need) by 1.5x steps; returns the new capacity. */
size_t util_grow_capacity(size_t cap, size_t need);

#endif
