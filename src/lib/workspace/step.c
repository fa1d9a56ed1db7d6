/* Pipeline steps as data: an operation's parameters and its text as a command. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "workspace/step-int.h"
#include "util/text.h"
#include "util/xmalloc.h"

void
rs_step_op_add(rs_step_op *op, const char *key, const char *value)
{
	rs_step_param *p;

	op->params = xreallocarray(op->params, op->nparams + 1, sizeof *op->params);
	p = &op->params[op->nparams++];
	p->key = key != NULL ? xstrdup(key) : NULL;
	p->value = value != NULL ? xstrdup(value) : NULL;
}

const char *
rs_step_op_get(const rs_step_op *op, const char *key)
{
	for (size_t i = op->nparams; i-- > 0;)
		if (op->params[i].key != NULL && op->params[i].value != NULL &&
		    strcmp(op->params[i].key, key) == 0)
			return op->params[i].value;
	return NULL;
}

bool
rs_step_op_flag(const rs_step_op *op, const char *flag)
{
	for (size_t i = 0; i < op->nparams; i++)
		if (op->params[i].key != NULL && op->params[i].value == NULL &&
		    strcmp(op->params[i].key, flag) == 0)
			return true;
	return false;
}

void
rs_step_op_copy(rs_step_op *dst, const rs_step_op *src)
{
	memset(dst, 0, sizeof *dst);
	dst->kind = src->kind;
	for (size_t i = 0; i < src->nparams; i++)
		rs_step_op_add(dst, src->params[i].key, src->params[i].value);
}

void
rs_step_op_free(rs_step_op *op)
{
	for (size_t i = 0; i < op->nparams; i++) {
		free(op->params[i].key);
		free(op->params[i].value);
	}
	free(op->params);
	op->params = NULL;
	op->nparams = 0;
}

/* Whether v must be quoted to read back as one word: a positional word
 * also when it would read as an option, a flag or a comment. */
static bool
needs_quotes(const char *v, bool positional)
{
	if (strpbrk(v, " \t\r\n;\"'") != NULL)
		return true;
	if (!positional)
		return false;	/* key= is an empty value as it stands */
	return *v == '\0' || *v == '#' || strchr(v, '=') != NULL ||
	    strncmp(v, "--", 2) == 0;
}

/* Write v as one word of the command language: bare when it can be, else
 * double-quoted with \ before " and \. */
static void
put_word(struct strbuf *sb, const char *v, bool positional)
{
	if (!needs_quotes(v, positional)) {
		sb_puts(sb, v);
		return;
	}
	sb_putc(sb, '"');
	for (; *v != '\0'; v++) {
		if (*v == '\n')
			sb_puts(sb, "\\n");
		else if (*v == '\t')
			sb_puts(sb, "\\t");
		else {
			if (*v == '"' || *v == '\\')
				sb_putc(sb, '\\');
			sb_putc(sb, *v);
		}
	}
	sb_putc(sb, '"');
}

char *
ws_step_format_command(const char *name, const rs_step_op *op)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_puts(&sb, name);
	for (size_t i = 0; i < op->nparams; i++) {
		const rs_step_param *p = &op->params[i];
		sb_putc(&sb, ' ');
		if (p->key == NULL)
			put_word(&sb, p->value != NULL ? p->value : "", true);
		else if (p->value == NULL) {
			sb_puts(&sb, "--");
			sb_puts(&sb, p->key);
		} else {
			sb_puts(&sb, p->key);
			sb_putc(&sb, '=');
			put_word(&sb, p->value, false);
		}
	}
	return sb_detach(&sb);
}

char *
rs_step_op_format(const rs_step_op *op)
{
	const char *name = rs_step_kind_name(op->kind);

	return ws_step_format_command(name != NULL ? name : "?", op);
}

/* One word of the command language from *pp: quotes as in the front end's
 * parser (src/cli/parse.c). Sets *eq to the offset of the first unquoted
 * '=' (or -1) and *quoted; NULL at the end, or with err set. */
static char *
next_word(const char **pp, int *eq, bool *quoted, rs_error *err)
{
	const char *p = *pp;
	struct strbuf sb;

	while (*p == ' ' || *p == '\t' || *p == '\r')
		p++;
	*eq = -1;
	*quoted = false;
	if (*p == '\0')
		return NULL;
	sb_init(&sb);
	sb_add(&sb, "", 0);
	while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r') {
		char c = *p;
		if (c == ';' || c == '\n') {
			rs_error_set(err, RS_EPARSE, "is more than one command, not one step");
			sb_free(&sb);
			return NULL;
		}
		if (c == '"' || c == '\'') {
			const char *q = p + 1;
			*quoted = true;
			for (; *q != '\0' && *q != c; q++) {
				if (c == '"' && *q == '\\' && q[1] != '\0') {
					q++;
					sb_putc(&sb, *q == 'n' ? '\n' : *q == 't' ? '\t' : *q);
				} else
					sb_putc(&sb, *q);
			}
			if (*q == '\0') {
				rs_error_set(err, RS_EPARSE, "does not parse: unterminated %s quote",
				    c == '"' ? "double" : "single");
				sb_free(&sb);
				return NULL;
			}
			p = q + 1;
			continue;
		}
		if (c == '=' && *eq < 0 && !*quoted)
			*eq = (int)sb.len;
		sb_putc(&sb, c);
		p++;
	}
	*pp = p;
	return sb_detach(&sb);
}

char *
ws_step_read_name(const char **pp, rs_error *err)
{
	int eq;
	bool quoted;

	return next_word(pp, &eq, &quoted, err);
}

int
ws_step_read_params(const char **pp, rs_step_op *op, rs_error *err)
{
	char *w;
	int eq;
	bool quoted;
	rs_error e;

	rs_error_clear(&e);
	while ((w = next_word(pp, &eq, &quoted, &e)) != NULL) {
		if (!quoted && strncmp(w, "--", 2) == 0 && w[2] != '\0')
			rs_step_op_add(op, w + 2, NULL);
		else if (eq >= 0) {
			w[eq] = '\0';
			rs_step_op_add(op, w, w + eq + 1);
		} else
			rs_step_op_add(op, NULL, w);
		free(w);
	}
	if (e.code != RS_OK) {
		rs_error_set(err, e.code, "%s", e.msg);
		return -1;
	}
	return 0;
}

int
rs_step_op_parse(const char *text, rs_step_op *op, rs_error *err)
{
	const char *p = text;
	char *w;
	int kind;
	rs_error e;

	memset(op, 0, sizeof *op);
	rs_error_clear(&e);
	if ((w = ws_step_read_name(&p, &e)) == NULL) {
		rs_error_set(err, RS_EPARSE, "%s", e.code != RS_OK ? e.msg : "is empty");
		return -1;
	}
	if ((kind = rs_step_kind_find(w)) < 0) {
		rs_error_set(err, RS_EINVAL, "%.100s is not a pipeline step", w);
		free(w);
		return -1;
	}
	free(w);
	op->kind = (rs_step_kind)kind;
	if (ws_step_read_params(&p, op, err) != 0) {
		rs_step_op_free(op);
		return -1;
	}
	return 0;
}
