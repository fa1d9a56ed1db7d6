/* Workspace files on disk: atomic writing (temp file, fsync, rename), the header, framed sections with checksums, the trailer. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "store/format.h"
#include "util/tempfile.h"
#include "util/xmalloc.h"

/* Section kinds this reader knows; the others are skipped unless marked
 * required (see the format notes in format.h). */
bool
st_known_type(uint32_t t)
{
	/* new section kinds (evaluation results, audits...) are added here and
	   in the reader; older readers skip them unless marked required */
	static const uint32_t known[] = { ST_WSPC, ST_SRC, ST_STEP, ST_OPS, ST_DSET, ST_IDS, ST_TABL,
		ST_COLM, ST_LOGH, ST_MODL, ST_MTRN, ST_MSTA, ST_EVAL, ST_STRM, ST_WSID };

	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (known[i] == t)
			return true;
	return false;
}

/* Writes go out in pieces of at most this much, so Ctrl-C is seen. */
#define CHUNK ((size_t)8 << 20)

static void
le_put(unsigned char *p, uint64_t v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t
le_get(const unsigned char *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static uint32_t
crc_of(const void *p, size_t n)
{
	uint32_t c = (uint32_t)crc32(0L, Z_NULL, 0);
	const unsigned char *b = p;

	/* zlib takes uInt lengths */
	while (n > 0) {
		uInt k = n > (1u << 30) ? (1u << 30) : (uInt)n;
		c = (uint32_t)crc32(c, b, k);
		b += k;
		n -= k;
	}
	return c;
}

static uint32_t
crc_cat(uint32_t a, uint32_t b, uint64_t blen)
{
	return (uint32_t)crc32_combine(a, b, (z_off_t)blen);
}

/* crc32 of a header of hlen bytes, all but the checksum itself (bytes
 * 12..16), so that a damaged version number is seen as damage. */
static uint32_t
header_crc(const unsigned char *h, size_t hlen)
{
	return crc_cat(crc_of(h, 12), crc_of(h + 16, hlen - 16), hlen - 16);
}

/* ---- writing ---- */

/* write() all of p, retrying on EINTR and short writes. */
static int
write_all(struct st_writer *w, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n > 0) {
		ssize_t k = write(w->fd, b, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			rs_error_set(w->err, RS_EIO, "cannot write %s: %s", w->path,
			    k < 0 ? strerror(errno) : "no progress");
			return -1;
		}
		b += k;
		n -= (size_t)k;
		w->pos += (uint64_t)k;
	}
	return 0;
}

static int
write_progress(struct st_writer *w)
{
	if (rs_hooks_progress(w->hooks, "save", (double)w->pos,
	    (double)(w->estimate > w->pos ? w->estimate : w->pos))) {
		rs_error_set(w->err, RS_ECANCEL, "save interrupted");
		return -1;
	}
	return 0;
}

int
st_write_section(struct st_writer *w, uint32_t type, uint32_t flags)
{
	unsigned char h[ST_SECTION_LEN];
	struct st_out *o = &w->out;
	uint32_t pcrc = (uint32_t)crc32(0L, Z_NULL, 0);

	for (size_t i = 0; i < o->npieces; i++) {
		const struct st_piece *pc = &o->pieces[i];
		const unsigned char *p = pc->ptr ? pc->ptr : o->own + pc->off;
		pcrc = crc_cat(pcrc, crc_of(p, pc->len), pc->len);
	}
	le_put(h, type, 4);
	le_put(h + 4, flags, 4);
	le_put(h + 8, o->len, 8);
	le_put(h + 16, pcrc, 4);
	le_put(h + 20, crc_of(h, 20), 4);
	w->crc = crc_cat(w->crc, crc_of(h, sizeof h), sizeof h);
	w->crc = crc_cat(w->crc, pcrc, o->len);
	if (write_all(w, h, sizeof h) != 0)
		return -1;
	for (size_t i = 0; i < o->npieces; i++) {
		const struct st_piece *pc = &o->pieces[i];
		const unsigned char *p = pc->ptr ? pc->ptr : o->own + pc->off;
		for (size_t done = 0; done < pc->len; done += CHUNK) {
			size_t k = pc->len - done < CHUNK ? pc->len - done : CHUNK;
			if (write_all(w, p + done, k) != 0 || write_progress(w) != 0)
				return -1;
		}
	}
	w->nsections++;
	st_out_reset(o);
	return 0;
}

int
st_file_begin(struct st_writer *w, const char *path, bool force)
{
	struct stat st;
	unsigned char zero[ST_HEADER_LEN] = { 0 };

	if (path[0] == '\0' || path[strlen(path) - 1] == '/') {
		rs_error_set(w->err, RS_EINVAL, "%s: give a file name to save to", path);
		return -1;
	}
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			rs_error_set(w->err, RS_EINVAL, "%s is a folder; give a file name",
			    path);
			return -1;
		}
		if (!S_ISREG(st.st_mode)) {
			rs_error_set(w->err, RS_EINVAL,
			    "%s exists and is not a regular file; not replaced", path);
			return -1;
		}
		if (!force) {
			rs_error err;
			int isws = rs_store_probe(path, &err);
			if (isws < 0) {
				rs_error_set(w->err, err.code, "%s", err.msg);
				return -1;
			}
			if (isws == 0) {
				rs_error_set(w->err, RS_EINVAL,
				    "%s exists and is not a reelscope workspace; give --force to replace it",
				    path);
				return -1;
			}
		}
	}
	w->fd = util_temp_beside(path, 0600, &w->tmp);
	if (w->fd < 0) {
		rs_error_set(w->err, RS_EIO, "cannot save %s: cannot create a file in its folder: %s",
		    path, strerror(errno));
		return -1;
	}
	w->path = path;
	w->pos = 0;
	w->crc = (uint32_t)crc32(0L, Z_NULL, 0);
	/* the header is written last, when the length is known */
	return write_all(w, zero, sizeof zero);
}

