/* reelscope engine: dataset summaries (counts, activity quantiles, long tail, columns). */
#ifndef REELSCOPE_DESCRIBE_H
#define REELSCOPE_DESCRIBE_H

#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RS_NQUANT 7
/* Quantile levels reported for activity: min, 25%, median, 75%, 90%, 99%, max.
 * Quantiles interpolate linearly between order statistics (numpy's default). */
extern const double rs_quant_levels[RS_NQUANT];

/* Summary of one column. name/table point into the dataset. */
typedef struct rs_col_summary {
	const char *name;
	const char *table;	/* "log", "items", "users", "observed" */
	const char *type;	/* "int", "float", "time", "date", "text" */
	size_t rows, missing, distinct;
	double min, max, mean;	/* NaN for text columns */
	int is_time;		/* min/max are times (2: whole days) */
} rs_col_summary;

typedef struct rs_describe {
	size_t interactions;
	uint32_t users;		/* users with at least one interaction */
	uint32_t items;		/* items with at least one interaction */
	uint32_t creators;	/* creators with at least one interacted item */
	uint32_t catalog_users, catalog_items, catalog_creators;
	uint64_t pairs;		/* distinct (user, item) pairs in the log */
	double density;		/* pairs / (users * items) */
	double user_q[RS_NQUANT], item_q[RS_NQUANT];
	double top1, top10, top20;	/* share of interactions of the top items */
	size_t observed_rows;	/* fully observed block, 0 when absent */
	uint32_t observed_users, observed_items;
	double observed_density;
	size_t ncols;
	rs_col_summary *cols;
} rs_describe;

/* Fill out (caller frees with rs_describe_free). */
int rs_describe_dataset(rs_dataset *ds, rs_describe *out, rs_error *err);
void rs_describe_free(rs_describe *d);

/* Quantile q in [0,1] of n sorted values (linear interpolation). */
double rs_quantile_sorted(const double *v, size_t n, double q);

#ifdef __cplusplus
}
#endif
#endif
