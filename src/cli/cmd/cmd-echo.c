/* echo: print a line of text, so a script can say what it shows and why (the class chapters in samples/class). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/xmalloc.h"

static const struct cmd_field echo_fields[] = {
	{ "text", "the words given, joined by single spaces" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_echo_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	size_t len = 1;
	char *text;

	for (size_t i = 0; i < c->nargs; i++)
		len += strlen(c->args[i]) + 1;
	text = xmalloc(len);
	text[0] = '\0';
	for (size_t i = 0; i < c->nargs; i++) {
		if (i > 0)
			strcat(text, " ");
		strcat(text, c->args[i]);
	}
	if (s->json)
		rn_str(report_root(r), "text", text);
	else {
		fflush(s->out);
		fprintf(s->out, "%s\n", text);
	}
	free(text);
	return CMD_OK;
}

const struct cmd_entry cmd_echo_entry = {
	.name = "echo",
	.usage = "[TEXT ...]",
	.help = "print a line of text (scripts say what they show and why)",
	.doc = "Prints its words joined by single spaces; quote text holding ; # or quotes. "
	    "The chapters of samples/class use it to explain each step as it runs.",
	.args = ARG_WORD,
	.min_args = 0,
	.max_args = -1,
	.opts = NULL,
	.fields = echo_fields,
	.exec = cmd_echo_exec,
};
