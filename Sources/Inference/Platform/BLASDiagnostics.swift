/// What `lightbox doctor` reports about the BLAS and the CPU.
public struct BLASDiagnostics: Sendable, Equatable {
    /// The kernel OpenBLAS runs ("Cooperlake", "Haswell", "Prescott", ...).
    public var coreName: String
    /// OpenBLAS's configuration string (version, DYNAMIC_ARCH, threading).
    public var config: String
    /// Threads in OpenBLAS's pool.
    public var threads: Int
    /// `OPENBLAS_CORETYPE` as set in the environment, if any.
    public var coreTypeOverride: String?
    /// SIMD features of the CPU from `BLASCoreAdvice.reportedFeatures`.
    public var cpuFeatures: [String]
    /// A better core type for this CPU when OpenBLAS chose a generic one.
    public var recommendedCoreType: String?
    /// The variant of the engine's own kernels in use, and those this CPU can run.
    public var kernelVariant: KernelVariant = KernelSelection.variant
    public var runnableVariants: [KernelVariant] = KernelVariant.runnable

    /// The live values for this process.
    public static func current() -> BLASDiagnostics {
        let flags = BLASCoreSelection.cpuFlags()
        let core = BLAS.coreName
        return BLASDiagnostics(coreName: core, config: BLAS.config, threads: BLAS.threads,
                               coreTypeOverride: BLASCoreSelection.environment("OPENBLAS_CORETYPE"),
                               cpuFeatures: BLASCoreAdvice.reportedFeatures.filter(flags.contains),
                               recommendedCoreType: BLASCoreAdvice.recommendedCoreType(currentCore: core, cpuFlags: flags))
    }

    /// One line per fact, for the doctor command.
    public var lines: [String] {
        var out = ["kernel variant: \(kernelVariant.rawValue) (this CPU runs: \(runnableVariants.map(\.rawValue).joined(separator: ", ")); \(KernelVariant.environmentVariable) pins one)",
                   "blas core: \(coreName)" + (coreTypeOverride.map { " (OPENBLAS_CORETYPE=\($0))" } ?? ""),
                   "blas config: \(config)",
                   "blas threads: \(threads)",
                   "cpu features: \(cpuFeatures.isEmpty ? "none detected" : cpuFeatures.joined(separator: " "))"]
        if let r = recommendedCoreType {
            out.append("warning: OpenBLAS runs a generic kernel on a CPU that supports \(r); lightbox re-executes itself with OPENBLAS_CORETYPE=\(r) unless \(BLASCoreSelection.guardVariable)=0")
        }
        return out
    }
}
