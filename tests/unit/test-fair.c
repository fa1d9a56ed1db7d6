/* Unit tests of creator exposure audits, re-rankers and anonymised ids — against hand-computed figures and those of docs/metrics.md. */
#include "config.h"

#define _GNU_SOURCE 1
#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "reelscope/reelscope.h"
#include "eval/eval-int.h"
#include "fair/fair-int.h"
#include "stats/dpnoise.h"
#include "model/imported.h"

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

/* ---- inequality ---- */
static void
test_inequality(void)
{
	const double x[] = { 3, 1, 4, 2 };	/* sorted: 1 2 3 4 */
	double px[5], py[5], area = 0, one[6] = { 0, 0, 0, 7, 0, 0 }, eq[4] = { 5, 5, 5, 5 };

	/* Σ(2i-n-1)x_i = -3·1 - 1·2 + 1·3 + 3·4 = 10; nΣx = 40, (n-1)Σx = 30 */
	CHECK_NEAR(rs_gini(x, 4, false), 0.25, TOL);
	CHECK_NEAR(rs_gini(x, 4, true), 1.0 / 3, TOL);
	/* Lorenz (0,0) (.25,.1) (.5,.3) (.75,.6) (1,1); G = 1 - 2·area */
	rs_lorenz(x, 4, px, py);
	CHECK_NEAR(px[1], 0.25, TOL);
	CHECK_NEAR(py[1], 0.1, TOL);
	CHECK_NEAR(py[2], 0.3, TOL);
	CHECK_NEAR(py[3], 0.6, TOL);
	CHECK_NEAR(py[4], 1, TOL);
	for (int i = 1; i <= 4; i++)
		area += (px[i] - px[i - 1]) * (py[i] + py[i - 1]) / 2;
	CHECK_NEAR(1 - 2 * area, rs_gini(x, 4, false), TOL);
	/* a single creator gets everything: (n-1)/n, or 1; entropy 0 */
	CHECK_NEAR(rs_gini(one, 6, false), 5.0 / 6, TOL);
	CHECK_NEAR(rs_gini(one, 6, true), 1, TOL);
	CHECK_NEAR(rs_entropy_bits(one, 6), 0, TOL);
	/* equal exposure: 0, and log2 n bits */
	CHECK_NEAR(rs_gini(eq, 4, false), 0, TOL);
	CHECK_NEAR(rs_entropy_bits(eq, 4), 2, TOL);
	/* shares 1/6 1/6 1/6 1/2: 3·(1/6)·log2 6 + 1/2 */
	{
		const double y[] = { 1, 1, 1, 3 };
		CHECK_NEAR(rs_entropy_bits(y, 4), 0.5 * log2(6) + 0.5, TOL);
	}
	/* nothing at all */
	CHECK_NEAR(rs_gini(eq, 1, false), 0, TOL);
	{
		const double z[3] = { 0, 0, 0 };
		CHECK_NEAR(rs_gini(z, 3, false), 0, TOL);
		CHECK_NEAR(rs_entropy_bits(z, 3), 0, TOL);
	}
}

/* Uniform random lists over many users: Gini -> 0, entropy -> log2 n. */
static void
test_uniform_random(void)
{
	enum { N = 50, USERS = 20000, K = 10 };
	double e[N] = { 0 };
	stats_dprng g;

	stats_dprng_init(&g, true, 7);
	for (int u = 0; u < USERS; u++)
		for (int r = 0; r < K; r++)
			e[(int)(stats_dprng_uniform(&g) * N)] += 1;
	/* counts ~ 4000 ± 63: Gini about 0.009, entropy within 0.001 bit */
	CHECK(rs_gini(e, N, false) < 0.02);
	CHECK(fabs(rs_entropy_bits(e, N) - log2(N)) < 0.002);
}

/* Position weights. */
static void
test_weights(void)
{
	rs_audit_opts o;

	rs_audit_opts_init(&o);
	CHECK_NEAR(rs_exposure_weight(&o, 1), 1, TOL);
	CHECK_NEAR(rs_exposure_weight(&o, 3), 0.5, TOL);
	o.exposure = RS_EXPOSURE_UNIFORM;
	CHECK_NEAR(rs_exposure_weight(&o, 9), 1, TOL);
	o.exposure = RS_EXPOSURE_RBP;
	CHECK_NEAR(rs_exposure_weight(&o, 3), 0.64, TOL);
	CHECK(rs_exposure_parse("cascade") == RS_EXPOSURE_CASCADE);
	CHECK(rs_exposure_parse("dcg") == -1);
}

