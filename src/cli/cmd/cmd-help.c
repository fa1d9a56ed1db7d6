/* help: the command list, one command in full, and the man page's command section. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/text.h"

static const struct cmd_field help_fields[] = {
	{ "commands", "every command: name, alias, usage, help" },
	{ "glossary", "help glossary: term and meaning of each metric and word the results use" },
	{ "name", "help CMD: the command" },
	{ "usage", "help CMD: its arguments" },
	{ "help", "help CMD: one line" },
	{ "doc", "help CMD: what it does" },
	{ "options", "help CMD: name, type, default, help of each option" },
	{ "fields", "help CMD: the fields of its result (--json keys)" },
	{ NULL, NULL }
};

static const char *
type_name(const struct cmd_opt *o)
{
	switch (o->type) {
	case OPT_INT:
		return "integer";
	case OPT_NUM:
		return "number";
	case OPT_BOOL:
		return "yes|no";
	case OPT_ENUM:
		return o->values;
	case OPT_PATH:
		return "path";
	case OPT_COLUMN:
		return "column";
	case OPT_FLAG:
		return "flag";
	case OPT_STRS:
		return "text, repeatable";
	case OPT_STR:
		break;
	}
	return "text";
}

/* Range text for numeric options, or "". */
static void
range_text(const struct cmd_opt *o, char *buf, size_t size)
{
	char lo[32], hi[32];

	buf[0] = '\0';
	if ((o->type == OPT_INT || o->type == OPT_NUM) && o->min <= o->max) {
		fmt_num(o->min, 6, lo, sizeof lo);
		fmt_num(o->max, 6, hi, sizeof hi);
		snprintf(buf, size, ", %s to %s", lo, hi);
	}
}

void
help_print_command(const struct cmd_entry *e, FILE *out)
{
	char range[96];

	fprintf(out, "%s%s%s\n", e->name, *e->usage ? " " : "", e->usage);
	if (e->alias)
		fprintf(out, "  (alias: %s)\n", e->alias);
	fprintf(out, "  %s\n", e->help);
	if (e->doc)
		fprintf(out, "\n  %s\n", e->doc);
	if (e->opts != NULL && e->opts[0].name != NULL) {
		fprintf(out, "\noptions:\n");
		for (const struct cmd_opt *o = e->opts; o->name != NULL; o++) {
			range_text(o, range, sizeof range);
			if (o->type == OPT_FLAG)
				fprintf(out, "  --%-14s %s\n", o->name, o->help);
			else
				fprintf(out, "  %-16s %s (%s%s%s%s)\n", o->name, o->help,
				    type_name(o), range, o->def ? ", default " : "",
				    o->def ? o->def : "");
		}
	}
	if (e->fields != NULL && e->fields[0].key != NULL) {
		fprintf(out, "\nresult fields (--json keys):\n");
		for (const struct cmd_field *f = e->fields; f->key != NULL; f++)
			fprintf(out, "  %-22s %s\n", f->key, f->help);
	}
	if (e->more_help != NULL)
		e->more_help(out);
}

void
help_print_kinds(FILE *out)
{
	fprintf(out, "\nmodel kinds (model=KIND; PARAM=VALUE sets the kind's parameters, defaults shown):\n");
	for (size_t i = 0; rs_model_kinds[i] != NULL; i++) {
		const rs_model_kind *k = rs_model_kinds[i];
		fprintf(out, "  %s: %s\n", k->name, k->help);
		for (const rs_param_spec *p = k->params; p && p->name; p++) {
			char kv[128];
			snprintf(kv, sizeof kv, "%s=%s", p->name, p->def ? p->def : "");
			fprintf(out, "      %-20s %s\n", kv, p->help);
		}
	}
}

/* A UTF-8 character as a troff \[uXXXX] escape (troff reads bytes, not
 * UTF-8); returns its length in bytes. */
static size_t
man_char(FILE *out, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : 2;
	uint32_t c = u[0] & (0x3F >> (n - 1));

	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return i;	/* broken sequence: drop it */
		c = c << 6 | (u[i] & 0x3F);
	}
	fprintf(out, "\\[u%04X]", (unsigned)c);
	return n;
}

