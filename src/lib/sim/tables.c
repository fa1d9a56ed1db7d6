/* The simulator's side tables: categories, daily video counters, captions, user features, friends, truth. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sim.h"
#include "util/xmalloc.h"

static int
finish(struct out *o, struct tbuf *t, uint64_t *bytes, rs_error *err)
{
	int rc;

	sim_out_write(o, t->s, t->len);
	free(t->s);
	t->s = NULL;
	t->len = t->cap = 0;
	rc = sim_out_close(o, bytes, err);
	return rc;
}

/* "[27, 9]" as KuaiRec writes its lists (quoted when it holds a comma) */
static void
put_list(struct tbuf *t, const uint32_t *v, size_t n)
{
	if (n > 1)
		tb_chr(t, '"');
	tb_chr(t, '[');
	for (size_t k = 0; k < n; k++) {
		if (k)
			sim_tb_str(t, ", ");
		sim_tb_u64(t, v[k]);
	}
	tb_chr(t, ']');
	if (n > 1)
		tb_chr(t, '"');
}

static const char *
pick_word(struct rng *r, const struct category *c, bool zh)
{
	const char *const *common = zh ? sim_common_zh : sim_common_en;

	if (sim_rng_chance(r, 0.75))
		return zh ? c->words_zh[sim_rng_below(r, 12)] : c->words_en[sim_rng_below(r, 12)];
	return common[sim_rng_below(r, 10)];
}

/* A caption from the category's words: Chinese runs together, English is
 * spaced, both may carry a hashtag. */
static void
make_caption(struct rng *r, const struct category *c, int lang, struct tbuf *t)
{
	int n = 3 + (int)sim_rng_below(r, 5);

	for (int k = 0; k < n; k++) {
		bool zh = lang == 0 || (lang == 2 && sim_rng_chance(r, 0.5));
		if (k > 0 && (!zh || lang == 2))
			tb_chr(t, ' ');
		sim_tb_str(t, pick_word(r, c, zh));
	}
	if (sim_rng_chance(r, 0.6)) {
		sim_tb_str(t, " #");
		sim_tb_str(t, lang == 1 ? c->en : c->zh);
	}
	if (sim_rng_chance(r, 0.2)) {
		sim_tb_str(t, " #");
		sim_tb_str(t, pick_word(r, c, lang != 1));
	}
}

static uint64_t
poissonish(struct rng *r, double mean)
{
	/* normal approximation, good enough for counters */
	double x;

	if (mean <= 0)
		return 0;
	x = mean + sqrt(mean) * sim_rng_normal(r);
	return x < 0 ? 0 : (uint64_t)llround(x);
}

/* About p of n, never more than n. */
static uint64_t
part(struct rng *r, uint64_t n, double p)
{
	uint64_t x = poissonish(r, (double)n * p);

	return x > n ? n : x;
}

/* item_categories.csv: a video withheld its category writes an empty
 * field, the dirt the cleaning steps meet in KuaiRec. */
static int
write_item_categories(const struct world *w, const char *dir, bool gz,
    uint64_t *bytes, rs_error *err)
{
	struct out o;
	struct tbuf t = { 0 };

	if (sim_out_open(&o, dir, "item_categories.csv", gz, err) != 0)
		return -1;
	sim_tb_str(&t, "video_id,feat\n");
	for (uint32_t v = 0; v < w->p->videos; v++) {
		uint32_t f[2];
		size_t n = 0;
		sim_tb_u64(&t, v);
		tb_chr(&t, ',');
		if (!w->v_nocat[v]) {
			f[n++] = w->v_cat[v];
			if (w->v_cat2[v] != UINT16_MAX)
				f[n++] = w->v_cat2[v];
			put_list(&t, f, n);
		}
		tb_chr(&t, '\n');
	}
	return finish(&o, &t, bytes, err);
}

/* One row of kuairec_caption_category.csv; its own random stream per video
 * so captions do not shift when other tables change. */
