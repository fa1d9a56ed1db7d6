/* reelscope: command-line entry — options, batch modes (script, -c, stdin) and the REPL. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <termios.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "plot/plot.h"
#include "tui/tui.h"
#include "util/xmalloc.h"

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: reelscope [options] [SCRIPT]\n"
	    "\n"
	    "  (no argument)     interactive REPL on a terminal; commands from stdin otherwise\n"
	    "  SCRIPT, -f FILE   run the commands in FILE, then exit\n"
	    "  -c \"CMD; CMD\"     run the commands, then exit\n"
	    "  -i                stay interactive after -c or -f\n"
	    "  --json            print each command's result as one JSON object per line\n"
	    "  --keep-going      in batch, go on after a failed command\n"
	    "  --echo            print each command (\"> CMD\") before its output\n"
	    "  --no-progress     never show progress bars\n"
	    "  --tui             open the dashboard (after -c or a script), then the REPL\n"
	    "  --version         print the version and exit\n"
	    "  --help            print this help and exit\n"
	    "\n"
	    "Exit status: 0 every command succeeded, 1 a command failed, 2 usage error.\n"
	    "Type \"help\" inside reelscope for the commands; see reelscope(1).\n");
}

static void
on_oom(size_t size)
{
	tui_emergency_restore();
	fprintf(stderr, "reelscope: out of memory (allocating %zu bytes)\n", size);
	_exit(1);
}

/* The terminal as the session found it, for a second signal that ends
 * the process on the spot: the dashboard restores its own screen, but the
 * first signal may have handed the terminal to readline (raw mode, no echo)
 * on the way out. */
static struct termios start_tty;
static volatile sig_atomic_t have_start_tty;

/* End now with the signal's default action, the terminal given back first
 * (async-signal-safe calls only). */
static void
leave_now(int sig)
{
	tui_emergency_restore();
	if (have_start_tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &start_tty);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
on_sigint(int sig)
{
	if (rs_interrupted)
		leave_now(sig);	/* a second Ctrl-C while work ignores the first */
	rs_interrupted = 1;
}

static void
on_sigterm(int sig)
{
	if (rs_terminated)
		leave_now(sig);
	rs_terminated = 1;
	rs_interrupted = 1;	/* stop the running work cleanly first */
}

/* Run every line of f; returns false when a command failed (and stops
 * there unless keep_going). */
static bool
run_stream(struct session *s, FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	bool ok = true;

	while (!s->quit && !rs_terminated && (n = getline(&line, &cap, f)) >= 0) {
		if (!session_run_line(s, line)) {
			ok = false;
			if (!s->keep_going)
				break;
		}
	}
	free(line);
	return ok;
}

static bool
run_script(struct session *s, const char *path, int *status)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	bool ok;

	if (f == NULL) {
		fprintf(stderr, "reelscope: cannot open script %s: %s\n", path,
		    strerror(errno));
		*status = 2;
		return false;
	}
	ok = run_stream(s, f);
	if (f != stdin)
		fclose(f);
	return ok;
}

/* What the command line asks for, besides the session's own switches. */
struct invocation {
	const char *cmds, *script;	/* -c, or a script (-f, or the argument) */
	bool stay;			/* -i: the REPL after them */
	bool no_progress, tui;
};

/* Read the options into s and inv. Returns -1 to go on, else the exit
 * status (after --version, --help, the generated lists, or a usage error). */
