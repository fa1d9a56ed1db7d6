/* Unit tests of evaluation: every metric, the summaries and paired tests, imported lists — against hand-computed figures. */
#include "config.h"

#define _GNU_SOURCE 1
#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reelscope/reelscope.h"
#include "eval/eval-int.h"

#include "check.h"

#define TOL 1e-12

static char tmp[256];

static const char *
write_file(const char *name, const char *text)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmp, name);
	f = fopen(path, "wb");
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
		exit(99);
	}
	return path;
}

static double
lg(double r)	/* the DCG discount of rank r (1-based) */
{
	return 1.0 / log2(r + 1.0);
}

/* ---- ranking metrics of one list ---- */
static void
test_rank_metrics(void)
{
	rs_rank_metrics m;
	const uint8_t a[] = { 1, 0, 1, 0, 0 };
	const uint8_t b[] = { 0, 0, 1 };
	const uint8_t d[] = { 1, 1 };

	/* r1 r2 r3 r4 r5 with r1 and r3 relevant, |R| = 3, k = 5:
	 * hits 2: precision 2/5, recall 2/3;
	 * DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG over min(3,5) = 3 ranks
	 * = 1 + 1/log2(3) + 1/2 = 2.1309297535714578; NDCG = 0.7039180890341347;
	 * AP@5 = (1/1 + 2/3) / min(3,5) = 5/9; MRR 1; hit 1 */
	rs_rank_metrics_at(a, 5, 5, 3, &m);
	CHECK_NEAR(m.precision, 0.4, TOL);
	CHECK_NEAR(m.recall, 2.0 / 3, TOL);
	CHECK_NEAR(m.ndcg, 0.7039180890341347, TOL);
	CHECK_NEAR(m.map, 5.0 / 9, TOL);
	CHECK_NEAR(m.mrr, 1, TOL);
	CHECK_NEAR(m.hit, 1, TOL);
	/* cut at k = 2: one hit; IDCG over min(3,2) = 2 ranks = 1 + 1/log2(3),
	 * NDCG = 0.6131471927654584; AP = (1/1) / min(3,2) = 1/2 */
	rs_rank_metrics_at(a, 5, 2, 3, &m);
	CHECK_NEAR(m.precision, 0.5, TOL);
	CHECK_NEAR(m.recall, 1.0 / 3, TOL);
	CHECK_NEAR(m.ndcg, 0.6131471927654584, TOL);
	CHECK_NEAR(m.map, 0.5, TOL);
	/* first hit at rank 3, |R| = 1: P 1/3, NDCG = (1/log2 4)/1 = 1/2,
	 * AP = (1/3)/1, MRR 1/3 */
	rs_rank_metrics_at(b, 3, 3, 1, &m);
	CHECK_NEAR(m.precision, 1.0 / 3, TOL);
	CHECK_NEAR(m.recall, 1, TOL);
	CHECK_NEAR(m.ndcg, 0.5, TOL);
	CHECK_NEAR(m.map, 1.0 / 3, TOL);
	CHECK_NEAR(m.mrr, 1.0 / 3, TOL);
	/* only 2 items ranked, k = 5, |R| = 4: precision still divides by k
	 * (2/5); IDCG over min(4,5) = 4 ranks; AP = (1/1 + 2/2) / 4 */
	rs_rank_metrics_at(d, 2, 5, 4, &m);
	CHECK_NEAR(m.precision, 0.4, TOL);
	CHECK_NEAR(m.recall, 0.5, TOL);
	CHECK_NEAR(m.ndcg, (1 + lg(2)) / (1 + lg(2) + lg(3) + lg(4)), TOL);
	CHECK_NEAR(m.ndcg, 0.6366824387328317, TOL);
	CHECK_NEAR(m.map, 0.5, TOL);
	/* no hit in the top 2: zeros */
	rs_rank_metrics_at(b, 3, 2, 1, &m);
	CHECK(m.precision == 0 && m.recall == 0 && m.ndcg == 0 && m.map == 0 &&
	    m.mrr == 0 && m.hit == 0);
	/* no relevant item: undefined, not zero */
	rs_rank_metrics_at(a, 5, 5, 0, &m);
	CHECK(isnan(m.precision) && isnan(m.recall) && isnan(m.ndcg) &&
	    isnan(m.map) && isnan(m.mrr) && isnan(m.hit));
}

static int
cmp_f(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return (x > y) - (x < y);
}

/* AUC by definition: every (relevant, other) pair, ties 1/2. */
static double
auc_brute(const float *s, const uint8_t *rel, const uint8_t *excl, size_t n)
{
	double num = 0, pairs = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			if (!rel[i] || rel[j] || excl[i] || excl[j])
				continue;
			num += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
			pairs++;
		}
	return num / pairs;
}

