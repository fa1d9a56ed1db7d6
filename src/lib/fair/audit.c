/* Creator exposure audit: exposure, merit, popularity bias, groups and privacy noise over eval's top-k lists. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reelscope/fair.h"
#include "reelscope/split.h"
#include "eval/eval-int.h"
#include "fair/fair-int.h"
#include "stats/dpnoise.h"
#include "util/clock.h"
#include "util/xmalloc.h"

void
rs_audit_opts_init(rs_audit_opts *o)
{
	memset(o, 0, sizeof *o);
	o->k = 10;
	o->exposure = RS_EXPOSURE_LOG;
	o->gamma = 0.8;
	o->stop = 0.5;
	o->head = 0.8;
	o->new_share = 0.2;
	rs_eval_opts_init(&o->eval);
}

/* The item column holding upload times, or -1. */
static int
upload_column(const rs_dataset *ds)
{
	int j = rs_table_find(&ds->item_tbl, "upload_dt");

	if (j < 0)
		j = rs_table_find(&ds->item_tbl, "upload_time");
	if (j >= 0 && ds->item_tbl.cols[j]->kind == RS_COL_TEXT)
		j = -1;
	return j;
}

const char *
rs_audit_check(const rs_dataset *ds, const rs_audit_opts *o)
{
	static char msg[512];

	if (ds == NULL)
		return "no dataset loaded";
	if (!o->items && (ds->item_creator == NULL || ds->creators == NULL ||
	    rs_ids_count(ds->creators) == 0))
		return "the data has no creator column: map one when loading "
		    "(load PATH creator=COLUMN), or audit items instead (items=yes)";
	if (o->k == 0)
		return "k must be at least 1";
	if (!(o->gamma > 0 && o->gamma < 1))
		return "gamma (patience) must lie strictly between 0 and 1";
	if (!(o->stop >= 0 && o->stop <= 1))
		return "stop must lie between 0 and 1";
	if (!(o->head > 0 && o->head < 1))
		return "head must lie strictly between 0 and 1";
	if (!(o->new_share > 0 && o->new_share < 1))
		return "new must lie strictly between 0 and 1";
	if (isnan(o->dp) || o->dp < 0 || isinf(o->dp))
		return "dp=EPSILON must be a positive number";
	if (o->group != NULL && strcmp(o->group, "popularity") != 0) {
		if (strcmp(o->group, "new") == 0) {
			if (upload_column(ds) < 0 && ds->log.time_col < 0)
				return "group=new needs upload times (an item column upload_dt or upload_time) or a time column in the log";
		} else if (rs_table_find(&ds->item_tbl, o->group) < 0) {
			snprintf(msg, sizeof msg,
			    "group=%.200s: no such item column (give popularity, new, or a column of the item table)",
			    o->group);
			return msg;
		}
	}
	return NULL;
}

/* Indices of x[0..n) by value descending, ties by lower index. */
struct by_value {
	const double *x;
	uint32_t i;
};

static int
cmp_desc(const void *a, const void *b)
{
	const struct by_value *p = a, *q = b;
	double x = p->x[p->i], y = q->x[q->i];

	if (x != y)
		return x > y ? -1 : 1;
	return (p->i > q->i) - (p->i < q->i);
}

uint32_t *
fair_order_desc(const double *x, uint32_t n)
{
	struct by_value *v = xmalloc((n ? n : 1) * sizeof *v);
	uint32_t *ord = xmalloc((n ? n : 1) * sizeof *ord);

	for (uint32_t i = 0; i < n; i++) {
		v[i].x = x;
		v[i].i = i;
	}
	qsort(v, n, sizeof *v, cmp_desc);
	for (uint32_t i = 0; i < n; i++)
		ord[i] = v[i].i;
	free(v);
	return ord;
}

uint8_t *
fair_head(const double *x, uint32_t n, double share)
{
	uint8_t *head = xcalloc(n ? n : 1, 1);
	uint32_t *ord = fair_order_desc(x, n);
	double sum = 0, acc = 0;

	for (uint32_t i = 0; i < n; i++)
		sum += x[i];
	for (uint32_t p = 0; p < n && sum > 0; p++) {
		if (acc / sum >= share || !(x[ord[p]] > 0))
			break;
		head[ord[p]] = 1;
		acc += x[ord[p]];
	}
	free(ord);
	return head;
}

