import Common

/// Where a model's result on a study is kept once computed, so that every
/// reader (every process, every host sharing the store) is shown the same
/// bytes and inference runs once per (study, model fingerprint). The ledger
/// implements it; FindingsEngine always shows what the store returns, never
/// its own fresh result, so two readers cannot see different AI.
public protocol PinnedResultStore: Sendable {
    /// The stored result, or nil when none is stored yet.
    func pinnedResult(study: String, model: ModelFingerprint) throws -> PinnedResult?
    /// Stores `payload` unless a result is stored already (another process won
    /// the race); either way returns the one stored.
    func pin(study: String, model: ModelFingerprint, engineVersion: String, kernelVariant: String,
             payload: String) throws -> PinnedResult
}

/// One stored result: its id in the store (referenced by events and signed
/// reads) and the canonical JSON of the model's finding.
public struct PinnedResult: Sendable, Equatable {
    public var id: Int64
    public var payload: String

    public init(id: Int64, payload: String) { self.id = id; self.payload = payload }
}
