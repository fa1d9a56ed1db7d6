/* Unit tests of lr and fm: a factorization machine's margin and the probability metrics (auc, log loss, gauc, ece, base rate), against figures worked out by hand. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/reelscope.h"
#include "model/ctr-int.h"

#include "check.h"

/* Three active buckets 1, 3, 5 (and one missing slot), k = 2:
 *   bias 0.5, w = 0.1, -0.2, 0.3           linear part 0.5 + 0.2 = 0.7
 *   v1 = (1, 2), v3 = (0.5, -1), v5 = (-1, 0.5)
 *   pairs: <v1,v3> = 0.5 - 2 = -1.5, <v1,v5> = -1 + 1 = 0,
 *          <v3,v5> = -0.5 - 0.5 = -1                   sum -2.5
 *   O(kn) form: sums (0.5, 1.5), squares 1+4+0.25+1+1+0.25 = 7.5,
 *          (0.25 + 2.25 - 7.5) / 2 = -2.5
 *   margin 0.7 - 2.5 = -1.8 */
static void
test_fm_margin(void)
{
	struct ctr_state s;
	float w[16] = { 0 }, v[32] = { 0 }, sum[2];
	uint32_t idx[4] = { 1, CTR_NONE, 3, 5 };

	memset(&s, 0, sizeof s);
	s.bits = 4;
	s.nb = 16;
	s.k = 2;
	s.bias = 0.5f;
	s.w = w;
	s.v = v;
	w[1] = 0.1f;
	w[3] = -0.2f;
	w[5] = 0.3f;
	v[2] = 1;
	v[3] = 2;
	v[6] = 0.5f;
	v[7] = -1;
	v[10] = -1;
	v[11] = 0.5f;
	CHECK_NEAR(model_ctr_margin(&s, idx, 4, sum), -1.8, 1e-6);
	CHECK_NEAR(sum[0], 0.5, 1e-7);
	CHECK_NEAR(sum[1], 1.5, 1e-7);
	/* k = 0 is logistic regression: bias + the weights */
	s.k = 0;
	CHECK_NEAR(model_ctr_margin(&s, idx, 4, NULL), 0.7, 1e-6);
	/* probabilities: sigmoid, or Platt's sigmoid(a z + b) once calibrated */
	CHECK_NEAR(model_ctr_prob(&s, 0), 0.5, 1e-15);
	s.calibrated = true;
	s.cal_a = 2;
	s.cal_b = -1;
	CHECK_NEAR(model_ctr_prob(&s, 0.5), 0.5, 1e-15);
}

/* Six rows, users 0 0 0 1 1 1:
 *   p 0.9 0.8 0.7 0.6 0.3 0.2,  y 1 0 1 1 0 0
 *   auc: positives .9 .7 .6 against negatives .8 .3 .2: .9 beats 3, .7 and
 *        .6 beat 2 each: 7 of 9 pairs = 0.7778
 *   log loss: -(ln .9 + ln .2 + ln .7 + ln .6 + ln .7 + ln .8) / 6
 *           = 3.16211749 / 6 = 0.52701958
 *   gauc: user 0 (.9 1, .8 0, .7 1): 1 of 2 pairs = 0.5; user 1 (.6 1,
 *         .3 0, .2 0): 1; 3 rows each: 0.75
 *   ece: one row per bin (9, 8, 7, 6, 3, 2): (.1 + .8 + .3 + .4 + .3 + .2) / 6
 *        = 0.35
 *   base rate 1/2, its log loss ln 2 */
static void
test_metrics(void)
{
	double p[6] = { 0.9, 0.8, 0.7, 0.6, 0.3, 0.2 };
	uint8_t y[6] = { 1, 0, 1, 1, 0, 0 };
	uint32_t u[6] = { 0, 0, 0, 1, 1, 1 };
	double ties[4] = { 0.5, 0.5, 0.5, 0.5 };
	uint8_t ty[4] = { 1, 0, 1, 0 };
	rs_ctr_metrics x;

	rs_ctr_metrics_compute(p, y, u, 6, &x);
	CHECK(x.rows == 6 && x.positives == 3);
	CHECK_NEAR(x.auc, 7.0 / 9, 1e-12);
	CHECK_NEAR(x.logloss, 0.52701958, 1e-8);
	CHECK_NEAR(x.gauc, 0.75, 1e-12);
	CHECK(x.users == 2 && x.users_both == 2);
	CHECK_NEAR(x.ece, 0.35, 1e-12);
	CHECK_NEAR(x.base_rate, 0.5, 1e-15);
	CHECK_NEAR(x.base_logloss, log(2), 1e-12);
	CHECK(x.bin_rows[9] == 1 && x.bin_rows[0] == 0);
	CHECK_NEAR(x.bin_pred[7], 0.7, 1e-12);
	CHECK_NEAR(x.bin_obs[7], 1, 1e-12);
	/* all tied: every pair counts 1/2; one user with one class: no gauc */
	rs_ctr_metrics_compute(ties, ty, NULL, 4, &x);
	CHECK_NEAR(x.auc, 0.5, 1e-12);
	CHECK(isnan(x.gauc));
	CHECK_NEAR(x.ece, 0, 1e-12);
	CHECK_NEAR(x.logloss, log(2), 1e-12);
}

/* target=COL and target=COL>=T */
static void
test_target(void)
{
	char name[64];
	double thr;
	rs_error err;

	CHECK(model_ctr_target("is_like", name, sizeof name, &thr, &err) == 0);
	CHECK_STR(name, "is_like");
	CHECK(isnan(thr));
	CHECK(model_ctr_target("watch_ratio>=2", name, sizeof name, &thr, &err) == 0);
	CHECK_STR(name, "watch_ratio");
	CHECK_NEAR(thr, 2, 0);
	CHECK(model_ctr_target(">=2", name, sizeof name, &thr, &err) != 0);
	CHECK_STR(err.msg, "target=>=2: no column name");
}

int
main(void)
{
	test_fm_margin();
	test_metrics();
	test_target();
	printf("%d checks, %d failed\n", check_count, check_failures);
	return check_failures != 0;
}
