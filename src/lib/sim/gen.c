/* generate: the interaction logs of a simulated world, its dirt and manifest, written atomically. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "sim.h"
#include "util/text.h"
#include "util/xmalloc.h"

#define BLOCK_USERS 64

void
rs_sim_params_init(rs_sim_params *p)
{
	memset(p, 0, sizeof *p);
	p->seed = 1;
	p->users = 1000;
	p->videos = 2000;
	p->creators = 200;
	p->days = 14;
	p->factors = 8;
	p->events = 60;
	p->pop_bias = 1.0;
	p->personalization = 1.0;
	p->new_creators = 0.1;
	p->observed_users = 0.2;
	p->observed_videos = 0.3;
	p->observed_fill = 0.996;
	p->dup_rate = 0.005;
	p->bot_rate = 0.01;
	p->outlier_rate = 0.002;
	p->missing_duration = 0.002;
	p->missing_category = 0.02;
	p->bad_time_rate = 0.001;
	p->malformed = 3;
	p->labels = true;
	p->start = "2020-07-05";
}

void
rs_sim_params_clean(rs_sim_params *p)
{
	p->dup_rate = p->bot_rate = p->outlier_rate = 0;
	p->missing_duration = p->missing_category = p->bad_time_rate = 0;
	p->malformed = 0;
}

const char *
rs_sim_params_check(const rs_sim_params *p)
{
	if (p->users == 0)
		return "users must be at least 1";
	if (p->videos == 0)
		return "videos must be at least 1";
	if (p->creators == 0)
		return "creators must be at least 1";
	if (p->creators > p->videos)
		return "creators cannot outnumber videos (every creator posts at least one)";
	if (p->days == 0 || p->days > 3650)
		return "days must be from 1 to 3650";
	if (p->factors == 0 || p->factors > 256)
		return "factors must be from 1 to 256";
	if (!(p->events >= 1) || p->events > 1e6)
		return "events (per user) must be from 1 to 1,000,000";
	if (!(p->pop_bias >= 0) || p->pop_bias > 10)
		return "pop_bias must be from 0 to 10";
	if (!(p->personalization >= 0) || p->personalization > 10)
		return "personalization must be from 0 to 10";
	if (!(p->new_creators >= 0 && p->new_creators <= 1))
		return "new_creators must be from 0 to 1";
	if (!(p->observed_users >= 0 && p->observed_users <= 1) ||
	    !(p->observed_videos >= 0 && p->observed_videos <= 1))
		return "observed_users and observed_videos must be from 0 to 1";
	if (!(p->observed_fill >= 0.99 && p->observed_fill <= 1))
		return "observed_fill must be from 0.99 to 1 (the block is fully observed)";
	if (!(p->dup_rate >= 0 && p->dup_rate <= 0.5) ||
	    !(p->outlier_rate >= 0 && p->outlier_rate <= 0.5) ||
	    !(p->missing_duration >= 0 && p->missing_duration <= 0.5) ||
	    !(p->missing_category >= 0 && p->missing_category <= 0.5) ||
	    !(p->bad_time_rate >= 0 && p->bad_time_rate <= 0.5))
		return "dirt rates must be from 0 to 0.5";
	if (!(p->bot_rate >= 0 && p->bot_rate <= 0.5))
		return "bots must be from 0 to 0.5 (bot users per real user)";
	if (p->malformed > 1000)
		return "malformed must be from 0 to 1000";
	if (!(p->drift >= 0 && p->drift <= 1))
		return "drift must be from 0 to 1 (the share of the move made per day)";
	if ((double)p->users * p->events > 2e9)
		return "users x events is too large (over 2 billion events)";
	return NULL;
}

/* One event of the sparse log, before formatting. */
struct event {
	int64_t ms;
	uint32_t video;
};

/* Sort events by time: a stable LSD radix sort on the offset from the
 * earliest event, 8 bits a pass, only as many passes as the span needs
 * (qsort was a tenth of generate's time). tmp holds n events. */
static void
sort_events(struct event *ev, struct event *tmp, uint32_t n)
{
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	struct event *src = ev, *dst = tmp;
	uint32_t cnt[256];

	for (uint32_t k = 0; k < n; k++) {
		lo = ev[k].ms < lo ? ev[k].ms : lo;
		hi = ev[k].ms > hi ? ev[k].ms : hi;
	}
	for (int shift = 0; n > 1 && ((uint64_t)(hi - lo) >> shift) != 0; shift += 8) {
		uint32_t sum = 0;
		memset(cnt, 0, sizeof cnt);
		for (uint32_t k = 0; k < n; k++)
			cnt[((uint64_t)(src[k].ms - lo) >> shift) & 0xff]++;
		for (int d = 0; d < 256; d++) {
			uint32_t c = cnt[d];
			cnt[d] = sum;
			sum += c;
		}
		for (uint32_t k = 0; k < n; k++)
			dst[cnt[((uint64_t)(src[k].ms - lo) >> shift) & 0xff]++] = src[k];
		{
			struct event *t = src;
			src = dst;
			dst = t;
		}
	}
	if (src != ev)
		memcpy(ev, src, n * sizeof *ev);
}

