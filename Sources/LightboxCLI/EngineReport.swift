/// The inference engine's view of BLAS, for `lightbox doctor`.
enum EngineReport {
    static func lines() -> [String] {
        ["", "Inference engine", "  BLAS               OpenBLAS (kernel report arrives with the engine)"]
    }
}
