/* Using libreelscope from C without the terminal: load, split, train, evaluate. */
/*
 * Build against an installed reelscope:
 *
 *     cc -o example example.c $(pkg-config --cflags --libs reelscope)
 *     ./example ratings.csv [KIND]
 *
 * It loads a log (any file `load` reads: CSV/TSV with or without a header,
 * MovieLens, .gz), holds out a random 20% of the rows, trains a model of
 * KIND (default itemknn; `reelscope -c 'models --kinds'` lists them) and
 * prints its ndcg@10 on the held-out rows. Only the public headers are used.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <reelscope/reelscope.h>

static int
fail(const char *what, const rs_error *err)
{
	fprintf(stderr, "example: %s: %s\n", what, err->msg);
	return 1;
}

int
main(int argc, char **argv)
{
	const char *kind = argc > 2 ? argv[2] : "itemknn";
	const rs_model_kind *mk;
	rs_load_opts lo;
	rs_split_opts so;
	rs_split_summary sum;
	rs_imat_opts io;
	rs_fit_opts fo;
	rs_train_ctx ctx;
	rs_eval_opts eo;
	rs_eval_ctx *ec;
	rs_eval_result *res;
	rs_dataset *log, *ds;
	rs_imat *train;
	rs_model *m;
	rs_error err;
	int j;

	if (argc < 2 || (mk = rs_model_kind_find(kind)) == NULL) {
		fprintf(stderr, "usage: example FILE [KIND]\n");
		return 2;
	}
	/* load: every option decided from the data; malformed rows skipped */
	rs_load_opts_init(&lo);
	lo.skip_bad = 1;
	if ((log = rs_dataset_load(argv[1], &lo, NULL, &err)) == NULL)
		return fail(argv[1], &err);

	/* split: a copy of the dataset whose rows carry train or test */
	rs_split_opts_init(&so, RS_SPLIT_RANDOM);
	so.test = 0.2;
	so.seed = 7;
	ds = rs_split_apply(log, &so, &sum, NULL, &err);
	rs_dataset_free(log);
	if (ds == NULL)
		return fail("split", &err);

	/* train: the user x item matrix of the training rows (0/1 unless the
	 * kind predicts values), then the kind's fit */
	rs_imat_opts_init(&io);
	io.binary = !mk->explicit_values && !mk->uses_weights;
	if ((train = rs_imat_build(ds, &ds->log, &io, &err)) == NULL) {
		rs_dataset_free(ds);
		return fail("training matrix", &err);
	}
	if ((m = rs_model_new(kind, "example", NULL, NULL, 0, &err)) == NULL) {
		rs_imat_free(train);
		rs_dataset_free(ds);
		return fail(kind, &err);
	}
	memset(&ctx, 0, sizeof ctx);
	ctx.ds = ds;
	ctx.train = train;
	ctx.seed = 1;
	rs_fit_opts_init(&fo);
	if (rs_model_fit(m, &ctx, &fo, &err) < 0) {
		rs_model_free(m);
		rs_imat_free(train);
		rs_dataset_free(ds);
		return fail("train", &err);
	}
	m->train = train;	/* the model owns it now: seen items are skipped */

	/* evaluate: full ranking of the test part at k = 10 */
	rs_eval_opts_init(&eo);
	if ((ec = rs_eval_prepare(ds, &eo, &err)) == NULL) {
		rs_model_free(m);
		rs_dataset_free(ds);
		return fail("eval", &err);
	}
	res = rs_eval_run(ec, m, &err);
	if (res == NULL) {
		rs_eval_ctx_free(ec);
		rs_model_free(m);
		rs_dataset_free(ds);
		return fail("eval", &err);
	}
	j = rs_eval_metric_index(res, "ndcg@10");
	printf("%zu training rows, %zu test rows, %u test users\n",
	    sum.train, sum.test, (unsigned)sum.test_users);
	printf("%s ndcg@10 = %.4f over %u users\n", kind,
	    j >= 0 ? res->value[j] : 0.0, (unsigned)res->nusers);

	rs_eval_result_free(res);
	rs_eval_ctx_free(ec);
	rs_model_free(m);
	rs_dataset_free(ds);
	return j >= 0 ? 0 : 1;
}
