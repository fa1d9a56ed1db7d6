/* Internal: the workspace file format, its section framing, and the encoders/decoders the store modules share.
 *
 * A workspace file, every integer little-endian, every float its IEEE bits:
 *
 *   header   32 bytes
 *     0  magic "\x89RSW\r\n\x1a\n"      (8)  binary, and mangled by text-mode copies
 *     8  u32 version                    (1)
 *    12  u32 crc32 of the header but these 4 bytes (0..12 and 16..32)
 *    16  u32 header length (32), u32 flags (0), u64 file length
 *        (magic, version, checksum and header length keep their places in
 *        every version, so a reader tells "newer" from "damaged")
 *   sections, one after another; each
 *     0  u32 type (four ASCII letters, e.g. "COLM" read as little-endian)
 *     4  u32 flags: bit 0 = required (a reader that does not know the type
 *        must refuse the file; unknown types without it are skipped)
 *     8  u64 payload length
 *    16  u32 crc32 of the payload
 *    20  u32 crc32 of bytes 0..20 of this section header
 *    24  payload
 *   trailer  24 bytes
 *     0  magic "RSWEND\r\n", u32 sections, u32 crc32 of every byte before
 *        the trailer, u64 file length
 *
 * Checksums are zlib's crc32 (CRC-32/ISO-HDLC). The sections, in order:
 *
 *   WSPC  the workspace: writer version, the script that made base (the
 *         text of SRC; all there is in files without SRC), flags, counts
 *   WSID  optional: the workspace's id (rs_workspace_id) as a string;
 *         save replaces a file of another id only with force. Files
 *         without it (before 0.3) are replaced as any workspace file.
 *   SRC   optional, when something made base: what did, as commands: u32
 *         count, per command u32 kind (rs_source_kind), u32 step kind
 *         (rs_step_kind for a step, else 0), u32 parameters, each key and
 *         value as in OPS. Readers that skip it read the script from WSPC;
 *         without it, the script is read into commands (rs_source_parse).
 *   OPS   the pipeline steps as operations: per step u32 kind
 *         (rs_step_kind), u32 parameters, each key and value (either may
 *         be null: a positional word, a flag), then summary and counts.
 *         Files of 0.1.0 have STEP here instead (the command as typed,
 *         summary, counts); the reader parses each command into an op.
 *   the base dataset (DSET role 0), then the current one (DSET role 1)
 *   unless it is the base; a dataset is
 *     DSET  strings, notes, split, item_creator, dirt, which logs follow
 *     IDS   x3   users, items, creators
 *     TABL + COLM...   item table, then user table
 *     LOGH + COLM...   interaction log, observed block, heldout, heldout_valid
 *   per model: MODL (name, kind, params, popularity, history), MTRN (its
 *   training matrix, or "same as model k"), MSTA (the kind's bytes)
 *   per evaluation result: EVAL (optional: a reader may skip results)
 *   per stream result: STRM (optional): its description, windows, and
 *   per strategy the overall and per-window figures
 *
 * New kinds of content (audits, ...) get new section types after these;
 * marked optional when a reader that skips them still has a sound session.
 *
 * Parts of the current dataset that equal the base are references: an id
 * table or log "same as base", a table column "base column j", and a log
 * whose rows are a subsequence of the base log as a bitmap of kept base
 * rows plus, per column, "base column j at the kept rows" or the column.
 */
#ifndef RS_STORE_FORMAT_H
#define RS_STORE_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/error.h"
#include "reelscope/store.h"

#define ST_MAGIC "\x89RSW\r\n\x1a\n"
#define ST_END_MAGIC "RSWEND\r\n"
#define ST_HEADER_LEN 32
#define ST_SECTION_LEN 24
#define ST_TRAILER_LEN 24

#define ST_TYPE(a, b, c, d) ((uint32_t)(a) | (uint32_t)(b) << 8 | \
	(uint32_t)(c) << 16 | (uint32_t)(d) << 24)
