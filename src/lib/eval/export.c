/* Writing evaluation results as CSV: per-user metric values, and the recommended lists in the format import reads. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reelscope/eval.h"
#include "reelscope/util.h"

static void
csv_number(FILE *f, double x)
{
	if (isfinite(x))
		fprintf(f, "%.17g", x);
}

static FILE *
open_out(const char *path, rs_error *err)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		rs_error_set(err, RS_EIO, "%s: %s", path, strerror(errno));
	return f;
}

static int
close_out(FILE *f, const char *path, rs_error *err)
{
	int bad = ferror(f);

	if (fclose(f) != 0 || bad) {
		rs_error_set(err, RS_EIO, "%s: write failed: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int
rs_eval_export_users(const rs_eval_result *r, const rs_dataset *ds,
    const char *path, rs_error *err)
{
	FILE *f = open_out(path, err);

	if (f == NULL)
		return -1;
	fputs("user", f);
	for (size_t j = 0; j < r->nmetrics; j++)
		if (r->scope[j] != RS_SCOPE_GLOBAL) {
			fputc(',', f);
			rs_csv_field(f, r->names[j]);
		}
	fputc('\n', f);
	for (uint32_t e = 0; e < r->nusers; e++) {
		rs_csv_field(f, rs_ids_name(ds->users, r->users[e]));
		for (size_t j = 0; j < r->nmetrics; j++)
			if (r->scope[j] != RS_SCOPE_GLOBAL) {
				fputc(',', f);
				csv_number(f, r->per_user[(size_t)e * r->nmetrics + j]);
			}
		fputc('\n', f);
	}
	return close_out(f, path, err);
}

int
rs_eval_export_lists(const rs_eval_result *r, const rs_dataset *ds,
    const char *path, rs_error *err)
{
	FILE *f = open_out(path, err);

	if (f == NULL)
		return -1;
	fputs("user,item,rank,score\n", f);
	for (uint32_t e = 0; e < r->nusers; e++)
		for (uint32_t j = 0; j < r->kmax; j++) {
			uint32_t it = r->lists[(size_t)e * r->kmax + j];
			if (it == RS_NONE)
				break;
			rs_csv_field(f, rs_ids_name(ds->users, r->users[e]));
			fputc(',', f);
			rs_csv_field(f, rs_ids_name(ds->items, it));
			fprintf(f, ",%u,", j + 1);
			csv_number(f, r->list_scores[(size_t)e * r->kmax + j]);
			fputc('\n', f);
		}
	return close_out(f, path, err);
}
