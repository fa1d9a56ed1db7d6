/* Fuzz target: the gnuplot string escaper (src/cli/plot/escape.c) — whatever the text, the result is one inert double-quoted string. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/plot/plot.h"
#include "util/text.h"
#include "fuzz.h"

const char *const FUZZ_NAME = "fuzz-gpquote";

/* What gnuplot would read: a double quote, then only bytes that end
 * nothing and substitute nothing (no quote, backquote, @, $, control
 * character) or a backslash with three octal digits, then one double
 * quote at the very end. */
static void
check_quoted(const char *q, size_t len)
{
	if (len < 2 || q[0] != '"' || q[len - 1] != '"')
		__builtin_trap();
	for (size_t i = 1; i < len - 1; i++) {
		unsigned char c = (unsigned char)q[i];
		if (c < 0x20 || c == 0x7F || c == '"' || c == '`' || c == '@' || c == '$')
			__builtin_trap();
		if (c == '\\') {
			if (i + 3 >= len - 1 || q[i + 1] < '0' || q[i + 1] > '3' ||
			    q[i + 2] < '0' || q[i + 2] > '7' || q[i + 3] < '0' || q[i + 3] > '7')
				__builtin_trap();
			i += 3;
		}
	}
}

/* Byte 0 is the length limit, the rest (to a NUL) the text. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf sb;
	char *s;
	size_t max;

	if (size < 1)
		return 0;
	max = data[0] == 255 ? (size_t)-1 : data[0];
	s = malloc(size);
	if (s == NULL)
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	sb_init(&sb);
	gp_quote(&sb, s, max);
	check_quoted(sb.s, sb.len);
	/* never more text than asked for: each byte kept is at most 4 */
	if (sb.len > 2 + 4 * (max < size ? max : size))
		__builtin_trap();
	sb_free(&sb);
	sb_init(&sb);
	gp_comment(&sb, s, max);
	for (size_t i = 0; i < sb.len; i++)
		if ((unsigned char)sb.s[i] < 0x20 || sb.s[i] == 0x7F)
			__builtin_trap();
	sb_free(&sb);
	free(s);
	return 0;
}