static void
caption_row(const struct world *w, uint32_t v, struct tbuf *t)
{
	const struct category *c = &sim_categories[w->v_cat[v]];
	int lang = w->c_lang[w->v_creator[v]];
	struct tbuf cap = { 0 };
	struct rng r;
	uint32_t sub;

	sim_rng_stream(&r, w->p->seed, RS_CAPTION, v);
	sub = sim_rng_below(&r, 3);
	sim_tb_u64(t, v);
	tb_chr(t, ',');
	if (sim_rng_chance(&r, 0.4)) {
		/* a cover text of two words, or UNKNOWN as KuaiRec has it */
		sim_tb_str(&cap, pick_word(&r, c, lang != 1));
		if (lang == 1)
			tb_chr(&cap, ' ');
		sim_tb_str(&cap, pick_word(&r, c, lang != 1));
		tb_chr(&cap, '\0');
		sim_tb_field(t, cap.s);
		cap.len = 0;
	} else
		sim_tb_str(t, "UNKNOWN");
	tb_chr(t, ',');
	make_caption(&r, c, lang, &cap);
	tb_chr(&cap, '\0');
	sim_tb_field(t, cap.s);
	free(cap.s);
	sim_tb_str(t, ",[],");
	if (w->v_nocat[v])
		sim_tb_str(t, ",,,,");	/* the category withheld: dirt */
	else {
		sim_tb_u64(t, w->v_cat[v] + 1);
		tb_chr(t, ',');
		sim_tb_str(t, c->zh);
		tb_chr(t, ',');
		sim_tb_u64(t, (w->v_cat[v] + 1) * 100 + sub);
		tb_chr(t, ',');
		sim_tb_str(t, c->sub_zh[sub]);
		tb_chr(t, ',');
	}
	sim_tb_str(t, "-124,UNKNOWN\n");
}

/* kuairec_caption_category.csv: the text the feature steps work on. */
static int
write_captions(const struct world *w, const char *dir, bool gz,
    uint64_t *bytes, rs_error *err)
{
	struct out o;
	struct tbuf t = { 0 };

	if (sim_out_open(&o, dir, "kuairec_caption_category.csv", gz, err) != 0)
		return -1;
	sim_tb_str(&t, "video_id,manual_cover_text,caption,topic_tag,first_level_category_id,"
	    "first_level_category_name,second_level_category_id,second_level_category_name,"
	    "third_level_category_id,third_level_category_name\n");
	for (uint32_t v = 0; v < w->p->videos; v++)
		caption_row(w, v, &t);
	return finish(&o, &t, bytes, err);
}

/* The play counters of a daily row (complete, valid, long, short plays and
 * their users), drawn in the file's column order so the stream stays put. */
static void
daily_plays(struct tbuf *t, struct rng *r, uint64_t play, double progress)
{
	uint64_t cnt[4];

	cnt[0] = part(r, play, progress * 0.6);	/* complete */
	cnt[1] = part(r, play, 0.7);			/* valid */
	cnt[2] = part(r, play, progress * 0.5);	/* long */
	cnt[3] = part(r, play, 1 - progress);		/* short */
	for (int k = 0; k < 4; k++) {
		tb_chr(t, ',');
		sim_tb_u64(t, cnt[k]);
		tb_chr(t, ',');
		sim_tb_u64(t, part(r, cnt[k], 0.9));
	}
}

/* The reaction counters of a daily row, in the file's column order: like,
 * comment, follow, share, download, report, reduce, collect. */
