import CKernels

/// The matrix products of convolutions, on Lightbox's own packed SGEMM
/// (Sources/CKernels) rather than OpenBLAS. OpenBLAS's AVX2 kernels (Haswell,
/// Zen) compute edge tiles in another order than inner ones, so two identical
/// weight rows can give results an ulp apart; a network whose logits are large
/// (SqueezeNet with constant weights: 9.5e9, ulp 1024) then turned a uniform
/// softmax into four spikes. Here every element is one FMA chain in k order,
/// whatever its place in a tile or the variant. The engine splits the columns
/// (or, when there are few, the rows) across its threads, each with its own
/// packing scratch; neither split changes any element's chain.
struct KernelGEMM {
    var variant: KernelVariant
    var threads: Int
    /// `threads × scratchFloats` floats.
    var scratch: UnsafeMutablePointer<Float>

    static var scratchFloats: Int { Int(lb_sgemm_scratch_floats()) }

    /// C[m×n] = A[m×k]·B[k×n] (+ C when `accumulate`), row-major.
    func multiply(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                  accumulate: Bool = false, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let code = variant.code, per = Self.scratchFloats
        // Below ~2 MFLOP a thread hand-off costs about as much as the work.
        let useThreads = 2 * m * n * k < (1 << 21) ? 1 : threads
        // Few columns (7×7 and 14×14 maps): split the rows instead, in whole 6-row tiles.
        if useThreads > 1 && n < 128 && m >= 12 {
            let tiles = (m + 5) / 6, parts = min(useThreads, tiles)
            let scratch = self.scratch
            parallelFor(parts, threads: parts) { range in
                for p in range {
                    let m0 = tiles * p / parts * 6, m1 = min(m, tiles * (p + 1) / parts * 6)
                    guard m0 < m1 else { continue }
                    lb_sgemm(code, Int32(m1 - m0), Int32(n), Int32(k), a + m0 * lda, Int32(lda), b, Int32(ldb), accumulate ? 1 : 0,
                             c + m0 * ldc, Int32(ldc), scratch + p * per)
                }
            }
            return
        }
        let quantum = 32
        let blocks = (n + quantum - 1) / quantum
        let parts = min(useThreads, blocks)
        if parts <= 1 {
            lb_sgemm(code, Int32(m), Int32(n), Int32(k), a, Int32(lda), b, Int32(ldb), accumulate ? 1 : 0, c, Int32(ldc), scratch)
            return
        }
        let scratch = self.scratch
        parallelFor(parts, threads: parts) { range in
            for p in range {
                let n0 = blocks * p / parts * quantum, n1 = min(n, blocks * (p + 1) / parts * quantum)
                guard n0 < n1 else { continue }
                lb_sgemm(code, Int32(m), Int32(n1 - n0), Int32(k), a, Int32(lda), b + n0, Int32(ldb), accumulate ? 1 : 0,
                         c + n0, Int32(ldc), scratch + p * per)
            }
        }
    }
}
