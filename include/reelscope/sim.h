/* reelscope engine: the seeded short-video world simulator (generate), writing the KuaiRec 2.0 layout. */
#ifndef REELSCOPE_SIM_H
#define REELSCOPE_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Parameters of a world. Initialize with rs_sim_params_init, then set what
 * differs; rs_sim_params_check says what is impossible. */
typedef struct rs_sim_params {
	uint64_t seed;
	uint32_t users;		/* real users (bots come on top) */
	uint32_t videos;
	uint32_t creators;
	uint32_t days;		/* length of the logged period */
	uint32_t factors;	/* latent dimensions of tastes */
	double events;		/* mean sparse-log events per user */
	double pop_bias;	/* exponent of popularity in the logging policy */
	double personalization;	/* weight of true preference in the policy */
	double new_creators;	/* share of creators that started recently */
	double observed_users;	/* share of users in the fully observed block */
	double observed_videos;	/* share of videos in it */
	double observed_fill;	/* share of its pairs present (>= 0.99) */
	/* dirt, each a rate; 0 turns it off */
	double dup_rate;	/* events written twice (exactly or re-timed) */
	double bot_rate;	/* bot users per real user */
	double outlier_rate;	/* events with a replay watch ratio far above 1 */
	double missing_duration;/* events without video_duration */
	double missing_category;/* videos without categories */
	double bad_time_rate;	/* events with an impossible timestamp */
	uint32_t malformed;	/* malformed lines in big_matrix.csv */
	bool labels;		/* add is_like, is_follow, is_share to the matrices */
	bool truth;		/* write truth/ with the latent factors */
	bool compress;		/* write the tables gzipped (name.csv.gz) */
	const char *start;	/* first day, "YYYY-MM-DD" (default 2020-07-05) */
	double drift;		/* tastes move: each user's favourite category
				   hands its affinity to another, this share
				   per day (0: fixed tastes) */
	bool plays;		/* also write plays.csv, a play-count log
				   (user_id,video_id,plays; Last.fm-like) */
} rs_sim_params;

void rs_sim_params_init(rs_sim_params *p);
/* NULL when the parameters make a world, else why not (static text). */
const char *rs_sim_params_check(const rs_sim_params *p);
/* Turn every kind of dirt off. */
void rs_sim_params_clean(rs_sim_params *p);

/* What was written (also in DIR/manifest.json). */
typedef struct rs_sim_report {
	uint64_t big_rows, small_rows;	/* data rows written */
	uint32_t users, bots, videos, creators, categories;
	uint32_t small_users, small_videos;
	uint64_t duplicates, bot_rows, outliers, missing_durations, bad_times;
	uint32_t missing_categories, malformed;
	uint64_t bytes;			/* of every file written */
} rs_sim_report;

/* Write a world to dir (created if needed; it must be empty unless force).
 * Same parameters and seed give the same bytes whatever the thread count.
 * On failure nothing is left half-written: files go to a temporary folder
 * that is renamed into place at the end. */
int rs_sim_generate(const char *dir, const rs_sim_params *p, bool force,
    rs_sim_report *report, const rs_hooks *hooks, rs_error *err);

#ifdef __cplusplus
}
#endif
#endif