static void
test_auc(void)
{
	/* relevant 0.9 and 0.4 against 0.8, 0.4, 0.1: 0.9 beats all three (3),
	 * 0.4 loses to 0.8, ties 0.4 (1/2), beats 0.1 -> 4.5 / 6 = 0.75 */
	float cand[] = { 0.9f, 0.8f, 0.4f, 0.4f, 0.1f, 0.95f };
	float pos[] = { 0.4f, 0.9f };
	uint32_t excl[] = { 5 };
	/* never recommended (NaN, mapped to -inf): relevant 1 and -inf against
	 * -inf and 0.5: 1 wins twice, -inf ties once (1/2) -> 2.5/4 */
	float cand2[] = { 1, -INFINITY, -INFINITY, 0.5f };
	float pos2[] = { -INFINITY, 1 };

	CHECK_NEAR(rs_auc_sorted(pos, 2, cand, 5, NULL, 0), 0.75, TOL);
	/* an excluded candidate (seen in training) changes nothing */
	CHECK_NEAR(rs_auc_sorted(pos, 2, cand, 6, excl, 1), 0.75, TOL);
	CHECK_NEAR(rs_auc_sorted(pos2, 2, cand2, 4, NULL, 0), 0.625, TOL);
	/* no negatives, no positives: undefined */
	CHECK(isnan(rs_auc_sorted(pos, 2, pos, 2, NULL, 0)));
	CHECK(isnan(rs_auc_sorted(pos, 0, cand, 5, NULL, 0)));
	/* both counting paths (few relevant: passes; many: searches) against
	 * the definition, with ties (scores on a coarse grid) and exclusions */
	for (size_t npos = 5; npos <= 400; npos += 395) {
		size_t n = 1000, np = 0, ne = 0;
		float *s = malloc(n * sizeof *s), *p = malloc(n * sizeof *p);
		uint8_t *rel = calloc(n, 1), *ex = calloc(n, 1);
		uint32_t *xl = malloc(n * sizeof *xl);
		uint64_t z = 12345;
		for (size_t i = 0; i < n; i++) {
			z = z * 6364136223846793005ULL + 1442695040888963407ULL;
			s[i] = (float)((z >> 33) % 50) / 7.0f;
			if (i % 13 == 0) {
				ex[i] = 1;
				xl[ne++] = (uint32_t)i;
			} else if (np < npos && (z >> 20) % 3 == 0) {
				rel[i] = 1;
				p[np++] = s[i];
			}
		}
		qsort(p, np, sizeof *p, cmp_f);
		CHECK(np == npos || npos == 400);
		CHECK_NEAR(rs_auc_sorted(p, np, s, n, xl, ne), auc_brute(s, rel, ex, n), 1e-12);
		free(s);
		free(p);
		free(rel);
		free(ex);
		free(xl);
	}
}

static void
test_diversity(void)
{
	/* categories: item 0 {A, B}, item 1 {A}, item 2 {C}, item 3 none.
	 * pairs: (0,1) 1 - 1/2, (0,2) 1 - 0, (1,2) 1 - 0; pairs with item 3 are
	 * skipped -> (0.5 + 1 + 1) / 3 */
	uint64_t cptr[] = { 0, 2, 3, 4, 4 };
	uint32_t ctok[] = { 0, 1, 0, 2 };
	uint32_t list[] = { 0, 1, 2, 3 };
	uint32_t same[] = { 1, 0 };

	CHECK_NEAR(rs_list_diversity(list, 4, cptr, ctok), 2.5 / 3, TOL);
	CHECK_NEAR(rs_list_diversity(same, 2, cptr, ctok), 0.5, TOL);
	CHECK(isnan(rs_list_diversity(list + 3, 1, cptr, ctok)));
	CHECK(isnan(rs_list_diversity(list, 4, NULL, NULL)));
}

static void
test_metric_names(void)
{
	uint32_t k;

	CHECK(rs_eval_metric_check("ndcg@10") == NULL);
	CHECK(rs_eval_metric_check("auc") == NULL);
	CHECK(rs_eval_metric_check("rmse") == NULL);
	CHECK(rs_eval_metric_check("ndcg") != NULL);
	CHECK(rs_eval_metric_check("auc@5") != NULL);
	CHECK(rs_eval_metric_check("ndcg@0") != NULL);
	CHECK(rs_eval_metric_check("ndcg@x") != NULL);
	CHECK(rs_eval_metric_check("nDCG@10") != NULL);
	CHECK(rs_eval_metric_check("foo") != NULL);
	CHECK(rs_metric_parse("watch_ratio@20", &k) == MF_WATCH && k == 20);
	CHECK(rs_eval_metric_sense("rmse") == RS_LOWER);
	CHECK(rs_eval_metric_sense("recall@5") == RS_HIGHER);
	CHECK(rs_eval_metric_sense("popularity@5") == RS_NEUTRAL);
	{
		rs_eval_opts o;
		rs_eval_opts_init(&o);
		CHECK(rs_eval_parse_ks(&o, "20,10,20") == NULL && o.nks == 2 &&
		    o.ks[0] == 10 && o.ks[1] == 20);
		CHECK(rs_eval_parse_ks(&o, "0") != NULL);
		CHECK(rs_eval_parse_ks(&o, "-5") != NULL);
		CHECK(rs_eval_parse_ks(&o, "10,") != NULL);
		CHECK(rs_eval_parse_ks(&o, "ten") != NULL);
	}
}

/* ---- special functions and the paired tests ---- */
static void
test_special(void)
{
	/* I_0.4(2, 3) = P(Binomial(4, 0.4) >= 2) = 1 - 0.6^4 - 4(0.4)(0.6^3) */
	CHECK_NEAR(rs_stat_incbeta(2, 3, 0.4), 0.5248, 1e-12);
	/* references by Simpson integration of the densities (bench/README) */
	CHECK_NEAR(rs_stat_incbeta(2.5, 0.5, 0.3), 0.018927124071945457, 1e-10);
	CHECK_NEAR(rs_stat_t_cdf(2, 5), 0.9490302605850676, 1e-10);
	CHECK_NEAR(rs_stat_t_cdf(-2, 5), 1 - 0.9490302605850676, 1e-10);
	CHECK_NEAR(rs_stat_t_quantile(0.975, 10), 2.228138851986273, 1e-9);
	CHECK_NEAR(rs_stat_t_quantile(0.025, 10), -2.228138851986273, 1e-9);
	CHECK_NEAR(rs_stat_t_quantile(0.975, 2), 4.302652729911275, 1e-9);
	CHECK_NEAR(rs_stat_norm_cdf(1.959963984540054), 0.975, 1e-12);
}

