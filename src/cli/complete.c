/* Tab completion: what each word of a command line may be, from the command table's option specs and argument hints, the kind table and the workspace. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <readline/readline.h>
#include <readline/tilde.h>

#include "call.h"
#include "complete.h"
#include "util/xmalloc.h"

/* The candidates so far for the word being completed. */
struct comp {
	const char *text;
	char **v;
	size_t n;
};

/* Add prefix + word when it starts with the text typed, once. */
static void
comp_add(struct comp *c, const char *prefix, const char *word, size_t len)
{
	char *s = xasprintf("%s%.*s", prefix, (int)len, word);

	if (strncmp(s, c->text, strlen(c->text)) != 0) {
		free(s);
		return;
	}
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i], s) == 0) {
			free(s);
			return;
		}
	c->v = xreallocarray(c->v, c->n + 2, sizeof *c->v);
	c->v[c->n++] = s;
	c->v[c->n] = NULL;
}

static void
comp_word(struct comp *c, const char *prefix, const char *word)
{
	comp_add(c, prefix, word, strlen(word));
}

/* Each word of "a|b|c". */
static void
comp_bars(struct comp *c, const char *prefix, const char *words)
{
	for (const char *p = words; p != NULL && *p != '\0';) {
		const char *bar = strchr(p, '|');
		size_t n = bar != NULL ? (size_t)(bar - p) : strlen(p);

		comp_add(c, prefix, p, n);
		p = bar != NULL ? bar + 1 : NULL;
	}
}

static void
comp_columns(struct comp *c, const struct session *s, const char *prefix)
{
	const rs_dataset *ds = session_peek(s);

	if (ds == NULL)
		return;
	const rs_table *t[3] = { &ds->log.cols, &ds->item_tbl, &ds->user_tbl };
	for (int k = 0; k < 3; k++)
		for (size_t j = 0; j < t[k]->ncols; j++)
			comp_word(c, prefix, t[k]->cols[j]->name);
}

/* File and folder names for the part of the text after prefix; a folder
 * ends in / so the next Tab goes inside. */
static void
comp_paths(struct comp *c, const char *prefix)
{
	const char *part = c->text + strlen(prefix);
	char *m;
	int state = 0;

	while ((m = rl_filename_completion_function(part, state++)) != NULL) {
		char *exp = tilde_expand(m);
		struct stat st;
		bool dir = stat(exp, &st) == 0 && S_ISDIR(st.st_mode);
		char *w = xasprintf("%s%s", m, dir ? "/" : "");

		comp_word(c, prefix, w);
		free(w);
		free(exp);
		free(m);
	}
}

/* What a value or a positional argument names. */
static void
comp_named(struct comp *c, const struct session *s, int kind, const char *prefix)
{
	switch (kind) {
	case ARG_PATH:
		comp_paths(c, prefix);
		break;
	case ARG_COMMAND:
		for (size_t i = 0; s->commands[i] != NULL; i++)
			comp_word(c, prefix, s->commands[i]->name);
		break;
	case ARG_COLUMN:
		comp_columns(c, s, prefix);
		break;
	case ARG_MODEL:
		for (size_t i = 0; i < rs_workspace_nmodels(s->ws); i++)
			comp_word(c, prefix, rs_workspace_model_at(s->ws, i)->name);
		break;
	case ARG_KIND:
		for (size_t i = 0; rs_model_kinds[i] != NULL; i++)
			if (!rs_model_kinds[i]->imported)
				comp_word(c, prefix, rs_model_kinds[i]->name);
		break;
	default:
		break;
	}
}

/* What the words before the one completed say: the command, how many
 * positional arguments, the kind named by model=. */
struct typed {
	const struct cmd_entry *e;
	int npos;
	char *kind;
};

static void
typed_read(struct typed *t, const struct session *s, const char *line, int start)
{
	char *upto = xstrndup(line, (size_t)start), *save = NULL, err[256];
	char *semi = strrchr(upto, ';');
	int nwords = 0;

	memset(t, 0, sizeof *t);
	t->npos = -1;
	for (char *w = strtok_r(semi != NULL ? semi + 1 : upto, " \t", &save);
	    w != NULL; w = strtok_r(NULL, " \t", &save)) {
		if (nwords++ == 0) {
			t->e = cmd_lookup(s->commands, w, err, sizeof err);
			t->npos = 0;
		} else if (strncmp(w, "model=", 6) == 0) {
			free(t->kind);
			t->kind = xstrdup(w + 6);
		} else if (strchr(w, '=') == NULL && strncmp(w, "--", 2) != 0)
			t->npos++;
	}
	free(upto);
}