/* Remove the temporary file after a failure. */
void
st_file_abort(struct st_writer *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
	if (w->tmp != NULL)
		unlink(w->tmp);
	free(w->tmp);
	w->tmp = NULL;
}

int
st_file_finish(struct st_writer *w)
{
	unsigned char h[ST_HEADER_LEN], t[ST_TRAILER_LEN];
	uint64_t total = w->pos + ST_TRAILER_LEN;
	uint32_t whole;
	char *dir;
	int dfd;

	memcpy(h, ST_MAGIC, 8);
	le_put(h + 8, RS_STORE_VERSION, 4);
	le_put(h + 16, ST_HEADER_LEN, 4);
	le_put(h + 20, 0, 4);
	le_put(h + 24, total, 8);
	le_put(h + 12, header_crc(h, ST_HEADER_LEN), 4);
	/* every byte before the trailer: the header, then what followed it */
	whole = crc_cat(crc_of(h, sizeof h), w->crc, w->pos - ST_HEADER_LEN);
	memcpy(t, ST_END_MAGIC, 8);
	le_put(t + 8, w->nsections, 4);
	le_put(t + 12, whole, 4);
	le_put(t + 16, total, 8);
	if (write_all(w, t, sizeof t) != 0)
		return -1;
	if (pwrite(w->fd, h, sizeof h, 0) != (ssize_t)sizeof h) {
		rs_error_set(w->err, RS_EIO, "cannot write %s: %s", w->path,
		    strerror(errno));
		return -1;
	}
	if (fsync(w->fd) != 0) {
		rs_error_set(w->err, RS_EIO, "cannot save %s: fsync: %s", w->path,
		    strerror(errno));
		return -1;
	}
	if (close(w->fd) != 0) {
		w->fd = -1;
		rs_error_set(w->err, RS_EIO, "cannot save %s: close: %s", w->path,
		    strerror(errno));
		return -1;
	}
	w->fd = -1;
	if (rename(w->tmp, w->path) != 0) {
		rs_error_set(w->err, RS_EIO, "cannot save %s: rename: %s", w->path,
		    strerror(errno));
		return -1;
	}
	free(w->tmp);
	w->tmp = NULL;
	/* make the rename itself durable */
	dir = util_path_dir(w->path);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		if (fsync(dfd) != 0 && errno != EINVAL)
			rs_hooks_note(w->hooks, RS_NOTE_WARN,
			    "saved %s, but syncing its folder failed: %s", w->path,
			    strerror(errno));
		close(dfd);
	}
	free(dir);
	if (w->info != NULL) {
		w->info->bytes = total;
		w->info->sections = w->nsections;
		w->info->version = RS_STORE_VERSION;
	}
	return 0;
}