/* Laplace noise: mean 0, mean |x| = b; the same seed gives the same draws. */
static void
test_laplace(void)
{
	stats_dprng g, h;
	double sum = 0, abs_sum = 0;
	enum { N = 200000 };

	stats_dprng_init(&g, true, 42);
	stats_dprng_init(&h, true, 42);
	for (int i = 0; i < N; i++) {
		double x = stats_dprng_laplace(&g, 2.0);
		sum += x;
		abs_sum += fabs(x);
	}
	/* sd of the mean = sqrt(2)·b/sqrt(N) = 0.0063; of mean |x|: b/sqrt(N) = 0.0045 */
	CHECK(fabs(sum / N) < 0.03);
	CHECK(fabs(abs_sum / N - 2.0) < 0.025);
	stats_dprng_init(&g, true, 42);
	CHECK(stats_dprng_laplace(&g, 1) == stats_dprng_laplace(&h, 1));
	/* unseeded draws come from libsodium and differ */
	stats_dprng_init(&g, false, 0);
	CHECK(stats_dprng_uniform(&g) != stats_dprng_uniform(&g));
}

/*
 * The tiny world of the audit tests. Items and creators:
 *   i1 A, i2 A, i3 B, i4 C, i5 D, i6 D
 * Training rows: u1 i1 i2; u2 i1 i3; u3 i1 i4   (pop i1 3, i2-i4 1, i5 i6 0)
 * Test rows:     u1 i3; u2 i5; u3 i5 i6         (all relevant)
 * Imported lists (k = 2): u1 i5 i3; u2 i5 i4; u3 i5 i2
 */
static rs_dataset *
tiny_world(void)
{
	rs_load_opts lo;
	rs_split_opts so;
	rs_split_summary sum;
	rs_dataset *ds, *sp;
	rs_error err;
	char tp[512], ip[512];

	snprintf(tp, sizeof tp, "%s", write_file("train.csv",
	    "user,item\nu1,i1\nu1,i2\nu2,i1\nu2,i3\nu3,i1\nu3,i4\n"));
	snprintf(ip, sizeof ip, "%s", write_file("items.csv",
	    "item,creator,tier\ni1,A,big\ni2,A,big\ni3,B,small\ni4,C,small\ni5,D,\ni6,D,small\n"));
	write_file("test.csv", "user,item\nu1,i3\nu2,i5\nu3,i5\nu3,i6\n");
	rs_load_opts_init(&lo);
	lo.items_path = ip;
	lo.creator = "creator";
	if ((ds = rs_dataset_load(tp, &lo, NULL, &err)) == NULL) {
		fprintf(stderr, "load: %s\n", err.msg);
		exit(99);
	}
	rs_split_opts_init(&so, RS_SPLIT_FILES);
	snprintf(tp, sizeof tp, "%s/test.csv", tmp);
	so.test_path = tp;
	if ((sp = rs_split_apply(ds, &so, &sum, NULL, &err)) == NULL) {
		fprintf(stderr, "split: %s\n", err.msg);
		exit(99);
	}
	rs_dataset_free(ds);
	return sp;
}

static rs_model *
import(const rs_dataset *ds, const char *file, const char *text)
{
	rs_import_opts io;
	rs_import_report rep;
	rs_error err;
	rs_model *m;

	rs_import_opts_init(&io);
	m = rs_import_recs(ds, write_file(file, text), "recs", &io, &rep, NULL, &err);
	if (m == NULL) {
		fprintf(stderr, "import: %s\n", err.msg);
		exit(99);
	}
	return m;
}

/* Index of a creator by name. */
static uint32_t
cr(const rs_dataset *ds, const char *name)
{
	return (uint32_t)rs_ids_find(ds->creators, name, strlen(name));
}