/* The hint of positional argument i (0-based), or NULL. */
static const struct cmd_arg *
arg_at(const struct cmd_entry *e, int i, struct cmd_arg *tmp)
{
	int n = 0;

	if (e->max_args >= 0 && i >= e->max_args)
		return NULL;
	if (e->pos == NULL) {
		memset(tmp, 0, sizeof *tmp);
		tmp->kind = e->args;
		return tmp;
	}
	while (e->pos[n].kind != ARG_NONE || e->pos[n].words != NULL ||
	    e->pos[n].word != NULL)
		n++;
	if (n == 0)
		return NULL;
	if (i < n)
		return &e->pos[i];
	return e->max_args < 0 ? &e->pos[n - 1] : NULL;
}

/* The kind's parameter spec named key (len bytes), or NULL. */
static const rs_param_spec *
kind_param(const char *kind, const char *key, size_t len)
{
	const rs_model_kind *k = kind != NULL ? rs_model_kind_find(kind) : NULL;

	for (const rs_param_spec *p = k != NULL ? k->params : NULL;
	    p != NULL && p->name != NULL; p++)
		if (strlen(p->name) == len && strncmp(p->name, key, len) == 0)
			return p;
	return NULL;
}

/* What the entry's hint says option opt names, or ARG_NONE. */
static enum arg_kind
opt_named(const struct cmd_entry *e, const char *opt)
{
	for (const struct cmd_opt_names *n = e->opt_names; n != NULL && n->opt != NULL; n++)
		if (strcmp(n->opt, opt) == 0)
			return n->kind;
	return ARG_NONE;
}

/* The value after key=: by the option's type and hint, or by the kind's
 * parameter; in a comma list, the item after the last comma. */
static void
comp_value(struct comp *c, const struct session *s, const struct typed *t)
{
	const char *eq = strchr(c->text, '='), *comma = strrchr(eq, ',');
	size_t klen = (size_t)(eq - c->text);
	char *prefix = xstrndup(c->text, (size_t)((comma != NULL ? comma : eq) -
	    c->text) + 1);
	const rs_param_spec *p;
	enum arg_kind named;

	for (const struct cmd_opt *o = t->e->opts; o != NULL && o->name != NULL; o++) {
		if (strlen(o->name) != klen || strncmp(o->name, c->text, klen) != 0)
			continue;
		if (o->type == OPT_BOOL)
			comp_bars(c, prefix, "yes|no");
		else if (o->type == OPT_ENUM)
			comp_bars(c, prefix, o->values);
		else if ((named = opt_named(t->e, o->name)) != ARG_NONE)
			comp_named(c, s, named, prefix);
		else if (o->type == OPT_PATH)
			comp_paths(c, prefix);
		else if (o->type == OPT_COLUMN || o->type == OPT_STR ||
		    o->type == OPT_STRS)
			comp_columns(c, s, prefix);
		free(prefix);
		return;
	}
	if (t->e->free_opts && (p = kind_param(t->kind, c->text, klen)) != NULL &&
	    p->type == RS_PARAM_ENUM)
		comp_bars(c, prefix, p->values);
	free(prefix);
}

/* A word without =: the command's options, the kind's parameters once
 * model=KIND is typed, and what the next positional argument may be. */
static void
comp_key(struct comp *c, const struct session *s, const struct typed *t)
{
	const rs_model_kind *k;
	const struct cmd_arg *a;
	struct cmd_arg tmp;

	for (const struct cmd_opt *o = t->e->opts; o != NULL && o->name != NULL; o++)
		if (o->type != OPT_FLAG) {
			char *key = xasprintf("%s=", o->name);
			comp_word(c, "", key);
			free(key);
		}
	if (t->e->free_opts && t->kind != NULL &&
	    (k = rs_model_kind_find(t->kind)) != NULL)
		for (const rs_param_spec *p = k->params; p != NULL && p->name != NULL; p++) {
			char *key = xasprintf("%s=", p->name);
			comp_word(c, "", key);
			free(key);
		}
	if ((a = arg_at(t->e, t->npos, &tmp)) != NULL) {
		comp_named(c, s, a->kind, "");
		comp_bars(c, "", a->words);
		for (int i = 0; a->word != NULL && a->word(i) != NULL; i++)
			comp_word(c, "", a->word(i));
	}
}

char **
complete_line(const struct session *s, const char *line, int start,
    const char *text, bool *no_space)
{
	struct comp c = { text, NULL, 0 };
	struct typed t;

	*no_space = false;
	typed_read(&t, s, line, start);
	if (t.npos < 0) {
		comp_named(&c, s, ARG_COMMAND, "");
	} else if (t.e == NULL) {
		/* an unknown command: nothing to offer */
	} else if (strncmp(text, "--", 2) == 0) {
		for (const struct cmd_opt *o = t.e->opts; o && o->name; o++)
			if (o->type == OPT_FLAG) {
				char *f = xasprintf("--%s", o->name);
				comp_word(&c, "", f);
				free(f);
			}
	} else if (strchr(text, '=') != NULL)
		comp_value(&c, s, &t);
	else
		comp_key(&c, s, &t);
	free(t.kind);
	if (c.n == 1) {
		char last = c.v[0][strlen(c.v[0]) - 1];
		*no_space = last == '=' || last == '/' || last == ',';
	}
	return c.v;
}
