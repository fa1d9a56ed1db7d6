/* Benchmark driver for the factor models: train one model on a base file, measure RMSE or NDCG@10 on a test file. */
/*
 * usage: factors-eval [options] BASE TEST KIND [param=value ...]
 *
 *   --implicit       every training row is a positive (signal none), and the
 *                    test measures top-10 ranking instead of RMSE
 *   --tune=SHARE     ignore TEST: hold out SHARE of BASE's rows at random
 *                    (seed 7) and measure on them (for choosing parameters
 *                    on the base file only)
 *   --tune-user=SHARE  the same with SHARE of every user's rows (as in the
 *                    u1..u5 test files, which hold part of each test user's
 *                    ratings)
 *   --tune-seed=N    seed of the held-out share (default 7)
 *   --epochs=N       epochs (default: the kind's)
 *   --seed=N         training seed (default 1)
 *   --threads=N      OpenMP and OpenBLAS threads (default: as the
 *                    environment says)
 *   --per-epoch      also measure after every epoch (through the progress
 *                    hook; the printed fit time then includes the measuring)
 *
 * Definitions:
 *   RMSE   sqrt(mean over test rows of (prediction - rating)^2), the
 *          model's own prediction (mf/svdpp clip it to the training range
 *          unless clip=no).
 *   NDCG@10, P@10  over test users (users with test rows): every item the
 *          user has no training row for is ranked (the whole catalog of
 *          u.item, items without any training row included); ties broken by
 *          the lower item index; relevance is binary (a test row, any
 *          rating); DCG = sum over the top 10 of rel / log2(rank + 1);
 *          IDCG = the same for min(|test items of u|, 10) relevant items at
 *          the top; NDCG@10 = DCG / IDCG, averaged over the test users;
 *          P@10 = hits / 10.
 */
#include "config.h"

#include <cblas.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reelscope/reelscope.h"
#include "reelscope/load.h"
#include "reelscope/model.h"
#include "reelscope/split.h"

static bool implicit;
static const rs_imat *test_rows;
static const rs_model *cur;
static bool per_epoch;

static void
die(const char *what, const rs_error *err)
{
	fprintf(stderr, "factors-eval: %s: %s\n", what, err ? err->msg : "");
	exit(2);
}

/* Scores of users u0.. (up to n of them) into x, one BLAS block. */
static void
score_block(const rs_model *m, uint32_t u0, uint32_t n, float *x)
{
	uint32_t users[256];

	for (uint32_t j = 0; j < n; j++)
		users[j] = u0 + j;
	m->kind->score(m, users, n, x);
	for (uint32_t j = 0; j < n; j++) {
		uint32_t u = u0 + j;
		if (u >= m->train->nusers || m->train->uptr[u + 1] == m->train->uptr[u])
			rs_model_score_user(m, u, x + (size_t)j * m->nitems);
	}
}

/* RMSE over the test rows. */
static double
rmse(const rs_model *m, const rs_imat *test)
{
	float *x = malloc((size_t)256 * m->nitems * sizeof *x);
	double se = 0;
	size_t n = 0;

	for (uint32_t u0 = 0; u0 < test->nusers; u0 += 256) {
		uint32_t nb = test->nusers - u0 < 256 ? test->nusers - u0 : 256;
		if (test->uptr[u0 + nb] == test->uptr[u0])
			continue;
		score_block(m, u0, nb, x);
		for (uint32_t u = u0; u < u0 + nb; u++)
			for (uint64_t q = test->uptr[u]; q < test->uptr[u + 1]; q++) {
				double d = x[(size_t)(u - u0) * m->nitems + test->uidx[q]] -
				    test->uval[q];
				se += d * d;
				n++;
			}
	}
	free(x);
	return sqrt(se / (double)n);
}

/* NDCG@10 and P@10 over the test users (definitions above). */
static void
ranking(const rs_model *m, const rs_imat *test, double *ndcg, double *prec,
    uint32_t *users)
{
	double sn = 0, sp = 0;
	uint32_t nu = 0;

	#pragma omp parallel reduction(+:sn, sp, nu)
	{
		float *x = malloc(m->nitems * sizeof *x);
		uint8_t *skip = calloc(m->nitems, 1);
		uint32_t top[10];
		#pragma omp for schedule(dynamic, 8)
		for (uint32_t u = 0; u < test->nusers; u++) {
			uint64_t a = test->uptr[u], b = test->uptr[u + 1];
			size_t n, hits = 0;
			double dcg = 0, idcg = 0;
			if (a == b)
				continue;
			rs_model_score_user(m, u, x);
			if (u < m->train->nusers)
				for (uint64_t q = m->train->uptr[u]; q < m->train->uptr[u + 1]; q++)
					skip[m->train->uidx[q]] = 1;
			n = rs_topk(x, m->nitems, skip, 10, top);
			for (size_t r = 0; r < n; r++)
				if (!isnan(rs_imat_get(test, u, top[r]))) {
					dcg += 1.0 / log2(r + 2.0);
					hits++;
				}
			for (size_t r = 0; r < 10 && r < b - a; r++)
				idcg += 1.0 / log2(r + 2.0);
			sn += dcg / idcg;
			sp += hits / 10.0;
			nu++;
			if (u < m->train->nusers)
				for (uint64_t q = m->train->uptr[u]; q < m->train->uptr[u + 1]; q++)
					skip[m->train->uidx[q]] = 0;
		}
		free(x);
		free(skip);
	}
	*ndcg = sn / nu;
	*prec = sp / nu;
	*users = nu;
}

