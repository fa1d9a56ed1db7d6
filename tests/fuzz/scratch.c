/* The scratch file of a fuzz process: targets whose engine entry points take a path write each input there. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static char dir[4096];
static char path[4200];

static void
cleanup(void)
{
	if (path[0] != '\0')
		unlink(path);
	if (dir[0] != '\0')
		rmdir(dir);
}

const char *
fuzz_scratch(const void *data, size_t size, const char *suffix)
{
	FILE *f;

	if (dir[0] == '\0') {
		const char *t = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/rs-fuzz.XXXXXX", t && *t ? t : "/tmp");
		if (mkdtemp(dir) == NULL) {
			perror("fuzz: mkdtemp");
			abort();
		}
		atexit(cleanup);
	}
	if (path[0] != '\0')
		unlink(path);
	snprintf(path, sizeof path, "%s/input%s", dir, suffix);
	f = fopen(path, "wb");
	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		perror("fuzz: scratch file");
		abort();
	}
	return path;
}
