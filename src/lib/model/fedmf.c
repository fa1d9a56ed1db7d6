/* Federated matrix factorization (fedmf), simulated: each user a client keeping its own vector; the server sees only the (clipped, noised) sum of item updates. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/blob.h"
#include "model/factor.h"
#include "reelscope/dp.h"
#include "stats/dpnoise.h"
#include "util/xmalloc.h"

#define PURPOSE_Q 0x46510000ULL	/* the server's initial item vectors */
#define PURPOSE_P 0x46500000ULL	/* each client's initial user vector */

/*
 * The protocol (Ammad-ud-din et al. 2019, explicit variant): the score is
 * b_u + b_i + p_u.q_i. A client holds its rows, p_u and b_u (b_u starts at
 * the mean of its own values; nothing about it leaves the device). Each
 * round every client is sampled independently with probability q =
 * fraction (Poisson sampling, as the accountant assumes); a sampled client
 * downloads Q and b_i, runs local_epochs SGD passes over its rows on p_u
 * and b_u with the items fixed, then computes its item update
 * Δ_i = lr·(e·p_u - reg·q_i) (and lr·(e - reg·b_i) for b_i) summed over its
 * rows at the new p_u, as one dense vector of nitems·(k+1) floats (secure
 * aggregation needs the same length from everyone, else the items a user
 * touched would show). The server receives only the sum (secure
 * aggregation, simulated by summing): with dp_epsilon, each update is
 * first clipped to L2 norm clip and N(0, σ²clip²) is added to every
 * coordinate of the sum, σ from the accountant (dp.h) for q, the rounds the
 * training will run and dp_delta. Q += server_lr · the sum.
 */

