/* What commands include: the call and the session, the shared checks, and the help and item tables several commands use. */
#ifndef RS_CLI_H
#define RS_CLI_H

#include <stdio.h>

#include "call.h"
#include "check.h"
#include "parse.h"	/* tests/fuzz/fuzz-parse.c reaches the parser through cli.h */
#include "report.h"
#include "session.h"

/* Help (cmd-help.c) and man page generation. */
void help_print_command(const struct cmd_entry *e, FILE *out);
/* The commands of table (NULL-terminated) as man page lines (--man-commands). */
void help_print_man_commands(const struct cmd_entry *const *table, FILE *out);
/* Every model kind with its parameters, from the kind table: as text (help
 * train), as man page lines (--man-kinds) and as a Markdown list
 * (--markdown-kinds, README.md); tools/update-man.sh puts the last two in
 * place and tests/shell/man-sync.sh checks them. */
void help_print_kinds(FILE *out);
/* What the log's values are (rs_signal): one line in text, an object in
 * JSON (cmd-load.c; load and describe). */
void load_render_signal(struct rnode *root, const rs_dataset *ds);
void help_print_man_kinds(FILE *out);
void help_print_markdown_kinds(FILE *out);

/* The "items" table of a list: rank, item, the score under score_name,
 * creator and text (items.c; recommend and similar). */
void items_table(struct rnode *root, const rs_dataset *ds, const uint32_t *items,
    const float *scores, size_t n, const char *score_name);

#endif