static void
test_paired(void)
{
	/* differences a - b = -1, 0, 1, 2, 3: mean 1, sd sqrt(10/4), so
	 * t = 1 / (sqrt(2.5)/sqrt(5)) = sqrt(2), df 4, p = 0.2301996410805125;
	 * d_z = 1/sqrt(2.5).
	 * Wilcoxon drops the 0; |d| = 1, 1, 2, 3 get ranks 1.5, 1.5, 3, 4;
	 * W+ = 1.5 + 3 + 4 = 8.5, W- = 1.5; n = 4: mean 5, variance
	 * 4·5·9/24 - (2³-2)/48 = 7.375; z = (8.5 - 5 - 0.5)/sqrt(7.375);
	 * p = erfc(z/sqrt 2) = 0.26929413671973673; r = (8.5-1.5)/10 */
	double a[] = { 1, 2, 3, 4, 5, NAN }, b[] = { 2, 2, 2, 2, 2, 1 };
	double c[] = { 1, 1 }, d[] = { 1, 1 };
	rs_paired p;
	rs_error err;

	CHECK(rs_paired_test(a, b, 6, &p, &err) == 0);
	CHECK(p.n == 5);
	CHECK_NEAR(p.mean_diff, 1, TOL);
	CHECK_NEAR(p.t, sqrt(2), 1e-12);
	CHECK_NEAR(p.df, 4, TOL);
	CHECK_NEAR(p.p_t, 0.2301996410805125, 1e-9);
	CHECK_NEAR(p.dz, 1 / sqrt(2.5), 1e-12);
	CHECK(p.zeros == 1 && p.nonzero == 4);
	CHECK_NEAR(p.w_plus, 8.5, TOL);
	CHECK_NEAR(p.w_minus, 1.5, TOL);
	CHECK_NEAR(p.z, 3 / sqrt(7.375), 1e-12);
	CHECK_NEAR(p.p_w, 0.26929413671973673, 1e-12);
	CHECK_NEAR(p.rank_biserial, 0.7, TOL);
	/* the 95% CI of the difference: 1 ± t(0.975, 4) sqrt(2.5)/sqrt(5) */
	CHECK_NEAR(p.diff_hi - p.diff_lo, 2 * rs_stat_t_quantile(0.975, 4) * sqrt(0.5), 1e-9);
	/* identical values: no difference, p = 1 for both */
	CHECK(rs_paired_test(c, d, 2, &p, &err) == 0);
	CHECK(p.p_t == 1 && p.p_w == 1 && p.zeros == 2);
	/* fewer than 2 pairs: an error */
	CHECK(rs_paired_test(a + 4, b + 4, 2, &p, &err) == -1);
	CHECK(strstr(err.msg, "at least 2 users") != NULL);
	CHECK(p.n == 1);
}

/* Beating (compare's baselines): a better mean and a paired t p < 0.05.
 * hit@1 of 5 users, A = (1,0,0,0,0) against B = (1,1,1,1,1): d = (0,-1,-1,-1,-1),
 * mean -0.8, sd sqrt(0.2), t = -4, df = 4, p = I_0.2(2, 1/2)
 * = 1 - (3/2) sqrt(0.8) + (1/2) 0.8^(3/2) = 0.01613. With two users better
 * and none worse, d = (1,1,0,0,0): t = 0.4 / sqrt(0.3 / 5), p = I_0.6(2, 1/2)
 * = 1 - (3/2) sqrt(0.4) + (1/2) 0.4^(3/2) = 0.1778: a better mean, not
 * significant, so not beating. */
static void
test_beats(void)
{
	double a[] = { 1, 0, 0, 0, 0 }, b[] = { 1, 1, 1, 1, 1 };
	double c[] = { 1, 1, 0, 0, 0 }, z[] = { 0, 0, 0, 0, 0 };
	rs_paired p;
	rs_error err;

	CHECK(rs_paired_test(a, b, 5, &p, &err) == 0);
	CHECK_NEAR(p.t, -4, 1e-12);
	CHECK_NEAR(p.p_t, 1 - 1.5 * sqrt(0.8) + 0.5 * pow(0.8, 1.5), 1e-9);
	CHECK(!rs_paired_beats(&p, RS_HIGHER));
	CHECK(rs_paired_beats(&p, RS_LOWER));	/* as for rmse: lower is better */
	CHECK(!rs_paired_beats(&p, RS_NEUTRAL));
	CHECK(rs_paired_test(b, a, 5, &p, &err) == 0);
	CHECK(rs_paired_beats(&p, RS_HIGHER));
	CHECK(rs_paired_test(c, z, 5, &p, &err) == 0);
	CHECK_NEAR(p.p_t, 1 - 1.5 * sqrt(0.4) + 0.5 * pow(0.4, 1.5), 1e-9);
	CHECK(p.mean_a > p.mean_b && !rs_paired_beats(&p, RS_HIGHER));
}