/* Group of every unit and the group names; returns the count. */
static size_t
assign_groups(const rs_eval_ctx *c, const rs_audit_opts *o, uint32_t n,
    const double *inter, uint32_t *group, char ***names)
{
	const rs_dataset *ds = c->ds;
	const char *g = o->group;

	if (g == NULL || strcmp(g, "popularity") == 0) {
		uint8_t *head = fair_head(inter, n, o->head);
		for (uint32_t u = 0; u < n; u++)
			group[u] = head[u] ? 0 : 1;
		free(head);
		*names = xmalloc(2 * sizeof **names);
		(*names)[0] = xstrdup("head");
		(*names)[1] = xstrdup("tail");
		return 2;
	}
	if (strcmp(g, "new") == 0) {
		double *first = xmalloc((n ? n : 1) * sizeof *first);
		int j = upload_column(ds);
		uint32_t nvalid = 0, nnew;
		uint32_t *ord;
		for (uint32_t u = 0; u < n; u++)
			first[u] = INFINITY;
		if (j >= 0) {
			const rs_column *col = ds->item_tbl.cols[j];
			for (uint32_t i = 0; i < c->nitems && i < col->n; i++) {
				uint32_t u = fair_unit(c, o->items, i);
				double t = rs_column_get(col, i);
				if (u != RS_NONE && !isnan(t) && t < first[u])
					first[u] = t;
			}
		} else {
			const rs_column *col = ds->log.cols.cols[ds->log.time_col];
			for (size_t r = 0; r < ds->log.n; r++) {
				uint32_t u;
				double t;
				if (ds->log.part != NULL && ds->log.part[r] != RS_TRAIN)
					continue;
				u = fair_unit(c, o->items, ds->log.item[r]);
				t = rs_column_get(col, r);
				if (u != RS_NONE && !isnan(t) && t < first[u])
					first[u] = t;
			}
		}
		/* newest first; units never seen count as established */
		for (uint32_t u = 0; u < n; u++) {
			if (isinf(first[u]))
				first[u] = -INFINITY;
			else
				nvalid++;
			group[u] = 0;
		}
		ord = fair_order_desc(first, n);
		nnew = (uint32_t)ceil(o->new_share * nvalid - 1e-9);
		for (uint32_t p = 0; p < nnew; p++)
			group[ord[p]] = 1;
		free(ord);
		free(first);
		*names = xmalloc(2 * sizeof **names);
		(*names)[0] = xstrdup("established");
		(*names)[1] = xstrdup("new");
		return 2;
	}
	{
		const rs_column *col = ds->item_tbl.cols[rs_table_find(&ds->item_tbl, g)];
		rs_ids *vals = rs_ids_new();
		char buf[256];
		size_t ng;
		bool none = false;
		for (uint32_t u = 0; u < n; u++)
			group[u] = RS_NONE;
		for (uint32_t i = 0; i < c->nitems && i < col->n; i++) {
			uint32_t u = fair_unit(c, o->items, i);
			if (u == RS_NONE || group[u] != RS_NONE || rs_column_is_missing(col, i))
				continue;
			rs_column_format(col, i, buf, sizeof buf);
			group[u] = rs_ids_intern(vals, buf, strlen(buf));
		}
		ng = rs_ids_count(vals);
		*names = xmalloc((ng + 1) * sizeof **names);
		for (size_t q = 0; q < ng; q++)
			(*names)[q] = xstrdup(rs_ids_name(vals, (uint32_t)q));
		for (uint32_t u = 0; u < n; u++)
			if (group[u] == RS_NONE) {
				group[u] = (uint32_t)ng;
				none = true;
			}
		if (none)
			(*names)[ng++] = xstrdup("(none)");
		rs_ids_free(vals);
		return ng;
	}
}

uint32_t
fair_unit(const rs_eval_ctx *c, bool items, uint32_t item)
{
	uint32_t u;

	if (item >= c->nitems)
		return RS_NONE;
	if (items)
		return item;
	if (c->item_creator == NULL)
		return RS_NONE;
	u = c->item_creator[item];
	return u < c->ncreators ? u : RS_NONE;
}

/* Items of the list of evaluated user e within the top k. */
static uint32_t
list_len(const rs_eval_result *r, uint32_t e, uint32_t k)
{
	const uint32_t *l = r->lists + (size_t)e * r->kmax;
	uint32_t n = 0;

	while (n < k && n < r->kmax && l[n] != RS_NONE)
		n++;
	return n;
}

