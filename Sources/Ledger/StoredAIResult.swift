import Common

/// A pinned AI result as the ledger holds it (table `ai_results`).
public struct StoredAIResult: Sendable, Equatable {
    public let id: Int64
    public let study: String
    public let model: ModelFingerprint
    public let engineVersion: String
    public let kernelVariant: String
    /// The finding's canonical JSON, exactly as stored.
    public let payload: String
    public let createdAt: Double
}

/// A model an experiment is pinned to (table `experiment_models`).
public struct ExperimentModel: Sendable, Equatable {
    public let model: ModelFingerprint
    /// The card's task (fracture, boneAge, spine).
    public let task: String
    public let pinnedAt: Double

    public init(model: ModelFingerprint, task: String, pinnedAt: Double = 0) {
        self.model = model; self.task = task; self.pinnedAt = pinnedAt
    }
}
