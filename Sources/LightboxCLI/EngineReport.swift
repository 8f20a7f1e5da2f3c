import Inference

/// The inference engine's view of BLAS, for `lightbox doctor`.
enum EngineReport {
    static func lines() -> [String] {
        ["", "Inference engine"] + BLASDiagnostics.current().lines.map { "  " + $0 }
    }
}
