/* Privacy checks: membership inference by loss threshold against rating factor models, and k-anonymity / l-diversity of the user table's quasi-identifiers. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/factor.h"
#include "reelscope/privacy.h"
#include "util/xmalloc.h"

/* ---- membership inference ---- */

struct mia_pt {
	double loss;
	int member;
};

static int
mia_cmp(const void *a, const void *b)
{
	const struct mia_pt *x = a, *y = b;

	return (x->loss > y->loss) - (x->loss < y->loss);
}

void
rs_mia_score(const double *member, size_t nm, const double *nonmember,
    size_t nn, rs_mia_result *out)
{
	struct mia_pt *p = xmalloc((nm + nn + 1) * sizeof *p);
	size_t n = nm + nn, below_m = 0, below_n = 0;
	double wins = 0, sm = 0, sn = 0;

	for (size_t i = 0; i < nm; i++) {
		p[i] = (struct mia_pt){ member[i], 1 };
		sm += member[i];
	}
	for (size_t i = 0; i < nn; i++) {
		p[nm + i] = (struct mia_pt){ nonmember[i], 0 };
		sn += nonmember[i];
	}
	qsort(p, n, sizeof *p, mia_cmp);
	out->members = nm;
	out->nonmembers = nn;
	out->member_loss = nm ? sm / (double)nm : NAN;
	out->nonmember_loss = nn ? sn / (double)nn : NAN;
	out->advantage = 0;
	out->threshold = -INFINITY;
	/* runs of equal losses: members in a run beat the non-members above
	 * it and tie with the run's own */
	for (size_t a = 0; a < n;) {
		size_t b = a, rm = 0, rn = 0;
		while (b < n && p[b].loss == p[a].loss) {
			rm += p[b].member;
			rn += !p[b].member;
			b++;
		}
		wins += (double)rm * (double)(nn - below_n - rn) + 0.5 * (double)rm * (double)rn;
		below_m += rm;
		below_n += rn;
		if (nm && nn) {
			double adv = (double)below_m / (double)nm - (double)below_n / (double)nn;
			if (adv > out->advantage) {
				out->advantage = adv;
				out->threshold = p[a].loss;
			}
		}
		a = b;
	}
	out->auc = nm && nn ? wins / ((double)nm * (double)nn) : NAN;
	free(p);
}

/* Solve (A + lambda I) x = b in place for symmetric positive definite A
 * (n x n, row-major) by Cholesky; b becomes x. */
static void
ridge_solve(double *A, double *b, size_t n, double lambda)
{
	for (size_t i = 0; i < n; i++)
		A[i * n + i] += lambda;
	for (size_t j = 0; j < n; j++) {
		double d = A[j * n + j];
		for (size_t k = 0; k < j; k++)
			d -= A[j * n + k] * A[j * n + k];
		d = sqrt(d > 1e-12 ? d : 1e-12);
		A[j * n + j] = d;
		for (size_t i = j + 1; i < n; i++) {
			double s = A[i * n + j];
			for (size_t k = 0; k < j; k++)
				s -= A[i * n + k] * A[j * n + k];
			A[i * n + j] = s / d;
		}
	}
	for (size_t i = 0; i < n; i++) {
		double s = b[i];
		for (size_t k = 0; k < i; k++)
			s -= A[i * n + k] * b[k];
		b[i] = s / A[i * n + i];
	}
	for (size_t i = n; i-- > 0;) {
		double s = b[i];
		for (size_t k = i + 1; k < n; k++)
			s -= A[k * n + i] * b[k];
		b[i] = s / A[i * n + i];
	}
}

/* The attacker's loss of user u's rows in t: fit (p, b_u) to them against
 * the released items, mean squared error of the fit. */
