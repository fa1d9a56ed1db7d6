/* Unit tests of the stream replay: decayed pop against its closed form, the replay's figures on a hand-computed log, the store round trip. */
#include "loadfix.h"

#include "model/blob.h"
#include "modelfix.h"
#include "reelscope/stream.h"

#define DAY 86400.0

/* pop's exact counts: with half_life its saved state is the nitems
 * doubles and the clock. */
static void
pop_counts(const rs_model *m, double *count, double *t_now)
{
	void *buf;
	size_t len;

	m->kind->save(m, &buf, &len);
	CHECK(len == m->nitems * sizeof(double) + sizeof(double));
	memcpy(count, buf, m->nitems * sizeof(double));
	memcpy(t_now, (char *)buf + m->nitems * sizeof(double), sizeof(double));
	free(buf);
}

/* The closed form: sum over events of v * 2^(-(t_now - t) / half_life). */
static double
closed_form(const rs_event *ev, size_t n, uint32_t item, double t_now,
    double half_life)
{
	double s = 0;

	for (size_t k = 0; k < n; k++)
		if (ev[k].item == item)
			s += ev[k].value * exp2(-(t_now - ev[k].time) / half_life);
	return s;
}

/* Train pop on the first nfit events (each a distinct user-item pair, so
 * the training matrix counts each once), then fold the rest in batches. */
static rs_model *
decayed_pop(const char *params, const rs_event *ev, size_t nfit)
{
	float dense[4 * 3];
	rs_imat *t;
	rs_model *m;
	rs_error err;

	for (size_t q = 0; q < 12; q++)
		dense[q] = NAN;
	for (size_t k = 0; k < nfit; k++)
		dense[ev[k].user * 3 + ev[k].item] = 1;
	t = fix_imat(4, 3, dense, false);
	/* the times, entry by entry (fix_imat leaves them unknown) */
	for (uint32_t u = 0; u < 4; u++)
		for (uint64_t q = t->uptr[u]; q < t->uptr[u + 1]; q++)
			for (size_t k = 0; k < nfit; k++)
				if (ev[k].user == u && ev[k].item == t->uidx[q])
					t->utime[q] = ev[k].time;
	m = fix_train("pop", params, t, NULL, 0, NULL, &err);
	rs_imat_free(t);
	CHECK(m != NULL);
	return m;
}

static void
test_pop_decay(void)
{
	/* times in days; the 6th event is older than the clock (out of order)
	 * and the 8th has a value of 2 */
	rs_event ev[] = {
		{ 0, 0, 1, 0 * DAY }, { 1, 0, 1, 1 * DAY }, { 2, 1, 1, 2 * DAY },
		{ 3, 2, 1, 2.5 * DAY }, { 0, 1, 1, 3 * DAY }, { 1, 2, 1, 2.75 * DAY },
		{ 2, 0, 1, 7 * DAY }, { 3, 1, 2, 9.5 * DAY }, { 0, 2, 1, 9.5 * DAY },
	};
	size_t n = sizeof ev / sizeof ev[0];
	double c[3], t_now, hl = 2 * DAY;
	rs_model *m, *m1;
	rs_error err;

	/* fit: decayed to the latest training time */
	m = decayed_pop("half_life=2", ev, 4);
	pop_counts(m, c, &t_now);
	CHECK_NEAR(t_now, 2.5 * DAY, 0);
	for (uint32_t i = 0; i < 3; i++)
		CHECK_NEAR(c[i], closed_form(ev, 4, i, 2.5 * DAY, hl), 1e-12);
	CHECK_NEAR(c[0], exp2(-1.25) + exp2(-0.75), 1e-12);
	/* updates in two batches equal the closed form over every event */
	CHECK(rs_model_update(m, ev + 4, 2, 4, 3, &err) == 0);
	CHECK(rs_model_update(m, ev + 6, 3, 4, 3, &err) == 0);
	pop_counts(m, c, &t_now);
	CHECK_NEAR(t_now, 9.5 * DAY, 0);
	for (uint32_t i = 0; i < 3; i++)
		CHECK_NEAR(c[i], closed_form(ev, n, i, 9.5 * DAY, hl),
		    1e-12 * closed_form(ev, n, i, 9.5 * DAY, hl));
	/* the scores are the counts, and users without history get them */
	{
		float x[3];
		rs_model_score_user(m, 0, x);
		CHECK_NEAR(x[1], c[1], 1e-6 * c[1]);
		CHECK_NEAR(m->popularity[2], c[2], 1e-6 * c[2]);
	}
	/* one batch gives the same counts as two */
	m1 = decayed_pop("half_life=2", ev, 4);
	CHECK(rs_model_update(m1, ev + 4, 5, 4, 3, &err) == 0);
	{
		double c1[3], t1;
		pop_counts(m1, c1, &t1);
		for (uint32_t i = 0; i < 3; i++)
			CHECK_NEAR(c1[i], c[i], 1e-12 * c[i]);
	}
	rs_model_free(m1);
	/* save and load keep the exact counts and the clock: updates go on */
	{
		rs_model *r = fix_roundtrip(m, &err);
		double c2[3], t2;
		CHECK(r != NULL);
		if (r != NULL) {
			/* the copy has no parameters; give it the half-life */
			r->nparams = 1;
			r->keys = realloc(r->keys, sizeof *r->keys);
			r->values = realloc(r->values, sizeof *r->values);
			r->keys[0] = strdup("half_life");
			r->values[0] = strdup("2");
			pop_counts(r, c2, &t2);
			CHECK_NEAR(t2, t_now, 0);
			for (uint32_t i = 0; i < 3; i++)
				CHECK_NEAR(c2[i], c[i], 0);
			rs_model_free(r);
		}
	}
	rs_model_free(m);

	/* a short half-life over a long batch: the clock moves mid-batch and
	 * the old counts vanish to nothing, not to NaN */
	{
		rs_event far[] = { { 0, 0, 1, 0 }, { 1, 1, 1, 700 * DAY },
			{ 2, 1, 1, 701 * DAY } };
		m = decayed_pop("half_life=1", far, 1);
		CHECK(rs_model_update(m, far + 1, 2, 4, 3, &err) == 0);
		pop_counts(m, c, &t_now);
		CHECK_NEAR(c[0], 0, 1e-200);
		CHECK_NEAR(c[1], 1.5, 1e-12);
		rs_model_free(m);
	}
	/* no decay: every event adds its value */
	m = decayed_pop("half_life=0", ev, 4);
	CHECK(rs_model_update(m, ev + 4, 5, 4, 3, &err) == 0);
	CHECK_NEAR(m->popularity[0], 3, 0);
	CHECK_NEAR(m->popularity[1], 4, 0);
	CHECK_NEAR(m->popularity[2], 3, 0);
	rs_model_free(m);
	/* a window cannot follow events: refused, nothing changed */
	m = decayed_pop("window=3", ev, 4);
	CHECK(rs_model_update(m, ev + 4, 1, 4, 3, &err) == -1);
	CHECK_STR(err.msg, "model pop (pop window=3) cannot learn from events: the window would need the events that leave it; use half_life= instead");
	CHECK_NEAR(m->popularity[0], 2, 0);
	rs_model_free(m);
}

