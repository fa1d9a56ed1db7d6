/* Allocation wrappers and the error/hook helpers every engine module uses. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/error.h"
#include "xmalloc.h"

static void (*oom_handler)(size_t);

void
rs_set_oom_handler(void (*handler)(size_t))
{
	oom_handler = handler;
}

/* Out of memory: hand over to the front end, which must not return. */
void
rs_oom(size_t size)
{
	if (oom_handler != NULL)
		oom_handler(size);
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		rs_oom(size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		rs_oom(n * size);
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);

	if (q == NULL)
		rs_oom(size);
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		rs_oom(SIZE_MAX);
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		rs_oom(0);
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t
util_grow_capacity(size_t cap, size_t need)
{
	if (cap < 16)
		cap = 16;
	while (cap < need)
		cap += cap / 2;
	return cap;
}

void
rs_error_clear(rs_error *err)
{
	if (err != NULL) {
		err->code = RS_OK;
		err->msg[0] = '\0';
	}
}

void
rs_error_set(rs_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
}

int
rs_hooks_progress(const rs_hooks *h, const char *task, double done,
    double total)
{
	if (h == NULL || h->progress == NULL)
		return 0;
	return h->progress(h->ctx, task, done, total);
}

void
rs_hooks_note(const rs_hooks *h, int level, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	if (h == NULL || h->note == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	h->note(h->ctx, level, buf);
}

const char *
rs_version(void)
{
	return PACKAGE_VERSION;
}
