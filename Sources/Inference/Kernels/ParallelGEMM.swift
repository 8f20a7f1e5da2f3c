/// GEMM split across the engine's threads, each chunk a single-threaded
/// OpenBLAS call. OpenBLAS's own threading declines to parallelise the small
/// GEMMs of batch-1 CNNs (DenseNet-121 ran on ~1.1 cores with it); splitting
/// the output's columns (or rows, when there are few columns) keeps every
/// thread busy. The session pins OpenBLAS to one thread while it runs.
enum ParallelGEMM {
    /// C[m×n] = alpha·op(A)·op(B) + beta·C, row-major.
    static func sgemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int, threads: Int) {
        let quantum = 16
        // Below ~2 MFLOP a thread hand-off costs about as much as the work.
        let threads = 2 * m * n * k < (1 << 21) ? 1 : threads
        if threads > 1 && n >= 2 * quantum {
            let blocks = (n + quantum - 1) / quantum
            let parts = min(threads, blocks)
            parallelFor(parts, threads: parts) { range in
                for p in range {
                    let n0 = blocks * p / parts * quantum, n1 = min(n, blocks * (p + 1) / parts * quantum)
                    guard n0 < n1 else { continue }
                    BLAS.sgemm(transA: transA, transB: transB, m: m, n: n1 - n0, k: k, alpha: alpha, a: a, lda: lda,
                               b: transB ? b + n0 * ldb : b + n0, ldb: ldb, beta: beta, c: c + n0, ldc: ldc)
                }
            }
        } else if threads > 1 && m >= 2 * quantum {
            let blocks = (m + quantum - 1) / quantum
            let parts = min(threads, blocks)
            parallelFor(parts, threads: parts) { range in
                for p in range {
                    let m0 = blocks * p / parts * quantum, m1 = min(m, blocks * (p + 1) / parts * quantum)
                    guard m0 < m1 else { continue }
                    BLAS.sgemm(transA: transA, transB: transB, m: m1 - m0, n: n, k: k, alpha: alpha,
                               a: transA ? a + m0 : a + m0 * lda, lda: lda, b: b, ldb: ldb, beta: beta, c: c + m0 * ldc, ldc: ldc)
                }
            }
        } else {
            BLAS.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                       beta: beta, c: c, ldc: ldc)
        }
    }
}