/* The log of tests/transcripts/stream-tiny.t (its header has the hand
 * computation): three users, a warm-up day and three days replayed. */
static const char tiny[] =
    "user,item,time\n"
    "u1,a,2020-01-01 09:00:00\nu2,a,2020-01-01 10:00:00\nu3,b,2020-01-01 11:00:00\n"
    "u1,b,2020-01-02 09:00:00\nu1,c,2020-01-02 10:00:00\nu2,c,2020-01-02 11:00:00\n"
    "u3,a,2020-01-02 12:00:00\n"
    "u1,d,2020-01-03 09:00:00\nu2,b,2020-01-03 10:00:00\nu3,c,2020-01-03 11:00:00\n"
    "u3,d,2020-01-03 12:00:00\n"
    "u1,e,2020-01-04 09:00:00\nu2,d,2020-01-04 10:00:00\nu2,e,2020-01-04 11:00:00\n"
    "u3,a,2020-01-04 12:00:00\n";

/* Interruption through the progress hook: after the first window. */
static int
stop_at_second(void *ctx, const char *task, double done, double total)
{
	(void)ctx;
	(void)total;
	return strncmp(task, "stream", 6) == 0 && done >= 1;
}

static void
test_replay(void)
{
	rs_error err;
	rs_dataset *ds = load(write_file("tiny.csv", tiny), &err);
	rs_stream_opts o;
	rs_stream_result *r = NULL;
	const rs_stream_run *st, *inc, *re;
	rs_hooks stop = { stop_at_second, NULL, NULL };
	double s1 = 1 / log2(3.0);

	CHECK(ds != NULL);
	if (ds == NULL)
		return;
	rs_stream_opts_init(&o);
	o.name = "s";
	o.kind = "pop";
	o.k = 2;
	o.update = "static,incremental,retrain";
	CHECK(rs_stream_replay(ds, &o, &r, &err) == 0);
	if (r == NULL)
		return;
	CHECK(r->nwindows == 3 && r->warmup_events == 3 && r->events == 12);
	st = rs_stream_result_run(r, RS_UPDATE_STATIC);
	inc = rs_stream_result_run(r, RS_UPDATE_INCREMENTAL);
	re = rs_stream_result_run(r, RS_UPDATE_RETRAIN);
	CHECK(st != NULL && inc != NULL && re != NULL);
	/* window 1: every strategy has the warm-up model */
	CHECK_NEAR(st->win[0].ndcg, (2 + s1) / 3, 1e-12);
	CHECK_NEAR(inc->win[0].new_exposure, 0.5, 1e-12);
	/* window 2: static misses u1's d and half of u3's c, d */
	CHECK_NEAR(st->win[1].recall, 0.5, 1e-12);
	CHECK_NEAR(st->win[1].ndcg, (1 + s1 / (1 + s1)) / 3, 1e-12);
	CHECK_NEAR(inc->win[1].ndcg, 1, 1e-12);
	CHECK_NEAR(inc->win[1].coverage, 0.8, 1e-12);
	CHECK_NEAR(inc->win[1].new_exposure, 4.0 / 6, 1e-12);
	/* window 3: u3 acts on a, which the learning strategies know it saw */
	CHECK(st->win[2].scored == 3 && inc->win[2].scored == 2);
	CHECK_NEAR(inc->win[2].new_exposure, 1, 1e-12);
	/* overall: over every scored (window, user) */
	CHECK_NEAR(st->overall.recall, 5.5 / 9, 1e-12);
	CHECK_NEAR(inc->overall.ndcg, (7 + s1) / 8, 1e-12);
	/* pop without repeated pairs: retraining equals learning event by event */
	for (size_t w = 0; w < 3; w++) {
		CHECK_NEAR(re->win[w].ndcg, inc->win[w].ndcg, 1e-12);
		CHECK(re->win[w].retrained == (w < 2));
	}
	rs_stream_result_free(r);

	/* Ctrl-C: nothing comes back */
	o.hooks = &stop;
	r = (rs_stream_result *)&o;
	CHECK(rs_stream_replay(ds, &o, &r, &err) == -1);
	CHECK(r == NULL && err.code == RS_ECANCEL);
	CHECK_STR(err.msg, "interrupted at window 2 of 3; nothing kept");
	rs_dataset_free(ds);
}

