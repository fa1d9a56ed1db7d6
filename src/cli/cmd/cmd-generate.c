/* generate: write a seeded short-video world in the KuaiRec 2.0 layout (and optionally load it). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/text.h"
#include "util/xmalloc.h"

static const struct cmd_opt generate_opts[] = {
	{ "seed", OPT_INT, NULL, 0, 9007199254740991.0, "1", "random seed: same seed, same bytes" },
	{ "users", OPT_INT, NULL, 1, 10000000, "1000", "real users (bots come on top)" },
	{ "videos", OPT_INT, NULL, 1, 10000000, "2000", "videos" },
	{ "creators", OPT_INT, NULL, 1, 10000000, "200",
	  "creators (at most the videos; by default at most a tenth of them)" },
	{ "days", OPT_INT, NULL, 1, 3650, "14", "length of the logged period" },
	{ "start", OPT_STR, NULL, 0, -1, "2020-07-05", "first day (YYYY-MM-DD)" },
	{ "factors", OPT_INT, NULL, 1, 256, "8", "latent dimensions of tastes" },
	{ "events", OPT_NUM, NULL, 1, 1000000, "60", "mean sparse-log events per user" },
	{ "pop_bias", OPT_NUM, NULL, 0, 10, "1", "exponent of popularity in the logging policy" },
	{ "personalization", OPT_NUM, NULL, 0, 10, "1",
	  "weight of true preference in the logging policy" },
	{ "new_creators", OPT_NUM, NULL, 0, 1, "0.1", "share of new, emerging creators" },
	{ "observed_users", OPT_NUM, NULL, 0, 1, "0.2", "share of users in the fully observed block" },
	{ "observed_videos", OPT_NUM, NULL, 0, 1, "0.3", "share of videos in it" },
	{ "observed_fill", OPT_NUM, NULL, 0.99, 1, "0.996", "share of its pairs present" },
	{ "dup", OPT_NUM, NULL, 0, 0.5, "0.005", "dirt: share of events logged twice" },
	{ "bots", OPT_NUM, NULL, 0, 0.5, "0.01", "dirt: bot users per real user" },
	{ "outliers", OPT_NUM, NULL, 0, 0.5, "0.002", "dirt: share of events with a replay ratio far above 1" },
	{ "missing_duration", OPT_NUM, NULL, 0, 0.5, "0.002", "dirt: share of events without video_duration" },
	{ "missing_category", OPT_NUM, NULL, 0, 0.5, "0.02", "dirt: share of videos without categories" },
	{ "bad_time", OPT_NUM, NULL, 0, 0.5, "0.001", "dirt: share of events with an impossible timestamp" },
	{ "malformed", OPT_INT, NULL, 0, 1000, "3", "dirt: malformed lines in big_matrix.csv" },
	{ "drift", OPT_NUM, NULL, 0, 1, "0",
	  "tastes move: each user's favourite category hands its affinity to another, this share per day (truth=yes: truth/drift.csv)" },
	{ "labels", OPT_BOOL, NULL, 0, -1, "yes", "add is_like, is_follow, is_share columns" },
	{ "truth", OPT_BOOL, NULL, 0, -1, "no", "write truth/ with the latent factors and truth/propensity.csv, the logging policy's chance of showing each logged (user, video) pair" },
	{ "compress", OPT_BOOL, NULL, 0, -1, "no", "write the tables gzipped" },
	{ "plays", OPT_BOOL, NULL, 0, -1, "no",
	  "also write plays.csv: play counts per user-video pair, heavy-tailed (Last.fm-like; load W/plays.csv)" },
	{ "clean", OPT_FLAG, NULL, 0, -1, NULL, "no dirt at all (every dirt rate 0)" },
	{ "force", OPT_FLAG, NULL, 0, -1, NULL, "replace a folder that already holds files" },
	{ "load", OPT_FLAG, NULL, 0, -1, NULL, "load the world right after (with --skip-bad)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field generate_fields[] = {
	{ "path", "the folder written" },
	{ "seed", "the seed used" },
	{ "big_rows", "rows of big_matrix.csv (the sparse log, dirt included)" },
	{ "small_rows", "rows of small_matrix.csv (the fully observed block)" },
	{ "users", "real users" },
	{ "bots", "bot users" },
	{ "videos", "videos" },
	{ "creators", "creators" },
	{ "small_users", "users of the observed block" },
	{ "small_videos", "videos of the observed block" },
	{ "dirt", "injected dirt: duplicates, bot_rows, outliers, missing_durations, missing_categories, bad_times, malformed" },
	{ "bytes", "bytes written" },
	{ "seconds", "wall time" },
	{ NULL, NULL }
};

static enum cmd_ret
cmd_generate_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_sim_params p;
	rs_sim_report rep;
	rs_error err;
	rs_hooks h = session_hooks(s, r);
	struct rnode *root = report_root(r), *d;
	double t0;
	const char *msg;
	double secs;

	rs_sim_params_init(&p);
	if (call_flag(c, "clean"))
		rs_sim_params_clean(&p);
	p.seed = (uint64_t)call_int(c, "seed", (long long)p.seed);
	p.users = (uint32_t)call_int(c, "users", p.users);
	p.videos = (uint32_t)call_int(c, "videos", p.videos);
	/* unless given, creators fit the videos: at most a tenth of them */
	if (!call_has(c, "creators") && p.creators > p.videos / 10)
		p.creators = p.videos >= 10 ? p.videos / 10 : 1;
	p.creators = (uint32_t)call_int(c, "creators", p.creators);
	p.days = (uint32_t)call_int(c, "days", p.days);
	p.factors = (uint32_t)call_int(c, "factors", p.factors);
	p.events = call_num(c, "events", p.events);
	p.pop_bias = call_num(c, "pop_bias", p.pop_bias);
	p.personalization = call_num(c, "personalization", p.personalization);
	p.new_creators = call_num(c, "new_creators", p.new_creators);
	p.observed_users = call_num(c, "observed_users", p.observed_users);
	p.observed_videos = call_num(c, "observed_videos", p.observed_videos);
	p.observed_fill = call_num(c, "observed_fill", p.observed_fill);
	p.dup_rate = call_num(c, "dup", p.dup_rate);
	p.bot_rate = call_num(c, "bots", p.bot_rate);
	p.outlier_rate = call_num(c, "outliers", p.outlier_rate);
	p.missing_duration = call_num(c, "missing_duration", p.missing_duration);
	p.missing_category = call_num(c, "missing_category", p.missing_category);
	p.bad_time_rate = call_num(c, "bad_time", p.bad_time_rate);
	p.malformed = (uint32_t)call_int(c, "malformed", p.malformed);
	p.drift = call_num(c, "drift", p.drift);
	p.labels = call_bool(c, "labels", p.labels);
	p.truth = call_bool(c, "truth", p.truth);
	p.compress = call_bool(c, "compress", p.compress);
	p.plays = call_bool(c, "plays", p.plays);
	if (call_has(c, "start")) {
		double t;
		p.start = call_get(c, "start");
		if (strlen(p.start) != 10 ||
		    !util_parse_datetime(p.start, strlen(p.start), &t))
			return cmd_error(s, "generate: start=%s must be a date YYYY-MM-DD; nothing written",
			    p.start);
	}
	if ((msg = rs_sim_params_check(&p)) != NULL)
		return cmd_error(s, "generate: %s; nothing written", msg);
	t0 = rs_clock_wall();
	if (rs_sim_generate(c->args[0], &p, call_flag(c, "force"), &rep, &h,
	    &err) != 0)
		return cmd_error(s, "generate: %s; nothing written", err.msg);
	secs = rs_clock_wall() - t0;
	rn_str(root, "path", c->args[0]);
	rn_flags(rn_int(root, "seed", (int64_t)p.seed), RF_EXACT);
	rn_label(rn_int(root, "big_rows", (int64_t)rep.big_rows), "sparse log rows");
	rn_label(rn_int(root, "small_rows", (int64_t)rep.small_rows), "observed block rows");
	rn_int(root, "users", rep.users);
	rn_int(root, "bots", rep.bots);
	rn_int(root, "videos", rep.videos);
	rn_int(root, "creators", rep.creators);
	rn_label(rn_int(root, "small_users", rep.small_users), "observed users");
	rn_label(rn_int(root, "small_videos", rep.small_videos), "observed videos");
	d = rn_flags(rn_obj(root, "dirt"), RF_INLINE);
	rn_int(d, "duplicates", (int64_t)rep.duplicates);
	rn_label(rn_int(d, "bot_rows", (int64_t)rep.bot_rows), "bot rows");
	rn_int(d, "outliers", (int64_t)rep.outliers);
	rn_label(rn_int(d, "missing_durations", (int64_t)rep.missing_durations),
	    "no duration");
	rn_label(rn_int(d, "missing_categories", rep.missing_categories),
	    "no category");
	rn_label(rn_int(d, "bad_times", (int64_t)rep.bad_times), "bad times");
	rn_int(d, "malformed", rep.malformed);
	rn_flags(rn_int(root, "bytes", (int64_t)rep.bytes), RF_TEXT_HIDE);
	rn_flags(rn_num(root, "seconds", secs), RF_TEXT_HIDE);
	report_note(r, "wrote %s (KuaiRec 2.0 layout; manifest.json and dirt.csv say what was injected)",
	    c->args[0]);
	if (call_flag(c, "load")) {
		rs_load_opts o;
		rs_dataset *ds;
		rs_load_opts_init(&o);
		o.skip_bad = 1;
		ds = rs_dataset_load(c->args[0], &o, &h, &err);
		if (ds == NULL)
			return cmd_error(s, "%s", err.msg);
		{
			/* the pipeline starts from a plain load of the new world */
			char *src = xasprintf("load %s --skip-bad", c->args[0]);
			session_set_base(s, ds, src);
			free(src);
		}
		report_note(r, "loaded %s: %zu interactions", c->args[0], ds->log.n);
	}
	return CMD_OK;
}

