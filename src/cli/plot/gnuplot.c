/* The session's gnuplot: one process started with posix_spawn (no shell), fed scripts through a pipe, restarted when it dies. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/plot/plot.h"
#include "util/xmalloc.h"

extern char **environ;

static struct {
	pid_t pid;		/* -1: not running */
	int in, out, err;	/* our ends of its stdin, stdout, stderr */
	char *prog;		/* NULL: "gnuplot" found on PATH */
	unsigned seq;		/* numbers the end markers */
	bool atexit_set;
	int timeout;		/* seconds a script gets before gnuplot is taken for hung */
} gp = { -1, -1, -1, -1, NULL, 0, false, GP_TIMEOUT_DEFAULT };

/* Set by the Ctrl-C handler (gp_set_interrupt); NULL: never interrupted. */
static const volatile sig_atomic_t *interrupt_flag;

void
gp_set_interrupt(const volatile sig_atomic_t *flag)
{
	interrupt_flag = flag;
}

const char *
gp_program(void)
{
	return gp.prog != NULL ? gp.prog : "gnuplot";
}

long
gp_pid(void)
{
	return (long)gp.pid;
}

static void
close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Reap the process, giving it a moment to leave on its own first. */
static void
reap(bool gentle)
{
	int status;

	if (gp.pid <= 0)
		return;
	for (int i = 0; gentle && i < 50; i++) {
		if (waitpid(gp.pid, &status, WNOHANG) != 0)
			goto done;
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	kill(gp.pid, SIGKILL);
	while (waitpid(gp.pid, &status, 0) < 0 && errno == EINTR)
		;
done:
	gp.pid = -1;
}

void
gp_stop(void)
{
	close_fd(&gp.in);	/* end of input: gnuplot leaves */
	reap(true);
	close_fd(&gp.out);
	close_fd(&gp.err);
}

/* Kill a process that stopped answering or whose state is unknown. */
static void
gp_kill(void)
{
	close_fd(&gp.in);
	close_fd(&gp.out);
	close_fd(&gp.err);
	reap(false);
}

void
gp_set_program(const char *path)
{
	gp_stop();
	free(gp.prog);
	gp.prog = path != NULL && strcmp(path, "gnuplot") != 0 ? xstrdup(path) :
	    NULL;
}

void
gp_set_timeout(int seconds)
{
	gp.timeout = seconds > 0 ? seconds : GP_TIMEOUT_DEFAULT;
}

int
gp_timeout(void)
{
	return gp.timeout;
}

static enum gp_status
gp_start(char *msg, size_t msgsize)
{
	int pin[2], pout[2], perr[2], rc;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, defaults;
	const char *prog = gp_program();
	char *argv[2];

	if (pipe2(pin, O_CLOEXEC) != 0)
		goto nopipe;
	if (pipe2(pout, O_CLOEXEC) != 0) {
		close(pin[0]);
		close(pin[1]);
		goto nopipe;
	}
	if (pipe2(perr, O_CLOEXEC) != 0) {
		close(pin[0]);
		close(pin[1]);
		close(pout[0]);
		close(pout[1]);
		goto nopipe;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pin[0], 0);
	posix_spawn_file_actions_adddup2(&fa, pout[1], 1);
	posix_spawn_file_actions_adddup2(&fa, perr[1], 2);
	posix_spawnattr_init(&at);
	/* its own process group: Ctrl-C at the prompt is for reelscope only */
	posix_spawnattr_setpgroup(&at, 0);
	sigemptyset(&none);
	posix_spawnattr_setsigmask(&at, &none);
	sigemptyset(&defaults);
	sigaddset(&defaults, SIGPIPE);
	sigaddset(&defaults, SIGINT);
	sigaddset(&defaults, SIGTERM);
	sigaddset(&defaults, SIGHUP);
	posix_spawnattr_setsigdefault(&at, &defaults);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP |
	    POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	argv[0] = (char *)prog;
	argv[1] = NULL;
	if (strchr(prog, '/') != NULL)
		rc = posix_spawn(&gp.pid, prog, &fa, &at, argv, environ);
	else
		rc = posix_spawnp(&gp.pid, prog, &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(pin[0]);
	close(pout[1]);
	close(perr[1]);
	if (rc != 0) {
		gp.pid = -1;
		close(pin[1]);
		close(pout[0]);
		close(perr[0]);
		if (rc == ENOENT || rc == ENOTDIR) {
			if (strchr(prog, '/') != NULL)
				snprintf(msg, msgsize, "gnuplot program %s not found", prog);
			else
				snprintf(msg, msgsize,
				    "%s not found on PATH (install gnuplot-nox, or set gnuplot=PATH)",
				    prog);
			return GP_MISSING;
		}
		snprintf(msg, msgsize, "cannot start %s: %s", prog, strerror(rc));
		return rc == EACCES ? GP_MISSING : GP_FAILED;
	}
	gp.in = pin[1];
	gp.out = pout[0];
	gp.err = perr[0];
	fcntl(gp.in, F_SETFL, fcntl(gp.in, F_GETFL) | O_NONBLOCK);
	fcntl(gp.out, F_SETFL, fcntl(gp.out, F_GETFL) | O_NONBLOCK);
	fcntl(gp.err, F_SETFL, fcntl(gp.err, F_GETFL) | O_NONBLOCK);
	if (!gp.atexit_set) {
		atexit(gp_stop);
		gp.atexit_set = true;
	}
	return GP_OK;
nopipe:
	snprintf(msg, msgsize, "cannot start gnuplot: %s", strerror(errno));
	return GP_FAILED;
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Read what fd has now into sb; false at end of file or on an error. */
static bool
drain(int fd, struct strbuf *sb)
{
	char buf[8192];

	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n > 0) {
			sb_add(sb, buf, (size_t)n);
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return true;
		if (n < 0 && errno == EINTR)
			continue;
		return false;
	}
}

enum xchg { X_DONE, X_DEAD, X_HUNG, X_INTERRUPTED };

/* Send text and read until the marker shows on stdout. A write to a
 * gnuplot that has gone raises SIGPIPE: it is blocked meanwhile and any
 * pending one taken off, so EPIPE is all reelscope sees. */
static enum xchg
exchange(const char *text, const char *marker, struct strbuf *out,
    struct strbuf *errs)
{
	size_t off = 0, len = strlen(text), mlen = strlen(marker);
	long deadline = now_ms() + gp.timeout * 1000L;
	sigset_t pipeset, old;
	enum xchg result = X_HUNG;
	char *hit;

	sigemptyset(&pipeset);
	sigaddset(&pipeset, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipeset, &old);
	for (;;) {
		struct pollfd fds[3];
		nfds_t nf = 0;
		int r;
		long left = deadline - now_ms();

		if (interrupt_flag != NULL && *interrupt_flag) {
			result = X_INTERRUPTED;
			break;
		}
		if (left <= 0)
			break;
		fds[nf++] = (struct pollfd){ gp.out, POLLIN, 0 };
		fds[nf++] = (struct pollfd){ gp.err, POLLIN, 0 };
		if (off < len)
			fds[nf++] = (struct pollfd){ gp.in, POLLOUT, 0 };
		r = poll(fds, nf, left > 200 ? 200 : (int)left);
		if (r < 0 && errno != EINTR) {
			result = X_DEAD;
			break;
		}
		if (r <= 0)
			continue;
		if (nf == 3 && fds[2].revents != 0) {
			ssize_t w = write(gp.in, text + off, len - off);
			if (w > 0)
				off += (size_t)w;
			else if (w < 0 && errno != EAGAIN && errno != EINTR) {
				result = X_DEAD;	/* EPIPE: it stopped reading */
				break;
			}
		}
		if (fds[1].revents != 0 && !drain(gp.err, errs) &&
		    !(fds[0].revents & POLLIN)) {
			result = X_DEAD;
			break;
		}
		if (fds[0].revents != 0) {
			size_t before = out->len;
			bool open = drain(gp.out, out);
			size_t from = before > mlen ? before - mlen : 0;
			if (out->s != NULL && out->len > from &&
			    (hit = memmem(out->s + from, out->len - from, marker, mlen)) != NULL) {
				out->len = (size_t)(hit - out->s);
				if (out->len > 0 && out->s[out->len - 1] == '\n')
					out->len--;
				out->s[out->len] = '\0';
				drain(gp.err, errs);	/* errors came before the marker */
				result = X_DONE;
				break;
			}
			if (!open) {
				result = X_DEAD;
				break;
			}
		}
	}
	{
		/* take off a SIGPIPE raised by the writes, then unblock */
		struct timespec zero = { 0, 0 };
		sigset_t pending;
		sigpending(&pending);
		if (sigismember(&pending, SIGPIPE))
			sigtimedwait(&pipeset, NULL, &zero);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return result;
}

/* Sort gnuplot's stderr: warnings into warn, the first error into msg.
 * Its messages look like "         line 3: undefined variable: x". */
static bool
find_error(const char *errs, struct strbuf *warn, char *msg, size_t msgsize)
{
	bool failed = false;
	const char *p = errs;

	while (p != NULL && *p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char line[1024];
		const char *t;

		snprintf(line, sizeof line, "%.*s", (int)(n < 1000 ? n : 1000), p);
		for (t = line; *t == ' ' || *t == '\t'; t++)
			;
		if (strstr(t, "warning:") != NULL || strstr(t, "Warning:") != NULL) {
			if (warn != NULL) {
				/* "line 23: warning: x" -> "gnuplot: x" */
				const char *w = strstr(t, "arning:") + 7;
				while (*w == ' ')
					w++;
				sb_puts(warn, "gnuplot: ");
				sb_puts(warn, w);
				sb_putc(warn, '\n');
			}
		} else if (!failed && strncmp(t, "line ", 5) == 0 &&
		    strchr(t, ':') != NULL) {
			const char *colon = strchr(t, ':');
			snprintf(msg, msgsize, "gnuplot: %s", colon[1] == ' ' ? colon + 2 :
			    colon + 1);
			failed = true;
		}
		p = nl ? nl + 1 : NULL;
	}
	return failed;
}

/* Why the process ended, for the message. */
static void
describe_death(struct strbuf *errs, char *msg, size_t msgsize)
{
	char last[300] = "";
	const char *p = errs->s != NULL ? errs->s : "";

	/* its last words, if any */
	for (const char *q = p; *q; ) {
		const char *nl = strchr(q, '\n');
		size_t n = nl ? (size_t)(nl - q) : strlen(q);
		const char *t = q;
		while (n > 0 && (*t == ' ' || *t == '\t')) {
			t++;
			n--;
		}
		if (n > 0)
			snprintf(last, sizeof last, "%.*s", (int)(n < 250 ? n : 250), t);
		q = nl ? nl + 1 : q + strlen(q);
	}
	snprintf(msg, msgsize, "%s stopped before finishing the plot%s%s",
	    gp_program(), *last ? ": " : "", last);
}

enum gp_status
gp_run(const char *script, struct strbuf *out, struct strbuf *warn,
    char *msg, size_t msgsize)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		struct strbuf errs;
		char marker[64], *text;
		enum gp_status st;
		enum xchg x;
		int status;

		if (gp.pid > 0 && waitpid(gp.pid, &status, WNOHANG) != 0) {
			gp.pid = -1;	/* it died since the last plot */
			gp_kill();
		}
		if (gp.pid < 0 && (st = gp_start(msg, msgsize)) != GP_OK)
			return st;
		snprintf(marker, sizeof marker, "RS-PLOT-END-%u-%ld", ++gp.seq,
		    (long)gp.pid);
		text = xasprintf("%s\nset print '-'\nprint '%s'\nset print\n", script,
		    marker);
		sb_init(&errs);
		out->len = 0;
		if (out->s != NULL)
			out->s[0] = '\0';
		x = exchange(text, marker, out, &errs);
		free(text);
		if (x == X_DONE) {
			bool failed = find_error(errs.s != NULL ? errs.s : "", warn, msg,
			    msgsize);
			sb_free(&errs);
			return failed ? GP_FAILED : GP_OK;
		}
		if (x == X_INTERRUPTED) {
			gp_kill();	/* half a script in: start afresh next time */
			snprintf(msg, msgsize, "interrupted");
			sb_free(&errs);
			return GP_FAILED;
		}
		if (x == X_HUNG) {
			gp_kill();
			snprintf(msg, msgsize,
			    "%s did not finish the plot within %d seconds (set gnuplot_timeout=SECONDS gives it longer)",
			    gp_program(), gp.timeout);
			sb_free(&errs);
			return GP_FAILED;
		}
		/* it died or stopped reading: once more with a fresh process */
		describe_death(&errs, msg, msgsize);
		sb_free(&errs);
		gp_kill();
	}
	return GP_FAILED;
}