static double
coef_var(const double *num, const double *den, size_t n)
{
	double p[16], mean = 0, var = 0;
	size_t m = 0;

	for (size_t g = 0; g < n && m < 16; g++)
		if (den[g] > 0)
			p[m++] = num[g] / den[g];
	if (m < 2)
		return NAN;
	for (size_t g = 0; g < m; g++)
		mean += p[g];
	mean /= (double)m;
	for (size_t g = 0; g < m; g++)
		var += (p[g] - mean) * (p[g] - mean);
	if (!(mean > 0))
		return NAN;
	return sqrt(var / (double)m) / mean;
}

double
fair_kl_bits(const double *p, const double *q, size_t n, double alpha)
{
	double kl = 0;

	for (size_t g = 0; g < n; g++) {
		double qt = (1 - alpha) * q[g] + alpha * p[g];
		if (p[g] > 0)
			kl += p[g] * log2(p[g] / qt);
	}
	return kl;
}

static double
metric_at(const rs_eval_result *r, const char *fam, uint32_t k)
{
	char name[64];
	int j;

	snprintf(name, sizeof name, "%s@%u", fam, k);
	j = rs_eval_metric_index(r, name);
	return j >= 0 ? r->value[j] : NAN;
}

static void
audit_alloc(rs_audit *a, uint32_t n)
{
	size_t m = n ? n : 1;

	a->nunits = n;
	a->videos = xcalloc(m, sizeof *a->videos);
	a->interactions = xcalloc(m, sizeof *a->interactions);
	a->interaction_share = xcalloc(m, sizeof *a->interaction_share);
	a->merit = xcalloc(m, sizeof *a->merit);
	a->merit_share = xcalloc(m, sizeof *a->merit_share);
	a->exposure = xcalloc(m, sizeof *a->exposure);
	a->exposure_share = xcalloc(m, sizeof *a->exposure_share);
	a->ratio = xcalloc(m, sizeof *a->ratio);
	a->slots = xcalloc(m, sizeof *a->slots);
	a->maximin_met = xcalloc(m, sizeof *a->maximin_met);
	a->group = xcalloc(m, sizeof *a->group);
	a->decile = xcalloc(m, sizeof *a->decile);
	a->nlorenz = (size_t)n + 1;
	a->lorenz_x = xcalloc((size_t)n + 1, sizeof *a->lorenz_x);
	a->lorenz_y = xcalloc((size_t)n + 1, sizeof *a->lorenz_y);
}

/* What a dp audit does not publish. */
static void
withhold(rs_audit *a)
{
	double **arrs[] = { &a->interactions, &a->interaction_share, &a->merit,
		&a->merit_share, &a->ratio };
	for (size_t j = 0; j < sizeof arrs / sizeof *arrs; j++) {
		free(*arrs[j]);
		*arrs[j] = NULL;
	}
	free(a->slots);
	a->slots = NULL;
	free(a->maximin_met);
	a->maximin_met = NULL;
	free(a->decile);
	a->decile = NULL;
	free(a->group);
	a->group = NULL;
	a->creator_coverage = a->item_coverage = NAN;
	a->arp = a->aplt = a->aclt = a->pop_rsp = a->pop_reo = NAN;
	a->head_items = NAN;
	a->maximin_min = a->maximin_met_share = NAN;
	a->maximin_share = 0;
	a->equity_of_attention = a->disparate_treatment = a->disparate_exposure = NAN;
	a->ee_d = a->ee_r = a->ee_l = a->calibration_kl = NAN;
	a->ndcg = a->recall = NAN;
	for (int d = 0; d < RS_AUDIT_DECILES; d++)
		a->decile_exposure[d] = a->decile_interactions[d] = NAN;
	for (size_t g = 0; g < a->ngroups; g++)
		free(a->groups[g].name);
	free(a->groups);
	a->groups = NULL;
	a->ngroups = 0;
}

/* Per-user scratch and running sums. */
struct sums {
	double arp, aplt, aclt;
	uint32_t nlist;
	double rec[2], cand[2], hit[2], relg[2];	/* PopRSP / PopREO by item group */
	double ee_d, ee_r, ee_l;
	uint32_t nee;
	double kl;
	uint32_t nkl;
};

