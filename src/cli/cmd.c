/* The command table: lookup by name, alias or unique prefix; option checks; dispatch. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "parse.h"
#include "report.h"
#include "util/text.h"
#include "util/xmalloc.h"

extern const struct cmd_entry cmd_classify_entry;
extern const struct cmd_entry cmd_clean_entry;
extern const struct cmd_entry cmd_columns_entry;
extern const struct cmd_entry cmd_dashboard_entry;
extern const struct cmd_entry cmd_debias_entry;
extern const struct cmd_entry cmd_describe_entry;
extern const struct cmd_entry cmd_echo_entry;
extern const struct cmd_entry cmd_eval_entry;
extern const struct cmd_entry cmd_calibrate_entry;
extern const struct cmd_entry cmd_results_entry;
extern const struct cmd_entry cmd_anonymize_entry;
extern const struct cmd_entry cmd_privacy_entry;
extern const struct cmd_entry cmd_tradeoff_entry;
extern const struct cmd_entry cmd_rerank_entry;
extern const struct cmd_entry cmd_audit_entry;
extern const struct cmd_entry cmd_explain_entry;
extern const struct cmd_entry cmd_compare_entry;
extern const struct cmd_entry cmd_significance_entry;
extern const struct cmd_entry cmd_tune_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_features_entry;
extern const struct cmd_entry cmd_generate_entry;
extern const struct cmd_entry cmd_head_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_load_entry;
extern const struct cmd_entry cmd_models_entry;
extern const struct cmd_entry cmd_open_entry;
extern const struct cmd_entry cmd_plot_entry;
extern const struct cmd_entry cmd_pipeline_entry;
extern const struct cmd_entry cmd_profile_entry;
extern const struct cmd_entry cmd_propensity_entry;
extern const struct cmd_entry cmd_quit_entry;
extern const struct cmd_entry cmd_recommend_entry;
extern const struct cmd_entry cmd_observe_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_save_entry;
extern const struct cmd_entry cmd_set_entry;
extern const struct cmd_entry cmd_similar_entry;
extern const struct cmd_entry cmd_split_entry;
extern const struct cmd_entry cmd_stream_entry;
extern const struct cmd_entry cmd_train_entry;
extern const struct cmd_entry cmd_undo_entry;

/* Every command, in the order help lists them. */
const struct cmd_entry *const cmd_table[] = {
	&cmd_load_entry,
	&cmd_describe_entry,
	&cmd_head_entry,
	&cmd_columns_entry,
	&cmd_generate_entry,
	&cmd_clean_entry,
	&cmd_features_entry,
	&cmd_classify_entry,
	&cmd_profile_entry,
	&cmd_split_entry,
	&cmd_propensity_entry,
	&cmd_train_entry,
	&cmd_models_entry,
	&cmd_recommend_entry,
	&cmd_observe_entry,
	&cmd_export_entry,
	&cmd_similar_entry,
	&cmd_explain_entry,
	&cmd_eval_entry,
	&cmd_calibrate_entry,
	&cmd_results_entry,
	&cmd_compare_entry,
	&cmd_significance_entry,
	&cmd_debias_entry,
	&cmd_tune_entry,
	&cmd_stream_entry,
	&cmd_import_entry,
	&cmd_anonymize_entry,
	&cmd_privacy_entry,
	&cmd_tradeoff_entry,
	&cmd_rerank_entry,
	&cmd_audit_entry,
	&cmd_plot_entry,
	&cmd_pipeline_entry,
	&cmd_undo_entry,
	&cmd_dashboard_entry,
	&cmd_save_entry,
	&cmd_open_entry,
	&cmd_history_entry,
	&cmd_set_entry,
	&cmd_echo_entry,
	&cmd_help_entry,
	&cmd_quit_entry,
	NULL
};

/* cmd_lookup in the table above. */
const struct cmd_entry *
cmd_find(const char *name, char *err, size_t errsize)
{
	return cmd_lookup(cmd_table, name, err, errsize);
}

static const struct cmd_opt *
find_opt(const struct cmd_entry *e, const char *name, bool flag)
{
	for (const struct cmd_opt *o = e->opts; o != NULL && o->name != NULL; o++)
		if (strcmp(o->name, name) == 0 && (o->type == OPT_FLAG) == flag)
			return o;
	return NULL;
}

