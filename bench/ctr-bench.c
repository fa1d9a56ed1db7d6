/* bench/ctr.sh's driver: load a world, split it, train lr or fm on a label, time it, report test auc and log loss, and write the hashed features of the train and test rows in LIBLINEAR's format. */
/*
 * usage: ctr-bench DIR KIND OUT_PREFIX [PARAM=VALUE ...]
 *   DIR         a KuaiRec-layout world (generate); loaded with --skip-bad
 *   KIND        lr or fm
 *   OUT_PREFIX  writes OUT_PREFIX.train.svm and .test.svm (unless "-")
 * The split is random test=0.2 seed=1 (valid=0.1 when VALID=1 is in the
 * environment). Prints one line: kind, rows, slots per row, fit seconds,
 * epochs, test auc, test log loss, base log loss.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/reelscope.h"
#include "model/ctr-int.h"
#include "util/clock.h"

static void
die(const char *what, const rs_error *err)
{
	fprintf(stderr, "ctr-bench: %s: %s\n", what, err->msg);
	exit(1);
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* One row per line: label, then bucket+1:count in increasing order. */
static void
write_svm(const char *path, const struct ctr_rows *t)
{
	FILE *f = fopen(path, "w");
	uint32_t buf[CTR_MAX_SLOTS];

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	for (size_t r = 0; r < t->n; r++) {
		size_t k = 0;
		for (uint32_t i = 0; i < t->nf; i++)
			if (t->idx[r * t->nf + i] != CTR_NONE)
				buf[k++] = t->idx[r * t->nf + i];
		qsort(buf, k, sizeof *buf, cmp_u32);
		fprintf(f, "%d", t->y[r]);
		for (size_t i = 0; i < k;) {
			size_t j = i;
			while (j < k && buf[j] == buf[i])
				j++;
			fprintf(f, " %u:%zu", buf[i] + 1, j - i);
			i = j;
		}
		fputc('\n', f);
	}
	fclose(f);
}

int
main(int argc, char **argv)
{
	rs_load_opts lo;
	rs_split_opts so;
	rs_split_summary sum;
	rs_dataset *ds, *sp;
	rs_train_request req;
	rs_train_env env;
	rs_trained t;
	rs_ctr_metrics x;
	rs_error err;
	char *keys[32], *vals[32];
	size_t np = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: ctr-bench DIR lr|fm OUT_PREFIX [PARAM=VALUE ...]\n");
		return 2;
	}
	for (int a = 4; a < argc && np < 32; a++) {
		char *eq = strchr(argv[a], '=');
		if (eq == NULL)
			return 2;
		*eq = '\0';
		keys[np] = argv[a];
		vals[np++] = eq + 1;
	}
	rs_load_opts_init(&lo);
	lo.skip_bad = 1;
	if ((ds = rs_dataset_load(argv[1], &lo, NULL, &err)) == NULL)
		die(argv[1], &err);
	rs_split_opts_init(&so, RS_SPLIT_RANDOM);
	so.test = 0.2;
	so.valid = getenv("VALID") && strcmp(getenv("VALID"), "1") == 0 ? 0.1 : 0;
	so.seed = 1;
	if ((sp = rs_split_apply(ds, &so, &sum, NULL, &err)) == NULL)
		die("split", &err);
	rs_dataset_free(ds);
	rs_train_request_init(&req);
	req.kind = argv[2];
	req.name = "bench";
	req.keys = keys;
	req.values = vals;
	req.nparams = np;
	req.fit.patience = 3;
	memset(&env, 0, sizeof env);
	env.ds = sp;
	if (rs_model_train(&env, &req, NULL, &t, &err) < 0)
		die("train", &err);
	if (rs_ctr_evaluate(t.model, sp, RS_TEST, &x, &err) != 0)
		die("eval", &err);
	{
		const struct ctr_state *s = t.model->state;
		struct ctr_rows *tr = model_ctr_encode(s, sp, RS_TRAIN, &err);
		struct ctr_rows *te = model_ctr_encode(s, sp, RS_TEST, &err);
		char path[4096];
		if (tr == NULL || te == NULL)
			die("encode", &err);
		printf("%s rows=%zu test_rows=%zu slots=%u features=%s fit_seconds=%.3f epochs=%zu best=%zu auc=%.5f logloss=%.5f base_logloss=%.5f\n",
		    argv[2], tr->n, te->n, tr->nf, s->features, t.model->fit_seconds,
		    t.model->nepochs, t.model->best_epoch, x.auc, x.logloss, x.base_logloss);
		if (strcmp(argv[3], "-") != 0) {
			snprintf(path, sizeof path, "%s.train.svm", argv[3]);
			write_svm(path, tr);
			snprintf(path, sizeof path, "%s.test.svm", argv[3]);
			write_svm(path, te);
		}
		model_ctr_rows_free(tr);
		model_ctr_rows_free(te);
	}
	rs_model_free(t.model);
	rs_dataset_free(sp);
	return 0;
}
