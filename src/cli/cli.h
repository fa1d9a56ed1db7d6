/* The front end: session state, the command table and the helpers commands share. */
#ifndef RS_CLI_H
#define RS_CLI_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "reelscope/reelscope.h"
#include "report.h"

/* What a command handler returns. */
enum cmd_ret { CMD_OK, CMD_ERROR, CMD_QUIT };

/* Option value types; they drive validation, completion and help. */
enum opt_type {
	OPT_STR,	/* any text */
	OPT_INT,	/* whole number within [min, max] */
	OPT_NUM,	/* number within [min, max] */
	OPT_BOOL,	/* yes/no, true/false, on/off, 1/0 */
	OPT_ENUM,	/* one of values ("a|b|c") */
	OPT_PATH,	/* a file or folder path */
	OPT_COLUMN,	/* a column name of the loaded dataset */
	OPT_FLAG	/* --name, no value */
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

/* What positional arguments are, for completion and help. */
enum arg_kind { ARG_NONE, ARG_PATH, ARG_COMMAND, ARG_COLUMN, ARG_WORD };

struct session;
struct cmd_call;

struct cmd_entry {
	const char *name;
	const char *alias;	/* or NULL */
	const char *usage;	/* arguments after the name */
	const char *help;	/* one line */
	const char *doc;	/* a paragraph for help CMD and the man page */
	enum arg_kind args;
	int min_args, max_args;
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
/* Whether key is one of the command's own options (free_opts commands pass
 * the others on, e.g. to a model kind). */
bool cmd_own_option(const struct cmd_opt *opts, const char *key);

/* The session: everything one run of reelscope holds. */
struct session {
	rs_workspace *ws;	/* dataset, pipeline (never NULL) */
	bool json;		/* --json: one JSON object per command */
	bool interactive;	/* reading commands from a terminal */
	bool keep_going;	/* batch: go on after a failed command */
	bool echo;		/* print each command before its output */
	bool progress;		/* show progress bars (terminal, not JSON) */
	bool quit;
	int failures;		/* commands that failed */
	FILE *out, *err;
	char errmsg[1200];	/* message of the failing command */
};

extern volatile sig_atomic_t rs_interrupted;
extern volatile sig_atomic_t rs_terminated;	/* SIGTERM/SIGHUP: finish and leave */

/* The command table (cmd.c). */
extern const struct cmd_entry *const cmd_table[];
const struct cmd_entry *cmd_find(const char *name, char *err, size_t errsize);

/* Run one line of commands (";"-separated). Returns false when a command
 * failed. */
bool session_run_line(struct session *s, const char *line);
/* line with every salt= value replaced by ***, for echo and history */
char *redact_secrets(const char *line);
/* why name cannot be a model's name, or NULL when it can */
const char *model_name_problem(const char *name);
/* Report a command failure (message without "error: "). Returns CMD_ERROR. */
enum cmd_ret cmd_error(struct session *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hooks that show engine progress and notes for this session. */
rs_hooks session_hooks(struct session *s, struct report *r);
void session_free(struct session *s);

/* Progress display (progress.c). */
int progress_update(void *ctx, const char *task, double done, double total);
void progress_done(void);

/* Line parser (parse.c): split a line into commands and words. */
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

/* Help (cmd-help.c) and man page generation. */
void help_print_command(const struct cmd_entry *e, FILE *out);
void help_print_man_commands(FILE *out);
/* Every model kind with its parameters, from the kind table: as text (help
 * train), as man page lines (--man-kinds) and as a Markdown list
 * (--markdown-kinds, README.md); tools/update-man.sh puts the last two in
 * place and tests/shell/man-sync.sh checks them. */
void help_print_kinds(FILE *out);
void help_print_man_kinds(FILE *out);
void help_print_markdown_kinds(FILE *out);

/* Completion and the interactive loop (repl.c). */
int repl_run(struct session *s);

#endif

/* The current dataset, or NULL after reporting "no dataset loaded". */
rs_dataset *session_data(struct session *s);
/* The current dataset or NULL, without reporting anything. */
rs_dataset *session_peek(const struct session *s);
/* A new starting point (takes ds): the pipeline starts over. */
void session_set_base(struct session *s, rs_dataset *ds, const char *command);
/* The pipeline step c does, as an operation for rs_workspace_apply (freed
 * with rs_step_op_free); false after reporting why not. */
bool session_op(struct session *s, const struct cmd_call *c, rs_step_op *op);
/* The model named by model= (default: the last trained), or NULL after
 * reporting why (cmd names the command for the message). */
struct rs_model *session_model(struct session *s, const struct cmd_call *c,
    const char *cmd);
/* A short description of an item for tables: its title or caption, if any. */
const char *session_item_text(const rs_dataset *ds, uint32_t item, char *buf,
    size_t size);
/* The "items" table of a list: rank, item, the score under score_name,
 * creator and text (items.c; recommend and similar). */
void items_table(struct rnode *root, const rs_dataset *ds, const uint32_t *items,
    const float *scores, size_t n, const char *score_name);