static void
list_opts(const struct cmd_entry *e, bool flags, char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	for (const struct cmd_opt *op = e->opts; op != NULL && op->name != NULL; op++)
		if ((op->type == OPT_FLAG) == flags && o + 2 < size)
			o += (size_t)snprintf(buf + o, size - o, "%s%s%s",
			    o ? ", " : "", flags ? "--" : "", op->name);
}

static bool
enum_has(const char *values, const char *v)
{
	size_t len = strlen(v);
	const char *p = values;

	while (p != NULL && *p != '\0') {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (n == len && strncmp(p, v, n) == 0)
			return true;
		p = bar ? bar + 1 : NULL;
	}
	return false;
}

/* Check one key=value against its spec; message into err. */
static bool
check_value(const struct cmd_entry *e, const struct cmd_opt *o, const char *v,
    char *err, size_t errsize)
{
	char *end;
	double x;
	char shown[128];

	util_quote_field(v, strlen(v), shown, sizeof shown);
	switch (o->type) {
	case OPT_INT: {
		long long ll;
		errno = 0;
		ll = strtoll(v, &end, 10);
		if (*v == '\0' || *end != '\0') {
			snprintf(err, errsize, "%s: %s=%s is not a whole number",
			    e->name, o->name, shown);
			return false;
		}
		/* compare as integers: doubles cannot tell 2^53 from 2^53 + 1 */
		if (errno == ERANGE || (o->min <= o->max &&
		    (ll < (long long)o->min || ll > (long long)o->max))) {
			char lo[32], hi[32];
			fmt_num(o->min, 6, lo, sizeof lo);
			fmt_num(o->max, 6, hi, sizeof hi);
			snprintf(err, errsize, "%s: %s=%s is out of range (%s to %s)",
			    e->name, o->name, v, lo, hi);
			return false;
		}
		return true;
	}
	case OPT_NUM:
		errno = 0;
		x = strtod(v, &end);
		if (*v == '\0' || *end != '\0' || errno != 0 || !isfinite(x)) {
			snprintf(err, errsize, "%s: %s=%s is not a number", e->name,
			    o->name, shown);
			return false;
		}
		if (o->min <= o->max && (x < o->min || x > o->max)) {
			char lo[32], hi[32];
			fmt_num(o->min, 6, lo, sizeof lo);
			fmt_num(o->max, 6, hi, sizeof hi);
			snprintf(err, errsize, "%s: %s=%s is out of range (%s to %s)",
			    e->name, o->name, v, lo, hi);
			return false;
		}
		return true;
	case OPT_BOOL:
		if (opt_parse_bool(v) < 0) {
			snprintf(err, errsize, "%s: %s=%s must be yes or no", e->name,
			    o->name, shown);
			return false;
		}
		return true;
	case OPT_ENUM:
		if (!enum_has(o->values, v)) {
			char vals[256];
			size_t k = 0;
			for (const char *p = o->values; *p && k + 3 < sizeof vals; p++) {
				if (*p == '|') {
					vals[k++] = ',';
					vals[k++] = ' ';
				} else
					vals[k++] = *p;
			}
			vals[k] = '\0';
			snprintf(err, errsize, "%s: %s=%s must be one of %s", e->name,
			    o->name, shown, vals);
			return false;
		}
		return true;
	case OPT_STR:
	case OPT_STRS:
	case OPT_PATH:
	case OPT_COLUMN:
		if (*v == '\0') {
			snprintf(err, errsize, "%s: %s= needs a value", e->name,
			    o->name);
			return false;
		}
		return true;
	case OPT_FLAG:
		break;
	}
	return true;
}

static void
call_free(struct cmd_call *c)
{
	for (size_t i = 0; i < c->nargs; i++)
		free(c->args[i]);
	for (size_t i = 0; i < c->nopts; i++) {
		free(c->keys[i]);
		free(c->vals[i]);
	}
	for (size_t i = 0; i < c->nflags; i++)
		free(c->flags[i]);
	free(c->args);
	free(c->keys);
	free(c->vals);
	free(c->flags);
	free(c->line);
}