static void
audit_user(const rs_eval_ctx *c, const rs_eval_result *r, const rs_audit_opts *o,
    uint32_t e, const uint8_t *ihead, const uint8_t *uhead, uint8_t *rel,
    uint8_t *iseen, uint8_t *useen, uint32_t nhead_items, rs_audit *a,
    struct sums *s)
{
	uint32_t uidx = c->users[e], k = o->k, L = list_len(r, e, k);
	const uint32_t *list = r->lists + (size_t)e * r->kmax;
	uint64_t ta = c->tptr[e], tb = c->tptr[e + 1];
	double w[L ? L : 1], wsum = 0, tail = 0, popsum = 0;
	uint32_t nrel = 0, relabove = 0;

	for (uint64_t q = ta; q < tb; q++)
		if (c->trel[q]) {
			uint32_t it = c->titem[q], un = fair_unit(c, o->items, it);
			rel[it] = 1;
			nrel++;
			s->relg[ihead[it] ? 0 : 1] += 1;
			if (un != RS_NONE)
				a->merit[un] += 1;
		}
	/* candidates by item group */
	if (c->observed) {
		for (uint64_t q = ta; q < tb; q++)
			if (!c->tseen[q])
				s->cand[ihead[c->titem[q]] ? 0 : 1] += 1;
	} else {
		double sh = 0, st = 0;
		for (uint64_t q = c->sptr[uidx]; q < c->sptr[uidx + 1]; q++) {
			if (ihead[c->sidx[q]])
				sh++;
			else
				st++;
		}
		s->cand[0] += nhead_items - sh;
		s->cand[1] += (double)(c->nitems - nhead_items) - st;
	}
	for (uint32_t j = 0; j < L; j++) {
		uint32_t it = list[j];
		w[j] = rs_exposure_weight(o, j + 1);
		if (o->exposure == RS_EXPOSURE_CASCADE)
			w[j] *= pow(1 - o->stop, relabove);
		relabove += rel[it];
		wsum += w[j];
	}
	for (uint32_t j = 0; j < L; j++) {
		uint32_t it = list[j], un = fair_unit(c, o->items, it);
		int g = ihead[it] ? 0 : 1;
		if (un != RS_NONE) {
			a->exposure[un] += o->normalized ? w[j] / wsum : w[j];
			a->slots[un]++;
			useen[un] = 1;
		}
		if (c->pop[it] > 0)
			iseen[it] = 1;
		popsum += c->pop[it];
		tail += g;
		s->rec[g] += 1;
		if (rel[it])
			s->hit[g] += 1;
	}
	if (L > 0) {
		s->arp += popsum / L;
		s->aplt += tail / L;
		s->aclt += tail;
		s->nlist++;
	}
	/* expected exposure: one deterministic sample, rbp over the top k */
	if (nrel > 0) {
		double g = o->gamma, ncand, M, erel, enr, d = 0, rr = 0, stars;
		uint32_t b = nrel < k ? nrel : k;
		if (c->observed) {
			ncand = 0;
			for (uint64_t q = ta; q < tb; q++)
				ncand += !c->tseen[q];
		} else
			ncand = (double)c->nitems - (double)(c->sptr[uidx + 1] - c->sptr[uidx]);
		M = ncand - nrel;
		erel = (1 - pow(g, b)) / (nrel * (1 - g));
		enr = M > 0 ? (pow(g, b) - pow(g, fmin((double)nrel + M, k))) / (M * (1 - g)) : 0;
		for (uint32_t j = 0; j < L; j++) {
			double eps = pow(g, j);
			d += eps * eps;
			rr += eps * (rel[list[j]] ? erel : enr);
		}
		stars = nrel * erel * erel + (M > 0 ? M * enr * enr : 0);
		s->ee_d += d;
		s->ee_r += rr;
		s->ee_l += d - 2 * rr + stars;
		s->nee++;
	}
	/* calibration over head/tail units: the user's seen items vs the list */
	{
		double p[2] = { 0, 0 }, q[2] = { 0, 0 }, np = 0, nq = 0;
		for (uint64_t t = c->sptr[uidx]; t < c->sptr[uidx + 1]; t++) {
			uint32_t un = fair_unit(c, o->items, c->sidx[t]);
			if (un != RS_NONE) {
				p[uhead[un] ? 0 : 1] += 1;
				np++;
			}
		}
		for (uint32_t j = 0; j < L; j++) {
			uint32_t un = fair_unit(c, o->items, list[j]);
			if (un != RS_NONE) {
				q[uhead[un] ? 0 : 1] += 1;
				nq++;
			}
		}
		if (np > 0 && nq > 0) {
			for (int g = 0; g < 2; g++) {
				p[g] /= np;
				q[g] /= nq;
			}
			s->kl += fair_kl_bits(p, q, 2, 0.01);
			s->nkl++;
		}
	}
	for (uint64_t q = ta; q < tb; q++)
		rel[c->titem[q]] = 0;
}

