/* Evaluation results in a workspace file: one optional EVAL section per result, checked against the data and models. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "reelscope/eval.h"
#include "reelscope/model.h"
#include "store/format.h"
#include "util/xmalloc.h"

int
st_write_result(struct st_writer *w, const rs_eval_result *r)
{
	struct st_out *o = &w->out;
	size_t nu = r->nusers, nm = r->nmetrics;

	st_put_str(o, r->model);
	st_put_str(o, r->kind);
	st_put_str(o, r->protocol);
	st_put_str(o, r->relevance);
	st_put_str(o, r->diversity_col);
	st_put_u32(o, r->sampled);
	st_put_u8(o, r->observed);
	st_put_u8(o, r->short_video);
	st_put_u8(o, r->biased);
	st_put_u32(o, (uint32_t)r->nks);
	for (size_t k = 0; k < r->nks; k++)
		st_put_u32(o, r->ks[k]);
	st_put_u32(o, (uint32_t)nm);
	for (size_t j = 0; j < nm; j++)
		st_put_str(o, r->names[j]);
	st_put_array(o, r->scope, nm, 1);
	st_put_array(o, r->sense, nm, 1);
	st_put_array(o, r->value, nm, sizeof *r->value);
	st_put_array(o, r->defined, nm, sizeof *r->defined);
	st_put_u32(o, r->nusers);
	st_put_u32(o, r->kmax);
	st_put_array(o, r->users, nu, sizeof *r->users);
	st_put_array(o, r->per_user, nu * nm, sizeof *r->per_user);
	st_put_array(o, r->sq_err, nu, sizeof *r->sq_err);
	st_put_array(o, r->abs_err, nu, sizeof *r->abs_err);
	st_put_array(o, r->npairs, nu, sizeof *r->npairs);
	st_put_array(o, r->lists, nu * r->kmax, sizeof *r->lists);
	st_put_array(o, r->list_scores, nu * r->kmax, sizeof *r->list_scores);
	st_put_u32(o, r->fallback_users);
	st_put_u32(o, r->ranking_users);
	st_put_u64(o, r->rated_pairs);
	st_put_f64(o, r->seconds);
	st_put_f64(o, r->cpu_seconds);
	/* not required: a reader without it can skip results, eval redoes them */
	return st_write_section(w, ST_EVAL, 0);
}

/* n x m elements of size bytes, the product checked for overflow. */
static bool
get_matrix(struct st_in *in, uint64_t n, uint64_t m, size_t size, void **out)
{
	if (m != 0 && n > UINT64_MAX / m) {
		*out = NULL;
		return st_corrupt(in, "a %llu x %llu array", (unsigned long long)n,
		    (unsigned long long)m);
	}
	return st_get_array(in, n * m, size, out);
}

