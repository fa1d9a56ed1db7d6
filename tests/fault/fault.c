/* Fault injection for tests (LD_PRELOAD): make the N-th allocation, or the N-th write to a file, fail. */
/*
 * Environment:
 *   FAULT_MALLOC_AT=N     the N-th call of malloc/calloc/realloc returns NULL
 *                         (ENOMEM); with FAULT_STICKY=1 every later one too
 *   FAULT_WRITE_AT=N      the N-th write/pwrite on a descriptor above 2 fails
 *                         with ENOSPC (FAULT_STICKY=1: every later one too)
 *   FAULT_FSYNC=1         every fsync fails with EIO
 *   FAULT_COUNT_FD=K      at exit, write "mallocs writes\n" to descriptor K
 * Calls are counted from the start of the process, so a driver first
 * measures a baseline (e.g. reelscope --version) and injects after it.
 * Works under AddressSanitizer (ASAN_OPTIONS=verify_asan_link_order=0): the
 * real functions are the next ones in lookup order, ASan's when present.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

extern char **environ;

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static int (*real_fsync)(int);

static unsigned long long nmalloc, nwrite, malloc_at, write_at;
static int sticky, fsync_fail, count_fd = -1, ready, resolving;

/* dlsym may allocate (calloc) before the real functions are known: those
 * few early blocks come from here and are never freed. */
static _Alignas(16) unsigned char boot[8192];
static size_t boot_used;

static void *
boot_alloc(size_t n)
{
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (boot_used + n > sizeof boot)
		return NULL;
	p = boot + boot_used;
	boot_used += n;
	return p;
}

static int
is_boot(const void *p)
{
	return (const unsigned char *)p >= boot && (const unsigned char *)p < boot + sizeof boot;
}

static unsigned long long
env_num(const char *name)
{
	const char *s = getenv(name);

	return s != NULL ? strtoull(s, NULL, 10) : 0;
}

static void
resolve(void)
{
	if (ready || resolving)
		return;
	resolving = 1;
	real_malloc = dlsym(RTLD_NEXT, "malloc");
	real_calloc = dlsym(RTLD_NEXT, "calloc");
	real_realloc = dlsym(RTLD_NEXT, "realloc");
	real_free = dlsym(RTLD_NEXT, "free");
	real_write = dlsym(RTLD_NEXT, "write");
	real_pwrite = dlsym(RTLD_NEXT, "pwrite");
	real_fsync = dlsym(RTLD_NEXT, "fsync");
	resolving = 0;
	ready = 1;
}

/* The settings, once the environment exists: under ASan the first calls
 * come from its preinit code, before libc has set environ. */
static void
read_env(void)
{
	static int done;

	if (done || environ == NULL)
		return;
	done = 1;
	malloc_at = env_num("FAULT_MALLOC_AT");
	write_at = env_num("FAULT_WRITE_AT");
	sticky = env_num("FAULT_STICKY") != 0;
	fsync_fail = env_num("FAULT_FSYNC") != 0;
	if (getenv("FAULT_COUNT_FD") != NULL)
		count_fd = (int)env_num("FAULT_COUNT_FD");
}

/* Whether this allocation is the one (or one of those) to fail. */
static int
alloc_fails(void)
{
	unsigned long long k = ++nmalloc;

	read_env();
	return malloc_at != 0 && (k == malloc_at || (sticky && k > malloc_at));
}

void *
malloc(size_t n)
{
	resolve();
	if (!ready)
		return boot_alloc(n);
	if (alloc_fails()) {
		errno = ENOMEM;
		return NULL;
	}
	return real_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	resolve();
	if (!ready) {
		void *p = n && size > SIZE_MAX / n ? NULL : boot_alloc(n * size);
		return p;	/* boot is zeroed static storage */
	}
	if (alloc_fails()) {
		errno = ENOMEM;
		return NULL;
	}
	return real_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	resolve();
	if (!ready)
		return NULL;
	if (is_boot(p)) {
		/* moving an early block out: copy what fits */
		void *q = real_malloc(n);
		if (q != NULL)
			memcpy(q, p, n < (size_t)(boot + sizeof boot - (unsigned char *)p) ?
			    n : (size_t)(boot + sizeof boot - (unsigned char *)p));
		return q;
	}
	if (alloc_fails()) {
		errno = ENOMEM;
		return NULL;
	}
	return real_realloc(p, n);
}

void
free(void *p)
{
	if (p == NULL || is_boot(p))
		return;
	resolve();
	if (real_free != NULL)
		real_free(p);
}

static int
write_fails(int fd)
{
	unsigned long long k;

	if (fd <= 2)
		return 0;
	read_env();
	k = ++nwrite;
	return write_at != 0 && (k == write_at || (sticky && k > write_at));
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	resolve();
	if (write_fails(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real_write(fd, buf, n);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	resolve();
	if (write_fails(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real_pwrite(fd, buf, n, off);
}

int
fsync(int fd)
{
	resolve();
	read_env();
	if (fsync_fail) {
		errno = EIO;
		return -1;
	}
	return real_fsync(fd);
}

/* Report the counts (for the driver's choice of N). */
__attribute__((destructor)) static void
report(void)
{
	char line[64];
	int n;

	read_env();
	if (count_fd < 0 || real_write == NULL)
		return;
	n = snprintf(line, sizeof line, "%llu %llu\n", nmalloc, nwrite);
	if (n > 0)
		real_write(count_fd, line, (size_t)n);
}