/* A dirty row, for DIR/dirt.csv; line is relative to its block. */
struct dirt {
	const char *kind;
	uint64_t line;
	uint32_t user, video;
	int64_t ms;
};

/* The text and bookkeeping of one block of users. */
struct block {
	struct tbuf text;
	struct tbuf prop;	/* truth=yes: truth/propensity.csv rows */
	struct dirt *dirt;
	size_t ndirt, dcap;
	uint64_t lines, rows;
	uint64_t dup, bot_rows, outliers, missing_dur, bad_times, malformed;
};

static void
add_dirt(struct block *b, const char *kind, uint32_t u, uint32_t v, int64_t ms)
{
	if (b->ndirt == b->dcap) {
		b->dcap = util_grow_capacity(b->dcap, b->ndirt + 1);
		b->dirt = xreallocarray(b->dirt, b->dcap, sizeof *b->dirt);
	}
	b->dirt[b->ndirt++] = (struct dirt){ kind, b->lines, u, v, ms };
}

static double
sigmoid(double x)
{
	return 1.0 / (1.0 + exp(-x));
}

/* The outcome of user u watching video v: play time, ratio, reactions. */
static void
watch(const struct world *w, struct rng *r, uint32_t u, uint32_t v, bool bot,
    int64_t ms, int64_t *play, double *ratio, int labels[3])
{
	double pref = sim_world_pref(w, u, v), lw, wr;

	if (w->d_from != NULL)
		pref += sim_drift_delta(w, u, v, ms);	/* the taste of the day */
	int32_t dur = w->v_dur[v];

	if (bot) {
		wr = 0.01 + 0.07 * sim_rng_unif(r);
		labels[0] = labels[1] = labels[2] = 0;
	} else {
		/* liked videos are watched longer; short ones replayed more */
		lw = -0.35 + 0.5 * pref + 0.22 * log(20000.0 / dur) +
		    0.35 * sim_rng_normal(r);
		wr = exp(lw);
		wr = wr < 0.005 ? 0.005 : wr > 8 ? 8 : wr;
		labels[0] = sim_rng_chance(r, sigmoid(1.6 * pref - 3.2));
		labels[1] = sim_rng_chance(r, sigmoid(1.6 * pref - 5.0));
		labels[2] = sim_rng_chance(r, sigmoid(1.6 * pref - 5.5));
	}
	*play = llround(wr * dur);
	if (*play < 1)
		*play = 1;
	*ratio = (double)*play / dur;
}

/* One row of big_matrix.csv or small_matrix.csv. */
static void
put_row(struct tbuf *t, const struct world *w, uint32_t u, uint32_t v,
    int64_t play, double ratio, int64_t ms, bool no_dur, const int labels[3])
{
	sim_tb_u64(t, u);
	tb_chr(t, ',');
	sim_tb_u64(t, v);
	tb_chr(t, ',');
	sim_tb_i64(t, play);
	tb_chr(t, ',');
	if (!no_dur)
		sim_tb_i64(t, w->v_dur[v]);
	tb_chr(t, ',');
	sim_tb_time_bj(t, ms);
	tb_chr(t, ',');
	sim_tb_date_bj(t, ms);
	tb_chr(t, ',');
	sim_tb_fixed(t, (double)ms / 1000.0, 3);
	tb_chr(t, ',');
	if (!no_dur)
		sim_tb_fixed(t, ratio, 6);
	if (w->p->labels) {
		tb_chr(t, ',');
		tb_chr(t, (char)('0' + labels[0]));
		tb_chr(t, ',');
		tb_chr(t, (char)('0' + labels[1]));
		tb_chr(t, ',');
		tb_chr(t, (char)('0' + labels[2]));
	}
	tb_chr(t, '\n');
}

/* An alias table (Vose) over videos: O(1) draws from the logging policy. */
struct alias {
	double *prob;
	uint32_t *alias;
	uint32_t *small, *large;	/* work lists */
};

/* Who sees what in the sparse log: popularity^pop_bias times
 * exp(personalization * preference), over videos already uploaded. When q
 * is not NULL it receives the policy itself (each video's probability per
 * draw). Returns false when no video can be shown. */
