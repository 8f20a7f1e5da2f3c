import Inference

/// The inference engine's view of BLAS, for `lightbox doctor`.
enum EngineReport {
    static func lines() -> [String] {
        ["", "Inference engine"] + BLASDiagnostics.current().lines.map { "  " + $0 }
    }

    /// `doctor --kernels`: the lines to print and whether every graph agreed.
    static func kernelCheck() throws -> ([String], Bool) {
        let variant = try KernelSelection.process.get()
        let r = try KernelSelfTest.run(variant: variant)
        let head = "  kernel check: \(r.graphs - r.disagreements.count) of \(r.graphs) graphs agree with the reference kernels (variant \(variant.rawValue), blas \(BLAS.coreName))"
        return ([head] + r.disagreements.map { "  disagrees: " + $0 }, r.disagreements.isEmpty)
    }
}
