/* The line parser: a line into ";"-separated commands and their words (quotes, key=value). */
#ifndef RS_PARSE_H
#define RS_PARSE_H

#include <stdbool.h>
#include <stddef.h>

struct word {
	char *text;
	bool quoted;		/* some part was quoted */
	int eq;			/* offset of the first unquoted '=', or -1 */
};
struct command_words {
	struct word *w;
	size_t n;
	char *src;		/* the command's text */
};
/* Split line into commands. Returns the count, or -1 with a message. */
int parse_line(const char *line, struct command_words **out, char *err,
    size_t errsize);
void free_commands(struct command_words *c, int n);

#endif
