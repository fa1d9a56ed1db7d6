/* Models in a workspace file: name, kind, parameters, history, the training matrix and the kind's own bytes. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/model.h"
#include "model/blob.h"
#include "store/format.h"
#include "util/xmalloc.h"

enum { TRAIN_NONE, TRAIN_FULL, TRAIN_SAME };

static bool
imat_eq(const rs_imat *a, const rs_imat *b)
{
	size_t nnz = a->nnz;

	return a->nusers == b->nusers && a->nitems == b->nitems && nnz == b->nnz &&
	    memcmp(&a->mean, &b->mean, sizeof a->mean) == 0 &&
	    a->explicit_values == b->explicit_values &&
	    memcmp(a->uptr, b->uptr, ((size_t)a->nusers + 1) * sizeof *a->uptr) == 0 &&
	    (nnz == 0 || (memcmp(a->uidx, b->uidx, nnz * sizeof *a->uidx) == 0 &&
	    memcmp(a->uval, b->uval, nnz * sizeof *a->uval) == 0 &&
	    memcmp(a->utime, b->utime, nnz * sizeof *a->utime) == 0));
}

int
st_write_model(struct st_writer *w, const rs_model *m, rs_model *const *earlier,
    size_t nearlier)
{
	struct st_out *o = &w->out;
	void *state = NULL;
	size_t slen = 0;
	int same = -1, rc;

	/* the kind's bytes first: a kind that cannot save stops the save */
	if (m->kind->save == NULL) {
		rs_error_set(w->err, RS_EINVAL,
		    "model %s cannot be saved: kind %s has no save", m->name, m->kind->name);
		return -1;
	}
	if (m->state == NULL || m->popularity == NULL) {
		rs_error_set(w->err, RS_EINVAL, "model %s has no learned state to save",
		    m->name);
		return -1;
	}
	if (m->kind->save(m, &state, &slen) != 0) {
		free(state);
		rs_error_set(w->err, RS_EINVAL, "model %s (kind %s) could not save its state",
		    m->name, m->kind->name);
		return -1;
	}
	st_put_str(o, m->name);
	st_put_str(o, m->kind->name);
	st_put_u32(o, (uint32_t)m->nparams);
	for (size_t i = 0; i < m->nparams; i++) {
		st_put_str(o, m->keys[i]);
		st_put_str(o, m->values[i]);
	}
	st_put_u32(o, m->nusers);
	st_put_u32(o, m->nitems);
	st_put_u8(o, m->popularity != NULL);
	if (m->popularity != NULL)
		st_put_array(o, m->popularity, m->nitems, sizeof *m->popularity);
	st_put_u64(o, m->nepochs);
	for (size_t e = 0; e < m->nepochs; e++) {
		st_put_u32(o, m->history[e].epoch);
		st_put_f64(o, m->history[e].loss);
		st_put_f64(o, m->history[e].valid);
		st_put_f64(o, m->history[e].seconds);
	}
	st_put_u64(o, m->best_epoch);
	st_put_str(o, m->valid_metric);
	st_put_f64(o, m->fit_seconds);
	st_put_u8(o, m->interrupted);
	if ((rc = st_write_section(w, ST_MODL, ST_REQUIRED)) != 0)
		goto out;
	/* models trained on the same rows share one copy in the file */
	for (size_t k = 0; m->train != NULL && k < nearlier && same < 0; k++)
		if (earlier[k]->train != NULL && imat_eq(m->train, earlier[k]->train))
			same = (int)k;
	if (m->train == NULL)
		st_put_u8(o, TRAIN_NONE);
	else if (same >= 0) {
		st_put_u8(o, TRAIN_SAME);
		st_put_u32(o, (uint32_t)same);
		if (w->info != NULL)
			w->info->shared++;
	} else {
		const rs_imat *t = m->train;
		st_put_u8(o, TRAIN_FULL);
		st_put_u32(o, t->nusers);
		st_put_u32(o, t->nitems);
		st_put_u64(o, t->nnz);
		st_put_f64(o, t->mean);
		st_put_u8(o, t->explicit_values);
		st_put_array(o, t->uptr, (size_t)t->nusers + 1, sizeof *t->uptr);
		st_put_array(o, t->uidx, t->nnz, sizeof *t->uidx);
		st_put_array(o, t->uval, t->nnz, sizeof *t->uval);
		st_put_array(o, t->utime, t->nnz, sizeof *t->utime);
	}
	if ((rc = st_write_section(w, ST_MTRN, ST_REQUIRED)) != 0)
		goto out;
	st_put_array(o, state, slen, 1);
	rc = st_write_section(w, ST_MSTA, ST_REQUIRED);
