/* Learning from new events without retraining: the engine's side of the kinds' update hooks. */
#include "config.h"

#include <math.h>

#include "reelscope/model.h"

int
rs_model_update(rs_model *m, const rs_event *ev, size_t n, uint32_t nusers,
    uint32_t nitems, rs_error *err)
{
	if (m->kind->update == NULL) {
		rs_error_set(err, RS_EINVAL,
		    "model %s (%s) cannot learn from new events: retrain it",
		    m->name, m->kind->name);
		return -1;
	}
	if (nusers < m->nusers || nitems < m->nitems) {
		rs_error_set(err, RS_EINVAL,
		    "model %s has %u users and %u items: the data cannot shrink to %u and %u",
		    m->name, m->nusers, m->nitems, nusers, nitems);
		return -1;
	}
	for (size_t k = 0; k < n; k++)
		if (ev[k].user >= nusers || ev[k].item >= nitems ||
		    !isfinite(ev[k].value)) {
			rs_error_set(err, RS_EINVAL,
			    "event %zu: user %u or item %u outside %u x %u, or value not finite",
			    k + 1, ev[k].user, ev[k].item, nusers, nitems);
			return -1;
		}
	/* growing the model's id spaces and its training matrix (seen items,
	 * popularity) comes with the first kinds that update (issue 17) */
	if (nusers > m->nusers || nitems > m->nitems) {
		rs_error_set(err, RS_EINVAL,
		    "model %s: new users or items are not supported yet", m->name);
		return -1;
	}
	return m->kind->update(m, ev, n, err);
}