static double
user_loss(const fac_state *s, const rs_imat *t, uint32_t u, double reg)
{
	const size_t k = s->k, n = k + 1;
	uint64_t a = t->uptr[u], e = t->uptr[u + 1];
	double *A = xcalloc(n * n, sizeof *A), *b = xcalloc(n, sizeof *b);
	double *x = xmalloc(n * sizeof *x), sse = 0;

	for (uint64_t j = a; j < e; j++) {
		const float *q = s->Q + (size_t)t->uidx[j] * k;
		double y = t->uval[j] - s->mu - (s->bi ? s->bi[t->uidx[j]] : 0);
		for (size_t r = 0; r < n; r++) {
			x[r] = r < k ? q[r] : 1;
		}
		for (size_t r = 0; r < n; r++) {
			for (size_t c = 0; c <= r; c++)
				A[r * n + c] += x[r] * x[c];
			b[r] += x[r] * y;
		}
	}
	for (size_t r = 0; r < n; r++)
		for (size_t c = r + 1; c < n; c++)
			A[r * n + c] = A[c * n + r];
	ridge_solve(A, b, n, reg * (double)(e - a) + 1e-9);
	for (uint64_t j = a; j < e; j++) {
		const float *q = s->Q + (size_t)t->uidx[j] * k;
		double pred = s->mu + (s->bi ? s->bi[t->uidx[j]] : 0) + b[k], d;
		for (size_t f = 0; f < k; f++)
			pred += b[f] * q[f];
		d = t->uval[j] - pred;
		sse += d * d;
	}
	free(A);
	free(b);
	free(x);
	return sse / (double)(e - a);
}

int
rs_privacy_audit(const rs_dataset *ds, const rs_model *m, rs_mia_result *out,
    rs_error *err)
{
	const fac_state *s = m->state;
	const rs_imat *tr = m->train;
	rs_imat_opts io;
	rs_imat *held;
	double reg = rs_model_param_num(m, "reg"), *lm, *ln;
	size_t nm = 0, nn = 0;

	if ((strcmp(m->kind->name, "mf") != 0 && strcmp(m->kind->name, "fedmf") != 0) ||
	    s == NULL || tr == NULL) {
		rs_error_set(err, RS_EINVAL,
		    "model %s is %s: the attack needs a trained rating factor model (mf or fedmf)",
		    m->name, m->kind->name);
		return -1;
	}
	rs_imat_opts_init(&io);
	io.part = ds->heldout != NULL ? -1 : RS_TEST;
	if ((held = rs_imat_build(ds, ds->heldout != NULL ? ds->heldout : &ds->log, &io, err)) == NULL)
		return -1;
	lm = xmalloc((tr->nusers + 1) * sizeof *lm);
	ln = xmalloc((held->nusers + 1) * sizeof *ln);
	for (uint32_t u = 0; u < tr->nusers && u < s->nusers; u++)
		if (tr->uptr[u + 1] > tr->uptr[u])
			lm[nm++] = user_loss(s, tr, u, reg);
	for (uint32_t u = 0; u < held->nusers; u++) {
		bool trained = u < tr->nusers && tr->uptr[u + 1] > tr->uptr[u];
		if (!trained && held->uptr[u + 1] > held->uptr[u])
			ln[nn++] = user_loss(s, held, u, reg);
	}
	rs_imat_free(held);
	if (nm == 0 || nn == 0) {
		free(lm);
		free(ln);
		rs_error_set(err, RS_ESTATE,
		    "no %s: the attack compares users the model trained on with held-out users (held-out rows, no training row); "
		    "split files test=FILE with whole users in FILE makes some", nm == 0 ? "training users" : "held-out users");
		return -1;
	}
	rs_mia_score(lm, nm, ln, nn, out);
	free(lm);
	free(ln);
	return 0;
}

/* ---- k-anonymity and l-diversity ---- */

/* Row r's key over the kept columns (text of each, unit separator between,
 * a missing value marked apart from any text). */
static char *
row_key(const rs_table *t, const int *col, const uint8_t *keep, size_t nc,
    size_t r)
{
	size_t cap = 64, len = 0;
	char *k = xmalloc(cap), buf[256];

	k[0] = '\0';
	for (size_t c = 0; c < nc; c++) {
		const rs_column *cl;
		size_t n;
		if (!keep[c])
			continue;
		cl = t->cols[col[c]];
		if (rs_column_is_missing(cl, r))
			snprintf(buf, sizeof buf, "\x1e");
		else
			rs_column_format(cl, r, buf, sizeof buf);
		n = strlen(buf);
		if (len + n + 2 > cap) {
			cap = 2 * (len + n + 2);
			k = xrealloc(k, cap);
		}
		memcpy(k + len, buf, n);
		len += n;
		k[len++] = '\x1f';
		k[len] = '\0';
	}
	return k;
}

struct kent {
	char *key;
	char *sens;	/* NULL: missing */
};