static void
daily_reactions(struct tbuf *t, struct rng *r, uint64_t play, double appeal)
{
	static const double rate[] = { 0.004, 0.0005, 0.003, 0.001,
		0.0002, 0.001, 0.002, 0.0002 };
	uint64_t like, comment;

	like = part(r, play, 0.03 + 0.03 / (1 + exp(-appeal)));
	tb_chr(t, ',');
	sim_tb_u64(t, like);
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, like, 0.97));
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, like, 0.7));
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, like, 0.3));
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, like, 0.02));
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, like, 0.02));
	comment = part(r, play, 0.004);
	for (int k = 0; k < 2; k++) {
		tb_chr(t, ',');
		sim_tb_u64(t, comment);
	}
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, comment, 0.7));
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, comment, 0.3));
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, comment, 0.05));
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, comment, 0.05));
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, comment, 0.5));
	tb_chr(t, ',');
	sim_tb_u64(t, part(r, comment, 0.4));
	for (int k = 0; k < 8; k++) {
		uint64_t x = part(r, play, rate[k]);
		tb_chr(t, ',');
		sim_tb_u64(t, x);
		tb_chr(t, ',');
		sim_tb_u64(t, part(r, x, 0.95));
	}
}

/* One row of item_daily_features.csv: shows fade with the video's age and
 * scale with its popularity against the mean, plays follow its appeal. */
static void
daily_row(const struct world *w, uint32_t v, uint32_t d, int64_t day_ms,
    double meanpop, struct tbuf *t)
{
	static const char *const upload_types[] = { "ShortImport", "LongImport",
		"Web", "LocalCollect" };
	static const int wh[3][2] = { { 720, 1280 }, { 1280, 720 },
		{ 720, 720 } };
	const rs_sim_params *p = w->p;
	double age, ctr, show_mean, progress;
	uint64_t show, play;
	uint32_t c = w->v_creator[v];
	struct rng r;

	sim_rng_stream(&r, p->seed, RS_DAILY, (uint64_t)d * p->videos + v);
	age = (double)(day_ms - w->v_upload[v]) / 86400000.0;
	if (age < 0)
		age = 0;
	show_mean = 3000.0 * w->v_pop[v] / meanpop * exp(-age / 20.0);
	show = poissonish(&r, show_mean);
	ctr = 1.0 / (1.0 + exp(-(w->v_appeal[v] + 0.2)));
	play = part(&r, show, ctr);
	progress = 0.35 + 0.3 / (1.0 + exp(-w->v_appeal[v]));
	sim_tb_u64(t, v);
	tb_chr(t, ',');
	sim_tb_date_bj(t, day_ms);
	tb_chr(t, ',');
	sim_tb_u64(t, c);
	sim_tb_str(t, v % 20 == 7 ? ",AD," : ",NORMAL,");
	sim_tb_day_bj(t, w->v_upload[v]);
	tb_chr(t, ',');
	sim_tb_str(t, upload_types[(v * 7 + c) % 4]);
	sim_tb_str(t, ",public,");
	sim_tb_i64(t, w->v_dur[v]);
	tb_chr(t, ',');
	sim_tb_u64(t, (uint64_t)wh[w->v_angle[v]][0]);
	tb_chr(t, ',');
	sim_tb_u64(t, (uint64_t)wh[w->v_angle[v]][1]);
	tb_chr(t, ',');
	sim_tb_u64(t, 1000 + (v * 2654435761u) % 90000);
	tb_chr(t, ',');
	sim_tb_u64(t, w->v_cat[v]);
	tb_chr(t, ',');
	sim_tb_str(t, sim_categories[w->v_cat[v]].zh);
	tb_chr(t, ',');
	sim_tb_u64(t, show);
	tb_chr(t, ',');
	sim_tb_u64(t, part(&r, show, 0.85));
	tb_chr(t, ',');
	sim_tb_u64(t, play);
	tb_chr(t, ',');
	sim_tb_u64(t, part(&r, play, 0.9));
	tb_chr(t, ',');
	sim_tb_u64(t, (uint64_t)llround((double)play * progress * w->v_dur[v]));
	daily_plays(t, &r, play, progress);
	tb_chr(t, ',');
	sim_tb_fixed(t, progress, 4);
	tb_chr(t, ',');
	sim_tb_u64(t, part(&r, play, 0.02) * 15000);
	daily_reactions(t, &r, play, w->v_appeal[v]);
	tb_chr(t, '\n');
}

/* item_daily_features.csv: one row per video and day it existed, flushed
 * every megabyte because it is the largest table. */
