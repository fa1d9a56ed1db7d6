/* Temporary files next to a target, for writing it whole and renaming it into place. */
#ifndef RS_UTIL_TEMPFILE_H
#define RS_UTIL_TEMPFILE_H

#include <sys/types.h>

/* Create a new hidden file .BASE.tmp-PID-XXXXXX in path's folder (so that
 * rename stays in one file system) with the given mode, first removing
 * the ones of the same target whose process is gone (left by kill -9 or
 * out of memory; same owner, regular files only). Returns the open
 * descriptor (O_CLOEXEC) and its name in *tmp (caller frees), or -1 with
 * errno set and *tmp NULL. */
int util_temp_beside(const char *path, mode_t mode, char **tmp);

/* The folder of path ("." for a bare name, "/" for the root); caller frees. */
char *util_path_dir(const char *path);

#endif
