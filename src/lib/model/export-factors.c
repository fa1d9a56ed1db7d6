/* A factor model's user and item vectors as CSV with ids and as NumPy .npy files (rs_model_export_factors). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"
#include "reelscope/observe.h"
#include "reelscope/util.h"
#include "util/xmalloc.h"

/* x (rows x k) as NumPy format 1.0: magic, version, a little-endian
 * header length, the header dict padded with spaces to a multiple of 64
 * bytes ending in a newline, then little-endian float32 in C order. */
static int
write_npy(FILE *f, const float *x, uint32_t rows, uint32_t k)
{
	char head[128];
	int n = snprintf(head, sizeof head,
	    "{'descr': '<f4', 'fortran_order': False, 'shape': (%u, %u), }", rows, k);
	size_t total = 10 + (size_t)n + 1, pad = (64 - total % 64) % 64;
	unsigned char pre[10] = { 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0, 0 };
	size_t hlen = (size_t)n + pad + 1;

	pre[8] = (unsigned char)(hlen & 0xff);
	pre[9] = (unsigned char)(hlen >> 8);
	fwrite(pre, 1, sizeof pre, f);
	fwrite(head, 1, (size_t)n, f);
	for (size_t j = 0; j < pad; j++)
		fputc(' ', f);
	fputc('\n', f);
	for (size_t j = 0; j < (size_t)rows * k; j++) {
		uint32_t b;
		unsigned char le[4];
		memcpy(&b, &x[j], 4);
		le[0] = (unsigned char)b;
		le[1] = (unsigned char)(b >> 8);
		le[2] = (unsigned char)(b >> 16);
		le[3] = (unsigned char)(b >> 24);
		fwrite(le, 1, 4, f);
	}
	return ferror(f) ? -1 : 0;
}

/* x as CSV: "id,f0,...", one row per index with its id */
static int
write_csv(FILE *f, const float *x, uint32_t rows, uint32_t k, const rs_ids *ids)
{
	fputs("id", f);
	for (uint32_t c = 0; c < k; c++)
		fprintf(f, ",f%u", c);
	fputc('\n', f);
	for (uint32_t r = 0; r < rows; r++) {
		rs_csv_field(f, rs_ids_name(ids, r));
		for (uint32_t c = 0; c < k; c++)
			fprintf(f, ",%.9g", x[(size_t)r * k + c]);
		fputc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}

static int
write_one(const char *prefix, const char *part, const char *ext, const float *x,
    uint32_t rows, uint32_t k, const rs_ids *ids, rs_error *err)
{
	size_t len = strlen(prefix) + strlen(part) + strlen(ext) + 3;
	char *path = xmalloc(len);
	FILE *f;
	int rc;

	snprintf(path, len, "%s.%s.%s", prefix, part, ext);
	if ((f = fopen(path, "wb")) == NULL) {
		rs_error_set(err, RS_EIO, "%s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	rc = ids != NULL ? write_csv(f, x, rows, k, ids) : write_npy(f, x, rows, k);
	if (fclose(f) != 0 || rc != 0) {
		rs_error_set(err, RS_EIO, "%s: could not write it", path);
		rc = -1;
	}
	free(path);
	return rc;
}

int
rs_model_export_factors(const rs_model *m, const rs_dataset *ds,
    const char *prefix, rs_error *err)
{
	static const char *const kinds[] = { "als", "mf", "bpr", "svdpp", NULL };
	const fac_state *s = m->state;
	bool factor = false;

	for (int j = 0; kinds[j] != NULL; j++)
		factor = factor || strcmp(m->kind->name, kinds[j]) == 0;
	if (!factor || s == NULL) {
		rs_error_set(err, RS_EINVAL,
		    "model %s (%s) has no user and item vectors to export (factor models: als, mf, bpr, svdpp)",
		    m->name, m->kind->name);
		return -1;
	}
	if (s->nusers > rs_ids_count(ds->users) || s->nitems > rs_ids_count(ds->items)) {
		rs_error_set(err, RS_ESTATE,
		    "model %s has %u users x %u items, the data %u x %u: train it again",
		    m->name, s->nusers, s->nitems, rs_ids_count(ds->users),
		    rs_ids_count(ds->items));
		return -1;
	}
	if (write_one(prefix, "users", "csv", s->P, s->nusers, s->k, ds->users, err) != 0 ||
	    write_one(prefix, "items", "csv", s->Q, s->nitems, s->k, ds->items, err) != 0 ||
	    write_one(prefix, "users", "npy", s->P, s->nusers, s->k, NULL, err) != 0 ||
	    write_one(prefix, "items", "npy", s->Q, s->nitems, s->k, NULL, err) != 0)
		return -1;
	return 0;
}