/* ---- end to end on tiny data ---- */

/* train: u1 {i1 i2}, u2 {i1 i3 i5}, u3 {i1 i2 i4} (rows ordered so that
 * i1..i5 get indices 0..4); training rows per item: i1 3, i2 2, i3-i5 1.
 * test: u1 {i3 4, i5 5}, u2 {i2 3}, u3 {i5 1, i1 2 (seen in training)}. */
static rs_dataset *
tiny_files(void)
{
	const char *train = write_file("train.csv",
	    "user,item,rating\nu1,i1,4\nu1,i2,3\nu2,i3,5\nu3,i4,2\nu2,i5,4\n"
	    "u2,i1,3\nu3,i1,5\nu3,i2,4\n");
	char tp[512];
	rs_load_opts lo;
	rs_split_opts so;
	rs_split_summary sum;
	rs_dataset *ds, *sp;
	rs_error err;

	snprintf(tp, sizeof tp, "%s", train);
	write_file("test.csv", "user,item,rating\nu1,i3,4\nu1,i5,5\nu2,i2,3\nu3,i5,1\nu3,i1,2\n");
	rs_load_opts_init(&lo);
	ds = rs_dataset_load(tp, &lo, NULL, &err);
	if (ds == NULL) {
		fprintf(stderr, "load: %s\n", err.msg);
		exit(99);
	}
	rs_split_opts_init(&so, RS_SPLIT_FILES);
	snprintf(tp, sizeof tp, "%s/test.csv", tmp);
	so.test_path = tp;
	so.allow_overlap = true;	/* u3's i1 is in both on purpose (a seen pair) */
	sp = rs_split_apply(ds, &so, &sum, NULL, &err);
	if (sp == NULL) {
		fprintf(stderr, "split: %s\n", err.msg);
		exit(99);
	}
	rs_dataset_free(ds);
	return sp;
}

static rs_model *
fit(const rs_dataset *ds, const char *kind, const char *name)
{
	rs_error err;
	rs_model *m = rs_model_new(kind, name, NULL, NULL, 0, &err);
	rs_imat_opts io;
	rs_train_ctx ctx;
	rs_fit_opts fo;

	rs_imat_opts_init(&io);
	io.binary = true;
	m->train = rs_imat_build(ds, &ds->log, &io, &err);
	memset(&ctx, 0, sizeof ctx);
	ctx.ds = ds;
	ctx.train = m->train;
	rs_fit_opts_init(&fo);
	CHECK(rs_model_fit(m, &ctx, &fo, &err) == 0);
	return m;
}

/* A value model predicting 3.5 everywhere, for rmse and mae. */
static void
const_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	(void)users;
	for (size_t i = 0; i < nu * m->nitems; i++)
		out[i] = 3.5f;
}

static const rs_model_kind const_kind = {
	.name = "const",
	.help = "3.5",
	.explicit_values = true,
	.score = const_score,
};

static double
metric(const rs_eval_result *r, const char *name)
{
	int j = rs_eval_metric_index(r, name);

	return j < 0 ? -999 : r->value[j];
}

static double
user_metric(const rs_eval_result *r, uint32_t e, const char *name)
{
	int j = rs_eval_metric_index(r, name);

	return j < 0 ? -999 : r->per_user[(size_t)e * r->nmetrics + (size_t)j];
}

