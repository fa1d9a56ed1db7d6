/* Multinomial naive Bayes on term counts, with additive smoothing. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/classify.h"
#include "util/xmalloc.h"

void
rs_nb_free(rs_nb *m)
{
	free(m->log_prior);
	free(m->log_lik);
	free(m->seen);
	memset(m, 0, sizeof *m);
}

int
rs_nb_fit(rs_nb *m, uint32_t nclasses, uint32_t nterms, size_t ndocs,
    const uint64_t *ptr, const uint32_t *term, const uint32_t *count,
    const uint32_t *label, const uint8_t *use, double alpha, rs_error *err)
{
	size_t ncells = (size_t)nclasses * nterms, used = 0;
	double *total, *docs;

	memset(m, 0, sizeof *m);
	if (!(alpha > 0) || !isfinite(alpha)) {
		rs_error_set(err, RS_EINVAL, "alpha must be above 0");
		return -1;
	}
	if (nclasses == 0) {
		rs_error_set(err, RS_EINVAL, "no classes to learn");
		return -1;
	}
	m->nclasses = nclasses;
	m->nterms = nterms;
	m->alpha = alpha;
	m->log_prior = xcalloc(nclasses, sizeof *m->log_prior);
	m->log_lik = xcalloc(ncells ? ncells : 1, sizeof *m->log_lik);
	m->seen = xcalloc(nterms ? nterms : 1, 1);
	total = xcalloc(nclasses, sizeof *total);
	docs = xcalloc(nclasses, sizeof *docs);
	/* counts first: log_lik holds T_ct until the end */
	for (size_t d = 0; d < ndocs; d++) {
		uint32_t c = label[d];
		if ((use != NULL && !use[d]) || c >= nclasses)
			continue;
		used++;
		docs[c]++;
		for (uint64_t k = ptr[d]; k < ptr[d + 1]; k++) {
			m->log_lik[(size_t)c * nterms + term[k]] += count[k];
			total[c] += count[k];
			m->seen[term[k]] = 1;
		}
	}
	if (used == 0) {
		free(total);
		free(docs);
		rs_nb_free(m);
		rs_error_set(err, RS_EINVAL, "no labelled documents to learn from");
		return -1;
	}
	for (uint32_t t = 0; t < nterms; t++)
		m->vocab += m->seen[t];
	for (uint32_t c = 0; c < nclasses; c++) {
		double denom = log(total[c] + alpha * m->vocab);
		double *row = m->log_lik + (size_t)c * nterms;
		/* a class without training documents can never win */
		m->log_prior[c] = docs[c] > 0 ? log(docs[c] / (double)used) : -INFINITY;
		for (uint32_t t = 0; t < nterms; t++)
			row[t] = log(row[t] + alpha) - denom;
	}
	free(total);
	free(docs);
	return 0;
}

uint32_t
rs_nb_predict(const rs_nb *m, const uint32_t *term, const uint32_t *count,
    size_t n, double *post)
{
	double best = -INFINITY, sum = 0, stackbuf[64];
	double *score = m->nclasses <= 64 ? stackbuf :
	    xmalloc(m->nclasses * sizeof *score);
	uint32_t arg = 0;

	for (uint32_t c = 0; c < m->nclasses; c++) {
		const double *row = m->log_lik + (size_t)c * m->nterms;
		double s = m->log_prior[c];
		if (s != -INFINITY)
			for (size_t k = 0; k < n; k++)
				if (term[k] < m->nterms && m->seen[term[k]])
					s += count[k] * row[term[k]];
		score[c] = s;
		if (s > best) {
			best = s;
			arg = c;
		}
	}
	if (post != NULL) {
		for (uint32_t c = 0; c < m->nclasses; c++) {
			post[c] = score[c] == -INFINITY ? 0 : exp(score[c] - best);
			sum += post[c];
		}
		for (uint32_t c = 0; c < m->nclasses; c++)
			post[c] /= sum;
	}
	if (score != stackbuf)
		free(score);
	return arg;
}
