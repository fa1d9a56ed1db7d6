/* Escaping text from data for gnuplot: double-quoted strings with escapes, and comment lines, that cannot carry commands. */
#include "config.h"

#include <string.h>

#include "cli/plot/plot.h"

/* How many bytes of s to keep: at most max, never cutting a UTF-8
 * sequence in two. */
static size_t
keep_bytes(const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len <= max)
		return len;
	/* back up over continuation bytes (10xxxxxx) to a sequence start */
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

/*
 * Text as it goes between double quotes. gnuplot substitutes `command`
 * and @macro in a command line before it parses strings, even inside
 * double quotes, so those characters (and the escapes' own backslash and
 * double quote, and $) are written as octal escapes, which gnuplot turns
 * back into plain characters only in the string's value. Single quotes
 * would not do: gnuplot 5.4 reads a string opening with a doubled quote
 * as an empty string followed by a stray token.
 */
static void
put_text(struct strbuf *sb, const char *s, size_t max, bool quote)
{
	size_t n = keep_bytes(s, max);

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F)
			sb_putc(sb, ' ');	/* a newline would end the command */
		else if (quote && (c == '"' || c == '\\' || c == '`' || c == '@' ||
		    c == '$'))
			sb_printf(sb, "\\%03o", c);
		else
			sb_putc(sb, (char)c);
	}
}

void
gp_quote(struct strbuf *sb, const char *s, size_t max)
{
	sb_putc(sb, '"');
	put_text(sb, s != NULL ? s : "", max, true);
	sb_putc(sb, '"');
}

void
gp_comment(struct strbuf *sb, const char *s, size_t max)
{
	put_text(sb, s != NULL ? s : "", max, false);
}
