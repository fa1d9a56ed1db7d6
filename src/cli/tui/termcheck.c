/* Whether terminfo knows the terminal, asked apart from newterm (which leaks its half-made screen when it does not). */
#include "config.h"

#include <curses.h>
#include <term.h>
#include <unistd.h>

int tui_term_known(void);	/* declared in tui.h, whose headers clash with term.h */

int
tui_term_known(void)
{
	int err = 0;

	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return 0;
	del_curterm(cur_term);
	return 1;
}
