/* reelscope engine: the workspace file — save the whole workspace to one file and open it again. */
#ifndef REELSCOPE_STORE_H
#define REELSCOPE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/error.h"
#include "reelscope/workspace.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The format version this library writes and the newest it reads. The
 * layout is described in src/lib/store/format.h. */
#define RS_STORE_VERSION 1

/* What a save or an open did. */
typedef struct rs_store_info {
	uint64_t bytes;		/* size of the file */
	uint32_t version;	/* format version of the file */
	uint32_t sections;	/* sections in the file */
	uint32_t models;	/* models saved / opened */
	uint32_t steps;		/* pipeline steps */
	uint32_t results;	/* evaluation results */
	uint32_t datasets;	/* datasets stored: 1 (current == base) or 2 */
	uint32_t shared;	/* parts of the current dataset stored as a
				   reference to the base (columns, id tables,
				   logs) instead of a second copy */
	uint32_t skipped;	/* sections of unknown optional kinds skipped */
	bool features;		/* the workspace had item features; they are
				   not in the file and must be rebuilt by the
				   pipeline's features step */
	double seconds;		/* wall time */
} rs_store_info;

typedef struct rs_store_opts {
	bool force;		/* replace any existing file, not only a
				   workspace file */
} rs_store_opts;

void rs_store_opts_init(rs_store_opts *o);

/* Write ws to path atomically: a temporary file created 0600 in the same
 * folder, written, fsync'ed, renamed over path, and the folder fsync'ed. On
 * any failure (including Ctrl-C through the progress hook) the temporary
 * file is removed and an existing file at path is left untouched. Refuses
 * to replace a file that is not a workspace file unless o->force, and never
 * replaces a folder or a non-regular file. Every model's kind must have
 * save (else an error naming the model). info may be NULL. */
int rs_store_save(const rs_workspace *ws, const char *path,
    const rs_store_opts *o, rs_store_info *info, const rs_hooks *hooks,
    rs_error *err);

/* Read the workspace file at path into a new workspace (caller owns; free
 * with rs_workspace_free). Nothing outside the new workspace is touched: on
 * failure it returns NULL with err saying why ("not a reelscope workspace",
 * "written by a newer reelscope", "truncated at byte N", "corrupt: section
 * S ..."). Every length and index in the file is checked before use, so a
 * hostile file cannot make it read past the end or allocate more than the
 * file's size per section. The features slot is left empty (info->features
 * says whether there were features to rebuild). info may be NULL. */
rs_workspace *rs_store_open(const char *path, rs_store_info *info,
    const rs_hooks *hooks, rs_error *err);

/* The same from bytes in memory (for fuzzing and tests); name is used in
 * messages. */
rs_workspace *rs_store_open_mem(const void *buf, size_t len, const char *name,
    rs_store_info *info, const rs_hooks *hooks, rs_error *err);

/* Whether path starts like a workspace file: 1 yes, 0 no (or empty), -1
 * when it cannot be read (err set). */
int rs_store_probe(const char *path, rs_error *err);

#ifdef __cplusplus
}
#endif
#endif