out:
	free(state);
	return rc;
}

/* A training matrix of the model's size (checked before anything is
 * allocated from its counts). */
static rs_imat *
read_imat(struct st_in *in, uint32_t nusers, uint32_t nitems)
{
	rs_imat *t = xcalloc(1, sizeof *t);
	uint64_t nnz;
	bool expl;

	if (!st_get_u32(in, &t->nusers) || !st_get_u32(in, &t->nitems) ||
	    !st_get_u64(in, &nnz) || !st_get_f64(in, &t->mean) ||
	    !st_get_bool(in, &expl) ||
	    !st_get_array(in, (uint64_t)t->nusers + 1, sizeof *t->uptr, (void **)&t->uptr) ||
	    !st_get_array(in, nnz, sizeof *t->uidx, (void **)&t->uidx) ||
	    !st_get_array(in, nnz, sizeof *t->uval, (void **)&t->uval) ||
	    !st_get_array(in, nnz, sizeof *t->utime, (void **)&t->utime) ||
	    !st_get_end(in))
		goto fail;
	t->nnz = (size_t)nnz;
	t->explicit_values = expl;
	if (t->nusers != nusers || t->nitems != nitems) {
		st_corrupt(in, "a %u x %u training matrix for %u users, %u items",
		    t->nusers, t->nitems, nusers, nitems);
		goto fail;
	}
	/* rows in order, items ascending within a row, all in range */
	if (t->uptr[0] != 0 || t->uptr[t->nusers] != nnz) {
		st_corrupt(in, "training matrix row pointers do not span its %llu entries",
		    (unsigned long long)nnz);
		goto fail;
	}
	for (uint32_t u = 0; u < t->nusers; u++) {
		if (t->uptr[u + 1] < t->uptr[u] || t->uptr[u + 1] > nnz) {
			st_corrupt(in, "training matrix row %u is out of order", u);
			goto fail;
		}
		for (uint64_t k = t->uptr[u]; k < t->uptr[u + 1]; k++)
			if (t->uidx[k] >= t->nitems ||
			    (k > t->uptr[u] && t->uidx[k] <= t->uidx[k - 1])) {
				st_corrupt(in, "training matrix row %u: item %u out of order or range",
				    u, t->uidx[k]);
				goto fail;
			}
	}
	model_imat_transpose(t);
	return t;
fail:
	rs_imat_free(t);
	return NULL;
}

/* A model's name and parameters, checked by the kind as train checks them. */
static rs_model *
read_model_head(struct st_in *in, rs_model *const *earlier, size_t nearlier)
{
	char *name = NULL, *kind = NULL, **keys = NULL, **vals = NULL;
	uint32_t np = 0;
	rs_model *m = NULL;
	rs_error e;

	if (!st_get_str(in, &name) || !st_get_str(in, &kind) || !st_get_u32(in, &np))
		goto out;
	if (name == NULL || *name == '\0' || kind == NULL) {
		st_corrupt(in, "a model without a name or kind");
		goto out;
	}
	for (size_t k = 0; k < nearlier; k++)
		if (strcmp(earlier[k]->name, name) == 0) {
			st_corrupt(in, "a second model named %s", name);
			goto out;
		}
	if (rs_model_kind_find(kind) == NULL) {
		char list[512] = "";
		for (size_t i = 0; rs_model_kinds[i] != NULL; i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
			    i ? ", " : "", rs_model_kinds[i]->name);
		rs_error_set(in->r->err, RS_EINVAL,
		    "%s: model %s is of kind %s, which this reelscope does not have (kinds: %s)",
		    in->r->name, name, kind, list);
		goto out;
	}
	if (np > (in->len - in->pos) / 8) {
		st_corrupt(in, "%u parameters in %zu bytes", np, in->len - in->pos);
		goto out;
	}
	keys = xcalloc((size_t)np + 1, sizeof *keys);
	vals = xcalloc((size_t)np + 1, sizeof *vals);
	for (uint32_t i = 0; i < np; i++) {
		if (!st_get_str(in, &keys[i]) || !st_get_str(in, &vals[i]))
			goto out;
		if (keys[i] == NULL || vals[i] == NULL) {
			st_corrupt(in, "model %s: a null parameter", name);
			goto out;
		}
	}
	m = rs_model_new(kind, name, keys, vals, np, &e);
	if (m == NULL)
		rs_error_set(in->r->err, RS_EINVAL, "%s: model %s: %s", in->r->name, name,
		    e.msg);
out:
	for (uint32_t i = 0; keys != NULL && i < np; i++) {
		free(keys[i]);
		free(vals[i]);
	}
	free(keys);
	free(vals);
	free(name);
	free(kind);
	return m;
}

