/* Unbiased ranking estimates from logged feedback: naive, IPS and SNIPS recall@k and ndcg@k over the log's test rows, and Kendall's tau. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/bias.h"
#include "reelscope/eval.h"
#include "util/xmalloc.h"

static const char *const est_names[RS_EST_COUNT] = { "naive", "ips", "snips" };

const char *
rs_estimator_name(int e)
{
	return e >= 0 && e < RS_EST_COUNT ? est_names[e] : NULL;
}

int
rs_estimator_find(const char *name)
{
	for (int e = 0; e < RS_EST_COUNT; e++)
		if (strcmp(name, est_names[e]) == 0)
			return e;
	return -1;
}

void
rs_estimate_opts_init(rs_estimate_opts *o)
{
	memset(o, 0, sizeof *o);
	o->k = 10;
	o->relevant_min = NAN;
}

/* A logged test pair: the user's position in the result, the item, the
 * row (the last row of a repeated pair wins, as in eval). */
struct tpair {
	uint32_t pos, item;
	size_t row;
};

static int
cmp_tpair(const void *a, const void *b)
{
	const struct tpair *x = a, *y = b;

	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	if (x->item != y->item)
		return x->item < y->item ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* IDCG at cutoff k of x relevant items, x fractional: interpolated. */
static double
idcg(double x, uint32_t k)
{
	double m = x < k ? x : k, s = 0;
	uint32_t f = (uint32_t)floor(m);

	for (uint32_t r = 1; r <= f; r++)
		s += 1 / log2(r + 1.0);
	if (m > f)
		s += (m - f) / log2(f + 2.0);
	return s;
}

/* Mean and normal 95% interval of v[0..n). */
static void
normal_summary(const double *v, uint32_t n, rs_est_value *s)
{
	double sum = 0, ss = 0;

	s->n = n;
	s->mean = s->lo = s->hi = NAN;
	if (n == 0)
		return;
	for (uint32_t i = 0; i < n; i++)
		sum += v[i];
	s->mean = sum / n;
	if (n < 2)
		return;
	for (uint32_t i = 0; i < n; i++)
		ss += (v[i] - s->mean) * (v[i] - s->mean);
	s->lo = s->mean - 1.96 * sqrt(ss / (n - 1) / n);
	s->hi = s->mean + 1.96 * sqrt(ss / (n - 1) / n);
}

/* What the run reads, checked: the propensity and relevance columns. */
static bool
estimate_columns(const rs_dataset *ds, const rs_eval_result *r,
    const rs_estimate_opts *o, const rs_column **pc, const rs_column **rc,
    rs_error *err)
{
	const char *pname = o->propensity ? o->propensity : "propensity";
	int at;

	if (ds->log.part == NULL || ds->split_kind == RS_SPLIT_NONE ||
	    ds->split_kind == RS_SPLIT_OBSERVED || ds->split_kind == RS_SPLIT_FILES) {
		rs_error_set(err, RS_ESTATE,
		    "the estimators read the log's test rows: split the log first (e.g. split random test=0.2); split observed and split files test outside the log");
		return false;
	}
	if ((at = rs_table_find(&ds->log.cols, pname)) < 0) {
		rs_error_set(err, RS_ESTATE,
		    "no propensities: the log has no column %s (run propensity method=pop or method=truth first)",
		    pname);
		return false;
	}
	*pc = ds->log.cols.cols[at];
	*rc = NULL;
	if (o->relevant != NULL) {
		if ((at = rs_table_find(&ds->log.cols, o->relevant)) < 0) {
			rs_error_set(err, RS_EINVAL, "the log has no column %s (relevant=)", o->relevant);
			return false;
		}
		*rc = ds->log.cols.cols[at];
	}
	if (o->k == 0 || o->k > r->kmax) {
		rs_error_set(err, RS_EINVAL, "k=%u: the lists of %s reach %u", o->k, r->model, r->kmax);
		return false;
	}
	if (o->in_block && ds->observed == NULL) {
		rs_error_set(err, RS_ESTATE, "this dataset has no fully observed block");
		return false;
	}
	return true;
}

/* The relevant logged test pairs of r's users, sorted by (user position,
 * item), one per pair; *n of them (caller frees). */
static struct tpair *
estimate_pairs(const rs_dataset *ds, const rs_eval_result *r,
    const rs_estimate_opts *o, const rs_column *rc, size_t *n)
{
	uint32_t nu = rs_ids_count(ds->users), ni = rs_ids_count(ds->items);
	uint32_t *pos = xmalloc((nu + 1) * sizeof *pos);
	uint8_t *bu = NULL, *bi = NULL;
	uint64_t *seen = NULL;
	size_t nseen = 0, cnt = 0, keep = 0;
	struct tpair *tp;

	memset(pos, 0xff, (nu + 1) * sizeof *pos);
	for (uint32_t j = 0; j < r->nusers; j++)
		pos[r->users[j]] = j;
	if (o->in_block) {
		bu = xcalloc(nu + 1, 1);
		bi = xcalloc(ni + 1, 1);
		for (size_t x = 0; x < ds->observed->n; x++) {
			bu[ds->observed->user[x]] = 1;
			bi[ds->observed->item[x]] = 1;
		}
	}
	for (size_t x = 0; x < ds->log.n; x++)
		nseen += ds->log.part[x] == RS_TRAIN;
	seen = xmalloc((nseen + 1) * sizeof *seen);
	nseen = 0;
	for (size_t x = 0; x < ds->log.n; x++)
		if (ds->log.part[x] == RS_TRAIN)
			seen[nseen++] = (uint64_t)ds->log.user[x] << 32 | ds->log.item[x];
	qsort(seen, nseen, sizeof *seen, cmp_u64);
	tp = xmalloc((ds->log.n + 1) * sizeof *tp);
	for (size_t x = 0; x < ds->log.n; x++) {
		uint32_t u = ds->log.user[x], i = ds->log.item[x];
		uint64_t key = (uint64_t)u << 32 | i;
		if (ds->log.part[x] != RS_TEST || pos[u] == UINT32_MAX ||
		    (bu != NULL && (!bu[u] || !bi[i])) ||
		    bsearch(&key, seen, nseen, sizeof *seen, cmp_u64) != NULL)
			continue;
		tp[cnt++] = (struct tpair){ pos[u], i, x };
	}
	qsort(tp, cnt, sizeof *tp, cmp_tpair);
	/* the last row of each pair decides its relevance */
	for (size_t x = 0; x < cnt; x++) {
		double v;
		if (x + 1 < cnt && tp[x + 1].pos == tp[x].pos && tp[x + 1].item == tp[x].item)
			continue;
		if (rc != NULL) {
			v = rs_column_get(rc, tp[x].row);
			if (!(o->relevant_strict ? v > o->relevant_min : v >= o->relevant_min))
				continue;
		}
		tp[keep++] = tp[x];
	}
	free(pos);
	free(bu);
	free(bi);
	free(seen);
	*n = keep;
	return tp;
}

/* One user's estimates from its pairs tp[0..m): hits h, gains g, weights w. */
static void
user_estimates(const rs_eval_result *r, const struct tpair *tp, size_t m,
    const double *w, double W, uint32_t k, double *rec, double *ndcg)
{
	const uint32_t *list = r->lists + (size_t)tp[0].pos * r->kmax;
	double sh = 0, sg = 0, swh = 0, swg = 0, sw = 0, nhat;

	for (size_t j = 0; j < m; j++) {
		double h = 0, g = 0;
		for (uint32_t q = 0; q < k; q++)
			if (list[q] == tp[j].item) {
				h = 1;
				g = 1 / log2(q + 2.0);
				break;
			}
		sh += h;
		sg += g;
		swh += w[j] * h;
		swg += w[j] * g;
		sw += w[j];
	}
	rec[RS_EST_NAIVE] = sh / (double)m;
	ndcg[RS_EST_NAIVE] = sg / idcg((double)m, k);
	nhat = (double)m * W;
	rec[RS_EST_IPS] = swh / nhat;
	ndcg[RS_EST_IPS] = swg / idcg(nhat, k);
	rec[RS_EST_SNIPS] = swh / sw;
	ndcg[RS_EST_SNIPS] = swg / idcg(sw, k);
}

int
rs_estimate_run(const rs_dataset *ds, const rs_eval_result *r,
    const rs_estimate_opts *o, rs_estimate *out, rs_error *err)
{
	const rs_column *pc, *rc;
	struct tpair *tp;
	double *w, W = 0, *rec[RS_EST_COUNT], *nd[RS_EST_COUNT];
	size_t n;
	uint32_t nu = 0;

	memset(out, 0, sizeof *out);
	if (!estimate_columns(ds, r, o, &pc, &rc, err))
		return -1;
	tp = estimate_pairs(ds, r, o, rc, &n);
	w = xmalloc((n + 1) * sizeof *w);
	for (size_t x = 0; x < n; x++) {
		double p = rs_column_get(pc, tp[x].row);
		if (!(p > 0 && p <= 1)) {
			rs_error_set(err, RS_EINVAL,
			    "the propensity of user %s item %s is %g, not in (0, 1] (propensity column %s)",
			    rs_ids_name(ds->users, ds->log.user[tp[x].row]),
			    rs_ids_name(ds->items, tp[x].item), p, pc->name);
			free(tp);
			free(w);
			return -1;
		}
		w[x] = 1 / p;
		W += w[x];
	}
	W = n ? W / (double)n : 1;
	for (int e = 0; e < RS_EST_COUNT; e++) {
		rec[e] = xmalloc((r->nusers + 1) * sizeof *rec[e]);
		nd[e] = xmalloc((r->nusers + 1) * sizeof *nd[e]);
	}
	for (size_t a = 0, b; a < n; a = b) {
		double rv[RS_EST_COUNT], nv[RS_EST_COUNT];
		for (b = a; b < n && tp[b].pos == tp[a].pos; b++)
			;
		user_estimates(r, tp + a, b - a, w + a, W, o->k, rv, nv);
		for (int e = 0; e < RS_EST_COUNT; e++) {
			rec[e][nu] = rv[e];
			nd[e][nu] = nv[e];
		}
		nu++;
	}
	out->k = o->k;
	out->pairs = n;
	out->users = nu;
	out->mean_weight = W;
	for (int e = 0; e < RS_EST_COUNT; e++) {
		normal_summary(rec[e], nu, &out->recall[e]);
		normal_summary(nd[e], nu, &out->ndcg[e]);
		free(rec[e]);
		free(nd[e]);
	}
	free(tp);
	free(w);
	return 0;
}

double
rs_kendall_tau(const double *a, const double *b, size_t n)
{
	double conc = 0, disc = 0, ta = 0, tb = 0;
	size_t used = 0;

	for (size_t i = 0; i < n; i++) {
		if (isnan(a[i]) || isnan(b[i]))
			continue;
		used++;
		for (size_t j = i + 1; j < n; j++) {
			double da, db;
			if (isnan(a[j]) || isnan(b[j]))
				continue;
			da = a[i] - a[j];
			db = b[i] - b[j];
			if (da == 0 && db == 0)
				continue;
			if (da == 0)
				ta++;
			else if (db == 0)
				tb++;
			else if ((da > 0) == (db > 0))
				conc++;
			else
				disc++;
		}
	}
	if (used < 2 || (conc + disc + ta) == 0 || (conc + disc + tb) == 0)
		return NAN;
	return (conc - disc) / sqrt((conc + disc + ta) * (conc + disc + tb));
}