static int
kent_cmp(const void *a, const void *b)
{
	const struct kent *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	if (x->sens == NULL || y->sens == NULL)
		return (x->sens != NULL) - (y->sens != NULL);
	return strcmp(x->sens, y->sens);
}

/* Classes of the table over the kept columns: smallest size, count, rows
 * in classes below target; l-diversity when sens >= 0. */
static void
classes_of(const rs_table *t, const int *col, const uint8_t *keep, size_t nc,
    int sens, size_t target, rs_kanon *out)
{
	size_t n = t->nrows;
	struct kent *e = xmalloc((n + 1) * sizeof *e);
	char buf[256];

	for (size_t r = 0; r < n; r++) {
		e[r].key = row_key(t, col, keep, nc, r);
		e[r].sens = NULL;
		if (sens >= 0 && !rs_column_is_missing(t->cols[sens], r)) {
			rs_column_format(t->cols[sens], r, buf, sizeof buf);
			e[r].sens = xstrdup(buf);
		}
	}
	qsort(e, n, sizeof *e, kent_cmp);
	out->rows = n;
	out->classes = out->below = out->l_classes = 0;
	out->k = n ? SIZE_MAX : 0;
	out->l = sens >= 0 && n ? SIZE_MAX : 0;
	for (size_t a = 0; a < n;) {
		size_t b = a, distinct = 0;
		while (b < n && strcmp(e[b].key, e[a].key) == 0) {
			if (e[b].sens != NULL && (b == a || e[b - 1].sens == NULL ||
			    strcmp(e[b].sens, e[b - 1].sens) != 0))
				distinct++;
			b++;
		}
		out->classes++;
		if (b - a < out->k)
			out->k = b - a;
		if (b - a < target)
			out->below += b - a;
		if (sens >= 0) {
			if (distinct < out->l)
				out->l = distinct;
			out->l_classes += distinct < 2;
		}
		a = b;
	}
	for (size_t r = 0; r < n; r++) {
		free(e[r].key);
		free(e[r].sens);
	}
	free(e);
}

int
rs_privacy_check(const rs_dataset *ds, const char *const *cols, size_t ncols,
    const char *sensitive, size_t target, rs_kanon *out, rs_error *err)
{
	const rs_table *t = &ds->user_tbl;
	int *col, sens = -1;
	uint8_t *keep;
	rs_kanon cur;

	memset(out, 0, sizeof *out);
	if (t->ncols == 0) {
		rs_error_set(err, RS_ESTATE, "the data has no user table (load ... users=FILE)");
		return -1;
	}
	col = xmalloc((ncols + 1) * sizeof *col);
	for (size_t c = 0; c < ncols + (sensitive != NULL); c++) {
		const char *name = c < ncols ? cols[c] : sensitive;
		int at = rs_table_find(t, name);
		if (at < 0) {
			char list[512] = "";
			for (size_t j = 0; j < t->ncols; j++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
				    j ? ", " : "", t->cols[j]->name);
			rs_error_set(err, RS_EINVAL, "no column %s in the user table (columns: %s)",
			    name, list);
			free(col);
			return -1;
		}
		if (c < ncols)
			col[c] = at;
		else
			sens = at;
	}
	keep = xmalloc(ncols + 1);
	memset(keep, 1, ncols + 1);
	classes_of(t, col, keep, ncols, sens, target, out);
	out->steps = xcalloc(ncols + 1, sizeof *out->steps);
	cur = *out;
	/* greedy: drop the column whose removal helps the smallest class most */
	for (size_t left = ncols; cur.k < target && left > 0; left--) {
		size_t best = SIZE_MAX;
		rs_kanon bk = { 0 };
		for (size_t c = 0; c < ncols; c++) {
			rs_kanon trial;
			if (!keep[c])
				continue;
			keep[c] = 0;
			classes_of(t, col, keep, ncols, -1, target, &trial);
			keep[c] = 1;
			if (best == SIZE_MAX || trial.k > bk.k ||
			    (trial.k == bk.k && trial.below < bk.below)) {
				best = c;
				bk = trial;
			}
		}
		keep[best] = 0;
		out->steps[out->nsteps++] = (rs_kanon_step){ cols[best], bk.k, bk.classes };
		cur = bk;
	}
	out->reached = cur.k >= target;
	free(keep);
	free(col);
	return 0;
}

void
rs_kanon_free(rs_kanon *r)
{
	free(r->steps);
	r->steps = NULL;
	r->nsteps = 0;
}