/* Suggest the nearest option name for a typo: within two edits, or one
 * name starting with the other ("delimiter" for delim, "--skip"). */
static const char *
near_opt(const struct cmd_entry *e, const char *name, bool flags)
{
	const char *best = NULL;
	size_t bestd = 3;

	for (const struct cmd_opt *o = e->opts; o != NULL && o->name != NULL; o++) {
		size_t d, ln = strlen(name), lo = strlen(o->name);
		if ((o->type == OPT_FLAG) != flags)
			continue;
		if (ln >= 3 && lo >= 3 &&
		    strncmp(name, o->name, ln < lo ? ln : lo) == 0)
			return o->name;
		d = util_edit_distance(name, o->name);
		if (d < bestd) {
			bestd = d;
			best = o->name;
		}
	}
	return best;
}

/* Turn words into a validated call. */
static bool
build_call(const struct cmd_entry *e, const struct command_words *cw,
    struct cmd_call *c, char *err, size_t errsize)
{
	memset(c, 0, sizeof *c);
	c->entry = e;
	c->line = xstrdup(cw->src);
	for (size_t i = 1; i < cw->n; i++) {
		const struct word *w = &cw->w[i];
		const struct cmd_opt *o;
		char known[512];

		if (!w->quoted && strncmp(w->text, "--", 2) == 0 && w->text[2] != '\0') {
			const char *fname = w->text + 2;
			if (find_opt(e, fname, true) == NULL) {
				const char *near = near_opt(e, fname, true);
				list_opts(e, true, known, sizeof known);
				if (near)
					snprintf(err, errsize,
					    "%s: unknown flag --%s (did you mean --%s?)",
					    e->name, fname, near);
				else
					snprintf(err, errsize, "%s: unknown flag --%s%s%s",
					    e->name, fname, *known ? " (flags: " : "",
					    *known ? known : "");
				if (!near && *known)
					strncat(err, ")", errsize - strlen(err) - 1);
				return false;
			}
			c->flags = xreallocarray(c->flags, c->nflags + 1, sizeof *c->flags);
			c->flags[c->nflags++] = xstrdup(fname);
		} else if (w->eq > 0) {
			char *key = xstrndup(w->text, (size_t)w->eq);
			const char *val = w->text + w->eq + 1;
			o = find_opt(e, key, false);
			if (o == NULL && e->free_opts) {
				/* checked by the command (e.g. model parameters) */
			} else if (o == NULL) {
				const char *near = near_opt(e, key, false);
				list_opts(e, false, known, sizeof known);
				if (near)
					snprintf(err, errsize,
					    "%s: unknown option %s (did you mean %s?)",
					    e->name, key, near);
				else if (*known) {
					char flags[256];
					list_opts(e, true, flags, sizeof flags);
					snprintf(err, errsize,
					    "%s: unknown option %s (options: %s%s%s)", e->name,
					    key, known, *flags ? "; flags: " : "", flags);
				}
				else
					snprintf(err, errsize,
					    "%s: unknown option %s (%s takes no options)",
					    e->name, key, e->name);
				free(key);
				return false;
			}
			if (o != NULL && !check_value(e, o, val, err, errsize)) {
				free(key);
				return false;
			}
			for (size_t k = 0; k < c->nopts && (o == NULL || o->type != OPT_STRS); k++)
				if (strcmp(c->keys[k], key) == 0) {
					snprintf(err, errsize, "%s: %s= given twice",
					    e->name, key);
					free(key);
					return false;
				}
			c->keys = xreallocarray(c->keys, c->nopts + 1, sizeof *c->keys);
			c->vals = xreallocarray(c->vals, c->nopts + 1, sizeof *c->vals);
			c->keys[c->nopts] = key;
			c->vals[c->nopts++] = xstrdup(val);
		} else {
			c->args = xreallocarray(c->args, c->nargs + 1, sizeof *c->args);
			c->args[c->nargs++] = xstrdup(w->text);
		}
	}
	if ((int)c->nargs < e->min_args || (e->max_args >= 0 &&
	    (int)c->nargs > e->max_args)) {
		snprintf(err, errsize, "%s: %s; usage: %s%s%s", e->name,
		    (int)c->nargs < e->min_args ? "missing argument" :
		    "too many arguments", e->name, *e->usage ? " " : "", e->usage);
		return false;
	}
	return true;
}

