/* Fuzz target: the REPL's line parser (src/cli/parse.c) — words, quotes, key=value, ';' and comments. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "fuzz.h"

const char *const FUZZ_NAME = "fuzz-parse";

/* The bytes up to the first NUL are the line, as readline or getline would
 * hand it over. Checks what callers rely on: every command has words and
 * a source text, an eq offset points at the '=' in its word. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1);
	struct command_words *cmds;
	char msg[256];
	int n;

	if (line == NULL)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';
	msg[0] = '\0';
	n = parse_line(line, &cmds, msg, sizeof msg);
	if (n < 0) {
		if (cmds != NULL || msg[0] == '\0')
			__builtin_trap();
	} else {
		for (int i = 0; i < n; i++) {
			if (cmds[i].n == 0 || cmds[i].src == NULL)
				__builtin_trap();
			for (size_t j = 0; j < cmds[i].n; j++) {
				const struct word *w = &cmds[i].w[j];
				if (w->text == NULL || w->eq < -1 ||
				    (w->eq >= 0 && ((size_t)w->eq >= strlen(w->text) ||
				    w->text[w->eq] != '=')))
					__builtin_trap();
			}
		}
		free_commands(cmds, n);
	}
	free(line);
	return 0;
}