/* The options and the lists must agree before anything is allocated, so a
 * bad k is reported with the length the lists do have. */
static int
audit_check_lists(const rs_eval_ctx *c, const rs_eval_result *r,
    const rs_audit_opts *o, rs_error *err)
{
	const char *why = rs_audit_check(c->ds, o);
	uint32_t longest = 0;

	if (why != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", why);
		return -1;
	}
	if (r->kmax < o->k || r->nusers != c->neval) {
		rs_error_set(err, RS_EINVAL, "the lists of %s were ranked to %u, not k=%u",
		    r->model, r->kmax, o->k);
		return -1;
	}
	for (uint32_t e = 0; e < r->nusers; e++) {
		uint32_t L = list_len(r, e, o->k);
		if (L > longest)
			longest = L;
	}
	if (r->nusers > 0 && longest < o->k) {
		rs_error_set(err, RS_EINVAL,
		    "k=%u is longer than the lists of %s (at most %u item%s): give k=%u or less",
		    o->k, r->model, longest, longest == 1 ? "" : "s", longest ? longest : 1);
		return -1;
	}
	return 0;
}

/* The audit's labels (what was audited, under which exposure model) and
 * its catalogue: videos and training interactions per unit. */
static rs_audit *
audit_new(const rs_eval_ctx *c, const rs_eval_result *r, const rs_audit_opts *o,
    uint32_t n)
{
	rs_audit *a = xcalloc(1, sizeof *a);

	a->model = xstrdup(r->model);
	a->kind = xstrdup(r->kind);
	a->protocol = xstrdup(r->protocol);
	a->unit = xstrdup(o->items ? "item" : "creator");
	if (o->exposure == RS_EXPOSURE_RBP)
		a->exposure_model = xasprintf("rbp gamma=%g%s", o->gamma,
		    o->normalized ? ", per user normalised" : "");
	else if (o->exposure == RS_EXPOSURE_CASCADE)
		a->exposure_model = xasprintf("cascade gamma=%g stop=%g%s", o->gamma, o->stop,
		    o->normalized ? ", per user normalised" : "");
	else
		a->exposure_model = xasprintf("%s%s", rs_exposure_name(o->exposure),
		    o->normalized ? ", per user normalised" : "");
	a->grouping = xstrdup(o->group ? o->group : "popularity");
	a->from_log = c->from_log;
	if (c->from_log) {
		a->covers = xstrdup("every imported list (no split)");
		if (o->eval.relevant != NULL)
			a->merit_from = xasprintf("the log's rows with %s %s %g (no held-out part)",
			    o->eval.relevant, o->eval.relevant_strict ? ">" : ">=",
			    o->eval.relevant_min);
		else
			a->merit_from = xstrdup("the log's interactions (no held-out part)");
	} else {
		a->covers = xasprintf("one per user with held-out %s rows",
		    c->o.part == RS_VALID ? "validation" : "test");
		a->merit_from = xasprintf("relevant held-out pairs (%s)", c->relevance_text);
	}
	a->k = o->k;
	a->users = r->nusers;
	audit_alloc(a, n);
	for (uint32_t i = 0; i < c->nitems; i++) {
		uint32_t un = fair_unit(c, o->items, i);
		if (un == RS_NONE)
			continue;
		a->videos[un]++;
		a->interactions[un] += c->pop[i];
	}
	return a;
}

/* One pass over the users' lists gathers exposure per unit and the sums
 * behind the list-level figures, which are averaged here. */