static const rs_param_spec fedmf_params[] = {
	{ "rounds", RS_PARAM_INT, "200", 1, 100000, NULL,
	  "communication rounds (train epochs= overrides; the noise is calibrated for the rounds run)" },
	{ "local_epochs", RS_PARAM_INT, "1", 1, 1000, NULL,
	  "SGD passes a sampled client makes over its own rows per round" },
	{ "fraction", RS_PARAM_NUM, "0.1", 0, 1, NULL,
	  "share of clients sampled per round, each independently (0 < fraction <= 1)" },
	{ "factors", RS_PARAM_INT, "16", 1, 4096, NULL, "latent factors per user and item" },
	{ "lr", RS_PARAM_NUM, "0.05", 1e-6, 1000, NULL, "SGD learning rate (client side and item updates)" },
	{ "server_lr", RS_PARAM_NUM, "0.1", 1e-6, 1000, NULL,
	  "the server adds server_lr times the summed item updates (the sum grows with the clients sampled)" },
	{ "reg", RS_PARAM_NUM, "0.08", 0, 1e6, NULL, "L2 regularization of factors and biases" },
	{ "init", RS_PARAM_NUM, "0.1", 0, 10, NULL, "standard deviation of the initial factors" },
	{ "dp_epsilon", RS_PARAM_STR, "none", 0, -1, NULL,
	  "target epsilon of user-level (epsilon, delta)-DP over all rounds; none: no clipping, no noise" },
	{ "dp_delta", RS_PARAM_NUM, "1e-5", 0, 1, NULL, "delta of the guarantee (0 < delta < 1)" },
	{ "clip", RS_PARAM_NUM, "0.5", 0, 1e6, NULL,
	  "with dp_epsilon: each client's update is clipped to this L2 norm (the noise scales with it)" },
	{ "noise_seed", RS_PARAM_INT, "0", 0, 9007199254740992.0, NULL,
	  "0: noise and client sampling from libsodium's randombytes (without dp_epsilon: from the training seed); "
	  "N: a seeded stream, reproducible, so whoever knows N can remove the noise" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

/* What one round did. */
typedef struct fed_round {
	uint32_t clients;
	uint64_t up, down;	/* bytes */
	double epsilon;		/* spent after this round (NaN: no dp) */
	uint32_t clipped;	/* updates clipped */
} fed_round;

/* The model's state: the factors first, so the shared factor code (save,
 * snapshot, restore, similar) reads it as a fac_state; then the round log,
 * which restoring the best round does not rewind. */
typedef struct fed_state {
	fac_state f;
	double sigma;		/* noise multiplier (0: no dp) */
	double target;		/* dp_epsilon (NaN: none) */
	uint32_t planned;	/* rounds the noise was calibrated for */
	fed_round *rounds;
	uint32_t nrounds;
	bool seeded;		/* noise from a seed: reproducible */
	stats_dprng g;		/* not saved */
} fed_state;

/* dp_epsilon as a number, NaN for none; -1 with a message when neither. */
static int
fed_epsilon(const rs_model *m, double *eps, rs_error *err)
{
	const char *v = rs_model_param(m, "dp_epsilon");
	char *end;

	if (v == NULL || strcmp(v, "none") == 0) {
		*eps = NAN;
		return 0;
	}
	*eps = strtod(v, &end);
	if (*v == '\0' || *end != '\0' || isnan(*eps)) {
		rs_error_set(err, RS_EINVAL, "dp_epsilon=%s is not a number (or none)", v);
		return -1;
	}
	if (!(*eps > 0) || isinf(*eps)) {
		rs_error_set(err, RS_EINVAL, "dp_epsilon=%s must be above 0 (leave it out for no noise)", v);
		return -1;
	}
	return 0;
}

/* The checks the parameter table cannot say (open bounds). */
static int
fed_check(const rs_model *m, rs_error *err)
{
	double q = rs_model_param_num(m, "fraction"), d = rs_model_param_num(m, "dp_delta");
	double c = rs_model_param_num(m, "clip"), eps;

	if (!(q > 0))
		return rs_error_set(err, RS_EINVAL, "fraction=%s must be in (0, 1]",
		    rs_model_param(m, "fraction")), -1;
	if (!(d > 0 && d < 1))
		return rs_error_set(err, RS_EINVAL, "dp_delta=%s must be between 0 and 1 (both excluded)",
		    rs_model_param(m, "dp_delta")), -1;
	if (!(c > 0))
		return rs_error_set(err, RS_EINVAL, "clip=%s must be above 0",
		    rs_model_param(m, "clip")), -1;
	return fed_epsilon(m, &eps, err);
}

static void
fed_free_state(rs_model *m)
{
	fed_state *s = m->state;

	if (s == NULL)
		return;
	free(s->rounds);
	fac_free(&s->f);	/* f is first: frees s too */
	m->state = NULL;
}

/* The state around factors made by fac_new (which is freed, its arrays
 * kept). */
static fed_state *
fed_wrap(fac_state *f)
{
	fed_state *s = xcalloc(1, sizeof *s);

	s->f = *f;
	free(f);
	s->target = NAN;
	return s;
}

static int
fedmf_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	const rs_imat *t = ctx->train;
	uint32_t k = (uint32_t)rs_model_param_num(m, "factors");
	double q = rs_model_param_num(m, "fraction"), eps;
	uint64_t nseed = (uint64_t)rs_model_param_num(m, "noise_seed");
	fed_state *s;

	if (fed_check(m, err) != 0 || fed_epsilon(m, &eps, err) != 0)
		return -1;
	s = fed_wrap(fac_new(FAC_MF, k, t->nusers, t->nitems));
	s->f.mu = 0;	/* b_u carries each client's own mean */
	s->f.lo = INFINITY;
	s->f.hi = -INFINITY;
	for (size_t j = 0; j < t->nnz; j++) {
		s->f.lo = fminf(s->f.lo, t->uval[j]);
		s->f.hi = fmaxf(s->f.hi, t->uval[j]);
	}
	s->target = eps;
	s->planned = ctx->epochs;
	if (!isnan(eps) && rs_dp_sigma(q, ctx->epochs, rs_model_param_num(m, "dp_delta"),
	    eps, &s->sigma, err) != 0) {
		fed_free_state(&(rs_model){ .state = s });
		return -1;
	}
	fac_init_normal(s->f.P, t->nusers, k, rs_model_param_num(m, "init"), ctx->seed,
	    PURPOSE_P, t->uptr);
	fac_init_normal(s->f.Q, t->nitems, k, rs_model_param_num(m, "init"), ctx->seed,
	    PURPOSE_Q, NULL);
	for (uint32_t u = 0; u < t->nusers; u++) {
		double sum = 0;
		uint64_t a = t->uptr[u], b = t->uptr[u + 1];
		for (uint64_t j = a; j < b; j++)
			sum += t->uval[j];
		s->f.bu[u] = b > a ? (float)(sum / (double)(b - a)) : 0;
	}
	/* sampling and noise must be secret under dp (randombytes); without
	 * dp the training seed makes runs repeatable */
	s->seeded = nseed != 0 || isnan(eps);
	stats_dprng_init(&s->g, s->seeded, nseed != 0 ? nseed : ctx->seed ^ 0x6665646d66ULL);
	if (m->state != NULL)
		m->kind->free_state(m);
	m->state = s;
	return 0;
}

/* One client's round: local passes on p_u, b_u; then its item update at
 * the new p_u into upd (dense, nitems x (k+1): k factors then the bias),
 * zeroed first only where it writes (touched lists the items). */
static void
client_round(fed_state *s, const rs_imat *t, uint32_t u, uint32_t passes,
    float lr, float reg, float *upd)
{
	const uint32_t k = s->f.k, w = k + 1;
	float *p = s->f.P + (size_t)u * k;

	for (uint32_t e = 0; e < passes; e++)
		for (uint64_t j = t->uptr[u]; j < t->uptr[u + 1]; j++) {
			uint32_t i = t->uidx[j];
			const float *qi = s->f.Q + (size_t)i * k;
			float err = t->uval[j] - (s->f.bu[u] + s->f.bi[i] + fac_dot(p, qi, k));
			s->f.bu[u] += lr * (err - reg * s->f.bu[u]);
			for (uint32_t f = 0; f < k; f++)
				p[f] += lr * (err * qi[f] - reg * p[f]);
		}
	for (uint64_t j = t->uptr[u]; j < t->uptr[u + 1]; j++) {
		uint32_t i = t->uidx[j];
		const float *qi = s->f.Q + (size_t)i * k;
		float err = t->uval[j] - (s->f.bu[u] + s->f.bi[i] + fac_dot(p, qi, k));
		float *d = upd + (size_t)i * w;
		for (uint32_t f = 0; f < k; f++)
			d[f] += lr * (err * p[f] - reg * qi[f]);
		d[k] += lr * (err - reg * s->f.bi[i]);
	}
}

/* Training RMSE of every client's rows (the simulation's diagnostic; a
 * real server would not see it). */
static double
train_rmse(const fed_state *s, const rs_imat *t)
{
	double sse = 0;

	for (uint32_t u = 0; u < t->nusers; u++)
		for (uint64_t j = t->uptr[u]; j < t->uptr[u + 1]; j++) {
			uint32_t i = t->uidx[j];
			double e = t->uval[j] - (s->f.bu[u] + s->f.bi[i] +
			    fac_dot(s->f.P + (size_t)u * s->f.k, s->f.Q + (size_t)i * s->f.k, s->f.k));
			sse += e * e;
		}
	return t->nnz ? sqrt(sse / (double)t->nnz) : 0;
}

static int
fedmf_epoch(rs_model *m, const rs_train_ctx *ctx, uint32_t epoch, double *loss,
    rs_error *err)
{
	fed_state *s = m->state;
	const rs_imat *t = ctx->train;
	const uint32_t k = s->f.k, w = k + 1, passes = (uint32_t)rs_model_param_num(m, "local_epochs");
	const size_t dim = (size_t)t->nitems * w;
	double q = rs_model_param_num(m, "fraction"), clip = rs_model_param_num(m, "clip");
	float lr = (float)rs_model_param_num(m, "lr"), reg = (float)rs_model_param_num(m, "reg");
	double slr = rs_model_param_num(m, "server_lr");
	bool dp = s->sigma > 0;
	double *sum = xcalloc(dim ? dim : 1, sizeof *sum);
	float *upd = xcalloc(dim ? dim : 1, sizeof *upd);
	fed_round *r;

	s->rounds = xreallocarray(s->rounds, epoch, sizeof *s->rounds);
	s->nrounds = epoch;
	r = &s->rounds[epoch - 1];
	memset(r, 0, sizeof *r);
	for (uint32_t u = 0; u < t->nusers; u++) {
		double norm = 0, scale = 1;
		if (t->uptr[u + 1] == t->uptr[u] || stats_dprng_uniform(&s->g) >= q)
			continue;
		client_round(s, t, u, passes, lr, reg, upd);
		for (uint64_t j = t->uptr[u]; j < t->uptr[u + 1]; j++)
			for (uint32_t f = 0; f < w; f++) {
				double x = upd[(size_t)t->uidx[j] * w + f];
				norm += x * x;
			}
		norm = sqrt(norm);
		if (dp && norm > clip) {
			scale = clip / norm;
			r->clipped++;
		}
		/* the client's dense vector enters the secure sum; only its
		 * items are nonzero, so only they are added (and cleared) */
		for (uint64_t j = t->uptr[u]; j < t->uptr[u + 1]; j++) {
			float *d = upd + (size_t)t->uidx[j] * w;
			double *o = sum + (size_t)t->uidx[j] * w;
			for (uint32_t f = 0; f < w; f++) {
				o[f] += scale * d[f];
				d[f] = 0;
			}
		}
		r->clients++;
	}
	if (dp)
		for (size_t x = 0; x < dim; x++)
			sum[x] += s->sigma * clip * stats_dprng_normal(&s->g);
	for (uint32_t i = 0; i < t->nitems; i++) {
		for (uint32_t f = 0; f < k; f++)
			s->f.Q[(size_t)i * k + f] += (float)(slr * sum[(size_t)i * w + f]);
		s->f.bi[i] += (float)(slr * sum[(size_t)i * w + k]);
	}
	r->down = r->up = (uint64_t)r->clients * dim * sizeof(float);
	r->epsilon = NAN;
	if (dp && rs_dp_epsilon(q, s->sigma, epoch, rs_model_param_num(m, "dp_delta"),
	    &r->epsilon, NULL, err) != 0) {
		free(sum);
		free(upd);
		return -1;
	}
	free(sum);
	free(upd);
	*loss = train_rmse(s, t);
	return 0;
}

static void
fedmf_score(const rs_model *m, const uint32_t *users, size_t nu, float *out)
{
	const fed_state *s = m->state;
	const uint32_t k = s->f.k;
	float *rows = xcalloc(nu ? nu * k : 1, sizeof *rows);

	for (size_t j = 0; j < nu; j++)
		if (users[j] < s->f.nusers)
			memcpy(rows + j * k, s->f.P + (size_t)users[j] * k, k * sizeof *rows);
	fac_score_dot(&s->f, rows, nu, out);
	for (size_t j = 0; j < nu; j++) {
		float base = users[j] < s->f.nusers ? s->f.bu[users[j]] : 0;
		float *o = out + j * s->f.nitems;
		for (uint32_t i = 0; i < s->f.nitems; i++) {
			float v = o[i] + base;
			o[i] = v < s->f.lo ? s->f.lo : v > s->f.hi ? s->f.hi : v;
		}
	}
	free(rows);
}

static void
fedmf_restore(rs_model *m, void *snap)
{
	fac_restore(m, snap);	/* the factors only: the round log stays */
}

static size_t
fedmf_epoch_extra(const rs_model *m, size_t epoch, const char **names,
    double *values, size_t max)
{
	const fed_state *s = m->state;
	const fed_round *r;

	if (s == NULL || epoch == 0 || epoch > s->nrounds || max < 4)
		return 0;
	r = &s->rounds[epoch - 1];
	names[0] = "clients";
	values[0] = r->clients;
	names[1] = "bytes_up";
	values[1] = (double)r->up;
	names[2] = "bytes_down";
	values[2] = (double)r->down;
	names[3] = "epsilon";
	values[3] = r->epsilon;
	return 4;
}

static size_t
fedmf_describe(const rs_model *m, char *buf, size_t size)
{
	const fed_state *s = m->state;
	uint64_t clipped = 0;

	if (s == NULL)
		return 0;
	if (!(s->sigma > 0))
		return (size_t)snprintf(buf, size,
		    "fedmf: no differential privacy (dp_epsilon=none): updates are summed unclipped, without noise");
	for (uint32_t r = 0; r < s->nrounds; r++)
		clipped += s->rounds[r].clipped;
	return (size_t)snprintf(buf, size,
	    "fedmf: user-level dp: noise multiplier sigma %.4g (noise std %.4g on every coordinate of the sum) "
	    "for epsilon %g, delta %s over %u rounds at fraction %s; spent after %u rounds: epsilon %.4g; "
	    "%llu updates clipped to norm %s; %s",
	    s->sigma, s->sigma * rs_model_param_num(m, "clip"), s->target,
	    rs_model_param(m, "dp_delta"), s->planned, rs_model_param(m, "fraction"),
	    s->nrounds, s->nrounds ? s->rounds[s->nrounds - 1].epsilon : 0,
	    (unsigned long long)clipped, rs_model_param(m, "clip"),
	    s->seeded ? "the noise comes from noise_seed: reproducible, so whoever knows the seed can remove it"
	    : "noise and sampling from libsodium's randombytes");
}

/* ---- saved bytes: the factors (fac_save), then the round log ---- */

static int
fedmf_save(const rs_model *m, void **buf, size_t *len)
{
	const fed_state *s = m->state;
	void *fb;
	size_t fl;
	blob b = { 0 };

	fac_save(m, &fb, &fl);
	blob_u64(&b, fl);
	blob_put(&b, fb, fl);
	free(fb);
	blob_f64(&b, s->sigma);
	blob_f64(&b, s->target);
	blob_u32(&b, s->planned);
	blob_u32(&b, s->seeded);
	blob_u32(&b, s->nrounds);
	for (uint32_t r = 0; r < s->nrounds; r++) {
		blob_u32(&b, s->rounds[r].clients);
		blob_u64(&b, s->rounds[r].up);
		blob_u64(&b, s->rounds[r].down);
		blob_f64(&b, s->rounds[r].epsilon);
		blob_u32(&b, s->rounds[r].clipped);
	}
	blob_take(&b, buf, len);
	return 0;
}

static int
fedmf_load(rs_model *m, const void *buf, size_t len, rs_error *err)
{
	blob_reader rd;
	uint64_t fl;
	fed_state *s;

	blob_reader_init(&rd, buf, len);
	fl = blob_get_u64(&rd);
	if (!rd.ok || fl > rd.left) {
		rs_error_set(err, RS_EPARSE, "model %s: truncated fedmf state", m->name);
		return -1;
	}
	if (fac_load_type(m, FAC_MF, rd.p, fl, err) != 0)
		return -1;
	rd.p += fl;
	rd.left -= fl;
	s = fed_wrap(m->state);
	m->state = s;
	s->sigma = blob_get_f64(&rd);
	s->target = blob_get_f64(&rd);
	s->planned = blob_get_u32(&rd);
	s->seeded = blob_get_u32(&rd) != 0;
	s->nrounds = blob_get_u32(&rd);
	if (!rd.ok || s->nrounds > rd.left / 32) {
		s->nrounds = 0;
		fed_free_state(m);
		rs_error_set(err, RS_EPARSE, "model %s: truncated fedmf round log", m->name);
		return -1;
	}
	s->rounds = xcalloc(s->nrounds ? s->nrounds : 1, sizeof *s->rounds);
	for (uint32_t r = 0; r < s->nrounds; r++) {
		s->rounds[r].clients = blob_get_u32(&rd);
		s->rounds[r].up = blob_get_u64(&rd);
		s->rounds[r].down = blob_get_u64(&rd);
		s->rounds[r].epsilon = blob_get_f64(&rd);
		s->rounds[r].clipped = blob_get_u32(&rd);
	}
	if (!rd.ok || rd.left != 0) {
		fed_free_state(m);
		rs_error_set(err, RS_EPARSE, "model %s: malformed fedmf round log", m->name);
		return -1;
	}
	return 0;
}

const rs_model_kind rs_kind_fedmf = {
	.name = "fedmf",
	.help = "federated matrix factorization for ratings, simulated (Ammad-ud-din et al. 2019): "
	    "b_u + b_i + p_u.q_i; each user is a client keeping its rows, p_u and b_u; per round a "
	    "sampled fraction of clients update p_u locally and send item updates whose sum alone "
	    "reaches the server (secure aggregation); with dp_epsilon each update is clipped to "
	    "clip and the sum gets Gaussian noise calibrated by the RDP accountant "
	    "(user-level (epsilon, delta)-DP of the item vectors over all rounds)",
	.params = fedmf_params,
	.explicit_values = true,
	.begin = fedmf_begin,
	.epoch = fedmf_epoch,
	.snapshot = fac_snapshot,
	.restore = fedmf_restore,
	.free_snapshot = fac_free_snapshot,
	.score = fedmf_score,
	.similar = fac_similar,
	.save = fedmf_save,
	.load = fedmf_load,
	.free_state = fed_free_state,
	.epoch_extra = fedmf_epoch_extra,
	.describe = fedmf_describe,
};