#define ST_WSPC ST_TYPE('W', 'S', 'P', 'C')
#define ST_SRC  ST_TYPE('S', 'R', 'C', ' ')	/* what made base, as commands */
#define ST_STEP ST_TYPE('S', 'T', 'E', 'P')	/* steps as command text (0.1.0) */
#define ST_OPS  ST_TYPE('O', 'P', 'S', ' ')	/* steps as typed operations */
#define ST_DSET ST_TYPE('D', 'S', 'E', 'T')
#define ST_IDS  ST_TYPE('I', 'D', 'S', ' ')
#define ST_TABL ST_TYPE('T', 'A', 'B', 'L')
#define ST_COLM ST_TYPE('C', 'O', 'L', 'M')
#define ST_LOGH ST_TYPE('L', 'O', 'G', 'H')
#define ST_MODL ST_TYPE('M', 'O', 'D', 'L')
#define ST_MTRN ST_TYPE('M', 'T', 'R', 'N')
#define ST_MSTA ST_TYPE('M', 'S', 'T', 'A')
#define ST_EVAL ST_TYPE('E', 'V', 'A', 'L')
#define ST_STRM ST_TYPE('S', 'T', 'R', 'M')
#define ST_WSID ST_TYPE('W', 'S', 'I', 'D')	/* the workspace's id */

#define ST_REQUIRED 1u

/* A NULL string is written with this length. */
#define ST_NULL_STR UINT32_MAX

/* ---- writing ---- */

/* One section's payload: owned bytes and borrowed arrays, in order. */
struct st_piece {
	const void *ptr;	/* borrowed, or NULL: own[off .. off + len) */
	size_t off, len;
};

struct st_out {
	unsigned char *own;	/* bytes encoded here */
	size_t olen, ocap;
	struct st_piece *pieces;
	size_t npieces, pcap;
	uint64_t len;		/* payload length so far */
};

void st_out_reset(struct st_out *o);
void st_out_free(struct st_out *o);
void st_put_u8(struct st_out *o, uint8_t v);
void st_put_u32(struct st_out *o, uint32_t v);
void st_put_i32(struct st_out *o, int32_t v);
void st_put_u64(struct st_out *o, uint64_t v);
void st_put_f64(struct st_out *o, double v);
void st_put_str(struct st_out *o, const char *s);	/* NULL allowed */
void st_put_bytes(struct st_out *o, const void *p, size_t n);
/* Arrays of n elements of 1, 2, 4 or 8 bytes (integers or IEEE floats):
 * borrowed as they are on a little-endian host, converted otherwise. The
 * memory must stay alive until the section is written. */
void st_put_array(struct st_out *o, const void *p, size_t n, size_t size);

/* The file being written. */
struct st_writer {
	int fd;
	const char *path;	/* as given, for messages */
	char *tmp;		/* the temporary file */
	uint64_t pos;		/* bytes written */
	uint32_t crc;		/* crc32 of the bytes after the header */
	uint32_t nsections;
	uint64_t estimate;	/* expected size, for progress */
	struct st_out out;	/* the section being built */
	const rs_hooks *hooks;
	rs_error *err;
	rs_store_info *info;
};

/* Write the built section (out) with its header; out is reset. */
int st_write_section(struct st_writer *w, uint32_t type, uint32_t flags);
/* Create the temporary file next to path (checking what path is now:
 * a workspace, or anything with force) and reserve the header. */
int st_file_begin(struct st_writer *w, const char *path, bool force);
/* Header and trailer, fsync, rename over path, fsync the folder. */
int st_file_finish(struct st_writer *w);
/* After a failure: close and remove the temporary file. */
void st_file_abort(struct st_writer *w);

/* ---- reading ---- */

struct st_reader {
	int fd;			/* or -1 for memory */
	const unsigned char *mem;
	const char *name;	/* path for messages */
	uint64_t size;		/* file length (as the header says and checked) */
	uint64_t pos;		/* bytes consumed */
	uint64_t end;		/* where the trailer starts */
	uint32_t crc;		/* crc32 of every byte consumed */
	uint32_t nsections;	/* sections read */
	unsigned char *buf;	/* the current section's payload */
	size_t bufcap;
	const rs_hooks *hooks;
	rs_error *err;
	rs_store_info *info;
	/* the next section's header, read ahead */
	unsigned char hdr[ST_SECTION_LEN];
	bool have_hdr, at_end;
	uint64_t hdr_pos, hdr_len;
	uint32_t hdr_type, hdr_flags;
};