/* troff-escape a string for the man page. */
static void
man_escape(FILE *out, const char *s)
{
	const char *start = s;

	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else if ((*s == '.' || *s == '\'') && (s == start || s[-1] == '\n'))
			fprintf(out, "\\&%c", *s);
		else if ((unsigned char)*s >= 0xC0)
			s += man_char(out, s) - 1;
		else
			fputc(*s, out);
	}
}

void
help_print_man_commands(const struct cmd_entry *const *table, FILE *out)
{
	char range[96];

	for (size_t i = 0; table[i] != NULL; i++) {
		const struct cmd_entry *e = table[i];
		fputs(".TP\n.B ", out);
		man_escape(out, e->name);
		if (*e->usage) {
			fputc(' ', out);
			man_escape(out, e->usage);
		}
		fputc('\n', out);
		man_escape(out, e->help);
		if (e->alias) {
			fputs(" (alias: ", out);
			man_escape(out, e->alias);
			fputc(')', out);
		}
		fputs(".\n", out);
		if (e->doc) {
			fputs(".IP\n", out);
			man_escape(out, e->doc);
			fputc('\n', out);
		}
		for (const struct cmd_opt *o = e->opts; o && o->name; o++) {
			range_text(o, range, sizeof range);
			fputs(".IP\n\\fB", out);
			if (o->type == OPT_FLAG)
				fputs("\\-\\-", out);
			man_escape(out, o->name);
			fputs(o->type == OPT_FLAG ? "\\fR: " : "=\\fR", out);
			if (o->type != OPT_FLAG) {
				fputs("\\fI", out);
				man_escape(out, type_name(o));
				fputs("\\fR: ", out);
			}
			man_escape(out, o->help);
			if (*range)
				man_escape(out, range + 1);
			if (o->def) {
				fputs("; default ", out);
				man_escape(out, o->def);
			}
			fputc('\n', out);
		}
		if (e->fields && e->fields[0].key) {
			fputs(".IP\nResult fields:\n", out);
			for (const struct cmd_field *f = e->fields; f->key; f++) {
				fputs(".br\n\\fB", out);
				man_escape(out, f->key);
				fputs("\\fR \\(em ", out);
				man_escape(out, f->help);
				fputc('\n', out);
			}
		}
	}
}

/* One kind of the man page's MODEL KINDS section. */
static void
man_kind(FILE *out, const rs_model_kind *k)
{
	fputs(".TP\n.B ", out);
	man_escape(out, k->name);
	fputc('\n', out);
	man_escape(out, k->help);
	fputs(".\n", out);
	for (const rs_param_spec *p = k->params; p && p->name; p++) {
		fputs(".IP\n\\fB", out);
		man_escape(out, p->name);
		fputs("=\\fR", out);
		if (p->def != NULL && *p->def) {
			fputs("\\fI", out);
			man_escape(out, p->def);
			fputs("\\fR", out);
		}
		fputs(": ", out);
		man_escape(out, p->help);
		fputc('\n', out);
	}
}

void
help_print_man_kinds(FILE *out)
{
	for (size_t i = 0; rs_model_kinds[i] != NULL; i++)
		man_kind(out, rs_model_kinds[i]);
}

