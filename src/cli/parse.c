/* The command language: words, quotes, key=value, --flags, ';' separators and # comments. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "util/text.h"
#include "util/xmalloc.h"

static void
push_word(struct command_words *c, struct strbuf *sb, bool quoted, int eq)
{
	c->w = xreallocarray(c->w, c->n + 1, sizeof *c->w);
	c->w[c->n].text = sb_detach(sb);
	c->w[c->n].quoted = quoted;
	c->w[c->n].eq = eq;
	c->n++;
}

static void
push_command(struct command_words **out, int *n, struct command_words *cur,
    const char *start, const char *end)
{
	if (cur->n == 0) {
		free(cur->w);
		memset(cur, 0, sizeof *cur);
		return;
	}
	while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	while (start < end && (*start == ' ' || *start == '\t'))
		start++;
	cur->src = xstrndup(start, (size_t)(end - start));
	*out = xreallocarray(*out, (size_t)*n + 1, sizeof **out);
	(*out)[(*n)++] = *cur;
	memset(cur, 0, sizeof *cur);
}

int
parse_line(const char *line, struct command_words **out, char *err,
    size_t errsize)
{
	struct command_words cur = { 0 };
	struct strbuf sb;
	const char *p = line, *cmd_start = line;
	int n = 0, eq = -1;
	bool in_word = false, quoted = false;

	*out = NULL;
	sb_init(&sb);
	for (;;) {
		char c = *p;
		/* '#' starts a comment only at the start of a word, as in sh */
		if (c == '\0' || c == '\n' || c == ';' || (c == '#' && !in_word) ||
		    c == ' ' || c == '\t' || c == '\r') {
			if (in_word) {
				push_word(&cur, &sb, quoted, eq);
				in_word = quoted = false;
				eq = -1;
			}
			if (c == '#') {
				/* a comment runs to the end of the line */
				push_command(out, &n, &cur, cmd_start, p);
				while (*p != '\0' && *p != '\n')
					p++;
				cmd_start = p;
				continue;
			}
			if (c == '\0' || c == '\n' || c == ';') {
				push_command(out, &n, &cur, cmd_start, p);
				if (c == '\0')
					break;
				cmd_start = p + 1;
			}
			p++;
			continue;
		}
		if (!in_word) {
			in_word = true;
			sb_add(&sb, "", 0);
		}
		if (c == '"' || c == '\'') {
			const char *q = p + 1;
			quoted = true;
			for (; *q != '\0' && *q != c; q++) {
				if (c == '"' && *q == '\\' && q[1] != '\0') {
					q++;
					switch (*q) {
					case 'n':
						sb_putc(&sb, '\n');
						break;
					case 't':
						sb_putc(&sb, '\t');
						break;
					default:
						sb_putc(&sb, *q);
					}
				} else
					sb_putc(&sb, *q);
			}
			if (*q == '\0') {
				snprintf(err, errsize,
				    "unterminated %s quote starting at column %zu",
				    c == '"' ? "double" : "single",
				    (size_t)(p - line) + 1);
				sb_free(&sb);
				for (size_t i = 0; i < cur.n; i++)
					free(cur.w[i].text);
				free(cur.w);
				free_commands(*out, n);
				*out = NULL;
				return -1;
			}
			p = q + 1;
			continue;
		}
		if (c == '=' && eq < 0 && !quoted)
			eq = (int)sb.len;
		sb_putc(&sb, c);
		p++;
	}
	sb_free(&sb);
	return n;
}

void
free_commands(struct command_words *c, int n)
{
	for (int i = 0; i < n; i++) {
		for (size_t j = 0; j < c[i].n; j++)
			free(c[i].w[j].text);
		free(c[i].w);
		free(c[i].src);
	}
	free(c);
}
