/* What made the base data, as data: the load (or the script before an anonymize), its text for history, and reading old text back. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "workspace/step-int.h"
#include "util/text.h"
#include "util/xmalloc.h"

const char *
rs_source_kind_name(int kind)
{
	static const char *const names[RS_SOURCE_NKINDS] = {
		[RS_SOURCE_LOAD] = "load",
		[RS_SOURCE_STEP] = "step",
		[RS_SOURCE_ANONYMIZE] = "anonymize",
		[RS_SOURCE_TEXT] = "text",
	};

	return kind >= 0 && kind < RS_SOURCE_NKINDS ? names[kind] : NULL;
}

void
rs_source_add(rs_source *src, rs_source_kind kind, const rs_step_op *op)
{
	rs_source_cmd *c;

	src->cmds = xreallocarray(src->cmds, src->ncmds + 1, sizeof *src->cmds);
	c = &src->cmds[src->ncmds++];
	c->kind = kind;
	rs_step_op_copy(&c->op, op);
	if (kind != RS_SOURCE_STEP)
		c->op.kind = 0;
}

void
rs_source_copy(rs_source *dst, const rs_source *from)
{
	memset(dst, 0, sizeof *dst);
	for (size_t i = 0; i < from->ncmds; i++)
		rs_source_add(dst, from->cmds[i].kind, &from->cmds[i].op);
}

void
rs_source_free(rs_source *src)
{
	for (size_t i = 0; i < src->ncmds; i++)
		rs_step_op_free(&src->cmds[i].op);
	free(src->cmds);
	src->cmds = NULL;
	src->ncmds = 0;
}

/* One command as text: a text command is its words as they were given. */
static char *
format_cmd(const rs_source_cmd *c)
{
	const char *name;

	if (c->kind == RS_SOURCE_TEXT) {
		const char *v = c->op.nparams > 0 ? c->op.params[0].value : NULL;
		return xstrdup(v != NULL ? v : "");
	}
	name = c->kind == RS_SOURCE_STEP ? rs_step_kind_name(c->op.kind) :
	    rs_source_kind_name(c->kind);
	return ws_step_format_command(name != NULL ? name : "?", &c->op);
}

char *
rs_source_format(const rs_source *src)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_add(&sb, "", 0);
	for (size_t i = 0; i < src->ncmds; i++) {
		char *t = format_cmd(&src->cmds[i]);
		if (i > 0)
			sb_puts(&sb, "; ");
		sb_puts(&sb, t);
		free(t);
	}
	return sb_detach(&sb);
}

/* The end of the command starting at p: the first ';' or new line outside
 * quotes (quoted as step.c reads words: \ escapes inside "..." only). */
static const char *
command_end(const char *p)
{
	char q = '\0';

	for (; *p != '\0'; p++) {
		if (q != '\0') {
			if (q == '"' && *p == '\\' && p[1] != '\0')
				p++;
			else if (*p == q)
				q = '\0';
		} else if (*p == '"' || *p == '\'')
			q = *p;
		else if (*p == ';' || *p == '\n')
			break;
	}
	return p;
}

/* Keep text (len bytes) as a command the engine does not read. */
static void
add_text(rs_source *src, const char *text, size_t len)
{
	rs_step_op op;
	char *t = xmalloc(len + 1);

	memcpy(t, text, len);
	t[len] = '\0';
	memset(&op, 0, sizeof op);
	rs_step_op_add(&op, NULL, t);
	rs_source_add(src, RS_SOURCE_TEXT, &op);
	rs_step_op_free(&op);
	free(t);
}

/* The command text (len bytes, no ';' outside quotes) read into src. */
static void
parse_cmd(rs_source *src, const char *text, size_t len)
{
	char *t = xmalloc(len + 1), *name;
	const char *p = t;
	rs_source_kind kind = RS_SOURCE_TEXT;
	rs_step_op op;
	rs_error e;
	int step = -1;

	memcpy(t, text, len);
	t[len] = '\0';
	memset(&op, 0, sizeof op);
	rs_error_clear(&e);
	if ((name = ws_step_read_name(&p, &e)) == NULL) {
		/* blank between two ';', or an unterminated quote */
		if (e.code != RS_OK)
			add_text(src, text, len);
		free(t);
		return;
	}
	/* only a name as the engine writes it: a prefix or an alias typed
	 * on the command line is kept as text, as it was given */
	if (strcmp(name, "load") == 0)
		kind = RS_SOURCE_LOAD;
	else if (strcmp(name, "anonymize") == 0)
		kind = RS_SOURCE_ANONYMIZE;
	else
		for (int k = 0; k < RS_STEP_NKINDS; k++)
			if (strcmp(name, rs_step_kind_name(k)) == 0) {
				kind = RS_SOURCE_STEP;
				step = k;
			}
	free(name);
	if (kind == RS_SOURCE_TEXT || ws_step_read_params(&p, &op, &e) != 0) {
		/* trimmed as a command is, kept otherwise as typed */
		while (len > 0 && (*text == ' ' || *text == '\t' || *text == '\r'))
			text++, len--;
		while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' ||
		    text[len - 1] == '\r'))
			len--;
		add_text(src, text, len);
	} else {
		if (step >= 0)
			op.kind = (rs_step_kind)step;
		rs_source_add(src, kind, &op);
	}
	rs_step_op_free(&op);
	free(t);
}

void
rs_source_parse(const char *text, rs_source *src)
{
	const char *p = text;

	memset(src, 0, sizeof *src);
	for (;;) {
		const char *end = command_end(p);
		parse_cmd(src, p, (size_t)(end - p));
		if (*end == '\0')
			break;
		p = end + 1;
	}
	for (size_t i = 0; i < src->ncmds; i++)
		if (src->cmds[i].kind != RS_SOURCE_TEXT)
			return;
	/* no command the engine reads: a description, kept whole as given */
	rs_source_free(src);
	add_text(src, text, strlen(text));
}
