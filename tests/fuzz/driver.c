/* Replay driver for the fuzz targets: runs LLVMFuzzerTestOneInput on files (or stdin, for AFL++) without libFuzzer. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#ifndef RS_LIBFUZZER
/* Read all of f into a malloc'ed buffer. */
static unsigned char *
slurp(FILE *f, size_t *len)
{
	size_t cap = 1 << 16, n = 0, k;
	unsigned char *p = malloc(cap);

	if (p == NULL)
		return NULL;
	while ((k = fread(p + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			unsigned char *q = realloc(p, cap *= 2);
			if (q == NULL) {
				free(p);
				return NULL;
			}
			p = q;
		}
	}
	*len = n;
	return p;
}

static int
run_one(FILE *f, const char *name)
{
	size_t len;
	unsigned char *buf = slurp(f, &len);

	if (buf == NULL) {
		fprintf(stderr, "%s: cannot read %s\n", FUZZ_NAME, name);
		return 1;
	}
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

/* fuzz-TARGET [FILE...]: each file once (no file: stdin once, as AFL++
 * runs a target). A crash is a sanitizer report or a signal. */
int
main(int argc, char **argv)
{
	int bad = 0;

	if (argc < 2)
		return run_one(stdin, "stdin");
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (f == NULL) {
			fprintf(stderr, "%s: cannot open %s\n", FUZZ_NAME, argv[i]);
			bad = 1;
			continue;
		}
		if (getenv("FUZZ_VERBOSE") != NULL)
			fprintf(stderr, "%s: %s\n", FUZZ_NAME, argv[i]);
		bad |= run_one(f, argv[i]);
		fclose(f);
	}
	return bad;
}
#endif