static void
test_audit_tiny(void)
{
	rs_dataset *ds = tiny_world();
	rs_model *m = import(ds, "recs.csv",
	    "user,item,rank\nu1,i5,1\nu1,i3,2\nu2,i5,1\nu2,i4,2\nu3,i5,1\nu3,i2,2\n");
	uint32_t A = cr(ds, "A"), B = cr(ds, "B"), C = cr(ds, "C"), D = cr(ds, "D");
	double l2 = 1 / log2(3.0);
	rs_audit_opts o;
	rs_audit *a;
	rs_error err;

	rs_audit_opts_init(&o);
	o.k = 2;
	o.exposure = RS_EXPOSURE_UNIFORM;
	a = rs_audit_run(ds, m, &o, &err);
	CHECK(a != NULL);
	if (a == NULL) {
		fprintf(stderr, "audit: %s\n", err.msg);
		exit(1);
	}
	CHECK(a->nunits == 4 && a->users == 3);
	/* uniform exposure A 1, B 1, C 1, D 3 of 6 */
	CHECK_NEAR(a->exposure[A], 1, TOL);
	CHECK_NEAR(a->exposure[D], 3, TOL);
	CHECK_NEAR(a->exposure_share[B], 1.0 / 6, TOL);
	CHECK_NEAR(a->gini, 0.25, TOL);
	CHECK_NEAR(a->gini_n1, 1.0 / 3, TOL);
	CHECK_NEAR(a->entropy, 0.5 * log2(6) + 0.5, TOL);
	CHECK_NEAR(a->entropy_max, 2, TOL);
	CHECK(a->nlorenz == 5);
	CHECK_NEAR(a->lorenz_y[3], 0.5, TOL);
	/* videos and training rows: A 2 videos, 4 rows; D 2 videos, 0 rows */
	CHECK(a->videos[A] == 2 && a->videos[D] == 2 && a->videos[B] == 1);
	CHECK_NEAR(a->interactions[A], 4, TOL);
	CHECK_NEAR(a->interaction_share[B], 1.0 / 6, TOL);
	/* merit: relevant pairs u1 i3 (B), u2 i5, u3 i5, u3 i6 (D) */
	CHECK_NEAR(a->merit_share[B], 0.25, TOL);
	CHECK_NEAR(a->merit_share[D], 0.75, TOL);
	CHECK_NEAR(a->ratio[B], 2.0 / 3, TOL);
	CHECK_NEAR(a->ratio[D], 2.0 / 3, TOL);
	CHECK(isnan(a->ratio[A]));
	/* Σ|s - m| = 1/6 + 1/12 + 1/6 + 1/4 */
	CHECK_NEAR(a->equity_of_attention, 2.0 / 3, TOL);
	/* coverage: all 4 creators; items i2 i3 i4 of the 4 trained ones */
	CHECK_NEAR(a->creator_coverage, 1, TOL);
	CHECK_NEAR(a->item_coverage, 0.75, TOL);
	/* head items (80%): i1 i2 i3 (the share before i4 is 5/6) */
	CHECK_NEAR(a->head_items, 3, TOL);
	CHECK_NEAR(a->arp, 0.5, TOL);
	CHECK_NEAR(a->aplt, 2.0 / 3, TOL);
	CHECK_NEAR(a->aclt, 4.0 / 3, TOL);
	/* PopRSP: head 2 listed / 4 candidates, tail 4 / 8: parity */
	CHECK_NEAR(a->pop_rsp, 0, TOL);
	/* PopREO: head 1/1, tail 2/3: std 1/6, mean 5/6 */
	CHECK_NEAR(a->pop_reo, 0.2, TOL);
	/* maximin: floor(3·2/4) = 1 slot, every creator has one */
	CHECK(a->maximin_share == 1);
	CHECK_NEAR(a->maximin_met_share, 1, TOL);
	CHECK_NEAR(a->maximin_min, 1, TOL);
	CHECK(a->slots[D] == 3);
	/* deciles: A (4 rows) 1st, B 3rd, C 6th, D 8th (floor(10p/4)) */
	CHECK(a->decile[A] == 0 && a->decile[B] == 2 && a->decile[C] == 5 &&
	    a->decile[D] == 7);
	CHECK_NEAR(a->decile_exposure[7], 0.5, TOL);
	CHECK_NEAR(a->decile_interactions[0], 4.0 / 6, TOL);
	CHECK_NEAR(a->decile_exposure[1], 0, TOL);
	/* groups: head creators A B (the share before C is 5/6), tail C D */
	CHECK(a->ngroups == 2);
	CHECK_STR(a->groups[0].name, "head");
	CHECK(a->groups[0].units == 2);
	CHECK_NEAR(a->groups[0].exposure_share, 1.0 / 3, TOL);
	CHECK_NEAR(a->groups[1].merit_share, 0.75, TOL);
	/* treatment: head (1/6)/(1/8) = 4/3, tail (1/3)/(3/8) = 8/9 */
	CHECK_NEAR(a->disparate_treatment, 1.5, TOL);
	CHECK_NEAR(a->disparate_exposure, 2, TOL);
	/* calibration: KL u1 log2(1/.505), u2 log2(100), u3 0 */
	CHECK_NEAR(a->calibration_kl, (log2(1 / 0.505) + log2(100)) / 3, 1e-12);
	/* expected exposure, γ = 0.8 over k = 2 (see the derivation in the
	 * comment of this test's data): D 1.64, R 1.06, L 0.868888... */
	CHECK_NEAR(a->ee_d, 1.64, 1e-12);
	CHECK_NEAR(a->ee_r, 1.06, 1e-12);
	CHECK_NEAR(a->ee_l, 2.6066666666666667 / 3, 1e-12);
	rs_audit_free(a);

	/* log weights: rank 2 is worth 1/log2 3 */
	o.exposure = RS_EXPOSURE_LOG;
	a = rs_audit_run(ds, m, &o, &err);
	CHECK_NEAR(a->exposure[A], l2, TOL);
	CHECK_NEAR(a->exposure[D], 3, TOL);
	CHECK_NEAR(a->exposure_share[D], 3 / (3 + 3 * l2), TOL);
	rs_audit_free(a);

	/* cascade u = 0.5: rank 2 after a relevant item weighs 0.8·0.5 */
	o.exposure = RS_EXPOSURE_CASCADE;
	a = rs_audit_run(ds, m, &o, &err);
	CHECK_NEAR(a->exposure[A], 0.4, TOL);
	CHECK_NEAR(a->exposure[B], 0.8, TOL);
	CHECK_NEAR(a->exposure[C], 0.4, TOL);
	rs_audit_free(a);

	/* per-user normalised rbp: each list is one unit, 1/1.8 and 0.8/1.8 */
	o.exposure = RS_EXPOSURE_RBP;
	o.normalized = true;
	a = rs_audit_run(ds, m, &o, &err);
	CHECK_NEAR(a->exposure[D], 3 / 1.8, TOL);
	CHECK_NEAR(a->exposure[B], 0.8 / 1.8, TOL);
	rs_audit_free(a);

	/* groups from an item column: A big, B small, C small, D from i6 */
	o.normalized = false;
	o.exposure = RS_EXPOSURE_UNIFORM;
	o.group = "tier";
	a = rs_audit_run(ds, m, &o, &err);
	CHECK(a->ngroups == 2);
	CHECK_STR(a->groups[0].name, "big");
	CHECK(a->groups[1].units == 3);
	CHECK_NEAR(a->groups[1].exposure_share, 5.0 / 6, TOL);
	rs_audit_free(a);
	o.group = "nope";
	CHECK(rs_audit_run(ds, m, &o, &err) == NULL);
	CHECK(strstr(err.msg, "group=nope: no such item column") != NULL);
	o.group = NULL;

	/* k longer than the lists */
	o.k = 3;
	CHECK(rs_audit_run(ds, m, &o, &err) == NULL);
	CHECK_STR(err.msg, "k=3 is longer than the lists of recs (at most 2 items): give k=2 or less");
	o.k = 2;

	/* differential privacy: sensitivity Σ w = 2 (uniform, k 2); same seed,
	 * same noise; what needs its own budget is withheld */
	o.dp = 0.5;
	o.seeded = true;
	o.seed = 3;
	a = rs_audit_run(ds, m, &o, &err);
	CHECK_NEAR(a->sensitivity, 2, TOL);
	CHECK_NEAR(a->dp_scale, 4, TOL);
	CHECK(a->merit == NULL && a->slots == NULL && isnan(a->arp));
	CHECK(a->ngroups == 0);
	{
		rs_audit *b = rs_audit_run(ds, m, &o, &err);
		stats_dprng g;
		double want[4] = { 1, 1, 1, 3 };
		stats_dprng_init(&g, true, 3);
		for (uint32_t u = 0; u < 4; u++) {
			double x = want[u] + stats_dprng_laplace(&g, 4);
			CHECK_NEAR(a->exposure[u], x > 0 ? x : 0, TOL);
			CHECK(a->exposure[u] == b->exposure[u]);
		}
		CHECK_NEAR(a->gini, rs_gini(a->exposure, 4, false), TOL);
		rs_audit_free(b);
	}
	rs_audit_free(a);
	o.dp = 0;

	/* items as units: n = 6 */
	o.items = true;
	a = rs_audit_run(ds, m, &o, &err);
	CHECK(a->nunits == 6);
	CHECK_NEAR(a->creator_coverage, 4.0 / 6, TOL);
	rs_audit_free(a);
	rs_model_free(m);

	/* MostPop-like: everyone gets the same two items of one creator:
	 * creator coverage N'/n = 1/4, Gini (n-1)/n, entropy 0; as items,
	 * N = 2 of n = 6: Gini (n-N)/n and (n-N)/(n-1) */
	m = import(ds, "same.csv", "user,item,rank\nu1,i5,1\nu1,i6,2\nu2,i5,1\nu2,i6,2\nu3,i5,1\nu3,i6,2\n");
	o.items = false;
	a = rs_audit_run(ds, m, &o, &err);
	CHECK_NEAR(a->creator_coverage, 0.25, TOL);
	CHECK_NEAR(a->gini, 0.75, TOL);
	CHECK_NEAR(a->gini_n1, 1, TOL);
	CHECK_NEAR(a->entropy, 0, TOL);
	CHECK(a->maximin_met[D] && !a->maximin_met[A]);
	CHECK_NEAR(a->maximin_min, 0, TOL);
	rs_audit_free(a);
	o.items = true;
	a = rs_audit_run(ds, m, &o, &err);
	CHECK_NEAR(a->gini, 4.0 / 6, TOL);
	CHECK_NEAR(a->gini_n1, 4.0 / 5, TOL);
	CHECK_NEAR(a->creator_coverage, 2.0 / 6, TOL);
	CHECK_NEAR(a->entropy, 1, TOL);
	rs_audit_free(a);
	rs_model_free(m);

	/* no creators: the message says how to map one */
	{
		rs_dataset *nc = rs_dataset_copy(ds);
		free(nc->item_creator);
		nc->item_creator = NULL;
		o.items = false;
		CHECK(rs_audit_check(nc, &o) != NULL);
		CHECK(strstr(rs_audit_check(nc, &o), "creator=COLUMN") != NULL);
		o.items = true;
		CHECK(rs_audit_check(nc, &o) == NULL);
		rs_dataset_free(nc);
	}
	rs_dataset_free(ds);
}


