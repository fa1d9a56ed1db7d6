/* Unit tests of the privacy figures: the membership attack's AUC and advantage, the accountant's plain Gaussian case, seeded Gaussian noise, by hand. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "reelscope/reelscope.h"
#include "stats/dpnoise.h"

#include "check.h"

/* Members lose 0.1, 0.4, 0.35; non-members 0.8, 0.2. Member below
 * non-member in 4 of the 6 pairs (0.1 < both, 0.4 and 0.35 < 0.8 only):
 * AUC 4/6. Thresholds (guess member at loss <= t): t=0.1 TPR 1/3 FPR 0;
 * t=0.2 1/3-1/2; t=0.35 2/3-1/2; t=0.4 1-1/2 = 0.5 (the largest); t=0.8
 * 1-1 = 0. */
static void
test_mia_hand(void)
{
	const double mem[] = { 0.1, 0.4, 0.35 }, non[] = { 0.8, 0.2 };
	const double tie_m[] = { 1, 2 }, tie_n[] = { 1, 3 };
	rs_mia_result r;

	rs_mia_score(mem, 3, non, 2, &r);
	CHECK(r.members == 3 && r.nonmembers == 2);
	CHECK_NEAR(r.auc, 4.0 / 6, 1e-12);
	CHECK_NEAR(r.advantage, 0.5, 1e-12);
	CHECK_NEAR(r.threshold, 0.4, 1e-12);
	CHECK_NEAR(r.member_loss, 0.85 / 3, 1e-12);
	CHECK_NEAR(r.nonmember_loss, 0.5, 1e-12);
	/* ties count a half: pairs (1,1) 0.5, (1,3) 1, (2,1) 0, (2,3) 1 */
	rs_mia_score(tie_m, 2, tie_n, 2, &r);
	CHECK_NEAR(r.auc, 2.5 / 4, 1e-12);
	/* t=1: 1/2 - 1/2; t=2: 1 - 1/2 */
	CHECK_NEAR(r.advantage, 0.5, 1e-12);
	/* the same losses on both sides: no signal */
	rs_mia_score(mem, 3, mem, 3, &r);
	CHECK_NEAR(r.auc, 0.5, 1e-12);
	CHECK_NEAR(r.advantage, 0, 1e-12);
}

/* q = 1: RDP(a) = a/(2 sigma^2) exactly; two steps double it. */
static void
test_rdp_plain(void)
{
	double e;
	int order;
	rs_error err;

	CHECK_NEAR(rs_dp_rdp(1, 2, 11), 11.0 / 8, 1e-12);
	CHECK_NEAR(rs_dp_rdp(1, 0.5, 3), 3.0 / 0.5, 1e-12);
	/* a tiny q is close to no privacy loss at all */
	CHECK(rs_dp_rdp(1e-6, 1, 2) < 1e-10);
	CHECK(rs_dp_epsilon(1, 2, 1, 1e-5, &e, &order, &err) == 0);
	CHECK(order == 11);
	CHECK_NEAR(e, 11.0 / 8 + log(1e5) / 10, 1e-12);
	CHECK(rs_dp_epsilon(0.1, 1, 0, 1e-5, &e, &order, &err) == 0);
	CHECK_NEAR(e, 0, 0);
	CHECK(rs_dp_epsilon(0, 1, 1, 1e-5, &e, &order, &err) == -1);
}

/* Seeded noise repeats; its first moments are those of N(0, 1). */
static void
test_noise(void)
{
	stats_dprng a, b;
	double s = 0, s2 = 0;
	int same = 1;
	const int n = 200000;

	stats_dprng_init(&a, true, 7);
	stats_dprng_init(&b, true, 7);
	for (int i = 0; i < n; i++) {
		double x = stats_dprng_normal(&a);
		same &= x == stats_dprng_normal(&b);
		s += x;
		s2 += x * x;
	}
	CHECK(same);
	CHECK_NEAR(s / n, 0, 0.01);
	CHECK_NEAR(s2 / n, 1, 0.01);
	stats_dprng_init(&a, false, 0);
	CHECK(stats_dprng_uniform(&a) > 0 && stats_dprng_uniform(&a) < 1);
}

int
main(void)
{
	test_mia_hand();
	test_rdp_plain();
	test_noise();
	printf("%d checks, %d failed\n", check_count, check_failures);
	return check_failures != 0;
}