static void
print_failure(struct session *s, const char *command, const char *msg)
{
	if (s->json) {
		struct report *r = report_new(command);
		report_print_json(r, s->out, false, msg);
		report_free(r);
	} else {
		fflush(s->out);
		fprintf(s->err, "error: %s\n", msg);
		fflush(s->err);
	}
}

/* A copy of line with the value of every salt= option replaced by ***, for
 * echo and the history file: a secret typed inline must not be written down. */
char *
redact_secrets(const char *line)
{
	size_t n = strlen(line), o = 0;
	char *out = xmalloc(n + 4 * (n / 5 + 1) + 1);

	for (size_t i = 0; i < n;) {
		bool start = i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t' ||
		    line[i - 1] == ';';
		if (start && strncmp(line + i, "salt=", 5) == 0 && i + 5 < n &&
		    strchr(" \t;\n", line[i + 5]) == NULL) {
			memcpy(out + o, "salt=***", 8);
			o += 8;
			i += 5;
			/* skip the value: quoted parts to their closing quote */
			while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != ';' &&
			    line[i] != '\n') {
				if (line[i] == '"' || line[i] == '\'') {
					char q = line[i++];
					while (i < n && line[i] != q) {
						if (q == '"' && line[i] == '\\' && i + 1 < n)
							i++;
						i++;
					}
					if (i < n)
						i++;
				} else
					i++;
			}
			continue;
		}
		out[o++] = line[i++];
	}
	out[o] = '\0';
	return out;
}

/* Run one parsed command; false when it failed. */
static bool
run_command(struct session *s, const struct command_words *cw)
{
	char err[1200];
	const struct cmd_entry *e;
	struct cmd_call call;
	struct report *r;
	enum cmd_ret ret;

	if (s->echo) {
		char *shown = redact_secrets(cw->src);
		fprintf(s->out, "> %s\n", shown);
		free(shown);
		fflush(s->out);
	}
	e = cmd_find(cw->w[0].text, err, sizeof err);
	if (e == NULL) {
		print_failure(s, cw->w[0].text, err);
		return false;
	}
	if (!build_call(e, cw, &call, err, sizeof err)) {
		call_free(&call);
		print_failure(s, e->name, err);
		return false;
	}
	r = report_new(e->name);
	s->errmsg[0] = '\0';
	rs_interrupted = 0;
	ret = e->exec(s, &call, r);
	progress_done();
	if (ret == CMD_ERROR) {
		print_failure(s, e->name, s->errmsg[0] ? s->errmsg : "failed");
	} else if (s->json)
		report_print_json(r, s->out, true, NULL);
	else
		report_print_text(r, s->out, s->err);
	if (ret == CMD_QUIT)
		s->quit = true;
	report_free(r);
	call_free(&call);
	return ret != CMD_ERROR;
}

bool
session_run_line(struct session *s, const char *line)
{
	struct command_words *cmds;
	char err[512];
	int n = parse_line(line, &cmds, err, sizeof err);
	bool ok = true;

	if (n < 0) {
		/* name the command as typed, like any other failure */
		char first[64] = "";
		const char *p = line;
		size_t k = 0;
		while (*p == ' ' || *p == '\t')
			p++;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && k + 1 < sizeof first)
			first[k++] = *p++;
		first[k] = '\0';
		if (s->echo) {
			char *shown = redact_secrets(line);
			size_t len = strcspn(shown, "\n");
			fprintf(s->out, "> %.*s\n", (int)len, shown);
			free(shown);
			fflush(s->out);
		}
		print_failure(s, first, err);
		s->failures++;
		return false;
	}
	for (int i = 0; i < n && !s->quit; i++) {
		if (!run_command(s, &cmds[i])) {
			s->failures++;
			ok = false;
			if (!s->keep_going && !s->interactive)
				break;
		}
	}
	free_commands(cmds, n);
	return ok;
}