/* The list of user name in an imported model, as "i5 i3". */
static const char *
list_of(const rs_dataset *ds, const rs_model *m, const char *user)
{
	static char buf[256];
	const struct imported_lists *l = m->state;
	uint32_t u = (uint32_t)rs_ids_find(ds->users, user, strlen(user));

	buf[0] = '\0';
	for (uint64_t q = l->ptr[u]; q < l->ptr[u + 1]; q++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
		    q > l->ptr[u] ? " " : "", rs_ids_name(ds->items, l->item[q]));
	return buf;
}

/*
 * Re-rankers on the tiny world, candidates (scaled scores 1, 2/3, 1/3, 0):
 *   u1 i3(B) i5(D) i6(D) i4(C)    history i1 i2 (A A)
 *   u2 i2(A) i4(C) i5(D) i6(D)    history i1 i3 (A B)
 *   u3 i2(A) i3(B) i5(D) i6(D)    history i1 i4 (A C)
 * Head items i1-i3, tail i4-i6; head creators A B, tail C D.
 */
static void
test_rerank(void)
{
	rs_dataset *ds = tiny_world();
	rs_model *cands = import(ds, "cands.csv",
	    "user,item,rank\nu1,i3,1\nu1,i5,2\nu1,i6,3\nu1,i4,4\n"
	    "u2,i2,1\nu2,i4,2\nu2,i5,3\nu2,i6,4\nu3,i2,1\nu3,i3,2\nu3,i5,3\nu3,i6,4\n");
	rs_eval_opts eo;
	rs_eval_ctx *c;
	rs_eval_result *r;
	rs_rerank_opts o;
	rs_model *m;
	rs_error err;

	rs_eval_opts_init(&eo);
	eo.ks[0] = 4;
	eo.nks = 1;
	c = rs_eval_prepare(ds, &eo, &err);
	r = rs_eval_run(c, cands, &err);
	CHECK(r != NULL);

	/* mmr λ 0.5: a second item of a listed creator costs 1 >= any score
	 * gain: u1 i3 then i5 (.5·2/3 = .333 vs i6 .167); λ 0.9 the same here */
	rs_rerank_opts_init(&o, RS_RERANK_MMR);
	o.k = 2;
	o.candidates = 4;
	m = rs_rerank_lists(c, r, &o, "x", "test", &err);
	CHECK(m != NULL);
	CHECK_STR(list_of(ds, m, "u1"), "i3 i5");
	CHECK_STR(list_of(ds, m, "u3"), "i2 i3");
	CHECK(m->kind == &rs_kind_imported);
	rs_model_free(m);
	/* u2 with λ 0.5 at k 3: i2 (A), i4 (C), then i5: .5/3 - .5 < 0 = i6's
	 * .5·0 - .5 ... i5 .167-.5 = -.333 beats i6 -.5 */
	o.k = 3;
	m = rs_rerank_lists(c, r, &o, "x", "test", &err);
	CHECK_STR(list_of(ds, m, "u2"), "i2 i4 i5");
	rs_model_free(m);
	/* λ 0 at k 3 for u1: i3, i5 (first new creator), i4 (C): score only breaks ties */
	o.lambda = 0;
	m = rs_rerank_lists(c, r, &o, "x", "test", &err);
	CHECK_STR(list_of(ds, m, "u1"), "i3 i5 i4");
	rs_model_free(m);

	/* xquad λ 0.5, k 2. u1 history all head: P(head) 1: i3 .5+.5 = 1, then
	 * head covered: i5 .333; u3 history half tail: i2 .5+.25 = .75, then
	 * i5 .1667+.25 = .4167 beats i3 .333 */
	rs_rerank_opts_init(&o, RS_RERANK_XQUAD);
	o.k = 2;
	o.candidates = 4;
	m = rs_rerank_lists(c, r, &o, "x", "test", &err);
	CHECK_STR(list_of(ds, m, "u1"), "i3 i5");
	CHECK_STR(list_of(ds, m, "u3"), "i2 i5");
	/* u2 history all head: i2 1, then i4 .333 */
	CHECK_STR(list_of(ds, m, "u2"), "i2 i4");
	rs_model_free(m);

	/* calibrated λ 1 (calibration only), u3: p = (.5, .5); first a tie
	 * (KL 2.8255 either way) kept by rank: i2; then a tail item: i5 */
	rs_rerank_opts_init(&o, RS_RERANK_CALIBRATED);
	o.k = 2;
	o.candidates = 4;
	o.lambda = 1;
	m = rs_rerank_lists(c, r, &o, "x", "test", &err);
	CHECK_STR(list_of(ds, m, "u3"), "i2 i5");
	/* u1: p = (1, 0): head only: i3 then i5 (the only other head is none) */
	CHECK_STR(list_of(ds, m, "u1"), "i3 i5");
	rs_model_free(m);

	/* fair: p .5, alpha .1: m(1) = m(2) = 0, the model's order; p .9,
	 * alpha .2: BinomCDF(0; 1, .9) = .1 < .2 so m(1) = 1, and
	 * CDF(1; 2, .9) = .19 < .2 so m(2) = 2: tail creators only */
	rs_rerank_opts_init(&o, RS_RERANK_FAIR);
	o.k = 2;
	o.candidates = 4;
	m = rs_rerank_lists(c, r, &o, "x", "test", &err);
	CHECK_STR(list_of(ds, m, "u1"), "i3 i5");
	CHECK_STR(list_of(ds, m, "u2"), "i2 i4");
	rs_model_free(m);
	o.p = 0.9;
	o.alpha = 0.2;
	m = rs_rerank_lists(c, r, &o, "x", "test", &err);
	CHECK_STR(list_of(ds, m, "u1"), "i5 i6");
	CHECK_STR(list_of(ds, m, "u2"), "i4 i5");
	CHECK_STR(list_of(ds, m, "u3"), "i5 i6");
	rs_model_free(m);

	/* maximin: 3 users x 2 slots / 4 creators: share 1, quota 1. Round 1
	 * (u1 u2 u3): i3 (B), i2 (A), i5 (D); round 2 (u3 u2 u1): u3 none,
	 * u2 i4 (C), u1 none; then filled by score and ordered by score */
	rs_rerank_opts_init(&o, RS_RERANK_MAXIMIN);
	o.k = 2;
	o.candidates = 4;
	m = rs_rerank_lists(c, r, &o, "x", "test", &err);
	CHECK_STR(list_of(ds, m, "u1"), "i3 i5");
	CHECK_STR(list_of(ds, m, "u2"), "i2 i4");
	CHECK_STR(list_of(ds, m, "u3"), "i2 i5");
	rs_model_free(m);
	/* alpha 0: no quota, the model's top 2 */
	o.alpha = 0;
	m = rs_rerank_lists(c, r, &o, "x", "test", &err);
	CHECK_STR(list_of(ds, m, "u3"), "i2 i3");
	rs_model_free(m);

	/* bad parameters and short lists */
	rs_rerank_opts_init(&o, RS_RERANK_MMR);
	o.candidates = 4;
	o.k = 2;
	o.lambda = 1.5;
	CHECK(rs_rerank_lists(c, r, &o, "x", NULL, &err) == NULL);
	CHECK_STR(err.msg, "lambda must lie between 0 and 1");
	o.lambda = 0.5;
	o.candidates = 5;
	CHECK(rs_rerank_lists(c, r, &o, "x", NULL, &err) == NULL);
	CHECK_STR(err.msg, "the lists of recs hold 4 candidates, not 5");
	o.candidates = 4;

	/* mmr with feature cosine (docs/metrics.md: sim = same creator or feature
	 * cosine). Rows: i1-i3 (1,0), i4 (0,1), i5 (1,1), i6 (0,1). u1 at λ .5,
	 * k 3: i3 (score 1); then i5 .5·2/3 - .5·cos(i5,i3) = .3333 - .3536 =
	 * -.0202, i6 .5·1/3 - 0 = .1667, i4 0: i6; then i4's cosine with i6 is
	 * 1 (-.5) and i5 keeps -.0202: i5. By creator the list is i3 i5 i4. */
	{
		static const char *const rows[6] = { "i1", "i2", "i3", "i4", "i5", "i6" };
		static const float v[6][2] = { { 1, 0 }, { 1, 0 }, { 1, 0 },
			{ 0, 1 }, { 1, 1 }, { 0, 1 } };
		rs_features f;
		uint64_t ptr[7] = { 0 };
		uint32_t col[12];
		float val[12];
		uint32_t ni = rs_ids_count(ds->items), nnz = 0;
		memset(&f, 0, sizeof f);
		CHECK(ni == 6);
		for (uint32_t i = 0; i < ni && i < 6; i++) {
			const char *name = rs_ids_name(ds->items, i);
			for (int k = 0; k < 6; k++)
				if (strcmp(name, rows[k]) == 0)
					for (uint32_t d = 0; d < 2; d++)
						if (v[k][d] != 0) {
							col[nnz] = d;
							val[nnz++] = v[k][d];
						}
			ptr[i + 1] = nnz;
		}
		f.nitems = ni;
		f.x.nrows = ni;
		f.x.ncols = 2;
		f.x.ptr = ptr;
		f.x.col = col;
		f.x.val = val;
		f.ncols = 2;
		o.k = 3;
		o.lambda = 0.5;
		m = rs_rerank_lists(c, r, &o, "x", "test", &err);
		CHECK_STR(list_of(ds, m, "u1"), "i3 i5 i4");
		rs_model_free(m);
		o.sim_features = &f;
		m = rs_rerank_lists(c, r, &o, "x", "test", &err);
		CHECK(m != NULL);
		if (m != NULL)
			CHECK_STR(list_of(ds, m, "u1"), "i3 i6 i5");
		rs_model_free(m);
		/* λ 1: the model's own order, whatever the similarity */
		o.lambda = 1;
		m = rs_rerank_lists(c, r, &o, "x", "test", &err);
		CHECK_STR(list_of(ds, m, "u1"), "i3 i5 i6");
		rs_model_free(m);
		o.sim_features = NULL;
	}

	rs_eval_result_free(r);
	rs_eval_ctx_free(c);

	/* the trade-off sweep: mmr λ 0 and 1 at k 2 over 4 candidates; λ 1 is
	 * the model itself (u1 i3 i5, u2 i2 i4, u3 i2 i3) */
	{
		double vals[2] = { 0, 1 };
		rs_audit_opts ao;
		rs_tradeoff *t;
		rs_rerank_opts_init(&o, RS_RERANK_MMR);
		o.k = 2;
		o.candidates = 4;
		rs_audit_opts_init(&ao);
		t = rs_tradeoff_run(ds, cands, &o, vals, 2, &ao, &err);
		CHECK(t != NULL && t->nrows == 2);
		CHECK_NEAR(t->rows[1].gini, t->base.gini, TOL);
		CHECK_NEAR(t->rows[1].ndcg, t->base.ndcg, TOL);
		/* λ 0 lists: u1 i3 i5, u2 i2 i4, u3 i2 i3: the same */
		CHECK_NEAR(t->rows[0].creator_coverage, 1, TOL);
		CHECK_STR(t->param, "lambda");
		/* the sweep measures lists without re-scoring: the same figures as
		 * eval and audit of the re-ranked model */
		{
			rs_eval_opts e2;
			rs_model *x;
			rs_audit *a;
			double p9 = 0.9;
			rs_tradeoff *t2;
			rs_eval_opts_init(&e2);
			rs_rerank_opts_init(&o, RS_RERANK_FAIR);
			o.k = 2;
			o.candidates = 4;
			o.alpha = 0.2;
			t2 = rs_tradeoff_run(ds, cands, &o, &p9, 1, &ao, &err);
			o.p = 0.9;
			x = rs_rerank_run(ds, cands, &o, &e2, "x", &err);
			ao.k = 2;
			a = rs_audit_run(ds, x, &ao, &err);
			CHECK(a != NULL && t2 != NULL);
			/* tail creators only: not the model's lists */
			CHECK(fabs(t2->rows[0].gini - t2->base.gini) > 0.1);
			CHECK_NEAR(t2->rows[0].ndcg, a->ndcg, TOL);
			CHECK_NEAR(t2->rows[0].recall, a->recall, TOL);
			CHECK_NEAR(t2->rows[0].gini, a->gini, TOL);
			CHECK_NEAR(t2->rows[0].aplt, a->aplt, TOL);
			rs_audit_free(a);
			rs_model_free(x);
			rs_tradeoff_free(t2);
			/* the base line (the candidates' first k) = the model's audit */
			a = rs_audit_run(ds, cands, &ao, &err);
			CHECK_NEAR(t->base.ndcg, a->ndcg, TOL);
			CHECK_NEAR(t->base.recall, a->recall, TOL);
			CHECK_NEAR(t->base.gini, a->gini, TOL);
			CHECK_NEAR(t->base.creator_coverage, a->creator_coverage, TOL);
			rs_audit_free(a);
		}
		rs_tradeoff_free(t);
	}
	{
		size_t n;
		double *v = rs_tradeoff_parse_values("0:1:0.1", &n, &err);
		CHECK(n == 11 && v[3] == 0.3 && v[10] == 1);
		free(v);
		v = rs_tradeoff_parse_values("0.2,0.5", &n, &err);
		CHECK(n == 2 && v[1] == 0.5);
		free(v);
		CHECK(rs_tradeoff_parse_values("1:0:0.1", &n, &err) == NULL);
		CHECK(rs_tradeoff_parse_values("0:1", &n, &err) == NULL);
		CHECK(rs_tradeoff_parse_values("a,b", &n, &err) == NULL);
	}
	rs_model_free(cands);
	rs_dataset_free(ds);
}

static int
rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

int
main(void)
{
	snprintf(tmp, sizeof tmp, "%s/rs-fair-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_inequality();
	test_uniform_random();
	test_weights();
	test_laplace();
	test_audit_tiny();
	test_rerank();
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	printf("%d checks, %d failed\n", check_count, check_failures);
	return check_failures != 0;
}
