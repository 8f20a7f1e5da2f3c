import COpenBLAS

/// The only file that imports OpenBLAS: single-precision GEMM and the
/// library's own description of the kernel it chose at load time.
public enum BLAS {
    /// C[m×n] = alpha·op(A)·op(B) + beta·C, row-major, leading dimensions given.
    static func sgemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                      alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                      b: UnsafePointer<Float>, ldb: Int,
                      beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// The kernel family OpenBLAS selected when it loaded ("Haswell",
    /// "SkylakeX", "Prescott", ...). Fixed for the life of the process.
    public static var coreName: String {
        guard let p = openblas_get_corename() else { return "unknown" }
        return String(cString: p)
    }

    /// The build configuration string (version, DYNAMIC_ARCH, thread model).
    public static var config: String {
        guard let p = openblas_get_config() else { return "unknown" }
        return String(cString: p)
    }

    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// OpenBLAS's pool is process-wide; the engine sets it per session.
    public static func setThreads(_ n: Int) { openblas_set_num_threads(Int32(max(1, n))) }
}
