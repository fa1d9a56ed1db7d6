/* Temporary files next to a target: named with the writer's pid so that the ones of dead writers can be swept. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/tempfile.h"
#include "util/xmalloc.h"

char *
util_path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Remove dir's files .BASE.tmp-PID-XXXXXX whose process is gone: ours (same
 * owner) and regular. A live pid (even a reused one) keeps its file, so a
 * write running elsewhere is never touched. */
static void
sweep_stale(const char *dir, const char *base)
{
	char prefix[256];
	size_t np;
	DIR *d;
	struct dirent *e;
	int dfd;

	np = (size_t)snprintf(prefix, sizeof prefix, ".%.200s.tmp-", base);
	if ((d = opendir(dir)) == NULL)
		return;
	dfd = dirfd(d);
	while ((e = readdir(d)) != NULL) {
		const char *q = e->d_name;
		char *end;
		long pid;
		struct stat st;

		if (strncmp(q, prefix, np) != 0)
			continue;
		q += np;
		errno = 0;
		pid = strtol(q, &end, 10);
		if (errno != 0 || end == q || pid <= 0 || *end != '-' ||
		    strlen(end + 1) != 6)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode) || st.st_uid != geteuid())
			continue;
		(void)unlinkat(dfd, e->d_name, 0);
	}
	closedir(d);
}

int
util_temp_beside(const char *path, mode_t mode, char **tmp)
{
	char *dir = util_path_dir(path);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int fd, saved;

	sweep_stale(dir, base);
	*tmp = xasprintf("%s%s.%.200s.tmp-%ld-XXXXXX", dir,
	    strcmp(dir, "/") == 0 ? "" : "/", base, (long)getpid());
	free(dir);
	fd = mkostemp(*tmp, O_CLOEXEC);
	if (fd < 0) {
		saved = errno;
		free(*tmp);
		*tmp = NULL;
		errno = saved;
		return -1;
	}
	(void)fchmod(fd, mode);
	return fd;
}
