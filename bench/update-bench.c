/* update-bench: the latency of rs_model_update — als fold-in of a user's events and itemknn per event — on a loaded log. */
/*
 * Built on demand (make bench/update-bench), run by bench/update.sh:
 *
 *   update-bench PATH als|itemknn [N]
 *
 * loads PATH (anything load reads: MovieLens u.data, a generated world's
 * folder), then
 *   als      holds out N events (default 100) of each of up to 20 users with
 *            more than N rows, trains als factors=64 epochs=5 on the other
 *            rows (values kept as confidence weights, as train does), and
 *            times rs_model_update of each user's N events, one call per
 *            user. The first call also computes Q^T Q once (kept for the
 *            calls after it): reported apart as first_us.
 *   itemknn  holds out N events (default 1000) drawn at random (seed 1),
 *            trains itemknn (implicit: every row a positive, k=40) on the
 *            others, then times rs_model_update with one event per call, in
 *            the log's order; then, on a fresh copy, all N in one call.
 * Prints one line of JSON: mean and median microseconds (per user for als,
 * per event for itemknn), and the data's size.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reelscope/reelscope.h"
#include "util/random.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
die(const char *what, const rs_error *err)
{
	fprintf(stderr, "update-bench: %s: %s\n", what, err->msg);
	exit(1);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *x, size_t n)
{
	qsort(x, n, sizeof *x, cmp_double);
	return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

/* A model of kind trained on the log's RS_TRAIN rows. */
static rs_model *
train(rs_dataset *ds, const char *kind, char **keys, char **vals, size_t n,
    bool binary)
{
	rs_imat_opts io;
	rs_train_ctx ctx;
	rs_fit_opts fo;
	rs_model *m;
	rs_error err;

	rs_imat_opts_init(&io);
	io.binary = binary;
	if ((m = rs_model_new(kind, kind, keys, vals, n, &err)) == NULL)
		die(kind, &err);
	if ((m->train = rs_imat_build(ds, &ds->log, &io, &err)) == NULL)
		die("training matrix", &err);
	memset(&ctx, 0, sizeof ctx);
	ctx.ds = ds;
	ctx.train = m->train;
	ctx.seed = 1;
	rs_fit_opts_init(&fo);
	if (rs_model_fit(m, &ctx, &fo, &err) < 0)
		die("fit", &err);
	return m;
}

/* The held-out rows as events (value: the log's signal, or 1 when binary). */
static rs_event
event_of(const rs_dataset *ds, size_t r, bool binary)
{
	const rs_log *l = &ds->log;
	rs_event e;

	e.user = l->user[r];
	e.item = l->item[r];
	e.value = binary || l->value_col < 0 ? 1.0f :
	    (float)rs_column_get(l->cols.cols[l->value_col], r);
	e.time = l->time_col >= 0 ? rs_column_get(l->cols.cols[l->time_col], r) : NAN;
	if (!isfinite(e.value))
		e.value = 1;	/* a row without a signal (a dirty world's): a positive */
	return e;
}

