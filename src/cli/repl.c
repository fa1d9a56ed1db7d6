/* The interactive loop: GNU Readline (callback mode), history file, completion, Ctrl-C. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cli.h"
#include "cmd.h"
#include "complete.h"
#include "util/xmalloc.h"

#define PROMPT "reelscope> "

static struct session *repl_session;
static volatile sig_atomic_t got_winch;
static char *history_path;

static void
on_sigwinch(int sig)
{
	(void)sig;
	got_winch = 1;
}

/* History lives in $REELSCOPE_HISTORY or ~/.reelscope_history, mode 0600. */
static char *
history_file(void)
{
	const char *env = getenv("REELSCOPE_HISTORY"), *home = getenv("HOME");

	if (env != NULL)
		return *env ? xstrdup(env) : NULL;
	if (home == NULL || *home == '\0')
		return NULL;
	return xasprintf("%s/.reelscope_history", home);
}

static void
history_open(void)
{
	int fd;

	history_path = history_file();
	if (history_path == NULL)
		return;
	fd = open(history_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
	stifle_history(2000);
	read_history(history_path);
}

static void on_line(char *line);

/* The answer to "quit anyway?": y leaves, as does Ctrl-D; anything else
 * goes back to the prompt. */
static void
on_answer(char *line)
{
	bool yes = line == NULL || line[0] == 'y' || line[0] == 'Y';

	if (line == NULL)
		fputc('\n', stdout);
	free(line);
	rl_callback_handler_remove();
	if (yes)
		repl_session->quit = true;
	else
		rl_callback_handler_install(PROMPT, on_line);
}

/* Whether quit (or Ctrl-D) may leave now: yes when everything is saved or
 * the question was asked once already; else it asks (the answer comes to
 * on_answer) and says no. Only the interactive loop asks: batch never. */
static bool
quit_confirmed(struct session *s)
{
	static bool asked;
	size_t nm, ns;
	char models[64] = "", steps[64] = "", *question;

	rs_workspace_unsaved(s->ws, &nm, &ns);
	if (asked || (nm == 0 && ns == 0))
		return true;
	asked = true;
	if (nm > 0)
		snprintf(models, sizeof models, "%zu model%s", nm, nm == 1 ? "" : "s");
	if (ns > 0)
		snprintf(steps, sizeof steps, "%zu step%s", ns, ns == 1 ? "" : "s");
	question = xasprintf("%s%s%s not saved; quit anyway? (y/N) ", models,
	    nm > 0 && ns > 0 ? " and " : "", steps);
	rl_callback_handler_install(question, on_answer);
	free(question);
	return false;
}

static void
on_line(char *line)
{
	struct session *s = repl_session;

	if (line == NULL) {	/* Ctrl-D */
		fputc('\n', stdout);
		rl_callback_handler_remove();
		if (quit_confirmed(s))
			s->quit = true;
		return;
	}
	rl_callback_handler_remove();
	{
		/* completion leaves a trailing space; history keeps the command */
		size_t n = strlen(line);
		while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
			line[--n] = '\0';
	}
	if (*line != '\0') {
		char *kept = redact_secrets(line);
		add_history(kept);
		free(kept);
		if (history_path != NULL)
			append_history(1, history_path);
	}
	session_run_line(s, line);
	free(line);
	rs_interrupted = 0;
	if (s->quit && !rs_terminated && !quit_confirmed(s)) {
		s->quit = false;	/* asking: the answer decides */
		return;
	}
	if (!s->quit && !rs_terminated)
		rl_callback_handler_install(PROMPT, on_line);
}

/* ---- completion (complete.c) ---- */

static char **cands;
static size_t cand_pos;

static void
cand_clear(void)
{
	for (size_t i = 0; cands != NULL && cands[i] != NULL; i++)
		free(cands[i]);
	free(cands);
	cands = NULL;
	cand_pos = 0;
}

static char *
cand_next(const char *text, int state)
{
	(void)text;
	if (state == 0)
		cand_pos = 0;
	if (cands != NULL && cands[cand_pos] != NULL)
		return xstrdup(cands[cand_pos++]);
	return NULL;
}

static char **
complete(const char *text, int start, int end)
{
	bool no_space;

	(void)end;
	rl_attempted_completion_over = 1;
	cand_clear();
	cands = complete_line(repl_session, rl_line_buffer, start, text, &no_space);
	if (cands == NULL)
		return NULL;
	rl_completion_suppress_append = no_space;
	return rl_completion_matches(text, cand_next);
}

int
repl_run(struct session *s)
{
	struct sigaction sa;

	repl_session = s;
	rl_readline_name = "reelscope";
	rl_attempted_completion_function = complete;
	rl_completer_word_break_characters = " \t;";
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	history_open();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigwinch;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);
	if (!s->json)
		printf("reelscope %s — type help for commands, quit to leave\n",
		    rs_version());
	rl_callback_handler_install(PROMPT, on_line);
	while (!s->quit && !rs_terminated) {
		fd_set fds;
		int r;

		FD_ZERO(&fds);
		FD_SET(fileno(rl_instream ? rl_instream : stdin), &fds);
		r = select(fileno(rl_instream ? rl_instream : stdin) + 1, &fds, NULL,
		    NULL, NULL);
		if (r < 0) {
			if (errno != EINTR)
				break;
			if (got_winch) {
				got_winch = 0;
				rl_resize_terminal();
			}
			if (rs_terminated)
				break;
			if (rs_interrupted) {
				/* Ctrl-C at the prompt: drop the line, new prompt */
				rs_interrupted = 0;
				rl_free_line_state();
				rl_callback_sigcleanup();
				rl_replace_line("", 0);
				fputs("^C\n", stdout);
				rl_on_new_line();
				rl_redisplay();
			}
			continue;
		}
		rl_callback_read_char();
	}
	rl_callback_handler_remove();
	cand_clear();
	free(history_path);
	history_path = NULL;
	return 0;
}