/* A result written by save comes back from open field for field. */
static void
test_store(void)
{
	rs_error err;
	rs_dataset *ds = load(write_file("tiny2.csv", tiny), &err);
	rs_workspace *ws = rs_workspace_new(), *back;
	rs_stream_opts o;
	const rs_stream_result *a, *b;
	const char *path = P("ws.rsw");

	rs_workspace_set_base(ws, ds, "load tiny2.csv");
	rs_stream_opts_init(&o);
	o.name = "s";
	o.kind = "pop";
	o.k = 2;
	o.window = "4";
	o.update = "incremental,static";
	CHECK(rs_workspace_stream_run(ws, &o, &a, &err) == 0);
	o.name = "t";
	o.update = "retrain";
	o.retrain_every = 2;
	CHECK(rs_workspace_stream_run(ws, &o, NULL, &err) == 0);
	CHECK(rs_workspace_nstreams(ws) == 2);
	CHECK(rs_store_save(ws, path, NULL, NULL, NULL, &err) == 0);
	back = rs_store_open(path, NULL, NULL, &err);
	CHECK(back != NULL);
	if (back == NULL) {
		rs_workspace_free(ws);
		return;
	}
	CHECK(rs_workspace_nstreams(back) == 2);
	b = rs_workspace_stream(back, "s");
	CHECK(b != NULL);
	if (b != NULL) {
		CHECK_STR(b->kind, "pop");
		CHECK_STR(b->window, "4");
		CHECK(b->window_events == 4 && b->k == 2 && b->nwindows == a->nwindows);
		CHECK(b->nparams == a->nparams && b->nruns == 2);
		CHECK(b->runs[0].update == RS_UPDATE_INCREMENTAL);
		CHECK(memcmp(b->windows, a->windows, a->nwindows * sizeof *a->windows) == 0);
		for (size_t i = 0; i < 2; i++) {
			CHECK_NEAR(b->runs[i].overall.ndcg, a->runs[i].overall.ndcg, 0);
			CHECK_NEAR(b->runs[i].learn_seconds, a->runs[i].learn_seconds, 0);
			for (size_t w = 0; w < a->nwindows; w++) {
				CHECK_NEAR(b->runs[i].win[w].recall, a->runs[i].win[w].recall, 0);
				CHECK_NEAR(b->runs[i].win[w].new_exposure,
				    a->runs[i].win[w].new_exposure, 0);
				CHECK(b->runs[i].win[w].scored == a->runs[i].win[w].scored);
			}
		}
	}
	b = rs_workspace_stream(back, "t");
	CHECK(b != NULL && b->retrain_every == 2 && b->runs[0].update == RS_UPDATE_RETRAIN);
	rs_workspace_free(back);
	rs_workspace_free(ws);
}

int
main(void)
{
	if (fixture_begin("test-stream") != 0)
		return 99;
	test_pop_decay();
	test_replay();
	test_store();
	fixture_end();
	return check_done("test-stream");
}
