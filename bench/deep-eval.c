/* deep-eval: next-video and cold-start evaluations of the deep models on a generated KuaiRec-layout world. */
/*
 * Built on demand (make bench/deep-eval), run by bench/deep.sh:
 *
 *   deep-eval seq WORLD KIND [PARAM=VALUE ...]
 *     leave-last split (each user's last log row by time is the test row;
 *     users with at least 2 rows), KIND trained on the rest (every row a
 *     positive), next-video HitRate@10: the share of test users whose test
 *     video is among the 10 best-scored videos the user has no training
 *     row for (ties: lower index first). Also NDCG@10 of that one item.
 *     Iterative kinds without epochs= get their epoch count from a first
 *     run on the same split one row earlier (each user's second-to-last row
 *     for validation, up to 30 epochs, stopping after 3 without a better
 *     hit@10 there): the test rows never choose it.
 *
 *   deep-eval cold WORLD KIND [PARAM=VALUE ...]
 *     a seeded 20% of the videos of the fully observed block become cold:
 *     every log row of theirs is dropped from training; item features come
 *     from the features step's defaults. For each block user, the 3 cold
 *     videos with its highest watch_ratio in the block are relevant; the
 *     cold videos are ranked by KIND's score; HitRate@50 = share of users
 *     with a relevant cold video in the top 50 (world: bench/deep.sh's
 *     wcold, whose block holds every video, so hundreds are cold). The random ranking's exact
 *     expectation (hypergeometric: 1 - C(n - r, 50) / C(n, 50) per user)
 *     is printed beside it.
 *
 * One line of JSON per run: kind, mode, fit seconds (wall and CPU), users,
 * the metrics; epochs run (iterative kinds, no validation: all of them).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reelscope/reelscope.h"

#define LIKED 3	/* relevant cold videos per block user */

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
	fprintf(stderr, "deep-eval: %s: %s\n", what, err->msg);
	exit(1);
}

/* log(C(n, k)) */
static double
lchoose(double n, double k)
{
	return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
}