static bool
policy_table(const struct world *w, uint32_t u, bool bot, struct alias *a,
    double *q)
{
	const rs_sim_params *p = w->p;
	uint32_t n = p->videos, ns = 0, nl = 0;
	double sum = 0;

	for (uint32_t v = 0; v < n; v++) {
		double x = 0;
		if (w->v_upload[v] < w->end_ms - 60000) {
			x = w->v_popw[v];
			if (!bot)
				x *= exp(p->personalization * sim_world_pref(w, u, v));
		}
		a->prob[v] = x;
		sum += x;
	}
	if (!(sum > 0))
		return false;
	for (uint32_t v = 0; q != NULL && v < n; v++)
		q[v] = a->prob[v] / sum;
	for (uint32_t v = 0; v < n; v++) {
		a->prob[v] *= (double)n / sum;
		if (a->prob[v] < 1)
			a->small[ns++] = v;
		else
			a->large[nl++] = v;
	}
	while (ns > 0 && nl > 0) {
		uint32_t s = a->small[--ns], l = a->large[--nl];
		a->alias[s] = l;
		a->prob[l] -= 1 - a->prob[s];
		if (a->prob[l] < 1)
			a->small[ns++] = l;
		else
			a->large[nl++] = l;
	}
	while (nl > 0)
		a->prob[a->large[--nl]] = 1;
	while (ns > 0)
		a->prob[a->small[--ns]] = 1;	/* rounding leftovers */
	return true;
}

static uint32_t
draw(struct rng *r, const struct alias *a, uint32_t n)
{
	uint32_t i = sim_rng_below(r, n);

	return sim_rng_unif(r) < a->prob[i] ? i : a->alias[i];
}

/* Per-thread work space. */
struct scratch {
	struct alias pol;	/* the logging policy of one user */
	double *q;		/* truth=yes: the policy per draw, else NULL */
	uint32_t *seen;		/* last user that drew each video, plus one */
	struct event *ev;	/* the observed block's events of one user */
	struct event *tmp;	/* room for sorting events */
	size_t tmpcap;
};

static int
cmp_event_video(const void *a, const void *b)
{
	uint32_t x = ((const struct event *)a)->video,
	    y = ((const struct event *)b)->video;

	return (x > y) - (x < y);
}

/*
 * The true logging propensity of each distinct video shown to u: the
 * chance that n draws from the policy q show it at least once,
 * 1 - (1 - q_v)^n. The redraws that avoid re-watches (and, with drift,
 * the day's rejection) are left out: they make the draws slightly less
 * likely to repeat, so this is the with-replacement inclusion probability
 * of the policy the log is sampled from. Rows "user,video,propensity" in
 * video order; tmp has room for n events.
 */
static void
put_propensities(struct tbuf *t, uint32_t u, const struct event *ev, uint32_t n,
    const double *q, struct event *tmp)
{
	char buf[40];

	memcpy(tmp, ev, n * sizeof *tmp);
	qsort(tmp, n, sizeof *tmp, cmp_event_video);
	for (uint32_t k = 0; k < n; k++) {
		uint32_t v = tmp[k].video;
		double p;
		if (k > 0 && tmp[k - 1].video == v)
			continue;
		/* -expm1(n log1p(-q)) keeps small q exact */
		p = -expm1((double)n * log1p(-q[v]));
		sim_tb_u64(t, u);
		tb_chr(t, ',');
		sim_tb_u64(t, v);
		snprintf(buf, sizeof buf, ",%.6g\n", p);
		sim_tb_str(t, buf);
	}
}

static void
user_log(const struct world *w, uint32_t u, bool malformed_here,
    struct block *b, struct scratch *sc, uint64_t *events_out)
{
	uint32_t *seen = sc->seen;
	const rs_sim_params *p = w->p;
	bool bot = u >= w->nusers;
	struct rng r;
	uint32_t n;
	struct event *ev;
	int64_t t0;

