/* update-bench: the latency of rs_model_update — als fold-in of a user's events and itemknn per event — on a loaded log. */
/*
 * Built on demand (make bench/update-bench), run by bench/update.sh:
 *
 *   update-bench PATH als [N]
 *   update-bench PATH itemknn [N [K [SIM]]]
 *
 * loads PATH (anything load reads: MovieLens u.data, a generated world's
 * folder), then
 *   als      takes up to 20 users with at least N rows (default 100), holds
 *            out every row of theirs, trains als factors=64 epochs=5 on the
 *            other users' rows (values kept as confidence weights, as train
 *            does), and times rs_model_update of each user's first N rows,
 *            one call per user: after it the user's whole history is those
 *            N events (issue 17's case: a user with 100 events). The first
 *            call also computes Q^T Q once (kept for the calls after it):
 *            reported apart as first_us.
 *   itemknn  holds out N events (default 1000) drawn at random (seed 1),
 *            trains itemknn (implicit: every row a positive, k=K default 40,
 *            sim=SIM default cosine) on the others, then times
 *            rs_model_update with one event per call, in the log's order;
 *            the first call also builds the kept co-occurrence counts and is
 *            shown apart (first_us), mean and median are over the others.
 *            Then, on a fresh copy, the first event alone (building the
 *            counts) and the other N-1 in one call (batch_us_per_event).
 *            rebuilds, repacks: lists made again from the counts, and
 *            the packed table of lists made again, per event.
 * Prints one line of JSON: mean and median microseconds of wall time (per
 * user for als, per event for itemknn), the median of the thread's CPU time
 * (cpu_median_us: the same calls without the time other processes held the
 * core), and the data's size.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/knn.h"
#include "reelscope/reelscope.h"
#include "util/random.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this thread: what the call cost without the time other
 * processes took the core (the machine may be shared). */
static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
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

/* als: fold-in of users whose whole history is n events. */
static void
bench_als(rs_dataset *ds, uint32_t nu, uint32_t ni, size_t n)
{
	char *keys[] = { "factors", "epochs" }, *vals[] = { "64", "5" };
	const rs_index *by = rs_log_by_user(&ds->log, nu);
	uint32_t users[20], nsel = 0;
	double t[20], tc[20], first, mean = 0, rowlen = 0;
	rs_event *ev;
	rs_model *m;
	rs_error err;

	for (uint32_t u = 0; u < nu && nsel < 20; u++)
		if (by->ptr[u + 1] - by->ptr[u] >= n)
			users[nsel++] = u;
	/* none of their rows trains: the first n come back as the events */
	for (uint32_t j = 0; j < nsel; j++)
		for (uint64_t p = by->ptr[users[j]]; p < by->ptr[users[j] + 1]; p++)
			ds->log.part[by->rows ? by->rows[p] : p] = RS_TEST;
	m = train(ds, "als", keys, vals, 2, false);
	ev = malloc((n ? n : 1) * sizeof *ev);
	for (uint32_t j = 0; j < nsel; j++) {
		uint32_t u = users[j];
		double t0, c0;
		for (size_t q = 0; q < n; q++) {
			uint64_t p = by->ptr[u] + q;
			ev[q] = event_of(ds, by->rows ? by->rows[p] : p, false);
		}
		c0 = cpu_now();
		t0 = now();
		if (rs_model_update(m, ev, n, nu, ni, &err) != 0)
			die("update", &err);
		t[j] = (now() - t0) * 1e6;
		tc[j] = (cpu_now() - c0) * 1e6;
		rowlen += (double)(m->train->uptr[u + 1] - m->train->uptr[u]);
	}
	first = t[0];
	for (uint32_t j = 1; j < nsel; j++)
		mean += t[j];
	mean /= nsel > 1 ? nsel - 1 : 1;
	printf("{\"kind\":\"als\",\"users\":%u,\"items\":%u,\"rows\":%zu,\"factors\":64,"
	    "\"events_per_user\":%zu,\"row_after\":%.1f,\"folded_users\":%u,\"first_us\":%.1f,"
	    "\"mean_us\":%.1f,\"median_us\":%.1f,\"cpu_median_us\":%.1f}\n", nu, ni,
	    ds->log.n, n, nsel ? rowlen / nsel : 0, nsel, first, mean,
	    nsel > 1 ? median(t + 1, nsel - 1) : first,
	    nsel > 1 ? median(tc + 1, nsel - 1) : tc[0]);
	free(ev);
	rs_model_free(m);
}

