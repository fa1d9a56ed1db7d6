/* The dispatcher: the command table, lookup, and running a line of commands; the loops above it. */
#ifndef RS_CMD_H
#define RS_CMD_H

#include <stdbool.h>
#include <stddef.h>

#include "call.h"
#include "session.h"

/* Every command, in the order help lists them (NULL-terminated). */
extern const struct cmd_entry *const cmd_table[];
/* cmd_lookup in cmd_table. */
const struct cmd_entry *cmd_find(const char *name, char *err, size_t errsize);

/* Run one line of commands (";"-separated). Returns false when a command
 * failed. */
bool session_run_line(struct session *s, const char *line);
/* line with every salt= value replaced by ***, for echo and history */
char *redact_secrets(const char *line);

/* Completion and the interactive loop (repl.c). */
int repl_run(struct session *s);

#endif
