/* The parsed call of a command: option accessors, lookup in a command table, and the call-level helpers every command shares. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "call.h"
#include "reelscope/ctr.h"
#include "util/text.h"

/* yes, true, on, 1 or no, false, off, 0, in any case. */
int
opt_parse_bool(const char *v)
{
	static const char *const yes[] = { "yes", "true", "on", "1", NULL };
	static const char *const no[] = { "no", "false", "off", "0", NULL };

	for (int i = 0; yes[i] != NULL; i++)
		if (strcasecmp(v, yes[i]) == 0)
			return 1;
	for (int i = 0; no[i] != NULL; i++)
		if (strcasecmp(v, no[i]) == 0)
			return 0;
	return -1;
}

const char *
call_get(const struct cmd_call *c, const char *key)
{
	for (size_t i = 0; i < c->nopts; i++)
		if (strcmp(c->keys[i], key) == 0)
			return c->vals[i];
	return NULL;
}

bool
call_has(const struct cmd_call *c, const char *key)
{
	return call_get(c, key) != NULL;
}

long long
call_int(const struct cmd_call *c, const char *key, long long def)
{
	const char *v = call_get(c, key);

	return v ? strtoll(v, NULL, 10) : def;
}

double
call_num(const struct cmd_call *c, const char *key, double def)
{
	const char *v = call_get(c, key);

	return v ? strtod(v, NULL) : def;
}

int
call_bool(const struct cmd_call *c, const char *key, int def)
{
	const char *v = call_get(c, key);

	return v ? opt_parse_bool(v) : def;
}

bool
call_flag(const struct cmd_call *c, const char *flag)
{
	for (size_t i = 0; i < c->nflags; i++)
		if (strcmp(c->flags[i], flag) == 0)
			return true;
	return false;
}

/* Whether key is among opts (their names, not their values). */
bool
cmd_own_option(const struct cmd_opt *opts, const char *key)
{
	for (const struct cmd_opt *o = opts; o != NULL && o->name != NULL; o++)
		if (strcmp(o->name, key) == 0)
			return true;
	return false;
}

/* By name or alias first, then by unique prefix; near misses (two edits
 * at most) are suggested. */
const struct cmd_entry *
cmd_lookup(const struct cmd_entry *const *table, const char *name, char *err,
    size_t errsize)
{
	const struct cmd_entry *found = NULL, *near = NULL;
	size_t nfound = 0, len = strlen(name), bestd = 3;
	char list[512] = "";

	for (size_t i = 0; table[i] != NULL; i++) {
		const struct cmd_entry *e = table[i];
		if (strcmp(e->name, name) == 0 ||
		    (e->alias != NULL && strcmp(e->alias, name) == 0))
			return e;
	}
	for (size_t i = 0; table[i] != NULL; i++) {
		const struct cmd_entry *e = table[i];
		size_t d;
		if (strncmp(e->name, name, len) == 0) {
			found = e;
			snprintf(list + strlen(list), sizeof list - strlen(list),
			    "%s%s", nfound++ ? ", " : "", e->name);
		}
		d = util_edit_distance(name, e->name);
		if (d < bestd) {
			bestd = d;
			near = e;
		}
	}
	if (nfound == 1)
		return found;
	if (nfound > 1)
		snprintf(err, errsize, "ambiguous command: %s, could be: %s", name,
		    list);
	else if (near != NULL)
		snprintf(err, errsize,
		    "unknown command: %s (did you mean %s? \"help\" lists commands)",
		    name, near->name);
	else
		snprintf(err, errsize,
		    "unknown command: %s (\"help\" lists commands)", name);
	return NULL;
}

/* The engine parses the command as typed. */
bool
call_step_op(struct session *s, const struct cmd_call *c, rs_step_op *op)
{
	rs_error err;

	if (rs_step_op_parse(c->line, op, &err) == 0)
		return true;
	cmd_error(s, "%s: %s", c->entry->name, err.msg);
	return false;
}

/* model= names it, else the last trained that ranks items. */
struct rs_model *
call_model(struct session *s, const struct cmd_call *c, const char *cmd)
{
	const char *name = call_get(c, "model");
	rs_model *m;

	if (rs_workspace_nmodels(s->ws) == 0) {
		cmd_error(s, "%s: no model trained yet (train NAME model=KIND first)", cmd);
		return NULL;
	}
	if (name == NULL) {
		/* the latest model that ranks items (lr and fm rank nothing) */
		for (size_t i = rs_workspace_nmodels(s->ws); i > 0; i--)
			if (!rs_model_is_ctr(rs_workspace_model_at(s->ws, i - 1)))
				return rs_workspace_model_at(s->ws, i - 1);
		m = rs_workspace_last_model(s->ws);
	} else
		m = rs_workspace_model(s->ws, name);
	if (m == NULL) {
		char list[512] = "";
		for (size_t i = 0; i < rs_workspace_nmodels(s->ws); i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
			    i ? ", " : "", rs_workspace_model_at(s->ws, i)->name);
		cmd_error(s, "%s: no model named %s (models: %s)", cmd, name, list);
	}
	if (m != NULL && rs_model_is_ctr(m)) {
		cmd_error(s, "%s: model %s (%s) predicts a label per log row, not a ranking of items (eval %s shows its probabilities)",
		    cmd, m->name, m->kind->name, m->name);
		return NULL;
	}
	return m;
}