	sim_rng_stream(&r, p->seed, RS_LOG, u);
	n = (uint32_t)lround(w->u_activity[u]);
	if (n < 1)
		n = 1;
	if (!bot && n > p->videos * 0.9)
		n = (uint32_t)(p->videos * 0.9) + 1;
	if (!policy_table(w, u, bot, &sc->pol, sc->q)) {
		*events_out = 0;
		return;
	}
	ev = xmalloc(n * sizeof *ev);
	if (n > sc->tmpcap) {
		sc->tmpcap = n;
		sc->tmp = xreallocarray(sc->tmp, n, sizeof *sc->tmp);
	}
	t0 = w->start_ms + (int64_t)(sim_rng_unif(&r) * (double)(w->end_ms - w->start_ms) * 0.8);
	for (uint32_t k = 0; k < n; k++) {
		uint32_t v;
		int64_t lo, span, ms;
		int attempts = 0;
		do {
			v = draw(&r, &sc->pol, p->videos);
			/* mostly new videos: a few redraws, then a re-watch is fine */
			for (int tries = 0; tries < 8 && seen[v] == u + 1; tries++)
				v = draw(&r, &sc->pol, p->videos);
			if (bot) {
				/* very many short views, seconds apart */
				t0 += 1000 + (int64_t)(sim_rng_unif(&r) * 3000);
				ms = t0 < w->end_ms ? t0 : w->end_ms - 1;
				break;
			}
			lo = w->v_upload[v] + 60000 > w->start_ms ? w->v_upload[v] + 60000 :
			    w->start_ms;
			span = w->end_ms - lo;
			ms = lo + (int64_t)(sim_rng_unif(&r) * (double)(span > 1 ? span : 1));
			/* with drift, the pair is kept as the day's taste would
			 * pick it (no draw at all without drift) */
		} while (w->d_from != NULL && ++attempts < 1000 &&
		    !sim_drift_accept(w, &r, u, v, ms));
		seen[v] = u + 1;
		ev[k].video = v;
		ev[k].ms = ms;
	}
	if (sc->q != NULL)
		put_propensities(&b->prop, u, ev, n, sc->q, sc->tmp);
	sort_events(ev, sc->tmp, n);
	for (uint32_t k = 0; k < n; k++) {
		uint32_t v = ev[k].video;
		int64_t play, ms = ev[k].ms;
		double ratio;
		int labels[3];
		bool no_dur = false;
		watch(w, &r, u, v, bot, ms, &play, &ratio, labels);
		if (bot)
			b->bot_rows++;
		if (!bot && sim_rng_chance(&r, p->outlier_rate)) {
			/* a video left looping: a replay ratio far above 1 */
			double wr = 20 + 280 * sim_rng_unif(&r);
			play = llround(wr * w->v_dur[v]);
			ratio = (double)play / w->v_dur[v];
			b->outliers++;
			add_dirt(b, "outlier", u, v, ms);
		}
		if (sim_rng_chance(&r, p->missing_duration)) {
			no_dur = true;
			b->missing_dur++;
			add_dirt(b, "missing_duration", u, v, ms);
		}
		if (sim_rng_chance(&r, p->bad_time_rate)) {
			static const int64_t bad[] = { 0, -1000, 4102444800000LL };
			ms = bad[sim_rng_below(&r, 3)];
			b->bad_times++;
			add_dirt(b, "bad_time", u, v, ms);
		}
		put_row(&b->text, w, u, v, play, ratio, ms, no_dur, labels);
		b->lines++;
		b->rows++;
		if (sim_rng_chance(&r, p->dup_rate)) {
			/* the same event logged twice: verbatim, or re-sent with
			 * another play time */
			bool exact = sim_rng_chance(&r, 0.5);
			if (!exact) {
				play = play + 1 + sim_rng_below(&r, 5000);
				ratio = (double)play / w->v_dur[v];
			}
			add_dirt(b, exact ? "duplicate" : "repeat", u, v, ms);
			put_row(&b->text, w, u, v, play, ratio, ms, no_dur, labels);
			b->lines++;
			b->rows++;
			b->dup++;
		}
		if (malformed_here && k == 0) {
			/* a truncated line, as a crashed logger leaves them */
			add_dirt(b, "malformed", u, v, ms);
			sim_tb_u64(&b->text, u);
			tb_chr(&b->text, ',');
			sim_tb_u64(&b->text, v);
			sim_tb_str(&b->text, ",####\n");
			b->lines++;
			b->malformed++;
		}
	}
	*events_out = n;
	free(ev);
}

/* The observed block's rows of its i-th user: (almost) every chosen video. */
static void
small_user(const struct world *w, uint32_t i, struct block *b,
    struct scratch *sc)
{
	const rs_sim_params *p = w->p;
	uint32_t u = w->small_users[i], n = 0;
	struct event *ev = sc->ev;
	struct rng r;

	uint32_t nmiss, left;