static int
progress(void *ctx, const char *task, double done, double total)
{
	(void)ctx;
	(void)task;
	(void)total;
	if (per_epoch && cur != NULL && cur->nepochs > 0) {
		const rs_epoch *e = &cur->history[cur->nepochs - 1];
		if (implicit) {
			double nd, p;
			uint32_t nu;
			ranking(cur, test_rows, &nd, &p, &nu);
			printf("  epoch %3.0f loss %.6f ndcg@10 %.4f p@10 %.4f\n", done, e->loss, nd, p);
		} else
			printf("  epoch %3.0f loss %.6f rmse %.4f\n", done, e->loss, rmse(cur, test_rows));
		fflush(stdout);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const char *base = NULL, *testpath = NULL, *kind = NULL;
	char *keys[64], *vals[64];
	size_t np = 0;
	double tune = 0;
	bool tune_user = false;
	uint64_t tune_seed = 7;
	uint32_t epochs = 0;
	uint64_t seed = 1;
	rs_load_opts lo;
	rs_split_opts so;
	rs_imat_opts io;
	rs_dataset *ds, *sp;
	rs_imat *train, *test;
	rs_model *m;
	rs_train_ctx ctx;
	rs_fit_opts fo;
	rs_hooks hooks = { progress, NULL, NULL };
	rs_error err;
	struct timespec c0, c1;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--implicit") == 0)
			implicit = true;
		else if (strncmp(a, "--tune=", 7) == 0)
			tune = atof(a + 7);
		else if (strncmp(a, "--tune-seed=", 12) == 0)
			tune_seed = strtoull(a + 12, NULL, 10);
		else if (strncmp(a, "--tune-user=", 12) == 0) {
			tune = atof(a + 12);
			tune_user = true;
		}
		else if (strncmp(a, "--epochs=", 9) == 0)
			epochs = (uint32_t)atoi(a + 9);
		else if (strncmp(a, "--seed=", 7) == 0)
			seed = strtoull(a + 7, NULL, 10);
		else if (strncmp(a, "--threads=", 10) == 0) {
			omp_set_num_threads(atoi(a + 10));
			openblas_set_num_threads(atoi(a + 10));
		} else if (strcmp(a, "--per-epoch") == 0)
			per_epoch = true;
		else if (base == NULL)
			base = a;
		else if (testpath == NULL)
			testpath = a;
		else if (kind == NULL)
			kind = a;
		else if (strchr(a, '=') != NULL && np < 64) {
			keys[np] = strdup(a);
			*strchr(keys[np], '=') = '\0';
			vals[np] = keys[np] + strlen(keys[np]) + 1;
			np++;
		} else {
			fprintf(stderr, "factors-eval: unexpected %s\n", a);
			return 2;
		}
	}
	if (kind == NULL) {
		fprintf(stderr, "usage: factors-eval [--implicit] [--tune=SHARE] [--epochs=N] "
		    "[--seed=N] [--threads=N] [--per-epoch] BASE TEST KIND [param=value ...]\n");
		return 2;
	}
	rs_load_opts_init(&lo);
	if ((ds = rs_dataset_load(base, &lo, NULL, &err)) == NULL)
		die(base, &err);
	if (tune > 0) {
		rs_split_opts_init(&so, tune_user ? RS_SPLIT_USER : RS_SPLIT_RANDOM);
		so.test = tune;
		so.seed = tune_seed;
	} else {
		rs_split_opts_init(&so, RS_SPLIT_FILES);
		so.test_path = testpath;
	}
	if ((sp = rs_split_apply(ds, &so, NULL, NULL, &err)) == NULL)
		die("split", &err);
	rs_imat_opts_init(&io);
	if (implicit)
		io.signal = "none";
	if ((train = rs_imat_build(sp, &sp->log, &io, &err)) == NULL)
		die("train rows", &err);
	io.part = tune > 0 ? RS_TEST : -1;
	if ((test = rs_imat_build(sp, tune > 0 ? &sp->log : sp->heldout, &io, &err)) == NULL)
		die("test rows", &err);
	test_rows = test;
	if ((m = rs_model_new(kind, kind, keys, vals, np, &err)) == NULL)
		die(kind, &err);
	memset(&ctx, 0, sizeof ctx);
	ctx.ds = sp;
	ctx.train = train;
	ctx.hooks = &hooks;
	ctx.seed = seed;
	rs_fit_opts_init(&fo);
	fo.epochs = epochs;
	fo.patience = 0;
	m->train = train;
	cur = m;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
	rc = rs_model_fit(m, &ctx, &fo, &err);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	if (rc < 0)
		die("fit", &err);
	printf("%s", kind);
	for (size_t j = 0; j < m->nparams; j++)
		printf(" %s=%s", m->keys[j], m->values[j]);
	printf(" | threads=%d epochs=%zu fit=%.3fs cpu=%.3fs", omp_get_max_threads(),
	    m->nepochs, m->fit_seconds, (double)(c1.tv_sec - c0.tv_sec) +
	    (c1.tv_nsec - c0.tv_nsec) / 1e9);
	if (implicit) {
		double nd, p;
		uint32_t nu;
		ranking(m, test, &nd, &p, &nu);
		printf(" ndcg@10=%.4f p@10=%.4f users=%u", nd, p, nu);
	} else
		printf(" rmse=%.4f", rmse(m, test));
	printf("%s\n", rc == 1 ? " (stopped on a non-finite loss)" : "");
	rs_model_free(m);
	rs_imat_free(test);
	rs_dataset_free(sp);
	rs_dataset_free(ds);
	for (size_t j = 0; j < np; j++)
		free(keys[j]);
	return 0;
}