static bool
read_fields(struct st_in *in, rs_eval_result *r)
{
	uint32_t nks, nm, nu, kmax;
	uint64_t pairs;
	bool b;

	if (!st_get_str(in, &r->model) || !st_get_str(in, &r->kind) ||
	    !st_get_str(in, &r->protocol) || !st_get_str(in, &r->relevance) ||
	    !st_get_str(in, &r->diversity_col) || !st_get_u32(in, &r->sampled))
		return false;
	if (r->model == NULL || r->kind == NULL)
		return st_corrupt(in, "a result without its model");
	if (!st_get_bool(in, &b))
		return false;
	r->observed = b;
	if (!st_get_bool(in, &b))
		return false;
	r->short_video = b;
	if (!st_get_bool(in, &b))
		return false;
	r->biased = b;
	if (!st_get_u32(in, &nks))
		return false;
	if (nks == 0 || nks > RS_EVAL_MAX_K)
		return st_corrupt(in, "%u cutoffs", nks);
	for (uint32_t k = 0; k < nks; k++) {
		if (!st_get_u32(in, &r->ks[k]))
			return false;
		if (r->ks[k] == 0 || (k > 0 && r->ks[k] <= r->ks[k - 1]))
			return st_corrupt(in, "cutoffs not ascending");
	}
	r->nks = nks;
	if (!st_get_u32(in, &nm))
		return false;
	if (nm > (in->len - in->pos) / 4)
		return st_corrupt(in, "%u metrics in %zu bytes", nm, in->len - in->pos);
	r->names = xcalloc((size_t)nm + 1, sizeof *r->names);
	for (uint32_t j = 0; j < nm; j++) {
		r->nmetrics = j + 1;	/* freed with the result from here on */
		if (!st_get_str(in, &r->names[j]))
			return false;
		if (r->names[j] == NULL)
			return st_corrupt(in, "metric %u has no name", j);
	}
	r->nmetrics = nm;
	if (!st_get_array(in, nm, 1, (void **)&r->scope) ||
	    !st_get_array(in, nm, 1, (void **)&r->sense) ||
	    !st_get_array(in, nm, sizeof *r->value, (void **)&r->value) ||
	    !st_get_array(in, nm, sizeof *r->defined, (void **)&r->defined))
		return false;
	for (uint32_t j = 0; j < nm; j++)
		if (r->scope[j] > RS_SCOPE_GLOBAL || r->sense[j] > RS_NEUTRAL)
			return st_corrupt(in, "metric %s: scope or sense %u/%u", r->names[j],
			    r->scope[j], r->sense[j]);
	if (!st_get_u32(in, &nu) || !st_get_u32(in, &kmax))
		return false;
	if (kmax != r->ks[nks - 1])
		return st_corrupt(in, "lists of %u items for cutoffs up to %u", kmax,
		    r->ks[nks - 1]);
	r->kmax = kmax;
	if (!st_get_array(in, nu, sizeof *r->users, (void **)&r->users))
		return false;
	r->nusers = nu;
	if (!get_matrix(in, nu, nm, sizeof *r->per_user, (void **)&r->per_user) ||
	    !st_get_array(in, nu, sizeof *r->sq_err, (void **)&r->sq_err) ||
	    !st_get_array(in, nu, sizeof *r->abs_err, (void **)&r->abs_err) ||
	    !st_get_array(in, nu, sizeof *r->npairs, (void **)&r->npairs) ||
	    !get_matrix(in, nu, kmax, sizeof *r->lists, (void **)&r->lists) ||
	    !get_matrix(in, nu, kmax, sizeof *r->list_scores, (void **)&r->list_scores) ||
	    !st_get_u32(in, &r->fallback_users) || !st_get_u32(in, &r->ranking_users) ||
	    !st_get_u64(in, &pairs) || !st_get_f64(in, &r->seconds) ||
	    !st_get_f64(in, &r->cpu_seconds) || !st_get_end(in))
		return false;
	r->rated_pairs = (size_t)pairs;
	return true;
}

rs_eval_result *
st_read_result(struct st_reader *rd, const rs_workspace *ws)
{
	struct st_in in;
	rs_eval_result *r;
	const rs_model *m;
	const rs_dataset *ds;
	uint32_t nusers, nitems;

	if (st_read_section(rd, ST_EVAL, &in) != 0)
		return NULL;
	r = xcalloc(1, sizeof *r);
	if (!read_fields(&in, r))
		goto fail;
	/* it describes a model of this workspace, on this data */
	m = rs_workspace_model(ws, r->model);
	ds = rs_workspace_data(ws);
	if (m == NULL || strcmp(m->kind->name, r->kind) != 0 || ds == NULL) {
		st_corrupt(&in, "a result of model %s, which the workspace does not have",
		    r->model);
		goto fail;
	}
	if (rs_workspace_result(ws, r->model) != NULL) {
		st_corrupt(&in, "a second result of model %s", r->model);
		goto fail;
	}
	nusers = rs_ids_count(ds->users);
	nitems = rs_ids_count(ds->items);
	for (uint32_t e = 0; e < r->nusers; e++)
		if (r->users[e] >= nusers || (e > 0 && r->users[e] <= r->users[e - 1])) {
			st_corrupt(&in, "result of %s: user %u out of order or range", r->model,
			    r->users[e]);
			goto fail;
		}
	for (size_t q = 0; q < (size_t)r->nusers * r->kmax; q++)
		if (r->lists[q] != RS_NONE && r->lists[q] >= nitems) {
			st_corrupt(&in, "result of %s: item %u in a list, %u items", r->model,
			    r->lists[q], nitems);
			goto fail;
		}
	return r;
fail:
	rs_eval_result_free(r);
	return NULL;
}