static void
upd_counts(const rs_model *m, uint64_t *rebuilds, uint64_t *repacks)
{
	const struct knn_state *st = m->state;

	knn_upd_counts(st->upd, rebuilds, repacks);
}

/* itemknn: n random held-out rows, one call each, then in one call. */
static void
bench_itemknn(rs_dataset *ds, uint32_t nu, uint32_t ni, size_t n,
    const char *k, const char *sim)
{
	char *keys[] = { "k", "sim" }, *vals[] = { (char *)k, (char *)sim };
	size_t nrows = ds->log.n, *rows, got = 0;
	double *t, *tc, total, t0, c0, mean = 0, first;
	uint64_t reb, rep;
	rs_event *ev;
	rs_model *m;
	rs_error err;
	rnd_gen g = rnd_stream(1, 0x55, 0);

	if (n > nrows / 2)
		n = nrows / 2;
	if (n < 2)
		n = 2;
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
	tc = malloc(n * sizeof *tc);
	m = train(ds, "itemknn", keys, vals, 2, true);
	for (size_t j = 0; j < n; j++) {
		c0 = cpu_now();
		t0 = now();
		if (rs_model_update(m, &ev[j], 1, nu, ni, &err) != 0)
			die("update", &err);
		t[j] = (now() - t0) * 1e6;
		tc[j] = (cpu_now() - c0) * 1e6;
		if (j > 0)
			mean += t[j];
	}
	first = t[0];
	mean /= (double)(n - 1);
	upd_counts(m, &reb, &rep);
	rs_model_free(m);
	m = train(ds, "itemknn", keys, vals, 2, true);
	if (rs_model_update(m, ev, 1, nu, ni, &err) != 0)
		die("update", &err);
	t0 = now();
	if (rs_model_update(m, ev + 1, n - 1, nu, ni, &err) != 0)
		die("update", &err);
	total = (now() - t0) * 1e6;
	printf("{\"kind\":\"itemknn\",\"users\":%u,\"items\":%u,\"rows\":%zu,\"k\":%s,"
	    "\"sim\":\"%s\",\"events\":%zu,\"first_us\":%.1f,\"mean_us\":%.1f,"
	    "\"median_us\":%.1f,\"cpu_median_us\":%.1f,\"batch_us_per_event\":%.1f,\"rebuilds_per_event\":%.2f,"
	    "\"repacks_per_event\":%.3f}\n",
	    nu, ni, nrows, k, sim, n, first, mean, median(t + 1, n - 1), median(tc + 1, n - 1),
	    total / (double)(n - 1), (double)reb / (double)(n - 1), (double)rep / (double)(n - 1));
	rs_model_free(m);
	free(t);
	free(tc);
	free(ev);
	free(rows);
}

int
main(int argc, char **argv)
{
	rs_load_opts lo;
	rs_dataset *ds;
	rs_error err;
	const char *kind;
	uint32_t nu, ni;

	if (argc < 3) {
		fprintf(stderr, "usage: update-bench PATH als [N] | PATH itemknn [N [K [SIM]]]\n");
		return 2;
	}
	kind = argv[2];
	rs_load_opts_init(&lo);
	lo.skip_bad = 1;
	if ((ds = rs_dataset_load(argv[1], &lo, NULL, &err)) == NULL)
		die(argv[1], &err);
	nu = rs_ids_count(ds->users);
	ni = rs_ids_count(ds->items);
	ds->log.part = calloc(ds->log.n ? ds->log.n : 1, 1);	/* RS_TRAIN */
	if (strcmp(kind, "als") == 0)
		bench_als(ds, nu, ni, argc > 3 ? strtoul(argv[3], NULL, 10) : 100);
	else if (strcmp(kind, "itemknn") == 0)
		bench_itemknn(ds, nu, ni, argc > 3 ? strtoul(argv[3], NULL, 10) : 1000,
		    argc > 4 ? argv[4] : "40", argc > 5 ? argv[5] : "cosine");
	else {
		fprintf(stderr, "update-bench: kind %s: als or itemknn\n", kind);
		return 2;
	}
	rs_dataset_free(ds);
	return 0;
}
