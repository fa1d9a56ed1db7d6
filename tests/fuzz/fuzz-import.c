/* Fuzz target: imported recommendation lists (import recs), read against a small fixed dataset. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/reelscope.h"
#include "fuzz.h"

const char *const FUZZ_NAME = "fuzz-import";

/* Users u1..u4, items i1..i5, the ids the seeds use. */
static const char dataset_csv[] =
    "user,item,rating\n"
    "u1,i1,5\nu1,i2,3\nu2,i2,4\nu2,i3,1\nu3,i4,2\nu4,i5,5\nu4,i1,4\n";

static rs_dataset *
the_dataset(void)
{
	static rs_dataset *ds;
	rs_load_opts o;
	rs_error err;

	if (ds != NULL)
		return ds;
	rs_load_opts_init(&o);
	ds = rs_dataset_load(fuzz_scratch(dataset_csv, sizeof dataset_csv - 1, ".csv"),
	    &o, NULL, &err);
	if (ds == NULL)
		abort();
	return ds;
}

/* Byte 0 picks the options, the rest is the file:
 *   bits 0-2  delimiter: , \t | ; :: then guess (5-7)
 *   bits 3-4  header: guess, no, yes, guess
 *   bit 5     columns named: user=user item=item rank=rank score=score
 *   bits 6-7  unused */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const delims[] = { ",", "\t", "|", ";", "::" };
	rs_dataset *ds = the_dataset();
	rs_import_opts o;
	rs_import_report rep;
	rs_error err;
	rs_model *m;
	uint8_t sel;

	if (size < 1)
		return 0;
	sel = data[0];
	rs_import_opts_init(&o);
	if ((sel & 7) < 5)
		o.delim = delims[sel & 7];
	o.header = ((sel >> 3) & 3) == 1 ? 0 : ((sel >> 3) & 3) == 2 ? 1 : -1;
	if (sel & 32) {
		o.user = "user";
		o.item = "item";
		o.rank = "rank";
		o.score = "score";
	}
	rs_error_clear(&err);
	m = rs_import_recs(ds, fuzz_scratch(data + 1, size - 1, ".csv"), "fz", &o,
	    &rep, NULL, &err);
	if (m == NULL) {
		if (err.code == RS_OK || err.msg[0] == '\0')
			__builtin_trap();
		return 0;
	}
	rs_model_free(m);
	return 0;
}