static void
audit_collect(const rs_eval_ctx *c, const rs_eval_result *r,
    const rs_audit_opts *o, uint32_t n, rs_audit *a)
{
	uint32_t nhead_items = 0;
	uint8_t *ihead, *uhead, *rel, *iseen, *useen;
	struct sums s;

	ihead = fair_head(c->pop, c->nitems, o->head);
	for (uint32_t i = 0; i < c->nitems; i++)
		nhead_items += ihead[i];
	a->head_items = nhead_items;
	uhead = fair_head(a->interactions, n, o->head);
	rel = xcalloc(c->nitems ? c->nitems : 1, 1);
	iseen = xcalloc(c->nitems ? c->nitems : 1, 1);
	useen = xcalloc(n ? n : 1, 1);
	memset(&s, 0, sizeof s);
	for (uint32_t e = 0; e < r->nusers; e++)
		audit_user(c, r, o, e, ihead, uhead, rel, iseen, useen, nhead_items, a, &s);
	/* coverage */
	{
		uint32_t ni = 0, nu = 0;
		for (uint32_t i = 0; i < c->nitems; i++)
			ni += iseen[i];
		for (uint32_t u = 0; u < n; u++)
			nu += useen[u];
		a->item_coverage = c->trained_items ? (double)ni / c->trained_items : NAN;
		/* with items as units, the share of all items listed */
		a->creator_coverage = n ? (double)nu / n : NAN;
	}
	a->arp = s.nlist ? s.arp / s.nlist : NAN;
	a->aplt = s.nlist ? s.aplt / s.nlist : NAN;
	a->aclt = s.nlist ? s.aclt / s.nlist : NAN;
	a->pop_rsp = coef_var(s.rec, s.cand, 2);
	a->pop_reo = coef_var(s.hit, s.relg, 2);
	a->ee_d = s.nee ? s.ee_d / s.nee : NAN;
	a->ee_r = s.nee ? s.ee_r / s.nee : NAN;
	a->ee_l = s.nee ? s.ee_l / s.nee : NAN;
	a->calibration_kl = s.nkl ? s.kl / s.nkl : NAN;
	free(ihead);
	free(uhead);
	free(rel);
	free(iseen);
	free(useen);
}

/* Without a held-out part, merit is what the log's users did: its rows (or
 * those passing the relevance rule) per unit. */
static void
audit_log_merit(const rs_eval_ctx *c, const rs_audit_opts *o, rs_audit *a)
{
	const rs_log *log = &c->ds->log;
	const rs_column *rc = NULL;

	if (o->eval.relevant != NULL)
		rc = log->cols.cols[rs_table_find(&log->cols, o->eval.relevant)];
	for (size_t r = 0; r < log->n; r++) {
		uint32_t un = fair_unit(c, o->items, log->item[r]);
		if (un == RS_NONE)
			continue;
		if (rc != NULL) {
			double v = rs_column_get(rc, r);
			if (!(o->eval.relevant_strict ? v > o->eval.relevant_min :
			    v >= o->eval.relevant_min))
				continue;
		}
		a->merit[un] += 1;
	}
}

/* Differential privacy: Laplace noise on the exposure counts, scaled to
 * what one user's list can add, before any share is taken from them. */
static void
audit_dp_noise(const rs_audit_opts *o, uint32_t n, rs_audit *a)
{
	double delta = 0;
	stats_dprng rng;

	for (uint32_t j = 1; j <= o->k; j++)
		delta += rs_exposure_weight(o, j);
	if (o->normalized)
		delta = 1;
	a->dp = o->dp;
	a->sensitivity = delta;
	a->dp_scale = delta / o->dp;
	stats_dprng_init(&rng, o->seeded, o->seed);
	for (uint32_t u = 0; u < n; u++) {
		a->exposure[u] += stats_dprng_laplace(&rng, a->dp_scale);
		if (a->exposure[u] < 0)
			a->exposure[u] = 0;
	}
}

/* Shares of exposure, merit and interactions, and the inequality figures
 * of the exposure (Gini, entropy, Lorenz curve). */