static void
test_files_split(void)
{
	rs_dataset *ds = tiny_files();
	rs_model *pop = fit(ds, "pop", "pop"), *cm;
	rs_eval_opts o;
	rs_eval_ctx *c;
	rs_eval_result *r, *r2;
	rs_summary sm;
	rs_error err;

	rs_eval_opts_init(&o);
	o.ks[0] = 2;
	c = rs_eval_prepare(ds, &o, &err);
	CHECK(c != NULL);
	CHECK(c->neval == 3 && c->seen_pairs == 1 && c->relevant_pairs == 4);
	r = rs_eval_run(c, pop, &err);
	CHECK(r != NULL);
	/* pop scores i1 3, i2 2, i3-i5 1; ties by item index.
	 * u1 (seen i1 i2): ranks i3 i4 i5 -> [i3 i4], R = {i3 i5}: P 1/2,
	 *   R 1/2, NDCG 1/(1 + 1/log2 3), AP (1/1)/2, MRR 1; AUC: i3, i5 tie i4
	 *   -> 1/2.
	 * u2 (seen i1 i3 i5): [i2 i4], R = {i2}: P 1/2, R 1, NDCG 1, AP 1, MRR 1;
	 *   AUC 1.
	 * u3 (seen i1 i2 i4): [i3 i5], R = {i5} (i1 was seen): P 1/2, R 1,
	 *   NDCG 1/log2 3, AP (1/2)/1, MRR 1/2; AUC: i5 ties i3 -> 1/2. */
	CHECK_NEAR(metric(r, "precision@2"), 0.5, TOL);
	CHECK_NEAR(metric(r, "recall@2"), (0.5 + 1 + 1) / 3, TOL);
	CHECK_NEAR(metric(r, "ndcg@2"), (1 / (1 + lg(2)) + 1 + lg(2)) / 3, TOL);
	CHECK_NEAR(metric(r, "ndcg@2"), 0.748025648778972, 1e-12);
	CHECK_NEAR(metric(r, "map@2"), (0.5 + 1 + 0.5) / 3, TOL);
	CHECK_NEAR(metric(r, "mrr@2"), (1 + 1 + 0.5) / 3, TOL);
	CHECK_NEAR(metric(r, "hit@2"), 1, TOL);
	CHECK_NEAR(metric(r, "auc"), (0.5 + 1 + 0.5) / 3, TOL);
	CHECK(r->lists[0] == 2 && r->lists[1] == 3);	/* u1: i3 i4 */
	CHECK(r->lists[2] == 1 && r->lists[3] == 3);	/* u2: i2 i4 */
	/* beyond accuracy: 8 training rows; -log2(1/8) = 3, -log2(2/8) = 2.
	 * novelty: u1 (3+3)/2, u2 (2+3)/2, u3 (3+3)/2; popularity: u1 1,
	 * u2 1.5, u3 1; coverage: {i2 i3 i4 i5} of 5 trained items */
	CHECK_NEAR(metric(r, "novelty@2"), (3 + 2.5 + 3) / 3, TOL);
	CHECK_NEAR(metric(r, "popularity@2"), (1 + 1.5 + 1) / 3.0, TOL);
	CHECK_NEAR(metric(r, "item_coverage@2"), 0.8, TOL);
	CHECK(rs_eval_metric_index(r, "rmse") < 0);	/* pop ranks, no values */
	CHECK(rs_eval_metric_index(r, "diversity@2") < 0);	/* no categories */
	CHECK(rs_eval_metric_index(r, "watch_ratio@2") < 0);
	/* the t interval of map@2 over users (0.5, 1, 0.5): 2/3 ± t(0.975, 2)
	 * · sd/sqrt(3) = 2/3 ± 0.7171087883185457 */
	rs_eval_summarize(r, (size_t)rs_eval_metric_index(r, "map@2"), 1, &sm);
	CHECK_NEAR(sm.mean, 2.0 / 3, TOL);
	CHECK_NEAR(sm.hi - sm.mean, 0.7171087883185457, 1e-9);
	CHECK(sm.n == 3);
	/* sampled with 1 negative: here every user has exactly one non-relevant
	 * unseen item, so the candidates and numbers are those of full ranking */
	rs_eval_ctx_free(c);
	o.sampled = 1;
	c = rs_eval_prepare(ds, &o, &err);
	r2 = rs_eval_run(c, pop, &err);
	CHECK(r2 != NULL && r2->sampled == 1);
	CHECK_NEAR(metric(r2, "ndcg@2"), metric(r, "ndcg@2"), TOL);
	CHECK_NEAR(metric(r2, "auc"), metric(r, "auc"), TOL);
	rs_eval_result_free(r2);
	rs_eval_ctx_free(c);
	/* rmse and mae of a constant 3.5 against 4, 5, 3, 1, 2 (every held-out
	 * pair, the seen one included): errors .5 1.5 .5 2.5 1.5 ->
	 * rmse sqrt(11.25/5) = 1.5, mae 6.5/5; u1's own rmse sqrt(2.5/2) */
	cm = calloc(1, sizeof *cm);
	cm->name = strdup("const");
	cm->kind = &const_kind;
	cm->nusers = rs_ids_count(ds->users);
	cm->nitems = rs_ids_count(ds->items);
	{
		/* trained on the ratings: a value model (on 0/1 it would rank) */
		rs_imat_opts vo;
		rs_imat_opts_init(&vo);
		cm->train = rs_imat_build(ds, &ds->log, &vo, &err);
		CHECK(cm->train != NULL && cm->train->explicit_values);
	}
	o.sampled = 0;
	c = rs_eval_prepare(ds, &o, &err);
	r2 = rs_eval_run(c, cm, &err);
	CHECK(r2 != NULL);
	CHECK_NEAR(metric(r2, "rmse"), 1.5, 1e-12);
	CHECK_NEAR(metric(r2, "mae"), 1.3, 1e-12);
	CHECK_NEAR(user_metric(r2, 0, "rmse"), sqrt(1.25), 1e-12);
	CHECK(r2->rated_pairs == 5);
	/* the bootstrap interval brackets the pooled value */
	CHECK(rs_eval_metric_index(r2, "rmse") >= 0);
	rs_eval_summarize(r2, (size_t)rs_eval_metric_index(r2, "rmse"), 1, &sm);
	CHECK(sm.lo <= 1.5 && sm.hi >= 1.5 && sm.lo < sm.hi);
	/* a model trained on other data is refused */
	cm->nitems++;
	CHECK(rs_eval_run(c, cm, &err) == NULL && strstr(err.msg, "retrain") != NULL);
	cm->nitems--;
	/* the same kind trained on 0/1 does not predict values: no rmse */
	rs_imat_free(cm->train);
	cm->train = pop->train;
	rs_eval_result_free(r2);
	r2 = rs_eval_run(c, cm, &err);
	CHECK(r2 != NULL && rs_eval_metric_index(r2, "rmse") < 0);
	rs_eval_result_free(r2);
	rs_eval_ctx_free(c);
	cm->train = NULL;
	free(cm->name);
	free(cm);
	/* lists out, lists back in: the imported model evaluates the same */
	{
		char lp[512];
		rs_import_opts io;
		rs_import_report rep;
		rs_model *im;
		snprintf(lp, sizeof lp, "%s/lists.csv", tmp);
		CHECK(rs_eval_export_lists(r, ds, lp, &err) == 0);
		rs_import_opts_init(&io);
		im = rs_import_recs(ds, lp, "imp", &io, &rep, NULL, &err);
		CHECK(im != NULL);
		CHECK(rep.rows == 6 && rep.kept == 6 && rep.users == 3 && rep.longest == 2);
		CHECK(rep.unknown_users == 0 && rep.seen_in_training == 0 && !rep.by_score);
		o.ks[0] = 2;
		c = rs_eval_prepare(ds, &o, &err);
		r2 = rs_eval_run(c, im, &err);
		CHECK(r2 != NULL);
		for (size_t j = 0; r2 != NULL && j < r2->nmetrics; j++)
			if (strcmp(r2->names[j], "auc") != 0)
				CHECK_NEAR(r2->value[j], metric(r, r2->names[j]), TOL);
		/* AUC differs: unlisted items are never recommended, so they tie
		 * last. u1: i3 listed first (2), i4 (1), i5 unlisted: i3 > i4,
		 * i5 < i4 -> 1/2; u2 1; u3: i5 listed 2nd, i3 1st -> 0 */
		CHECK_NEAR(metric(r2, "auc"), (0.5 + 1 + 0) / 3, TOL);
		rs_eval_result_free(r2);
		rs_eval_ctx_free(c);
		rs_model_free(im);
	}
	rs_eval_result_free(r);
	rs_model_free(pop);
	rs_dataset_free(ds);
}

