/* Tab completion of a command line, apart from readline's loop so it can be read and tested on its own. */
#ifndef RS_COMPLETE_H
#define RS_COMPLETE_H

#include <stdbool.h>

#include "session.h"

/* The completions of text, the word of line starting at byte start, in
 * session s (its command table, data and models): a NULL-terminated array
 * the caller frees with each string, or NULL when there are none.
 * *no_space says the single candidate ends where more follows (KEY=, a
 * folder/, a list item,), so no space should be added. */
char **complete_line(const struct session *s, const char *line, int start,
    const char *text, bool *no_space);

#endif