static void
audit_shares(uint32_t n, rs_audit *a)
{
	double sum = 0, msum = 0, isum = 0;

	for (uint32_t u = 0; u < n; u++) {
		sum += a->exposure[u];
		msum += a->merit[u];
		isum += a->interactions[u];
	}
	for (uint32_t u = 0; u < n; u++) {
		a->exposure_share[u] = sum > 0 ? a->exposure[u] / sum : 0;
		a->merit_share[u] = msum > 0 ? a->merit[u] / msum : 0;
		a->interaction_share[u] = isum > 0 ? a->interactions[u] / isum : 0;
		a->ratio[u] = a->merit_share[u] > 0 ?
		    a->exposure_share[u] / a->merit_share[u] : NAN;
	}
	a->gini = rs_gini(a->exposure, n, false);
	a->gini_n1 = rs_gini(a->exposure, n, true);
	a->entropy = rs_entropy_bits(a->exposure, n);
	a->entropy_max = n ? log2((double)n) : 0;
	rs_lorenz(a->exposure, n, a->lorenz_x, a->lorenz_y);
}

/* Maximin share: the slots each unit would get if all were shared evenly,
 * and how many units got that many. */
static void
audit_maximin(const rs_audit_opts *o, uint32_t n, rs_audit *a)
{
	uint32_t met = 0;
	double mn = INFINITY;

	a->maximin_share = n ? (uint32_t)(((uint64_t)a->users * o->k) / n) : 0;
	for (uint32_t u = 0; u < n; u++) {
		a->maximin_met[u] = a->slots[u] >= a->maximin_share;
		met += a->maximin_met[u];
		if (a->maximin_share > 0 && (double)a->slots[u] / a->maximin_share < mn)
			mn = (double)a->slots[u] / a->maximin_share;
	}
	a->maximin_min = a->maximin_share > 0 && n ? mn : NAN;
	a->maximin_met_share = n ? (double)met / n : NAN;
}

/* Exposure and interaction shares by popularity decile, most popular
 * first. */
static void
audit_deciles(uint32_t n, rs_audit *a)
{
	uint32_t *ord = fair_order_desc(a->interactions, n);

	for (uint32_t p = 0; p < n; p++) {
		uint32_t d = (uint32_t)(((uint64_t)p * RS_AUDIT_DECILES) / n);
		a->decile[ord[p]] = d;
		a->decile_exposure[d] += a->exposure_share[ord[p]];
		a->decile_interactions[d] += a->interaction_share[ord[p]];
	}
	free(ord);
}

/* The groups' shares and the figures comparing them: equity of attention,
 * disparate treatment (exposure per merit) and disparate exposure. */
static void
audit_groups(const rs_eval_ctx *c, const rs_audit_opts *o, uint32_t n,
    rs_audit *a)
{
	double tmax = -INFINITY, tmin = INFINITY, emax = -INFINITY, emin = INFINITY;
	bool undefined = false;
	size_t used = 0;
	char **names = NULL;

	a->ngroups = assign_groups(c, o, n, a->interactions, a->group, &names);
	a->groups = xcalloc(a->ngroups ? a->ngroups : 1, sizeof *a->groups);
	for (size_t g = 0; g < a->ngroups; g++)
		a->groups[g].name = names[g];
	free(names);
	for (uint32_t u = 0; u < n; u++) {
		rs_audit_group *g = &a->groups[a->group[u]];
		g->units++;
		g->exposure_share += a->exposure_share[u];
		g->merit_share += a->merit_share[u];
		g->interaction_share += a->interactions[u] > 0 ? a->interaction_share[u] : 0;
	}
	a->equity_of_attention = 0;
	for (uint32_t u = 0; u < n; u++)
		a->equity_of_attention += fabs(a->exposure_share[u] - a->merit_share[u]);
	for (size_t q = 0; q < a->ngroups; q++) {
		rs_audit_group *g = &a->groups[q];
		if (g->units == 0)
			continue;
		used++;
		g->mean_exposure = g->exposure_share / g->units;
		g->mean_merit = g->merit_share / g->units;
		if (g->mean_merit > 0) {
			double t = g->mean_exposure / g->mean_merit;
			tmax = fmax(tmax, t);
			tmin = fmin(tmin, t);
		} else
			undefined = true;
		emax = fmax(emax, g->mean_exposure);
		emin = fmin(emin, g->mean_exposure);
	}
	a->disparate_treatment = used >= 2 && !undefined && tmin > 0 ?
	    tmax / tmin : NAN;
	a->disparate_exposure = used >= 2 && emin > 0 ? emax / emin : NAN;
}