	sim_rng_stream(&r, p->seed, RS_SMALL, u);
	/* the block misses exactly floor((1 - fill) * users * videos) pairs,
	 * spread evenly: user i misses floor((i+1) m) - floor(i m) of them,
	 * m = (1 - fill) * videos, so its fill is exact at any size */
	{
		double m = (1.0 - p->observed_fill) * (double)w->nsmall_videos;
		nmiss = (uint32_t)(floor((double)(i + 1) * m + 1e-9) -
		    floor((double)i * m + 1e-9));
	}
	left = w->nsmall_videos;
	for (uint32_t j = 0; j < w->nsmall_videos; j++, left--) {
		uint32_t v = w->small_videos[j];
		int64_t lo = w->v_upload[v] + 60000 > w->start_ms ?
		    w->v_upload[v] + 60000 : w->start_ms, span;
		/* selection sampling: each remaining pair is dropped with
		 * probability (drops left) / (pairs left) */
		if (nmiss > 0 && sim_rng_below(&r, left) < nmiss) {
			nmiss--;
			continue;
		}
		span = w->end_ms - lo;
		ev[n].video = v;
		ev[n].ms = lo + (int64_t)(sim_rng_unif(&r) * (double)(span > 1 ? span : 1));
		n++;
	}
	sort_events(ev, sc->tmp, n);
	for (uint32_t k = 0; k < n; k++) {
		int64_t play;
		double ratio;
		int labels[3];
		watch(w, &r, u, ev[k].video, false, ev[k].ms, &play, &ratio, labels);
		put_row(&b->text, w, u, ev[k].video, play, ratio, ev[k].ms, false,
		    labels);
	}
	b->lines += n;
	b->rows += n;
}

static void
write_header(struct out *o, bool labels)
{
	sim_out_puts(o, "user_id,video_id,play_duration,video_duration,time,date,timestamp,watch_ratio");
	sim_out_puts(o, labels ? ",is_like,is_follow,is_share\n" : "\n");
}

/* One formatted block into the files, in order: its rows, its propensities
 * (po, or NULL), its dirt at the lines it takes; the counts into rep. */
static void
block_out(const struct block *b, struct out *o, struct out *po, struct out *dirt,
    uint64_t *linep, bool big, rs_sim_report *rep)
{
	uint64_t line = *linep;

	sim_out_write(o, b->text.s, b->text.len);
	if (po != NULL)
		sim_out_write(po, b->prop.s, b->prop.len);
	for (size_t k = 0; k < b->ndirt; k++) {
		struct tbuf t = { 0 };
		const struct dirt *d = &b->dirt[k];
		sim_tb_str(&t, d->kind);
		tb_chr(&t, ',');
		sim_tb_u64(&t, line + d->line + 1);
		tb_chr(&t, ',');
		sim_tb_u64(&t, d->user);
		tb_chr(&t, ',');
		sim_tb_u64(&t, d->video);
		tb_chr(&t, ',');
		sim_tb_fixed(&t, (double)d->ms / 1000.0, 3);
		tb_chr(&t, '\n');
		sim_out_write(dirt, t.s, t.len);
		free(t.s);
	}
	line += b->lines;
	if (big)
		rep->big_rows += b->rows;
	else
		rep->small_rows += b->rows;
	rep->duplicates += b->dup;
	rep->bot_rows += b->bot_rows;
	rep->outliers += b->outliers;
	rep->missing_durations += b->missing_dur;
	rep->bad_times += b->bad_times;
	rep->malformed += (uint32_t)b->malformed;
	*linep = line;
}

/* truth/propensity.csv, opened with its header (the folder is made here:
 * it is written with the log, before the rest of truth/). */
static int
open_propensities(struct out *o, const char *dir, rs_error *err)
{
	char *sub = xasprintf("%s/truth", dir);
	int rc = 0;

	if (mkdir(sub, 0755) != 0 && errno != EEXIST) {
		rs_error_set(err, RS_EIO, "cannot create %s: %s", sub, strerror(errno));
		rc = -1;
	} else if (sim_out_open(o, sub, "propensity.csv", false, err) != 0)
		rc = -1;
	else
		sim_out_puts(o, "user_id,video_id,propensity\n");
	free(sub);
	return rc;
}

/* A matrix file: units (users) in blocks formatted in parallel and written
 * in order, so the bytes do not depend on the thread count. big selects the
 * sparse log (with its dirt) over the observed block. */