const struct cmd_entry cmd_generate_entry = {
	.name = "generate",
	.usage = "DIR [users=N videos=N creators=N days=N seed=N ...] [--clean] [--force] [--load]",
	.help = "write a seeded short-video world in the KuaiRec 2.0 layout",
	.doc = "Simulates creators (heavy-tailed fame, a group of new ones), videos (creator, "
	    "categories, duration, shooting angle, upload time, Chinese and English captions), "
	    "users (activity, latent tastes, favourite categories, duration preference) and a "
	    "logging policy with popularity bias, and writes big_matrix.csv (the sparse log), "
	    "small_matrix.csv (a fully observed block), item_categories.csv, "
	    "item_daily_features.csv, kuairec_caption_category.csv, user_features.csv and "
	    "social_network.csv as KuaiRec 2.0 has them, plus manifest.json (parameters and "
	    "counts) and dirt.csv (every injected dirty row). True preference drives "
	    "watch_ratio, play_duration and the is_like/is_follow/is_share columns. The same "
	    "parameters and seed give the same bytes whatever the thread count. Nothing is "
	    "written when a parameter is impossible or the folder holds files (unless --force).",
	.args = ARG_PATH,
	.min_args = 1,
	.max_args = 1,
	.opts = generate_opts,
	.fields = generate_fields,
	.exec = cmd_generate_exec,
};