int
main(int argc, char **argv)
{
	const char *mode, *world, *kindname;
	char *keys[64], *vals[64];
	size_t np = 0;
	rs_load_opts lo;
	rs_dataset *ds, *sp = NULL;
	rs_error err;
	rs_imat_opts io;
	rs_imat *train;
	rs_model *m;
	rs_train_ctx ctx;
	rs_fit_opts fo;
	rs_features *feat = NULL;
	double c0, valid_best = NAN;
	uint8_t *cold = NULL;
	char epochs_buf[32];
	bool has_epochs = false;

	if (argc < 4) {
		fprintf(stderr, "usage: deep-eval seq|cold WORLD KIND [PARAM=VALUE ...]\n");
		return 2;
	}
	mode = argv[1];
	world = argv[2];
	kindname = argv[3];
	for (int a = 4; a < argc && np < 64; a++) {
		char *eq = strchr(argv[a], '=');
		if (eq == NULL) {
			fprintf(stderr, "deep-eval: %s is not PARAM=VALUE\n", argv[a]);
			return 2;
		}
		*eq = '\0';
		keys[np] = argv[a];
		vals[np++] = eq + 1;
		has_epochs = has_epochs || strcmp(argv[a], "epochs") == 0;
	}
	rs_load_opts_init(&lo);
	lo.skip_bad = 1;
	if ((ds = rs_dataset_load(world, &lo, NULL, &err)) == NULL)
		die(world, &err);
	rs_imat_opts_init(&io);
	io.binary = true;
	if (strcmp(mode, "seq") == 0) {
		rs_split_opts so;
		rs_split_summary sum;
		const rs_model_kind *kind = rs_model_kind_find(kindname);
		rs_split_opts_init(&so, RS_SPLIT_LEAVE_LAST);
		so.k = 1;
		if (kind != NULL && kind->epoch != NULL && !has_epochs) {
			/* the epoch count from a validation run: each user's
			 * second-to-last row is the validation row, training
			 * stops after 3 epochs without a better hit@10 there */
			rs_imat *tr, *va;
			rs_imat_opts vo;
			so.valid = 0.5;	/* leave-last: any share keeps the k rows before the test ones */
			if ((sp = rs_split_apply(ds, &so, &sum, NULL, &err)) == NULL)
				die("split", &err);
			rs_imat_opts_init(&vo);
			vo.binary = true;
			vo.part = RS_TRAIN;
			if ((tr = rs_imat_build(sp, &sp->log, &vo, &err)) == NULL)
				die("training matrix", &err);
			vo.part = RS_VALID;
			if ((va = rs_imat_build(sp, &sp->log, &vo, &err)) == NULL)
				die("validation matrix", &err);
			if ((m = rs_model_new(kindname, "bench", keys, vals, np, &err)) == NULL)
				die(kindname, &err);
			memset(&ctx, 0, sizeof ctx);
			ctx.ds = sp;
			ctx.train = tr;
			ctx.valid = va;
			ctx.seed = 1;
			rs_fit_opts_init(&fo);
			fo.epochs = 30;
			fo.metric = "hit@10";
			fo.valid_users = 0;
			m->train = tr;
			if (rs_model_fit(m, &ctx, &fo, &err) < 0)
				die("validation fit", &err);
			snprintf(epochs_buf, sizeof epochs_buf, "%zu", m->best_epoch);
			valid_best = m->nepochs ? m->history[m->best_epoch - 1].valid : NAN;
			keys[np] = "epochs";
			vals[np++] = epochs_buf;
			m->train = NULL;
			rs_model_free(m);
			rs_imat_free(tr);
			rs_imat_free(va);
			rs_dataset_free(sp);
		}
		so.valid = 0;
		if ((sp = rs_split_apply(ds, &so, &sum, NULL, &err)) == NULL)
			die("split", &err);
		rs_dataset_free(ds);
		ds = sp;
		io.part = RS_TRAIN;
	} else if (strcmp(mode, "cold") == 0) {
		uint32_t ni = ds->items ? rs_ids_count(ds->items) : 0;
		rs_features_params fp;
		uint64_t z = 12345;
		if (ds->observed == NULL) {
			fprintf(stderr, "deep-eval: %s has no observed block\n", world);
			return 1;
		}
		cold = calloc(ni + 1, 1);
		/* a fifth of the block's videos, by a fixed LCG */
		for (size_t r = 0; r < ds->observed->n; r++) {
			uint32_t i = ds->observed->item[r];
			if (cold[i] == 0) {
				z = z * 6364136223846793005ULL + 1442695040888963407ULL;
				cold[i] = (z >> 33) % 5 == 0 ? 1 : 2;	/* 1 cold, 2 warm */
			}
		}
		ds->log.part = malloc(ds->log.n + 1);
		for (size_t r = 0; r < ds->log.n; r++)
			ds->log.part[r] = cold[ds->log.item[r]] == 1 ? RS_TEST : RS_TRAIN;
		io.part = RS_TRAIN;
		rs_features_params_init(&fp);
		if ((feat = rs_features_build(ds, &fp, NULL, &err)) == NULL)
			die("features", &err);
	} else {
		fprintf(stderr, "deep-eval: mode %s is not seq or cold\n", mode);
		return 2;
	}
	if ((train = rs_imat_build(ds, &ds->log, &io, &err)) == NULL)
		die("training matrix", &err);
	if ((m = rs_model_new(kindname, "bench", keys, vals, np, &err)) == NULL)
		die(kindname, &err);
	memset(&ctx, 0, sizeof ctx);
	ctx.ds = ds;
	ctx.train = train;
	ctx.features = feat;
	ctx.seed = 1;
	rs_fit_opts_init(&fo);
	m->train = train;
	c0 = cpu_now();
	if (rs_model_fit(m, &ctx, &fo, &err) < 0)
		die("fit", &err);
	c0 = cpu_now() - c0;
	printf("{\"kind\":\"%s\",\"mode\":\"%s\",\"fit\":%.4f,\"fit_cpu\":%.4f,\"epochs\":%zu,"
	    "\"train_rows\":%zu", kindname, mode, m->fit_seconds, c0, m->nepochs, train->nnz);
	if (m->nepochs > 0 && !isnan(m->history[m->nepochs - 1].loss))
		printf(",\"loss_first\":%.6f,\"loss_last\":%.6f", m->history[0].loss,
		    m->history[m->nepochs - 1].loss);
	if (strcmp(mode, "seq") == 0) {
		const rs_log *tl;
		bool all;
		uint32_t *top = malloc(10 * sizeof *top), users = 0, hits = 0;
		double ndcg = 0;
		rs_split_test(ds, &tl, &all);
		for (size_t r = 0; r < tl->n; r++) {
			uint32_t u = tl->user[r], i = tl->item[r];
			size_t n;
			if (!all && tl->part[r] != RS_TEST)
				continue;
			if (u >= train->nusers || train->uptr[u + 1] == train->uptr[u])
				continue;
			n = rs_model_recommend(m, u, 10, true, top, NULL, NULL);
			users++;
			for (size_t k = 0; k < n; k++)
				if (top[k] == i) {
					hits++;
					ndcg += 1.0 / log2(k + 2.0);
				}
		}
		if (!isnan(valid_best))
			printf(",\"valid_hit10\":%.4f", valid_best);
		printf(",\"users\":%u,\"hit10\":%.4f,\"ndcg10\":%.4f}\n", users,
		    users ? (double)hits / users : 0, users ? ndcg / users : 0);
		free(top);
	} else {
		const rs_log *ob = ds->observed;
		uint32_t nu = rs_ids_count(ds->users);
		uint64_t *uptr = calloc((size_t)nu + 2, sizeof *uptr), *fill;
		size_t *rows = malloc((ob->n + 1) * sizeof *rows);
		const rs_column *wr = NULL;
		uint32_t ni = m->nitems, nc = 0, *idx, users = 0, hits = 0;
		float *x = malloc((ni + 1) * sizeof *x);
		uint8_t *skip = malloc(ni + 1), *liked = calloc(ni + 1, 1);
		double expect = 0;
		for (uint32_t i = 0; i < ni; i++) {
			skip[i] = cold[i] != 1;
			nc += cold[i] == 1;
		}
		idx = malloc(50 * sizeof *idx);
		/* the block's rows by user (counting sort) */
		for (size_t r = 0; r < ob->n; r++)
			uptr[ob->user[r] + 1]++;
		for (uint32_t u = 0; u < nu; u++)
			uptr[u + 1] += uptr[u];
		fill = malloc(((size_t)nu + 1) * sizeof *fill);
		memcpy(fill, uptr, ((size_t)nu + 1) * sizeof *fill);
		for (size_t r = 0; r < ob->n; r++)
			rows[fill[ob->user[r]]++] = r;
		free(fill);
		if (ob->value_col >= 0)
			wr = ob->cols.cols[ob->value_col];
		for (uint32_t u = 0; u < nu; u++) {
			uint32_t r_liked = 0;
			size_t n;
			bool hit = false;
			/* relevant: the user's LIKED cold videos with the highest
			 * watch ratio in the block (ties: lower row first) */
			for (uint32_t pick = 0; wr != NULL && pick < LIKED; pick++) {
				size_t best = (size_t)-1;
				double bv = -INFINITY;
				for (uint64_t q = uptr[u]; q < uptr[u + 1]; q++) {
					size_t row = rows[q];
					uint32_t i = ob->item[row];
					double v = rs_column_get(wr, row);
					if (cold[i] == 1 && !liked[i] && v > bv) {
						bv = v;
						best = row;
					}
				}
				if (best == (size_t)-1)
					break;
				liked[ob->item[best]] = 1;
				r_liked++;
			}
			if (r_liked > 0) {
				rs_model_score_user(m, u, x);
				n = rs_topk(x, ni, skip, 50, idx);
				for (size_t k = 0; k < n; k++)
					hit = hit || liked[idx[k]];
				users++;
				hits += hit;
				expect += nc <= 50 ? 1 : 1 - exp(lchoose(nc - r_liked, 50) - lchoose(nc, 50));
			}
			for (uint64_t q = uptr[u]; q < uptr[u + 1]; q++)
				liked[ob->item[rows[q]]] = 0;
		}
		printf(",\"cold_items\":%u,\"users\":%u,\"hit50\":%.4f,\"random_hit50\":%.4f}\n",
		    nc, users, users ? (double)hits / users : 0, users ? expect / users : 0);
		free(x);
		free(skip);
		free(liked);
		free(idx);
		free(uptr);
		free(rows);
	}
	m->train = NULL;
	rs_model_free(m);
	rs_imat_free(train);
	rs_features_free(feat);
	free(cold);
	rs_dataset_free(ds);
	return 0;
}
