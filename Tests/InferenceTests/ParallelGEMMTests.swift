import Testing
@testable import Inference

/// The thread-split GEMM against one single-threaded call, on shapes that take the
/// column split, the row split and the small-problem path, with and without transposes.
@Suite struct ParallelGEMMTests {
    @Test(arguments: [(64, 300, 80), (200, 20, 300), (8, 8, 8), (33, 517, 129)])
    func splitMatchesSingleCall(_ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var r = TestRandom(seed: UInt64(m * 1000 + n))
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = r.floats(m * k), b = r.floats(k * n), c0 = r.floats(m * n)
            var one = c0, split = c0
            let lda = ta ? m : k, ldb = tb ? k : n
            a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in
                one.withUnsafeMutableBufferPointer { pc in
                    BLAS.sgemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 0.5, a: pa.baseAddress!, lda: lda,
                               b: pb.baseAddress!, ldb: ldb, beta: 0.25, c: pc.baseAddress!, ldc: n)
                }
                split.withUnsafeMutableBufferPointer { pc in
                    ParallelGEMM.sgemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 0.5, a: pa.baseAddress!, lda: lda,
                                       b: pb.baseAddress!, ldb: ldb, beta: 0.25, c: pc.baseAddress!, ldc: n, threads: 2)
                }
            } }
            #expect(SingleNode.nmse(split, one) <= 1e-12, "m \(m) n \(n) k \(k) transA \(ta) transB \(tb)")
        }
    }
}