static void
test_import_bad(void)
{
	rs_dataset *ds = tiny_files();
	rs_import_opts io;
	rs_import_report rep;
	rs_model *m;
	rs_error err;
	char p[512];

	rs_import_opts_init(&io);
	/* unknown users and items: skipped, counted, first one named */
	snprintf(p, sizeof p, "%s", write_file("unk.csv",
	    "user,item,rank\nu1,i3,1\nu9,i3,1\nu9,i4,2\nu1,zz,2\nu2,i2,1\n"));
	m = rs_import_recs(ds, p, "x", &io, &rep, NULL, &err);
	CHECK(m != NULL);
	CHECK(rep.unknown_users == 1 && rep.unknown_user_rows == 2);
	CHECK(rep.unknown_items == 1 && rep.unknown_item_rows == 1);
	CHECK_STR(rep.unknown_user_example, "u9");
	CHECK_STR(rep.unknown_item_example, "zz");
	CHECK(rep.kept == 2 && rep.users == 2);
	rs_model_free(m);
	/* a rank used twice for one user: an error naming both rows */
	snprintf(p, sizeof p, "%s", write_file("dup.csv",
	    "user,item,rank\nu1,i3,1\nu1,i4,1\n"));
	CHECK(rs_import_recs(ds, p, "x", &io, &rep, NULL, &err) == NULL);
	CHECK(strstr(err.msg, "dup.csv:3: user u1 has rank 1 twice (first on line 2)") != NULL);
	/* an item twice: the better rank kept */
	snprintf(p, sizeof p, "%s", write_file("twice.csv",
	    "user,item,rank\nu1,i3,2\nu1,i3,1\nu1,i4,3\n"));
	m = rs_import_recs(ds, p, "x", &io, &rep, NULL, &err);
	CHECK(m != NULL && rep.duplicate_items == 1 && rep.kept == 2);
	rs_model_free(m);
	/* scores only, higher first; ties by file order */
	snprintf(p, sizeof p, "%s", write_file("score.csv",
	    "user,item,score\nu1,i4,0.5\nu1,i3,0.9\nu1,i5,0.5\n"));
	m = rs_import_recs(ds, p, "x", &io, &rep, NULL, &err);
	CHECK(m != NULL && rep.by_score && rep.tied_scores == 1);
	if (m != NULL) {
		uint32_t items[3];
		CHECK(rs_model_recommend(m, 0, 3, true, items, NULL, NULL) == 3);
		CHECK(items[0] == 2 && items[1] == 3 && items[2] == 4);
	}
	rs_model_free(m);
	/* nothing known at all */
	snprintf(p, sizeof p, "%s", write_file("none.csv", "user,item,rank\nq,i3,1\n"));
	CHECK(rs_import_recs(ds, p, "x", &io, &rep, NULL, &err) == NULL);
	CHECK(strstr(err.msg, "none of the 1 rows") != NULL);
	/* not a rank */
	snprintf(p, sizeof p, "%s", write_file("zero.csv", "user,item,rank\nu1,i3,0\n"));
	CHECK(rs_import_recs(ds, p, "x", &io, &rep, NULL, &err) == NULL);
	CHECK(strstr(err.msg, "rank must be a whole number") != NULL);
	rs_dataset_free(ds);
}

/* A fully observed block: big_matrix u0 {v0 v1}, u1 {v0 v2}, u2 {v3};
 * small_matrix u0 {v1 3.0, v2 1.5, v3 0.2}, u1 {v1 2.5, v2 0.9, v3 2.1}
 * with play_duration = 1000 · watch ratio and likes on (u0 v1), (u1 v1). */
