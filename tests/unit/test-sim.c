/* Unit tests of the simulator's engine API: parameter checks, the report against what loads back, truth files. */
#include "config.h"

#include "loadfix.h"

#include "reelscope/sim.h"

static void
test_params(void)
{
	rs_sim_params p;

	rs_sim_params_init(&p);
	CHECK(rs_sim_params_check(&p) == NULL);
	p.users = 0;
	CHECK_STR(rs_sim_params_check(&p), "users must be at least 1");
	rs_sim_params_init(&p);
	p.creators = p.videos + 1;
	CHECK_STR(rs_sim_params_check(&p),
	    "creators cannot outnumber videos (every creator posts at least one)");
	rs_sim_params_init(&p);
	p.dup_rate = -0.1;
	CHECK_STR(rs_sim_params_check(&p), "dirt rates must be from 0 to 0.5");
	rs_sim_params_init(&p);
	p.observed_fill = 0.5;
	CHECK_STR(rs_sim_params_check(&p),
	    "observed_fill must be from 0.99 to 1 (the block is fully observed)");
	rs_sim_params_init(&p);
	p.events = 0;
	CHECK_STR(rs_sim_params_check(&p), "events (per user) must be from 1 to 1,000,000");
	rs_sim_params_clean(&p);
	CHECK(p.dup_rate == 0 && p.bot_rate == 0 && p.malformed == 0 &&
	    p.outlier_rate == 0 && p.missing_duration == 0 &&
	    p.missing_category == 0 && p.bad_time_rate == 0);
}

/* Share of rows held by the top tenth of the items that occur. */
static double
top10_share(const rs_log *log, uint32_t nitems)
{
	uint64_t *cnt = calloc(nitems, sizeof *cnt), s = 0;
	uint32_t m = 0, k;

	for (size_t r = 0; r < log->n; r++)
		cnt[log->item[r]]++;
	/* selection by repeated maxima is fine for a few hundred items */
	for (uint32_t i = 0; i < nitems; i++)
		m += cnt[i] > 0;
	k = (m + 9) / 10;
	for (uint32_t t = 0; t < k; t++) {
		uint32_t best = 0;
		for (uint32_t i = 1; i < nitems; i++)
			if (cnt[i] > cnt[best])
				best = i;
		s += cnt[best];
		cnt[best] = 0;
	}
	free(cnt);
	return (double)s / (double)log->n;
}

static void
test_round_trip(void)
{
	rs_sim_params p;
	rs_sim_report rep;
	rs_error err;
	rs_load_opts o;
	rs_dataset *ds;
	const char *dir = P("world");
	double sparse, observed;

	rs_sim_params_init(&p);
	p.users = 120;
	p.videos = 300;
	p.creators = 30;
	p.days = 5;
	p.events = 25;
	p.truth = true;
	CHECK(rs_sim_generate(dir, &p, false, &rep, NULL, &err) == 0);
	CHECK(rep.users == 120 && rep.videos == 300 && rep.creators == 30);
	CHECK(rep.bots == 1);		/* 1% of 120, rounded */
	CHECK(rep.small_users == 24 && rep.small_videos == 90);
	CHECK(rep.malformed == 3);
	rs_load_opts_init(&o);
	o.skip_bad = 1;
	ds = rs_dataset_load(dir, &o, NULL, &err);
	CHECK(ds != NULL);
	if (ds == NULL)
		return;
	/* what loads back is what the report says was written */
	CHECK(ds->log.n == rep.big_rows);
	CHECK(ds->observed != NULL && ds->observed->n == rep.small_rows);
	CHECK(rs_ids_count(ds->users) == rep.users + rep.bots);
	CHECK(rs_ids_count(ds->items) == rep.videos);
	CHECK(rs_ids_count(ds->creators) == rep.creators);
	CHECK(strcmp(ds->creator_from, "author_id") == 0);
	/* the observed block is (almost) full */
	CHECK(ds->observed->n >= (uint64_t)(0.99 * rep.small_users * rep.small_videos));
	CHECK(ds->observed->n <= (uint64_t)rep.small_users * rep.small_videos);
	/* the logging policy's popularity bias shows without any model */
	sparse = top10_share(&ds->log, rep.videos);
	observed = top10_share(ds->observed, rep.videos);
	CHECK(sparse > 2 * observed);
	CHECK(observed < 0.15);
	rs_dataset_free(ds);
	/* the latent factors were exported */
	{
		FILE *f = fopen(S("%s/truth/users.csv", dir), "r");
		char line[4096];
		int n = 0;
		CHECK(f != NULL);
		while (f != NULL && fgets(line, sizeof line, f) != NULL)
			n++;
		CHECK(n == 1 + 121);
		if (f != NULL)
			fclose(f);
	}
	/* a folder with files is refused without force, replaced with it */
	CHECK(rs_sim_generate(dir, &p, false, &rep, NULL, &err) == -1);
	CHECK_STR(err.msg, S("%s already holds files; give --force to replace them", dir));
	p.truth = false;
	CHECK(rs_sim_generate(dir, &p, true, &rep, NULL, &err) == 0);
	{
		struct stat st;
		CHECK(stat(S("%s/truth", dir), &st) != 0);	/* the old world is gone */
	}
	/* impossible parameters write nothing */
	p.users = 0;
	CHECK(rs_sim_generate(P("never"), &p, false, &rep, NULL, &err) == -1);
	CHECK_STR(err.msg, "users must be at least 1");
	{
		struct stat st;
		CHECK(stat(P("never"), &st) != 0);
	}
}

int
main(void)
{
	if (fixture_begin("test-sim") != 0)
		return 99;
	test_params();
	test_round_trip();
	fixture_end();
	return check_done("test-sim");
}
