/* Fuzz target: the delimited-text loader under each format preset (csv, tsv, pipe, semicolon, '::', MovieLens 100K and 1M), then describe on what loaded. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "reelscope/reelscope.h"
#include "fuzz.h"

const char *const FUZZ_NAME = "fuzz-load";

/* Byte 0 picks the options, the rest is the file:
 *   bits 0-2  delimiter: , \t | ; :: (0-4), auto (5), format=movielens
 *             as u.data: tab, no header, no quotes (6), or as ratings.dat:
 *             '::' (7)
 *   bits 3-4  header: guess, no, yes, guess
 *   bit 5     skip_bad
 *   bit 6     roles by position (user=1 item=2 value=3)
 *   bit 7     file name ends in .gz (csv presets; the bytes are given
 *             as they are) */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const delims[] = { ",", "\t", "|", ";", "::" };
	rs_load_opts o;
	rs_error err;
	rs_dataset *ds;
	const char *path;
	uint8_t sel;

	if (size < 1)
		return 0;
	sel = data[0];
	rs_load_opts_init(&o);
	if ((sel & 7) < 5) {
		o.format = "csv";
		o.delim = delims[sel & 7];
	}
	o.header = ((sel >> 3) & 3) == 1 ? 0 : ((sel >> 3) & 3) == 2 ? 1 : -1;
	o.skip_bad = (sel >> 5) & 1;
	if (sel & 64) {
		o.user = "1";
		o.item = "2";
		o.value = "3";
	}
	o.max_line = 1 << 20;
	if ((sel & 7) >= 6)
		o.format = "movielens";
	/* format=movielens picks the variant by the name's end: .dat is 1M,
	 * anything else but .csv 100K (gzip is found by content either way) */
	path = fuzz_scratch(data + 1, size - 1, (sel & 7) == 6 ? ".data" :
	    (sel & 7) == 7 ? ".dat" : sel & 128 ? ".csv.gz" : ".csv");
	rs_error_clear(&err);
	ds = rs_dataset_load(path, &o, NULL, &err);
	if (ds == NULL) {
		/* a failure must say why */
		if (err.code == RS_OK || err.msg[0] == '\0')
			__builtin_trap();
		return 0;
	}
	{
		rs_describe d;
		memset(&d, 0, sizeof d);
		if (rs_describe_dataset(ds, &d, &err) == 0)
			rs_describe_free(&d);
	}
	rs_dataset_free(ds);
	return 0;
}
