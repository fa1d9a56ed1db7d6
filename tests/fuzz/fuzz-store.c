/* Fuzz target: the workspace file reader (rs_store_open_mem), on the bytes as given and again with every checksum made right. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "reelscope/reelscope.h"
#include "fuzz.h"

const char *const FUZZ_NAME = "fuzz-store";

/* Layout constants as src/lib/store/format.h describes them. */
enum { HDR = 32, SEC = 24, TRL = 24 };

static uint64_t
get_le(const unsigned char *p, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static void
put_le(unsigned char *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t
crc(const unsigned char *p, size_t n)
{
	return (uint32_t)crc32(crc32(0L, Z_NULL, 0), p, (uInt)n);
}

/* Rewrite the file length, the header checksum, each section's two
 * checksums (as far as the section lengths chain) and the trailer, so the
 * decoders behind the checksums see the mutated payloads. */
static void
fix_checksums(unsigned char *b, size_t len)
{
	size_t pos = HDR, end;
	uint32_t n = 0, hc;

	if (len < HDR + TRL)
		return;
	end = len - TRL;
	put_le(b + 24, len, 8);
	hc = (uint32_t)crc32_combine(crc(b, 12), crc(b + 16, HDR - 16), HDR - 16);
	put_le(b + 12, hc, 4);
	while (end - pos >= SEC) {
		uint64_t plen = get_le(b + pos + 8, 8);
		if (plen > end - pos - SEC)
			break;
		put_le(b + pos + 16, crc(b + pos + SEC, (size_t)plen), 4);
		put_le(b + pos + 20, crc(b + pos, 20), 4);
		pos += SEC + (size_t)plen;
		n++;
	}
	memcpy(b + end, "RSWEND\r\n", 8);
	put_le(b + end + 8, n, 4);
	put_le(b + end + 12, crc(b, end), 4);
	put_le(b + end + 16, len, 8);
}

static void
open_once(const unsigned char *b, size_t len)
{
	rs_store_info info;
	rs_error err;
	rs_workspace *ws;

	rs_error_clear(&err);
	ws = rs_store_open_mem(b, len, "fuzz.rsw", &info, NULL, &err);
	if (ws == NULL) {
		if (err.code == RS_OK || err.msg[0] == '\0')
			__builtin_trap();
		return;
	}
	rs_workspace_free(ws);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *copy;

	open_once(data, size);
	copy = malloc(size ? size : 1);
	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	fix_checksums(copy, size);
	if (memcmp(copy, data, size) != 0)
		open_once(copy, size);
	free(copy);
	return 0;
}