static int
write_matrix(const struct world *w, const char *dir, bool gz, bool big,
    rs_sim_report *rep, uint64_t *events, struct out *dirt,
    const rs_hooks *hooks, rs_error *err)
{
	const rs_sim_params *p = w->p;
	uint32_t nunits = big ? w->nusers + w->nbots : w->nsmall_users;
	uint32_t nblocks = (nunits + BLOCK_USERS - 1) / BLOCK_USERS, window;
	const char *name = big ? "big_matrix.csv" : "small_matrix.csv";
	uint8_t *mal = xcalloc(nunits + 1, 1);
	struct block *blk;
	struct out o, po;
	bool props = big && p->truth;	/* truth/propensity.csv beside the log */
	uint64_t line = 1;	/* the header */
	int nthreads = 1, rc = 0;
	struct rng r;
	char task[64];

#ifdef _OPENMP
	nthreads = omp_get_max_threads();
#endif
	/* malformed lines fall in randomly chosen real users' rows */
	sim_rng_stream(&r, p->seed, RS_DIRT, 0);
	for (uint32_t k = 0; big && k < p->malformed && k < w->nusers; k++) {
		uint32_t u;
		do
			u = sim_rng_below(&r, w->nusers);
		while (mal[u]);
		mal[u] = 1;
	}
	if (sim_out_open(&o, dir, name, gz, err) != 0) {
		free(mal);
		return -1;
	}
	write_header(&o, p->labels);
	if (props && open_propensities(&po, dir, err) != 0) {
		sim_out_close(&o, NULL, NULL);
		free(mal);
		return -1;
	}
	snprintf(task, sizeof task, "generate %s", name);
	window = (uint32_t)nthreads * 4;
	blk = xcalloc(window, sizeof *blk);
	for (uint32_t b0 = 0; b0 < nblocks && rc == 0; b0 += window) {
		uint32_t nb = nblocks - b0 < window ? nblocks - b0 : window;
		#pragma omp parallel
		{
			struct scratch sc;
			sc.pol.prob = xmalloc(p->videos * sizeof *sc.pol.prob);
			sc.pol.alias = xmalloc(p->videos * sizeof *sc.pol.alias);
			sc.pol.small = xmalloc(p->videos * sizeof *sc.pol.small);
			sc.pol.large = xmalloc(p->videos * sizeof *sc.pol.large);
			sc.q = props ? xmalloc(p->videos * sizeof *sc.q) : NULL;
			sc.seen = xcalloc(p->videos, sizeof *sc.seen);
			sc.ev = xmalloc((w->nsmall_videos + 1) * sizeof *sc.ev);
			sc.tmpcap = w->nsmall_videos + 1;
			sc.tmp = xmalloc(sc.tmpcap * sizeof *sc.tmp);
			#pragma omp for schedule(dynamic)
			for (uint32_t i = 0; i < nb; i++) {
				struct block *b = &blk[i];
				uint32_t first = (b0 + i) * BLOCK_USERS;
				b->text.len = 0;
				b->prop.len = 0;
				b->ndirt = 0;
				b->lines = b->rows = 0;
				b->dup = b->bot_rows = b->outliers = 0;
				b->missing_dur = b->bad_times = b->malformed = 0;
				for (uint32_t u = first; u < first + BLOCK_USERS && u < nunits; u++) {
					if (big)
						user_log(w, u, mal[u], b, &sc, &events[u]);
					else
						small_user(w, u, b, &sc);
				}
			}
			free(sc.pol.prob);
			free(sc.pol.alias);
			free(sc.pol.small);
			free(sc.pol.large);
			free(sc.q);
			free(sc.seen);
			free(sc.ev);
			free(sc.tmp);
		}
		for (uint32_t i = 0; i < nb; i++)
			block_out(&blk[i], &o, props ? &po : NULL, dirt, &line, big, rep);
		if (rs_hooks_progress(hooks, task, (double)(b0 + nb), (double)nblocks)) {
			rs_error_set(err, RS_ECANCEL, "interrupted");
			rc = -1;
		}
	}
	for (uint32_t i = 0; i < window; i++) {
		free(blk[i].text.s);
		free(blk[i].prop.s);
		free(blk[i].dirt);
	}
	free(blk);
	free(mal);
	if (sim_out_close(&o, &rep->bytes, err) != 0)
		rc = -1;
	if (props && sim_out_close(&po, &rep->bytes, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}

static void
json_kv_u64(struct tbuf *t, const char *k, uint64_t v, bool comma)
{
	sim_tb_str(t, "  \"");
	sim_tb_str(t, k);
	sim_tb_str(t, "\": ");
	sim_tb_u64(t, v);
	sim_tb_str(t, comma ? ",\n" : "\n");
}

static void
json_kv_num(struct tbuf *t, const char *k, double v)
{
	char num[40], buf[96];

	util_format_number(v, false, num, sizeof num);	/* shortest exact form */
	snprintf(buf, sizeof buf, "    \"%s\": %s,\n", k, num);
	sim_tb_str(t, buf);
}

static int
write_manifest(const struct world *w, const char *dir, rs_sim_report *rep,
    rs_error *err)
{
	const rs_sim_params *p = w->p;
	struct out o;
	struct tbuf t = { 0 };
	char buf[128];
	int rc;

	sim_tb_str(&t, "{\n  \"generator\": \"reelscope " PACKAGE_VERSION "\",\n");
	sim_tb_str(&t, "  \"layout\": \"KuaiRec 2.0\",\n");
	json_kv_u64(&t, "seed", p->seed, true);
	sim_tb_str(&t, "  \"parameters\": {\n");
	json_kv_num(&t, "users", p->users);
	json_kv_num(&t, "videos", p->videos);
	json_kv_num(&t, "creators", p->creators);
	json_kv_num(&t, "days", p->days);
	json_kv_num(&t, "factors", p->factors);
	json_kv_num(&t, "events", p->events);
	json_kv_num(&t, "pop_bias", p->pop_bias);
	json_kv_num(&t, "personalization", p->personalization);
	json_kv_num(&t, "new_creators", p->new_creators);
	json_kv_num(&t, "observed_users", p->observed_users);
	json_kv_num(&t, "observed_videos", p->observed_videos);
	json_kv_num(&t, "observed_fill", p->observed_fill);
	json_kv_num(&t, "dup_rate", p->dup_rate);
	json_kv_num(&t, "bot_rate", p->bot_rate);
	json_kv_num(&t, "outlier_rate", p->outlier_rate);
	json_kv_num(&t, "missing_duration", p->missing_duration);
	json_kv_num(&t, "missing_category", p->missing_category);
	json_kv_num(&t, "bad_time_rate", p->bad_time_rate);
	json_kv_num(&t, "malformed", p->malformed);
	if (p->drift > 0)	/* absent without drift: those worlds keep their bytes */
		json_kv_num(&t, "drift", p->drift);
	snprintf(buf, sizeof buf,
	    "    \"labels\": %s,\n    \"truth\": %s,\n    \"compress\": %s,\n",
	    p->labels ? "true" : "false", p->truth ? "true" : "false",
	    p->compress ? "true" : "false");
	sim_tb_str(&t, buf);
	snprintf(buf, sizeof buf, "    \"start\": \"%s\"\n  },\n",
	    p->start ? p->start : "2020-07-05");
	sim_tb_str(&t, buf);
	sim_tb_str(&t, "  \"counts\": {\n");
	json_kv_num(&t, "big_rows", (double)rep->big_rows);
	json_kv_num(&t, "small_rows", (double)rep->small_rows);
	json_kv_num(&t, "users", rep->users);
	json_kv_num(&t, "bots", rep->bots);
	json_kv_num(&t, "videos", rep->videos);
	json_kv_num(&t, "creators", rep->creators);
	json_kv_num(&t, "categories", rep->categories);
	json_kv_num(&t, "small_users", rep->small_users);
	sim_tb_str(&t, "    \"small_videos\": ");
	sim_tb_u64(&t, rep->small_videos);
	sim_tb_str(&t, "\n  },\n  \"dirt\": {\n");
	json_kv_num(&t, "duplicates", (double)rep->duplicates);
	json_kv_num(&t, "bot_users", rep->bots);
	json_kv_num(&t, "bot_rows", (double)rep->bot_rows);
	json_kv_num(&t, "outliers", (double)rep->outliers);
	json_kv_num(&t, "missing_durations", (double)rep->missing_durations);
	json_kv_num(&t, "missing_categories", rep->missing_categories);
	json_kv_num(&t, "bad_times", (double)rep->bad_times);
	sim_tb_str(&t, "    \"malformed\": ");
	sim_tb_u64(&t, rep->malformed);
	sim_tb_str(&t, "\n  },\n  \"bot_user_ids\": [");
	for (uint32_t k = 0; k < w->nbots; k++) {
		if (k)
			sim_tb_str(&t, ", ");
		sim_tb_u64(&t, w->nusers + k);
	}
	sim_tb_str(&t, "],\n  \"files\": \"dirt.csv lists every dirty row of big_matrix.csv (kind,line,user_id,video_id,timestamp); truth/ holds the latent factors when truth=yes\"\n}\n");
	if (sim_out_open(&o, dir, "manifest.json", false, err) != 0) {
		free(t.s);
		return -1;
	}
	sim_out_write(&o, t.s, t.len);
	free(t.s);
	rc = sim_out_close(&o, &rep->bytes, err);
	return rc;
}

/* ---- the folder: checked, written to a temporary sibling, then renamed ---- */

static bool
dir_has_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool any = false;

	if (d == NULL)
		return false;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			any = true;
			break;
		}
	closedir(d);
	return any;
}