int
main(int argc, char **argv)
{
	rs_load_opts lo;
	rs_dataset *ds;
	rs_error err;
	const char *kind;
	size_t n, nrows;
	uint32_t nu, ni;

	if (argc < 3) {
		fprintf(stderr, "usage: update-bench PATH als|itemknn [N]\n");
		return 2;
	}
	kind = argv[2];
	rs_load_opts_init(&lo);
	lo.skip_bad = 1;
	if ((ds = rs_dataset_load(argv[1], &lo, NULL, &err)) == NULL)
		die(argv[1], &err);
	nrows = ds->log.n;
	nu = rs_ids_count(ds->users);
	ni = rs_ids_count(ds->items);
	ds->log.part = calloc(nrows ? nrows : 1, 1);	/* RS_TRAIN */
	if (strcmp(kind, "als") == 0) {
		char *keys[] = { "factors", "epochs" }, *vals[] = { "64", "5" };
		const rs_index *by = rs_log_by_user(&ds->log, nu);
		uint32_t users[20], nsel = 0;
		double t[20], first;
		rs_event *ev;
		rs_model *m;
		n = argc > 3 ? strtoul(argv[3], NULL, 10) : 100;
		for (uint32_t u = 0; u < nu && nsel < 20; u++)
			if (by->ptr[u + 1] - by->ptr[u] > n)
				users[nsel++] = u;
		for (uint32_t j = 0; j < nsel; j++)
			for (size_t q = 0; q < n; q++) {
				uint64_t p = by->ptr[users[j]] + q;
				ds->log.part[by->rows ? by->rows[p] : p] = RS_TEST;
			}
		m = train(ds, "als", keys, vals, 2, false);
		ev = malloc(n * sizeof *ev);
		for (uint32_t j = 0; j < nsel; j++) {
			size_t k = 0;
			double t0;
			for (size_t q = 0; q < n; q++) {
				uint64_t p = by->ptr[users[j]] + q;
				ev[k++] = event_of(ds, by->rows ? by->rows[p] : p, false);
			}
			t0 = now();
			if (rs_model_update(m, ev, n, nu, ni, &err) != 0)
				die("update", &err);
			t[j] = (now() - t0) * 1e6;
		}
		first = t[0];
		double mean = 0;
		for (uint32_t j = 1; j < nsel; j++)
			mean += t[j];
		mean /= nsel > 1 ? nsel - 1 : 1;
		printf("{\"kind\":\"als\",\"users\":%u,\"items\":%u,\"rows\":%zu,\"factors\":64,"
		    "\"events_per_user\":%zu,\"folded_users\":%u,\"first_us\":%.1f,"
		    "\"mean_us\":%.1f,\"median_us\":%.1f}\n", nu, ni, nrows, n, nsel, first,
		    mean, nsel > 1 ? median(t + 1, nsel - 1) : first);
		free(ev);
		rs_model_free(m);
	} else if (strcmp(kind, "itemknn") == 0) {
		char *keys[] = { "k" }, *vals[] = { "40" };
		size_t *rows, got = 0;
		double *t, total, t0, mean = 0;
		rs_event *ev;
		rs_model *m;
		rnd_gen g = rnd_stream(1, 0x55, 0);
		n = argc > 3 ? strtoul(argv[3], NULL, 10) : 1000;
		if (n > nrows / 2)
			n = nrows / 2;
		rows = malloc(n * sizeof *rows);
		while (got < n) {
			size_t r = (size_t)(rnd_next(&g) % nrows);
			if (ds->log.part[r] == RS_TRAIN) {
				ds->log.part[r] = RS_TEST;
				got++;
			}
		}
		got = 0;
		for (size_t r = 0; r < nrows; r++)
			if (ds->log.part[r] == RS_TEST)
				rows[got++] = r;
		ev = malloc(n * sizeof *ev);
		for (size_t j = 0; j < n; j++)
			ev[j] = event_of(ds, rows[j], true);
		t = malloc(n * sizeof *t);
		m = train(ds, "itemknn", keys, vals, 1, true);
		for (size_t j = 0; j < n; j++) {
			t0 = now();
			if (rs_model_update(m, &ev[j], 1, nu, ni, &err) != 0)
				die("update", &err);
			t[j] = (now() - t0) * 1e6;
			mean += t[j];
		}
		mean /= (double)n;
		rs_model_free(m);
		m = train(ds, "itemknn", keys, vals, 1, true);
		t0 = now();
		if (rs_model_update(m, ev, n, nu, ni, &err) != 0)
			die("update", &err);
		total = (now() - t0) * 1e6;
		printf("{\"kind\":\"itemknn\",\"users\":%u,\"items\":%u,\"rows\":%zu,\"k\":40,"
		    "\"events\":%zu,\"mean_us\":%.1f,\"median_us\":%.1f,\"batch_us_per_event\":%.1f}\n",
		    nu, ni, nrows, n, mean, median(t, n), total / (double)n);
		rs_model_free(m);
		free(t);
		free(ev);
		free(rows);
	} else {
		fprintf(stderr, "update-bench: kind %s: als or itemknn\n", kind);
		return 2;
	}
	rs_dataset_free(ds);
	return 0;
}
