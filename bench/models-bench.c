/* models-bench: fit one model on a MovieLens fold and measure fit time, top-10 ranking and rating error. */
/*
 * Built on demand (make bench/models-bench), run by bench/models.sh:
 *
 *   models-bench DIR FOLD KIND [binary=yes|no] [PARAM=VALUE ...]
 *
 * loads DIR/uFOLD.base, takes DIR/uFOLD.test as the test part (split files),
 * trains KIND on the base rows (binary= as train does: yes for ranking
 * kinds, no for rating kinds) and prints one line of JSON:
 *   fit      seconds of rs_model_fit (best of REPEAT runs, env REPEAT, 1)
 *   fit_cpu  CPU seconds of the process during the fit, every thread
 *            (OpenMP and OpenBLAS) summed, best of REPEAT
 *   ndcg10   mean NDCG@10 over test users: every item the user has no base
 *            row for is ranked (ties: lower item index first); gain 1 for a
 *            test item, DCG = sum 1/log2(rank + 1), IDCG over min(|test|, 10)
 *   p10      mean hits / 10; recall10: mean hits / |test|
 *   rmse     sqrt(mean (score - rating)^2) over every test row (the model's
 *            score for that pair; meaningful for rating models only)
 *   users    test users counted; score_s: seconds to score them all
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reelscope/reelscope.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds of every thread of the process (OpenMP and OpenBLAS). */
static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
die(const char *what, const rs_error *err)
{
	fprintf(stderr, "models-bench: %s: %s\n", what, err->msg);
	exit(1);
}