static int
parse_options(int argc, char **argv, struct session *s, struct invocation *inv)
{
	enum { OPT_JSON = 256, OPT_KEEP, OPT_ECHO, OPT_NOPROG, OPT_VERSION,
	    OPT_HELP, OPT_MAN, OPT_TUI, OPT_MAN_KINDS, OPT_MD_KINDS };
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "keep-going", no_argument, NULL, OPT_KEEP },
		{ "echo", no_argument, NULL, OPT_ECHO },
		{ "no-progress", no_argument, NULL, OPT_NOPROG },
		{ "tui", no_argument, NULL, OPT_TUI },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "man-commands", no_argument, NULL, OPT_MAN },
		{ "man-kinds", no_argument, NULL, OPT_MAN_KINDS },
		{ "markdown-kinds", no_argument, NULL, OPT_MD_KINDS },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+c:f:i", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			inv->cmds = optarg;
			break;
		case 'f':
			inv->script = optarg;
			break;
		case 'i':
			inv->stay = true;
			break;
		case OPT_JSON:
			s->json = true;
			break;
		case OPT_KEEP:
			s->keep_going = true;
			break;
		case OPT_ECHO:
			s->echo = true;
			break;
		case OPT_NOPROG:
			inv->no_progress = true;
			break;
		case OPT_TUI:
			inv->tui = inv->stay = true;
			break;
		case OPT_VERSION:
			printf("reelscope %s\n", rs_version());
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		case OPT_HELP:
			usage(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		case OPT_MAN:
			help_print_man_commands(cmd_table, stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		case OPT_MAN_KINDS:
			help_print_man_kinds(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		case OPT_MD_KINDS:
			help_print_markdown_kinds(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		default:
			if (optopt == 'c' || optopt == 'f')
				fprintf(stderr, "reelscope: -%c needs an argument\n", optopt);
			else if (optopt != 0)
				fprintf(stderr, "reelscope: unknown option -%c\n", optopt);
			else
				fprintf(stderr, "reelscope: unknown option %s\n",
				    argv[optind - 1]);
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		if (inv->script != NULL || optind + 1 < argc) {
			fprintf(stderr, "reelscope: give one script at most\n");
			usage(stderr);
			return 2;
		}
		inv->script = argv[optind];
	}
	if (inv->cmds != NULL && inv->script != NULL) {
		fprintf(stderr, "reelscope: give either -c or a script, not both\n");
		return 2;
	}
	if (inv->tui && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr, "reelscope: --tui needs a terminal\n");
		return 2;
	}
	return -1;
}

/* Ctrl-C stops the running work; SIGTERM and SIGHUP stop it and end the
 * session; a running plot gives up on the same flag. */
static void
install_signals(void)
{
	struct sigaction sa;

	if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &start_tty) == 0)
		have_start_tty = 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	/* a polite kill stops the running work the same way, so nothing is
	 * left half-written, then ends the session; a second one ends it now */
	sa.sa_handler = on_sigterm;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	gp_set_interrupt(&rs_interrupted);
}

/* Options, then -c or the script, then the REPL or stdin; the exit status
 * says whether every command succeeded. */
int
main(int argc, char **argv)
{
	struct session s = { 0 };
	struct invocation inv = { NULL, NULL, false, false, false };
	const char *cmds, *script;
	bool ok = true;
	int status = 0, done;

	s.commands = cmd_table;
	s.out = stdout;
	s.err = stderr;
	if ((done = parse_options(argc, argv, &s, &inv)) >= 0)
		return done;
	cmds = inv.cmds;
	script = inv.script;
	rs_set_oom_handler(on_oom);
	s.ws = rs_workspace_new();	/* after the checks that return early */
	install_signals();
	s.progress = !inv.no_progress && !s.json && isatty(STDERR_FILENO);

	if (cmds != NULL)
		ok = session_run_line(&s, cmds) && !rs_terminated;
	else if (script != NULL)
		ok = run_script(&s, script, &status);
	if (status == 2) {
		session_free(&s);
		return 2;
	}
	if (!rs_terminated && ((cmds == NULL && script == NULL) || (inv.stay && !s.quit))) {
		if (isatty(STDIN_FILENO)) {
			s.interactive = true;
			if (inv.tui)
				session_run_line(&s, "dashboard");
			repl_run(&s);
			ok = true;	/* failures in the REPL are the user's to see */
		} else if (cmds == NULL && script == NULL) {
			ok = run_stream(&s, stdin);
		}
	}
	session_free(&s);
	fflush(stdout);
	if (ferror(stdout))
		return 1;
	return ok && (s.failures == 0 || s.interactive) ? 0 : 1;
}
