/* User interest profiles: the signal-weighted sum of the feature rows of the items a user interacted with. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/features.h"
#include "util/xmalloc.h"

void
rs_profile_free(rs_profile *p)
{
	free(p->vec);
	free(p->creator);
	free(p->creator_weight);
	memset(p, 0, sizeof *p);
}

/* The signal column of the log: NULL for count (1 per row). */
static int
signal_column(const rs_dataset *ds, const char *signal, const rs_column **out,
    rs_error *err)
{
	int k;

	*out = NULL;
	if (signal == NULL) {
		if (ds->log.value_col >= 0)
			*out = ds->log.cols.cols[ds->log.value_col];
		return 0;
	}
	if (strcmp(signal, "count") == 0)
		return 0;
	if ((k = rs_table_find(&ds->log.cols, signal)) < 0) {
		if (rs_table_find(&ds->item_tbl, signal) >= 0 ||
		    rs_table_find(&ds->user_tbl, signal) >= 0)
			rs_error_set(err, RS_EINVAL,
			    "signal=%s: %s is not a column of the log (the weights come from the user's log rows)",
			    signal, signal);
		else
			rs_error_set(err, RS_EINVAL,
			    "signal=%s: no log column %s (a numeric log column such as watch_ratio, or count)",
			    signal, signal);
		return -1;
	}
	if (ds->log.cols.cols[k]->kind != RS_COL_NUMBER) {
		rs_error_set(err, RS_EINVAL,
		    "signal=%s: %s is a %s column; the weights need a numeric one",
		    signal, signal, rs_column_type_name(ds->log.cols.cols[k]));
		return -1;
	}
	*out = ds->log.cols.cols[k];
	return 0;
}

/* Creators and weights, heaviest first (then lower index). */
struct cw {
	uint32_t c;
	double w;
};

static int
cmp_cw(const void *a, const void *b)
{
	const struct cw *x = a, *y = b;

	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return (x->c > y->c) - (x->c < y->c);
}

int
rs_features_profile(const rs_features *f, rs_dataset *ds, uint32_t user,
    const char *signal, rs_profile *out, rs_error *err)
{
	return rs_features_profile_decayed(f, ds, user, signal, 0, out, err);
}

/* The log's latest time, or NaN (no time column, no timed row). */
static double
latest_time(const rs_dataset *ds, const rs_column **tc)
{
	double end = NAN;

	*tc = ds->log.time_col >= 0 ? ds->log.cols.cols[ds->log.time_col] : NULL;
	for (size_t r = 0; *tc != NULL && r < ds->log.n; r++) {
		double t = rs_column_get(*tc, r);
		if (isfinite(t) && !(t <= end))
			end = t;
	}
	return end;
}

int
rs_features_profile_decayed(const rs_features *f, rs_dataset *ds,
    uint32_t user, const char *signal, double half_life, rs_profile *out,
    rs_error *err)
{
	const rs_column *sig, *tc = NULL;
	double t_end = NAN;
	const rs_index *ix;
	uint32_t nusers = rs_ids_count(ds->users);
	uint32_t ncreators = rs_ids_count(ds->creators);
	double *cw = NULL;

	memset(out, 0, sizeof *out);
	if (user >= nusers) {
		rs_error_set(err, RS_EINVAL, "no user with index %u", user);
		return -1;
	}
	if (signal_column(ds, signal, &sig, err) != 0)
		return -1;
	if (half_life > 0) {
		t_end = latest_time(ds, &tc);
		if (tc == NULL || isnan(t_end)) {
			rs_error_set(err, RS_ESTATE,
			    "half_life=%g: the log has no time column (or no row with a time) to decay by",
			    half_life);
			return -1;
		}
	}
	out->user = user;
	out->half_life = half_life;
	out->as_of = t_end;
	out->ncols = f->ncols;
	out->vec = xcalloc(f->ncols ? f->ncols : 1, sizeof *out->vec);
	if (ds->item_creator != NULL && ncreators > 0)
		cw = xcalloc(ncreators, sizeof *cw);
	ix = rs_log_by_user(&ds->log, nusers);
	for (uint64_t p = ix->ptr[user]; p < ix->ptr[user + 1]; p++) {
		size_t row = ix->rows ? ix->rows[p] : (size_t)p;
		uint32_t item = ds->log.item[row];
		double r = sig ? rs_column_get(sig, row) : 1.0;
		out->events++;
		if (tc != NULL) {
			/* older rows fade: half the weight every half_life days */
			double t = rs_column_get(tc, row);
			r = isfinite(t) ? r * exp2(-(t_end - t) / (half_life * 86400)) : NAN;
		}
		if (isnan(r))
			continue;
		out->used++;
		out->weight += r;
		if (item < f->x.nrows)
			for (uint64_t k = f->x.ptr[item]; k < f->x.ptr[item + 1]; k++)
				out->vec[f->x.col[k]] += (float)(r * f->x.val[k]);
		if (cw != NULL && ds->item_creator[item] != RS_NONE)
			cw[ds->item_creator[item]] += r;
	}
	if (cw != NULL) {
		struct cw *list = xmalloc(ncreators * sizeof *list);
		uint32_t n = 0;
		for (uint32_t c = 0; c < ncreators; c++)
			if (cw[c] != 0) {
				list[n].c = c;
				list[n++].w = cw[c];
			}
		qsort(list, n, sizeof *list, cmp_cw);
		out->ncreators = n;
		out->creator = xmalloc((n ? n : 1) * sizeof *out->creator);
		out->creator_weight = xmalloc((n ? n : 1) * sizeof *out->creator_weight);
		for (uint32_t k = 0; k < n; k++) {
			out->creator[k] = list[k].c;
			out->creator_weight[k] = list[k].w;
		}
		free(list);
		free(cw);
	}
	return 0;
}