/* ---- reading ---- */

/* Read n bytes at the current position into dst. */
static int
src_read(struct st_reader *r, void *dst, size_t n)
{
	unsigned char *d = dst;
	size_t got = 0;

	if (r->fd < 0) {
		memcpy(d, r->mem + r->pos, n);
		r->pos += n;
		return 0;
	}
	while (got < n) {
		ssize_t k = read(r->fd, d + got, n - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			rs_error_set(r->err, RS_EIO, "cannot read %s: %s", r->name,
			    strerror(errno));
			return -1;
		}
		if (k == 0) {
			/* the file shrank while we read it */
			rs_error_set(r->err, RS_EPARSE, "%s: truncated at byte %llu",
			    r->name, (unsigned long long)(r->pos + got));
			return -1;
		}
		got += (size_t)k;
	}
	r->pos += n;
	return 0;
}

/* Whether the bytes look like text, for the "not a workspace" hint. */
static bool
looks_like_text(const unsigned char *p, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (p[i] < 0x09 || (p[i] > 0x0d && p[i] < 0x20) || p[i] == 0x7f)
			return false;
	return true;
}

static int
not_workspace(struct st_reader *r, const unsigned char *p, size_t n)
{
	rs_error_set(r->err, RS_EPARSE, "%s: not a reelscope workspace%s", r->name,
	    looks_like_text(p, n) ?
	    " (it is a text file; load reads data files)" : "");
	return -1;
}

