/* What a command is and how it is called: its table entry, its option specs, the parsed call and the accessors every command uses. */
#ifndef RS_CALL_H
#define RS_CALL_H

#include <stdbool.h>
#include <stdio.h>

#include "reelscope/reelscope.h"
#include "report.h"
#include "session.h"

/* Option value types; they drive validation, completion and help. */
enum opt_type {
	OPT_STR,	/* any text */
	OPT_INT,	/* whole number within [min, max] */
	OPT_NUM,	/* number within [min, max] */
	OPT_BOOL,	/* yes/no, true/false, on/off, 1/0 */
	OPT_ENUM,	/* one of values ("a|b|c") */
	OPT_PATH,	/* a file or folder path */
	OPT_COLUMN,	/* a column name of the loaded dataset */
	OPT_FLAG,	/* --name, no value */
	OPT_STRS	/* any text, may be given more than once (call_get: the first) */
};

struct cmd_opt {
	const char *name;
	enum opt_type type;
	const char *values;	/* OPT_ENUM choices, "a|b|c" */
	double min, max;	/* OPT_INT/OPT_NUM range (min > max: unbounded) */
	const char *def;	/* default shown in help, or NULL */
	const char *help;
};

/* A field of the command's result (its JSON key), documented in help/man. */
struct cmd_field {
	const char *key;
	const char *help;
};

/* What positional arguments are, for completion and help: a path, a
 * command, a column, any word, a trained model's name, a model kind. */
enum arg_kind { ARG_NONE, ARG_PATH, ARG_COMMAND, ARG_COLUMN, ARG_WORD,
	ARG_MODEL, ARG_KIND };

/* One positional argument, for completion: what it names, and the words it
 * may be besides (fixed ones "a|b", or the i-th of an engine list, NULL
 * past the last). */
struct cmd_arg {
	enum arg_kind kind;
	const char *words;
	const char *(*word)(int i);
};

/* What an option's value names, for completion when its type does not say
 * (model= a trained model or a kind, test= a share or a file). */
struct cmd_opt_names {
	const char *opt;
	enum arg_kind kind;
};

struct cmd_call;

struct cmd_entry {
	const char *name;
	const char *alias;	/* or NULL */
	const char *usage;	/* arguments after the name */
	const char *help;	/* one line */
	const char *doc;	/* a paragraph for help CMD and the man page */
	enum arg_kind args;
	int min_args, max_args;
	/* each positional argument in turn, for completion (the last one
	 * repeats when max_args is -1), ended by ARG_NONE; NULL: args */
	const struct cmd_arg *pos;
	/* option values that name something, ended by a NULL opt; or NULL */
	const struct cmd_opt_names *opt_names;
	const struct cmd_opt *opts;	/* terminated by a NULL name */
	bool free_opts;		/* other key=value are passed on (model
				   parameters), checked by the handler */
	const struct cmd_field *fields;	/* terminated by a NULL key */
	enum cmd_ret (*exec)(struct session *, struct cmd_call *,
	    struct report *);
	/* more for help CMD after the result fields (train: the kinds), or NULL */
	void (*more_help)(FILE *out);
};

/* A parsed and validated command call. */
struct cmd_call {
	const struct cmd_entry *entry;
	char *line;		/* the command as typed, for messages */
	char **args;		/* positional arguments */
	size_t nargs;
	char **keys, **vals;	/* key=value options, in order */
	size_t nopts;
	char **flags;		/* --flags without the dashes */
	size_t nflags;
};

/* Option accessors (after validation, values are well-formed). */
const char *call_get(const struct cmd_call *c, const char *key);
bool call_has(const struct cmd_call *c, const char *key);
long long call_int(const struct cmd_call *c, const char *key, long long def);
double call_num(const struct cmd_call *c, const char *key, double def);
int call_bool(const struct cmd_call *c, const char *key, int def);
bool call_flag(const struct cmd_call *c, const char *flag);
/* A yes/no word: 1, 0, or -1 when it is neither. */
int opt_parse_bool(const char *v);
/* Whether key is one of the command's own options (free_opts commands pass
 * the others on, e.g. to a model kind). */
bool cmd_own_option(const struct cmd_opt *opts, const char *key);

/* The command of table (NULL-terminated) named name, by name, alias or
 * unique prefix; NULL with "ambiguous command" or "unknown command" in err. */
const struct cmd_entry *cmd_lookup(const struct cmd_entry *const *table,
    const char *name, char *err, size_t errsize);

/* The pipeline step c does, as an operation for rs_workspace_apply (freed
 * with rs_step_op_free); false after reporting why not. */
bool call_step_op(struct session *s, const struct cmd_call *c, rs_step_op *op);
/* The model named by model= (default: the last trained), or NULL after
 * reporting why (cmd names the command for the message). */
struct rs_model *call_model(struct session *s, const struct cmd_call *c,
    const char *cmd);

#endif