/* Markdown text: the characters that would start markup escaped. */
static void
md_escape(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\`*_[]<>|", *s) != NULL)
			fputc('\\', out);
		fputc(*s, out);
	}
}

void
help_print_markdown_kinds(FILE *out)
{
	for (size_t i = 0; rs_model_kinds[i] != NULL; i++) {
		const rs_model_kind *k = rs_model_kinds[i];
		fprintf(out, "- `%s`: ", k->name);
		md_escape(out, k->help);
		for (const rs_param_spec *p = k->params; p && p->name; p++)
			fprintf(out, "%s`%s=%s`", p == k->params ? "; parameters " : " ",
			    p->name, p->def ? p->def : "");
		fputc('\n', out);
	}
}

/* help glossary: the names reelscope prints, in plain words
 * (docs/metrics.md has the formulas). */
static const struct glossary_entry {
	const char *term;
	const char *meaning;
} glossary[] = {
	{ "precision@k",
	  "share of the top k that the user really went on to watch (hits / k)" },
	{ "recall@k",
	  "share of the user's held-out videos that made it into the top k" },
	{ "hit@k",
	  "1 when at least one held-out video is in the top k, else 0; averaged over users" },
	{ "ndcg@k",
	  "like recall, but a hit near the top counts more (1/log2 of its rank+1), scaled so a perfect list scores 1" },
	{ "map@k",
	  "mean average precision: precision taken at each hit's rank, averaged" },
	{ "mrr@k",
	  "mean reciprocal rank: 1/rank of the first hit (1 when the first item is a hit, 0.5 the second...)" },
	{ "auc",
	  "the chance a held-out video is scored above a video the user did not watch (0.5: a coin)" },
	{ "rmse, mae",
	  "rating error of models that predict values: root mean square and mean absolute difference" },
	{ "coverage",
	  "share of all items (or creators) that appear in at least one user's list" },
	{ "novelty@k",
	  "how unknown the listed videos are: mean -log2 of each one's share of the training rows" },
	{ "diversity@k",
	  "how different the listed videos are from each other (1 - overlap of their categories)" },
	{ "popularity@k, ARP",
	  "average recommendation popularity: mean training rows of the listed videos; high means the list follows the crowd" },
	{ "APLT, ACLT",
	  "average percentage (APLT) or count (ACLT) of long-tail items in a list: the less-watched items beyond the head" },
	{ "head, tail",
	  "head: the most watched items (or creators) holding head= (80%) of the training rows; tail: the rest" },
	{ "PopRSP, PopREO",
	  "popularity parity: whether head and tail items are recommended (RSP) or recommended when relevant (REO) at equal rates; 0 is fair" },
	{ "watch_ratio@k",
	  "short video: mean play time over video length for the listed videos the user was seen to watch" },
	{ "completion@k, effective@k",
	  "share of listed videos watched to the end (ratio >= 1), or past the effective-view threshold (2)" },
	{ "dwell@k, like@k",
	  "total play time, and share liked, of the listed videos" },
	{ "exposure",
	  "attention a position gets: 1/log2(1+rank) by default, so the first slot counts most; summed per creator" },
	{ "merit",
	  "what a creator deserves: its share of the relevant (held-out) interactions" },
	{ "Gini",
	  "inequality of exposure across creators: 0 everyone equal, 1 one creator gets everything" },
	{ "entropy",
	  "how spread exposure is, in bits; its maximum is log2 of the number of creators" },
	{ "EE-D, EE-R, EE-L",
	  "expected exposure: D how concentrated attention is, R how much goes to relevant items, L the distance to the fair target (lower is fairer)" },
	{ "maximin share",
	  "the slots each creator could be sure of in a fair division; the audit counts who gets at least that" },
	{ "equity of attention",
	  "how far each creator's exposure share is from its merit share, summed" },
	{ "calibration KL",
	  "how far a list's head/tail mix is from the user's own history (Kullback-Leibler, bits); 0 matches" },
	{ "dp, epsilon",
	  "exposure figures published with Laplace noise: smaller epsilon, more noise, more privacy" },
	{ "sampled metrics",
	  "ranking the held-out items among N random others instead of every item: numbers inflate and can swap models" },
	{ "cold users",
	  "held-out users with no training row: every model can only guess popular items for them" },
	{ "leakage",
	  "test information reaching training (overlapping rows, future events, tuning on test): numbers look better than they will be" },
	{ "CI",
	  "confidence interval: the range the mean over users would likely fall in with other users" },
	{ "significance, p",
	  "whether two models really differ on the same users (paired test); small p: unlikely by chance" },
	{ "IPS, SNIPS",
	  "inverse propensity scoring: weigh each logged event by 1 / the chance it was shown, to undo the logging policy's bias; SNIPS divides by the sum of weights, steadier" },
	{ "prequential",
	  "test-then-learn over time: each window is scored by the model as it was, then learned from (stream)" },
	{ "MMR, xQuAD, FA*IR",
	  "re-rankers: MMR penalises repeats of a creator, xQuAD tops up tail items, FA*IR keeps a minimum share of tail creators at every position" },
	{ NULL, NULL }
};

/* help glossary: a table in text, an array of {term, meaning} in JSON. */
static enum cmd_ret
help_glossary(struct session *s, struct report *r)
{
	struct rnode *arr;

	if (!s->json) {
		fflush(s->out);
		fputs("glossary (docs/metrics.md gives the formulas):\n", s->out);
		for (const struct glossary_entry *g = glossary; g->term != NULL; g++)
			fprintf(s->out, "  %-26s %s\n", g->term, g->meaning);
		return CMD_OK;
	}
	arr = rn_arr(report_root(r), "glossary");
	for (const struct glossary_entry *g = glossary; g->term != NULL; g++) {
		struct rnode *row = rn_obj(arr, NULL);
		rn_str(row, "term", g->term);
		rn_str(row, "meaning", g->meaning);
	}
	return CMD_OK;
}

static enum cmd_ret
cmd_help_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r);

	if (c->nargs == 1 && strcmp(c->args[0], "glossary") == 0)
		return help_glossary(s, r);
	if (c->nargs == 1) {
		char err[512];
		const struct cmd_entry *e = cmd_lookup(s->commands, c->args[0], err,
		    sizeof err);
		struct rnode *arr;
		if (e == NULL)
			return cmd_error(s, "help: %s", err);
		if (!s->json) {
			fflush(s->out);
			help_print_command(e, s->out);
			return CMD_OK;
		}
		rn_str(root, "name", e->name);
		rn_str(root, "usage", e->usage);
		rn_str(root, "help", e->help);
		rn_str(root, "doc", e->doc ? e->doc : "");
		arr = rn_arr(root, "options");
		for (const struct cmd_opt *o = e->opts; o && o->name; o++) {
			struct rnode *row = rn_obj(arr, NULL);
			rn_str(row, "name", o->name);
			rn_str(row, "type", type_name(o));
			if (o->def)
				rn_str(row, "default", o->def);
			else
				rn_null(row, "default");
			rn_str(row, "help", o->help);
		}
		arr = rn_arr(root, "fields");
		for (const struct cmd_field *f = e->fields; f && f->key; f++) {
			struct rnode *row = rn_obj(arr, NULL);
			rn_str(row, "key", f->key);
			rn_str(row, "help", f->help);
		}
		return CMD_OK;
	}
	{
		struct rnode *arr = rn_flags(rn_arr(root, "commands"), RF_TABLE);
		for (size_t i = 0; s->commands[i] != NULL; i++) {
			struct rnode *row = rn_obj(arr, NULL);
			rn_str(row, "name", s->commands[i]->name);
			rn_flags(rn_str(row, "alias", s->commands[i]->alias ?
			    s->commands[i]->alias : ""), RF_TEXT_HIDE);
			rn_flags(rn_str(row, "usage", s->commands[i]->usage), RF_TEXT_HIDE);
			rn_str(row, "help", s->commands[i]->help);
		}
	}
	if (!s->json)
		report_note(r, "commands (help CMD for one in full; any unique prefix works):");
	return CMD_OK;
}

/* Completion: a command, or a topic. */
static const struct cmd_arg help_pos[] = { { ARG_COMMAND, "glossary", NULL },
	{ ARG_NONE, NULL, NULL } };

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.alias = "?",
	.usage = "[COMMAND | glossary]",
	.help = "list the commands, or show one command's usage, options and result fields",
	.doc = NULL,
	.args = ARG_COMMAND,
	.min_args = 0,
	.max_args = 1,
	.pos = help_pos,
	.opts = NULL,
	.fields = help_fields,
	.exec = cmd_help_exec,
};
