/* CSV fields: the one writer of a quoted field, for the engine's exports and a front end's. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "reelscope/util.h"

void
rs_csv_field(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}