static int
write_daily(const struct world *w, const char *dir, bool gz,
    uint64_t *bytes, rs_error *err)
{
	const rs_sim_params *p = w->p;
	struct out o;
	struct tbuf t = { 0 };
	double meanpop = 0;

	for (uint32_t v = 0; v < p->videos; v++)
		meanpop += w->v_pop[v];
	meanpop /= p->videos;
	if (sim_out_open(&o, dir, "item_daily_features.csv", gz, err) != 0)
		return -1;
	sim_tb_str(&t, "video_id,date,author_id,video_type,upload_dt,upload_type,visible_status,"
	    "video_duration,video_width,video_height,music_id,video_tag_id,video_tag_name,"
	    "show_cnt,show_user_num,play_cnt,play_user_num,play_duration,complete_play_cnt,"
	    "complete_play_user_num,valid_play_cnt,valid_play_user_num,long_time_play_cnt,"
	    "long_time_play_user_num,short_time_play_cnt,short_time_play_user_num,play_progress,"
	    "comment_stay_duration,like_cnt,like_user_num,click_like_cnt,double_click_cnt,"
	    "cancel_like_cnt,cancel_like_user_num,comment_cnt,comment_user_num,direct_comment_cnt,"
	    "reply_comment_cnt,delete_comment_cnt,delete_comment_user_num,comment_like_cnt,"
	    "comment_like_user_num,follow_cnt,follow_user_num,cancel_follow_cnt,"
	    "cancel_follow_user_num,share_cnt,share_user_num,download_cnt,download_user_num,"
	    "report_cnt,report_user_num,reduce_similar_cnt,reduce_similar_user_num,collect_cnt,"
	    "collect_user_num,cancel_collect_cnt,cancel_collect_user_num\n");
	for (uint32_t d = 0; d < p->days; d++) {
		int64_t day_ms = w->start_ms + (int64_t)d * 86400000LL;
		for (uint32_t v = 0; v < p->videos; v++) {
			if (w->v_upload[v] >= day_ms + 86400000LL)
				continue;	/* not uploaded yet */
			daily_row(w, v, d, day_ms, meanpop, &t);
		}
		if (t.len > ((size_t)1 << 20)) {
			sim_out_write(&o, t.s, t.len);
			t.len = 0;
		}
	}
	return finish(&o, &t, bytes, err);
}

int
sim_write_item_tables(const struct world *w, const char *dir, bool gz,
    uint64_t *bytes, rs_error *err)
{
	if (write_item_categories(w, dir, gz, bytes, err) != 0 ||
	    write_captions(w, dir, gz, bytes, err) != 0)
		return -1;
	return write_daily(w, dir, gz, bytes, err);
}

static const char *
range_of(double x, const double *cuts, const char *const *names, int n)
{
	for (int k = 0; k < n; k++)
		if (x <= cuts[k])
			return names[k];
	return names[n];
}

/* Friendships between users of similar taste (a third of users): the best
 * of eight random candidates by factor dot product, lists kept sorted as
 * written. */
static void
make_friends(const struct world *w, uint32_t **friends, uint32_t *nfr)
{
	struct rng r;

	for (uint32_t u = 0; u < w->nusers; u++) {
		uint32_t want;
		sim_rng_stream(&r, w->p->seed, RS_SOCIAL, u);
		if (!sim_rng_chance(&r, 0.3) || w->nusers < 2)
			continue;
		want = 1 + sim_rng_below(&r, 4);
		friends[u] = xmalloc(want * sizeof **friends);
		for (uint32_t k = 0; k < want; k++) {
			uint32_t best = UINT32_MAX;
			double bests = -1e300;
			for (int c = 0; c < 8; c++) {
				uint32_t f = sim_rng_below(&r, w->nusers);
				double s = 0;
				if (f == u)
					continue;
				for (uint32_t j = 0; j < w->K; j++)
					s += (double)w->u_factor[(size_t)u * w->K + j] *
					    w->u_factor[(size_t)f * w->K + j];
				if (s > bests) {
					bests = s;
					best = f;
				}
			}
			if (best != UINT32_MAX) {
				bool dup = false;
				for (uint32_t j = 0; j < nfr[u]; j++)
					dup |= friends[u][j] == best;
				if (!dup)
					friends[u][nfr[u]++] = best;
			}
		}
		/* keep the lists sorted, as written */
		for (uint32_t a = 1; a < nfr[u]; a++)
			for (uint32_t b = a; b > 0 && friends[u][b - 1] > friends[u][b]; b--) {
				uint32_t x = friends[u][b];
				friends[u][b] = friends[u][b - 1];
				friends[u][b - 1] = x;
			}
	}
}

