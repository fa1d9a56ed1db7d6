/* reelscope engine: creator exposure audits, popularity bias, fair re-ranking, its trade-off, and anonymised ids. */
#ifndef REELSCOPE_FAIR_H
#define REELSCOPE_FAIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"
#include "reelscope/eval.h"
#include "reelscope/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Definitions (docs/metrics.md; `help audit` and the man page repeat
 * them). The lists audited are the top-k lists eval computes: one per user
 * with held-out rows, every unseen item ranked (the observed block's items
 * on a fully observed split), ties by lower item index.
 * Without a split (an auditor with only the logs and the platform's lists)
 * only imported lists can be audited, and every one counts, as imported
 * (items the user has in the log stay). The whole log stands for training
 * (popularity, head and tail, interactions, coverage, calibration), and
 * merit m_c = the log's rows on c's items (with eval.relevant, the rows
 * passing it) / all such rows; what needs held-out relevance (ndcg,
 * recall, PopREO, expected exposure, cascade's relevant items) is NaN.
 * rs_audit's covers and merit_from say which rule applied.
 *
 * Units are creators (every creator of the data, also those never shown),
 * or items with items=true (every item of the data).
 * Position weight w(r), r = 1..k:
 *   log      1/log2(1+r)            (default)
 *   uniform  1
 *   rbp      γ^(r-1)                (γ = patience, 0.8)
 *   cascade  γ^(r-1)·(1-u)^(relevant items above r)   (u = stop, 0.5)
 * per-user normalised: each list's weights divided by their sum.
 * Exposure E_c = Σ_users Σ_r w(r)·[unit of item at r = c]; share s_c = E_c/ΣE.
 * Gini (x ascending, n units): Σ(2i-n-1)x_i/(nΣx); gini_n1 divides by
 * (n-1)Σx instead. Lorenz points (i/n, Σ_{j<=i}x_j/Σx), i = 0..n.
 * Entropy -Σ s log2 s (bits). Coverage: units in any list / all units
 * (items: with training rows, as eval's item_coverage).
 * Popularity φ(i) = training rows of item i. Head items: the most popular
 * (ties by lower index) while the share held before adding one is below
 * head (0.8); tail Γ = the rest. ARP = mean_u mean_{i∈L_u} φ(i);
 * APLT = mean_u |L_u∩Γ|/|L_u|; ACLT = mean_u |L_u∩Γ| (users with a
 * non-empty list). PopRSP over g ∈ {head, tail}: P_g = Σ_u|L_u∩g| /
 * Σ_u|C_u∩g| (C_u: u's candidates), std(P)/mean(P), population std;
 * PopREO: the same over u's relevant items.
 * Creator popularity = training rows of its items; creators (units) sorted
 * by it descending, ties by lower index; decile d (1 = most popular) holds
 * positions p with floor(10p/n) = d-1.
 * Merit m_c = relevant held-out pairs whose item is c's / all relevant pairs
 * with a known unit. ratio = s_c/m_c (NaN when m_c = 0).
 * Maximin share ℓ = floor(users·k/n) slots; slots_c = list entries of c
 * (uniform weights); met when slots_c >= ℓ.
 * Groups (group=): popularity (default): head/tail units by the same head
 * rule on unit popularity; new: the newest new_share of units by first
 * appearance (earliest upload time of its items when the item table has
 * upload_dt or upload_time, else its items' earliest training row);
 * COLUMN: an item-table column, a creator taking the value of its first
 * item (lowest index) that has one ("(none)" otherwise).
 * Per group: units, exposure share, merit share, interaction share, mean
 * exposure share and mean merit share over its units.
 * disparate treatment = max over groups of (mean exposure/mean merit)
 * divided by the min (1: parity; NaN when a group has no merit);
 * disparate exposure = max/min mean exposure; equity of attention =
 * Σ_c |s_c - m_c|.
 * Expected exposure (Diaz et al.), rbp weights over the top k, per user
 * with relevant candidates, averaged: ε_i = γ^(r-1) for the item at rank r,
 * ε* for a grade with b items above and m at the grade =
 * (γ^min(b,k) - γ^min(b+m,k)) / (m(1-γ)); EE-D = ‖ε‖², EE-R = ε·ε*,
 * EE-L = ‖ε-ε*‖² (a deterministic ranker is one sample).
 * Calibration KL (bits): mean over users with training rows of KL(p‖q̃),
 * p = the user's training items over head/tail units (creators or items), q = the list's, q̃ =
 * 0.99q + 0.01p.
 * dp=ε: E_c + Laplace(Δ/ε) per unit, Δ = Σ_{r<=k} w(r) (1 when per-user
 * normalised): adding or removing one user's list changes the exposure
 * vector by at most Δ in L1. Published: the noisy exposures (clamped at 0
 * for shares), and Gini, Lorenz and entropy computed from them; every
 * other figure (merit, popularity, coverage, ARP...) is NaN, as it would
 * need its own budget.
 */

enum rs_exposure_model {
	RS_EXPOSURE_LOG,
	RS_EXPOSURE_UNIFORM,
	RS_EXPOSURE_RBP,
	RS_EXPOSURE_CASCADE
};

typedef struct rs_audit_opts {
	uint32_t k;		/* cutoff (10) */
	int exposure;		/* enum rs_exposure_model (log) */
	double gamma;		/* rbp/cascade patience (0.8) */
	double stop;		/* cascade: u, stop chance after a relevant item (0.5) */
	bool normalized;	/* per-user=normalized */
	bool items;		/* units are items instead of creators */
	double head;		/* head share of training rows (0.8) */
	const char *group;	/* "popularity" (NULL), "new", or an item column */
	double new_share;	/* group=new: share of units called new (0.2) */
	double dp;		/* ε > 0: Laplace noise on exposure; 0: none */
	bool seeded;		/* noise from seed (else libsodium randombytes) */
	uint64_t seed;
	rs_eval_opts eval;	/* protocol: part, relevant, effective, hooks
				   (ks and sampled are set by the audit) */
} rs_audit_opts;

void rs_audit_opts_init(rs_audit_opts *o);
/* Names of exposure models, and back (-1 when unknown). */
const char *rs_exposure_name(int model);
int rs_exposure_parse(const char *name);
/* Weight of rank r (1-based) under o's model, cascade without relevance. */
double rs_exposure_weight(const rs_audit_opts *o, uint32_t r);

/* One group of units. */
typedef struct rs_audit_group {
	char *name;
	uint32_t units;
	double exposure_share, merit_share, interaction_share;
	double mean_exposure, mean_merit;	/* mean share per unit */
} rs_audit_group;

#define RS_AUDIT_DECILES 10

/* One model's audit. Caller owns; free with rs_audit_free. Arrays of units
 * have nunits entries, indexed like ds->creators (or ds->items). Figures a
 * dp audit does not publish are NaN, and their arrays NULL. */
typedef struct rs_audit {
	char *model, *kind;
	char *protocol;		/* as eval's */
	char *unit;		/* "creator" or "item" */
	char *exposure_model;	/* "log", "rbp gamma=0.8", ... */
	char *grouping;		/* "popularity", "new", or the column */
	char *covers;		/* which lists: "one per user with held-out
				   test rows" or "every imported list (no split)" */
	char *merit_from;	/* where merit comes from, as text */
	bool from_log;		/* no split: lists as imported, merit from the log */
	uint32_t k;
	uint32_t users;		/* lists audited */
	uint32_t nunits;
	uint32_t *videos;	/* items of each unit (1 for items) */
	double *interactions;	/* training rows of each unit's items */
	double *interaction_share;
	double *merit;		/* relevant held-out pairs */
	double *merit_share;
	double *exposure;	/* E_c (noisy under dp, clamped at 0) */
	double *exposure_share;
	double *ratio;		/* exposure share / merit share (NaN: no merit) */
	uint32_t *slots;	/* list entries (uniform weights) */
	bool *maximin_met;	/* slots >= maximin_share */
	uint32_t *group;	/* group index of each unit */
	uint32_t *decile;	/* popularity decile of each unit, 0..9 */
	/* summary */
	double gini, gini_n1, entropy;
	double entropy_max;	/* log2 nunits */
	double creator_coverage, item_coverage;
	double arp, aplt, aclt, pop_rsp, pop_reo;
	double head_items;	/* items in the head (popularity bias) */
	uint32_t maximin_share;	/* ℓ = floor(users·k/nunits) */
	double maximin_min;	/* min slots/ℓ (NaN when ℓ = 0) */
	double maximin_met_share;	/* units with slots >= ℓ / all */
	double equity_of_attention, disparate_treatment, disparate_exposure;
	double ee_d, ee_r, ee_l;
	double calibration_kl;
	double ndcg, recall;	/* at k, from the same lists */
	/* Lorenz curve: nlorenz = nunits + 1 points, x and y in [0, 1] */
	size_t nlorenz;
	double *lorenz_x, *lorenz_y;
	/* exposure share and training-interaction share per popularity decile */
	double decile_exposure[RS_AUDIT_DECILES];
	double decile_interactions[RS_AUDIT_DECILES];
	rs_audit_group *groups;
	size_t ngroups;
	/* differential privacy */
	double dp;		/* ε (0: none) */
	double sensitivity;	/* Δ */
	double dp_scale;	/* Laplace scale Δ/ε */
	double seconds;		/* the audit after the lists (not the ranking) */
	double cpu_seconds;	/* CPU time of the audit (all threads) */
	double rank_seconds;	/* ranking the lists (rs_audit_run; callers of
				   rs_audit_lists may fill it) */
} rs_audit;

/* Check o against ds before any work (no creators, unknown group column,
 * bad parameters): NULL, or why not (static text, valid until the next
 * call). */
const char *rs_audit_check(const rs_dataset *ds, const rs_audit_opts *o);

/* Audit m: rank its top-k lists with eval's engine under o->eval, then
 * measure them; without a split, m's imported lists as they are (m must be
 * of an imported kind). NULL with err (a trained model without a split, no
 * creators, cancelled...). */
rs_audit *rs_audit_run(const rs_dataset *ds, const rs_model *m,
    const rs_audit_opts *o, rs_error *err);
/* Measure lists already ranked: c prepared on ds, r = rs_eval_run(c, m)
 * with kmax >= o->k. */
rs_audit *rs_audit_lists(const rs_eval_ctx *c, const rs_eval_result *r,
    const rs_audit_opts *o, rs_error *err);
void rs_audit_free(rs_audit *a);

/* Inequality of x[0..n) (not modified; any order). Gini with the n (or,
 * when n1, n-1) normalisation; 0 when Σx = 0 or n < 2. */
double rs_gini(const double *x, size_t n, bool n1);
/* Shannon entropy in bits of the shares of x; 0 when Σx = 0. */
double rs_entropy_bits(const double *x, size_t n);
/* Lorenz points of x: n + 1 points into px, py (caller's arrays). */
void rs_lorenz(const double *x, size_t n, double *px, double *py);

/* ---- re-ranking ---- */

enum rs_rerank_method {
	RS_RERANK_MMR,		/* λ·s - (1-λ)·max sim (same creator) */
	RS_RERANK_XQUAD,	/* popularity xQuAD over head/tail items */
	RS_RERANK_CALIBRATED,	/* Steck: head/tail creators, KL, α = 0.01 */
	RS_RERANK_FAIR,		/* FA*IR: tail creators protected, p, alpha */
	RS_RERANK_MAXIMIN	/* FairRec-style quota alpha·ℓ per creator */
};

/*
 * Every method re-ranks each audited user's top `candidates` items by
 * score (eval's ranking of the model) into a list of k. Scores are min-max
 * normalised over the user's candidates (all equal: 1).
 *   mmr         argmax λ·s_i - (1-λ)·max_{j∈S}[creator(i) = creator(j)]
 *   xquad       (1-λ)·s_i + λ·Σ_{g∈{head,tail}} P(g|u)·[i∈g]·Π_{j∈S}(1-[j∈g]),
 *               P(g|u) = share of u's training rows on items of g
 *   calibrated  argmax (1-λ)·Σ_{S+i} s - λ·KL(p‖q̃(S+i)) over head/tail
 *               creators, p from u's training rows, q̃ = (1-α)q + αp, α=0.01
 *   fair        FA*IR: at every prefix i the count of tail-creator items must
 *               reach the smallest t with BinomCDF(t; i, p) >= alpha (scipy's
 *               binom.ppf, as fairsearchcore); else
 *               best by score (p = 0.5, alpha = 0.1)
 *   maximin     quota q = floor(alpha·ℓ) list slots per creator, ℓ =
 *               floor(users·k/creators): rounds over users (order reversed
 *               every round) each give the user its best candidate whose
 *               creator is below quota and not yet in its list, until a
 *               round adds nothing; the rest of each list is filled by
 *               score; each list is then ordered by score (alpha = 1)
 * Ties in any argmax go to the better original rank.
 */
struct rs_features;

typedef struct rs_rerank_opts {
	int method;		/* enum rs_rerank_method */
	uint32_t k;		/* list length (10) */
	uint32_t candidates;	/* K, candidates per user (100) */
	double lambda;		/* mmr, xquad, calibrated (0.5) */
	double p;		/* fair: minimum tail proportion (0.5) */
	double alpha;		/* fair: significance (0.1); maximin: quota factor (1) */
	double head;		/* head share (0.8) */
	/* mmr's similarity: NULL, 1 for an item of a creator already in the
	 * list (else 0); item features, the largest cosine of the items'
	 * feature rows (features.h) with those already in the list */
	const struct rs_features *sim_features;
} rs_rerank_opts;

void rs_rerank_opts_init(rs_rerank_opts *o, int method);
const char *rs_rerank_method_name(int method);
int rs_rerank_method_parse(const char *name);
/* The parameter a sweep varies for method: "lambda", "p" or "alpha". */
const char *rs_rerank_sweep_param(int method);
/* NULL when o is valid, else why not (static text). */
const char *rs_rerank_check(const rs_rerank_opts *o);

/* Re-rank the lists of r (ranked with kmax >= o->candidates under c) into a
 * new model of kind "imported" named name: eval and audit treat it like
 * any other, save and open keep it. Users outside r get no list. */
rs_model *rs_rerank_lists(const rs_eval_ctx *c, const rs_eval_result *r,
    const rs_rerank_opts *o, const char *name, const char *source,
    rs_error *err);
/* Rank m's candidates with eval's engine under ev (part etc.), then
 * rs_rerank_lists. */
rs_model *rs_rerank_run(const rs_dataset *ds, const rs_model *m,
    const rs_rerank_opts *o, const rs_eval_opts *ev, const char *name,
    rs_error *err);

/* One row of a trade-off sweep. */
typedef struct rs_tradeoff_row {
	double value;		/* the parameter */
	double ndcg, recall;	/* at k */
	double gini;		/* creator exposure (audit options) */
	double creator_coverage;
	double aplt;
} rs_tradeoff_row;

typedef struct rs_tradeoff {
	char *model;
	char *method;
	char *param;		/* "lambda", "p" or "alpha" */
	uint32_t k, candidates;
	rs_tradeoff_row base;	/* the model itself, not re-ranked */
	rs_tradeoff_row *rows;
	size_t nrows;
	double seconds;
	double cpu_seconds;	/* CPU time of the sweep (all threads) */
} rs_tradeoff;

/* Re-rank m's candidates once per value of the method's sweep parameter
 * (the other parameters from ro) and measure each: ndcg and recall at
 * ro->k under ao->eval, Gini, creator coverage and APLT as audited with ao
 * (ao->k is set to ro->k). */
rs_tradeoff *rs_tradeoff_run(const rs_dataset *ds, const rs_model *m,
    const rs_rerank_opts *ro, const double *values, size_t nvalues,
    const rs_audit_opts *ao, rs_error *err);
void rs_tradeoff_free(rs_tradeoff *t);
/* Parse "0:1:0.1" (from:to:step, to included within step/1000) or
 * "0.1,0.5,0.9" into a new array; NULL with a message in err. */
double *rs_tradeoff_parse_values(const char *spec, size_t *n, rs_error *err);

/* ---- anonymised ids ---- */

/* Key length of the keyed hash (libsodium crypto_generichash). */
#define RS_ANON_KEYBYTES 32

/* A key from a salt (BLAKE2b of the salt, unkeyed), or a random one when
 * salt is NULL. 0, or -1 when libsodium cannot start. */
int rs_anon_key(const char *salt, unsigned char key[RS_ANON_KEYBYTES],
    rs_error *err);
/* A copy of ds whose user ids and creator ids (ids, the creator column of
 * the item table or log, and friend lists "[id, ...]" in the user table)
 * are replaced by "u" / "c" and 16 hex digits of BLAKE2b keyed with key
 * over "user:ID" / "creator:ID". Indices are kept, so models and splits
 * stay valid. NULL with err on a hash collision. */
rs_dataset *rs_anonymize(const rs_dataset *ds,
    const unsigned char key[RS_ANON_KEYBYTES], rs_error *err);

/* Wipe a secret (sodium_memzero: not optimised away). */
void rs_anon_wipe(void *p, size_t len);

#ifdef __cplusplus
}
#endif
#endif
