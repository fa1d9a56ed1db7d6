/* Recurrent and convolutional layers: the GRU cell and 1-D convolution, forward and backward. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "model/nn/nn.h"

static inline float
sig(float x)
{
	return x >= 0 ? 1.0f / (1.0f + expf(-x)) : expf(x) / (1.0f + expf(x));
}

void
nn_gru_fwd(const float *Wx, const float *Uh, const float *bx, const float *bh,
    uint32_t D, uint32_t H, const float *x, const float *h, uint32_t n,
    float *hout, nn_gru_cache *cache, float *scratch)
{
	const size_t G = 3 * (size_t)H;
	float *gx = scratch, *gh = scratch + (size_t)n * G;

	nn_dense_fwd(Wx, bx, D, 3 * H, x, n, gx);
	nn_dense_fwd(Uh, bh, H, 3 * H, h, n, gh);
	for (uint32_t k = 0; k < n; k++) {
		const float *ax = gx + k * G, *ah = gh + k * G, *hk = h + (size_t)k * H;
		float *z = cache->z + (size_t)k * H, *r = cache->r + (size_t)k * H;
		float *c = cache->c + (size_t)k * H, *uc = cache->uc + (size_t)k * H;
		float *o = hout + (size_t)k * H;
		for (uint32_t j = 0; j < H; j++) {
			z[j] = sig(ax[j] + ah[j]);
			r[j] = sig(ax[H + j] + ah[H + j]);
			uc[j] = ah[2 * H + j];
			c[j] = tanhf(ax[2 * H + j] + r[j] * uc[j]);
			o[j] = (1 - z[j]) * c[j] + z[j] * hk[j];
		}
	}
}

void
nn_gru_bwd(const float *Wx, const float *Uh, uint32_t D, uint32_t H,
    const float *x, const float *h, uint32_t n, const nn_gru_cache *cache,
    const float *dhout, float *dWx, float *dUh, float *dbx, float *dbh,
    float *dx, float *dh, float *scratch)
{
	const size_t G = 3 * (size_t)H;
	float *dgx = scratch, *dgh = scratch + (size_t)n * G;

	for (uint32_t k = 0; k < n; k++) {
		const float *z = cache->z + (size_t)k * H, *r = cache->r + (size_t)k * H;
		const float *c = cache->c + (size_t)k * H, *uc = cache->uc + (size_t)k * H;
		const float *hk = h + (size_t)k * H, *d = dhout + (size_t)k * H;
		float *ax = dgx + k * G, *ah = dgh + k * G;
		for (uint32_t j = 0; j < H; j++) {
			float dz = d[j] * (hk[j] - c[j]);
			float dac = d[j] * (1 - z[j]) * (1 - c[j] * c[j]);
			float dr = dac * uc[j];
			float daz = dz * z[j] * (1 - z[j]);
			float dar = dr * r[j] * (1 - r[j]);
			ax[j] = ah[j] = daz;
			ax[H + j] = ah[H + j] = dar;
			ax[2 * H + j] = dac;
			ah[2 * H + j] = dac * r[j];
		}
	}
	nn_dense_bwd(Wx, D, 3 * H, x, dgx, n, dWx, dbx, dx);
	nn_dense_bwd(Uh, H, 3 * H, h, dgh, n, dUh, dbh, dh);
	for (uint32_t k = 0; k < n; k++) {
		const float *z = cache->z + (size_t)k * H, *d = dhout + (size_t)k * H;
		float *o = dh + (size_t)k * H;
		for (uint32_t j = 0; j < H; j++)
			o[j] += d[j] * z[j];
	}
}

void
nn_conv1d_fwd(const float *K, const float *b, uint32_t L, uint32_t C,
    uint32_t w, uint32_t F, const float *x, float *col, float *y)
{
	uint32_t T = L - w + 1;
	size_t wc = (size_t)w * C;

	for (uint32_t t = 0; t < T; t++)
		memcpy(col + t * wc, x + (size_t)t * C, wc * sizeof *col);
	nn_dense_fwd(K, b, (uint32_t)wc, F, col, T, y);
}

void
nn_conv1d_bwd(const float *K, uint32_t L, uint32_t C, uint32_t w, uint32_t F,
    const float *col, const float *dy, float *dK, float *db, float *dx,
    float *dcol)
{
	uint32_t T = L - w + 1;
	size_t wc = (size_t)w * C;

	nn_dense_bwd(K, (uint32_t)wc, F, col, dy, T, dK, db, dx ? dcol : NULL);
	for (uint32_t t = 0; dx != NULL && t < T; t++) {
		const float *src = dcol + t * wc;
		float *dst = dx + (size_t)t * C;
		for (size_t j = 0; j < wc; j++)
			dst[j] += src[j];
	}
}