static void
remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char *p;
		struct stat st;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(p);
		else
			unlink(p);
		free(p);
	}
	closedir(d);
	rmdir(dir);
}

/* The world's folder without trailing slashes ("w/" is w), malloc'd; NULL
 * for "." and ".." and "/", which name folders that cannot be replaced. */
static char *
world_dir(const char *dir, rs_error *err)
{
	const char *base;
	size_t n = strlen(dir);
	char *d = xstrdup(dir);

	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	base = strrchr(d, '/') ? strrchr(d, '/') + 1 : d;
	if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || n == 0 ||
	    strcmp(d, "/") == 0) {
		rs_error_set(err, RS_EINVAL,
		    "give the world a folder name of its own, not %s", dir);
		free(d);
		return NULL;
	}
	return d;
}

int
rs_sim_generate(const char *dir, const rs_sim_params *p, bool force,
    rs_sim_report *report, const rs_hooks *hooks, rs_error *err)
{
	struct world w;
	rs_sim_report rep = { 0 };
	struct stat st;
	char *tmp = NULL, *old = NULL, *norm = NULL;
	uint64_t *events = NULL;
	struct out dirt;
	const char *msg;
	bool exists, gz = p->compress;
	int rc = -1;

	if ((msg = rs_sim_params_check(p)) != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", msg);
		return -1;
	}
	if ((norm = world_dir(dir, err)) == NULL)
		return -1;
	dir = norm;
	exists = stat(dir, &st) == 0;
	if (exists && !S_ISDIR(st.st_mode)) {
		rs_error_set(err, RS_EIO, "%s exists and is not a folder", dir);
		free(norm);
		return -1;
	}
	if (exists && dir_has_entries(dir) && !force) {
		rs_error_set(err, RS_EIO,
		    "%s already holds files; give --force to replace them", dir);
		free(norm);
		return -1;
	}
	tmp = xasprintf("%s.tmp-XXXXXX", dir);
	if (mkdtemp(tmp) == NULL) {
		rs_error_set(err, RS_EIO, "cannot create %s: %s", dir, strerror(errno));
		free(tmp);
		free(norm);
		return -1;
	}
	{
		/* mkdtemp makes it private; the world is an ordinary folder */
		mode_t um = umask(0);
		umask(um);
		chmod(tmp, 0777 & ~um);
	}
	if (sim_world_build(&w, p, err) != 0)
		goto out;
	if (p->drift > 0)
		sim_drift_build(&w);
	rep.users = w.nusers;
	rep.bots = w.nbots;
	rep.videos = p->videos;
	rep.creators = p->creators;
	rep.categories = w.ncat;
	rep.small_users = w.nsmall_users;
	rep.small_videos = w.nsmall_videos;
	for (uint32_t v = 0; v < p->videos; v++)
		rep.missing_categories += w.v_nocat[v];
	events = xcalloc((size_t)w.nusers + w.nbots + 1, sizeof *events);
	if (sim_out_open(&dirt, tmp, "dirt.csv", false, err) != 0)
		goto out_world;
	sim_out_puts(&dirt, "kind,line,user_id,video_id,timestamp\n");
	if (write_matrix(&w, tmp, gz, true, &rep, events, &dirt, hooks, err) != 0) {
		sim_out_close(&dirt, NULL, NULL);
		goto out_world;
	}
	if (sim_out_close(&dirt, &rep.bytes, err) != 0)
		goto out_world;
	if (write_matrix(&w, tmp, gz, false, &rep, events, &dirt, hooks, err) != 0 ||
	    sim_write_item_tables(&w, tmp, gz, &rep.bytes, err) != 0 ||
	    sim_write_user_tables(&w, tmp, gz, events, &rep.bytes, err) != 0 ||
	    (p->truth && sim_write_truth(&w, tmp, &rep.bytes, err) != 0) ||
	    (p->truth && p->drift > 0 &&
	    sim_write_drift_truth(&w, tmp, &rep.bytes, err) != 0) ||
	    (p->plays && sim_write_plays(&w, tmp, gz, &rep.bytes, err) != 0) ||
	    write_manifest(&w, tmp, &rep, err) != 0)
		goto out_world;
	/* into place: the old folder (empty, or replaced with --force) goes */
	if (exists) {
		old = xasprintf("%s.old-XXXXXX", dir);
		if (mkdtemp(old) == NULL || rename(dir, old) != 0) {
			rs_error_set(err, RS_EIO, "cannot replace %s: %s", dir,
			    strerror(errno));
			if (old != NULL)
				rmdir(old);
			goto out_world;
		}
	}
	if (rename(tmp, dir) != 0) {
		rs_error_set(err, RS_EIO, "cannot create %s: %s", dir, strerror(errno));
		if (old != NULL)
			rename(old, dir);
		goto out_world;
	}
	if (old != NULL)
		remove_tree(old);
	if (report != NULL)
		*report = rep;
	rc = 0;
out_world:
	sim_drift_free(&w);
	sim_world_free(&w);
out:
	if (rc != 0)
		remove_tree(tmp);
	free(events);
	free(tmp);
	free(old);
	free(norm);
	return rc;
}