rs_audit *
rs_audit_lists(const rs_eval_ctx *c, const rs_eval_result *r,
    const rs_audit_opts *o, rs_error *err)
{
	uint32_t n;
	rs_audit *a;
	double t0 = wall_seconds(), c0 = cpu_seconds();

	if (audit_check_lists(c, r, o, err) != 0)
		return NULL;
	n = o->items ? c->nitems : c->ncreators;
	a = audit_new(c, r, o, n);
	audit_collect(c, r, o, n, a);
	if (c->from_log)
		audit_log_merit(c, o, a);
	a->ndcg = metric_at(r, "ndcg", o->k);
	a->recall = metric_at(r, "recall", o->k);
	if (o->dp > 0)
		audit_dp_noise(o, n, a);
	audit_shares(n, a);
	audit_maximin(o, n, a);
	audit_deciles(n, a);
	audit_groups(c, o, n, a);
	if (o->dp > 0)
		withhold(a);
	a->seconds = wall_seconds() - t0;
	a->cpu_seconds = cpu_seconds() - c0;
	return a;
}

/* No split: m's imported lists as they are, against the whole log. */
static rs_audit *
audit_unsplit(const rs_dataset *ds, const rs_model *m, const rs_audit_opts *o,
    rs_error *err)
{
	uint32_t n, *users;
	rs_eval_ctx *c;
	rs_eval_result *r;
	rs_audit *a;

	if ((users = eval_imported_users(m, rs_ids_count(ds->users), &n)) == NULL) {
		rs_error_set(err, RS_ESTATE,
		    "no split yet: without one only imported lists can be audited (import recs FILE as NAME), and %s is trained here; split first (e.g. split user test=0.2)",
		    m->name);
		return NULL;
	}
	if (o->eval.relevant != NULL) {
		int j = rs_table_find(&ds->log.cols, o->eval.relevant);
		const char *why = j < 0 ? "the log has no such column" :
		    ds->log.cols.cols[j]->kind == RS_COL_TEXT ? "it holds text, not numbers" :
		    isnan(o->eval.relevant_min) ? "it needs a threshold, e.g. relevant=COL>=2" : NULL;
		if (why != NULL) {
			rs_error_set(err, RS_EINVAL, "relevant=%s: %s", o->eval.relevant, why);
			free(users);
			return NULL;
		}
	}
	c = eval_prepare_log(ds, &o->eval, users, n);
	free(users);
	r = eval_imported_result(c, m, o->k);
	a = rs_audit_lists(c, r, o, err);
	rs_eval_result_free(r);
	rs_eval_ctx_free(c);
	return a;
}

rs_audit *
rs_audit_run(const rs_dataset *ds, const rs_model *m, const rs_audit_opts *o,
    rs_error *err)
{
	const char *why = rs_audit_check(ds, o);
	rs_eval_opts eo = o->eval;
	rs_eval_ctx *c;
	rs_eval_result *r;
	rs_audit *a;

	if (why != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", why);
		return NULL;
	}
	if (ds->split_kind == RS_SPLIT_NONE)
		return audit_unsplit(ds, m, o, err);
	eo.ks[0] = o->k;
	eo.nks = 1;
	eo.sampled = 0;
	if ((c = rs_eval_prepare(ds, &eo, err)) == NULL)
		return NULL;
	if ((r = rs_eval_run(c, m, err)) == NULL) {
		rs_eval_ctx_free(c);
		return NULL;
	}
	a = rs_audit_lists(c, r, o, err);
	if (a != NULL)
		a->rank_seconds = r->seconds;
	rs_eval_result_free(r);
	rs_eval_ctx_free(c);
	return a;
}

void
rs_audit_free(rs_audit *a)
{
	if (a == NULL)
		return;
	free(a->model);
	free(a->kind);
	free(a->protocol);
	free(a->unit);
	free(a->exposure_model);
	free(a->grouping);
	free(a->covers);
	free(a->merit_from);
	free(a->videos);
	free(a->interactions);
	free(a->interaction_share);
	free(a->merit);
	free(a->merit_share);
	free(a->exposure);
	free(a->exposure_share);
	free(a->ratio);
	free(a->slots);
	free(a->maximin_met);
	free(a->group);
	free(a->decile);
	free(a->lorenz_x);
	free(a->lorenz_y);
	for (size_t g = 0; g < a->ngroups; g++)
		free(a->groups[g].name);
	free(a->groups);
	free(a);
}