/* The 75th, 50th and 20th percentiles of the logged events, which cut the
 * users into KuaiRec's activity degrees. */
static void
activity_cuts(const double *act, uint32_t n, double q[3])
{
	double *s = xmalloc(n * sizeof *s);

	memcpy(s, act, n * sizeof *s);
	for (uint32_t a = 1; a < n; a++) {
		double x = s[a];
		uint32_t b = a;
		while (b > 0 && s[b - 1] > x) {
			s[b] = s[b - 1];
			b--;
		}
		s[b] = x;
	}
	q[0] = s[(size_t)(0.75 * (n - 1))];
	q[1] = s[(size_t)(0.5 * (n - 1))];
	q[2] = s[(size_t)(0.2 * (n - 1))];
	free(s);
}

/* One row of user_features.csv; bots have no activity degree and are young
 * accounts, which is what gives them away. */
static void
user_row(const struct world *w, uint32_t u, const char *deg, uint32_t nfr,
    struct tbuf *t)
{
	static const double num_cuts[] = { 0, 10, 50, 100, 150, 250, 500 };
	static const char *const num_names[] = { "0", "(0,10]", "(10,50]",
		"(50,100]", "(100,150]", "(150,250]", "(250,500]", "500+" };
	static const double reg_cuts[] = { 15, 30, 60, 90, 180, 365, 730 };
	static const char *const reg_names[] = { "0-15", "15-30", "31-60",
		"61-90", "91-180", "181-365", "366-730", "730+" };
	bool bot = u >= w->nusers;
	double follow, fans, reg;
	struct rng r;

	sim_rng_stream(&r, w->p->seed, RS_USERS, (uint64_t)u + 0x100000000ULL);
	follow = floor(exp(3 + 1.2 * sim_rng_normal(&r)));
	fans = floor(exp(1.5 + 1.5 * sim_rng_normal(&r)));
	reg = bot ? 1 + sim_rng_below(&r, 10) : floor(exp(5.5 + 0.8 * sim_rng_normal(&r)));
	sim_tb_u64(t, u);
	tb_chr(t, ',');
	sim_tb_str(t, deg);
	tb_chr(t, ',');
	tb_chr(t, sim_rng_chance(&r, 0.05) ? '1' : '0');
	tb_chr(t, ',');
	tb_chr(t, sim_rng_chance(&r, 0.04) ? '1' : '0');
	tb_chr(t, ',');
	tb_chr(t, sim_rng_chance(&r, 0.2) ? '1' : '0');
	tb_chr(t, ',');
	sim_tb_u64(t, (uint64_t)follow);
	tb_chr(t, ',');
	sim_tb_field(t, range_of(follow, num_cuts, num_names, 7));
	tb_chr(t, ',');
	sim_tb_u64(t, (uint64_t)fans);
	tb_chr(t, ',');
	sim_tb_field(t, range_of(fans, num_cuts, num_names, 7));
	tb_chr(t, ',');
	sim_tb_u64(t, nfr);
	tb_chr(t, ',');
	sim_tb_field(t, range_of(nfr, num_cuts, num_names, 7));
	tb_chr(t, ',');
	sim_tb_u64(t, (uint64_t)reg);
	tb_chr(t, ',');
	sim_tb_field(t, range_of(reg, reg_cuts, reg_names, 7));
	for (int k = 0; k < 18; k++) {
		tb_chr(t, ',');
		if (k >= 12 && sim_rng_chance(&r, 0.1))
			continue;	/* sparse features go missing */
		sim_tb_u64(t, sim_rng_below(&r, k == 0 ? 2 : k < 6 ? 8 : k < 12 ? 50 : 4));
	}
	tb_chr(t, '\n');
}