int
main(int argc, char **argv)
{
	char base[4096], test[4096];
	const char *kindname;
	const rs_model_kind *kind;
	rs_load_opts lo;
	rs_split_opts so;
	rs_split_summary sum;
	rs_dataset *ds, *sp;
	rs_imat_opts io;
	rs_imat *train, *tm;
	rs_error err;
	rs_model *m = NULL;
	rs_train_ctx ctx;
	rs_fit_opts fo;
	const rs_log *tlog;
	bool all;
	char *keys[64], *vals[64];
	size_t np = 0;
	int binary = -1, repeat = getenv("REPEAT") ? atoi(getenv("REPEAT")) : 1;
	double best = INFINITY, best_cpu = INFINITY, t0, c0, ndcg = 0, prec = 0, rec = 0, se = 0;
	size_t nse = 0, nusers = 0;
	uint32_t *users, nu = 0;
	float *scores;

	if (argc < 4) {
		fprintf(stderr, "usage: models-bench DIR FOLD KIND [binary=yes|no] [PARAM=VALUE ...]\n");
		return 2;
	}
	snprintf(base, sizeof base, "%s/u%s.base", argv[1], argv[2]);
	snprintf(test, sizeof test, "%s/u%s.test", argv[1], argv[2]);
	kindname = argv[3];
	if ((kind = rs_model_kind_find(kindname)) == NULL) {
		fprintf(stderr, "models-bench: unknown kind %s\n", kindname);
		return 2;
	}
	for (int a = 4; a < argc && np < 64; a++) {
		char *eq = strchr(argv[a], '=');
		if (eq == NULL) {
			fprintf(stderr, "models-bench: %s is not PARAM=VALUE\n", argv[a]);
			return 2;
		}
		*eq = '\0';
		if (strcmp(argv[a], "binary") == 0) {
			binary = strcmp(eq + 1, "yes") == 0;
			continue;
		}
		keys[np] = argv[a];
		vals[np++] = eq + 1;
	}
	rs_load_opts_init(&lo);
	if ((ds = rs_dataset_load(base, &lo, NULL, &err)) == NULL)
		die(base, &err);
	rs_split_opts_init(&so, RS_SPLIT_FILES);
	so.test_path = test;
	if ((sp = rs_split_apply(ds, &so, &sum, NULL, &err)) == NULL)
		die(test, &err);
	rs_dataset_free(ds);
	ds = sp;
	rs_imat_opts_init(&io);
	io.binary = binary >= 0 ? binary : !kind->explicit_values && !kind->uses_weights;
	if ((train = rs_imat_build(ds, &ds->log, &io, &err)) == NULL)
		die("training matrix", &err);
	for (int r = 0; r < (repeat > 0 ? repeat : 1); r++) {
		rs_model_free(m);
		if ((m = rs_model_new(kindname, "bench", keys, vals, np, &err)) == NULL)
			die(kindname, &err);
		memset(&ctx, 0, sizeof ctx);
		ctx.ds = ds;
		ctx.train = train;
		ctx.seed = 1;
		rs_fit_opts_init(&fo);
		c0 = cpu_now();
		if (rs_model_fit(m, &ctx, &fo, &err) < 0)
			die("fit", &err);
		c0 = cpu_now() - c0;
		if (m->fit_seconds < best)
			best = m->fit_seconds;
		if (c0 < best_cpu)
			best_cpu = c0;
	}
	m->train = train;
	/* the test rows with their ratings */
	if (!rs_split_test(ds, &tlog, &all))
		die("split", &err);
	io.binary = false;
	io.part = all ? -1 : RS_TEST;
	if ((tm = rs_imat_build(ds, tlog, &io, &err)) == NULL)
		die("test matrix", &err);
	users = malloc(tm->nusers * sizeof *users);
	for (uint32_t u = 0; u < tm->nusers; u++)
		if (tm->uptr[u + 1] > tm->uptr[u])
			users[nu++] = u;
	scores = malloc((size_t)nu * m->nitems * sizeof *scores);
	t0 = now();
	for (uint32_t j = 0; j < nu; j++)
		rs_model_score_user(m, users[j], scores + (size_t)j * m->nitems);
	t0 = now() - t0;
	for (uint32_t j = 0; j < nu; j++) {
		uint32_t u = users[j], top[10];
		const float *x = scores + (size_t)j * m->nitems;
		uint8_t *skip = calloc(m->nitems, 1);
		size_t n, hits = 0, ntest = tm->uptr[u + 1] - tm->uptr[u];
		double dcg = 0, idcg = 0;
		for (uint64_t q = train->uptr[u]; u < train->nusers && q < train->uptr[u + 1]; q++)
			skip[train->uidx[q]] = 1;
		n = rs_topk(x, m->nitems, skip, 10, top);
		for (size_t r = 0; r < n; r++)
			if (!isnan(rs_imat_get(tm, u, top[r]))) {
				dcg += 1 / log2(r + 2.0);
				hits++;
			}
		for (size_t r = 0; r < 10 && r < ntest; r++)
			idcg += 1 / log2(r + 2.0);
		ndcg += dcg / idcg;
		prec += hits / 10.0;
		rec += (double)hits / (double)ntest;
		nusers++;
		for (uint64_t q = tm->uptr[u]; q < tm->uptr[u + 1]; q++) {
			double d = x[tm->uidx[q]] - tm->uval[q];
			se += d * d;
			nse++;
		}
		free(skip);
	}
	printf("{\"kind\":\"%s\",\"fold\":\"u%s\",\"binary\":%s,\"params\":\"", kindname,
	    argv[2], io.binary || (binary >= 0 ? binary : !kind->explicit_values &&
	    !kind->uses_weights) ? "true" : "false");
	for (size_t i = 0; i < m->nparams; i++)
		printf("%s%s=%s", i ? " " : "", m->keys[i], m->values[i]);
	printf("\",\"fit\":%.4f,\"fit_cpu\":%.4f,\"ndcg10\":%.4f,\"p10\":%.4f,\"recall10\":%.4f,"
	    "\"rmse\":%.4f,\"users\":%zu,\"score_s\":%.4f}\n", best, best_cpu, ndcg / nusers,
	    prec / nusers, rec / nusers, sqrt(se / nse), nusers, t0);
	free(scores);
	free(users);
	rs_imat_free(tm);
	m->train = NULL;
	rs_model_free(m);
	rs_imat_free(train);
	rs_dataset_free(ds);
	return 0;
}