static void
test_observed(void)
{
	char dir[512];
	rs_load_opts lo;
	rs_split_opts so;
	rs_split_summary sum;
	rs_dataset *ds, *sp;
	rs_model *pop;
	rs_eval_opts o;
	rs_eval_ctx *c;
	rs_eval_result *r;
	rs_error err;
	static const char *hdr = "user_id,video_id,play_duration,video_duration,timestamp,watch_ratio,is_like\n";
	char buf[1024];

	snprintf(dir, sizeof dir, "%s/kr", tmp);
	mkdir(dir, 0755);
	snprintf(buf, sizeof buf, "%s%s", hdr,
	    "0,0,1000,1000,1593878940,1.0,0\n0,1,500,1000,1593878941,0.5,0\n"
	    "1,0,2000,1000,1593878942,2.0,1\n1,2,100,1000,1593878943,0.1,0\n"
	    "2,3,100,1000,1593878944,0.1,0\n");
	write_file("kr/big_matrix.csv", buf);
	snprintf(buf, sizeof buf, "%s%s", hdr,
	    "0,1,3000,1000,1593879940,3.0,1\n0,2,1500,1000,1593879941,1.5,0\n"
	    "0,3,200,1000,1593879942,0.2,0\n1,1,2500,1000,1593879943,2.5,1\n"
	    "1,2,900,1000,1593879944,0.9,0\n1,3,2100,1000,1593879945,2.1,0\n");
	write_file("kr/small_matrix.csv", buf);
	rs_load_opts_init(&lo);
	ds = rs_dataset_load(dir, &lo, NULL, &err);
	CHECK(ds != NULL);
	if (ds == NULL)
		return;
	rs_split_opts_init(&so, RS_SPLIT_OBSERVED);
	sp = rs_split_apply(ds, &so, &sum, NULL, &err);
	rs_dataset_free(ds);
	pop = fit(sp, "pop", "pop");
	rs_eval_opts_init(&o);
	o.ks[0] = 2;
	c = rs_eval_prepare(sp, &o, &err);
	r = rs_eval_run(c, pop, &err);
	/* pop: v0 2, v1 v2 v3 1. u0 saw v0 v1: candidates v2 v3 -> [v2 v3];
	 * u1 saw v0 v2: [v1 v3]. Relevance defaults to watch ratio >= 2:
	 * u0 none (v1 was seen), u1 {v1 v3}: all metrics 1, AUC undefined.
	 * Short video, exact: u0 (1.5, 0.2) u1 (2.5, 2.1): watch (0.85 + 2.3)/2,
	 * completion (1/2 + 1)/2, effective (0 + 1)/2, dwell (1700 + 4600)/2,
	 * like (0 + 1/2)/2 */
	CHECK(r != NULL && r->observed && r->short_video && !r->biased);
	CHECK(r->nusers == 2 && r->ranking_users == 1);
	CHECK_NEAR(metric(r, "ndcg@2"), 1, TOL);
	CHECK(isnan(metric(r, "auc")));
	CHECK_NEAR(metric(r, "watch_ratio@2"), (0.85 + 2.3) / 2, 1e-12);
	CHECK_NEAR(metric(r, "completion@2"), 0.75, TOL);
	CHECK_NEAR(metric(r, "effective@2"), 0.5, TOL);
	CHECK_NEAR(metric(r, "dwell@2"), 3150, TOL);
	CHECK_NEAR(metric(r, "like@2"), 0.25, TOL);
	rs_eval_result_free(r);
	rs_eval_ctx_free(c);
	/* relevant=watch_ratio>=1: u0 {v2} -> [v2 v3] P 1/2, AUC v2 ties v3
	 * (both score 1) 1/2; u1 {v1 v3}: P 1, no negatives */
	o.relevant = "watch_ratio";
	o.relevant_min = 1;
	c = rs_eval_prepare(sp, &o, &err);
	r = rs_eval_run(c, pop, &err);
	CHECK_NEAR(metric(r, "precision@2"), 0.75, TOL);
	CHECK_NEAR(metric(r, "auc"), 0.5, TOL);
	/* the effective-view threshold moves effective@k */
	rs_eval_result_free(r);
	rs_eval_ctx_free(c);
	o.effective = 1.0;
	c = rs_eval_prepare(sp, &o, &err);
	r = rs_eval_run(c, pop, &err);
	CHECK_NEAR(metric(r, "effective@2"), 0.75, TOL);
	rs_eval_result_free(r);
	rs_eval_ctx_free(c);
	/* bad protocols: unknown column, text column, missing threshold */
	o.relevant = "nope";
	CHECK(rs_eval_prepare(sp, &o, &err) == NULL && strstr(err.msg, "no such column"));
	o.relevant = "watch_ratio";
	o.relevant_min = NAN;
	CHECK(rs_eval_prepare(sp, &o, &err) == NULL && strstr(err.msg, "threshold"));
	rs_model_free(pop);
	rs_dataset_free(sp);
}

static void
test_no_split(void)
{
	rs_load_opts lo;
	rs_dataset *ds;
	rs_eval_opts o;
	rs_error err;
	char p[512];

	snprintf(p, sizeof p, "%s", write_file("plain.csv", "user,item\na,x\nb,y\n"));
	rs_load_opts_init(&lo);
	ds = rs_dataset_load(p, &lo, NULL, &err);
	rs_eval_opts_init(&o);
	CHECK(rs_eval_prepare(ds, &o, &err) == NULL);
	CHECK(strstr(err.msg, "no split yet") != NULL);
	o.nks = 0;
	rs_dataset_free(ds);
}