/* user_features.csv, with activity degrees from the logged events so the
 * table agrees with the log. */
static int
write_user_features(const struct world *w, const char *dir, bool gz,
    const uint64_t *events, const uint32_t *nfr, uint64_t *bytes, rs_error *err)
{
	uint32_t nu = w->nusers + w->nbots;
	double *act = xmalloc(w->nusers * sizeof *act);
	double q[3];
	struct out o;
	struct tbuf t = { 0 };
	int rc;

	for (uint32_t u = 0; u < w->nusers; u++)
		act[u] = (double)events[u];
	activity_cuts(act, w->nusers, q);
	if (sim_out_open(&o, dir, "user_features.csv", gz, err) != 0) {
		free(act);
		return -1;
	}
	sim_tb_str(&t, "user_id,user_active_degree,is_lowactive_period,is_live_streamer,"
	    "is_video_author,follow_user_num,follow_user_num_range,fans_user_num,"
	    "fans_user_num_range,friend_user_num,friend_user_num_range,register_days,"
	    "register_days_range");
	for (int k = 0; k < 18; k++) {
		char buf[32];
		snprintf(buf, sizeof buf, ",onehot_feat%d", k);
		sim_tb_str(&t, buf);
	}
	tb_chr(&t, '\n');
	for (uint32_t u = 0; u < nu; u++) {
		const char *deg = u >= w->nusers ? "UNKNOWN" : act[u] >= q[0] ?
		    "full_active" : act[u] >= q[1] ? "high_active" : act[u] >= q[2] ?
		    "middle_active" : "low_active";
		user_row(w, u, deg, nfr[u], &t);
	}
	rc = finish(&o, &t, bytes, err);
	free(act);
	return rc;
}

/* social_network.csv: only users with friends get a row, as in KuaiRec. */
static int
write_social(const struct world *w, const char *dir, bool gz,
    uint32_t *const *friends, const uint32_t *nfr, uint64_t *bytes, rs_error *err)
{
	struct out o;
	struct tbuf t = { 0 };

	if (sim_out_open(&o, dir, "social_network.csv", gz, err) != 0)
		return -1;
	sim_tb_str(&t, "user_id,friend_list\n");
	for (uint32_t u = 0; u < w->nusers; u++) {
		if (nfr[u] == 0)
			continue;
		sim_tb_u64(&t, u);
		tb_chr(&t, ',');
		put_list(&t, friends[u], nfr[u]);
		tb_chr(&t, '\n');
	}
	return finish(&o, &t, bytes, err);
}

int
sim_write_user_tables(const struct world *w, const char *dir, bool gz,
    const uint64_t *events, uint64_t *bytes, rs_error *err)
{
	uint32_t nu = w->nusers + w->nbots;
	uint32_t **friends = xcalloc(nu, sizeof *friends);
	uint32_t *nfr = xcalloc(nu, sizeof *nfr);
	int rc;

	make_friends(w, friends, nfr);
	rc = write_user_features(w, dir, gz, events, nfr, bytes, err);
	if (rc == 0)
		rc = write_social(w, dir, gz, friends, nfr, bytes, err);
	for (uint32_t u = 0; u < nu; u++)
		free(friends[u]);
	free(friends);
	free(nfr);
	return rc;
}

