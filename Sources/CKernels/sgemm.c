#include "lightbox_kernels.h"

// Blocking: a kc×nc block of B (256 KiB) stays in L2 while every row panel of
// A streams past it; one A panel (MR×kc, 6 KiB) stays in L1 across the block.
#define LB_MR 6
#define LB_KC 256
#define LB_NC 256

// The NR of the widest variant (16 lanes × 2) bounds nothing here: each
// variant packs B panels of its own width inside the same kc×nc block.

#define LB_W 16
#define LB_NAME generic
#include "sgemm_body.inc"
#undef LB_W
#undef LB_NAME

#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#define LB_W 8
#define LB_NAME avx2
#include "sgemm_body.inc"
#undef LB_W
#undef LB_NAME
#pragma clang attribute pop

#pragma clang attribute push(__attribute__((target("avx512f"))), apply_to = function)
#define LB_W 16
#define LB_NAME avx512
#include "sgemm_body.inc"
#undef LB_W
#undef LB_NAME
#pragma clang attribute pop

int lb_variant_runnable(int variant) {
    switch (variant) {
    case LB_VARIANT_GENERIC: return 1;
    case LB_VARIANT_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case LB_VARIANT_AVX512:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f");
    default: return 0;
    }
}

size_t lb_sgemm_scratch_floats(void) { return (size_t)LB_KC * LB_NC + (size_t)LB_KC * LB_MR; }

void lb_sgemm(int variant, int m, int n, int k, const float *a, int lda, const float *b, int ldb,
              int accumulate, float *c, int ldc, float *scratch) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0) {
        if (!accumulate)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) c[(size_t)i * ldc + j] = 0;
        return;
    }
    switch (variant) {
    case LB_VARIANT_AVX2: sgemm_avx2(m, n, k, a, lda, b, ldb, accumulate, c, ldc, scratch); break;
    case LB_VARIANT_AVX512: sgemm_avx512(m, n, k, a, lda, b, ldb, accumulate, c, ldc, scratch); break;
    default: sgemm_generic(m, n, k, a, lda, b, ldb, accumulate, c, ldc, scratch); break;
    }
}
