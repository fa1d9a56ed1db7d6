/* reelscope engine: error values, progress and note hooks shared by every module. */
#ifndef REELSCOPE_ERROR_H
#define REELSCOPE_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes carried by rs_error. */
enum rs_errcode {
	RS_OK = 0,
	RS_EIO,		/* a file could not be opened, read or written */
	RS_EPARSE,	/* malformed input; the message names file, line, column */
	RS_EINVAL,	/* a parameter is out of range or of the wrong type */
	RS_ESTATE,	/* the operation needs state that is missing (no dataset...) */
	RS_ECANCEL,	/* the user interrupted the work (Ctrl-C) */
	RS_ENOMEM	/* reserved: out of memory is fatal, see rs_set_oom_handler */
};

/* An error value. Functions that can fail take an rs_error * (which may be
 * NULL when the caller does not care) and return -1 or NULL after filling it.
 * The message is one line without a trailing newline or "error:" prefix. */
typedef struct rs_error {
	int code;
	char msg[1024];
} rs_error;

void rs_error_clear(rs_error *err);
void rs_error_set(rs_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Progress callback: done out of total units of the named task (total may be
 * 0 when unknown). Return nonzero to ask the engine to stop (Ctrl-C). */
typedef int (*rs_progress_fn)(void *ctx, const char *task, double done,
    double total);

/* Note callback: a decision or warning the engine wants the user to see. */
enum rs_note_level { RS_NOTE_INFO, RS_NOTE_WARN };
typedef void (*rs_note_fn)(void *ctx, int level, const char *msg);

/* Hooks the front end passes to long-running engine calls. Any member may
 * be NULL. The engine never prints: it only calls these. */
typedef struct rs_hooks {
	rs_progress_fn progress;
	rs_note_fn note;
	void *ctx;
} rs_hooks;

/* Convenience wrappers the engine uses; safe with a NULL hooks pointer. */
int rs_hooks_progress(const rs_hooks *h, const char *task, double done,
    double total);
void rs_hooks_note(const rs_hooks *h, int level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Out of memory is the only fatal path. The handler is called with the size
 * that could not be allocated and must not return (the front end restores
 * the terminal, prints "out of memory" and exits). Default: abort(). */
void rs_set_oom_handler(void (*handler)(size_t size));

/* Library version string, e.g. "0.1.0". */
const char *rs_version(void);

#ifdef __cplusplus
}
#endif
#endif
