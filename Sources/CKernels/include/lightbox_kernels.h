#ifndef LIGHTBOX_KERNELS_H
#define LIGHTBOX_KERNELS_H
// Lightbox's own SIMD kernels, written in C because Swift cannot compile one
// function for AVX2 and another for AVX-512 in the same binary. Swift calls
// them through the Inference target only.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Kernel variants. Every variant computes each output element as the same
/// chain of fused multiply-adds in the same k order, so all of them give
/// bitwise-identical results on every CPU, and identical rows or columns of
/// the inputs give identical outputs wherever they sit in a tile.
enum {
    LB_VARIANT_GENERIC = 0,  // portable C vectors, 16 lanes; fmaf where the CPU has no FMA
    LB_VARIANT_AVX2 = 1,     // AVX2 + FMA, 8 lanes
    LB_VARIANT_AVX512 = 2,   // AVX-512F, 16 lanes
    LB_VARIANT_COUNT = 3
};

/// 1 when this CPU can run the variant.
int lb_variant_runnable(int variant);

/// Floats of scratch one thread needs for `lb_sgemm` (packed panels).
size_t lb_sgemm_scratch_floats(void);

/// C[m×n] = A[m×k]·B[k×n] (+ C when accumulate ≠ 0), all row-major with the
/// given leading dimensions. `scratch` holds `lb_sgemm_scratch_floats()`
/// floats owned by the calling thread. Single-threaded: callers split n.
void lb_sgemm(int variant, int m, int n, int k,
              const float *a, int lda, const float *b, int ldb,
              int accumulate, float *c, int ldc, float *scratch);

#ifdef __cplusplus
}
#endif
#endif