/* A cursor over one verified payload. */
struct st_in {
	const unsigned char *p;
	size_t len, pos;
	uint32_t section;	/* its number (1-based) and type, for messages */
	uint32_t type;
	struct st_reader *r;
};

/* Open path for reading (r->err, r->info set by the caller). */
int st_file_open(struct st_reader *r, const char *path);
/* Check the magic, version, header checksum and the file's length. */
int st_read_header(struct st_reader *r);
/* After the last section: the trailer, the section count and the
 * whole-file checksum. */
int st_read_trailer(struct st_reader *r);
void st_reader_close(struct st_reader *r);
/* Read and verify the payload of the header read ahead. */
int st_read_payload(struct st_reader *r, struct st_in *in);
/* Whether this reader knows sections of type t (workspace.c). */
bool st_known_type(uint32_t t);

/* Read the next section, which must be of type want (unknown optional
 * sections before it are skipped); its payload is checked against its
 * checksum. -1 with the error set otherwise. */
int st_read_section(struct st_reader *r, uint32_t want, struct st_in *in);
/* Whether the next section is of type t (without consuming it); unknown
 * optional sections are skipped first. -1 on a read error. */
int st_peek_section(struct st_reader *r, uint32_t t);

/* Decoders: false with "corrupt: section N (TYPE): ..." when the payload
 * ends too soon. */
bool st_get_u8(struct st_in *in, uint8_t *v);
bool st_get_bool(struct st_in *in, bool *v);
bool st_get_u32(struct st_in *in, uint32_t *v);
bool st_get_i32(struct st_in *in, int32_t *v);
bool st_get_u64(struct st_in *in, uint64_t *v);
bool st_get_f64(struct st_in *in, double *v);
/* A string (owned, NUL-terminated; NULL for the null string); a string
 * with a NUL byte inside is refused. */
bool st_get_str(struct st_in *in, char **s);
/* n elements of size bytes into a new array (caller owns), refused before
 * allocating when fewer bytes are left. */
bool st_get_array(struct st_in *in, uint64_t n, size_t size, void **out);
/* A pointer to the next n bytes (valid until the next section). */
bool st_get_raw(struct st_in *in, uint64_t n, const unsigned char **p);
/* Fail with "corrupt: section N (TYPE): <message>". */
bool st_corrupt(struct st_in *in, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The section must be used up exactly. */
bool st_get_end(struct st_in *in);
/* The type as four letters. */
const char *st_type_name(uint32_t type, char buf[8]);

/* ---- the dataset and the models (dataset.c, model.c) ---- */

struct rs_dataset;
struct rs_model;

/* Write ds; when base is not NULL, ds is the current state and parts equal
 * to the base are written as references. */
int st_write_dataset(struct st_writer *w, const struct rs_dataset *ds,
    const struct rs_dataset *base);
/* Read a dataset (base NULL: the base itself). NULL on failure. */
struct rs_dataset *st_read_dataset(struct st_reader *r,
    const struct rs_dataset *base);

int st_write_model(struct st_writer *w, const struct rs_model *m,
    struct rs_model *const *earlier, size_t nearlier);
struct rs_model *st_read_model(struct st_reader *r,
    struct rs_model *const *earlier, size_t nearlier);

/* Evaluation results (result.c), read after the models they describe. */
struct rs_eval_result;
struct rs_workspace;
int st_write_result(struct st_writer *w, const struct rs_eval_result *res);
struct rs_eval_result *st_read_result(struct st_reader *r,
    const struct rs_workspace *ws);

/* Prequential replays (stream.c), after the results. */
struct rs_stream_result;
int st_write_stream(struct st_writer *w, const struct rs_stream_result *r);
struct rs_stream_result *st_read_stream(struct st_reader *r);

#endif
