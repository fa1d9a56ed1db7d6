/* Top k of a vector by partial selection (a heap of k), never a full sort. */
#include "config.h"

#include <stdbool.h>

#include "reelscope/features.h"

/* Heap order: a is worse than b (smaller value, or equal and later). */
static bool
worse(const float *v, uint32_t a, uint32_t b)
{
	return v[a] < v[b] || (v[a] == v[b] && a > b);
}

static void
sift_down(const float *v, uint32_t *heap, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && worse(v, heap[l], heap[m]))
			m = l;
		if (r < n && worse(v, heap[r], heap[m]))
			m = r;
		if (m == i)
			return;
		uint32_t t = heap[i];
		heap[i] = heap[m];
		heap[m] = t;
		i = m;
	}
}

size_t
rs_top_k(const float *v, size_t n, size_t k, float floor, uint32_t *idx)
{
	size_t h = 0;

	if (k == 0)
		return 0;
	/* a min-heap of the best k so far: its root is the worst of them */
	for (size_t i = 0; i < n; i++) {
		if (!(v[i] > floor))
			continue;
		if (h < k) {
			size_t j = h++;
			idx[j] = (uint32_t)i;
			while (j > 0 && worse(v, idx[j], idx[(j - 1) / 2])) {
				uint32_t t = idx[j];
				idx[j] = idx[(j - 1) / 2];
				idx[(j - 1) / 2] = t;
				j = (j - 1) / 2;
			}
		} else if (worse(v, idx[0], (uint32_t)i)) {
			idx[0] = (uint32_t)i;
			sift_down(v, idx, h, 0);
		}
	}
	/* pop the worst to the back: best first */
	for (size_t n2 = h; n2 > 1; n2--) {
		uint32_t t = idx[0];
		idx[0] = idx[n2 - 1];
		idx[n2 - 1] = t;
		sift_down(v, idx, n2 - 1, 0);
	}
	return h;
}