int
st_file_open(struct st_reader *r, const char *path)
{
	struct stat st;

	r->name = path;
	r->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (r->fd < 0) {
		rs_error_set(r->err, RS_EIO, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(r->fd, &st) != 0) {
		rs_error_set(r->err, RS_EIO, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		rs_error_set(r->err, RS_EINVAL, "%s is a folder, not a workspace file",
		    path);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		rs_error_set(r->err, RS_EINVAL, "%s is not a regular file", path);
		return -1;
	}
	r->size = (uint64_t)st.st_size;
	return 0;
}

int
st_read_header(struct st_reader *r)
{
	unsigned char h[ST_HEADER_LEN];
	size_t have = r->size < sizeof h ? (size_t)r->size : sizeof h;
	uint32_t version, hlen;
	uint64_t flen;

	if (r->size == 0) {
		rs_error_set(r->err, RS_EPARSE, "%s: not a reelscope workspace (the file is empty)",
		    r->name);
		return -1;
	}
	if (src_read(r, h, have) != 0)
		return -1;
	if (memcmp(h, ST_MAGIC, have < 8 ? have : 8) != 0)
		return not_workspace(r, h, have);
	if (have < sizeof h) {
		rs_error_set(r->err, RS_EPARSE,
		    "%s: truncated at byte %zu (a workspace header alone is %d bytes)",
		    r->name, have, ST_HEADER_LEN);
		return -1;
	}
	version = (uint32_t)le_get(h + 8, 4);
	hlen = (uint32_t)le_get(h + 16, 4);
	if (version > RS_STORE_VERSION && hlen > ST_HEADER_LEN &&
	    hlen <= 4096 && hlen <= r->size) {
		/* a newer header may be longer: its checksum covers all of it */
		unsigned char *nh = xmalloc(hlen);
		bool ok;
		memcpy(nh, h, sizeof h);
		ok = src_read(r, nh + sizeof h, hlen - sizeof h) == 0 &&
		    (uint32_t)le_get(h + 12, 4) == header_crc(nh, hlen);
		free(nh);
		if (!ok && r->err != NULL && r->err->code == RS_EIO)
			return -1;
		if (ok) {
			rs_error_set(r->err, RS_EINVAL,
			    "%s was written by a newer reelscope (workspace format %u; this one reads up to %d)",
			    r->name, version, RS_STORE_VERSION);
			return -1;
		}
	}
	if ((uint32_t)le_get(h + 12, 4) != header_crc(h, ST_HEADER_LEN)) {
		rs_error_set(r->err, RS_EPARSE, "%s: corrupt: file header checksum mismatch",
		    r->name);
		return -1;
	}
	if (version == 0 || version > RS_STORE_VERSION) {
		rs_error_set(r->err, RS_EINVAL,
		    "%s was written by a newer reelscope (workspace format %u; this one reads up to %d)",
		    r->name, version, RS_STORE_VERSION);
		return -1;
	}
	flen = le_get(h + 24, 8);
	if (hlen != ST_HEADER_LEN || le_get(h + 20, 4) != 0 ||
	    flen < ST_HEADER_LEN + ST_TRAILER_LEN) {
		rs_error_set(r->err, RS_EPARSE, "%s: corrupt: file header fields", r->name);
		return -1;
	}
	if (r->size < flen) {
		rs_error_set(r->err, RS_EPARSE,
		    "%s: truncated at byte %llu (the workspace is %llu bytes)", r->name,
		    (unsigned long long)r->size, (unsigned long long)flen);
		return -1;
	}
	if (r->size > flen) {
		rs_error_set(r->err, RS_EPARSE,
		    "%s: corrupt: %llu bytes after the end of the workspace at byte %llu",
		    r->name, (unsigned long long)(r->size - flen), (unsigned long long)flen);
		return -1;
	}
	r->end = flen - ST_TRAILER_LEN;
	r->crc = crc_of(h, sizeof h);
	if (r->info != NULL)
		r->info->version = version;
	return 0;
}

/* Load the next section header into r->hdr (once), skipping unknown
 * optional sections. */
static int
next_header(struct st_reader *r)
{
	for (;;) {
		unsigned char *h = r->hdr;
		uint32_t type, flags;
		uint64_t len;
		char tn[8];

		if (r->have_hdr)
			return 0;
		if (r->pos == r->end) {
			r->at_end = true;
			return 0;
		}
		if (r->end - r->pos < ST_SECTION_LEN) {
			rs_error_set(r->err, RS_EPARSE,
			    "%s: corrupt: section %u header at byte %llu runs into the trailer",
			    r->name, r->nsections + 1, (unsigned long long)r->pos);
			return -1;
		}
		r->hdr_pos = r->pos;
		if (src_read(r, h, ST_SECTION_LEN) != 0)
			return -1;
		if ((uint32_t)le_get(h + 20, 4) != crc_of(h, 20)) {
			rs_error_set(r->err, RS_EPARSE,
			    "%s: corrupt: section %u header checksum mismatch (at byte %llu)",
			    r->name, r->nsections + 1, (unsigned long long)r->hdr_pos);
			return -1;
		}
		r->nsections++;
		r->crc = crc_cat(r->crc, crc_of(h, ST_SECTION_LEN), ST_SECTION_LEN);
		type = (uint32_t)le_get(h, 4);
		flags = (uint32_t)le_get(h + 4, 4);
		len = le_get(h + 8, 8);
		if (len > r->end - r->pos) {
			rs_error_set(r->err, RS_EPARSE,
			    "%s: corrupt: section %u (%s) is %llu bytes, only %llu left before the trailer",
			    r->name, r->nsections, st_type_name(type, tn),
			    (unsigned long long)len, (unsigned long long)(r->end - r->pos));
			return -1;
		}
		r->hdr_type = type;
		r->hdr_flags = flags;
		r->hdr_len = len;
		r->have_hdr = true;
		if (st_known_type(type))
			return 0;
		if (flags & ST_REQUIRED) {
			rs_error_set(r->err, RS_EINVAL,
			    "%s: section %u has kind %s, which this reelscope does not know (written by a newer version?)",
			    r->name, r->nsections, st_type_name(type, tn));
			return -1;
		}
		/* an optional extension: check it, then pass over it */
		{
			struct st_in skip;
			if (st_read_payload(r, &skip) != 0)
				return -1;
			if (r->info != NULL)
				r->info->skipped++;
		}
	}
}

int
st_read_payload(struct st_reader *r, struct st_in *in)
{
	size_t len = (size_t)r->hdr_len;
	uint32_t want = (uint32_t)le_get(r->hdr + 16, 4), got;
	char tn[8];

	r->have_hdr = false;
	if (r->fd < 0) {
		in->p = r->mem + r->pos;
		r->pos += len;
	} else {
		if (len > r->bufcap) {
			free(r->buf);
			r->buf = xmalloc(len);
			r->bufcap = len;
		}
		if (len > 0 && src_read(r, r->buf, len) != 0)
			return -1;
		in->p = r->buf;
	}
	got = crc_of(in->p, len);
	if (got != want) {
		rs_error_set(r->err, RS_EPARSE, "%s: corrupt: section %u (%s) checksum mismatch",
		    r->name, r->nsections, st_type_name(r->hdr_type, tn));
		return -1;
	}
	r->crc = crc_cat(r->crc, got, len);
	in->len = len;
	in->pos = 0;
	in->section = r->nsections;
	in->type = r->hdr_type;
	in->r = r;
	if (rs_hooks_progress(r->hooks, "open", (double)r->pos, (double)r->size)) {
		rs_error_set(r->err, RS_ECANCEL, "open interrupted");
		return -1;
	}
	return 0;
}

int
st_peek_section(struct st_reader *r, uint32_t t)
{
	if (next_header(r) != 0)
		return -1;
	return !r->at_end && r->hdr_type == t;
}

int
st_read_section(struct st_reader *r, uint32_t want, struct st_in *in)
{
	char tn[8], wn[8];

	if (next_header(r) != 0)
		return -1;
	if (r->at_end) {
		rs_error_set(r->err, RS_EPARSE,
		    "%s: corrupt: the sections end after section %u; expected %s",
		    r->name, r->nsections, st_type_name(want, wn));
		return -1;
	}
	if (r->hdr_type != want) {
		rs_error_set(r->err, RS_EPARSE, "%s: corrupt: section %u is %s, expected %s",
		    r->name, r->nsections, st_type_name(r->hdr_type, tn),
		    st_type_name(want, wn));
		return -1;
	}
	return st_read_payload(r, in);
}

int
st_read_trailer(struct st_reader *r)
{
	unsigned char t[ST_TRAILER_LEN];
	char tn[8];

	if (next_header(r) != 0)
		return -1;
	if (!r->at_end) {
		rs_error_set(r->err, RS_EPARSE, "%s: corrupt: section %u (%s) is not expected there",
		    r->name, r->nsections, st_type_name(r->hdr_type, tn));
		return -1;
	}
	if (src_read(r, t, sizeof t) != 0)
		return -1;
	if (memcmp(t, ST_END_MAGIC, 8) != 0 || le_get(t + 16, 8) != r->size) {
		rs_error_set(r->err, RS_EPARSE, "%s: corrupt: bad trailer at byte %llu",
		    r->name, (unsigned long long)r->end);
		return -1;
	}
	if ((uint32_t)le_get(t + 8, 4) != r->nsections) {
		rs_error_set(r->err, RS_EPARSE,
		    "%s: corrupt: the trailer counts %u sections, the file has %u",
		    r->name, (uint32_t)le_get(t + 8, 4), r->nsections);
		return -1;
	}
	if ((uint32_t)le_get(t + 12, 4) != r->crc) {
		rs_error_set(r->err, RS_EPARSE, "%s: corrupt: whole-file checksum mismatch",
		    r->name);
		return -1;
	}
	if (r->info != NULL) {
		r->info->bytes = r->size;
		r->info->sections = r->nsections;
	}
	return 0;
}

void
st_reader_close(struct st_reader *r)
{
	if (r->fd >= 0)
		close(r->fd);
	r->fd = -1;
	free(r->buf);
	r->buf = NULL;
	r->bufcap = 0;
}

int
rs_store_probe(const char *path, rs_error *err)
{
	unsigned char m[8];
	ssize_t k;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		rs_error_set(err, RS_EIO, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	do
		k = read(fd, m, sizeof m);
	while (k < 0 && errno == EINTR);
	if (k < 0) {
		rs_error_set(err, RS_EIO, "cannot read %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return k == (ssize_t)sizeof m && memcmp(m, ST_MAGIC, sizeof m) == 0;
}
