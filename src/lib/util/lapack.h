/* The LAPACK routines the engine calls, declared once (no lapacke header is required to build). */
#ifndef RS_UTIL_LAPACK_H
#define RS_UTIL_LAPACK_H

#include <stddef.h>

/* Fortran calling convention (OpenBLAS's LAPACK): every argument by
 * pointer, and the trailing size_t is the hidden length of the character
 * argument. */

/* Cholesky factorisation of a symmetric positive definite matrix */
extern void spotrf_(const char *uplo, const int *n, float *a, const int *lda,
    int *info, size_t uplo_len);
/* solve with the factor spotrf_ left */
extern void spotrs_(const char *uplo, const int *n, const int *nrhs,
    const float *a, const int *lda, float *b, const int *ldb, int *info,
    size_t uplo_len);
/* inverse from the factor spotrf_ left */
extern void spotri_(const char *uplo, const int *n, float *a, const int *lda,
    int *info, size_t uplo_len);

#endif