rs_model *
st_read_model(struct st_reader *r, rs_model *const *earlier, size_t nearlier)
{
	struct st_in in;
	rs_model *m = NULL;
	bool has_pop;
	uint64_t ne, best;
	uint8_t tmode;

	if (st_read_section(r, ST_MODL, &in) != 0 ||
	    (m = read_model_head(&in, earlier, nearlier)) == NULL)
		return NULL;
	if (!st_get_u32(&in, &m->nusers) || !st_get_u32(&in, &m->nitems) ||
	    !st_get_bool(&in, &has_pop))
		goto fail;
	/* the item count is backed by the popularity array: recommend
	   allocates by it */
	if (!has_pop) {
		st_corrupt(&in, "model %s has no item popularity", m->name);
		goto fail;
	}
	if (!st_get_array(&in, m->nitems, sizeof *m->popularity, (void **)&m->popularity))
		goto fail;
	if (!st_get_u64(&in, &ne))
		goto fail;
	if (ne > (in.len - in.pos) / 28) {
		st_corrupt(&in, "model %s: %llu epochs in %zu bytes", m->name,
		    (unsigned long long)ne, in.len - in.pos);
		goto fail;
	}
	m->history = xcalloc((size_t)ne + 1, sizeof *m->history);
	for (size_t e = 0; e < ne; e++) {
		rs_epoch *h = &m->history[e];
		if (!st_get_u32(&in, &h->epoch) || !st_get_f64(&in, &h->loss) ||
		    !st_get_f64(&in, &h->valid) || !st_get_f64(&in, &h->seconds))
			goto fail;
		m->nepochs++;
	}
	if (!st_get_u64(&in, &best) || !st_get_str(&in, &m->valid_metric) ||
	    !st_get_f64(&in, &m->fit_seconds) || !st_get_bool(&in, &m->interrupted) ||
	    !st_get_end(&in))
		goto fail;
	if (best > ne) {
		st_corrupt(&in, "model %s: best epoch %llu of %llu", m->name,
		    (unsigned long long)best, (unsigned long long)ne);
		goto fail;
	}
	m->best_epoch = (size_t)best;
	if (st_read_section(r, ST_MTRN, &in) != 0 || !st_get_u8(&in, &tmode))
		goto fail;
	if (tmode == TRAIN_SAME) {
		uint32_t k;
		if (!st_get_u32(&in, &k) || !st_get_end(&in))
			goto fail;
		if (k >= nearlier || earlier[k]->train == NULL) {
			st_corrupt(&in, "model %s: training rows of model %u", m->name, k);
			goto fail;
		}
		m->train = model_imat_copy(earlier[k]->train);
	} else if (tmode == TRAIN_FULL) {
		if ((m->train = read_imat(&in, m->nusers, m->nitems)) == NULL)
			goto fail;
	} else if (tmode != TRAIN_NONE || !st_get_end(&in)) {
		if (tmode != TRAIN_NONE)
			st_corrupt(&in, "model %s: training matrix mode %u", m->name, tmode);
		goto fail;
	}
	if (m->train != NULL && (m->train->nusers != m->nusers ||
	    m->train->nitems != m->nitems)) {
		st_corrupt(&in, "model %s: a %u x %u training matrix for %u users, %u items",
		    m->name, m->train->nusers, m->train->nitems, m->nusers, m->nitems);
		goto fail;
	}
	if (st_read_section(r, ST_MSTA, &in) != 0)
		goto fail;
	if (m->kind->load == NULL) {
		rs_error_set(r->err, RS_EINVAL, "%s: model %s: kind %s cannot load a saved state",
		    r->name, m->name, m->kind->name);
		goto fail;
	}
	{
		rs_error e;
		rs_error_clear(&e);
		if (m->kind->load(m, in.p, in.len, &e) != 0) {
			rs_error_set(r->err, RS_EPARSE, "%s: corrupt: section %u (MSTA): %s",
			    r->name, in.section, e.msg[0] ? e.msg : "the model's state was refused");
			goto fail;
		}
	}
	if (m->state == NULL) {
		st_corrupt(&in, "model %s: its kind loaded no state", m->name);
		goto fail;
	}
	return m;
fail:
	rs_model_free(m);
	return NULL;
}