int
sim_write_truth(const struct world *w, const char *dir, uint64_t *bytes,
    rs_error *err)
{
	const rs_sim_params *p = w->p;
	char *sub = xasprintf("%s/truth", dir);
	struct out o;
	struct tbuf t = { 0 };
	char buf[64];
	uint32_t nu = w->nusers + w->nbots;

	if (mkdir(sub, 0755) != 0 && errno != EEXIST) {	/* propensity.csv made it */
		rs_error_set(err, RS_EIO, "cannot create %s", sub);
		free(sub);
		return -1;
	}
	/* users: factors, category affinities, duration preference, bot flag */
	if (sim_out_open(&o, sub, "users.csv", false, err) != 0)
		goto fail;
	sim_tb_str(&t, "user_id,is_bot,activity,duration_preference");
	for (uint32_t k = 0; k < w->K; k++) {
		snprintf(buf, sizeof buf, ",f%u", k);
		sim_tb_str(&t, buf);
	}
	for (uint32_t c = 0; c < w->ncat; c++) {
		snprintf(buf, sizeof buf, ",affinity_%u", c);
		sim_tb_str(&t, buf);
	}
	tb_chr(&t, '\n');
	for (uint32_t u = 0; u < nu; u++) {
		sim_tb_u64(&t, u);
		sim_tb_str(&t, u >= w->nusers ? ",1," : ",0,");
		sim_tb_fixed(&t, w->u_activity[u], 3);
		tb_chr(&t, ',');
		sim_tb_fixed(&t, w->u_durpref[u], 6);
		for (uint32_t k = 0; k < w->K; k++) {
			tb_chr(&t, ',');
			sim_tb_fixed(&t, w->u_factor[(size_t)u * w->K + k], 6);
		}
		for (uint32_t c = 0; c < w->ncat; c++) {
			tb_chr(&t, ',');
			sim_tb_fixed(&t, w->u_aff[(size_t)u * w->ncat + c], 6);
		}
		tb_chr(&t, '\n');
	}
	if (finish(&o, &t, bytes, err) != 0)
		goto fail;
	/* videos: creator, category, appeal, popularity prior, factors */
	if (sim_out_open(&o, sub, "videos.csv", false, err) != 0)
		goto fail;
	sim_tb_str(&t, "video_id,author_id,category,appeal,popularity,duration_ms,upload_ms");
	for (uint32_t k = 0; k < w->K; k++) {
		snprintf(buf, sizeof buf, ",f%u", k);
		sim_tb_str(&t, buf);
	}
	tb_chr(&t, '\n');
	for (uint32_t v = 0; v < p->videos; v++) {
		sim_tb_u64(&t, v);
		tb_chr(&t, ',');
		sim_tb_u64(&t, w->v_creator[v]);
		tb_chr(&t, ',');
		sim_tb_u64(&t, w->v_cat[v]);
		tb_chr(&t, ',');
		sim_tb_fixed(&t, w->v_appeal[v], 6);
		tb_chr(&t, ',');
		sim_tb_fixed(&t, w->v_pop[v], 6);
		tb_chr(&t, ',');
		sim_tb_i64(&t, w->v_dur[v]);
		tb_chr(&t, ',');
		sim_tb_i64(&t, w->v_upload[v]);
		for (uint32_t k = 0; k < w->K; k++) {
			tb_chr(&t, ',');
			sim_tb_fixed(&t, w->v_factor[(size_t)v * w->K + k], 6);
		}
		tb_chr(&t, '\n');
	}
	if (finish(&o, &t, bytes, err) != 0)
		goto fail;
	/* creators: fame, newness, home category, quality */
	if (sim_out_open(&o, sub, "creators.csv", false, err) != 0)
		goto fail;
	sim_tb_str(&t, "author_id,weight,is_new,category,quality\n");
	for (uint32_t c = 0; c < p->creators; c++) {
		sim_tb_u64(&t, c);
		tb_chr(&t, ',');
		sim_tb_fixed(&t, w->c_weight[c], 6);
		sim_tb_str(&t, w->c_new[c] ? ",1," : ",0,");
		sim_tb_u64(&t, w->c_cat[c]);
		tb_chr(&t, ',');
		sim_tb_fixed(&t, w->c_quality[c], 6);
		tb_chr(&t, '\n');
	}
	if (finish(&o, &t, bytes, err) != 0)
		goto fail;
	free(sub);
	return 0;
fail:
	free(t.s);
	free(sub);
	return -1;
}
