/* The interactive loop: GNU Readline (callback mode), history file, completion, Ctrl-C. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cli.h"
#include "cmd.h"
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

static void
on_line(char *line)
{
	struct session *s = repl_session;

	if (line == NULL) {	/* Ctrl-D */
		fputc('\n', stdout);
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
	if (!s->quit && !rs_terminated)
		rl_callback_handler_install(PROMPT, on_line);
}

/* ---- completion ---- */

static char **cands;
static size_t ncands, cand_pos;

static void
cand_clear(void)
{
	for (size_t i = 0; i < ncands; i++)
		free(cands[i]);
	free(cands);
	cands = NULL;
	ncands = cand_pos = 0;
}

static void
cand_add(const char *text, const char *s)
{
	if (strncmp(s, text, strlen(text)) != 0)
		return;
	for (size_t i = 0; i < ncands; i++)
		if (strcmp(cands[i], s) == 0)
			return;
	cands = xreallocarray(cands, ncands + 1, sizeof *cands);
	cands[ncands++] = xstrdup(s);
}

static char *
cand_next(const char *text, int state)
{
	(void)text;
	if (state == 0)
		cand_pos = 0;
	if (cand_pos < ncands)
		return xstrdup(cands[cand_pos++]);
	return NULL;
}

static void
add_columns(const char *text, const char *prefix)
{
	const rs_dataset *ds = session_peek(repl_session);
	const rs_table *t[3];

	if (ds == NULL)
		return;
	t[0] = &ds->log.cols;
	t[1] = &ds->item_tbl;
	t[2] = &ds->user_tbl;
	for (int k = 0; k < 3; k++)
		for (size_t j = 0; j < t[k]->ncols; j++) {
			char *c = xasprintf("%s%s", prefix, t[k]->cols[j]->name);
			cand_add(text, c);
			free(c);
		}
}

/* Paths for the part of text after prefix (e.g. "items="). */
static void
add_paths(const char *text, const char *prefix)
{
	const char *part = text + strlen(prefix);
	char *m;
	int state = 0;

	while ((m = rl_filename_completion_function(part, state++)) != NULL) {
		char *exp = tilde_expand(m);
		struct stat st;
		bool dir = stat(exp, &st) == 0 && S_ISDIR(st.st_mode);
		char *c = xasprintf("%s%s%s", prefix, m, dir ? "/" : "");
		cand_add(text, c);
		free(c);
		free(exp);
		free(m);
	}
}

static char **
complete(const char *text, int start, int end)
{
	char *upto, *save = NULL, *first = NULL, err[256];
	const struct cmd_entry *e;
	int nwords = 0;
	const char *eq;

	(void)end;
	rl_attempted_completion_over = 1;
	cand_clear();
	upto = xstrndup(rl_line_buffer, (size_t)start);
	{
		char *semi = strrchr(upto, ';');
		char *seg = semi ? semi + 1 : upto;
		for (char *w = strtok_r(seg, " \t", &save); w != NULL;
		    w = strtok_r(NULL, " \t", &save)) {
			if (nwords++ == 0)
				first = xstrdup(w);
		}
	}
	free(upto);
	if (nwords == 0) {
		for (size_t i = 0; cmd_table[i] != NULL; i++)
			cand_add(text, cmd_table[i]->name);
		goto done;
	}
	e = cmd_find(first, err, sizeof err);
	if (e == NULL)
		goto done;
	if (strncmp(text, "--", 2) == 0) {
		for (const struct cmd_opt *o = e->opts; o && o->name; o++)
			if (o->type == OPT_FLAG) {
				char *f = xasprintf("--%s", o->name);
				cand_add(text, f);
				free(f);
			}
		goto done;
	}
	if ((eq = strchr(text, '=')) != NULL) {
		char *key = xstrndup(text, (size_t)(eq - text) + 1);
		for (const struct cmd_opt *o = e->opts; o && o->name; o++) {
			if (strncmp(o->name, text, (size_t)(eq - text)) != 0 ||
			    strlen(o->name) != (size_t)(eq - text))
				continue;
			if (o->type == OPT_ENUM || o->type == OPT_BOOL) {
				const char *vals = o->type == OPT_BOOL ? "yes|no" : o->values;
				const char *p = vals;
				while (p && *p) {
					const char *bar = strchr(p, '|');
					size_t n = bar ? (size_t)(bar - p) : strlen(p);
					char *c = xasprintf("%s%.*s", key, (int)n, p);
					cand_add(text, c);
					free(c);
					p = bar ? bar + 1 : NULL;
				}
			} else if (o->type == OPT_PATH)
				add_paths(text, key);
			else if (o->type == OPT_COLUMN || o->type == OPT_STR ||
			    o->type == OPT_STRS)
				add_columns(text, key);
		}
		free(key);
		rl_completion_suppress_append = 1;
		goto done;
	}
	for (const struct cmd_opt *o = e->opts; o && o->name; o++)
		if (o->type != OPT_FLAG) {
			char *k = xasprintf("%s=", o->name);
			cand_add(text, k);
			free(k);
		}
	switch (e->args) {
	case ARG_PATH:
		add_paths(text, "");
		break;
	case ARG_COMMAND:
		for (size_t i = 0; cmd_table[i] != NULL; i++)
			cand_add(text, cmd_table[i]->name);
		break;
	case ARG_COLUMN:
		add_columns(text, "");
		break;
	default:
		break;
	}
	if (ncands == 1 && (cands[0][strlen(cands[0]) - 1] == '=' ||
	    cands[0][strlen(cands[0]) - 1] == '/'))
		rl_completion_suppress_append = 1;
done:
	free(first);
	if (ncands == 0)
		return NULL;
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
