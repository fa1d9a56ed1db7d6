/* Internal pieces of the simulator: random streams, the category vocabulary, the world. */
#ifndef RS_SIM_INT_H
#define RS_SIM_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/sim.h"

/* ---- rng: counter-seeded xoshiro256** streams, one per entity ---- */
struct rng {
	uint64_t s[4];
	double spare;		/* the second normal of a Box-Muller pair */
	bool has_spare;
};
/* The stream for (seed, kind, index): independent of the order in which
 * streams are used, so threads cannot change the output. */
void sim_rng_stream(struct rng *r, uint64_t seed, uint64_t kind, uint64_t index);
uint64_t sim_rng_next(struct rng *r);
double sim_rng_unif(struct rng *r);		/* [0, 1) */
double sim_rng_normal(struct rng *r);
uint32_t sim_rng_below(struct rng *r, uint32_t n);
bool sim_rng_chance(struct rng *r, double p);

/* Stream kinds. */
enum { RS_CREATORS = 1, RS_VIDEOS, RS_USERS, RS_LOG, RS_SMALL, RS_DAILY,
	RS_SOCIAL, RS_DIRT, RS_BOTS, RS_CAPTION, RS_PICK, RS_PLAYS, RS_DRIFT };

/* ---- vocab.c: categories and their words ---- */
struct category {
	const char *zh, *en;		/* first-level names */
	const char *sub_zh[3], *sub_en[3];	/* second-level */
	double dur_sec;			/* median duration */
	double landscape;		/* share shot in landscape */
	const char *words_zh[12];
	const char *words_en[12];
};
extern const struct category sim_categories[];
extern const size_t sim_ncategories;
extern const char *const sim_common_zh[];
extern const char *const sim_common_en[];

/* ---- world.c: everything drawn before any event ---- */
struct world {
	const rs_sim_params *p;
	uint32_t ncat, K;
	int64_t start_ms, end_ms;	/* the logged period */
	/* creators */
	double *c_weight;		/* popularity, heavy-tailed */
	uint8_t *c_new;
	uint16_t *c_cat;
	float *c_quality;
	float *c_style;			/* K per creator */
	uint8_t *c_lang;		/* captions: 0 Chinese, 1 English, 2 both */
	/* videos */
	uint32_t *v_creator;
	uint16_t *v_cat, *v_cat2;	/* second category or UINT16_MAX */
	uint8_t *v_angle;		/* 0 portrait, 1 landscape, 2 square */
	int32_t *v_dur;			/* ms */
	int64_t *v_upload;		/* ms */
	float *v_appeal, *v_factor;	/* K per video */
	double *v_pop;			/* the platform's popularity prior */
	double *v_popw;			/* v_pop ^ pop_bias, the policy's prior */
	bool *v_nocat;			/* category withheld (dirt) */
	float *v_zdur;			/* standardized log duration */
	/* users */
	uint32_t nusers, nbots;		/* real, then bots after them */
	float *u_factor;		/* K per user */
	float *u_aff;			/* ncat per user */
	float *u_durpref;
	double *u_activity;		/* mean events */
	/* the observed block */
	uint32_t *small_users, *small_videos;
	uint32_t nsmall_users, nsmall_videos;
	/* drift (drift.c): per real user the category its taste leaves and
	 * the one it moves to; NULL without drift */
	uint16_t *d_from, *d_to;
};

int sim_world_build(struct world *w, const rs_sim_params *p, rs_error *err);
void sim_world_free(struct world *w);
/* True preference of user u for video v. */
double sim_world_pref(const struct world *w, uint32_t u, uint32_t v);

/* ---- drift.c: tastes that move over the days (drift > 0) ---- */
void sim_drift_build(struct world *w);
void sim_drift_free(struct world *w);
/* What the drift adds to sim_world_pref(w, u, v) at time ms (0 without). */
double sim_drift_delta(const struct world *w, uint32_t u, uint32_t v, int64_t ms);
/* Whether a video drawn from the drift-free policy is kept at time ms
 * (rejection sampling of the drifted policy). */
bool sim_drift_accept(const struct world *w, struct rng *r, uint32_t u,
    uint32_t v, int64_t ms);

#endif

/* ---- out.c: files written through one buffer, plain or gzip ---- */
struct out {
	char *path;		/* final name inside the folder */
	void *gz;		/* gzFile, or NULL for plain */
	int fd;
	char *buf;
	size_t len, cap;
	uint64_t bytes;
	int failed;		/* errno of the first write error */
};

int sim_out_open(struct out *o, const char *dir, const char *name, bool gz,
    rs_error *err);
void sim_out_write(struct out *o, const char *s, size_t n);
void sim_out_puts(struct out *o, const char *s);
/* Flush and close, adding the bytes written to *bytes (may be NULL); -1
 * with err set when anything failed. */
int sim_out_close(struct out *o, uint64_t *bytes, rs_error *err);

/* A growable text buffer with fast number formatting (no printf per field). */
struct tbuf {
	char *s;
	size_t len, cap;
	int64_t day;		/* the Beijing day whose text is cached below */
	char daytext[11];	/* "YYYY-MM-DD" */
	bool has_day;
};
void sim_tb_grow(struct tbuf *t, size_t more);

/* The hot appends are inline: a row is dozens of them. */
static inline void
tb_reserve(struct tbuf *t, size_t more)
{
	if (t->len + more > t->cap)
		sim_tb_grow(t, more);
}

static inline void
tb_add(struct tbuf *t, const char *s, size_t n)
{
	tb_reserve(t, n);
	for (size_t i = 0; i < n; i++)
		t->s[t->len + i] = s[i];
	t->len += n;
}

static inline void
tb_chr(struct tbuf *t, char c)
{
	tb_reserve(t, 1);
	t->s[t->len++] = c;
}

void sim_tb_str(struct tbuf *t, const char *s);
void sim_tb_u64(struct tbuf *t, uint64_t v);
void sim_tb_i64(struct tbuf *t, int64_t v);
/* x with exactly dec decimals (dec <= 9) */
void sim_tb_fixed(struct tbuf *t, double x, int dec);
/* "YYYY-MM-DD HH:MM:SS.mmm" in Beijing time (UTC+8), as KuaiRec writes */
void sim_tb_time_bj(struct tbuf *t, int64_t ms);
/* YYYYMMDD of the Beijing day */
void sim_tb_date_bj(struct tbuf *t, int64_t ms);
/* "YYYY-MM-DD" of the Beijing day */
void sim_tb_day_bj(struct tbuf *t, int64_t ms);
/* a CSV field, quoted when it needs to be */
void sim_tb_field(struct tbuf *t, const char *s);

/* ---- tables.c: the side tables ---- */
int sim_write_item_tables(const struct world *w, const char *dir, bool gz,
    uint64_t *bytes, rs_error *err);
int sim_write_user_tables(const struct world *w, const char *dir, bool gz,
    const uint64_t *events, uint64_t *bytes, rs_error *err);
int sim_write_truth(const struct world *w, const char *dir, uint64_t *bytes,
    rs_error *err);
/* truth/drift.csv: each user's move (drift.c; truth/ exists already). */
int sim_write_drift_truth(const struct world *w, const char *dir,
    uint64_t *bytes, rs_error *err);

/* ---- plays.c: the play-count log (plays.csv: user_id,video_id,plays) ---- */
int sim_write_plays(const struct world *w, const char *dir, bool gz,
    uint64_t *bytes, rs_error *err);