static void
test_tune_check(void)
{
	rs_tune_opts o;
	rs_tune_param p;
	char *vals[] = { "0", "7" }, *bad[] = { "-1" };
	rs_error err;

	memset(&o, 0, sizeof o);
	o.kind = "pop";
	p.name = "window";
	p.values = vals;
	p.nvalues = 2;
	o.params = &p;
	o.nparams = 1;
	CHECK(rs_tune_check(&o, &err) == 0);
	p.name = "windwo";
	CHECK(rs_tune_check(&o, &err) == -1 && strstr(err.msg, "has no parameter windwo"));
	p.name = "window";
	p.values = bad;
	p.nvalues = 1;
	CHECK(rs_tune_check(&o, &err) == -1 && strstr(err.msg, "out of range"));
	p.values = vals;
	p.nvalues = 2;
	o.metric = "rmse";
	CHECK(rs_tune_check(&o, &err) == -1 && strstr(err.msg, "ranks items"));
	o.metric = "bogus@3";
	CHECK(rs_tune_check(&o, &err) == -1 && strstr(err.msg, "is not a metric"));
	o.metric = NULL;
	o.kind = "nope";
	CHECK(rs_tune_check(&o, &err) == -1 && strstr(err.msg, "unknown model"));
	o.kind = "imported";
	CHECK(rs_tune_check(&o, &err) == -1);
	o.kind = "pop";
	o.nparams = 0;
	CHECK(rs_tune_check(&o, &err) == -1 && strstr(err.msg, "nothing to search"));
}

/* rs_workspace_train: the checks, the started hook, the model kept. */
static void
started(void *arg, const rs_model *m)
{
	*(const rs_model **)arg = m;
}

static void
test_workspace_train(void)
{
	rs_workspace *ws = rs_workspace_new();
	rs_train_request req;
	rs_trained t;
	rs_error err;
	const rs_model *seen = NULL;
	rs_load_opts lo;

	rs_workspace_set_base(ws, tiny_files(), "train.csv");
	rs_train_request_init(&req);
	req.kind = "pop";
	req.name = "p";
	req.started = started;
	req.started_arg = &seen;
	CHECK(rs_workspace_train(ws, &req, &t, &err) == 0);
	CHECK(t.model != NULL && t.model == seen);
	CHECK(rs_workspace_model(ws, "p") == t.model);
	CHECK(t.model->train != NULL && t.model->train->nnz == 8);
	CHECK(!t.validated);
	req.fit.metric = "rmse";
	CHECK(rs_workspace_train(ws, &req, &t, &err) == -1 && t.model == NULL);
	CHECK(strstr(err.msg, "needs a rating model (") != NULL && strstr(err.msg, "mf") != NULL);
	req.fit.metric = "ndcg";
	CHECK(rs_workspace_train(ws, &req, &t, &err) == -1 && strstr(err.msg, "ndcg@K"));
	req.fit.metric = NULL;
	req.kind = "nope";
	CHECK(rs_workspace_train(ws, &req, &t, &err) == -1 && strstr(err.msg, "unknown model nope"));
	CHECK(rs_workspace_nmodels(ws) == 1);
	/* trained apart (compare's baselines): the caller's, not the workspace's */
	req.kind = "random";
	req.name = "r";
	CHECK(rs_workspace_train_apart(ws, &req, &t, &err) == 0 && t.model != NULL);
	CHECK(t.model->train != NULL && t.model->train->nnz == 8);
	CHECK(rs_workspace_nmodels(ws) == 1 && rs_workspace_model(ws, "r") == NULL);
	rs_model_free(t.model);
	/* the same data without a split */
	rs_load_opts_init(&lo);
	rs_workspace_set_base(ws, rs_dataset_load(write_file("plain2.csv",
	    "user,item\na,x\nb,y\n"), &lo, NULL, &err), "plain2.csv");
	req.kind = "pop";
	CHECK(rs_workspace_train(ws, &req, &t, &err) == -1 && strstr(err.msg, "no split yet"));
	rs_workspace_free(ws);
}

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Kendall's tau-b by hand: a = 1 2 3 4, b = 1 3 2 4 has 5 concordant and
 * 1 discordant pair: (5 - 1)/6 = 2/3; reversed order -1; with a tie in b
 * (1 1 2 3): 5 concordant, 0 discordant, one pair tied in b only:
 * 5/sqrt(6 x 5) = 0.912871; fewer than two values, or all tied: NaN. */
static void
test_kendall(void)
{
	double a[] = { 1, 2, 3, 4 }, b[] = { 1, 3, 2, 4 }, r[] = { 4, 3, 2, 1 },
	    t[] = { 1, 1, 2, 3 }, c[] = { 5, 5, 5, 5 }, n[] = { 1, NAN, NAN, NAN };

	CHECK_NEAR(rs_kendall_tau(a, b, 4), 2.0 / 3, 1e-12);
	CHECK_NEAR(rs_kendall_tau(a, r, 4), -1, 1e-12);
	CHECK_NEAR(rs_kendall_tau(a, a, 4), 1, 1e-12);
	CHECK_NEAR(rs_kendall_tau(a, t, 4), 5 / sqrt(30), 1e-12);
	CHECK(isnan(rs_kendall_tau(a, c, 4)));
	CHECK(isnan(rs_kendall_tau(a, n, 4)));
	CHECK(isnan(rs_kendall_tau(a, b, 1)));
}

int
main(void)
{
	snprintf(tmp, sizeof tmp, "%s/rs-eval-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_rank_metrics();
	test_auc();
	test_diversity();
	test_metric_names();
	test_special();
	test_paired();
	test_beats();
	test_files_split();
	test_import_bad();
	test_observed();
	test_no_split();
	test_tune_check();
	test_workspace_train();
	test_kendall();
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return check_done("test-eval");
}
